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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from moderator_app.core.actions import Action
from moderator_app.core.engine import Snapshot
from moderator_app.core.questions import (
    PREFIX,
    Change,
    MergeResult,
    QState,
    Question,
    QuestionQueue,
)
from moderator_app.core.report_runs import split_runs
from moderator_app.core.runsheet import SegmentKind
from moderator_app.io.question_import import ImportResult
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.io.tables import bulk

SOURCE_LINKED = "question.source_linked"
SOURCE_UNLINKED = "question.source_unlinked"

# Listener(kind, questions): kind is "changed" (those questions) or "reset" (reload all).
BookListener = Callable[[str, list[Question]], None]


def load_questions(file: ShowFile) -> list[Question]:
    rows = file.db.execute("SELECT data FROM questions ORDER BY position, id").fetchall()
    return [Question.from_dict(json.loads(r[0])) for r in rows]


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


def _make_encoder() -> Callable[[dict], str]:
    """One JSON encoder for every row: ``json.dumps`` builds a new one per call, which
    costs more than the encoding itself on a 50,000-question import."""
    c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
    c_basestring = getattr(json.encoder, "c_encode_basestring", None)
    if c_make_encoder is None or c_basestring is None:  # no C accelerator: plain dumps
        encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_iso)
        return encoder.encode
    make = c_make_encoder(None, _iso, c_basestring, None, ":", ",", False, False, True)
    return lambda obj: "".join(make(obj, 0))


def _iso(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a question")


_encode = _make_encoder()


def _rows(questions: Iterable[Question]) -> list[tuple]:
    # A question's fields encode as they are: its state is a str enum, tags a tuple, and
    # times go through _iso; no intermediate dict per row.
    return [(q.id, q.order, q.state.value, _encode(q.__dict__)) for q in questions]


def _writer(changes: list[Change]) -> Callable[[sqlite3.Connection], None]:
    def write(db: sqlite3.Connection) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO questions (id, position, state, data) VALUES (?, ?, ?, ?)",
            _rows(q for ch in changes for q in ch.updated),
        )
    return write


@dataclass(frozen=True)
class LinkedSource:
    path: str
    profile: str | None = None
    dayfirst: bool | None = None


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
        self.queue = QuestionQueue(load_questions(session.file))
        self._listeners: list[BookListener] = []
        self._committing = False
        session.subscribe(self._on_action)

    # -- following the journal ---------------------------------------------------------------
    def subscribe(self, listener: BookListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: BookListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _on_action(self, action: Action) -> None:
        if self._committing or not action.type.startswith(PREFIX):
            return
        self.reload()

    def reload(self) -> None:
        """Re-read every question from the file (after another process changed them)."""
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
        now = self.session.now_us()
        actions = [Action(ch.type, now, ch.payload) for ch in changes]
        self._committing = True
        try:
            stored = self.session.record_many(actions, also=_writer(changes))
        finally:
            self._committing = False
        touched = self.queue.apply(changes)
        self._notify("changed", touched)
        return stored

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

    def import_result(self, result: ImportResult) -> MergeResult:
        """Merge an import: only new questions are added; nothing else is touched."""
        self.session.refresh()  # another process may have imported the same file
        with bulk():
            merge = self.queue.plan_import(result.questions, file=result.path.name,
                                           skipped=result.skipped)
            self.commit(list(merge.changes))
        return merge

    # -- linked (watched) sources -------------------------------------------------
    def linked_sources(self) -> list[LinkedSource]:
        rows = self.session.file.db.execute(
            "SELECT path, data FROM question_sources ORDER BY path").fetchall()
        out = []
        for path, data in rows:
            extra = json.loads(data or "{}")
            out.append(LinkedSource(path, extra.get("profile"), extra.get("dayfirst")))
        return out

    def link_source(self, path: str | os.PathLike, profile: str | None = None,
                    dayfirst: bool | None = None) -> None:
        target = str(Path(path).resolve())
        data = json.dumps({"profile": profile, "dayfirst": dayfirst})

        def write(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR REPLACE INTO question_sources (path, data) VALUES (?, ?)",
                       (target, data))

        self._record(SOURCE_LINKED, {"file": target, "profile": profile}, write)

    def unlink_source(self, path: str) -> None:
        def write(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM question_sources WHERE path = ?", (path,))

        self._record(SOURCE_UNLINKED, {"file": path}, write)

    def _record(self, kind: str, payload: dict,
                write: Callable[[sqlite3.Connection], None]) -> None:
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
        fit = None if average is None else int(remaining // average)
        return LiveEstimate(segment.id, snapshot.remaining_s, average, fit)
