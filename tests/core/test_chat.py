"""Chats and Q&A panels as text: the layouts recognised, whole multi-line messages, times on
the show's day, private messages, and the rule that keeps greetings and "+1" out."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from moderator_app.core.chat import (
    MAX_CHAT_CHARS,
    ChatError,
    check_text,
    looks_like_question,
    parse_chat,
)

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "chat"
PARIS = ZoneInfo("Europe/Paris")
DAY = date(2026, 12, 2)


def parse(name: str, tz=PARIS):
    return parse_chat((FIX / name).read_text(encoding="utf-8"), day=DAY, tz=tz)


def at(h: int, m: int, s: int = 0, tz=PARIS) -> datetime:
    return datetime(2026, 12, 2, h, m, s, tzinfo=tz)


def test_zoom_saved_chat_in_french_with_private_messages() -> None:
    p = parse("zoom_saved_chat_fr.txt")
    assert p.format == "zoom_chat" and p.unreadable == ()
    assert len(p.messages) == 10
    sophie = p.messages[2]
    assert sophie.asker == "Sophie Laurent" and sophie.at == at(10, 3, 5) and sophie.line == 5
    assert sophie.text == ("Comment les communes rurales peuvent-elles financer\n"
                           "la rénovation des écoles sans emprunt ?")
    assert (sophie.question, sophie.reason) == (True, "question_mark")
    lea, nadia = p.messages[4], p.messages[6]
    assert lea.private and lea.asker == "Léa Moreau" and lea.reason == "interrogative"
    assert nadia.private and nadia.asker == "Nadia Roux" and nadia.question
    assert not any(m.private for i, m in enumerate(p.messages) if i not in (4, 6))
    asked = [m.asker for m in p.questions]
    assert asked == ["Sophie Laurent", "Léa Moreau", "Nadia Roux", "Julien Faure", "Marc Dubois"]
    reasons = {m.text: m.reason for m in p.messages if not m.question}
    assert reasons == {"Bonjour à tous !": "greeting", "Bonjour": "greeting", "+1": "plus_one",
                       "Merci beaucoup": "greeting", "même question": "plus_one"}


def test_windows_line_ends_and_a_byte_order_mark_read_the_same() -> None:
    text = (FIX / "zoom_saved_chat_fr.txt").read_text(encoding="utf-8")
    dos = parse_chat("\ufeff" + text.replace("\n", "\r\n"), day=DAY, tz=PARIS)
    assert dos == parse_chat(text, day=DAY, tz=PARIS)


def test_zoom_saved_chat_as_french_zoom_writes_it() -> None:
    text = ("14:02:10 De  Claire Martin  à  Tout le monde :\n\tBonjour\n"
            "14:03:00 De  Hugo Bernard  à  Moi (en privé) :\n\tQuand aura lieu la prochaine"
            " séance ?\n")
    p = parse_chat(text, day=DAY, tz=PARIS)
    assert p.format == "zoom_chat"
    assert [(m.asker, m.private, m.question) for m in p.messages] == [
        ("Claire Martin", False, False), ("Hugo Bernard", True, True)]


def test_the_older_zoom_form_keeps_the_text_on_the_header_line() -> None:
    text = ("09:58:01 From Ann Lee : Hello all\n"
            "09:59:12 From Bob Stone : What is the deadline: March or April?\n"
            "and is it firm\n")
    p = parse_chat(text, day=DAY, tz=UTC)
    assert p.format == "zoom_chat_old"
    assert [m.asker for m in p.messages] == ["Ann Lee", "Bob Stone"]
    assert p.messages[1].text == "What is the deadline: March or April?\nand is it firm"
    assert p.messages[1].at == at(9, 59, 12, UTC)


def test_zoom_qa_panel_copied_in_english() -> None:
    p = parse("zoom_qa_panel_en.txt", tz=UTC)
    assert p.format == "zoom_qa_panel"
    assert [(m.asker, m.at, m.question) for m in p.messages] == [
        (None, at(15, 58, tz=UTC), True),
        ("Jane Cooper", at(16, 1, tz=UTC), False),
        ("Ravi Patel", at(16, 2, tz=UTC), True),
        ("Jane Cooper", at(16, 3, tz=UTC), False),
        ("Maria Lopez", at(16, 5, tz=UTC), True),
        ("Daniel Kim", at(16, 6, tz=UTC), False),
    ]
    assert p.messages[2].text == ("What counts as matching funds\n"
                                  "for the 2027 round, and can in-kind work count?")
    assert [m.reason for m in p.messages] == [
        "question_mark", "greeting", "question_mark", "plus_one", "interrogative", "greeting"]


def test_qa_panel_in_24_hour_clock_and_its_buttons_left_out() -> None:
    text = ("Jane Cooper 16:05\nHow is the fund audited each year?\nAnswer live\nType answer\n"
            "Ravi Patel 16:07\nWhen are results announced?\n")
    p = parse_chat(text, day=DAY, tz=UTC)
    assert p.format == "zoom_qa_panel"
    assert [m.text for m in p.messages] == ["How is the fund audited each year?",
                                            "When are results announced?"]


def test_teams_copy() -> None:
    p = parse("teams_copy.txt")
    assert p.format == "teams"
    assert [m.asker for m in p.questions] == ["Jean Martin", "Pierre Lambert"]
    pierre = p.questions[1]
    assert pierre.at == at(10, 8) and pierre.reason == "interrogative"
    assert pierre.text == ("Pourquoi le budget transport baisse-t-il en 2027\n"
                           "alors que la fréquentation augmente")


def test_teams_variants_with_a_date_or_a_comma() -> None:
    dated = parse_chat("[02/12/2026 10:05] Ann Lee\nWhy is the fund closing early?\n",
                       day=DAY, tz=UTC)
    comma = parse_chat("Ann Lee, 10:05 AM\nWhy is the fund closing early?\n"
                       "Bob Stone, 10:07 AM\nthanks\n", day=DAY, tz=UTC)
    for p in (dated, comma):
        assert p.format == "teams"
        assert (p.messages[0].asker, p.messages[0].at) == ("Ann Lee", at(10, 5, tz=UTC))


def test_meet_copy() -> None:
    p = parse("meet_copy.txt")
    assert p.format == "meet"
    assert [(m.asker, m.question) for m in p.messages] == [
        ("Marie Dupont", False), ("Jean Martin", True), ("Aisha Benali", False),
        ("You", False), ("Luis García", True)]
    assert p.messages[1].text == "Quel est le calendrier du projet\nde tramway ?"
    assert p.messages[4].at == at(10, 10)


def test_plain_text_one_question_per_paragraph() -> None:
    p = parse("plain.txt")
    assert p.format == "plain" and p.unreadable == ()
    assert [(m.text, m.question, m.reason) for m in p.messages] == [
        ("How will the new rules affect small associations?", True, "question_mark"),
        ("thanks", False, "greeting"),
        ("Pourquoi la date limite a-t-elle été avancée au 15 mars\net pas au 31 ?", True,
         "question_mark"),
        ("Question: la subvention couvre les frais de personnel", True, "prefix"),
        ("+1", False, "plus_one"),
    ]
    assert all(m.asker is None and m.at is None for m in p.messages)
    assert [m.line for m in p.messages] == [1, 3, 5, 8, 10]


def test_a_list_of_questions_one_per_line_is_one_per_line() -> None:
    p = parse_chat("What is the budget?\nWho decides?\nWhen does it start?\n", day=DAY, tz=UTC)
    assert [m.text for m in p.messages] == ["What is the budget?", "Who decides?",
                                            "When does it start?"]


def test_lines_before_the_first_message_are_kept_as_unreadable() -> None:
    text = "Chat log exported\n10:01:12 From  Ann  to  Everyone:\n\tWhy now?\n"
    p = parse_chat(text, day=DAY, tz=UTC)
    assert p.format == "zoom_chat" and p.unreadable == ("Chat log exported",)


def test_a_chat_past_midnight_goes_to_the_next_day() -> None:
    text = ("23:58:00 From  Ann  to  Everyone:\n\tWhat happens after midnight?\n"
            "00:02:00 From  Bob  to  Everyone:\n\tWho closes the session tonight?\n")
    p = parse_chat(text, day=DAY, tz=UTC)
    assert p.messages[1].at == datetime(2026, 12, 3, 0, 2, tzinfo=UTC)


@pytest.mark.parametrize(("text", "verdict"), [
    ("Comment fait-on pour candidater", (True, "interrogative")),
    ("Bonjour, pourquoi le budget baisse", (True, "interrogative")),
    ("Est-ce que le replay sera en ligne", (True, "interrogative")),
    ("Où trouver le dossier de candidature", (True, "interrogative")),
    ("Y a-t-il une aide pour les petites communes", (True, "interrogative")),
    ("Faut-il un élu référent pour candidater", (True, "interrogative")),
    ("Hello, how do we register for the next one", (True, "interrogative")),
    ("Should towns apply together or alone", (True, "interrogative")),
    ("Cuándo se publica la convocatoria", (True, "interrogative")),
    ("¿Hay fondos para asociaciones", (True, "question_mark")),
    ("Q: budget for the second round", (True, "prefix")),
    ("Question 3 - le calendrier des travaux", (True, "prefix")),
    ("I think this is great work everyone", (False, "no_question")),
    ("ok?", (False, "too_short")),
    ("Bonjour à tous", (False, "greeting")),
    ("Thank you so much", (False, "greeting")),
    ("hola", (False, "greeting")),
    ("+ 1", (False, "plus_one")),
    ("+1 !!", (False, "plus_one")),
    ("Same question", (False, "plus_one")),
    ("+1, and how is the jury chosen?", (True, "question_mark")),
    ("", (False, "no_question")),
])
def test_the_question_rule(text: str, verdict: tuple[bool, str]) -> None:
    assert looks_like_question(text) == verdict


def test_check_text_refuses_empty_binary_and_too_long_in_one_line() -> None:
    for bad, words in [("", "no text"), (" \n\t\n", "no text"),
                       ("\x89PNG\r\n\x1a\n" + "\x00\x01\x02\x03" * 500, "not text"),
                       ("a" * (MAX_CHAT_CHARS + 1), "too long")]:
        with pytest.raises(ChatError, match=words) as caught:
            check_text(bad)
        assert "\n" not in str(caught.value)
    # Stray NUL bytes in text (seen in some exports) are taken out, not refused.
    assert check_text("What is\x00 the plan for 2027?") == "What is the plan for 2027?"


def _many(n: int) -> str:
    return "".join(f"{10 + i // 3600 % 10:02d}:{i // 60 % 60:02d}:{i % 60:02d} From  "
                   f"Person {i}  to  Everyone:\n\tQuestion number {i}: how does the"
                   f" programme treat case {i}?\n\tsecond line\n" for i in range(n))


def test_5000_messages_parse_well_under_a_frame() -> None:
    text = _many(5000)
    best = min(_timed(text) for _ in range(3))
    p = parse_chat(text, day=DAY, tz=UTC)
    assert len(p.messages) == 5000 and len(p.questions) == 5000
    assert best < 0.25  # the bench measures it (aim < 50 ms); generous under CI load


def _timed(text: str) -> float:
    started = time.perf_counter()
    parse_chat(text, day=DAY, tz=UTC)
    return time.perf_counter() - started


def test_a_megabyte_of_plain_text_is_read() -> None:
    text = "Why is the sky blue over the city at noon?\n\n" * 24_000
    assert 1_000_000 < len(text) < MAX_CHAT_CHARS
    p = parse_chat(check_text(text), day=DAY, tz=UTC)
    assert p.format == "plain" and len(p.messages) == 24_000
