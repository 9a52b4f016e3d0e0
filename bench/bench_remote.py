"""Remote links through a loopback Mosquitto, against the real ``serve --broker`` process.

- ``remote_push_p99_ms``: a control action (an HTTP GET to the console's server, as any
  surface makes one) until each of 50 asyncio MQTT subscribers has received the retained
  state carrying it and opened it (AES-256-GCM with the view link's key); p99 over every
  subscriber and action. Baseline, same run, same broker: a plaintext publish of the same
  size to 50 subscribers (``baseline_remote_plain_p99_ms``): what the broker costs alone.
- ``remote_actions_lost``: commands sent over the broker (a producer link's notes, sealed,
  counters, the console clock) and acknowledged, across a broker killed and restarted in
  the middle, that are missing from the journal: must be 0. ``remote_actions_acked``
  says how many were acknowledged.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import aiomqtt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIGURES = (
    "remote_push_p99_ms", "remote_push_median_ms", "baseline_remote_plain_p99_ms",
    "remote_subscribers", "remote_state_bytes", "remote_actions_acked", "remote_actions_sent",
    "remote_actions_lost",
)  # fmt: skip
SUBSCRIBERS = 50


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


class Subscriber:
    """One remote page: subscribes to a channel and opens every state with the key."""

    def __init__(self, broker, topic: str, key: bytes | None) -> None:
        self.broker, self.topic, self.key = broker, topic, key
        self.seen: dict[int, float] = {}  # seq (or the plain message's number) -> when
        self.ready = asyncio.Event()

    async def run(self) -> None:
        from moderator_app.app import remote_keys as rk
        from tests.remote.broker import USERS

        async with aiomqtt.Client("127.0.0.1", self.broker.port, username="speaker",
                                  password=USERS["speaker"]) as client:
            await client.subscribe(self.topic)
            self.ready.set()
            async for message in client.messages:
                payload = bytes(message.payload or b"")
                if self.key is None:
                    number = int(payload[:10])
                else:
                    number = rk.open_sealed(self.key, message.topic.value, payload)["seq"]
                self.seen.setdefault(number, time.perf_counter())


async def _subscribers(broker, topic: str, key: bytes | None):
    subs = [Subscriber(broker, topic, key) for _ in range(SUBSCRIBERS)]
    tasks = [asyncio.create_task(s.run()) for s in subs]
    await asyncio.wait_for(asyncio.gather(*(s.ready.wait() for s in subs)), 30)
    return subs, tasks


async def _stop(tasks) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def _wait_all(subs, number: int, t0: float) -> list[float]:
    deadline = time.monotonic() + 5
    while any(number not in s.seen for s in subs) and time.monotonic() < deadline:
        await asyncio.sleep(0.001)
    return [(s.seen[number] - t0) * 1000 for s in subs if number in s.seen]


async def _push(broker, listening: dict, remote: dict, quick: bool) -> dict[str, float]:
    from moderator_app.app import remote_keys as rk
    from tests.remote.broker import USERS

    view = next(link for link in remote["links"] if link["id"] == "view")
    fields = rk.parse_fragment(view["fragment"])
    key = rk.key_bytes(fields["k"])
    base = f"http://127.0.0.1:{listening['port']}"
    control = listening["links"]["control"]["api"].split("token=")[1]
    rounds = 10 if quick else 40
    out: dict[str, float] = {}
    subs, tasks = await _subscribers(broker, fields["t"] + "/state", key)
    lags: list[float] = []
    size = 0
    async with aiohttp.ClientSession() as http:
        await asyncio.sleep(0.5)
        for i in range(rounds):
            t0 = time.perf_counter()
            async with http.get(f"{base}/api/message/timer/text/bench {i}",
                                params={"token": control}) as r:
                seq = (await r.json())["payload"]["seq"]
            lags += await _wait_all(subs, seq, t0)
            await asyncio.sleep(0.05)
    await _stop(tasks)
    out["remote_push_p99_ms"] = round(_p99(lags), 2)
    out["remote_push_median_ms"] = round(statistics.median(lags), 2)
    out["remote_subscribers"] = SUBSCRIBERS

    # Baseline: the same fan-out of a plaintext message of a state's size.
    async with aiomqtt.Client("127.0.0.1", broker.port, username="speaker",
                              password=USERS["speaker"]) as probe:
        await probe.subscribe(fields["t"] + "/state")
        async for message in probe.messages:
            size = len(message.payload)
            break
    topic = "mod/bench/plain/state"
    subs, tasks = await _subscribers(broker, topic, None)
    plain = []
    async with aiomqtt.Client("127.0.0.1", broker.port, username="bridge",
                              password=USERS["bridge"]) as publisher:
        await asyncio.sleep(0.5)
        for i in range(1, rounds + 1):
            payload = f"{i:010d}".encode() + b"x" * max(0, size - 10)
            t0 = time.perf_counter()
            await publisher.publish(topic, payload, qos=0, retain=True)
            plain += await _wait_all(subs, i, t0)
            await asyncio.sleep(0.05)
    await _stop(tasks)
    out["baseline_remote_plain_p99_ms"] = round(_p99(plain), 2)
    out["remote_state_bytes"] = size
    return out


async def _restart(broker, remote: dict, quick: bool) -> tuple[set[int], int]:
    from tests.remote.page import Page

    frag = next(link for link in remote["links"] if link["id"] == "producer")["fragment"]
    acked: set[int] = set()
    i = 0
    total = 40 if quick else 200

    async def send(until: int) -> None:
        nonlocal i
        for _attempt in range(50):
            try:
                async with Page(broker, frag) as page:
                    await page.sync()
                    while i < until:
                        i += 1
                        try:
                            reply = await page.command("note", {"text": f"cmd-{i}"}, timeout=2)
                        except TimeoutError:
                            continue  # unacknowledged: it may or may not be in the journal
                        if reply["status"] == 202:
                            acked.add(i)
                return
            except aiomqtt.MqttError:
                await asyncio.sleep(0.2)  # the broker is down: the page reconnects

    async def chaos() -> None:
        await asyncio.sleep(1.0)
        broker.kill()
        await asyncio.sleep(0.5)
        broker.start()

    sender = asyncio.create_task(send(total))
    await chaos()
    await sender
    return acked, i


def run(quick: bool = False) -> dict[str, float]:
    from moderator_app.app.show import Role, create_show, open_show
    from moderator_app.core.actions import NOTE_SENT
    from tests.remote.broker import MOSQUITTO, Mosquitto

    if not os.path.exists(MOSQUITTO):
        raise RuntimeError(f"needs Mosquitto ({MOSQUITTO})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "broker"
        folder.mkdir()
        broker = Mosquitto(folder)
        broker.start()
        show = Path(tmp) / "bench.show"
        create_show(show)
        proc = subprocess.Popen(
            [sys.executable, "-m", "moderator_app", "serve", str(show), "--host", "127.0.0.1",
             "--port", "0", "--machine", "--broker", broker.url, "--browser-broker",
             broker.ws_url, "--broker-user", "bridge", "--broker-password-file",
             broker.password_file("bridge")],
            cwd=ROOT, stdout=subprocess.PIPE, text=True)
        try:
            listening = json.loads(proc.stdout.readline())
            remote = json.loads(proc.stdout.readline())
            if listening.get("event") != "listening" or remote.get("event") != "remote":
                raise RuntimeError(f"serve --broker did not start: {listening} {remote}")
            figures = asyncio.run(_push(broker, listening, remote, quick))
            acked, sent = asyncio.run(_restart(broker, remote, quick))
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            broker.kill()
        session = open_show(show, role=Role.COMMAND)
        try:
            notes = {a.payload["text"] for a in session.file.actions(types=(NOTE_SENT,))}
        finally:
            session.close()
        journaled = {int(text.split("-")[1]) for text in notes}
        figures["remote_actions_acked"] = len(acked)
        figures["remote_actions_sent"] = sent
        figures["remote_actions_lost"] = len(acked - journaled)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
