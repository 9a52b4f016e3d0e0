"""Formatting for the screens: times of day in a zone, signed offsets, phase names."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from moderator_app.core.durations import format_duration
from moderator_app.core.engine import DANGER, NORMAL, OVERTIME, WARNING

# Colour and a symbol: phase must read without colour too (colour-blind safe).
PHASE_COLOURS = {
    NORMAL: QColor("#2e7d32"),
    WARNING: QColor("#f9a825"),
    DANGER: QColor("#e65100"),
    OVERTIME: QColor("#c62828"),
}
PHASE_SYMBOLS = {NORMAL: "●", WARNING: "▲", DANGER: "◆", OVERTIME: "■"}


def phase_label(phase: str) -> str:
    tr = QCoreApplication.translate
    return {
        NORMAL: tr("Phase", "On time"),
        WARNING: tr("Phase", "Warning"),
        DANGER: tr("Phase", "Wrap up"),
        OVERTIME: tr("Phase", "Overtime"),
    }.get(phase, phase)


def clock_time(moment: datetime, tz: ZoneInfo, seconds: bool = False) -> str:
    local = moment.astimezone(tz)
    return local.strftime("%H:%M:%S" if seconds else "%H:%M")


def over_under_text(seconds: float) -> str:
    """ "+2:05 late", "-0:40 early" or "on time" (positive means late)."""
    tr = QCoreApplication.translate
    if abs(seconds) < 1:
        return tr("OverUnder", "on time")
    text = format_duration(seconds, signed=True)
    if seconds > 0:
        return tr("OverUnder", "{0} late").format(text)
    return tr("OverUnder", "{0} early").format(text)
