"""Console exports speak the interface language, whatever the show's language."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from moderator_app.core.actions import ActionType as A
from moderator_app.io.session import ShowSession
from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.report_view import ReportView
from moderator_app.ui.runsheet_editor import RunSheetEditor


@pytest.fixture
def interface(qapp):
    previous = current_language()
    yield install_language
    install_language(previous)


@pytest.fixture
def undone(session: ShowSession, clock) -> ShowSession:
    session.perform(A.START)
    clock.advance(100)
    session.perform(A.NEXT)
    clock.advance(5)
    session.perform(A.UNDO)
    clock.advance(200)
    session.perform(A.FINISH)
    return session


@pytest.mark.parametrize(
    ("language", "sheets", "note"),
    [
        ("fr", ["Synthèse", "Séquences"], "1 action(s) du minuteur ont été annulées"),
        ("en", ["Summary", "Segments"], "1 timer action(s) were undone"),
    ],
)
def test_report_export_and_notes_follow_the_interface(
    qtbot, interface, undone: ShowSession, tmp_path: Path, language, sheets, note
) -> None:
    interface(language)
    view = ReportView(undone)
    qtbot.addWidget(view)
    view.refresh()
    assert note in view.summary.text()
    target = tmp_path / "out.xlsx"
    view.ask_path = lambda *a: str(target)
    with qtbot.waitSignal(view.exported, timeout=10000):
        view.export_report()
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[:2] == sheets
    notes = [r[1] for r in wb[sheets[0]].iter_rows(values_only=True) if r[0] == "Note"]
    assert any(n.startswith(note) for n in notes)


@pytest.mark.parametrize(("language", "header"), [("fr", "Début"), ("en", "Start")])
def test_runsheet_export_follows_the_interface(
    qtbot, interface, session: ShowSession, tmp_path: Path, language, header
) -> None:
    assert session.show.language.startswith("fr")
    interface(language)
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    target = tmp_path / "sheet.xlsx"
    with qtbot.waitSignal(editor.exported, timeout=10000):  # written off the UI thread
        editor.export_to(str(target))
    assert openpyxl.load_workbook(target).active["A4"].value == header
