"""A show being worked on: the show file, the timer engine folded from its journal,
and the listeners that follow it. Shared by the console and the command line.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from moderator_app.core.actions import Action
from moderator_app.core.clock import Clock, SystemClock, to_us
from moderator_app.core.engine import Snapshot, TimerEngine
from moderator_app.core.runsheet import Show
from moderator_app.io.showfile import ShowFile

Listener = Callable[[Action], None]

# Journal types under this prefix mean "the run sheet in the file changed".
RUNSHEET_PREFIX = "runsheet."


class ShowSession:
    """Open show: every action is committed to the file first, then folded, then announced."""

    def __init__(self, file: ShowFile, clock: Clock | None = None) -> None:
        self.file = file
        self.clock = clock or SystemClock()
        self.show = file.load_show()
        self.engine = TimerEngine(self.show)
        self.last_seq = 0
        self._listeners: list[Listener] = []
        self._data_version = file.data_version()
        self._own: set[int] = set()
        for action in file.actions():
            self._fold(action, replaying=True)

    @classmethod
    def open(
        cls, path: str | os.PathLike, *, clock: Clock | None = None, readonly: bool = False
    ) -> ShowSession:
        return cls(ShowFile.open(Path(path), readonly=readonly), clock)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def readonly(self) -> bool:
        return self.file.readonly

    def close(self) -> None:
        self.file.close()

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with every action folded from now on, ours or another process's."""
        self._listeners.append(listener)

    def now_us(self) -> int:
        return to_us(self.clock.now())

    def snapshot(self) -> Snapshot:
        return self.engine.snapshot(self.clock.now())

    def perform(self, action_type: str, payload: dict | None = None) -> Action:
        """Validate a timer or message action, commit it, then fold it.

        Raises ActionRefused (nothing written) or ShowFileError (nothing folded).
        """
        self.refresh()  # another process may have moved the show on
        action = self.engine.prepare(action_type, payload, self.now_us())
        return self.record(action)

    def record(self, action: Action) -> Action:
        """Commit an already validated action of any kind, then fold and announce it."""
        stored = self.file.append(action)
        if stored.seq is not None:
            self._own.add(stored.seq)
        self._fold(stored)
        self._data_version = self.file.data_version()
        return stored

    def record_many(
        self, actions: list[Action], *, also: Callable[[sqlite3.Connection], None] | None = None
    ) -> list[Action]:
        """Commit actions with a feature's own table writes (``also``) atomically, then fold."""
        stored = self.file.append_many(actions, also=also)
        for action in stored:
            if action.seq is not None:
                self._own.add(action.seq)
        for action in stored:
            self._fold(action)
        self._data_version = self.file.data_version()
        return stored

    def commit_show(self, show: Show, action: Action) -> Action:
        """Save an edited show and journal ``action`` in one transaction, then fold it.

        The session keeps its ``show`` object (observers hold it) and takes the new values.
        """
        stored = self.file.save_show(show, journal=[action])[0]
        if stored.seq is not None:
            self._own.add(stored.seq)
        self.show.__dict__.update(show.__dict__)
        self.engine.runsheet_changed()
        self._fold(stored)
        self._data_version = self.file.data_version()
        return stored

    def refresh(self) -> list[Action]:
        """Fold what other processes appended since we last looked; cheap when nothing did."""
        version = self.file.data_version()
        if version == self._data_version:
            return []
        self._data_version = version
        fresh = self.file.actions(self.last_seq)
        for action in fresh:
            self._fold(action)
        return fresh

    def reload_show(self) -> None:
        """Re-read the run sheet from the file, keeping the same objects for observers."""
        fresh = self.file.load_show()
        self.show.__dict__.update(fresh.__dict__)
        self.engine.runsheet_changed()

    def _fold(self, action: Action, *, replaying: bool = False) -> None:
        if (
            action.type.startswith(RUNSHEET_PREFIX)
            and not replaying
            and action.seq is not None
            and action.seq > self.last_seq
            and self._foreign(action)
        ):
            self.reload_show()
        self.engine.apply(action)
        if action.seq is not None:
            self.last_seq = max(self.last_seq, action.seq)
        for listener in list(self._listeners):
            listener(action)

    def _foreign(self, action: Action) -> bool:
        return action.seq not in self._own
