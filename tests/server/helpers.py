"""Running the server in a test: aiohttp's TestServer on loopback, an ephemeral port,
inside ``asyncio.run`` (no pytest-asyncio plugin needed)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from moderator_app.app.sharing import ShareRole
from moderator_app.server.app import SHOW, STATIC, Options, make_app


def run(coro):
    return asyncio.run(coro)


@contextlib.asynccontextmanager
async def served(show: Path, *, ask: bool = False, static: Path = STATIC):
    app = make_app(Options(show, ask=ask, static=static))
    client = TestClient(TestServer(app, host="127.0.0.1", port=0))
    await client.start_server()
    try:
        tokens = app[SHOW].ctx.tokens
        yield client, {role.value: tokens[role] for role in ShareRole}, app
    finally:
        await client.close()


async def receive_until(ws, predicate, timeout: float = 3.0) -> dict:
    """The first message (JSON) ``predicate`` accepts; AssertionError on timeout."""
    async def wait() -> dict:
        while True:
            msg = await ws.receive()
            if msg.type.name != "TEXT":
                raise AssertionError(f"socket ended: {msg.type.name} {msg.data!r}")
            data = json.loads(msg.data)
            if predicate(data):
                return data

    return await asyncio.wait_for(wait(), timeout)


async def command(ws, tag: str, payload: dict | None = None, ident: int = 1, **extra) -> dict:
    await ws.send_json({"tag": tag, "id": ident, "payload": payload or {}, **extra})
    return await receive_until(ws, lambda m: m["tag"] == "reply" and m["id"] == ident)
