"""Asking the moderator for a spreadsheet to read: the same filter for every importer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def spreadsheet_filter() -> str:
    """What the importers read (io/tables.py), then anything, for a file with no suffix."""
    return QCoreApplication.translate(
        "FileDialogs", "Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"
    )


def choose_spreadsheet(parent: QWidget, title: str) -> Path | None:
    """The spreadsheet the moderator picks in an Open dialog; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", spreadsheet_filter())
    return Path(path) if path else None
