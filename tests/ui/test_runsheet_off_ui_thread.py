"""The run sheet import dialog reads and previews its file, and the editor exports, off the
UI thread (ui/ops.py)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from moderator_app.app import runsheet as rs
from moderator_app.ui.runsheet_dialogs import ImportDialog
from moderator_app.ui.runsheet_editor import RunSheetEditor
from tests.io.runsheet_fixtures import french_xlsx


def test_the_file_is_read_and_previewed_off_the_ui_thread(
    qtbot, session, tmp_path: Path, monkeypatch
) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    threads: list[threading.Thread] = []
    for name in ("load_table", "build_runsheet"):
        real = getattr(rs, name)

        def spy(*args, real=real, **kwargs):
            threads.append(threading.current_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(rs, name, spy)
    sheet = french_xlsx(tmp_path)
    dialog = ImportDialog.run(editor, str(sheet))
    assert dialog is not None and dialog.table is None  # the UI thread went on
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "Reading conducteur.xlsx" in dialog.messages.toPlainText()
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    assert dialog.table.path == sheet and ok.isEnabled()
    assert dialog.preview_model.rowCount() == 8
    assert len(threads) == 2 and threading.main_thread() not in threads


def test_an_unreadable_file_is_said_in_the_editor_and_no_dialog_stays(
    qtbot, session, tmp_path: Path
) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    bad = tmp_path / "half.xlsx"
    bad.write_bytes(b"PK\x03\x04 half written")
    before = session.show.to_dict()
    dialog = ImportDialog.run(editor, str(bad))
    with qtbot.waitSignal(dialog.unreadable, timeout=10000):
        pass
    assert "half.xlsx" in editor.message.text()
    qtbot.waitUntil(lambda: not editor.findChildren(ImportDialog), timeout=5000)
    assert session.show.to_dict() == before


def test_another_header_row_uses_the_rows_already_read(qtbot, session, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    sheet = french_xlsx(tmp_path)
    dialog = ImportDialog.run(editor, str(sheet))
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    sheet.unlink()  # a re-read would fail now
    dialog.header_row.setValue(1)
    assert dialog.table.header_row == 0 and dialog.result_ is None
    dialog.header_row.setValue(4)
    assert dialog.table.header_row == 3 and len(dialog.result_.segments) == 8


def test_the_export_is_written_off_the_ui_thread(
    qtbot, session, tmp_path: Path, monkeypatch
) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    threads: list[threading.Thread] = []
    real = rs.export_runsheet

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(rs, "export_runsheet", spy)
    target = tmp_path / "out.csv"
    with qtbot.waitSignal(editor.exported, timeout=10000):
        editor.export_to(str(target))
    assert rs.read_sheet(target).segments[0].title == session.show.segments[0].title
    assert len(threads) == 1 and threads[0] is not threading.main_thread()


def test_an_export_that_cannot_be_written_says_why(qtbot, session, tmp_path: Path) -> None:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.error, timeout=10000) as signal:
        editor.export_to(str(tmp_path / "gone" / "out.xlsx"))
    assert "does not exist" in signal.args[0] and "\n" not in signal.args[0]


def test_a_read_ending_after_the_editor_closed_is_ignored(qtbot, session, tmp_path: Path) -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication

    editor = RunSheetEditor(session)
    dialog = ImportDialog.run(editor, str(french_xlsx(tmp_path)))
    op = dialog.reading
    assert op is not None
    shiboken6.delete(editor)  # the dialog with it
    op.wait(10000)
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()  # no call on the deleted dialog (pytest-qt fails on one)


def test_an_export_ending_after_the_editor_closed_is_ignored(
    qtbot, session, tmp_path: Path
) -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication

    editor = RunSheetEditor(session)
    op = editor.export_to(str(tmp_path / "out.xlsx"))
    shiboken6.delete(editor)
    op.wait(10000)
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()  # no call on the deleted editor (pytest-qt fails on one)
    assert (tmp_path / "out.xlsx").exists()
