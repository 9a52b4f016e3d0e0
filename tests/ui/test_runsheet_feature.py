"""The run sheet page inside the console, its dialogs and the linked spreadsheet."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from moderator_app.core.actions import ActionType
from moderator_app.io.runsheet_export import export_runsheet
from moderator_app.io.runsheet_import import load_table, read_runsheet
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.runsheet_dialogs import ImportDialog, ShowPropertiesDialog, import_into
from moderator_app.ui.runsheet_editor import RunSheetEditor
from moderator_app.ui.runsheet_model import COL_TITLE
from tests.io.runsheet_fixtures import english_csv, french_xlsx


def _page(window: MainWindow) -> RunSheetEditor:
    editor = window.findChild(RunSheetEditor)
    assert editor is not None
    window.pages.setCurrentWidget(editor)
    return editor


def test_attached_to_the_console(qtbot, window: MainWindow, tmp_path: Path) -> None:
    editor = _page(window)
    titles = [a.text() for a in window.menu("runsheet").actions()]
    assert any("Import" in t for t in titles) and any("properties" in t for t in titles)
    # letters typed in the table edit it; they are not show keys
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(0, COL_TITLE))
    qtbot.keyClick(editor.view, Qt.Key.Key_N)
    assert window.session.engine.state.status == "not_started"
    qtbot.keyClick(editor.view.viewport().focusWidget() or editor.view, Qt.Key.Key_Escape)
    window.grab().save(str(tmp_path / "console.png"))


def test_ctrl_z_in_the_editor_is_not_the_timer_undo(qtbot, window: MainWindow) -> None:
    session = window.session
    window.perform(ActionType.START)
    window.perform(ActionType.NEXT)
    editor = _page(window)
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(5, COL_TITLE))
    qtbot.keyClick(editor.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(session.show.segments) == 9
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(session.show.segments) == 8
    assert session.snapshot().current_index == 1  # the timer's "next" was not undone


def test_properties_dialog(qtbot, session, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    dialog = ShowPropertiesDialog.run(editor)
    dialog.title.setText("Webinaire reporté")
    dialog.timezone.setText("America/Toronto")
    dialog.start.setTime(dialog.start.time().addSecs(3600))
    dialog.has_end.setChecked(False)
    completer = dialog.timezone.completer()
    completer.setCompletionPrefix("toron")
    assert completer.currentCompletion() == "America/Toronto"
    dialog.grab().save(str(tmp_path / "props.png"))
    dialog.accept()
    show = session.show
    assert show.title == "Webinaire reporté"
    assert show.timezone == "America/Toronto"
    assert show.planned_start.astimezone(show.tz).strftime("%H:%M") == "17:00"
    assert show.planned_end is None
    editor.undo()  # one step for the whole dialog
    assert show.title.startswith("Webinaire Internationalisation")
    assert show.timezone == "Europe/Paris"


def test_properties_refuse_bad_zone(qtbot, session) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    dialog = ShowPropertiesDialog.run(editor)
    dialog.timezone.setText("Europe/Atlantis")
    dialog.accept()
    assert "Unknown time zone" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reject()


def test_import_dialog_with_corrected_mapping(qtbot, session, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    path = tmp_path / "odd.csv"
    path.write_text(
        "Programme du jour\n\nQuand,Quoi,Qui,Combien\n16:00,Bienvenue,Ana,5\n"
        "16:05,Débat,Bob,20\n16:25,Clôture,Ana,5\n"
    )
    dialog = ImportDialog(load_table(path, header_row=2), session, editor)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing maps to a title yet
    for col, field in enumerate(["start", "title", "speaker", "duration"]):
        dialog.combos[col].setCurrentIndex(dialog.combos[col].findData(field))
    assert ok.isEnabled()
    assert dialog.preview_model.rowCount() == 3
    dialog.grab().save(str(tmp_path / "import.png"))
    assert import_into(editor, dialog.result_)
    assert [s.title for s in session.show.segments] == ["Bienvenue", "Débat", "Clôture"]
    assert session.show.segments[1].kind.value == "qa"
    editor.undo()
    assert len(session.show.segments) == 8


def test_import_during_show_keeps_current(qtbot, session, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    session.perform(ActionType.START)
    session.perform(ActionType.NEXT)
    # 9:00-10:05 does not fit a 16:00 show that is running: the dialog says so at once...
    wrong_hours = ImportDialog(load_table(english_csv(tmp_path)), session, editor)
    qtbot.addWidget(wrong_hours)
    assert not wrong_hours.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "Row 5 (Closing)" in wrong_hours.messages.toPlainText()
    # ...and an import that gets past it (the show went live meanwhile) is refused
    assert not import_into(editor, read_runsheet(english_csv(tmp_path)))
    assert "Row 5 (Closing)" in editor.message.text()
    sheet = tmp_path / "durations.csv"
    sheet.write_text(
        "Title,Duration,Speaker\nWelcome,5,Ana\nKeynote,15,Bob\nCoffee break,10,\n"
        "Q&A,25,Ana\nClosing,5,Ana\n"
    )
    dialog = ImportDialog(load_table(sheet), session, editor)
    qtbot.addWidget(dialog)
    assert import_into(editor, dialog.result_)
    ids = [s.id for s in session.show.segments]
    assert ids[:2] == ["welcome", "introduction"]
    assert session.snapshot().current_index == 1
    assert [s.title for s in session.show.segments][2:] == [
        "Welcome",
        "Keynote",
        "Coffee break",
        "Q&A",
        "Closing",
    ]


def _wait_applied(qtbot, editor, predicate) -> None:
    qtbot.waitUntil(predicate, timeout=3000)


def test_linked_sheet_applies_when_not_live(qtbot, session, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    from moderator_app.ui.runsheet_link import RunSheetLink, linked_path

    link = RunSheetLink(editor)
    sheet = tmp_path / "producer.xlsx"
    export_runsheet(session.show, sheet)
    with qtbot.waitSignal(link.handled, timeout=10000):  # read off the UI thread
        link.link(sheet)
    assert linked_path(session.file.actions()) == sheet.resolve()
    assert link.pending is None  # same run sheet: nothing to do
    # the producer shortens the Q&A and adds a segment, saving over the file
    wb = openpyxl.load_workbook(sheet)
    ws = wb.active
    ws.insert_rows(11)
    ws["D11"] = "Sondage"
    ws["C11"] = "0:03:00"
    ws["C10"] = "0:20:00"
    for row in range(5, ws.max_row):  # the last row is the end marker: it keeps its time
        ws.cell(row, 1).value = None  # producers often keep durations only
        ws.cell(row, 2).value = None
    wb.save(tmp_path / "tmp.xlsx")
    shutil.move(tmp_path / "tmp.xlsx", sheet)
    _wait_applied(qtbot, editor, lambda: len(session.show.segments) == 9)
    segs = session.show.segments
    assert segs[5].id == "qa" and segs[5].planned_duration_s == 1200
    assert segs[6].title == "Sondage"
    assert link.diff.added == ["Sondage"] and link.diff.retimed == [segs[5].title]


def test_linked_sheet_waits_for_a_click_during_show(qtbot, session, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    from moderator_app.ui.runsheet_link import RunSheetLink

    link = RunSheetLink(editor)
    sheet = tmp_path / "producer.csv"
    export_runsheet(session.show, sheet)
    with qtbot.waitSignal(link.handled, timeout=10000):
        link.link(sheet)
    session.perform(ActionType.START)
    session.perform(ActionType.NEXT)
    # the producer moves the closing to the top (and so before the segment on air)
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Début"))
    body = [",," + line.split(",", 2)[2] for line in lines[header + 1 : -1]]  # durations only
    new_body = [body[-1], *body[:-1]]
    sheet.write_text("\n".join([*lines[: header + 1], *new_body]), encoding="utf-8")
    qtbot.waitUntil(lambda: link.pending is not None, timeout=3000)
    assert link.bar.isVisible()
    assert "Moved: Clôture" in link.label.text()
    assert [s.id for s in session.show.segments][-1] == "closing"  # nothing applied yet
    editor.grab().save(str(tmp_path / "link.png"))
    qtbot.mouseClick(link.apply_button, Qt.MouseButton.LeftButton)
    ids = [s.id for s in session.show.segments]
    assert ids[:2] == ["welcome", "introduction"]  # what ran and what is on air stay put
    assert ids[2] == "closing"
    assert session.snapshot().current_index == 1
    assert not link.bar.isVisible()


def test_unreadable_linked_sheet_is_reported(qtbot, session, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    from moderator_app.ui.runsheet_link import RunSheetLink

    link = RunSheetLink(editor)
    sheet = french_xlsx(tmp_path)
    with qtbot.waitSignal(link.handled, timeout=10000):
        link.link(sheet)
    assert len(session.show.segments) == 8
    before = session.show.to_dict()
    sheet.write_bytes(b"PK\x03\x04 half written")
    with qtbot.waitSignal(link.handled, timeout=10000):
        link.check()
    assert "cannot be read" in link.label.text()
    assert session.show.to_dict() == before
