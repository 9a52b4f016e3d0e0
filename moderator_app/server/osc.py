"""OSC over UDP (off unless ``serve --osc``): ``/moderator/<path> [arg]`` and Ontime's
``/ontime/<path> [arg]``, where ``<path>`` is an /api/ path and the arguments are its last
parts (``/moderator/start/index 3`` = ``/api/start/index/3``).

OSC carries no token: turning it on lets anyone who can send UDP to the port control the
show, which is why it is off by default. Bundles' time tags are ignored (a bundle dated in
the future must not hold the server), and a malformed datagram is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from pythonosc.osc_packet import OscPacket, ParseError

from moderator_app.server.limits import COMMAND_BURST, COMMANDS_PER_S, PerAddress

PREFIXES = ("/moderator/", "/ontime/")
MAX_DATAGRAM = 16 * 1024

Handler = Callable[[list[str]], Awaitable[object]]


def osc_path(address: str, args: list) -> list[str] | None:
    """The /api/ path parts of an OSC message, or None when it is not ours."""
    for prefix in PREFIXES:
        if address.startswith(prefix):
            parts = [p for p in address[len(prefix):].split("/") if p]
            return parts + [str(a).lower() if isinstance(a, bool) else str(a) for a in args]
    return None


class OscProtocol(asyncio.DatagramProtocol):
    def __init__(self, handle: Handler) -> None:
        self.handle = handle
        self.rate = PerAddress(COMMANDS_PER_S, COMMAND_BURST)
        self.tasks: set[asyncio.Task] = set()

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        if len(data) > MAX_DATAGRAM or not self.rate.take(str(addr[0])):
            return
        try:
            messages = [m.message for m in OscPacket(data).messages]
        except (ParseError, ValueError, IndexError, TypeError):
            return  # not OSC: dropped
        for message in messages:
            parts = osc_path(message.address, list(message.params))
            if parts is not None:
                task = asyncio.get_running_loop().create_task(self.handle(parts))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)


async def serve_osc(host: str, port: int, handle: Handler) -> asyncio.DatagramTransport:
    """Listen for OSC on ``host:port``; OSError when the port is taken."""
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(
        lambda: OscProtocol(handle), local_addr=(host, port)
    )
    return transport


def close(transport: asyncio.DatagramTransport | None) -> None:
    if transport is not None:
        with contextlib.suppress(Exception):
            transport.close()
