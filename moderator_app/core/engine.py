"""The live timer engine: a fold over the journal's timer actions.

The state after each action is kept (they are small), so undo is a pop and a snapshot
at any moment costs the same whether the journal holds ten actions or ten thousand.
Times are integer microseconds throughout, so a two-hour show has no rounding drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from moderator_app.core import auto_start, timer_corrections
from moderator_app.core.actions import (
    AUTOSTART_CANCEL,
    AUX_TYPES,
    CLOCK_JUMP,
    CORRECTION_TYPES,
    MESSAGE_TYPES,
    QUESTION_STATE,
    STAGE_BLACKOUT,
    STAGE_QUESTION,
    TIMER_TYPES,
    Action,
    ActionRefused,
    ActionType,
    ClockRefused,
)
from moderator_app.core.answer_timer import Answer, AnswerTimer
from moderator_app.core.aux_timers import AuxTimer, AuxTimers
from moderator_app.core.clock import JUMP_THRESHOLD_S, from_us, to_us
from moderator_app.core.cues import Cue, due_cue
from moderator_app.core.runsheet import Segment, Show

US = 1_000_000
# A run started this far from the planned start is a rehearsal (or a show moved to another
# day): its plan is re-anchored on the actual start so over/under stays meaningful.
REANCHOR_AFTER_US = 6 * 3600 * US
# Journal entries are stamped by whichever process wrote them. One stamped further than
# this before the journal's latest instant came from a wrong clock: it is refused when
# written (``check_stamp``) and, in files written before that rule, folded at the latest
# instant and flagged (``out_of_order``), so no duration comes out negative.
STAMP_TOLERANCE_US = int(JUMP_THRESHOLD_S * US)

NOT_STARTED = "not_started"
RUNNING = "running"
PAUSED = "paused"
FINISHED = "finished"

NORMAL = "normal"
WARNING = "warning"
DANGER = "danger"
OVERTIME = "overtime"


@dataclass(frozen=True)
class SegmentRecord:
    """What actually happened to one segment in the current run."""

    elapsed_us: int = 0  # running time of closed stretches, all visits together
    added_s: int = 0
    first_start_us: int | None = None
    last_end_us: int | None = None
    pauses: int = 0
    paused_us: int = 0
    visits: int = 0


@dataclass
class TimerState:
    status: str = NOT_STARTED
    current: str | None = None
    run_since_us: int | None = None
    paused_since_us: int | None = None
    show_started_us: int | None = None
    finished_us: int | None = None
    records: dict[str, SegmentRecord] = field(default_factory=dict)

    def copy(self) -> TimerState:
        return replace(self, records=dict(self.records))

    def record(self, segment_id: str) -> SegmentRecord:
        return self.records.get(segment_id) or SegmentRecord()


@dataclass(frozen=True)
class ClockJump:
    """The system clock was stepped by ``step_us`` just after ``at_us`` (old clock)."""

    run: int
    at_us: int
    step_us: int

    @property
    def delta_s(self) -> float:
        return self.step_us / US


@dataclass(frozen=True)
class OutOfOrder:
    """Journal entry ``seq`` is stamped ``behind_us`` before the latest instant before it
    (a writer's clock was wrong); it was folded at that latest instant instead."""

    run: int
    seq: int | None
    at_us: int
    behind_us: int


@dataclass(frozen=True)
class Message:
    """A message to the speaker, as sent. It stops showing (the snapshot leaves it out) when
    the segment it was sent in is over, unless sent to ``keep``, when ``expires_s`` have
    passed, and once the show is finished: a "2 minutes" must not outlive its truth."""

    text: str
    blink: bool
    at_us: int
    segment: str | None = None  # the segment on air when it was sent
    keep: bool = False  # stays when the segment changes
    expires_s: float | None = None
    cue: bool = False  # sent by an automatic cue, not by hand
    chime: bool = False  # the cue asks for the chime
    to: str | None = None  # one speaker's remote link id; None: everyone


# A message's expiry: a positive number of seconds, at most a day.
MAX_EXPIRY_S = 86400.0
MAX_ADDRESSEE = 64  # a remote link id (app/remote_keys.py)



@dataclass(frozen=True)
class Snapshot:
    """Everything the screens show at one instant, derived from the actions alone."""

    now: datetime
    state: str
    current_index: int | None
    next_index: int | None
    elapsed_s: float
    allotted_s: float
    remaining_s: float
    phase: str
    over_under_s: float
    show_elapsed_s: float
    planned_starts: tuple[datetime, ...]
    projected_starts: tuple[datetime, ...]
    projected_end: datetime
    planned_end: datetime
    paused_s: float
    message: Message | None
    run: int
    # Beside the schedule: the aux timers, the answer on air (if timed), the automatic
    # start counting down. Figures are computed from ``now`` by whoever shows them.
    aux: tuple[AuxTimer, ...] = ()
    answer: Answer | None = None
    auto_start: auto_start.AutoStart | None = None
    blackout: bool = False  # the speakers' screens are blacked out
    stage_question: bool | None = None  # the question on air shown (None: not decided)
    # Messages addressed to one speaker each (their remote link), shown only to them.
    direct: tuple[Message, ...] = ()

    def message_for(self, audience: str | None) -> Message | None:
        """The message ``audience`` (a speaker's link id; None: everyone) sees."""
        if audience is not None:
            for message in self.direct:
                if message.to == audience:
                    return message
        return self.message

    @property
    def progress(self) -> float:
        """Share of the allotted time used, 0..1 (1 in overtime)."""
        if self.allotted_s <= 0:
            return 1.0
        return min(max(self.elapsed_s / self.allotted_s, 0.0), 1.0)

    @property
    def live(self) -> bool:
        return self.state in (RUNNING, PAUSED)


class TimerEngine:
    """Folds timer actions for one show; ``prepare`` validates, ``apply`` folds."""

    def __init__(self, show: Show) -> None:
        self.show = show
        self._states: list[TimerState] = [TimerState()]
        self._undoable: list[Action] = []
        self.message: Message | None = None
        self.direct: dict[str, Message] = {}  # addressed to one speaker, by link id
        self.run = 1
        self.run_labels: dict[int, str] = {1: ""}
        self._planned_cache: tuple[int, list[datetime]] | None = None
        self.clock_jumps: list[ClockJump] = []
        # The journal's timeline: its latest instant so far, on the current clock (moved
        # by journaled clock jumps like every remembered instant).
        self.latest_us: int | None = None
        self.out_of_order: list[OutOfOrder] = []
        # Beside the schedule (issue 16): aux timers, the answer timer, the cues fired and
        # the automatic starts cancelled in this run.
        self.aux = AuxTimers()
        self.answers = AnswerTimer()
        self.fired_cues: dict[str, set[str]] = {}
        # Segments cancelled, or started automatically (even if that start was undone:
        # an undo means "let the speaker finish", not "try again").
        self.autostart_cancelled: set[str] = set()
        # The speakers' screens: blacked out, and whether the question on air is shown
        # (None until the moderator first decides: each surface's own default applies).
        self.blackout = False
        self.stage_question: bool | None = None

    # -- state -------------------------------------------------------------------------
    @property
    def state(self) -> TimerState:
        return self._states[-1]

    @property
    def can_undo(self) -> bool:
        return bool(self._undoable)

    @property
    def last_undoable(self) -> Action | None:
        return self._undoable[-1] if self._undoable else None

    def runsheet_changed(self) -> None:
        """Call after the run sheet was edited so planned times are recomputed."""
        self._planned_cache = None

    def plan_shift_us(self) -> int:
        """How far the plan is moved for this run: 0, unless it started on another occasion."""
        started = self.state.show_started_us
        if started is None:
            return 0
        shift = started - to_us(self.show.planned_start)
        return shift if abs(shift) > REANCHOR_AFTER_US else 0

    def planned_starts(self) -> list[datetime]:
        """The plan this run is measured against (see ``plan_shift_us``)."""
        shift = self.plan_shift_us()
        base = self._show_planned_starts()
        if not shift:
            return base
        delta = timedelta(microseconds=shift)
        return [start + delta for start in base]

    def _show_planned_starts(self) -> list[datetime]:
        key = hash(
            (
                self.show.planned_start,
                self.show.timezone,
                *((s.id, s.planned_duration_s, s.hard_start) for s in self.show.segments),
            )
        )
        if self._planned_cache is None or self._planned_cache[0] != key:
            self._planned_cache = (key, self.show.planned_starts())
        return self._planned_cache[1]

    def current_index(self) -> int | None:
        current = self.state.current
        return None if current is None else self.show.index_of(current)

    # -- validation ------------------------------------------------------------------
    def prepare(self, action_type: str, payload: dict | None, at_us: int) -> Action:
        """Return the action to journal, with its target resolved, or raise ActionRefused.

        Navigation actions record the segment they go to, so replaying the journal
        gives the same story even after the run sheet is reordered.
        """
        if action_type in AUX_TYPES:
            return self.aux.prepare(action_type, payload, at_us)
        if action_type in CORRECTION_TYPES:
            return timer_corrections.prepare(self, action_type, payload, at_us)
        if action_type == AUTOSTART_CANCEL:
            return self._prepare_cancel(at_us)
        asked = dict(payload or {})
        payload = dict(asked)
        st = self.state
        kind = ActionType(action_type)
        segs = self.show.segments
        live = st.status in (RUNNING, PAUSED)
        idx = self.current_index()
        if kind in MESSAGE_TYPES:
            if kind is ActionType.MESSAGE:
                text = str(payload.get("text", "")).strip()
                if not text:
                    raise ActionRefused("A message needs some text")
                payload = {"text": text, "blink": bool(payload.get("blink", False)),
                           "segment": self.state.current}
                if asked.get("to") is not None:
                    payload["to"] = _addressee(asked["to"])
                if asked.get("keep"):
                    payload["keep"] = True
                expiry = asked.get("expires_s")
                if expiry is not None:
                    try:
                        seconds = float(expiry)
                    except (TypeError, ValueError):
                        raise ActionRefused("{0!r} is not a number of seconds", expiry) from None
                    if not 0 < seconds <= MAX_EXPIRY_S:
                        raise ActionRefused("A message expires after 1 second to 24 hours")
                    payload["expires_s"] = seconds
                cue = asked.get("cue")
                if cue is not None:
                    payload["cue"] = self._check_cue(str(cue))
                    payload["chime"] = bool(asked.get("chime"))
            elif asked.get("to") is not None:
                to = _addressee(asked["to"])
                if to not in self.direct:
                    raise ActionRefused("There is no message to clear for {0}", to)
                payload = {"to": to}
            elif self.message is None and not self.direct:
                raise ActionRefused("There is no message to clear")
            return Action(kind.value, at_us, payload)
        if kind is ActionType.START:
            if st.status != NOT_STARTED:
                raise ActionRefused("The show has already started")
            if not segs:
                raise ActionRefused("The run sheet has no segments to start")
            target = int(payload.get("index", 0))
            self._check_index(target)
            payload = {"segment": segs[target].id, "index": target}
        elif kind is ActionType.PAUSE:
            if st.status != RUNNING:
                raise ActionRefused("Pause works only while a segment is running")
        elif kind is ActionType.RESUME:
            if st.status != PAUSED:
                raise ActionRefused("Resume works only while the timer is paused")
        elif kind in (ActionType.NEXT, ActionType.PREVIOUS, ActionType.GOTO):
            if st.status == NOT_STARTED and kind is ActionType.GOTO:
                return self.prepare(ActionType.START, {"index": payload.get("index")}, at_us)
            if not live:
                raise ActionRefused(
                    "The show has not started yet"
                    if st.status == NOT_STARTED
                    else "The show is finished"
                )
            if idx is None:
                raise ActionRefused("The current segment was removed; use go to")
            if kind is ActionType.NEXT:
                target = idx + 1
                if target >= len(segs):
                    raise ActionRefused("This is the last segment: use finish to end the show")
            elif kind is ActionType.PREVIOUS:
                target = idx - 1
                if target < 0:
                    raise ActionRefused("This is the first segment: there is no previous one")
            else:
                if payload.get("index") is None:
                    raise ActionRefused("Go to needs a segment number")
                target = int(payload["index"])
                self._check_index(target)
                if target == idx:
                    raise ActionRefused("Segment {0} is already the current one", target)
            payload = {"segment": segs[target].id, "index": target}
            if asked.get("auto"):
                # An automatic start: only the one counting down, only when it is due.
                due = auto_start.pending(self, at_us)
                if due is None or not due.due or due.index != target:
                    raise ActionRefused("No automatic start is due now")
                payload["auto"] = True
        elif kind is ActionType.ADD_TIME:
            if not live:
                raise ActionRefused("Time can be added or removed only during the show")
            try:
                seconds = int(payload.get("seconds", 0))
            except (TypeError, ValueError):
                raise ActionRefused("Add time needs a whole number of seconds") from None
            if seconds == 0:
                raise ActionRefused("Add time needs a number of seconds other than zero")
            seg = segs[idx] if idx is not None else None
            if seg is None:
                raise ActionRefused("The current segment was removed; use go to")
            rec = st.record(seg.id)
            if seg.planned_duration_s + rec.added_s + seconds < 0:
                raise ActionRefused("Cannot remove more time than the segment has been given")
            payload = {"segment": seg.id, "seconds": seconds}
        elif kind is ActionType.FINISH:
            if not live:
                raise ActionRefused("Finish works only while the show is running or paused")
        elif kind is ActionType.UNDO:
            if not self._undoable:
                raise ActionRefused("There is no timer action to undo")
            payload = {"undoes": self._undoable[-1].seq, "type": self._undoable[-1].type}
        elif kind is ActionType.NEW_RUN:
            payload = {"label": str(payload.get("label", ""))}
        return Action(kind.value, at_us, payload)

    def _check_cue(self, key: str) -> str:
        """A cue marker for a message: a cue of the segment on air that has not fired."""
        idx = self.current_index()
        if self.state.status not in (RUNNING, PAUSED) or idx is None:
            raise ActionRefused("Cues fire only during the show")
        seg = self.show.segments[idx]
        if key not in {c.key for c in self.show.cues_of(seg)}:
            raise ActionRefused("«{0}» has no cue {1}", seg.title, key)
        if key in self.fired_cues.get(seg.id, set()):
            raise ActionRefused("That cue has already fired")
        return key

    def _prepare_cancel(self, at_us: int) -> Action:
        due = auto_start.pending(self, at_us)
        if due is None:
            raise ActionRefused("No automatic start is counting down")
        return Action(AUTOSTART_CANCEL, at_us, {"segment": due.segment})

    def due_cue(self, now: datetime) -> Cue | None:
        """The automatic cue to send now, if any (see core/cues.py): only while running."""
        idx = self.current_index()
        if self.state.status != RUNNING or idx is None:
            return None
        seg = self.show.segments[idx]
        cues = self.show.cues_of(seg)
        if not cues:
            return None
        rec = self.state.record(seg.id)
        allotted = max(seg.planned_duration_s + rec.added_s, 0) * US
        remaining = (allotted - self.elapsed_us(seg.id, to_us(now))) / US
        return due_cue(cues, remaining, frozenset(self.fired_cues.get(seg.id, ())))

    def pending_auto_start(self, now: datetime) -> auto_start.AutoStart | None:
        """The automatic start counting down at ``now`` (see core/auto_start.py)."""
        return auto_start.pending(self, to_us(now))

    def check_stamp(self, at_us: int) -> None:
        """Refuse (ClockRefused) a new entry stamped before the journal's latest instant.

        A show paused for an hour has an old latest entry, which is fine: only a stamp
        *earlier* than what is already journaled (beyond the tolerance) is impossible, and
        folding it would end a segment before it started.
        """
        latest = self.latest_us
        if latest is None or at_us >= latest - STAMP_TOLERANCE_US:
            return
        behind = (latest - at_us) / US
        raise ClockRefused(
            "this computer's clock ({0:%Y-%m-%d %H:%M:%S} UTC) is {1:.0f} s behind the show's "
            "journal (last entry at {2:%H:%M:%S} UTC); nothing was saved. Check the clock, or "
            "let the console that runs the show record the action",
            from_us(at_us),
            behind,
            from_us(latest),
        )

    def _check_index(self, target: int) -> None:
        if not 0 <= target < len(self.show.segments):
            raise ActionRefused(
                "There is no segment {0}: the run sheet has segments 0 to {1}",
                target,
                len(self.show.segments) - 1,
            )

    # -- folding ----------------------------------------------------------------------
    def apply(self, action: Action) -> None:
        """Fold one journaled action. Unknown types are ignored (they belong to others)."""
        action = self._in_order(action)
        kind = action.type
        if kind in MESSAGE_TYPES:
            if kind == ActionType.MESSAGE:
                p = action.payload
                expiry = p.get("expires_s")
                segment = p.get("segment") if isinstance(p.get("segment"), str) else None
                cue = p.get("cue")
                if cue is not None and segment is not None:
                    self.fired_cues.setdefault(segment, set()).add(str(cue))
                to = p.get("to") if isinstance(p.get("to"), str) and p.get("to") else None
                message = Message(
                    p.get("text", ""), bool(p.get("blink")), action.at_us, segment,
                    bool(p.get("keep")),
                    float(expiry) if isinstance(expiry, int | float) and expiry > 0 else None,
                    cue is not None, bool(p.get("chime")), to,
                )
                if to is None:
                    self.message = message
                else:
                    self.direct[to] = message
            elif isinstance(action.payload.get("to"), str):
                self.direct.pop(action.payload["to"], None)
            else:  # clear: every screen blank, the addressed messages too
                self.message = None
                self.direct = {}
            return
        if kind == CLOCK_JUMP:
            self._clock_jump(action)
            return
        if kind in AUX_TYPES:
            self.aux.apply(action)
            return
        if kind == QUESTION_STATE:
            self.answers.apply(action)
            return
        if kind == AUTOSTART_CANCEL:
            self.autostart_cancelled.add(str(action.payload.get("segment")))
            return
        if kind == STAGE_BLACKOUT:
            self.blackout = action.payload.get("on") is True
            return
        if kind == STAGE_QUESTION:
            self.stage_question = action.payload.get("shown") is True
            return
        if kind not in TIMER_TYPES and kind not in CORRECTION_TYPES:
            return
        if kind == ActionType.NEXT and action.payload.get("auto"):
            self.autostart_cancelled.add(str(action.payload.get("segment")))
        if kind == ActionType.UNDO:
            if self._undoable:
                self._undoable.pop()
                self._states.pop()
            return
        if kind == ActionType.NEW_RUN:
            self.run += 1
            self.run_labels[self.run] = action.payload.get("label", "")
            self._states = [TimerState()]
            self._undoable = []
            self.message = None
            self.direct = {}
            self.aux.new_run()
            self.answers.new_run()
            self.fired_cues = {}
            self.autostart_cancelled = set()
            return
        try:
            new = _fold(self.state.copy(), action)
        except (KeyError, TypeError, ValueError):
            new = None  # a damaged payload (hand-edited file): kept in the journal, inert
        if new is None:
            return  # a journaled action that no longer applies (kept, but inert)
        self._states.append(new)
        self._undoable.append(action)

    def _in_order(self, action: Action) -> Action:
        """``action``, moved up to the timeline's latest instant if stamped well before it.

        Every entry counts towards the latest instant (questions and edits are stamped by
        the same clocks); a clock jump moves it onto the corrected clock.
        """
        latest = self.latest_us
        if latest is not None and action.at_us < latest - STAMP_TOLERANCE_US:
            self.out_of_order.append(
                OutOfOrder(self.run, action.seq, action.at_us, latest - action.at_us)
            )
            action = replace(action, at_us=latest)
        self.latest_us = action.at_us if latest is None else max(latest, action.at_us)
        return action

    def _clock_jump(self, action: Action) -> None:
        """Move every remembered instant of this run onto the corrected clock.

        Durations (elapsed, paused) are untouched, so a running countdown carries on
        smoothly across an NTP step instead of leaping by the correction.
        """
        try:
            step_us = round(float(action.payload.get("delta_s", 0)) * US)
        except (TypeError, ValueError):
            return
        if not step_us:
            return
        self.clock_jumps.append(ClockJump(self.run, action.at_us, step_us))
        if self.latest_us is not None:
            self.latest_us += step_us
        for st in self._states:
            _shift_state(st, step_us)
        self.aux.shift(step_us)
        self.answers.shift(step_us)

    # -- reading ----------------------------------------------------------------------
    def elapsed_us(self, segment_id: str, now_us: int) -> int:
        st = self.state
        rec = st.record(segment_id)
        if st.current == segment_id and st.status == RUNNING and st.run_since_us is not None:
            return rec.elapsed_us + max(now_us - st.run_since_us, 0)
        return rec.elapsed_us

    def paused_us(self, segment_id: str, now_us: int) -> int:
        st = self.state
        rec = st.record(segment_id)
        if st.current == segment_id and st.status == PAUSED and st.paused_since_us is not None:
            return rec.paused_us + max(now_us - st.paused_since_us, 0)
        return rec.paused_us

    def snapshot(self, now: datetime) -> Snapshot:
        now_us = to_us(now)
        st = self.state
        segs = self.show.segments
        planned = self.planned_starts()
        planned_end = self.show.computed_end() + timedelta(microseconds=self.plan_shift_us())
        idx = self.current_index()
        n = len(segs)

        if st.status == NOT_STARTED or idx is None:
            base = max(now_us, to_us(self.show.planned_start))
            first = segs[0] if segs else None
            allotted = first.planned_duration_s * US if first else 0
            projected, end_us = self._replan(0, base)
            show_elapsed = 0
            if st.status == NOT_STARTED:
                over = base - to_us(self.show.planned_start)
                elapsed = 0
                state = NOT_STARTED
            else:  # current segment deleted mid-show: keep honest show figures
                over = base - to_us(planned_end)
                elapsed = 0
                state = st.status
            return Snapshot(
                now=now,
                state=state,
                current_index=None,
                next_index=0 if segs else None,
                elapsed_s=elapsed / US,
                allotted_s=allotted / US,
                remaining_s=allotted / US,
                phase=NORMAL,
                over_under_s=over / US,
                show_elapsed_s=show_elapsed,
                planned_starts=tuple(planned),
                projected_starts=tuple(projected),
                projected_end=from_us(end_us),
                planned_end=planned_end,
                paused_s=0.0,
                message=self.shown_message(now_us),
                run=self.run,
                **self._side(now_us),
            )

        seg = segs[idx]
        rec = st.record(seg.id)
        moment = st.finished_us if st.status == FINISHED else now_us
        elapsed = self.elapsed_us(seg.id, moment)
        allotted = max(seg.planned_duration_s + rec.added_s, 0) * US
        remaining = allotted - elapsed
        if st.status == FINISHED:
            end_us = st.finished_us
            projected, _ = self._replan(idx + 1, end_us)
            current_start = rec.first_start_us or end_us
            projected[idx] = from_us(current_start)
            over = end_us - to_us(planned_end)
            phase = NORMAL
            show_elapsed = end_us - (st.show_started_us or end_us)
        else:
            current_end = now_us + max(remaining, 0)
            projected, end_us = self._replan(idx + 1, current_end)
            projected[idx] = from_us(rec.first_start_us or now_us)
            planned_current_end = to_us(planned[idx]) + seg.planned_duration_s * US
            over = current_end - planned_current_end
            phase = self._phase(seg, remaining)
            show_elapsed = now_us - (st.show_started_us or now_us)
        for j in range(idx):
            first_start = st.record(segs[j].id).first_start_us
            if first_start is not None:
                projected[j] = from_us(first_start)
        return Snapshot(
            now=now,
            state=st.status,
            current_index=idx,
            next_index=idx + 1 if idx + 1 < n else None,
            elapsed_s=elapsed / US,
            allotted_s=allotted / US,
            remaining_s=remaining / US,
            phase=phase,
            over_under_s=over / US,
            show_elapsed_s=show_elapsed / US,
            planned_starts=tuple(planned),
            projected_starts=tuple(projected),
            projected_end=from_us(end_us),
            planned_end=planned_end,
            paused_s=self.paused_us(seg.id, moment) / US,
            message=self.shown_message(now_us),
            run=self.run,
            **self._side(now_us),
        )

    def _side(self, now_us: int) -> dict:
        answer = self.answers.current
        direct = (self._shown(m, now_us) for _, m in sorted(self.direct.items()))
        return {
            "direct": tuple(m for m in direct if m is not None),
            "aux": tuple(self.aux.timers[n] for n in sorted(self.aux.timers)),
            "answer": answer if answer is not None and answer.running else None,
            "auto_start": auto_start.pending(self, now_us),
            "blackout": self.blackout,
            "stage_question": self.stage_question,
        }

    def shown_message(self, now_us: int) -> Message | None:
        """The message the speaker sees now: none once it is stale (see ``Message``)."""
        return self._shown(self.message, now_us)

    def _shown(self, message: Message | None, now_us: int) -> Message | None:
        if message is None or self.state.status == FINISHED:
            return None
        if message.expires_s is not None and now_us >= message.at_us + message.expires_s * US:
            return None
        changed = message.segment is not None and self.state.current != message.segment
        return None if changed and not message.keep else message

    def _phase(self, seg: Segment, remaining_us: int) -> str:
        warning, danger = self.show.thresholds(seg)
        if remaining_us <= 0:
            return OVERTIME
        if remaining_us <= danger * US:
            return DANGER
        if remaining_us <= warning * US:
            return WARNING
        return NORMAL

    def _replan(self, first: int, cursor_us: int) -> tuple[list[datetime], int]:
        """Re-planned starts: segments from ``first`` on follow ``cursor_us``.

        A hard start waits for its clock time, so the gap before it absorbs delay.
        Entries before ``first`` are the plan and are filled in by the caller.
        """
        planned = self.planned_starts()
        out = list(planned)
        st = self.state
        shift = self.plan_shift_us()
        for j in range(first, len(self.show.segments)):
            seg = self.show.segments[j]
            hard = self.show.hard_start_at(seg)
            start = cursor_us if hard is None else max(to_us(hard) + shift, cursor_us)
            out[j] = from_us(start)
            rec = st.record(seg.id)
            budget = (seg.planned_duration_s + rec.added_s) * US - rec.elapsed_us
            cursor_us = start + max(budget, 0)
        return out, cursor_us

    def planned_end_of(self, index: int) -> datetime:
        seg = self.show.segments[index]
        return self.planned_starts()[index] + timedelta(seconds=seg.planned_duration_s)


def _fold(st: TimerState, action: Action) -> TimerState | None:
    at = action.at_us
    kind = action.type
    p = action.payload
    if kind in CORRECTION_TYPES:
        if st.status not in (RUNNING, PAUSED):
            return None
        return timer_corrections.fold(st, action)
    if kind == ActionType.START:
        if st.status != NOT_STARTED:
            return None
        st.show_started_us = at
        _enter(st, p["segment"], at)
    elif kind == ActionType.PAUSE:
        if st.status != RUNNING or st.current is None:
            return None
        rec = st.record(st.current)
        st.records[st.current] = replace(
            rec, elapsed_us=rec.elapsed_us + max(at - st.run_since_us, 0), pauses=rec.pauses + 1
        )
        st.run_since_us = None
        st.paused_since_us = at
        st.status = PAUSED
    elif kind == ActionType.RESUME:
        if st.status != PAUSED or st.current is None:
            return None
        rec = st.record(st.current)
        st.records[st.current] = replace(
            rec, paused_us=rec.paused_us + max(at - st.paused_since_us, 0)
        )
        st.paused_since_us = None
        st.run_since_us = at
        st.status = RUNNING
    elif kind in (ActionType.NEXT, ActionType.PREVIOUS, ActionType.GOTO):
        if st.status not in (RUNNING, PAUSED):
            return None
        _leave(st, at)
        _enter(st, p["segment"], at)
    elif kind == ActionType.ADD_TIME:
        if st.status not in (RUNNING, PAUSED):
            return None
        seg_id = p.get("segment") or st.current
        rec = st.record(seg_id)
        st.records[seg_id] = replace(rec, added_s=rec.added_s + int(p["seconds"]))
    elif kind == ActionType.FINISH:
        if st.status not in (RUNNING, PAUSED):
            return None
        _leave(st, at)
        st.status = FINISHED
        st.finished_us = at
    return st


def _shift_state(st: TimerState, step_us: int) -> None:
    def moved(value: int | None) -> int | None:
        return None if value is None else value + step_us

    st.run_since_us = moved(st.run_since_us)
    st.paused_since_us = moved(st.paused_since_us)
    st.show_started_us = moved(st.show_started_us)
    st.finished_us = moved(st.finished_us)
    st.records = {
        key: replace(
            rec, first_start_us=moved(rec.first_start_us), last_end_us=moved(rec.last_end_us)
        )
        for key, rec in st.records.items()
    }


def _leave(st: TimerState, at: int) -> None:
    if st.current is None:
        return
    rec = st.record(st.current)
    if st.status == RUNNING and st.run_since_us is not None:
        rec = replace(rec, elapsed_us=rec.elapsed_us + max(at - st.run_since_us, 0))
    elif st.status == PAUSED and st.paused_since_us is not None:
        rec = replace(rec, paused_us=rec.paused_us + max(at - st.paused_since_us, 0))
    st.records[st.current] = replace(rec, last_end_us=at)
    st.run_since_us = None
    st.paused_since_us = None


def _enter(st: TimerState, segment_id: str, at: int) -> None:
    rec = st.record(segment_id)
    st.records[segment_id] = replace(
        rec,
        visits=rec.visits + 1,
        first_start_us=rec.first_start_us if rec.first_start_us is not None else at,
        last_end_us=None,
    )
    st.current = segment_id
    st.run_since_us = at
    st.paused_since_us = None
    st.status = RUNNING


def _addressee(value: object) -> str:
    """A message's ``to``: a speaker's remote link id."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_ADDRESSEE:
        raise ActionRefused("{0!r} is not a speaker link id (see remote-links)", value)
    return value.strip()
