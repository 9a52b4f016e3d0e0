"""The journal's unit: a time-stamped action.

The journal is shared: timer actions, speaker messages, run sheet edits and question
changes all go through it, each kind with its own ``type`` namespace. The timer engine
folds the types listed in ``TIMER_TYPES`` and ``MESSAGE_TYPES`` and ignores the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from moderator_app.core.clock import from_us


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


@dataclass(frozen=True)
class Action:
    type: str
    at_us: int
    payload: dict = field(default_factory=dict)
    seq: int | None = None

    @property
    def at(self) -> datetime:
        return from_us(self.at_us)


class ActionRefused(ValueError):
    """An action that makes no sense now; nothing was journaled. The message says why."""


class ClockRefused(ActionRefused):
    """An action refused because of this process's clock (the clock rule); nothing was
    journaled. See TimerEngine.check_stamp."""
