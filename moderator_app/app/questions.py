"""The questions of an open show, as every surface handles them: preview a spreadsheet,
import it with the moderator's choices, list the queue, moderate it, link a file to watch.

An import is two steps because the console reads off the UI thread and writes the show
file on it (the file is only ever written from one thread): ``read_import`` reads and
extracts (any thread, progress and cancel), ``apply_import`` merges into the show and
links the file when asked. The console's dialog runs the first through ``ui.ops`` and the
second when the result comes back; the command line calls ``import_file``, both in a row;
a watched file is re-read and merged the same way with the choices stored with its link
(``ImportChoices.of_link``). So answered-as, profile, dates and linking mean the same
thing everywhere.

Moderation is the ``QuestionBook`` itself (state, take next, answered, edit, add, move,
merge, undo/redo, link/unlink): the book is already the one object per open show, so it
is re-exported here rather than wrapped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import BinaryIO
from weakref import WeakKeyDictionary
from zoneinfo import ZoneInfo

from moderator_app.core.chat import (
    MAX_CHAT_CHARS,
    ChatError,
    ChatMessage,
    ChatParse,
    check_text,
    parse_chat,
)
from moderator_app.core.question_text import identities
from moderator_app.core.questions import IMPORT_STATES, MergeResult, QState, Question, QuestionError
from moderator_app.io.chat_source import CHAT_PROFILE, machine_zone
from moderator_app.io.question_import import (
    ImportResult,
    Progress,
    Source,
    answered_in_source,
    extract,
    load_source,
    preview_dict,
    question_preview_dict,
)
from moderator_app.io.question_import import replan as _replan
from moderator_app.io.question_sources import PROFILES, ColumnMapping, SourcePlan
from moderator_app.io.question_store import (
    BookListener,
    LinkedSource,
    LiveEstimate,
    QuestionBook,
)
from moderator_app.io.showfile import ShowFileError
from moderator_app.io.tables import decode

__all__ = [
    "IMPORT_STATES",
    "MAX_CHAT_CHARS",
    "PREVIEW_ROWS",
    "PROFILES",
    "BookListener",
    "ChatError",
    "ChatMessage",
    "ChatParse",
    "ColumnMapping",
    "ImportChoices",
    "ImportResult",
    "Imported",
    "LinkedSource",
    "LiveEstimate",
    "MergeResult",
    "Pasted",
    "Progress",
    "QuestionBook",
    "Source",
    "SourcePlan",
    "apply_import",
    "chat_questions",
    "counts",
    "decode_pasted",
    "extract",
    "import_file",
    "list_questions",
    "listing",
    "load_source",
    "machine_zone",
    "paste_into",
    "preview",
    "preview_dict",
    "preview_file",
    "question_preview_dict",
    "read_chat",
    "read_import",
    "read_pasted_bytes",
    "read_source",
    "replan",
    "set_mapping",
    "show_day",
    "unlink_all",
]  # fmt: skip

CHAT_SOURCE = CHAT_PROFILE  # pasted questions and chat files: one source, one identity
PREVIEW_ROWS = 30  # rows a preview extracts: enough to check the columns, instant to redraw


@dataclass(frozen=True)
class ImportChoices:
    """What the moderator chose for an import: the state of new questions the source marks
    answered, the source layout and date order (None: detected), and whether to watch the
    file and merge its later changes the same way."""

    answered_as: QState = QState.ANSWERED
    profile: str | None = None
    dayfirst: bool | None = None
    watch: bool = False

    def __post_init__(self) -> None:
        try:
            state = QState(self.answered_as)
        except ValueError:
            state = None
        if state not in IMPORT_STATES:
            shown = getattr(self.answered_as, "value", self.answered_as)
            raise QuestionError(f"Questions answered in the source can be imported as "
                                f"answered or new, not {shown}")
        object.__setattr__(self, "answered_as", state)

    @classmethod
    def of_link(cls, link: LinkedSource) -> ImportChoices:
        """The choices a linked file was imported with: its changes are merged by them."""
        return cls(QState(link.answered_as), link.profile, link.dayfirst)


@dataclass(frozen=True)
class Imported:
    """What an import did: the file's reading, the merge, and the linking when asked."""

    result: ImportResult
    merge: MergeResult
    choices: ImportChoices
    watch_error: str | None = field(default=None)  # the import stands; only linking failed

    @property
    def watched(self) -> bool:
        return self.choices.watch and self.watch_error is None

    def to_dict(self) -> dict:
        # Of the questions added, how many the file marks answered, and what they became.
        return {"file": str(self.result.path), "profile": self.result.plan.profile,
                "added": self.merge.added, "present": self.merge.present,
                "skipped": self.result.skipped,
                "answered_in_source": self.merge.answered_in_source,
                "answered_as": self.choices.answered_as.value,
                "warnings": self.result.warnings}


# -- reading and previewing (any thread: nothing here touches the show) -----------------------
def read_source(path: str | os.PathLike, profile: str | None = None) -> Source:
    """Read ``path`` and detect where its questions are, counting the ones the source
    marks answered once (a preview redraws at every change, the count stays);
    TableError names the file."""
    source = load_source(path, profile)
    answered_in_source(source)
    return source


def replan(source: Source, *, profile: str | None = None, table_index: int | None = None,
           header_row: int | None = None) -> SourcePlan:
    """Install (and return) the plan after the moderator chose another profile, sheet or
    header row; a header row past the table's end is taken as its last row (the console's
    spin box goes far beyond any file); choosing "chat" for a table, or a table's profile
    for a chat, reads the file again that way (TableError when it cannot be)."""
    if profile and (profile == CHAT_SOURCE) != (source.plan.profile == CHAT_SOURCE):
        fresh = load_source(source.path, profile)
        source.tables, source.plan = fresh.tables, fresh.plan
        source.answered_counts.clear()
        return source.plan
    if header_row is not None:
        index = source.plan.table_index if table_index is None else table_index
        header_row = min(max(header_row, 0), max(len(source.tables[index].rows) - 1, 0))
    plan = _replan(source, profile=profile, table_index=table_index, header_row=header_row)
    rows = len(source.tables[plan.table_index].rows)
    if plan.header_row >= rows:
        plan.header_row = max(rows - 1, 0)
    source.plan = plan
    return plan


def set_mapping(source: Source, columns: dict[str, int | None]) -> SourcePlan:
    """Install the columns the moderator chose (field name -> column index or None)."""
    source.plan.mapping = ColumnMapping(**columns)
    return source.plan


def preview(source: Source, *, tz: ZoneInfo, dayfirst: bool | None = None,
            limit: int | None = PREVIEW_ROWS) -> ImportResult:
    """The first ``limit`` questions under the source's plan, with the whole file's
    warnings and answered count."""
    return extract(source, tz=tz, dayfirst=dayfirst, limit=limit)


def preview_file(path: str | os.PathLike, *, tz: ZoneInfo, profile: str | None = None,
                 dayfirst: bool | None = None) -> ImportResult:
    """Every question ``path`` would give, with automatic choices where none is given."""
    return extract(load_source(path, profile), tz=tz, dayfirst=dayfirst)


def read_import(
    source: Source | str | os.PathLike, choices: ImportChoices, *, tz: ZoneInfo,
    plan: SourcePlan | None = None, progress: Progress | None = None,
) -> ImportResult:
    """Every question of ``source`` (a file, read under ``choices.profile``, or one already
    read, under ``plan`` or its own), dates read by ``choices.dayfirst``. ``progress(done,
    total)`` returning False cancels (ImportCancelled)."""
    if not isinstance(source, Source):
        source = load_source(source, choices.profile)
    return extract(source, plan, tz=tz, dayfirst=choices.dayfirst, progress=progress)


# -- merging into the show (the thread that owns the show) ---------------------------------------
def apply_import(book: QuestionBook, result: ImportResult, choices: ImportChoices) -> Imported:
    """Merge ``result``: only new questions are added, those the source marks answered in
    ``choices.answered_as``; then link the file when ``choices.watch`` asks, so its later
    changes merge the same way. A show file that refuses the merge changes nothing
    (ShowFileError); one that refuses only the link keeps the import (``watch_error``)."""
    gone = _gone_from_chat(book, result)
    merge = book.import_result(result, choices.answered_as)
    if gone:
        result.warnings.append(
            f"{result.path.name} was rewritten, not added to: {gone} question"
            f"{'s' if gone > 1 else ''} read from it before {'are' if gone > 1 else 'is'} no "
            "longer in it and stay in the queue")
    watch_error = None
    if choices.watch:
        try:
            book.link_source(result.path, result.plan.profile, choices.dayfirst,
                             choices.answered_as)
        except ShowFileError as exc:
            watch_error = str(exc)
    return Imported(result, merge, choices, watch_error)


def _gone_from_chat(book: QuestionBook, result: ImportResult) -> int:
    """How many questions read from this chat file before it no longer holds: a saved
    chat only grows, so a re-read that misses some says the file was rewritten (the
    questions stay: a re-read never deletes)."""
    if result.plan.profile != CHAT_SOURCE:
        return 0
    ids = frozenset(q.id for q in result.questions)
    seen = _CHAT_READS.setdefault(book, {})
    key = str(result.path.resolve())
    before = seen.get(key)
    seen[key] = ids
    if before is not None:  # said once: the reading after a rewrite is the new baseline
        return len(before - ids)
    name = result.path.name
    return sum(1 for q in book.queue.ordered()
               if q.source == CHAT_SOURCE and q.source_file == name and q.id not in ids)


# The ids each chat file gave at its last reading, per open show: a rewrite is said once.
_CHAT_READS: WeakKeyDictionary[QuestionBook, dict[str, frozenset[str]]] = WeakKeyDictionary()


def import_file(book: QuestionBook, path: str | os.PathLike, choices: ImportChoices, *,
                progress: Progress | None = None) -> Imported:
    """Read ``path`` whole, then merge it: a file that cannot be read leaves the show as
    it was."""
    result = read_import(path, choices, tz=book.session.show.tz, progress=progress)
    return apply_import(book, result, choices)


# -- the queue ------------------------------------------------------------------------------------
def list_questions(book: QuestionBook, states: Iterable[str | QState] | None = None
                   ) -> list[Question]:
    """The questions in manual order, only those in ``states`` when given."""
    if states is None:
        return book.queue.ordered()
    return book.queue.select(states=states)


def counts(book: QuestionBook) -> dict[str, int]:
    """How many questions are in each state (every state named, zeros included)."""
    return book.queue.counts()


def listing(book: QuestionBook, states: Iterable[str | QState] | None = None) -> dict:
    """The queue as plain data: the counts and the questions (``questions list``)."""
    return {"counts": counts(book),
            "questions": [q.to_dict() for q in list_questions(book, states)]}


def unlink_all(book: QuestionBook) -> int:
    """Stop watching every linked file; how many there were."""
    links = book.linked_sources()
    for link in links:
        book.unlink_source(link.path)
    return len(links)


# -- questions pasted from a chat or a Q&A panel ---------------------------------------------------


def show_day(book: QuestionBook, tz: tzinfo | None = None) -> date:
    """The show's date in ``tz`` (the machine's zone by default): clock-only chat times are
    read on it."""
    return book.session.show.planned_start.astimezone(tz or machine_zone()).date()


def read_pasted_bytes(stream: BinaryIO) -> bytes:
    """At most what can hold ``MAX_CHAT_CHARS`` characters from ``stream`` (standard input):
    ChatError rather than reading an endless pipe into memory."""
    limit = MAX_CHAT_CHARS * 4  # UTF-8 takes up to four bytes a character
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ChatError(f"The text is too long to read as a chat (more than "
                        f"{MAX_CHAT_CHARS:,} characters): paste or save a shorter part")
    return data


def decode_pasted(data: bytes) -> str:
    """Pasted bytes as text (UTF-8, UTF-16 with or without its mark, else Windows-1252);
    ChatError for data that is no text."""
    try:
        return decode(data)[0]
    except UnicodeError:
        raise ChatError("This is not text (binary data or an image): copy the chat's text"
                        ) from None


def read_chat(text: str, *, day: date, tz: tzinfo) -> ChatParse:
    """``text`` read as a chat (see ``core.chat``); ChatError, one line, for empty text,
    binary data, or more than ``MAX_CHAT_CHARS`` characters."""
    return parse_chat(check_text(text), day=day, tz=tz)


def chat_questions(parse: ChatParse, include: set[int] | None = None, *,
                   source_name: str = CHAT_SOURCE) -> list[Question]:
    """Questions of the messages at ``include`` (indexes into ``parse.messages``; None:
    those the rule takes for questions), with the stable identity the imports use
    (source "chat", time, asker, text): the same message pasted or read again is the same
    question."""
    chosen = [m for i, m in enumerate(parse.messages)
              if (m.question if include is None else i in include)]
    n = len(chosen)
    times = [m.at for m in chosen]
    askers = [m.asker for m in chosen]
    texts = [m.text for m in chosen]
    return Question.many({
        "id": identities(CHAT_SOURCE, times, askers, texts),
        "text": texts,
        "asker": askers,
        "submitted_at": times,
        "source": [CHAT_SOURCE] * n,
        "source_file": [source_name] * n,
    })


@dataclass(frozen=True)
class Pasted:
    """What a paste did: the format read, the questions added and those already there, the
    messages left out (not questions, or not chosen) and the lines read as no message."""

    parse: ChatParse
    merge: MergeResult
    left_out: int

    @property
    def added(self) -> int:
        return self.merge.added

    @property
    def present(self) -> int:
        return self.merge.present

    def to_dict(self) -> dict:
        return {"format": self.parse.format, "added": self.merge.added,
                "present": self.merge.present, "skipped": self.left_out,
                "unreadable": list(self.parse.unreadable)}


def paste_into(book: QuestionBook, text: str, include: set[int] | None = None, *,
               day: date | None = None, tz: tzinfo | None = None,
               parse: ChatParse | None = None) -> Pasted:
    """Read ``text`` as a chat (times on the show's date in the machine's zone unless
    given) and merge the questions chosen (``include``, as for ``chat_questions``): only
    new ones are added. A ``parse`` already made (the preview's) is used as it is."""
    if parse is None:
        zone = tz or machine_zone()
        parse = read_chat(text, day=day or show_day(book, zone), tz=zone)
    questions = chat_questions(parse) if include is None else chat_questions(parse, include)
    merge = book.import_result(_chat_result(parse, questions), QState.NEW)
    return Pasted(parse, merge, len(parse.messages) - len(questions))


def _chat_result(parse: ChatParse, questions: list[Question]) -> ImportResult:
    # The merge is an import's (journal, order, undo): a paste is an import of no file.
    plan = SourcePlan(CHAT_SOURCE, 0, 0, ["time", "asker", "text"],
                      ColumnMapping(text=2, asker=1, submitted_at=0))
    return ImportResult(Path(CHAT_SOURCE), plan, None, None, questions)
