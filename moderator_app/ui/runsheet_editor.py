"""The run sheet editor page: table, toolbar, undo/redo, totals, and its ``attach``.

Every change is an ``Edit`` pushed on this page's QUndoStack; doing it journals it
through the session (so it is saved before the table shows it), undoing journals the
inverse. Ctrl+Z here is scoped to this page, so it never undoes a timer action.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app import runsheet as rs
from moderator_app.app.errors import (
    USER_ERRORS,
    EditRefused,
    ShowFileError,
)
from moderator_app.app.runsheet import Edit, ShowSession
from moderator_app.core.actions import Changes
from moderator_app.core.durations import format_duration
from moderator_app.core.engine import Snapshot
from moderator_app.core.runsheet_edit import delete, duplicate, insert, move
from moderator_app.core.undo_history import GROUP
from moderator_app.ui.file_dialogs import in_start_folder, remember_folder
from moderator_app.ui.formatting import clock_time, over_under_text
from moderator_app.ui.i18n import current_language
from moderator_app.ui.keys import TYPING_PROPERTY
from moderator_app.ui.ops import Operation, run_op
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.runsheet_delegates import (
    KindDelegate,
    TextDelegate,
    clock_delegate,
    duration_delegate,
    timezone_delegate,
)
from moderator_app.ui.runsheet_model import (
    COL_CUES,
    COL_DANGER,
    COL_DURATION,
    COL_END,
    COL_KIND,
    COL_NOTES,
    COL_ORGANISATION,
    COL_REGION,
    COL_SPEAKER,
    COL_START,
    COL_TIMEZONE,
    COL_TITLE,
    COL_WARNING,
    RunSheetModel,
)
from moderator_app.ui.widgets import plain_tooltip

EDITOR_KEYS = "Ctrl+Z / Ctrl+Shift+Z, Ctrl+Up / Ctrl+Down, Insert, Ctrl+D, Delete"


class RunSheetEditor(QWidget):
    error = Signal(str)
    status = Signal(str)
    exported = Signal(str)  # the file a run sheet export wrote

    def __init__(self, session: ShowSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RunSheetEditor")
        self.session = session
        alive = self._alive = {"alive": True}  # read by work ending after the page closed
        self.destroyed.connect(lambda *_: alive.update(alive=False))
        # Undo and redo are folds over the journal: they survive a restart of the console.
        self._snap: Snapshot | None = None
        self.history = rs.RunSheetHistory(session)
        self.model = RunSheetModel(session, self.commit, self)
        self.model.refused.connect(self._refused)

        self.view = QTableView()
        self.view.setObjectName("RunSheetTable")
        # Typing in this table edits cells: the console's show keys (Space, N, -) stay out.
        self.view.setProperty(TYPING_PROPERTY, True)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {
            COL_START: 70, COL_END: 60, COL_DURATION: 70, COL_TITLE: 330, COL_KIND: 130,
            COL_SPEAKER: 180, COL_ORGANISATION: 150, COL_REGION: 120, COL_TIMEZONE: 150,
            COL_WARNING: 70, COL_DANGER: 70, COL_NOTES: 300, COL_CUES: 280,
        }  # fmt: skip
        for col, width in widths.items():
            self.view.setColumnWidth(col, width)
        self._fit_headers()
        self._delegates = {
            COL_KIND: KindDelegate(self),
            COL_DURATION: duration_delegate(self),
            COL_WARNING: duration_delegate(self),
            COL_DANGER: duration_delegate(self),
            COL_START: clock_delegate(self),
            COL_TIMEZONE: timezone_delegate(self),
            COL_TITLE: TextDelegate(lambda: self.tr("Segment title"), parent=self),
        }
        for col, delegate in self._delegates.items():
            self.view.setItemDelegateForColumn(col, delegate)

        self.message = QLabel()
        self.message.setObjectName("RunSheetMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#c62828;")
        self.message.hide()
        self.total = QLabel()
        self.total.setObjectName("RunSheetTotal")
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.total.setStyleSheet("font-weight:bold;padding:4px;")

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        self.menu_actions: list[QAction] = []  # the Run sheet menu's, added by attach()
        self._build_actions()

        self.extra_bar = QVBoxLayout()  # the linked-sheet bar goes here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addLayout(self.extra_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        layout.addLayout(bottom)

        session.subscribe_changes(self._on_change)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.update_totals()
        self._update_actions()

    # -- actions ---------------------------------------------------------------------------
    SHORTCUTS = {
        "insert": "Insert", "duplicate": "Ctrl+D", "delete": "Delete",
        "up": "Ctrl+Up", "down": "Ctrl+Down",
    }  # fmt: skip

    def _action_texts(self) -> dict[str, tuple[str, str | None]]:
        """Each toolbar action's text and tooltip (None: Qt's default, the text)."""
        return {
            "add": (self.tr("Add"), self.tr("Add a segment at the end")),
            "insert": (self.tr("Insert"), self.tr("Insert a segment above the selected one")),
            "duplicate": (self.tr("Duplicate"), self.tr("Duplicate the selected segment")),
            "delete": (self.tr("Delete"), self.tr("Delete the selected segment")),
            "up": (self.tr("Move up"), self.tr("Move the selected segment up")),
            "down": (self.tr("Move down"), self.tr("Move the selected segment down")),
            "undo": (self.tr("Undo"), None),
            "redo": (self.tr("Redo"), None),
            "export": (self.tr("Export…"), None),
        }

    def _retranslate_actions(self) -> None:
        for name, (text, tip) in self._action_texts().items():
            action = self.actions_by_name[name]
            action.setText(text)
            if tip is not None:
                shortcut = self.SHORTCUTS.get(name)
                action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)

    def _build_actions(self) -> None:
        undo = QAction(self)
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        undo.triggered.connect(self.undo)
        redo = QAction(self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.triggered.connect(self.redo)
        slots = {
            "add": self.add_segment, "insert": self.insert_segment,
            "duplicate": self.duplicate_segment, "delete": self.delete_segment,
            "up": lambda: self.move_selected(-1), "down": lambda: self.move_selected(1),
        }  # fmt: skip
        for name, slot in slots.items():
            action = QAction(self)
            shortcut = self.SHORTCUTS.get(name)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.actions_by_name[name] = action
        self.actions_by_name["undo"] = undo
        self.actions_by_name["redo"] = redo
        order = ["add", "insert", "duplicate", "delete", None, "up", "down", None, "undo", "redo"]
        for name in order:
            if name is None:
                self.toolbar.addSeparator()
                continue
            action = self.actions_by_name[name]
            # Scoped to this page: the main window's Ctrl+Z (timer undo) stays its own.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            self.toolbar.addAction(action)
        export = QAction(self)
        export.triggered.connect(self.export_dialog)
        self.actions_by_name["export"] = export
        self._retranslate_actions()

    def page_title(self) -> str:
        return self.tr("Run sheet")

    def _menu_texts(self) -> list[str]:
        """The Run sheet menu's entries, in ``attach``'s order."""
        return [
            QCoreApplication.translate("RunSheetEditor", "&Import a spreadsheet…"),
            QCoreApplication.translate("RunSheetEditor", "&Export…"),
            QCoreApplication.translate("RunSheetEditor", "&Link to a producer's spreadsheet…"),
            QCoreApplication.translate("RunSheetEditor", "&Unlink"),
            QCoreApplication.translate("RunSheetEditor", "Show &properties…"),
        ]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_actions()
            if self.menu_actions:  # an editor on its own (tests) has no menu
                for action, text in zip(self.menu_actions, self._menu_texts(), strict=True):
                    action.setText(text)
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
            )
            self.update_totals()
            self._retitle_tab()
            self._fit_headers()

    def _fit_headers(self) -> None:
        """Widen a column whose header would be cut ("Fuseau de l'intervenant"); never
        narrow one (the moderator may have widened it)."""
        header = self.view.horizontalHeader()
        for col in range(self.model.columnCount() - 1):  # the last one stretches
            needed = header.sectionSizeHint(col)
            if self.view.columnWidth(col) < needed:
                self.view.setColumnWidth(col, needed)

    def _retitle_tab(self) -> None:
        """The page's tab in the window, named again (the tab bar is the window's)."""
        host = self.parentWidget()
        while host is not None and not isinstance(host, QTabWidget):
            host = host.parentWidget()
        if host is not None and host.indexOf(self) >= 0:
            host.setTabText(host.indexOf(self), self.page_title())

    def _update_actions(self) -> None:
        row = self.current_row()
        has = row is not None
        n = self.model.rowCount()
        writable = not self.session.readonly
        self.actions_by_name["add"].setEnabled(writable)
        self.actions_by_name["insert"].setEnabled(writable)
        for name in ("duplicate", "delete"):
            self.actions_by_name[name].setEnabled(writable and has)
        self.actions_by_name["up"].setEnabled(writable and has and row > 0)
        self.actions_by_name["down"].setEnabled(writable and has and row < n - 1)
        self.actions_by_name["undo"].setEnabled(writable and self.history.can_undo())
        self.actions_by_name["redo"].setEnabled(writable and self.history.can_redo())

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    # -- doing edits -----------------------------------------------------------------------
    def commit(self, edit: Edit, text: str | None = None, *, group: str | None = None) -> bool:
        """Do ``edit`` now (journaled, so undoable); False (with a message) if refused.

        Edits sharing a ``group`` are undone and redone as one step."""
        return self.apply(edit, extra={GROUP: group} if group else None)

    def apply(self, edit: Edit, *, extra: dict | None = None) -> bool:
        return self.attempt(lambda: rs.commit(self.session, edit, extra=extra))

    def attempt(self, operation) -> bool:
        """Run an operation that changes the run sheet; False (with its one-line message)
        when refused: the live rule, a sheet that cannot be imported, the file."""
        try:
            operation()
        except ShowFileError as exc:
            self.show_message(self.tr("The show file could not be written: {0}").format(refusal_text(exc)))
            return False
        except USER_ERRORS as exc:
            self.show_message(refusal_text(exc))
            return False
        self.show_message("")
        return True

    def undo(self) -> bool:
        """Undo the latest run sheet change still in force (this session's or not)."""
        if not self.history.can_undo():
            self.show_message(self.tr("Nothing to undo in the run sheet"))
            return False
        # Refused when the run sheet moved on (live rule, another process).
        return self.attempt(self.history.undo)

    def redo(self) -> bool:
        if not self.history.can_redo():
            self.show_message(self.tr("Nothing to redo in the run sheet"))
            return False
        return self.attempt(self.history.redo)

    def _describe(self, edit: Edit) -> str:
        names = {
            "set": self.tr("Edit"), "insert": self.tr("Insert"), "delete": self.tr("Delete"),
            "move": self.tr("Move"), "show": self.tr("Show properties"),
            "replace": self.tr("Replace the run sheet"),
        }  # fmt: skip
        return names.get(edit.op, edit.op)

    def add_segment(self) -> None:
        n = self.model.rowCount()
        if self._try(lambda: insert(self.session.show, n)):
            self._select(n, COL_TITLE)

    def insert_segment(self) -> None:
        row = self.current_row()
        at = row if row is not None else self.model.rowCount()
        if self._try(lambda: insert(self.session.show, at)):
            self._select(at, COL_TITLE)

    def duplicate_segment(self) -> None:
        row = self.current_row()
        if row is not None and self._try(lambda: duplicate(self.session.show, row)):
            self._select(row + 1, self.view.currentIndex().column())

    def delete_segment(self) -> None:
        row = self.current_row()
        if row is not None and self._try(lambda: delete(self.session.show, row)):
            self._select(min(row, self.model.rowCount() - 1), self.view.currentIndex().column())

    def move_selected(self, step: int) -> None:
        row = self.current_row()
        if row is None:
            return
        col = self.view.currentIndex().column()
        to = row + step
        if 0 <= to < self.model.rowCount() and self._try(lambda: move(self.session.show, row, to)):
            self._select(to, col)

    def _try(self, build) -> bool:
        try:
            return self.commit(build())
        except EditRefused as exc:
            self.show_message(refusal_text(exc))
            return False

    def _select(self, row: int, col: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, max(col, 0)))

    # -- messages and totals ---------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self.error.emit(text)

    def _refused(self, index: QModelIndex, text: str) -> None:
        self.show_message(text)
        rect = self.view.visualRect(index)
        QToolTip.showText(
            self.view.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 2)),
            plain_tooltip(text),  # the reason quotes what was typed
            self.view.viewport(),
            rect,
            6000,
        )

    def update_totals(self) -> None:
        total, end, promised, over = self.model.totals()
        tz = self.session.show.tz
        parts = [
            self.tr("{0} segments").format(self.model.rowCount()),
            self.tr("total {0}").format(format_duration(total, always_hours=True)),
            self.tr("ends {0}").format(clock_time(end, tz)),
        ]
        if promised is not None:
            parts.append(
                self.tr("planned end {0}").format(clock_time(promised, tz))
            )
            if abs(over) < 1:
                parts.append(self.tr("on time"))
            elif over > 0:
                parts.append(self.tr("{0} over").format(format_duration(over)))
            else:
                parts.append(self.tr("{0} under").format(format_duration(-over)))
        snap = self._snap
        if snap is not None and snap.live:
            # The plan's fit above; the show as it runs here, as the console says it.
            parts.append(self.tr("live: ends {0}, {1}").format(
                clock_time(snap.projected_end, tz), over_under_text(snap.over_under_s)))
        text = "   ·   ".join(parts)
        if text != self.total.text():
            self.total.setText(text)
        colour = "#c62828" if over >= 1 else "#2a7030" if promised is not None else "palette(text)"
        style = f"font-weight:bold;padding:4px;color:{colour};"
        if style != self.total.styleSheet():  # re-polishing each second would cost
            self.total.setStyleSheet(style)

    def _on_change(self, change: Changes) -> None:
        self.history.feed(change.action)
        if change.runsheet:
            self.update_totals()
            self._update_actions()

    def update_snapshot(self, snap: Snapshot) -> None:
        self.model.update_snapshot(snap)
        self._snap = snap
        if snap.live:
            self.update_totals()

    # -- export ----------------------------------------------------------------------------
    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the run sheet"), in_start_folder(f"{self.session.path.stem}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )  # fmt: skip
        remember_folder(path)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Operation:
        """Write the run sheet to ``path`` off the UI thread (a slow or full drive never
        freezes the console); ``exported`` follows, or the one-line reason."""
        show = copy.deepcopy(self.session.show)  # the show as it is now, whatever follows
        language = current_language()  # headers in the interface language: either imports

        def write(_progress) -> Path:
            return rs.export(show, path, language=language)

        alive = self._alive  # the editor may close (another show) before the write ends

        def refused(message: str) -> None:
            if alive["alive"]:
                self.show_message(message)

        return run_op(
            write,
            on_success=lambda written: alive["alive"] and self._exported(written),
            on_failure=refused,
        )

    def _exported(self, written: object) -> None:
        self.status.emit(self.tr("Run sheet exported to {0}").format(written))
        self.exported.emit(str(written))

def attach(window) -> RunSheetEditor:
    """Add the run sheet page and the Run sheet menu to the console's main window."""
    from moderator_app.ui.runsheet_dialogs import (
        ImportDialog,
        ShowPropertiesDialog,
    )
    from moderator_app.ui.runsheet_link import RunSheetLink

    editor = RunSheetEditor(window.session, window)
    window.add_page(editor, editor.page_title())
    editor.error.connect(window.show_error)
    editor.status.connect(window.show_status)
    window.ticked.connect(editor.update_snapshot)
    editor.link = RunSheetLink(editor)
    menu = window.menu("runsheet")
    slots = [
        lambda: ImportDialog.run(editor),
        editor.export_dialog,
        editor.link.choose,
        editor.link.unlink,
        lambda: ShowPropertiesDialog.run(editor),
    ]
    # The editor renames these on a language switch: it receives LanguageChange, the
    # actions do not.
    for text, slot in zip(editor._menu_texts(), slots, strict=True):
        action = QAction(text, window)
        action.triggered.connect(slot)
        menu.addAction(action)
        editor.menu_actions.append(action)
    QTimer.singleShot(0, editor.link.restore)
    return editor
