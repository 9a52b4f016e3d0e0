"""The notes a producer sent the moderator during a run, and when each was read.

A note belongs to the run in which it was sent; the moderator may acknowledge it later,
even in the next run, so its read time is looked up in everything after it. Where an
action came from the network (payload ``"origin": "network"`` and the ``"role"`` of the
token used), the report says so: ``origin_of``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.actions import NOTE_READ, NOTE_SENT, Action
from moderator_app.core.clock import from_us

NETWORK = "network"


@dataclass(frozen=True)
class NoteReport:
    seq: int | None
    at: datetime
    sender: str
    text: str
    read_at: datetime | None
    origin: str = ""  # "network" when it came over the network, else ""
    role: str = ""  # the network role that sent it (producer, control)


def origin_of(action: Action) -> tuple[str, str]:
    """(origin, role) of an action: ("network", "producer") for one sent with a producer's
    token; ("", "") for the console's and the command line's own."""
    payload = action.payload
    if payload.get("origin") != NETWORK:
        return "", ""
    role = payload.get("role")
    return NETWORK, role if isinstance(role, str) else ""


def note_rows(run_actions: Iterable[Action], later: Iterable[Action] = ()) -> list[NoteReport]:
    """The notes sent among ``run_actions``, oldest first, each with the time of its first
    note.read in the run or ``later`` (None while unread)."""
    sent: list[Action] = []
    read_at: dict[int, int] = {}
    for action in (*run_actions, *later):
        if action.type == NOTE_READ:
            target = action.payload.get("note")
            if isinstance(target, int) and target not in read_at:
                read_at[target] = action.at_us
    for action in run_actions:
        if action.type == NOTE_SENT:
            sent.append(action)
    rows = []
    for action in sent:
        origin, role = origin_of(action)
        read = read_at.get(action.seq) if action.seq is not None else None
        rows.append(
            NoteReport(
                seq=action.seq,
                at=action.at,
                sender=str(action.payload.get("sender") or ""),
                text=str(action.payload.get("text") or ""),
                read_at=from_us(read) if read is not None else None,
                origin=origin,
                role=role,
            )
        )
    return rows
