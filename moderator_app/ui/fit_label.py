"""Plain-text labels whose font shrinks so their text is never clipped."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from moderator_app.ui.widgets import plain_tooltip

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


class WrapFitLabel(QLabel):
    """Wrapped plain text that keeps to its box: the font shrinks (down to ``min_point_size``)
    until every line fits, so a long title or note is read whole rather than cut.

    Its size never depends on its text (the layout around it must not jump when the
    segment changes): the box is what the layout gives it. Text that does not fit even at
    the smallest size is elided at the end, and the label's tooltip then holds all of it.
    """

    def __init__(self, max_point_size: int, min_point_size: int = 9, *, bold: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.max_point_size = max_point_size
        self.min_point_size = min_point_size
        self.bold = bold
        self.full_text = ""
        self.elided = False
        font = self.font()
        font.setBold(bold)
        font.setPointSize(max_point_size)
        super().setFont(font)

    def setText(self, text: str) -> None:
        if text != self.full_text:
            self.full_text = text
            self.fit()

    def text_fits(self, text: str, font: QFont) -> bool:
        rect = self.contentsRect()
        if rect.width() <= 0 or rect.height() <= 0:
            return True
        flags = int(Qt.TextFlag.TextWordWrap | self.alignment())
        box = QFontMetrics(font).boundingRect(QRect(0, 0, rect.width(), 10**6), flags, text)
        return box.height() <= rect.height() and box.width() <= rect.width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        text = self.full_text
        font = QFont(self.font())
        size = self.max_point_size
        font.setPointSize(size)
        while size > self.min_point_size and not self.text_fits(text, font):
            size -= 1
            font.setPointSize(size)
        shown = text
        if not self.text_fits(text, font):
            shown = self._elide(text, font)
        self.elided = shown != text
        if self.font().pointSize() != size:
            super().setFont(font)
        super().setText(shown)
        self.setToolTip(plain_tooltip(text) if self.elided else "")

    def _elide(self, text: str, font: QFont) -> str:
        """The longest start of ``text`` (cut at a word) that fits with an ellipsis."""
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.text_fits(text[:mid].rstrip() + "…", font):
                lo = mid
            else:
                hi = mid - 1
        cut = text[:lo]
        if " " in cut[lo // 2 :]:
            cut = cut[: cut.rfind(" ")]
        return cut.rstrip() + "…"
