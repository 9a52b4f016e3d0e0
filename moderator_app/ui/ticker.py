"""A refresh timer aligned to the moments the display must change.

Counting ticks drifts; instead, every refresh asks the engine for a snapshot, and the next
refresh is scheduled for the earliest instant a displayed figure flips: the wall clock's
next second, or the next whole second of the running countdown (a segment rarely starts
exactly on a wall-clock second, so its countdown flips at its own fraction).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from moderator_app.app.flips import US, flip_phases_us, next_flip_delay_us
from moderator_app.app.show import ShowSession

__all__ = ["US", "SecondTicker", "next_flip_delay_us"]

# Wake a little after the boundary: a timer that fires early would show the old second.
LATE_MARGIN_US = 1_500
MAX_SLEEP_US = 1_000_000


class SecondTicker(QObject):
    """Emits ``ticked(snapshot)`` right after every displayed second changes."""

    ticked = Signal(object)

    def __init__(self, session: ShowSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.fire)

    def start(self) -> None:
        self.fire()

    def stop(self) -> None:
        self._timer.stop()

    def fire(self) -> None:
        """Emit a fresh snapshot now and schedule the next flip."""
        snap = self.session.snapshot()
        self.ticked.emit(snap)
        self._schedule(snap)

    def _schedule(self, snap: object) -> None:
        now_us = self.session.now_us()
        started = self.session.engine.state.show_started_us
        phases = flip_phases_us(snap, now_us, started)  # type: ignore[arg-type]
        delay_us = min(next_flip_delay_us(now_us, phases) + LATE_MARGIN_US, MAX_SLEEP_US)
        self._timer.start(max(1, math.ceil(delay_us / 1000)))
