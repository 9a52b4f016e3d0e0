"""What the broker learns and survives: a subscriber without the keys sees only
ciphertext; no key reaches the broker (its full log and every message); a broker killed
and restarted mid-show: the bridge reconnects, republishes the retained state, and no
acknowledged command is missing from the journal; bad broker settings give one line and
the local server keeps answering."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import subprocess
import sys
import urllib.request
from urllib.parse import parse_qs, urlsplit

import aiomqtt
import pytest

from moderator_app.app import remote_keys as rk
from moderator_app.app.show import open_show
from moderator_app.core.actions import NOTE_SENT
from tests.conftest import REPO
from tests.remote.broker import USERS
from tests.remote.page import Page
from tests.remote.serving import connected, fragments, serving
from tests.server.helpers import run


@contextlib.asynccontextmanager
async def spy(broker):
    """A broker user subscribed to everything, keeping every raw message."""
    seen: list[tuple[str, bytes]] = []
    async with aiomqtt.Client("127.0.0.1", broker.port, username="spy",
                              password=USERS["spy"]) as client:
        await client.subscribe("#", qos=1)

        async def read() -> None:
            async for message in client.messages:
                seen.append((message.topic.value, bytes(message.payload or b"")))

        task = asyncio.create_task(read())
        try:
            yield seen
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def _key_forms(bridge) -> list[bytes]:
    forms = []
    for link in bridge.links:
        text = rk.key_text(link.key)
        forms += [link.key, text.encode(), base64.b64encode(link.key),
                  base64.b64encode(link.key).rstrip(b"=")]
    return forms


def test_broker_sees_only_ciphertext_and_never_a_key(show_path, mosquitto) -> None:
    secret_message = "Confidentiel : on coupe la session Q&R"
    note = "Note privée pour la régie"

    async def go() -> tuple[list, list[bytes], list[str]]:
        async with spy(mosquitto) as seen, serving(show_path, mosquitto,
                                                   speakers=["Amina"]) as (_s, bridge, _):
            await connected(bridge)
            frags = fragments(bridge)
            async with Page(mosquitto, frags["control"], tail=("state", "notes")) as page:
                await page.sync()
                assert (await page.command("start"))["status"] == 202
                assert (await page.command("message", {"text": secret_message}))["status"] == 202
                assert (await page.command("note", {"text": note}))["status"] == 202
                await page.next("notes", lambda m: any(i["text"] == note for i in m["items"]))
                await page.next("state", lambda m: m["poll"]["message"] == secret_message)
            await asyncio.sleep(0.3)
            titles = [seg.title for seg in open_show(show_path).show.segments]
            return list(seen), _key_forms(bridge), titles

    seen, keys, titles = run(go())
    topics = {topic for topic, _ in seen}
    assert any(t.endswith("/state") for t in topics) and any("/cmd/" in t for t in topics)
    assert any(t.endswith("/notes") for t in topics)
    plain = [secret_message, note, *titles, "running", "frames", "headline"]
    for topic, payload in seen:
        for word in plain:
            assert word.encode() not in payload, (topic, word)
            assert word not in topic
        for key in keys:
            assert key not in payload, topic
    log = mosquitto.log_text()
    assert "PUBLISH" in log or "Received PUBLISH" in log  # log_type all: it logs messages
    for key in keys:
        assert key.decode("latin-1") not in log
    for word in (secret_message, note):
        assert word not in log


@pytest.mark.slow
def test_broker_restart_mid_show_loses_no_acknowledged_command(show_path, mosquitto) -> None:
    async def go() -> tuple[set[int], list[str]]:
        acknowledged: set[int] = set()
        async with serving(show_path, mosquitto) as (_s, bridge, events):
            await connected(bridge)
            frag = fragments(bridge)["producer"]
            i = 0

            async def send_until(stop_at: int) -> None:
                nonlocal i
                async with Page(mosquitto, frag) as page:
                    await page.sync()
                    while i < stop_at:
                        i += 1
                        reply = await page.command("note", {"text": f"cmd-{i}"}, timeout=3)
                        if reply["status"] == 202:
                            acknowledged.add(i)

            await send_until(15)
            # Commands in flight while the broker dies: some may be lost, unacknowledged.
            async with Page(mosquitto, frag) as page:
                await page.sync()
                for _ in range(5):
                    i += 1
                    await page.publish("cmd", page.command_message(
                        "note", {"text": f"cmd-{i}"}), qos=1)
                mosquitto.kill()
                with contextlib.suppress(Exception):
                    await page.next("reply", timeout=0.5)
            mosquitto.start()
            await asyncio.wait_for(_reconnected(bridge), 10)
            async with Page(mosquitto, fragments(bridge)["view"]) as late:
                state = await late.next("state", timeout=1.5)  # republished, retained
                assert state["tag"] == "state"
            await send_until(30)
            assert bridge.reconnects >= 2
            statuses = [e["status"] for e in events if e["event"] == "remote"]
            assert statuses[-1] == "connected" and "down" in statuses
        return acknowledged, _notes(show_path)

    acknowledged, notes = run(go())
    assert len(acknowledged) >= 25
    journaled = {int(text.split("-")[1]) for text in notes}
    assert acknowledged - journaled == set()  # remote_actions_lost == 0
    assert len(notes) == len(journaled)  # and none was run twice


async def _reconnected(bridge) -> None:
    while not (bridge.connected.is_set() and bridge.reconnects >= 2):
        await asyncio.sleep(0.02)


def _notes(show_path) -> list[str]:
    s = open_show(show_path)
    try:
        return [a.payload["text"] for a in s.file.actions(types=(NOTE_SENT,))]
    finally:
        s.close()


def _serve(show_path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "moderator_app", "serve", str(show_path), "--host", "127.0.0.1",
         "--port", "0", "--machine", *extra],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _lines_until(proc: subprocess.Popen, predicate, limit: int = 10) -> list[dict]:
    lines = []
    for _ in range(limit):
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(json.loads(line))
        if predicate(lines[-1]):
            return lines
    raise AssertionError(f"not seen in {lines}; stderr: {proc.stderr.read()}")


def _poll_answers(listening: dict) -> None:
    url = listening["links"]["view"]["timer"]
    token = parse_qs(urlsplit(url).query)["token"][0]
    with urllib.request.urlopen(
            f"http://127.0.0.1:{listening['port']}/api/poll?token={token}", timeout=5) as r:
        assert r.status == 200 and "payload" in json.loads(r.read())


@pytest.mark.slow
@pytest.mark.parametrize("case", ["credentials", "unreachable", "malformed", "tls"])
def test_bad_broker_settings_give_one_line_and_the_lan_server_answers(
        show_path, mosquitto, tmp_path, case) -> None:
    wrong = tmp_path / "wrong.password"
    wrong.write_text("not-the-password\n")
    args = {
        "credentials": ["--broker", mosquitto.url, "--browser-broker", mosquitto.ws_url,
                        "--broker-user", "bridge", "--broker-password-file", str(wrong)],
        "unreachable": ["--broker", "ws://127.0.0.1:9/mqtt"],
        "malformed": ["--broker", "wss//broker.example"],
        "tls": ["--broker", f"mqtts://127.0.0.1:{mosquitto.port}", "--browser-broker",
                mosquitto.ws_url],
    }[case]
    words = {"credentials": "refused the credentials (user bridge)",
             "unreachable": "unreachable (connection refused)",
             "malformed": "is not a broker URL", "tls": "TLS with the broker"}[case]
    proc = _serve(show_path, *args)
    try:
        lines = _lines_until(proc, lambda e: e["event"] == "remote" and e.get("message"))
        listening = next(e for e in lines if e["event"] == "listening")
        problem = lines[-1]
        assert words in problem["message"] and "\n" not in problem["message"]
        assert "Traceback" not in problem["message"]
        _poll_answers(listening)  # the local show never waits on the broker
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(10)
    assert "Traceback" not in proc.stderr.read()


@pytest.mark.slow
def test_serve_machine_lines_links_first_then_status_then_clients(show_path, mosquitto) -> None:
    proc = _serve(show_path, "--broker", mosquitto.ws_url, "--broker-user", "bridge",
                  "--broker-password-file", mosquitto.password_file("bridge"),
                  "--browser-user", "speaker", "--browser-password-file",
                  mosquitto.password_file("speaker"), "--speaker", "Amina El Idrissi",
                  "--speaker", "Jonas Weber")
    try:
        lines = _lines_until(proc, lambda e: e.get("status") == "connected")
        assert [e["event"] for e in lines] == ["listening", "remote", "remote"]
        links = lines[1]["links"]
        assert [x["id"] for x in links] == ["view", "producer", "control", "amina-el-idrissi",
                                            "jonas-weber"]
        amina = links[3]
        fields = rk.parse_fragment(amina["fragment"])
        assert fields["b"] == mosquitto.ws_url and fields["u"] == "speaker"
        assert fields["p"] == USERS["speaker"] and fields["n"] == "Amina El Idrissi"
        assert amina["pages"]["timer"] == (f"http://127.0.0.1:{lines[0]['port']}/timer#"
                                           + amina["fragment"])

        async def visit() -> None:
            async with Page(mosquitto, amina["fragment"]) as page:
                offset = await page.sync()
                await page.publish("hello", {"tag": "hello", "page": "timer",
                                             "offset_ms": offset, "rtt_ms": 2})
                await page.next("state", timeout=2)

        run(visit())
        clients = _lines_until(proc, lambda e: e["event"] == "remote-clients")[-1]["clients"]
        assert [(c["link"], c["connected"]) for c in clients] == [("amina-el-idrissi", True)]
    finally:
        proc.terminate()
        proc.wait(10)


def test_a_browser_login_cannot_overwrite_the_retained_state(show_path, mosquitto) -> None:
    """With the README's ACL a speaker's broker login publishes only requests: a forged
    or empty retained state (an attempt to blank everyone's screen) never lands."""
    async def go() -> None:
        async with serving(show_path, mosquitto) as (_s, bridge, _e):
            await connected(bridge)
            frag = fragments(bridge)["view"]
            async with Page(mosquitto, frag) as vandal:
                await vandal.next("state", timeout=2)
                await vandal.client.publish(vandal.topic("state"), b"", qos=1, retain=True)
                await vandal.client.publish(vandal.topic("state"), b"z" * 64, qos=1,
                                            retain=True)
            await asyncio.sleep(0.2)
            async with Page(mosquitto, frag) as later:  # would fail to open a forgery
                assert (await later.next("state", timeout=1))["tag"] == "state"

    run(go())


@pytest.mark.slow
def test_tls_broker_with_its_ca_connects_without_it_one_line(show_path, mosquitto_tls) -> None:
    broker = mosquitto_tls
    common = ["--broker", f"mqtts://127.0.0.1:{broker.tls_port}", "--browser-broker",
              broker.ws_url, "--broker-user", "bridge", "--broker-password-file",
              broker.password_file("bridge")]
    for extra, wanted in ((["--broker-ca", str(broker.ca)], "connected"), ([], "down")):
        proc = _serve(show_path, *common, *extra)
        try:
            lines = _lines_until(proc, lambda e: e.get("status") in ("connected", "down"))
            assert lines[-1]["status"] == wanted, lines[-1]
            if wanted == "down":
                assert "TLS with the broker" in lines[-1]["message"]
                assert "certificate verify failed" in lines[-1]["message"]
                _poll_answers(lines[0])
        finally:
            proc.terminate()
            proc.wait(10)
