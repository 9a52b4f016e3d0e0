"""Reading one run sheet cell: clock times, durations, kinds and header names.

Cells arrive as real Excel time cells (``time``), date-time cells, duration cells
(``timedelta``), numbers (minutes, or a fraction of a day for a time cell that lost its
format) or text the way producers type it in French or English.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time, timedelta

from moderator_app.core.durations import DurationError, parse_clock_text, parse_duration
from moderator_app.core.refusal import Refusal
from moderator_app.core.runsheet import SegmentKind

DAY_S = 24 * 3600
EXCEL_EPOCH = datetime(1899, 12, 30)


class CellError(Refusal):
    """A cell that cannot be read; the caller adds the row (see core/refusal.py)."""


def normalise(text: object) -> str:
    """Lower case, no accents, punctuation as spaces: how header names are compared."""
    raw = unicodedata.normalize("NFKD", str(text or ""))
    raw = "".join(c for c in raw if not unicodedata.combining(c)).lower()
    raw = raw.replace("&", " & ")
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", raw).split())


def text_of(value: object) -> str:
    """A cell as text, kept as typed (numbers without a spurious .0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value).strip()


def clock_seconds(value: object) -> int:
    """Seconds after midnight for a start or end cell."""
    if isinstance(value, datetime):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, time):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, timedelta):
        return round(value.total_seconds()) % DAY_S
    if isinstance(value, bool):
        raise CellError("cannot read {0!r} as a clock time", value)
    if isinstance(value, int | float):
        if 0 <= value < 1:  # a time cell whose format was lost: a fraction of a day
            return round(value * DAY_S) % DAY_S
        if float(value).is_integer() and 0 <= value < 24:
            return int(value) * 3600
        raise CellError("cannot read {0!r} as a clock time such as 16:05", text_of(value))
    try:
        return parse_clock_text(str(value))
    except DurationError as exc:
        raise CellError("{0}", exc) from None


def duration_seconds(value: object, *, seconds_unit: bool = False) -> int:
    """Seconds for a duration cell; bare numbers are minutes unless the header said seconds."""
    if isinstance(value, timedelta):
        seconds = round(value.total_seconds())
    elif isinstance(value, time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, datetime):
        if value.year > 1900:
            raise CellError("{0!r} is a date, not a duration", text_of(value))
        seconds = round((value - EXCEL_EPOCH).total_seconds())
    elif seconds_unit and isinstance(value, int | float) and not isinstance(value, bool):
        seconds = round(value)
    else:
        try:
            return parse_duration(value)
        except DurationError as exc:
            raise CellError("{0}", exc) from None
    if seconds < 0:
        raise CellError("negative duration {0!r}", text_of(value))
    if seconds > DAY_S:
        raise CellError("duration {0!r} is over 24 hours", text_of(value))
    return seconds


def clock_text(seconds: int) -> str:
    seconds %= DAY_S
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def to_time(seconds: int) -> time:
    seconds %= DAY_S
    return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)


_YES = {"yes", "y", "oui", "o", "x", "true", "vrai", "1", "fixe", "fixed", "hard"}


def is_yes(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return normalise(text_of(value)) in _YES


# Kind values a producer might type in a Kind/Type column, besides the English values.
_KIND_WORDS: dict[str, SegmentKind] = {
    "bienvenue": SegmentKind.WELCOME,
    "accueil": SegmentKind.WELCOME,
    "ouverture": SegmentKind.WELCOME,
    "opening": SegmentKind.WELCOME,
    "intro": SegmentKind.INTRODUCTION,
    "intervenant": SegmentKind.SPEAKER,
    "intervention": SegmentKind.SPEAKER,
    "orateur": SegmentKind.SPEAKER,
    "talk": SegmentKind.SPEAKER,
    "presentation": SegmentKind.SPEAKER,
    "panel": SegmentKind.SPEAKER,
    "questions": SegmentKind.QA,
    "q&a": SegmentKind.QA,
    "q & a": SegmentKind.QA,
    "q & r": SegmentKind.QA,
    "qr": SegmentKind.QA,
    "debat": SegmentKind.QA,
    "conclusion": SegmentKind.CONCLUSIONS,
    "cloture": SegmentKind.CLOSING,
    "fermeture": SegmentKind.CLOSING,
    "pause": SegmentKind.BREAK,
    "autre": SegmentKind.OTHER,
}


def parse_kind(value: object) -> SegmentKind | None:
    """The kind named in a Kind column, or None when the word is unknown."""
    word = normalise(text_of(value))
    if not word:
        return None
    for kind in SegmentKind:
        if word == kind.value:
            return kind
    return _KIND_WORDS.get(word)


# Title words that tell the kind, checked in this order (so "Conclusions par AL-las" is
# conclusions and "Welcome and introduction" is welcome).
_TITLE_RULES: list[tuple[SegmentKind, re.Pattern[str]]] = [
    (SegmentKind.WELCOME, re.compile(r"\b(bienvenue|welcome|accueil|ouverture|opening)\b")),
    (SegmentKind.INTRODUCTION, re.compile(r"^(introduction|intro)\b|\bintroduction\b")),
    (
        SegmentKind.QA,
        re.compile(r"\b(q ?& ?a|q ?& ?r|q a|q r|questions?|qna|debat|questions reponses)\b"),
    ),
    (SegmentKind.CONCLUSIONS, re.compile(r"\bconclusions?\b|\bsynthese\b|\bwrap up\b")),
    (
        SegmentKind.CLOSING,
        re.compile(
            r"\b(cloture|closing|close|remerciements|mot de la fin|fin du webinaire|goodbye)\b"
        ),
    ),
    (SegmentKind.BREAK, re.compile(r"\b(pause|break|coffee|cafe|intermission)\b")),
]


def infer_kind(title: str, speaker: str = "") -> SegmentKind:
    words = normalise(title)
    for kind, pattern in _TITLE_RULES:
        if pattern.search(words):
            return kind
    return SegmentKind.SPEAKER if speaker.strip() else SegmentKind.OTHER


_END_MARKERS = {
    "fin",
    "end",
    "fin du webinaire",
    "fin de l evenement",
    "end of show",
    "end of webinar",
    "fin du direct",
    "fin de la session",
    "end of session",
}


def is_end_marker(title: str) -> bool:
    """A last row that only marks when the show ends ("Fin", "End of show")."""
    return normalise(title) in _END_MARKERS
