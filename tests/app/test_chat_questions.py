"""Questions pasted from a chat or a Q&A panel: read, chosen, merged with the identity the
imports use, so pasting the same text again adds nothing."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path

import pytest

from moderator_app.app.errors import USER_ERRORS, ChatError
from moderator_app.app.questions import (
    MAX_CHAT_CHARS,
    QuestionBook,
    chat_questions,
    counts,
    list_questions,
    paste_into,
    read_chat,
    show_day,
)
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
