"""A thin read-only table model over report rows (segments, questions, comparison rows).

Columns are (header, text function, colour function); the raw row object is available
under ``RAW_ROLE``. A new report replaces the rows at once (a reset): reports are rebuilt
whole, never edited in place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from moderator_app.core.durations import format_duration
from moderator_app.ui.formatting import clock_time

RAW_ROLE = Qt.ItemDataRole.UserRole + 1
LATE = QColor("#c62828")
EARLY = QColor("#2e7d32")


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[object], str]
    colour: Callable[[object], float | None] | None = None  # signed seconds: red if > 0
    align_right: bool = False


def unknown() -> str:
    return QCoreApplication.translate("Report", "unknown")


def clock(moment: datetime | None, tz: ZoneInfo, blank: bool = False) -> str:
    if moment is None:
        return "" if blank else unknown()
    return clock_time(moment, tz, seconds=True)


def duration(seconds: float | None, signed: bool = False, blank: bool = False) -> str:
    if seconds is None:
        return "" if blank else unknown()
    return format_duration(seconds, signed=signed, always_hours=False)


class ReportTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[object] = []

    def set_rows(self, rows: Sequence[object]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column]) -> None:
        """The same columns in another language: headers and cells are told to repaint
        (rows, selection and scroll position stay)."""
        if len(columns) != len(self.columns):
            raise ValueError("set_columns relabels columns; it does not add or remove any")
        self.columns = list(columns)
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows and self.columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == RAW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and col.colour is not None:
            value = col.colour(row)
            if value is None or abs(value) < 1:
                return None
            return LATE if value > 0 else EARLY
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
