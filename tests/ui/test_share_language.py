"""Share on network and the notes strip in French: switching the language while the dialog
is open (the real server running, every role's links shown) and a note is waiting leaves
no English on screen."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QWidget

from moderator_app.app import notes as notes_app
from moderator_app.io.session import ShowSession
from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.server_process import free_port_after
from tests.ui.test_runtime_language import english_sources, visible_texts


@pytest.mark.slow
def test_the_open_share_dialog_and_the_notes_strip_follow_a_switch_to_french(
    qtbot, session: ShowSession, show_path, clock
) -> None:
    previous = current_language()
    install_language("en")
    window = MainWindow(session)
    qtbot.addWidget(window)
    share = window.features["sharing"]
    try:
        window.resize(1366, 740)
        window.show()
        other = ShowSession.open(show_path, clock=clock)
        notes_app.send_note(other, "hello", "Marie")
        notes_app.send_note(other, "again", "")
        other.close()
        dialog = share.open_dialog()
        dialog.port.setValue(free_port_after(25000))
        dialog.ask.setChecked(True)
        dialog.start_button.click()
        qtbot.waitUntil(lambda: share.info is not None, timeout=30000)
        qtbot.waitUntil(window.features["notes"].strip.isVisible, timeout=2000)
        install_language("fr")
        qtbot.wait(1)
        english = english_sources()
        left = set()
        for top in (window, dialog):
            for widget in [top, *top.findChildren(QWidget)]:
                for text in visible_texts(widget):
                    if text.replace("&", "").strip() in english:
                        left.add(f"{type(widget).__name__} {widget.objectName()}: {text}")
        assert not left, "still in English: " + "; ".join(sorted(left))
        assert dialog.windowTitle() == "Partager sur le réseau"
        assert dialog.status.text().startswith("Partagé sur ")
        assert share.indicator.text().startswith("Partagé sur ")
        assert window.features["notes"].strip.count.text() == "2 non lues"
        assert dialog.roles.tabText(0) == "Intervenants (lecture)"
    finally:
        share.server.stop_now()
        install_language(previous)
        window.close()


@pytest.mark.slow
def test_a_taken_port_is_said_again_in_french_after_a_switch(qtbot, session: ShowSession):
    previous = current_language()
    install_language("en")
    window = MainWindow(session)
    qtbot.addWidget(window)
    share = window.features["sharing"]
    taken = socket.socket()
    taken.bind(("0.0.0.0", 0))
    taken.listen()
    try:
        port = taken.getsockname()[1]
        share.start(port, False, False)
        qtbot.waitUntil(lambda: share.port_taken and not share.running, timeout=30000)
        assert share.indicator.text().startswith(f"Port {port} is in use")
        install_language("fr")
        qtbot.wait(1)
        assert share.indicator.text().startswith(f"Le port {port} est utilisé")
    finally:
        taken.close()
        share.server.stop_now()
        install_language(previous)
        window.close()
