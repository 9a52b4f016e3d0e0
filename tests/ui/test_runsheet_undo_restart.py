"""Run sheet undo is a fold over the journal: it survives closing and reopening the console."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from moderator_app.io.session import ShowSession
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.runsheet_model import COL_TITLE
from tests.ui.test_runsheet_editor import _type_into


def _open(qtbot, path, clock) -> tuple[ShowSession, MainWindow]:
    session = ShowSession.open(path, clock=clock)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.pages.setCurrentWidget(window.runsheet_editor)
    return session, window


def test_an_edit_is_undone_after_the_console_restarts(qtbot, show_path, clock) -> None:
    session, window = _open(qtbot, show_path, clock)
    editor = window.runsheet_editor
    before = session.show.segments[1].title
    _type_into(qtbot, editor, 1, COL_TITLE, "Introduction revue")
    assert session.show.segments[1].title == "Introduction revue"
    window.close()
    session.close()

    session, window = _open(qtbot, show_path, clock)
    editor = window.runsheet_editor
    assert session.show.segments[1].title == "Introduction revue"
    assert editor.actions_by_name["undo"].isEnabled()
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus)
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.show.segments[1].title == before
    # the undo is one more journal action, naming what it undid
    undo = session.file.actions()[-1]
    assert undo.type == "runsheet.edit" and undo.payload["undoes"] < undo.seq
    assert not editor.actions_by_name["undo"].isEnabled()  # nothing older to undo
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, shift_ctrl)
    assert session.show.segments[1].title == "Introduction revue"
    window.close()
    session.close()

    session, window = _open(qtbot, show_path, clock)  # redo, too, is history now
    editor = window.runsheet_editor
    assert editor.history.can_undo() and not editor.history.can_redo()
    assert editor.undo() and session.show.segments[1].title == before
    assert editor.history.can_redo()
    assert not editor.undo()  # nothing left: it says so
    assert "Nothing to undo" in editor.message.text()
    window.close()
    session.close()
