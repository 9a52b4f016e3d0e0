"""The serve process's server and bridge in the test's own loop, on loopback."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from moderator_app.server.bridge import broker_config
from moderator_app.server.runner import Server
from tests.remote.broker import Mosquitto


@contextlib.asynccontextmanager
async def serving(show: Path, broker: Mosquitto, *, speakers: list[str] = (),
                  password_user: str = "bridge", events: list | None = None):
    events = [] if events is None else events
    config = broker_config(broker.url, user="bridge",
                           password_file=broker.password_file(password_user),
                           browser_url=broker.ws_url, browser_user="speaker",
                           browser_password_file=broker.password_file("speaker"))
    server = Server(show, host="127.0.0.1", port=0, broker=config, speakers=list(speakers),
                    emit=events.append)
    await server.start()
    try:
        bridge = await server.start_bridge()
        yield server, bridge, events
    finally:
        await server.stop()


async def connected(bridge, timeout: float = 5.0) -> None:
    await asyncio.wait_for(bridge.connected.wait(), timeout)


def fragments(bridge) -> dict[str, str]:
    return {link["id"]: link["fragment"] for link in bridge.links_json()}


async def until(condition, timeout: float = 5.0) -> None:
    """Wait for ``condition()`` (what the bridge does with a message it was sent): a loaded
    machine may take longer than any fixed pause."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "not within the time"
        await asyncio.sleep(0.02)
