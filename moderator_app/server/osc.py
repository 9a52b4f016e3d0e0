"""OSC over UDP (off unless ``serve --osc``): ``/moderator/<path> [arg]`` and Ontime's
``/ontime/<path> [arg]``, where ``<path>`` is an /api/ path and the arguments are its last
parts (``/moderator/start/index 3`` = ``/api/start/index/3``).

OSC carries no token: turning it on lets anyone who can send UDP to the port control the
show, which is why it is off by default. Bundles' time tags are ignored (a bundle dated in
the future must not hold the server), and a malformed datagram is dropped — bundles are
checked here first (``well_formed``), as python-osc's parser has no bound of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from pythonosc.osc_packet import OscPacket, ParseError

from moderator_app.server.limits import COMMAND_BURST, COMMANDS_PER_S, PerAddress

PREFIXES = ("/moderator/", "/ontime/")
MAX_DATAGRAM = 16 * 1024
MAX_NESTING = 8  # bundles within bundles; no controller nests more than one or two
BUNDLE = b"#bundle\x00"
BUNDLE_HEAD = len(BUNDLE) + 8  # the prefix and the time tag

Handler = Callable[[list[str]], Awaitable[object]]


def well_formed(data: bytes, depth: int = 0) -> bool:
    """Whether ``data`` is a message, or a bundle whose elements each fit: a size that is
    positive, a multiple of 4 and within the bundle, nested at most ``MAX_NESTING`` deep.
    python-osc parses anything else unbounded: a size of -4 loops for ever, deep nesting
    raises RecursionError (which would close the UDP endpoint)."""
    if not data.startswith(BUNDLE):
        return data[:1] == b"/"
    if depth >= MAX_NESTING or len(data) < BUNDLE_HEAD:
        return False
    index = BUNDLE_HEAD
    while index < len(data):
        if index + 4 > len(data):
            return False
        size = int.from_bytes(data[index:index + 4], "big", signed=True)
        index += 4
        if size <= 0 or size % 4 or index + size > len(data):
            return False
        if not well_formed(data[index:index + size], depth + 1):
            return False
        index += size
    return True


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
        if not well_formed(data):
            return  # not OSC, or a bundle python-osc cannot parse safely: dropped
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
