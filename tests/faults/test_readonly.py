"""The real program on a really read-only show: a tmpfs remounted read-only, then read-write
to "fix" it. Read-only commands work on read-only media; the console owns the show, says
NOT SAVED from the start, keeps timing, and saves once the disk is writable again; closing
before that keeps the actions in a rescue file that the next opening writes back.
Marked slow; run in CI.
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


def run(fault_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(HARNESS), *args],
        capture_output=True,
        text=True,
        env=program_env(fault_dir),
        cwd=fault_dir,
        timeout=60,
    )


def journal(path: Path) -> list[str]:
    with ShowFile.open(path, readonly=True) as f:
        return [a.type for a in f.actions()]


def folded(kind: str, seq_none: bool):
    return lambda line: line.get("folded") == kind and (line["seq"] is None) == seq_none


@pytest.fixture
def disk(tmp_path: Path):
    with small_disk(tmp_path / "disk", size_kb=2048) as mounted:
        yield mounted


@pytest.fixture
def show(disk, fault_dir: Path) -> Path:
    path = disk.path / "live.show"
    cli(fault_dir, "new", str(path))
    cli(fault_dir, "control", str(path), "start")
    return path


def test_read_only_commands_work_on_read_only_media(disk, show: Path, fault_dir: Path) -> None:
    disk.readonly()
    assert cli(fault_dir, "status", str(show), "--json")["live"]["state"] == "running"
    assert cli(fault_dir, "report", str(show), "--json")["run"]["state"] == "in_progress"
    assert cli(fault_dir, "questions", "list", str(show), "--json")["questions"] == []
    out = fault_dir / "sheet.csv"
    assert cli(fault_dir, "runsheet", "export", str(show), str(out))["segments"] > 0
    assert out.is_file()
    # A command that writes says, in one line, that nothing was saved and what to do.
    done = run(fault_dir, "control", str(show), "pause")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("moderator-app: error: ")
    assert "cannot be written" in lines[0] and "NOT saved" in lines[0]
    assert "make it writable" in lines[0]
    disk.writable()
    assert journal(show) == ["start"]


def test_console_on_a_read_only_disk_saves_once_remounted_writable(
    consoles, disk, show: Path, fault_dir: Path
) -> None:
    disk.readonly()
    console = consoles(show, fault_dir)
    assert console.wait_for(lambda line: "ready" in line)["readonly"] is False  # still owns it
    banner = console.wait_for(lambda line: "NOT SAVED" in (line.get("banner") or ""))["banner"]
    assert "cannot be written" in banner  # said before the first key
    console.command("pause", "resume")
    console.wait_for(folded("pause", True))
    console.wait_for(folded("resume", True))
    disk.writable()  # the fix the banner asks for; the console notices by itself
    console.wait_for(lambda line: line.get("banner") == "", timeout=5)
    assert journal(show) == ["start", "pause", "resume"]
    console.command("next")
    console.wait_for(folded("next", False))
    assert journal(show) == ["start", "pause", "resume", "next"]


def test_closing_before_the_fix_keeps_the_actions_for_the_next_opening(
    consoles, disk, show: Path, fault_dir: Path
) -> None:
    disk.readonly()
    console = consoles(show, fault_dir)
    console.wait_for(lambda line: "ready" in line)
    console.command("pause")
    console.wait_for(folded("pause", True))
    console.command("close")
    assert console.wait_for(lambda line: "dialog" in line)["dialog"] == "UnsavedOnClose"
    console.command("dialog:Enter")  # the default keeps the console open
    console.wait_for(lambda line: line.get("tick"))
    assert console.proc.poll() is None
    console.command("close")
    console.wait_for(lambda line: line.get("dialog") == "UnsavedOnClose")
    console.command("dialog:rescue")
    where = console.wait_for(lambda line: line.get("dialog") == "")["text"]  # says where
    console.command("dialog:Enter")
    assert console.proc.wait(timeout=10) == 0
    # The show's folder is read-only: the rescue file went to the user data folder.
    assert "unsaved" in where and str(disk.path) not in where

    note = run(fault_dir, "status", str(show), "--json")
    assert note.returncode == 0
    assert "1 action(s) the console could not save" in note.stderr
    assert "moderator-app rescue" in note.stderr

    disk.writable()
    again = consoles(show, fault_dir)
    offer = again.wait_for(lambda line: line.get("dialog") == "ReplayUnsaved")
    assert "1 action(s)" in offer["text"] and "cannot be written" in offer["text"]
    again.command("dialog:replay")
    again.wait_for(lambda line: line.get("folded") == "pause" and line["seq"] is not None)
    assert journal(show) == ["start", "pause"]
    assert cli(fault_dir, "status", str(show), "--json")["live"]["state"] == "paused"
    assert cli(fault_dir, "rescue", str(show))["file"] is None


def test_command_line_replays_a_rescue_file(consoles, disk, show: Path, fault_dir: Path) -> None:
    disk.readonly()
    console = consoles(show, fault_dir)
    console.wait_for(lambda line: "ready" in line)
    console.command("pause", "resume")
    console.wait_for(folded("resume", True))
    console.command("close")
    console.wait_for(lambda line: line.get("dialog") == "UnsavedOnClose")
    console.command("dialog:rescue")
    console.wait_for(lambda line: line.get("dialog") == "")
    console.command("dialog:Enter")
    assert console.proc.wait(timeout=10) == 0
    listed = cli(fault_dir, "rescue", str(show))
    assert [a["type"] for a in listed["actions"]] == ["pause", "resume"]
    refused = run(fault_dir, "rescue", str(show), "--replay")  # still read-only
    assert refused.returncode == 2 and "NOT saved" in refused.stderr
    disk.writable()
    assert cli(fault_dir, "rescue", str(show), "--replay")["replayed"] == 2
    assert journal(show) == ["start", "pause", "resume"]
    assert cli(fault_dir, "rescue", str(show))["file"] is None
