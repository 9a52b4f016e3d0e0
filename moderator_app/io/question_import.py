"""From a spreadsheet file to questions: read, plan (profile, sheet, header, columns), extract.

``preview_file`` is the whole pipeline with automatic choices; the import dialog calls
``load_source`` then ``extract`` with a plan the moderator may have edited.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from moderator_app.core.question_text import identities
from moderator_app.core.questions import Question
from moderator_app.io import question_columns as cols
from moderator_app.io.chat_source import (
    CHAT_PROFILE,
    chat_plan,
    chat_table,
    parse_chat_file,
    read_chat_text,
)
from moderator_app.io.dates import parse_column
from moderator_app.io.question_sources import (
    PROFILES,
    ColumnMapping,
    SourcePlan,
    build_plan,
    find_header,
    header_is_answer_text,
    plan_for,
)
from moderator_app.io.tables import RawTable, TableError, bulk, read_tables

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class ImportCancelled(Exception):
    """The moderator cancelled an import; nothing was changed."""


@dataclass
class Source:
    """A file read into tables, with the plan detected for it."""

    path: Path
    tables: list[RawTable]
    plan: SourcePlan
    # Whole-file answered counts per plan (see ``answered_in_source``): a preview is
    # redrawn at every change in the dialog, the count only when its columns change.
    answered_counts: dict[tuple, int] = field(default_factory=dict, repr=False)

    @property
    def table(self) -> RawTable:
        return self.tables[self.plan.table_index]

    def sheet_names(self) -> list[str]:
        return [t.sheet or self.path.name for t in self.tables]


@dataclass
class ImportResult:
    path: Path
    plan: SourcePlan
    sheet: str | None
    encoding: str | None
    questions: list[Question]
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0
    dayfirst: bool | None = None
    # Questions the source marks answered, in the whole file even when ``questions``
    # holds only a preview's first rows: the moderator decides on all of them.
    answered_in_source: int = 0

    def source_dict(self) -> dict:
        return {"sheet": self.sheet, "header_row": self.plan.header_row + 1,
                "encoding": self.encoding}


def load_source(
    path: str | os.PathLike, profile: str | None = None, sheet: int | None = None
) -> Source:
    """Read ``path`` and detect where its questions are; TableError names the file."""
    target = Path(path)
    if profile is not None and profile not in PROFILES:
        raise TableError(
            "{0}: unknown profile {1!r} (one of {2})", target, profile, ", ".join(PROFILES)
        )
    tables = read_tables(target)
    if profile == CHAT_PROFILE or (profile is None and _chat_candidate(tables)):
        chat = _chat_source(target, forced=profile == CHAT_PROFILE)
        if chat is not None:
            return chat
    plan = build_plan(tables, profile, sheet)
    if plan is None:
        if all(_only_header(t) for t in tables):
            raise TableError("{0}: has a header but no rows of questions", target)
        if profile is None and target.suffix.lower() == ".txt" and _chat_candidate(tables):
            # Neither a table nor a chat layout: a text file of questions, one a paragraph.
            return _chat_source(target, forced=True)  # type: ignore[return-value]
        raise TableError("{0}: no column looks like questions (long free text)", target)
    table = tables[plan.table_index]
    end = plan.end_row if plan.end_row is not None else len(table.rows)
    if not any(_filled_row(r) for r in table.rows[plan.header_row + 1 : end]):
        raise TableError("{0}: has a header but no rows of questions", target)
    return Source(target, tables, plan)


def _chat_candidate(tables: list[RawTable]) -> bool:
    # A text file without a header row that names a question column (a spreadsheet's
    # export always has one): perhaps a chat. The one place "a table" gives way to a chat.
    return len(tables) == 1 and tables[0].sheet is None and find_header(tables[0])[0] < 0


def _chat_source(path: Path, *, forced: bool) -> Source | None:
    """``path`` read as a chat (see io.chat_source); None when it is not one and the
    profile was not forced (the file is then read as a table, as before)."""
    text, encoding, notes = read_chat_text(path)
    try:
        parse = parse_chat_file(path, text)
    except TableError:
        if forced:
            raise
        return None  # too long or no text for a chat: the table reading says what it is
    if parse.format == "plain" and not forced:
        return None
    if not parse.messages:
        raise TableError("{0}: no message could be read from this chat", path)
    if not any(m.question for m in parse.messages):
        raise TableError("{0}: none of its {1} messages looks like a question (greetings, +1, "
                         "too short)", path, len(parse.messages))
    return Source(path, [chat_table(parse, encoding, notes)], chat_plan(parse.format))


def _filled_row(row: list[object]) -> bool:
    return any(not (isinstance(c, str) and not c.strip()) for c in row)


def _only_header(table: RawTable) -> bool:
    filled = [r for r in table.rows if any(not (isinstance(c, str) and not c.strip()) for c in r)]
    return len(filled) <= 1


def replan(source: Source, *, profile: str | None = None, table_index: int | None = None,
           header_row: int | None = None) -> SourcePlan:
    """The plan after the moderator changed the profile, sheet or header row."""
    if source.plan.profile == CHAT_PROFILE and profile in (None, CHAT_PROFILE):
        return source.plan  # a chat has one layout: nothing to choose
    ti = source.plan.table_index if table_index is None else table_index
    if header_row is None:
        fresh = build_plan(source.tables, profile or None, ti)
        if fresh is not None:
            return fresh
        header_row = 0
    return plan_for(source.tables[ti], ti, header_row, profile or None)


def extract(
    source: Source,
    plan: SourcePlan | None = None,
    *,
    tz: ZoneInfo,
    dayfirst: bool | None = None,
    progress: Progress | None = None,
    limit: int | None = None,
) -> ImportResult:
    """The questions of ``source`` under ``plan`` (its own by default), with warnings.

    ``limit`` stops after that many rows (a preview); dates are still read from the
    whole column so that day-first or month-first is decided the same way.
    """
    with bulk():
        return _extract(source, plan or source.plan, tz, dayfirst, progress, limit)


CHUNK = 2000  # rows per step: progress is reported (and cancel honoured) between steps


def _extract(source: Source, plan: SourcePlan, tz: ZoneInfo, dayfirst: bool | None,
             progress: Progress | None, limit: int | None) -> ImportResult:
    table = source.tables[plan.table_index]
    m = plan.mapping
    if m.text is None:
        raise TableError("{0}: choose the column that holds the questions", source.path)
    end = plan.end_row if plan.end_row is not None else len(table.rows)
    first = plan.header_row + 1
    rows = table.rows[first:end]
    warnings: list[str] = list(table.notes)
    dates = None
    if m.submitted_at is not None:
        dates = parse_column(cols.cells(rows, m.submitted_at), tz,
                             dayfirst=dayfirst, hint=plan.dayfirst_hint)
        if dates.conflicting and dayfirst is None:
            warnings.append("dates mix day-first and month-first values; read as "
                            + ("day-first" if dates.dayfirst else "month-first"))
        elif dates.ambiguous and dayfirst is None:
            warnings.append("dates could be day-first or month-first; read as "
                            + ("day-first" if dates.dayfirst else "month-first")
                            + " (override with --dayfirst or --monthfirst)")
        if dates.bad_rows:
            warnings.append(_rows_note(f"{len(dates.bad_rows)} unreadable dates left empty",
                                       [first + i + 1 for i in dates.bad_rows]))
    answer_text = m.answered is not None and header_is_answer_text(plan.headers[m.answered])
    total = len(rows)
    stop = total if limit is None else min(limit, total)
    out: list[Question] = []
    empty_rows: list[int] = []
    bad_votes: list[int] = []
    for start in range(0, stop, CHUNK):
        if progress is not None and not progress(start, total):
            raise ImportCancelled(f"{source.path}: import cancelled")
        chunk = rows[start : min(start + CHUNK, stop)]
        when = dates.values[start : start + len(chunk)] if dates is not None else None
        out.extend(_questions(chunk, m, when, answer_text, plan.profile, source.path.name,
                              first + start + 1, empty_rows, bad_votes))
    if bad_votes:
        many = len(bad_votes) > 1
        warnings.append(_rows_note(
            f"{len(bad_votes)} vote count{'s' if many else ''} left empty: not "
            f"{'whole numbers' if many else 'a whole number'} from 0 to 10,000,000", bad_votes))
    if empty_rows:
        warnings.append(_rows_note(f"{len(empty_rows)} rows without question text skipped",
                                   empty_rows))
    if progress is not None:
        progress(total, total)
    if stop < total:
        answered = answered_in_source(source, plan)
    else:
        answered = sum(1 for q in out if q.answered_in_source is True)
    return ImportResult(source.path, plan, table.sheet, table.encoding, out, warnings,
                        len(empty_rows), dates.dayfirst if dates is not None else None,
                        answered)


def answered_in_source(source: Source, plan: SourcePlan | None = None) -> int:
    """How many questions of the whole file ``plan`` reads (rows kept as ``_questions``
    keeps them) the source marks answered; remembered on ``source`` per column choice.

    Every typed answer of a Zoom report is a distinct cell to read: a tenth of a second
    or more for 50,000 of them, done once (the dialog does it while reading the file).
    """
    plan = plan or source.plan
    m = plan.mapping
    if m.answered is None or m.text is None:
        return 0
    answer_text = header_is_answer_text(plan.headers[m.answered])
    key = (plan.table_index, plan.header_row, plan.end_row, m.text, m.answered, answer_text)
    count = source.answered_counts.get(key)
    if count is None:
        table = source.tables[plan.table_index]
        end = plan.end_row if plan.end_row is not None else len(table.rows)
        rows = table.rows[plan.header_row + 1 : end]
        text = cols.texts(cols.cells(rows, m.text))
        flags = cols.answered(cols.cells(rows, m.answered, cols.MISSING), answer_text)
        count = sum(1 for t, f in zip(text, flags, strict=True)
                    if f is True and (s := t.strip()) and s != "--")
        source.answered_counts[key] = count
    return count


def _questions(rows: list[list[object]], m: ColumnMapping, when: list | None,
               answer_text: bool, profile: str, file_name: str, line: int,
               empty_rows: list[int], bad_votes: list[int]) -> list[Question]:
    """The questions of ``rows`` (file line ``line`` onwards), a column at a time.

    Rows without question text are left out; those holding something else are noted
    in ``empty_rows`` (blank rows are not), and those whose votes cell is not a count in
    ``bad_votes``.
    """
    text = cols.texts(cols.cells(rows, m.text))
    keep = [i for i, t in enumerate(text) if (s := t.strip()) and s != "--"]
    lines = [line + i for i in keep]
    if len(keep) < len(rows):
        kept = set(keep)
        empty_rows.extend(line + i for i, r in enumerate(rows)
                          if i not in kept and any(_filled(c) for c in r))
        if not keep:
            return []
        rows = [rows[i] for i in keep]
        text = [text[i] for i in keep]
        when = [when[i] for i in keep] if when is not None else None
    n = len(rows)
    asker = cols.stripped(cols.cells(rows, m.asker))
    if m.first_name is not None or m.last_name is not None:
        asker = cols.names(asker, cols.stripped(cols.cells(rows, m.first_name)),
                           cols.stripped(cols.cells(rows, m.last_name)))
    email = cols.stripped(cols.cells(rows, m.email))
    anonymous = cols.anonymous(asker, email)
    if any(anonymous):
        asker = [None if a else v for a, v in zip(anonymous, asker, strict=True)]
        email = [None if a else v for a, v in zip(anonymous, email, strict=True)]
    when = when if when is not None else [None] * n
    unreadable: list[int] = []
    votes = cols.votes(cols.cells(rows, m.votes, cols.MISSING), unreadable)
    bad_votes.extend(lines[i] for i in unreadable)
    return Question.many({
        "id": identities(profile, when, asker, text),
        "text": text,
        "asker": asker,
        "email": email,
        "organisation": cols.stripped(cols.cells(rows, m.organisation)),
        "submitted_at": when,
        "votes": votes,
        "answered_in_source": (cols.answered(cols.cells(rows, m.answered, cols.MISSING),
                                             answer_text)
                               if m.answered is not None else [None] * n),
        "anonymous": anonymous,
        "source": [profile] * n,
        "source_file": [file_name] * n,
    })


def _filled(cell: object) -> bool:
    return not (isinstance(cell, str) and not cell.strip())


def _rows_note(what: str, rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:8])
    more = ", …" if len(rows) > 8 else ""
    return f"{what} (rows {shown}{more})"


def preview_file(
    path: str | os.PathLike, *, tz: ZoneInfo, profile: str | None = None,
    dayfirst: bool | None = None,
) -> ImportResult:
    source = load_source(path, profile)
    return extract(source, tz=tz, dayfirst=dayfirst)


def question_preview_dict(q: Question) -> dict:
    return {
        "text": q.text,
        "asker": q.asker,
        "email": q.email,
        "organisation": q.organisation,
        "submitted_at": q.submitted_at.isoformat() if q.submitted_at else None,
        "votes": q.votes,
        "answered": q.answered_in_source,
    }


def preview_dict(result: ImportResult) -> dict:
    out = {
        "profile": result.plan.profile,
        "source": result.source_dict(),
        "questions": [question_preview_dict(q) for q in result.questions],
        "answered_in_source": result.answered_in_source,
        "warnings": result.warnings,
    }
    if result.plan.chat_format is not None:
        out["format"] = result.plan.chat_format  # zoom_chat, teams, ..., plain
    return out
