"""Notes to the moderator: a note journaled by another process shows on the console within
the file poll, in a strip that moves nothing, as plain text, with the count of unread
notes; R (or the strip's button) acknowledges the oldest, journaling note.read."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from moderator_app.app import notes as notes_app
from moderator_app.core.actions import NOTE_READ, NOTE_SENT
from moderator_app.io.session import ShowSession
from moderator_app.ui.main_window import POLL_MS, MainWindow

REPO = Path(__file__).resolve().parents[2]


def geometry(window: MainWindow) -> dict[str, tuple]:
    """Where the things the moderator reads and presses are, in window coordinates."""

    def where(widget: QWidget) -> tuple:
        top_left = widget.mapTo(window, widget.rect().topLeft())
        return (top_left.x(), top_left.y(), widget.width(), widget.height())

    parts = {
        "remaining": window.panel.remaining,
        "pages": window.pages,
        "tabs": window.pages.tabBar(),
        "rundown": window.rundown_view,
    }
    parts.update({f"button_{k}": b for k, b in window.buttons.items()})
    return {name: where(w) for name, w in parts.items()}


@pytest.fixture
def big(window: MainWindow, qtbot) -> MainWindow:
    window.resize(1366, 740)
    qtbot.wait(10)
    return window


@pytest.fixture
def other(show_path: Path, clock) -> ShowSession:
    """A second writer on the same file (what the network server is to the console)."""
    s = ShowSession.open(show_path, clock=clock)
    yield s
    s.close()


def test_a_note_from_another_writer_shows_within_the_poll_and_moves_nothing(
    big: MainWindow, other: ShowSession, qtbot
) -> None:
    strip = big.features["notes"].strip
    assert not strip.isVisible()
    before = geometry(big)
    lags = []
    for i in range(5):
        notes_app.send_note(other, f"Speaker {i} is late <b>swap</b>", "Marie")
        sent = time.perf_counter()
        qtbot.waitUntil(lambda n=i: f"Speaker {n} is late" in strip.text.text(), timeout=2000)
        lags.append((time.perf_counter() - sent) * 1000)
        notes_app.mark_read(other, notes_app.unread(other)[0].seq)  # the next one is the oldest
    print(f"note shown after (ms): {[round(x, 1) for x in lags]}")
    # The poll runs every POLL_MS; 100 ms is the promise (median: the machine is shared).
    assert POLL_MS == 20
    assert statistics.median(lags) < 100
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=2000)
    notes_app.send_note(other, "Speaker 3 is late <b>swap</b>", "Marie")
    qtbot.waitUntil(strip.isVisible, timeout=2000)
    assert strip.text.textFormat() == Qt.TextFormat.PlainText
    assert strip.text.text() == "Speaker 3 is late <b>swap</b>"
    assert "Marie" in strip.head.text()
    assert geometry(big) == before  # nothing moved: not the figure, buttons, tabs or pages
    tabs = big.pages.tabBar()
    last = tabs.tabRect(tabs.count() - 1)
    assert strip.geometry().left() > tabs.mapTo(big.pages, last.topRight()).x()  # beside the tabs
    assert strip.geometry().right() <= big.pages.width()


def test_r_acknowledges_the_oldest_note_and_the_count_follows(
    big: MainWindow, other: ShowSession, qtbot
) -> None:
    notes = big.features["notes"]
    first = notes_app.send_note(other, "first", "Marie")
    notes_app.send_note(other, "second", "Tom")
    qtbot.waitUntil(lambda: notes.strip.isVisible() and notes.strip.count.isVisible(),
                    timeout=2000)  # fmt: skip
    assert notes.strip.text.text() == "first"
    assert "2" in notes.strip.count.text()
    big.rundown_view.setFocus()  # a table has focus: R is still the note key
    qtbot.keyClick(big.rundown_view, Qt.Key.Key_R)
    reads = [a for a in big.session.file.actions(0, (NOTE_READ,))]
    assert [a.payload["note"] for a in reads] == [first.seq]
    assert notes.strip.text.text() == "second"
    assert not notes.strip.count.isVisible()
    qtbot.mouseClick(notes.strip.read_button, Qt.MouseButton.LeftButton)
    assert not notes.strip.isVisible()
    assert len(big.session.file.actions(0, (NOTE_READ,))) == 2
    other.refresh()
    assert notes_app.unread(other) == []  # the producer's side sees both read
    qtbot.keyClick(big.rundown_view, Qt.Key.Key_R)  # nothing left: said, nothing journaled
    assert "no unread note" in big.statusBar().currentMessage()
    assert len(big.session.file.actions(0, (NOTE_READ,))) == 2


def test_r_types_in_the_message_field(big: MainWindow, other: ShowSession, qtbot) -> None:
    notes_app.send_note(other, "hello", "")
    qtbot.waitUntil(big.features["notes"].strip.isVisible, timeout=2000)
    field = big.live.messages.text
    field.setFocus()
    qtbot.keyClicks(field, "r")
    assert field.text() == "r"
    assert big.session.file.actions(0, (NOTE_READ,)) == []
    assert "the producer" in big.features["notes"].strip.head.text()  # no sender given


def test_the_help_lists_the_note_key(big: MainWindow, qtbot) -> None:
    qtbot.keyClick(big, Qt.Key.Key_F1)
    rows = big.live.help.rows()
    assert ("notes", "R", big.features["notes"].action.statusTip()) in rows


@pytest.mark.slow
def test_a_note_journaled_by_another_process_is_shown_and_read(
    big: MainWindow, show_path: Path, qtbot
) -> None:
    script = (
        "import sys\n"
        "from moderator_app.app.notes import send_note\n"
        "from moderator_app.app.show import open_show\n"
        "s = open_show(sys.argv[1])\n"
        "send_note(s, 'Swap speakers 3 and 4', 'Régie')\n"
        "s.close()\n"
    )
    subprocess.run([sys.executable, "-c", script, str(show_path)], cwd=REPO, check=True,
                   timeout=60)  # fmt: skip
    strip = big.features["notes"].strip
    qtbot.waitUntil(strip.isVisible, timeout=2000)
    assert strip.text.text() == "Swap speakers 3 and 4"
    assert "Régie" in strip.head.text()
    qtbot.keyClick(big, Qt.Key.Key_R)
    sent = big.session.file.actions(0, (NOTE_SENT,))
    read = big.session.file.actions(0, (NOTE_READ,))
    assert [a.payload["note"] for a in read] == [sent[0].seq]


def test_the_report_page_lists_the_notes(big: MainWindow, other: ShowSession, qtbot) -> None:
    big.perform("start")
    note = notes_app.send_note(other, "Swap\n3 and 4", "Marie", extra={"origin": "network",
                                                                     "role": "producer"})  # fmt: skip
    notes_app.send_note(other, "=1+1", "")
    qtbot.waitUntil(big.features["notes"].strip.isVisible, timeout=2000)
    qtbot.keyClick(big, Qt.Key.Key_R)
    view = big.report_feature.view
    big.pages.setCurrentWidget(view.parentWidget() or view)
    view.refresh()
    model = view.notes_model
    assert view.tabs.tabText(view.tabs.count() - 1) == "Notes to the moderator"
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # fmt: skip
    assert [r[1:3] for r in rows] == [["Marie", "Swap 3 and 4"], ["", "=1+1"]]
    assert rows[0][3] != "not read" and rows[1][3] == "not read"
    assert rows[0][4] == "network · producer" and rows[1][4] == ""
    assert model.rows[0].seq == note.seq
