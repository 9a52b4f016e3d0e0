from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from moderator_app.core.actions import ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.runsheet import SegmentKind
from moderator_app.io.session import ShowSession
from moderator_app.ui.runsheet_editor import RunSheetEditor
from moderator_app.ui.runsheet_model import (
    COL_DURATION,
    COL_KIND,
    COL_START,
    COL_TITLE,
    MIME_ROWS,
    SegmentRole,
)


@pytest.fixture
def editor(qtbot, session: ShowSession) -> RunSheetEditor:
    widget = RunSheetEditor(session)
    qtbot.addWidget(widget)
    widget.resize(1300, 520)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def _journal(session: ShowSession) -> list:
    return [a for a in session.file.actions() if a.type.startswith("runsheet.")]


def _type_into(qtbot, editor: RunSheetEditor, row: int, col: int, text: str) -> None:
    """Like a producer: select the cell, F2, type, Enter."""
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(editor.model.index(row, col))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    lines = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(lines) == 1
    line = lines[0]
    line.selectAll()
    if text:
        qtbot.keyClicks(line, text)
    else:
        qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # Qt commits the editor's data from the event loop
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=1000)
    qtbot.wait(10)


def test_inline_edit_title_and_duration(qtbot, editor: RunSheetEditor, session) -> None:
    _type_into(qtbot, editor, 1, COL_TITLE, "Intro courte")
    assert session.show.segments[1].title == "Intro courte"
    _type_into(qtbot, editor, 1, COL_DURATION, "1h05")
    assert session.show.segments[1].planned_duration_s == 3900
    assert editor.model.index(2, COL_START).data() == "17:10"  # the rest re-planned
    journal = _journal(session)
    assert [a.payload["field"] for a in journal] == ["title", "planned_duration_s"]
    assert journal[1].payload["before"] == 600 and journal[1].payload["after"] == 3900
    assert "over" in editor.total.text()


def test_refused_value_leaves_show_and_says_why(qtbot, editor, session) -> None:
    _type_into(qtbot, editor, 2, COL_DURATION, "-5")
    assert session.show.segments[2].planned_duration_s == 720
    assert "Negative duration" in editor.message.text()
    assert editor.message.isVisible()
    assert _journal(session) == []
    _type_into(qtbot, editor, 3, COL_START, "16:20")  # overlaps the segment before it
    assert "overlaps" in editor.message.text()
    assert session.show.segments[3].hard_start is None


def test_hard_start_editor(qtbot, editor, session) -> None:
    _type_into(qtbot, editor, 5, COL_START, "17h00")
    assert session.show.segments[5].hard_start.strftime("%H:%M") == "17:00"
    assert editor.model.index(5, COL_START).data() == "⚑ 17:00"
    _type_into(qtbot, editor, 5, COL_START, "")
    assert session.show.segments[5].hard_start is None


def test_kind_combobox(qtbot, editor, session) -> None:
    editor.view.setCurrentIndex(editor.model.index(3, COL_KIND))
    editor.view.edit(editor.model.index(3, COL_KIND))
    combo = editor.view.findChild(QComboBox, "KindEditor")
    assert combo is not None and combo.count() == len(SegmentKind)
    assert not combo.itemIcon(0).isNull()
    combo.setCurrentIndex(combo.findData("break"))
    combo.activated.emit(combo.currentIndex())
    editor.view.setFocus()
    qtbot.waitUntil(lambda: session.show.segments[3].kind is SegmentKind.BREAK)


def test_structure_edits_with_undo_redo_keys(qtbot, editor, session) -> None:
    titles = [s.title for s in session.show.segments]
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(2, COL_TITLE))
    qtbot.keyClick(editor.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(session.show.segments) == 9
    assert session.show.segments[3].title == titles[2]
    assert session.show.segments[3].id != session.show.segments[2].id
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert len(session.show.segments) == 8
    editor.view.setCurrentIndex(editor.model.index(0, COL_TITLE))
    qtbot.keyClick(editor.view, Qt.Key.Key_Insert)
    assert session.show.segments[0].title == "New segment"
    assert editor.model.rowCount() == 9
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert session.show.segments[1].title == "New segment"
    assert editor.view.currentIndex().row() == 1
    # undo all four, then redo them, with the page's own keys
    for _ in range(4):
        qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.title for s in session.show.segments] == titles
    assert editor.model.rowCount() == 8
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    for _ in range(4):
        qtbot.keyClick(editor.view, Qt.Key.Key_Z, shift_ctrl)
    assert session.show.segments[1].title == "New segment"
    assert len(session.show.segments) == 9
    undos = [a for a in _journal(session) if a.payload.get("undo")]
    assert len(undos) == 4  # undo is journaled too


def test_drag_and_drop_reorders(editor, session) -> None:
    model = editor.model
    mime = model.mimeData([model.index(0, COL_TITLE)])
    assert mime.hasFormat(MIME_ROWS)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert [s.id for s in session.show.segments][:3] == ["introduction", "north-africa", "welcome"]
    assert model.index(2, COL_TITLE).data(SegmentRole).id == "welcome"


def test_model_follows_another_process(
    qtbot, editor, session, show_path: Path, clock: FakeClock
) -> None:
    from moderator_app.core.runsheet_edit import delete
    from moderator_app.io.runsheet_store import commit_edit

    other = ShowSession.open(show_path, clock=clock)
    try:
        commit_edit(other, delete(other.show, 7))
    finally:
        other.close()
    with qtbot.waitSignal(editor.model.rowsRemoved, timeout=1000):
        session.refresh()
    assert editor.model.rowCount() == 7


def test_live_rules_in_the_editor(qtbot, editor, session, clock) -> None:
    session.perform(ActionType.START)
    clock.advance(30)
    session.perform(ActionType.NEXT)
    editor.update_snapshot(session.snapshot())
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(1, COL_TITLE))
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert "on air" in editor.message.text()
    assert len(session.show.segments) == 8
    _type_into(qtbot, editor, 1, COL_DURATION, "20")  # the current segment: more time left
    assert session.snapshot().remaining_s == 20 * 60
    assert editor.model.index(1, COL_TITLE).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_screenshot(editor, tmp_path: Path) -> None:
    editor.view.setCurrentIndex(editor.model.index(2, COL_TITLE))
    path = tmp_path / "editor.png"
    assert editor.grab().save(str(path))
