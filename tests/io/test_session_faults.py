"""A show file that stops accepting writes mid-show, and a system clock that is stepped."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from moderator_app.core.actions import CLOCK_JUMP, Action, ActionType
from moderator_app.core.clock import FakeClock, MonotonicGuardClock
from moderator_app.io import session as session_module
from moderator_app.io.rescue import find_rescue, replay
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile, ShowFileError
from tests.faults.realfs import SmallDisk, read_only_file, small_disk


def journal_types(path: Path) -> list[str]:
    with ShowFile.open(path, readonly=True) as f:
        return [a.type for a in f.actions()]


@pytest.fixture(autouse=True)
def no_retry_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "RETRY_S", 0.0)


@pytest.fixture
def session(show_path: Path, clock: FakeClock):
    s = console_session(show_path, clock)
    yield s
    s.close()


# Real faults: a really full disk and a really read-only one (a small tmpfs).
@pytest.fixture
def disk(tmp_path: Path):
    with small_disk(tmp_path / "disk", size_kb=4096) as mounted:
        yield mounted


@pytest.fixture
def disk_show(disk: SmallDisk, seed_show) -> Path:
    path = disk.path / "live.show"
    ShowFile.create(path, seed_show).close()
    return path


def console_session(path: Path, clock: FakeClock) -> ShowSession:
    """A session that keeps unsaved actions in memory, as the console's does."""
    s = ShowSession.open(path, clock=clock)
    s.keep_unsaved = True
    return s


def saved(path: Path) -> list[tuple[str, int]]:
    with ShowFile.open(path, readonly=True) as f:
        return [(a.type, a.at_us) for a in f.actions()]


def test_read_only_disk_keeps_timing_in_memory_and_writes_once_writable(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    disk.readonly()
    s = console_session(disk_show, clock)  # SQLite alone would open it read-only silently
    assert not s.readonly  # still the owner: it writes once it can
    assert s.write_kind == "readonly" and "cannot be written" in s.write_error
    seen: list[str | None] = []
    s.subscribe_writes(seen.append)
    start = s.perform(ActionType.START)
    clock.advance(60)
    nxt = s.perform(ActionType.NEXT)
    assert start.seq is None and nxt.seq is None
    assert s.pending == [start, nxt]
    assert s.snapshot().current_index == 1  # the screen moved on regardless
    s.refresh()  # the retry (a fresh connection) fails quietly: still pending
    assert len(s.pending) == 2
    assert journal_types(disk_show) == []

    disk.writable()  # the fix the banner asks for: nothing else needed
    s.refresh()
    assert s.pending == [] and s.write_error is None and seen[-1] is None
    assert saved(disk_show) == [("start", start.at_us), ("next", nxt.at_us)]
    assert nxt.at_us - start.at_us == 60_000_000  # original time stamps kept
    reopened = ShowSession.open(disk_show, clock=clock)
    assert reopened.snapshot() == s.snapshot()
    reopened.close()
    s.close()


def test_read_only_disk_banner_clears_once_writable_even_with_nothing_waiting(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    disk.readonly()
    s = console_session(disk_show, clock)
    assert s.write_error is not None
    disk.writable()
    s.refresh()
    assert s.write_error is None
    assert s.perform(ActionType.START).seq is not None
    s.close()


def test_full_disk_keeps_order_with_next_action(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    s = console_session(disk_show, clock)
    s.perform(ActionType.START)
    disk.fill()
    s.perform(ActionType.MESSAGE, {"text": "x" * 20000})
    assert s.write_error is not None and "full" in s.write_error
    disk.free()
    clock.advance(5)
    stored = s.perform(ActionType.NEXT)  # flushes the kept one first
    assert stored.seq is not None
    assert journal_types(disk_show) == ["start", "message", "next"]
    s.close()


def test_foreign_actions_written_meanwhile_are_not_skipped(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    s = console_session(disk_show, clock)
    s.perform(ActionType.START)
    disk.fill()
    clock.advance(10)
    s.perform(ActionType.MESSAGE, {"text": "ours"})
    disk.free()
    other = ShowSession.open(disk_show, clock=clock)  # gets in before our retry
    other.perform(ActionType.ADD_TIME, {"seconds": 60})
    other.close()
    s.refresh()
    assert journal_types(disk_show) == ["start", "add_time", "message"]
    assert s.snapshot().allotted_s == s.show.segments[0].planned_duration_s + 60
    s.close()


def test_fault_injecting_wrapper(session: ShowSession, monkeypatch: pytest.MonkeyPatch) -> None:
    disk = {"full": True}
    real_many = session.file.append_many

    def broken(*_a, **_k):
        raise ShowFileError("test.show: the disk is full")

    def flaky_many(actions):
        if disk["full"]:
            raise ShowFileError("test.show: the disk is full")
        return real_many(actions)

    monkeypatch.setattr(session.file, "append", broken)
    monkeypatch.setattr(session.file, "append_checked", broken)
    monkeypatch.setattr(session.file, "append_many", flaky_many)
    session.perform(ActionType.START)
    session.perform(ActionType.PAUSE)
    session.refresh()
    assert len(session.pending) == 2
    disk["full"] = False
    session.refresh()
    assert session.pending == [] and session.write_error is None
    assert [a.seq for a in session.file.actions()] == [1, 2]


def test_read_only_session_still_refuses(show_path: Path, clock: FakeClock) -> None:
    ro = ShowSession.open(show_path, clock=clock, readonly=True)
    with pytest.raises(ShowFileError):
        ro.perform(ActionType.START)
    assert ro.pending == []
    ro.close()


def test_close_flushes_what_it_can(disk: SmallDisk, disk_show: Path, clock: FakeClock) -> None:
    s = console_session(disk_show, clock)
    s.perform(ActionType.START)
    disk.fill()
    s.perform(ActionType.PAUSE)
    disk.free()
    s.close()
    assert journal_types(disk_show) == ["start", "pause"]
    assert s.rescued_to is None


def test_close_keeps_what_it_cannot_write_in_a_rescue_file_beside_the_show(
    show_path: Path, clock: FakeClock
) -> None:
    with read_only_file(show_path) as fix:
        s = console_session(show_path, clock)
        assert s.write_kind == "readonly"
        start = s.perform(ActionType.START)
        clock.advance(3)
        pause = s.perform(ActionType.PAUSE)
        s.close()  # the file still refuses: into the rescue file, beside the show
        assert s.rescued_to == show_path.with_name("seed.show.unsaved.json")
        fix()
    assert journal_types(show_path) == []
    again = ShowSession.open(show_path, clock=clock)
    rescue = find_rescue(show_path)
    assert rescue is not None and rescue.actions == [start, pause]
    assert "cannot be written" in rescue.reason
    replay(again, rescue)
    assert saved(show_path) == [("start", start.at_us), ("pause", pause.at_us)]
    assert again.snapshot().state == "paused"
    assert find_rescue(show_path) is None
    again.close()


def test_rescue_goes_to_the_data_folder_when_the_shows_folder_takes_nothing(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    s = console_session(disk_show, clock)
    s.perform(ActionType.START)
    disk.fill()
    resume = s.perform(ActionType.PAUSE)
    s.close()
    assert s.rescued_to is not None and disk.path not in s.rescued_to.parents
    assert s.rescued_to.is_file()
    rescue = find_rescue(disk_show)
    assert rescue is not None and rescue.actions == [resume]


class SteppableWall:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.offset = timedelta(0)
        self.mono = 50.0

    def wall(self):
        return self.clock.now() + self.offset

    def monotonic(self) -> float:
        return self.mono

    def run(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.mono += seconds


def test_session_journals_a_clock_step_once(show_path: Path, clock: FakeClock) -> None:
    src = SteppableWall(clock)
    guard = MonotonicGuardClock(src.wall, src.monotonic)
    s = ShowSession.open(show_path, clock=guard)
    s.perform(ActionType.START)
    src.run(100)
    src.offset = timedelta(seconds=-90)  # NTP pulls the clock back 90 s
    before = s.snapshot().remaining_s
    src.run(1)
    after = s.snapshot().remaining_s
    assert before - after == pytest.approx(1.0)
    jumps = [a for a in s.file.actions() if a.type == CLOCK_JUMP]
    assert len(jumps) == 1 and jumps[0].payload["delta_s"] == pytest.approx(-90)
    s.close()
    # Reopened on the corrected system clock, elapsed is real running time.
    plain = FakeClock(clock.now() - timedelta(seconds=90))
    again = ShowSession.open(show_path, clock=plain)
    assert again.snapshot().elapsed_s == pytest.approx(101)
    again.close()


def test_follower_adopts_the_owners_journaled_step(show_path: Path, clock: FakeClock) -> None:
    src = SteppableWall(clock)
    owner = ShowSession.open(show_path, clock=MonotonicGuardClock(src.wall, src.monotonic))
    follower = ShowSession.open(
        show_path, clock=MonotonicGuardClock(src.wall, src.monotonic), readonly=True
    )
    owner.perform(ActionType.START)
    src.run(20)
    src.offset = timedelta(seconds=600)
    src.run(1)
    follower.refresh()
    assert follower.snapshot().elapsed_s == pytest.approx(21)  # holds: nothing journaled yet
    assert follower.clock.pending_jump_us is not None
    owner.snapshot()  # the owner notices and journals it
    follower.refresh()
    assert follower.clock.pending_jump_us is None
    assert follower.snapshot().elapsed_s == pytest.approx(21)
    assert follower.snapshot() == owner.snapshot()
    owner.close()
    follower.close()


def test_really_full_disk_at_commit_keeps_actions_and_writes_them_in_order(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    s = console_session(disk_show, clock)
    start = s.perform(ActionType.START)
    disk.fill()
    clock.advance(10)
    pause = s.perform(ActionType.PAUSE)  # a few bytes: fails when the WAL grows, at COMMIT
    clock.advance(5)
    resume = s.perform(ActionType.RESUME)
    assert pause.seq is None and resume.seq is None
    assert s.snapshot().state == "running"  # the screen went on
    assert s.write_kind == "full"
    assert "disk is full" in s.write_error
    assert not s.file.db.in_transaction
    s.refresh()  # the retry fails quietly
    assert len(s.pending) == 2
    assert saved(disk_show) == [("start", start.at_us)]

    disk.free()
    s.refresh()
    assert s.pending == [] and s.write_error is None
    assert saved(disk_show) == [
        ("start", start.at_us), ("pause", pause.at_us), ("resume", resume.at_us)
    ]  # fmt: skip
    s.close()


def test_really_full_disk_at_insert_refuses_a_bulk_write_whole(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    s = ShowSession.open(disk_show, clock=clock)
    s.perform(ActionType.START)
    s.file.db.execute("PRAGMA cache_size = 8")  # a small cache spills into the WAL mid-insert
    disk.fill()

    def rows(db) -> None:
        db.executemany(
            "INSERT INTO question_sources (path, data) VALUES (?, ?)",
            [(f"file{i}.csv", "x" * 500) for i in range(2000)],
        )

    with pytest.raises(ShowFileError) as refused:
        s.record_many([Action("questions.import", s.now_us(), {})], also=rows)
    assert refused.value.kind == "full"
    assert "disk is full" in str(refused.value) and "NOT saved" in str(refused.value)
    assert not s.file.db.in_transaction
    disk.free()
    s.record_many([Action("questions.import", s.now_us(), {})], also=rows)
    assert [t for t, _ in saved(disk_show)] == ["start", "questions.import"]
    s.close()


def test_command_line_session_refuses_instead_of_keeping(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    s = ShowSession.open(disk_show, clock=clock)  # the command line's kind of session
    disk.fill()
    with pytest.raises(ShowFileError) as refused:
        s.perform(ActionType.START)
    assert "disk is full" in str(refused.value)
    assert s.pending == [] and s.snapshot().state == "not_started"  # nothing folded
    s.close()


def test_full_disk_at_checkpoint_loses_nothing_that_was_saved(
    disk: SmallDisk, disk_show: Path, clock: FakeClock, tmp_path: Path
) -> None:
    s = console_session(disk_show, clock)
    s.perform(ActionType.START)
    # Grow the WAL, then let a checkpoint copy it and reset it: later commits reuse the WAL's
    # space on a full disk, while each checkpoint needs the show file itself to grow.
    for i in range(30):
        s.perform(ActionType.MESSAGE, {"text": f"{i}" * 3000})
    s.file.db.execute("PRAGMA wal_checkpoint(RESTART)")
    for i in range(30):
        s.perform(ActionType.MESSAGE, {"text": f"{i}" * 3000})
    s.file.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    s.file.db.execute("PRAGMA wal_autocheckpoint = 2")
    disk.fill()
    results = []
    for i in range(40):
        clock.advance(1)
        results.append(s.perform(ActionType.MESSAGE, {"text": f"late {i}" * 400}))
    told_saved = [(a.type, a.at_us) for a in results if a.seq is not None]
    kept = [(a.type, a.at_us) for a in results if a.seq is None]
    assert told_saved and kept  # some fitted in the WAL, the rest waits in memory
    with pytest.raises(sqlite3.OperationalError, match="full"):
        s.file.db.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the checkpoints really fail
    s.close()  # the last checkpoint fails too; unsaved actions go to a rescue file
    assert s.rescued_to is not None
    on_disk = saved(disk_show)
    assert all(item in on_disk for item in told_saved)
    disk.free()
    again = ShowSession.open(disk_show, clock=clock)
    rescue = find_rescue(disk_show)
    assert rescue is not None and [(a.type, a.at_us) for a in rescue.actions] == kept
    replay(again, rescue)
    assert saved(disk_show)[-len(results) :] == told_saved + kept
    assert find_rescue(disk_show) is None
    again.close()


def test_a_show_moved_away_meanwhile_is_not_recreated_empty(
    disk: SmallDisk, disk_show: Path, clock: FakeClock
) -> None:
    disk.readonly()
    s = console_session(disk_show, clock)
    s.perform(ActionType.START)
    disk.writable()
    moved = disk_show.with_name("moved.show")
    disk_show.rename(moved)
    s.refresh()  # the retry must not make a new, empty show at the old place
    assert not disk_show.exists()
    assert s.pending and "no such show file" in s.write_error
    moved.rename(disk_show)
    s.refresh()
    assert s.pending == [] and journal_types(disk_show) == ["start"]
    s.close()
