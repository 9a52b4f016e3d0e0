"""Asking the moderator for files: the same filter for every importer, and dialogs that
open where the user keeps files (the last folder used, else Documents), never in the
application's hidden data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "dialogs/last_folder"


def spreadsheet_filter() -> str:
    """What the importers read (io/tables.py), then anything, for a file with no suffix."""
    return QCoreApplication.translate(
        "FileDialogs", "Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"
    )


def start_folder() -> Path:
    """The folder a file dialog opens in: the last one the user chose a file in, else their
    Documents (else home); a folder that is gone or inside the data folder is skipped."""
    from moderator_app.paths import data_dir

    hidden = data_dir().resolve()
    from moderator_app.ui.settings import Settings

    candidates = [str(Settings().qsettings.value(LAST_FOLDER_KEY, "") or "")]
    candidates.append(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))
    candidates.append(str(Path.home()))
    for candidate in candidates:
        if not candidate:
            continue
        folder = Path(candidate)
        if folder.is_dir() and not folder.resolve().is_relative_to(hidden):
            return folder
    return Path.home()


def in_start_folder(name: str) -> str:
    """``name`` (a suggested file name) in the folder a save dialog should open in."""
    return str(start_folder() / Path(name).name) if name else str(start_folder())


def remember_folder(path: str | Path) -> None:
    """Note the folder of a file the user chose: the next dialog opens there."""
    if path:
        from moderator_app.ui.settings import Settings

        settings = Settings().qsettings
        settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        settings.sync()


def choose_spreadsheet(parent: QWidget, title: str) -> Path | None:
    """The spreadsheet the moderator picks in an Open dialog; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()),
                                          spreadsheet_filter())
    if not path:
        return None
    remember_folder(path)
    return Path(path)
