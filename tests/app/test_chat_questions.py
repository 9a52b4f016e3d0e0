"""Questions pasted from a chat or a Q&A panel: read, chosen, merged with the identity the
imports use, so pasting the same text again adds nothing."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from moderator_app.app.errors import USER_ERRORS, ChatError, TableError
from moderator_app.app.questions import (
    MAX_CHAT_CHARS,
    ImportChoices,
    QuestionBook,
    apply_import,
    chat_questions,
    counts,
    import_file,
    list_questions,
    machine_zone,
    paste_into,
    preview,
    read_chat,
    read_import,
    read_source,
    replan,
    show_day,
)
from moderator_app.app.watch import CHANGED, FileWatch
from moderator_app.core.question_text import identity
from moderator_app.io.session import ShowSession

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "chat"
DAY = date(2026, 12, 2)


def text_of(name: str) -> str:
    return (FIX / name).read_text(encoding="utf-8")


def test_chat_questions_take_the_rule_or_the_moderators_choice() -> None:
    parse = read_chat(text_of("zoom_saved_chat_fr.txt"), day=DAY, tz=UTC)
    rule = chat_questions(parse)
    assert [q.asker for q in rule] == ["Sophie Laurent", "Léa Moreau", "Nadia Roux",
                                       "Julien Faure", "Marc Dubois"]
    first = parse.messages[2]
    assert rule[0].id == identity("chat", first.at, first.asker, first.text)
    assert rule[0].text == first.text and rule[0].submitted_at == first.at
    assert {q.source for q in rule} == {"chat"} and rule[0].source_file == "chat"
    chosen = chat_questions(parse, {0, 2}, source_name="clipboard")
    assert [q.text for q in chosen] == ["Bonjour à tous !", first.text]
    assert chosen[1].id == rule[0].id and chosen[1].source_file == "clipboard"
    assert chat_questions(parse, set()) == []


def test_read_chat_refuses_in_one_line(session: ShowSession) -> None:
    assert ChatError in USER_ERRORS or issubclass(ChatError, USER_ERRORS)
    for bad in ["", "\x00\x01\x02\x03\x04" * 100, "x" * (MAX_CHAT_CHARS + 1)]:
        with pytest.raises(ChatError) as caught:
            read_chat(bad, day=DAY, tz=UTC)
        assert "\n" not in str(caught.value)


def test_pasting_the_same_chat_again_adds_nothing(session: ShowSession) -> None:
    book = QuestionBook(session)
    first = paste_into(book, text_of("zoom_qa_panel_en.txt"), tz=UTC)
    assert (first.added, first.present, first.left_out) == (3, 0, 3)
    assert first.to_dict() == {"format": "zoom_qa_panel", "added": 3, "present": 0,
                               "skipped": 3, "unreadable": []}
    again = paste_into(book, text_of("zoom_qa_panel_en.txt"), tz=UTC)
    assert (again.added, again.present) == (0, 3)
    assert counts(book)["new"] == 3
    asked = list_questions(book)
    assert [q.asker for q in asked] == [None, "Ravi Patel", "Maria Lopez"]
    day = show_day(book, UTC)
    assert asked[1].submitted_at is not None and asked[1].submitted_at.date() == day


def test_a_grown_paste_adds_only_the_new_messages(session: ShowSession) -> None:
    book = QuestionBook(session)
    text = text_of("teams_copy.txt")
    paste_into(book, text, day=DAY, tz=UTC)
    grown = text + "[10:12] Nora Klein\nCombien de communes ont déjà candidaté ?\n"
    more = paste_into(book, grown, day=DAY, tz=UTC)
    assert (more.added, more.present) == (1, 2)
    assert [q.asker for q in list_questions(book)] == ["Jean Martin", "Pierre Lambert",
                                                       "Nora Klein"]


def test_every_message_can_be_kept_and_decisions_survive_a_repaste(
    session: ShowSession,
) -> None:
    book = QuestionBook(session)
    text = text_of("plain.txt")
    parse = read_chat(text, day=DAY, tz=UTC)
    done = paste_into(book, text, set(range(len(parse.messages))), parse=parse)
    assert (done.added, done.left_out) == (5, 0)
    qid = list_questions(book)[0].id
    book.set_state(qid, "dismissed")
    again = paste_into(book, text, day=DAY, tz=UTC)
    assert (again.added, again.present) == (0, 3)
    assert counts(book)["dismissed"] == 1 and len(book.queue) == 5


# -- a chat file watched during the show ----------------------------------------------------------
ZOOM_HEAD = ("10:01:12 From  Claire Martin  to  Everyone:\n\tBonjour à tous !\n"
             "10:03:05 From  Sophie Laurent  to  Everyone:\n\tComment financer\n"
             "\tla rénovation des écoles ?\n")
ZOOM_MORE = ("10:04:02 From  Léa Moreau  to  Me (privately):\n"
             "\tPouvez-vous partager les diapositives\n"
             "10:05:47 From  Thomas Petit  to  Everyone:\n\tMerci beaucoup\n")


def _write(path: Path, text: str, *, append: bool = False) -> None:
    with path.open("a" if append else "w", encoding="utf-8") as out:
        out.write(text)
    # Written at 11:30 on the show's day, after its last message, as Zoom writes it.
    moment = datetime(2026, 12, 2, 11, 30, tzinfo=machine_zone()).timestamp()
    os.utime(path, (moment, moment))


def _reread(book: QuestionBook, path: Path):
    """What the console's watcher does with a changed linked file (ui.SourceWatcher):
    read it with the link's choices, then merge."""
    (link,) = book.linked_sources()
    choices = ImportChoices.of_link(link)
    return apply_import(book, read_import(link.path, choices, tz=book.session.show.tz),
                        choices)


def test_a_watched_chat_file_that_grows_merges_only_the_new_messages(
    session: ShowSession, tmp_path: Path
) -> None:
    folder = tmp_path / "2026-12-02 10.00.00 Conseil 123456789"
    folder.mkdir()
    path = folder / "meeting_saved_chat.txt"
    _write(path, ZOOM_HEAD)
    book = QuestionBook(session)
    first = import_file(book, path, ImportChoices(watch=True))
    assert first.watched and first.result.plan.profile == "chat"
    assert (first.merge.added, first.result.plan.chat_format) == (1, "zoom_chat")
    (link,) = book.linked_sources()
    assert link.profile == "chat"
    watch = FileWatch([link.path], settle_s=0)
    _write(path, ZOOM_MORE, append=True)
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 1_000_000_000))
    assert [e.kind for e in watch.poll()] == [CHANGED]
    grown = _reread(book, path)
    assert (grown.merge.added, grown.merge.present) == (1, 1)
    asked = list_questions(book)
    assert [(q.asker, q.source, q.source_file) for q in asked] == [
        ("Sophie Laurent", "chat", "meeting_saved_chat.txt"),
        ("Léa Moreau", "chat", "meeting_saved_chat.txt")]
    # The folder's date anchors the times: the same ids as the same text pasted that day.
    assert asked[1].submitted_at == datetime(2026, 12, 2, 10, 4, 2, tzinfo=machine_zone())
    pasted = paste_into(book, ZOOM_HEAD + ZOOM_MORE, day=date(2026, 12, 2), tz=machine_zone())
    assert (pasted.added, pasted.present) == (0, 2)


def test_a_watched_chat_file_rewritten_keeps_every_question_and_says_so(
    session: ShowSession, tmp_path: Path
) -> None:
    path = tmp_path / "meeting_saved_chat.txt"
    _write(path, ZOOM_HEAD + ZOOM_MORE)
    book = QuestionBook(session)
    import_file(book, path, ImportChoices(watch=True))
    assert len(book.queue) == 2
    _write(path, "11:00:00 From  Nora Klein  to  Everyone:\n\tQuand vote-t-on le budget ?\n")
    again = _reread(book, path)
    assert (again.merge.added, len(book.queue)) == (1, 3)
    notes = [w for w in again.result.warnings if "rewritten" in w]
    assert notes == ["meeting_saved_chat.txt was rewritten, not added to: 2 questions read "
                     "from it before are no longer in it and stay in the queue"]
    # A file grown again says nothing more.
    _write(path, ZOOM_MORE, append=True)
    assert not any("rewritten" in w for w in _reread(book, path).result.warnings)


def test_a_chat_file_the_machine_wrote_yesterday_keeps_its_times(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    _write(path, ZOOM_HEAD)
    late = datetime(2026, 12, 2, 9, 50, tzinfo=machine_zone()).timestamp()
    os.utime(path, (late, late))  # written before its last message's clock: the day before
    result = read_import(path, ImportChoices(), tz=UTC)
    assert result.questions[0].submitted_at == datetime(2026, 12, 1, 10, 3, 5,
                                                        tzinfo=machine_zone())


def test_a_file_in_no_chat_layout_and_no_table_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("hello\n\nthanks all\n", encoding="utf-8")
    with pytest.raises(TableError, match="no column looks like questions") as caught:
        read_source(path)
    assert "\n" not in str(caught.value)
    path = tmp_path / "chat.txt"
    path.write_text("10:01:12 From  Ann  to  Everyone:\n\tHello\n", encoding="utf-8")
    with pytest.raises(TableError, match="none of its 1 messages looks like a question"):
        read_source(path)


def test_the_import_dialog_can_switch_a_file_to_chat_and_back(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("Why now?\n\nWho pays for the new buses in 2027?\n", encoding="utf-8")
    source = read_source(path)
    assert (source.plan.profile, source.plan.chat_format) == ("chat", "plain")
    assert replan(source).profile == "chat"
    csv_path = FIX.parent / "questions" / "slido_export.csv"
    table = read_source(csv_path)
    plan = replan(table, profile="chat")
    assert plan.profile == "chat" and table.plan is plan
    assert replan(table, profile="slido").profile == "slido"
    assert preview(table, tz=UTC).questions


def test_a_headerless_table_longer_than_any_chat_is_still_read_as_a_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / "big.csv"
    row = "Person {0},How does the programme treat the case of town number {0} in 2027?\n"
    with path.open("w", encoding="utf-8") as out:
        for i in range(30_000):
            out.write(row.format(i))
    assert path.stat().st_size > MAX_CHAT_CHARS
    source = read_source(path)
    assert source.plan.profile == "generic" and source.plan.mapping.text == 1
    with pytest.raises(TableError, match="too long to read as a chat"):
        read_source(path, profile="chat")
