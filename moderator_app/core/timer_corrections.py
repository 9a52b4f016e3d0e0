"""Correcting the start after the fact: "I forgot to press Start (or Next)".

``timer.started_at`` moves the recorded start of the segment on air (scope "segment") or
of the show's first segment (scope "show") to another instant; ``timer.set_elapsed`` says
how long the segment on air has run. Either is one undoable timer action whose payload
holds the resolved change (``delta_us``: the running time the segment gains), so the fold
replays it exactly. The time comes from where it really went: moving a segment's start
back takes it from the previous segment (the boundary between them moves); moving the
show's start back makes the show start earlier. Nothing is invented: no fake pause, no
added time, so over/under and the report stay right to the second.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from moderator_app.core.actions import SET_ELAPSED, STARTED_AT, Action, ActionRefused
from moderator_app.core.clock import from_us
from moderator_app.core.durations import format_duration

if TYPE_CHECKING:
    from moderator_app.core.engine import TimerEngine, TimerState

US = 1_000_000
SCOPE_SEGMENT = "segment"
SCOPE_SHOW = "show"
# A correction moving a start further than this is a typing slip (or the wrong day).
MAX_CORRECTION_US = 12 * 3600 * US
MAX_ELAPSED_S = 24 * 3600


def resolve_clock_time(hh: int, mm: int, ss: int, now: datetime, tz: tzinfo) -> datetime:
    """The instant a typed time of day means: its nearest occurrence to ``now`` in ``tz``.

    "23:58" typed at 00:01 is two minutes before midnight, the day before; "00:05" typed at
    23:59 is six minutes ahead, tomorrow, and so refused as in the future rather than read
    as the previous day's morning.
    """
    local = now.astimezone(tz)
    base = datetime(local.year, local.month, local.day, hh, mm, ss)
    best: datetime | None = None
    for days in (-1, 0, 1):
        day = base + timedelta(days=days)
        # fold=0 picks the first of an ambiguous hour; a DST edge is no moment for a show.
        candidate = day.replace(tzinfo=tz).astimezone(now.tzinfo)
        if best is None or abs(candidate - now) < abs(best - now):
            best = candidate
    assert best is not None
    return best


def _clock(us: int, tz: tzinfo) -> str:
    return f"{from_us(us).astimezone(tz):%H:%M:%S}"


def prepare(engine: TimerEngine, kind: str, payload: dict | None, at_us: int) -> Action:
    """The correction to journal, resolved against the state now, or ActionRefused."""
    from moderator_app.core.engine import PAUSED, RUNNING

    p = dict(payload or {})
    st = engine.state
    show = engine.show
    tz = show.tz
    if st.status not in (RUNNING, PAUSED) or st.current is None:
        raise ActionRefused("A start can be corrected only while the show is running or paused")
    current = st.current
    if kind == SET_ELAPSED:
        raw = p.get("seconds")
        try:
            seconds = float(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ActionRefused("{0!r} is not a number of seconds", raw) from None
        if seconds != seconds or seconds < 0:
            raise ActionRefused("The elapsed time cannot be negative")
        if seconds > MAX_ELAPSED_S:
            raise ActionRefused("The elapsed time is at most 24:00:00")
        target = current
        delta = round(seconds * US) - engine.elapsed_us(target, at_us)
        rec = st.record(target)
        new_start = (rec.first_start_us - delta) if rec.first_start_us is not None else None
        scope = SCOPE_SEGMENT
    else:
        scope = str(p.get("scope") or SCOPE_SEGMENT)
        if scope not in (SCOPE_SEGMENT, SCOPE_SHOW):
            raise ActionRefused(
                "A start correction is for the segment or the show, not {0!r}", scope
            )
        raw = p.get("to_us")
        try:
            new_start = int(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ActionRefused("{0!r} is not an instant", raw) from None
        if scope == SCOPE_SHOW:
            target = _first_segment(st)
            if target is None:
                raise ActionRefused("The show's first segment is no longer known")
        else:
            target = current
        rec = st.record(target)
        if rec.first_start_us is None:
            raise ActionRefused("That segment has no recorded start")
        if new_start > at_us:
            raise ActionRefused(
                "{0} is in the future (it is {1}): a start can only be moved to a time that "
                "has passed",
                _clock(new_start, tz),
                _clock(at_us, tz),
            )
        delta = rec.first_start_us - new_start
    if delta == 0:
        raise ActionRefused("That is already the recorded start: nothing to correct")
    if abs(delta) > MAX_CORRECTION_US:
        raise ActionRefused(
            "That moves the start by {0}: more than 12 hours cannot be a forgotten key; "
            "check the time (and the day)",
            format_duration(abs(delta) / US),
        )
    rec = st.record(target)
    title = _title(engine, target)
    if rec.visits > 1 and kind == STARTED_AT:
        raise ActionRefused(
            "«{0}» has been on air {1} times: its start cannot be moved; use set elapsed for "
            "the time it has run",
            title,
            rec.visits,
        )
    ran = engine.elapsed_us(target, at_us)
    if ran + delta < 0:
        raise ActionRefused(
            "«{0}» has run only {1}: its start cannot move later than that",
            title,
            format_duration(ran / US),
        )
    previous = None
    if rec.visits == 1 and rec.first_start_us is not None and new_start is not None:
        previous = _previous(st, target, rec.first_start_us)
        if previous is not None:
            prev = st.record(previous)
            prev_start = prev.first_start_us
            if delta > prev.elapsed_us:
                if prev_start is not None:
                    raise ActionRefused(
                        "{0} is before «{1}» began (at {2}): the two segments would overlap",
                        _clock(new_start, tz),
                        _title(engine, previous),
                        _clock(prev_start, tz),
                    )
                raise ActionRefused(
                    "{0} is before «{1}» began: the two segments would overlap",
                    _clock(new_start, tz),
                    _title(engine, previous),
                )
    out = {
        "scope": scope,
        "segment": target,
        "delta_us": delta,
        "from_us": rec.first_start_us if rec.visits == 1 else None,
        "to_us": new_start if rec.visits == 1 else None,
        "previous": previous,
    }
    if kind == SET_ELAPSED:
        out["seconds"] = p.get("seconds")
    return Action(kind, at_us, out)


def _title(engine: TimerEngine, segment_id: str) -> str:
    seg = engine.show.segment(segment_id)
    return seg.title if seg else segment_id


def _first_segment(st: TimerState) -> str | None:
    started = st.show_started_us
    for seg_id, rec in st.records.items():
        if rec.first_start_us == started:
            return seg_id
    return None


def _previous(st: TimerState, target: str, start_us: int) -> str | None:
    """The segment that was left when ``target`` was entered (their shared boundary)."""
    for seg_id, rec in st.records.items():
        if seg_id != target and rec.last_end_us == start_us:
            return seg_id
    return None


def fold(st: TimerState, action: Action) -> TimerState | None:
    """Apply a journaled correction; None when it no longer fits (kept, but inert)."""
    p = action.payload
    target = str(p["segment"])
    delta = int(p["delta_us"])
    rec = st.record(target)
    if not rec.visits:
        return None
    from_start = p.get("from_us")
    to_start = p.get("to_us")
    if from_start is not None and rec.first_start_us != int(from_start):
        return None
    new_rec = replace(rec, elapsed_us=rec.elapsed_us + delta)
    if to_start is not None:
        new_rec = replace(new_rec, first_start_us=int(to_start))
        if st.show_started_us == int(from_start):  # type: ignore[arg-type]
            st.show_started_us = int(to_start)
        previous = p.get("previous")
        if previous:
            prev = st.record(str(previous))
            st.records[str(previous)] = replace(
                prev, elapsed_us=max(prev.elapsed_us - delta, 0), last_end_us=int(to_start)
            )
    st.records[target] = new_rec
    return st


def is_correction(action: Action) -> bool:
    return action.type in (STARTED_AT, SET_ELAPSED)


def corrected_segments(actions: list[Action]) -> set[str]:
    """Segments whose start or elapsed time a (not undone) correction changed."""
    return {str(a.payload.get("segment")) for a in actions if is_correction(a)}
