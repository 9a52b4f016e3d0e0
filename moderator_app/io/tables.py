"""Reading spreadsheet-like files into plain rows of cells.

Text tables (CSV, TSV, TXT) get their encoding and delimiter detected; workbooks (XLSX,
XLSM, XLS, ODS) are read with pandas' calamine engine, every sheet of them. The rows
come back untouched (no header guessing here), so the question importer can look for
its header below title lines and meta tables.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
DELIMITERS = (",", ";", "\t", "|")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls


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


class TableError(Exception):
    """A file that cannot be read as a table; the message names the file and the problem."""


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


def read_tables(path: str | os.PathLike) -> list[RawTable]:
    """Every non-empty table in the file; raises TableError naming the file otherwise."""
    target = Path(path)
    if not target.exists():
        raise TableError(f"{target}: no such file")
    if target.is_dir():
        raise TableError(f"{target}: is a folder, not a spreadsheet")
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise TableError(_unreadable(target, exc)) from None
    if not data.strip(b" \t\r\n\x00"):
        raise TableError(f"{target}: the file is empty")
    suffix = target.suffix.lower()
    looks_zip = data.startswith(_ZIP_MAGIC)
    looks_ole = data.startswith(_OLE_MAGIC)
    if suffix in WORKBOOK_SUFFIXES or looks_zip or looks_ole:
        if not (looks_zip or looks_ole):
            raise TableError(
                f"{target}: not a readable spreadsheet: not a real {suffix or 'Excel'} workbook "
                "(the content is not a spreadsheet; was it renamed?)"
            )
        with bulk():
            tables = _read_workbook(target)
    else:
        with bulk():
            tables = [_read_text(target, data)]
    tables = [t for t in tables if any(_filled(c) for row in t.rows for c in row)]
    if not tables:
        raise TableError(f"{target}: the file is empty (no cell holds anything)")
    return tables


def _unreadable(path: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        # What Windows says while Excel holds the file open.
        return (f"{path}: cannot be read (permission denied; is it open or locked in another "
                "program?)")
    return f"{path}: cannot be read ({exc.strerror})"


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


def _read_text(path: Path, data: bytes) -> RawTable:
    try:
        text, encoding, notes = decode(data)
    except UnicodeError as exc:
        raise TableError(f"{path}: {exc}") from None
    if _looks_binary(text):
        raise TableError(f"{path}: not a text table (binary content or an unknown encoding)")
    delimiter = sniff_delimiter(text)
    try:
        rows: list[list[object]] = list(csv.reader(io.StringIO(text, newline=""),
                                                   delimiter=delimiter))
    except csv.Error as exc:
        raise TableError(f"{path}: cannot be read as a table ({exc})") from None
    return RawTable(rows, None, encoding, delimiter, notes)


# -- workbooks -----------------------------------------------------------------------------
def _read_workbook(path: Path) -> list[RawTable]:
    """Every sheet of a workbook, read by calamine (the engine of pandas' ``engine="calamine"``).

    We call python-calamine directly rather than through ``pandas.read_excel``: the rows
    are what the importer needs, and skipping the DataFrame round trip halves the time
    on large sheets (see bench/bench_questions.py).
    """
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        tables = []
        for name in book.sheet_names:
            # to_python gives fresh lists of lists: ours to keep, no copy needed.
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            tables.append(RawTable(rows, str(name)))
    except Exception as exc:  # calamine raises many kinds for bad files
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise TableError(
            f"{path}: not a readable spreadsheet (xlsx, xls, ods): truncated, damaged or not a "
            f"spreadsheet ({detail})"
        ) from None
    return tables


def _filled(cell: object) -> bool:
    return not (isinstance(cell, str) and not cell.strip())
