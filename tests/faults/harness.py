"""Runs the real program (``moderator_app.cli.main``) with faults a test can switch on.

    python tests/faults/harness.py [moderator-app arguments...]

The fault directory (env FAULT_DIR) holds plain files the test writes while it runs:

- ``clock_offset``: seconds added to the system clock (an NTP step, forward or back);
- ``write_fault``: ``readonly`` makes SQLite refuse writes on the console's connection
  (PRAGMA query_only, SQLite's real read-only error), ``full`` makes the next insert fail
  with SQLite's "database or disk is full"; delete the file to heal the disk;
- ``commands``: one timer action type per line (start, pause, next, ...), performed by the
  console's main window as if its key had been pressed; ``close`` closes the window (as its
  close button would), ``dialog:NAME`` clicks the button named NAME of the open dialog and
  ``dialog:Enter`` presses Enter on it.

The console also prints JSON lines on stdout for the test to follow: ``ready`` (with
``readonly``), every ``folded`` action, every displayed ``tick``, ``banner`` changes and
each ``dialog`` that opens (its object name and text).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

FAULT_DIR = Path(os.environ.get("FAULT_DIR", "."))


def _offset() -> timedelta:
    try:
        return timedelta(seconds=float((FAULT_DIR / "clock_offset").read_text()))
    except (OSError, ValueError):
        return timedelta(0)


def _write_fault() -> str:
    try:
        return (FAULT_DIR / "write_fault").read_text().strip()
    except OSError:
        return ""


def emit(**data: object) -> None:
    print(json.dumps(data, default=str), flush=True)


def install_faults() -> None:
    from moderator_app.core import clock
    from moderator_app.io import showfile

    def skewed_wall() -> datetime:
        return datetime.now(UTC) + _offset()

    real_init = clock.MonotonicGuardClock.__init__

    def guard_init(self, wall=None, monotonic=None, threshold_s=clock.JUMP_THRESHOLD_S):
        real_init(self, wall or skewed_wall, monotonic, threshold_s)

    clock.MonotonicGuardClock.__init__ = guard_init
    clock.SystemClock.now = lambda self: skewed_wall()

    real_insert = showfile.ShowFile._insert
    real_append = showfile.ShowFile.append
    real_many = showfile.ShowFile.append_many
    real_checked = showfile.ShowFile.append_checked

    def sync_readonly(file) -> None:
        flag = 1 if _write_fault() == "readonly" else 0
        file.db.execute(f"PRAGMA query_only = {flag}")

    def insert(self, action):
        if _write_fault() == "full":
            raise sqlite3.OperationalError("database or disk is full")
        return real_insert(self, action)

    # Pass every argument through: the importers commit their rows with their journal
    # entries (append_many(actions, also=write)).
    def append(self, action, *args, **kwargs):
        sync_readonly(self)
        return real_append(self, action, *args, **kwargs)

    def append_many(self, actions, *args, **kwargs):
        sync_readonly(self)
        return real_many(self, actions, *args, **kwargs)

    def append_checked(self, *args, **kwargs):
        sync_readonly(self)
        return real_checked(self, *args, **kwargs)

    showfile.ShowFile._insert = insert
    showfile.ShowFile.append_checked = append_checked
    showfile.ShowFile.append = append
    showfile.ShowFile.append_many = append_many


def instrument_window() -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

    from moderator_app.ui import main_window

    real_init = main_window.MainWindow.__init__

    def init(self, session, parent=None):
        real_init(self, session, parent)
        session.subscribe(
            lambda a: emit(folded=a.type, seq=a.seq, payload=a.payload, at_us=a.at_us)
        )
        self.ticked.connect(
            lambda s: emit(
                tick=True,
                state=s.state,
                index=s.current_index,
                remaining_s=s.remaining_s,
                elapsed_s=s.elapsed_s,
            )
        )

        def commands() -> list[str]:
            try:
                return (FAULT_DIR / "commands").read_text().splitlines()
            except OSError:
                return []

        # Commands written for an earlier console (before a kill) are not replayed.
        state = {"done": len(commands()), "banner": None}

        def answer(how: str) -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                emit(error=f"no dialog to answer with {how}")
            elif how == "Enter":
                QTest.keyClick(box, Qt.Key.Key_Return)
            else:
                box.findChild(QAbstractButton, how).click()

        def run(line: str) -> None:
            if line == "close":
                # Later, not inside this poll: Qt never re-enters a timer's own slot, and
                # the dialog the close may open needs this poll to run in its event loop.
                QTimer.singleShot(0, self.close)
            elif line.startswith("dialog:"):
                answer(line.removeprefix("dialog:"))
            elif line:
                self.perform(line)

        def poll() -> None:
            banner = self.banner.text() if self.banner.isVisibleTo(self) else ""
            if banner != state["banner"]:
                state["banner"] = banner
                emit(banner=banner)
            box = QApplication.activeModalWidget()
            if box is not state.get("dialog"):
                state["dialog"] = box
                if isinstance(box, QMessageBox):
                    emit(dialog=box.objectName(), text=box.text())
            lines = commands()
            # Counted before running: a dialog's own event loop runs this poll again.
            while state["done"] < len(lines):
                line = lines[state["done"]].strip()
                state["done"] += 1
                run(line)

        self._fault_poll = QTimer(self)
        self._fault_poll.timeout.connect(poll)
        self._fault_poll.start(50)
        QTimer.singleShot(0, lambda: emit(ready=True, readonly=session.readonly, pid=os.getpid()))

    main_window.MainWindow.__init__ = init


if __name__ == "__main__":
    install_faults()
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-") and sys.argv[1].endswith(".show"):
        instrument_window()
    from moderator_app.cli import main

    raise SystemExit(main(sys.argv[1:]))
