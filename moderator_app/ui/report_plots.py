"""The two report plots (pyqtgraph): a planned-vs-actual timeline and the over/under curve.

This module imports pyqtgraph, so the console imports it only when a plot page is built.
Live updates touch preallocated numpy arrays and call ``setOpts``/``setData`` on the
items that move (actual and projected bars, the "now" line, the curve); the planned bars
and axes are rebuilt only when the run sheet or the run changes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from moderator_app.core.report_plot import GanttRow, with_zero_crossings
from moderator_app.ui.formatting import clock_time

PLANNED = QColor("#b0bec5")
ON_TIME = QColor("#2e7d32")
LATE = QColor("#c62828")
PROJECTED = QColor(30, 136, 229, 110)
LATE_FILL = QColor(198, 40, 40, 60)
EARLY_FILL = QColor(46, 125, 50, 60)
NOW = QColor("#ef6c00")
INK = QColor("#263238")
BAR = 0.34  # half the lane: planned bar above, actual below
LEFT_AXIS_PX = 200  # room for segment titles
TICK_STEPS = (1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400)


class ClockAxis(pg.AxisItem):
    """Seconds since ``origin`` shown as clock times of the show's zone."""

    def __init__(self, origin: datetime, tz: ZoneInfo, **kwargs: object) -> None:
        super().__init__(orientation="bottom", **kwargs)
        self.origin = origin
        self.tz = tz

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        span = max(maxVal - minVal, 1.0)
        wanted = max(size / 90.0, 1.0)
        major = next((s for s in TICK_STEPS if span / s <= wanted), TICK_STEPS[-1])
        return [(major, 0), (major / 2, 0)]

    def tickStrings(self, values, scale, spacing):
        return [
            clock_time(self.origin + timedelta(seconds=float(v)), self.tz, seconds=spacing < 60)
            for v in values
        ]


def _relabel_legend(plot: pg.PlotWidget, names: dict[object, str]) -> None:
    """Give the legend's entries their names in the interface language (pyqtgraph keeps
    the name given when the item was added, both in the item and in the legend)."""
    legend = plot.getPlotItem().legend
    for item, name in names.items():
        item.opts["name"] = name
    if legend is None:
        return
    for sample, label in legend.items:
        name = names.get(sample.item)
        if name is not None:
            label.setText(name)
    legend.updateSize()


def _plot_widget(axis: pg.AxisItem | None = None) -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w", axisItems={"bottom": axis} if axis else None)
    for name in ("left", "bottom"):
        ax = widget.getAxis(name)
        ax.setPen(pg.mkPen(INK))
        ax.setTextPen(pg.mkPen(INK))
    # Same left margin on both plots: linked time axes then line up on screen.
    widget.getAxis("left").setWidth(LEFT_AXIS_PX)
    widget.showGrid(x=True, y=False, alpha=0.25)
    widget.setMenuEnabled(False)
    widget.hideButtons()
    return widget


class TimelinePlot(QWidget):
    """Gantt-style: per segment a planned bar, an actual bar and a projected bar."""

    def __init__(self, origin: datetime, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TimelinePlot")
        self.axis = ClockAxis(origin, tz)
        self.plot = _plot_widget(self.axis)
        self.plot.invertY(True)
        self.plot.addLegend(offset=(-10, 10), labelTextColor=INK)
        bars = {}
        for key, brush in (("planned", PLANNED), ("actual", ON_TIME), ("projected", PROJECTED)):
            bars[key] = pg.BarGraphItem(
                x0=[], width=[], y=[], height=BAR, brush=brush, pen=pg.mkPen(None), name=key
            )
            self.plot.addItem(bars[key])
        self.planned, self.actual, self.projected = bars["planned"], bars["actual"], bars["projected"]
        self._retranslate()
        pen = QPen(NOW, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.now_line = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        self.now_line.hide()
        self.plot.addItem(self.now_line)
        # Every segment keeps its label at a laptop's height: pyqtgraph leaves out tick
        # labels past 80 % of the axis by default, which hid three rows in four.
        left = self.plot.getAxis("left")
        label_font = QFont(left.font())
        label_font.setPointSize(9)
        left.setStyle(textFillLimits=[(0, 1.0)], tickFont=label_font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._n = -1
        self._titles: tuple[str, ...] = ()

    def _retranslate(self) -> None:
        self.plot.setLabel("bottom", QCoreApplication.translate("ReportPlots", "Time"))
        _relabel_legend(self.plot, {
            self.planned: QCoreApplication.translate("ReportPlots", "Planned"),
            self.actual: QCoreApplication.translate("ReportPlots", "Actual"),
            self.projected: QCoreApplication.translate("ReportPlots", "Projected"),
        })  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def set_origin(self, origin: datetime, tz: ZoneInfo) -> None:
        self.axis.origin = origin
        self.axis.tz = tz
        self.axis.picture = None
        self.axis.update()

    def _allocate(self, rows: list[GanttRow]) -> None:
        n = len(rows)
        self._n = n
        self._y = np.arange(n, dtype=float)
        self._planned_x0 = np.zeros(n)
        self._planned_w = np.zeros(n)
        self._actual_x0 = np.zeros(n)
        self._actual_w = np.zeros(n)
        self._proj_x0 = np.zeros(n)
        self._proj_w = np.zeros(n)
        self._late = np.zeros(n, dtype=bool)

    def set_rows(self, rows: list[GanttRow], now_s: float | None = None) -> None:
        """Draw ``rows``; cheap when only the actual/projected parts moved."""
        titles = tuple(r.title for r in rows)
        if len(rows) != self._n:
            self._allocate(rows)
        planned_changed = titles != self._titles
        for i, r in enumerate(rows):
            ps = r.planned_start if r.planned_start is not None else 0.0
            if self._planned_x0[i] != ps or self._planned_w[i] != r.planned_s:
                planned_changed = True
            self._planned_x0[i] = ps
            self._planned_w[i] = r.planned_s
            if r.actual_start is not None and r.actual_end is not None:
                self._actual_x0[i] = r.actual_start
                self._actual_w[i] = max(r.actual_end - r.actual_start, 0.0)
            else:
                self._actual_x0[i] = ps  # zero width: drawn as nothing, bounds stay sane
                self._actual_w[i] = 0.0
            if r.projected_start is not None and r.projected_end is not None:
                self._proj_x0[i] = r.projected_start
                self._proj_w[i] = max(r.projected_end - r.projected_start, 0.0)
            else:
                self._proj_x0[i] = ps
                self._proj_w[i] = 0.0
            self._late[i] = r.late
        if planned_changed:
            self._titles = titles
            self.planned.setOpts(
                x0=self._planned_x0, width=self._planned_w, y=self._y - BAR / 2, height=BAR
            )
            self.plot.getAxis("left").setTicks([[(i, _short(i, t)) for i, t in enumerate(titles)]])
            self.plot.setYRange(-0.7, max(len(rows), 1) - 0.3, padding=0)
        self.actual.setOpts(
            x0=self._actual_x0,
            width=self._actual_w,
            y=self._y + BAR / 2,
            height=BAR,
            brushes=[LATE if late else ON_TIME for late in self._late],
        )
        self.projected.setOpts(
            x0=self._proj_x0, width=self._proj_w, y=self._y + BAR / 2, height=BAR
        )
        self.set_now(now_s)

    def set_now(self, now_s: float | None) -> None:
        if now_s is None:
            self.now_line.hide()
        else:
            self.now_line.setPos(now_s)
            self.now_line.show()


def _short(index: int, title: str, limit: int = 24) -> str:
    """The segment's number and title, cut in the middle when long: titles of a show often
    share their start ("Représentant·e d'une ville d'Afrique du Nord / d'Europe / …"), so
    their ends are what tells the rows apart."""
    title = " ".join(title.split())
    if len(title) > limit:
        head = limit // 3
        title = f"{title[:head].rstrip()}…{title[-(limit - head - 1):].lstrip()}"
    return f"{index + 1}. {title}"


class OverUnderPlot(QWidget):
    """The show's over/under (minutes, positive late) through the run: a line of break
    points (the figure is flat or grows one second per second between them), shaded green
    where the show runs early and red where it runs late."""

    def __init__(self, origin: datetime, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OverUnderPlot")
        self.axis = ClockAxis(origin, tz)
        self.plot = _plot_widget(self.axis)
        self._retranslate()
        self.plot.addItem(pg.InfiniteLine(angle=0, pos=0, pen=pg.mkPen(INK, width=1)))
        none = pg.mkPen(None)
        self.late_fill = self.plot.plot([], [], pen=none, fillLevel=0, brush=LATE_FILL)
        self.early_fill = self.plot.plot([], [], pen=none, fillLevel=0, brush=EARLY_FILL)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(INK, width=2))
        self._points: list[tuple[float, float]] = []  # committed, with zero crossings
        self._x = np.empty(0)
        self._y = np.empty(0)
        self._tail: list[tuple[float, float]] = []
        self._y_range = (0.0, 0.0)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def _retranslate(self) -> None:
        self.plot.setLabel("left", QCoreApplication.translate("ReportPlots", "min (+ late)"))
        self.plot.setLabel("bottom", QCoreApplication.translate("ReportPlots", "Time"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def set_origin(self, origin: datetime, tz: ZoneInfo) -> None:
        self.axis.origin = origin
        self.axis.tz = tz
        self.axis.picture = None
        self.axis.update()

    @property
    def count(self) -> int:
        """Break points drawn (zero crossings included)."""
        return len(self._x)

    def points(self) -> list[tuple[float, float]]:
        """What is drawn, in seconds (for tests and exports)."""
        return [(float(x), float(y) * 60.0) for x, y in zip(self._x, self._y, strict=True)]

    def set_points(
        self, points: list[tuple[float, float]], tail: list[tuple[float, float]] | None = None
    ) -> None:
        """The whole line (seconds since the origin, seconds late); ``tail`` is the part
        after the last action, which ``set_tail`` moves each second."""
        self._points = with_zero_crossings([(x, y / 60.0) for x, y in points])
        self.set_tail(tail or [])

    def set_tail(self, tail: list[tuple[float, float]]) -> None:
        """Cheap per-second update: only the few points after the last action change."""
        tail_min = [(x, y / 60.0) for x, y in tail]
        if self._points:
            joined = with_zero_crossings(self._points[-1:] + tail_min)[1:]
        else:
            joined = with_zero_crossings(tail_min)
        self._tail = joined
        both = self._points + joined
        if both:
            xy = np.array(both, dtype=float)
            self._x, self._y = xy[:, 0], xy[:, 1]
        else:
            self._x, self._y = np.empty(0), np.empty(0)
        self._redraw()

    def _redraw(self) -> None:
        x, y = self._x, self._y
        self.curve.setData(x, y)
        self.late_fill.setData(x, np.maximum(y, 0.0))
        self.early_fill.setData(x, np.minimum(y, 0.0))
        # At least ±2 minutes, so an on-time show reads as flat, not as noise.
        low = min(float(y.min()) if len(y) else 0.0, -2.0)
        high = max(float(y.max()) if len(y) else 0.0, 2.0)
        if (low, high) != self._y_range:
            self._y_range = (low, high)
            self.plot.setYRange(low, high, padding=0.08)
