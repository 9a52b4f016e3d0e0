"""Can this computer's clock be trusted? Its offset from a network time server (ntplib).

A laptop whose clock is 40 s off shows a wrong "now", a wrong "starts in" and wrong local
times for the speakers. The console asks at start and every few minutes (off the UI
thread), only when a server is configured: none by default, for a machine without internet
must not wait on one. The timer itself never uses this offset: it keeps running on the
monotonic guard (core/clock.py); the check only warns.
"""

from __future__ import annotations

import math
import socket
import time
from dataclasses import dataclass

import ntplib

DEFAULT_TIMEOUT_S = 2.0
NTP_PORT = 123
# Above this the console warns: a second is where a "starts in" or a countdown visibly lies.
WARN_OFFSET_S = 1.0
CHECK_EVERY_S = 5 * 60
# An offset this large is not a clock that drifted but an answer that is not time at all.
_ABSURD_S = 20 * 365 * 86400.0
_NTP_EPOCH_DELTA = 2208988800  # 1900-01-01 to 1970-01-01


class ClockCheckError(Exception):
    """The server gave no usable time; the message says what happened, in one line."""


@dataclass(frozen=True)
class ClockOffset:
    server: str
    offset_s: float  # positive: this computer's clock is behind the server's
    delay_s: float  # the round trip

    @property
    def off(self) -> bool:
        return abs(self.offset_s) > WARN_OFFSET_S

    def to_dict(self) -> dict:
        return {
            "server": self.server,
            "offset_s": round(self.offset_s, 6),
            "delay_s": round(self.delay_s, 6),
            "warn_above_s": WARN_OFFSET_S,
            "off": self.off,
        }


def split_server(text: str) -> tuple[str, int]:
    """``host``, ``host:port`` or ``[v6]:port`` as (host, port); ClockCheckError if not."""
    raw = str(text or "").strip()
    if not raw:
        raise ClockCheckError("No time server given")
    host, port = raw, NTP_PORT
    if raw.startswith("["):
        end = raw.find("]")
        if end < 0:
            raise ClockCheckError(f"Cannot read the server {raw!r}: a ']' is missing")
        host, rest = raw[1:end], raw[end + 1 :]
        if rest:
            if not rest.startswith(":"):
                raise ClockCheckError(f"Cannot read the server {raw!r}")
            port = _port(rest[1:], raw)
    elif raw.count(":") == 1:
        host, _, text_port = raw.partition(":")
        port = _port(text_port, raw)
    if not host:
        raise ClockCheckError(f"Cannot read the server {raw!r}: no host name")
    return host, port


def _port(text: str, raw: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise ClockCheckError(f"Cannot read the port of {raw!r}") from None
    if not 1 <= port <= 65535:
        raise ClockCheckError(f"{port} is not a port (1 to 65535)")
    return port


def measure_offset(server: str, timeout_s: float = DEFAULT_TIMEOUT_S) -> ClockOffset:
    """Ask ``server`` (``host[:port]``) for the time; ClockCheckError on a timeout, an
    unreachable or unknown server, or an answer that is not NTP time. Blocks at most about
    ``timeout_s``: call it off the UI thread."""
    host, port = split_server(server)
    sent = time.time()
    try:
        stats = ntplib.NTPClient().request(host, version=3, port=port, timeout=timeout_s)
    except ntplib.NTPException as exc:
        if "No response" in str(exc):
            raise ClockCheckError(
                f"The time server {server} did not answer within {timeout_s:g} s; "
                "the clock was not checked"
            ) from None
        raise ClockCheckError(
            f"The time server {server} answered something that is not NTP time"
        ) from None
    except socket.gaierror:
        raise ClockCheckError(f"Cannot find the time server {server}: check its name") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise ClockCheckError(f"Cannot reach the time server {server}: {reason}") from None
    _check_answer(stats, server, sent)
    return ClockOffset(server, float(stats.offset), float(stats.delay))


def _check_answer(stats: ntplib.NTPStats, server: str, sent: float) -> None:
    """Refuse an answer that cannot be a server's time: wrong mode, unsynchronised, a
    stratum of 0 ("kiss of death") or an absurd offset."""
    garbage = ClockCheckError(f"The time server {server} answered something that is not NTP time")
    if stats.mode not in (4, 5) or not 1 <= stats.stratum <= 15 or stats.leap == 3:
        raise garbage
    if not all(math.isfinite(v) for v in (stats.offset, stats.delay, stats.tx_timestamp)):
        raise garbage
    if stats.tx_timestamp <= 0 or abs(stats.offset) > _ABSURD_S:
        raise garbage
    # Our request's own stamp comes back as the originate time: anything else is not an
    # answer to this request.
    if abs(stats.orig_timestamp - (sent + _NTP_EPOCH_DELTA)) > 5.0:
        raise garbage
