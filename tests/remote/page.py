"""A remote page in Python (what remote.js does in a browser): from a link's fragment,
subscribe to its channel, open what arrives with the link's key, sync the clock over
ping/pong, send sealed commands with a counter and the console's clock."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time

import aiomqtt

from moderator_app.app import remote_keys as rk
from tests.remote.broker import USERS, Mosquitto


class Page:
    def __init__(self, broker: Mosquitto, fragment: str, *, user: str = "speaker",
                 tail: tuple[str, ...] = ("state",)) -> None:
        fields = rk.parse_fragment(fragment)
        self.broker, self.channel, self.key = broker, fields["t"], rk.key_bytes(fields["k"])
        self.cid = secrets.token_urlsafe(9).replace("-", "a").replace("_", "b")
        self.user, self.tail = user, tail
        self.inbox: dict[str, asyncio.Queue] = {}
        self.offset_ms = 0.0
        self.n = 0
        self.ident = 0
        self.client: aiomqtt.Client | None = None
        self._reader: asyncio.Task | None = None
        self._stack = contextlib.AsyncExitStack()

    def topic(self, *tail: str) -> str:
        return "/".join((self.channel, *tail))

    async def __aenter__(self) -> Page:
        self.client = await self._stack.enter_async_context(aiomqtt.Client(
            "127.0.0.1", self.broker.port, username=self.user, password=USERS[self.user],
            timeout=5))
        for tail in self.tail:
            await self.client.subscribe(self.topic(tail))
        for kind in ("reply", "pong"):
            await self.client.subscribe(self.topic(kind, self.cid), qos=1)
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc) -> None:
        if self._reader:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        with contextlib.suppress(Exception):
            await self._stack.aclose()

    async def _read(self) -> None:
        assert self.client is not None
        async for message in self.client.messages:
            topic = message.topic.value
            if not message.payload:
                continue
            data = rk.open_sealed(self.key, topic, bytes(message.payload))
            kind = topic[len(self.channel) + 1:].split("/")[0]
            self.inbox.setdefault(kind, asyncio.Queue()).put_nowait(data)

    async def next(self, kind: str, predicate=lambda m: True, timeout: float = 5.0) -> dict:
        queue = self.inbox.setdefault(kind, asyncio.Queue())

        async def wait() -> dict:
            while True:
                data = await queue.get()
                if predicate(data):
                    return data

        return await asyncio.wait_for(wait(), timeout)

    async def sync(self, rounds: int = 5) -> float:
        """The console's clock offset from the best of ``rounds`` ping/pongs (ms)."""
        best = None
        for _ in range(rounds):
            self.ident += 1
            t0 = time.time() * 1000
            await self.publish("ping", {"tag": "ping", "id": self.ident, "t0": t0})
            pong = await self.next("pong", lambda m, i=self.ident: m["id"] == i)
            t3 = time.time() * 1000
            # A browser reads its send time back from the pong (Date.now(), ~1.8e12 ms).
            assert pong["t0"] == t0, f"the pong echoed t0 as {pong['t0']!r}, sent {t0!r}"
            if best is None or t3 - t0 < best[0]:
                best = (t3 - t0, pong["server_us"] / 1000 - (t0 + t3) / 2)
        assert best is not None
        self.offset_ms = best[1]
        return self.offset_ms

    async def publish(self, kind: str, message: dict, qos: int = 0) -> bytes:
        assert self.client is not None
        topic = self.topic(kind, self.cid)
        payload = rk.seal(self.key, topic, message)
        await self.client.publish(topic, payload, qos=qos)
        return payload

    def command_message(self, tag: str, payload: dict | None = None, **extra) -> dict:
        self.n += 1
        self.ident += 1
        return {"tag": tag, "id": self.ident, "payload": payload or {},
                "ts_ms": round(time.time() * 1000 + self.offset_ms), "n": self.n, **extra}

    async def command(self, tag: str, payload: dict | None = None, timeout: float = 5.0,
                      **extra) -> dict:
        message = self.command_message(tag, payload, **extra)
        await self.publish("cmd", message, qos=1)
        return await self.next("reply", lambda m: m["id"] == message["id"], timeout)
