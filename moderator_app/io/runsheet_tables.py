"""Reading a run sheet file into rows of cells: the first filled sheet, or the CSV.

The file itself is read by the question import's reader (``tables.read_tables``: one
encoding detector, one delimiter sniffer, one workbook reader, the same messages naming
the file). What a run sheet adds is a size limit and its cells' shape: empty cells as
None, date cells as ``datetime`` and whole numbers as ``int``, as the cell readers in
``runsheet_cells`` expect. Real time cells stay ``datetime.time`` and duration cells
``timedelta``.
"""

from __future__ import annotations

import math
import os
from datetime import date, datetime
from pathlib import Path

from moderator_app.io.tables import TableError, read_tables

MAX_BYTES = 50 * 1024 * 1024  # a run sheet is a few kilobytes; this is a wrong file

# A cell: str, int, float, bool, datetime.time, datetime.datetime, datetime.timedelta, or None.
Row = list[object]


def read_rows(path: str | os.PathLike) -> list[Row]:
    """All rows of the first sheet holding anything (or of the CSV), empty cells as None."""
    target = Path(path)
    try:
        size = target.stat().st_size
    except OSError:
        size = 0  # missing or unreadable: read_tables says which
    if size > MAX_BYTES:
        raise TableError("{0}: too large for a run sheet ({1} MB)", target, size // 1_048_576)
    first = read_tables(target)[0]
    return [[_clean(v) for v in row] for row in first.rows]


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value
