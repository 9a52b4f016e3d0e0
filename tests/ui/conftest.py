from __future__ import annotations

from collections.abc import Iterator

import pytest

from moderator_app.io.session import ShowSession
from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.main_window import MainWindow


@pytest.fixture(params=["fr", "en"])
def language(request) -> Iterator[str]:
    """The test once in French and once in English (the console's translator installed),
    then the language it found."""
    previous = current_language()
    assert install_language(request.param)
    yield request.param
    install_language(previous)


@pytest.fixture
def window(qtbot, session: ShowSession) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close()
