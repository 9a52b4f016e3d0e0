"""The child process that parses workbooks, under memory and time limits.

It runs in a process of its own (started with ``spawn``, never forked from the
console), imports no Qt, and answers one request at a time on a pipe: a path in,
plain rows of cells out. A file that makes the reader allocate past the memory limit
ends this process (or raises here), not the console. See ``safe_read`` for the parent.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass

BIG_RSS = 512 * 1024 * 1024  # after a file that made the process this large, start afresh


@dataclass(frozen=True)
class Request:
    path: str
    rows: int | None = None  # only the first rows of each sheet (detection)
    sheets: int | None = None  # only the first sheets
    seconds: float = 60.0  # CPU time for this request (a second guard after the parent's)


def set_limits(memory: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout and the pre-checks remain
        return
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash leaves no core file


def _cpu_budget(seconds: float) -> None:
    # Should the console die mid-parse, the orphan stops at this CPU budget.
    try:
        import resource
    except ImportError:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(usage.ru_utime + usage.ru_stime + seconds) + 2
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def read_sheets(request: Request) -> list[tuple[str, list[list[object]]]]:
    """Every sheet (or the first ones, their first rows) as (name, rows of cells)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(request.path)
    names = book.sheet_names if request.sheets is None else book.sheet_names[: request.sheets]
    sheets = []
    for name in names:
        sheet = book.get_sheet_by_name(name)
        if request.rows is None:
            # to_python gives fresh lists of lists: ours to keep, no copy needed.
            rows = sheet.to_python(skip_empty_area=False)
        else:
            rows = []
            for row in sheet.iter_rows():
                rows.append(list(row))
                if len(rows) >= request.rows:
                    break
        sheets.append((str(name), rows))
    return sheets


def _big() -> bool:
    try:
        import resource
    except ImportError:
        return False
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale > BIG_RSS


def _silence() -> None:
    # The reader's own last words (Rust's "memory allocation of 549755813888 bytes
    # failed" and its backtrace) would land in the console's or the command's stderr;
    # the parent says in one line what happened.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def serve(conn, memory: int) -> None:
    """The child's loop: a Request in; (status, payload, retiring) out, where status is
    "ok" (payload: the sheets), "error" (payload: calamine's message) or "memory"."""
    set_limits(memory)
    _silence()
    gc.disable()  # rows of cells hold no cycles; a request ends with the child's memory
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return  # the console closed the pipe (or is gone): nothing more to do
        if request is None:
            return
        _cpu_budget(request.seconds)
        try:
            status, payload = "ok", read_sheets(request)
        except MemoryError:
            status, payload = "memory", None
        except Exception as exc:  # calamine raises many kinds for bad files
            status, payload = "error", " ".join(str(exc).split())[:160] or type(exc).__name__
        retiring = _big()  # said in the reply, so that the parent never reuses a leaving child
        try:
            conn.send((status, payload, retiring))
        except MemoryError:
            payload = None
            conn.send(("memory", None, True))
            retiring = True
        except (OSError, ValueError):
            return
        payload = None
        if retiring:
            return
