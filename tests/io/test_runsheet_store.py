from __future__ import annotations

from pathlib import Path

import pytest

from moderator_app.core.actions import ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.runsheet_edit import EditRefused, delete, set_field
from moderator_app.io.runsheet_import import read_runsheet, replace_runsheet
from moderator_app.io.runsheet_store import commit_edit, commit_replace
from moderator_app.io.session import ShowSession
from tests.io.runsheet_fixtures import french_xlsx


def test_edit_is_saved_and_journaled_together(
    session: ShowSession, show_path: Path, clock: FakeClock
) -> None:
    before = session.file.actions()
    action = commit_edit(session, set_field(session.show, 1, "title", "Intro courte"))
    assert action.type == "runsheet.edit"
    assert action.payload["op"] == "set"
    assert action.payload["field"] == "title"
    assert action.payload["before"].startswith("Introduction")
    assert action.payload["after"] == "Intro courte"
    assert action.payload["segment"] == "introduction"
    assert action.payload["index"] == 1
    assert len(session.file.actions()) == len(before) + 1
    other = ShowSession.open(show_path, clock=clock)
    try:
        assert other.show.segments[1].title == "Intro courte"
    finally:
        other.close()


def test_other_process_sees_the_edit(
    session: ShowSession, show_path: Path, clock: FakeClock
) -> None:
    other = ShowSession.open(show_path, clock=clock)
    try:
        show_obj = other.show
        commit_edit(session, set_field(session.show, 2, "planned_duration_s", "20"))
        other.refresh()
        assert other.show is show_obj
        assert other.show.segments[2].planned_duration_s == 1200
    finally:
        other.close()


def test_live_edit_replans(session: ShowSession, clock: FakeClock) -> None:
    session.perform(ActionType.START)
    clock.advance(120)
    snap = session.snapshot()
    assert snap.remaining_s == 180
    end = snap.projected_end
    # the current segment's duration changes its remaining time
    commit_edit(session, set_field(session.show, 0, "planned_duration_s", "10"))
    snap = session.snapshot()
    assert snap.remaining_s == 480
    assert (snap.projected_end - end).total_seconds() == 300
    # a future segment: the rest re-plans at once
    commit_edit(session, set_field(session.show, 3, "planned_duration_s", "2"))
    later = session.snapshot()
    assert (snap.projected_end - later.projected_end).total_seconds() == 600
    assert later.projected_starts[4] < snap.projected_starts[4]
    # the segment on air cannot go
    count = len(session.file.actions())
    with pytest.raises(EditRefused, match="on air"):
        commit_edit(session, delete(session.show, 0))
    assert len(session.file.actions()) == count
    assert session.file.load_show().segments[0].id == "welcome"


def test_import_replace_is_one_journaled_action(session: ShowSession, tmp_path: Path) -> None:
    result = read_runsheet(french_xlsx(tmp_path))
    new = replace_runsheet(session.show, result)
    action = commit_replace(session, new, source="conducteur.xlsx")
    assert action.type == "runsheet.replace"
    assert action.payload["source"] == "conducteur.xlsx"
    assert session.file.load_show().segments[2].organisation == "Rabat"
    assert session.show.segments[2].organisation == "Rabat"
