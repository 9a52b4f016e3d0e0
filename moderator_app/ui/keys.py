"""Show keys that work anywhere in the window, except while the user types.

Qt shortcuts would fire even when a text field has focus for some keys, and eat the
key from the field. Instead one application event filter handles the show keys after
Qt's own shortcut map (so a page's own Ctrl+Z, scoped to it, still wins) and only when
the focus is not in something that takes typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# A widget with this property set takes every key as typing, arrows included: an editing
# grid (the run sheet editor's table), where ←/→ move between cells as in a spreadsheet.
TYPING_PROPERTY = "takesTyping"
# What a table or list keeps when it has focus: ↑/↓ move its selection. ←/→ stay show keys
# (previous / next segment): a clicked rundown row or a selected question must not swallow them.
TABLE_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down}


def is_typing_target(widget: QWidget | None, key: int) -> bool:
    """True when ``widget`` would use ``key`` as typing or editing: a text field, an open cell
    editor, an editing grid; in any other table or list only ↑/↓."""
    while widget is not None:
        if widget.property(TYPING_PROPERTY):  # e.g. an editable table: letters start an edit
            return True
        if isinstance(widget, QLineEdit | QAbstractSpinBox | QKeySequenceEdit):
            return True
        if isinstance(widget, QTextEdit | QPlainTextEdit) and not widget.isReadOnly():
            return True
        if isinstance(widget, QComboBox) and widget.isEditable():
            return True
        if isinstance(widget, QAbstractItemView):
            if widget.state() == QAbstractItemView.State.EditingState:
                return True
            return key in TABLE_KEYS
        widget = widget.parentWidget()
    return False


def key_sequence(event: QKeyEvent) -> QKeySequence:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    if key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Equal):
        mods &= ~Qt.KeyboardModifier.ShiftModifier  # "+" needs Shift on many layouts
    return QKeySequence(event.keyCombination().key().value | mods.value)


class ShowKeys(QObject):
    """Maps key sequences to callables for the windows it is told about."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bindings: dict[str, Callable[[], None]] = {}
        self._windows: list[QWidget] = []

    def bind(self, sequence: str | QKeySequence, handler: Callable[[], None]) -> None:
        seq = QKeySequence(sequence)
        self._bindings[seq.toString(QKeySequence.SequenceFormat.PortableText)] = handler

    def bound(self) -> list[str]:
        """Every bound key sequence, in portable text (for the help and its tests)."""
        return list(self._bindings)

    def watch(self, window: QWidget) -> None:
        if window not in self._windows:
            self._windows.append(window)

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(obj, QWidget) or obj.window() not in self._windows:
            return False
        if event.isAutoRepeat():
            return event.key() == Qt.Key.Key_Space  # a held Space must not toggle twice
        # The receiver is the focus widget, or the widget typed into when the window is not
        # (yet) the active one: either way a field that takes typing keeps its keys.
        focus = QApplication.focusWidget() or obj
        if is_typing_target(focus, event.key()):
            return False
        seq = key_sequence(event).toString(QKeySequence.SequenceFormat.PortableText)
        handler = self._bindings.get(seq)
        if handler is None:
            return False
        handler()
        return True
