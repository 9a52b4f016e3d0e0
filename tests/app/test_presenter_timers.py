"""The one presenter carries the side timers, the auto-start countdown and cue flags."""

from __future__ import annotations

from datetime import time

from moderator_app.app.presenter import TIMER_ANSWER, TIMER_AUX, present
from moderator_app.core.actions import AUX_SET, AUX_START, QUESTION_STATE, Action, ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.cues import Cue
from tests.core.test_engine import Driver

A = ActionType


def view(drv: Driver):
    return present(drv.engine.show, drv.snap())


def test_aux_lines_only_when_shown(small_show, clock: FakeClock) -> None:
    drv = Driver(small_show, clock)
    drv.do(AUX_SET, timer=1, seconds=90)
    assert view(drv).timers == ()
    drv.do(AUX_SET, timer=1, seconds=90, name="Panel", shown="line")
    drv.do(AUX_SET, timer=2, seconds=60, shown="main")
    drv.do(AUX_START, timer=2)
    clock.advance(75)
    lines = view(drv).timers
    assert [(t.kind, t.number, t.name, t.figure, t.overtime) for t in lines] == [
        (TIMER_AUX, 1, "Panel", "1:30", False),
        (TIMER_AUX, 2, "", "+0:15", True),
    ]
    assert view(drv).stage_main.number == 2


def test_answer_line(small_show, clock: FakeClock) -> None:
    drv = Driver(small_show, clock)
    drv.do(A.START)
    drv.engine.apply(
        Action(QUESTION_STATE, to_us(clock.now()), {"id": "q", "to": "on_air", "answer_s": 120}, 9)
    )
    clock.advance(30.5)
    (line,) = view(drv).timers
    assert (line.kind, line.figure, line.running) == (TIMER_ANSWER, "1:30", True)
    drv.engine.apply(Action(QUESTION_STATE, to_us(clock.now()), {"id": "q", "to": "answered"}, 10))
    assert view(drv).timers == ()


def test_auto_start_countdown_and_cue_flags(small_show, clock: FakeClock) -> None:
    small_show.segments[2].hard_start = time(16, 15)
    small_show.segments[2].auto_start = True
    small_show.segments[1].cues = (Cue(30, "Wrap up", chime=True),)
    drv = Driver(small_show, clock)
    drv.do(A.START)
    clock.advance(300)
    drv.do(A.NEXT)
    clock.advance(14 * 60 - 300 + 30)  # 16:14:30
    v = view(drv)
    assert v.auto_start_in_s == 30 and v.auto_start_title == "Three" and v.auto_start_number == 3
    cue = drv.engine.due_cue(clock.now())
    drv.do(A.MESSAGE, text=cue.text, cue=cue.key, chime=cue.chime)
    v = view(drv)
    assert v.message == "Wrap up" and v.message_cue and v.message_chime
