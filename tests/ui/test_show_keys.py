"""Show keys driven with real key presses: where they work, and the guards on the keys that
cannot be taken back in front of an audience (a run started on the wrong day, the finish)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from moderator_app.core.clock import FakeClock
from moderator_app.core.questions import Question
from moderator_app.core.runsheet import Show
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.ui.main_window import FINISH_AGAIN_MS, MainWindow


@pytest.fixture
def window(session, qtbot):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.live.stage.close()


def open_at(qtbot, tmp_path: Path, show: Show, clock: FakeClock) -> MainWindow:
    path = tmp_path / "other.show"
    ShowFile.create(path, show).close()
    w = MainWindow(ShowSession.open(path, clock=clock))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def index_of(window: MainWindow) -> int | None:
    window.ticker.fire()
    return window.snapshot.current_index


# -- item 8: ←/→ are show keys unless the focus is in an editor -----------------------------
def test_right_after_clicking_a_rundown_row_goes_to_the_next_segment(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    view = window.rundown_view
    click_row(qtbot, view, 3)
    assert view.hasFocus() and view.currentIndex().row() == 3
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert index_of(window) == 1
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert index_of(window) == 0
    # ↑/↓ stay the table's: they move its selection, not the show.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 4
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.currentIndex().row() == 2
    assert index_of(window) == 0


def test_right_after_selecting_a_question_goes_to_the_next_segment(window, qtbot):
    page = window.questions.page
    for i in range(4):
        page.book.add(Question.new(f"Question {i}?"))
    window.pages.setCurrentWidget(page)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    click_row(qtbot, page.table, 1)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    assert index_of(window) == 1
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    assert index_of(window) == 2
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 2
    assert index_of(window) == 2


def test_left_right_move_between_cells_in_the_run_sheet_editor(window, qtbot):
    editor = window.runsheet_editor
    view = editor.view
    window.pages.setCurrentWidget(editor)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    click_row(qtbot, view, 2)
    column = view.currentIndex().column()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == column + 1
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.currentIndex().column() == column
    assert index_of(window) == 0  # the show did not move


def test_arrows_still_type_in_a_text_field(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    field = window.live.messages.text
    field.setFocus()
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Left)
    assert field.cursorPosition() == 2
    assert index_of(window) == 0


# -- item 5: a run far from the planned start asks first ------------------------------------
def far_window(qtbot, tmp_path, small_show) -> MainWindow:
    # 85 days before the planned 2027-02-25 15:00 UTC.
    clock = FakeClock(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    return open_at(qtbot, tmp_path, small_show, clock)


def prompt_of(w: MainWindow) -> QMessageBox:
    box = w.findChild(QMessageBox, "RehearsalPrompt")
    assert box is not None and box.isVisible(), "no rehearsal prompt"
    assert box.windowModality() == Qt.WindowModality.WindowModal
    return box


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_N])
def test_start_days_before_asks_and_enter_starts(qtbot, tmp_path, small_show, key):
    w = far_window(qtbot, tmp_path, small_show)
    qtbot.keyClick(w, key)
    box = prompt_of(w)
    assert w.session.engine.state.status == "not_started"
    assert "rehearsal" in box.text().lower()
    w.ticker.fire()  # the timer loop goes on under the prompt
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.isVisible()
    assert w.session.engine.state.status == "running"
    assert index_of(w) == 0


def test_start_days_before_escape_does_not_start(qtbot, tmp_path, small_show):
    w = far_window(qtbot, tmp_path, small_show)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    box = prompt_of(w)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible()
    assert w.session.engine.state.status == "not_started"
    # A second Space asks again rather than starting.
    qtbot.keyClick(w, Qt.Key.Key_Space)
    prompt_of(w).reject()
    assert w.session.engine.state.status == "not_started"


def test_double_click_on_a_row_days_before_asks_too(qtbot, tmp_path, small_show):
    w = far_window(qtbot, tmp_path, small_show)
    view = w.rundown_view
    rect = view.visualRect(view.model().index(1, 1))
    # A real double-click: press and release, then the second press arrives as a double one.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    box = prompt_of(w)
    assert w.session.engine.state.status == "not_started"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert w.session.engine.state.status == "running"
    assert index_of(w) == 1  # started at the row double-clicked


def test_start_near_the_planned_time_does_not_ask(qtbot, tmp_path, small_show):
    clock = FakeClock(datetime(2027, 2, 25, 14, 30, tzinfo=UTC))  # 30 min early
    w = open_at(qtbot, tmp_path, small_show, clock)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert w.findChild(QMessageBox, "RehearsalPrompt") is None
    assert w.session.engine.state.status == "running"


# -- item 5: finishing needs a confirmation -------------------------------------------------
def test_ctrl_end_once_does_not_finish_twice_within_two_seconds_does(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.session.engine.state.status == "running"
    assert "Ctrl+End again" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.session.engine.state.status == "finished"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.engine.state.status == "running"  # undo stays available


def test_ctrl_end_twice_too_slowly_does_not_finish(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Ctrl+End again" not in window.statusBar().currentMessage(),
                    timeout=FINISH_AGAIN_MS * 3)
    qtbot.keyClick(window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.session.engine.state.status == "running"
    qtbot.keyClick(window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.session.engine.state.status == "finished"


def test_finish_button_asks_and_cancel_is_the_default(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.mouseClick(window.buttons["finish"], Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "FinishPrompt")
    assert box is not None and box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default
    assert window.session.engine.state.status == "running"
    qtbot.mouseClick(window.buttons["finish"], Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "FinishPrompt")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.session.engine.state.status == "finished"
