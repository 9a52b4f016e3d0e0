"""The console's main window: timer panel, live rundown, pages added by features."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QElapsedTimer, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app.errors import ActionRefused, ShowFileError
from moderator_app.app.show import ShowSession
from moderator_app.core.actions import Action, ActionType, Changes
from moderator_app.core.clock import to_us
from moderator_app.core.engine import NOT_STARTED, PAUSED, REANCHOR_AFTER_US, RUNNING, Snapshot
from moderator_app.ui import (
    drop_import,
    first_run,
    help_overlay,
    live_console,
    moderator_notes,
    network_share,
    questions_page,
    reliability,
    report_view,
    runsheet_editor,
    side_timers,
)
from moderator_app.ui.formatting import clock_time
from moderator_app.ui.keys import ShowKeys
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.rundown_model import COL_SPEAKER, COL_TITLE, RundownModel
from moderator_app.ui.ticker import SecondTicker
from moderator_app.ui.timer_panel import TimerPanel


@dataclass(frozen=True)
class Feature:
    """A part of the console built onto the main window: ``attach(window, **needs)`` adds
    its pages, menus and keys and returns the feature object (or None). ``needs`` names
    earlier features it is given, as keyword arguments of those names: features never
    reach each other through the window."""

    name: str
    attach: Callable[..., object]
    needs: tuple[str, ...] = ()


# Built in this order, which is also the order of their pages and menu entries; a feature
# comes after the features it needs. A feature whose attach fails is reported on the
# status bar and the console goes on without it (a broken report page must not stop the
# timer mid-show); those that need it get None and say "not available" where it matters.
FEATURES: tuple[Feature, ...] = (
    Feature("live", live_console.attach),
    Feature("report", report_view.attach),
    Feature("questions", questions_page.attach, needs=("live",)),
    Feature("timers", side_timers.attach, needs=("live", "questions")),
    Feature("reliability", reliability.attach),
    Feature("first_run", first_run.attach),
    Feature("runsheet", runsheet_editor.attach),
    Feature("drop_import", drop_import.attach, needs=("questions", "runsheet")),
    Feature("notes", moderator_notes.attach),
    Feature("sharing", network_share.attach, needs=("live",)),
    Feature("help", help_overlay.attach, needs=("live", "questions", "runsheet", "notes")),
)


def check_wiring(features: tuple[Feature, ...]) -> None:
    """ValueError unless names are unique and each feature needs only earlier ones: a
    wrong list is a programming error, caught before any window is built."""
    seen: set[str] = set()
    for feature in features:
        if feature.name in seen:
            raise ValueError(f"feature {feature.name!r} is listed twice")
        later = [n for n in feature.needs if n not in seen]
        if later:
            raise ValueError(f"feature {feature.name!r} needs {later} built before it")
        seen.add(feature.name)


# Another process's action (a command, the network server's) shows within this: a network
# action must reach the console within 100 ms. A poll that finds nothing new is one
# PRAGMA data_version (a few microseconds), so 50 a second cost nothing measurable.
POLL_MS = 20
ONE_MINUTE = 60
# Ctrl+End finishes the show only when pressed again within this: one stray key must not end
# a live show (Undo would bring it back, but the audience has seen "finished" by then).
FINISH_AGAIN_MS = 2000


class MainWindow(QMainWindow):
    """Owns the session's display; every action goes session -> file -> fold -> screen."""

    ticked = Signal(object)  # Snapshot, at each displayed-second change and after each action
    # The window closed for good (every close check agreed): the show is closing here, so
    # what runs for it (the network server) stops.
    closed = Signal()

    def __init__(
        self,
        session: ShowSession,
        parent: QWidget | None = None,
        features: tuple[Feature, ...] = FEATURES,
    ) -> None:
        check_wiring(features)  # before any widget exists: a wrong list builds nothing
        super().__init__(parent)
        self.session = session
        # Each feature by name, None for one that failed: for the window's tests, never
        # for other features (they are given what they need, see Feature).
        self.features: dict[str, object] = {}
        self.snapshot: Snapshot | None = None
        self._menus: dict[str, QMenu] = {}
        self._page_titles: list[tuple[QWidget, Callable[[], str]]] = []
        self.timer_actions: dict[str, QAction] = {}
        self.setWindowTitle(self._title())
        self.resize(1280, 760)

        self.panel = TimerPanel(session.show, session.engine)
        self.rundown = RundownModel(session.show, session.engine, self)
        self.rundown_view = QTableView()
        self.rundown_view.setObjectName("Rundown")
        self.rundown_view.setModel(self.rundown)
        self.rundown_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.rundown_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.rundown_view.verticalHeader().hide()
        header = self.rundown_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SPEAKER, QHeaderView.ResizeMode.Interactive)
        self.rundown_view.setColumnWidth(COL_SPEAKER, 260)
        self.rundown_view.setWordWrap(False)
        self.rundown_view.doubleClicked.connect(lambda index: self.go_to(index.row()))

        self.pages = QTabWidget()
        self.pages.setObjectName("Pages")
        self.pages.setDocumentMode(True)
        self.add_page(self.rundown_view, lambda: self.tr("Rundown"))

        self.banner = QLabel()
        self.banner.setObjectName("Banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#c62828;color:white;padding:6px;font-weight:bold;")
        self.banner.hide()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.banner)
        top_layout.addWidget(self.panel)
        top_layout.addLayout(self._build_buttons())

        # The live panel, the message row and the buttons keep their height and place
        # whatever page is open (a splitter let a page's size hint squeeze them): the
        # pages take the rest.
        top.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(2)
        central_layout.addWidget(top)
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus()

        self._finish_pressed = QElapsedTimer()  # decides; the timer only clears the hint
        self._finish_armed = QTimer(self)
        self._finish_armed.setSingleShot(True)
        self._finish_armed.setTimerType(Qt.TimerType.PreciseTimer)
        self._finish_armed.timeout.connect(self._disarm_finish)
        self.keys = ShowKeys(self)
        self._bind_keys()
        self.keys.watch(self)
        self.keys.install()

        session.subscribe_changes(self._on_change)
        self.ticker = SecondTicker(session, self)
        self.ticker.ticked.connect(self._on_tick)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll_file)
        # Features may refuse a close (e.g. actions not yet in the file): each returns
        # whether the window may close, asking the moderator if it must.
        self.close_checks: list[Callable[[], bool]] = []
        self._attach_features(features)
        if session.readonly:
            self.show_banner(self.tr("Read-only: this show is open elsewhere; following it live."))
        self.ticker.start()
        self._poll.start()

    # -- building ------------------------------------------------------------------------
    def _title(self) -> str:
        suffix = self.tr(" (read-only)") if self.session.readonly else ""
        return f"{self.session.show.title} — {self.session.path.name}{suffix}"

    @staticmethod
    def _tip(tip: str, shortcuts: list[str]) -> str:
        keys = ", ".join(
            QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts
        )
        return f"{tip} ({keys})" if keys else tip

    def _make_action(self, key: str, text: str, shortcuts: list[str], slot, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            # Every key that does it (→ and N...), so the menu, the tooltip and F1 list them.
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            # Shown in menus and tooltips; the key itself is handled by ShowKeys.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(self._tip(tip, shortcuts))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.timer_actions[key] = action
        return action

    def _button_specs(self) -> list[tuple]:
        return [
            (
                "start",
                self.tr("Start"),
                ["Space"],
                self.toggle,
                self.tr("Start the show, pause or resume"),
            ),
            (
                "previous",
                self.tr("◀ Previous"),
                ["Left", "P"],
                self.previous,
                self.tr("Back to the previous segment"),
            ),
            ("next", self.tr("Next ▶"), ["Right", "N"], self.next,
             self.tr("Go to the next segment")),
            ("minus", self.tr("−1 min"), ["-"], self.remove_minute, self.tr("Remove one minute")),
            ("plus", self.tr("+1 min"), ["+", "="], self.add_minute, self.tr("Add one minute")),
            ("finish", self.tr("Finish"), ["Ctrl+End"], self.ask_finish,
             self.tr("End the show (press the key twice; the button asks)")),
            ("undo", self.tr("Undo"), ["Ctrl+Z"], self.undo,
             self.tr("Undo the last timer action")),
        ]  # fmt: skip

    def _build_buttons(self) -> QHBoxLayout:
        specs = self._button_specs()
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, shortcut, slot, tip in specs:
            action = self._make_action(key, text, shortcut, slot, tip)
            button = QPushButton(text)
            button.setObjectName(f"button_{key}")
            button.setToolTip(action.toolTip())
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the show key
            button.setMinimumHeight(36)
            button.clicked.connect(action.trigger)
            self.buttons[key] = button
            row.addWidget(button)
        return row

    def _bind_keys(self) -> None:
        bindings = {
            "Space": self.toggle,
            "Right": self.next,
            "N": self.next,
            "Left": self.previous,
            "P": self.previous,
            "+": self.add_minute,
            "=": self.add_minute,
            "-": self.remove_minute,
            "Ctrl+Z": self.undo,
            "Ctrl+End": self.finish,
        }
        for sequence, handler in bindings.items():
            self.keys.bind(sequence, handler)

    def _menu_names(self) -> list[tuple[str, str]]:
        return [
            ("file", self.tr("&File")),
            ("show", self.tr("&Show")),
            ("questions", self.tr("&Questions")),
            ("runsheet", self.tr("&Run sheet")),
            ("report", self.tr("Re&port")),
            ("view", self.tr("&View")),
            ("help", self.tr("&Help")),
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in self._menu_names():
            self._menus[key] = bar.addMenu(title)
        show_menu = self._menus["show"]
        for key in ("start", "previous", "next", "minus", "plus", "finish", "undo"):
            show_menu.addAction(self.timer_actions[key])
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self._menus["file"].addAction(self.quit_action)

    def retranslate(self) -> None:
        """Re-set every text after the language changed (features do their own)."""
        for key, title in self._menu_names():
            self._menus[key].setTitle(title)
        for key, text, shortcut, _slot, tip in self._button_specs():
            action = self.timer_actions[key]
            action.setText(text)
            action.setToolTip(self._tip(tip, shortcut))
            action.setStatusTip(tip)
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(action.toolTip())
        self.quit_action.setText(self.tr("&Quit"))
        for page, title in self._page_titles:
            index = self.pages.indexOf(page)
            if index >= 0:
                self.pages.setTabText(index, title())
        self.rundown.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.rundown.columnCount() - 1
        )
        self.setWindowTitle(self._title())
        if self.snapshot is not None:
            self._update_buttons(self.snapshot)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "quit_action"):
            self.retranslate()
        super().changeEvent(event)

    def _attach_features(self, features: tuple[Feature, ...]) -> None:
        for feature in features:
            given = {name: self.features[name] for name in feature.needs}
            try:
                self.features[feature.name] = feature.attach(self, **given)
            except Exception as exc:
                self.features[feature.name] = None
                self.show_error(self.tr("Could not load {0}: {1}").format(feature.name, exc))

    # Handles for tests (and people reading a traceback); no feature uses them.
    @property
    def live(self):
        return self.features.get("live")

    @property
    def questions(self):
        return self.features.get("questions")

    @property
    def runsheet_editor(self):
        return self.features.get("runsheet")

    @property
    def report_feature(self):
        return self.features.get("report")

    @property
    def drop_router(self):
        return self.features.get("drop_import")

    # -- contract for features ------------------------------------------------------------
    def add_page(self, widget: QWidget, title: str | Callable[[], str]) -> int:
        """A tab for ``widget``. A title given as a function (``lambda: self.tr("...")``)
        is asked again after a language switch; a string stays as it is."""
        if callable(title):
            self._page_titles.append((widget, title))
            return self.pages.addTab(widget, title())
        return self.pages.addTab(widget, title)

    def menu(self, key: str) -> QMenu:
        return self._menus[key]

    def show_error(self, text: str) -> None:
        """Non-modal: a dialog must never block the moderator mid-show."""
        self.statusBar().showMessage(text, 8000)
        self.statusBar().setStyleSheet("color:#c62828;font-weight:bold;")

    def show_status(self, text: str) -> None:
        self.statusBar().setStyleSheet("")
        self.statusBar().showMessage(text, 5000)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # -- timer actions -------------------------------------------------------------------
    def perform(self, action_type: str, payload: dict | None = None) -> Action | None:
        """Journal an action (committed before the screen changes) or say why not."""
        if self.session.readonly:
            self.show_error(self.tr("This show is open read-only here."))
            return None
        try:
            return self.session.perform(action_type, payload)
        except ActionRefused as exc:
            self.show_error(refusal_text(exc))
        except ShowFileError as exc:
            self.show_banner(self.tr("Cannot write the show file: {0}").format(refusal_text(exc)))
        return None

    def toggle(self) -> None:
        state = self.session.engine.state.status
        if state == NOT_STARTED:
            self.start()
        elif state == RUNNING:
            self.perform(ActionType.PAUSE)
        elif state == PAUSED:
            self.perform(ActionType.RESUME)
        else:
            self.show_error(self.tr("The show is finished."))

    def next(self) -> None:
        if self.session.engine.state.status == NOT_STARTED:
            self.start()
        else:
            self.perform(ActionType.NEXT)

    def start(self, index: int | None = None) -> None:
        """Start the run (at segment ``index``), asking first when it is far from the
        planned start.

        Far means the engine's rehearsal threshold: such a run is measured against the plan
        moved onto its own start, so a mistaken Space days before is a real (if undoable)
        run. The prompt is window-modal and opened, never exec()'d: the timer goes on.
        """
        payload = {"index": index} if index is not None else None
        planned = to_us(self.session.show.planned_start)
        if abs(self.session.now_us() - planned) <= REANCHOR_AFTER_US:
            self.perform(ActionType.START, payload)
            return
        box = self._prompt("RehearsalPrompt")
        if box.isVisible():
            return
        box.setWindowTitle(self.tr("Start a rehearsal run?"))
        box.setText(self.tr("Start a rehearsal run?"))
        box.setInformativeText(
            self.tr(
                "The show is planned for {0}, not now. A run started now is a rehearsal: "
                "its over/under is measured from its own start. Enter starts it, Escape cancels."
            ).format(self._planned_text())
        )
        start = box.addButton(self.tr("Start rehearsal"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(start)
        box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
        self._answer(box, start, lambda: self.perform(ActionType.START, payload))

    def _planned_text(self) -> str:
        """The planned start as the moderator says it: "Thursday 25 February 2027 16:00"."""
        planned = self.session.show.planned_start.astimezone(self.session.show.tz)
        locale = QLocale()
        day = locale.toString(QDate(planned.year, planned.month, planned.day),
                              QLocale.FormatType.LongFormat)
        return f"{day} {clock_time(planned, self.session.show.tz)}"

    def _prompt(self, name: str) -> QMessageBox:
        """One reusable question box per kind, a child of the window (window-modal)."""
        box = self.findChild(QMessageBox, name)
        if box is None:
            box = QMessageBox(self)
            box.setObjectName(name)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowModality(Qt.WindowModality.WindowModal)
        elif box.isVisible():
            return box
        for button in box.buttons():
            box.removeButton(button)
            button.deleteLater()
        return box

    @staticmethod
    def _answer(box: QMessageBox, yes: QPushButton, then) -> None:
        def clicked(button) -> None:
            box.buttonClicked.disconnect(clicked)
            if button is yes:
                then()

        box.buttonClicked.connect(clicked)
        box.open()  # never exec(): the ticker and the file poll keep running under it
    def previous(self) -> None:
        self.perform(ActionType.PREVIOUS)

    def go_to(self, index: int) -> None:
        if self.session.engine.state.status == NOT_STARTED:
            self.start(index)  # a double-click before the show starts it: same guard
        else:
            self.perform(ActionType.GOTO, {"index": index})

    def add_minute(self) -> None:
        self.perform(ActionType.ADD_TIME, {"seconds": ONE_MINUTE})

    def remove_minute(self) -> None:
        self.perform(ActionType.ADD_TIME, {"seconds": -ONE_MINUTE})

    def finish(self) -> None:
        """Ctrl+End: the first press only arms; a second one within 2 s finishes the show."""
        armed = self._finish_pressed.isValid() and not self._finish_pressed.hasExpired(
            FINISH_AGAIN_MS
        )
        if not armed and self.snapshot is not None and self.snapshot.live:
            self._finish_pressed.start()
            self._finish_armed.start(FINISH_AGAIN_MS)
            self.statusBar().setStyleSheet("color:#c62828;font-weight:bold;")
            self.statusBar().showMessage(self.tr("Press Ctrl+End again to finish the show"))
            return
        self._disarm_finish()
        self.perform(ActionType.FINISH)

    def _disarm_finish(self) -> None:
        self._finish_pressed.invalidate()
        self._finish_armed.stop()
        if self.statusBar().currentMessage() == self.tr("Press Ctrl+End again to finish the show"):
            self.statusBar().clearMessage()

    def ask_finish(self) -> None:
        """The Finish button and menu: a question whose default answer is Cancel."""
        box = self._prompt("FinishPrompt")
        if box.isVisible():
            return
        box.setWindowTitle(self.tr("Finish the show?"))
        box.setText(self.tr("Finish the show?"))
        box.setInformativeText(self.tr("The timer stops for good. Undo (Ctrl+Z) brings it back."))
        finish = box.addButton(QMessageBox.StandardButton.Ok)
        finish.setText(self.tr("Finish the show"))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self._answer(box, finish, lambda: self.perform(ActionType.FINISH))

    def undo(self) -> None:
        self.perform(ActionType.UNDO)

    # -- following the show ---------------------------------------------------------------
    def poll_file(self) -> None:
        try:
            self.session.refresh()
        except ShowFileError as exc:
            self.show_banner(refusal_text(exc))

    def _on_change(self, change: Changes) -> None:
        if change.runsheet:
            self.rundown.runsheet_changed()
            self.setWindowTitle(self._title())
        self.ticker.fire()  # refresh at once and re-align the next flip

    def _on_tick(self, snap: Snapshot) -> None:
        self.snapshot = snap
        self.panel.update_snapshot(snap)
        self.rundown.update(snap)
        self._update_buttons(snap)
        self.ticked.emit(snap)

    def _update_buttons(self, snap: Snapshot) -> None:
        labels = {
            NOT_STARTED: self.tr("Start"),
            RUNNING: self.tr("Pause"),
            PAUSED: self.tr("Resume"),
        }
        self.buttons["start"].setText(labels.get(snap.state, self.tr("Start")))
        live = snap.live
        self.buttons["start"].setEnabled(snap.state in labels)
        self.buttons["finish"].setEnabled(live)
        self.buttons["plus"].setEnabled(live)
        self.buttons["minus"].setEnabled(live)
        self.buttons["previous"].setEnabled(live and (snap.current_index or 0) > 0)
        last = len(self.session.show.segments) - 1
        self.buttons["next"].setEnabled(
            snap.state == NOT_STARTED or (live and (snap.current_index or 0) < last)
        )
        self.buttons["undo"].setEnabled(self.session.engine.can_undo)

    def closeEvent(self, event: QCloseEvent) -> None:
        for may_close in list(self.close_checks):
            if not may_close():
                event.ignore()
                return
        self.ticker.stop()
        self._poll.stop()
        self.keys.uninstall()
        super().closeEvent(event)
        self.closed.emit()


def open_error_box(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)
