"""Two writers of one run sheet, racing: the commit saves the whole run sheet, so an edit
read before another writer's commit and written after it would silently undo theirs. The
second writer here is real (its own SQLite connection, committing for real) and lands in
the window between our reading the run sheet and our write transaction."""

from __future__ import annotations

import pytest

from moderator_app.app import cuesheet, live_feed
from moderator_app.app.runsheet import commit
from moderator_app.core.runsheet_edit import set_field
from moderator_app.io import runsheet_store
from moderator_app.io.session import ShowSession


@pytest.fixture
def racer(show_path, clock, monkeypatch):
    """Makes another session commit ``edit(other)`` right after our edit passed the live
    check (the last step before our write transaction), once."""
    other = ShowSession.open(show_path, clock=clock)
    pending: list = []
    real_check = runsheet_store.check_live

    def check_then_race(*args, **kwargs):
        real_check(*args, **kwargs)
        while pending:
            pending.pop()(other)

    monkeypatch.setattr(runsheet_store, "check_live", check_then_race)
    yield pending.append
    other.close()


def _titles(show_path, clock) -> list[str]:
    reader = ShowSession.open(show_path, clock=clock)
    try:
        return [s.title for s in reader.show.segments]
    finally:
        reader.close()


def test_a_console_edit_racing_another_writer_keeps_both(session, show_path, clock,
                                                         racer) -> None:
    racer(lambda other: commit(other, set_field(other.show, 0, "title", "Theirs")))
    commit(session, set_field(session.show, 1, "title", "Ours"))
    titles = _titles(show_path, clock)
    assert titles[0] == "Theirs"  # before the fix: our whole-sheet save put the old title back
    assert titles[1] == "Ours"
    assert [s.title for s in session.show.segments][:2] == ["Theirs", "Ours"]


def test_a_cue_sheet_edit_racing_another_writer_is_a_conflict(session, show_path, clock,
                                                               racer) -> None:
    row = live_feed.rundown_json(session)[2]
    racer(lambda other: commit(other, set_field(other.show, 2, "notes", "from the console")))
    before = len(session.file.actions())
    with pytest.raises(cuesheet.Conflict):
        cuesheet.edit_segment(session, row["id"], {"notes": "from the browser"}, row["version"])
    reader = ShowSession.open(show_path, clock=clock)
    try:
        assert reader.show.segments[2].notes == "from the console"
        assert len(reader.file.actions()) == before + 1  # theirs only; ours wrote nothing
    finally:
        reader.close()
