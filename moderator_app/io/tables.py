"""Reading spreadsheet-like files into plain rows of cells.

Text tables (CSV, TSV, TXT) get their encoding and delimiter detected; workbooks (XLSX,
XLSM, XLS, ODS) are read with pandas' calamine engine, every sheet of them. The rows
come back untouched (no header guessing here), so the question importer can look for
its header below title lines and meta tables.

Every file goes through ``safe_read`` first: only regular files, text tables of a
bounded size, and workbooks checked then parsed in a child process under limits, so
that a hostile file is refused in one line instead of taking the console down.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from moderator_app.core.refusal import Refusal
from moderator_app.io.file_checks import LIMITS, Limits, open_regular, unreadable
from moderator_app.io.safe_read import (
    OLE_MAGIC,
    ZIP_MAGIC,
    limits_or_default,
    read_text_bytes,
    read_workbook,
)
from moderator_app.io.table_errors import TableError, too_large

__all__ = ["RawTable", "TableError", "bulk", "decode", "read_tables", "sniff_delimiter"]

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
DELIMITERS = (",", ";", "\t", "|")


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects at once.

    A 50,000-row import allocates a few hundred thousand objects; the collector would
    walk all of them (and everything else alive) several times over for nothing, since
    rows and questions hold no reference cycles. Re-enabling it alone only defers that
    walk: the first allocation after would scan every survivor in one young-generation
    pass (a quarter of a second on 50,000 rows). The survivors are long-lived (the
    queue, the rows of an open import), so they are moved straight to the oldest
    generation instead (``freeze`` then ``unfreeze``: two list splices, no walk), where
    the collector's usual full passes look at them like at any other long-lived object.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@dataclass
class RawTable:
    """One sheet (or the one table of a text file) as rows of cells.

    Cells are ``str`` for text ("" when empty); workbooks also give ``datetime``,
    ``date``, ``time``, ``float``, ``int`` and ``bool``.
    """

    rows: list[list[object]]
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    notes: list[str] = field(default_factory=list)


def read_tables(
    path: str | os.PathLike,
    *,
    limits: Limits | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[RawTable]:
    """Every non-empty table in the file; raises TableError naming the file otherwise
    (FileRefused, a TableError, for a file over the limits or that is no regular file)."""
    target = Path(path)
    limits = limits_or_default(limits)
    if not target.exists():
        raise TableError("{0}: no such file", target)
    head = _head(target)
    suffix = target.suffix.lower()
    looks_zip = head.startswith(ZIP_MAGIC)
    looks_ole = head.startswith(OLE_MAGIC)
    if looks_zip or looks_ole:
        with bulk():  # the rows are unpickled here: hundreds of thousands of objects
            sheets = read_workbook(target, limits=limits, cancelled=cancelled)
            tables = [RawTable(rows, name) for name, rows in sheets]
    else:
        data = read_text_bytes(target, limits)
        if not data.strip(b" \t\r\n\x00"):
            raise TableError("{0}: the file is empty", target)
        if suffix in WORKBOOK_SUFFIXES:
            raise TableError(
                "{0}: not a readable spreadsheet: not a real {1} workbook "
                "(the content is not a spreadsheet; was it renamed?)",
                target,
                suffix,
            )
        with bulk():
            tables = [_read_text(target, data, limits)]
    tables = [t for t in tables if any(_filled(c) for row in t.rows for c in row)]
    if not tables:
        raise TableError("{0}: the file is empty (no cell holds anything)", target)
    return tables


def _head(path: Path) -> bytes:
    try:
        with open_regular(path) as fh:  # a pipe or a device is refused here, unread
            return fh.read(8)
    except OSError as exc:
        raise unreadable(path, exc) from None


# -- text tables ---------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding name, notes). UTF-8 ±BOM, UTF-16 LE/BE ±BOM, else Windows-1252."""
    notes: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data[3:], "utf-8", "utf-8-sig", notes)
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode_as(data[2:], "utf-16-le", "utf-16", notes)
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode_as(data[2:], "utf-16-be", "utf-16", notes)
    sample = data[:4096]
    nul_even = sample[0::2].count(0)
    nul_odd = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    # UTF-16 without a BOM: ASCII text puts a NUL in every other byte.
    if nul_odd > half * 0.3 and nul_even < half * 0.05:
        return _decode_as(data, "utf-16-le", "utf-16-le", notes)
    if nul_even > half * 0.3 and nul_odd < half * 0.05:
        return _decode_as(data, "utf-16-be", "utf-16-be", notes)
    if b"\x00" in data:
        # Stray NUL bytes (seen in some webinar exports) carry nothing: drop them.
        notes.append(f"removed {data.count(0)} NUL bytes")
        data = data.replace(b"\x00", b"")
    try:
        text = data.decode("utf-8")
        return text, "utf-8", notes
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnicodeError("unknown text encoding (not UTF-8, UTF-16 or Windows-1252)") from None
    return text, "cp1252", notes


def _decode_as(data: bytes, codec: str, name: str, notes: list[str]) -> tuple[str, str, list[str]]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnicodeError(f"declares {name} but is not valid {name} ({exc.reason})") from None
    if "\x00" in text:
        notes.append(f"removed {text.count(chr(0))} NUL characters")
        text = text.replace("\x00", "")
    return text, name, notes


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return controls > len(sample) * 0.01


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most lines into the same number of fields.

    Title lines and meta tables have other widths, and free text holds stray commas,
    so the winner is the delimiter whose most common width covers the most cells.
    """
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rfind("\n")]
    best, best_score = ",", -1.0
    for delim in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delim) if r]
        except csv.Error:
            continue
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        width, count = Counter(wide).most_common(1)[0]
        score = count * width
        if score > best_score:
            best, best_score = delim, score
    return best


def _read_text(path: Path, data: bytes, limits: Limits = LIMITS) -> RawTable:
    try:
        text, encoding, notes = decode(data)
    except UnicodeError as exc:
        raise TableError("{0}: {1}", path, exc) from None
    if _looks_binary(text):
        raise TableError("{0}: not a text table (binary content or an unknown encoding)", path)
    delimiter = sniff_delimiter(text)
    # A row of commas is cheap on disk and a list entry per cell in memory.
    cells = text.count(delimiter) + text.count("\n") + 1
    if cells > limits.cells:
        raise too_large(path, Refusal("more than {0:,} cells", limits.cells))
    try:
        rows: list[list[object]] = list(csv.reader(io.StringIO(text, newline=""),
                                                   delimiter=delimiter))
    except csv.Error as exc:
        raise TableError("{0}: cannot be read as a table ({1})", path, exc) from None
    return RawTable(rows, None, encoding, delimiter, notes)


def _filled(cell: object) -> bool:
    return not (isinstance(cell, str) and not cell.strip())
