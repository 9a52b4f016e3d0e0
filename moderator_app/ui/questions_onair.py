"""The on-air panel: the question being answered, large, and the buttons to move on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.engine import Snapshot
from moderator_app.core.questions import Question
from moderator_app.ui.questions_model import asker_label
from moderator_app.ui.widgets import plain_label, plain_tooltip

if TYPE_CHECKING:  # app/questions.py comes with the app-questions branch of issue 11
    from moderator_app.app.questions import QuestionBook

QUESTION_POINT_SIZE = 20
# Below this the moderator, reading aloud at arm's length, starts to stumble: past it the
# question scrolls instead of shrinking further.
MIN_QUESTION_POINT_SIZE = 11
# The panel is where the moderator reads from during Q&A: wide enough for ~50 characters a
# line at the smallest size, so a 300-character question fits at 1366×768.
PANEL_MIN_WIDTH = 520


def question_label(name: str, point_size: int = 0, bold: bool = False) -> QLabel:
    """A label for a question or its asker: plain text, wrapped, selectable (to copy)."""
    label = plain_label(point_size, bold)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FittedText(QScrollArea):
    """A wrapped plain-text label never cut off: the largest font (up to ``max_point_size``)
    at which the whole text fits the visible area; at the minimum size it scrolls instead.
    Never elided: the moderator reads every word aloud."""

    def __init__(self, label: QLabel, max_point_size: int, min_point_size: int) -> None:
        super().__init__()
        self.label = label
        self.max_point_size = max_point_size
        self.min_point_size = min_point_size
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The keyboard stays with the show and the question table; the wheel still scrolls.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setAutoFillBackground(False)
        label.setAutoFillBackground(False)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        width = self.viewport().width()
        height = self.viewport().height()
        if width <= 0 or height <= 0:
            return
        font = self.label.font()
        chosen = self.min_point_size
        for size in range(self.max_point_size, self.min_point_size - 1, -1):
            font.setPointSize(size)
            self.label.setFont(font)
            if self.label.heightForWidth(width) <= height:
                chosen = size
                break
        if self.label.font().pointSize() != chosen:
            font.setPointSize(chosen)
            self.label.setFont(font)


class OnAirPanel(QFrame):
    """Shows the question on air with its asker, what comes next, and how many still fit."""

    takeNextRequested = Signal()
    answeredRequested = Signal()
    stageToggled = Signal(bool)  # show the question on air on the stage display

    def __init__(self, book: QuestionBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.setObjectName("OnAirPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#OnAirPanel { background: #fbfbf8; }")
        self.heading = QLabel()
        self.heading.setStyleSheet("color:#c0392b;font-weight:bold;letter-spacing:2px;")
        self.question = question_label("OnAirQuestion", QUESTION_POINT_SIZE, bold=True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.question_area = FittedText(
            self.question, QUESTION_POINT_SIZE, MIN_QUESTION_POINT_SIZE
        )
        self.question_area.setObjectName("OnAirQuestionArea")
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self.asker = question_label("OnAirAsker", 12)
        self.asker.setStyleSheet("color:#444;")
        # One line, elided with "…" to its width: it is a reminder, not read aloud.
        self.next_up = plain_label()
        self.next_up.setObjectName("NextUp")
        self.next_up.setStyleSheet("color:#555;")
        self.next_up.setMinimumWidth(1)
        self._next_text = ""
        self.estimate = QLabel()
        self.estimate.setObjectName("FitEstimate")
        self.estimate.setTextFormat(Qt.TextFormat.PlainText)
        self.estimate.setStyleSheet("color:#1d6fb8;font-weight:bold;")

        self.take_button = QPushButton()
        self.take_button.setObjectName("TakeNext")
        self.take_button.clicked.connect(self.takeNextRequested)
        self.answered_button = QPushButton()
        self.answered_button.setObjectName("Answered")
        self.answered_button.clicked.connect(self.answeredRequested)

        self.on_stage = QCheckBox()
        self.on_stage.setObjectName("ShowOnStage")
        self.on_stage.toggled.connect(self.stageToggled)
        self._estimate = None  # the last live estimate shown (re-worded on a switch)

        # The buttons share the heading's line, and the estimate the stage box's: every
        # pixel of height goes to the question.
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.take_button)
        top.addWidget(self.answered_button)
        self.estimate.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.estimate, 1)
        bottom.addWidget(self.on_stage)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.question_area, 1)
        layout.addWidget(self.asker)
        layout.addWidget(self.next_up)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (at start and after a language switch)."""
        self.heading.setText(self.tr("ON AIR"))
        self.take_button.setText(self.tr("Take next ▶"))
        self.take_button.setToolTip(self.tr("Put the top shortlisted question on air (Ctrl+Enter)"))
        self.answered_button.setText(self.tr("Answered ✓"))
        self.answered_button.setToolTip(self.tr("Mark the question on air as answered"))
        self.on_stage.setText(self.tr("Show on stage"))
        self.on_stage.setToolTip(
            self.tr("Show the question on air, with its asker, on the stage display")
        )
        self.refresh()
        self._show_estimate(self._estimate)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_estimate"):
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        queue = self.book.queue
        current = queue.on_air()
        nxt = queue.next_up()
        if current is None:
            self.question_area.setText(self.tr("No question on air."))
            self.question.setStyleSheet("color:#888;")
            self.asker.setText("")
        else:
            self.question.setStyleSheet("")
            self.question_area.setText(current.text)
            self.asker.setText(who_line(current))
        self._next_text = (
            self.tr("Next: {0}").format(" ".join(nxt.text.split())) if nxt is not None
            else self.tr("Next: shortlist a question to take it next")
        )
        self._elide_next()
        self.take_button.setEnabled(nxt is not None and not self.book.session.readonly)
        self.answered_button.setEnabled(current is not None and not self.book.session.readonly)

    def _elide_next(self) -> None:
        width = self.next_up.contentsRect().width()
        metrics = self.next_up.fontMetrics()
        self.next_up.setText(
            metrics.elidedText(self._next_text, Qt.TextElideMode.ElideRight, width)
            if width > 20 else self._next_text
        )
        self.next_up.setToolTip(plain_tooltip(self._next_text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_next()

    def update_snapshot(self, snap: Snapshot | None) -> None:
        estimate = self.book.live_estimate(snap) if snap is not None else None
        self._estimate = estimate
        self._show_estimate(estimate)

    def _show_estimate(self, estimate) -> None:
        if estimate is None:
            self.estimate.setText("")
            return
        minutes = int(max(estimate.remaining_s, 0) // 60)
        if estimate.fit is None:
            self.estimate.setText(self.tr("{0} min left in Q&A").format(minutes))
        else:
            self.estimate.setText(
                self.tr("{0} min left: about {1} more question(s) at {2} s each").format(
                    minutes, estimate.fit, round(estimate.average_s or 0)))


def who_line(q: Question) -> str:
    parts = [asker_label(q), q.organisation or ""]
    return " — ".join(p for p in parts if p)

