"""The preferences dialog: language, default thresholds, stage display, sound."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from moderator_app.ui.settings import Preferences
from moderator_app.ui.stage_display import screen_names
from moderator_app.ui.widgets import ok_cancel


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; ``result_preferences()`` after accept."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self._prefs = prefs

        self.language = QComboBox()
        self.language.setObjectName("Language")
        for code, name in (
            ("system", self.tr("Follow the system")),
            ("fr", "Français"),
            ("en", "English"),
        ):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(prefs.language), 0))

        self.warning = self._seconds_box(prefs.warning_s, "Warning")
        self.danger = self._seconds_box(prefs.danger_s, "Danger")

        self.screen = QComboBox()
        self.screen.setObjectName("StageScreen")
        self.screen.addItem(self.tr("Where I put it"), "")
        for name in screen_names():
            self.screen.addItem(name, name)
        if prefs.stage_screen and self.screen.findData(prefs.stage_screen) < 0:
            self.screen.addItem(
                self.tr("{0} (not connected)").format(prefs.stage_screen), prefs.stage_screen
            )
        self.screen.setCurrentIndex(max(self.screen.findData(prefs.stage_screen), 0))
        self.stage_clock = self._check(self.tr("Clock"), prefs.stage_clock, "StageClock")
        self.stage_title = self._check(self.tr("Segment title"), prefs.stage_title, "StageTitle")
        self.stage_speaker = self._check(self.tr("Speaker"), prefs.stage_speaker, "StageSpeaker")
        self.stage_messages = self._check(
            self.tr("Messages to the speaker"), prefs.stage_messages, "StageMessages"
        )
        self.clear_messages = self._check(
            self.tr("Clear a message when the segment changes"),
            prefs.clear_messages_on_segment,
            "ClearMessagesOnSegment",
        )
        self.sound_warning = self._check(
            self.tr("Chime when a segment reaches its warning time"),
            prefs.sound_warning,
            "SoundWarning",
        )
        self.sound_end = self._check(
            self.tr("Chime when a segment's time is up"), prefs.sound_end, "SoundEnd"
        )

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Warning before the end (new shows)"), self.warning)
        form.addRow(self.tr("Wrap-up before the end (new shows)"), self.danger)
        stage = QGroupBox(self.tr("Stage display"))
        stage_form = QFormLayout(stage)
        stage_form.addRow(self.tr("Screen"), self.screen)
        for box in (self.stage_clock, self.stage_title, self.stage_speaker, self.stage_messages,
                    self.clear_messages):
            stage_form.addRow(box)
        sound = QGroupBox(self.tr("Sound"))
        sound_form = QFormLayout(sound)
        sound_form.addRow(self.sound_warning)
        sound_form.addRow(self.sound_end)
        timers = QGroupBox(self.tr("Timers and clock"))
        timers_form = QFormLayout(timers)
        self.answer = self._seconds_box(prefs.answer_s, "AnswerSeconds")
        self.answer.setSpecialValueText(self.tr("no answer timer"))
        timers_form.addRow(self.tr("Answer timer for each question on air"), self.answer)
        self.time_server = QLineEdit(prefs.time_server)
        self.time_server.setObjectName("TimeServer")
        self.time_server.setPlaceholderText(self.tr("none (e.g. pool.ntp.org)"))
        self.time_server.setMaxLength(255)
        timers_form.addRow(self.tr("Time server to check the clock"), self.time_server)

        layout = QVBoxLayout(self)
        for part in (general, stage, sound, timers):
            layout.addWidget(part)
        layout.addWidget(ok_cancel(self))

    def _seconds_box(self, value: int, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(0, 3600)
        box.setSingleStep(15)
        box.setSuffix(self.tr(" s"))
        box.setValue(value)
        return box

    def _check(self, text: str, value: bool, name: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setChecked(value)
        return box

    def result_preferences(self) -> Preferences:
        return replace(
            self._prefs,
            language=self.language.currentData(),
            warning_s=self.warning.value(),
            danger_s=self.danger.value(),
            stage_screen=self.screen.currentData() or "",
            stage_clock=self.stage_clock.isChecked(),
            stage_title=self.stage_title.isChecked(),
            stage_speaker=self.stage_speaker.isChecked(),
            stage_messages=self.stage_messages.isChecked(),
            sound_warning=self.sound_warning.isChecked(),
            sound_end=self.sound_end.isChecked(),
            clear_messages_on_segment=self.clear_messages.isChecked(),
            answer_s=self.answer.value(),
            time_server=self.time_server.text().strip(),
        )
