"""Dropping a spreadsheet on the console (or File → Import a spreadsheet): question lists
go to the questions import dialog, run sheets to the run sheet import dialog.

Which one a file is comes from ``io.spreadsheet_kind`` (the first rows only, never an
exception). Both dialogs open on the file with its detected layout: nothing is imported
until the moderator presses Import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from moderator_app.ui.first_run import SPREADSHEET_SUFFIXES, register_drop_handler


def _kind(path: Path) -> str | None:
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES:
        return None
    from moderator_app.io.spreadsheet_kind import detect  # the importers load on first drop

    return detect(path).kind


def looks_like_questions(path: Path) -> bool:
    from moderator_app.io.spreadsheet_kind import QUESTIONS

    return _kind(path) == QUESTIONS


def looks_like_runsheet(path: Path) -> bool:
    from moderator_app.io.spreadsheet_kind import RUNSHEET

    return _kind(path) == RUNSHEET


def _missing(window, what: str) -> None:
    window.show_error(
        QCoreApplication.translate("DropImport", "The {0} page is not available").format(what)
    )


def import_questions(window, path: Path):
    """Open the questions import dialog on ``path``; the dialog, or None."""
    feature = getattr(window, "questions", None)
    if feature is None:
        _missing(window, QCoreApplication.translate("DropImport", "Questions"))
        return None
    window.pages.setCurrentWidget(feature.page)
    return feature.open_import(path)


def import_runsheet(window, path: Path):
    """Open the run sheet import dialog on ``path``; the dialog, or None (and a message)."""
    from moderator_app.ui.runsheet_dialogs import ImportDialog

    editor = getattr(window, "runsheet_editor", None)
    if editor is None:
        _missing(window, QCoreApplication.translate("DropImport", "Run sheet"))
        return None
    window.pages.setCurrentWidget(editor)
    return ImportDialog.run(editor, str(path))


def attach(window) -> None:
    # Registered after the questions and run sheet features, which the handlers reach
    # through the window; a file claimed by both goes to the stronger match (see detect).
    register_drop_handler("runsheet", looks_like_runsheet, import_runsheet)
    register_drop_handler("questions", looks_like_questions, import_questions)
