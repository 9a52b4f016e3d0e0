"""Small widget builders that several screens share, so that they look and act alike."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#c62828"


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is, line breaks kept.

    Qt renders any tooltip that looks like markup as rich text, so a question reading
    "<b>" or "<img src=…>" would be bold or a broken image; escaped into a paragraph it is
    shown literally (and long lines still wrap).
    """
    if not text:
        return ""
    lines = "\n".join(text.splitlines())
    return f'<p style="white-space:pre-wrap">{html.escape(lines, quote=False)}</p>'


def pages_of(widget: QWidget) -> QWidget | None:
    """The main window's pages (the tab widget) that ``widget`` sits in, if any."""
    from PySide6.QtWidgets import QTabWidget

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QTabWidget):
        parent = parent.parentWidget()
    return parent


def place_below_live_panel(dialog: QWidget, pages: QWidget) -> None:
    """Put ``dialog`` over the main window's ``pages``, below the live panel, message row
    and buttons: an import during the show must never cover the big digits. (A window
    manager may still move it; this is where the console asks for it.)"""
    if not pages.isVisible():
        return
    top_left = pages.mapToGlobal(pages.rect().topLeft())
    dialog.resize(min(dialog.width(), pages.width()), min(dialog.height(), pages.height()))
    dialog.move(top_left.x() + max(0, (pages.width() - dialog.width()) // 2), top_left.y())


def plain_label(point_size: int = 0, bold: bool = False) -> QLabel:
    """A label that never reads its text as markup (titles, names and questions come from
    outside), in a bigger or a bold font when asked."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    if point_size or bold:
        font = label.font()
        if point_size:
            font.setPointSize(point_size)
        font.setBold(bold)
        label.setFont(font)
    return label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel buttons wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def lay_out_form_dialog(dialog: QDialog, form: QFormLayout) -> QLabel:
    """Lays ``dialog`` out as its form, a red error line, then OK and Cancel.

    Returns the error line: the dialog's ``accept`` writes there why it refused to close
    (in plain text, since the reason may quote what was typed)."""
    error = QLabel()
    error.setTextFormat(Qt.TextFormat.PlainText)
    error.setStyleSheet(f"color:{ERROR_COLOUR};")
    error.setWordWrap(True)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(ok_cancel(dialog))
    return error
