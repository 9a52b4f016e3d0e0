"""The whole show on one strip: the plan above, what happened and the re-plan below."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from moderator_app.core.clock import from_us
from moderator_app.core.engine import FINISHED, NOT_STARTED, OVERTIME, Snapshot, TimerEngine
from moderator_app.core.runsheet import Show
from moderator_app.ui.formatting import PHASE_COLOURS, clock_time, show_zone
from moderator_app.ui.widgets import plain_tooltip

PLANNED_FILL = (QColor("#90a4ae"), QColor("#b0bec5"))
DONE_FILL = QColor("#546e7a")
FUTURE_FILL = QColor("#64b5f6")
LATE_EDGE = QColor("#c62828")
NOW_COLOUR = QColor("#d81b60")


@dataclass(frozen=True)
class Bar:
    index: int
    start: datetime
    end: datetime


def planned_bars(show: Show, snap: Snapshot) -> list[Bar]:
    return [
        Bar(i, start, start + timedelta(seconds=seg.planned_duration_s))
        for i, (seg, start) in enumerate(zip(show.segments, snap.planned_starts, strict=False))
    ]


def actual_bars(show: Show, engine: TimerEngine, snap: Snapshot) -> list[Bar]:
    """Done segments where they really ran, the current one to its projected end,
    the rest where the re-plan puts them; segments skipped over are left out."""
    bars = []
    records = engine.state.records
    for i, seg in enumerate(show.segments):
        if i >= len(snap.projected_starts):
            break
        rec = records.get(seg.id)
        if i == snap.current_index and snap.state != FINISHED and rec is not None:
            start = from_us(rec.first_start_us) if rec.first_start_us else snap.now
            end = snap.now + timedelta(seconds=max(snap.remaining_s, 0))
        elif rec is not None and rec.visits and rec.last_end_us is not None:
            start = from_us(rec.first_start_us) if rec.first_start_us else snap.projected_starts[i]
            end = from_us(rec.last_end_us)
        elif snap.current_index is not None and i < snap.current_index:
            continue  # skipped: it never ran and is no longer ahead of us
        else:
            start = snap.projected_starts[i]
            added = rec.added_s if rec else 0
            spent = (rec.elapsed_us / 1e6) if rec else 0
            end = start + timedelta(seconds=max(seg.planned_duration_s + added - spent, 0))
        bars.append(Bar(i, start, max(end, start)))
    return bars


class TimelineStrip(QWidget):
    """Custom-painted: planned row, actual/projected row, and a "now" marker."""

    def __init__(self, show: Show, engine: TimerEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show = show
        self.engine = engine
        self.snap: Snapshot | None = None
        self.setObjectName("Timeline")
        self.setMinimumHeight(44)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(600, 48)

    def update_snapshot(self, snap: Snapshot) -> None:
        self.snap = snap
        self.update()

    def span(self) -> tuple[datetime, datetime] | None:
        snap = self.snap
        if snap is None or not self.show.segments:
            return None
        bars = planned_bars(self.show, snap) + actual_bars(self.show, self.engine, snap)
        first = min(b.start for b in bars)
        last = max(max(b.end for b in bars), snap.projected_end, snap.planned_end)
        if last <= first:
            last = first + timedelta(minutes=1)  # zero-length show still draws
        return first, last

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.fillRect(rect, self.palette().base())
        span = self.span()
        snap = self.snap
        if span is None or snap is None:
            painter.setPen(self.palette().text().color())
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("TimelineStrip", "No segments in the run sheet"),
            )
            painter.end()
            return
        first, last = span
        total = (last - first).total_seconds()
        label_w = 0.0
        left, width = rect.left() + label_w, rect.width() - label_w

        def x_of(moment: datetime) -> float:
            share = (moment - first).total_seconds() / total
            return left + min(max(share, 0.0), 1.0) * width

        row_h = (rect.height() - 4) / 2
        top = QRectF(left, rect.top(), width, row_h)
        bottom = QRectF(left, rect.top() + row_h + 4, width, row_h)
        font = painter.font()
        font.setPointSizeF(max(7.0, row_h * 0.45))
        painter.setFont(font)

        planned = planned_bars(self.show, snap)
        for bar in planned:
            box = QRectF(x_of(bar.start), top.top(), x_of(bar.end) - x_of(bar.start), row_h)
            painter.fillRect(box, PLANNED_FILL[bar.index % 2])
            self._label(painter, box, bar.index, QColor("#263238"))

        for bar in actual_bars(self.show, self.engine, snap):
            box = QRectF(x_of(bar.start), bottom.top(), x_of(bar.end) - x_of(bar.start), row_h)
            if bar.index == snap.current_index and snap.state not in (NOT_STARTED, FINISHED):
                fill = PHASE_COLOURS[snap.phase]
            elif bar.end <= snap.now:
                fill = DONE_FILL
            else:
                fill = FUTURE_FILL
            painter.fillRect(box, fill)
            painter.setPen(QPen(self.palette().base().color(), 1))
            painter.drawLine(box.topLeft(), box.bottomLeft())
            late = bar.index < len(planned) and bar.end > planned[bar.index].end
            if late and bar.index == snap.current_index and snap.phase == OVERTIME:
                painter.setPen(QPen(LATE_EDGE, 2))
                painter.drawRect(box)
            self._label(painter, box, bar.index, QColor("white"))

        # The promised end, then "now", drawn last so it is never hidden.
        painter.setPen(QPen(QColor("#37474f"), 1, Qt.PenStyle.DashLine))
        end_x = x_of(snap.planned_end)
        painter.drawLine(end_x, rect.top(), end_x, rect.bottom())
        now_x = x_of(snap.now)
        painter.setPen(QPen(NOW_COLOUR, 3))
        painter.drawLine(now_x, rect.top(), now_x, rect.bottom())
        painter.end()

    def _label(self, painter: QPainter, box: QRectF, index: int, colour: QColor) -> None:
        text = str(index + 1)
        if box.width() < painter.fontMetrics().horizontalAdvance(text) + 4:
            return
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def tooltip_for(self, x: float) -> str:
        """Which segment is under ``x`` on the plan row (used for the tooltip)."""
        span = self.span()
        if span is None or self.snap is None:
            return ""
        first, last = span
        moment = first + (last - first) * max(0.0, min(1.0, x / max(self.width(), 1)))
        tz = show_zone(self.show)
        for bar in planned_bars(self.show, self.snap):
            if bar.start <= moment < bar.end:
                seg = self.show.segments[bar.index]
                return f"{bar.index + 1}. {seg.title}  {clock_time(bar.start, tz)}–{clock_time(bar.end, tz)}"
        return ""

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            text = self.tooltip_for(event.pos().x())
            self.setToolTip(plain_tooltip(text))
        return super().event(event)
