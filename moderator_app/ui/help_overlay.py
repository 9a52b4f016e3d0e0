"""The keyboard help (F1 or ?): every key of every page, live keys first, over the main window.

Laid out in three columns so that it fits a 1366×768 laptop without scrolling, in French
and in English; should a longer translation or a smaller window need more, it scrolls with
the live keys staying at the top. The rows are read from the real actions and page keys
(tests walk the bindings and check that each appears once, with one meaning).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

# Shown as symbols, the way they are printed on the keys.
KEY_SYMBOLS = {Qt.Key.Key_Left: "←", Qt.Key.Key_Right: "→", Qt.Key.Key_Up: "↑", Qt.Key.Key_Down: "↓"}


def key_text(sequence: str | QKeySequence) -> str:
    """How the help writes one key: arrows as ← → ↑ ↓, Return as Enter (one key to the
    moderator), "?" without the Shift it needs on most layouts, the rest as the platform
    writes it (in its language)."""
    seq = QKeySequence(sequence)
    if seq.isEmpty():
        return ""
    combo = seq[0]
    key, mods = combo.key(), combo.keyboardModifiers()
    if key == Qt.Key.Key_Question:
        mods &= ~Qt.KeyboardModifier.ShiftModifier
    if key == Qt.Key.Key_Return:
        key = Qt.Key.Key_Enter
    symbol = KEY_SYMBOLS.get(key)
    if symbol is None:
        return QKeySequence(QKeyCombination(mods, key)).toString(
            QKeySequence.SequenceFormat.NativeText
        )
    prefix = ""
    if mods != Qt.KeyboardModifier.NoModifier:  # "Ctrl+" as the platform writes it
        prefix = QKeySequence(QKeyCombination(mods, Qt.Key.Key_A)).toString(
            QKeySequence.SequenceFormat.NativeText
        )[:-1]
    return prefix + symbol


def keys_text(sequences: list[QKeySequence] | list[str]) -> str:
    seen: list[str] = []
    for seq in sequences:
        text = key_text(seq)
        if text not in seen:
            seen.append(text)
    return ", ".join(seen)


def key_tokens(cell: str) -> list[str]:
    """The separate keys of a help cell (the inverse of ``keys_text``)."""
    return [t for t in cell.split(", ") if t]


@dataclass
class HelpSection:
    key: str  # stable id: live, messages, stage, questions, runsheet, files
    title: str
    note: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)


def action_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, what it does) for each action with a shortcut; its tip says it best, its name
    where several actions share one tip (the preset messages)."""
    with_keys = [a for a in actions if a.shortcuts()]
    tips = [a.statusTip() for a in with_keys]
    rows = []
    for action, tip in zip(with_keys, tips, strict=True):
        label = action.text().replace("&", "")
        described = tip if tip and tips.count(tip) == 1 else label
        rows.append((keys_text(action.shortcuts()), described))
    return rows


def question_table_rows() -> list[tuple[str, str]]:
    return [
        (keys_text(["S"]), QCoreApplication.translate("HelpOverlay", "Shortlist, or back to new")),
        (keys_text(["D", "Delete"]), QCoreApplication.translate("HelpOverlay", "Dismiss or restore")),
        (keys_text(["F", "*"]), QCoreApplication.translate("HelpOverlay", "Star or unstar")),
        (keys_text(["Return"]), QCoreApplication.translate("HelpOverlay", "Put the selected question on air")),
        (keys_text(["A"]), QCoreApplication.translate("HelpOverlay", "Mark answered")),
        (keys_text(["E"]), QCoreApplication.translate("HelpOverlay", "Edit the question")),
        (keys_text(["Ctrl+Up", "Ctrl+Down"]), QCoreApplication.translate("HelpOverlay", "Move up or down in the order")),
        (keys_text(["Ctrl+F"]), QCoreApplication.translate("HelpOverlay", "Search the questions")),
        (keys_text(["Ctrl+V"]), QCoreApplication.translate("HelpOverlay", "Paste questions copied from the chat or the Q&A panel")),
        (keys_text(["Ctrl+Return"]), QCoreApplication.translate("HelpOverlay", "Take the next shortlisted question on air")),
        (keys_text(["Ctrl+Z"]), QCoreApplication.translate("HelpOverlay", "Undo the last decision on the questions")),
        (keys_text(["Ctrl+Shift+Z", "Ctrl+Y"]), QCoreApplication.translate("HelpOverlay", "Redo on the questions")),
    ]


def runsheet_rows() -> list[tuple[str, str]]:
    return [
        (keys_text(["F2"]), QCoreApplication.translate("HelpOverlay", "Edit the cell (or just type)")),
        (keys_text(["Return", "Escape"]), QCoreApplication.translate("HelpOverlay", "Keep or cancel the edit")),
        (keys_text(["Left", "Right", "Up", "Down"]), QCoreApplication.translate("HelpOverlay", "Move between cells")),
        (keys_text(["Insert"]), QCoreApplication.translate("HelpOverlay", "Insert a segment above")),
        (keys_text(["Ctrl+D"]), QCoreApplication.translate("HelpOverlay", "Duplicate the segment")),
        (keys_text(["Delete"]), QCoreApplication.translate("HelpOverlay", "Delete the segment")),
        (keys_text(["Ctrl+Up", "Ctrl+Down"]), QCoreApplication.translate("HelpOverlay", "Move the segment up or down")),
        (keys_text(["Ctrl+Z"]), QCoreApplication.translate("HelpOverlay", "Undo the last run sheet edit")),
        (keys_text(["Ctrl+Shift+Z", "Ctrl+Y"]), QCoreApplication.translate("HelpOverlay", "Redo")),
    ]


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(_menu_actions(action.menu()))
        elif not action.isSeparator():
            found.append(action)
    return found


def help_sections(
    window,
    live_actions: dict[str, QAction] | None = None,
    *,
    questions: bool = False,
    runsheet: bool = False,
    note_actions: list[QAction] | None = None,
) -> list[HelpSection]:
    """Every key of the console, grouped by where it works; live keys first.

    ``live_actions``: the live console's actions by key; ``questions`` / ``runsheet``:
    whether the window has those pages (each has keys of its own); ``note_actions``: the
    keys of the notes from the producer, if the window has them."""
    timer = [window.timer_actions[k] for k in window.timer_actions]
    live_actions = live_actions or {}
    messages = [a for k, a in live_actions.items() if k.startswith("preset_")]
    messages += [live_actions[k] for k in ("message", "clear_message") if k in live_actions]
    stage = [live_actions[k] for k in ("stage", "full_screen", "blackout", "stage_clock", "leave")
             if k in live_actions]
    sections = [
        HelpSection("live", QCoreApplication.translate("HelpOverlay", "Live show"),
                    QCoreApplication.translate("HelpOverlay", "Anywhere in the window or on the stage display, tables included "
                        "(there ↑/↓ move the selection); not in a text field or the run "
                        "sheet grid."),
                    action_rows(timer)),
        HelpSection("messages", QCoreApplication.translate("HelpOverlay", "Messages to the speaker"), "", action_rows(messages)),
        HelpSection("stage", QCoreApplication.translate("HelpOverlay", "Stage display"), "", action_rows(stage)),
    ]
    notes = list(note_actions or [])
    if notes:
        sections.append(HelpSection(
            "notes", QCoreApplication.translate("HelpOverlay", "Notes from the producer"), "",
            action_rows(notes)))
    if questions:
        sections.append(HelpSection(
            "questions", QCoreApplication.translate("HelpOverlay", "Questions tab"),
            QCoreApplication.translate("HelpOverlay", "When the question table has focus; the live keys work there too."),
            question_table_rows()))
    if runsheet:
        sections.append(HelpSection(
            "runsheet", QCoreApplication.translate("HelpOverlay", "Run sheet tab (an editing grid)"),
            QCoreApplication.translate("HelpOverlay", "Keys type and edit here, as in a spreadsheet: the live keys are off."),
            runsheet_rows()))
    shown = set(timer) | set(messages) | set(stage) | set(notes)
    listed = {t for s in sections for _keys, _what in s.rows for t in key_tokens(_keys)}
    rest: list[QAction] = []
    for menu in (window.menu(k) for k in MENU_KEYS):
        for action in _menu_actions(menu):
            tokens = key_tokens(keys_text(action.shortcuts()))
            if action not in shown and tokens and not set(tokens) <= listed:
                rest.append(action)
    sections.append(HelpSection("files", QCoreApplication.translate("HelpOverlay", "Files and windows"), "", action_rows(rest)))
    return sections


def attach(window, live, questions, runsheet, notes) -> None:
    """The keyboard help (opened by the live console's F1) lists the keys of the pages
    this window has."""
    if live is None:
        return  # no F1 without the live console
    note_actions = list(notes.actions.values()) if notes is not None else []
    live.set_help(lambda: help_sections(
        window, live.actions, questions=questions is not None, runsheet=runsheet is not None,
        note_actions=note_actions,
    ))


MENU_KEYS = ("file", "show", "questions", "runsheet", "report", "view", "help")
# Which column each section goes to: live keys top left, where the eye lands first; the
# rest balanced so that the French fits 1366×768 with room to spare.
COLUMNS = (("live", "messages", "notes"), ("stage", "questions"), ("runsheet", "files"))


class HelpOverlay(QWidget):
    """A dark sheet covering its parent; any of F1, ? or Escape closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("HelpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            "#HelpOverlay{background:#1b1f23;}"
            "QLabel{color:white;font-size:11pt;} QLabel#HelpKey{color:#ffe082;font-weight:bold;}"
            "QLabel#HelpSectionTitle{color:#80cbc4;font-weight:bold;font-size:12pt;}"
            "QLabel#HelpNote{color:#b0bec5;}"
            "QLabel#HelpTitle{font-size:16pt;font-weight:bold;}"
            "QScrollArea, #HelpBody{background:transparent;}"
        )
        self.title = QLabel()
        self.title.setObjectName("HelpTitle")
        self.hint = QLabel()
        self.hint.setObjectName("HelpNote")
        self.hint.setWordWrap(True)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("HelpScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.viewport().setAutoFillBackground(False)
        self.sections: list[HelpSection] = []
        self._sections: Callable[[], list[HelpSection]] | None = None
        self.key_labels: list[QLabel] = []
        self.text_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll, 1)
        self.hide()
        parent.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Keyboard shortcuts"))
        self.hint.setText(
            self.tr(
                "Live keys work in the main window and on the stage display, never while you "
                "type in a text field or edit a cell. F1, ? or Escape closes this help."
            )
        )

    def fill(self, sections: list[HelpSection]) -> None:
        self.sections = sections
        self.key_labels, self.text_labels = [], []
        body = QWidget()
        body.setObjectName("HelpBody")
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(28)
        by_key = {s.key: s for s in sections}
        for keys in COLUMNS:
            # One grid per column: its keys line up from one section to the next.
            grid = QGridLayout()
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(2)
            grid.setColumnStretch(1, 1)
            for key in keys:
                if key in by_key:
                    self._add_section(grid, by_key[key])
            grid.setRowStretch(grid.rowCount(), 1)
            columns.addLayout(grid, 1)
        self.scroll.setWidget(body)

    def _label(self, text: str, name: str = "", wrap: bool = False) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(wrap)
        if name:
            label.setObjectName(name)
        return label

    def _add_section(self, grid: QGridLayout, section: HelpSection) -> None:
        row = grid.rowCount()
        if row > 1:
            grid.setRowMinimumHeight(row, 8)
            row += 1
        grid.addWidget(self._label(section.title, "HelpSectionTitle"), row, 0, 1, 2)
        row += 1
        if section.note:
            note = self._label(section.note, "HelpNote", wrap=True)
            grid.addWidget(note, row, 0, 1, 2)
            self.text_labels.append(note)
            row += 1
        for keys, what in section.rows:
            key_label = self._label(keys, "HelpKey")
            text = self._label(what, wrap=True)
            grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1, Qt.AlignmentFlag.AlignTop)
            self.key_labels.append(key_label)
            self.text_labels.append(text)
            row += 1

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, keys, what) as shown, top to bottom."""
        return [(s.key, k, w) for s in self.sections for k, w in s.rows]

    def open_over(self, sections: Callable[[], list[HelpSection]]) -> None:
        """Show the sections ``sections()`` returns, asked again if the language changes
        while the help is open (the keys' descriptions are the actions' texts)."""
        self._sections = sections
        self.fill(sections())
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The window and its features have retranslated their actions by now: Qt
            # tells a parent before its children.
            if self.isVisible() and self._sections is not None:
                self.fill(self._sections())
        super().changeEvent(event)
