"""The live console feature: stage display and its preview, messages to the speaker,
preferences, sound cues and the keyboard help, wired into the main window by ``attach``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from moderator_app.app import remote_keys, stage
from moderator_app.app.presenter import present
from moderator_app.app.show import ShowFileError
from moderator_app.core.actions import ActionType
from moderator_app.core.engine import DANGER, NORMAL, OVERTIME, RUNNING, WARNING, Snapshot
from moderator_app.ui.help_overlay import HelpOverlay, HelpSection, help_sections
from moderator_app.ui.i18n import choose_language, current_language, install_language
from moderator_app.ui.messages import PRESET_EXPIRY_S, PRESET_KEYS, MessageBar
from moderator_app.ui.preferences import PreferencesDialog
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.settings import Preferences, Settings
from moderator_app.ui.sound import Alert
from moderator_app.ui.stage_display import (
    StageOptions,
    StageView,
    StageWindow,
    content_of,
    screen_names,
)

if TYPE_CHECKING:
    from moderator_app.ui.main_window import MainWindow

PREVIEW_SIZE = (240, 135)


def attach(window: MainWindow) -> LiveConsole:
    return LiveConsole(window)


class LiveConsole(QObject):
    """Owns the stage window and everything that talks to the speaker."""

    def __init__(self, window: MainWindow, settings: Settings | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.show = window.session.show
        self.settings = settings or Settings()
        self.prefs: Preferences = self.settings.load()
        self.actions: dict[str, QAction] = {}
        self.alert = Alert(self)
        self._last_phase: tuple[int, int | None, str] | None = None
        self.on_air_question: tuple[str, str] | None = None  # text, asker line
        if (self.prefs.stage_question and self.session.engine.stage_question is None
                and not self.session.readonly):
            # A moderator who shows questions on stage by default: this show says so too,
            # so the browsers' speaker views agree with the stage window from the start.
            try:
                stage.set_stage_question(self.session, True)
            except ShowFileError:
                pass  # the banner of the first action says what is wrong with the file

        self.stage = StageWindow(self.show.title, window)
        self.stage.screen_lost.connect(self._on_screen_lost)
        window.keys.watch(self.stage)

        self.preview = StageView()
        self.preview.setObjectName("StagePreview")
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview_caption = QLabel()
        self.preview_caption.setObjectName("PreviewCaption")
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(self.preview)
        box_layout.addWidget(self.preview_caption)
        box_layout.addStretch(1)
        window.panel.side.addWidget(box)

        self.messages = MessageBar(self.show.language, self.send_message, self.clear_message)
        window.panel.add_row(self.messages)

        self.help = HelpOverlay(window)
        # What F1 lists; the help feature widens it to the pages the window has.
        self._help_sections: Callable[[], list[HelpSection]] = lambda: help_sections(
            window, self.actions
        )
        self._build_actions()
        window.ticked.connect(self.on_tick)
        if window.snapshot is not None:
            self.on_tick(window.snapshot)

    # -- actions and keys ----------------------------------------------------------------
    def _texts(self) -> dict[str, tuple[str, str]]:
        """Menu text and tooltip of each action (re-read when the language changes)."""
        texts = {
            "stage": (
                self.tr("&Stage display"),
                self.tr("Open or close the stage display window"),
            ),
            "full_screen": (
                self.tr("Stage display &full screen"),
                self.tr("Stage display full screen, or back to a window"),
            ),
            "blackout": (
                self.tr("&Blackout"),
                self.tr("Black out the stage display, or bring it back"),
            ),
            "stage_clock": (
                self.tr("Stage &clock"),
                self.tr("Show the time of day on the stage display"),
            ),
            "leave": (
                self.tr("Close help / leave full screen"),
                self.tr("Close the keyboard help, or leave full screen"),
            ),
            "message": (
                self.tr("Type a &message to the speaker"),
                self.tr("Type a free message; Enter sends it to the stage display"),
            ),
            "clear_message": (
                self.tr("&Clear the message"),
                self.tr("Remove the message from the stage display"),
            ),
            "preferences": (
                self.tr("&Preferences…"),
                self.tr("Language, default thresholds, stage display, sound"),
            ),
            "help": (
                self.tr("&Keyboard shortcuts"),
                self.tr("List every key of the console"),
            ),
        }
        for i, text in enumerate(self.messages.presets()):
            texts[f"preset_{i + 1}"] = (
                self.tr("Message: “{0}”").format(text),
                self.tr("Send a preset message to the speaker"),
            )
        return texts

    def _action(
        self,
        key: str,
        shortcuts: list[str],
        slot: Callable[[], None],
        checkable: bool = False,
    ) -> QAction:
        action = QAction(self.window)
        action.setObjectName(f"action_{key}")
        action.setCheckable(checkable)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            # Shown in menus and tooltips; ShowKeys handles the keys (never while typing).
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        if checkable:
            action.triggered.connect(lambda _checked=False: slot())
        else:
            action.triggered.connect(slot)
        for sequence in shortcuts:
            self.window.keys.bind(sequence, slot)
        self.actions[key] = action
        return action

    def retranslate(self) -> None:
        for key, (text, tip) in self._texts().items():
            action = self.actions[key]
            keys = ", ".join(
                seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in action.shortcuts()
            )
            action.setText(text)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        self.screen_menu.setTitle(self.tr("Stage &screen"))
        self.preview.setToolTip(self.tr("What the speakers see (V opens the stage display)"))
        self.refresh()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _build_actions(self) -> None:
        w = self.window
        view = w.menu("view")
        # V, not S: on the Questions tab S shortlists; one key, one meaning everywhere.
        view.addAction(self._action("stage", ["V"], self.toggle_stage, checkable=True))
        view.addAction(self._action("full_screen", ["Shift+V"], self.toggle_full_screen))
        view.addAction(self._action("blackout", ["B"], self.toggle_blackout, checkable=True))
        view.addAction(self._action("stage_clock", ["K"], self.toggle_stage_clock, checkable=True))
        self.actions["stage_clock"].setChecked(self.prefs.stage_clock)
        self.screen_menu = view.addMenu("")
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        view.addSeparator()
        view.addAction(self._action("leave", ["Escape"], self.escape))

        show = w.menu("show")
        show.addSeparator()
        for i, key in enumerate(PRESET_KEYS):
            show.addAction(
                self._action(f"preset_{i + 1}", [key], lambda n=i: self.messages.send_preset(n))
            )
        show.addAction(self._action("message", ["M"], self.messages.focus_text))
        show.addAction(self._action("clear_message", ["C"], self.clear_message))

        prefs = self._action("preferences", ["Ctrl+,"], self.open_preferences)
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu = w.menu("file")
        first = file_menu.actions()[0] if file_menu.actions() else None
        file_menu.insertAction(first, prefs)
        w.menu("help").addAction(self._action("help", ["F1", "?", "Shift+?"], self.toggle_help))
        self.retranslate()
        w.installEventFilter(self)

    def _fill_screen_menu(self) -> None:
        menu = self.screen_menu
        menu.clear()
        group = QActionGroup(menu)
        for name in screen_names():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name == self.prefs.stage_screen)
            action.setActionGroup(group)
            action.triggered.connect(lambda _c=False, n=name: self.choose_screen(n))

    # -- stage ---------------------------------------------------------------------------
    def stage_options(self) -> StageOptions:
        return self.prefs.stage_options(self.blackout)

    def toggle_stage(self) -> None:
        if self.stage.isVisible():
            self.stage.hide()
        else:
            self.open_stage()
        self.refresh()

    def open_stage(self) -> None:
        if self.prefs.stage_screen and not self.stage.place_on(self.prefs.stage_screen):
            self.window.show_error(
                self.tr("Screen {0} is not connected: the stage display opens here").format(
                    self.prefs.stage_screen
                )
            )
        self.stage.show()
        self.stage.raise_()

    def toggle_full_screen(self) -> None:
        if not self.stage.isVisible():
            self.open_stage()
        self.stage.toggle_full_screen()
        self.refresh()

    @property
    def blackout(self) -> bool:
        """Journaled (app/stage.py): every speaker screen, browsers too, follows it."""
        return self.session.engine.blackout

    def toggle_blackout(self) -> None:
        on = not self.blackout
        if not self._write_stage(lambda: stage.set_blackout(self.session, on)):
            return
        self.window.show_status(
            self.tr("Stage display blacked out") if self.blackout else self.tr("Stage display back")
        )
        self.refresh()

    def _write_stage(self, write: Callable[[], object]) -> bool:
        if self.session.readonly:
            self.window.show_error(self.tr("This show is open read-only here."))
            return False
        try:
            write()
        except ShowFileError as exc:
            self.window.show_banner(self.tr("Cannot write the show file: {0}").format(refusal_text(exc)))
            return False
        return True

    def set_on_air_question(self, question: tuple[str, str] | None) -> None:
        """The question on air (text, asker and organisation), or None once answered."""
        if question != self.on_air_question:
            self.on_air_question = question
            self.refresh()

    def set_stage_question(self, on: bool) -> None:
        """Whether the speakers' screens show the question on air: journaled for this show
        (browsers follow) and remembered as the default for the next."""
        if on != self.prefs.stage_question:
            self.prefs.stage_question = on
            self.settings.save(self.prefs)
        if self.session.engine.stage_question is not on and not self.session.readonly:
            self._write_stage(lambda: stage.set_stage_question(self.session, on))
        self.refresh()

    def toggle_stage_clock(self) -> None:
        self.prefs.stage_clock = not self.prefs.stage_clock
        self.settings.save(self.prefs)
        self.refresh()

    def choose_screen(self, name: str) -> None:
        self.prefs.stage_screen = name
        self.settings.save(self.prefs)
        if self.stage.isVisible() and not self.stage.place_on(name):
            self.window.show_error(self.tr("Screen {0} is not connected").format(name))

    def _on_screen_lost(self, name: str) -> None:
        self.window.show_error(
            self.tr(
                "The stage screen {0} was disconnected: the stage display moved to this screen"
            ).format(name)
        )
        self.refresh()

    def escape(self) -> None:
        if self.help.isVisible():
            self.help.hide()
        elif self.stage.isFullScreen():
            self.stage.showNormal()
            self.refresh()

    def set_help(self, sections: Callable[[], list[HelpSection]]) -> None:
        """What the keyboard help lists, asked each time it opens."""
        self._help_sections = sections

    def toggle_help(self) -> None:
        if self.help.isVisible():
            self.help.hide()
        else:
            self.help.open_over(lambda: self._help_sections())

    # -- messages ------------------------------------------------------------------------
    def send_message(self, text: str, blink: bool) -> None:
        payload: dict = {"text": text, "blink": blink}
        if not self.prefs.clear_messages_on_segment:
            payload["keep"] = True
        expiry = PRESET_EXPIRY_S.get(text.strip())
        if expiry is not None:
            payload["expires_s"] = expiry
        to = self.messages.addressee()
        if to is not None:
            # The app layer's addressed message: journaled with its recipient, shown only
            # on that speaker's remote link.
            if to not in remote_keys.speaker_ids(self.session):
                self.window.show_error(self.tr("This speaker's remote link is gone: choose "
                                               "another recipient."))  # fmt: skip
                return
            payload["to"] = to
        if self.window.perform(ActionType.MESSAGE, payload):
            if to is None:
                self.window.show_status(self.tr("On the stage display: {0}").format(text))
            else:
                self.window.show_status(self.tr("To {0} only: {1}").format(
                    self.messages.recipient.currentText(), text))  # fmt: skip

    def clear_message(self) -> None:
        to = self.messages.addressee()
        if to is not None:
            if to not in self.session.engine.direct:
                self.window.show_status(self.tr("There is no message to clear for {0}").format(
                    self.messages.recipient.currentText()))  # fmt: skip
                return
            self.window.perform(ActionType.CLEAR_MESSAGE, {"to": to})
            return
        if self.session.engine.message is None and not self.session.engine.direct:
            self.window.show_status(self.tr("There is no message to clear"))
            return
        self.window.perform(ActionType.CLEAR_MESSAGE)

    # -- preferences ---------------------------------------------------------------------
    def open_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.prefs, self.window)
        # Gone once closed: a hidden one would keep the old language's texts.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.result_preferences()))
        dialog.open()  # window-modal, never blocks the timer
        return dialog

    def apply_preferences(self, prefs: Preferences) -> None:
        old = self.prefs
        self.prefs = prefs
        self.settings.save(prefs)
        self.actions["stage_clock"].setChecked(prefs.stage_clock)
        if prefs.language != old.language:
            language = choose_language(None, prefs.language)
            if language != current_language():
                install_language(language)  # widgets follow through LanguageChange
        if prefs.stage_screen != old.stage_screen and prefs.stage_screen:
            self.choose_screen(prefs.stage_screen)
        self.refresh()

    # -- following the show ----------------------------------------------------------------
    def refresh(self) -> None:
        snap = self.window.snapshot
        if snap is not None:
            self.on_tick(snap)

    def on_tick(self, snap: Snapshot) -> None:
        options = self.stage_options()
        shown = stage.question_shown(snap, self.prefs.stage_question)
        question = self.on_air_question if shown else None
        # The panel has just rendered this snapshot: its view model is the one presenter's
        # output for it, so the stage words that view rather than presenting it again.
        view = self.window.panel.view
        if view is None or view.now != snap.now:  # aware datetimes: the same instant
            view = present(self.show, snap)
        if question is not None:
            view = replace(view, question=question[0], question_by=question[1])
        content = content_of(view, options)
        self.stage.view.set_content(content, options)
        self.preview.set_content(content, options)
        self.messages.show_current(snap.message)
        self.actions["stage"].setChecked(self.stage.isVisible())
        self.actions["blackout"].setChecked(self.blackout)
        self.preview_caption.setText(self._preview_caption())
        self._cue(snap)

    def _preview_caption(self) -> str:
        if self.blackout:
            return self.tr("Stage: BLACKOUT (B)")
        if not self.stage.isVisible():
            return self.tr("Stage: closed (V opens)")
        if self.stage.isFullScreen():
            screen = self.stage.screen()
            return self.tr("Stage: full screen on {0}").format(screen.name() if screen else "?")
        return self.tr("Stage: in a window")

    def _cue(self, snap: Snapshot) -> None:
        key = (snap.run, snap.current_index, snap.phase)
        last = self._last_phase
        self._last_phase = key
        if snap.state != RUNNING or last is None or last[:2] != key[:2] or last[2] == key[2]:
            return
        if key[2] == WARNING and last[2] == NORMAL and self.prefs.sound_warning:
            self.alert.play("warning")
        elif key[2] == OVERTIME and last[2] in (NORMAL, WARNING, DANGER) and self.prefs.sound_end:
            self.alert.play("end")


MENU_KEYS = ("file", "show", "questions", "runsheet", "report", "view", "help")
