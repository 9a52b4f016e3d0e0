"""The real console on a really full disk (a small tmpfs filled to the last byte).

On a full disk SQLite refuses the write at COMMIT (a timer action is a few bytes, the WAL
must grow) and has already rolled back; the console must still say NOT SAVED, keep timing,
and write the waiting actions in order once space is freed. Marked slow; run in CI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from moderator_app.io.showfile import ShowFile
from tests.faults.conftest import HARNESS, cli, program_env
from tests.faults.realfs import small_disk

pytestmark = pytest.mark.slow


def kept(kind: str):
    return lambda line: line.get("folded") == kind and line["seq"] is None


def saved(kind: str):
    return lambda line: line.get("folded") == kind and line["seq"] is not None


def journal(path: Path) -> list[tuple[str, int]]:
    with ShowFile.open(path, readonly=True) as f:
        return [(a.type, a.at_us) for a in f.actions()]


def test_console_on_a_full_disk_says_not_saved_keeps_timing_and_writes_later(
    consoles, fault_dir: Path, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk", size_kb=2048) as disk:
        show = disk.path / "live.show"
        cli(fault_dir, "new", str(show))
        console = consoles(show, fault_dir)
        assert console.wait_for(lambda line: "ready" in line)["readonly"] is False
        console.command("start")
        console.wait_for(saved("start"))
        disk.fill()

        console.command("pause")
        console.wait_for(kept("pause"))
        banner = console.wait_for(lambda line: "NOT SAVED" in (line.get("banner") or ""))
        assert "full" in banner["banner"] and "1 action(s) kept" in banner["banner"]
        console.wait_for(lambda line: line.get("tick") and line["state"] == "paused")
        console.command("resume", "next")
        console.wait_for(kept("resume"))
        console.wait_for(kept("next"))
        tick = console.wait_for(lambda line: line.get("tick") and line.get("index") == 1)
        assert tick["state"] == "running"  # timing goes on in memory
        # What the file holds (and what another program reads) is only what was saved.
        assert cli(fault_dir, "status", str(show), "--json")["live"]["current_index"] == 0
        assert [t for t, _ in journal(show)] == ["start"]
        assert console.proc.poll() is None  # no uncaught error took the console down

        disk.free()  # the moderator deletes a big file
        console.wait_for(lambda line: line.get("banner") == "", timeout=5)
        assert [t for t, _ in journal(show)] == ["start", "pause", "resume", "next"]
        status = cli(fault_dir, "status", str(show), "--json")["live"]
        assert status["current_index"] == 1 and status["state"] == "running"
        shown = [(line["folded"], line["at_us"]) for line in console.lines if "folded" in line]
        assert journal(show) == shown  # in order, with the time stamps the screen used
        console.quit()


def test_command_line_on_a_full_disk_says_nothing_was_saved(
    fault_dir: Path, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk", size_kb=2048) as disk:
        show = disk.path / "live.show"
        cli(fault_dir, "new", str(show))
        disk.fill()
        assert cli(fault_dir, "status", str(show), "--json")["live"]["state"] == "not_started"
        done = subprocess.run(
            [sys.executable, str(HARNESS), "control", str(show), "start"],
            capture_output=True,
            text=True,
            env=program_env(fault_dir),
            cwd=fault_dir,
            timeout=60,
        )
        assert done.returncode == 2 and done.stdout == ""
        line = done.stderr.strip()
        assert "\n" not in line and line.startswith("moderator-app: error: ")
        assert "the disk is full -- the change was NOT saved; free some space" in line
        disk.free()
        assert journal(show) == []
