"""Is a spreadsheet a question list or a run sheet? Decided from its first rows only.

A dropped file is routed before any importer reads it in full, so this reads at most the
first rows of each sheet (a prefix of a text file) and never raises. Both importers'
own header detection is asked; when both claim a file (a run sheet's notes column is
free text too, a form's "start time" is a time column) the stronger match wins: a run
sheet's timing cells really parse as clock times or durations, a question list's text
column holds long sentences, ideally under a question-like header.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from moderator_app.io.question_sources import build_plan, role_of
from moderator_app.io.runsheet_cells import CellError, clock_seconds, duration_seconds
from moderator_app.io.runsheet_import import detect_mapping
from moderator_app.io.runsheet_import import find_header as runsheet_header
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


NOTHING = Detection(None, 0.0, 0.0)


def detect(path: str | os.PathLike) -> Detection:
    """What ``path`` looks like; NOTHING for anything unreadable or unknown."""
    target = Path(path)
    try:
        stat = target.stat()
    except OSError:
        return NOTHING
    return _detect(str(target), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _detect(path: str, _mtime_ns: int, _size: int) -> Detection:
    # Keyed on the file's stamp: each drop handler asks, the file is read once.
    try:
        scores = [table_scores(t) for t in peek_tables(Path(path))]
        q = max((s[0] for s in scores), default=0.0)
        r = max((s[1] for s in scores), default=0.0)
    except Exception:  # a detector never stops a drop; the importer will say what is wrong
        return NOTHING
    if r > 0 and r > q:
        return Detection(RUNSHEET, q, r)
    if q > 0:
        return Detection(QUESTIONS, q, r)
    return Detection(None, q, r)


def peek_tables(path: Path) -> list[RawTable]:
    """The first rows of each sheet (or of the text table); [] when not a spreadsheet."""
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES | TEXT_SUFFIXES:
        return []
    if not path.is_file():
        return []
    with path.open("rb") as fh:
        head = fh.read(PEEK_BYTES + 1)
    if not head.strip():
        return []
    if suffix in WORKBOOK_SUFFIXES or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return _peek_workbook(path)
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


def _peek_workbook(path: Path) -> list[RawTable]:
    from python_calamine import CalamineWorkbook  # off the start-up path

    try:
        book = CalamineWorkbook.from_path(str(path))
        tables = []
        for name in book.sheet_names[:PEEK_SHEETS]:
            rows = []
            for row in book.get_sheet_by_name(name).iter_rows():
                rows.append(list(row))
                if len(rows) >= PEEK_ROWS:
                    break
            tables.append(RawTable(rows, str(name)))
    except Exception:
        return []
    return tables


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
