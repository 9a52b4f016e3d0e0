"""The report's question list: every question of the show with its final state.

The producer sends the questions that were not answered to the speakers after the
webinar, so the report lists them all, not only the ones taken on air: answered, on air,
shortlisted, dismissed, or not reached (never taken nor dismissed). A duplicate merged
into another question is not listed again: its votes already count on the one kept.

Which moment "final" means depends on the run (the report is per run):

- the latest run: the questions as they are now. The show file's questions table is the
  truth of "now" (every change is committed with its journal entry), it holds the
  questions imported in bulk whose ids the journal does not list, and it is what the
  Questions page shows: the report must not disagree with the screen.
- an earlier run (a rehearsal): each question's state as that run ended, replayed from
  the journal up to the first action of the next run, so a rehearsal's report does not
  change when the live show later answers its questions. Questions the journal shows came
  in after that run (typed in later, or imported from a file first imported later) are
  left out. Text, asker and votes are today's: the journal does not keep their history.

Without the questions table (a journal alone), the list is the questions the journal
names. Everything here is pure: the caller reads the table and hands ``Question`` values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from moderator_app.core.actions import Action
from moderator_app.core.answer_timer import answer_length
from moderator_app.core.clock import from_us
from moderator_app.core.questions import ADDED, EDITED, IMPORTED, MERGED, STATE, Question
from moderator_app.core.runsheet import Show

US = 1_000_000

# Final states, in the order the summary counts them.
ANSWERED = "answered"
ON_AIR = "on_air"
SHORTLISTED = "shortlisted"
DISMISSED = "dismissed"
NOT_REACHED = "not_reached"  # never taken nor dismissed (the queue's "new")
FINAL_STATES = (ANSWERED, ON_AIR, SHORTLISTED, DISMISSED, NOT_REACHED)


@dataclass(frozen=True)
class QuestionReport:
    question_id: str
    text: str
    asker: str
    segment_id: str | None  # the segment on air when it was last taken
    segment_title: str
    speaker: str
    on_air_at: datetime | None
    answered_at: datetime | None
    duration_s: float | None
    final_state: str  # one of FINAL_STATES (or the journal's own word if unknown)
    organisation: str = ""
    source: str = ""  # the import profile (zoom_qa, google_forms...) or "manual"
    source_file: str = ""
    votes: int | None = None
    asked_at: datetime | None = None  # when the public submitted it, if the source says
    answered_in_source: bool | None = None  # marked answered in the source (Zoom's chat)
    answer_limit_s: int | None = None  # the answer timer's length when it went on air

    @property
    def answer_over_s(self) -> float | None:
        """How far the answer ran past its answer timer (negative: within it)."""
        if self.duration_s is None or self.answer_limit_s is None:
            return None
        return self.duration_s - self.answer_limit_s


@dataclass(frozen=True)
class QuestionCounts:
    by_state: dict[str, int]
    merged: int  # duplicates merged into another question: not listed

    @property
    def listed(self) -> int:
        return sum(self.by_state.values())


def final_state(word: object) -> str:
    value = str(word or "").strip().lower().replace(" ", "_").replace("-", "_")
    if value in ("", "new"):
        return NOT_REACHED
    if value in ("onair", "live"):
        return ON_AIR
    return value


@dataclass
class _Track:
    qid: str
    text: str = ""
    asker: str = ""
    state: str = "new"
    segment: str | None = None
    on_air_us: int | None = None
    answered_us: int | None = None
    merged_into: str | None = None
    first_seen: int = 0
    answer_s: int | None = None


class QuestionHistory:
    """The journal's ``question.*`` actions folded, in order, up to the end of a run."""

    def __init__(self) -> None:
        self.tracks: dict[str, _Track] = {}
        self.imported_files: set[str] = set()

    def _track(self, qid: str) -> _Track:
        track = self.tracks.get(qid)
        if track is None:
            track = self.tracks[qid] = _Track(qid, first_seen=len(self.tracks))
        return track

    def apply(self, action: Action, current: str | None = None) -> None:
        """Fold one action; ``current`` is the segment on air (for a state payload that
        does not name one)."""
        p = action.payload
        kind = action.type
        if kind == STATE:
            t = self._track(str(p.get("id", "")))
            t.text = str(p.get("text") or t.text)
            t.asker = str(p.get("asker") or t.asker)
            t.state = str(p.get("to") or "")
            target = final_state(t.state)
            if target == ON_AIR:
                t.on_air_us = action.at_us
                t.answered_us = None
                t.answer_s = answer_length(p)
                t.segment = p.get("segment") or current
            elif target == ANSWERED:
                t.answered_us = action.at_us
                if t.segment is None:
                    t.segment = p.get("segment") or current
            if target != DISMISSED:
                t.merged_into = None  # brought back: a question of its own again
        elif kind == ADDED:
            t = self._track(str(p.get("id", "")))
            t.text = str(p.get("text") or t.text)
            t.asker = str(p.get("asker") or t.asker)
        elif kind == EDITED:
            changes = p.get("changes")
            if isinstance(changes, dict):
                t = self._track(str(p.get("id", "")))
                t.text = str(changes.get("text") or t.text)
                t.asker = str(changes.get("asker") or t.asker)
        elif kind == MERGED:
            t = self._track(str(p.get("duplicate", "")))
            t.state = DISMISSED
            t.merged_into = str(p.get("keep") or "") or None
        elif kind == IMPORTED:
            try:
                if int(p.get("added", 0)):
                    self.imported_files.add(str(p.get("file") or ""))
            except (TypeError, ValueError):
                pass


def arrivals_after(actions: Iterable[Action]) -> tuple[set[str], set[str]]:
    """Ids typed in by hand, and names of files imported from, in ``actions``."""
    added: set[str] = set()
    files: set[str] = set()
    for action in actions:
        if action.type == ADDED:
            added.add(str(action.payload.get("id", "")))
        elif action.type == IMPORTED:
            files.add(str(action.payload.get("file") or ""))
    return added, files


def question_rows(
    show: Show,
    history: QuestionHistory,
    questions: Sequence[Question] | None,
    *,
    latest: bool,
    later: Sequence[Action] = (),
) -> tuple[list[QuestionReport], QuestionCounts]:
    """The list and its counts. ``later``: the journal after the run (earlier runs only)."""
    rows: list[tuple[tuple, QuestionReport]] = []
    merged = 0
    tz = show.tz
    known: set[str] = set()
    if questions is not None:
        added_later, files_later = arrivals_after(later)
        for position, q in enumerate(questions):
            known.add(q.id)
            track = history.tracks.get(q.id)
            if not latest and track is None and _came_later(q, history, added_later, files_later):
                continue
            if latest:
                state, merged_into = q.state.value, q.merged_into
                taken, answered, segment = q.taken_at, q.answered_at, q.taken_segment
            elif track is not None:
                state, merged_into = track.state, track.merged_into
                taken, answered, segment = (
                    _at(track.on_air_us),
                    _at(track.answered_us),
                    track.segment,
                )
            else:
                state, merged_into, taken, answered, segment = "new", None, None, None, None
            if merged_into and final_state(state) == DISMISSED:
                merged += 1
                continue
            row = _row(show, q.id, q.text, q.asker or "", state, segment, taken, answered,
                       answer_limit_s=track.answer_s if track is not None else None,
                       **_from_question(q, tz))  # fmt: skip
            rows.append((_order(row, 1, position), row))
    for track in history.tracks.values():
        if track.qid in known:
            continue
        if track.merged_into and final_state(track.state) == DISMISSED:
            merged += 1
            continue
        row = _row(
            show, track.qid, track.text, track.asker, track.state, track.segment,
            _at(track.on_air_us), _at(track.answered_us), answer_limit_s=track.answer_s,
        )  # fmt: skip
        rows.append((_order(row, 2, track.first_seen), row))
    rows.sort(key=lambda item: item[0])
    listed = [row for _, row in rows]
    by_state = dict.fromkeys(FINAL_STATES, 0)
    for row in listed:
        by_state[row.final_state] = by_state.get(row.final_state, 0) + 1
    return listed, QuestionCounts(by_state, merged)


def _came_later(
    q: Question, history: QuestionHistory, added_later: set[str], files_later: set[str]
) -> bool:
    """True when the journal shows ``q`` arrived after the run (it never names it before)."""
    if q.id in added_later:
        return True
    source = q.source_file
    return bool(source) and source in files_later and source not in history.imported_files


def _order(row: QuestionReport, group: int, position: int) -> tuple:
    # Questions taken on air first, in the order they were (the session's story), then the
    # rest in the moderator's queue order.
    if row.on_air_at is not None:
        return (0, row.on_air_at, position)
    return (group, position)


def _at(us: int | None) -> datetime | None:
    return from_us(us) if us is not None else None


def _row(
    show: Show,
    qid: str,
    text: str,
    asker: str,
    state: str,
    segment_id: str | None,
    on_air: datetime | None,
    answered: datetime | None,
    **extra: object,
) -> QuestionReport:
    final = final_state(state)
    if final == NOT_REACHED:
        # Put back to "new" after being taken (a rehearsal's try): not reached, and the
        # old times would only contradict that.
        segment_id, on_air, answered = None, None, None
    seg = show.segment(segment_id) if segment_id else None
    duration = None
    if on_air is not None and answered is not None and answered >= on_air:
        duration = (answered - on_air).total_seconds()
    return QuestionReport(
        question_id=qid,
        text=text,
        asker=asker,
        segment_id=segment_id,
        segment_title=seg.title if seg else "",
        speaker=seg.speaker if seg else "",
        on_air_at=on_air,
        answered_at=answered,
        duration_s=duration,
        final_state=final,
        **extra,  # type: ignore[arg-type]
    )


def _from_question(q: Question, tz: ZoneInfo) -> dict[str, object]:
    asked = q.submitted_at
    if asked is not None and asked.tzinfo is None:
        asked = asked.replace(tzinfo=tz)  # a naive time from a file is the show's local time
    return {
        "organisation": q.organisation or "",
        "source": q.source or "",
        "source_file": q.source_file or "",
        "votes": q.votes,
        "asked_at": asked,
        "answered_in_source": q.answered_in_source,
    }
