"""The console under faults: a second console follows read-only, a refused write is loud."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from moderator_app.core.actions import ActionType
from moderator_app.io import session as session_module
from moderator_app.io.showfile import ShowFile
from moderator_app.ui.app import open_session
from moderator_app.ui.main_window import MainWindow
from tests.faults.realfs import read_only_file


@pytest.fixture
def window(qtbot, show_path: Path):
    session = open_session(str(show_path))
    win = MainWindow(session)
    qtbot.addWidget(win)
    yield win
    win.close()
    session.close()


def test_second_console_opens_read_only_and_follows(qtbot, window: MainWindow, show_path) -> None:
    assert not window.session.readonly
    other = open_session(str(show_path))
    try:
        assert other.readonly
        follower = MainWindow(other)
        qtbot.addWidget(follower)
        assert follower.banner.isVisibleTo(follower)
        assert "read-only" in follower.banner.text().lower()
        assert "(read-only)" in follower.windowTitle()
        window.perform(ActionType.START)
        qtbot.waitUntil(lambda: follower.snapshot.state == "running", timeout=2000)
        follower.close()
    finally:
        other.close()
    # Once the follower is gone, and after the owner closes, a new console owns it.
    window.session.close()
    again = open_session(str(show_path))
    assert not again.readonly
    again.close()


def answer_dialogs(*answers: str) -> None:
    """Answer the next modal dialogs in turn: a button's object name, or "Enter"."""
    queue = list(answers)

    def step() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, step)
            return
        answer = queue.pop(0)
        if answer == "Enter":
            QTest.keyClick(box, Qt.Key.Key_Return)
        else:
            box.findChild(QAbstractButton, answer).click()
        if queue:
            QTimer.singleShot(10, step)

    QTimer.singleShot(0, step)


def journal(path: Path) -> list[str]:
    with ShowFile.open(path, readonly=True) as f:
        return [a.type for a in f.actions()]


def test_refused_write_turns_the_banner_red_then_clears(
    qtbot, show_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(session_module, "RETRY_S", 0.0)
    with read_only_file(show_path) as fix:  # a really read-only show file
        session = open_session(str(show_path))
        window = MainWindow(session)
        qtbot.addWidget(window)
        # Said at once, before any key: SQLite alone opens it read-only without a word.
        assert window.banner.isVisibleTo(window)
        assert "cannot be written" in window.banner.text()
        window.perform(ActionType.START)
        window.perform(ActionType.PAUSE)
        assert "NOT SAVED" in window.banner.text() and "2 action(s) kept" in window.banner.text()
        assert window.snapshot.state == "paused"  # the screen kept going
        window.grab().save("/tmp/reliability_banner.png")
        fix()  # what the banner asks for; nothing else
        qtbot.waitUntil(lambda: not window.banner.isVisibleTo(window), timeout=3000)
    assert window.session.pending == []
    assert journal(show_path) == ["start", "pause"]
    window.close()
    session.close()


def test_closing_with_unsaved_actions_asks_and_keeps_them(
    qtbot, show_path: Path, monkeypatch
) -> None:
    with read_only_file(show_path) as fix:
        session = open_session(str(show_path))
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        window.perform(ActionType.START)
        answer_dialogs("Enter")  # the default keeps the console open
        window.close()
        assert window.isVisible() and session.pending
        answer_dialogs("retry", "keep_open")  # still read-only: asked again
        window.close()
        assert window.isVisible() and len(session.pending) == 1
        answer_dialogs("rescue", "Enter")
        window.close()
        assert not window.isVisible()
        session.close()
        rescue_file = show_path.with_name(show_path.name + ".unsaved.json")
        assert rescue_file.is_file()
        fix()
    assert journal(show_path) == []
    # The next opening offers to write them in; the default does.
    again = open_session(str(show_path))
    answer_dialogs("Enter")
    follow = MainWindow(again)
    qtbot.addWidget(follow)
    qtbot.waitUntil(lambda: journal(show_path) == ["start"], timeout=3000)
    assert not rescue_file.exists()
    assert follow.session.engine.state.status == "running"
    follow.close()
    again.close()


def test_rescue_offer_says_what_was_saved_since_and_later_keeps_it(
    qtbot, show_path: Path, clock
) -> None:
    from moderator_app.core.actions import Action
    from moderator_app.io.rescue import find_rescue, write_rescue
    from moderator_app.io.session import ShowSession

    write_rescue(show_path, [Action("pause", 1, {})], after_seq=0, reason="the disk is full")
    other = ShowSession.open(show_path, clock=clock)
    other.perform(ActionType.START)  # saved after the console that kept the pause closed
    other.close()
    seen: list[str] = []

    def read_then_later() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, read_then_later)
            return
        seen.append(box.text() + " " + box.informativeText())
        QTest.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, read_then_later)
    session = open_session(str(show_path))
    window = MainWindow(session)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert "1 action(s)" in seen[0] and "the disk is full" in seen[0]
    assert "1 other action(s) were saved since" in seen[0]
    assert find_rescue(show_path) is not None  # "Later" keeps it for next time
    assert journal(show_path) == ["start"]
    window.close()
    session.close()
