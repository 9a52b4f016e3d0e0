"""The question queue's operations for the network (/questions, /backstage, /ask): the
console's own ``QuestionBook`` operations, with the network's input checked (plain text,
bounded) and every journal entry saying who made it."""

from __future__ import annotations

from contextlib import contextmanager

from moderator_app.app.notes import plain
from moderator_app.core.actions import Action
from moderator_app.core.questions import QState, Question, QuestionError
from moderator_app.io.question_store import QuestionBook

__all__ = ["QUESTION_STATES", "QuestionError", "QuestionInputError", "add", "answered",
           "items_json", "move", "on_air_line", "set_state", "take_next"]

MAX_QUESTION_CHARS = 1000
MAX_ASK_CHARS = 500
MAX_ASKER_CHARS = 120
# What a co-moderator may do to one question: the states, and the star.
QUESTION_STATES = ("new", "shortlisted", "on_air", "answered", "dismissed", "star", "unstar")
SOURCES = ("chat", "audience")


class QuestionInputError(ValueError):
    """Malformed input (no such state, text too long, wrong type); nothing written."""


@contextmanager
def _by(book: QuestionBook, extra: dict | None):
    book.extra = dict(extra or {})
    try:
        yield
    finally:
        book.extra = {}


def _text(value: object, limit: int, what: str) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise QuestionInputError(f"{what}: text of at most {limit} characters")
    return plain(value, limit)


def add(
    book: QuestionBook, text: object, asker: object = "", *, source: str = "chat",
    extra: dict | None = None,
) -> Question:
    """A new question in the queue (state new) from the chat or the audience form."""
    if source not in SOURCES:
        raise QuestionInputError(f"source must be one of {', '.join(SOURCES)}")
    limit = MAX_ASK_CHARS if source == "audience" else MAX_QUESTION_CHARS
    body = _text(text, limit, "question")
    if not body:
        raise QuestionInputError("a question needs some text")
    who = _text(asker or "", MAX_ASKER_CHARS, "name").replace("\n", " ") or None
    book.session.refresh()
    question = Question.new(body, source=source, asker=who, submitted_at=book._now())
    with _by(book, extra):
        book.add(question)
    return question


def set_state(book: QuestionBook, qid: object, state: object, *, extra: dict | None = None
              ) -> list[Action]:
    """Move question ``qid`` to ``state`` (or star / unstar it)."""
    if not isinstance(qid, str) or state not in QUESTION_STATES:
        raise QuestionInputError(f"a question id and a state among {', '.join(QUESTION_STATES)}")
    book.session.refresh()
    with _by(book, extra):
        if state in ("star", "unstar"):
            return book.edit(qid, starred=state == "star")
        return book.set_state(qid, QState(state))


def move(book: QuestionBook, ids: object, before: object, *, extra: dict | None = None
         ) -> list[Action]:
    """Put questions ``ids`` before question ``before`` (None: at the end)."""
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise QuestionInputError("move needs the list of question 'ids'")
    if before is not None and not isinstance(before, str):
        raise QuestionInputError("'before' is a question id or null")
    book.session.refresh()
    with _by(book, extra):
        return book.move(ids, before)


def take_next(book: QuestionBook, *, extra: dict | None = None) -> list[Action]:
    book.session.refresh()
    with _by(book, extra):
        return book.take_next()


def answered(book: QuestionBook, *, extra: dict | None = None) -> list[Action]:
    book.session.refresh()
    with _by(book, extra):
        return book.answered()


def asker_line(q: Question) -> str:
    return " — ".join(p for p in (q.asker or "", q.organisation or "") if p)


def on_air_line(book: QuestionBook) -> tuple[str, str] | None:
    """The question on air as the presenter takes it (text, asker line), or None."""
    q = book.queue.on_air()
    return (q.text, asker_line(q)) if q is not None else None


def items_json(book: QuestionBook) -> list[dict]:
    """The queue in its order, each question's public fields (merged ones left out)."""
    return [
        {
            "id": q.id, "text": q.text, "asker": q.asker or "", "organisation": q.organisation
            or "", "state": q.state.value, "starred": q.starred, "source": q.source,
            "votes": q.votes, "anonymous": q.anonymous,
            "submitted_at": q.submitted_at.isoformat() if q.submitted_at else None,
        }
        for q in book.queue.ordered()
        if q.merged_into is None
    ]
