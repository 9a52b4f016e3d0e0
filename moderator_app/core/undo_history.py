"""Undo and redo from the journal: a context's history survives the console's restart.

Every user-facing change is a journal action. An undo is one more action that names what
it undoes (``undoes``: seq), a redo one that names what it redoes (``redoes``: seq), so
the undo and redo stacks of a context are a fold over the journal, whichever process or
session wrote it, rather than an in-memory stack that a restart loses. Actions written
together as one step (the show properties dialog: several fields at once) share a
``group`` and are undone and redone together.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from moderator_app.core.actions import Action

UNDOES = "undoes"
REDOES = "redoes"
GROUP = "group"
# Run sheet undos written before undos named their target: they undid the latest edit.
LEGACY_UNDO = "undo"

Step = list[Action]


def new_group() -> str:
    """A fresh id for the actions of one step."""
    return uuid.uuid4().hex[:12]


class UndoHistory:
    """The undo and redo stacks of one context (the actions ``belongs`` accepts)."""

    def __init__(self, belongs: Callable[[Action], bool], actions: Iterable[Action] = ()) -> None:
        self.belongs = belongs
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        for action in actions:
            self.feed(action)

    def feed(self, action: Action) -> None:
        """Fold one committed action (others are ignored)."""
        if action.seq is None or not self.belongs(action):
            return
        payload = action.payload
        group = payload.get(GROUP)
        if UNDOES in payload or payload.get(LEGACY_UNDO) is True:
            done = self._take(self._undo, payload.get(UNDOES))
            if done is not None:
                self._push(self._redo, done, group)
        elif REDOES in payload:
            done = self._take(self._redo, payload[REDOES])
            if done is not None:
                self._push(self._undo, done, group)
        else:
            self._push(self._undo, action, group)
            self._redo.clear()  # a new change forks history: what was undone stays undone

    @staticmethod
    def _push(stack: list[Step], action: Action, group: str | None) -> None:
        # ``group`` is the group of the action that put it here (an undo's, a redo's).
        if group is not None and stack and stack[-1][-1].payload.get("_step") == group:
            stack[-1].append(_tagged(action, group))
            return
        stack.append([_tagged(action, group)])

    @staticmethod
    def _take(stack: list[Step], seq: int | None) -> Action | None:
        for i in range(len(stack) - 1, -1, -1):
            step = stack[i]
            for j in range(len(step) - 1, -1, -1):
                if seq is None or step[j].seq == seq:
                    done = step.pop(j)
                    if not step:
                        stack.pop(i)
                    return _untagged(done)
            if seq is None:
                break
        return None

    def undo_step(self) -> list[Action]:
        """The actions Ctrl+Z would undo, latest first (empty when nothing is left)."""
        return [_untagged(a) for a in reversed(self._undo[-1])] if self._undo else []

    def redo_step(self) -> list[Action]:
        """The actions a redo would make again, in their first order."""
        return [_untagged(a) for a in reversed(self._redo[-1])] if self._redo else []

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)


def _tagged(action: Action, group: str | None) -> Action:
    """``action`` remembering the step it belongs to on a stack (never written anywhere)."""
    if group is None:
        return action
    return Action(action.type, action.at_us, {**action.payload, "_step": group}, action.seq)


def _untagged(action: Action) -> Action:
    if "_step" not in action.payload:
        return action
    payload = {k: v for k, v in action.payload.items() if k != "_step"}
    return Action(action.type, action.at_us, payload, action.seq)
