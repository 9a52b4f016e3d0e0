"""The WebSocket clients and what is pushed to them: the state at every journal change and
~400 ms before every display flip (with the frame for the flip instant), and the rundown,
questions and notes to producers when those change."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field
from typing import Protocol

from aiohttp import web

from moderator_app.app.sharing import RANK, ShareRole, role_of
from moderator_app.server import show_thread as st
from moderator_app.server.limits import SEND_TIMEOUT_S, Bucket
from moderator_app.server.show_thread import ShowThread

PRODUCER_TAGS = ("rundown", "questions", "notes")
# Frames leave this long before the flip they carry, so a client on a slow link still
# holds the frame at the instant it must show it. A broker is such a link: Debian's
# Mosquitto holds WebSocket deliveries ~100 ms, which ate a 100 ms lead (remote pages then
# showed each flip on arrival, late, instead of at its instant on their corrected clock).
LEAD_US = 400_000
POLL_S = 0.010  # the show file's data_version, as the console polls it
TOKENS_EVERY_S = 1.0  # a token regenerated elsewhere stops working within this
REVOKED = 4001  # WebSocket close code: the link's token was regenerated


@dataclass(eq=False)
class Client:
    ws: web.WebSocketResponse
    role: ShareRole
    lang: str
    address: str
    token: str = ""
    bucket: Bucket = field(default_factory=Bucket)

    @property
    def producer(self) -> bool:
        return self.role is not ShareRole.ASK and RANK[self.role] >= RANK[ShareRole.PRODUCER]

    @property
    def viewer(self) -> bool:
        return self.role is not ShareRole.ASK


class Listener(Protocol):
    """Something else fed by the same pushes as the WebSocket clients (the broker bridge,
    server/bridge.py): the states it wants, and a hand-over that never waits."""

    def audiences(self) -> set[st.Audience]: ...

    def wants_parts(self) -> bool: ...

    def deliver(self, now_us: int, states: dict[st.Audience, dict], parts: dict[str, dict]
                ) -> None: ...


class Hub:
    def __init__(self, show: ShowThread) -> None:
        self.show = show
        self.clients: set[Client] = set()
        self._wake = asyncio.Event()
        self.push_lock = asyncio.Lock()
        self.listener: Listener | None = None

    # -- sending -----------------------------------------------------------------------
    async def send(self, client: Client, message: dict | str) -> None:
        text = message if isinstance(message, str) else json.dumps(message, ensure_ascii=False)
        try:
            async with asyncio.timeout(SEND_TIMEOUT_S):  # see follow(): never wait_for
                await client.ws.send_str(text)
        except (TimeoutError, ConnectionError, RuntimeError):
            # A client that cannot take its pushes is dropped, never waited for.
            self.clients.discard(client)
            with contextlib.suppress(Exception):
                await client.ws.close()

    async def _broadcast(self, targets: list[tuple[Client, str]]) -> None:
        if targets:
            await asyncio.gather(*(self.send(c, text) for c, text in targets))

    async def push_state(self, now_us: int | None = None, tags: set[str] = frozenset()) -> None:
        """The state (frames in each client's language) to every viewer, and the producer
        parts ``tags`` to producers; the same states and parts to the listener. Computed
        here only, once per push, for everyone."""
        clients = list(self.clients)
        listener = self.listener
        if not clients and listener is None:
            return
        now = self.show.now_us() if now_us is None else now_us
        wanted = {(c.lang, None) for c in clients if c.viewer}
        if listener is not None:
            wanted |= listener.audiences()
        states = await self.show.run(st.state_messages, now, wanted)
        parts = {}
        if any(c.producer for c in clients) or (listener is not None and listener.wants_parts()):
            for tag in tags:
                parts[tag] = await self.show.run(st.part_message, tag)
        if listener is not None:
            listener.deliver(now, states, parts)  # hands over; never waits for the broker
        texts = {lang: json.dumps(states[(lang, None)], ensure_ascii=False)
                 for lang in {c.lang for c in clients if c.viewer}}
        part_texts = [json.dumps(p, ensure_ascii=False) for p in parts.values()]
        targets = [(c, texts[c.lang]) for c in clients if c.viewer]
        targets += [(c, text) for c in clients if c.producer for text in part_texts]
        await self._broadcast(targets)

    async def push_all(self) -> None:
        """The state and every producer part now (a listener that starts or reconnects)."""
        await self._guarded_push(tags=set(PRODUCER_TAGS))

    async def welcome(self, client: Client) -> None:
        """hello, the state, and for producers every part."""
        ctx_seq = await self.show.run(lambda ctx: ctx.session.last_seq)
        await self.send(client, {
            "tag": "hello", "role": client.role.value, "lang": client.lang, "seq": ctx_seq,
            "server_us": self.show.now_us(),
        })  # fmt: skip
        if client.viewer:
            await self.send(client, await self.show.run(st.state_message, self.show.now_us(),
                                                        client.lang))
        if client.producer:
            for tag in PRODUCER_TAGS:
                await self.send(client, await self.show.run(st.part_message, tag))

    # -- following the show ------------------------------------------------------------
    def wake(self) -> None:
        """Look at the journal now (after a command of ours), not at the next poll."""
        self._wake.set()

    async def follow(self) -> None:
        """Poll the show file every 10 ms; push what changed. Every second, take tokens
        regenerated elsewhere and close the sockets of links that no longer work."""
        tokens_at = time.monotonic()
        while True:
            if time.monotonic() - tokens_at >= TOKENS_EVERY_S:
                tokens_at = time.monotonic()
                with contextlib.suppress(Exception):
                    if await self.show.run(st.reload_tokens):
                        await self._close_revoked()
            # asyncio.timeout, not wait_for: on 3.11 wait_for drops a cancel that lands as
            # the wake arrives, and the server's stop then waits for this task for ever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(POLL_S):
                    await self._wake.wait()
            self._wake.clear()
            try:
                parts = await self.show.run(st.poll_changes)
            except Exception:  # a file trouble now is said by the next command's reply
                await asyncio.sleep(0.5)
                continue
            if parts:
                await self._guarded_push(tags=st.parts_to_tags(parts))

    async def _close_revoked(self) -> None:
        tokens = self.show.ctx.tokens
        for client in list(self.clients):
            if role_of(tokens, client.token) is not client.role:
                self.clients.discard(client)
                with contextlib.suppress(Exception):
                    await client.ws.close(code=REVOKED, message=b"this link was revoked")

    async def _guarded_push(self, tags: set[str] = frozenset()) -> None:
        """A push that fails (the file unreadable a moment) must not end the pushing."""
        try:
            async with self.push_lock:
                await self.push_state(tags=tags)
        except Exception:
            await asyncio.sleep(0.1)

    async def flips(self) -> None:
        """Push the frame of each display flip ``LEAD_US`` before it."""
        while True:
            if not self.clients and self.listener is None:
                await asyncio.sleep(0.05)
                continue
            now = self.show.now_us()
            try:
                flip = await self.show.run(st.next_flip, now)
            except Exception:
                await asyncio.sleep(0.5)
                continue
            wait_us = flip - LEAD_US - now
            if wait_us > 0:
                await asyncio.sleep(min(wait_us, 1_000_000) / 1_000_000)
                if self.show.now_us() < flip - LEAD_US - 2_000:
                    continue  # woke early (a long sleep): look again
            await self._guarded_push()
            # Past the flip before looking for the next one.
            await asyncio.sleep(max(0, flip - self.show.now_us()) / 1_000_000 + 0.002)
