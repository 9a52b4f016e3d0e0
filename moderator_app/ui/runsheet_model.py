"""The run sheet editor's item model: a thin table over the session's show.

Edits never change the show here: ``setData`` and drops build an ``Edit`` and hand it to
``commit`` (the editor's undo stack), which journals it; the model then follows the
session's ``runsheet.`` actions, mapping each change onto row inserts, removals, moves or
``dataChanged`` for the cells concerned. It keeps its own list of row ids so those
notifications always describe the change from the state the view knew.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from moderator_app.app.runsheet import ShowSession
from moderator_app.core.actions import Changes
from moderator_app.core.cues import format_cues
from moderator_app.core.durations import format_duration
from moderator_app.core.engine import PAUSED, RUNNING, Snapshot
from moderator_app.core.runsheet import Segment, Show
from moderator_app.core.runsheet_edit import Edit, EditRefused, move, set_field
from moderator_app.ui.formatting import clock_time, time_of_day
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.runsheet_icons import kind_icon, kind_label
from moderator_app.ui.widgets import plain_tooltip

(
    COL_START, COL_END, COL_DURATION, COL_TITLE, COL_KIND, COL_SPEAKER, COL_ORGANISATION,
    COL_REGION, COL_TIMEZONE, COL_WARNING, COL_DANGER, COL_NOTES, COL_CUES, COL_AUTO_START,
) = range(14)  # fmt: skip
COLUMN_COUNT = 14
FIELDS = {
    COL_START: "hard_start", COL_DURATION: "planned_duration_s", COL_TITLE: "title",
    COL_KIND: "kind", COL_SPEAKER: "speaker", COL_ORGANISATION: "organisation",
    COL_REGION: "region", COL_TIMEZONE: "speaker_timezone", COL_WARNING: "warning_s",
    COL_DANGER: "danger_s", COL_NOTES: "notes", COL_CUES: "cues", COL_AUTO_START: "auto_start",
}  # fmt: skip
TIME_COLUMNS = (COL_START, COL_END)
SegmentRole = Qt.ItemDataRole.UserRole + 1  # the raw Segment of a row
MIME_ROWS = "application/x-moderator-runsheet-rows"

_Index = QModelIndex | QPersistentModelIndex


def cues_tooltip(show: Show, seg: Segment) -> str:
    how = QCoreApplication.translate(
        "RunSheetModel",
        "Messages sent by themselves: “2:00 2 minutes; 0:30! Wrap up; +0:00! Time is up” "
        "(+ past the end, ! with the chime). Empty: the show's cues; “none”: no cues.",
    )
    own = format_cues(show.cues_of(seg))
    return f"{own}\n\n{how}" if own else how


class RunSheetModel(QAbstractTableModel):
    refused = Signal(QModelIndex, str)  # a cell edit that was not accepted, and why

    def __init__(
        self,
        session: ShowSession,
        commit: Callable[[Edit], bool] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.commit = commit or (lambda edit: False)
        self._ids = [s.id for s in session.show.segments]
        self._starts: list[datetime] = session.show.planned_starts()
        self.current_index: int | None = None
        self.live = False
        session.subscribe_changes(self._on_change)

    @property
    def show(self) -> Show:
        return self.session.show

    # -- reading ---------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("RunSheetModel", "Start"), QCoreApplication.translate("RunSheetModel", "End"), QCoreApplication.translate("RunSheetModel", "Duration"), QCoreApplication.translate("RunSheetModel", "Title"), QCoreApplication.translate("RunSheetModel", "Kind"),
            QCoreApplication.translate("RunSheetModel", "Speaker"), QCoreApplication.translate("RunSheetModel", "Organisation"), QCoreApplication.translate("RunSheetModel", "Region"), QCoreApplication.translate("RunSheetModel", "Speaker time zone"),
            QCoreApplication.translate("RunSheetModel", "Warning"), QCoreApplication.translate("RunSheetModel", "Danger"), QCoreApplication.translate("RunSheetModel", "Notes"),
            QCoreApplication.translate("RunSheetModel", "Cues"), QCoreApplication.translate("RunSheetModel", "Auto-start"),
        ]  # fmt: skip

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return str(section + 1)

    def segment(self, row: int) -> Segment | None:
        if not 0 <= row < len(self._ids):
            return None
        return self.show.segment(self._ids[row])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        seg = self.segment(index.row())
        if seg is None:
            return None
        col = index.column()
        if role == SegmentRole:
            return seg
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(seg, index.row(), col)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(seg, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_KIND:
            return kind_icon(seg.kind)
        if role == Qt.ItemDataRole.FontRole and col == COL_START and seg.hard_start:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_START:
                return (
                    QCoreApplication.translate("RunSheetModel", "Hard start: this segment waits for its clock time")
                    if seg.hard_start else QCoreApplication.translate("RunSheetModel", "Follows the previous segment; type a time to fix it")
                )  # fmt: skip
            if col in (COL_TITLE, COL_NOTES):
                return plain_tooltip(self._display(seg, index.row(), col)) or None
            if col == COL_CUES:
                return plain_tooltip(cues_tooltip(self.show, seg))
            if col == COL_AUTO_START:
                return QCoreApplication.translate(
                    "RunSheetModel",
                    "Starts by itself at its hard start if the segment before is still on air",
                )
        if role == Qt.ItemDataRole.ForegroundRole and self._past(index.row()):
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.BackgroundRole and self._on_air(index.row()):
            return QBrush(QColor("#fff3c4"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            COL_START, COL_END, COL_DURATION, COL_WARNING, COL_DANGER,
        ):  # fmt: skip
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, seg: Segment, row: int, col: int) -> str:
        tz = self.show.tz
        if col == COL_START:
            start = self._starts[row] if row < len(self._starts) else None
            text = clock_time(start, tz) if start else ""
            return f"⚑ {text}" if seg.hard_start else text
        if col == COL_END:
            if row >= len(self._starts):
                return ""
            end = self._starts[row] + timedelta(seconds=seg.planned_duration_s)
            return clock_time(end, tz)
        if col == COL_DURATION:
            return format_duration(seg.planned_duration_s)
        if col == COL_KIND:
            return kind_label(seg.kind)
        if col in (COL_WARNING, COL_DANGER):
            value = seg.warning_s if col == COL_WARNING else seg.danger_s
            return "" if value is None else format_duration(value)
        if col == COL_CUES:
            if seg.cues is None:  # the show's cues, in brackets: they are not the segment's own
                shown = format_cues(self.show.cues_of(seg))
                return f"({shown})" if shown else ""
            return format_cues(seg.cues) or QCoreApplication.translate("RunSheetModel", "none")
        if col == COL_AUTO_START:
            return QCoreApplication.translate("RunSheetModel", "yes") if seg.auto_start else ""
        field = FIELDS.get(col)
        return str(getattr(seg, field)) if field else ""

    def _edit_text(self, seg: Segment, col: int) -> Any:
        if col == COL_START:
            return time_of_day(seg.hard_start) if seg.hard_start else ""
        if col == COL_DURATION:
            return format_duration(seg.planned_duration_s)
        if col == COL_KIND:
            return seg.kind.value
        if col in (COL_WARNING, COL_DANGER):
            value = seg.warning_s if col == COL_WARNING else seg.danger_s
            return "" if value is None else format_duration(value)
        if col == COL_CUES:
            return "" if seg.cues is None else (format_cues(seg.cues) or "none")
        if col == COL_AUTO_START:
            return "yes" if seg.auto_start else ""
        field = FIELDS.get(col)
        return str(getattr(seg, field)) if field else None

    def _past(self, row: int) -> bool:
        return self.live and self.current_index is not None and row < self.current_index

    def _on_air(self, row: int) -> bool:
        return self.live and row == self.current_index

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in FIELDS and not self.session.readonly:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing ---------------------------------------------------------------------------
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = FIELDS.get(index.column())
        seg = self.segment(index.row())
        if field is None or seg is None:
            return False
        if value == self._edit_text(seg, index.column()):
            return False  # nothing changed: no journal entry, no undo step
        try:
            edit = set_field(self.show, index.row(), field, value)
        except EditRefused as exc:
            self.refused.emit(QModelIndex(index), refusal_text(exc))
            return False
        if edit.before == edit.after:
            return False
        return self.commit(edit)

    # -- drag and drop (reorder) -----------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_ROWS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME_ROWS, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_ROWS):
            return False
        rows = [int(r) for r in bytes(data.data(MIME_ROWS).data()).decode().split(",") if r]
        if len(rows) != 1:
            return False
        source = rows[0]
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        to = target - 1 if target > source else target
        if to == source:
            return False
        try:
            edit = move(self.show, source, min(to, self.rowCount() - 1))
        except EditRefused as exc:
            self.refused.emit(self.index(source, COL_TITLE), refusal_text(exc))
            return False
        self.commit(edit)
        return True  # the move is ours; the view must not remove anything

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return False  # rows go only through delete edits

    # -- following the session -------------------------------------------------------------
    def _on_change(self, change: Changes) -> None:
        if change.runsheet:
            self.sync(change.action.payload.get("segment"))

    def sync(self, segment_id: str | None = None) -> None:
        """Bring the rows in line with the run sheet, with the narrowest notification."""
        old, new = self._ids, [s.id for s in self.show.segments]
        self._starts = self.show.planned_starts()
        n = len(new)
        if old == new:
            row = old.index(segment_id) if segment_id in old else None
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
            if n:  # times after an edited row follow it
                self.dataChanged.emit(self.index(0, COL_START), self.index(n - 1, COL_END))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(n - 1, 0))
            return
        if len(new) == len(old) + 1:
            i = next((k for k in range(len(old)) if old[k] != new[k]), len(old))
            if new[:i] + new[i + 1 :] == old:
                self.beginInsertRows(QModelIndex(), i, i)
                self._ids = new
                self.endInsertRows()
                return self.sync(None)
        if len(new) == len(old) - 1:
            i = next((k for k in range(len(new)) if old[k] != new[k]), len(new))
            if old[:i] + old[i + 1 :] == new:
                self.beginRemoveRows(QModelIndex(), i, i)
                self._ids = new
                self.endRemoveRows()
                return self.sync(None)
        if sorted(old) == sorted(new):
            moved = _single_move(old, new)
            if moved is not None:
                src, dst = moved
                dest = dst + 1 if dst > src else dst  # Qt counts the destination before removal
                if self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dest):
                    self._ids = new
                    self.endMoveRows()
                    return self.sync(None)
        self.beginResetModel()
        self._ids = new
        self.endResetModel()
        return None

    def update_snapshot(self, snap: Snapshot) -> None:
        live = snap.state in (RUNNING, PAUSED)
        if live == self.live and snap.current_index == self.current_index:
            return
        self.live = live
        self.current_index = snap.current_index
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, COLUMN_COUNT - 1)
            )

    # -- totals ----------------------------------------------------------------------------
    def totals(self) -> tuple[int, datetime, datetime | None, float]:
        """Total planned seconds, computed end, promised end, and over (+) / under (-)."""
        show = self.show
        total = sum(s.planned_duration_s for s in show.segments)
        end = show.computed_end()
        over = (end - show.planned_end).total_seconds() if show.planned_end else 0.0
        return total, end, show.planned_end, over


def _single_move(old: list[str], new: list[str]) -> tuple[int, int] | None:
    """(from, to) if ``new`` is ``old`` with one row moved."""
    for src, ident in enumerate(old):
        if new[src] == ident:
            continue
        dst = new.index(ident)
        trial = list(old)
        trial.insert(dst, trial.pop(src))
        if trial == new:
            return src, dst
        # the row that moved may be the one arriving here instead
        other = new[src]
        src2 = old.index(other)
        trial = list(old)
        trial.insert(src, trial.pop(src2))
        return (src2, src) if trial == new else None
    return None
