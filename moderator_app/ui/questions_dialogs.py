"""Adding and editing a question by hand (questions that arrive by chat), and duplicates."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.questions import Question, QuestionQueue
from moderator_app.core.runsheet import Show
from moderator_app.ui.widgets import lay_out_form_dialog


class QuestionDialog(QDialog):
    """Text, asker, organisation, speaker/segment, tags, note and star of one question."""

    def __init__(self, show: Show, question: Question | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuestionDialog")
        self.show_ = show
        self.original = question
        self.setWindowTitle(self.tr("Edit question") if question else self.tr("Add a question"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("QuestionText")
        self.text.setTabChangesFocus(True)
        self.asker = QLineEdit()
        self.asker.setObjectName("QuestionAsker")
        self.organisation = QLineEdit()
        self.email = QLineEdit()
        self.segment = QComboBox()
        self.segment.setObjectName("QuestionSegment")
        self.segment.addItem(self.tr("(anyone)"), None)
        for seg in show.segments:
            label = f"{seg.title} — {seg.speaker}" if seg.speaker else seg.title
            self.segment.addItem(label, seg.id)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma separated"))
        self.note = QLineEdit()
        self.note.setObjectName("QuestionNote")
        self.starred = QCheckBox(self.tr("Starred"))
        form = QFormLayout()
        form.addRow(self.tr("Question"), self.text)
        form.addRow(self.tr("Asked by"), self.asker)
        form.addRow(self.tr("Organisation / city"), self.organisation)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("For"), self.segment)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Moderator note"), self.note)
        form.addRow("", self.starred)
        self.error = lay_out_form_dialog(self, form)
        self.resize(560, 420)
        if question is not None:
            self.text.setPlainText(question.text)
            self.asker.setText(question.asker or "")
            self.organisation.setText(question.organisation or "")
            self.email.setText(question.email or "")
            index = self.segment.findData(question.segment)
            self.segment.setCurrentIndex(max(index, 0))
            self.tags.setText(", ".join(question.tags))
            self.note.setText(question.note)
            self.starred.setChecked(question.starred)

    def accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.error.setText(self.tr("A question needs some text."))
            return
        super().accept()

    def values(self) -> dict:
        """The edited fields (text kept exactly as typed, line breaks included)."""
        seg_id = self.segment.currentData()
        seg = self.show_.segment(seg_id) if seg_id else None
        text = self.text.toPlainText()
        if self.original is not None and text == _qt_lines(self.original.text):
            text = self.original.text  # Qt shows \r\n as \n: unchanged text stays byte for byte
        return {
            "text": text,
            "asker": self.asker.text().strip() or None,
            "organisation": self.organisation.text().strip() or None,
            "email": self.email.text().strip() or None,
            "segment": seg_id,
            "speaker": seg.speaker if seg is not None else "",
            "tags": tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            "note": self.note.text(),
            "starred": self.starred.isChecked(),
        }

    def new_question(self, now: datetime) -> Question:
        values = self.values()
        return Question.new(values.pop("text"), source="manual", submitted_at=now, **values)


class DuplicatesDialog(QDialog):
    """Near-duplicate questions, each with the one it repeats; accepting merges them."""

    def __init__(self, queue: QuestionQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DuplicatesDialog")
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.queue = queue
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for s in queue.duplicate_suggestions():
            keep, dup = queue.get(s.keep), queue.get(s.duplicate)
            item = QListWidgetItem(
                self.tr("“{0}”\n   repeats “{1}”").format(_flat(dup.text), _flat(keep.text)))
            item.setData(Qt.ItemDataRole.UserRole, (s.keep, s.duplicate))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        info = QLabel(self.tr("Checked pairs are merged: the repeat is dismissed into the "
                              "first question and its votes are added."))
        info.setWordWrap(True)
        merge = QPushButton(self.tr("Merge checked"))
        merge.setObjectName("MergeChecked")
        merge.clicked.connect(self.accept)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(merge, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(620, 400)

    def chosen(self) -> list[tuple[str, str]]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out


def _qt_lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")


def _flat(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
