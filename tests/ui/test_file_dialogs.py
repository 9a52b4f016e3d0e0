"""File dialogs open where the user keeps files, never in the hidden data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from moderator_app.paths import data_dir
from moderator_app.ui import file_dialogs
from moderator_app.ui.file_dialogs import choose_spreadsheet, in_start_folder, start_folder


def test_documents_first_then_the_last_folder_used(qtbot, tmp_path: Path, monkeypatch) -> None:
    (Path.home() / "Documents").mkdir(parents=True)
    first = start_folder()
    assert first == Path.home() / "Documents"
    assert first.is_dir() and not first.resolve().is_relative_to(data_dir().resolve())
    chosen = tmp_path / "exports" / "questions.csv"
    chosen.parent.mkdir()
    chosen.write_text("Question\nUne question ?\n", encoding="utf-8")
    seen: list[str] = []

    def fake_open(parent, title, folder, filters):  # the modal dialog, answered
        seen.append(folder)
        return str(chosen), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    assert choose_spreadsheet(None, "Import") == chosen
    assert seen == [str(first)]
    assert start_folder() == chosen.parent  # the next dialog opens where the user was
    assert in_start_folder("report.xlsx") == str(chosen.parent / "report.xlsx")


def test_a_folder_inside_the_data_folder_or_gone_is_skipped(qtbot, tmp_path: Path) -> None:
    Path.home().mkdir(parents=True)
    file_dialogs.remember_folder(data_dir() / "default.show")
    assert not start_folder().resolve().is_relative_to(data_dir().resolve())
    file_dialogs.remember_folder(tmp_path / "gone" / "x.csv")
    assert start_folder().is_dir()



def test_show_dialogs_open_where_the_user_keeps_files(qtbot, window, tmp_path, monkeypatch) -> None:
    from moderator_app.ui import first_run

    (Path.home() / "Documents").mkdir(parents=True)
    seen: list[str] = []

    def fake_open(parent, title, folder, filters):
        seen.append(folder)
        return "", filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_open))
    first_run.open_show(window)
    first_run.save_as(window)
    first_run.new_from_template(window)
    assert seen[0] == str(Path.home() / "Documents")
    assert seen[1] == str(Path.home() / "Documents" / window.session.path.name)
    assert not any(str(data_dir()) in folder for folder in seen)
