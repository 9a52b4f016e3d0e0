"""The console's words for the browser views, in the show's language: the headline and
the speakers' cities, read from the console's own French catalogue (Qt Linguist's .ts),
so a tablet says exactly what the console says. English is the catalogue's source text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from functools import cache

from moderator_app.app.presenter import (
    HL_FINISHED,
    HL_LIVE,
    HL_NO_SEGMENTS,
    HL_PAUSED,
    HL_PLANNED_AGO,
    HL_REHEARSAL,
    HL_STARTS_AT,
    LiveView,
)
from moderator_app.core.durations import format_duration
from moderator_app.resources import resource

LANGUAGES = ("en", "fr")
DATE_AHEAD_S = 12 * 3600  # as the console's panel: a start on another day names the day

HEADLINES = {
    HL_NO_SEGMENTS: "Not started — add segments to the run sheet first",
    HL_STARTS_AT: "Not started — starts at {0}",
    "starts_on": "Not started — starts {0} at {1}",
    HL_PLANNED_AGO: "Not started — planned for {0}, {1} ago",
    HL_PAUSED: "PAUSED",
    HL_FINISHED: "Show finished",
    HL_LIVE: "Live — segment {0} of {1}",
}


@cache
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    if lang != "fr":
        return {}
    try:
        root = ET.parse(resource("translations", f"moderator_{lang}.ts")).getroot()
    except (OSError, ET.ParseError):
        return {}  # words in English rather than no view
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source, text = message.findtext("source"), message.findtext("translation")
            if source and text:
                out[(name, source)] = text
    return out


def worded(context: str, source: str, lang: str) -> str:
    return _catalogue(lang).get((context, source), source)


def language(lang: str | None, show_language: str = "") -> str:
    """``lang`` if the views speak it, else the show's language if they do, else English."""
    for candidate in (lang, show_language):
        code = (candidate or "").lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"


def clock_text(moment: datetime) -> str:
    # The browsers' one rule: 24-hour hours and minutes (the French habit; unambiguous).
    return moment.strftime("%H:%M")


def span_text(seconds: float, lang: str) -> str:
    if abs(seconds) < 86400:
        return format_duration(abs(seconds))
    whole = int(abs(seconds))
    return worded("Span", "{0} d {1} h", lang).format(whole // 86400, whole % 86400 // 3600)


def headline(view: LiveView, lang: str) -> str:
    """The headline state line as the console's panel words it (without its key hints)."""
    code, args = view.headline, view.headline_args
    if code == HL_STARTS_AT:
        start = args[0]
        if (start - view.now).total_seconds() > DATE_AHEAD_S:
            return worded("TimerPanel", HEADLINES["starts_on"], lang).format(
                start.strftime("%Y-%m-%d"), clock_text(start)
            )
        return worded("TimerPanel", HEADLINES[HL_STARTS_AT], lang).format(clock_text(start))
    if code in (HL_PLANNED_AGO, HL_REHEARSAL):
        start, ago = args
        when = start.strftime("%Y-%m-%d") if code == HL_REHEARSAL else clock_text(start)
        return worded("TimerPanel", HEADLINES[HL_PLANNED_AGO], lang).format(when, span_text(ago, lang))
    return worded("TimerPanel", HEADLINES[code], lang).format(*args)


def city(name: str, lang: str) -> str:
    """A time zone's city in ``lang`` (unchanged when it has no other name)."""
    return worded("City", name, lang)
