"""Writing a file in one step: a temporary ``.part`` file beside it, then ``os.replace``.

The part file is created as any file the user writes is (mode 0666 less the umask):
``tempfile.mkstemp`` makes it 0600, and the replace would hand that mode to the target.

Its writer holds an OS lock on it from creation until the replace. A writer killed
mid-write leaves its part file behind, and the OS drops the lock with the process; the
next write into the same folder removes such unlocked part files. A locked one belongs to
a writer still at work (another console, a command line) and is left alone.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

# ``.timing.xlsx.export-1a2b3c4d.part``: the mark keeps the sweep off other programs'
# ``.part`` files (browsers use the same suffix).
MARK = ".export-"
SUFFIX = ".part"
_OURS = re.compile(r"^\..+\.export-[0-9a-f]{8}\.part$")
# Left by versions that used mkstemp (no lock): ``.NAME.<8 random>.part``.
_LEGACY = "[a-z0-9_]" * 8
_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    # Windows refuses to delete a file another process has open: that is the lock.
    def _lock(fd: int) -> None:
        return None

    def _try_lock(fd: int) -> bool:
        return True

    _KEEP_OPEN_FOR_REPLACE = False  # an open file cannot be renamed there
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    _KEEP_OPEN_FOR_REPLACE = True


def part_name(target: Path) -> str:
    return f".{target.name}{MARK}{os.urandom(4).hex()}{SUFFIX}"


def stale_parts(folder: Path, target: Path | None = None) -> list[Path]:
    """Part files in ``folder`` that look like ours (any target, and the legacy names of
    ``target``); whether their writer is gone is decided by ``sweep_parts``."""
    found = [p for p in folder.glob(f".*{MARK}*{SUFFIX}") if _OURS.match(p.name)]
    if target is not None:
        found += folder.glob(f".{_glob_escape(target.name)}.{_LEGACY}{SUFFIX}")
    return sorted(set(found))


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def sweep_parts(folder: Path, target: Path | None = None) -> list[Path]:
    """Remove the part files of writers that died; returns those removed. Never raises:
    a part file that cannot be removed is only clutter, not a reason to fail a write."""
    removed = []
    for path in stale_parts(folder, target):
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            continue
        try:
            # Locked: its writer is at work. Unlocked: dead (or between creating and
            # locking it: that writer sees its file unlinked and makes another).
            if _try_lock(fd) and os.path.samestat(os.fstat(fd), os.stat(path)):
                os.unlink(path)
                removed.append(path)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def _create_part(target: Path) -> tuple[int, Path]:
    folder = target.parent
    while True:
        tmp = folder / part_name(target)
        try:
            fd = os.open(tmp, _FLAGS, 0o666)  # the umask applies, as to any new file
        except FileExistsError:
            continue
        try:
            _lock(fd)
            if os.fstat(fd).st_nlink:
                return fd, tmp
        except BaseException:
            os.close(fd)
            _remove(tmp)
            raise
        os.close(fd)  # a sweeper took it for a dead writer's: make another


def write_atomically(path: str | os.PathLike, write: Callable[[IO[bytes]], None]) -> Path:
    """Write ``path`` through a locked part file beside it, then replace ``path`` in one
    step; on any failure the part file is removed and the old ``path`` is untouched.
    Raises what ``write`` or the file system raised (OSError for the file's faults)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    sweep_parts(folder, target)
    fd, tmp = _create_part(target)
    try:
        # closefd=False: the descriptor, and so the lock, lives until the replace.
        with os.fdopen(fd, "wb", closefd=False) as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if not _KEEP_OPEN_FOR_REPLACE:  # pragma: no cover - Windows
            os.close(fd)
            fd = -1
        os.replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
            fd = -1
        _remove(tmp)
        raise
    finally:
        if fd >= 0:
            os.close(fd)
    return target


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
