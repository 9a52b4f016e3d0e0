"""A file's refusal reads in the console's language: an import that cannot be read or whose
rows overlap, an export to a folder that does not exist, a show file another program holds.

Real files through the real UI paths (the import dialog reads off the UI thread, the export
writes off it, the banner follows the session). In English the console shows today's
sentences, which are also what the command line says (``str(exc)``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from moderator_app.core.actions import ActionType
from moderator_app.io.session import ShowSession
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.runsheet_dialogs import ImportDialog
from moderator_app.ui.runsheet_editor import RunSheetEditor

OVERLAP = {
    "fr": "{0} : ligne 3 (Europe) : commence à 14:05, avant la fin de la séquence précédente "
    "à 14:10 (chevauchement) ; corrigez ce début ou la durée précédente",
    "en": "{0}: row 3 (Europe): starts at 14:05, before the previous segment ends at 14:10 "
    "(overlap); fix this start or the previous duration",
}
UNREADABLE_TIME = {
    "fr": "{0} : ligne 2 (Accueil) : impossible de lire 'bientôt' comme une heure telle que "
    "16:05 ou 4:05 PM",
    "en": "{0}: row 2 (Accueil): cannot read 'bientôt' as a clock time such as 16:05 or "
    "4:05 PM",
}
RENAMED = {
    "fr": "{0} : tableur illisible : pas un vrai classeur .xlsx (le contenu n’est pas un "
    "tableur ; a-t-il été renommé ?)",
    "en": "{0}: not a readable spreadsheet: not a real .xlsx workbook (the content is not a "
    "spreadsheet; was it renamed?)",
}
NO_HEADER = {
    "fr": "{0} : aucune ligne d’en-tête dans les 40 premières lignes : il faut une colonne de "
    "titre (Title, Titre, Segment, Séquence) et une colonne d’horaire (Start, Heure, Début, "
    "Duration, Durée, End, Fin)",
    "en": "{0}: no header row found in the first 40 rows: expected a title column (Title, "
    "Titre, Segment, Séquence) and a time column (Start, Heure, Début, Duration, Durée, End, "
    "Fin)",
}
MISSING_FOLDER = {
    "fr": "{0} : le dossier {1} n’existe pas",
    "en": "{0}: the folder {1} does not exist",
}
WRONG_SUFFIX = {
    "fr": "{0} : exportez en .xlsx ou .csv (pas en .pdf)",
    "en": "{0}: export to .xlsx or .csv (not .pdf)",
}
LOCKED = {
    "fr": "{0} : le fichier est verrouillé par un autre programme -- la modification n’a PAS "
    "été enregistrée ; fermez-le là-bas et réessayez",
    "en": "{0}: the file is locked by another program -- the change was NOT saved; close it "
    "there and try again",
}


@pytest.fixture
def editor(language, qtbot, session: ShowSession) -> RunSheetEditor:
    widget = RunSheetEditor(session)
    qtbot.addWidget(widget)
    return widget


def _dialog_says(qtbot, editor: RunSheetEditor, path: Path) -> str:
    """What the import dialog says once it has read ``path`` (a preview refused)."""
    dialog = ImportDialog.run(editor, str(path))
    assert dialog is not None
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    return dialog.messages.toPlainText()


def _editor_says(qtbot, editor: RunSheetEditor, path: Path) -> str:
    """What the editor says when the import dialog cannot read ``path`` at all."""
    dialog = ImportDialog.run(editor, str(path))
    assert dialog is not None
    with qtbot.waitSignal(dialog.unreadable, timeout=10000):
        pass
    return editor.message.text()


def test_a_run_sheet_whose_rows_overlap(qtbot, editor, session, tmp_path, language) -> None:
    sheet = tmp_path / "conducteur.csv"
    sheet.write_text("Titre;Début;Durée\nAccueil;14:00;10\nEurope;14:05;10\n", "utf-8")
    before = session.show.to_dict()
    assert _dialog_says(qtbot, editor, sheet) == OVERLAP[language].format(sheet)
    assert session.show.to_dict() == before


def test_a_run_sheet_with_an_unreadable_time(qtbot, editor, tmp_path, language) -> None:
    sheet = tmp_path / "conducteur.csv"
    sheet.write_text("Titre;Début;Durée\nAccueil;bientôt;10\nEurope;14:10;10\n", "utf-8")
    assert _dialog_says(qtbot, editor, sheet) == UNREADABLE_TIME[language].format(sheet)


def test_a_sheet_without_a_header(qtbot, editor, tmp_path, language) -> None:
    sheet = tmp_path / "notes.csv"
    sheet.write_text("rien;à;voir\n1;2;3\n", "utf-8")
    assert _editor_says(qtbot, editor, sheet) == NO_HEADER[language].format(sheet)


def test_a_file_that_is_not_a_spreadsheet(qtbot, editor, tmp_path, language) -> None:
    renamed = tmp_path / "conducteur.xlsx"
    renamed.write_text("Ceci est une lettre, pas un classeur.\n", "utf-8")
    assert _editor_says(qtbot, editor, renamed) == RENAMED[language].format(renamed)


def test_an_export_to_a_missing_folder_or_a_wrong_kind(
    qtbot, editor, tmp_path, language
) -> None:
    # The write runs off the UI thread (it may fail before a wait on its signal starts):
    # what counts is what the editor says once it is done.
    target = tmp_path / "gone" / "conducteur.xlsx"
    editor.export_to(str(target))
    expected = MISSING_FOLDER[language].format(target, target.parent)
    qtbot.waitUntil(lambda: editor.message.text() == expected, timeout=10000)
    assert not target.parent.exists()
    pdf = tmp_path / "conducteur.pdf"
    editor.export_to(str(pdf))
    expected = WRONG_SUFFIX[language].format(pdf)
    qtbot.waitUntil(lambda: editor.message.text() == expected, timeout=10000)
    assert not pdf.exists()


def test_the_banner_says_another_writer_holds_the_show_file(
    qtbot, language, session: ShowSession
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    session.file.wait_for_lock(0.05)  # the console's 2 s wait for the lock, kept short
    other = sqlite3.connect(session.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a real second writer holding the file
    try:
        window.perform(ActionType.START)
        expected = LOCKED[language].format(session.path)
        qtbot.waitUntil(lambda: expected in window.banner.text(), timeout=5000)
    finally:
        other.execute("ROLLBACK")
        other.close()
    if language == "fr":
        assert "locked" not in window.banner.text()


TOO_LARGE = {
    "fr": "{0} : ce fichier est trop gros ou trop endommagé pour être lu (xl/worksheets/"
    "sheet1.xml va jusqu’à la ligne 1,048,576 et la colonne XFD : plus de",
    "en": "{0}: this file is too large or damaged to read (xl/worksheets/sheet1.xml reaches "
    "row 1,048,576 and column XFD: more than",
}


def test_a_workbook_too_large_to_read(qtbot, editor, tmp_path, language) -> None:
    from tests.io import hostile_files as hostile

    path = hostile.HOSTILE_XLSX["far cell"](tmp_path)
    said = _editor_says(qtbot, editor, path)
    assert said.startswith(TOO_LARGE[language].format(path)), said
    assert "\n" not in said
