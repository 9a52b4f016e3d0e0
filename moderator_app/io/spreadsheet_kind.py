"""Is a spreadsheet a question list or a run sheet? Decided from its first rows only.

A dropped file is routed before any importer reads it in full, so this reads at most the
first rows of each sheet (a prefix of a text file) and never raises (but for a cancelled
read). Workbooks are read through ``safe_read`` like every import: a hostile file comes
back as a Detection with the one-line ``problem``, and the console carries on. Both importers'
own header detection is asked; when both claim a file (a run sheet's notes column is
free text too, a form's "start time" is a time column) the stronger match wins: a run
sheet's timing cells really parse as clock times or durations, a question list's text
column holds long sentences, ideally under a question-like header.
"""

from __future__ import annotations

import csv
import io
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from moderator_app.io.file_checks import open_regular
from moderator_app.io.question_sources import build_plan, role_of
from moderator_app.io.runsheet_cells import CellError, clock_seconds, duration_seconds
from moderator_app.io.runsheet_import import detect_mapping
from moderator_app.io.runsheet_import import find_header as runsheet_header
from moderator_app.io.safe_read import OLE_MAGIC, ZIP_MAGIC, read_workbook
from moderator_app.io.table_errors import FileRefused, ReadCancelled
from moderator_app.io.tables import (
    TEXT_SUFFIXES,
    WORKBOOK_SUFFIXES,
    RawTable,
    decode,
    sniff_delimiter,
)

QUESTIONS = "questions"
RUNSHEET = "runsheet"
PEEK_BYTES = 64 * 1024
PEEK_ROWS = 60
PEEK_SHEETS = 8
SAMPLE_ROWS = 20  # data rows under a header that are looked at
LONG_TEXT = 40  # average characters of a real question column


@dataclass(frozen=True)
class Detection:
    kind: str | None  # QUESTIONS, RUNSHEET or None
    questions: float  # 0..1, how much it looks like a question list
    runsheet: float  # 0..1, how much it looks like a run sheet
    problem: str | None = None  # why the file was refused unread (too large, a pipe...)


NOTHING = Detection(None, 0.0, 0.0)
_CACHE_SIZE = 32
_cache: OrderedDict[tuple[str, int, int], Detection] = OrderedDict()
_cache_lock = threading.Lock()


def detect(path: str | os.PathLike, *, cancelled: Callable[[], bool] | None = None) -> Detection:
    """What ``path`` looks like; NOTHING for anything unreadable or unknown, a Detection
    with a ``problem`` for a file refused as too large, damaged or not a file.
    ReadCancelled if ``cancelled()`` turned true while a workbook was being read."""
    target = Path(path)
    try:
        stat = target.stat()
    except OSError:
        return NOTHING
    # Keyed on the file's stamp: each drop handler asks, the file is read once.
    key = (str(target), stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    found = _detect(target, cancelled)
    with _cache_lock:
        _cache[key] = found
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def _detect(path: Path, cancelled: Callable[[], bool] | None) -> Detection:
    try:
        scores = [table_scores(t) for t in peek_tables(path, cancelled=cancelled)]
        q = max((s[0] for s in scores), default=0.0)
        r = max((s[1] for s in scores), default=0.0)
    except ReadCancelled:
        raise
    except FileRefused as exc:
        return Detection(None, 0.0, 0.0, str(exc))
    except Exception:  # a detector never stops a drop; the importer will say what is wrong
        return NOTHING
    if r > 0 and r > q:
        return Detection(RUNSHEET, q, r)
    if q > 0:
        return Detection(QUESTIONS, q, r)
    return Detection(None, q, r)


def peek_tables(
    path: Path, *, cancelled: Callable[[], bool] | None = None
) -> list[RawTable]:
    """The first rows of each sheet (or of the text table); [] when not a spreadsheet.
    FileRefused for a pipe, a device or a workbook over the limits."""
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES | TEXT_SUFFIXES:
        return []
    with open_regular(path) as fh:  # a named pipe would block open(), /dev/zero never end
        head = fh.read(PEEK_BYTES + 1)
    if not head.strip():
        return []
    if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return _peek_workbook(path, cancelled)
    if suffix in WORKBOOK_SUFFIXES:
        return []  # not a workbook inside: the importer says so
    return _peek_text(head[:PEEK_BYTES], truncated=len(head) > PEEK_BYTES)


def _peek_text(data: bytes, *, truncated: bool) -> list[RawTable]:
    text = None
    for cut in range(4):  # the prefix may end inside a multi-byte character
        try:
            text, _, _ = decode(data[: len(data) - cut] if cut else data)
            break
        except UnicodeError:
            continue
    if text is None:
        return []
    sample = text[: text.rfind("\n")] if truncated and "\n" in text else text
    delimiter = sniff_delimiter(sample)
    try:
        rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
    except csv.Error:
        return []
    return [RawTable([list(r) for r in rows[:PEEK_ROWS]])]


def _peek_workbook(path: Path, cancelled: Callable[[], bool] | None) -> list[RawTable]:
    try:
        sheets = read_workbook(path, rows=PEEK_ROWS, sheets=PEEK_SHEETS, cancelled=cancelled)
    except (FileRefused, ReadCancelled):
        raise
    except Exception:
        return []
    return [RawTable(rows, name) for name, rows in sheets]


def table_scores(table: RawTable) -> tuple[float, float]:
    """(questions, run sheet) scores of one sheet."""
    r, run_header = runsheet_score(table)
    q, question_header = questions_score(table)
    if r > 0 and q > 0 and question_header > run_header:
        # The question "header" is a row of the run sheet's body (a "Questions & answers"
        # segment): its question-like name proves nothing.
        q, _ = questions_score(table, trust_header=False)
    return q, r


def questions_score(table: RawTable, *, trust_header: bool = True) -> tuple[float, int]:
    """The question importer's plan for these rows, weighed by how long its texts are;
    with the header row it found."""
    plan = build_plan([table])
    if plan is None or plan.mapping.text is None:
        return 0.0, -1
    col = plan.mapping.text
    end = plan.end_row if plan.end_row is not None else len(table.rows)
    texts = [
        r[col].strip()
        for r in table.rows[plan.header_row + 1 : end]
        if col < len(r) and isinstance(r[col], str) and r[col].strip()
    ]
    if not texts:
        return 0.0, plan.header_row
    average = sum(len(t) for t in texts) / len(texts)
    named = trust_header and col < len(plan.headers) and role_of(plan.headers[col]) == "text"
    return (1.0 if named else 0.5) * min(1.0, average / LONG_TEXT), plan.header_row


def runsheet_score(table: RawTable) -> tuple[float, int]:
    """The share of titled rows whose start, end or duration cell really reads as time;
    with the run sheet importer's header row."""
    rows = [[None if isinstance(c, str) and not c.strip() else c for c in r] for r in table.rows]
    header = runsheet_header(rows)
    if header is None:
        return 0.0, -1
    mapping = detect_mapping(rows[header])
    timing = [(name, mapping[name]) for name in ("start", "end", "duration") if name in mapping]
    if not timing or "title" not in mapping:
        return 0.0, header
    title = mapping["title"]
    titled = [r for r in rows[header + 1 :] if title < len(r) and r[title] is not None]
    titled = titled[:SAMPLE_ROWS]
    if not titled:
        return 0.0, header
    timed = sum(1 for r in titled if any(_reads_as_time(r, n, c) for n, c in timing))
    return timed / len(titled), header


def _reads_as_time(row: list[object], name: str, col: int) -> bool:
    if col >= len(row) or row[col] is None:
        return False
    try:
        if name == "duration":
            duration_seconds(row[col])
        else:
            clock_seconds(row[col])
    except (CellError, ValueError, TypeError, OverflowError):
        return False
    return True
