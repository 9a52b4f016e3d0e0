"""Who owns a show file: one live console writes it, any other console follows read-only.

The owner holds an OS advisory lock on a small side file next to the show. The operating
system drops the lock when the process dies, however it dies, so a console killed mid-show
never leaves a stale lock behind. The command line does not take the lock: it appends
single actions, which SQLite's WAL serialises with the console's own writes.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path
from typing import IO

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fh: IO[str]) -> bool:
        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fh: IO[str]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def lock_path(show_path: Path) -> Path:
    return show_path.with_name(f".{show_path.name}.owner")


class OwnerLock:
    """Held while a console owns the show file; ``release`` (or process death) frees it."""

    def __init__(self, path: Path, handle: IO[str] | None) -> None:
        self.path = path
        self._handle = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    @classmethod
    def acquire(cls, show_path: str | os.PathLike) -> OwnerLock | None:
        """The lock, or None when another live console already owns the show.

        A folder we cannot write to gives an unheld lock: nobody can coordinate there, and
        refusing to open the show would help no one.
        """
        path = lock_path(Path(show_path))
        try:
            handle = path.open("a+", encoding="utf-8")
        except OSError:
            return cls(path, None)
        if not _try_lock(handle):
            handle.close()
            return None
        try:
            handle.seek(0)
            handle.truncate()
            info = {"pid": os.getpid(), "host": socket.gethostname()}
            handle.write(json.dumps(info))
            handle.flush()
        except OSError:
            pass  # the lock is what matters; the note is for people
        return cls(path, handle)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            _unlock(self._handle)
        except OSError:
            pass
        finally:
            self._handle.close()
            self._handle = None


def holder(show_path: str | os.PathLike) -> dict | None:
    """What the owner wrote about itself (pid, host), for messages; None if unknown."""
    try:
        text = lock_path(Path(show_path)).read_text(encoding="utf-8")
        return json.loads(text) if text else None
    except (OSError, ValueError):
        return None
