"""The timing report of one run, derived from the run sheet and the journal alone.

The run's actions are folded through a ``TimerEngine`` so the report measures exactly
what the console showed (same re-anchored plan for rehearsals, same undo rules); the
report only adds what the engine does not keep: messages, questions and run sheet edits.
Anything the journal does not say is ``None`` (shown as "unknown"), never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from moderator_app.core.actions import (
    AUTOSTART_CANCEL,
    AUX_TYPES,
    CLOCK_JUMP,
    CORRECTION_TYPES,
    NOTE_READ,
    NOTE_SENT,
    QUESTION_IMPORTED,
    QUESTION_STATE,
    QUESTION_TYPES,
    RUNSHEET_TYPES,
    SET_ELAPSED,
    Action,
    ActionType,
)
from moderator_app.core.clock import from_us, to_us
from moderator_app.core.engine import FINISHED, NOT_STARTED, PAUSED, RUNNING, TimerEngine
from moderator_app.core.questions import Question
from moderator_app.core.report_moderator_notes import NoteReport, note_rows, origin_of
from moderator_app.core.report_notes import (
    CORRECTED_NOTE,
    IN_PROGRESS_NOTE,
    NO_FINISH_NOTE,
    NOT_STARTED_NOTE,
    OUT_OF_ORDER_NOTE,
    PLAN_SHIFT_NOTE,
    UNDONE_NOTE,
    ReportNote,
)
from moderator_app.core.report_questions import (
    ANSWERED,
    DISMISSED,
    NOT_REACHED,
    ON_AIR,
    SHORTLISTED,
    QuestionCounts,
    QuestionHistory,
    QuestionReport,
    question_rows,
)
from moderator_app.core.report_runs import RunInfo, list_runs, split_runs
from moderator_app.core.runsheet import Show

US = 1_000_000

# Segment outcomes (NOT_REACHED is also a question's final state: the same word).
DONE = "done"
INCOMPLETE = "incomplete"  # started, and the journal stops before it ended

# Run outcomes (RunInfo.state uses the same words).
RUN_FINISHED = "finished"
RUN_CUT_OFF = "no_finish"
RUN_IN_PROGRESS = "in_progress"  # the latest run, running or paused: not a crash
RUN_NOT_STARTED = "not_started"


@dataclass(frozen=True)
class SegmentReport:
    index: int
    segment_id: str
    title: str
    speaker: str
    kind: str
    status: str
    planned_start: datetime | None
    planned_duration_s: int | None
    planned_end: datetime | None
    actual_start: datetime | None
    actual_end: datetime | None
    # Time the segment held the show, pauses included (so the rows add up to the show's
    # over/under); ``running_s`` is what the speaker's countdown consumed.
    actual_duration_s: float | None
    running_s: float | None
    over_under_s: float | None
    pauses: int
    paused_s: float
    added_s: int
    visits: int
    messages: tuple[str, ...] = ()
    corrected: bool = False  # its start or elapsed time was corrected after the fact


def overrun_s(segment: SegmentReport) -> float | None:
    """How much a segment overran: the more of how long it held the show past its plan
    (pauses included: what made the show late) and how far the speaker's countdown went
    past its time, added or removed time counted (what the console showed as overtime).
    A segment whose time was cut and that then ran over is an overrun even when it ended
    within its plan."""
    if segment.running_s is None or segment.planned_duration_s is None:
        return segment.over_under_s
    overtime = segment.running_s - (segment.planned_duration_s + segment.added_s)
    return max(overtime, segment.over_under_s if segment.over_under_s is not None else overtime)


@dataclass(frozen=True)
class EditReport:
    at: datetime
    seq: int | None
    type: str
    op: str
    segment_id: str
    segment_title: str
    field: str
    before: str
    after: str
    live: bool  # made while the show was running or paused


@dataclass(frozen=True)
class EventReport:
    seq: int | None
    at: datetime
    type: str
    segment_title: str  # the segment on air when it happened
    detail: str
    undone: bool
    payload: dict
    origin: str = ""  # "network" for an action sent over the network (report_moderator_notes)
    role: str = ""  # then the role of the token it came with


@dataclass(frozen=True)
class LongestOverrun:
    index: int
    title: str
    seconds: float


@dataclass(frozen=True)
class Summary:
    title: str
    timezone: str
    run: int
    label: str
    state: str
    planned_start: datetime | None
    actual_start: datetime | None
    start_delay_s: float | None
    planned_end: datetime | None
    actual_end: datetime | None
    final_over_under_s: float | None
    longest_overrun: LongestOverrun | None
    paused_s: float
    pauses: int
    added_s: int
    messages: int
    # The question list's final states (see report_questions); ``questions_total`` is
    # every question of the show, the merged duplicates (not listed) included.
    questions_answered: int
    questions_total: int
    edits: int
    plan_shift_s: float  # how far a rehearsal's plan was moved onto its actual start
    notes: tuple[ReportNote, ...] = ()  # str(note) is its English text
    questions_on_air: int = 0
    questions_shortlisted: int = 0
    questions_dismissed: int = 0
    questions_not_reached: int = 0
    questions_merged: int = 0
    moderator_notes: int = 0  # notes from a producer to the moderator in this run


@dataclass(frozen=True)
class Report:
    summary: Summary
    segments: list[SegmentReport]
    questions: list[QuestionReport]
    edits: list[EditReport]
    events: list[EventReport]
    runs: list[RunInfo] = field(default_factory=list)
    notes: list[NoteReport] = field(default_factory=list)  # notes to the moderator


def build_report(
    show: Show,
    actions: list[Action],
    run: int | None = None,
    *,
    questions_total: int | None = None,
    live: bool | None = None,
    questions: Sequence[Question] | None = None,
) -> Report:
    """The report for ``run`` (1-based; the latest by default) of the whole journal.

    The latest run, if it has no finish, is reported as in progress unless ``live`` is
    False (the caller knows the show stopped: then it reads as cut off).

    ``questions`` are the show's questions as they are now (its questions table): the
    report lists them all with their final state (see ``report_questions``). Without
    them, it lists the questions the journal names.
    """
    runs = split_runs(actions)
    infos = list_runs(show, actions, live)
    number = len(runs) if run is None else run
    if not 1 <= number <= len(runs):
        raise ValueError(f"There is no run {number}: the show has runs 1 to {len(runs)}")
    run_actions = runs[number - 1]
    end_seq = _last_seq(runs, number)
    imported = _imported_until(actions, end_seq)
    history = QuestionHistory()
    for earlier in runs[: number - 1]:
        for action in earlier:
            if action.type in QUESTION_TYPES:
                history.apply(action)
    fold = _Fold(show, history)
    for action in run_actions:
        fold.apply(action)
    latest = number == len(runs)
    later = [a for r in runs[number:] for a in r]
    listed, counts = question_rows(show, history, questions, latest=latest, later=later)
    if questions_total is None:
        questions_total = counts.listed + counts.merged
        if questions is None:  # the journal names only the questions it moderated
            questions_total = max(imported, questions_total)
    report = fold.report(infos[number - 1], infos, questions_total, listed, counts)
    notes = note_rows(run_actions, later)
    summary = replace(report.summary, moderator_notes=len(notes))
    return replace(report, summary=summary, notes=notes)


def _last_seq(runs: list[list[Action]], number: int) -> int | None:
    for later in runs[number:]:
        if later and later[0].seq is not None:
            return later[0].seq
    return None


def _imported_until(actions: list[Action], end_seq: int | None) -> int:
    total = 0
    for action in actions:
        if end_seq is not None and action.seq is not None and action.seq >= end_seq:
            break
        if action.type == QUESTION_IMPORTED:
            try:
                total += int(action.payload.get("added", 0))
            except (TypeError, ValueError):
                continue
    return total


class _Fold:
    """Walks one run's actions once, beside a TimerEngine doing the timing."""

    def __init__(self, show: Show, history: QuestionHistory) -> None:
        self.show = show
        self.engine = TimerEngine(show)
        self.messages: dict[str, list[str]] = {}
        self.message_count = 0
        self.history = history
        self.edits: list[EditReport] = []
        self.events: list[Action] = []
        self.current_at: list[str | None] = []
        self.undone: set[int] = set()
        self.last_us: int | None = None

    def apply(self, action: Action) -> None:
        current = self.engine.state.current
        status = self.engine.state.status
        self.events.append(action)
        self.current_at.append(current)
        self.last_us = action.at_us
        kind = action.type
        if kind == ActionType.UNDO:
            # What the engine will really pop, whatever the payload claims.
            target = self.engine.last_undoable
            if target is not None and target.seq is not None:
                self.undone.add(target.seq)
        elif kind == ActionType.MESSAGE and current is not None:
            self.messages.setdefault(current, []).append(str(action.payload.get("text", "")))
        if kind == ActionType.MESSAGE:
            self.message_count += 1
        elif kind in QUESTION_TYPES:
            self.history.apply(action, current)
        elif kind in RUNSHEET_TYPES:
            self._edit(action, live=status in (RUNNING, PAUSED))
        if kind != ActionType.NEW_RUN:
            self.engine.apply(action)

    def _edit(self, action: Action, *, live: bool) -> None:
        p = action.payload
        seg_id = str(p.get("segment") or "")
        seg = self.show.segment(seg_id) if seg_id else None
        title = seg.title if seg else str(p.get("title") or "")
        self.edits.append(
            EditReport(
                at=action.at,
                seq=action.seq,
                type=action.type,
                op=str(p.get("op") or action.type.partition(".")[2]),
                segment_id=seg_id,
                segment_title=title,
                field=str(p.get("field") or ""),
                before=_text(p.get("before")),
                after=_text(p.get("after")),
                live=live,
            )
        )

    # -- the report ----------------------------------------------------------------
    def report(
        self,
        info: RunInfo,
        infos: list[RunInfo],
        total: int,
        questions: list[QuestionReport],
        counts: QuestionCounts,
    ) -> Report:
        engine = self.engine
        st = engine.state
        segments = self._segments()
        started = st.show_started_us
        planned_starts = engine.planned_starts()
        planned_start = planned_starts[0] if planned_starts else self.show.planned_start
        planned_end = self.show.computed_end() + timedelta(microseconds=engine.plan_shift_us())
        notes: list[ReportNote] = []
        actual_end = None
        final = None
        if st.status == NOT_STARTED:
            state = RUN_NOT_STARTED
            notes.append(ReportNote(NOT_STARTED_NOTE))
        elif st.status == FINISHED and st.finished_us is not None:
            state = RUN_FINISHED
            actual_end = from_us(st.finished_us)
            final = (st.finished_us - to_us(planned_end)) / US
        elif info.state == RUN_IN_PROGRESS:
            state = RUN_IN_PROGRESS
            where = self.show.segment(st.current or "")
            since = from_us(started).astimezone(self.show.tz) if started is not None else None
            notes.append(
                ReportNote(
                    IN_PROGRESS_NOTE,
                    segment=where.title if where else "",
                    time=f"{since:%H:%M:%S}" if since else "",
                )
            )
        else:
            state = RUN_CUT_OFF
            where = self.show.segment(st.current or "")
            last = from_us(self.last_us).astimezone(self.show.tz) if self.last_us else None
            notes.append(
                ReportNote(
                    NO_FINISH_NOTE,
                    segment=where.title if where else "",
                    time=f"{last:%H:%M:%S}" if last else "",
                )
            )
        if engine.plan_shift_us():
            notes.append(ReportNote(PLAN_SHIFT_NOTE))
        if self.undone:
            notes.append(ReportNote(UNDONE_NOTE, count=len(self.undone)))
        corrections = self._corrections()
        if corrections:
            notes.append(ReportNote(CORRECTED_NOTE, count=len(corrections)))
        if engine.out_of_order:
            flagged = engine.out_of_order[0]
            first = from_us(flagged.at_us + flagged.behind_us).astimezone(self.show.tz)
            notes.append(
                ReportNote(
                    OUT_OF_ORDER_NOTE, count=len(engine.out_of_order), time=f"{first:%H:%M:%S}"
                )
            )
        overruns = [(over, s) for s in segments if (over := overrun_s(s)) is not None and over > 0]
        longest_over, longest = max(overruns, key=lambda pair: pair[0], default=(0.0, None))
        summary = Summary(
            title=self.show.title,
            timezone=self.show.timezone,
            run=info.number,
            label=info.label,
            state=state,
            planned_start=planned_start,
            actual_start=from_us(started) if started is not None else None,
            start_delay_s=(started - to_us(planned_start)) / US if started is not None else None,
            planned_end=planned_end,
            actual_end=actual_end,
            final_over_under_s=final,
            longest_overrun=LongestOverrun(longest.index, longest.title, longest_over)
            if longest
            else None,
            paused_s=sum(s.paused_s for s in segments),
            pauses=sum(s.pauses for s in segments),
            added_s=sum(s.added_s for s in segments),
            messages=self.message_count,
            questions_answered=counts.by_state[ANSWERED],
            questions_total=total,
            edits=len(self.edits),
            plan_shift_s=engine.plan_shift_us() / US,
            notes=tuple(notes),
            questions_on_air=counts.by_state[ON_AIR],
            questions_shortlisted=counts.by_state[SHORTLISTED],
            questions_dismissed=counts.by_state[DISMISSED],
            questions_not_reached=counts.by_state[NOT_REACHED],
            questions_merged=counts.merged,
        )
        return Report(summary, segments, questions, self.edits, self._events(), infos)

    def _corrections(self) -> list[Action]:
        return [
            a for a in self.events
            if a.type in CORRECTION_TYPES and (a.seq is None or a.seq not in self.undone)
        ]  # fmt: skip

    def _segments(self) -> list[SegmentReport]:
        engine = self.engine
        st = engine.state
        planned = engine.planned_starts()
        rows: list[SegmentReport] = []
        for i, seg in enumerate(self.show.segments):
            rows.append(
                self._segment_row(
                    i,
                    seg.id,
                    seg.title,
                    seg.speaker,
                    seg.kind.value,
                    planned[i],
                    seg.planned_duration_s,
                )
            )
        # Segments deleted after they ran still happened: keep them, without a plan.
        known = {s.id for s in self.show.segments}
        for seg_id, rec in st.records.items():
            if seg_id not in known and rec.visits:
                rows.append(
                    self._segment_row(
                        len(rows), seg_id, f"(removed segment {seg_id})", "", "", None, None
                    )
                )
        return rows

    def _segment_row(
        self,
        index: int,
        seg_id: str,
        title: str,
        speaker: str,
        kind: str,
        planned_start: datetime | None,
        planned_s: int | None,
    ) -> SegmentReport:
        st = self.engine.state
        rec = st.record(seg_id)
        open_now = st.current == seg_id and st.status in (RUNNING, PAUSED)
        if not rec.visits:
            status = NOT_REACHED
        elif open_now or rec.last_end_us is None:
            status = INCOMPLETE
        else:
            status = DONE
        known = status == DONE
        held = (rec.elapsed_us + rec.paused_us) / US if known else None
        return SegmentReport(
            index=index,
            segment_id=seg_id,
            title=title,
            speaker=speaker,
            kind=kind,
            status=status,
            planned_start=planned_start,
            planned_duration_s=planned_s,
            planned_end=planned_start + timedelta(seconds=planned_s)
            if planned_start is not None and planned_s is not None
            else None,
            actual_start=from_us(rec.first_start_us) if rec.first_start_us is not None else None,
            actual_end=from_us(rec.last_end_us) if known and rec.last_end_us else None,
            actual_duration_s=held,
            running_s=rec.elapsed_us / US if known else None,
            over_under_s=held - planned_s if held is not None and planned_s is not None else None,
            pauses=rec.pauses,
            paused_s=rec.paused_us / US,
            added_s=rec.added_s,
            visits=rec.visits,
            messages=tuple(self.messages.get(seg_id, ())),
            corrected=seg_id in self._corrected_ids(),
        )

    def _corrected_ids(self) -> set[str]:
        ids: set[str] = set()
        for action in self._corrections():
            ids.add(str(action.payload.get("segment")))
            if action.payload.get("previous"):
                ids.add(str(action.payload["previous"]))
        return ids

    def _events(self) -> list[EventReport]:
        out = []
        for action, current in zip(self.events, self.current_at, strict=True):
            seg = self.show.segment(current) if current else None
            origin, role = origin_of(action)
            out.append(
                EventReport(
                    seq=action.seq,
                    at=action.at,
                    type=action.type,
                    segment_title=seg.title if seg else "",
                    detail=_detail(action, self.show),
                    undone=action.seq is not None and action.seq in self.undone,
                    payload=dict(action.payload),
                    origin=origin,
                    role=role,
                )
            )
        return out


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _detail(action: Action, show: Show) -> str:
    p = action.payload
    kind = action.type
    if kind == ActionType.ADD_TIME:
        return f"{int(p.get('seconds', 0)):+d} s"
    if kind == ActionType.MESSAGE:
        cue = " (automatic cue)" if p.get("cue") is not None else ""
        to = f" (to {p['to']} only)" if isinstance(p.get("to"), str) else ""
        return f"{p.get('text', '')}{cue}{to}"
    if kind == ActionType.UNDO:
        return f"undoes #{p.get('undoes')} ({p.get('type', '')})"
    if kind == ActionType.NEW_RUN:
        return str(p.get("label", ""))
    if kind in (ActionType.START, ActionType.NEXT, ActionType.PREVIOUS, ActionType.GOTO):
        seg = show.segment(str(p.get("segment", "")))
        auto = " (automatic start)" if p.get("auto") else ""
        return f"→ {seg.title if seg else p.get('segment', '')}{auto}"

    if kind == QUESTION_STATE:
        return f"{p.get('id', '')}: {p.get('from', '')} → {p.get('to', '')}: {p.get('text', '')}"
    if kind in RUNSHEET_TYPES:
        return (
            f"{p.get('op', '')} {p.get('field', '')}: "
            f"{_text(p.get('before'))} → {_text(p.get('after'))}"
        ).strip()
    if kind == QUESTION_IMPORTED:
        return f"{p.get('added', 0)} added"
    if kind in CORRECTION_TYPES:
        seg = show.segment(str(p.get("segment", "")))
        title = seg.title if seg else str(p.get("segment", ""))
        try:
            delta = int(p.get("delta_us", 0)) / US
        except (TypeError, ValueError):
            delta = 0.0
        what = "elapsed time" if kind == SET_ELAPSED else f"{p.get('scope', 'segment')} start"
        return f"{what} corrected: {title} {delta:+.0f} s of running time"
    if kind in AUX_TYPES:
        extra = f" {p['seconds']} s" if "seconds" in p else ""
        return f"timer {p.get('timer', '')}: {kind.partition('.')[2]}{extra}"
    if kind == AUTOSTART_CANCEL:
        seg = show.segment(str(p.get("segment", "")))
        return f"automatic start cancelled: {seg.title if seg else p.get('segment', '')}"
    if kind == NOTE_SENT:
        sender = str(p.get("sender") or "")
        return f"{sender}: {p.get('text', '')}" if sender else str(p.get("text", ""))
    if kind == NOTE_READ:
        return f"note #{p.get('note', '')} read"
    if kind == CLOCK_JUMP:
        # Times before this row are on the old clock; durations are unaffected.
        try:
            return f"system clock corrected by {float(p.get('delta_s', 0)):+.1f} s"
        except (TypeError, ValueError):
            return "system clock corrected"
    return ""
