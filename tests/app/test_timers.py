"""The timer operations every surface calls (app/timers.py), on a real show file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from moderator_app.app import timers
from moderator_app.app.timers import TimerInputError, parse_seconds, parse_started_at
from moderator_app.core.actions import (
    AUTOSTART_CANCEL,
    MESSAGE_TYPES,
    STARTED_AT,
    ActionRefused,
    ActionType,
)
from moderator_app.core.clock import FakeClock
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession

A = ActionType
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2027, 2, 25, 15, 10, tzinfo=UTC)  # 16:10 in Paris


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16:08", NOW - timedelta(minutes=2)),
        ("16h08", NOW - timedelta(minutes=2)),
        ("16:08:30", NOW - timedelta(seconds=90)),
        ("-120", NOW - timedelta(minutes=2)),
        ("-2:00", NOW - timedelta(minutes=2)),
        ("2 min ago", NOW - timedelta(minutes=2)),
        ("il y a 2 min", NOW - timedelta(minutes=2)),
        ("90s ago", NOW - timedelta(seconds=90)),
    ],
)
def test_started_at_forms(text: str, expected: datetime) -> None:
    assert parse_started_at(text, NOW, PARIS) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "25:00", "-abc", "x min ago", "-nan"])
def test_started_at_garbage(text: str) -> None:
    with pytest.raises(TimerInputError, match=r"expected|Type when"):
        parse_started_at(text, NOW, PARIS)


def test_parse_seconds() -> None:
    assert parse_seconds("90") == 90
    assert parse_seconds("1:30") == 90
    assert parse_seconds("-30") == -30
    assert parse_seconds("2 min") == 120
    for bad in ("", "abc", "inf", "nan"):
        with pytest.raises(TimerInputError):
            parse_seconds(bad)


def test_late_start_corrected_by_text(session: ShowSession, clock: FakeClock) -> None:
    clock.set(datetime(2027, 2, 25, 15, 2, tzinfo=UTC))  # 16:02: two minutes late
    session.perform(A.START)
    clock.advance(10)
    action = timers.started_at(session, "16:00", scope=timers.SCOPE_SHOW)
    assert action.type == STARTED_AT and action.seq is not None
    snap = session.snapshot()
    assert snap.elapsed_s == 130
    assert snap.over_under_s == 0  # it did start on time
    timers.started_at(session, "2 min ago")  # 16:00:10
    assert session.snapshot().elapsed_s == 120
    with pytest.raises(ActionRefused, match="in the future"):
        timers.started_at(session, "16:05")


def test_aux_operations(session: ShowSession, clock: FakeClock) -> None:
    timers.aux(session, "1", "set", "90", name="Réponse", shown="line")
    timers.aux(session, 1, "start")
    clock.advance(30)
    timer = session.engine.aux.get(1)
    assert timer.name == "Réponse" and timer.figure_s(session.now_us()) == 60
    with pytest.raises(TimerInputError, match="not 'jump'"):
        timers.aux(session, 1, "jump")
    with pytest.raises(TimerInputError, match="takes no value"):
        timers.aux(session, 1, "start", "5")
    with pytest.raises(ActionRefused, match="negative"):
        timers.aux(session, 1, "set", "-5")


def test_tick_fires_cues_once_and_starts_itself(session: ShowSession, clock: FakeClock) -> None:
    show = session.show
    speaker = next(i for i, s in enumerate(show.segments) if s.kind.value == "speaker")
    clock.set(datetime(2027, 2, 25, 15, 0, tzinfo=UTC))
    session.perform(A.START, {"index": speaker})
    seg = show.segments[speaker]
    clock.advance(seg.planned_duration_s - 120)
    done = timers.tick(session)
    assert done.cue is not None and done.cue.text == "2 minutes"
    assert session.snapshot().message.text == "2 minutes"
    assert not timers.tick(session)  # once
    clock.advance(90)
    assert timers.tick(session).cue.text == "Merci de conclure"
    messages = [a for a in session.file.actions() if a.type in MESSAGE_TYPES]
    assert [m.payload.get("cue") for m in messages] == ["120", "30"]


def test_auto_start_through_the_tick(session: ShowSession, clock: FakeClock) -> None:
    from moderator_app.app.runsheet import commit_edit
    from moderator_app.core.runsheet_edit import set_field

    commit_edit(session, set_field(session.show, 2, "hard_start", "16:20"))
    commit_edit(session, set_field(session.show, 2, "auto_start", True))
    clock.set(datetime(2027, 2, 25, 15, 0, tzinfo=UTC))
    session.perform(A.START)
    clock.advance(300)
    session.perform(A.NEXT)  # the introduction overruns past 16:20
    clock.set(datetime(2027, 2, 25, 15, 19, 30, tzinfo=UTC))
    pending = timers.pending_auto_start(session)
    assert pending is not None and pending.in_s == 30
    assert not timers.tick(session)
    clock.set(datetime(2027, 2, 25, 15, 20, tzinfo=UTC))
    done = timers.tick(session)
    assert done.auto_start is not None and session.snapshot().current_index == 2
    last = session.file.actions()[-1]
    assert last.type == A.NEXT and last.payload["auto"] is True


def test_cancel_auto_start(session: ShowSession, clock: FakeClock) -> None:
    from moderator_app.app.runsheet import commit_edit
    from moderator_app.core.runsheet_edit import set_field

    commit_edit(session, set_field(session.show, 1, "hard_start", "16:05"))
    commit_edit(session, set_field(session.show, 1, "auto_start", True))
    clock.set(datetime(2027, 2, 25, 15, 4, 40, tzinfo=UTC))
    session.perform(A.START)
    assert timers.cancel_auto_start(session).type == AUTOSTART_CANCEL
    clock.set(datetime(2027, 2, 25, 15, 5, tzinfo=UTC))
    assert not timers.tick(session)
    assert session.snapshot().current_index == 0


def test_answer_timer_from_the_question_book(session: ShowSession, clock: FakeClock) -> None:
    from moderator_app.core.questions import Question

    book = QuestionBook(session)
    book.answer_s = 120
    session.perform(A.START)
    book.add(Question.new("Pourquoi ?"))
    qid = book.queue.ordered()[0].id
    book.set_state(qid, "on_air")
    clock.advance(45)
    answer = session.engine.answers.current
    assert answer.question == qid and answer.remaining_s(session.now_us()) == 75
