from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from moderator_app.core.actions import Action, ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.engine import RUNNING
from moderator_app.core.runsheet import Show
from moderator_app.io import showfile
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import SCHEMA_VERSION, ShowFile, ShowFileError


def test_round_trip_show(tmp_path: Path, seed_show: Show) -> None:
    path = tmp_path / "a.show"
    with ShowFile.create(path, seed_show) as file:
        loaded = file.load_show()
    assert loaded.to_dict() == seed_show.to_dict()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_create_refuses_to_overwrite(tmp_path: Path, seed_show: Show) -> None:
    path = tmp_path / "a.show"
    path.write_bytes(b"precious")
    with pytest.raises(ShowFileError, match="already exists"):
        ShowFile.create(path, seed_show)
    assert path.read_bytes() == b"precious"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a show file"),
        (b"hello, I am a text file\n" * 10, "not a show file"),
        (b"SQLite format 3\x00" + b"\xff" * 2000, "damaged"),
    ],
)
def test_bad_files_are_refused_and_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.show"
    path.write_bytes(content)
    with pytest.raises(ShowFileError, match=message):
        ShowFile.open(path)
    assert path.read_bytes() == content


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ShowFileError, match="no such show file"):
        ShowFile.open(tmp_path / "nope.show")


def test_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(ShowFileError, match="not a moderator show file"):
        ShowFile.open(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(show_path: Path) -> None:
    db = sqlite3.connect(show_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    with pytest.raises(ShowFileError, match="newer version"):
        ShowFile.open(show_path)


def test_older_schema_is_backed_up_then_migrated(
    tmp_path: Path, seed_show: Show, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.show"
    ShowFile.create(path, seed_show).close()

    def add_notes_table(db: sqlite3.Connection) -> None:
        showfile.run_script(db, "CREATE TABLE extra (x INTEGER)")

    monkeypatch.setattr(showfile, "MIGRATIONS", [*showfile.MIGRATIONS, add_notes_table])
    monkeypatch.setattr(showfile, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with ShowFile.open(path) as file:
        assert file.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        file.db.execute("SELECT * FROM extra")
        assert file.load_show().title == seed_show.title
    backup = tmp_path / f"old.show.v{SCHEMA_VERSION}.bak"
    assert backup.exists()
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_locked_file_gives_clear_message(show_path: Path) -> None:
    locker = sqlite3.connect(show_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with ShowFile.open(show_path) as file, pytest.raises(ShowFileError, match="locked"):
            file.append(Action("start", 1, {}))
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_journal_is_append_only_and_ordered(show_path: Path) -> None:
    with ShowFile.open(show_path) as file:
        first = file.append(Action("start", 10, {"segment": "welcome"}))
        more = file.append_many([Action("pause", 20), Action("resume", 30)])
        assert [a.seq for a in [first, *more]] == [1, 2, 3]
        assert [a.type for a in file.actions()] == ["start", "pause", "resume"]
        assert [a.type for a in file.actions(since_seq=2)] == ["resume"]


def test_another_process_append_is_followed(show_path: Path, clock: FakeClock) -> None:
    console = ShowSession.open(show_path, clock=clock)
    other = ShowSession.open(show_path, clock=clock)
    seen: list[str] = []
    console.subscribe(lambda a: seen.append(a.type))
    other.perform(ActionType.START)
    clock.advance(30)
    assert console.refresh()
    assert seen == ["start"]
    assert console.snapshot().state == RUNNING
    assert console.snapshot().elapsed_s == 30
    assert console.refresh() == []
    console.close()
    other.close()


def test_reopening_resumes_where_wall_clock_says(show_path: Path, clock: FakeClock) -> None:
    s = ShowSession.open(show_path, clock=clock)
    s.perform(ActionType.START)
    clock.advance(200)
    s.perform(ActionType.NEXT)
    clock.advance(42.5)
    s.close()  # the console goes away...
    clock.advance(600)  # ...and comes back ten minutes later
    again = ShowSession.open(show_path, clock=clock)
    snap = again.snapshot()
    assert (snap.state, snap.current_index, snap.elapsed_s) == (RUNNING, 1, 642.5)
    again.close()


def test_save_as_uses_backup(show_path: Path, tmp_path: Path) -> None:
    with ShowFile.open(show_path) as file:
        file.append(Action("start", 1, {"segment": "welcome"}))
        file.backup_to(tmp_path / "copy.show")
    with ShowFile.open(tmp_path / "copy.show") as copy:
        assert [a.type for a in copy.actions()] == ["start"]


def test_damaged_schema_is_refused_in_one_line(show_path: Path) -> None:
    data = show_path.read_bytes()
    at = data.find(b"DEFAULT 'manual'")
    show_path.write_bytes(data[: at + 8] + b"\t" + data[at + 9 :])  # SQLite quotes the schema
    with pytest.raises(ShowFileError) as caught:
        ShowFile.open(show_path)
    assert "damaged" in str(caught.value) and "\n" not in str(caught.value)


def test_a_schema_with_unreadable_text_is_refused_by_name(tmp_path, seed_show) -> None:
    # Found by the file fuzzer: a byte of the schema's text turned invalid UTF-8 made
    # SQLite hand back raw bytes and Python raise UnicodeDecodeError from open().
    path = tmp_path / "damaged.show"
    ShowFile.create(path, seed_show).close()
    data = bytearray(path.read_bytes())
    at = data.index(b"CREATE INDEX journal_type")
    data[at + 2] = 0x80
    path.write_bytes(bytes(data))
    with pytest.raises(ShowFileError) as refused:
        ShowFile.open(path).close()
    assert path.name in str(refused.value) and "\n" not in str(refused.value)
