"""Importing a sheet into a show that has a run sheet: what the file has no column for is
kept, an empty column clears, and the change list names every field that changes."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from moderator_app.app.runsheet import read_table
from moderator_app.core.actions import ActionType
from moderator_app.core.runsheet import Show
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.runsheet_dialogs import ImportDialog
from moderator_app.ui.runsheet_editor import RunSheetEditor
from moderator_app.ui.runsheet_link import RunSheetLink

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_runsheet_fr.xlsx"


def _sheet(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _revised(tmp_path: Path, seed: Show) -> Path:
    """The seed run sheet with a confirmed Europe speaker in Madrid and a cleared region."""
    header = ["Titre", "Durée", "Intervenant", "Région", "Fuseau horaire"]
    rows = [
        [s.title, s.planned_duration_s // 60, s.speaker, s.region, s.speaker_timezone]
        for s in seed.segments
    ]
    rows[3][2], rows[3][4] = "Ada Colau", "Europe/Madrid"
    rows[4][3] = ""
    return _sheet(tmp_path / "v2.csv", header, rows)


def _import_button(dialog: ImportDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _read(qtbot, dialog: ImportDialog | None) -> ImportDialog:
    """The dialog once it has read its file (off the UI thread)."""
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
    return dialog


def test_sample_into_running_default_show_keeps_speakers_zones(
    qtbot, window: MainWindow, seed_show: Show
) -> None:
    """Issue 10, item 6, as reported: Run sheet ▸ Import of the sample sheet while the
    third segment is on air."""
    for action in (ActionType.START, ActionType.NEXT, ActionType.NEXT):
        window.perform(action)
    session = window.session
    assert session.snapshot().current_index == 2
    dialog = _read(qtbot, ImportDialog.run(window.runsheet_editor, str(SAMPLE)))
    assert _import_button(dialog).isEnabled()
    qtbot.mouseClick(_import_button(dialog), Qt.MouseButton.LeftButton)
    assert session.file.actions()[-1].type == "runsheet.replace"
    segments = session.show.segments
    assert [s.id for s in segments] == [s.id for s in seed_show.segments]
    assert [(s.region, s.speaker_timezone) for s in segments] == [
        (s.region, s.speaker_timezone) for s in seed_show.segments
    ]
    window.ticker.fire()
    zones = window.panel.zones.text()
    assert "Paris" in zones and "Toronto" in zones and "Amérique du Nord" in zones
    assert session.snapshot().current_index == 2


def test_dialog_lists_every_changed_field(qtbot, session, seed_show, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    sample = ImportDialog(read_table(SAMPLE), session, editor)
    qtbot.addWidget(sample)
    assert sample.changes.toPlainText() == "Nothing in the show changes."

    dialog = _read(qtbot, ImportDialog.run(editor, str(_revised(tmp_path, seed_show))))
    lines = dialog.changes.toPlainText().splitlines()
    assert "Représentant·e d'une ville d'Europe: Speaker, Speaker time zone" in lines
    assert "Représentant·e d'une ville d'Amérique du Nord: Region (cleared)" in lines
    assert len(lines) == 2  # no end marker, same start: the promised end is kept too
    qtbot.mouseClick(_import_button(dialog), Qt.MouseButton.LeftButton)
    show = session.show
    assert show.segments[3].speaker == "Ada Colau"
    assert show.segments[3].speaker_timezone == "Europe/Madrid"
    assert show.segments[3].notes == seed_show.segments[3].notes  # no Notes column: kept
    assert show.segments[4].region == ""
    assert show.segments[4].speaker_timezone == "America/Toronto"
    editor.undo()
    assert session.show.to_dict() == seed_show.to_dict()


def test_linked_sheet_keeps_fields_and_names_them(
    qtbot, session, seed_show, tmp_path: Path
) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    link = RunSheetLink(editor)
    header = ["Titre", "Durée", "Intervenant"]
    rows = [[s.title, s.planned_duration_s // 60, s.speaker] for s in seed_show.segments]
    rows[3][2] = "Ada Colau"
    sheet = _sheet(tmp_path / "producer.csv", header, rows)
    session.perform(ActionType.START)
    with qtbot.waitSignal(link.handled, timeout=10000):
        link.link(sheet)  # live: offered, not applied
    assert link.pending is not None
    assert "Représentant·e d'une ville d'Europe: Speaker" in link.label.text()
    qtbot.mouseClick(link.apply_button, Qt.MouseButton.LeftButton)
    show = session.show
    assert show.segments[3].speaker == "Ada Colau"
    assert [(s.region, s.speaker_timezone, s.notes) for s in show.segments] == [
        (s.region, s.speaker_timezone, s.notes) for s in seed_show.segments
    ]


def test_a_default_cues_line_is_named_and_applied(qtbot, session, seed_show, tmp_path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    path = tmp_path / "cues.csv"
    rows = [[s.title, s.planned_duration_s // 60] for s in seed_show.segments]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Default cues: 1:00! One minute left"])
        writer.writerow(["Titre", "Durée"])
        writer.writerows(rows)
    dialog = _read(qtbot, ImportDialog.run(editor, str(path)))
    assert dialog.changes.toPlainText().splitlines() == ["Show: Automatic cues"]
    qtbot.mouseClick(_import_button(dialog), Qt.MouseButton.LeftButton)
    assert [(c.at_s, c.text, c.chime) for c in session.show.cues] == [
        (60, "One minute left", True)]
    editor.undo()
    assert session.show.to_dict() == seed_show.to_dict()
