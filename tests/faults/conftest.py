"""Helpers to run the real program in a subprocess and follow what it prints."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HARNESS = REPO / "tests" / "faults" / "harness.py"


def program_env(fault_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
        FAULT_DIR=str(fault_dir),
        PYTHONUNBUFFERED="1",
    )
    return env


class Console:
    """A console process whose JSON lines are collected on a thread."""

    def __init__(self, show: Path, fault_dir: Path) -> None:
        self.fault_dir = fault_dir
        self.proc = subprocess.Popen(
            [sys.executable, str(HARNESS), str(show)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=program_env(fault_dir),
            cwd=fault_dir,
        )
        self.lines: list[dict] = []
        self._pos = 0  # wait_for reads on from the line after its last match
        self._queue: queue.Queue[dict] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            try:
                self._queue.put(json.loads(raw))
            except ValueError:
                continue

    def wait_for(self, match: Callable[[dict], bool], timeout: float = 10.0) -> dict:
        deadline = time.monotonic() + timeout
        for i in range(self._pos, len(self.lines)):
            if match(self.lines[i]):
                self._pos = i + 1
                return self.lines[i]
        self._pos = len(self.lines)
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.05)
            except queue.Empty:
                if self.proc.poll() is not None and self._queue.empty():
                    break
                continue
            self.lines.append(line)
            self._pos = len(self.lines)
            if match(line):
                return line
        raise AssertionError(f"console never printed the expected line; last: {self.lines[-5:]}")

    def command(self, *types: str) -> None:
        path = self.fault_dir / "commands"
        with path.open("a", encoding="utf-8") as fh:
            fh.write("".join(f"{t}\n" for t in types))

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def quit(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()


def cli(fault_dir: Path, *args: str) -> dict:
    """Run a headless command through the harness (same faulted clock) and parse its JSON."""
    done = subprocess.run(
        [sys.executable, str(HARNESS), *args],
        capture_output=True,
        text=True,
        env=program_env(fault_dir),
        cwd=fault_dir,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def fault_dir(tmp_path: Path) -> Path:
    path = tmp_path / "faults"
    path.mkdir()
    return path


@pytest.fixture
def new_show(tmp_path: Path, fault_dir: Path) -> Path:
    path = tmp_path / "live.show"
    cli(fault_dir, "new", str(path))
    return path


@pytest.fixture
def consoles():
    started: list[Console] = []

    def start(show: Path, fault_dir: Path) -> Console:
        console = Console(show, fault_dir)
        started.append(console)
        return console

    yield start
    for console in started:
        console.quit()
