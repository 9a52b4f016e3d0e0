"""Reading the cells of one column at a time: what an import does to every row.

A 50,000-row export is read column by column (one comprehension per field) rather
than row by row through a call per cell; each reader gives exactly what the per-cell
functions of ``question_sources`` give for the same cell.
"""

from __future__ import annotations

from operator import itemgetter

from moderator_app.core.question_text import fold
from moderator_app.io.question_sources import (
    ANONYMOUS,
    MAX_VOTES,
    bad_votes,
    cell_text,
    parse_answered,
    parse_votes,
)

MISSING = object()  # a cell past the end of a short row


def cells(rows: list[list[object]], col: int | None, missing: object = "") -> list[object]:
    """Column ``col`` of ``rows``; ``missing`` for rows too short, or every row when None."""
    if col is None:
        return [missing] * len(rows)
    try:
        return list(map(itemgetter(col), rows))
    except IndexError:  # ragged rows (text files): pad the short ones
        return [r[col] if col < len(r) else missing for r in rows]


def _all(column: list[object], kind: type) -> bool:
    """Every cell exactly of ``kind`` (the usual column): one pass in C."""
    return set(map(type, column)) == {kind}


def texts(column: list[object]) -> list[str]:
    """Cells as the text to keep, untouched (``cell_text``)."""
    if _all(column, str):
        return list(column)
    return [c if isinstance(c, str) else cell_text(c) for c in column]


def stripped(column: list[object]) -> list[str | None]:
    """Cells as stripped text, None for empty ones and ``--`` (what exports write for none)."""
    if _all(column, str):
        out: list[str | None] = list(map(str.strip, column))
        if "" not in out and "--" not in out:
            return out
        return [None if not s or s == "--" else s for s in out]
    return [None if not (s := (c if isinstance(c, str) else cell_text(c)).strip()) or s == "--"
            else s for c in column]


def names(askers: list[str | None], firsts: list[str | None],
          lasts: list[str | None]) -> list[str | None]:
    """The asker, or first and last name joined when the asker column is empty."""
    return [a if a is not None else (" ".join(p for p in (f, g) if p) or None)
            for a, f, g in zip(askers, firsts, lasts, strict=True)]


def anonymous(*columns: list[str | None]) -> list[bool]:
    """Rows whose name or e-mail is an anonymous marker (``is_anonymous`` per row).

    Every marker contains "anon": when no cell of a column does (the usual case) the
    column is cleared in one pass over its joined text.
    """
    flags = [False] * (len(columns[0]) if columns else 0)
    for column in columns:
        if "anon" not in "\x00".join(filter(None, column)).lower():
            continue
        for i, v in enumerate(column):
            if v and "anon" in v.lower() and fold(v) in ANONYMOUS:
                flags[i] = True
    return flags


def votes(column: list[object], bad: list[int] | None = None) -> list[int | None]:
    """``parse_votes`` of each cell (None for missing ones), whole numbers read directly.

    The index of each filled cell that is not a count (infinite, NaN, negative, absurd,
    text) is added to ``bad``, so the import can warn that it was left empty.
    """
    if (_all(column, float) and all(map(float.is_integer, column))
            and min(column, default=0) >= 0 and max(column, default=0) <= MAX_VOTES):
        return list(map(int, column))  # a workbook's counts
    out = [c if type(c) is int and 0 <= c <= MAX_VOTES
           else None if c is None or c is MISSING
           else int(c) if type(c) is str and c.isascii() and c.isdigit() and len(c) < 8
           else parse_votes(c) for c in column]
    if bad is not None:
        bad.extend(i for i, (c, v) in enumerate(zip(column, out, strict=True))
                   if v is None and c is not MISSING and bad_votes(c))
    return out


def answered(column: list[object], free_text: bool) -> list[bool | None]:
    """``parse_answered`` of each distinct cell once (None for missing ones)."""
    found = {c: None if c is MISSING else parse_answered(c, free_text) for c in set(column)}
    return [found[c] for c in column]
