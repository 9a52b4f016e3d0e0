"""A show linked to the producer's spreadsheet: watched on disk, changes shown and applied.

The link lives in the journal (``runsheet.link`` / ``runsheet.unlink``), so it travels
with the show file. When the file changes, the console works out what changed; with
the show not live it applies it at once, during the show it waits for one click, and
even then what has run and the segment on air stay where they are. It follows the same
rule as an import (``plan_import``): what the sheet has no column for is kept.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from moderator_app.core.actions import RUNSHEET_LINK, RUNSHEET_UNLINK, Action
from moderator_app.core.engine import PAUSED, RUNNING
from moderator_app.core.runsheet_diff import RunSheetDiff
from moderator_app.core.runsheet_edit import replace_all
from moderator_app.io.runsheet_import import (
    RunSheetImport,
    RunSheetImportError,
    plan_import,
    read_runsheet,
)
from moderator_app.io.showfile import ShowFileError
from moderator_app.ui.file_dialogs import choose_spreadsheet
from moderator_app.ui.runsheet_changes import change_lines

LINK_TYPE = RUNSHEET_LINK
UNLINK_TYPE = RUNSHEET_UNLINK
SETTLE_MS = 400  # editors save in several writes; read once they are done
MAX_LINES = 6  # changes named in the bar; the rest counted


def linked_path(actions: list[Action]) -> Path | None:
    path = None
    for action in actions:
        if action.type == LINK_TYPE:
            path = Path(action.payload["path"])
        elif action.type == UNLINK_TYPE:
            path = None
    return path


class RunSheetLink(QObject):
    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.session = editor.session
        self.path: Path | None = None
        self.pending: RunSheetImport | None = None  # the sheet read, waiting for Apply
        self.diff: RunSheetDiff | None = None
        self._seen: tuple[float, int] | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.check)

        self.bar = QWidget()
        self.bar.setObjectName("LinkBar")
        self.bar.setStyleSheet("#LinkBar{background:#e3f2fd;border-radius:4px;}")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("LinkApply")
        self.apply_button.clicked.connect(self.apply_pending)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.apply_button)
        row.addWidget(self.dismiss_button)
        self.bar.hide()
        editor.extra_bar.addWidget(self.bar)

    # -- linking ---------------------------------------------------------------------------
    def restore(self) -> None:
        try:
            path = linked_path(self.session.file.actions(types=(LINK_TYPE, UNLINK_TYPE)))
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
        target = Path(path).resolve()
        self.session.record(Action(LINK_TYPE, self.session.now_us(), {"path": str(target)}))
        self._watch(target)
        self._seen = None
        self.check()

    def unlink(self) -> None:
        if self.path is None:
            return
        self.session.record(Action(UNLINK_TYPE, self.session.now_us(), {"path": str(self.path)}))
        self.watcher.removePaths(self.watcher.files() + self.watcher.directories())
        self.path = None
        self.dismiss()
        self.editor.status.emit(self.tr("The run sheet is no longer linked"))

    def _watch(self, path: Path) -> None:
        self.path = path
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        # The folder too: saving often replaces the file, which ends a watch on it.
        paths = [str(p) for p in (path, path.parent) if p.exists()]
        if paths:
            self.watcher.addPaths(paths)
        self._seen = self._stamp()

    def _stamp(self) -> tuple[float, int] | None:
        try:
            st = self.path.stat() if self.path else None
        except OSError:
            return None
        return (st.st_mtime, st.st_size) if st else None

    def _changed(self, _path: str) -> None:
        if (
            self.path is not None
            and str(self.path) not in self.watcher.files()
            and self.path.exists()
        ):
            self.watcher.addPath(str(self.path))
        self.settle.start()

    # -- following changes -----------------------------------------------------------------
    @property
    def live(self) -> bool:
        return self.session.engine.state.status in (RUNNING, PAUSED)

    def check(self) -> None:
        """Read the linked file if it changed; apply, or offer, what changed."""
        if self.path is None:
            return
        stamp = self._stamp()
        if stamp is not None and stamp == self._seen and self.pending is None:
            return
        self._seen = stamp
        try:
            result = read_runsheet(self.path)
            diff = plan_import(self.session.show, result, self.session.engine).diff
        except RunSheetImportError as exc:
            self._note(self.tr("The linked sheet cannot be read: {0}").format(exc), error=True)
            return
        if diff.empty:
            self.pending = None
            self.bar.hide()
            return
        self.pending, self.diff = result, diff
        if self.live:
            self._note(
                self.tr("The linked sheet changed: {0}. During the show, what has run and the "
                        "segment on air stay as they are.").format(self.describe(diff)),
                offer=True,
            )  # fmt: skip
        else:
            self.apply_pending()

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
        show = self.session.show
        try:
            # Planned again: during the show the segment on air may have moved on.
            plan = plan_import(show, result, self.session.engine)
        except RunSheetImportError as exc:
            self._note(self.tr("The linked sheet cannot be read: {0}").format(exc), error=True)
            return False
        new, self.diff = plan.show, plan.diff
        text = self.tr("Linked sheet update")
        if not self.editor.commit(replace_all(show, new), text):
            return False
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
