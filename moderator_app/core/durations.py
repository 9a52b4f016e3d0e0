"""Parsing and formatting of durations as producers write them."""

from __future__ import annotations

import math
import re

from moderator_app.core.refusal import Refusal

MAX_DURATION_S = 24 * 3600


class DurationError(Refusal):
    """A duration that cannot be read; the message says what was expected."""


def _unreadable(value: object) -> DurationError:
    return DurationError(
        "Cannot read {0!r} as a duration: expected minutes (5), m:ss (5:00), "
        "h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s",
        value,
    )


def _negative(value: object) -> DurationError:
    return DurationError(
        "Negative duration {0!r}: expected minutes (5), m:ss (5:00), "
        "h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s",
        value,
    )


def _empty() -> DurationError:
    return DurationError(
        "Empty duration: expected minutes (5), m:ss (5:00), "
        "h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s"
    )


_UNIT_SECONDS = {
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "heure": 3600,
    "heures": 3600,
    "m": 60,
    "mn": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "'": 60,
    "’": 60,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "seconde": 1,
    "secondes": 1,
    '"': 1,
}
_UNIT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-zA-Zéè'’\"]+)?")
_COLON_RE = re.compile(r"^(\d+):(\d{1,2})(?::(\d{1,2}(?:[.,]\d+)?))?$")


def parse_duration(value: object) -> int:
    """Return whole seconds for a duration given as text or a number of minutes.

    A bare number means minutes, as producers write it in run sheets. Raises
    DurationError (a ValueError) with a message naming the text and what was expected.
    """
    if isinstance(value, bool):
        raise _unreadable(value)
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise _unreadable(value)
        return _from_minutes(float(value), value)
    if value is None:
        raise _empty()
    text = str(value).strip().lower()
    if not text:
        raise _empty()
    if text.startswith("-"):
        raise _negative(value)
    try:
        return _from_minutes(float(text.replace(",", ".")), value)
    except ValueError:
        pass
    match = _COLON_RE.match(text)
    if match:
        a, b, c = match.groups()
        if c is None:  # m:ss
            minutes, seconds = int(a), int(b)
            if seconds >= 60:
                raise DurationError(
                    "Cannot read {0!r} as a duration: seconds over 59; expected minutes (5), "
                    "m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s",
                    value,
                )
            return _checked(minutes * 60 + seconds, value)
        hours, minutes, seconds = int(a), int(b), float(c.replace(",", "."))
        if minutes >= 60 or seconds >= 60:
            raise _unreadable(value)
        return _checked(round(hours * 3600 + minutes * 60 + seconds), value)
    return _checked(_parse_units(text, value), value)


def _from_minutes(minutes: float, original: object) -> int:
    # Checked before multiplying: 1e306 minutes would overflow to infinity, not an int.
    if minutes < 0:
        raise _negative(original)
    if minutes > 24 * 60:
        raise DurationError("Duration {0!r} is over 24 hours", original)
    return _checked(round(minutes * 60), original)


def _parse_units(text: str, original: object) -> int:
    pos = 0
    total = 0.0
    last_unit = None
    found = False
    compact = text.replace(" et ", " ").replace(" and ", " ")
    while pos < len(compact):
        if compact[pos] in " \t,":
            pos += 1
            continue
        match = _UNIT_RE.match(compact, pos)
        if not match:
            raise _unreadable(original)
        number = float(match.group(1).replace(",", "."))
        unit = match.group(2)
        if unit is None:
            # "1h05": a bare number after hours means minutes, after minutes seconds.
            if last_unit == 3600:
                seconds = 60
            elif last_unit == 60:
                seconds = 1
            else:
                raise _unreadable(original)
        else:
            seconds = _UNIT_SECONDS.get(unit)
            if seconds is None:
                raise DurationError(
                    "Cannot read {0!r} as a duration: unknown unit {1!r}; expected minutes (5), "
                    "m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s",
                    original,
                    unit,
                )
        total += number * seconds
        last_unit = seconds
        found = True
        pos = match.end()
    if not found:
        raise _unreadable(original)
    return round(total)


def _checked(seconds: int, original: object) -> int:
    if seconds < 0:
        raise _negative(original)
    if seconds > MAX_DURATION_S:
        raise DurationError("Duration {0!r} is over 24 hours", original)
    return seconds


_CLOCK_RE = re.compile(
    r"^(\d{1,2})\s*(?:[:h.]\s*(\d{2})?\s*(?:[:m.]\s*(\d{2}))?)?\s*(am|pm|a\.m\.|p\.m\.)?$"
)


def parse_clock_text(text: str) -> int:
    """Seconds after midnight for a clock time typed or read from a sheet: ``16:05``,
    ``16h05``, ``16.05``, ``16h``, ``16:05:30``, ``4:05 PM``. The one reading of a clock
    time, for the run sheet editor and the spreadsheet importer alike; DurationError when
    it is not one."""
    match = _CLOCK_RE.match(str(text).strip().lower())
    if not match:
        raise DurationError("cannot read {0!r} as a clock time such as 16:05 or 4:05 PM", text)
    hours, minutes, seconds = int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)
    suffix = (match.group(4) or "").replace(".", "")
    if suffix:
        if not 1 <= hours <= 12:
            raise DurationError("cannot read {0!r} as a clock time such as 4:05 PM", text)
        hours = hours % 12 + (12 if suffix == "pm" else 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise DurationError("{0!r} is not a clock time (hours 0-23, minutes 0-59)", text)
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: float, *, signed: bool = False, always_hours: bool = False) -> str:
    """Format seconds as m:ss or h:mm:ss, truncating toward zero (a count-up display).

    Negative values keep their sign; with ``signed`` positive ones get a ``+``.
    """
    negative = seconds < 0
    return _format_whole(math.floor(abs(seconds) + 1e-9), negative, signed, always_hours)


def format_countdown(remaining: float, *, always_hours: bool = False) -> str:
    """Format a remaining time the way a countdown shows it.

    While time remains, partial seconds round up (4.2 s left shows 0:05); 0:00 shows for
    the first second after time is up, then the overtime counts -0:01, -0:02... Each
    figure therefore lasts exactly one second and flips on the true second boundary.
    """
    if remaining > 0:
        return _format_whole(math.ceil(remaining - 1e-9), False, False, always_hours)
    return _format_whole(math.floor(-remaining + 1e-9), True, False, always_hours)


def _format_whole(whole: int, negative: bool, signed: bool, always_hours: bool) -> str:
    hours, rest = divmod(int(whole), 3600)
    minutes, secs = divmod(rest, 60)
    body = f"{hours}:{minutes:02d}:{secs:02d}" if hours or always_hours else f"{minutes}:{secs:02d}"
    if negative and whole:
        return "-" + body
    if signed and whole:
        return "+" + body
    return body
