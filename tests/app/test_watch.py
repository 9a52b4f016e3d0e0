"""The one watcher of linked files (app/watch.py), without Qt: a hand-driven clock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from moderator_app.app.watch import CHANGED, MISSING, UNREADABLE, FileWatch, Stamp


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


def kinds(events) -> list[tuple[str, str]]:
    return [(e.path.name, e.kind) for e in events]


def test_an_unchanged_file_is_never_reported(tmp_path: Path, clock: Clock) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("a,b\n")
    watch = FileWatch([sheet], clock=clock)
    for _ in range(5):
        clock.t += 1
        assert watch.poll() == []


def test_a_change_is_reported_once_it_settled(tmp_path: Path, clock: Clock) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("a,b\n")
    watch = FileWatch([sheet], settle_s=0.4, clock=clock)
    before = watch.good(sheet)
    sheet.write_text("a,b\n1,2\n")
    assert watch.poll() == []  # just seen: it may still be being written
    clock.t += 0.3
    assert watch.poll() == []
    clock.t += 0.2
    (event,) = watch.poll()
    assert event.kind == CHANGED and event.path == sheet
    st = os.stat(sheet)
    assert event.stamp == Stamp(st.st_mtime_ns, st.st_size, st.st_ino) != before
    assert watch.good(sheet) == event.stamp
    clock.t += 1
    assert watch.poll() == []  # reported once


def test_a_file_saved_in_several_writes_is_reported_once(tmp_path: Path, clock: Clock) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("")
    watch = FileWatch([sheet], settle_s=0.4, clock=clock)
    reported = []
    with sheet.open("a") as handle:
        for i in range(6):  # a write every 0.2 s: never still for 0.4 s
            handle.write(f"row {i}\n" * 50)
            handle.flush()
            reported += watch.poll()
            clock.t += 0.2
    assert reported == []
    clock.t += 0.5
    reported += watch.poll()
    assert kinds(reported) == [("sheet.csv", CHANGED)]
    assert reported[0].stamp.size == sheet.stat().st_size


def test_a_disappearing_file_is_reported_and_its_last_good_state_kept(
    tmp_path: Path, clock: Clock
) -> None:
    sheet = tmp_path / "sheet.csv"
    other = tmp_path / "other.csv"
    for path in (sheet, other):
        path.write_text("a,b\n")
    watch = FileWatch([sheet, other], settle_s=0.4, clock=clock)
    good = watch.good(sheet)
    sheet.unlink()
    watch.poll()
    clock.t += 0.5
    assert kinds(watch.poll()) == [("sheet.csv", MISSING)]
    assert watch.good(sheet) == good
    clock.t += 5
    assert watch.poll() == []  # said once
    sheet.write_text("a,b\n1,2\n")  # back: a change to read
    watch.poll()
    clock.t += 0.5
    (event,) = watch.poll()
    assert event.kind == CHANGED and watch.good(sheet) == event.stamp != good


def test_a_save_by_replacing_the_file_is_seen_even_with_the_same_time_and_size(
    tmp_path: Path, clock: Clock
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("a,b\n1,2\n")
    st = sheet.stat()
    watch = FileWatch([sheet], settle_s=0.4, clock=clock)
    tmp = tmp_path / "sheet.csv.tmp"
    tmp.write_text("a,b\n3,4\n")  # same size
    os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))  # same time
    keep = tmp_path / "old.csv"
    os.link(sheet, keep)  # the old inode stays in use: the new file cannot reuse it
    os.replace(tmp, sheet)
    watch.poll()
    clock.t += 0.5
    (event,) = watch.poll()
    assert event.kind == CHANGED and event.stamp.inode != st.st_ino
    assert (event.stamp.mtime_ns, event.stamp.size) == (st.st_mtime_ns, st.st_size)


def test_a_file_that_is_not_a_regular_file_is_unreadable(tmp_path: Path, clock: Clock) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("a,b\n")
    watch = FileWatch([sheet], settle_s=0.4, clock=clock)
    good = watch.good(sheet)
    sheet.unlink()
    sheet.mkdir()  # a sync tool put a folder there
    watch.poll()
    clock.t += 0.5
    assert kinds(watch.poll()) == [("sheet.csv", UNREADABLE)]
    assert watch.good(sheet) == good
    clock.t += 5
    watch.poll()
    clock.t += 0.5
    assert watch.poll() == []  # said once
    shutil.rmtree(sheet)
    sheet.write_text("a,b\n1,2\n")
    watch.poll()
    clock.t += 0.5
    assert kinds(watch.poll()) == [("sheet.csv", CHANGED)]


CHILD = r"""
import os, sys, time
sys.path.insert(0, sys.argv[2])
from moderator_app.app.watch import FileWatch
os.setgid(65534); os.setuid(65534)  # nobody: file permissions hold from here on
sheet = sys.argv[1]
t = [0.0]
watch = FileWatch([sheet], settle_s=0.4, clock=lambda: t[0])
print("start", watch.good(sheet) is not None, flush=True)
sys.stdin.readline()  # the parent made the file unreadable
for step in range(3):
    events = watch.poll(); t[0] += 0.5
    print("poll", [e.kind for e in events], flush=True)
print("good", watch.good(sheet) is not None, flush=True)
sys.stdin.readline()  # the parent made it readable again
for step in range(2):
    events = watch.poll(); t[0] += 0.5
    print("poll", [e.kind for e in events], flush=True)
"""


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to run the watcher as another user")  # fmt: skip
def test_a_file_turned_unreadable_is_reported_and_its_recovery_too() -> None:
    # Root reads any file: the watcher runs as nobody, the file really is unreadable to it
    # (in a folder of its own under /tmp, which nobody can reach; pytest's is root's only).
    shared = Path(tempfile.mkdtemp(prefix="watch-"))
    shared.chmod(0o755)
    try:
        _unreadable_for_nobody(shared)
    finally:
        shutil.rmtree(shared)


def _unreadable_for_nobody(shared: Path) -> None:
    sheet = shared / "sheet.csv"
    sheet.write_text("a,b\n")
    sheet.chmod(0o644)
    root = str(Path(__file__).resolve().parents[2])
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(sheet), root],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout.readline().split() == ["start", "True"]
        sheet.chmod(0o600)  # root's alone now
        child.stdin.write("\n")
        child.stdin.flush()
        polls = [child.stdout.readline().strip() for _ in range(3)]
        assert polls == ["poll []", "poll ['unreadable']", "poll []"]
        assert child.stdout.readline().split() == ["good", "True"]  # the last good state
        sheet.chmod(0o644)
        child.stdin.write("\n")
        child.stdin.flush()
        polls = [child.stdout.readline().strip() for _ in range(2)]
        assert polls == ["poll []", "poll ['changed']"]
    finally:
        child.stdin.close()
        child.wait(10)


def test_set_paths_keeps_the_state_of_paths_still_watched(tmp_path: Path, clock: Clock) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (a, b):
        path.write_text("x\n")
    watch = FileWatch([a], settle_s=0.4, clock=clock)
    a.write_text("x\ny\n")
    watch.poll()
    watch.set_paths([a, b])  # b is new: not reported; a still settling
    assert watch.paths == [a, b]
    clock.t += 0.5
    assert kinds(watch.poll()) == [("a.csv", CHANGED)]
    watch.remove(a)
    b.write_text("changed\n")
    watch.poll()
    clock.t += 0.5
    assert kinds(watch.poll()) == [("b.csv", CHANGED)]


def test_reset_reports_the_file_as_it_is(tmp_path: Path, clock: Clock) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("x\n")
    watch = FileWatch([sheet], settle_s=0.0, clock=clock)
    assert watch.poll() == []
    watch.reset(sheet)
    assert kinds(watch.poll()) == [("sheet.csv", CHANGED)]
    assert watch.poll() == []
