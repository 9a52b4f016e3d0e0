"""Share on network ▸ Remote links: the real ``serve --machine`` child with a real Mosquitto.
The links appear with their QR codes, who is connected follows a page's hello, a refused
login is one line while the LAN server serves, a revoked link's old key no longer opens
the state, the broker password lives in a 0600 file and never on the command line, and
a message to one speaker is journaled with its recipient."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import threading
from collections.abc import Iterator

import aiomqtt
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from moderator_app.app import remote_keys as rk
from moderator_app.core.actions import ActionType
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.network_share import NetworkShare
from moderator_app.ui.remote_share import BROKER_SECRET, secret_path
from moderator_app.ui.server_process import free_port_after
from tests.remote.broker import MOSQUITTO, USERS, Mosquitto
from tests.remote.page import Page

START_MS = 40_000  # the child imports aiohttp, aiomqtt and cryptography on a loaded machine


@pytest.fixture
def share(window: MainWindow) -> Iterator[NetworkShare]:
    share = window.features["sharing"]
    yield share
    share.server.stop_now()


@pytest.fixture
def mosquitto(tmp_path) -> Iterator[Mosquitto]:
    """The bridge's real Mosquitto on loopback (tests/remote/broker.py), with its users."""
    if not os.path.exists(MOSQUITTO):
        pytest.skip(f"needs Mosquitto ({MOSQUITTO}; Debian: apt-get install mosquitto)")
    folder = tmp_path / "broker"
    folder.mkdir()
    broker = Mosquitto(folder)
    broker.start()
    try:
        yield broker
    finally:
        broker.kill()


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop in a thread for the Python pages, so that Qt's loop runs meanwhile."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield loop
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


def run(qtbot, loop, coro, timeout: int = 15_000):
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    qtbot.waitUntil(future.done, timeout=timeout)
    return future.result()


def turn_on(share: NetworkShare, qtbot, broker: Mosquitto, *, password: str | None = None,
            speakers: str = "Amina El Idrissi; Jonas Weber"):
    dialog = share.open_dialog()
    dialog.port.setValue(free_port_after(25000))
    page = dialog.remote_page
    dialog.roles.setCurrentWidget(page)
    page.broker.setText(broker.url)
    page.user.setText("bridge")
    page.password.setText(USERS["bridge"] if password is None else password)
    page.browser_broker.setText(broker.ws_url)
    page.browser_user.setText("speaker")
    page.browser_password.setText(USERS["speaker"])
    page.speakers.setText(speakers)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    return dialog, page


def connected_with_links(share: NetworkShare) -> bool:
    state = share.remote.state
    return state.status == "connected" and bool(state.links)


@pytest.mark.slow
def test_links_with_qr_who_is_connected_and_revoke(share, qtbot, mosquitto, loop) -> None:
    dialog, page = turn_on(share, qtbot, mosquitto)
    qtbot.waitUntil(lambda: connected_with_links(share), timeout=START_MS)
    assert page.status.text().startswith("Broker connected")
    # One link per role and per speaker, each with its QR code and the page's address.
    ids = [link.id for link in share.remote.state.links]
    assert {"view", "producer", "control", "amina-el-idrissi", "jonas-weber"} <= set(ids)
    row = page.rows["amina-el-idrissi"]
    assert not row.qr.pixmap().isNull() and row.qr.pixmap().width() > 50
    assert "/timer#" in row.url.text() and "k=" in row.url.text()
    assert row.title.text() == "Speaker: Amina El Idrissi"
    assert row.who.text() == "Nobody has opened this link yet."
    # The password went to a 0600 file, never onto the command line.
    secret = secret_path(BROKER_SECRET)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert secret.read_text() == USERS["bridge"]
    arguments = share.server.process.arguments()
    assert USERS["bridge"] not in arguments and str(secret) in arguments
    assert page.password.text() == ""

    # A page opens Amina's link and says hello: the console lists it as connected.
    fragment = next(lk.fragment for lk in share.remote.state.links if lk.id == "amina-el-idrissi")

    async def hello_and_wait() -> dict:
        async with Page(mosquitto, fragment) as remote:
            state = await remote.next("state")
            offset = await remote.sync()
            await remote.publish("hello", {"tag": "hello", "page": "timer",
                                           "offset_ms": offset, "rtt_ms": 3.0})
            await asyncio.sleep(6)  # the bridge reports who is connected every 5 s
            return state

    future = asyncio.run_coroutine_threadsafe(hello_and_wait(), loop)
    qtbot.waitUntil(lambda: "Connected" in row.who.text(), timeout=15_000)
    assert "last seen" in row.who.text() and "clock offset" in row.who.text()
    assert page.rows["jonas-weber"].who.text() == "Nobody has opened this link yet."
    qtbot.waitUntil(future.done, timeout=15_000)
    assert future.result()["link"]["id"] == "amina-el-idrissi"

    # Revoke Amina's link: a new channel and key; the old key cannot open the new state.
    old = rk.parse_fragment(fragment)
    box = page.ask_revoke(next(lk for lk in share.remote.state.links
                               if lk.id == "amina-el-idrissi"))
    yes = next(b for b in box.buttons()
               if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()

    def new_fragment() -> str:
        for link in share.remote.state.links:
            if link.id == "amina-el-idrissi" and link.fragment != fragment:
                return link.fragment
        return ""

    qtbot.waitUntil(lambda: bool(new_fragment()), timeout=10_000)
    new = rk.parse_fragment(new_fragment())
    assert new["t"] != old["t"] and new["k"] != old["k"]
    assert page.rows["amina-el-idrissi"].url.text().endswith(new_fragment())

    async def retained(channel: str) -> bytes:
        async with aiomqtt.Client("127.0.0.1", mosquitto.port, username="spy",
                                  password=USERS["spy"], timeout=5) as client:
            await client.subscribe(f"{channel}/state")
            async for message in client.messages:
                if message.payload:
                    return bytes(message.payload)
        return b""

    topic = f"{new['t']}/state"
    payload = run(qtbot, loop, asyncio.wait_for(retained(new["t"]), 10))
    with pytest.raises(rk.SealError):
        rk.open_sealed(rk.key_bytes(old["k"]), topic, payload)
    assert rk.open_sealed(rk.key_bytes(new["k"]), topic, payload)["tag"] in ("state", "offline")
    dialog.close()


@pytest.mark.slow
def test_refused_credentials_are_one_line_and_the_lan_server_serves(share, qtbot,
                                                                    mosquitto) -> None:
    _dialog, page = turn_on(share, qtbot, mosquitto, password="not-the-password")
    qtbot.waitUntil(lambda: share.remote.state.status == "down", timeout=START_MS)
    text = page.status.text()
    assert text == ("Remote links down: the broker refused the user or the password: check "
                    "User and Password. Retrying; the show goes on locally.")
    assert "refused the credentials (user bridge)" in page.status.toolTip()
    assert "\n" not in text and "Traceback" not in text
    assert share.info is not None  # the LAN sharing is on regardless
    assert "not-the-password" not in text
    # Off again: the server restarts without the broker; the tab says so in one line.
    page.enable.setChecked(False)
    qtbot.waitUntil(lambda: share.info is not None and "--broker" not in
                    share.server.process.arguments(), timeout=START_MS)
    assert page.status.text() == "Remote links are off: only this network sees the show."
    assert not share.remote.state.links and page.scroll.isHidden()


def test_a_bad_broker_address_is_said_before_any_restart(share, qtbot) -> None:
    dialog = share.open_dialog()
    page = dialog.remote_page
    page.broker.setText("broker.example.org")
    assert not page.apply()
    assert page.status.text().startswith("Give the broker's address")
    page.broker.setText("mqtt://broker.example.org:1883")
    assert not page.apply()  # browsers need a WebSocket address
    assert "WebSockets" in page.status.text()
    assert not share.running and not share.remote.enabled
    dialog.close()


def test_remote_links_are_off_by_default_and_the_speakers_come_from_the_run_sheet(
        share) -> None:
    dialog = share.open_dialog()
    page = dialog.remote_page
    assert not share.remote.enabled and not page.enable.isChecked()
    speakers = [s.speaker for s in share.session.show.segments if s.speaker]
    assert speakers and page.speaker_names() == list(dict.fromkeys(speakers))
    assert page.status.text() == "Remote links are off: only this network sees the show."
    assert not page.scroll.isVisible()
    dialog.close()


def test_a_message_to_one_speaker_is_journaled_with_its_recipient(window, share) -> None:
    session = window.session
    rk.remote_links(session, ["Amina El Idrissi", "Jonas Weber"])
    live = window.features["live"]
    bar = live.messages
    assert bar.recipient.isHidden()  # no remote links shown yet: no choice to make
    line = {"event": "remote", "status": "connected", "message": "", "broker": "ws://b/mqtt",
            "links": json.loads(json.dumps(rk.links_json(rk.remote_links(session), "ws://b/mqtt")))}
    share.remote.enabled = True
    share.server.remote.emit(line)
    assert not bar.recipient.isHidden()
    assert [bar.recipient.itemText(i) for i in range(bar.recipient.count())] == [
        "All speakers", "Amina El Idrissi", "Jonas Weber"]
    bar.recipient.setCurrentIndex(1)
    bar.text.setText("Your mic is muted")
    bar.send_text()
    last = session.file.actions(0)[-1]
    assert last.type == ActionType.MESSAGE
    assert last.payload["to"] == "amina-el-idrissi"
    assert last.payload["text"] == "Your mic is muted"
    assert session.engine.message is None  # the shared stage display shows nothing
    assert session.engine.direct["amina-el-idrissi"].text == "Your mic is muted"
    # Clear with Amina chosen clears only hers.
    bar.recipient.setCurrentIndex(0)
    bar.text.setText("Two minutes")
    bar.send_text()
    bar.recipient.setCurrentIndex(1)
    live.clear_message()
    last = session.file.actions(0)[-1]
    assert last.type == ActionType.CLEAR_MESSAGE and last.payload == {"to": "amina-el-idrissi"}
    assert session.engine.message.text == "Two minutes"
    assert "amina-el-idrissi" not in session.engine.direct


def test_the_password_file_is_0600_even_with_a_lax_umask() -> None:
    from moderator_app.ui.remote_share import write_secret

    old = os.umask(0)
    try:
        path = write_secret(BROKER_SECRET, "s3cret")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.read_text() == "s3cret"


@pytest.mark.slow
def test_the_remote_links_tab_follows_a_switch_to_french(qtbot, share, window,
                                                         mosquitto) -> None:
    from PySide6.QtWidgets import QWidget

    from moderator_app.ui.i18n import current_language, install_language
    from tests.ui.test_runtime_language import english_sources, visible_texts

    previous = current_language()
    install_language("en")
    try:
        window.resize(1366, 740)
        window.show()
        dialog, page = turn_on(share, qtbot, mosquitto)
        qtbot.waitUntil(lambda: connected_with_links(share), timeout=START_MS)
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
        assert page.status.text().startswith("Broker connecté : ")
        assert page.rows["amina-el-idrissi"].title.text() == "Intervenant : Amina El Idrissi"
        assert page.rows["amina-el-idrissi"].who.text() == "Personne n’a encore ouvert ce lien."
        assert dialog.roles.tabText(dialog.roles.indexOf(page)) == "Liens à distance"
        bar = window.features["live"].messages
        assert bar.recipient.itemText(0) == "Tous les intervenants"
    finally:
        install_language(previous)


def test_a_speakers_page_is_saved_as_one_file(window, share, tmp_path) -> None:
    session = window.session
    links = rk.links_json(rk.remote_links(session, ["Amina El Idrissi"]), "ws://b:9001/mqtt")
    share.remote.enabled = True
    share.server.remote.emit({"event": "remote", "status": "connected", "message": "",
                              "broker": "ws://b:9001/mqtt", "links": links})
    dialog = share.open_dialog()
    rows = dialog.remote_page.rows
    assert not rows["amina-el-idrissi"].save.isHidden()
    assert rows["producer"].save.isHidden()  # a file never holds control
    target = tmp_path / "amina.html"
    assert rows["amina-el-idrissi"].save_to(str(target))
    fragment = next(lk["fragment"] for lk in links if lk["id"] == "amina-el-idrissi")
    text = target.read_text(encoding="utf-8")
    assert rk.parse_fragment(fragment)["k"] in text and fragment in text and "<script" in text
    assert rows["amina-el-idrissi"].copied.text() == "Saved: amina.html"
    # A folder that is not there: one line, nothing written.
    assert not rows["amina-el-idrissi"].save_to(str(tmp_path / "gone" / "amina.html"))
    said = rows["amina-el-idrissi"].copied.text()
    assert said.startswith("Not saved: ") and "\n" not in said
    dialog.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a read-only tmpfs needs root")
def test_a_config_folder_that_cannot_be_written_is_one_line_and_nothing_starts(
        share, tmp_path, monkeypatch) -> None:
    import subprocess

    folder = tmp_path / "config"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        monkeypatch.setenv("MODERATOR_APP_CONFIG_DIR", str(folder))
        dialog = share.open_dialog()
        page = dialog.remote_page
        page.broker.setText("ws://127.0.0.1:9/mqtt")
        page.user.setText("console")
        page.password.setText("pw")
        assert not page.apply()
        text = page.status.text()
        assert text.startswith(f"The password could not be saved in {folder}/remote (")
        assert text.endswith("remote links are not on.") and "\n" not in text
        assert not share.running and not share.remote.enabled
        assert page.password.text() == "pw"  # kept for another try
        dialog.close()
    finally:
        subprocess.run(["umount", str(folder)], check=True)
