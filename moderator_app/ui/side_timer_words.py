"""The words of the timers beside the schedule, shared by the console and the stage."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from moderator_app.app.presenter import TIMER_ANSWER, LiveView, TimerLine
from moderator_app.core.durations import format_countdown

CANCEL_KEY = "X"


def timer_name(line: TimerLine) -> str:
    if line.kind == TIMER_ANSWER:
        return QCoreApplication.translate("SideTimers", "Answer")
    return line.name or QCoreApplication.translate("SideTimers", "Timer {0}").format(line.number)


def timer_text(line: TimerLine) -> str:
    paused = "" if line.running else " ❚❚"
    return f"{timer_name(line)} {line.figure}{paused}"


def timers_text(view: LiveView, *, skip_main: bool = False) -> str:
    """One line: "Answer 1:30 · Panel 0:45 ❚❚" (❚❚: not running)."""
    return " · ".join(timer_text(t) for t in view.timers if not (skip_main and t.main))


def auto_start_text(view: LiveView) -> str:
    if view.auto_start_in_s is None:
        return ""
    seconds = max(view.auto_start_in_s, 0.0)
    # The number, not the title: the countdown and the key must never be cut off.
    return QCoreApplication.translate(
        "SideTimers", "Segment {0} starts by itself in {1} — {2} cancels"
    ).format(view.auto_start_number, format_countdown(seconds), CANCEL_KEY)
