"""Says loudly what the console does when the machine misbehaves mid-show.

A show file that stops accepting writes (disk full, file made read-only) turns the banner
red until the kept actions are written; a system clock step is announced, and the timer
carries on unaffected (see MonotonicGuardClock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from moderator_app.core.actions import CLOCK_JUMP, Action

if TYPE_CHECKING:
    from moderator_app.ui.main_window import MainWindow


def write_problem_text(error: str, pending: int) -> str:
    return QCoreApplication.translate(
        "Reliability",
        "NOT SAVED: {0}. Timing goes on in memory; {1} action(s) will be written as soon "
        "as the file accepts them. Free some disk space or fix the file's permissions.",
    ).format(error, pending)


def clock_jump_text(delta_s: float) -> str:
    return QCoreApplication.translate(
        "Reliability",
        "The computer's clock was corrected by {0:+.1f} s; the timer was not affected.",
    ).format(delta_s)


def attach(window: MainWindow) -> None:
    session = window.session

    def on_write(error: str | None) -> None:
        if error is None:
            window.show_banner("")
            window.show_status(
                QCoreApplication.translate(
                    "Reliability", "All actions are saved to the show file again."
                )
            )
        else:
            window.show_banner(write_problem_text(error, len(session.pending)))

    def on_action(action: Action) -> None:
        if action.seq is None and session.write_error:
            on_write(session.write_error)  # keep the count of waiting actions honest
        if action.type == CLOCK_JUMP:
            window.show_status(clock_jump_text(float(action.payload.get("delta_s", 0))))

    session.subscribe_writes(on_write)
    session.subscribe(on_action)
