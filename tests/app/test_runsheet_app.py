"""The run sheet operations of app/runsheet.py: one import path (read, preview, plan,
apply) whatever surface starts it, edits, journal-based undo and redo, export, a new show
from a sheet, and the link."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator_app.app import runsheet as rs
from moderator_app.app.errors import EditRefused, RunSheetImportError, ShowFileError
from moderator_app.core.actions import ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.runsheet import Show
from moderator_app.core.runsheet_edit import set_field
from moderator_app.io.session import ShowSession
from tests.io.runsheet_fixtures import english_csv, french_xlsx


def _revised(session: ShowSession, tmp_path: Path) -> Path:
    """The show's own run sheet exported, with the Q&A made 20 minutes long."""
    path = rs.export(session.show, tmp_path / "producer.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    qa = next(i for i, line in enumerate(lines) if "Questions" in line)
    cells = lines[qa].split(",")
    cells[0], cells[1], cells[2] = "", "", "0:20:00"
    lines[qa] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_table_finds_the_header_and_another_row_needs_no_new_read(tmp_path: Path) -> None:
    path = french_xlsx(tmp_path)
    table = rs.read_table(path)
    assert table.header_row == 3 and "title" in table.mapping
    path.unlink()  # the header row moves on the rows already read
    other = rs.with_header_row(table, 0)
    assert other.header_row == 0 and other.rows is table.rows
    back = rs.with_header_row(other, 3)
    assert back.mapping == table.mapping
    with pytest.raises(RunSheetImportError, match="no row 99"):
        rs.with_header_row(table, 98)


def test_a_file_that_is_not_a_run_sheet_is_refused_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 half written")
    with pytest.raises(RunSheetImportError) as caught:
        rs.read_sheet(junk)
    assert "junk.xlsx" in str(caught.value) and "\n" not in str(caught.value)


def test_preview_lists_each_segment_with_its_start(tmp_path: Path) -> None:
    result = rs.build(rs.read_table(english_csv(tmp_path)))
    data = rs.preview(result)
    assert [s["title"] for s in data["segments"]][:2] == ["Welcome", "Keynote"]
    assert data["segments"][0]["planned_start"] == "09:00"


def test_plan_then_apply_keeps_ids_and_journals_one_replace(
    session: ShowSession, tmp_path: Path
) -> None:
    ids = [s.id for s in session.show.segments]
    result = rs.read_sheet(_revised(session, tmp_path))
    planned = rs.plan(session, result)
    assert planned.diff.retimed and session.show.segments[5].planned_duration_s != 1200
    before = len(session.file.actions())
    dry = rs.apply_import(session, result, dry_run=True)
    assert dry.action is None and len(session.file.actions()) == before
    applied = rs.apply_import(session, result)
    assert applied.action.type == "runsheet.replace"
    assert applied.action.payload["source"] == "producer.csv"
    assert len(session.file.actions()) == before + 1
    assert [s.id for s in session.show.segments] == ids
    assert session.show.segments[5].planned_duration_s == 1200


def test_apply_plans_again_on_the_show_as_it_is_now(
    session: ShowSession, show_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    sheet = tmp_path / "titles.csv"
    rows = [f"{s.title},{s.planned_duration_s // 60}" for s in session.show.segments]
    rows[5] = f"{session.show.segments[5].title},20"
    sheet.write_text("Titre,Durée\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = rs.read_sheet(sheet)
    rs.plan(session, result)  # the preview the dialog showed
    other = ShowSession.open(show_path, clock=clock)  # meanwhile, the command line renames
    try:
        rs.commit(other, set_field(other.show, 0, "notes", "Micro HF"))
    finally:
        other.close()
    rs.apply_import(session, result)
    assert session.show.segments[0].notes == "Micro HF"  # no Notes column: kept
    assert session.show.segments[5].planned_duration_s == 1200


def test_apply_during_the_show_keeps_what_ran(session: ShowSession, tmp_path: Path) -> None:
    session.perform(ActionType.START)
    session.perform(ActionType.NEXT)
    path = rs.export(session.show, tmp_path / "moved.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Début"))
    body = [",," + line.split(",", 2)[2] for line in lines[header + 1 : -1]]
    path.write_text("\n".join([*lines[: header + 1], body[-1], *body[:-1]]), encoding="utf-8")
    rs.apply_import(session, rs.read_sheet(path))
    ids = [s.id for s in session.show.segments]
    assert ids[:3] == ["welcome", "introduction", "closing"]
    assert session.snapshot().current_index == 1


def test_apply_into_a_read_only_show_writes_nothing(
    show_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    reader = ShowSession.open(show_path, clock=clock, readonly=True)
    try:
        before = reader.show.to_dict()
        result = rs.read_sheet(english_csv(tmp_path))
        assert rs.apply_import(reader, result, dry_run=True).plan.diff.added
        with pytest.raises(ShowFileError, match="read-only"):
            rs.apply_import(reader, result)
        assert reader.show.to_dict() == before
    finally:
        reader.close()


def test_undo_and_redo_follow_the_journal_across_a_restart(
    session: ShowSession, show_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    seed = session.show.to_dict()
    history = rs.RunSheetHistory(session)
    assert not history.can_undo() and history.undo() is False
    action = rs.commit(session, set_field(session.show, 1, "title", "Intro"))
    history.feed(action)
    applied = rs.apply_import(session, rs.read_sheet(_revised(session, tmp_path)))
    history.feed(applied.action)
    session.close()
    again = ShowSession.open(show_path, clock=clock)  # the console restarted
    try:
        history = rs.RunSheetHistory(again)
        again.subscribe_changes(lambda change: history.feed(change.action))
        assert history.undo()  # the import
        assert again.show.segments[5].planned_duration_s != 1200
        assert again.show.segments[1].title == "Intro"
        assert history.undo() and again.show.to_dict() == seed
        assert history.can_redo() and history.redo()
        assert again.show.segments[1].title == "Intro"
    finally:
        again.close()


def test_undo_refused_by_the_live_rule_raises(session: ShowSession) -> None:
    history = rs.RunSheetHistory(session)
    session.subscribe_changes(lambda change: history.feed(change.action))
    rs.commit(session, set_field(session.show, 0, "planned_duration_s", "10"))
    session.perform(ActionType.START)
    session.perform(ActionType.NEXT)  # the first segment has run: its timing stays
    with pytest.raises(EditRefused):
        history.undo()


def test_export_in_a_language(session: ShowSession, tmp_path: Path) -> None:
    out = rs.export(session.show, tmp_path / "out.csv", language="en")
    text = out.read_text(encoding="utf-8-sig")
    assert "Title" in text and rs.export_language("fr-CA") == "fr"
    back = rs.read_sheet(out)
    assert [s.title for s in back.segments] == [s.title for s in session.show.segments]


def test_show_from_sheet(tmp_path: Path, seed_show: Show) -> None:
    show = rs.show_from_sheet(french_xlsx(tmp_path))
    assert show.title.startswith("Conducteur") and len(show.segments) == 8
    assert show.organisers == seed_show.organisers  # the default show's header
    base = Show(**{**seed_show.__dict__, "organisers": ["Autre"]})
    assert rs.show_from_sheet(french_xlsx(tmp_path), base).organisers == ["Autre"]
    with pytest.raises(RunSheetImportError):
        rs.show_from_sheet(tmp_path / "missing.xlsx")


def test_link_and_unlink_are_journaled(session: ShowSession, tmp_path: Path) -> None:
    sheet = english_csv(tmp_path)
    assert rs.linked_path_of(session) is None
    target = rs.link(session, sheet)
    assert target == sheet.resolve() and rs.linked_path_of(session) == target
    rs.unlink(session, target)
    assert rs.linked_path_of(session) is None
