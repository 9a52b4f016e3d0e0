"""A show being worked on: the show file, the timer engine folded from its journal,
and the listeners that follow it. Shared by the console and the command line.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from moderator_app.core.actions import (
    CLOCK_JUMP,
    RUNSHEET_CHANGE_TYPES,
    Action,
    ActionRefused,
    Changes,
    ClockRefused,
    part_of,
)
from moderator_app.core.clock import Clock, ClockError, MonotonicGuardClock, read_us, to_us
from moderator_app.core.engine import STAMP_TOLERANCE_US, Snapshot, TimerEngine
from moderator_app.core.runsheet import Show
from moderator_app.io.clockwitness import read_witness, write_witness
from moderator_app.io.ownerlock import OwnerLock
from moderator_app.io.rescue import write_rescue
from moderator_app.io.showfile import READONLY, ShowFile, ShowFileError

Listener = Callable[[Action], None]
WriteListener = Callable[["str | None"], None]
ChangeListener = Callable[[Changes], None]

# While the file cannot be written, retry at most this often (the console polls faster).
RETRY_S = 1.0
# A read-only follower adopts a clock step itself if the owner has not journaled one by then.
FOLLOWER_JUMP_GRACE_S = 3.0



class ShowSession:
    """Open show: every action is committed to the file first, then folded, then announced."""

    def __init__(self, file: ShowFile, clock: Clock | None = None) -> None:
        self.file = file
        # The guard keeps a running countdown smooth when NTP steps the system clock.
        self.clock = clock or MonotonicGuardClock()
        self.show = file.load_show()
        self.engine = TimerEngine(self.show)
        self.last_seq = 0
        self._change_listeners: list[ChangeListener] = []
        self._listeners: list[Listener] = []
        self._data_version = file.data_version()
        self._own: set[int] = set()
        # Actions folded in memory but not yet in the file (disk full, file read-only).
        # Only a session that can say so loudly keeps them (the console sets this, with
        # its NOT SAVED banner and its question on closing); otherwise a refused write
        # raises, so a command can say that its action was not saved.
        self.keep_unsaved = False
        self.pending: list[Action] = []
        self._pending_after = 0  # the journal entry the first waiting action follows
        self.write_error: str | None = None
        self.write_kind: str | None = None  # showfile's FULL, READONLY, ... or None
        # The same problem as a refusal (template and values): the console says it in its
        # language, write_error stays the English line the command line and the rescue keep.
        self.write_refusal: ShowFileError | None = None
        # Where close() put the actions it could not write (see io/rescue.py), if it had to.
        self.rescued_to: Path | None = None
        self._write_listeners: list[WriteListener] = []
        self._next_retry = 0.0
        self._jump_seen_at: float | None = None
        self._carried_checked = False  # see _rebase
        # Set by the console that owns the file (see ownerlock); released on close.
        self.owner_lock: OwnerLock | None = None
        for action in file.actions():
            self._fold(action, replaying=True)
        if file.unwritable is not None and not file.readonly:
            # SQLite would open it read-only without a word: say so before the first key.
            self.write_error, self.write_kind = str(file.unwritable), file.unwritable.kind
            self.write_refusal = file.unwritable

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
        """Close the file, after a last try at writing any action kept in memory.

        Actions the file still refuses go to a rescue file (``rescued_to``) that the next
        open offers to replay; they are never dropped.
        """
        if getattr(self, "_closed", False):
            return  # a window that switched shows may close its session early
        self._closed = True
        if self.pending and not self.file.readonly:
            self.flush_pending()
        if self.pending:
            try:
                self.rescue_pending()
            except ShowFileError as exc:
                self._report(exc)  # nowhere left to write: say it, at least
        try:
            self.file.close()
        except Exception:
            pass  # the last checkpoint can fail on a full disk; what was committed is safe
        if self.owner_lock is not None:
            self.owner_lock.release()
            self.owner_lock = None

    @property
    def own_seqs(self) -> frozenset[int]:
        """Journal positions this session wrote (the rest came from other processes)."""
        return frozenset(self._own)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with every action folded from now on, ours or another process's."""
        self._listeners.append(listener)

    def subscribe_changes(self, listener: ChangeListener) -> None:
        """Call ``listener`` with a typed notice (``Changes``: which part of the show, and
        whether this session made it) for every action folded from now on."""
        self._change_listeners.append(listener)

    def subscribe_writes(self, listener: WriteListener) -> None:
        """Call ``listener`` with a message when writing fails, and with None once it works."""
        self._write_listeners.append(listener)

    def now_us(self) -> int:
        self._check_clock()
        return to_us(self.clock.now())

    def snapshot(self) -> Snapshot:
        self._check_clock()
        return self.engine.snapshot(self.clock.now())

    def perform(
        self,
        action_type: str,
        payload: dict | None = None,
        *,
        durable: bool = False,
        extra: dict | None = None,
        guard: Callable[[], None] | None = None,
    ) -> Action:
        """Validate a timer or message action against the journal as it is at commit,
        commit it, then fold it.

        Validation runs inside the write transaction, after folding what other processes
        appended, so nothing can slip in between (an undo undoes what it names). Raises
        ActionRefused (nothing written). If the file cannot be written, the console's
        session (``durable`` False) folds the action anyway and keeps it in ``pending``
        (see ``record``); a one-shot command (``durable`` True) gets ShowFileError and
        nothing is folded: it must know whether its action is in the file.

        ``extra``: keys added to the journaled payload (who made it: the engine builds the
        payload itself and keeps only its own keys). ``guard``: called inside the write
        transaction after others' actions are folded; it raises ActionRefused to write
        nothing (the two-operators rule, app/control.py).
        """
        if self.file.readonly:
            raise ShowFileError("{0}: opened read-only", self.path)
        # Only the console keeps unsaved actions (``keep_unsaved``); a command must know.
        durable = durable or not self.keep_unsaved
        self.refresh()  # another process may have moved the show on
        self._check_clock()
        if not durable and not self._ready_to_write():
            return self._keep(self.engine.prepare(action_type, payload, self._stamp_us()))
        fresh: list[Action] = []
        built: list[Action] = []

        def check(appended: list[Action]) -> list[Action]:
            for action in appended:
                self._fold(action, announce=False)
                fresh.append(action)
            at_us = self._stamp_us()  # read under the lock: nobody stamps after us
            if guard is not None:
                guard()
            built.extend(self._rebase(at_us))
            prepared = self.engine.prepare(action_type, payload, at_us)
            if extra:
                prepared = replace(prepared, payload={**prepared.payload, **extra})
            built.append(prepared)
            return built

        try:
            entries = self.file.append_checked(self.last_seq, check)
        except ActionRefused:
            self._announce(fresh)  # others' actions were folded all the same
            raise
        except ShowFileError as exc:
            self._announce(fresh)
            if durable:
                raise
            self._report(exc)
            if not built:  # the lock never came: validate against what we know
                built = [self.engine.prepare(action_type, payload, self._stamp_us())]
            return [self._keep(action) for action in built][-1]
        self._announce(fresh)
        stored = entries[len(fresh) :]
        for action in stored:
            if action.seq is not None:
                self._own.add(action.seq)
            self._fold(action)
        self._data_version = self.file.data_version()
        self._carried_checked = True
        self._witness()
        if self.write_error is not None and not self.pending:
            self._report(None)
        return stored[-1]

    def _stamp_us(self) -> int:
        """Now, for a journal entry; ClockRefused when the clock reads an impossible date."""
        try:
            return read_us(self.clock)
        except ClockError as exc:
            # The clock's own sentence, template and values: the console translates it.
            raise ClockRefused(exc.template, *exc.values) from None

    def _rebase(self, at_us: int) -> list[Action]:
        """The clock rule at commit, for an entry stamped ``at_us`` (see README Reliability).

        No entry may be stamped before the journal's latest instant (the engine refuses
        it: folding it would end a segment before it started). One-shot commands stamp
        with the show's clock carried from the last writer (io.clockwitness), so only a
        command with nothing to carry (another computer, after a reboot) meets this.
        The console that owns the show vouches for its own guarded clock, as it does for
        an NTP step: when its clock disagrees with the show's (the journal runs ahead of
        it, or the last writer's carried clock differs by more than the tolerance) it
        journals a clock.jump onto its clock first, so durations stay true and the report
        marks the correction, instead of being stuck or folding a phantom hour.
        """
        latest = self.engine.latest_us
        if self.owner_lock is None:
            self.engine.check_stamp(at_us)
            return []
        show_us = latest
        if not self._carried_checked:  # after our first commit the record is ours
            witness = read_witness(self.path)
            if witness is not None and witness.pid != os.getpid():
                carried = witness.now_us()
                show_us = carried if latest is None else max(latest, carried)
        if show_us is None or abs(at_us - show_us) <= STAMP_TOLERANCE_US:
            self.engine.check_stamp(at_us)
            return []
        if show_us == latest and at_us >= latest:
            return []  # only later than the last entry, as after any quiet stretch
        # Folded after the commit, before the action: on the jump's new timeline the
        # action's stamp is the latest instant.
        return [Action(CLOCK_JUMP, show_us, {"delta_s": (at_us - show_us) / 1_000_000})]

    def _witness(self) -> None:
        """Leave the show's clock for the next process (io.clockwitness): written after
        each commit of ours, when our clock is, by the rule, the show's."""
        try:
            write_witness(self.path, read_us(self.clock))
        except ClockError:
            pass

    def record(self, action: Action) -> Action:
        """Commit an already validated action of any kind, then fold and announce it.

        If the file cannot be written (disk full, file made read-only) and ``keep_unsaved``
        is set, the action is still folded, so timing carries on in memory; it waits in
        ``pending`` with its original time stamp and is written, in order, as soon as the
        file accepts it. Otherwise (and always for a session opened read-only) raises
        ShowFileError, with nothing written and nothing folded.
        """
        if self.file.readonly:
            raise ShowFileError("{0}: opened read-only", self.path)
        if not self._ready_to_write() and self.keep_unsaved:
            return self._keep(action)
        try:
            stored = self.file.append(action)
        except ShowFileError as exc:
            if not self.keep_unsaved:
                raise
            self._report(exc)
            return self._keep(action)
        self._catch_up(stored.seq)
        if stored.seq is not None:
            self._own.add(stored.seq)
        self._fold(stored)
        self._data_version = self.file.data_version()
        self._witness()
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

    def _keep(self, action: Action) -> Action:
        kept = replace(action, seq=None)
        if not self.pending:
            self._pending_after = self.last_seq
        self.pending.append(kept)
        self._fold(kept)
        return kept

    def _ready_to_write(self) -> bool:
        """Reopen a file that refused writes, then write what waits. True if none waits."""
        if not self._reopen_if_refused():
            return False
        return self.flush_pending()

    def _reopen_if_refused(self) -> bool:
        """A connection SQLite opened read-only stays so: once the file refused writes for
        being read-only, only a new connection sees it fixed. True if writes may be tried.
        """
        if self.file.unwritable is None and self.write_kind != READONLY:
            return True
        try:
            writable = self.file.reopen()
        except ShowFileError as exc:
            self._report(exc)
            return False
        if not writable:
            problem = self.file.unwritable
            assert problem is not None
            self._report(problem)
            return False
        if not self.pending:
            self._report(None)
        return True

    def flush_pending(self) -> bool:
        """Write the actions kept in memory, in order, in one transaction. True when none wait."""
        if not self.pending:
            return True
        self._next_retry = time.monotonic() + RETRY_S
        if not self._reopen_if_refused():
            return False
        try:
            stored = self.file.append_many(self.pending)
        except ShowFileError as exc:
            self._report(exc)
            return False
        self.pending = []
        self._catch_up(stored[0].seq)
        for action in stored:
            if action.seq is not None:
                self._own.add(action.seq)
                self.last_seq = max(self.last_seq, action.seq)  # already folded
        self._data_version = self.file.data_version()
        self._report(None)
        return True

    def _catch_up(self, first_own_seq: int | None) -> None:
        """Fold actions another process committed just before ours, so none is skipped."""
        if first_own_seq is None or first_own_seq <= self.last_seq + 1:
            if self.write_error is not None and not self.pending:
                self._report(None)
            return
        for action in self.file.actions(self.last_seq):
            if action.seq is not None and action.seq < first_own_seq:
                self._fold(action)
        if self.write_error is not None and not self.pending:
            self._report(None)

    def rescue_pending(self) -> Path:
        """Put the actions still waiting into the rescue file (see io/rescue.py); its path.

        Raises ShowFileError, keeping them in memory, if no folder takes the file.
        """
        path = write_rescue(
            self.path,
            self.pending,
            after_seq=self._pending_after,
            reason=self.write_error or "",
        )
        self.pending = []
        self.rescued_to = path
        return path

    def _report(self, problem: ShowFileError | None) -> None:
        error = None if problem is None else str(problem)
        self.write_kind = None if problem is None else problem.kind
        self.write_refusal = problem
        if error == self.write_error:
            return
        self.write_error = error
        for listener in list(self._write_listeners):
            listener(error)

    def commit_show(
        self, show: Show, action: Action, *, guard: Callable[[], None] | None = None
    ) -> Action:
        """Save an edited show and journal ``action`` in one transaction, then fold it.

        The session keeps its ``show`` object (observers hold it) and takes the new values.
        ``guard``: called inside the write transaction; it raises to write nothing.
        """
        stored = self.file.save_show(show, journal=[action], guard=guard)[0]
        self._catch_up(stored.seq)
        if stored.seq is not None:
            self._own.add(stored.seq)
        self.show.__dict__.update(show.__dict__)
        self.engine.runsheet_changed()
        self._fold(stored)
        self._data_version = self.file.data_version()
        return stored

    def refresh(self) -> list[Action]:
        """Fold what other processes appended since we last looked; cheap when nothing did.

        Also retries writing kept actions, at most every ``RETRY_S`` seconds.
        """
        waiting = self.pending or self.file.unwritable is not None
        if waiting and not self.file.readonly and time.monotonic() >= self._next_retry:
            self._next_retry = time.monotonic() + RETRY_S
            self._ready_to_write()
        version = self.file.data_version()
        if version == self._data_version:
            return []
        self._data_version = version
        fresh = self.file.actions(self.last_seq)
        for action in fresh:
            self._fold(action)
        return fresh

    def _check_clock(self) -> None:
        """Journal a system clock step, then let the guard clock adopt it."""
        if not hasattr(self.clock, "acknowledge"):
            return  # a plain clock (tests, rehearsal) has no steps to guard against
        self.clock.now()  # a reading is what notices a step
        if self.clock.pending_jump_us is None:
            self._jump_seen_at = None
            return
        if self.file.readonly:
            # The owning console journals the step; we adopt it when we fold that entry.
            if self._jump_seen_at is None:
                self._jump_seen_at = time.monotonic()
            if time.monotonic() - self._jump_seen_at > FOLLOWER_JUMP_GRACE_S:
                self.clock.acknowledge()
                self._jump_seen_at = None
            return
        before_us, step_us = self.clock.acknowledge()
        self.record(Action(CLOCK_JUMP, before_us, {"delta_s": step_us / 1_000_000}))

    def reload_show(self) -> None:
        """Re-read the run sheet from the file, keeping the same objects for observers."""
        fresh = self.file.load_show()
        self.show.__dict__.update(fresh.__dict__)
        self.engine.runsheet_changed()

    def _announce(self, actions: list[Action]) -> None:
        for action in actions:
            for listener in list(self._listeners):
                listener(action)
            if self._change_listeners:
                notice = Changes(action, part_of(action.type), action.seq is None
                                 or action.seq in self._own)
                for change_listener in list(self._change_listeners):
                    change_listener(notice)

    def _fold(self, action: Action, *, replaying: bool = False, announce: bool = True) -> None:
        if (
            action.type in RUNSHEET_CHANGE_TYPES
            and not replaying
            and action.seq is not None
            and action.seq > self.last_seq
            and self._foreign(action)
        ):
            self.reload_show()
        if (
            action.type == CLOCK_JUMP
            and not replaying
            and self.file.readonly
            and getattr(self.clock, "pending_jump_us", None) is not None
        ):
            self.clock.acknowledge()
        self.engine.apply(action)
        if action.seq is not None:
            self.last_seq = max(self.last_seq, action.seq)
        if announce:  # not inside a write transaction: a listener may write itself
            self._announce([action])

    def _foreign(self, action: Action) -> bool:
        return action.seq not in self._own
