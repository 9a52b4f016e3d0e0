"""Help → About: the version, and what it runs on (useful when someone reports a problem)."""

from __future__ import annotations

import platform
import sys

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from moderator_app import __version__


def about_text() -> str:
    return QCoreApplication.translate(
        "About",
        "Moderator console {0}\n\n"
        "A run-of-show timer, question queue, run sheet editor and timing reports for "
        "live webinars and panels.\n\n"
        "Qt {1} · PySide6 {2} · Python {3} · {4}",
    ).format(
        __version__,
        qVersion(),
        PySide6.__version__,
        platform.python_version(),
        "bundled" if getattr(sys, "frozen", False) else platform.system(),
    )


def about_box(parent: QWidget | None) -> QMessageBox:
    """A window-modal box opened without a nested event loop: the timer keeps ticking."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About the moderator console"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(about_text())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    if parent is not None and not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setObjectName("AboutBox")
    # Gone once closed: a hidden box would keep its language after a switch.
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
