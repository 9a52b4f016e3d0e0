"""Formatting for the screens: times of day in a zone, signed offsets, phase names.

Times of day follow the interface locale (24-hour in French, the system's habit in
English), through ``QLocale()``, which ``i18n.install_language`` sets as the default.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from datetime import time as time_type
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTime
from PySide6.QtGui import QColor

from moderator_app.app import presenter
from moderator_app.core.durations import format_duration
from moderator_app.core.engine import DANGER, NORMAL, OVERTIME, WARNING
from moderator_app.core.runsheet import Show

# Colour and a symbol: phase must read without colour too (colour-blind safe). Each is
# dark enough for text on the window's light grey (contrast above 4.5:1, WCAG AA).
PHASE_COLOURS = {
    NORMAL: QColor("#2a7030"),
    WARNING: QColor("#8a5a00"),
    DANGER: QColor("#a14000"),
    OVERTIME: QColor("#c62828"),
}
PAUSED_COLOUR = QColor("#546e7a")
# Brighter variants for the black stage background.
STAGE_COLOURS = {
    NORMAL: QColor("#66bb6a"),
    WARNING: QColor("#ffd54f"),
    DANGER: QColor("#ff9800"),
    OVERTIME: QColor("#ff5252"),
}


def phase_label(phase: str) -> str:
    return {
        NORMAL: QCoreApplication.translate("Phase", "On time"),
        WARNING: QCoreApplication.translate("Phase", "Warning"),
        DANGER: QCoreApplication.translate("Phase", "Wrap up"),
        OVERTIME: QCoreApplication.translate("Phase", "Overtime"),
    }.get(phase, phase)


def unknown_zone_text(name: str) -> str:
    return QCoreApplication.translate(
        "Zone", "Unknown time zone “{0}”: times are shown in UTC"
    ).format(name)


def safe_zone(name: str) -> tuple[ZoneInfo, str]:
    """The zone called ``name``, or UTC and a one-line warning to show (never raises)."""
    tz, ok = presenter.safe_zone(name)
    return tz, "" if ok else unknown_zone_text(name)


def show_zone(show: Show) -> ZoneInfo:
    return presenter.safe_zone(show.timezone)[0]


def big_text(view: presenter.LiveView) -> str:
    """The big figure of ``view``; a wait of days reads "3 d 4 h" in the interface's words."""
    if view.big_span is not None:
        days, hours = view.big_span
        return QCoreApplication.translate("Span", "{0} d {1} h").format(days, hours)
    return view.big


def time_format(seconds: bool) -> str:
    """The locale's short time format, with seconds added when asked."""
    fmt = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and ":ss" not in fmt and ".ss" not in fmt:
        fmt = fmt.replace(":mm", ":mm:ss").replace(".mm", ".mm.ss")
    return fmt


def clock_time(moment: datetime, tz: ZoneInfo, seconds: bool = False) -> str:
    """A time of day as every screen shows it: one rule, the interface locale's (24-hour
    in French, the system's habit in English). No screen formats a time any other way."""
    local = moment.astimezone(tz)
    qtime = QTime(local.hour, local.minute, local.second)
    return QLocale().toString(qtime, time_format(seconds))


def time_of_day(value: time_type, seconds: bool = False) -> str:
    """A clock time with no date or zone (a hard start) by the same rule as ``clock_time``."""
    return QLocale().toString(QTime(value.hour, value.minute, value.second), time_format(seconds))


def day_and_time(moment: datetime, tz: ZoneInfo, date_format: str = "%Y-%m-%d",
                 seconds: bool = False) -> str:
    """A date (in an unambiguous numeric form) and the time of day by ``clock_time``."""
    local = moment.astimezone(tz)
    return f"{local.strftime(date_format)} {clock_time(local, tz, seconds)}"


# Time zone cities whose name differs in French; the IANA name is the English one.
CITY_NAMES = (
    QT_TRANSLATE_NOOP("City", "Algiers"), QT_TRANSLATE_NOOP("City", "Athens"),
    QT_TRANSLATE_NOOP("City", "Bogota"), QT_TRANSLATE_NOOP("City", "Brussels"),
    QT_TRANSLATE_NOOP("City", "Bucharest"), QT_TRANSLATE_NOOP("City", "Cairo"),
    QT_TRANSLATE_NOOP("City", "Copenhagen"), QT_TRANSLATE_NOOP("City", "Lisbon"),
    QT_TRANSLATE_NOOP("City", "London"), QT_TRANSLATE_NOOP("City", "Mexico City"),
    QT_TRANSLATE_NOOP("City", "Montreal"), QT_TRANSLATE_NOOP("City", "Moscow"),
    QT_TRANSLATE_NOOP("City", "Sao Paulo"), QT_TRANSLATE_NOOP("City", "Tripoli"),
    QT_TRANSLATE_NOOP("City", "Vienna"), QT_TRANSLATE_NOOP("City", "Warsaw"),
)  # fmt: skip


def city_name(city: str) -> str:
    """A time zone's city in the interface's language (unchanged when it has no other name)."""
    return QCoreApplication.translate("City", city)


def day_offset_words(days: int) -> str:
    """ " (+1 day)" / " (-1 day)" when a speaker's local date differs from the show's."""
    if days == 0:
        return ""
    return QCoreApplication.translate("Zone", " ({0:+d} day)").format(days)


def long_span_text(seconds: float) -> str:
    """A duration that may be days long: "3 d 4 h" beyond a day, else h:mm:ss."""
    if abs(seconds) < 86400:
        return format_duration(abs(seconds))
    span = timedelta(seconds=abs(seconds))
    return QCoreApplication.translate("Span", "{0} d {1} h").format(span.days, span.seconds // 3600)


def over_under_text(seconds: float) -> str:
    """ "+2:05 late", "-0:40 early" or "on time" (positive means late)."""
    if abs(seconds) < 1:
        return QCoreApplication.translate("OverUnder", "on time")
    text = format_duration(seconds, signed=True)
    if seconds > 0:
        return QCoreApplication.translate("OverUnder", "{0} late").format(text)
    return QCoreApplication.translate("OverUnder", "{0} early").format(text)
