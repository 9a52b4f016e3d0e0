"""The journal's unit: a time-stamped action, and every journal type, defined once.

The journal is shared: timer actions, speaker messages, run sheet edits and question
changes all go through it, each kind with its own ``type`` namespace. Every type name is a
constant here (no module spells one out), and ``part_of`` tells which part of the show an
action changes, so that surfaces follow typed change notices (``Changes``) instead of
matching prefixes. The timer engine folds the types listed in ``TIMER_TYPES`` and
``MESSAGE_TYPES`` and ignores the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from moderator_app.core.clock import from_us
from moderator_app.core.refusal import Refusal


class ActionType(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"
    PREVIOUS = "previous"
    GOTO = "goto"
    ADD_TIME = "add_time"
    FINISH = "finish"
    UNDO = "undo"
    NEW_RUN = "new_run"
    MESSAGE = "message"
    CLEAR_MESSAGE = "clear_message"


TIMER_TYPES = frozenset(
    {
        ActionType.START,
        ActionType.PAUSE,
        ActionType.RESUME,
        ActionType.NEXT,
        ActionType.PREVIOUS,
        ActionType.GOTO,
        ActionType.ADD_TIME,
        ActionType.FINISH,
        ActionType.UNDO,
        ActionType.NEW_RUN,
    }
)
MESSAGE_TYPES = frozenset({ActionType.MESSAGE, ActionType.CLEAR_MESSAGE})

# Journaled by the console when the system clock was stepped (NTP correction) while it
# ran: payload {"delta_s": float}. Stamped with the last instant before the step; every
# later action is stamped on the corrected clock. Not undoable: it is a fact, not a choice.
CLOCK_JUMP = "clock.jump"

# The question queue (payloads: see the README's Question queue).
QUESTION_STATE = "question.state"
QUESTION_IMPORTED = "question.imported"
QUESTION_ADDED = "question.added"
QUESTION_EDITED = "question.edited"
QUESTION_MOVED = "question.moved"
QUESTION_MERGED = "question.merged"
QUESTION_SOURCE_LINKED = "question.source_linked"
QUESTION_SOURCE_UNLINKED = "question.source_unlinked"
QUESTION_TYPES = frozenset({
    QUESTION_STATE, QUESTION_IMPORTED, QUESTION_ADDED, QUESTION_EDITED, QUESTION_MOVED,
    QUESTION_MERGED, QUESTION_SOURCE_LINKED, QUESTION_SOURCE_UNLINKED,
})  # fmt: skip

# The run sheet: edits (one field, a structure change, show properties), a whole
# replacement (an import, a linked sheet's change), and the linked sheet itself.
RUNSHEET_EDIT = "runsheet.edit"
RUNSHEET_REPLACE = "runsheet.replace"
RUNSHEET_LINK = "runsheet.link"
RUNSHEET_UNLINK = "runsheet.unlink"
RUNSHEET_TYPES = frozenset({RUNSHEET_EDIT, RUNSHEET_REPLACE, RUNSHEET_LINK, RUNSHEET_UNLINK})
# The ones that change the run sheet itself (the file's ``show`` and ``segments``).
RUNSHEET_CHANGE_TYPES = frozenset({RUNSHEET_EDIT, RUNSHEET_REPLACE})


# Notes from a producer to the moderator (the network's /backstage): a note is a fact,
# not a choice, so neither is undoable. note.sent {"text", "sender"}; note.read {"note": seq
# of the note.sent}, journaled when the moderator acknowledges it at the console.
NOTE_SENT = "note.sent"
NOTE_READ = "note.read"
NOTE_TYPES = frozenset({NOTE_SENT, NOTE_READ})

# Timers beside the schedule (issue 16). Auxiliary timers: aux.set {"timer": n,
# "seconds", "direction": "down"|"up", "name"?, "shown"?} sets one up and resets it;
# aux.start / aux.pause / aux.reset {"timer": n}; aux.add {"timer": n, "seconds"}.
# Start corrections, undoable like any timer action: timer.started_at {"scope":
# "segment"|"show", "segment", "to_us", "delta_us"} and timer.set_elapsed {"segment",
# "seconds", "delta_us"} (delta_us: how much running time the segment gains).
# autostart.cancel {"segment"}: the moderator stopped a segment's automatic start.
AUX_SET = "aux.set"
AUX_START = "aux.start"
AUX_PAUSE = "aux.pause"
AUX_RESET = "aux.reset"
AUX_ADD = "aux.add"
AUX_TYPES = frozenset({AUX_SET, AUX_START, AUX_PAUSE, AUX_RESET, AUX_ADD})
STARTED_AT = "timer.started_at"
SET_ELAPSED = "timer.set_elapsed"
CORRECTION_TYPES = frozenset({STARTED_AT, SET_ELAPSED})
AUTOSTART_CANCEL = "autostart.cancel"
SIDE_TIMER_TYPES = AUX_TYPES | CORRECTION_TYPES | {AUTOSTART_CANCEL}

# What the speakers' screens show beside the timer, decided by the moderator for every
# screen at once (the console's stage window and every browser view): a blackout, and
# whether the question on air is shown. stage.blackout {"on": bool}; stage.question
# {"shown": bool}. Not undoable: the next toggle is the way back.
STAGE_BLACKOUT = "stage.blackout"
STAGE_QUESTION = "stage.question"
STAGE_TYPES = frozenset({STAGE_BLACKOUT, STAGE_QUESTION})


class Part(StrEnum):
    """The part of the show an action changes: what a surface may have to redraw."""

    TIMER = "timer"
    MESSAGE = "message"
    RUNSHEET = "runsheet"  # the run sheet and the show's properties
    QUESTIONS = "questions"
    CLOCK = "clock"
    NOTES = "notes"
    STAGE = "stage"
    OTHER = "other"


def part_of(action_type: str) -> Part:
    if action_type in TIMER_TYPES or action_type in SIDE_TIMER_TYPES:
        return Part.TIMER
    if action_type in MESSAGE_TYPES:
        return Part.MESSAGE
    if action_type in RUNSHEET_TYPES:
        return Part.RUNSHEET
    if action_type in QUESTION_TYPES:
        return Part.QUESTIONS
    if action_type == CLOCK_JUMP:
        return Part.CLOCK
    if action_type in NOTE_TYPES:
        return Part.NOTES
    if action_type in STAGE_TYPES:
        return Part.STAGE
    return Part.OTHER


@dataclass(frozen=True)
class Action:
    type: str
    at_us: int
    payload: dict = field(default_factory=dict)
    seq: int | None = None

    @property
    def at(self) -> datetime:
        return from_us(self.at_us)


@dataclass(frozen=True)
class Changes:
    """A typed change notice: one action folded into the open show, what part it changed,
    and whether this session made it (the screen that did it may skip a refresh) or
    another process (a command, a second console)."""

    action: Action
    part: Part
    own: bool

    @property
    def timer(self) -> bool:
        return self.part in (Part.TIMER, Part.CLOCK)

    @property
    def message(self) -> bool:
        return self.part is Part.MESSAGE

    @property
    def runsheet(self) -> bool:
        return self.part is Part.RUNSHEET

    @property
    def runsheet_changed(self) -> bool:
        """The run sheet itself changed (not only its link)."""
        return self.action.type in RUNSHEET_CHANGE_TYPES

    @property
    def questions(self) -> bool:
        return self.part is Part.QUESTIONS

    @property
    def notes(self) -> bool:
        return self.part is Part.NOTES

    @property
    def stage(self) -> bool:
        return self.part is Part.STAGE


class ActionRefused(Refusal):
    """An action that makes no sense now; nothing was journaled. The message says why
    (a template and its values: see core/refusal.py)."""


class ClockRefused(ActionRefused):
    """An action refused because of this process's clock (the clock rule); nothing was
    journaled. See TimerEngine.check_stamp."""
