"""Dropping a spreadsheet on the console (or File → Import a spreadsheet): question lists
go to the questions import dialog, run sheets to the run sheet import dialog.

Which one a file is comes from ``app.files.detect`` (the first rows only, never an
exception), asked off the UI thread (ui/ops.py): even the first rows of a workbook are
parsed in a child process (see ``io.safe_read``), and a hostile file may take that child its whole
time limit before it is refused. The drop returns at once; the timer keeps ticking; the
dialog opens (or the one-line refusal shows) when the answer comes back. Both dialogs
open on the file with its detected layout: nothing is imported until the moderator
presses Import.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from moderator_app.app.files import QUESTIONS, RUNSHEET, detect
from moderator_app.ui.first_run import SPREADSHEET_SUFFIXES, register_drop_handler
from moderator_app.ui.ops import Operation, run_op


def claims(path: Path) -> bool:
    """Any spreadsheet that is there: what it is, is found off the UI thread."""
    return path.suffix.lower() in SPREADSHEET_SUFFIXES and os.path.lexists(path)


class DropRouter(QObject):
    """Sends each dropped file to its import dialog once an operation off the UI thread
    has said what it is; lives on the UI thread as a child of the window. It is given the
    questions feature and the run sheet editor (None when the window has not got one)."""

    def __init__(self, window, questions=None, runsheet_editor=None) -> None:
        super().__init__(window)
        self.window = window
        self.questions = questions
        self.runsheet_editor = runsheet_editor
        self.pending: list[Path] = []
        self.running: set[Operation] = set()
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel_all)

    def examine(self, path: Path) -> None:
        self.pending.append(path)
        # A cancel reaches a workbook's reading process through the operation's scope.
        op = run_op(
            lambda _progress: detect(path),
            on_success=lambda detection: self._detected(path, detection),
            on_failure=lambda _message: self._forget(path),
        )
        self.running.add(op)
        op.finished.connect(lambda: self.running.discard(op))

    def _forget(self, path: Path) -> None:
        # Only a cancelled read fails (detect never raises otherwise): the window is
        # closing, nobody is waiting for the answer.
        if path in self.pending:
            self.pending.remove(path)

    def _detected(self, path: Path, detection) -> None:
        self._forget(path)
        window = self.window
        if detection.problem:
            window.show_error(detection.problem)
        elif detection.kind == RUNSHEET:
            self.import_runsheet(path)
        elif detection.kind == QUESTIONS:
            self.import_questions(path)
        else:
            window.show_error(
                QCoreApplication.translate(
                    "FirstRun", "{0}: not recognised as a question list or a run sheet"
                ).format(path.name)
            )

    def import_questions(self, path: Path):
        """Open the questions import dialog on ``path``; the dialog, or None."""
        if self.questions is None:
            _missing(self.window, QCoreApplication.translate("DropImport", "Questions"))
            return None
        self.window.pages.setCurrentWidget(self.questions.page)
        return self.questions.open_import(path)

    def import_runsheet(self, path: Path):
        """Open the run sheet import dialog on ``path``; the dialog, or None (and a message)."""
        from moderator_app.ui.runsheet_dialogs import ImportDialog

        if self.runsheet_editor is None:
            _missing(self.window, QCoreApplication.translate("DropImport", "Run sheet"))
            return None
        self.window.pages.setCurrentWidget(self.runsheet_editor)
        return ImportDialog.run(self.runsheet_editor, str(path))

    def cancel_all(self) -> None:
        for op in list(self.running):
            op.cancel()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.cancel_all()
        return False


def import_dropped(window, path: Path) -> None:
    """The drop handler: the window's own router examines the file."""
    router = window.findChild(DropRouter)
    if router is None:  # a window built without this feature: each page says it is missing
        router = DropRouter(window)
    router.examine(path)


def _missing(window, what: str) -> None:
    window.show_error(
        QCoreApplication.translate("DropImport", "The {0} page is not available").format(what)
    )


def attach(window, questions=None, runsheet=None) -> DropRouter:
    """Spreadsheets dropped on the window (or chosen with File → Import) go to the
    ``questions`` feature's or the ``runsheet`` editor's import dialog. One handler claims
    every spreadsheet that exists; the kind (the stronger match when both importers would
    take it, see detect) is found off the UI thread."""
    router = DropRouter(window, questions, runsheet)
    register_drop_handler("spreadsheet", claims, import_dropped)
    return router
