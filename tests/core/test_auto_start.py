"""Auto-start at a hard start: a countdown, a journaled automatic 'next', one key cancels."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from moderator_app.core.actions import AUTOSTART_CANCEL, ActionRefused, ActionType
from moderator_app.core.auto_start import LATE_S, WARN_S
from moderator_app.core.clock import FakeClock
from moderator_app.core.report import build_report
from moderator_app.core.runsheet import Show
from tests.core.test_engine import Driver

A = ActionType
HARD = datetime(2027, 2, 25, 15, 15, tzinfo=UTC)  # 16:15 in Paris


@pytest.fixture
def show(small_show: Show) -> Show:
    small_show.segments[2].hard_start = time(16, 15)
    small_show.segments[2].auto_start = True
    return small_show


def run_to_two(show: Show, clock: FakeClock) -> Driver:
    drv = Driver(show, clock)
    drv.do(A.START)
    clock.advance(300)
    drv.do(A.NEXT)  # Two runs until 15:15 and beyond: it will overrun
    return drv


def test_off_by_default(small_show: Show, clock: FakeClock) -> None:
    small_show.segments[2].hard_start = time(16, 15)
    drv = run_to_two(small_show, clock)
    clock.set(HARD)
    assert drv.engine.pending_auto_start(clock.now()) is None


def test_countdown_then_due_then_automatic_next(show: Show, clock: FakeClock) -> None:
    drv = run_to_two(show, clock)
    clock.set(HARD.replace(minute=13))
    assert drv.engine.pending_auto_start(clock.now()) is None  # too early to show
    clock.set(HARD.replace(minute=14, second=30))
    pending = drv.engine.pending_auto_start(clock.now())
    assert pending is not None and pending.in_s == 30 and not pending.due
    assert pending.index == 2 and pending.at == HARD
    with pytest.raises(ActionRefused, match="No automatic start is due"):
        drv.do(A.NEXT, auto=True)
    clock.set(HARD)
    assert drv.engine.pending_auto_start(clock.now()).due
    action = drv.do(A.NEXT, auto=True)
    assert action.payload == {"segment": "c", "index": 2, "auto": True}
    assert drv.snap().current_index == 2
    assert drv.engine.pending_auto_start(clock.now()) is None
    drv.do(A.UNDO)  # an ordinary timer action
    assert drv.snap().current_index == 1


def test_cancel_is_journaled_and_holds(show: Show, clock: FakeClock) -> None:
    drv = run_to_two(show, clock)
    with pytest.raises(ActionRefused, match="No automatic start is counting down"):
        drv.do(AUTOSTART_CANCEL)
    clock.set(HARD.replace(minute=14, second=40))
    journal_cancel = drv.do(AUTOSTART_CANCEL)
    assert journal_cancel.payload == {"segment": "c"}
    clock.set(HARD)
    assert drv.engine.pending_auto_start(clock.now()) is None


def test_not_when_the_segment_already_started(show: Show, clock: FakeClock) -> None:
    drv = run_to_two(show, clock)
    drv.do(A.NEXT)
    clock.set(HARD)
    assert drv.engine.pending_auto_start(clock.now()) is None


def test_not_long_after_the_hard_start(show: Show, clock: FakeClock) -> None:
    drv = run_to_two(show, clock)
    clock.set(HARD.replace(second=LATE_S + 1))
    assert drv.engine.pending_auto_start(clock.now()) is None
    assert WARN_S >= 30


def test_report_marks_the_automatic_start(show: Show, clock: FakeClock) -> None:
    drv = run_to_two(show, clock)
    clock.set(HARD)
    journal = [drv.do(A.NEXT, auto=True)]
    report = build_report(show, journal)
    assert report.events[0].detail == "→ Three (automatic start)"


def test_an_undone_automatic_start_does_not_start_again(show: Show, clock: FakeClock) -> None:
    drv = run_to_two(show, clock)
    clock.set(HARD)
    drv.do(A.NEXT, auto=True)
    clock.advance(2)
    drv.do(A.UNDO)  # the moderator wanted the speaker to finish
    assert drv.snap().current_index == 1
    assert drv.engine.pending_auto_start(clock.now()) is None
