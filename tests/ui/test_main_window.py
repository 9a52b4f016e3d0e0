from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QMessageBox

from moderator_app.core.engine import FINISHED, NOT_STARTED, PAUSED, RUNNING
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.ui.main_window import MainWindow


def key(qtbot, win: MainWindow, k, mod=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    target = win.focusWidget() or win
    qtbot.keyClick(target, k, mod)


def journal_types(win: MainWindow) -> list[str]:
    with ShowFile.open(win.session.path, readonly=True) as f:
        return [a.type for a in f.actions()]


def test_keyboard_runs_the_show(qtbot, window: MainWindow, clock) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.session.engine.state.status == RUNNING
    assert journal_types(window) == ["start"]  # committed before the screen changed
    assert window.buttons["start"].text() == "Pause"
    clock.advance(125)
    window.ticker.fire()
    assert window.panel.remaining.text() == "2:55"
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.session.engine.state.status == PAUSED
    key(qtbot, window, Qt.Key.Key_Space)
    key(qtbot, window, Qt.Key.Key_Right)
    assert window.snapshot.current_index == 1
    key(qtbot, window, Qt.Key.Key_N)
    assert window.snapshot.current_index == 2
    key(qtbot, window, Qt.Key.Key_P)
    key(qtbot, window, Qt.Key.Key_Left)
    assert window.snapshot.current_index == 0
    key(qtbot, window, Qt.Key.Key_Plus)
    assert window.snapshot.allotted_s == 360
    key(qtbot, window, Qt.Key.Key_Minus)
    key(qtbot, window, Qt.Key.Key_Minus)
    assert window.snapshot.allotted_s == 240
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.snapshot.allotted_s == 300
    assert journal_types(window)[-1] == "undo"


def confirm_finish(window: MainWindow) -> None:
    box = window.findChild(QMessageBox, "FinishPrompt")
    box.button(QMessageBox.StandardButton.Ok).click()


def test_whole_seed_show_from_keyboard(qtbot, window: MainWindow, clock) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    for _ in range(len(window.session.show.segments) - 1):
        clock.advance(60)
        key(qtbot, window, Qt.Key.Key_Right)
    assert window.snapshot.current_index == 7
    key(qtbot, window, Qt.Key.Key_Right)  # refused: last segment
    assert "last segment" in window.statusBar().currentMessage()
    qtbot.mouseClick(window.buttons["finish"], Qt.MouseButton.LeftButton)
    assert window.snapshot.state != FINISHED  # the button asks first
    confirm_finish(window)
    assert window.snapshot.state == FINISHED


def test_shortcuts_do_not_fire_while_typing(qtbot, window: MainWindow) -> None:
    field = QLineEdit()
    window.add_page(field, "Notes")
    window.pages.setCurrentWidget(field)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "n p +-")
    qtbot.keyClick(field, Qt.Key.Key_Left)
    assert field.text() == "n p +-"
    assert window.session.engine.state.status == NOT_STARTED
    assert journal_types(window) == []


def test_buttons_drive_the_timer(qtbot, window: MainWindow, clock) -> None:
    qtbot.mouseClick(window.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.buttons["next"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.buttons["plus"], Qt.MouseButton.LeftButton)
    assert window.snapshot.current_index == 1
    assert window.snapshot.allotted_s == 660
    qtbot.mouseClick(window.buttons["undo"], Qt.MouseButton.LeftButton)
    assert window.snapshot.allotted_s == 600


def test_follows_another_process(qtbot, window: MainWindow, clock) -> None:
    other = ShowSession.open(window.session.path, clock=clock)
    other.perform("start")
    other.perform("goto", {"index": 3})
    other.close()
    qtbot.waitUntil(lambda: window.snapshot.current_index == 3, timeout=250)


def test_overtime_colour_and_text(qtbot, window: MainWindow, clock) -> None:
    key(qtbot, window, Qt.Key.Key_Space)
    clock.advance(300 + 75.3)
    window.ticker.fire()
    assert window.panel.remaining.text() == "+1:15"
    assert "Overtime" in window.panel.phase.text()
    assert "+1:15" in window.panel.phase.text()
    # The panel colours by palette (cheaper than a style sheet each second); in overtime
    # it flashes between red digits and white digits on red.
    pal = window.panel.remaining.palette()
    shown = {
        pal.color(QPalette.ColorRole.WindowText).name(),
        pal.color(QPalette.ColorRole.Window).name(),
    }
    assert "#c62828" in shown
