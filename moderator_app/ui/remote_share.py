"""Remote links in the console: the broker settings, the passwords' files, and what the
server child says about the links and who is connected.

Off by default. Turned on in Share on network ▸ Remote links, the same ``serve`` child
runs with ``--broker …`` (and ``--speaker NAME`` per speaker): the bridge lives in that
child, so the console's UI thread never waits on a broker. Passwords never go on the
command line (``ps`` shows it to everyone) nor into the show file or a log: each goes to
a file of its own in the console's config folder, readable by its owner only (0600),
which the child reads (``--broker-password-file``).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from moderator_app.app import remote_keys
from moderator_app.ui.server_process import RemoteOptions
from moderator_app.ui.settings import settings_path

if TYPE_CHECKING:
    from moderator_app.ui.network_share import NetworkShare

SETTINGS_GROUP = "remote"
BROKER_SECRET = "broker-password"  # the console's own broker login
BROWSER_SECRET = "browser-password"  # the login put into the links for browsers


# -- the passwords' files ---------------------------------------------------------------------
def secrets_folder() -> Path:
    return settings_path().parent / "remote"


def secret_path(name: str) -> Path:
    return secrets_folder() / name


def write_secret(name: str, text: str) -> Path:
    """``text`` into the file ``name`` in the secrets folder, 0600 from its first byte (never
    readable by others, not even a moment); replaced whole, so a crash leaves the old one."""
    folder = secrets_folder()
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    path = folder / name
    temp = folder / f".{name}.tmp"
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    return path


def forget_secret(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        secret_path(name).unlink()


def has_secret(name: str) -> bool:
    return secret_path(name).is_file()


# -- the settings -----------------------------------------------------------------------------
@dataclass(frozen=True)
class RemoteSettings:
    """What the moderator set for remote links on this machine (no password here)."""

    broker: str = ""
    user: str = ""
    ca: str = ""
    browser_broker: str = ""
    browser_user: str = ""

    def options(self, speakers: tuple[str, ...]) -> RemoteOptions:
        """The serve options, with the password files that exist for the users given."""
        password = str(secret_path(BROKER_SECRET)) if self.user and has_secret(
            BROKER_SECRET) else ""
        browser_password = str(secret_path(BROWSER_SECRET)) if self.browser_user and \
            has_secret(BROWSER_SECRET) else ""
        return RemoteOptions(self.broker, self.user, password, self.ca, self.browser_broker,
                             self.browser_user, browser_password, speakers)


FIELDS = ("broker", "user", "ca", "browser_broker", "browser_user")


def load_settings() -> RemoteSettings:
    store = QSettings(str(settings_path()), QSettings.Format.IniFormat)
    store.beginGroup(SETTINGS_GROUP)
    values = {name: str(store.value(name, "") or "") for name in FIELDS}
    store.endGroup()
    return RemoteSettings(**values)


def save_settings(settings: RemoteSettings) -> None:
    store = QSettings(str(settings_path()), QSettings.Format.IniFormat)
    store.beginGroup(SETTINGS_GROUP)
    for name in FIELDS:
        store.setValue(name, getattr(settings, name))
    store.endGroup()
    store.sync()


def check_settings(settings: RemoteSettings) -> str:
    """'' when the settings can be tried; else what is wrong, in English for a test (the
    dialog words its own lines)."""
    if not settings.broker.strip():
        return "broker"
    try:
        remote_keys.check_broker_url(settings.broker.strip())
    except remote_keys.RemoteInputError:
        return "broker"
    if settings.browser_broker.strip():
        try:
            url = remote_keys.check_broker_url(settings.browser_broker.strip())
        except remote_keys.RemoteInputError:
            return "browser_broker"
        if not url.startswith(("ws://", "wss://")):
            return "browser_broker"
    elif not settings.broker.strip().startswith(("ws://", "wss://")):
        return "browser_broker"  # browsers speak MQTT over WebSockets only
    if settings.ca and not Path(settings.ca).is_file():
        return "ca"
    return ""


# -- what the server says --------------------------------------------------------------------
@dataclass(frozen=True)
class Client:
    """One page open on a link (a browser tab, a phone)."""

    link: str
    client: str
    page: str
    connected: bool
    last_seen: datetime | None
    offset_ms: float | None
    rtt_ms: float | None


@dataclass(frozen=True)
class Link:
    id: str
    role: str
    name: str
    speaker: bool
    pages: dict[str, str]
    fragment: str


@dataclass(frozen=True)
class RemoteState:
    """The remote links as the server child said last."""

    status: str = "off"  # off | connecting | connected | down
    message: str = ""
    broker: str = ""
    links: tuple[Link, ...] = ()
    clients: tuple[Client, ...] = ()
    note: str = ""  # the links could not be saved in the show file
    clients_by_link: dict[str, tuple[Client, ...]] = field(default_factory=dict)

    def speakers(self) -> list[Link]:
        return [link for link in self.links if link.speaker]


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _when(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def links_of(items: object) -> tuple[Link, ...]:
    out = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        pages = item.get("pages") if isinstance(item.get("pages"), dict) else {}
        out.append(Link(item["id"], str(item.get("role", "")), str(item.get("name", "")),
                        bool(item.get("speaker")), {str(k): str(v) for k, v in pages.items()},
                        str(item.get("fragment", ""))))
    return tuple(out)


def clients_of(items: object) -> tuple[Client, ...]:
    out = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        out.append(Client(str(item.get("link", "")), str(item.get("client", "")),
                          str(item.get("page", "")), bool(item.get("connected")),
                          _when(item.get("last_seen")), _number(item.get("offset_ms")),
                          _number(item.get("rtt_ms"))))
    return tuple(out)


def updated(state: RemoteState, data: dict) -> RemoteState:
    """``state`` after one machine line (``remote`` or ``remote-clients``)."""
    if data.get("event") == "remote-clients":
        clients = clients_of(data.get("clients"))
        by_link: dict[str, list[Client]] = {}
        for client in clients:
            by_link.setdefault(client.link, []).append(client)
        return replace(state, clients=clients,
                       clients_by_link={k: tuple(v) for k, v in by_link.items()})
    status = str(data.get("status") or state.status)
    new = replace(state, status=status, message=str(data.get("message") or "").strip(),
                  broker=str(data.get("broker") or state.broker))
    if "links" in data:
        new = replace(new, links=links_of(data.get("links")),
                      note=str(data.get("links_note") or ""))
    return new


class RemoteShare(QObject):
    """The remote side of sharing: settings, passwords, the state the server child says.

    ``changed`` after every change (the dialog and the message bar follow it)."""

    changed = Signal()

    def __init__(self, share: NetworkShare) -> None:
        super().__init__(share)
        self.share = share
        self.enabled = False
        self.settings = load_settings()
        self.state = RemoteState()
        self.speakers: tuple[str, ...] = tuple(self.run_sheet_speakers())
        share.server.remote.connect(self._said)

    def run_sheet_speakers(self) -> list[str]:
        """The run sheet's speakers, each once, in their order."""
        seen: list[str] = []
        for segment in self.share.session.show.segments:
            name = segment.speaker.strip()
            if name and name not in seen:
                seen.append(name)
        return seen

    def options(self) -> RemoteOptions | None:
        return self.settings.options(self.speakers) if self.enabled else None

    def apply(self, settings: RemoteSettings, speakers: list[str], password: str | None,
              browser_password: str | None) -> None:
        """Remote links on with these settings: passwords to their files (None: keep the
        one saved), then the server (re)starts with the broker."""
        if password is not None:
            if password:
                write_secret(BROKER_SECRET, password)
            else:
                forget_secret(BROKER_SECRET)
        if browser_password is not None:
            if browser_password:
                write_secret(BROWSER_SECRET, browser_password)
            else:
                forget_secret(BROWSER_SECRET)
        self.settings = settings
        save_settings(settings)
        self.speakers = tuple(dict.fromkeys(s.strip() for s in speakers if s.strip()))
        self.enabled = True
        self.state = RemoteState(status="connecting", broker=settings.broker)
        self.share.restart()
        self.changed.emit()

    def turn_off(self) -> None:
        if not self.enabled:
            return
        self.enabled = False
        self.state = RemoteState()
        if self.share.running:
            self.share.restart()
        self.changed.emit()

    def revoke(self, link_id: str) -> str:
        """A new channel and key for the link (the old one stops within a second: the
        bridge follows the show file). '' or the one-line problem."""
        try:
            links = remote_keys.revoke(self.share.session, link_id)
        except remote_keys.RemoteInputError as exc:
            return str(exc)
        if not links.persisted:
            return links.problem
        return ""

    def server_gone(self) -> None:
        if self.state != RemoteState():
            self.state = RemoteState()
            self.changed.emit()

    def _said(self, data: dict) -> None:
        if not self.enabled:
            return
        self.state = updated(self.state, data)
        self.changed.emit()
