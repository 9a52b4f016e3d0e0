"""A refresh timer aligned to the moments the display must change.

Counting ticks drifts; instead, every refresh asks the engine for a snapshot, and the next
refresh is scheduled for the earliest instant a displayed figure flips: the wall clock's
next second, or the next whole second of the running countdown (a segment rarely starts
exactly on a wall-clock second, so its countdown flips at its own fraction).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from moderator_app.app.show import ShowSession
from moderator_app.core.engine import RUNNING

US = 1_000_000
# Wake a little after the boundary: a timer that fires early would show the old second.
LATE_MARGIN_US = 1_500
MAX_SLEEP_US = 1_000_000


def next_flip_delay_us(now_us: int, phases_us: list[int]) -> int:
    """Microseconds until the next boundary of the wall clock or of any running count.

    ``phases_us`` are the sub-second offsets (0..999999) at which running counts flip.
    """
    best = US - now_us % US
    for phase in phases_us:
        delay = (phase - now_us) % US
        if delay == 0:
            delay = US
        best = min(best, delay)
    return best


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
        phases = []
        if getattr(snap, "state", None) == RUNNING:
            # remaining = allotted - elapsed; it crosses a whole second when
            # (now - run_since) has the same fraction as the allotted remainder.
            remaining_us = round(snap.remaining_s * US)  # type: ignore[attr-defined]
            phases.append((now_us + remaining_us) % US)
            started = self.session.engine.state.show_started_us
            if started is not None:
                phases.append(started % US)
        delay_us = min(next_flip_delay_us(now_us, phases) + LATE_MARGIN_US, MAX_SLEEP_US)
        self._timer.start(max(1, math.ceil(delay_us / 1000)))
