from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from moderator_app.core.actions import Action, ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.engine import TimerEngine
from moderator_app.core.report import (
    DONE,
    INCOMPLETE,
    NOT_REACHED,
    RUN_CUT_OFF,
    RUN_FINISHED,
    RUN_IN_PROGRESS,
    RUN_NOT_STARTED,
    build_report,
)
from moderator_app.core.report_compare import compare_runs
from moderator_app.core.report_runs import list_runs, split_runs
from moderator_app.core.runsheet import Show

A = ActionType
T0 = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)


class Journal:
    """Builds a journal the way the console does: validated by a TimerEngine, numbered."""

    def __init__(self, show: Show, clock: FakeClock) -> None:
        self.show = show
        self.engine = TimerEngine(show)
        self.clock = clock
        self.actions: list[Action] = []

    def _add(self, action: Action) -> Action:
        action = replace(action, seq=len(self.actions) + 1)
        self.engine.apply(action)
        self.actions.append(action)
        return action

    def do(self, kind: str, **payload: object) -> Action:
        return self._add(self.engine.prepare(kind, payload, to_us(self.clock.now())))

    def raw(self, kind: str, **payload: object) -> Action:
        return self._add(Action(kind, to_us(self.clock.now()), dict(payload)))

    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)


@pytest.fixture
def j(small_show: Show, clock: FakeClock) -> Journal:
    return Journal(small_show, clock)


def played(j: Journal) -> Journal:
    """Late by 60 s; a 30 s pause in One; Two gets +60 s and overruns; a message; finish."""
    j.wait(60)
    j.do(A.START)
    j.wait(100)
    j.do(A.PAUSE)
    j.wait(30)
    j.do(A.RESUME)
    j.wait(200)
    j.do(A.NEXT)  # One held the show 330 s: +30
    j.wait(10)
    j.do(A.ADD_TIME, seconds=60)
    j.wait(500)
    j.do(A.MESSAGE, text="=wrap up")
    j.wait(210)
    j.do(A.NEXT)  # Two held 720 s: +120
    j.wait(240)
    j.do(A.FINISH)  # Three 240 s: -60
    return j


def test_full_run_figures(j: Journal) -> None:
    r = build_report(j.show, played(j).actions)
    s = r.summary
    assert s.state == RUN_FINISHED
    assert s.actual_start == T0 + timedelta(seconds=60)
    assert s.start_delay_s == 60
    assert s.planned_end == T0 + timedelta(minutes=20)
    assert s.final_over_under_s == 60 + 30 + 120 - 60
    assert s.actual_end == T0 + timedelta(seconds=60 + 330 + 720 + 240)
    assert (s.longest_overrun.title, s.longest_overrun.seconds) == ("Two", 120)
    assert s.paused_s == 30 and s.pauses == 1
    assert s.added_s == 60 and s.messages == 1
    one, two, three = r.segments
    assert one.status == two.status == three.status == DONE
    assert one.planned_start == T0 and one.planned_duration_s == 300
    assert one.actual_duration_s == 330 and one.running_s == 300 and one.over_under_s == 30
    assert (one.pauses, one.paused_s) == (1, 30)
    assert one.planned_end == T0 + timedelta(seconds=300)
    assert two.planned_start == T0 + timedelta(seconds=300)
    assert two.actual_start == T0 + timedelta(seconds=390)
    assert two.actual_end == T0 + timedelta(seconds=1110)
    assert two.added_s == 60 and two.over_under_s == 120
    assert two.messages == ("=wrap up",)
    assert three.over_under_s == -60
    # The rows add up to the show's over/under.
    assert s.start_delay_s + sum(x.over_under_s for x in r.segments) == s.final_over_under_s
    assert [e.type for e in r.events][:2] == ["start", "pause"]


def test_never_started(j: Journal) -> None:
    r = build_report(j.show, [])
    s = r.summary
    assert s.state == RUN_NOT_STARTED
    assert s.actual_start is None and s.final_over_under_s is None
    assert s.longest_overrun is None and s.start_delay_s is None
    assert all(x.status == NOT_REACHED and x.actual_start is None for x in r.segments)
    assert r.segments[1].planned_start == T0 + timedelta(seconds=300)
    assert "never started" in s.notes[0].text


def test_cut_off_run_marks_unknown(j: Journal) -> None:
    j.do(A.START)
    j.wait(310)
    j.do(A.NEXT)
    j.wait(100)
    j.do(A.PAUSE)  # then the machine dies
    live = build_report(j.show, j.actions).summary
    assert live.state == RUN_IN_PROGRESS  # nothing says it stopped: it may be going on
    assert "in progress" in live.notes[0].text and "Two" in live.notes[0].text
    r = build_report(j.show, j.actions, live=False)  # the caller knows the show is over
    s = r.summary
    assert s.state == RUN_CUT_OFF
    assert s.actual_end is None and s.final_over_under_s is None
    one, two, three = r.segments
    assert one.status == DONE and one.over_under_s == 10
    assert two.status == INCOMPLETE
    assert two.actual_start is not None
    assert two.actual_end is None and two.actual_duration_s is None and two.over_under_s is None
    assert three.status == NOT_REACHED and three.actual_start is None
    note = s.notes[0]
    assert note.code == "no_finish" and note.segment == "Two" and note.time
    assert "no finish" in str(note) and "Two" in note.text and "unknown" in note.text


def test_undone_next_is_not_a_segment_change(j: Journal) -> None:
    j.do(A.START)
    j.wait(50)
    nxt = j.do(A.NEXT)
    j.wait(3)
    j.do(A.UNDO)
    j.wait(250)
    j.do(A.NEXT)
    j.wait(600)
    j.do(A.FINISH)
    r = build_report(j.show, j.actions)
    one, two, three = r.segments
    assert one.visits == 1 and one.actual_duration_s == 303 and one.over_under_s == 3
    assert two.actual_start == T0 + timedelta(seconds=303)
    assert two.visits == 1
    assert three.status == NOT_REACHED
    undone = [e for e in r.events if e.undone]
    assert [e.seq for e in undone] == [nxt.seq]
    assert any("undone" in n.text for n in r.summary.notes)


def test_questions_timing_and_totals(j: Journal) -> None:
    j.raw("question.imported", added=12, source="zoom.csv")
    j.do(A.START)
    j.wait(310)
    j.do(A.NEXT)
    j.wait(20)
    q = {"text": '=HYPERLINK("x")', "asker": "Zoé"}
    j.raw("question.state", id="q1", to="shortlisted", **{"from": "new"}, **q)
    j.raw("question.state", id="q1", to="on_air", segment="b", **{"from": "shortlisted"}, **q)
    j.wait(95)
    j.raw("question.state", id="q1", to="answered", **{"from": "on_air"}, **q)
    j.raw("question.state", id="q2", to="on_air", text="Second?", asker="", **{"from": "new"})
    j.wait(5)
    j.raw("question.state", id="q3", to="dismissed", text="spam", **{"from": "new"})
    r = build_report(j.show, j.actions)
    assert r.summary.questions_total == 12
    assert r.summary.questions_answered == 1
    assert [q.question_id for q in r.questions] == ["q1", "q2"]
    q1, q2 = r.questions
    assert q1.text == '=HYPERLINK("x")' and q1.asker == "Zoé"
    assert q1.segment_title == "Two" and q1.speaker == "Ana"
    assert q1.on_air_at == T0 + timedelta(seconds=330)
    assert q1.duration_s == 95
    assert q2.answered_at is None and q2.duration_s is None
    assert q2.segment_id == "b"  # the segment on air when it was taken
    assert build_report(j.show, j.actions, questions_total=40).summary.questions_total == 40


def test_runsheet_edits_listed(j: Journal) -> None:
    j.raw(
        "runsheet.edit",
        op="edit",
        segment="c",
        index=2,
        field="planned_duration_s",
        before=300,
        after=240,
    )
    j.do(A.START)
    j.wait(20)
    j.raw(
        "runsheet.edit", op="edit", segment="b", index=1, field="title", before="Two", after="Deux"
    )
    r = build_report(j.show, j.actions)
    assert [(e.segment_title, e.field, e.before, e.after, e.live) for e in r.edits] == [
        ("Three", "planned_duration_s", "300", "240", False),
        ("Two", "title", "Two", "Deux", True),
    ]
    assert r.summary.edits == 2


def rehearsal_then_live(j: Journal) -> Journal:
    j.clock.set(T0 - timedelta(days=1))
    j.do(A.START)
    j.wait(400)
    j.do(A.NEXT)
    j.wait(600)
    j.do(A.NEXT)
    j.wait(300)
    j.do(A.FINISH)
    j.do(A.NEW_RUN, label="Live")
    j.clock.set(T0 + timedelta(seconds=30))
    j.do(A.START)
    j.wait(290)
    j.do(A.NEXT)
    j.wait(100)
    return j


def test_runs_listed_and_rehearsal_reanchored(j: Journal) -> None:
    actions = rehearsal_then_live(j).actions
    assert len(split_runs(actions)) == 2
    runs = list_runs(j.show, actions)
    assert [(r.number, r.label, r.state) for r in runs] == [
        (1, "", "finished"),
        (2, "Live", "in_progress"),
    ]
    assert list_runs(j.show, actions, live=False)[1].state == "no_finish"
    assert runs[0].date == T0 - timedelta(days=1)
    rehearsal = build_report(j.show, actions, 1)
    assert rehearsal.summary.start_delay_s == 0  # plan moved onto the rehearsal's start
    assert rehearsal.summary.plan_shift_s == -86400
    assert rehearsal.segments[0].over_under_s == 100
    assert rehearsal.summary.final_over_under_s == 100
    live = build_report(j.show, actions)
    assert live.summary.run == 2 and live.summary.label == "Live"
    assert live.summary.start_delay_s == 30
    assert live.segments[0].over_under_s == -10
    with pytest.raises(ValueError, match="no run 3"):
        build_report(j.show, actions, 3)


def test_compare_two_runs(j: Journal) -> None:
    actions = rehearsal_then_live(j).actions
    cmp = compare_runs(j.show, actions, 1, 2)
    first, second, third = cmp.rows
    assert (first.a_duration_s, first.b_duration_s, first.duration_diff_s) == (400, 290, -110)
    assert (first.a_offset_s, first.b_offset_s) == (0, 0)
    assert second.a_offset_s == 400 and second.b_offset_s == 290
    assert second.b_duration_s is None and second.duration_diff_s is None
    assert third.b_offset_s is None
