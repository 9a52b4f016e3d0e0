"""The broker bridge: the show's live state through an MQTT broker to remote links
(speakers on other continents, a remote producer or co-moderator), end-to-end encrypted.

It runs on the serve process's asyncio loop beside the LAN server and is fed by the same
pushes (hub.Hub.listener): at every journal change and ~400 ms before every display flip
it seals the state for each link with that link's key and publishes it retained (a late
joiner gets it at once), plus the rundown, questions and notes for the producer and
control links. Remote commands go through dispatch.execute like the LAN's (journaled,
undoable, refused when stale), with ``{"origin": "remote", "role": …, "link": …}``.

The local show never waits on the broker: ``deliver`` only stores the latest payload per
topic and wakes the publisher; connecting (in a worker thread), reconnecting with backoff
and republishing the retained state after a reconnect happen on their own task.

Wire format (see also app/remote_keys.py). Each link has a channel C = ``mod/<T>/<c>`` and
a key; every payload is ``nonce(12) || AES-256-GCM(JSON)`` with the full topic as AAD:
- ``C/state`` (retained): the LAN /ws state + ``lang`` + ``link`` {id, role, name};
- ``C/rundown``, ``C/questions``, ``C/notes`` (retained, producer and control links);
- ``C/cmd/<cid>`` → ``C/reply/<cid>``: ``{"tag", "id", "payload", "if"?, "ts_ms", "n"}``;
- ``C/ping/<cid>`` → ``C/pong/<cid>``: ``{"tag": "ping", "id", "t0"}`` → + ``server_us``;
- ``C/hello/<cid>``: presence ``{"tag": "hello", "page", "offset_ms", "rtt_ms"}`` every 5 s.
Dropped (and logged, never with a key): a payload that does not open, is too large or not
JSON; a command whose ``ts_ms`` is > 30 s off or whose counter ``n`` was seen (replay).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import math
import random
import re
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import aiomqtt

from moderator_app.app import remote_keys as rk
from moderator_app.app.sharing import allows
from moderator_app.server import dispatch
from moderator_app.server.hub import PRODUCER_TAGS, Hub
from moderator_app.server.limits import Bucket
from moderator_app.server.show_thread import Audience, ShowContext, ShowThread, language

CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
INBOUND = ("cmd", "ping", "hello")
BACKOFF_FIRST_S = 0.25
BACKOFF_MAX_S = 5.0
CONNECT_TIMEOUT_S = 5.0
PRESENCE_EVERY_S = 5.0
CONNECTED_FOR_S = 15.0  # a client whose last hello is older is shown as gone
LINKS_EVERY_S = 1.0  # a link revoked elsewhere (the console) stops within this
KEEPALIVE_S = 15
DEFAULT_PORTS = {"mqtt": 1883, "mqtts": 8883, "ws": 80, "wss": 443}
MAX_PRESENCE = 512  # clients remembered at most (a flood of client ids is bounded)
OFFLINE_WAIT_S = 1.0  # at stop, how long the "offline" states may take
DROPS_PER_S = 10  # dropped-message lines said per second at most (a flood is summed up)


class BrokerConfigError(ValueError):
    """The broker settings cannot be used (one line); the LAN server still runs."""


@dataclass(frozen=True)
class BrokerConfig:
    url: str  # mqtt://, mqtts://, ws:// or wss://host[:port][/path]
    user: str | None = None
    password: str | None = None
    ca: Path | None = None  # a CA bundle for a broker with a private certificate
    browser_url: str = ""  # the ws(s) URL put in the links (default: url if ws/wss)
    browser_user: str = ""
    browser_password: str = ""

    @property
    def link_url(self) -> str:
        return self.browser_url or self.url


def broker_config(url: str, *, user: str | None = None, password_file: str | None = None,
                  ca: str | None = None, browser_url: str | None = None,
                  browser_user: str | None = None,
                  browser_password_file: str | None = None) -> BrokerConfig:
    """The bridge's settings from the command line's; BrokerConfigError in one line."""
    try:
        url = rk.check_broker_url(url)
        if browser_url:
            browser_url = rk.check_broker_url(browser_url)
    except rk.RemoteInputError as exc:
        raise BrokerConfigError(str(exc)) from None
    scheme = urlsplit(url).scheme
    if not browser_url and scheme not in ("ws", "wss"):
        raise BrokerConfigError(
            f"browsers reach a broker over WebSockets: with --broker {scheme}://… give "
            "--browser-broker ws(s)://HOST:PORT/PATH for the links")
    if browser_url and urlsplit(browser_url).scheme not in ("ws", "wss"):
        raise BrokerConfigError("--browser-broker is the ws:// or wss:// URL browsers reach")
    password = _read_secret(password_file, "--broker-password-file")
    if password and not user:
        raise BrokerConfigError("--broker-password-file goes with --broker-user")
    ca_path = None
    if ca:
        ca_path = Path(ca)
        if not ca_path.is_file():
            raise BrokerConfigError(f"--broker-ca {ca}: no such file")
        try:
            ssl.create_default_context(cafile=str(ca_path))
        except (ssl.SSLError, OSError) as exc:
            raise BrokerConfigError(f"--broker-ca {ca}: not a CA certificate file ({exc})"
                                    ) from None
    return BrokerConfig(url, user or None, password, ca_path, browser_url or "",
                        browser_user or "",
                        _read_secret(browser_password_file, "--browser-password-file") or "")


def _read_secret(path: str | None, flag: str) -> str | None:
    if not path:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BrokerConfigError(f"{flag} {path}: cannot read it ({exc.__class__.__name__})"
                                ) from None
    secret = text.strip("\r\n")
    if not secret:
        raise BrokerConfigError(f"{flag} {path} is empty")
    return secret


def describe_failure(exc: BaseException, config: BrokerConfig) -> str:
    """One line saying why the broker is not reachable and what to do."""
    parts = urlsplit(config.url)
    where = f"{parts.hostname}:{parts.port or DEFAULT_PORTS[parts.scheme]}"
    rc = getattr(exc, "rc", None)
    code = getattr(rc, "value", rc)
    text = str(exc)
    low = text.lower()
    if code in (4, 5, 134, 135) or "password" in low or "authori" in low:
        who = f" (user {config.user})" if config.user else " (no user given)"
        return (f"the broker at {where} refused the credentials{who}: check --broker-user "
                "and --broker-password-file")
    tls = parts.scheme in ("mqtts", "wss")
    if "certificate" in low or "ssl" in low or "tls" in low or "handshake" in low or (
            tls and ("reset" in low or "eof" in low or "unexpected" in low)):
        return (f"TLS with the broker at {where} failed ({text.strip()}): check the URL's "
                "scheme (mqtts/wss need a TLS port) and --broker-ca")
    if "name or service" in low or "nodename" in low or "getaddrinfo" in low or \
            "temporary failure in name" in low:
        return f"cannot find the broker host {parts.hostname}: check the URL"
    if "refused" in low:
        return f"the broker at {where} is unreachable (connection refused): is it running?"
    if "timed out" in low or "timeout" in low:
        return f"the broker at {where} does not answer (timed out)"
    return f"the broker at {where} is unreachable ({text.strip() or exc.__class__.__name__})"


@dataclass
class Presence:
    link: str
    role: str
    name: str
    client: str
    last_seen: float  # time.time()
    offset_ms: float | None = None
    rtt_ms: float | None = None
    page: str = ""

    def to_dict(self, now: float) -> dict:
        return {
            "link": self.link, "role": self.role, "name": self.name, "client": self.client,
            "page": self.page,
            "last_seen": datetime.fromtimestamp(self.last_seen, UTC).isoformat(),
            "connected": now - self.last_seen <= CONNECTED_FOR_S,
            "offset_ms": self.offset_ms, "rtt_ms": self.rtt_ms,
        }  # fmt: skip


def _number(value: object) -> float | None:
    """A finite number from a page (a ``Date.now()`` of ~1.8e12 ms included), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return round(float(value), 1) if math.isfinite(value) and abs(value) < 1e15 else None


@dataclass
class Bridge:
    """The broker bridge of one serve process (see the module's docstring)."""

    show: ShowThread
    hub: Hub
    config: BrokerConfig
    speakers: list[str] = field(default_factory=list)
    emit: Callable[[dict], None] = lambda event: None
    status: str = "connecting"
    message: str = ""

    def __post_init__(self) -> None:
        self.links: rk.RemoteLinks | None = None
        self.base: str | None = None
        self.lang = "en"
        self.retained: dict[str, bytes] = {}  # topic -> the sealed payload last published
        self.dirty: dict[str, bytes] = {}  # published at the publisher's next turn
        self._dirty_event = asyncio.Event()
        self.presence: dict[tuple[str, str], Presence] = {}
        self.dropped: list[dict] = []  # kept for tests and the console (bounded)
        self.fresh = rk.Freshness(0)
        self.buckets: dict[tuple[str, str], Bucket] = {}
        self.client: aiomqtt.Client | None = None
        self.connected = asyncio.Event()
        self._tasks: list[asyncio.Task] = []
        self._pending: set[asyncio.Task] = set()  # commands and replies under way
        self._drop_second, self._drops_said, self._drops_unsaid = 0, 0, 0
        self.reconnects = 0

    # -- lifecycle ----------------------------------------------------------------------
    async def start(self, base: str | None = None) -> None:
        """Load (or make) the links, announce them (the ``remote`` event, pages under
        ``base``), then start connecting; never waits for the broker."""
        def loading(ctx: ShowContext) -> tuple[rk.RemoteLinks, str]:
            links = rk.remote_links(ctx.session, self.speakers, broker=self.config.link_url)
            return links, language(ctx, None)

        self.links, self.lang = await self.show.run(loading)
        self.fresh = rk.Freshness(self.show.now_us() // 1000)
        self.base = base
        self.emit(self.event(base))  # before any status line: the links come first
        self.hub.listener = self
        self._tasks = [asyncio.create_task(self._run()),
                       asyncio.create_task(self._follow_links()),
                       asyncio.create_task(self._report_presence())]
        await self.hub.push_all()

    async def stop(self) -> None:
        """Say "offline" on every link's state (retained: a page opened later does not
        show a countdown from an old session), briefly, then disconnect."""
        if self.hub.listener is self:
            self.hub.listener = None
        client = self.client
        if client is not None and self.links is not None and self.connected.is_set():
            offline = {"tag": "offline", "server_us": self.show.now_us()}
            with contextlib.suppress(Exception):
                async with asyncio.timeout(OFFLINE_WAIT_S):
                    for link in self.links:
                        topic = link.topic("state")
                        await client.publish(topic, rk.seal(link.key, topic, offline), qos=1,
                                             retain=True)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []

    def links_json(self, base: str | None = None) -> list[dict]:
        assert self.links is not None
        return rk.links_json(self.links, self.config.link_url, base=base,
                             user=self.config.browser_user,
                             password=self.config.browser_password)

    def event(self, base: str | None = None) -> dict:
        """The ``--machine`` remote line: status, the one-line message, the links."""
        out = {"event": "remote", "status": self.status, "message": self.message,
               "broker": self.config.link_url, "links": self.links_json(base)}
        if self.links is not None and not self.links.persisted:
            out["links_note"] = f"links valid for this run only: {self.links.problem}"
        return out

    def _set_status(self, status: str, message: str = "") -> None:
        if (status, message) == (self.status, self.message):
            return
        self.status, self.message = status, message
        self.emit({"event": "remote", "status": status, "message": message,
                   "broker": self.config.link_url})

    def _drop(self, link: str, reason: str) -> None:
        entry = {"event": "remote-dropped", "link": link, "reason": reason}
        self.dropped = [*self.dropped[-199:], entry]
        second = int(time.monotonic())
        if second != self._drop_second:
            if self._drops_unsaid:
                self.emit({"event": "remote-dropped", "link": "*", "reason":
                           f"{self._drops_unsaid} more message(s) dropped (a flood?)"})
            self._drop_second, self._drops_said, self._drops_unsaid = second, 0, 0
        if self._drops_said >= DROPS_PER_S:
            self._drops_unsaid += 1  # a flood must not flood the console's log too
            return
        self._drops_said += 1
        self.emit(entry)

    # -- fed by the hub (never waits) ---------------------------------------------------
    def audiences(self) -> set[Audience]:
        if self.links is None:
            return set()
        return {(self.lang, None)} | {(self.lang, s.id) for s in self.links.speakers()}

    def wants_parts(self) -> bool:
        return True

    def deliver(self, now_us: int, states: dict[Audience, dict], parts: dict[str, dict]
                ) -> None:
        links = self.links
        if links is None:
            return
        for link in links:
            state = states.get((self.lang, link.id if link.speaker else None))
            if state is not None:
                message = {**state, "lang": self.lang,
                           "link": {"id": link.id, "role": link.role.value, "name": link.name}}
                self._put(link.topic("state"), rk.seal(link.key, link.topic("state"), message))
            if link.producer:
                for tag, part in parts.items():
                    topic = link.topic(tag)
                    self._put(topic, rk.seal(link.key, topic, part))

    def _put(self, topic: str, payload: bytes) -> None:
        self.retained[topic] = payload
        self.dirty[topic] = payload
        self._dirty_event.set()

    # -- the connection -----------------------------------------------------------------
    def _client(self) -> aiomqtt.Client:
        parts = urlsplit(self.config.url)
        scheme = parts.scheme
        tls = None
        if scheme in ("mqtts", "wss"):
            tls = ssl.create_default_context(
                cafile=str(self.config.ca) if self.config.ca else None)
        assert self.links is not None
        # A stable id (so the broker keeps our QoS 1 commands while we reconnect) that
        # says nothing about the show's topics.
        ident = "modbridge-" + hashlib.sha256(self.links.root.encode()).hexdigest()[:16]
        return aiomqtt.Client(
            parts.hostname or "", parts.port or DEFAULT_PORTS[scheme],
            username=self.config.user, password=self.config.password, identifier=ident,
            clean_session=False, transport="websockets" if scheme in ("ws", "wss") else "tcp",
            websocket_path=(parts.path or "/mqtt") if scheme in ("ws", "wss") else None,
            tls_context=tls, timeout=CONNECT_TIMEOUT_S, keepalive=KEEPALIVE_S,
        )

    async def _run(self) -> None:
        """Connect, serve, and after any failure reconnect with backoff, forever."""
        delay = BACKOFF_FIRST_S
        while True:
            try:
                async with self._client() as client:
                    self.client = client
                    delay = BACKOFF_FIRST_S
                    await self._connected_session(client)
            except asyncio.CancelledError:
                raise
            except (aiomqtt.MqttError, OSError, ssl.SSLError) as exc:
                self._set_status("down", describe_failure(exc, self.config) + " — retrying")
            finally:
                self.client = None
                self.connected.clear()
            await asyncio.sleep(delay * (0.8 + 0.4 * random.random()))
            delay = min(delay * 2, BACKOFF_MAX_S)

    async def _connected_session(self, client: aiomqtt.Client) -> None:
        assert self.links is not None
        root = self.links.root
        for kind in INBOUND:
            await client.subscribe(f"{root}/+/{kind}/+", qos=1 if kind == "cmd" else 0)
        # After a reconnect the broker may have lost its retained copies (a restart
        # without persistence): everything retained is published again.
        self.reconnects += 1
        self.dirty.update(self.retained)
        self._dirty_event.set()
        self.connected.set()
        self._set_status("connected", "")
        publisher = asyncio.create_task(self._publish(client))
        try:
            async for message in client.messages:
                await self._inbound(client, message)
        finally:
            publisher.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await publisher

    async def _publish(self, client: aiomqtt.Client) -> None:
        """The latest payload of each retained topic; stale ones are skipped (coalesced)."""
        while True:
            await self._dirty_event.wait()
            self._dirty_event.clear()
            batch, self.dirty = self.dirty, {}
            try:
                for topic, payload in batch.items():
                    await client.publish(topic, payload, qos=0, retain=True)
            except aiomqtt.MqttError:
                # The connection went: what was not sent goes again after the reconnect.
                for topic, payload in batch.items():
                    self.dirty.setdefault(topic, payload)
                return

    # -- inbound ------------------------------------------------------------------------
    async def _inbound(self, client: aiomqtt.Client, message: aiomqtt.Message) -> None:
        assert self.links is not None
        topic = message.topic.value
        pieces = topic.rsplit("/", 2)
        if len(pieces) != 3 or pieces[1] not in INBOUND:
            return
        channel, kind, cid = pieces
        link = self.links.by_channel().get(channel)
        if link is None:
            self._drop("?", f"{kind} on an unknown or revoked link's channel")
            return
        if not CLIENT_ID.match(cid):
            self._drop(link.id, f"{kind}: a client id must be 1-32 of A-Z a-z 0-9 _ -")
            return
        payload = message.payload
        if not isinstance(payload, bytes | bytearray):
            payload = str(payload).encode()
        try:
            data = rk.open_sealed(link.key, topic, bytes(payload))
        except rk.SealError as exc:
            self._drop(link.id, f"{kind} from {cid}: {exc}")
            return
        if kind == "ping":
            await self._pong(client, link, cid, data)
        elif kind == "hello":
            self._hello(link, cid, data)
        else:
            self._command(client, link, cid, data)

    async def _pong(self, client: aiomqtt.Client, link: rk.RemoteLink, cid: str,
                    data: dict) -> None:
        topic = link.topic("pong", cid)
        ident = data.get("id")
        if not isinstance(ident, int | str) or isinstance(ident, bool):
            ident = None
        t0 = _number(data.get("t0"))
        pong = {"tag": "pong", "id": ident, "t0": data.get("t0") if t0 is not None else None,
                "server_us": self.show.now_us()}
        with contextlib.suppress(aiomqtt.MqttError):
            await client.publish(topic, rk.seal(link.key, topic, pong), qos=0)

    def _hello(self, link: rk.RemoteLink, cid: str, data: dict) -> None:
        key = (link.id, cid)
        if key not in self.presence and len(self.presence) >= MAX_PRESENCE:
            oldest = min(self.presence, key=lambda k: self.presence[k].last_seen)
            del self.presence[oldest]
        page = data.get("page")
        self.presence[key] = Presence(
            link.id, link.role.value, link.name, cid, time.time(), _number(data.get("offset_ms")),
            _number(data.get("rtt_ms")), page[:32] if isinstance(page, str) else "")

    def _command(self, client: aiomqtt.Client, link: rk.RemoteLink, cid: str,
                 data: dict) -> None:
        verdict = self.fresh.check(link.channel, cid, data, self.show.now_us() // 1000)
        if verdict == "again":
            seen = self.fresh.last(link.channel, cid)
            assert seen is not None and seen.reply is not None
            self._drop(link.id, f"cmd from {cid}: counter {seen.n} sent again; its reply "
                       "sent again, not run twice")
            self._spawn(self._reply(client, link, cid, seen.reply))
            return
        if verdict != "new":
            self._drop(link.id, f"cmd from {cid}: {verdict}")
            return
        seen = self.fresh.accept(link.channel, cid, data)
        # Accepted in arrival order: the show thread runs them in that order too.
        self._spawn(self._execute(client, link, cid, data, seen))

    def _spawn(self, coro) -> None:
        task = asyncio.create_task(coro)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _execute(self, client: aiomqtt.Client, link: rk.RemoteLink, cid: str,
                       data: dict, seen: rk.Seen) -> None:
        reply = await self._run_command(link, cid, data)
        out = {"tag": "reply", "id": seen.ident, "status": reply.status,
               "message": reply.message, "payload": reply.payload}
        seen.reply = out
        if reply.status == 403:
            self._drop(link.id, f"cmd from {cid}: {reply.message}")
        await self._reply(client, link, cid, out)

    async def _run_command(self, link: rk.RemoteLink, cid: str, data: dict) -> dispatch.Reply:
        tag = data.get("tag")
        if not isinstance(tag, str) or tag not in dispatch.COMMANDS:
            return dispatch.Reply(400, f"unknown command {tag!r}")
        bucket = self.buckets.setdefault((link.channel, cid), Bucket())
        if not bucket.take():
            return dispatch.Reply(429, "too many commands: slow down")
        command = dispatch.COMMANDS[tag]
        if tag == dispatch.QUESTION_ASK or not allows(link.role, command.needs):
            return dispatch.Reply(403, f"this link's role ({link.role.value}) cannot do "
                                  f"{tag}; it needs {command.needs.value}")
        payload = data.get("payload") or {}
        if not isinstance(payload, dict):
            return dispatch.Reply(400, "'payload' is a JSON object")
        if_seq = data.get("if")
        if if_seq is not None and (isinstance(if_seq, bool) or not isinstance(if_seq, int)
                                   or if_seq < 0):
            return dispatch.Reply(400, f"{if_seq!r} is not a journal position (if)")
        origin = {"origin": "remote", "role": link.role.value, "link": link.id}
        reply = await self.show.run(dispatch.execute, tag, payload, if_seq, link.role, origin)
        if reply.status == 202:
            self.hub.wake()
        return reply

    async def _reply(self, client: aiomqtt.Client, link: rk.RemoteLink, cid: str,
                     reply: dict) -> None:
        topic = link.topic("reply", cid)
        with contextlib.suppress(aiomqtt.MqttError):
            await client.publish(topic, rk.seal(link.key, topic, reply), qos=1)

    # -- links revoked elsewhere, presence ----------------------------------------------
    async def _follow_links(self) -> None:
        while True:
            await asyncio.sleep(LINKS_EVERY_S)
            if self.links is None or not self.links.persisted:
                continue
            try:
                fresh = await self.show.run(lambda ctx: rk.remote_links(ctx.session))
            except Exception:  # a file trouble a moment: look again next time
                continue
            old = self.links.by_channel()
            if set(fresh.by_channel()) == set(old) and \
                    {lk.key for lk in fresh} == {lk.key for lk in self.links}:
                continue
            gone = [c for c in old if c not in fresh.by_channel()]
            self.links = fresh
            for channel in gone:
                for tail in ("state", *PRODUCER_TAGS):
                    topic = f"{channel}/{tail}"
                    self.retained.pop(topic, None)
                    self._put(topic, b"")  # an empty retained message clears the broker's
                    self.retained.pop(topic, None)
            self.emit(self.event(self.base))
            await self.hub.push_all()

    def clients_json(self) -> list[dict]:
        now = time.time()
        return [p.to_dict(now) for p in sorted(self.presence.values(),
                                               key=lambda p: (p.link, p.client))]

    async def _report_presence(self) -> None:
        while True:
            await asyncio.sleep(PRESENCE_EVERY_S)
            self.emit({"event": "remote-clients", "clients": self.clients_json()})
