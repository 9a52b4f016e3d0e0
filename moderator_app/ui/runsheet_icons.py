"""Segment kinds: translated names and small painted icons (colour plus a symbol, so a
kind reads without colour too, in any language)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from moderator_app.core.runsheet import SegmentKind

# Symbols, not initials: a letter is the initial of an English word only (Speaker is
# "Intervention" in French, whose I would clash with Introduction's).
KIND_STYLE = {
    SegmentKind.WELCOME: ("#2e7d32", "▶"),  # the show begins
    SegmentKind.INTRODUCTION: ("#00838f", "»"),  # leads into what follows
    SegmentKind.SPEAKER: ("#1565c0", "❝"),  # someone speaks
    SegmentKind.QA: ("#6a1b9a", "?"),
    SegmentKind.CONCLUSIONS: ("#ef6c00", "∑"),  # the sum of it
    SegmentKind.CLOSING: ("#c62828", "■"),  # the show stops
    SegmentKind.BREAK: ("#6d4c41", "☕"),
    SegmentKind.OTHER: ("#757575", "·"),
}


def kind_label(kind: SegmentKind) -> str:
    return {
        SegmentKind.WELCOME: QCoreApplication.translate("SegmentKind", "Welcome"),
        SegmentKind.INTRODUCTION: QCoreApplication.translate("SegmentKind", "Introduction"),
        SegmentKind.SPEAKER: QCoreApplication.translate("SegmentKind", "Speaker"),
        SegmentKind.QA: QCoreApplication.translate("SegmentKind", "Q&A"),
        SegmentKind.CONCLUSIONS: QCoreApplication.translate("SegmentKind", "Conclusions"),
        SegmentKind.CLOSING: QCoreApplication.translate("SegmentKind", "Closing"),
        SegmentKind.BREAK: QCoreApplication.translate("SegmentKind", "Break"),
        SegmentKind.OTHER: QCoreApplication.translate("SegmentKind", "Other"),
    }[kind]


@cache
def kind_icon(kind: SegmentKind) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(_paint(kind, size))
    return icon


def _paint(kind: SegmentKind, size: int) -> QPixmap:
    colour, glyph = KIND_STYLE[kind]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    rect = QRectF(1, 1, size - 2, size - 2)
    painter.drawRoundedRect(rect, size * 0.25, size * 0.25)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap
