"""The remote links' secrets: per link a random broker channel and an AES-256-GCM key.

A broker (self-hosted or a managed MQTT service) carries the show to speakers on other
continents; it may be shared or public, so it must learn nothing and inject nothing.
Every link (the ``view`` link, the ``producer`` and ``control`` links, one per speaker)
has its own channel ``mod/<root>/<c>`` (random names: the broker cannot guess another
show's topics) and its own key, which travels only in the link's fragment (``#k=…``: a
browser never sends a fragment anywhere). Every payload is sealed with the link's key and
the full topic as additional data, so a message moved to another topic does not open.
Revoking a link gives it a new channel and a new key; the others are untouched.

The wire format is written down in server/bridge.py's docstring; this module is its
pure part (no network).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from moderator_app.app.sharing import ShareRole
from moderator_app.io.remote_store import load_remote, save_remote
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFileError

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
MAX_PAYLOAD = 65_536  # bytes on the wire; a state of a long show is ~10 KB
WINDOW_MS = 30_000  # a command's clock may be this far from the console's
ROOT_CHARS = 16  # bytes of randomness: 22 url-safe characters
CHANNEL_BYTES = 12  # 16 url-safe characters
TOPIC_PREFIX = "mod"
ROLE_LINKS = (ShareRole.VIEW, ShareRole.PRODUCER, ShareRole.CONTROL)
PAGES = {
    ShareRole.VIEW: ("timer", "overlay"),
    ShareRole.PRODUCER: ("backstage", "questions", "cuesheet"),
    ShareRole.CONTROL: ("backstage", "questions", "cuesheet"),
}
SPEAKER_PAGES = ("timer",)
MAX_NAME = 80
BROKER_SCHEMES = ("mqtt", "mqtts", "ws", "wss")


class SealError(ValueError):
    """A payload that does not open: too large, forged, the wrong key or topic, not JSON."""


class RemoteInputError(ValueError):
    """A speaker name, link id or broker URL that cannot be used; nothing was changed."""


# -- keys and sealing ---------------------------------------------------------------------
def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_text(key: bytes) -> str:
    """A key as the fragment carries it: base64url without padding (43 characters)."""
    return base64.urlsafe_b64encode(key).rstrip(b"=").decode("ascii")


def key_bytes(text: str) -> bytes:
    """The key of ``text`` (base64url, padding optional); RemoteInputError unless 32 bytes."""
    cleaned = (text or "").strip()
    try:
        raw = base64.urlsafe_b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError):
        raise RemoteInputError("the link's key is not base64url") from None
    if len(raw) != KEY_BYTES:
        raise RemoteInputError(
            "the link is incomplete (its key is cut): ask the moderator for the link again"
        )
    return raw


def seal(key: bytes, topic: str, message: dict) -> bytes:
    """nonce || AES-256-GCM(JSON), the topic as additional data."""
    nonce = os.urandom(NONCE_BYTES)
    data = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return nonce + AESGCM(key).encrypt(nonce, data, topic.encode("utf-8"))


def open_sealed(key: bytes, topic: str, payload: bytes) -> dict:
    """The JSON object sealed in ``payload`` for ``topic``; SealError (one line) if not."""
    if len(payload) > MAX_PAYLOAD:
        raise SealError(f"message too large ({len(payload)} bytes > {MAX_PAYLOAD})")
    if len(payload) < NONCE_BYTES + TAG_BYTES:
        raise SealError("message too short to be sealed")
    nonce, body = payload[:NONCE_BYTES], payload[NONCE_BYTES:]
    try:
        data = AESGCM(key).decrypt(nonce, body, topic.encode("utf-8"))
    except InvalidTag:
        raise SealError("message fails decryption (forged, or sealed with another key)") from None
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SealError("message is not JSON") from None
    if not isinstance(message, dict):
        raise SealError("message is not a JSON object")
    return message


# -- links ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class RemoteLink:
    id: str  # view, producer, control, or a speaker's slug
    role: ShareRole
    name: str  # the speaker's name ("" for the role links)
    channel: str  # mod/<root>/<c>
    key: bytes = field(repr=False)

    @property
    def speaker(self) -> bool:
        return self.id not in {r.value for r in ROLE_LINKS}

    @property
    def producer(self) -> bool:
        return self.role in (ShareRole.PRODUCER, ShareRole.CONTROL)

    @property
    def pages(self) -> tuple[str, ...]:
        return SPEAKER_PAGES if self.speaker else PAGES[self.role]

    def topic(self, *tail: str) -> str:
        return "/".join((self.channel, *tail))


@dataclass
class RemoteLinks:
    root: str  # mod/<T>
    links: dict[str, RemoteLink]
    broker: str = ""  # the last broker URL links were made for (never a password)
    persisted: bool = True  # False: the show file refused them; valid for this run only
    problem: str = ""

    def __iter__(self):
        return iter(self.links.values())

    def __getitem__(self, link_id: str) -> RemoteLink:
        return self.links[link_id]

    def speakers(self) -> list[RemoteLink]:
        return [link for link in self if link.speaker]

    def by_channel(self) -> dict[str, RemoteLink]:
        return {link.channel: link for link in self}


def slug(name: str) -> str:
    """A speaker's link id: their name in lowercase ASCII words joined by '-'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    return out or "speaker"


def _speaker_name(name: str) -> str:
    cleaned = " ".join("".join(ch for ch in str(name) if ch.isprintable()).split())
    if not cleaned:
        raise RemoteInputError("a speaker needs a name (--speaker NAME)")
    if len(cleaned) > MAX_NAME:
        raise RemoteInputError(f"a speaker's name has at most {MAX_NAME} characters")
    return cleaned


def _channel(root: str) -> str:
    return f"{root}/{secrets.token_urlsafe(CHANNEL_BYTES)}"


def _new_root() -> str:
    return f"{TOPIC_PREFIX}/{secrets.token_urlsafe(ROOT_CHARS)}"


def _row(link: RemoteLink) -> tuple[str, str, str, str, str]:
    return (link.id, link.role.value, link.name, link.channel, key_text(link.key))


def _load(session: ShowSession) -> tuple[list, dict[str, str]]:
    try:
        return load_remote(session.file)
    except ShowFileError:
        return [], {}  # an old read-only file without the tables: links for this run


def remote_links(session: ShowSession, speakers: Iterable[str] = (),
                 broker: str | None = None) -> RemoteLinks:
    """Every link (the role links, and one per speaker in ``speakers`` added when new),
    made and stored the first time; ``broker`` is remembered for the links' fragments."""
    rows, settings = _load(session)
    root = settings.get("root") or _new_root()
    links: dict[str, RemoteLink] = {}
    for link_id, role, name, channel, key in rows:
        try:
            links[link_id] = RemoteLink(link_id, ShareRole(role), name, channel, key_bytes(key))
        except (ValueError, RemoteInputError):
            continue  # a damaged row is made again below (a role link) or dropped
    fresh: dict[str, RemoteLink] = {}
    for role in ROLE_LINKS:
        if role.value not in links:
            fresh[role.value] = RemoteLink(role.value, role, "", _channel(root), new_key())
    names = {link.name.casefold(): link for link in links.values() if link.speaker}
    taken = set(links) | set(fresh)
    for raw in speakers:
        name = _speaker_name(raw)
        if name.casefold() in names:
            continue
        link_id = base = slug(name)
        counter = 2
        while link_id in taken:
            link_id, counter = f"{base}-{counter}", counter + 1
        link = RemoteLink(link_id, ShareRole.VIEW, name, _channel(root), new_key())
        fresh[link_id] = names[name.casefold()] = link
        taken.add(link_id)
    links.update(fresh)
    # The role links first, then the speakers in the order they were added.
    order = [r.value for r in ROLE_LINKS]
    links = {k: links[k] for k in order} | {k: v for k, v in links.items() if k not in order}
    changed_settings = {}
    if settings.get("root") != root:
        changed_settings["root"] = root
    if broker is not None and broker != settings.get("broker"):
        changed_settings["broker"] = broker
    result = RemoteLinks(root, links, broker if broker is not None else settings.get("broker", ""))
    if fresh or changed_settings:
        _store(session, result, list(fresh.values()), changed_settings)
    return result


def speaker_ids(session: ShowSession) -> set[str]:
    """The speakers' link ids as stored (nothing is made)."""
    rows, _settings = _load(session)
    roles = {r.value for r in ROLE_LINKS}
    return {row[0] for row in rows if row[0] not in roles}


def revoke(session: ShowSession, link_id: str) -> RemoteLinks:
    """A new channel and key for link ``link_id``: the link sent before stops working."""
    current = remote_links(session)
    if link_id not in current.links:
        known = ", ".join(sorted(current.links))
        raise RemoteInputError(f"no remote link {link_id!r}; the links are: {known}")
    old = current.links[link_id]
    new = RemoteLink(old.id, old.role, old.name, _channel(current.root), new_key())
    current.links[link_id] = new
    _store(session, current, [new], {})
    return current


def _store(session: ShowSession, links: RemoteLinks, changed: list[RemoteLink],
           settings: dict[str, str]) -> None:
    try:
        save_remote(session.file, [_row(link) for link in changed], settings, session.now_us())
    except ShowFileError as exc:
        links.persisted, links.problem = False, str(exc)


# -- the fragment ---------------------------------------------------------------------------
def check_broker_url(url: str) -> str:
    """``url`` if it is a broker URL (mqtt, mqtts, ws, wss with a host); else one line."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:
        raise RemoteInputError(f"{url!r} is not a broker URL (e.g. wss://broker.example:8084/mqtt)"
                               ) from None
    if parts.scheme not in BROKER_SCHEMES or not parts.hostname:
        raise RemoteInputError(
            f"{url!r} is not a broker URL: use mqtt://, mqtts://, ws:// or wss://HOST[:PORT]"
        )
    if parts.username or parts.password:
        raise RemoteInputError("put the broker's user in --broker-user and its password in "
                               "--broker-password-file, not in the URL")
    return url.strip()


def fragment(link: RemoteLink, broker: str, *, user: str = "", password: str = "") -> str:
    """``b=…&t=…&k=…`` (+ ``u``/``p`` for a browsers' broker login, ``n`` for the name)."""
    pairs = [("b", broker), ("t", link.channel), ("k", key_text(link.key))]
    if user:
        pairs.append(("u", user))
        if password:
            pairs.append(("p", password))
    if link.name:
        pairs.append(("n", link.name))
    return urlencode(pairs)


def parse_fragment(text: str) -> dict[str, str]:
    """The fields of a fragment (with or without its '#')."""
    return {k: v[0] for k, v in parse_qs(text.lstrip("#"), keep_blank_values=True).items()}


def links_json(links: RemoteLinks, broker: str, *, base: str | None = None, user: str = "",
               password: str = "") -> list[dict]:
    """Each link for the console and ``remote-links``: id, role, name, pages (URLs under
    ``base`` when given, e.g. the LAN server's), the fragment."""
    out = []
    for link in links:
        frag = fragment(link, broker, user=user, password=password)
        pages = {page: (f"{base.rstrip('/')}/{page}#{frag}" if base else f"/{page}#{frag}")
                 for page in link.pages}
        out.append({"id": link.id, "role": link.role.value, "name": link.name,
                    "speaker": link.speaker, "pages": pages, "fragment": frag})
    return out


# -- freshness of commands -----------------------------------------------------------------
@dataclass
class Seen:
    n: int
    ident: object = None
    reply: dict | None = None


class Freshness:
    """Per client id: the last counter accepted and its reply (a command is run once).

    ``started_ms``: the console's clock when the bridge started; a command stamped
    before it was captured before and is a replay (counters are kept in memory only).
    """

    def __init__(self, started_ms: int, window_ms: int = WINDOW_MS) -> None:
        self.started_ms = started_ms
        self.window_ms = window_ms
        self.seen: dict[tuple[str, str], Seen] = {}

    def check(self, channel: str, cid: str, message: dict, now_ms: int) -> str:
        """"new" (run it), "again" (the last one resent: answer its reply, do not run)
        or the one-line reason it is dropped."""
        ts, n = message.get("ts_ms"), message.get("n")
        if isinstance(ts, bool) or not isinstance(ts, int | float):
            return "no timestamp (ts_ms)"
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            return "no counter (n)"
        if abs(ts - now_ms) > self.window_ms or ts < self.started_ms:
            return f"stale: its clock is {(ts - now_ms) / 1000:+.1f} s from the console's"
        last = self.seen.get((channel, cid))
        if last is not None and n <= last.n:
            if n == last.n and message.get("id") == last.ident and last.reply is not None:
                return "again"
            return f"replayed: counter {n} already seen (last {last.n})"
        return "new"

    def accept(self, channel: str, cid: str, message: dict) -> Seen:
        seen = Seen(int(message["n"]), message.get("id"))
        self.seen[(channel, cid)] = seen
        return seen

    def last(self, channel: str, cid: str) -> Seen | None:
        return self.seen.get((channel, cid))
