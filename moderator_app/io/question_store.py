"""The question queue of an open show: kept in the show file, every change journaled.

``QuestionBook`` wraps a ``ShowSession``: each operation plans its changes on the core
queue, commits the changed rows and the ``question.*`` journal entries in one
transaction, and only then installs them. Changes another process journals (a
command-line import) make the book reload its queue from the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from functools import partial
from operator import attrgetter, is_not
from pathlib import Path

from moderator_app.core.actions import (
    QUESTION_SOURCE_LINKED,
    QUESTION_SOURCE_UNLINKED,
    QUESTION_TYPES,
    Action,
)
from moderator_app.core.engine import Snapshot
from moderator_app.core.questions import (
    IMPORT_STATES,
    RESTORE,
    UNDOABLE,
    Change,
    MergeResult,
    QState,
    Question,
    QuestionError,
    QuestionQueue,
    undoable,
)
from moderator_app.core.report_runs import split_runs
from moderator_app.core.runsheet import SegmentKind
from moderator_app.core.undo_history import GROUP, UndoHistory, new_group
from moderator_app.io.question_import import ImportResult
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.io.tables import bulk

SOURCE_LINKED = QUESTION_SOURCE_LINKED
SOURCE_UNLINKED = QUESTION_SOURCE_UNLINKED

# Listener(kind, questions): kind is "changed" (those questions) or "reset" (reload all).
BookListener = Callable[[str, list[Question]], None]


# One column per Question field; ``order`` is the SQL ``position``.
_FIELDS = tuple(f.name for f in fields(Question))
_COLUMN = {name: "position" if name == "order" else name for name in _FIELDS}
_SELECT = f"SELECT {', '.join(_COLUMN.values())} FROM questions ORDER BY position, id"
_TIMES = ("submitted_at", "taken_at", "answered_at")
_NO_TAGS = "[]"
_STATES = {s.value: s for s in QState}
_IMPORT_STATES = tuple(s.value for s in IMPORT_STATES)


def _iso_column(values: list) -> list:
    if None not in values:
        return list(map(datetime.isoformat, values))
    return [None if v is None else v.isoformat() for v in values]


def _tags_column(values: list) -> list:
    return [_NO_TAGS if not v else json.dumps(list(v), ensure_ascii=False) for v in values]


def _flag_column(values: list) -> list:
    return [None if v is None else int(v) for v in values]


# Column-at-a-time conversions between Question values and SQLite ones: questions are
# written and read in bulk (a whole import, a whole queue). Flags and states are turned
# into plain int and str here because sqlite3 binds only exact int, float and str
# directly; anything else (bool, a str enum, even None) goes through its adapter lookup,
# which costs more than the insert itself on a 50,000-row import.
_TO_SQL: dict[str, Callable[[list], list]] = {
    **dict.fromkeys(_TIMES, _iso_column),
    **dict.fromkeys(("anonymous", "starred", "answered_in_source"), _flag_column),
    "tags": _tags_column,
    "state": lambda c: [s.value for s in c],
}
_FROM_SQL: dict[str, Callable[[list], list]] = {
    **dict.fromkeys(
        _TIMES, lambda c: [None if v is None else datetime.fromisoformat(v) for v in c]
    ),
    "state": lambda c: [_STATES.get(v) or QState(v) for v in c],
    "tags": lambda c: [() if v == _NO_TAGS else tuple(json.loads(v)) for v in c],
    "anonymous": lambda c: [bool(v) for v in c],
    "starred": lambda c: [bool(v) for v in c],
    "answered_in_source": lambda c: [None if v is None else bool(v) for v in c],
}
_not_none = partial(is_not, None)


def journal_end(file: ShowFile) -> int:
    """The last journal entry's number (0 for none, or for a journal that cannot be read)."""
    try:
        return int(file.db.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0])
    except sqlite3.Error:
        return 0


def load_questions(file: ShowFile) -> list[Question]:
    rows = file.db.execute(_SELECT).fetchall()
    if not rows:
        return []
    columns = [list(c) for c in zip(*rows, strict=True)]
    for i, name in enumerate(_FIELDS):
        convert = _FROM_SQL.get(name)
        if convert is not None:
            columns[i] = convert(columns[i])
    return Question.many(dict(zip(_FIELDS, columns, strict=True)))


def question_count(file: ShowFile) -> int | None:
    """How many questions the show holds now, whatever their state; None if unreadable."""
    try:
        return int(file.db.execute("SELECT count(*) FROM questions").fetchone()[0])
    except sqlite3.Error:
        return None


def report_questions_total(file: ShowFile, actions: list[Action], run: int | None) -> int | None:
    """``questions_total`` for the report of ``run`` (None: the latest): the show's real
    count for the latest run. An earlier run keeps the report's own figure (the imports
    journaled before the next run began): today's count would include later imports."""
    if run is not None and run != len(split_runs(actions)):
        return None
    return question_count(file)


# Fields most questions leave at their default (all but these): checked together.
_USUALLY_SET = ("id", "text", "order", "asker", "email", "organisation", "submitted_at", "votes")
_RARE = tuple(f for f in _FIELDS if f not in _USUALLY_SET)
_DEFAULT = {f.name: f.default for f in fields(Question) if f.name not in ("id", "text")}


def _literal(value: object) -> str | None:
    """``value`` as an SQL literal, for the plain texts and whole numbers that can be one."""
    if type(value) is str and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    if type(value) is int:
        return str(value)
    return None


def _insert(items: list[Question]) -> tuple[str, Iterable[tuple]]:
    """The INSERT statement and its rows for ``items``.

    Fields at their default in every item (an import sets no state, tags, notes or
    on-air times) are left out: their columns take the same default, and every bound
    value costs as much as a short insert. A text the whole batch shares (an import's
    source and file name) is written once in the statement rather than bound on every
    row. Fields are read a column at a time, each in one pass from C.
    """
    present = ["id", "text", "order"]
    present += [f for f in _USUALLY_SET[3:] if any(map(_not_none, map(attrgetter(f), items)))]
    # The rare fields of a batch take few distinct combinations (one, for an import).
    combos = set(map(attrgetter(*_RARE), items))
    shared: dict[str, str] = {}
    for k, f in enumerate(_RARE):
        values = {c[k] for c in combos}
        if values == {_DEFAULT[f]}:
            continue
        present.append(f)
        if len(values) == 1 and len(items) > 1 and f not in _TO_SQL:
            literal = _literal(next(iter(values)))
            if literal is not None:
                shared[f] = literal
    plain = [f for f in present if f not in _TO_SQL and f not in shared]
    converted = [f for f in present if f in _TO_SQL]
    rows: Iterable[tuple]
    if converted:  # a column per field, zipped: cheaper than joining two tuples per row
        rows = zip(*[map(attrgetter(f), items) for f in plain],
                   *[_TO_SQL[f](list(map(attrgetter(f), items))) for f in converted],
                   strict=True)
    else:
        rows = map(attrgetter(*plain), items)  # id, text: always a tuple
    names = [_COLUMN[f] for f in plain + converted + list(shared)]
    values = ["?"] * (len(plain) + len(converted)) + list(shared.values())
    sql = (
        f"INSERT OR REPLACE INTO questions ({', '.join(names)}) VALUES ({', '.join(values)})"
    )
    return sql, rows


# Below this many rows, keeping the id index up to date row by row costs less than
# dropping it and building it again.
_BULK_ROWS = 5000
_ID_INDEX = "CREATE UNIQUE INDEX questions_id ON questions(id)"


def _write(db: sqlite3.Connection, items: list[Question]) -> None:
    sql, rows = _insert(items)
    if len(items) < _BULK_ROWS or not _only_new(db, items):
        db.executemany(sql, rows)
        return
    # A first import: inserting 50,000 random ids into the index one by one costs a
    # third of the insert; building the index once after the rows (a sort) costs less.
    # Inside the transaction, so a failure leaves the index as it was.
    db.execute("DROP INDEX questions_id")
    db.executemany(sql, rows)
    db.execute(_ID_INDEX)


def _only_new(db: sqlite3.Connection, items: list[Question]) -> bool:
    """True when no two items share an id, none is in the table already, and the table
    holds fewer rows than the items (only then is rebuilding the index worth it)."""
    ids = [q.id for q in items]
    held = db.execute("SELECT count(*) FROM questions").fetchone()[0]
    if held >= len(ids) or len(set(ids)) != len(ids):
        return False
    return not held or {r[0] for r in db.execute("SELECT id FROM questions")}.isdisjoint(ids)


def _writer(changes: list[Change]) -> Callable[[sqlite3.Connection], None]:
    def write(db: sqlite3.Connection) -> None:
        items = [q for ch in changes for q in ch.updated]
        if items:
            _write(db, items)
        gone = [qid for ch in changes for qid in ch.removed]
        if gone:
            db.executemany("DELETE FROM questions WHERE id = ?", [(qid,) for qid in gone])

    return write


def _one_step(step: list[Change], changes: list[Change]) -> list[Change]:
    """``changes``, those of ``step`` sharing one undo group when they are several."""
    step = [ch for ch in step if GROUP not in ch.payload]
    if len(step) < 2:
        return changes
    group = new_group()
    return [Change(ch.type, {**ch.payload, GROUP: group}, ch.updated, ch.removed)
            if ch in step else ch for ch in changes]


@dataclass(frozen=True)
class LinkedSource:
    path: str
    profile: str | None = None
    dayfirst: bool | None = None
    answered_as: str = QState.ANSWERED.value  # links made before the choice existed: answered


@dataclass(frozen=True)
class LiveEstimate:
    """During a Q&A segment: time left and how many more questions fit at the pace so far."""

    segment: str
    remaining_s: float
    average_s: float | None
    fit: int | None


class QuestionBook:
    def __init__(self, session: ShowSession) -> None:
        self.session = session
        # Journal entries up to here are in the questions read below: another process's
        # import of many answered questions is one reload, not one per entry.
        self._loaded_through = journal_end(session.file)
        self.queue = QuestionQueue(load_questions(session.file))
        self._listeners: list[BookListener] = []
        self._committing = False
        # Keys added to every journal entry while set (who made it: see ``made_by``).
        self.extra: dict = {}
        # Undo and redo of the moderator's decisions: a fold over the journal, so they
        # survive a restart (an import is not undone this way).
        self.history = UndoHistory(
            lambda a: RESTORE in a.payload and undoable(a.type, a.payload),
            session.file.actions(types=tuple(UNDOABLE)),
        )
        session.subscribe(self._on_action)

    # -- following the journal ---------------------------------------------------------------
    def subscribe(self, listener: BookListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: BookListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _on_action(self, action: Action) -> None:
        self.history.feed(action)
        if self._committing or action.type not in QUESTION_TYPES:
            return
        if action.seq is not None and action.seq <= self._loaded_through:
            return  # committed with rows the last reload read already (one transaction)
        self.reload()

    def reload(self) -> None:
        """Re-read every question from the file (after another process changed them)."""
        # Read before the rows: they are then at least as new as this entry.
        self._loaded_through = journal_end(self.session.file)
        self.queue.replace_all(load_questions(self.session.file))
        self._notify("reset", [])

    def _notify(self, kind: str, questions: list[Question]) -> None:
        for listener in list(self._listeners):
            listener(kind, questions)

    # -- committing ----------------------------------------------------------------------------
    def commit(self, changes: list[Change]) -> list[Action]:
        """Write the changes and their journal entries in one transaction, then install them."""
        if not changes:
            return []
        changes = self.queue.with_restore(changes)
        # One decision (take next: answer one, air the next) is one undo.
        changes = _one_step([ch for ch in changes if undoable(ch.type, ch.payload)], changes)
        stored = self._journal(changes)
        self._notify("changed", self.queue.apply(changes))
        return stored

    def _journal(self, changes: list[Change]) -> list[Action]:
        """Commit the changes' journal entries and rows in one transaction."""
        now = self.session.now_us()
        actions = [Action(ch.type, now, {**ch.payload, **self.extra}) for ch in changes]
        self._committing = True
        try:
            return self.session.record_many(actions, also=_writer(changes))
        finally:
            self._committing = False

    def current_segment(self) -> str | None:
        index = self.session.engine.current_index()
        return None if index is None else self.session.show.segments[index].id

    def _now(self):
        return self.session.clock.now()

    # -- operations -----------------------------------------------------------------------
    def set_state(self, qid: str, to: QState | str) -> list[Action]:
        return self.commit(self.queue.plan_state(qid, to, self._now(), self.current_segment()))

    def take_next(self) -> list[Action]:
        return self.commit(self.queue.plan_take_next(self._now(), self.current_segment()))

    def answered(self) -> list[Action]:
        return self.commit(self.queue.plan_answered(self._now(), self.current_segment()))

    def edit(self, qid: str, **changes: object) -> list[Action]:
        return self.commit(self.queue.plan_edit(qid, **changes))

    def add(self, question: Question) -> list[Action]:
        return self.commit(self.queue.plan_add(question))

    def move(self, ids: list[str], before: str | None) -> list[Action]:
        return self.commit(self.queue.plan_move(ids, before))

    def merge(self, keep: str, duplicate: str) -> list[Action]:
        return self.commit(self.queue.plan_merge(keep, duplicate))

    def undo(self) -> list[Action]:
        """Undo the latest decision on the questions still in force; QuestionError if none."""
        return self._restore(self.history.undo_step(), redo=False)

    def redo(self) -> list[Action]:
        return self._restore(self.history.redo_step(), redo=True)

    def _restore(self, step: list[Action], *, redo: bool) -> list[Action]:
        if not step:
            raise QuestionError("Nothing to redo in the questions" if redo
                                else "Nothing to undo in the questions")
        self.session.refresh()  # undo against the queue as it is in the file
        changes = []
        for action in step:
            change = self.queue.plan_restore(action.type, action.payload, redo=redo,
                                             seq=action.seq or 0)
            changes.append(change)
            self.queue.apply([change])  # the next one in the step plans on this one
        changes = _one_step(changes, changes)  # installed already: planned one on another
        try:
            stored = self._journal(changes)
        except BaseException:
            self.reload()  # nothing was written: the queue goes back to the file
            raise
        if any(ch.removed for ch in changes):
            self._notify("reset", [])
        else:
            self._notify("changed", [q for ch in changes for q in ch.updated])
        return stored

    def import_result(
        self, result: ImportResult, answered_as: QState | str = QState.ANSWERED
    ) -> MergeResult:
        """Merge an import: only new questions are added, those the source marks answered
        in state ``answered_as``; nothing else is touched."""
        self.session.refresh()  # another process may have imported the same file
        with bulk():
            merge = self.queue.plan_import(
                result.questions, file=result.path.name, skipped=result.skipped,
                answered_as=answered_as, now=self._now(),
            )
            self.commit(list(merge.changes))
        return merge

    # -- linked (watched) sources -------------------------------------------------
    def linked_sources(self) -> list[LinkedSource]:
        rows = self.session.file.db.execute(
            "SELECT path, data FROM question_sources ORDER BY path"
        ).fetchall()
        out = []
        for path, data in rows:
            extra = json.loads(data or "{}")
            answered_as = extra.get("answered_as")
            if answered_as not in _IMPORT_STATES:
                answered_as = QState.ANSWERED.value
            out.append(LinkedSource(path, extra.get("profile"), extra.get("dayfirst"),
                                    answered_as))
        return out

    def link_source(
        self, path: str | os.PathLike, profile: str | None = None, dayfirst: bool | None = None,
        answered_as: QState | str = QState.ANSWERED,
    ) -> None:
        """Watch ``path``: its changes are merged as it was imported (profile, dates, and
        the state given to questions the source marks answered)."""
        target = str(Path(path).resolve())
        kept = QState(answered_as).value
        if kept not in _IMPORT_STATES:
            raise ValueError(f"answered_as must be one of {', '.join(_IMPORT_STATES)}")
        data = json.dumps({"profile": profile, "dayfirst": dayfirst, "answered_as": kept})

        def write(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT OR REPLACE INTO question_sources (path, data) VALUES (?, ?)", (target, data)
            )

        self._record(SOURCE_LINKED, {"file": target, "profile": profile}, write)

    def unlink_source(self, path: str) -> None:
        def write(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM question_sources WHERE path = ?", (path,))

        self._record(SOURCE_UNLINKED, {"file": path}, write)

    def _record(
        self, kind: str, payload: dict, write: Callable[[sqlite3.Connection], None]
    ) -> None:
        self._committing = True
        try:
            self.session.record_many([Action(kind, self.session.now_us(), payload)], also=write)
        finally:
            self._committing = False

    # -- live ---------------------------------------------------------------------------
    def live_estimate(self, snapshot: Snapshot) -> LiveEstimate | None:
        """None unless a Q&A segment is running."""
        index = snapshot.current_index
        if index is None or not snapshot.live:
            return None
        segment = self.session.show.segments[index]
        if segment.kind is not SegmentKind.QA:
            return None
        average = self.queue.average_answer_s(segment.id) or self.queue.average_answer_s()
        remaining = max(snapshot.remaining_s, 0.0)
        # An answer marked the instant it went on air averages 0 s: no pace to divide by.
        fit = None if not average or average <= 0 else int(remaining // average)
        return LiveEstimate(segment.id, snapshot.remaining_s, average, fit)
