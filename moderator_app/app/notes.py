"""Notes from a producer to the moderator (the network's /backstage): sent, listed, and
acknowledged at the console. A note is a journal entry (note.sent / note.read), so it
follows other processes, survives a restart and is in the report; neither is undoable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.actions import NOTE_READ, NOTE_SENT, NOTE_TYPES, Action
from moderator_app.core.clock import from_us
from moderator_app.io.session import ShowSession

MAX_NOTE_CHARS = 500
MAX_SENDER_CHARS = 80


class NoteError(ValueError):
    """A note that cannot be sent or marked read; the message says why (nothing written)."""


@dataclass(frozen=True)
class Note:
    seq: int
    at: datetime
    text: str
    sender: str
    read_at: datetime | None

    def to_dict(self) -> dict:
        return {
            "seq": self.seq, "at": self.at.isoformat(), "text": self.text,
            "sender": self.sender,
            "read_at": self.read_at.isoformat() if self.read_at else None,
        }  # fmt: skip


def plain(text: str, limit: int) -> str:
    """``text`` without control characters (line breaks kept), stripped, at most ``limit``
    characters: a note is plain text everywhere."""
    kept = "".join(ch for ch in str(text) if ch == "\n" or (ch >= " " and ch != "\x7f"))
    return kept.strip()[:limit]


def send_note(
    session: ShowSession, text: str, sender: str = "", *, extra: dict | None = None
) -> Action:
    """Journal a note for the moderator; NoteError when it is empty or too long."""
    if not isinstance(text, str) or len(text) > MAX_NOTE_CHARS:
        raise NoteError(f"a note has 1 to {MAX_NOTE_CHARS} characters")
    body = plain(text, MAX_NOTE_CHARS)
    if not body:
        raise NoteError("a note needs some text")
    who = plain(sender if isinstance(sender, str) else "", MAX_SENDER_CHARS).replace("\n", " ")
    payload = {"text": body, "sender": who, **(extra or {})}
    return session.record(Action(NOTE_SENT, session.now_us(), payload))


def mark_read(session: ShowSession, note_seq: int) -> Action | None:
    """Acknowledge note ``note_seq`` (journal note.read); None when it was read already.
    NoteError when there is no such note."""
    session.refresh()
    for note in notes(session):
        if note.seq == note_seq:
            if note.read_at is not None:
                return None
            return session.record(Action(NOTE_READ, session.now_us(), {"note": note_seq}))
    raise NoteError(f"there is no note {note_seq}")


def notes(session: ShowSession) -> list[Note]:
    """Every note of the show, oldest first, with when the moderator read it."""
    sent: dict[int, Action] = {}
    read: dict[int, int] = {}
    for action in session.file.actions(types=tuple(NOTE_TYPES)):
        if action.type == NOTE_SENT and action.seq is not None:
            sent[action.seq] = action
        elif action.type == NOTE_READ:
            target = action.payload.get("note")
            if isinstance(target, int) and target not in read:
                read[target] = action.at_us
    return [
        Note(
            seq, from_us(a.at_us), str(a.payload.get("text", "")),
            str(a.payload.get("sender", "")),
            from_us(read[seq]) if seq in read else None,
        )
        for seq, a in sent.items()
    ]


def unread(session: ShowSession) -> list[Note]:
    """The notes the moderator has not acknowledged yet, oldest first."""
    return [note for note in notes(session) if note.read_at is None]
