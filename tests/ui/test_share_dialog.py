"""Share on network…: the dialog runs the real ``serve --machine`` as a child process,
shows every role's links with QR codes, says a taken port in one line and offers a free
one, makes a new key per role (the old links stop working), and never leaves the server
behind: stopped with the window, said in one line when it dies."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QProcess, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.network_share import NetworkShare
from moderator_app.ui.server_process import (
    MAX_LINE,
    free_port_after,
    launch_command,
    listening_of,
    parse_line,
    port_free,
    serve_arguments,
)

REPO = Path(__file__).resolve().parents[2]
START_S = 30_000  # ms: the child imports aiohttp on a loaded 2-core machine


def get(url: str) -> int:
    """The HTTP status of a GET on the loopback (the server listens on every address)."""
    parts = urlsplit(url)
    local = parts._replace(netloc=f"127.0.0.1:{parts.port}").geturl()
    try:
        with urllib.request.urlopen(local, timeout=10) as reply:
            return reply.status
    except urllib.error.HTTPError as exc:
        return exc.code


def token(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


@pytest.fixture
def share(window: MainWindow) -> Iterator[NetworkShare]:
    share = window.features["sharing"]
    yield share
    share.server.stop_now()


def start(share: NetworkShare, qtbot, port: int | None = None, **options) -> None:
    dialog = share.open_dialog()
    dialog.port.setValue(port or free_port_after(24000))
    dialog.osc.setChecked(options.get("osc", False))
    dialog.ask.setChecked(options.get("ask", False))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: share.info is not None or bool(share.problem), timeout=START_S)


# -- the machine lines ------------------------------------------------------------------------
def test_machine_lines_are_read_and_anything_else_is_ignored(monkeypatch) -> None:
    line = {
        "event": "listening",
        "host": "0.0.0.0",
        "port": 4001,
        "osc_port": None,
        "addresses": ["192.168.1.20"],
        "links": {"view": {"timer": "http://x/timer?token=t"}},
    }
    data = parse_line(json.dumps(line).encode() + b"\n")
    info = listening_of(data)
    assert (info.port, info.address, info.links["view"]["timer"]) == (
        4001, "192.168.1.20", "http://x/timer?token=t")  # fmt: skip
    assert parse_line(b'{"event": "error", "message": "port 4001 is in use"}')["event"] == "error"
    for junk in (b"", b"Serving on port 4001", b"{broken", b"[1, 2]", b'{"no": "event"}',
                 b'{"event": 3}', b"{" + b" " * MAX_LINE + b"}"):  # fmt: skip
        assert parse_line(junk) is None, junk
    assert listening_of({"event": "listening", "port": "many"}) is None
    assert listening_of({"event": "listening", "port": 1, "links": {"view": "x"}}).links == {}
    assert not info.tokens_for_this_run
    assert listening_of(
        {**line, "tokens_note": "tokens valid for this run only"}
    ).tokens_for_this_run
    program, launched = launch_command(Path("a.show"), 4002, osc=False, ask=False)
    assert program == sys.executable and launched[-5:] == ["serve", "a.show", "--port", "4002",
                                                           "--machine"]  # fmt: skip
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the desktop bundle
    assert launch_command(Path("a.show"), 4002, False, False)[1] == [
        "serve", "a.show", "--port", "4002", "--machine"]  # fmt: skip
    args = serve_arguments("a.show", 4002, osc=True, ask=True)
    assert args == ["-m", "moderator_app", "serve", "a.show", "--port", "4002", "--machine",
                    "--osc", "--ask"]  # fmt: skip


def test_a_port_in_use_is_seen_and_the_next_free_one_found() -> None:
    taken = socket.socket()
    taken.bind(("0.0.0.0", 0))
    taken.listen()
    try:
        port = taken.getsockname()[1]
        assert not port_free(port)
        other = free_port_after(port)
        assert other is not None and other > port and port_free(other)
    finally:
        taken.close()
    assert port_free(port)


# -- the real server -----------------------------------------------------------------------------
@pytest.mark.slow
def test_sharing_runs_the_server_and_shows_each_roles_links(
    window: MainWindow, share: NetworkShare, qtbot
) -> None:
    assert share.indicator.text() == "Share on network…"  # off by default
    assert not share.running
    start(share, qtbot, ask=True)
    info = share.info
    assert info is not None, share.problem
    dialog = share.dialog
    assert dialog.status.text() == f"Shared on {info.address}:{info.port}"
    assert share.indicator.text() == f"Shared on {info.address}:{info.port}"
    assert info.address in dialog.addresses.text()
    names = {role: [row.name for row in page.rows] for role, page in dialog.role_pages.items()}
    assert names == {"view": ["timer", "overlay"], "producer": ["backstage", "cuesheet",
                     "questions"], "control": ["api"], "ask": ["ask"]}  # fmt: skip
    for page in dialog.role_pages.values():
        for row in page.rows:
            assert not row.qr.pixmap().isNull() and row.qr.pixmap().width() > 80
            assert row.link.text() == row.url and row.link.textFormat() == Qt.TextFormat.PlainText
    timer = dialog.role_pages["view"].rows[0]
    qtbot.mouseClick(timer.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == timer.url
    api = info.links["control"]["api"]
    assert get(api.replace("/api/?", "/api/poll?")) == 200  # the link works
    pid = share.server.process.processId()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not share.running, timeout=START_S)
    assert share.indicator.text() == "Share on network…"
    assert not dialog.role_pages["view"].rows
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.slow
def test_a_taken_port_is_said_in_one_line_and_a_free_one_is_offered(
    window: MainWindow, share: NetworkShare, qtbot
) -> None:
    taken = socket.socket()
    taken.bind(("0.0.0.0", 0))
    taken.listen()
    try:
        port = taken.getsockname()[1]
        start(share, qtbot, port=port)
        dialog = share.dialog
        qtbot.waitUntil(lambda: not share.running, timeout=START_S)
        assert share.info is None and share.port_taken
        line = f"Port {port} is in use by another program: choose another port, or use a free one."
        assert dialog.status.text() == line and "\n" not in line
        assert share.indicator.text() == line
        assert dialog.free_port.isVisible()
        qtbot.mouseClick(dialog.free_port, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: share.info is not None, timeout=START_S)
        assert dialog.port.value() == share.info.port != port
        assert not dialog.free_port.isVisible()
    finally:
        taken.close()


@pytest.mark.slow
def test_a_new_key_revokes_the_old_links(window: MainWindow, share: NetworkShare, qtbot) -> None:
    start(share, qtbot)
    old = share.info.links["view"]["timer"]
    poll = old.replace("/timer?", "/api/poll?")
    assert get(poll) == 200
    page = share.dialog.role_pages["view"]
    qtbot.mouseClick(page.regenerate, Qt.MouseButton.LeftButton)
    box = share.dialog.findChild(QMessageBox, "RegenerateKey")
    assert box is not None and box.isVisible()
    make = next(b for b in box.buttons() if b.text() == "Make a new key")
    qtbot.mouseClick(make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: share.info is not None and share.info.links["view"]["timer"] != old,
                    timeout=START_S)  # fmt: skip
    new = share.info.links["view"]["timer"]
    assert token(new) != token(old)
    assert page.rows[0].url == new
    assert get(poll) == 401  # the old link no longer works
    assert get(new.replace("/timer?", "/api/poll?")) == 200
    other = share.info.links["producer"]["backstage"]
    assert get(other.replace("/backstage?", "/api/poll?")) == 200  # other roles keep theirs


@pytest.mark.slow
def test_a_server_that_dies_is_said_in_one_line(
    window: MainWindow, share: NetworkShare, qtbot
) -> None:
    start(share, qtbot)
    os.kill(share.server.process.processId(), signal.SIGKILL)  # the real fault
    qtbot.waitUntil(lambda: not share.running and bool(share.problem), timeout=START_S)
    text = share.indicator.text()
    assert text.startswith("Sharing stopped: the network server") and "\n" not in text
    assert share.indicator.styleSheet().startswith("color:#c62828")  # red, and it stays
    assert share.dialog.status.text() == text


@pytest.mark.slow
def test_closing_the_window_stops_the_server(window: MainWindow, share: NetworkShare, qtbot):
    """Another show opened or the console closed: the server goes, without the window
    waiting for it (quitting the application waits for it: see below)."""
    start(share, qtbot)
    process = share.server.process
    pid = process.processId()
    window.close()
    assert process.state() != QProcess.ProcessState.NotRunning  # asked, not waited for
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.NotRunning, timeout=5000)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone and reaped, not left behind


@pytest.mark.slow
def test_options_restart_the_server(window: MainWindow, share: NetworkShare, qtbot) -> None:
    start(share, qtbot)
    assert "ask" not in share.info.links
    assert not share.dialog.role_pages["ask"].empty.isHidden()  # "Audience questions are off"
    first = share.server.process.processId()
    share.dialog.ask.setChecked(True)
    share.dialog.osc.setChecked(True)
    assert share.dialog.start_button.text() == "Apply and restart"
    qtbot.mouseClick(share.dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: share.info is not None and "ask" in share.info.links,
                    timeout=START_S)  # fmt: skip
    assert share.server.process.processId() != first
    assert share.info.osc_port is not None
    assert [r.name for r in share.dialog.role_pages["ask"].rows] == ["ask"]


CONSOLE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from moderator_app.ui.app import ensure_application
from moderator_app.io.session import ShowSession
from moderator_app.ui.main_window import MainWindow
app = ensure_application()
session = ShowSession.open(sys.argv[1])
window = MainWindow(session)
share = window.features["sharing"]
share.server.listening.connect(
    lambda info: print("server", share.server.process.processId(), flush=True))
share.start(int(sys.argv[2]), False, False)
app.exec()
"""


def alive(pid: int) -> bool:
    """Running (a zombie left for a parent that never reaps is not running)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_console_killed_outright_takes_its_server_with_it(show_path, tmp_path) -> None:
    console = subprocess.Popen(
        [sys.executable, "-c", CONSOLE, str(show_path), str(free_port_after(27000))],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "MODERATOR_APP_CONFIG_DIR": str(tmp_path)},
    )  # fmt: skip
    server = None
    try:
        line = console.stdout.readline()
        assert line.startswith("server "), line
        server = int(line.split()[1])
        assert alive(server)
        console.send_signal(signal.SIGKILL)  # the real fault: no closeEvent, no aboutToQuit
        console.wait(10)
        deadline = time.monotonic() + 10
        while alive(server) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(server), "the server outlived the console"
    finally:
        console.kill()
        console.wait(10)
        if server is not None and alive(server):
            os.kill(server, signal.SIGKILL)  # a failed test leaves no server behind


@pytest.fixture
def readonly_show(tmp_path, seed_show) -> Iterator[Path]:
    """A show file on a real read-only filesystem (a small tmpfs remounted read-only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only tmpfs needs root")
    from moderator_app.io.showfile import ShowFile

    mount = tmp_path / "ro"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    try:
        ShowFile.create(mount / "a.show", seed_show).close()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "a.show"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_a_read_only_show_is_shared_with_links_for_this_run(qtbot, readonly_show, clock):
    from moderator_app.io.session import ShowSession

    session = ShowSession.open(readonly_show, clock=clock)
    window = MainWindow(session)
    qtbot.addWidget(window)
    share = window.features["sharing"]
    try:
        start(share, qtbot)
        assert share.info is not None, share.problem
        assert share.info.tokens_for_this_run
        assert "only until sharing stops" in share.dialog.addresses.text()
        assert get(share.info.links["control"]["api"].replace("/api/?", "/api/poll?")) == 200
        assert not share.regenerate("view")  # nowhere to keep a new key: said, not pretended
        said = "The new key could not be saved in the show file"
        assert window.statusBar().currentMessage().startswith(said)
        assert share.dialog.status.text().startswith(said)
        assert share.indicator.text() == f"Shared on {share.info.address}:{share.info.port}"
    finally:
        share.server.stop_now()
        window.close()
        session.close()


@pytest.mark.slow
def test_quitting_the_application_waits_for_the_server(window, share: NetworkShare, qtbot):
    start(share, qtbot)
    pid = share.server.process.processId()
    QGuiApplication.instance().aboutToQuit.emit()  # what quit() sends before returning
    assert not share.running
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
