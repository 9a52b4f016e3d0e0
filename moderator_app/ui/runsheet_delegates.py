"""Cell editors for the run sheet table. They only collect text or a choice: the model
checks the value (and refuses it with a message) so every way of editing agrees."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from moderator_app.core.runsheet import SegmentKind
from moderator_app.ui.runsheet_icons import kind_icon, kind_label

_Index = QModelIndex | QPersistentModelIndex


class KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("KindEditor")
        for kind in SegmentKind:
            combo.addItem(kind_icon(kind), kind_label(kind), kind.value)
        # one click on a choice commits it, like a spreadsheet's drop-down
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TextDelegate(QStyledItemDelegate):
    """A line editor with a hint; optional completion (time zones).

    The hint is a function: it is translated when an editor opens, so it follows a
    language switch made after the table was built."""

    def __init__(
        self, placeholder: Callable[[], str], completions: list[str] | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self.placeholder = placeholder
        self.completions = completions

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(self.placeholder())
        edit.setFrame(False)
        if self.completions:
            completer = QCompleter(self.completions, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
        return edit

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


def duration_delegate(parent=None) -> TextDelegate:
    return TextDelegate(
        lambda: QCoreApplication.translate("RunSheetEditor", "5, 5 min, 0:05:00, 1h05, 90s"),
        parent=parent,
    )


def clock_delegate(parent=None) -> TextDelegate:
    return TextDelegate(
        lambda: QCoreApplication.translate(
            "RunSheetEditor", "16:05 — empty: follows the previous segment"
        ),
        parent=parent,
    )


def timezone_delegate(parent=None) -> TextDelegate:
    return TextDelegate(
        lambda: QCoreApplication.translate("RunSheetEditor", "e.g. America/Toronto"),
        sorted(available_timezones()),
        parent,
    )
