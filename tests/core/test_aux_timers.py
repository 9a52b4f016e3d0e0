"""Auxiliary timers: folded from journaled actions with a fake clock, never from ticks."""

from __future__ import annotations

import pytest

from moderator_app.core.actions import (
    AUX_ADD,
    AUX_PAUSE,
    AUX_RESET,
    AUX_SET,
    AUX_START,
    CLOCK_JUMP,
    Action,
    ActionRefused,
    ActionType,
)
from moderator_app.core.aux_timers import AUX_COUNT, SHOWN_LINE, UP
from moderator_app.core.clock import FakeClock, to_us
from tests.core.test_engine import Driver


@pytest.fixture
def drv(small_show, clock: FakeClock) -> Driver:
    return Driver(small_show, clock)


def figure(drv: Driver, n: int) -> float:
    return drv.engine.aux.get(n).figure_s(to_us(drv.clock.now()))


def test_at_least_three_named_timers(drv: Driver) -> None:
    assert AUX_COUNT >= 3
    drv.do(AUX_SET, timer=3, seconds=90, name="Panel", shown=SHOWN_LINE)
    t = drv.engine.aux.get(3)
    assert (t.name, t.duration_us, t.shown) == ("Panel", 90_000_000, SHOWN_LINE)


def test_countdown_start_pause_resume_reset(drv: Driver) -> None:
    drv.do(AUX_SET, timer=1, seconds=90)
    assert figure(drv, 1) == 90
    drv.do(AUX_START, timer=1)
    drv.clock.advance(30)
    assert figure(drv, 1) == 60
    drv.do(AUX_PAUSE, timer=1)
    drv.clock.advance(600)  # paused: nothing moves
    assert figure(drv, 1) == 60
    drv.do(AUX_START, timer=1)
    drv.clock.advance(75)
    assert figure(drv, 1) == -15  # into overtime
    assert drv.engine.aux.get(1).overtime(to_us(drv.clock.now()))
    drv.do(AUX_RESET, timer=1)
    assert figure(drv, 1) == 90
    assert not drv.engine.aux.get(1).running


def test_count_up_and_add_time(drv: Driver) -> None:
    drv.do(AUX_SET, timer=2, seconds=0, direction=UP)
    drv.do(AUX_START, timer=2)
    drv.clock.advance(42.5)
    assert figure(drv, 2) == 42.5
    with pytest.raises(ActionRefused, match="counts up"):
        drv.do(AUX_ADD, timer=2, seconds=30)
    drv.do(AUX_SET, timer=1, seconds=60)
    drv.do(AUX_START, timer=1)
    drv.clock.advance(10)
    drv.do(AUX_ADD, timer=1, seconds=30)
    assert figure(drv, 1) == 80
    drv.do(AUX_ADD, timer=1, seconds=-20)
    assert figure(drv, 1) == 60


def test_timers_are_independent_of_the_schedule(drv: Driver) -> None:
    drv.do(ActionType.START)
    drv.do(AUX_SET, timer=1, seconds=120)
    drv.do(AUX_START, timer=1)
    drv.clock.advance(20)
    drv.do(ActionType.PAUSE)  # pausing the show does not pause an answer timer
    drv.clock.advance(10)
    assert figure(drv, 1) == 90
    assert drv.snap().elapsed_s == 20


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"timer": 1, "seconds": -5}, "negative"),
        ({"timer": 1, "seconds": 10**9}, "too long"),
        ({"timer": 1, "seconds": "abc"}, "not a number"),
        ({"timer": 1, "seconds": float("nan")}, "not a number"),
        ({"timer": 9, "seconds": 60}, "no timer 9"),
        ({"timer": "x", "seconds": 60}, "not a timer number"),
        ({"timer": 1, "seconds": 60, "direction": "sideways"}, "down' or 'up"),
        ({"timer": 1, "seconds": 0}, "above zero"),
    ],
)
def test_bad_settings_are_refused_and_change_nothing(drv: Driver, payload, message) -> None:
    before = drv.engine.aux.get(1)
    with pytest.raises(ActionRefused, match=message):
        drv.do(AUX_SET, **payload)
    assert drv.engine.aux.get(1) == before


def test_state_refusals(drv: Driver) -> None:
    with pytest.raises(ActionRefused, match="not running"):
        drv.do(AUX_PAUSE, timer=1)
    with pytest.raises(ActionRefused, match="already reset"):
        drv.do(AUX_RESET, timer=1)
    drv.do(AUX_START, timer=1)
    with pytest.raises(ActionRefused, match="already running"):
        drv.do(AUX_START, timer=1)
    with pytest.raises(ActionRefused, match="more time than"):
        drv.do(AUX_ADD, timer=1, seconds=-500)


def test_replay_gives_the_same_figures(drv: Driver, small_show, clock: FakeClock) -> None:
    journal = [
        drv.do(AUX_SET, timer=1, seconds=90),
        drv.do(AUX_START, timer=1),
    ]
    clock.advance(33)
    journal.append(drv.do(AUX_PAUSE, timer=1))
    fresh = Driver(small_show, clock)
    for action in journal:
        fresh.engine.apply(action)
    assert figure(fresh, 1) == figure(drv, 1) == 57


def test_a_clock_step_does_not_move_a_running_timer(drv: Driver) -> None:
    drv.do(AUX_START, timer=1)  # default: 2:00 countdown
    drv.clock.advance(10)
    drv.engine.apply(Action(CLOCK_JUMP, to_us(drv.clock.now()), {"delta_s": 40.0}, seq=99))
    drv.clock.advance(40)  # the wall clock was stepped forward 40 s
    assert figure(drv, 1) == 110


def test_damaged_payload_is_inert(drv: Driver) -> None:
    drv.engine.apply(Action(AUX_START, 0, {"timer": "nope"}, seq=1))
    drv.engine.apply(Action(AUX_SET, 0, {"timer": 1}, seq=2))
    assert figure(drv, 1) == 120
