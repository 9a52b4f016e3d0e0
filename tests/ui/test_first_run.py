"""First run: the keys tour, File menu basics, About, and dropping files on the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from moderator_app.core.actions import ActionType
from moderator_app.io.showfile import ShowFile
from moderator_app.ui import first_run, recent
from moderator_app.ui.app import open_session
from moderator_app.ui.first_run import TourCard, handle_file, register_drop_handler
from moderator_app.ui.main_window import MainWindow

# Qt 6.12 marks the QDragEnterEvent constructor deprecated; tests still need to build one.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def window(qtbot, show_path: Path):
    session = open_session(str(show_path))
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    yield win
    for other in list(first_run._WINDOWS):
        other.close()
        other.session.close()
    win.close()
    session.close()


def menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions()]


def test_tour_shows_on_first_run_and_is_remembered(qtbot, window: MainWindow, show_path) -> None:
    card = window.findChild(TourCard)
    assert card is not None and card.isVisible()
    assert "1 of 5" in card.counter.text()
    window.resize(1100, 700)
    window.grab().save("/tmp/first_run_tour.png")
    qtbot.mouseClick(card.forward, Qt.MouseButton.LeftButton)
    assert "2 of 5" in card.counter.text()
    qtbot.keyClick(window, Qt.Key.Key_Space)  # show keys still work under the card
    prompt = window.findChild(QMessageBox, "RehearsalPrompt")
    if prompt is not None and prompt.isVisible():  # real clock, far from the planned date
        qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert window.session.engine.state.status == "running"
    for _ in range(4):
        qtbot.mouseClick(card.forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(TourCard) is None)
    assert first_run.tour_done()
    second = MainWindow(open_session(str(show_path)))  # read-only follower, tour not again
    qtbot.addWidget(second)
    assert second.findChild(TourCard) is None
    second.close()
    second.session.close()


def test_tour_can_be_closed_and_reopened_from_help(qtbot, window: MainWindow) -> None:
    card = window.findChild(TourCard)
    qtbot.mouseClick(card.skip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(TourCard) is None)
    tour = next(a for a in window.menu("help").actions() if "Tour" in a.text())
    tour.trigger()
    assert window.findChild(TourCard).isVisible()


def test_file_menu_has_the_basics(window: MainWindow) -> None:
    texts = menu_texts(window.menu("file"))
    for wanted in (
        "New from Template",
        "New from &Spreadsheet",
        "&Open…",
        "Open &Recent",
        "Save &As",
    ):
        assert any(wanted.replace("&", "") in t.replace("&", "") for t in texts), (wanted, texts)
    assert texts[-1].replace("&", "") == "Quit"


def test_new_from_template_opens_it_and_remembers_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "next-week"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    first_run.new_from_template(window)
    created = target.with_suffix(".show")
    assert created.is_file()
    fresh = first_run._WINDOWS[-1]
    assert fresh.session.path == created and not fresh.session.readonly
    assert recent.recent_shows()[0] == created.resolve()
    assert not window.isVisible()


def test_save_as_copies_the_journal_and_switches(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window.perform(ActionType.START)
    target = tmp_path / "copy.show"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    first_run.save_as(window)
    fresh = first_run._WINDOWS[-1]
    assert fresh.session.path == target
    assert fresh.session.engine.state.status == "running"  # the timer carried on


def test_open_recent_menu_lists_shows(qtbot, window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.show"
    ShowFile.create(other, first_run.default_show()).close()
    recent.remember(other)
    menu = window.recent_menu
    menu.aboutToShow.emit()
    texts = menu_texts(menu)
    assert texts[0].startswith("&1 other.show")
    menu.actions()[0].trigger()
    assert first_run._WINDOWS[-1].session.path == other


def test_about_box_shows_the_version(qtbot, window: MainWindow) -> None:
    from moderator_app import __version__
    from moderator_app.ui.about import about_box

    box = about_box(window)
    qtbot.addWidget(box)
    assert __version__ in box.text()
    box.grab().save("/tmp/about.png")
    box.close()


def drop(window: MainWindow, path: Path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return True


def test_dropping_a_spreadsheet_goes_to_the_registered_importer(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(first_run, "DROP_HANDLERS", list(first_run.DROP_HANDLERS))
    sheet = tmp_path / "colours.csv"
    sheet.write_text("Colour,Size\nred,big\n", encoding="utf-8")
    assert drop(window, sheet)
    # What it is, is found on a worker thread (ui/drop_import.py): neither importer takes it.
    qtbot.waitUntil(lambda: "not recognised" in window.statusBar().currentMessage())

    imported: list[Path] = []
    register_drop_handler(
        "colours",
        lambda p: p.suffix == ".csv" and "Colour" in p.read_text(encoding="utf-8"),
        lambda w, p: imported.append(p),
    )
    assert drop(window, sheet)
    assert imported == [sheet]
    assert not drop(window, tmp_path / "notes.pdf")  # refused at the door


def test_handler_that_cannot_read_the_file_does_not_claim_it(
    window: MainWindow, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(first_run, "DROP_HANDLERS", list(first_run.DROP_HANDLERS))

    def broken(_path):
        raise UnicodeDecodeError("utf-8", b"", 0, 1, "bad")

    register_drop_handler("runsheet", broken, lambda w, p: None)
    assert handle_file(window, tmp_path / "x.xlsx") is None


def test_dropping_a_show_file_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "dropped.show"
    ShowFile.create(other, first_run.default_show()).close()
    assert drop(window, other)
    assert first_run._WINDOWS[-1].session.path == other
