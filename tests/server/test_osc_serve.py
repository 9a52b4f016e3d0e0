"""OSC over UDP with python-osc's client on loopback, and the ``serve`` command run as a
real process: the --machine lines, a taken port, a missing show, stopping on SIGTERM."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from pythonosc.osc_bundle_builder import OscBundleBuilder
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.udp_client import SimpleUDPClient

from moderator_app.app.show import Role, open_show
from moderator_app.server.osc import osc_path
from moderator_app.server.runner import ServeError, Server
from tests.conftest import REPO
from tests.server.helpers import run


def _journal(show_path) -> list:
    s = open_show(show_path, role=Role.COMMAND)
    try:
        return s.file.actions()
    finally:
        s.close()


async def _until(show_path, count: int, timeout: float = 3.0) -> list:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        actions = await asyncio.to_thread(_journal, show_path)
        if len(actions) >= count:
            return actions
        await asyncio.sleep(0.02)
    raise AssertionError(f"only {len(actions)} actions journaled")


def test_osc_paths() -> None:
    assert osc_path("/moderator/start/index", [3]) == ["start", "index", "3"]
    assert osc_path("/ontime/addtime/add", [60000]) == ["addtime", "add", "60000"]
    assert osc_path("/ontime/message/timer/visible", [True]) == ["message", "timer", "visible", "true"]
    assert osc_path("/other/start", []) is None


def test_osc_controls_the_show_and_garbage_is_dropped(show_path) -> None:
    async def go() -> None:
        server = Server(show_path, host="127.0.0.1", port=0, osc_port=0)
        await server.start()
        try:
            osc = SimpleUDPClient("127.0.0.1", server.osc_port)
            osc.send_message("/moderator/start", [])
            await _until(show_path, 1)
            raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            raw.sendto(b"\x00garbage, not OSC", ("127.0.0.1", server.osc_port))
            raw.sendto(b"#bundle\x00" + b"\xff" * 40, ("127.0.0.1", server.osc_port))
            raw.close()
            osc.send_message("/ontime/start/next", [])
            await _until(show_path, 2)
            osc.send_message("/moderator/addtime/add", [60000])
            await _until(show_path, 3)
            # A bundle dated an hour ahead is not held back (time tags are ignored).
            bundle = OscBundleBuilder(time.time() + 3600)
            msg = OscMessageBuilder("/moderator/message/timer/text")
            msg.add_arg("Wrap up")
            bundle.add_content(msg.build())
            osc.send(bundle.build())
            actions = await _until(show_path, 4, timeout=2)
            assert [a.type for a in actions] == ["start", "next", "add_time", "message"]
            assert actions[2].payload["seconds"] == 60 and actions[3].payload["text"] == "Wrap up"
            assert all(a.payload["origin"] == "network" for a in actions)
        finally:
            await server.stop()

    run(go())


def test_port_taken_is_a_clear_error(show_path) -> None:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]

    async def go() -> None:
        server = Server(show_path, host="127.0.0.1", port=port)
        with pytest.raises(ServeError, match=f"^port {port} is in use; choose another with --port$"):
            await server.start()

    try:
        run(go())
    finally:
        holder.close()


def _serve(show_path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "moderator_app", "serve", str(show_path), "--host", "127.0.0.1",
         "--port", "0", *args],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.slow
def test_serve_machine_lines_links_and_stop(show_path) -> None:
    proc = _serve(show_path, "--machine", "--ask")
    try:
        line = json.loads(proc.stdout.readline())
        assert line["event"] == "listening" and line["host"] == "127.0.0.1"
        assert line["port"] > 0 and line["osc_port"] is None
        links = line["links"]
        assert set(links) == {"view", "producer", "control", "ask"}
        assert set(links["producer"]) == {"backstage", "cuesheet", "questions"}
        api = links["control"]["api"]
        assert api.startswith(f"http://127.0.0.1:{line['port']}/api/?token=")
        poll = api.replace("/api/?", "/api/poll?")
        with urllib.request.urlopen(poll, timeout=5) as r:
            assert json.loads(r.read())["payload"]["state"] == "not_started"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
        assert proc.returncode == 0, err
        assert json.loads(out.strip().splitlines()[-1]) == {"event": "stopped"}
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_serve_port_in_use_exits_2_with_one_line(show_path) -> None:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = str(holder.getsockname()[1])
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "moderator_app", "serve", str(show_path), "--host",
             "127.0.0.1", "--port", port, "--machine"],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )
    finally:
        holder.close()
    message = f"port {port} is in use; choose another with --port"
    assert proc.returncode == 2
    assert proc.stderr == f"moderator-app: error: {message}\n"
    assert json.loads(proc.stdout) == {"event": "error", "message": message}


@pytest.mark.slow
def test_serve_missing_show_exits_2_with_one_line(tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "moderator_app", "serve", str(tmp_path / "none.show"),
         "--host", "127.0.0.1", "--port", "0"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("moderator-app: error: ") and proc.stderr.count("\n") == 1


@pytest.mark.slow
def test_serve_human_output_has_links_and_qr_codes(show_path) -> None:
    proc = _serve(show_path)
    try:
        lines = []
        while not any("Ctrl+C" in x for x in lines):
            lines.append(proc.stdout.readline())
        text = "".join(lines)
        assert "view — timer: http://127.0.0.1:" in text and "control — api:" in text
        assert "█" in text or "▀" in text  # a QR code drawn in the terminal
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=10)


# Bundles python-osc cannot parse in bounded time or depth: an element size of -4 sends its
# parser back to the same size for ever (the server's loop would spin, every view frozen);
# nesting past Python's recursion limit.
HOSTILE = {
    "negative size": b"#bundle\x00" + b"\x00" * 8 + b"\xff\xff\xff\xfc" + b"\x00" * 8,
    "size past the end": b"#bundle\x00" + b"\x00" * 8 + b"\x00\x00\x10\x00" + b"/a\x00\x00",
    "unaligned size": b"#bundle\x00" + b"\x00" * 8 + b"\x00\x00\x00\x03" + b"/a\x00\x00",
}


def _nested(levels: int) -> bytes:
    inner = b"/moderator/start\x00\x00\x00\x00,\x00\x00\x00"
    for _ in range(levels):
        inner = b"#bundle\x00" + b"\x00" * 8 + len(inner).to_bytes(4, "big") + inner
    return inner


HOSTILE["deep nesting"] = _nested(700)  # 14 KB: under the datagram limit
_FEED = """
import asyncio, sys
from moderator_app.server.osc import OscProtocol
seen = []
async def handle(parts):
    seen.append(parts)
async def main():
    protocol = OscProtocol(handle)
    protocol.datagram_received(bytes.fromhex(sys.argv[1]), ("127.0.0.1", 9))
    protocol.datagram_received(b"/moderator/start\\x00\\x00\\x00\\x00,\\x00\\x00\\x00",
                               ("127.0.0.1", 9))
    await asyncio.sleep(0)
    print(seen)
asyncio.run(main())
"""


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_bundle_is_dropped_at_once_and_the_next_message_runs(name: str) -> None:
    done = subprocess.run([sys.executable, "-c", _FEED, HOSTILE[name].hex()], cwd=REPO,
                          capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[['start']]"
    assert "Could not identify" not in done.stderr  # nothing logged per datagram
