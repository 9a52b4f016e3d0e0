from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from moderator_app.core.actions import ActionRefused, ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.engine import (
    DANGER,
    FINISHED,
    NORMAL,
    NOT_STARTED,
    OVERTIME,
    PAUSED,
    RUNNING,
    WARNING,
    TimerEngine,
)
from moderator_app.core.runsheet import Segment, Show

A = ActionType


class Driver:
    """Applies actions at fake-clock times, numbering them like the journal would."""

    def __init__(self, show: Show, clock: FakeClock) -> None:
        self.engine = TimerEngine(show)
        self.clock = clock
        self.seq = 0

    def do(self, kind: str, **payload: object):
        action = self.engine.prepare(kind, payload, to_us(self.clock.now()))
        self.seq += 1
        from dataclasses import replace

        action = replace(action, seq=self.seq)
        self.engine.apply(action)
        return action

    def snap(self):
        return self.engine.snapshot(self.clock.now())


@pytest.fixture
def drv(small_show: Show, clock: FakeClock) -> Driver:
    return Driver(small_show, clock)


def test_not_started_shows_plan(drv: Driver) -> None:
    s = drv.snap()
    assert s.state == NOT_STARTED
    assert s.current_index is None
    assert s.remaining_s == 300
    assert s.over_under_s == 0
    assert s.projected_end == datetime(2027, 2, 25, 15, 20, tzinfo=UTC)


def test_not_started_late_counts_as_late(drv: Driver) -> None:
    drv.clock.advance(90)
    s = drv.snap()
    assert s.over_under_s == 90
    assert s.projected_end == datetime(2027, 2, 25, 15, 21, 30, tzinfo=UTC)


def test_running_elapsed_remaining_and_phases(drv: Driver) -> None:
    drv.do(A.START)
    drv.clock.advance(100)
    s = drv.snap()
    assert (s.state, s.current_index, s.elapsed_s, s.remaining_s) == (RUNNING, 0, 100, 200)
    assert s.phase == NORMAL
    drv.clock.advance(81)  # 119 s left: warning threshold is 120
    assert drv.snap().phase == WARNING
    drv.clock.advance(90)  # 29 s left
    assert drv.snap().phase == DANGER
    drv.clock.advance(29)
    assert drv.snap().phase == OVERTIME  # exactly 0 left
    drv.clock.advance(45)
    s = drv.snap()
    assert s.remaining_s == -45
    assert s.over_under_s == 45
    assert s.projected_end == datetime(2027, 2, 25, 15, 20, 45, tzinfo=UTC)


def test_pause_stops_elapsed_and_pushes_projection(drv: Driver) -> None:
    drv.do(A.START)
    drv.clock.advance(60)
    drv.do(A.PAUSE)
    drv.clock.advance(30)
    s = drv.snap()
    assert s.state == PAUSED
    assert s.elapsed_s == 60
    assert s.paused_s == 30
    assert s.over_under_s == 30
    drv.do(A.RESUME)
    drv.clock.advance(10)
    s = drv.snap()
    assert s.elapsed_s == 70
    assert s.paused_s == 30
    assert drv.engine.state.record("a").pauses == 1


def test_add_and_remove_time(drv: Driver) -> None:
    drv.do(A.START)
    drv.do(A.ADD_TIME, seconds=60)
    assert drv.snap().remaining_s == 360
    assert drv.snap().over_under_s == 60
    drv.do(A.ADD_TIME, seconds=-120)
    assert drv.snap().remaining_s == 240
    with pytest.raises(ActionRefused):
        drv.do(A.ADD_TIME, seconds=-1000)


def test_next_previous_accumulates_visits(drv: Driver) -> None:
    drv.do(A.START)
    drv.clock.advance(200)
    drv.do(A.NEXT)
    s = drv.snap()
    assert s.current_index == 1
    assert s.over_under_s == -100  # segment one ended 100 s early
    drv.clock.advance(50)
    drv.do(A.PREVIOUS)
    drv.clock.advance(20)
    s = drv.snap()
    assert s.current_index == 0
    assert s.elapsed_s == 220  # the earlier 200 s count toward its budget
    assert drv.engine.state.record("b").elapsed_us == 50_000_000


def test_refusals_leave_state_alone(drv: Driver) -> None:
    with pytest.raises(ActionRefused):
        drv.do(A.NEXT)
    with pytest.raises(ActionRefused):
        drv.do(A.RESUME)
    drv.do(A.START)
    with pytest.raises(ActionRefused):
        drv.do(A.START)
    with pytest.raises(ActionRefused):
        drv.do(A.PREVIOUS)
    drv.do(A.GOTO, index=2)
    with pytest.raises(ActionRefused, match="last segment"):
        drv.do(A.NEXT)
    with pytest.raises(ActionRefused):
        drv.do(A.GOTO, index=7)
    assert drv.snap().current_index == 2


def test_undo_mistaken_next(drv: Driver) -> None:
    drv.do(A.START)
    drv.clock.advance(100)
    drv.do(A.NEXT)
    drv.clock.advance(5)
    undo = drv.do(A.UNDO)
    assert undo.payload["type"] == "next"
    s = drv.snap()
    assert s.current_index == 0
    assert s.elapsed_s == 105  # as if the mistaken next never happened
    drv.do(A.UNDO)  # undo the start too
    assert drv.snap().state == NOT_STARTED
    with pytest.raises(ActionRefused):
        drv.do(A.UNDO)


def test_finish_freezes_figures(drv: Driver) -> None:
    drv.do(A.START)
    drv.clock.advance(300)
    drv.do(A.NEXT)
    drv.clock.advance(700)
    drv.do(A.FINISH)
    drv.clock.advance(3600)
    s = drv.snap()
    assert s.state == FINISHED
    assert s.show_elapsed_s == 1000
    assert s.projected_end == datetime(2027, 2, 25, 15, 16, 40, tzinfo=UTC)
    assert s.over_under_s == 1000 - 1200


def test_hard_start_absorbs_delay(clock: FakeClock) -> None:
    show = Show(
        title="Hard",
        planned_start=datetime(2027, 2, 25, 15, 0, tzinfo=UTC),
        timezone="Europe/Paris",
        segments=[
            Segment("One", 600, id="a"),
            Segment("Two", 600, id="b", hard_start=time(16, 15)),  # 5 min gap before it
        ],
    )
    drv = Driver(show, clock)
    drv.do(A.START)
    clock.advance(600 + 180)  # three minutes over
    s = drv.snap()
    assert s.over_under_s == 180
    assert s.projected_starts[1] == datetime(2027, 2, 25, 15, 15, tzinfo=UTC)
    assert s.projected_end == datetime(2027, 2, 25, 15, 25, tzinfo=UTC)
    clock.advance(240)  # seven minutes over: the gap is used up
    s = drv.snap()
    assert s.projected_starts[1] == datetime(2027, 2, 25, 15, 17, tzinfo=UTC)


def test_rehearsal_on_another_day_is_measured_against_its_own_start(drv: Driver) -> None:
    drv.clock.set(datetime(2027, 2, 20, 10, 0, tzinfo=UTC))
    drv.do(A.START)
    drv.clock.advance(310)
    s = drv.snap()
    assert s.over_under_s == 10
    assert s.planned_starts[0] == datetime(2027, 2, 20, 10, 0, tzinfo=UTC)


def test_two_hour_show_has_no_drift(clock: FakeClock) -> None:
    show = Show(
        title="Long",
        planned_start=datetime(2027, 2, 25, 15, 0, tzinfo=UTC),
        segments=[Segment(f"S{i}", 600, id=f"s{i}") for i in range(12)],
    )
    drv = Driver(show, clock)
    drv.do(A.START)
    truth_elapsed = 0
    # Irregular, sub-millisecond steps that a tick counter would round.
    for i in range(1, 12):
        step = timedelta(seconds=599, microseconds=999_999 - i * 37)
        clock.advance(step.total_seconds())
        truth_elapsed += step // timedelta(microseconds=1)
        drv.do(A.NEXT)
    clock.advance(seconds=600, microseconds=123)
    s = drv.snap()
    assert s.show_elapsed_s == (truth_elapsed + 600_000_123) / 1e6
    assert s.elapsed_s == 600.000123
    assert s.remaining_s == -0.000123
    start = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)
    assert s.now - start == timedelta(microseconds=truth_elapsed + 600_000_123)


def test_message_is_not_undone(drv: Driver) -> None:
    drv.do(A.START)
    drv.do(A.MESSAGE, text="Please wrap up", blink=True, keep=True)
    assert drv.snap().message.text == "Please wrap up"
    drv.do(A.UNDO)
    assert drv.snap().message is not None
    drv.do(A.CLEAR_MESSAGE)
    assert drv.snap().message is None


def test_a_message_stops_showing_when_it_stops_being_true(drv: Driver, clock) -> None:
    drv.do(A.START)
    sent = drv.do(A.MESSAGE, text="Merci de conclure")
    assert sent.payload["segment"] == drv.engine.state.current
    drv.do(A.NEXT)  # the next speaker must not read the last one's cue
    assert drv.snap().message is None and drv.engine.message is not None
    drv.do(A.UNDO)  # back to that segment: the cue is true again
    assert drv.snap().message.text == "Merci de conclure"
    drv.do(A.MESSAGE, text="Welcome", keep=True)
    drv.do(A.NEXT)
    assert drv.snap().message.text == "Welcome"  # sent to stay
    drv.do(A.MESSAGE, text="2 minutes", expires_s=120)
    clock.advance(seconds=119)
    assert drv.snap().message.text == "2 minutes"
    clock.advance(seconds=1)
    assert drv.snap().message is None  # "2 minutes" into overtime would be a lie
    drv.do(A.MESSAGE, text="Thank you", keep=True)
    drv.do(A.FINISH)
    assert drv.snap().message is None  # nothing to tell a speaker after the show


def test_message_expiry_is_checked(drv: Driver) -> None:
    drv.do(A.START)
    for bad in (0, -5, "soon", 10**9):
        with pytest.raises(ActionRefused):
            drv.do(A.MESSAGE, text="x", expires_s=bad)


def test_new_run_resets(drv: Driver) -> None:
    drv.do(A.START)
    drv.clock.advance(10)
    drv.do(A.NEW_RUN, label="Live")
    s = drv.snap()
    assert s.state == NOT_STARTED
    assert s.run == 2
    assert not drv.engine.can_undo


# -- out-of-order stamps (a writer with a wrong clock) ---------------------------------


def _journal_with_an_hour_ahead(small_show: Show) -> list:
    """start at T0, a 'next' from a clock an hour ahead, then a pause at the true time."""
    from moderator_app.core.actions import Action

    t0 = to_us(datetime(2027, 2, 25, 15, 0, tzinfo=UTC))
    return [
        Action(A.START, t0, {"segment": "a", "index": 0}, 1),
        Action(A.NEXT, t0 + 3660 * 10**6, {"segment": "b", "index": 1}, 2),
        Action(A.PAUSE, t0 + 90 * 10**6, {}, 3),
        Action(A.RESUME, t0 + 100 * 10**6, {}, 4),
    ]


def test_an_entry_stamped_before_the_last_is_folded_at_the_last_and_flagged(
    small_show: Show,
) -> None:
    engine = TimerEngine(small_show)
    for action in _journal_with_an_hour_ahead(small_show):
        engine.apply(action)
    rec = engine.state.record("b")
    assert rec.elapsed_us >= 0 and rec.paused_us >= 0
    assert rec.first_start_us is not None and engine.state.run_since_us >= rec.first_start_us
    assert [(o.seq, round(o.behind_us / 1e6)) for o in engine.out_of_order] == [
        (3, 3570),
        (4, 3560),
    ]
    snap = engine.snapshot(datetime(2027, 2, 25, 15, 2, tzinfo=UTC))
    assert snap.elapsed_s >= 0 and snap.paused_s >= 0


def test_the_report_flags_out_of_order_entries(small_show: Show) -> None:
    from moderator_app.core.report import build_report
    from moderator_app.core.report_notes import OUT_OF_ORDER_NOTE

    report = build_report(small_show, _journal_with_an_hour_ahead(small_show))
    notes = [n for n in report.summary.notes if n.code == OUT_OF_ORDER_NOTE]
    assert len(notes) == 1 and notes[0].count == 2
    assert "wrong clock" in notes[0].text
    assert all((s.running_s or 0) >= 0 and (s.paused_s or 0) >= 0 for s in report.segments)


def test_a_new_entry_stamped_before_the_journal_is_refused(drv: Driver) -> None:
    from moderator_app.core.actions import ClockRefused

    drv.do(A.START)
    drv.clock.advance(60)
    drv.do(A.PAUSE)
    drv.engine.check_stamp(to_us(drv.clock.now()) - 1_000_000)  # within the tolerance
    with pytest.raises(ClockRefused, match="3600 s behind the show's journal"):
        drv.engine.check_stamp(to_us(drv.clock.now()) - 3600 * 10**6)
    drv.engine.check_stamp(to_us(drv.clock.now()) + 3600 * 10**6)  # a long pause is fine


def test_the_timeline_follows_a_journaled_clock_jump(drv: Driver) -> None:
    from moderator_app.core.actions import CLOCK_JUMP, Action

    drv.do(A.START)
    drv.clock.advance(10)
    drv.engine.apply(Action(CLOCK_JUMP, to_us(drv.clock.now()), {"delta_s": -600.0}, 9))
    drv.clock.advance(-600 + 5)
    drv.engine.check_stamp(to_us(drv.clock.now()))  # on the corrected clock: fine
    drv.do(A.PAUSE)
    assert drv.engine.out_of_order == []
    assert drv.snap().elapsed_s == 15
