"""Starting and stopping the server: HTTP + WebSocket on ``host:port``, OSC when asked.
Shared by ``moderator-app serve`` and anything that embeds the server (tests)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable

from aiohttp import web

from moderator_app.app.sharing import ShareRole
from moderator_app.app.show import ShowFileError
from moderator_app.server import dispatch, osc
from moderator_app.server.app import HUB, SHOW, Options, make_app
from moderator_app.server.bridge import Bridge, BrokerConfig
from moderator_app.server.links import lan_addresses, link_host, links


class ServeError(Exception):
    """The server cannot start; the message is one line saying what to do."""


def _in_use(exc: OSError) -> bool:
    return exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1))


class Server:
    def __init__(self, show: str | os.PathLike, *, host: str = "0.0.0.0", port: int = 4001,
                 osc_port: int | None = None, ask: bool = False,
                 broker: BrokerConfig | None = None, speakers: list[str] | None = None,
                 emit: Callable[[dict], None] | None = None) -> None:
        self.host, self.port, self.osc_port = host, port, osc_port
        self.app = make_app(Options(show, ask=ask))
        self.ask = ask
        self.runner: web.AppRunner | None = None
        self._osc = None
        self.broker, self.speakers = broker, list(speakers or [])
        self.emit = emit or (lambda event: None)
        self.bridge: Bridge | None = None

    async def start(self) -> None:
        """Open the show and listen; ServeError in one line when either fails."""
        self.runner = web.AppRunner(self.app, handle_signals=False, access_log=None)
        try:
            await self.runner.setup()
        except ShowFileError as exc:
            await self._cleanup()
            raise ServeError(str(exc)) from None
        site = web.TCPSite(self.runner, self.host, self.port)
        try:
            await site.start()
        except OSError as exc:
            await self._cleanup()
            if _in_use(exc):
                raise ServeError(
                    f"port {self.port} is in use; choose another with --port"
                ) from None
            raise ServeError(f"cannot listen on {self.host}:{self.port} ({exc.strerror})") from None
        self.port = site._server.sockets[0].getsockname()[1]  # the real one for port 0
        if self.osc_port is not None:
            try:
                self._osc = await osc.serve_osc(self.host, self.osc_port, self._osc_command)
            except OSError as exc:
                await self._cleanup()
                if _in_use(exc):
                    raise ServeError(
                        f"OSC port {self.osc_port} is in use; choose another with --osc-port"
                    ) from None
                raise ServeError(f"cannot listen for OSC on {self.osc_port} ({exc.strerror})"
                                 ) from None
            self.osc_port = self._osc.get_extra_info("sockname")[1]

    async def start_bridge(self) -> Bridge:
        """The broker bridge beside the LAN server (never waits for the broker);
        RemoteInputError for a bad speaker name (the LAN server keeps running)."""
        assert self.broker is not None
        self.bridge = Bridge(self.app[SHOW], self.app[HUB], self.broker, self.speakers,
                             self.emit)
        try:
            await self.bridge.start(self.lan_base())
        except BaseException:
            await self.bridge.stop()
            self.bridge = None
            raise
        return self.bridge

    def lan_base(self) -> str:
        return f"http://{link_host(self.host, lan_addresses())}:{self.port}"

    async def _osc_command(self, parts: list[str]) -> dispatch.Reply:
        """An OSC message: the /api/ path's command, with the control role (OSC has no
        token; it is off unless asked for)."""
        try:
            name, payload = dispatch.api_command(parts, {})
        except dispatch.BadInput as exc:
            return dispatch.Reply(400, str(exc))
        reply = await self.app[SHOW].run(dispatch.execute, name, payload, None, ShareRole.CONTROL)
        if reply.status == 202:
            self.app[HUB].wake()
        return reply

    def listening(self) -> dict:
        """The ``--machine`` line: where we listen and every role's links."""
        addresses = lan_addresses()
        tokens = self.app[SHOW].ctx.tokens
        out = {
            "event": "listening", "host": self.host, "port": self.port,
            "osc_port": self.osc_port, "addresses": addresses,
            "links": links(link_host(self.host, addresses), self.port, tokens, ask=self.ask),
        }  # fmt: skip
        if not tokens.persisted:
            out["tokens_note"] = f"tokens valid for this run only: {tokens.problem}"
        return out

    async def _cleanup(self) -> None:
        if self.bridge is not None:
            await self.bridge.stop()
            self.bridge = None
        osc.close(self._osc)
        self._osc = None
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None

    async def stop(self) -> None:
        await self._cleanup()
