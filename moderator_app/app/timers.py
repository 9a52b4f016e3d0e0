"""Timers beside the schedule, for every surface: aux timers, start corrections, and what
the console's tick does by itself (automatic cues, automatic starts).

Each operation reads what a person typed, builds one journal action and performs it on the
open show: the console, the command line and (later) the network all call these, so a
"2 min ago" means the same everywhere. ``TimerInputError`` is text that could not be read;
``ActionRefused`` (from the engine) is an action that makes no sense now. Both say why in
one sentence and change nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from moderator_app.core.actions import (
    AUTOSTART_CANCEL,
    AUX_ADD,
    AUX_PAUSE,
    AUX_RESET,
    AUX_SET,
    AUX_START,
    SET_ELAPSED,
    STARTED_AT,
    Action,
    ActionRefused,
    ActionType,
)
from moderator_app.core.auto_start import AutoStart
from moderator_app.core.clock import to_us
from moderator_app.core.cues import Cue
from moderator_app.core.durations import DurationError, parse_clock_text, parse_duration
from moderator_app.core.refusal import Refusal
from moderator_app.core.status import aux_dict
from moderator_app.core.timer_corrections import SCOPE_SEGMENT, SCOPE_SHOW, resolve_clock_time
from moderator_app.io.session import ShowSession

__all__ = [
    "AUX_OPS", "SCOPE_SEGMENT", "SCOPE_SHOW", "TickDone", "TimerInputError", "aux",
    "cancel_auto_start", "parse_seconds", "parse_started_at", "set_elapsed", "started_at",
    "tick",
]  # fmt: skip

# The command line's words for the aux timer actions.
AUX_OPS = {
    "start": AUX_START,
    "pause": AUX_PAUSE,
    "reset": AUX_RESET,
    "set": AUX_SET,
    "add": AUX_ADD,
}
_AGO = re.compile(r"^(?:il\s+y\s+a\s+)?(.+?)(?:\s+ago)?$")


class TimerInputError(Refusal):
    """Typed text that is not a time or a number of seconds; the message says what is
    (see core/refusal.py)."""


def parse_seconds(text: object, *, elapsed: bool = False) -> float:
    """Seconds from ``90``, ``-30``, ``1:30`` (m:ss), ``1:00:00`` or ``2 min``; a bare
    number is seconds here (unlike a run sheet's duration cell, where it is minutes).
    ``elapsed``: the refusals speak of the elapsed time (whole sentences, to translate)."""
    raw = str(text if text is not None else "").strip()
    if not raw:
        raise TimerInputError(
            "Empty value: expected the elapsed time in seconds (or m:ss)"
            if elapsed
            else "Empty value: expected a number of seconds"
        )
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        negative = raw.startswith("-")
        try:
            value = float(parse_duration(raw.lstrip("-").strip()))
        except DurationError:
            raise _unreadable(raw, elapsed) from None
        return -value if negative else value
    if not math.isfinite(value):
        raise _unreadable(raw, elapsed)
    return value


def _unreadable(raw: str, elapsed: bool) -> TimerInputError:
    return TimerInputError(
        "Cannot read {0!r} as the elapsed time in seconds (or m:ss)"
        if elapsed
        else "Cannot read {0!r} as a number of seconds",
        raw,
    )


def parse_started_at(text: str, now: datetime, tz: tzinfo) -> datetime:
    """The instant a typed start means: a clock time of day in the show's zone (its nearest
    occurrence to ``now``), ``-SECONDS`` / ``-m:ss`` ago, or ``2 min ago`` / ``il y a 2 min``.
    TimerInputError when it is none of these."""
    raw = str(text or "").strip()
    if not raw:
        raise TimerInputError(
            "Type when it started: a clock time (16:05 or 16:05:30), '2 min ago' or -SECONDS "
            "(e.g. -120)"
        )
    if raw.startswith("-"):
        try:
            seconds = parse_seconds(raw[1:])
        except TimerInputError:
            raise _not_a_start(raw) from None
        return now - timedelta(seconds=seconds)
    lowered = raw.lower()
    if lowered.endswith(" ago") or lowered.startswith("il y a "):
        match = _AGO.match(lowered)
        assert match is not None  # the pattern matches any non-empty text
        try:
            seconds = parse_duration(match.group(1).strip())
        except DurationError:
            raise _not_a_start(raw) from None
        return now - timedelta(seconds=seconds)
    try:
        of_day = parse_clock_text(raw)
    except DurationError:
        raise _not_a_start(raw) from None
    return resolve_clock_time(of_day // 3600, of_day % 3600 // 60, of_day % 60, now, tz)


def _not_a_start(raw: str) -> TimerInputError:
    return TimerInputError(
        "Cannot read {0!r}: expected a clock time (16:05 or 16:05:30), '2 min ago' or "
        "-SECONDS (e.g. -120)",
        raw,
    )


def started_at(
    session: ShowSession, text: str, *, scope: str = SCOPE_SEGMENT, durable: bool = False
) -> Action:
    """Move the recorded start of the segment on air (or of the show) to ``text``."""
    when = parse_started_at(text, session.clock.now(), session.show.tz)
    return session.perform(STARTED_AT, {"scope": scope, "to_us": to_us(when)}, durable=durable)


def set_elapsed(session: ShowSession, text: str, *, durable: bool = False) -> Action:
    """Say how long the segment on air has run (``text``: seconds, m:ss or h:mm:ss)."""
    seconds = parse_seconds(text, elapsed=True)
    return session.perform(SET_ELAPSED, {"seconds": seconds}, durable=durable)


def aux(
    session: ShowSession,
    number: object,
    op: str,
    arg: str | None = None,
    *,
    durable: bool = False,
    **settings: object,
) -> Action:
    """One aux timer action: ``op`` is start, pause, reset, set SECONDS or add SECONDS.

    ``settings`` (set only): name, direction ("down"/"up"), shown ("off"/"line"/"main").
    """
    kind = AUX_OPS.get(op)
    if kind is None:
        raise TimerInputError("A timer can {0}; not {1!r}", ", ".join(AUX_OPS), op)
    try:
        timer = int(str(number))
    except ValueError:
        raise TimerInputError("{0!r} is not a timer number", number) from None
    payload: dict = {"timer": timer}
    if kind in (AUX_SET, AUX_ADD):
        if arg is None and kind == AUX_ADD:
            raise TimerInputError("{0} needs a number of seconds, e.g. 90", op)
        if arg is not None:
            payload["seconds"] = parse_seconds(arg)
        payload.update(settings)
    elif arg is not None:
        raise TimerInputError("{0} takes no value", op)
    return session.perform(kind, payload, durable=durable)


def cancel_auto_start(session: ShowSession) -> Action:
    """Stop the automatic start counting down (one key at the console)."""
    return session.perform(AUTOSTART_CANCEL)


def pending_auto_start(session: ShowSession) -> AutoStart | None:
    return session.engine.pending_auto_start(session.clock.now())


@dataclass(frozen=True)
class TickDone:
    """What the tick journaled by itself: a cue's message, an automatic start."""

    cue: Cue | None = None
    auto_start: AutoStart | None = None

    def __bool__(self) -> bool:
        return self.cue is not None or self.auto_start is not None


def tick(session: ShowSession) -> TickDone:
    """Journal what is due now: an automatic start, then the due cue of the segment on air.

    Called by the console's once-a-second tick (only the console that owns the show: a
    follower or a command never fires anything, so nothing fires twice). A refusal means
    another writer moved the show first; the next tick sees the new state.
    """
    if session.readonly:
        return TickDone()
    started = None
    due = pending_auto_start(session)
    if due is not None and due.due:
        try:
            session.perform(ActionType.NEXT, {"auto": True})
            started = due
        except ActionRefused:
            pass
    cue = session.engine.due_cue(session.clock.now())
    fired = None
    if cue is not None:
        try:
            session.perform(
                ActionType.MESSAGE, {"text": cue.text, "cue": cue.key, "chime": cue.chime}
            )
            fired = cue
        except ActionRefused:
            pass
    return TickDone(fired, started)


def aux_status(session: ShowSession) -> list[dict]:
    """The aux timers now, for ``control ... aux`` and other machine-readable surfaces."""
    now_us = session.now_us()
    aux = session.engine.aux
    return [aux_dict(aux.get(number), now_us) for number in sorted(aux.timers)]
