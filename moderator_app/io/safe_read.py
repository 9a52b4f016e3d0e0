"""The one way the console reads a workbook it did not write: checked, then parsed in a
child process under memory and time limits.

A spreadsheet is untrusted input: a 1.6 KB xlsx with one cell in XFD1048576 makes the
workbook reader allocate 512 GB and abort the process that called it. So, for every
workbook (questions, run sheets, the detection of a dropped file):

1. ``file_checks``: a regular file (no pipe, no device), of a sane size;
2. ``zip_checks``: the zip inflated as a stream against the limits, the sheets' real
   extent and the shared strings counted (what is declared is not believed);
3. ``sheet_worker``: the parse itself, in a ``spawn``-ed child process (never a fork
   of the Qt process) limited in address space and CPU time, which sends back plain
   rows of cells. If it dies or runs out of time, the file is refused with one line;
   the console and the command line carry on.

One child is kept warm between files, so that a small file costs a round trip on a
pipe rather than a process start; a file read at the same time gets a child of its own.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from moderator_app.core.refusal import Refusal
from moderator_app.io import sheet_worker
from moderator_app.io.file_checks import (
    LIMITS,
    MB,
    Limits,
    open_regular,
    read_bounded,
    unreadable,
)
from moderator_app.io.table_errors import (
    ReadCancelled,
    too_large,
    unreadable_workbook,
)
from moderator_app.io.zip_checks import check_workbook_zip

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls
POLL_S = 0.05  # how often a wait looks at its cancel flag

Sheets = list[tuple[str, list[list[object]]]]


_scope = threading.local()


@contextmanager
def cancel_scope(cancelled: Callable[[], bool]) -> Iterator[None]:
    """Reads made on this thread inside the block stop (ReadCancelled) once
    ``cancelled()`` is true: a worker thread's cancel reaches the child process without
    every importer passing it down."""
    previous = getattr(_scope, "cancelled", None)
    _scope.cancelled = cancelled
    try:
        yield
    finally:
        _scope.cancelled = previous


def limits_or_default(limits: Limits | None) -> Limits:
    """``limits``, or the limits in force (looked up at each call, so that a test or a
    setting can change them)."""
    return LIMITS if limits is None else limits


def read_text_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """The bytes of a text table (CSV, TSV, TXT): a regular file of at most the limit."""
    return read_bounded(path, limits_or_default(limits).text_bytes)


def read_workbook(
    path: Path,
    *,
    rows: int | None = None,
    sheets: int | None = None,
    limits: Limits | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Sheets:
    """Every sheet of the workbook at ``path`` as (name, rows of cells), or the first
    ``sheets`` sheets' first ``rows`` rows.

    Raises FileRefused (a TableError) for a file over the limits or one whose parse
    died or ran out of time, TableError for a file that is not a readable workbook,
    ReadCancelled when ``cancelled()`` turned true while waiting.
    """
    limits = limits_or_default(limits)
    if cancelled is None:
        cancelled = getattr(_scope, "cancelled", None)
    try:
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(8)
    except OSError as exc:
        raise unreadable(path, exc) from None
    if size > limits.workbook_bytes:
        raise too_large(path, Refusal("{0} MB, over the {1} MB limit for a workbook",
                                      size // MB, limits.workbook_bytes // MB))
    if head.startswith(ZIP_MAGIC):
        check_workbook_zip(path, limits)
    request = sheet_worker.Request(str(path), rows, sheets, limits.seconds)
    status, payload = _parse(path, request, limits, cancelled)
    if status == "ok":
        return payload
    if status == "memory":
        raise too_large(path, Refusal("reading it needs more than {0} MB of memory",
                                      limits.memory // MB))
    raise unreadable_workbook(path, payload or "unknown error")


# -- the child processes -------------------------------------------------------------------
class _Child:
    def __init__(self, memory: int) -> None:
        context = multiprocessing.get_context("spawn")  # a fork of a Qt process is unsafe
        self.conn, theirs = context.Pipe()
        self.memory = memory
        self.process = context.Process(
            target=sheet_worker.serve, args=(theirs, memory), name="moderator-sheet-reader",
            daemon=True,  # never outlives the console
        )
        with _bare_main():
            self.process.start()
        theirs.close()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def retire(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(1)
        self.kill()


_main_lock = threading.Lock()


@contextmanager
def _bare_main() -> Iterator[None]:
    """Start a child without it re-running the parent's main script.

    ``spawn`` re-imports the ``__main__`` module in the child (a script without an
    ``if __name__ == "__main__"`` guard would run again there, and start a child in turn).
    The worker needs nothing from it: the child is told of an empty main module, and
    imports only ``sheet_worker``.
    """
    with _main_lock:
        real = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = real


_idle: list[_Child] = []
_idle_lock = threading.Lock()


def _take(memory: int) -> _Child:
    with _idle_lock:
        while _idle:
            child = _idle.pop()
            if child.memory == memory and child.process.is_alive():
                return child
            child.kill()
    return _Child(memory)


def _give_back(child: _Child, limits: Limits) -> None:
    with _idle_lock:
        if limits.keep_warm and not _idle:
            _idle.append(child)
            return
    child.retire()


def shutdown() -> None:
    """Stop the warm child (it is a daemon: it would also stop with the console)."""
    with _idle_lock:
        children = list(_idle)
        _idle.clear()
    for child in children:
        child.retire()


def _start(path: Path, request, limits: Limits) -> _Child:
    """A child holding ``request``: the warm one, or a fresh one if that one is gone."""
    child = None
    try:
        child = _take(limits.memory)
        try:
            child.conn.send(request)
        except (OSError, ValueError):
            child.kill()  # the warm child died while idle (killed from outside)
            child = None
            child = _Child(limits.memory)
            child.conn.send(request)
    except (OSError, ValueError) as exc:
        if child is not None:
            child.kill()
        raise unreadable_workbook(path, f"the reader could not start: {exc}") from None
    return child


def _parse(path: Path, request, limits: Limits, cancelled: Callable[[], bool] | None):
    child = _start(path, request, limits)
    try:
        deadline = time.monotonic() + limits.seconds
        while not child.conn.poll(POLL_S):
            if cancelled is not None and cancelled():
                raise ReadCancelled("{0}: reading was cancelled", path)
            if time.monotonic() > deadline:
                raise too_large(path, Refusal("reading it took more than {0:g} s",
                                              limits.seconds))
        try:
            # Bounded before it is unpickled: the console holds at most this much of it.
            message = child.conn.recv_bytes(limits.reply_bytes)
        except EOFError:
            child.process.join(5)
            raise too_large(path, _death(child.process.exitcode, limits)) from None
        except OSError:
            if child.process.is_alive():  # alive: the message was over the limit
                raise too_large(path, _size(limits.reply_bytes)) from None
            child.process.join(5)
            raise too_large(path, _death(child.process.exitcode, limits)) from None
        status, payload, retiring = pickle.loads(message)
        del message
    except BaseException:
        child.kill()
        raise
    if retiring:
        child.retire()
    else:
        _give_back(child, limits)
    return status, payload


def _size(count: int) -> Refusal:
    if count >= MB:
        return Refusal("its cells take more than {0:,} MB", count // MB)
    return Refusal("its cells take more than {0:,} bytes", count)


def _death(code: int | None, limits: Limits) -> Refusal:
    """Why the child ended, as far as its exit code says."""
    if code is not None and code < 0:
        number = -code
        if number == getattr(signal, "SIGXCPU", None):
            return Refusal("reading it took more than {0:g} s of processor time",
                           limits.seconds)
        if number in (signal.SIGABRT, signal.SIGKILL, getattr(signal, "SIGSEGV", 11)):
            return Refusal("the reader stopped, out of its {0} MB of memory or on damaged "
                           "content", limits.memory // MB)
        return Refusal("the reader was stopped by signal {0}", number)
    return Refusal("the reader stopped (exit code {0})", code)
