"""Questions in the show file: migration, journaled changes, another process's import."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from moderator_app.core.actions import ActionType
from moderator_app.core.questions import QState, Question, QuestionError
from moderator_app.io import showfile
from moderator_app.io.question_import import preview_file
from moderator_app.io.question_store import QuestionBook, load_questions
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"


def imported(book: QuestionBook, name: str = "zoom_qa_utf8bom.csv", **kwargs):
    return book.import_result(preview_file(FIX / name, tz=book.session.show.tz), **kwargs)


def journal(session: ShowSession, prefix: str = "question.") -> list:
    return [a for a in session.file.actions() if a.type.startswith(prefix)]


def test_migration_adds_questions_table_to_old_files(tmp_path: Path, seed_show) -> None:
    path = tmp_path / "old.show"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA application_id = {showfile.APPLICATION_ID}")
    db.execute("BEGIN")
    showfile.MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute("COMMIT")
    ShowFile(path, db, readonly=False).save_show(seed_show)
    db.close()
    with ShowFile.open(path) as file:
        assert load_questions(file) == []
        assert file.db.execute("PRAGMA user_version").fetchone()[0] == showfile.SCHEMA_VERSION
    assert (tmp_path / "old.show.v1.bak").exists()


def test_import_is_journaled_and_reimport_merges(session: ShowSession) -> None:
    book = QuestionBook(session)
    first = imported(book, answered_as="new")
    assert (first.added, first.present) == (5, 0)
    [entry] = journal(session)
    assert entry.type == "question.imported"
    assert entry.payload == {"file": "zoom_qa_utf8bom.csv", "added": 5, "present": 0,
                             "skipped": 0, "answered": 0}
    one = book.queue.ordered()[0]
    book.set_state(one.id, QState.SHORTLISTED)
    book.edit(one.id, note="en premier", tags=["financement"])
    again = imported(book, "zoom_qa_utf16.csv")  # same report, other encoding
    assert (again.added, again.present) == (0, 5)
    reopened = ShowSession.open(session.path, clock=session.clock)
    try:
        stored = QuestionBook(reopened).queue.get(one.id)
        assert (stored.state, stored.note, stored.tags) == (
            QState.SHORTLISTED, "en premier", ("financement",))
    finally:
        reopened.close()


def test_take_next_journals_exact_state_payload(session: ShowSession, clock) -> None:
    book = QuestionBook(session)
    imported(book, answered_as="new")
    a, b = book.queue.ordered()[:2]
    book.set_state(a.id, "shortlisted")
    book.set_state(b.id, "shortlisted")
    session.perform(ActionType.START, {"index": 5})  # the Q&A segment
    book.take_next()
    clock.advance(100)
    book.take_next()
    documented = ("id", "from", "to", "text", "asker", "segment")
    entries = [x.payload for x in journal(session, "question.state")][2:]
    states = [{k: p[k] for k in documented} for p in entries]
    # each also says what it changed, so it can be undone from the journal
    assert entries[0]["restore"][a.id]["before"]["state"] == "shortlisted"
    assert entries[1]["group"] == entries[2]["group"]  # one take-next, one undo step
    assert states == [
        {"id": a.id, "from": "shortlisted", "to": "on_air", "text": a.text, "asker": a.asker,
         "segment": "qa"},
        {"id": a.id, "from": "on_air", "to": "answered", "text": a.text, "asker": a.asker,
         "segment": "qa"},
        {"id": b.id, "from": "shortlisted", "to": "on_air", "text": b.text, "asker": None,
         "segment": "qa"},
    ]
    estimate = book.live_estimate(session.snapshot())
    assert estimate.segment == "qa" and estimate.average_s == 100
    assert estimate.fit == int(estimate.remaining_s // 100)
    with pytest.raises(QuestionError):
        book.take_next()


def test_other_process_import_shows_up(session: ShowSession, clock) -> None:
    book = QuestionBook(session)
    seen: list[str] = []
    book.subscribe(lambda kind, qs: seen.append(kind))
    other = ShowSession.open(session.path, clock=clock)
    try:
        imported(QuestionBook(other), "slido_export.csv")
    finally:
        other.close()
    assert len(book.queue) == 0
    session.refresh()
    assert len(book.queue) == 3 and seen == ["reset"]


def test_failed_write_changes_nothing(session: ShowSession) -> None:
    book = QuestionBook(session)
    imported(book)
    before = [q.to_dict() for q in book.queue.ordered()]
    session.file.db.execute("DROP TABLE questions")  # the write will fail
    with pytest.raises(Exception):  # noqa: B017 - any failure must leave memory untouched
        book.set_state(before[0]["id"], "shortlisted")
    assert [q.to_dict() for q in book.queue.ordered()] == before


def test_manual_add_and_linked_sources(session: ShowSession, clock) -> None:
    book = QuestionBook(session)
    q = Question.new("Question du chat : et l'Afrique subsaharienne ?", asker="Chat",
                     submitted_at=clock.now() + timedelta(seconds=1))
    book.add(q)
    assert book.queue.get(q.id).text == q.text
    book.link_source(FIX / "slido_export.csv", profile="slido")
    [link] = book.linked_sources()
    assert link.path.endswith("slido_export.csv") and link.profile == "slido"
    book.unlink_source(link.path)
    assert book.linked_sources() == []


def test_every_field_survives_the_file(session: ShowSession, clock) -> None:
    book = QuestionBook(session)
    now = clock.now()
    full = Question.new("Égalité = « <b>oui</b> » ;\nligne 2", asker="Zoé", email="z@x.org",
                        organisation="Lyon", submitted_at=now, votes=0,
                        answered_in_source=False, anonymous=True, source="slido",
                        source_file="e.csv")
    plain = Question.new("Une question sans rien d'autre ?")
    book.add(full)
    book.add(plain)
    book.edit(full.id, tags=["budget", "Afrique"], note="à poser", speaker="Ana",
              starred=True, segment="qa")
    book.set_state(full.id, "on_air")
    clock.advance(30)
    book.answered()
    book.merge(full.id, plain.id)
    expected = {q.id: q.to_dict() for q in book.queue.ordered()}
    reopened = ShowSession.open(session.path, clock=clock)
    try:
        stored = {q.id: q.to_dict() for q in QuestionBook(reopened).queue.ordered()}
    finally:
        reopened.close()
    assert stored == expected
    assert stored[full.id]["tags"] == ["budget", "Afrique"] and stored[full.id]["starred"] is True
    assert stored[full.id]["answered_in_source"] is False and stored[full.id]["votes"] == 0
    assert stored[plain.id]["merged_into"] == full.id and stored[plain.id]["anonymous"] is False


def test_large_first_import_rebuilds_the_id_index(session: ShowSession, monkeypatch) -> None:
    from moderator_app.io import question_store

    monkeypatch.setattr(question_store, "_BULK_ROWS", 3)
    book = QuestionBook(session)
    first = imported(book)  # 5 new questions into an empty table: the bulk path
    db = session.file.db
    indexes = db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                         "AND tbl_name = 'questions'").fetchall()
    assert indexes == [("questions_id",)] and first.added == 5
    one = book.queue.ordered()[0]
    with pytest.raises(sqlite3.IntegrityError):  # the rebuilt index holds every id
        db.execute("INSERT INTO questions (id, text, position) VALUES (?, 'x', 0)", (one.id,))
    book.set_state(one.id, "shortlisted")
    again = imported(book)  # all present: written row by row, nothing duplicated
    more = imported(book, "slido_export.csv")  # new ids but a smaller batch than the table
    assert (again.added, more.added) == (0, 3)
    assert db.execute("SELECT count(*), count(DISTINCT id) FROM questions").fetchone() == (8, 8)
    reopened = ShowSession.open(session.path, clock=session.clock)
    try:
        assert QuestionBook(reopened).queue.get(one.id).state is QState.SHORTLISTED
    finally:
        reopened.close()


def test_shared_texts_of_a_batch_survive_quotes(session: ShowSession) -> None:
    book = QuestionBook(session)
    name = "l'export « final »; DROP TABLE questions; --.csv"
    batch = [Question.new(f"Question numéro {i} ?", source="o'slido", source_file=name,
                          votes=i) for i in range(3)]
    merge = book.queue.plan_import(batch, file=name, skipped=0)
    book.commit(list(merge.changes))
    reopened = ShowSession.open(session.path, clock=session.clock)
    try:
        stored = QuestionBook(reopened).queue.ordered()
    finally:
        reopened.close()
    assert [(q.source, q.source_file, q.votes) for q in stored] == [
        ("o'slido", name, 0), ("o'slido", name, 1), ("o'slido", name, 2)]


# -- answered in the source (issue 10, item 4) ---------------------------------------------
def test_answered_in_source_imported_as_answered_journaled_and_reported(
        session: ShowSession, clock) -> None:
    from moderator_app.core.report import build_report

    book = QuestionBook(session)
    merge = imported(book)  # rows 1 and 2 of the report are answered in Zoom
    assert (merge.added, merge.answered) == (5, 2)
    entries = journal(session)
    assert [a.type for a in entries] == ["question.imported", "question.state",
                                         "question.state"]
    assert entries[0].payload["answered"] == 2
    one, two = book.queue.ordered()[:2]
    assert [a.payload for a in entries[1:]] == [
        {"id": one.id, "from": "new", "to": "answered", "text": one.text, "asker": one.asker,
         "segment": None, "file": "zoom_qa_utf8bom.csv"},
        {"id": two.id, "from": "new", "to": "answered", "text": two.text, "asker": None,
         "segment": None, "file": "zoom_qa_utf8bom.csv"},
    ]
    reopened = ShowSession.open(session.path, clock=clock)
    try:
        stored = QuestionBook(reopened).queue
        assert stored.counts() == {"new": 3, "shortlisted": 0, "on_air": 0, "answered": 2,
                                   "dismissed": 0}
        assert stored.get(one.id).answered_at == clock.now()
        report = build_report(reopened.show, reopened.file.actions(), questions_total=5)
    finally:
        reopened.close()
    assert (report.summary.questions_answered, report.summary.questions_total) == (2, 5)


def test_answered_in_source_kept_new_on_request(session: ShowSession) -> None:
    book = QuestionBook(session)
    merge = imported(book, answered_as=QState.NEW)
    assert merge.answered == 0 and book.queue.counts()["new"] == 5
    assert [a.type for a in journal(session)] == ["question.imported"]
    assert [q.answered_in_source for q in book.queue.ordered()][:3] == [True, True, False]


def test_reimport_keeps_the_moderators_states(session: ShowSession, clock) -> None:
    book = QuestionBook(session)
    imported(book)
    one, two, three = book.queue.ordered()[:3]
    book.set_state(one.id, "shortlisted")  # answered in Zoom, the moderator takes it again
    book.set_state(three.id, "dismissed")
    before = len(journal(session))
    again = imported(book, "zoom_qa_utf16.csv")  # the same report, another encoding
    assert (again.added, again.present, again.answered) == (0, 5, 0)
    assert [a.type for a in journal(session)[before:]] == ["question.imported"]
    states = {q.id: q.state for q in load_questions(session.file)}
    assert (states[one.id], states[two.id], states[three.id]) == (
        QState.SHORTLISTED, QState.ANSWERED, QState.DISMISSED)


def test_linked_source_remembers_how_answered_rows_are_imported(session: ShowSession) -> None:
    book = QuestionBook(session)
    book.link_source(FIX / "slido_export.csv", profile="slido", answered_as="new")
    book.link_source(FIX / "zoom_qa_utf8bom.csv")
    links = {Path(s.path).name: s for s in book.linked_sources()}
    assert links["slido_export.csv"].answered_as == "new"
    assert links["zoom_qa_utf8bom.csv"].answered_as == "answered"
    session.file.db.execute("UPDATE question_sources SET data = ?",  # linked before this
                            ('{"profile": "slido", "dayfirst": null}',))
    assert {s.answered_as for s in book.linked_sources()} == {"answered"}


def test_live_estimate_survives_an_answer_of_no_time(session: ShowSession, clock) -> None:
    book = QuestionBook(session)
    book.add(Question.new("Une question ?"))
    q = book.queue.ordered()[0]
    session.perform(ActionType.START, {"index": 5})  # the Q&A segment
    book.set_state(q.id, "shortlisted")
    book.take_next()
    book.answered()  # the same instant: an average answer time of 0 s
    estimate = book.live_estimate(session.snapshot())
    assert estimate is not None and estimate.fit is None
