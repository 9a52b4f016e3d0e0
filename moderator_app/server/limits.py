"""The bounds that keep a flood or a hostile client from hurting the show."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

MAX_BODY = 16 * 1024  # request bodies and WebSocket messages
MAX_CLIENTS = 256  # WebSocket clients at once (more: 503)
COMMANDS_PER_S = 20.0  # per WebSocket client or HTTP client address, sustained
COMMAND_BURST = 40.0
# HTTP: per client address (several buttons or pages may share one machine or NAT).
HTTP_PER_S = 50.0
HTTP_BURST = 100.0
ASK_EVERY_S = 10.0  # the audience form: one question per client address per 10 s
SEND_TIMEOUT_S = 2.0  # a client that does not read its pushes for this long is dropped


class Bucket:
    """A token bucket: ``take`` is False when the client goes faster than allowed."""

    def __init__(self, rate: float = COMMANDS_PER_S, burst: float = COMMAND_BURST) -> None:
        self.rate, self.burst = rate, burst
        self.level = burst
        self.at = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.level = min(self.burst, self.level + (now - self.at) * self.rate)
        self.at = now
        if self.level < 1:
            return False
        self.level -= 1
        return True


class PerAddress:
    """One bucket per client address (bounded: the oldest are forgotten)."""

    def __init__(self, rate: float, burst: float, keep: int = 4096) -> None:
        self.rate, self.burst, self.keep = rate, burst, keep
        self.buckets: dict[str, Bucket] = {}

    def take(self, address: str) -> bool:
        bucket = self.buckets.get(address)
        if bucket is None:
            if len(self.buckets) >= self.keep:
                self.buckets.pop(next(iter(self.buckets)))
            bucket = self.buckets[address] = Bucket(self.rate, self.burst)
        return bucket.take()

    def refund(self, address: str) -> None:
        """Give back a take that did nothing (a malformed question is not one asked)."""
        bucket = self.buckets.get(address)
        if bucket is not None:
            bucket.level = min(bucket.burst, bucket.level + 1)


def origin_allowed(origin: str | None, host: str | None) -> bool:
    """A WebSocket may come from no browser (no Origin) or from our own pages (the same
    host:port as the request's Host): a page elsewhere cannot drive the show."""
    if origin is None:
        return True
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host) and parts.netloc.lower() == host.lower()
