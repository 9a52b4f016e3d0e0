"""Random action sequences against the timer engine: its invariants hold whatever happens."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from moderator_app.core.actions import CLOCK_JUMP, Action, ActionRefused, ActionType
from moderator_app.core.clock import to_us
from moderator_app.core.engine import FINISHED, NOT_STARTED, US, TimerEngine
from moderator_app.core.runsheet import Segment, SegmentKind, Show
from tests.hypothesis_profiles import examples

T0 = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)
A = ActionType


def make_show(hard: bool) -> Show:
    segs = [
        Segment("One", 300, SegmentKind.WELCOME, id="a"),
        Segment("Two", 600, SegmentKind.SPEAKER, id="b"),
        Segment("Three", 240, SegmentKind.SPEAKER, id="c"),
        Segment("Four", 300, SegmentKind.CLOSING, id="d"),
    ]
    if hard:  # 16:30 Paris: 15:30 UTC, leaves a gap the run can eat into
        segs[2] = replace(segs[2], hard_start=time(16, 30))
    return Show(title="Fuzz", planned_start=T0, timezone="Europe/Paris", segments=segs)


STEP = st.one_of(
    st.tuples(st.just(A.START), st.fixed_dictionaries({"index": st.integers(-1, 4)})),
    st.tuples(st.sampled_from([A.PAUSE, A.RESUME, A.NEXT, A.PREVIOUS, A.FINISH]), st.just({})),
    st.tuples(st.just(A.GOTO), st.fixed_dictionaries({"index": st.integers(-1, 4)})),
    st.tuples(st.just(A.ADD_TIME), st.fixed_dictionaries({"seconds": st.integers(-900, 900)})),
    st.tuples(st.just(A.UNDO), st.just({})),
    st.tuples(st.just(A.NEW_RUN), st.just({})),
    st.tuples(st.just(A.MESSAGE), st.fixed_dictionaries({"text": st.text(max_size=5)})),
    st.tuples(st.just(A.CLEAR_MESSAGE), st.just({})),
)
PAUSE_S = st.floats(0, 900, allow_nan=False).map(lambda s: round(s, 6))
SEQUENCES = st.lists(st.tuples(STEP, PAUSE_S), max_size=40)


def check_snapshot(engine: TimerEngine, now: datetime) -> None:
    snap = engine.snapshot(now)
    assert snap.elapsed_s >= 0
    assert snap.paused_s >= 0
    assert round(snap.remaining_s * US) == round(snap.allotted_s * US) - round(snap.elapsed_s * US)
    if not snap.live:
        return
    assert snap.projected_end >= now
    # The end is at least now + what is left of this segment + the budgets of the later
    # ones; exactly that when no hard start lies ahead (a hard start can only add a gap).
    st_ = engine.state
    idx = snap.current_index
    later = engine.show.segments[idx + 1 :]
    budgets = 0
    for seg in later:
        rec = st_.record(seg.id)
        budgets += max((seg.planned_duration_s + rec.added_s) * US - rec.elapsed_us, 0)
    floor = to_us(now) + max(round(snap.remaining_s * US), 0) + budgets
    assert to_us(snap.projected_end) >= floor
    if not any(seg.hard_start for seg in later):
        assert to_us(snap.projected_end) == floor
    for a, b in zip(snap.projected_starts[idx:], snap.projected_starts[idx + 1 :], strict=False):
        assert a <= b


def drive(show: Show, steps, *, jumps: bool = False):
    engine = TimerEngine(show)
    now = T0 - timedelta(minutes=5)
    journal: list[Action] = []
    before_undoable: list = []
    for (kind, payload), wait in steps:
        now += timedelta(seconds=wait)
        try:
            action = engine.prepare(kind, payload, to_us(now))
        except ActionRefused:
            check_snapshot(engine, now)
            continue
        action = replace(action, seq=len(journal) + 1)
        if kind == A.UNDO:
            expected = before_undoable.pop()
            engine.apply(action)
            if not jumps:
                assert engine.state == expected  # undo restores the state exactly
        else:
            prior = engine.state.copy()
            undoable_before = len(engine._undoable)
            engine.apply(action)
            if kind == A.NEW_RUN:
                before_undoable = []
            elif len(engine._undoable) > undoable_before:
                before_undoable.append(prior)
        journal.append(action)
        check_snapshot(engine, now)
        if jumps and engine.state.status not in (NOT_STARTED, FINISHED) and wait > 600:
            jump = Action(CLOCK_JUMP, to_us(now), {"delta_s": -wait / 2}, len(journal) + 1)
            engine.apply(jump)
            journal.append(jump)
            now -= timedelta(seconds=wait / 2)
            check_snapshot(engine, now)
    return engine, journal, now


@settings(max_examples=examples(300))
@given(steps=SEQUENCES, hard=st.booleans())
def test_invariants_undo_and_replay(steps, hard: bool) -> None:
    show = make_show(hard)
    engine, journal, now = drive(show, steps)
    replayed = TimerEngine(show)
    for action in journal:
        replayed.apply(action)
    assert replayed.snapshot(now) == engine.snapshot(now)
    assert replayed.state == engine.state


@settings(max_examples=examples(150))
@given(steps=SEQUENCES, hard=st.booleans())
def test_invariants_hold_across_clock_jumps(steps, hard: bool) -> None:
    show = make_show(hard)
    engine, journal, now = drive(show, steps, jumps=True)
    replayed = TimerEngine(show)
    for action in journal:
        replayed.apply(action)
    assert replayed.snapshot(now) == engine.snapshot(now)
