"""The real command line on hostile spreadsheets: exit 2, one line, no traceback, soon.

Before the guard, ``questions preview`` on a 1.6 KB xlsx aborted (exit 134) after
calamine asked for 512 GB, a named pipe made every command wait forever and
``/dev/zero`` ended in a MemoryError.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.io import hostile_files as hostile

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

COMMANDS = {
    "questions preview": lambda f, tmp: ["questions", "preview", str(f), "--json"],
    "runsheet preview": lambda f, tmp: ["runsheet", "preview", str(f), "--json"],
    "new --runsheet": lambda f, tmp: ["new", str(tmp / "made.show"), "--runsheet", str(f)],
}


def run(args: list[str]) -> tuple[int, str, str, float]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "moderator_app", *args], cwd=REPO,
                              env=env, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} still running after 60 s")
    return done.returncode, done.stdout, done.stderr, time.monotonic() - started


def check_refused(args: list[str], path: Path, words: str) -> None:
    code, out, err, elapsed = run(args)
    assert code == 2, f"exit {code}: {err[-400:]}"
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("moderator-app: error: "), err[-400:]
    assert "Traceback" not in err and str(path) in err and words in err
    assert elapsed < 20  # a few seconds, most of it Python starting on a busy machine


def hostile_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    fifo = folder / "pipe.xlsx"
    os.mkfifo(fifo)
    files = {name: (make(folder), "this file is too large or damaged to read")
             for name, make in hostile.HOSTILE_XLSX.items()}
    files["fifo"] = (fifo, "is a named pipe (FIFO), not a spreadsheet file")
    files["/dev/zero"] = (Path("/dev/zero"), "is a device, not a spreadsheet file")
    return files


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_refuses_each_hostile_file(tmp_path: Path, command: str) -> None:
    for path, words in hostile_inputs(tmp_path).values():
        check_refused(COMMANDS[command](path, tmp_path), path, words)
    assert not (tmp_path / "made.show").exists()


def test_a_fine_file_after_them_still_reads(tmp_path: Path) -> None:
    path = hostile.huge_dimension_xlsx(tmp_path)
    code, out, err, _ = run(["questions", "preview", str(path), "--json"])
    assert code == 0, err
    assert "diplomatie climatique" in out
