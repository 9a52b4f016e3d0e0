"""The stage display: a clean timer for speakers, on a second screen or shared as a window.

``StageView`` paints everything itself from the widget's size, so the digits, the title
and the message scale with the window; the moderator view shows the same class small as
a live preview. ``StageWindow`` is the top-level window (screen choice, full screen,
what happens when its screen is unplugged).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QScreen,
)
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from moderator_app.app.presenter import BIG_READY, BIG_STARTS_IN, LiveView, present
from moderator_app.core.durations import format_duration
from moderator_app.core.engine import FINISHED, OVERTIME, PAUSED, Snapshot
from moderator_app.core.runsheet import Show
from moderator_app.ui.formatting import (
    STAGE_COLOURS,
    big_text,
    clock_time,
    phase_label,
)
from moderator_app.ui.side_timer_words import timer_name, timers_text

BLINK_MS = 500
DIGIT_FAMILIES = ["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"]
MESSAGE_BG = QColor("#ffd600")
MESSAGE_FG = QColor("#111111")
QUESTION_BG = QColor("#263238")
STAGE_OVERTIME_BG = QColor("#c62828")


@dataclass(frozen=True)
class StageOptions:
    """What the stage shows; machine settings, toggled live by the moderator."""

    clock: bool = True
    title: bool = True
    speaker: bool = True
    messages: bool = True
    blackout: bool = False


@dataclass(frozen=True)
class StageContent:
    digits: str = ""
    phase: str = "normal"
    phase_text: str = ""
    title: str = ""
    speaker: str = ""
    clock: str = ""
    message: str = ""
    message_blink: bool = False
    overtime: bool = False
    paused: bool = False
    question: str = ""  # the question on air, if the moderator shows it on stage
    question_by: str = ""  # its asker and organisation
    timers: str = ""  # the side timers (answer, aux) as one line under the phase
    timers_overtime: bool = False


def stage_content(
    show: Show,
    snap: Snapshot,
    options: StageOptions,
    question: tuple[str, str] | None = None,
) -> StageContent:
    """The texts the stage shows for ``snap``; ``question`` is the on-air question's text
    and asker line, when shown on stage."""
    return content_of(present(show, snap, question=question), options)


def content_of(view: LiveView, options: StageOptions) -> StageContent:
    """The presenter's ``view`` in the speakers' words (pure: the views only paint it)."""
    title = speaker = ""
    if view.current is not None:
        title, speaker = view.current.title, view.current.who
    digits = big_text(view)
    if view.big_kind == BIG_STARTS_IN:
        phase_text = QCoreApplication.translate("StageView", "Starts in")
    elif view.big_kind == BIG_READY:
        phase_text = QCoreApplication.translate("StageView", "Ready")
    elif view.state == FINISHED:
        # The speakers need no final over/under: the stage says thank you, nothing else.
        digits = ""
        phase_text = QCoreApplication.translate("StageView", "Thank you")
        title = speaker = ""
    else:
        phase_text = f"{view.symbol} {phase_label(view.phase)}"
        if view.phase == OVERTIME and view.live:
            phase_text += " +" + format_duration(view.overtime_s)
        if view.state == PAUSED:
            phase_text = "❚❚ " + QCoreApplication.translate("StageView", "Paused")
    if not view.has_segments:
        title = QCoreApplication.translate("StageView", "No segment")
    main = view.stage_main
    phase = view.phase
    overtime = view.phase == OVERTIME and view.live
    paused = view.state == PAUSED
    if main is not None and view.state != FINISHED:
        # An aux timer set to show "in place of the main figure" takes the big digits,
        # coloured by its own state, not the schedule's.
        digits = main.figure
        phase_text = timer_name(main)
        phase = OVERTIME if main.overtime else "normal"
        overtime = main.overtime and main.running
        paused = not main.running
    message = view.message if options.messages else ""
    return StageContent(
        digits=digits,
        phase=phase,
        phase_text=phase_text,
        title=title if options.title else "",
        speaker=speaker if options.speaker else "",
        clock=clock_time(view.now, view.now.tzinfo) if options.clock else "",
        message=message,
        message_blink=view.message_blink and bool(message),
        overtime=overtime,
        paused=paused,
        question=view.question,
        question_by=view.question_by,
        timers=timers_text(view, skip_main=True),
        timers_overtime=any(t.overtime for t in view.timers if not t.main),
    )


def fit_point_size(
    font: QFont, text: str, width: float, height: float, wrap: bool = False
) -> float:
    """The largest point size at which ``text`` fits in width x height."""
    probe = QFont(font)
    probe.setPointSizeF(100.0)
    metrics = QFontMetricsF(probe)
    if not wrap:
        w = max(metrics.horizontalAdvance(text), 1.0)
        h = max(metrics.height(), 1.0)
        return max(4.0, min(width / w, height / h) * 100.0)
    lo, hi = 4.0, max(4.0, height / QFontMetricsF(probe).height() * 100.0)
    flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter)
    for _ in range(12):  # bisection; a dozen steps is sub-point precision
        mid = (lo + hi) / 2
        probe.setPointSizeF(mid)
        box = QFontMetricsF(probe).boundingRect(QRectF(0, 0, width, 1e6), flags, text)
        if box.height() <= height and box.width() <= width:
            lo = mid
        else:
            hi = mid
    return lo


class StageView(QWidget):
    """Black background, phase-coloured digits scaled to the widget, title, speaker,
    optional clock and a message band. Blackout paints nothing but black."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StageView")
        self.content = StageContent()
        self.options = StageOptions()
        self.blink_on = True
        self.digit_point_size = 0.0
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._toggle_blink)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._digit_font = QFont()
        self._digit_font.setFamilies(DIGIT_FAMILIES)
        self._digit_font.setBold(True)
        self._digit_font.setStyleHint(QFont.StyleHint.Monospace)

    def sizeHint(self) -> QSize:
        return QSize(960, 540)

    def set_content(self, content: StageContent, options: StageOptions) -> None:
        changed = content != self.content or options != self.options
        self.content = content
        self.options = options
        blinking = (content.message_blink or content.overtime) and not options.blackout
        if blinking and not self._blink.isActive():
            self.blink_on = True
            self._blink.start()
        elif not blinking and self._blink.isActive():
            self._blink.stop()
            self.blink_on = True
        if changed:
            self.update()

    def set_blackout(self, on: bool) -> None:
        self.set_content(self.content, replace(self.options, blackout=on))

    def _toggle_blink(self) -> None:
        self.blink_on = not self.blink_on
        self.update()

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor("black"))
        if self.options.blackout:
            painter.end()
            return
        c = self.content
        w, h = float(self.width()), float(self.height())
        pad = max(4.0, min(w, h) * 0.03)
        text_font = QFont(self.font())
        header_h = h * 0.11
        y = pad
        if c.title or c.clock:
            clock_w = 0.0
            if c.clock:
                clock_w = w * 0.2
                self._text(
                    painter,
                    QRectF(w - pad - clock_w, y, clock_w, header_h),
                    c.clock,
                    text_font,
                    QColor("#b0bec5"),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                )
            if c.title:
                self._text(
                    painter,
                    QRectF(pad, y, w - 3 * pad - clock_w, header_h),
                    c.title,
                    text_font,
                    QColor("white"),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    bold=True,
                    elide=True,
                )
            y += header_h
        if c.speaker:
            self._text(
                painter,
                QRectF(pad, y, w - 2 * pad, h * 0.07),
                c.speaker,
                text_font,
                QColor("#cfd8dc"),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                elide=True,
            )
            y += h * 0.07
        message_h = h * 0.24 if c.message else 0.0
        question_h = h * (0.30 if c.question_by else 0.25) if c.question else 0.0
        timers_h = h * 0.09 if c.timers else 0.0
        bottom = h - pad - message_h - question_h
        phase_h = h * 0.09
        digits_rect = QRectF(
            pad, y + pad, w - 2 * pad, max(bottom - y - phase_h - timers_h - 2 * pad, 1.0)
        )
        colour = QColor(STAGE_COLOURS.get(c.phase, QColor("white")))
        if c.paused:
            colour = QColor("#90a4ae")
        if c.overtime and not self.blink_on:
            # The flash alternates two readable states (red on black, white on red):
            # dimmed digits on black were nearly invisible half of the time.
            painter.fillRect(digits_rect, STAGE_OVERTIME_BG)
            colour = QColor("white")
        # Size from a template of the same length, so the digits do not breathe each second.
        template = "".join("0" if ch.isdigit() else ch for ch in c.digits) or "0:00"
        size = fit_point_size(self._digit_font, template, digits_rect.width(), digits_rect.height())
        self.digit_point_size = size
        digit_font = QFont(self._digit_font)
        digit_font.setPointSizeF(size)
        painter.setFont(digit_font)
        painter.setPen(colour)
        painter.drawText(digits_rect, Qt.AlignmentFlag.AlignCenter, c.digits)
        self._text(
            painter,
            QRectF(pad, digits_rect.bottom(), w - 2 * pad, phase_h),
            c.phase_text,
            text_font,
            colour if not c.overtime else QColor(STAGE_COLOURS[OVERTIME]),
            Qt.AlignmentFlag.AlignCenter,
            bold=True,
        )
        if c.timers:
            self._text(
                painter,
                QRectF(pad, digits_rect.bottom() + phase_h, w - 2 * pad, timers_h),
                c.timers,
                text_font,
                QColor(STAGE_COLOURS[OVERTIME]) if c.timers_overtime else QColor("#e0e0e0"),
                Qt.AlignmentFlag.AlignCenter,
                bold=True,
            )
        if c.question:
            self._question(painter, QRectF(pad, bottom, w - 2 * pad, question_h), pad, text_font)
        if c.message:
            band = QRectF(pad, h - pad - message_h, w - 2 * pad, message_h)
            if self.blink_on or not c.message_blink:
                painter.fillRect(band, MESSAGE_BG)
                inner = band.adjusted(pad, pad / 2, -pad, -pad / 2)
                msg_font = QFont(text_font)
                msg_font.setBold(True)
                msg_font.setPointSizeF(
                    fit_point_size(msg_font, c.message, inner.width(), inner.height(), wrap=True)
                )
                painter.setFont(msg_font)
                painter.setPen(MESSAGE_FG)
                painter.drawText(
                    inner,
                    int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                    c.message,
                )
            else:
                painter.setPen(MESSAGE_BG)
                painter.drawRect(band)
        painter.end()

    def _question(self, painter: QPainter, box: QRectF, pad: float, font: QFont) -> None:
        """The on-air question, word-wrapped and scaled to fit, its asker line under it.
        ``drawText`` never reads markup: the text shows exactly as the audience typed it."""
        c = self.content
        painter.fillRect(box, QUESTION_BG)
        by_h = box.height() * 0.2 if c.question_by else 0.0
        inner = box.adjusted(pad, pad / 2, -pad, -pad / 2 - by_h)
        if inner.width() <= 1 or inner.height() <= 1:
            return
        q_font = QFont(font)
        q_font.setBold(True)
        # Scaled to fit, but a short question is not drawn bigger than two lines' worth.
        largest = fit_point_size(q_font, "Hg", 1e9, inner.height() / 2.2)
        fitted = fit_point_size(q_font, c.question, inner.width(), inner.height(), wrap=True)
        q_font.setPointSizeF(min(fitted, largest))
        painter.setFont(q_font)
        painter.setPen(QColor("white"))
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), c.question
        )
        if c.question_by:
            self._text(
                painter,
                QRectF(box.left() + pad, inner.bottom(), box.width() - 2 * pad, by_h),
                c.question_by,
                font,
                QColor("#cfd8dc"),
                Qt.AlignmentFlag.AlignCenter,
                elide=True,
            )

    def _text(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        font: QFont,
        colour: QColor,
        align: Qt.AlignmentFlag,
        *,
        bold: bool = False,
        elide: bool = False,
    ) -> None:
        if not text or rect.width() <= 1 or rect.height() <= 1:
            return
        f = QFont(font)
        f.setBold(bold)
        f.setPointSizeF(max(4.0, min(fit_point_size(f, "Hg", 1e9, rect.height() * 0.8), 200.0)))
        metrics = QFontMetricsF(f)
        if elide:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        elif metrics.horizontalAdvance(text) > rect.width():
            f.setPointSizeF(fit_point_size(f, text, rect.width(), rect.height() * 0.8))
            # Still too wide at the smallest size (a long timer name in the small
            # preview): cut it visibly rather than clip both ends.
            text = QFontMetricsF(f).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.setFont(f)
        painter.setPen(colour)
        painter.drawText(rect, align, text)


class StageWindow(QWidget):
    """The stage display window: plain, so it can be shared into a webinar as a window."""

    screen_lost = Signal(str)  # the name of the screen that went away

    def __init__(self, show_title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("StageWindow")
        self.show_title = show_title
        self._retitle()
        self.view = StageView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(960, 540)
        self.screen_name = ""
        QGuiApplication.instance().screenRemoved.connect(self._on_screen_removed)

    def _retitle(self) -> None:
        self.setWindowTitle(
            QCoreApplication.translate("StageWindow", "Stage display — {0}").format(self.show_title)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retitle()
        super().changeEvent(event)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def place_on(self, screen_name: str) -> bool:
        """Move to the screen called ``screen_name``; False (and stay) if it is not there."""
        self.screen_name = screen_name
        screen = find_screen(screen_name)
        if screen is None:
            return False
        full = self.isFullScreen()
        if full:
            self.showNormal()
        geometry = screen.availableGeometry()
        self.setScreen(screen)
        self.move(geometry.topLeft())
        if full:
            self.showFullScreen()
        return True

    def _on_screen_removed(self, screen: QScreen) -> None:
        current = self.screen()
        if current is not None and current is not screen and screen.name() != self.screen_name:
            return
        # Qt moves the window to another screen by itself; make it visible there.
        primary = QGuiApplication.primaryScreen()
        if self.isFullScreen():
            self.showNormal()
        if primary is not None and primary is not screen:
            self.move(primary.availableGeometry().topLeft())
        self.screen_lost.emit(screen.name())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing hides: the moderator reopens it from the View menu with S.
        event.accept()
        self.hide()


def find_screen(name: str) -> QScreen | None:
    for screen in QGuiApplication.screens():
        if screen.name() == name:
            return screen
    return None


def screen_names() -> list[str]:
    return [s.name() for s in QGuiApplication.screens()]
