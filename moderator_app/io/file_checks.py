"""Checks made before a spreadsheet is read: the limits, a regular file, a bounded read.

A dropped or chosen path can be anything: a named pipe (opening it waits for a writer
forever), ``/dev/zero`` (reading it fills the memory), a 50 GB log. Each is refused in
one line before a byte of it is parsed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from moderator_app.core.refusal import Refusal
from moderator_app.io.table_errors import FileRefused, TableError, too_large

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much a spreadsheet may make the readers do. A question export of 50,000 rows
    is a 3 MB workbook of 22 MB of XML and 300,000 cells: every limit leaves it far
    below, and stops what no real sheet needs well before it hurts."""

    text_bytes: int = 64 * MB  # a CSV, TSV or TXT file, read whole in the console
    workbook_bytes: int = 128 * MB  # a workbook file on disk
    members: int = 10_000  # parts in a workbook's zip
    unpacked_bytes: int = 256 * MB  # all of a workbook's parts, decompressed
    ratio: int = 200  # decompressed / compressed, for a part of more than ratio_floor
    ratio_floor: int = 8 * MB
    cells: int = 3_000_000  # the rows x columns a sheet spans (the reader fills that grid)
    strings: int = 2_000_000  # shared strings of a workbook
    memory: int = 2048 * MB  # address space of the child process that parses
    reply_bytes: int = 256 * MB  # the parsed rows, as sent back to the console
    seconds: float = 60.0  # time the child process has to parse one file
    keep_warm: bool = True  # keep one parsing child alive between files


LIMITS = Limits()


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading; it must be a regular file.

    Checked before opening (opening a named pipe waits for a writer) and again on the
    open file, so that what is read is what was checked.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise TableError("{0}: no such file", path) from None
    except OSError as exc:
        raise unreadable(path, exc) from None
    if stat.S_ISDIR(mode):
        raise TableError("{0}: is a folder, not a spreadsheet", path)
    if not stat.S_ISREG(mode):
        raise _not_a_file(path, mode)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise unreadable(path, exc) from None
    mode = os.fstat(fh.fileno()).st_mode
    if not stat.S_ISREG(mode):
        fh.close()
        raise _not_a_file(path, mode)
    return fh


def _not_a_file(path: Path, mode: int) -> FileRefused:
    return FileRefused(
        "{0}: is {1}, not a spreadsheet file; choose a saved file", path, _kind_of(mode)
    )


def check_regular(path: Path) -> int:
    """The size of ``path`` after checking it is a regular file (TableError otherwise)."""
    with open_regular(path) as fh:
        return os.fstat(fh.fileno()).st_size


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of regular file ``path``; FileRefused when it holds more than ``limit``
    (read up to limit + 1 bytes, whatever its size claims: a file can grow while read)."""
    try:
        with open_regular(path) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise unreadable(path, exc) from None
    if len(data) > limit:
        raise too_large(path, Refusal("a text table of more than {0} MB", limit // MB))
    return data


def unreadable(path: Path, exc: OSError) -> TableError:
    if isinstance(exc, PermissionError):
        # What Windows says while Excel holds the file open.
        return TableError("{0}: cannot be read (permission denied; is it open or locked in "
                          "another program?)", path)
    return TableError("{0}: cannot be read ({1})", path, exc.strerror or exc)
