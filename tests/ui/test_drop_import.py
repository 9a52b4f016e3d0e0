"""Dropping spreadsheets on the console and File → New from spreadsheet, with the real
importers: question lists open the questions import dialog, run sheets the run sheet one.

What a dropped file is, is found on a worker thread (a workbook is even parsed in a
child process): the drop returns at once and the dialog (or the message) comes after."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from moderator_app.io.showfile import ShowFile
from moderator_app.resources import resource
from moderator_app.ui import first_run, runsheet_dialogs
from moderator_app.ui import questions_import as qimport
from moderator_app.ui.app import open_session
from moderator_app.ui.first_run import handle_file
from moderator_app.ui.main_window import MainWindow
from tests.io import hostile_files as hostile
from tests.ui.test_first_run import drop

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"
ZOOM = Path(resource("sample_questions_zoom_fr.csv"))
RUNSHEET = Path(resource("sample_runsheet_fr.xlsx"))


@pytest.fixture
def window(qtbot, show_path: Path):
    session = open_session(str(show_path))
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    yield win
    for dialog in win.findChildren(qimport.ImportDialog):
        dialog.done(0)
    for other in list(first_run._WINDOWS):
        other.close()
        other.session.close()
    win.close()
    session.close()


def question_dialogs(window: MainWindow) -> list[qimport.ImportDialog]:
    return [d for d in window.findChildren(qimport.ImportDialog) if d.isVisible()]


def runsheet_dialogs_of(window: MainWindow) -> list[runsheet_dialogs.ImportDialog]:
    return window.runsheet_editor.findChildren(runsheet_dialogs.ImportDialog)


SLOW_STRINGS = 12_000_000  # 200 MB of shared strings: seconds of parsing in the child


def settled(qtbot, window: MainWindow) -> None:
    """Wait for every dropped file's kind to come back from its worker thread."""
    qtbot.waitUntil(lambda: not window.drop_router.pending, timeout=20000)


def message_of(qtbot, window: MainWindow, words: str) -> str:
    qtbot.waitUntil(lambda: words in window.statusBar().currentMessage(), timeout=20000)
    return window.statusBar().currentMessage()


def test_dropping_a_zoom_report_opens_the_questions_import_on_it(
    qtbot, window: MainWindow
) -> None:
    assert drop(window, ZOOM)
    settled(qtbot, window)
    (dialog,) = question_dialogs(window)
    assert dialog.path.text() == str(ZOOM)
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    assert dialog.profile.currentData() == "zoom_qa"
    assert window.pages.currentWidget() is window.questions.page
    assert len(window.questions.book.queue) == 0  # nothing imported until Import
    dialog.grab().save("/tmp/drop_questions.png")
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(window.questions.book.queue) == 25
    assert not runsheet_dialogs_of(window)


def test_dropping_a_run_sheet_opens_the_run_sheet_import_on_it(
    qtbot, window: MainWindow
) -> None:
    before = [s.title for s in window.session.show.segments]
    assert drop(window, RUNSHEET)
    settled(qtbot, window)
    (dialog,) = runsheet_dialogs_of(window)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)  # read off the UI thread
    assert dialog.table.path == RUNSHEET
    assert window.pages.currentWidget() is window.runsheet_editor
    assert not question_dialogs(window)  # its notes column is free text, yet a run sheet
    assert [s.title for s in window.session.show.segments] == before
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.grab().save("/tmp/drop_runsheet.png")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    titles = [s.title for s in window.session.show.segments]
    assert titles[0] == "Bienvenue" and titles[-1] == "Clôture" and len(titles) == 8


def test_handle_file_routes_each_fixture_to_its_importer(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.io.runsheet_fixtures import english_csv, semicolon_cp1252_csv

    for path, questions, runsheets in (
        (FIX / "google_forms_fr_cp1252.csv", 1, 0),
        (FIX / "microsoft_forms.xlsx", 2, 0),
        (english_csv(tmp_path), 2, 1),
        (semicolon_cp1252_csv(tmp_path), 2, 2),
    ):
        assert handle_file(window, path) == "spreadsheet"
        settled(qtbot, window)
        assert len(question_dialogs(window)) == questions
        assert len(runsheet_dialogs_of(window)) == runsheets
    for dialog in question_dialogs(window):
        dialog.wait_idle()


@pytest.mark.parametrize(
    "name", ["bad_binary.csv", "bad_empty.csv", "bad_fake.xlsx", "bad_truncated.xlsx",
             "bad_no_questions.csv", "bad_header_only.csv"]
)  # fmt: skip
def test_bad_spreadsheets_are_refused_in_one_line(
    qtbot, window: MainWindow, name: str
) -> None:
    segments = list(window.session.show.segments)
    assert handle_file(window, FIX / name) == "spreadsheet"
    message = message_of(qtbot, window, "not recognised")
    assert name in message
    assert not question_dialogs(window) and not runsheet_dialogs_of(window)
    assert window.session.show.segments == segments


def test_a_missing_or_unreadable_file_is_refused(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    assert handle_file(window, tmp_path / "gone.xlsx") is None
    locked = tmp_path / "locked.csv"
    locked.write_text("Question\nPourquoi une métropole agit-elle à l'international ?\n")
    locked.chmod(0)
    try:
        assert handle_file(window, locked) == "spreadsheet"
        settled(qtbot, window)  # root can still read it: a dialog, else "not recognised"
        assert question_dialogs(window) or "not recognised" in window.statusBar().currentMessage()
    finally:
        locked.chmod(0o644)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(hostile.HOSTILE_XLSX))
def test_a_hostile_drop_is_refused_and_the_console_lives_on(
    qtbot, window: MainWindow, tmp_path: Path, name: str
) -> None:
    path = hostile.HOSTILE_XLSX[name](tmp_path)
    ticks: list[int] = []
    timer = qtbot_timer(window, ticks)
    started = time.monotonic()
    assert drop(window, path)
    assert time.monotonic() - started < 0.5  # the drop itself returns at once...
    assert "too large" not in window.statusBar().currentMessage()  # ...before the answer
    message = message_of(qtbot, window, "too large or damaged to read")
    timer.stop()
    assert path.name in message and "\n" not in message
    assert ticks, "the UI thread stood still while the file was examined"
    assert window.isVisible()
    assert not question_dialogs(window) and not runsheet_dialogs_of(window)
    # And the next file is read as usual.
    assert drop(window, ZOOM)
    settled(qtbot, window)
    assert len(question_dialogs(window)) == 1


def qtbot_timer(window: MainWindow, ticks: list[int]) -> QTimer:
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    return timer


def test_a_named_pipe_dropped_is_refused(qtbot, window: MainWindow, tmp_path: Path) -> None:
    fifo = tmp_path / "questions.csv"
    os.mkfifo(fifo)
    assert drop(window, fifo)
    message = message_of(qtbot, window, "named pipe")
    assert message == f"{fifo}: is a named pipe (FIFO), not a spreadsheet file; choose a saved file"


@pytest.mark.slow
def test_closing_the_window_cancels_a_running_examination(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from moderator_app.io import file_checks, safe_read

    # Checks loose enough to let the bomb through: the child takes seconds over it.
    monkeypatch.setattr(safe_read, "LIMITS", file_checks.Limits(ratio=10**6, strings=10**9))
    path = hostile.shared_strings_bomb_xlsx(tmp_path, strings=SLOW_STRINGS)
    assert drop(window, path)
    qtbot.waitUntil(lambda: bool(window.drop_router.running), timeout=5000)
    started = time.monotonic()
    window.close()
    qtbot.waitUntil(lambda: not window.drop_router.running, timeout=5000)
    assert time.monotonic() - started < 3



def new_show_from_sheet(qtbot, window: MainWindow) -> Path | None:
    """File → New from spreadsheet, waited for: the sheet is read off the UI thread."""
    outcome: list[Path | None] = []
    first_run.new_from_spreadsheet(window, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=20000)
    return outcome[0]


@pytest.mark.slow
def test_new_from_spreadsheet_reads_the_sheet_off_the_ui_thread(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from moderator_app.io import file_checks, safe_read

    # Checks loose enough to let the bomb through: its reading process takes seconds.
    monkeypatch.setattr(safe_read, "LIMITS", file_checks.Limits(ratio=10**6, strings=10**9))
    path = hostile.shared_strings_bomb_xlsx(tmp_path, strings=SLOW_STRINGS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    started = time.monotonic()
    op = first_run.new_from_spreadsheet(window)
    assert time.monotonic() - started < 1  # back to the timer at once
    assert op is not None and op.isRunning()
    op.cancel()  # and the cancel reaches the reading process
    assert op.wait(5000)


def test_new_from_spreadsheet_creates_the_show_and_opens_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "webinaire"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(RUNSHEET), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    created = new_show_from_sheet(qtbot, window)
    assert created == target.with_suffix(".show")
    with ShowFile.open(created, readonly=True) as file:
        show = file.load_show()
    assert show.title.startswith("Conducteur – Webinaire Internationalisation")
    assert show.segments[0].title == "Bienvenue" and len(show.segments) == 8
    assert show.planned_start.isoformat() == "2027-02-25T16:00:00+01:00"
    fresh = first_run._WINDOWS[-1]
    assert fresh.session.path == created and not window.isVisible()


def test_new_from_spreadsheet_refuses_a_question_list_and_bad_files(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    saved: list[str] = []

    def save(*_a, **_k):
        saved.append("asked")
        return (str(tmp_path / "x.show"), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    for chosen, expected in ((ZOOM, "a question list, not a run sheet"),
                             (FIX / "bad_fake.xlsx", "bad_fake.xlsx: not a readable")):  # fmt: skip
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, c=chosen, **k: (str(c), ""))
        assert new_show_from_sheet(qtbot, window) is None
        assert expected in window.statusBar().currentMessage()
    assert not saved and not (tmp_path / "x.show").exists()
    # Cancelled at either dialog: nothing made.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert first_run.new_from_spreadsheet(window) is None  # no file chosen, nothing read
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(RUNSHEET), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert new_show_from_sheet(qtbot, window) is None
    assert window.isVisible()


def test_new_show_never_overwrites(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    existing = tmp_path / "taken.show"
    existing.write_bytes(b"precious")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(RUNSHEET), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    assert new_show_from_sheet(qtbot, window) is None
    assert existing.read_bytes() == b"precious"
    assert "already exists" in window.statusBar().currentMessage()


def test_import_menu_entry_routes_through_detection(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(RUNSHEET), ""))
    entry = next(a for a in window.menu("file").actions() if "Import a Spreadsheet" in a.text())
    entry.trigger()
    settled(qtbot, window)
    assert len(runsheet_dialogs_of(window)) == 1


@pytest.mark.slow
def test_closing_the_questions_import_stops_its_reader(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from moderator_app.io import file_checks, safe_read

    # Checks loose enough to let the bomb through: the child would take seconds over it.
    monkeypatch.setattr(safe_read, "LIMITS", file_checks.Limits(ratio=10**6, strings=10**9))
    dialog = window.questions.open_import(hostile.shared_strings_bomb_xlsx(tmp_path, strings=SLOW_STRINGS))
    qtbot.waitUntil(lambda: dialog.worker is not None, timeout=5000)
    time.sleep(0.3)  # the child is parsing
    started = time.monotonic()
    dialog.done(0)
    assert time.monotonic() - started < 3  # the cancel reached the child
