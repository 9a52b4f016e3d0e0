"""The real console, in a subprocess, under SIGKILL, a stepped clock, a refusing disk and a
second console. Marked slow; they run in CI (each takes a second or two).
"""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path

import pytest

from tests.faults.conftest import cli

pytestmark = pytest.mark.slow


def folded(kind: str):
    return lambda line: line.get("folded") == kind


def test_sigkill_during_a_running_segment_loses_nothing(
    consoles, new_show: Path, fault_dir: Path
) -> None:
    console = consoles(new_show, fault_dir)
    assert console.wait_for(lambda line: "ready" in line)["readonly"] is False
    console.command("start")
    console.wait_for(folded("start"))
    cli(fault_dir, "control", str(new_show), "add-time", "60")  # the console follows it
    console.wait_for(folded("add_time"))
    console.command("next")
    console.wait_for(folded("next"))
    next_at = time.monotonic()
    time.sleep(0.6)
    console.kill()
    killed_at = time.monotonic()

    status = cli(fault_dir, "status", str(new_show), "--json")
    live = status["live"]
    assert live["state"] == "running"
    assert live["current_index"] == 1
    # Still running on the wall clock: at least the time up to the kill, and no more than
    # the time up to this reading.
    assert killed_at - next_at - 0.1 <= live["elapsed_s"] <= time.monotonic() - next_at + 0.1

    # A new console takes the file over (the dead one's lock is not stale) and resumes it.
    again = consoles(new_show, fault_dir)
    assert again.wait_for(lambda line: "ready" in line)["readonly"] is False
    tick = again.wait_for(lambda line: line.get("tick") and line["state"] == "running")
    assert tick["index"] == 1
    assert tick["elapsed_s"] >= killed_at - next_at - 0.1


def test_clock_step_keeps_the_countdown_smooth_and_is_reported(
    consoles, new_show: Path, fault_dir: Path
) -> None:
    console = consoles(new_show, fault_dir)
    console.wait_for(lambda line: "ready" in line)
    console.command("start")
    console.wait_for(folded("start"))
    started = time.monotonic()
    time.sleep(1.2)
    (fault_dir / "clock_offset").write_text("-600")  # NTP pulls the clock back ten minutes
    jump = console.wait_for(folded("clock.jump"))
    assert jump["payload"]["delta_s"] == pytest.approx(-600, abs=1)
    time.sleep(1.2)
    ticks = [line for line in console.lines if line.get("tick") and line["state"] == "running"]
    remaining = [t["remaining_s"] for t in ticks]
    assert len(remaining) >= 3
    steps = [a - b for a, b in pairwise(remaining)]
    assert all(-0.01 <= step <= 1.5 for step in steps), steps  # counts down, never leaps

    status = cli(fault_dir, "status", str(new_show), "--json")["live"]
    assert status["elapsed_s"] == pytest.approx(time.monotonic() - started, abs=0.7)
    events = cli(fault_dir, "report", str(new_show), "--json")["events"]
    jumps = [e for e in events if e["type"] == "clock.jump"]
    assert [round(e["payload"]["delta_s"]) for e in jumps] == [-600]  # the report marks it


@pytest.mark.parametrize("fault", ["readonly", "full"])
def test_refused_writes_are_loud_kept_and_written_later(
    consoles, new_show: Path, fault_dir: Path, fault: str
) -> None:
    console = consoles(new_show, fault_dir)
    console.wait_for(lambda line: "ready" in line)
    console.command("start")
    console.wait_for(folded("start"))
    (fault_dir / "write_fault").write_text(fault)
    console.command("pause")
    console.wait_for(lambda line: line.get("folded") == "pause" and line["seq"] is None)
    banner = console.wait_for(lambda line: "NOT SAVED" in (line.get("banner") or ""))["banner"]
    assert ("full" if fault == "full" else "cannot be written") in banner
    console.wait_for(lambda line: line.get("tick") and line["state"] == "paused")
    assert cli(fault_dir, "status", str(new_show), "--json")["live"]["state"] == "running"

    (fault_dir / "write_fault").unlink()
    console.wait_for(lambda line: line.get("banner") == "", timeout=5)
    assert cli(fault_dir, "status", str(new_show), "--json")["live"]["state"] == "paused"


def test_second_console_follows_read_only(consoles, new_show: Path, fault_dir: Path) -> None:
    owner = consoles(new_show, fault_dir)
    assert owner.wait_for(lambda line: "ready" in line)["readonly"] is False
    other_dir = fault_dir.parent / "other"
    other_dir.mkdir()
    follower = consoles(new_show, other_dir)
    assert follower.wait_for(lambda line: "ready" in line)["readonly"] is True
    assert "read-only" in follower.wait_for(lambda line: line.get("banner"))["banner"].lower()
    cli(fault_dir, "control", str(new_show), "start")  # the command line still writes
    owner.wait_for(folded("start"))
    follower.wait_for(folded("start"))
    follower.command("pause")  # refused: a follower never writes
    follower.wait_for(lambda line: line.get("tick") and line["state"] == "running")
    time.sleep(0.3)
    assert cli(fault_dir, "status", str(new_show), "--json")["live"]["state"] == "running"
