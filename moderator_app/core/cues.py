"""Automatic cues: messages to the speaker that send themselves at chosen remaining times.

A cue fires when the running segment's remaining time reaches ``at_s`` (a negative
``at_s`` is that far into overtime; 0 is the end). Its text form, used by the run sheet's
Cues column and the editor, is a list separated by ``;`` of ``[+]M:SS[!] text``: ``+``
counts past the end, ``!`` asks for the chime, e.g.
``2:00 2 minutes; 0:30! Merci de conclure; +0:00! Temps écoulé``.

Cues are never fired by core itself: ``due_cue`` says which one is due, from the snapshot
and the cues already journaled, and the console's tick journals it through the app layer
as a message with a ``cue`` marker. So a cue fires once (it is in the journal), survives a
restart, and is cleared by the next segment like any message sent in its segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from moderator_app.core.durations import DurationError, format_duration, parse_duration
from moderator_app.core.refusal import Refusal

MAX_CUES = 8
MAX_CUE_TEXT = 200
# An overtime cue further out than this is a typing slip, not a plan.
MAX_OVERTIME_S = 24 * 3600
# A cue reached longer ago than this is stale (a console opened late, a start corrected
# far back): it is not sent, since a "wrap up" minutes too late would mislead the speaker.
STALE_S = 30


class CueError(Refusal):
    """A cue that cannot be accepted; the message says why (see core/refusal.py)."""


@dataclass(frozen=True)
class Cue:
    at_s: int  # remaining seconds when it fires; negative: seconds into overtime
    text: str
    chime: bool = False

    @property
    def key(self) -> str:
        """What identifies the cue in the journal (its time: two cues cannot share one)."""
        return str(self.at_s)

    def to_dict(self) -> dict:
        return {"at_s": self.at_s, "text": self.text, "chime": self.chime}

    @classmethod
    def from_dict(cls, data: dict) -> Cue:
        return cls(int(data["at_s"]), str(data.get("text", "")), bool(data.get("chime")))

    def label(self) -> str:
        sign = "+" if self.at_s < 0 else ""
        return f"{sign}{format_duration(abs(self.at_s))}{'!' if self.chime else ''} {self.text}"


_ENTRY = re.compile(r"^\s*(\+)?\s*([0-9][0-9:hms. ]*?)\s*(!)?\s+(.*\S)\s*$", re.S)


def parse_cues(text: str) -> tuple[Cue, ...]:
    """Cues from their text form (see the module doc); CueError names the bad entry."""
    cues: list[Cue] = []
    for raw in str(text or "").split(";"):
        if not raw.strip():
            continue
        match = _ENTRY.match(raw)
        if match is None:
            raise CueError(
                "Cannot read the cue {0!r}: write a time then the message, "
                "e.g. '2:00 2 minutes' or '+0:00! Time is up'",
                raw.strip(),
            )
        over, when, chime, message = match.groups()
        try:
            seconds = parse_duration(when.strip())
        except DurationError as exc:
            raise CueError("The cue {0!r}: {1}", raw.strip(), exc) from None
        cues.append(Cue(-seconds if over else seconds, message.strip(), bool(chime)))
    return checked(cues)


def format_cues(cues: tuple[Cue, ...] | None) -> str:
    return "; ".join(c.label() for c in cues or ())


def checked(cues: list[Cue] | tuple[Cue, ...], duration_s: int | None = None) -> tuple[Cue, ...]:
    """``cues`` sorted as they fire (largest remaining time first), or CueError.

    ``duration_s``: the segment's planned length; a cue before its start cannot fire.
    """
    if len(cues) > MAX_CUES:
        raise CueError("A segment has at most {0} cues", MAX_CUES)
    seen: set[int] = set()
    for cue in cues:
        if not cue.text.strip():
            raise CueError("A cue needs a message")
        if len(cue.text) > MAX_CUE_TEXT:
            raise CueError("A cue's message has at most {0} characters", MAX_CUE_TEXT)
        if ";" in cue.text:
            raise CueError("A cue's message cannot contain ';' (it separates cues)")
        if cue.at_s in seen:
            raise CueError("Two cues at {0}: keep one", format_duration(abs(cue.at_s)))
        if cue.at_s < -MAX_OVERTIME_S:
            raise CueError("An overtime cue comes at most 24 hours after the end")
        seen.add(cue.at_s)
        if duration_s is not None and cue.at_s >= duration_s:
            raise CueError(
                "The cue at {0} is longer than the segment ({1}): it could never fire",
                format_duration(cue.at_s),
                format_duration(duration_s),
            )
    return tuple(sorted(cues, key=lambda c: -c.at_s))


def segment_cues(
    own: tuple[Cue, ...] | None, defaults: tuple[Cue, ...], duration_s: int
) -> tuple[Cue, ...]:
    """The cues of a segment: its own, or the show's defaults that fit in it."""
    if own is not None:
        return own
    return tuple(c for c in defaults if c.at_s < duration_s)


def due_cue(cues: tuple[Cue, ...], remaining_s: float, fired: frozenset[str]) -> Cue | None:
    """The cue to fire now, if any: the latest one reached that has not fired.

    Reaching several at once (a start corrected back, a console opened late) fires only
    the last of them: the speaker needs the newest truth, not a burst of stale ones. A cue
    is not due once a later one (smaller ``at_s``) has fired, nor once it is ``STALE_S``
    behind.
    """
    if not cues:
        return None
    fired_at = [c.at_s for c in cues if c.key in fired]
    floor = min(fired_at) if fired_at else None
    reached = [
        c for c in cues
        if c.at_s - STALE_S < remaining_s <= c.at_s and c.key not in fired
        and (floor is None or c.at_s < floor)
    ]  # fmt: skip
    return min(reached, key=lambda c: c.at_s) if reached else None
