"""A show file that stops accepting writes mid-show, and a system clock that is stepped."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from moderator_app.core.actions import CLOCK_JUMP, ActionType
from moderator_app.core.clock import FakeClock, MonotonicGuardClock
from moderator_app.io import session as session_module
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile, ShowFileError


def make_readonly(session: ShowSession) -> None:
    # Root ignores chmod, so make SQLite itself refuse writes: the same error path as a
    # file or disk that became read-only.
    session.file.db.execute("PRAGMA query_only = 1")


def make_writable(session: ShowSession) -> None:
    session.file.db.execute("PRAGMA query_only = 0")


def fill_disk(session: ShowSession) -> None:
    pages = session.file.db.execute("PRAGMA page_count").fetchone()[0]
    session.file.db.execute(f"PRAGMA max_page_count = {pages}")


def free_disk(session: ShowSession) -> None:
    session.file.db.execute("PRAGMA max_page_count = 1073741823")


def journal_types(path: Path) -> list[str]:
    with ShowFile.open(path, readonly=True) as f:
        return [a.type for a in f.actions()]


@pytest.fixture(autouse=True)
def no_retry_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "RETRY_S", 0.0)


def test_read_only_file_keeps_timing_in_memory_and_writes_later(
    session: ShowSession, clock: FakeClock, show_path: Path
) -> None:
    seen: list[str | None] = []
    session.subscribe_writes(seen.append)
    session.perform(ActionType.START)
    make_readonly(session)
    clock.advance(60)
    kept = session.perform(ActionType.NEXT)
    assert kept.seq is None
    assert session.pending == [kept]
    assert session.snapshot().current_index == 1  # the screen moved on regardless
    assert "read-only" in seen[-1]
    clock.advance(30)
    session.perform(ActionType.PAUSE)
    assert len(session.pending) == 2
    session.refresh()  # retry fails quietly: still pending, error still shown
    assert len(session.pending) == 2
    assert journal_types(show_path) == ["start"]

    make_writable(session)
    session.refresh()
    assert session.pending == []
    assert seen[-1] is None
    assert journal_types(show_path) == ["start", "next", "pause"]
    with ShowFile.open(show_path, readonly=True) as f:
        stamps = [a.at_us for a in f.actions()]
    assert stamps[2] - stamps[1] == 30_000_000  # original time stamps kept
    reopened = ShowSession.open(show_path, clock=clock)
    assert reopened.snapshot() == session.snapshot()
    reopened.close()


def test_full_disk_keeps_order_with_next_action(
    session: ShowSession, clock: FakeClock, show_path: Path
) -> None:
    session.perform(ActionType.START)
    fill_disk(session)
    big = "x" * 20000  # needs new pages: the "disk" refuses
    session.perform(ActionType.MESSAGE, {"text": big})
    assert session.write_error is not None and "full" in session.write_error
    free_disk(session)
    clock.advance(5)
    stored = session.perform(ActionType.NEXT)  # flushes the kept one first
    assert stored.seq is not None
    assert journal_types(show_path) == ["start", "message", "next"]


def test_foreign_actions_written_meanwhile_are_not_skipped(
    session: ShowSession, clock: FakeClock, show_path: Path
) -> None:
    session.perform(ActionType.START)
    make_readonly(session)
    clock.advance(10)
    session.perform(ActionType.MESSAGE, {"text": "ours"})
    other = ShowSession.open(show_path, clock=clock)
    other.perform(ActionType.ADD_TIME, {"seconds": 60})
    other.close()
    make_writable(session)
    session.refresh()
    assert journal_types(show_path) == ["start", "add_time", "message"]
    assert session.snapshot().allotted_s == session.show.segments[0].planned_duration_s + 60


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


def test_close_flushes_what_it_can(session: ShowSession, show_path: Path) -> None:
    session.perform(ActionType.START)
    make_readonly(session)
    session.perform(ActionType.PAUSE)
    make_writable(session)
    session.close()
    assert journal_types(show_path) == ["start", "pause"]


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
