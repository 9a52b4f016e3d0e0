"""The on-air panel: the question being answered, large, and the buttons to move on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.engine import Snapshot
from moderator_app.core.questions import Question
from moderator_app.io.question_store import QuestionBook
from moderator_app.ui.questions_model import asker_label
from moderator_app.ui.widgets import plain_label


def question_label(name: str, point_size: int = 0, bold: bool = False) -> QLabel:
    """A label for a question or its asker: plain text, wrapped, selectable (to copy)."""
    label = plain_label(point_size, bold)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


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
        self.heading = QLabel(self.tr("ON AIR"))
        self.heading.setStyleSheet("color:#c0392b;font-weight:bold;letter-spacing:2px;")
        self.question = question_label("OnAirQuestion", 20, bold=True)
        self.question.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.question.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.asker = question_label("OnAirAsker", 13)
        self.asker.setStyleSheet("color:#444;")
        self.next_up = question_label("NextUp")
        self.next_up.setStyleSheet("color:#555;")
        self.estimate = QLabel()
        self.estimate.setObjectName("FitEstimate")
        self.estimate.setTextFormat(Qt.TextFormat.PlainText)
        self.estimate.setStyleSheet("color:#1d6fb8;font-weight:bold;")

        self.take_button = QPushButton(self.tr("Take next ▶"))
        self.take_button.setObjectName("TakeNext")
        self.take_button.setToolTip(self.tr("Put the top shortlisted question on air (Ctrl+Enter)"))
        self.take_button.clicked.connect(self.takeNextRequested)
        self.answered_button = QPushButton(self.tr("Answered ✓"))
        self.answered_button.setObjectName("Answered")
        self.answered_button.setToolTip(self.tr("Mark the question on air as answered"))
        self.answered_button.clicked.connect(self.answeredRequested)

        self.on_stage = QCheckBox(self.tr("Show on stage"))
        self.on_stage.setObjectName("ShowOnStage")
        self.on_stage.setToolTip(
            self.tr("Show the question on air, with its asker, on the stage display")
        )
        self.on_stage.toggled.connect(self.stageToggled)

        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.answered_button)
        buttons.addStretch(1)
        buttons.addWidget(self.on_stage)
        self.estimate.setWordWrap(True)
        self.estimate.setMinimumHeight(self.estimate.fontMetrics().lineSpacing() * 2 + 4)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.question, 1)
        layout.addWidget(self.asker)
        layout.addWidget(self.next_up)
        layout.addWidget(self.estimate)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        queue = self.book.queue
        current = queue.on_air()
        nxt = queue.next_up()
        if current is None:
            self.question.setText(self.tr("No question on air."))
            self.question.setStyleSheet("color:#888;")
            self.asker.setText("")
        else:
            self.question.setStyleSheet("")
            self.question.setText(current.text)
            self.asker.setText(who_line(current))
        self.next_up.setText(
            self.tr("Next: {0}").format(_short(nxt.text)) if nxt is not None
            else self.tr("Next: shortlist a question to take it next")
        )
        self.take_button.setEnabled(nxt is not None and not self.book.session.readonly)
        self.answered_button.setEnabled(current is not None and not self.book.session.readonly)

    def update_snapshot(self, snap: Snapshot | None) -> None:
        estimate = self.book.live_estimate(snap) if snap is not None else None
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


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
