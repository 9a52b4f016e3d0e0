"""Opening and creating shows: the owner-lock rules, the default show, a new show from a
producer's run sheet, and the rescue file of actions a console could not save. One path
for every surface: the console and the command line differ only in the ``role`` they open
with.

- A CONSOLE opens as the show's owner: the first console to open a show takes its owner
  lock (io/ownerlock.py) and keeps actions the file refuses in memory (``keep_unsaved``:
  it says NOT SAVED and keeps retrying); a second console opens it read-only and follows
  it live. Closing the session releases the lock.
- A COMMAND opens writable without the owner lock (one short transaction per action,
  serialised by SQLite's write lock, which it waits for at most ``wait_s``), and stamps
  with the show's clock carried from the last writer on this machine
  (io/clockwitness.py), so a process with a wrong wall clock still journals true times.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

from moderator_app.app.runsheet import show_from_sheet
from moderator_app.core.clock import ClockError, MonotonicGuardClock, read_us
from moderator_app.core.runsheet import Show
from moderator_app.core.status import status_dict
from moderator_app.io.clockwitness import CarriedClock, write_witness
from moderator_app.io.ownerlock import OwnerLock
from moderator_app.io.rescue import Rescue, discard, find_rescue, replay
from moderator_app.io.runsheet_import import RunSheetImportError
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import FILE_SUFFIX, FULL, READONLY, ShowFile, ShowFileError
from moderator_app.io.spreadsheet_kind import QUESTIONS, detect
from moderator_app.paths import default_show_path
from moderator_app.resources import default_show

__all__ = [
    "FILE_SUFFIX", "FULL", "READONLY", "QuestionListGiven", "Rescue", "Role",
    "RunSheetImportError", "Show", "ShowFileError", "ShowSession", "backup_show",
    "create_show", "default_show_path", "discard_rescue", "ensure_default_show",
    "find_rescue", "open_show", "replay_rescue", "show_from_runsheet", "show_status",
]  # fmt: skip


class QuestionListGiven(RunSheetImportError):
    """A new show was asked from a spreadsheet that is a question list, not a run sheet."""

    def __init__(self, refusal: RunSheetImportError, source: Path) -> None:
        super().__init__("{0}", refusal)  # the sheet's own refusal, said in any language
        self.source = source


class Role(Enum):
    """Who opens the show, which decides the lock and clock rules (see the module doc)."""

    CONSOLE = "console"
    COMMAND = "command"


def open_show(
    path: str | os.PathLike,
    *,
    role: Role = Role.COMMAND,
    wait_s: float | None = None,
) -> ShowSession:
    """The show file at ``path``, opened by the rules of ``role``; ShowFileError (one line
    saying what is wrong) if it cannot be.

    ``wait_s`` (commands): how long a write waits for another writer's lock before failing.
    """
    target = Path(path)
    if role is Role.COMMAND:
        session = ShowSession.open(target, clock=CarriedClock(target))
        if wait_s is not None:
            session.file.wait_for_lock(wait_s)
        return session
    if not target.is_file():
        return ShowSession.open(target)  # raises the clear "no such show file" error
    lock = OwnerLock.acquire(target)
    try:
        session = ShowSession.open(target, readonly=lock is None)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    session.owner_lock = lock
    if not session.readonly:
        # The owner console says NOT SAVED and asks before closing: it may keep actions.
        session.keep_unsaved = True
    return session


def create_show(
    path: str | os.PathLike,
    show: Show | None = None,
    runsheet: str | os.PathLike | None = None,
) -> Show:
    """Make a new show file at ``path`` (never overwriting anything there) from ``show``
    (the bundled default show if None), with the run sheet, title and start of the
    ``runsheet`` spreadsheet if given; the show as stored.

    The show's clock starts as this machine's (io/clockwitness.py).
    """
    target = Path(path)
    base = show if show is not None else default_show()
    if runsheet is not None:
        base = show_from_runsheet(runsheet, base)
    with ShowFile.create(target, base) as file:
        stored = file.load_show()
    try:
        write_witness(target, read_us(MonotonicGuardClock()))
    except ClockError:
        pass  # the first action will say what is wrong with the clock
    return stored


def show_from_runsheet(source: str | os.PathLike, base: Show | None = None) -> Show:
    """A new show: ``base``'s header (the default show's if None), the sheet's run sheet,
    title and start. RunSheetImportError if the file is not a run sheet; its subclass
    QuestionListGiven when it is a question list (the console says what to do instead)."""
    source = Path(source)
    try:
        return show_from_sheet(source, base)  # the one reading of a producer's sheet
    except RunSheetImportError as exc:
        if detect(source).kind == QUESTIONS:
            raise QuestionListGiven(exc, source) from None
        raise


def ensure_default_show(warning_s: int | None = None, danger_s: int | None = None) -> Path:
    """The user's default show, made from the bundled one the first time (with this
    machine's default warning and wrap-up thresholds when given)."""
    target = default_show_path()
    if not target.exists():
        show = default_show()
        if warning_s is not None:
            show.warning_s = warning_s
        if danger_s is not None:
            show.danger_s = danger_s
        create_show(target, show)
    return target


def backup_show(session: ShowSession, target: str | os.PathLike) -> None:
    """Copy the open show, journal and all, to ``target`` (Save As): the timer carries on
    in the copy. The caller refuses while actions wait in memory: the copy would lack them."""
    session.file.backup_to(Path(target))


def show_status(session: ShowSession) -> dict:
    """The show and where its live timer is, as ``status --json`` documents it."""
    return status_dict(session.show, session.snapshot())


# -- the rescue file -----------------------------------------------------------------------
def replay_rescue(show: str | os.PathLike, rescue: Rescue, session: ShowSession | None = None):
    """Write a rescue file's actions into the show, in order, with their original times,
    then delete the file; the stored actions. Uses ``session`` if the show is open."""
    if session is not None:
        return replay(session, rescue)
    opened = ShowSession.open(Path(show))
    try:
        return replay(opened, rescue)
    finally:
        opened.close()


def discard_rescue(rescue: Rescue) -> None:
    """Delete a rescue file without writing its actions."""
    discard(rescue)
