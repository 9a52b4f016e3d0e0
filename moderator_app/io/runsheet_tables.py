"""Reading a run sheet file into rows of cells (the first sheet, or the CSV).

xlsx, xls and ods go through pandas with the calamine engine (real time cells come back as
``datetime.time``, duration cells as ``timedelta``); CSV is decoded by hand because the
files producers send come in UTF-8 with or without BOM, UTF-16 ("Unicode text") and
Windows-1252 (French Excel), with commas, semicolons or tabs.
"""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
MAX_BYTES = 50 * 1024 * 1024  # a run sheet is a few kilobytes; this is a wrong file

# A cell: str, int, float, datetime.time, datetime.datetime, datetime.timedelta, or None.
Row = list[object]


class TableError(ValueError):
    """A file that cannot be read as a table; the message names the file."""


def read_rows(path: str | os.PathLike) -> list[Row]:
    """All rows of the first sheet (or the CSV), empty cells as None."""
    target = Path(path)
    if not target.exists():
        raise TableError(f"{target}: no such file")
    if target.is_dir():
        raise TableError(f"{target}: is a folder, not a spreadsheet")
    try:
        size = target.stat().st_size
        if size == 0:
            raise TableError(f"{target}: the file is empty")
        if size > MAX_BYTES:
            raise TableError(f"{target}: too large for a run sheet ({size // 1_048_576} MB)")
        with target.open("rb") as fh:
            head = fh.read(8)
    except PermissionError:
        raise TableError(
            f"{target}: cannot be read (permission denied; is it open or locked in another "
            "program?)"
        ) from None
    except OSError as exc:
        raise TableError(f"{target}: cannot be read ({exc.strerror})") from None
    suffix = target.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return _read_spreadsheet(target)
    return _read_text(target)


def _read_spreadsheet(path: Path) -> list[Row]:
    import pandas as pd  # pandas is slow to import; only spreadsheets need it

    try:
        frame = pd.read_excel(path, engine="calamine", header=None, dtype=object, sheet_name=0)
    except PermissionError:
        raise TableError(
            f"{path}: cannot be read (permission denied; is it open or locked in another program?)"
        ) from None
    except Exception as exc:  # calamine raises its own error types
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise TableError(f"{path}: not a readable spreadsheet (xlsx, xls, ods): {detail}") from None
    return [[_clean(v) for v in row] for row in frame.itertuples(index=False, name=None)]


def _clean(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if type(value).__name__ == "Timestamp":
        return value.to_pydatetime()  # type: ignore[attr-defined]
    if type(value).__name__ == "NaTType":
        return None
    return value


def decode_text(data: bytes) -> str:
    """Text of a CSV whose encoding is not declared anywhere."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    # UTF-16 without BOM: every other byte is NUL in mostly-ASCII text.
    sample = data[:2000]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        even = sample[0::2].count(b"\x00")
        odd = sample[1::2].count(b"\x00")
        return data.decode("utf-16-be" if even > odd else "utf-16-le", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _read_text(path: Path) -> list[Row]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TableError(f"{path}: cannot be read ({exc.strerror})") from None
    text = decode_text(data).replace("\x00", "")
    if not text.strip():
        raise TableError(f"{path}: the file is empty")
    delimiter = sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise TableError(f"{path}: not a readable CSV file ({exc})") from None
    return [[cell if cell.strip() else None for cell in row] for row in rows]


def sniff_delimiter(text: str) -> str:
    """The separator that splits the most lines into the same number of cells."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        counts = [len(next(csv.reader([line], delimiter=delimiter))) for line in lines]
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        common = max(set(multi), key=multi.count)
        score = multi.count(common) * common
        if score > best_score:
            best, best_score = delimiter, score
    return best
