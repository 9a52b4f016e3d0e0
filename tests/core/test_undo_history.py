"""Undo history as a fold over journal actions."""

from __future__ import annotations

from moderator_app.core.actions import Action
from moderator_app.core.undo_history import UndoHistory


def act(seq: int, **payload) -> Action:
    return Action("runsheet.edit", seq * 1000, payload, seq)


def test_undo_redo_and_a_new_change_forks() -> None:
    h = UndoHistory(lambda a: a.type == "runsheet.edit")
    for a in (act(1, v=1), act(2, v=2), Action("start", 3000, {}, 3)):
        h.feed(a)
    assert [a.seq for a in h.undo_step()] == [2]
    h.feed(act(4, undoes=2, undo=True))
    assert [a.seq for a in h.undo_step()] == [1] and [a.seq for a in h.redo_step()] == [2]
    h.feed(act(5, redoes=2))
    assert [a.seq for a in h.undo_step()] == [2] and not h.can_redo()
    h.feed(act(6, undoes=2, undo=True))
    h.feed(act(7, v=7))  # a new change: what was undone stays undone
    assert not h.can_redo() and [a.seq for a in h.undo_step()] == [7]


def test_groups_are_one_step_and_legacy_undos_take_the_latest() -> None:
    h = UndoHistory(lambda a: True)
    for a in (act(1), act(2, group="g"), act(3, group="g"), act(4, group="g")):
        h.feed(a)
    assert [a.seq for a in h.undo_step()] == [4, 3, 2]  # latest first
    for seq, target in ((5, 4), (6, 3), (7, 2)):
        h.feed(act(seq, undoes=target, undo=True, group="u"))
    assert [a.seq for a in h.undo_step()] == [1]
    assert [a.seq for a in h.redo_step()] == [2, 3, 4]  # first order again
    assert "_step" not in h.redo_step()[0].payload
    h2 = UndoHistory(lambda a: True, [act(1), act(2), act(3, undo=True)])  # old files
    assert [a.seq for a in h2.undo_step()] == [1] and [a.seq for a in h2.redo_step()] == [2]


def test_unsaved_actions_are_not_history() -> None:
    h = UndoHistory(lambda a: True, [Action("runsheet.edit", 1, {}, None)])
    assert not h.can_undo()
