"""The answer timer: a countdown per question on air, folded from question.state actions."""

from __future__ import annotations

from dataclasses import replace

from moderator_app.core.actions import QUESTION_STATE, Action, ActionType
from moderator_app.core.answer_timer import answer_length
from moderator_app.core.clock import FakeClock, to_us
from tests.core.test_engine import Driver

A = ActionType


def state(drv: Driver, qid: str, to: str, **extra: object) -> Action:
    drv.seq += 1
    action = Action(
        QUESTION_STATE,
        to_us(drv.clock.now()),
        {"id": qid, "from": "new", "to": to, **extra},
        seq=drv.seq,
    )
    drv.engine.apply(action)
    return action


def test_answer_countdown_per_question(small_show, clock: FakeClock) -> None:
    drv = Driver(small_show, clock)
    drv.do(A.START)
    state(drv, "q1", "on_air", answer_s=120)
    clock.advance(45)
    now = to_us(clock.now())
    answer = drv.engine.answers.current
    assert answer.question == "q1" and answer.running
    assert answer.remaining_s(now) == 75
    state(drv, "q2", "on_air", answer_s=90)  # the next question replaces it
    first = drv.engine.answers.answers[0]
    assert not first.running and first.elapsed_us(now) == 45_000_000
    clock.advance(100)
    assert drv.engine.answers.current.remaining_s(to_us(clock.now())) == -10
    state(drv, "q2", "answered")
    clock.advance(60)
    assert drv.engine.answers.current.remaining_s(to_us(clock.now())) == -10


def test_no_length_no_timer(small_show, clock: FakeClock) -> None:
    drv = Driver(small_show, clock)
    state(drv, "q1", "on_air")
    assert drv.engine.answers.current is None
    assert answer_length({"answer_s": True}) is None
    assert answer_length({"answer_s": -5}) is None
    assert answer_length({"answer_s": 120}) == 120


def test_new_run_forgets_answers(small_show, clock: FakeClock) -> None:
    drv = Driver(small_show, clock)
    state(drv, "q1", "on_air", answer_s=60)
    drv.engine.apply(replace(Action(A.NEW_RUN, to_us(clock.now()), {"label": "live"}), seq=50))
    assert drv.engine.answers.current is None


def test_report_gives_each_answer_against_its_timer(small_show, clock: FakeClock) -> None:
    from moderator_app.core.report import build_report

    drv = Driver(small_show, clock)
    journal = [drv.do(A.START), state(drv, "q1", "on_air", answer_s=120, text="Why?")]
    clock.advance(150)
    journal.append(state(drv, "q1", "answered"))
    journal.append(state(drv, "q2", "on_air", answer_s=120, text="How?"))
    clock.advance(100)
    journal.append(state(drv, "q2", "answered"))
    rows = {q.question_id: q for q in build_report(small_show, journal).questions}
    assert (rows["q1"].duration_s, rows["q1"].answer_limit_s, rows["q1"].answer_over_s) == (
        150,
        120,
        30,
    )
    assert rows["q2"].answer_over_s == -20
