"""The live rundown: the run sheet with plan, projection and what actually happened."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from moderator_app.core.clock import to_us
from moderator_app.core.durations import format_duration
from moderator_app.core.engine import FINISHED, Snapshot
from moderator_app.core.runsheet import Show
from moderator_app.ui.formatting import clock_time, over_under_text, show_zone

COL_INDEX, COL_PLANNED, COL_PROJECTED, COL_TITLE, COL_SPEAKER, COL_DURATION, COL_ACTUAL = range(7)
SegmentRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class RundownModel(QAbstractTableModel):
    """Read-only; refreshed from snapshots, emitting dataChanged only for live columns."""

    def __init__(self, show: Show, engine: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.show = show
        self.engine = engine
        self.snap: Snapshot | None = None
        self._rows = len(show.segments)

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Planned"),
            self.tr("Projected"),
            self.tr("Segment"),
            self.tr("Speaker"),
            self.tr("Duration"),
            self.tr("Actual"),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.show.segments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def update(self, snap: Snapshot) -> None:
        """Take a new snapshot; reset only if the run sheet's shape changed."""
        old = self.snap
        self.snap = snap
        if len(self.show.segments) != self._rows:
            self.beginResetModel()
            self._rows = len(self.show.segments)
            self.endResetModel()
            return
        if not self._rows:
            return
        if old is None or old.current_index != snap.current_index or old.state != snap.state:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, COL_ACTUAL))
        else:
            # One cell at a time, and only those whose minute changed: a multi-cell
            # dataChanged makes the view repaint its whole viewport every second.
            tz = show_zone(self.show)
            for row in range(
                min(self._rows, len(snap.projected_starts), len(old.projected_starts))
            ):
                if clock_time(snap.projected_starts[row], tz) != clock_time(
                    old.projected_starts[row], tz
                ):
                    cell = self.index(row, COL_PROJECTED)
                    self.dataChanged.emit(cell, cell)
            if snap.current_index is not None:
                row = snap.current_index
                self.dataChanged.emit(self.index(row, COL_ACTUAL), self.index(row, COL_ACTUAL))

    def runsheet_changed(self) -> None:
        self.beginResetModel()
        self._rows = len(self.show.segments)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.show.segments):
            return None
        row, col = index.row(), index.column()
        seg = self.show.segments[row]
        snap = self.snap
        current = snap is not None and snap.current_index == row and snap.state != FINISHED
        if role == SegmentRole:
            return seg
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col, seg, snap)
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QBrush(QColor(255, 213, 79, 90))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PROJECTED and snap is not None:
            delta = (snap.projected_starts[row] - snap.planned_starts[row]).total_seconds()
            return over_under_text(delta)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            COL_INDEX,
            COL_DURATION,
            COL_ACTUAL,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: int, col: int, seg: Any, snap: Snapshot | None) -> str | None:
        tz = show_zone(self.show)  # an unknown zone falls back to UTC
        if col == COL_INDEX:
            marker = "▶ " if snap is not None and snap.current_index == row and snap.live else ""
            return f"{marker}{row + 1}"
        if col == COL_PLANNED:
            return clock_time(snap.planned_starts[row], tz) if snap else ""
        if col == COL_PROJECTED:
            return clock_time(snap.projected_starts[row], tz) if snap else ""
        if col == COL_TITLE:
            return seg.title
        if col == COL_SPEAKER:
            return " — ".join(p for p in (seg.speaker, seg.organisation) if p)
        if col == COL_DURATION:  # the time it has: the plan with the minutes added or removed
            rec = self.engine.state.records.get(seg.id)
            added = rec.added_s if rec is not None else 0
            allotted = format_duration(max(seg.planned_duration_s + added, 0))
            return f"{allotted} ({format_duration(added, signed=True)})" if added else allotted
        if col == COL_ACTUAL:
            rec = self.engine.state.records.get(seg.id)
            if rec is None or rec.visits == 0 or snap is None:
                return ""
            now_us = to_us(snap.now)
            return format_duration(self.engine.elapsed_us(seg.id, now_us) / 1_000_000)
        return None
