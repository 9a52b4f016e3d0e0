"""The one watcher of linked files (a producer's run sheet, question exports), without Qt.

Polling, not file system notices: a notice is lost when an editor saves by replacing the
file (the watch ends with the old inode), differs between systems and network drives, and
cannot say "unreadable". A poll is a ``stat`` per linked file (one or two files, a few
times a second), driven by whatever clock the surface has: a QTimer in the console.

A file is compared by (mtime_ns, size, inode), and its mode so that a file turned
unreadable is noticed. A change is reported only once the file has stayed the same for
``settle_s``: editors save in several writes, and the file is read once, when they are
done. A file that disappears or turns unreadable is reported as such, once; the last good
state is kept (``good``), and the file coming back is reported as a change.
"""

from __future__ import annotations

import os
import stat as stat_mod
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

CHANGED = "changed"  # readable, and not as last reported: read it again
MISSING = "missing"  # the file is gone (or its folder)
UNREADABLE = "unreadable"  # there, but cannot be opened (permissions, not a regular file)

SETTLE_S = 0.4  # editors save in several writes; read once they are done


@dataclass(frozen=True)
class Stamp:
    """What identifies one version of a file without reading it."""

    mtime_ns: int
    size: int
    inode: int


@dataclass(frozen=True)
class Event:
    path: Path
    kind: str  # CHANGED, MISSING or UNREADABLE
    stamp: Stamp | None  # the new state; None when missing or unreadable


@dataclass
class _State:
    seen: tuple | None  # the last observation reported (or the baseline)
    good: Stamp | None  # the last readable state reported
    candidate: tuple | None = None  # an observation different from ``seen``, settling
    since: float = 0.0  # when ``candidate`` was first observed as it is


def _observe(path: Path) -> tuple:
    """(kind, stamp, mode): the file as it is now. Opening it is tried only to tell
    an unreadable file; nothing is read."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return (MISSING, None, None)
    except OSError:
        return (UNREADABLE, None, None)  # a folder on the way refuses us, a dead drive
    stamp = Stamp(st.st_mtime_ns, st.st_size, st.st_ino)
    if not stat_mod.S_ISREG(st.st_mode):
        return (UNREADABLE, stamp, st.st_mode)
    return (CHANGED, stamp, st.st_mode)


def _readable(path: Path) -> bool:
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


class FileWatch:
    """Which of the watched files changed since the last poll, once they settled."""

    def __init__(
        self,
        paths: Iterable[str | os.PathLike] = (),
        *,
        settle_s: float = SETTLE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settle_s = settle_s
        self._clock = clock
        self._states: dict[Path, _State] = {}
        self.set_paths(paths)

    @property
    def paths(self) -> list[Path]:
        return list(self._states)

    def set_paths(self, paths: Iterable[str | os.PathLike]) -> None:
        """Watch exactly ``paths``; a path already watched keeps its state, a new one
        starts from the file as it is now (not reported: the caller has just read it)."""
        wanted = [Path(p) for p in paths]
        self._states = {p: self._states.get(p) or self._baseline(p) for p in wanted}

    def add(self, path: str | os.PathLike) -> None:
        self.set_paths([*self._states, Path(path)])

    def remove(self, path: str | os.PathLike) -> None:
        self.set_paths(p for p in self._states if p != Path(path))

    def reset(self, path: str | os.PathLike) -> None:
        """Forget what was seen of ``path``: the next settled poll reports it."""
        state = self._states.get(Path(path))
        if state is not None:
            state.seen, state.candidate = None, None

    def good(self, path: str | os.PathLike) -> Stamp | None:
        """The last readable state of ``path`` reported (or seen when watching began)."""
        state = self._states.get(Path(path))
        return state.good if state else None

    def _baseline(self, path: Path) -> _State:
        seen = self._checked(path, _observe(path))
        return _State(seen=seen, good=seen[1] if seen[0] == CHANGED else None)

    def _checked(self, path: Path, seen: tuple) -> tuple:
        if seen[0] == CHANGED and not _readable(path):
            return (UNREADABLE, seen[1], seen[2])
        return seen

    def poll(self) -> list[Event]:
        """The files whose new state has settled since the last poll, in watch order."""
        now = self._clock()
        events: list[Event] = []
        for path, state in self._states.items():
            seen = _observe(path)
            same_as_reported = seen == state.seen
            if same_as_reported and state.seen is not None and state.seen[0] != UNREADABLE:
                state.candidate = None  # back as it was before settling: nothing happened
                continue
            if seen != state.candidate:
                state.candidate, state.since = seen, now  # still being written: wait
                if self.settle_s > 0:
                    continue
            if now - state.since < self.settle_s:
                continue
            # Settled. Opening is tried only now (and while unreadable): a stat per poll
            # is all the rest costs.
            seen = self._checked(path, seen)
            state.candidate = None
            if seen == state.seen:
                continue
            state.seen = seen
            kind, stamp = seen[0], seen[1]
            if kind == CHANGED:
                state.good = stamp
                events.append(Event(path, CHANGED, stamp))
            else:
                events.append(Event(path, kind, None))
        return events
