"""Messages to the speaker: presets in the show's language, free text, blink, clear.

Presets are in the language of the *show* (the speakers'), not of the interface: a
French webinar gets "Merci de conclure" even on an English moderator's console.
Messages are journaled actions, so they are in the report.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from moderator_app.core.engine import Message

PRESETS = {
    "en": ("2 minutes", "Please wrap up", "Time is up", "Next question"),
    "fr": ("2 minutes", "Merci de conclure", "Temps écoulé", "Question suivante"),
}
PRESET_KEYS = ("1", "2", "3", "4")
# Presets that tell the time left stop being true after it: "2 minutes" expires after two.
PRESET_EXPIRY_S = {"2 minutes": 120.0}
MAX_MESSAGE = 200


def presets_for(language: str) -> tuple[str, ...]:
    """The preset messages in the show's language (English when it has none)."""
    code = (language or "en").strip().lower()[:2]
    return PRESETS.get(code, PRESETS["en"])


class MessageBar(QWidget):
    """One row: preset buttons, a free text field, blink, send and clear."""

    def __init__(
        self,
        language: str,
        send: Callable[[str, bool], None],
        clear: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self._send = send
        self._clear = clear
        self.language = language
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        layout.addWidget(self.caption)
        self.preset_buttons: list[QPushButton] = []
        for i in range(len(PRESET_KEYS)):
            button = QPushButton()
            button.setObjectName(f"preset_{i + 1}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, n=i: self.send_preset(n))
            self.preset_buttons.append(button)
            layout.addWidget(button)
        # Who gets it, while remote speaker links exist: everyone, or one speaker's link.
        self.recipient = QComboBox()
        self.recipient.setObjectName("MessageRecipient")
        self.recipient.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recipient.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.recipient.addItem("", None)
        self.recipient.hide()
        layout.addWidget(self.recipient)
        self.text = QLineEdit()
        self.text.setObjectName("MessageText")
        self.text.setMaxLength(MAX_MESSAGE)
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.send_text)
        layout.addWidget(self.text, 1)
        self.blink = QCheckBox()
        self.blink.setObjectName("MessageBlink")
        self.blink.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.blink)
        self.send_button = QPushButton()
        self.send_button.setObjectName("MessageSend")
        self.send_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.send_button.clicked.connect(self.send_text)
        layout.addWidget(self.send_button)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("MessageClear")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self._clear)
        layout.addWidget(self.clear_button)
        self.retranslate()

    def set_recipients(self, speakers: list[tuple[str, str]]) -> None:
        """The speakers' remote links (id, name) a message may go to; none: hidden."""
        current = self.recipient.currentData()
        wanted = [(None, "")] + [(link_id, name or link_id) for link_id, name in speakers]
        shown = [(self.recipient.itemData(i), self.recipient.itemText(i))
                 for i in range(1, self.recipient.count())]
        if shown != wanted[1:]:
            self.recipient.blockSignals(True)
            while self.recipient.count() > 1:
                self.recipient.removeItem(1)
            for link_id, name in wanted[1:]:
                self.recipient.addItem(name, link_id)
            index = self.recipient.findData(current) if current else 0
            self.recipient.setCurrentIndex(max(index, 0))
            self.recipient.blockSignals(False)
        self.recipient.setVisible(bool(speakers))

    def addressee(self) -> str | None:
        """The speaker link id the next message is for; None: everyone."""
        data = self.recipient.currentData() if self.recipient.count() > 1 else None
        return str(data) if data else None

    def presets(self) -> tuple[str, ...]:
        return presets_for(self.language)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("To the speaker:"))
        self.recipient.setItemText(0, self.tr("All speakers"))
        self.recipient.setToolTip(self.tr("Everyone, or only this speaker's remote link"))
        for i, (button, text) in enumerate(zip(self.preset_buttons, self.presets(), strict=True)):
            button.setText(text)
            button.setToolTip(self.tr("Show “{0}” on the stage display ({1})").format(text, i + 1))
        self.text.setPlaceholderText(self.tr("Message to the speaker… (M, Enter sends)"))
        self.blink.setText(self.tr("Blink"))
        self.blink.setToolTip(self.tr("Make the message blink on the stage display"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Show this text on the stage display (Enter)"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove the message from the stage display (C)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def send_preset(self, index: int) -> None:
        presets = self.presets()
        if 0 <= index < len(presets):
            self._send(presets[index], self.blink.isChecked())

    def send_text(self) -> None:
        text = self.text.text().strip()
        if not text:
            return
        self._send(text, self.blink.isChecked())
        self.text.clear()
        self.text.clearFocus()  # back to show keys

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_current(self, message: Message | None) -> None:
        self.clear_button.setEnabled(message is not None)
        self.clear_button.setToolTip(
            self.tr("Remove “{0}” from the stage display (C)").format(message.text)
            if message
            else self.tr("No message on the stage display")
        )
