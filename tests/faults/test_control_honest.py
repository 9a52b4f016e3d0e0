"""`control` is honest: it says it saved an action only when the action is in the file.

Real faults: a second process holding SQLite's write lock, a show file on a read-only
mount, a second process appending between our validation and our commit, and a command
whose clock is wrong (the fault harness's clock offset).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from moderator_app.core.actions import ActionType
from moderator_app.core.engine import TimerEngine
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from tests.faults.conftest import HARNESS, cli, program_env

pytestmark = pytest.mark.slow


def run_cli(fault_dir: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(HARNESS), *args],
        capture_output=True,
        text=True,
        env=program_env(fault_dir),
        cwd=fault_dir,
        timeout=timeout,
    )


def journal(path: Path) -> list[tuple[int, int, str, dict]]:
    with ShowFile.open(path, readonly=True) as f:
        return [(a.seq, a.at_us, a.type, a.payload) for a in f.actions()]


HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    db.execute("ROLLBACK")
    """
)


class LockHolder:
    """A real second writer: another process inside BEGIN IMMEDIATE on the show file."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "locked"

    def wait(self) -> None:
        self.proc.wait(timeout=30)


def test_control_fails_when_the_lock_is_held_past_the_wait(new_show: Path, fault_dir: Path) -> None:
    cli(fault_dir, "control", str(new_show), "start")
    before = journal(new_show)
    holder = LockHolder(new_show, 6)
    try:
        started = time.monotonic()
        done = run_cli(fault_dir, "control", str(new_show), "next", "--wait", "1")
        waited = time.monotonic() - started
    finally:
        holder.wait()
    assert done.returncode == 2, done.stdout
    assert done.stdout == ""  # no made-up state
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("moderator-app: error:")
    assert "NOT saved" in done.stderr and "locked" in done.stderr and "1 s" in done.stderr
    assert 0.9 <= waited < 5
    assert journal(new_show) == before  # nothing written later either (no retry at close)


def test_control_waits_for_a_lock_held_longer_than_two_seconds(
    new_show: Path, fault_dir: Path
) -> None:
    cli(fault_dir, "control", str(new_show), "start")
    holder = LockHolder(new_show, 5)  # well past the old 2 s, whatever the start-up time
    try:
        done = run_cli(fault_dir, "control", str(new_show), "next")  # default wait: 10 s
    finally:
        holder.wait()
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    entries = journal(new_show)
    assert out["seq"] == entries[-1][0] and entries[-1][2] == "next"
    assert out["live"]["current_index"] == 1


@pytest.fixture
def readonly_mount(tmp_path: Path):
    """A real read-only file: a small tmpfs remounted read-only (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only tmpfs needs root")
    mnt = tmp_path / "ro"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], check=True)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_control_on_a_read_only_file_fails_and_says_so(
    readonly_mount: Path, fault_dir: Path
) -> None:
    show = readonly_mount / "live.show"
    cli(fault_dir, "new", str(show))
    cli(fault_dir, "control", str(show), "start")
    before = journal(show)
    subprocess.run(["mount", "-o", "remount,ro", str(readonly_mount)], check=True)
    done = run_cli(fault_dir, "control", str(show), "pause")
    assert done.returncode == 2, done.stdout
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("moderator-app: error:")
    assert "cannot be written" in done.stderr or "read-only" in done.stderr
    assert journal(show) == before
    assert cli(fault_dir, "status", str(show), "--json")["live"]["state"] == "running"


def undo_targets(path: Path, show) -> list[tuple[object, object]]:
    """For each journaled undo: (the seq its payload names, the seq the fold really undid)."""
    engine = TimerEngine(show)
    pairs = []
    with ShowFile.open(path, readonly=True) as f:
        for action in f.actions():
            if action.type == ActionType.UNDO:
                undone = engine.last_undoable
                pairs.append((action.payload.get("undoes"), undone.seq if undone else None))
            engine.apply(action)
    return pairs


def test_undo_is_validated_against_the_journal_as_it_is_at_commit(
    new_show: Path, fault_dir: Path
) -> None:
    cli(fault_dir, "control", str(new_show), "start")
    cli(fault_dir, "control", str(new_show), "next")  # #2: the action the operator undoes
    session = ShowSession.open(new_show)
    validated, go = threading.Event(), threading.Event()
    real_prepare = session.engine.prepare

    def slow_prepare(*args, **kwargs):
        action = real_prepare(*args, **kwargs)
        if action.type == ActionType.UNDO:
            validated.set()
            go.wait(10)  # a slow moment between validation and commit
        return action

    session.engine.prepare = slow_prepare
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(a=session.perform(ActionType.UNDO)))
    worker.start()
    try:
        assert validated.wait(10)
        # A real second process appends a "next" while our undo is validated, not committed.
        other = subprocess.Popen(
            [sys.executable, str(HARNESS), "control", str(new_show), "next"],
            env=program_env(fault_dir),
            cwd=fault_dir,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            other.wait(timeout=3)  # with the fix it waits for our commit
        except subprocess.TimeoutExpired:
            pass
    finally:
        go.set()
        worker.join(10)
    _, err = other.communicate(timeout=30)
    session.close()
    assert other.returncode == 0, err
    assert result["a"].payload["undoes"] == 2
    pairs = undo_targets(new_show, session.show)
    assert pairs and all(named == undone for named, undone in pairs), pairs
    kinds = [entry[2] for entry in journal(new_show)]
    assert kinds == ["start", "next", "undo", "next"]


def test_a_session_never_folds_an_undo_of_another_action_than_it_journals(
    new_show: Path, fault_dir: Path
) -> None:
    """The same race, in memory: what the session folded matches a replay of the file."""
    cli(fault_dir, "control", str(new_show), "start")
    cli(fault_dir, "control", str(new_show), "next")
    session = ShowSession.open(new_show)
    real_prepare = session.engine.prepare

    def prepare_then_other_writer(*args, **kwargs):
        action = real_prepare(*args, **kwargs)
        if action.type == ActionType.UNDO:
            # A second connection tries to append meanwhile; with the lock held it cannot.
            other = ShowFile.open(new_show)
            other.db.execute("PRAGMA busy_timeout = 0")
            try:
                other.append(replace(action, type="note.other", payload={}))
            except Exception as exc:  # any refusal is what we want here
                result["other"] = str(exc)
            finally:
                other.close()
        return action

    result: dict = {}
    session.engine.prepare = prepare_then_other_writer
    session.perform(ActionType.UNDO)
    session.close()
    assert "locked" in result.get("other", "")


# -- the clock rule -----------------------------------------------------------------------


def skewed_dir(fault_dir: Path, name: str, offset_s: float) -> Path:
    """A fault directory whose processes' wall clock is ``offset_s`` off (harness switch)."""
    path = fault_dir.parent / name
    path.mkdir(exist_ok=True)
    (path / "clock_offset").write_text(str(offset_s))
    return path


def test_a_command_an_hour_ahead_journals_the_true_time(new_show: Path, fault_dir: Path) -> None:
    cli(fault_dir, "control", str(new_show), "start")
    started = time.monotonic()
    ahead = skewed_dir(fault_dir, "ahead", 3600)
    out = cli(ahead, "control", str(new_show), "next")
    took = time.monotonic() - started
    entries = journal(new_show)
    assert [e[2] for e in entries] == ["start", "next"]
    gap_s = (entries[1][1] - entries[0][1]) / 1e6
    assert 0 <= gap_s <= took + 0.5  # the real time between them, not an hour
    assert out["live"]["show_elapsed_s"] == pytest.approx(gap_s, abs=1)
    report = cli(fault_dir, "report", str(new_show), "--json")
    first = report["segments"][0]
    assert first["actual_duration_s"] == pytest.approx(gap_s, abs=0.01)
    assert first["over_under_s"] < 0  # no phantom hour of overtime
    status = cli(ahead, "status", str(new_show), "--json")["live"]  # wrong clock, true status
    assert status["current_index"] == 1 and status["elapsed_s"] < 5


def test_a_command_behind_the_journal_with_nothing_to_vouch_is_refused(
    new_show: Path, fault_dir: Path
) -> None:
    cli(fault_dir, "control", str(new_show), "start")
    (new_show.parent / f".{new_show.name}.clock").unlink()  # as from another computer
    before = journal(new_show)
    behind = skewed_dir(fault_dir, "behind", -3600)
    done = run_cli(behind, "control", str(new_show), "pause")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "behind the show's journal" in done.stderr and "nothing was saved" in done.stderr
    assert journal(new_show) == before


@pytest.mark.parametrize("carried", [True, False])
def test_a_clock_in_year_9999_never_poisons_the_journal(
    new_show: Path, fault_dir: Path, carried: bool
) -> None:
    cli(fault_dir, "control", str(new_show), "start")
    if not carried:
        (new_show.parent / f".{new_show.name}.clock").unlink()
    before = journal(new_show)
    from datetime import UTC, datetime

    offset = (datetime(9999, 12, 31, 23, 0, tzinfo=UTC) - datetime.now(UTC)).total_seconds()
    far = skewed_dir(fault_dir, "far", offset)
    done = run_cli(far, "control", str(new_show), "pause")
    assert "Traceback" not in done.stderr and "too large" not in done.stderr
    entries = journal(new_show)
    if carried:  # the show's clock, carried by this machine's uptime clock, is used
        assert done.returncode == 0, done.stderr
        assert 0 <= entries[-1][1] - before[-1][1] < 30 * 10**6
    else:
        assert done.returncode == 2 and "cannot be right" in done.stderr
        assert entries == before
    report = run_cli(fault_dir, "report", str(new_show), "--json")
    assert report.returncode == 0, report.stderr


def test_a_command_with_a_wrong_clock_follows_the_console_that_owns_the_show(
    consoles, new_show: Path, fault_dir: Path
) -> None:
    console = consoles(new_show, fault_dir)
    console.wait_for(lambda line: "ready" in line)
    console.command("start")
    console.wait_for(lambda line: line.get("folded") == "start")
    time.sleep(0.5)
    ahead = skewed_dir(fault_dir, "ahead", 3600)
    cli(ahead, "control", str(new_show), "next")
    console.wait_for(lambda line: line.get("folded") == "next")
    tick = console.wait_for(lambda line: line.get("tick") and line["index"] == 1)
    assert tick["elapsed_s"] < 5  # not an hour in the past, nor an hour of overtime behind
    entries = journal(new_show)
    assert 0.4 <= (entries[-1][1] - entries[0][1]) / 1e6 < 10


def test_the_owning_console_rebases_a_journal_that_runs_ahead_of_it(new_show: Path) -> None:
    """An old file holds an entry an hour ahead: the owner journals a correction and goes
    on; any other writer is refused rather than folding an impossible order."""
    from datetime import UTC, datetime, timedelta

    from moderator_app.core.actions import CLOCK_JUMP, Action, ActionRefused
    from moderator_app.core.clock import FakeClock, to_us
    from moderator_app.io.ownerlock import OwnerLock

    t0 = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)
    with ShowFile.open(new_show) as f:
        f.append(Action(ActionType.START, to_us(t0), {"segment": "welcome", "index": 0}))
        f.append(Action(ActionType.ADD_TIME, to_us(t0) + 3600 * 10**6, {"seconds": 60}))
    clock = FakeClock(t0 + timedelta(seconds=120))
    other = ShowSession.open(new_show, clock=clock)
    with pytest.raises(ActionRefused, match="behind the show's journal"):
        other.perform(ActionType.PAUSE, durable=True)
    other.close()

    owner = ShowSession.open(new_show, clock=clock)
    owner.owner_lock = OwnerLock.acquire(new_show)
    try:
        paused = owner.perform(ActionType.PAUSE)
        assert paused.seq is not None and paused.at_us == to_us(clock.now())
        kinds = [(e[2], e[3]) for e in journal(new_show)]
        assert kinds[-2] == (CLOCK_JUMP, {"delta_s": -3480.0}) and kinds[-1][0] == "pause"
        clock.advance(30)
        snap = owner.snapshot()
        assert snap.state == "paused" and snap.elapsed_s >= 0 and snap.paused_s == 30
    finally:
        owner.close()
    replay = TimerEngine(owner.show)
    with ShowFile.open(new_show, readonly=True) as f:
        for action in f.actions():
            replay.apply(action)
    assert replay.out_of_order == []  # the correction keeps the journal in order


def test_a_console_with_a_wrong_clock_journals_the_difference_first(
    consoles, new_show: Path, fault_dir: Path
) -> None:
    cli(fault_dir, "control", str(new_show), "start")
    started = time.monotonic()
    ahead = skewed_dir(fault_dir, "ahead", 3600)
    console = consoles(new_show, ahead)
    assert console.wait_for(lambda line: "ready" in line)["readonly"] is False
    console.command("next")
    jump = console.wait_for(lambda line: line.get("folded") == "clock.jump")
    assert jump["payload"]["delta_s"] == pytest.approx(3600, abs=2)
    console.wait_for(lambda line: line.get("folded") == "next")
    took = time.monotonic() - started
    console.quit()
    first = cli(fault_dir, "report", str(new_show), "--json")["segments"][0]
    assert 0 <= first["running_s"] <= took + 0.5  # no phantom hour
    events = cli(fault_dir, "report", str(new_show), "--json")["events"]
    assert [e["type"] for e in events] == ["start", "clock.jump", "next"]
