"""The questions' operations every surface calls: preview, import with the moderator's
choices (one path for the console, the command line and a watched file), list, link."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from moderator_app.app.errors import ImportCancelled, QuestionError, ShowFileError, TableError
from moderator_app.app.questions import (
    PREVIEW_ROWS,
    ImportChoices,
    QuestionBook,
    apply_import,
    counts,
    import_file,
    list_questions,
    listing,
    preview,
    preview_file,
    read_import,
    read_source,
    replan,
    set_mapping,
    unlink_all,
)
from moderator_app.core.questions import QState
from moderator_app.io.session import ShowSession
from tests.faults.realfs import read_only_file

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"
ZOOM = FIX / "zoom_qa_utf8bom.csv"  # 5 questions, 2 of them answered in the report


def test_preview_detects_the_source_its_columns_and_warnings(session: ShowSession) -> None:
    source = read_source(FIX / "google_forms_fr_cp1252.csv")
    assert source.plan.profile == "google_forms" and source.plan.header_row == 0
    assert source.plan.mapping.text == 4
    result = preview(source, tz=session.show.tz)
    assert len(result.questions) == 4 and result.skipped == 1
    assert result.questions[1].text == "Faut-il un élu dédié ; ou une direction ?"
    assert any("rows without question text" in w for w in result.warnings)
    assert result.source_dict()["encoding"]


def test_a_preview_shows_the_first_rows_but_counts_the_whole_file(
    session: ShowSession, tmp_path: Path
) -> None:
    many = tmp_path / "many.csv"
    with many.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Question", "Author", "Likes", "Date", "Labels", "Answered"])
        for i in range(100):
            writer.writerow([f"What about question number {i} of the afternoon?", f"P{i}",
                             i, "2021-02-25 16:41:02", "", "true" if i % 4 == 0 else "false"])
    whole = preview_file(many, tz=session.show.tz)
    shown = preview(read_source(many), tz=session.show.tz)
    assert len(shown.questions) == PREVIEW_ROWS and len(whole.questions) == 100
    assert shown.answered_in_source == whole.answered_in_source == 25


def test_replan_and_mapping_follow_the_moderator(session: ShowSession) -> None:
    source = read_source(FIX / "slido_export.csv")
    assert source.plan.profile == "slido"
    replan(source, profile="generic")
    assert source.plan.profile == "generic"
    assert len(preview(source, tz=session.show.tz).questions) == 3
    replan(source, profile="generic", table_index=0, header_row=10_000)  # past the end
    assert source.plan.header_row == len(source.table.rows) - 1
    replan(source, profile="slido")
    columns = source.plan.mapping.as_dict() | {"asker": None}
    set_mapping(source, columns)
    assert all(q.asker is None for q in preview(source, tz=session.show.tz).questions)


def test_preview_file_reads_dates_as_told(session: ShowSession) -> None:
    path = FIX / "microsoft_forms.xlsx"
    day = preview_file(path, tz=session.show.tz, dayfirst=True).questions[2].submitted_at
    month = preview_file(path, tz=session.show.tz, dayfirst=False,
                         profile="generic").questions[2].submitted_at
    assert (day.month, day.day) == (2, 7) and (month.month, month.day) == (7, 2)


def test_choices_take_answered_or_new_only() -> None:
    assert ImportChoices("new").answered_as is QState.NEW
    assert ImportChoices().answered_as is QState.ANSWERED
    for wrong in ("dismissed", "nonsense"):
        with pytest.raises(QuestionError, match="answered or new"):
            ImportChoices(wrong)


def test_import_takes_answered_in_source_as_chosen(session: ShowSession) -> None:
    book = QuestionBook(session)
    done = import_file(book, ZOOM, ImportChoices(QState.ANSWERED))
    assert (done.merge.added, done.merge.answered_in_source, done.merge.answered) == (5, 2, 2)
    assert counts(book)["answered"] == 2 and counts(book)["new"] == 3
    assert done.to_dict() == {
        "file": str(ZOOM), "profile": "zoom_qa", "added": 5, "present": 0, "skipped": 0,
        "answered_in_source": 2, "answered_as": "answered", "warnings": done.result.warnings}
    again = import_file(book, ZOOM, ImportChoices(QState.NEW))
    assert (again.merge.added, again.merge.present) == (0, 5)  # decisions kept
    assert counts(book)["answered"] == 2


def test_import_can_keep_answered_in_source_new_and_force_the_layout(
    session: ShowSession,
) -> None:
    book = QuestionBook(session)
    done = import_file(book, ZOOM, ImportChoices(QState.NEW, profile="generic"))
    assert done.result.plan.profile == "generic" and done.merge.added == 5
    assert counts(book)["new"] == 5 and counts(book)["answered"] == 0


def test_an_unreadable_or_cancelled_import_leaves_the_show_as_it_was(
    session: ShowSession,
) -> None:
    book = QuestionBook(session)
    import_file(book, FIX / "slido_export.csv", ImportChoices())
    before = session.file.data_version(), len(session.file.actions())
    with pytest.raises(TableError, match=r"bad_empty\.csv"):
        import_file(book, FIX / "bad_empty.csv", ImportChoices())
    with pytest.raises(ImportCancelled):
        import_file(book, ZOOM, ImportChoices(), progress=lambda done, total: False)
    assert len(book.queue) == 3
    assert (session.file.data_version(), len(session.file.actions())) == before


def test_the_console_s_two_steps_import_what_the_command_line_imports(
    session: ShowSession, show_path: Path, tmp_path: Path, clock
) -> None:
    # The console reads (off its UI thread) an already-read source under the plan shown,
    # then applies; the command line imports the path. Same questions, same states.
    book = QuestionBook(session)
    source = read_source(ZOOM)
    seen: list[tuple[int, int]] = []
    result = read_import(source, ImportChoices(), tz=session.show.tz, plan=source.plan,
                         progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[-1] == (len(source.table.rows) - source.plan.header_row - 1,) * 2
    apply_import(book, result, ImportChoices())
    other_path = tmp_path / "other.show"
    shutil.copy(show_path, other_path)
    other = ShowSession.open(other_path, clock=clock)
    try:
        other_book = QuestionBook(other)
        import_file(other_book, ZOOM, ImportChoices())
        assert [(q.id, q.state) for q in other_book.queue.ordered()] == \
            [(q.id, q.state) for q in book.queue.ordered()]
    finally:
        other.close()


def test_a_watched_file_is_linked_with_the_choices_and_merged_by_them(
    session: ShowSession, tmp_path: Path
) -> None:
    path = tmp_path / "zoom.csv"
    lines = ZOOM.read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join(lines[:-2]) + "\n", encoding="utf-8")
    book = QuestionBook(session)
    choices = ImportChoices(QState.NEW, dayfirst=True, watch=True)
    done = apply_import(book, read_import(path, choices, tz=session.show.tz), choices)
    assert done.watched and done.watch_error is None
    (link,) = book.linked_sources()
    assert link.path == str(path.resolve())
    kept = ImportChoices.of_link(link)
    assert (kept.answered_as, kept.profile, kept.dayfirst, kept.watch) == \
        (QState.NEW, "zoom_qa", True, False)
    first = len(book.queue)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")  # the export grew
    later = apply_import(book, read_import(link.path, kept, tz=session.show.tz), kept)
    assert later.merge.added == 5 - first and later.merge.answered == 0
    assert counts(book)["new"] == 5
    assert unlink_all(book) == 1 and book.linked_sources() == []
    assert not apply_import(book, later.result, kept).watched  # nothing asked, nothing linked
    assert book.linked_sources() == []


def test_list_and_counts(session: ShowSession) -> None:
    book = QuestionBook(session)
    import_file(book, ZOOM, ImportChoices())
    assert [q.id for q in list_questions(book)] == [q.id for q in book.queue.ordered()]
    answered = list_questions(book, ["answered"])
    assert len(answered) == 2 and all(q.state is QState.ANSWERED for q in answered)
    assert list_questions(book, [QState.ON_AIR]) == []
    data = listing(book, [QState.NEW])
    assert data["counts"] == counts(book) and set(data["counts"]) == {s.value for s in QState}
    assert [q["state"] for q in data["questions"]] == ["new"] * 3


def test_a_show_file_that_refuses_the_merge_keeps_neither_questions_nor_link(
    show_path: Path, clock
) -> None:
    with read_only_file(show_path):  # a really read-only show file (needs root; skips)
        session = ShowSession.open(show_path, clock=clock)
        try:
            book = QuestionBook(session)
            choices = ImportChoices(watch=True)
            result = read_import(ZOOM, choices, tz=session.show.tz)
            with pytest.raises(ShowFileError, match="cannot be written"):
                apply_import(book, result, choices)
            assert len(book.queue) == 0 and book.linked_sources() == []
        finally:
            session.close()
    reopened = ShowSession.open(show_path, clock=clock)
    try:
        assert len(QuestionBook(reopened).queue) == 0
    finally:
        reopened.close()
