"""The question queue: questions from the public, their moderation state and order.

Pure Python. Every operation is planned first (``QuestionQueue.plan_*`` returns the
``Change`` records to journal, with the new versions of the questions they touch) and
installed with ``apply`` only after the show file has committed them, so the screen never
shows a change the file does not hold.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from itertools import repeat

from moderator_app.core.actions import (
    QUESTION_ADDED,
    QUESTION_EDITED,
    QUESTION_IMPORTED,
    QUESTION_MERGED,
    QUESTION_MOVED,
    QUESTION_STATE,
)
from moderator_app.core.question_text import DuplicateSuggestion, fold, identity, near_duplicates

STATE = QUESTION_STATE
IMPORTED = QUESTION_IMPORTED
ADDED = QUESTION_ADDED
EDITED = QUESTION_EDITED
MOVED = QUESTION_MOVED
MERGED = QUESTION_MERGED
# The moderator's decisions, undoable in the Questions page (an import is not one).
UNDOABLE = frozenset({STATE, EDITED, MOVED, MERGED, ADDED})
# Payload key of an undoable change: for each question it touched, the fields it changed,
# before and after ({"before": None} for a question it added), so that an undo and a redo
# can be made from the journal alone, after a restart too.
RESTORE = "restore"


def undoable(action_type: str, payload: dict) -> bool:
    """A decision of the moderator's (not an import's doing: those name their ``file``)."""
    return action_type in UNDOABLE and "file" not in payload


class QState(StrEnum):
    NEW = "new"
    SHORTLISTED = "shortlisted"
    ON_AIR = "on_air"
    ANSWERED = "answered"
    DISMISSED = "dismissed"


# Where each state may go. Answered and dismissed questions can come back.
TRANSITIONS: dict[QState, frozenset[QState]] = {
    QState.NEW: frozenset({QState.SHORTLISTED, QState.ON_AIR, QState.DISMISSED}),
    QState.SHORTLISTED: frozenset({QState.NEW, QState.ON_AIR, QState.DISMISSED}),
    QState.ON_AIR: frozenset({QState.ANSWERED, QState.SHORTLISTED, QState.DISMISSED}),
    QState.ANSWERED: frozenset({QState.SHORTLISTED, QState.NEW, QState.ON_AIR}),
    QState.DISMISSED: frozenset({QState.NEW, QState.SHORTLISTED}),
}

# Fields the moderator may edit through ``plan_edit``.
EDITABLE = frozenset(
    {"text", "asker", "email", "organisation", "starred", "segment", "speaker", "tags", "note",
     "votes"}
)

SORT_KEYS = ("order", "votes", "time")


class QuestionError(ValueError):
    """An operation on the queue that cannot be done; the message says why."""


@dataclass
class Question:
    id: str
    text: str
    asker: str | None = None
    email: str | None = None
    organisation: str | None = None
    submitted_at: datetime | None = None
    votes: int | None = None
    answered_in_source: bool | None = None
    anonymous: bool = False
    source: str = "manual"
    source_file: str = ""
    state: QState = QState.NEW
    starred: bool = False
    segment: str | None = None
    speaker: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""
    order: float = 0.0
    taken_at: datetime | None = None
    answered_at: datetime | None = None
    taken_segment: str | None = None
    merged_into: str | None = None

    @classmethod
    def new(cls, text: str, *, source: str = "manual", **values: object) -> Question:
        """A question with its stable id computed from source, time, asker and text."""
        qid = identity(
            source, values.get("submitted_at"), values.get("asker"), text  # type: ignore[arg-type]
        )
        return cls(id=qid, text=text, source=source, **values)  # type: ignore[arg-type]

    @classmethod
    def fast(cls, qid: str, text: str, values: dict) -> Question:
        """Build without ``__init__`` (importers make tens of thousands): ``values`` must
        hold field names only; the others keep their defaults."""
        q = object.__new__(cls)
        # Filled in field order: the instance dict then shares its keys with every other
        # question (a third of the memory of a dict of its own).
        q.__dict__.update({**_FULL_TEMPLATE, **values, "id": qid, "text": text}.items())
        return q

    @classmethod
    def many(cls, columns: dict[str, list]) -> list[Question]:
        """Questions from columns of field values (all of one length; ``id`` and ``text``
        required, other fields default): an import makes tens of thousands at once."""
        if not {"id", "text"} <= columns.keys() <= _FIELD_NAMES:
            raise TypeError(f"Question.many needs id and text, and field names only: "
                            f"{list(columns)}")
        count = len(columns["id"])
        if any(len(c) != count for c in columns.values()):
            raise ValueError("Question.many needs columns of one length")
        # The dataclass __init__ called with positional arguments from C (map): three
        # times cheaper than keyword arguments or filling each instance dict in Python.
        # Fields after the last given one are left to __init__'s defaults.
        names = list(_FULL_TEMPLATE)
        last = max(names.index(k) for k in columns)
        full = [columns[k] if k in columns else repeat(_FULL_TEMPLATE[k], count)
                for k in names[: last + 1]]
        return list(map(cls, *full))

    @property
    def who(self) -> str:
        return self.asker or ""

    def copy(self, **changes: object) -> Question:
        # dataclasses.replace re-runs __init__: ten times slower on a 50,000-row import.
        if not changes.keys() <= _FIELD_NAMES:
            raise TypeError(f"Question has no field {sorted(changes.keys() - _FIELD_NAMES)}")
        new = object.__new__(Question)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new

    def to_dict(self) -> dict:
        out = dict(self.__dict__)  # fields() per call costs more than the rest on 50k rows
        for name in ("submitted_at", "taken_at", "answered_at"):
            if out[name] is not None:
                out[name] = out[name].isoformat()
        out["state"] = self.state.value
        out["tags"] = list(self.tags)
        return out

    def to_compact_dict(self) -> dict:
        """``to_dict`` without the fields that are None (what the show file keeps)."""
        out = {k: v for k, v in self.__dict__.items() if v is not None}
        for name in ("submitted_at", "taken_at", "answered_at"):
            if name in out:
                out[name] = out[name].isoformat()
        out["state"] = self.state.value
        out["tags"] = list(self.tags)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> Question:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for name in ("submitted_at", "taken_at", "answered_at"):
            if values.get(name):
                values[name] = datetime.fromisoformat(values[name])
        values["state"] = QState(values.get("state", "new"))
        values["tags"] = tuple(values.get("tags") or ())
        return cls(**values)


_FIELD_NAMES = frozenset(f.name for f in fields(Question))
_TEMPLATE = {f.name: f.default for f in fields(Question) if f.name not in ("id", "text")}
_FULL_TEMPLATE = {"id": "", "text": "", **_TEMPLATE}


@dataclass(frozen=True)
class Change:
    """One journal entry and the question versions it installs (or the ids it removes:
    only the undo of an added question removes one)."""

    type: str
    payload: dict
    updated: tuple[Question, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class MergeResult:
    added: int
    present: int
    changes: tuple[Change, ...] = field(default=())
    answered: int = 0  # added questions put in "answered" because their source said so
    answered_in_source: int = 0  # added questions their source marks answered


# What an import does with a new question its source marks answered (Zoom's Answer(s),
# Slido's Answered): take it as answered unless the moderator keeps such ones new.
IMPORT_STATES = (QState.ANSWERED, QState.NEW)


class QuestionQueue:
    """All questions of a show, in manual order, with the moderator's decisions."""

    def __init__(self, questions: Iterable[Question] = ()) -> None:
        self._by_id: dict[str, Question] = {}
        self._ordered: list[Question] | None = None
        self._search: dict[str, str] = {}
        for q in questions:
            self._by_id[q.id] = q
        self.revision = 0  # bumps on every apply: cheap "has anything changed?" for views
        self._averages: dict[str | None, float | None] = {}
        self._averages_revision = -1

    # -- reading -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.ordered())

    def __contains__(self, qid: object) -> bool:
        return qid in self._by_id

    def get(self, qid: str) -> Question:
        try:
            return self._by_id[qid]
        except KeyError:
            raise QuestionError(f"No question with id {qid!r}") from None

    def ordered(self) -> list[Question]:
        if self._ordered is None:
            self._ordered = sorted(self._by_id.values(), key=lambda q: (q.order, q.id))
        return self._ordered

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in QState}
        for q in self._by_id.values():
            out[q.state.value] += 1
        return out

    def on_air(self) -> Question | None:
        for q in self._by_id.values():
            if q.state is QState.ON_AIR:
                return q
        return None

    def next_up(self) -> Question | None:
        """The shortlisted question "take next" would put on air."""
        for q in self.ordered():
            if q.state is QState.SHORTLISTED:
                return q
        return None

    def search_text(self, q: Question) -> str:
        text = self._search.get(q.id)
        if text is None:
            parts = [q.text, q.asker or "", q.organisation or "", q.note, " ".join(q.tags),
                     q.speaker]
            text = fold(" ".join(parts))
            self._search[q.id] = text
        return text

    def select(
        self,
        search: str = "",
        *,
        states: Iterable[QState | str] | None = None,
        speaker: str | None = None,
        tag: str | None = None,
        sort: str = "order",
        descending: bool = False,
        among: Iterable[Question] | None = None,
    ) -> list[Question]:
        """Questions matching every word of ``search`` (accent and case blind) and filters."""
        pool = list(among) if among is not None else self.ordered()
        words = fold(search).split()
        if words:
            st = self.search_text
            pool = [q for q in pool if all(w in st(q) for w in words)]
        if states is not None:
            wanted = {QState(s) for s in states}
            pool = [q for q in pool if q.state in wanted]
        if speaker:
            pool = [q for q in pool if q.speaker == speaker or q.segment == speaker]
        if tag:
            pool = [q for q in pool if tag in q.tags]
        return sort_questions(pool, sort, descending) if sort != "order" or descending else pool

    def speakers(self) -> list[str]:
        return sorted({q.speaker for q in self._by_id.values() if q.speaker})

    def tags(self) -> list[str]:
        return sorted({t for q in self._by_id.values() for t in q.tags})

    # -- live timing -------------------------------------------------------------------
    def answer_durations(self, segment: str | None = None) -> list[float]:
        out = []
        for q in self._by_id.values():
            if q.taken_at and q.answered_at and (segment is None or q.taken_segment == segment):
                out.append((q.answered_at - q.taken_at).total_seconds())
        return out

    def average_answer_s(self, segment: str | None = None) -> float | None:
        # Asked once a second during Q&A: remembered until the queue changes, so a large
        # queue is not walked on every tick.
        if self._averages_revision != self.revision:
            self._averages = {}
            self._averages_revision = self.revision
        if segment not in self._averages:
            durations = self.answer_durations(segment)
            self._averages[segment] = sum(durations) / len(durations) if durations else None
        return self._averages[segment]

    def questions_that_fit(self, remaining_s: float, segment: str | None = None) -> int | None:
        """How many more questions fit in ``remaining_s`` at the average pace so far.

        None until one question has been answered: a guess would mislead the moderator.
        The question on air is counted as under way: its time so far is not subtracted.
        """
        average = self.average_answer_s(segment)
        if average is None or average <= 0:
            return None
        return max(int(max(remaining_s, 0.0) // average), 0)

    # -- planning changes --------------------------------------------------------------
    def plan_state(
        self, qid: str, to: QState | str, now: datetime, segment: str | None = None
    ) -> list[Change]:
        """Move one question to ``to``; putting one on air answers the one already there."""
        q = self.get(qid)
        target = QState(to)
        if target is q.state:
            return []
        if target not in TRANSITIONS[q.state]:
            raise QuestionError(f"A question cannot go from {q.state.value} to {target.value}")
        changes: list[Change] = []
        if target is QState.ON_AIR:
            current = self.on_air()
            if current is not None and current.id != qid:
                changes.append(self._state_change(current, QState.ANSWERED, now, segment))
        changes.append(self._state_change(q, target, now, segment))
        return changes

    def plan_take_next(self, now: datetime, segment: str | None = None) -> list[Change]:
        """Top shortlisted question on air; the one on air before it is answered."""
        nxt = self.next_up()
        if nxt is None:
            raise QuestionError("No shortlisted question to take: shortlist one first")
        return self.plan_state(nxt.id, QState.ON_AIR, now, segment)

    def plan_answered(self, now: datetime, segment: str | None = None) -> list[Change]:
        current = self.on_air()
        if current is None:
            raise QuestionError("No question is on air")
        return [self._state_change(current, QState.ANSWERED, now, segment)]

    def _state_change(
        self, q: Question, to: QState, now: datetime, segment: str | None
    ) -> Change:
        values: dict = {"state": to}
        if to is QState.ON_AIR:
            values.update(taken_at=now, answered_at=None, taken_segment=segment)
        elif to is QState.ANSWERED:
            values["answered_at"] = now
        payload = {"id": q.id, "from": q.state.value, "to": to.value, "text": q.text,
                   "asker": q.asker, "segment": segment}
        return Change(STATE, payload, (q.copy(**values),))

    def plan_edit(self, qid: str, **changes: object) -> list[Change]:
        q = self.get(qid)
        unknown = set(changes) - EDITABLE
        if unknown:
            raise QuestionError(f"Cannot edit {', '.join(sorted(unknown))} of a question")
        if "text" in changes and not str(changes["text"]).strip():
            raise QuestionError("A question needs some text")
        if "tags" in changes:
            changes["tags"] = tuple(dict.fromkeys(str(t).strip() for t in changes["tags"]  # type: ignore[attr-defined]
                                                  if str(t).strip()))
        real = {k: v for k, v in changes.items() if getattr(q, k) != v}
        if not real:
            return []
        payload = {"id": q.id, "changes": {k: list(v) if isinstance(v, tuple) else v
                                           for k, v in real.items()}}
        return [Change(EDITED, payload, (q.copy(**real),))]

    def plan_add(self, question: Question) -> list[Change]:
        if not question.text.strip():
            raise QuestionError("A question needs some text")
        if question.id in self._by_id:
            raise QuestionError("This question is already in the queue")
        q = question.copy(order=self._next_order())
        return [Change(ADDED, {"id": q.id, "text": q.text, "asker": q.asker}, (q,))]

    def plan_move(self, ids: list[str], before: str | None) -> list[Change]:
        """Put ``ids`` (in this order) just before ``before``, or at the end when None."""
        moving = [self.get(i) for i in ids]
        rest = [q for q in self.ordered() if q.id not in set(ids)]
        if before is not None and before in ids:
            return []
        pos = len(rest) if before is None else next(
            (i for i, q in enumerate(rest) if q.id == before), len(rest))
        lo = rest[pos - 1].order if pos > 0 else (rest[0].order - 1.0 if rest else 0.0)
        hi = rest[pos].order if pos < len(rest) else lo + len(moving) + 1.0
        if pos == 0 and rest:
            lo = hi - len(moving) - 1.0
        step = (hi - lo) / (len(moving) + 1)
        if step < 1e-9:  # floats ran out of room between neighbours: renumber everyone
            renumbered = rest[:pos] + moving + rest[pos:]
            updated = tuple(q.copy(order=float(i)) for i, q in enumerate(renumbered))
        else:
            updated = tuple(q.copy(order=lo + step * (k + 1)) for k, q in enumerate(moving))
        return [Change(MOVED, {"ids": list(ids), "before": before}, updated)]

    def plan_import(
        self, questions: Iterable[Question], *, file: str, skipped: int,
        answered_as: QState | str = QState.ANSWERED, now: datetime | None = None,
    ) -> MergeResult:
        """Add the questions not already here; keep every decision on the ones that are.

        The new ones are taken as they are (their order and state set), not copied. A new
        one its source marks answered goes straight to ``answered_as`` (answered, at
        ``now``, by default), journaled as a state change of its own so that the report
        counts it like one the moderator marked.

        Vote counts and the source's answered flag of questions already here follow the
        newer export (the public keeps voting); nothing the moderator decided, their state
        above all, is touched.
        """
        target = QState(answered_as)
        if target not in IMPORT_STATES:
            raise QuestionError(f"Questions answered in the source can be imported as "
                                f"answered or new, not {target.value}")
        order = self._next_order()
        items = list(questions)
        ids = [q.id for q in items]
        refreshed: list[Question] = []
        present = 0
        if len(set(ids)) == len(ids) and self._by_id.keys().isdisjoint(ids):
            added = items  # all new (a first import): nothing to compare
        else:
            added = []
            seen: set[str] = set()
            for q in items:
                if q.id in seen:
                    present += 1
                    continue
                seen.add(q.id)
                old = self._by_id.get(q.id)
                if old is not None:
                    present += 1
                    fresh = {}
                    if q.votes is not None and q.votes != old.votes:
                        fresh["votes"] = q.votes
                    if (q.answered_in_source is not None
                            and q.answered_in_source != old.answered_in_source):
                        fresh["answered_in_source"] = q.answered_in_source
                    if fresh:
                        refreshed.append(old.copy(**fresh))
                    continue
                added.append(q)
        # The imported questions become the queue's (no copy: 50,000 copies cost time).
        # Set from C (map, drained by a zero-length deque) rather than a Python loop:
        # 50,000 questions on a first import. Orders follow each other by 1.0.
        count = len(added)
        orders = itertools.accumulate(repeat(1.0, max(count - 1, 0)), initial=order)
        deque(map(setattr, added, repeat("order", count), orders), maxlen=0)
        deque(map(setattr, added, repeat("state", count), repeat(QState.NEW, count)), maxlen=0)
        in_source = [q for q in added if q.answered_in_source is True]
        answered = in_source if target is QState.ANSWERED else []
        states: list[Change] = []
        for q in answered:
            # The row is written once, by the import change, already answered: these
            # entries carry only the journal (an empty ``updated``).
            states.append(Change(STATE, {"id": q.id, "from": QState.NEW.value,
                                         "to": QState.ANSWERED.value, "text": q.text,
                                         "asker": q.asker, "segment": None, "file": file}))
            q.state = QState.ANSWERED
            q.answered_at = now
        payload = {"file": file, "added": len(added), "present": present, "skipped": skipped,
                   "answered": len(answered)}
        change = Change(IMPORTED, payload, tuple(added + refreshed))
        return MergeResult(len(added), present, (change, *states), len(answered), len(in_source))

    def duplicate_suggestions(self) -> list[DuplicateSuggestion]:
        live = [(q.id, q.text) for q in self.ordered()
                if q.merged_into is None and q.state is not QState.DISMISSED]
        return near_duplicates(live)

    def plan_merge(self, keep: str, duplicate: str) -> list[Change]:
        """Accept a suggestion: the duplicate is dismissed into ``keep``, votes added up."""
        k, d = self.get(keep), self.get(duplicate)
        if k.id == d.id:
            raise QuestionError("A question cannot be merged into itself")
        votes = (k.votes or 0) + (d.votes or 0) if (k.votes or d.votes) else k.votes
        updated = (k.copy(votes=votes), d.copy(state=QState.DISMISSED, merged_into=k.id))
        return [Change(MERGED, {"keep": k.id, "duplicate": d.id, "from": d.state.value}, updated)]

    def _next_order(self) -> float:
        ordered = self.ordered()
        return (ordered[-1].order + 1.0) if ordered else 0.0

    # -- undo ----------------------------------------------------------------------------------
    def with_restore(self, changes: list[Change]) -> list[Change]:
        """The undoable ones among ``changes`` carrying what they change, before and after
        (computed against the queue as it is, before they are installed)."""
        out = []
        for change in changes:
            if not undoable(change.type, change.payload) or RESTORE in change.payload:
                out.append(change)
                continue
            restore: dict[str, dict] = {}
            for q in change.updated:
                old = self._by_id.get(q.id)
                if old is None:
                    restore[q.id] = {"before": None, "after": q.to_dict()}
                    continue
                a, b = old.to_dict(), q.to_dict()
                fields_changed = [k for k in b if a.get(k) != b[k]]
                restore[q.id] = {"before": {k: a.get(k) for k in fields_changed},
                                 "after": {k: b[k] for k in fields_changed}}
            out.append(Change(change.type, {**change.payload, RESTORE: restore},
                              change.updated, change.removed))
        return out

    def plan_restore(self, action_type: str, payload: dict, *, redo: bool,
                     seq: int) -> Change:
        """Undo (or redo) the journaled change ``payload``: its questions go back to the
        values before it (after it, for a redo). Refused when one has since been removed."""
        restore = payload.get(RESTORE)
        if not isinstance(restore, dict) or not restore:
            raise QuestionError("This change cannot be undone (it was made by an older version)")
        side = "after" if redo else "before"
        updated: list[Question] = []
        removed: list[str] = []
        flipped: dict[str, dict] = {}
        for qid, values in restore.items():
            target = values.get(side)
            current = self._by_id.get(qid)
            if target is None:  # the question did not exist on that side: remove it
                if current is not None:
                    removed.append(qid)
                    flipped[qid] = {"before": current.to_dict(), "after": None}
                continue
            base = current.to_dict() if current is not None else {}
            if current is None and "text" not in target:
                raise QuestionError("A question this change touched is no longer in the queue")
            updated.append(Question.from_dict({**base, **target}))
            flipped[qid] = {"before": {k: base.get(k) for k in target}, "after": target}
        new_payload: dict = {("redoes" if redo else "undoes"): seq, RESTORE: flipped}
        if action_type == STATE:  # a state entry the report can fold like any other
            before_after = ("from", "to") if redo else ("to", "from")
            new_payload.update({k: payload.get(k) for k in ("id", "text", "asker", "segment")})
            new_payload["from"], new_payload["to"] = (payload.get(before_after[0]),
                                                      payload.get(before_after[1]))
        return Change(action_type, new_payload, tuple(updated), tuple(removed))

    # -- installing ----------------------------------------------------------------------
    def apply(self, changes: Iterable[Change]) -> list[Question]:
        """Install committed changes; returns the questions that changed, in order."""
        touched: list[Question] = []
        for change in changes:
            touched.extend(change.updated)
            for qid in change.removed:
                if self._by_id.pop(qid, None) is not None:
                    self._search.pop(qid, None)
                    self._ordered = None
                    self.revision += 1
        ids = [q.id for q in touched]
        if self._search:
            for qid in ids:
                self._search.pop(qid, None)
        self._by_id.update(zip(ids, touched, strict=True))  # later versions win, as in order
        if touched:
            self._ordered = None
            self.revision += 1
        return touched

    def replace_all(self, questions: Iterable[Question]) -> None:
        self._by_id = {q.id: q for q in questions}
        self._ordered = None
        self._search.clear()
        self.revision += 1


def sort_questions(items: list[Question], key: str, descending: bool = False) -> list[Question]:
    """Stable sort by manual order, votes or submission time (unknown times last)."""
    if key == "votes":
        return sorted(items, key=lambda q: (q.votes or 0), reverse=not descending)
    if key == "time":
        known = [q for q in items if q.submitted_at is not None]
        unknown = [q for q in items if q.submitted_at is None]
        known.sort(key=lambda q: q.submitted_at, reverse=descending)  # type: ignore[arg-type,return-value]
        return known + unknown
    if key == "order":
        return sorted(items, key=lambda q: q.order, reverse=descending)
    raise QuestionError(f"Unknown sort {key!r}: expected one of {', '.join(SORT_KEYS)}")


def batched(items: list[Question], size: int) -> Iterator[list[Question]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
