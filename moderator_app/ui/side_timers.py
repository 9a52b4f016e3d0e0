"""The console's timers beside the schedule: aux timers, "Started at…" and "Set elapsed…",
automatic cues and starts fired from the tick, the answer timer's length, the clock check.

Every action goes through app/timers.py (the command line calls the same); this module
only adds the keys, the dialogs and the console's tick. The clock check runs off the UI
thread (ui/ops) at start and every few minutes, only when a time server is configured.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app import timers
from moderator_app.app.clock_check import (
    CHECK_EVERY_S,
    ClockCheckError,
    ClockOffset,
    measure_offset,
)
from moderator_app.app.errors import ActionRefused, ShowFileError
from moderator_app.core.actions import AUTOSTART_CANCEL, AUX_PAUSE, AUX_START
from moderator_app.core.aux_timers import (
    AUX_COUNT,
    DOWN,
    SHOWN_LINE,
    SHOWN_MAIN,
    SHOWN_OFF,
    UP,
)
from moderator_app.core.durations import format_duration
from moderator_app.core.engine import Snapshot
from moderator_app.ui.ops import run_op
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.side_timer_words import CANCEL_KEY
from moderator_app.ui.widgets import ERROR_COLOUR, ok_cancel, plain_label

if TYPE_CHECKING:
    from moderator_app.ui.main_window import MainWindow

AUX_KEYS = ("F6", "F7", "F8")
US = 1_000_000


def attach(window: MainWindow, live=None, questions=None) -> SideTimers | None:
    if live is None:
        return None  # no stage, no messages: cues and answers have nowhere to show
    return SideTimers(window, live, questions)


class TextDialog(QDialog):
    """One line to type, an optional choice, and the refusal said in the dialog itself:
    a refused correction keeps the dialog open with the text, so it can be fixed."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        prompt: str,
        placeholder: str,
        submit: Callable[[str, object], str | None],
        choices: list[tuple[str, object]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.text = QLineEdit()
        self.text.setObjectName("TimerText")
        self.text.setPlaceholderText(placeholder)
        self.choice = QComboBox()
        self.choice.setObjectName("TimerScope")
        for label, data in choices or []:
            self.choice.addItem(label, data)
        self.error = plain_label()
        self.error.setObjectName("TimerError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{ERROR_COLOUR};")
        form = QFormLayout()
        caption = plain_label()
        caption.setText(prompt)
        form.addRow(caption, self.text)
        if choices:
            form.addRow(self.choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.setMinimumWidth(420)

    def accept(self) -> None:
        problem = self._submit(self.text.text(), self.choice.currentData())
        if problem:
            self.error.setText(problem)
            return
        super().accept()


class AuxTimersDialog(QDialog):
    """Name, length, direction and place of each aux timer; OK sets (and resets) the
    timers whose set-up changed."""

    def __init__(self, parent: QWidget, feature: SideTimers) -> None:
        super().__init__(parent)
        self.setObjectName("AuxTimersDialog")
        self.setWindowTitle(self.tr("Timers"))
        self.feature = feature
        grid = QGridLayout()
        for col, text in enumerate(
            (self.tr("Name"), self.tr("Length"), self.tr("Counts"), self.tr("On the stage"))
        ):
            header = plain_label(bold=True)
            header.setText(text)
            grid.addWidget(header, 0, col + 1)
        self.rows: list[tuple[QLineEdit, QLineEdit, QComboBox, QComboBox]] = []
        engine = feature.session.engine
        for n in range(1, AUX_COUNT + 1):
            t = engine.aux.get(n)
            number = plain_label(bold=True)
            number.setText(str(n))
            name = QLineEdit(t.name)
            name.setMaxLength(40)
            name.setPlaceholderText(self.tr("Timer {0}").format(n))
            length = QLineEdit(format_duration(t.duration_us / US))
            direction = QComboBox()
            direction.addItem(self.tr("down"), DOWN)
            direction.addItem(self.tr("up"), UP)
            direction.setCurrentIndex(max(direction.findData(t.direction), 0))
            shown = QComboBox()
            shown.addItem(self.tr("not shown"), SHOWN_OFF)
            shown.addItem(self.tr("a line under the time"), SHOWN_LINE)
            shown.addItem(self.tr("in place of the time"), SHOWN_MAIN)
            shown.setCurrentIndex(max(shown.findData(t.shown), 0))
            for col, widget in enumerate((number, name, length, direction, shown)):
                widget.setObjectName(f"Aux{n}_{col}")
                grid.addWidget(widget, n, col)
            self.rows.append((name, length, direction, shown))
        self.error = plain_label()
        self.error.setObjectName("TimerError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{ERROR_COLOUR};")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        engine = self.feature.session.engine
        for n, (name, length, direction, shown) in enumerate(self.rows, start=1):
            t = engine.aux.get(n)
            wanted = (name.text().strip(), length.text().strip(), direction.currentData(),
                      shown.currentData())  # fmt: skip
            if wanted == (t.name, format_duration(t.duration_us / US), t.direction, t.shown):
                continue
            problem = self.feature.run(
                lambda n=n, w=wanted: timers.aux(
                    self.feature.session, n, "set", w[1], name=w[0], direction=w[2], shown=w[3]
                )
            )
            if problem:
                self.error.setText(self.tr("Timer {0}: {1}").format(n, problem))
                return
        super().accept()


class SideTimers(QObject):
    def __init__(self, window: MainWindow, live, questions=None) -> None:
        super().__init__(window)
        self.window = window
        self.live = live
        self.questions = questions
        self.session = window.session
        self.actions: dict[str, QAction] = {}
        self._due_queued = False
        self._chimed_at: int | None = None
        self._clock_op = None
        self.clock_result: ClockOffset | str | None = None
        self.dialog: QDialog | None = None
        current = self.session.engine.message
        # A cue already on screen when the console opens has chimed in its time.
        self._chimed_at = current.at_us if current is not None else None

        show = window.menu("show")
        show.addSeparator()
        self._action("started_at", ["T"], self.open_started_at, show)
        self._action("set_elapsed", ["Shift+T"], self.open_set_elapsed, show)
        self._action("cancel_auto_start", [CANCEL_KEY], self.cancel_auto_start, show)
        self._action("aux_timers", ["Ctrl+T"], self.open_aux_timers, show)
        for n, key in enumerate(AUX_KEYS, start=1):
            self._action(f"aux_{n}", [key], lambda n=n: self.toggle_aux(n), show)
        self.retranslate()
        window.installEventFilter(self)  # the menu texts follow a change of language

        window.ticked.connect(self.on_tick)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CHECK_EVERY_S * 1000)
        self._clock_timer.timeout.connect(self.check_clock)
        self._clock_timer.start()
        QTimer.singleShot(0, self.check_clock)  # at start, once the window is up

    # -- actions --------------------------------------------------------------------------
    def _action(self, key: str, shortcuts: list[str], slot: Callable[[], None], menu) -> None:
        action = QAction(self.window)
        action.setObjectName(f"action_{key}")
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        # Shown in menus and the help; ShowKeys handles the keys (never while typing).
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        for sequence in shortcuts:
            self.window.keys.bind(sequence, slot)
        menu.addAction(action)
        self.actions[key] = action
        # Listed with the live keys in the keyboard help: they work the same way.
        self.window.timer_actions[f"side_{key}"] = action

    def retranslate(self) -> None:
        texts = {
            "started_at": self.tr("Started &at…"),
            "set_elapsed": self.tr("Set &elapsed…"),
            "cancel_auto_start": self.tr("Cancel the automatic start"),
            "aux_timers": self.tr("&Timers…"),
        }
        for n in range(1, AUX_COUNT + 1):
            texts[f"aux_{n}"] = self.tr("Start or pause timer {0}").format(n)
        for key, text in texts.items():
            self.actions[key].setText(text)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def run(self, perform: Callable[[], object]) -> str | None:
        """Perform through app/timers.py; the refusal in one sentence, or None."""
        if self.session.readonly:
            return self.tr("This show is open read-only here.")
        try:
            perform()
        except (timers.TimerInputError, ActionRefused) as exc:
            return refusal_text(exc)
        except ShowFileError as exc:
            self.window.show_banner(self.tr("Cannot write the show file: {0}").format(refusal_text(exc)))
            return refusal_text(exc)
        return None

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, never exec(): the timer goes on
        self.dialog = dialog
        return dialog

    def open_started_at(self) -> QDialog:
        def submit(text: str, scope: object) -> str | None:
            return self.run(lambda: timers.started_at(self.session, text, scope=str(scope)))

        return self._open(TextDialog(
            self.window, self.tr("Started at…"),
            self.tr("Started at"), self.tr("16:05, 16:05:30, 2 min ago or -120"), submit,
            [(self.tr("the segment on air"), timers.SCOPE_SEGMENT),
             (self.tr("the show (its first segment)"), timers.SCOPE_SHOW)],
        ))  # fmt: skip

    def open_set_elapsed(self) -> QDialog:
        def submit(text: str, _scope: object) -> str | None:
            return self.run(lambda: timers.set_elapsed(self.session, text))

        return self._open(TextDialog(
            self.window, self.tr("Set elapsed…"), self.tr("The segment has run"),
            self.tr("seconds, or m:ss"), submit,
        ))  # fmt: skip

    def open_aux_timers(self) -> QDialog:
        return self._open(AuxTimersDialog(self.window, self))

    def toggle_aux(self, number: int) -> None:
        timer = self.session.engine.aux.get(number)
        kind = AUX_PAUSE if timer.running else AUX_START
        self.window.perform(kind, {"timer": number})

    def cancel_auto_start(self) -> None:
        if timers.pending_auto_start(self.session) is None:
            self.window.show_status(self.tr("No automatic start is counting down"))
            return
        if self.window.perform(AUTOSTART_CANCEL) is not None:
            self.window.show_status(self.tr("Automatic start cancelled"))

    # -- the tick ---------------------------------------------------------------------------
    def on_tick(self, snap: Snapshot) -> None:
        book = getattr(self.questions, "book", None)
        if book is not None:
            book.answer_s = self.live.prefs.answer_s or None
        message = snap.message
        fresh = message is not None and message.cue and self._chimed_at != message.at_us
        if fresh and message is not None:
            self._chimed_at = message.at_us
            if message.chime:
                self.live.alert.play("warning")
        if (
            not self.session.readonly
            and not self._due_queued
            and (snap.auto_start is not None or snap.live)
        ):
            # Not inside the tick's own signal: journaling refreshes the window again.
            self._due_queued = True
            QTimer.singleShot(0, self.fire_due)

    def fire_due(self) -> None:
        self._due_queued = False
        try:
            done = timers.tick(self.session)
        except ShowFileError as exc:
            self.window.show_banner(self.tr("Cannot write the show file: {0}").format(refusal_text(exc)))
            return
        if done.auto_start is not None:
            self.window.show_status(
                self.tr("“{0}” started by itself at its fixed start (Ctrl+Z undoes)").format(
                    done.auto_start.title
                )
            )

    # -- the clock ----------------------------------------------------------------------------
    def check_clock(self) -> None:
        server = self.live.prefs.time_server
        if not server:
            self.clock_result = None
            self.window.panel.clock_warning.hide()
            return
        if self._clock_op is not None:
            return  # the previous check is still waiting for its server

        def ask(_progress) -> ClockOffset | str:
            try:
                return measure_offset(server)
            except ClockCheckError as exc:
                return refusal_text(exc)

        self._clock_op = run_op(ask, on_success=self._clock_done, on_failure=self._clock_done)

    def _clock_done(self, result: object) -> None:
        self._clock_op = None
        self.clock_result = result  # type: ignore[assignment]
        label = self.window.panel.clock_warning
        if isinstance(result, ClockOffset) and result.off:
            label.setText(clock_warning_text(result))
            label.show()
            return
        label.hide()
        if isinstance(result, str):
            self.window.show_status(self.tr("Clock not checked: {0}").format(result))


def clock_warning_text(result: ClockOffset) -> str:
    offset = result.offset_s
    seconds = f"{abs(offset):.1f}"
    if offset > 0:
        text = QCoreApplication.translate(
            "SideTimers",
            "This computer's clock is {0} s behind the time server {1}: times of day on "
            "screen may be wrong; the timer itself is not affected",
        )
    else:
        text = QCoreApplication.translate(
            "SideTimers",
            "This computer's clock is {0} s ahead of the time server {1}: times of day on "
            "screen may be wrong; the timer itself is not affected",
        )
    return text.format(seconds, result.server)
