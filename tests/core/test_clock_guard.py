"""The monotonic guard clock and the engine's handling of a journaled clock step."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from moderator_app.core.actions import CLOCK_JUMP, Action, ActionType
from moderator_app.core.clock import MonotonicGuardClock, to_us
from moderator_app.core.engine import TimerEngine
from moderator_app.core.runsheet import Show

T0 = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)


class Sources:
    """A wall clock that can be stepped and a monotonic clock that only moves forward."""

    def __init__(self) -> None:
        self.wall_at = T0
        self.mono = 1000.0

    def wall(self) -> datetime:
        return self.wall_at

    def monotonic(self) -> float:
        return self.mono

    def run(self, seconds: float) -> None:
        self.wall_at += timedelta(seconds=seconds)
        self.mono += seconds

    def step(self, seconds: float) -> None:
        self.wall_at += timedelta(seconds=seconds)


@pytest.fixture
def src() -> Sources:
    return Sources()


@pytest.fixture
def guard(src: Sources) -> MonotonicGuardClock:
    return MonotonicGuardClock(src.wall, src.monotonic)


def test_follows_wall_clock_when_nothing_jumps(src: Sources, guard: MonotonicGuardClock) -> None:
    src.run(12.5)
    assert guard.now() == T0 + timedelta(seconds=12.5)
    assert guard.pending_jump_us is None


@pytest.mark.parametrize("step", [-3600.0, -30.0, 30.0, 3600.0])
def test_a_step_is_detected_and_held_until_acknowledged(
    src: Sources, guard: MonotonicGuardClock, step: float
) -> None:
    src.run(10)
    src.step(step)
    src.run(1)
    assert guard.now() == T0 + timedelta(seconds=11)  # still real time since the anchor
    assert guard.pending_jump_us == int(step * 1_000_000)
    before, taken = guard.acknowledge()
    assert before == to_us(T0 + timedelta(seconds=11))
    assert taken == int(step * 1_000_000)
    assert guard.now() == T0 + timedelta(seconds=11 + step)
    assert guard.pending_jump_us is None


def test_small_drift_is_not_a_jump(src: Sources, guard: MonotonicGuardClock) -> None:
    src.step(1.5)
    guard.now()
    assert guard.pending_jump_us is None


def test_a_step_undone_before_acknowledgement_is_forgotten(
    src: Sources, guard: MonotonicGuardClock
) -> None:
    src.step(60)
    guard.now()
    assert guard.pending_jump_us is not None
    src.step(-60)
    guard.now()
    assert guard.pending_jump_us is None


def run_engine_through_jump(show: Show, step_s: float) -> list[float]:
    """Remaining time read every second around a clock step journaled mid-segment."""
    src = Sources()
    guard = MonotonicGuardClock(src.wall, src.monotonic)
    engine = TimerEngine(show)
    seq = 0

    def do(kind: str, payload: dict | None = None, at_us: int | None = None) -> None:
        nonlocal seq
        seq += 1
        if kind == CLOCK_JUMP:
            action = Action(kind, at_us, payload or {}, seq)
        else:
            action = replace(engine.prepare(kind, payload, guard.now_us()), seq=seq)
        engine.apply(action)

    do(ActionType.START)
    readings = []
    for second in range(20):
        if second == 10:
            src.step(step_s)
        guard.now_us()
        if guard.pending_jump_us is not None:
            before, taken = guard.acknowledge()
            do(CLOCK_JUMP, {"delta_s": taken / 1e6}, before)
        readings.append(engine.snapshot(guard.now()).remaining_s)
        src.run(1)
    return readings


@pytest.mark.parametrize("step", [-7200.0, -45.0, 45.0, 7200.0])
def test_countdown_stays_smooth_across_a_journaled_step(small_show: Show, step: float) -> None:
    readings = run_engine_through_jump(small_show, step)
    assert readings == [300.0 - i for i in range(20)]


def test_jump_is_recorded_for_the_report_and_survives_replay(small_show: Show) -> None:
    engine = TimerEngine(small_show)
    start = to_us(T0)
    engine.apply(engine.prepare(ActionType.START, {}, start))
    engine.apply(Action(CLOCK_JUMP, start + 5_000_000, {"delta_s": -60.0}, 2))
    later = T0 + timedelta(seconds=8 - 60)  # 8 s of real time after the start
    snap = engine.snapshot(later)
    assert snap.elapsed_s == 8
    assert snap.projected_starts[0] == T0 - timedelta(seconds=60)  # on the corrected clock
    assert [(j.at_us, j.delta_s) for j in engine.clock_jumps] == [(start + 5_000_000, -60.0)]


def test_undo_after_a_jump_keeps_the_corrected_clock(small_show: Show) -> None:
    engine = TimerEngine(small_show)
    start = to_us(T0)
    engine.apply(replace(engine.prepare(ActionType.START, {}, start), seq=1))
    engine.apply(Action(CLOCK_JUMP, start + 5_000_000, {"delta_s": 100.0}, 2))
    nxt = engine.prepare(ActionType.NEXT, {}, start + 110_000_000)
    engine.apply(replace(nxt, seq=3))
    engine.apply(replace(engine.prepare(ActionType.UNDO, {}, start + 111_000_000), seq=4))
    snap = engine.snapshot(T0 + timedelta(seconds=120))  # 20 s real time after start
    assert snap.current_index == 0
    assert snap.elapsed_s == 20


def test_malformed_jump_payload_is_inert(small_show: Show) -> None:
    engine = TimerEngine(small_show)
    engine.apply(engine.prepare(ActionType.START, {}, to_us(T0)))
    engine.apply(Action(CLOCK_JUMP, to_us(T0), {"delta_s": "soon"}, 2))
    assert engine.clock_jumps == []


def test_report_marks_the_jump_and_keeps_true_durations(small_show: Show) -> None:
    from moderator_app.core.report import build_report

    start = to_us(T0)
    engine = TimerEngine(small_show)
    first = replace(engine.prepare(ActionType.START, {}, start), seq=1)
    engine.apply(first)
    jump = Action(CLOCK_JUMP, start + 100 * 1_000_000, {"delta_s": -3600.0}, 2)
    engine.apply(jump)
    # 200 s of real time in segment one, stamped on the corrected clock.
    nxt = replace(engine.prepare(ActionType.NEXT, {}, start + (200 - 3600) * 1_000_000), seq=3)
    report = build_report(small_show, [first, jump, nxt])
    marked = [e for e in report.events if e.type == CLOCK_JUMP]
    assert len(marked) == 1 and "clock corrected by -3600.0 s" in marked[0].detail
    assert report.segments[0].running_s == 200
    assert report.segments[0].actual_duration_s == 200


@pytest.mark.parametrize(
    "moment",
    [datetime(9999, 12, 31, 23, 59, tzinfo=UTC), datetime(1970, 1, 1, tzinfo=UTC)],
)
def test_an_impossible_clock_reading_is_a_clear_refusal(moment: datetime) -> None:
    from moderator_app.core.clock import ClockError, FakeClock, read_us

    with pytest.raises(ClockError, match="cannot be right"):
        read_us(FakeClock(moment))


def test_a_year_9999_stamp_in_a_journal_does_not_break_the_snapshot(small_show: Show) -> None:
    from moderator_app.core.clock import from_us

    engine = TimerEngine(small_show)
    far = to_us(datetime(9999, 12, 31, 23, 0, tzinfo=UTC))
    engine.apply(Action(ActionType.START, far, {"segment": "a", "index": 0}, 1))
    snap = engine.snapshot(T0)
    assert snap.projected_end <= from_us(10**19)  # pinned, not OverflowError
