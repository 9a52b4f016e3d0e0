"""The console under faults: a second console follows read-only, a refused write is loud."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator_app.core.actions import ActionType
from moderator_app.io import session as session_module
from moderator_app.ui.app import open_session
from moderator_app.ui.main_window import MainWindow


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


def test_refused_write_turns_the_banner_red_then_clears(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    monkeypatch.setattr(session_module, "RETRY_S", 0.0)
    window.perform(ActionType.START)
    window.session.file.db.execute("PRAGMA query_only = 1")
    window.perform(ActionType.PAUSE)
    assert window.banner.isVisibleTo(window)
    assert "NOT SAVED" in window.banner.text()
    assert window.snapshot.state == "paused"  # the screen kept going
    window.grab().save("/tmp/reliability_banner.png")
    window.session.file.db.execute("PRAGMA query_only = 0")
    qtbot.waitUntil(lambda: not window.banner.isVisibleTo(window), timeout=2000)
    assert window.session.pending == []
