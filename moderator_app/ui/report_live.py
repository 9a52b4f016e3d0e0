"""The live plots page: planned vs actual timeline and the over/under curve, during the show.

Fed by the main window's ``ticked`` signal (one update per displayed second and after each
action); nothing here runs its own timer. While the page is hidden a tick only keeps the
snapshot; the page catches up from it when shown. The over/under line is rebuilt from
the journal only when a timer action arrived; each second moves just its last points.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from moderator_app.app.errors import ShowFileError
from moderator_app.core.actions import Changes
from moderator_app.core.clock import to_us
from moderator_app.core.engine import Snapshot
from moderator_app.core.report_plot import (
    SAMPLED,
    OverUnderSeries,
    gantt_live,
    over_under_series,
    seconds_since,
)

if TYPE_CHECKING:
    from moderator_app.app.show import ShowSession  # app-show's re-export (a type only)

US = 1_000_000


class LivePlotsPage(QWidget):
    def __init__(self, session: ShowSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from moderator_app.ui.report_plots import OverUnderPlot, TimelinePlot  # pyqtgraph

        self.setObjectName("LivePlots")
        self.session = session
        show = session.show
        self.origin: datetime = show.planned_start
        self.run = 0
        self.started_us: int | None = -1
        self.series = OverUnderSeries([], None)
        self._stale = True  # a timer action or run sheet edit arrived since the curve was built
        session.subscribe_changes(self._on_change)
        self.latest: Snapshot | None = None
        self.timeline = TimelinePlot(self.origin, show.tz)
        self.curve = OverUnderPlot(self.origin, show.tz)
        self.curve.plot.setXLink(self.timeline.plot)  # one time axis for both
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.curve)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.updates = 0  # ticks drawn
        self.skipped = 0  # ticks kept for later because the page was hidden
        self.rebuilds = 0  # over/under lines rebuilt from the journal

    def on_tick(self, snap: Snapshot) -> None:
        self.latest = snap
        if not self.isVisible():
            self.skipped += 1
            return
        self.draw(snap)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.latest is not None:
            self.draw(self.latest)

    def draw(self, snap: Snapshot) -> None:
        """One cheap update: bars and the curve's last points move, the rest stays."""
        origin = snap.planned_starts[0] if snap.planned_starts else self.session.show.planned_start
        started = self.session.engine.state.show_started_us
        restart = origin != self.origin or snap.run != self.run or started != self.started_us
        if restart:
            self.started_us = started
            self.origin = origin
            self.run = snap.run
            tz = self.session.show.tz
            self.timeline.set_origin(origin, tz)
            self.curve.set_origin(origin, tz)
        try:
            if restart or self._stale:
                self._rebuild_curve()
        except ShowFileError:
            pass  # the main window shows the file's trouble; the curve waits for it
        now_s = seconds_since(self.origin, snap.now) or 0.0
        rows = gantt_live(self.session.engine, snap, self.origin)
        self.timeline.set_rows(rows, now_s if snap.live else None)
        self.curve.set_tail(self._tail(snap) if snap.live else [])
        self.updates += 1

    def _on_change(self, change: Changes) -> None:
        # The session announces every folded action (ours or another process's), so the
        # journal need not be read again each second to learn whether the curve moved; a
        # run sheet edit moves the plan, so every point moves.
        if change.action.type in SAMPLED or change.runsheet:
            self._stale = True

    def _rebuild_curve(self) -> None:
        actions = self.session.file.actions(types=tuple(sorted(SAMPLED)))
        self._stale = False
        self.series = over_under_series(self.session.show, actions)
        base = to_us(self.origin)
        self.curve.set_points([((t - base) / US, v) for t, v in self.series.points])
        self.rebuilds += 1

    def _tail(self, snap: Snapshot) -> list[tuple[float, float]]:
        tail = self.series.tail
        if tail is None:
            return []
        base = to_us(self.origin)
        return [((t - base) / US, v) for t, v in tail.points_to(to_us(snap.now))]
