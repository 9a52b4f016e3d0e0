"""SIGKILL in the middle of a run sheet save and of a bulk import: every commit the writer
announced is there in full, nothing half-written is, and the file opens cleanly.

These kill the layer every writer commits through, many times over: ``ShowFile.save_show``
(a run sheet save, with its journal entry in the same transaction) and
``ShowFile.append_many`` (a batch of ``question.`` actions). The real importers, run as the
real program on a live show, are killed in test_kill_importers.py.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from tests.faults.conftest import REPO

pytestmark = pytest.mark.slow

SAVER = """
import sys
from dataclasses import replace
from moderator_app.core.actions import Action
from moderator_app.io.showfile import ShowFile
f = ShowFile.open(sys.argv[1])
show = f.load_show()
base = list(show.segments)
n = 0
while True:
    n += 1
    # A big edit each time: 400 segments whose titles all carry the version number.
    show.title = f"v{n}"
    show.segments = [replace(base[i % len(base)], title=f"v{n} #{i}", id=f"s{i}")
                     for i in range(400)]
    f.save_show(show, journal=[Action("runsheet.replace", n, {"version": n})])
    print(n, flush=True)
"""

IMPORTER = """
import sys
from moderator_app.core.actions import Action
from moderator_app.io.showfile import ShowFile
f = ShowFile.open(sys.argv[1])
batch = 0
while True:
    batch += 1
    f.append_many(Action("question.import", batch, {"batch": batch, "i": i,
                         "text": "Quelle est la place des villes ? " * 4})
                  for i in range(500))
    print(batch, flush=True)
"""


def run_and_kill(script: str, show: Path, after_lines: int, extra_s: float) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(show)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    last = 0
    assert proc.stdout is not None
    for _ in range(after_lines):
        last = int(proc.stdout.readline())
    time.sleep(extra_s)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for line in proc.stdout.read().split():
        last = int(line)  # announced before the kill landed
    return last


def check_integrity(show: Path) -> None:
    db = sqlite3.connect(show)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


@pytest.mark.parametrize("extra_s", [0.0, 0.013, 0.037])
def test_kill_during_run_sheet_save(show_path: Path, extra_s: float) -> None:
    announced = run_and_kill(SAVER, show_path, after_lines=3, extra_s=extra_s)
    check_integrity(show_path)
    with ShowFile.open(show_path) as f:
        show = f.load_show()
        version = int(show.title[1:])
        assert version >= announced
        assert len(show.segments) == 400
        # One save is all or nothing: every title is from the same version as the header.
        assert {s.title.split()[0] for s in show.segments} == {show.title}
        journal = [a.payload["version"] for a in f.actions() if a.type == "runsheet.replace"]
        assert journal == list(range(1, version + 1))
    ShowSession.open(show_path).close()


@pytest.mark.parametrize("extra_s", [0.0, 0.011, 0.029])
def test_kill_during_bulk_import(show_path: Path, extra_s: float) -> None:
    announced = run_and_kill(IMPORTER, show_path, after_lines=2, extra_s=extra_s)
    check_integrity(show_path)
    with ShowFile.open(show_path) as f:
        batches: dict[int, int] = {}
        for action in f.actions():
            batches[action.payload["batch"]] = batches.get(action.payload["batch"], 0) + 1
    assert max(batches) >= announced
    assert set(batches.values()) == {500}  # no batch half-imported
    assert sorted(batches) == list(range(1, max(batches) + 1))
