"""The live plots page: planned vs actual timeline and the over/under curve, during the show.

Fed by the main window's ``ticked`` signal (one update per displayed second and after each
action); nothing here runs its own timer.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from moderator_app.core.engine import Snapshot
from moderator_app.core.report import build_report
from moderator_app.core.report_plot import gantt_live, over_under_points, seconds_since
from moderator_app.io.session import ShowSession


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
        self.updates = 0

    def on_tick(self, snap: Snapshot) -> None:
        """One cheap update: bars and curve move, the rest stays."""
        origin = snap.planned_starts[0] if snap.planned_starts else self.session.show.planned_start
        started = self.session.engine.state.show_started_us
        if origin != self.origin or snap.run != self.run or started != self.started_us:
            self.started_us = started
            self._restart(origin, snap.run)
        now_s = seconds_since(self.origin, snap.now) or 0.0
        rows = gantt_live(self.session.engine, snap, self.origin)
        self.timeline.set_rows(rows, now_s if snap.live else None)
        if snap.live:
            self.curve.append(now_s, snap.over_under_s)
        self.updates += 1

    def _restart(self, origin: datetime, run: int) -> None:
        """A new run, or the plan moved: rebuild the axes and the curve's history."""
        self.origin = origin
        self.run = run
        tz = self.session.show.tz
        self.timeline.set_origin(origin, tz)
        self.curve.set_origin(origin, tz)
        report = build_report(self.session.show, self.session.file.actions())
        self.curve.set_points(over_under_points(report, origin))
