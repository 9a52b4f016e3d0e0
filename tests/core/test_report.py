from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from moderator_app.core.actions import Action, ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.engine import TimerEngine
from moderator_app.core.questions import Question, QuestionQueue
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
from moderator_app.core.report_questions import NOT_REACHED as QUESTION_NOT_REACHED
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
    # Every question the journal names, the dismissed one too (no questions table here).
    assert [q.question_id for q in r.questions] == ["q1", "q2", "q3"]
    assert [q.final_state for q in r.questions] == ["answered", "on_air", "dismissed"]
    q1, q2, _ = r.questions
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


# -- the question list: every question of the show, with its final state -------------------
class Moderation:
    """A question queue whose changes are journaled as the console journals them."""

    def __init__(self, j: Journal, questions: list[Question]) -> None:
        self.j = j
        self.queue = QuestionQueue()
        self.commit(self.queue.plan_import(questions, file="zoom.csv", skipped=0).changes)

    def commit(self, changes) -> None:
        for change in changes:
            self.j.raw(change.type, **change.payload)
        self.queue.apply(changes)

    def state(self, qid: str, to: str, segment: str | None = None) -> None:
        self.commit(self.queue.plan_state(qid, to, self.j.clock.now(), segment))

    def add(self, text: str) -> str:
        q = Question.new(text, submitted_at=self.j.clock.now())
        self.commit(self.queue.plan_add(q))
        return q.id

    def table(self) -> list[Question]:
        return self.queue.ordered()


def imported(count: int, file: str = "zoom.csv", start: int = 0) -> list[Question]:
    return [
        Question(
            id=f"q{i}",
            text=f"Question {i}?" if i != 3 else "=1+1",
            asker=f"Asker {i}",
            organisation=f"Org {i}",
            votes=i,
            submitted_at=T0 - timedelta(minutes=30 - i),
            source="zoom_qa",
            source_file=file,
        )
        for i in range(start + 1, start + count + 1)
    ]


def test_imported_questions_none_taken_are_all_listed(j: Journal) -> None:
    """Issue 10, 3: 25 imported, none taken: the list said nothing, the summary 25."""
    m = Moderation(j, imported(25))
    j.do(A.START)
    j.wait(60)
    j.do(A.FINISH)
    r = build_report(j.show, j.actions, questions=m.table())
    assert len(r.questions) == 25 == r.summary.questions_total
    assert {q.final_state for q in r.questions} == {QUESTION_NOT_REACHED}
    assert (r.summary.questions_not_reached, r.summary.questions_answered) == (25, 0)
    q = r.questions[0]
    assert (q.question_id, q.asker, q.organisation, q.votes, q.source) == (
        "q1", "Asker 1", "Org 1", 1, "zoom_qa",
    )  # fmt: skip
    assert q.asked_at == T0 - timedelta(minutes=29) and q.on_air_at is None


def test_final_states_counts_and_merged_duplicates(j: Journal) -> None:
    m = Moderation(j, imported(6))
    j.do(A.START)
    j.wait(310)
    j.do(A.NEXT)
    m.commit(m.queue.plan_merge("q1", "q6"))  # q6 said the same: its votes go to q1
    m.state("q5", "shortlisted")
    j.wait(10)
    m.state("q5", "on_air", "b")
    j.wait(40)
    m.state("q5", "answered", "b")
    m.state("q2", "on_air", "b")
    j.wait(30)
    m.state("q1", "on_air", "b")  # answers q2
    m.state("q3", "shortlisted")
    m.state("q4", "dismissed")
    manual = m.add("Asked out loud?")
    r = build_report(j.show, j.actions, questions=m.table())
    got = [(q.question_id, q.final_state) for q in r.questions]
    assert got == [
        ("q5", "answered"), ("q2", "answered"), ("q1", "on_air"),  # taken, in order
        ("q3", "shortlisted"), ("q4", "dismissed"), (manual, "not_reached"),  # queue order
    ]  # fmt: skip
    s = r.summary
    assert (s.questions_answered, s.questions_on_air, s.questions_shortlisted) == (2, 1, 1)
    assert (s.questions_dismissed, s.questions_not_reached, s.questions_merged) == (1, 1, 1)
    assert s.questions_total == 7 == len(r.questions) + s.questions_merged
    q5, q2, q1 = r.questions[:3]
    assert q1.votes == 1 + 6 and q1.answered_at is None and q1.segment_title == "Two"
    assert q5.duration_s == 40 and q2.duration_s == 30 and q5.speaker == "Ana"
    assert r.questions[5].source == "manual" and r.questions[5].asked_at is not None
    # The journal alone tells the same states (without the table's extra fields).
    alone = build_report(j.show, j.actions)
    assert [(q.question_id, q.final_state) for q in alone.questions][:5] == got[:5]
    assert alone.summary.questions_merged == 1


def test_an_earlier_run_lists_the_questions_as_that_run_ended(j: Journal) -> None:
    """A rehearsal answers q1; the live run resets it, imports more and types one in. The
    rehearsal's report keeps its own states and does not list what came later."""
    m = Moderation(j, imported(3))
    j.do(A.START)
    m.state("q1", "on_air", "a")
    j.wait(20)
    m.state("q1", "answered", "a")
    j.do(A.FINISH)
    j.raw(A.NEW_RUN, label="Live")
    m.state("q1", "new")
    m.commit(m.queue.plan_import(imported(2, "late.csv", 3), file="late.csv", skipped=0).changes)
    manual = m.add("And one more?")
    j.do(A.START)
    m.state("q4", "on_air", "a")
    rehearsal = build_report(j.show, j.actions, 1, questions=m.table())
    assert [(q.question_id, q.final_state) for q in rehearsal.questions] == [
        ("q1", "answered"), ("q2", "not_reached"), ("q3", "not_reached"),
    ]  # fmt: skip
    assert rehearsal.questions[0].duration_s == 20
    assert (rehearsal.summary.questions_total, rehearsal.summary.questions_answered) == (3, 1)
    live = build_report(j.show, j.actions, questions=m.table())
    assert [(q.question_id, q.final_state) for q in live.questions] == [
        ("q4", "on_air"), ("q1", "not_reached"), ("q2", "not_reached"),
        ("q3", "not_reached"), ("q5", "not_reached"), (manual, "not_reached"),
    ]  # fmt: skip
    assert live.questions[1].on_air_at is None  # reset: its rehearsal times do not show
    assert live.summary.questions_total == 6 and live.summary.questions_answered == 0



def test_an_overrun_after_time_was_removed_is_the_longest(j: Journal) -> None:
    j.do(A.START)
    j.do(A.ADD_TIME, seconds=-120)  # One: 300 s planned, 180 s left to the speaker
    j.wait(240)  # 60 s past its time, yet 60 s within its plan
    j.do(A.NEXT)
    j.wait(30)
    j.do(A.FINISH)
    s = build_report(j.show, j.actions).summary
    assert (s.longest_overrun.title, s.longest_overrun.seconds) == ("One", 60)
