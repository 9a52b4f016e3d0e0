"""A tiny NTP server on loopback for tests: answers each request with a chosen clock offset
(or, to test failures, with garbage, or not at all)."""

from __future__ import annotations

import socket
import struct
import threading
import time

NTP_DELTA = 2208988800  # 1900-01-01 to 1970-01-01
ANSWER = "answer"
GARBAGE = "garbage"  # 48 bytes that are no NTP answer
SHORT = "short"  # a few bytes
SILENT = "silent"  # never answers


def _ntp(ts: float) -> tuple[int, int]:
    whole = int(ts)
    return whole, int((ts - whole) * 2**32) & 0xFFFFFFFF


class NtpResponder:
    def __init__(self, offset_s: float = 0.0, mode: str = ANSWER) -> None:
        self.offset_s = offset_s
        self.mode = mode
        self.requests = 0
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def server(self) -> str:
        return f"127.0.0.1:{self.port}"

    def __enter__(self) -> NtpResponder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self.sock.recvfrom(512)
            except (TimeoutError, OSError):
                continue
            self.requests += 1
            if self.mode == SILENT or len(data) < 48:
                continue
            if self.mode == GARBAGE:
                self.sock.sendto(bytes(range(48)), peer)
                continue
            if self.mode == SHORT:
                self.sock.sendto(b"\x24\x02", peer)
                continue
            orig_sec, orig_frac = struct.unpack("!II", data[40:48])
            now = time.time() + NTP_DELTA + self.offset_s
            sec, frac = _ntp(now)
            reply = struct.pack(
                "!B B b b 11I",
                (0 << 6) | (3 << 3) | 4,  # no leap warning, version 3, server
                2,  # stratum
                4,
                -20,
                0,
                0,
                0x7F000001,
                sec, frac,  # reference
                orig_sec, orig_frac,  # originate: the request's transmit time
                sec, frac,  # receive
                sec, frac,  # transmit
            )  # fmt: skip
            self.sock.sendto(reply, peer)
