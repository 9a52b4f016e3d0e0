"""A plain-text label whose font shrinks so its text is never clipped."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

MIN_POINT_SIZE = 10


class FitLabel(QLabel):
    """Big figures vary in width ("4:59", "-1:02:05", "90 d 4 h"): keep them whole.

    The font stays at ``max_point_size`` whenever the text fits, so the usual figures
    never change size from one second to the next.
    """

    def __init__(self, max_point_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_point_size = max_point_size

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        font = self.font()
        font.setPointSize(self.max_point_size)
        available = self.contentsRect().width() - 8
        needed = QFontMetrics(font).horizontalAdvance(self.text())
        size = self.max_point_size
        if available > 0 and needed > available:
            size = max(MIN_POINT_SIZE, int(self.max_point_size * available / needed))
        if self.font().pointSize() != size:
            font.setPointSize(size)
            self.setFont(font)
