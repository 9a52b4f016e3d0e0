"""The links to share: every role's URL with its token, the machine's LAN addresses, and
QR codes (segno) for the terminal."""

from __future__ import annotations

import io
import socket

import segno

from moderator_app.app.sharing import ShareRole, Tokens

VIEW_PAGES = ("timer", "overlay")
PRODUCER_PAGES = ("backstage", "cuesheet", "questions")


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (no packet is sent)."""
    found: list[str] = []
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP connect: picks the route, sends nothing
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    out = []
    for address in found:
        if not address.startswith("127.") and address != "0.0.0.0" and address not in out:
            out.append(address)
    return out


def link_host(host: str, addresses: list[str]) -> str:
    """The host to put in links: the first LAN address when listening on every interface."""
    if host in ("0.0.0.0", "", "::"):
        return addresses[0] if addresses else "127.0.0.1"
    return host


def links(host: str, port: int, tokens: Tokens, *, ask: bool) -> dict:
    """Every role's links, as ``serve --machine`` prints them."""
    base = f"http://{host}:{port}"
    out: dict = {
        "view": {p: f"{base}/{p}?token={tokens[ShareRole.VIEW]}" for p in VIEW_PAGES},
        "producer": {
            p: f"{base}/{p}?token={tokens[ShareRole.PRODUCER]}" for p in PRODUCER_PAGES
        },
        "control": {"api": f"{base}/api/?token={tokens[ShareRole.CONTROL]}"},
    }
    if ask:
        out["ask"] = {"ask": f"{base}/ask?token={tokens[ShareRole.ASK]}"}
    return out


def qr_text(url: str) -> str:
    """A QR code of ``url`` drawn with text characters, for a terminal."""
    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()
