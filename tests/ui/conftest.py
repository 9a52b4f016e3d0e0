from __future__ import annotations

import pytest

from moderator_app.io.session import ShowSession
from moderator_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, session: ShowSession) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close()
