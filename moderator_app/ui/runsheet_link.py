"""A show linked to the producer's spreadsheet: watched on disk, changes shown and applied.

The link lives in the journal (``runsheet.link`` / ``runsheet.unlink``), so it travels
with the show file. The file is watched by the one watcher of linked files (app/watch.py),
polled from a QTimer; when it changed and settled, it is read off the UI thread (ui/ops.py)
and the console works out what changed: with the show not live it applies it at once,
during the show it waits for one click, and even then what has run and the segment on air
stay where they are. It is the same import as the dialog's and the command line's
(app/runsheet.py): what the sheet has no column for is kept.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from moderator_app.app import runsheet as rs
from moderator_app.app.errors import RunSheetImportError, ShowFileError
from moderator_app.app.runsheet import RunSheetDiff, RunSheetImport, linked_path
from moderator_app.app.watch import CHANGED, MISSING, FileWatch
from moderator_app.core.engine import PAUSED, RUNNING
from moderator_app.ui.file_dialogs import choose_spreadsheet
from moderator_app.ui.ops import Operation, run_op
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.runsheet_changes import change_lines

__all__ = ["RunSheetLink", "linked_path"]

POLL_MS = 250  # a stat of one file: cheap, and a change shows within a second
SETTLE_S = 0.4  # editors save in several writes; read once they are done
MAX_LINES = 6  # changes named in the bar; the rest counted


class RunSheetLink(QObject):
    handled = Signal()  # a read of the linked file was applied, offered or refused

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.session = editor.session
        self.path: Path | None = None
        self.pending: RunSheetImport | None = None  # the sheet read, waiting for Apply
        self.diff: RunSheetDiff | None = None
        self.watch = FileWatch(settle_s=SETTLE_S)
        self.poller = QTimer(self)
        self.poller.setInterval(POLL_MS)
        self.poller.timeout.connect(self.poll)
        self.reading: Operation | None = None
        self._read_again = False  # the file changed while it was being read
        # The show closed (another opened) during a read: what it brings is for no one.
        life = self._life = {"alive": True}
        self.destroyed.connect(lambda *_: life.update(alive=False))

        self.bar = QWidget()
        self.bar.setObjectName("LinkBar")
        self.bar.setStyleSheet("#LinkBar{background:#e3f2fd;border-radius:4px;}")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("LinkApply")
        self.apply_button.clicked.connect(self.apply_pending)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.apply_button)
        row.addWidget(self.dismiss_button)
        self.bar.hide()
        editor.extra_bar.addWidget(self.bar)
        self._retranslate()

    def _retranslate(self) -> None:
        self.apply_button.setText(self.tr("Apply"))
        self.dismiss_button.setText(self.tr("Dismiss"))

    def event(self, event: QEvent) -> bool:
        # A child of the editor: QWidget hands LanguageChange on to its QObject children.
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().event(event)

    # -- linking ---------------------------------------------------------------------------
    def restore(self) -> None:
        try:
            path = rs.linked_path_of(self.session)
        except ShowFileError:
            return  # deferred call: the show may have been closed in the meantime
        if path is not None:
            self._watch(path)
            self._note(self.tr("Linked to {0}").format(path.name))

    def choose(self) -> None:
        path = choose_spreadsheet(self.editor, self.tr("Link to a producer's spreadsheet"))
        if path is not None:
            self.link(path)

    def link(self, path: str | os.PathLike) -> None:
        """Link to ``path`` and read it (off the UI thread): ``handled`` follows."""
        self._watch(rs.link(self.session, path))
        self.check()

    def unlink(self) -> None:
        if self.path is None:
            return
        rs.unlink(self.session, self.path)
        self.watch.set_paths([])
        self.poller.stop()
        self.path = None
        self.dismiss()
        self.editor.status.emit(self.tr("The run sheet is no longer linked"))

    def _watch(self, path: Path) -> None:
        self.path = path
        self.watch.set_paths([path])  # as it is now: the caller reads it if it must
        self.poller.start()

    def poll(self) -> None:
        """One look at the linked file (the poller's tick): read it once it changed."""
        for event in self.watch.poll():
            if event.kind == CHANGED:
                self.check()
            elif event.kind == MISSING:
                self._note(self.tr("The linked sheet {0} is gone; the run sheet stays as it "
                                   "is").format(event.path.name), error=True)  # fmt: skip
                self.handled.emit()
            else:
                self._note(self.tr("The linked sheet {0} cannot be opened; the run sheet "
                                   "stays as it is").format(event.path.name), error=True)  # fmt: skip
                self.handled.emit()

    # -- following changes -----------------------------------------------------------------
    @property
    def live(self) -> bool:
        return self.session.engine.state.status in (RUNNING, PAUSED)

    def check(self) -> None:
        """Read the linked file off the UI thread; apply, or offer, what changed."""
        if self.path is None:
            return
        if self.reading is not None:
            self._read_again = True  # read again once this read is done
            return
        path = self.path
        self.reading = run_op(
            lambda _progress: rs.read_sheet(path),
            on_success=lambda result: self._read(path, result),
            on_failure=lambda message: self._unreadable(path, message),
        )

    def _done_reading(self, path: Path) -> bool:
        """The read of ``path`` ended: False when it no longer matters (unlinked, or
        another change came in: then it is read again)."""
        self.reading = None
        if not self._life["alive"]:
            return False
        if self._read_again:
            self._read_again = False
            self.check()
            return False
        return path == self.path

    def _unreadable(self, path: Path, message: str) -> None:
        if not self._done_reading(path):
            return
        self._note(self.tr("The linked sheet cannot be read: {0}").format(message), error=True)
        self.handled.emit()

    def _read(self, path: Path, result: RunSheetImport) -> None:
        if not self._done_reading(path):
            return
        try:
            diff = rs.plan(self.session, result).diff
        except RunSheetImportError as exc:
            self._note(self.tr("The linked sheet cannot be read: {0}").format(refusal_text(exc)), error=True)
            self.handled.emit()
            return
        if diff.empty:
            self.pending = None
            self.bar.hide()
        else:
            self.pending, self.diff = result, diff
            if self.live:
                self._note(
                    self.tr("The linked sheet changed: {0}. During the show, what has run and "
                            "the segment on air stay as they are.").format(self.describe(diff)),
                    offer=True,
                )  # fmt: skip
            else:
                self.apply_pending()
        self.handled.emit()

    def describe(self, diff: RunSheetDiff) -> str:
        """The change list on one line, each changing field named (long lists cut)."""
        lines = change_lines(diff)
        shown = "; ".join(lines[:MAX_LINES])
        if len(lines) > MAX_LINES:
            shown += self.tr("; and {0} more").format(len(lines) - MAX_LINES)
        return shown or self.tr("show details")

    def apply_pending(self) -> bool:
        result = self.pending
        if result is None:
            return False
        try:
            # Planned again: during the show the segment on air may have moved on.
            rs.plan(self.session, result)
        except RunSheetImportError as exc:
            self._note(self.tr("The linked sheet cannot be read: {0}").format(refusal_text(exc)), error=True)
            return False
        applied: list[rs.Applied] = []
        if not self.editor.attempt(lambda: applied.append(rs.apply_import(self.session, result))):
            return False
        self.diff = applied[0].plan.diff
        summary = self.describe(self.diff) if self.diff else ""
        self.pending = None
        self.bar.hide()
        self.editor.status.emit(
            self.tr("Run sheet updated from {0}: {1}").format(
                self.path.name if self.path else "", summary
            )
        )
        return True

    def dismiss(self) -> None:
        self.pending = None
        self.bar.hide()

    def _note(self, text: str, *, offer: bool = False, error: bool = False) -> None:
        self.label.setText(text)
        self.label.setStyleSheet("color:#c62828;" if error else "")
        self.apply_button.setVisible(offer)
        self.dismiss_button.setVisible(offer or error)
        self.bar.show()
        if not (offer or error):
            QTimer.singleShot(6000, self.bar.hide)
