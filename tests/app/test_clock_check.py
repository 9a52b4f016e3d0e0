"""The clock check against a real NTP responder on loopback (no network needed)."""

from __future__ import annotations

import socket
import time

import pytest

from moderator_app.app.clock_check import (
    ClockCheckError,
    measure_offset,
    split_server,
)
from tests.ntp_responder import GARBAGE, SHORT, SILENT, NtpResponder


def test_measures_the_offset() -> None:
    with NtpResponder(offset_s=40.0) as ntp:
        result = measure_offset(ntp.server)
    assert result.offset_s == pytest.approx(40.0, abs=0.2)
    assert result.off
    with NtpResponder(offset_s=0.0) as ntp:
        assert not measure_offset(ntp.server).off


def test_a_silent_server_times_out_quickly() -> None:
    with NtpResponder(mode=SILENT) as ntp:
        began = time.monotonic()
        with pytest.raises(ClockCheckError, match=r"did not answer within 0\.3 s"):
            measure_offset(ntp.server, timeout_s=0.3)
        assert time.monotonic() - began < 2


@pytest.mark.parametrize("mode", [GARBAGE, SHORT])
def test_garbage_is_refused(mode: str) -> None:
    with NtpResponder(mode=mode) as ntp, pytest.raises(ClockCheckError, match="not NTP time"):
        measure_offset(ntp.server, timeout_s=1)


def test_unreachable_server() -> None:
    # A port nobody listens on: loopback answers with ICMP port unreachable.
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(ClockCheckError, match=r"(Cannot reach|did not answer)"):
        measure_offset(f"127.0.0.1:{port}", timeout_s=0.5)


def test_unknown_host_and_bad_text() -> None:
    with pytest.raises(ClockCheckError, match="Cannot find the time server"):
        measure_offset("no-such-host.invalid", timeout_s=0.5)
    with pytest.raises(ClockCheckError, match="port"):
        split_server("host:99999")
    assert split_server("[::1]:1234") == ("::1", 1234)
    assert split_server("pool.ntp.org") == ("pool.ntp.org", 123)
