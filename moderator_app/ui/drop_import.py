"""Dropping a spreadsheet on the console (or File → Import a spreadsheet): question lists
go to the questions import dialog, run sheets to the run sheet import dialog.

Which one a file is comes from ``io.spreadsheet_kind`` (the first rows only, never an
exception), asked on a worker thread: even the first rows of a workbook are parsed in a
child process (see ``io.safe_read``), and a hostile file may take that child its whole
time limit before it is refused. The drop returns at once; the timer keeps ticking; the
dialog opens (or the one-line refusal shows) when the answer comes back. Both dialogs
open on the file with its detected layout: nothing is imported until the moderator
presses Import.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot

from moderator_app.ui.first_run import SPREADSHEET_SUFFIXES, register_drop_handler

# Workers outlive the window that started them by at most a poll of their cancel flag;
# a QThread destroyed while it runs aborts the process, so they are held here, not by
# the window.
_RUNNING: dict[object, threading.Event] = {}


def claims(path: Path) -> bool:
    """Any spreadsheet that is there: what it is, is found off the UI thread."""
    return path.suffix.lower() in SPREADSHEET_SUFFIXES and os.path.lexists(path)


def _examine(path: Path, cancel: threading.Event) -> tuple[Path, object]:
    from moderator_app.io.spreadsheet_kind import detect  # the importers load on first drop

    return path, detect(path, cancelled=cancel.is_set)


class DropRouter(QObject):
    """Sends each dropped file to its import dialog once a worker thread has said what
    it is; lives on the UI thread as a child of the window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.pending: list[Path] = []
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel_all)

    def examine(self, path: Path) -> None:
        from moderator_app.ui.questions_import import Worker

        cancel = threading.Event()
        worker = Worker(lambda _progress: _examine(path, cancel))  # no parent: see _RUNNING
        _RUNNING[worker] = cancel
        self.pending.append(path)
        worker.succeeded.connect(self._detected)
        worker.failed.connect(self._failed)
        worker.finished.connect(lambda: _forget(worker))
        worker.start()

    @Slot(object)
    def _detected(self, result: tuple[Path, object]) -> None:
        from moderator_app.io.spreadsheet_kind import QUESTIONS, RUNSHEET

        path, detection = result
        if path in self.pending:
            self.pending.remove(path)
        window = self.window
        if detection.problem:
            window.show_error(detection.problem)
        elif detection.kind == RUNSHEET:
            import_runsheet(window, path)
        elif detection.kind == QUESTIONS:
            import_questions(window, path)
        else:
            window.show_error(
                QCoreApplication.translate(
                    "FirstRun", "{0}: not recognised as a question list or a run sheet"
                ).format(path.name)
            )

    @Slot(str)
    def _failed(self, message: str) -> None:
        # Only a cancelled read ends here (detect never raises otherwise): the window is
        # closing, nobody is waiting for the answer.
        self.pending.clear()

    def cancel_all(self) -> None:
        for cancel in list(_RUNNING.values()):
            cancel.set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.cancel_all()
        return False


def _forget(worker) -> None:
    _RUNNING.pop(worker, None)
    worker.deleteLater()


def import_dropped(window, path: Path) -> None:
    router = getattr(window, "drop_router", None)
    if router is None:
        router = window.drop_router = DropRouter(window)
    router.examine(path)


def _missing(window, what: str) -> None:
    window.show_error(
        QCoreApplication.translate("DropImport", "The {0} page is not available").format(what)
    )


def import_questions(window, path: Path):
    """Open the questions import dialog on ``path``; the dialog, or None."""
    feature = getattr(window, "questions", None)
    if feature is None:
        _missing(window, QCoreApplication.translate("DropImport", "Questions"))
        return None
    window.pages.setCurrentWidget(feature.page)
    return feature.open_import(path)


def import_runsheet(window, path: Path):
    """Open the run sheet import dialog on ``path``; the dialog, or None (and a message)."""
    from moderator_app.ui.runsheet_dialogs import ImportDialog

    editor = getattr(window, "runsheet_editor", None)
    if editor is None:
        _missing(window, QCoreApplication.translate("DropImport", "Run sheet"))
        return None
    window.pages.setCurrentWidget(editor)
    return ImportDialog.run(editor, str(path))


def attach(window) -> None:
    # Registered after the questions and run sheet features, which the handlers reach
    # through the window. One handler claims every spreadsheet that exists; the kind
    # (the stronger match when both importers would take it, see detect) is found on a
    # worker thread.
    window.drop_router = DropRouter(window)
    register_drop_handler("spreadsheet", claims, import_dropped)
