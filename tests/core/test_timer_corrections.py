"""Correcting a forgotten Start or Next after the fact: one undoable action, no fake pause."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from moderator_app.core.actions import SET_ELAPSED, STARTED_AT, ActionRefused, ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.report import build_report
from moderator_app.core.timer_corrections import resolve_clock_time
from tests.core.test_engine import Driver

A = ActionType
T0 = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)  # the small show's planned start


@pytest.fixture
def drv(small_show, clock: FakeClock) -> Driver:
    return Driver(small_show, clock)


def us(moment: datetime) -> int:
    return to_us(moment)


def test_late_start_corrected_two_minutes_back(drv: Driver) -> None:
    drv.clock.set(T0 + timedelta(minutes=2))
    drv.do(A.START)  # pressed two minutes late
    drv.clock.advance(30)
    assert drv.snap().over_under_s == 120  # looks two minutes late
    drv.do(STARTED_AT, scope="show", to_us=us(T0))
    s = drv.snap()
    assert s.elapsed_s == 150
    assert s.remaining_s == 150
    assert s.over_under_s == 0  # on time, to the second
    assert s.show_elapsed_s == 150
    assert s.paused_s == 0  # no invented pause
    assert drv.engine.state.show_started_us == us(T0)


def test_a_correction_is_one_undoable_action(drv: Driver) -> None:
    drv.clock.set(T0 + timedelta(minutes=2))
    drv.do(A.START)
    drv.do(STARTED_AT, scope="segment", to_us=us(T0))
    assert drv.snap().elapsed_s == 120
    drv.do(A.UNDO)
    assert drv.snap().elapsed_s == 0
    assert drv.engine.state.show_started_us == us(T0 + timedelta(minutes=2))


def test_forgotten_next_moves_the_boundary(drv: Driver) -> None:
    drv.clock.set(T0)
    drv.do(A.START)
    drv.clock.advance(360)  # One ran 6 min; Two really began at 5:00
    drv.do(A.NEXT)
    drv.clock.advance(30)
    drv.do(STARTED_AT, to_us=us(T0 + timedelta(minutes=5)))
    eng = drv.engine
    assert eng.state.record("a").elapsed_us == 300_000_000
    assert eng.state.record("a").last_end_us == us(T0 + timedelta(minutes=5))
    assert eng.state.record("b").first_start_us == us(T0 + timedelta(minutes=5))
    s = drv.snap()
    assert s.elapsed_s == 90
    assert s.over_under_s == 0


def test_set_elapsed_for_the_running_segment(drv: Driver) -> None:
    drv.clock.set(T0)
    drv.do(A.START)
    drv.clock.advance(400)
    drv.do(A.NEXT)
    drv.clock.advance(10)
    drv.do(SET_ELAPSED, seconds=70)
    s = drv.snap()
    assert s.elapsed_s == 70
    assert drv.engine.state.record("a").elapsed_us == 340_000_000
    drv.do(A.UNDO)
    assert drv.snap().elapsed_s == 10


def test_set_elapsed_while_paused(drv: Driver) -> None:
    drv.clock.set(T0)
    drv.do(A.START)
    drv.clock.advance(20)
    drv.do(A.PAUSE)
    drv.clock.advance(100)
    drv.do(SET_ELAPSED, seconds=5)
    assert drv.snap().elapsed_s == 5
    drv.clock.advance(100)
    assert drv.snap().elapsed_s == 5


def test_refused_in_the_future(drv: Driver) -> None:
    drv.clock.set(T0)
    drv.do(A.START)
    with pytest.raises(ActionRefused, match="in the future"):
        drv.do(STARTED_AT, to_us=us(T0 + timedelta(seconds=5)))


def test_refused_before_the_previous_segment(drv: Driver) -> None:
    drv.clock.set(T0)
    drv.do(A.START)
    drv.clock.advance(60)
    drv.do(A.NEXT)
    with pytest.raises(ActionRefused, match="would overlap"):
        drv.do(STARTED_AT, to_us=us(T0 - timedelta(seconds=1)))
    assert drv.snap().elapsed_s == 0  # nothing changed


def test_refused_later_than_the_segment_has_run(drv: Driver) -> None:
    drv.clock.set(T0)
    drv.do(A.START)
    drv.clock.advance(60)
    drv.do(A.PAUSE)
    drv.clock.advance(60)
    with pytest.raises(ActionRefused, match="has run only 1:00"):
        drv.do(STARTED_AT, to_us=us(T0 + timedelta(seconds=90)))


@pytest.mark.parametrize(
    ("payload", "message"),
    [({"seconds": -1}, "negative"), ({"seconds": "x"}, "not a number"),
     ({"seconds": 10**7}, "at most")],
)  # fmt: skip
def test_set_elapsed_bad_input(drv: Driver, payload, message) -> None:
    drv.do(A.START)
    with pytest.raises(ActionRefused, match=message):
        drv.do(SET_ELAPSED, **payload)


def test_refused_before_the_show(drv: Driver) -> None:
    with pytest.raises(ActionRefused, match="only while the show"):
        drv.do(STARTED_AT, to_us=us(T0))


def test_refused_absurd_shift(drv: Driver) -> None:
    drv.do(A.START)
    with pytest.raises(ActionRefused, match="12 hours"):
        drv.do(STARTED_AT, scope="show", to_us=us(T0 - timedelta(hours=13)))


def test_nearest_time_of_day_across_midnight() -> None:
    paris = ZoneInfo("Europe/Paris")
    just_after = datetime(2027, 2, 25, 23, 1, tzinfo=UTC)  # 00:01 on the 26th in Paris
    back = resolve_clock_time(23, 58, 0, just_after, paris)
    assert back == datetime(2027, 2, 25, 22, 58, tzinfo=UTC)  # yesterday, 3 minutes ago
    just_before = datetime(2027, 2, 25, 22, 59, tzinfo=UTC)  # 23:59 Paris
    ahead = resolve_clock_time(0, 5, 0, just_before, paris)
    assert ahead > just_before  # tomorrow morning: in the future, so refused


def test_report_marks_the_correction(drv: Driver, small_show) -> None:
    drv.clock.set(T0 + timedelta(minutes=2))
    journal = [drv.do(A.START)]
    drv.clock.advance(60)
    journal.append(drv.do(STARTED_AT, scope="show", to_us=us(T0)))
    drv.clock.advance(120)
    journal.append(drv.do(A.FINISH))
    report = build_report(small_show, journal)
    assert report.summary.actual_start == T0
    assert report.summary.start_delay_s == 0
    assert report.segments[0].corrected
    assert report.segments[0].running_s == 300
    assert not report.segments[1].corrected
    assert any(n.code == "corrected" for n in report.summary.notes)
    event = next(e for e in report.events if e.type == STARTED_AT)
    assert "corrected" in event.detail
