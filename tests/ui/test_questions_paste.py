"""Pasting questions from a chat (issue 13, items 1 and 2 in the console): Ctrl+V on the
Questions tab, the preview with the rule's choice and the moderator's override, the
merge, a bad clipboard, a large paste that never blocks the UI thread, and the dialog's
place below the live panel."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from moderator_app.app.questions import machine_zone
from moderator_app.ui.formatting import clock_time
from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.questions_paste import COL_ASKER, COL_INCLUDE, COL_WHY, PasteDialog

ZOOM_CHAT = (
    "10:02:13 From  Marie Dupont  to  Everyone:\n"
    "\tBonjour à tous !\n"
    "10:03:40 From  Jean Martin  to  Everyone:\n"
    "\tComment financer la rénovation des écoles rurales ?\n"
    "10:04:02 From  Ana López  to  Everyone:\n"
    "\t+1\n"
    "10:05:11 From  Paul Durand  to  Me (privately):\n"
    "\tQuel calendrier pour le plan vélo ?\n"
    "\tEt pour les quartiers nord ?\n"
    "10:06:00 From  Léa Petit  to  Everyone:\n"
    "\tMerci beaucoup\n"
)
QUESTION_ASKERS = ["Jean Martin", "Paul Durand"]
CHATS = Path(__file__).resolve().parent.parent / "fixtures" / "chat"


@pytest.fixture
def english() -> Iterator[None]:
    previous = current_language()
    install_language("en")
    yield
    install_language(previous)


@pytest.fixture
def window(english, qtbot, session) -> Iterator[MainWindow]:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.pages.setCurrentWidget(win.questions.page)
    yield win
    dialog = win.questions.page.paste_dialog
    if dialog is not None:
        dialog.wait_idle()
        dialog.close()
    win.close()


def set_clipboard(text: str | None = None, *, image: bool = False,
                  data: bytes | None = None) -> None:
    clipboard = QApplication.clipboard()
    if image:
        picture = QImage(40, 30, QImage.Format.Format_RGB32)
        picture.fill(QColor("red"))
        clipboard.setImage(picture)
    elif data is not None:
        mime = QMimeData()
        mime.setData("application/octet-stream", data)
        clipboard.setMimeData(mime)
    elif text is None:
        clipboard.clear()
    else:
        clipboard.setText(text)


def press_ctrl_v(qtbot, window: MainWindow) -> None:
    """Ctrl+V as the moderator presses it, the focus in the question table."""
    table = window.questions.page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def opened(qtbot, window: MainWindow) -> PasteDialog:
    dialog = window.questions.page.paste_dialog
    assert dialog is not None, window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.model.parse is not None,
                    timeout=20000)
    return dialog


def shown_askers(dialog: PasteDialog) -> list[str]:
    model = dialog.model
    return [model.index(r, COL_ASKER).data() for r in range(model.rowCount())]


def ticked(dialog: PasteDialog) -> list[bool]:
    model = dialog.model
    return [model.index(r, COL_INCLUDE).data(Qt.ItemDataRole.CheckStateRole)
            == Qt.CheckState.Checked for r in range(model.rowCount())]


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_check(qtbot, dialog: PasteDialog, row: int) -> None:
    """Click the tick box of ``row`` where the style draws it, as a user would."""
    view = dialog.table
    index = dialog.model.index(row, COL_INCLUDE)
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                      option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_ctrl_v_with_a_zoom_chat_opens_the_preview_with_only_the_questions_ticked(
        qtbot, window) -> None:
    set_clipboard(ZOOM_CHAT)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.detected.text() == "Recognised: Zoom chat"
    assert shown_askers(dialog) == QUESTION_ASKERS  # greetings and "+1" out of view
    assert ticked(dialog) == [True, True]
    private = dialog.model.index(1, 4).data()
    assert private == "Private"
    # The time as the queue will show it: the one time rule, in the show's zone.
    first = dialog.model.parse.messages[1]
    assert first.at is not None and first.at.astimezone(machine_zone()).hour == 10
    assert dialog.model.index(0, 2).data() == clock_time(first.at, window.session.show.tz)
    assert dialog.counts.text() == "5 message(s), 2 look like questions, 2 ticked"
    # Every message is there on demand, the rule's reason beside it.
    click(qtbot, dialog.show_all)
    assert shown_askers(dialog) == ["Marie Dupont", "Jean Martin", "Ana López", "Paul Durand",
                                    "Léa Petit"]
    assert ticked(dialog) == [False, True, False, True, False]
    reasons = [dialog.model.index(r, COL_WHY).data() for r in range(5)]
    assert reasons == ["Greeting or thanks", "Question mark", "“+1”", "Question mark",
                       "Greeting or thanks"]
    assert len(window.questions.book.queue) == 0  # nothing added before Add


def test_ticking_a_greeting_adds_it_and_pasting_again_adds_nothing(qtbot, window) -> None:
    book = window.questions.book
    set_clipboard(ZOOM_CHAT)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    click(qtbot, dialog.show_all)
    click_check(qtbot, dialog, 0)  # the moderator overrides the rule for one greeting
    assert ticked(dialog) == [True, True, False, True, False]
    assert dialog.model.index(0, COL_WHY).data() == "Greeting or thanks; ticked by you"
    click(qtbot, dialog.add_button)
    assert dialog.status.text() == "3 question(s) added, 0 already in the queue"
    assert window.statusBar().currentMessage() == dialog.status.text()
    texts = {q.text for q in book.queue.ordered()}
    assert "Bonjour à tous !" in texts
    assert "Quel calendrier pour le plan vélo ?\nEt pour les quartiers nord ?" in texts
    askers = {q.asker for q in book.queue.ordered()}
    assert askers == {"Marie Dupont", *QUESTION_ASKERS}
    # The same text pasted again (Ctrl+V in the dialog reads the clipboard again).
    qtbot.keyClick(dialog.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.status.text() == "", timeout=5000)
    click(qtbot, dialog.add_button)
    assert dialog.status.text() == "0 question(s) added, 2 already in the queue"
    assert len(book.queue) == 3


def test_space_unticks_a_question_and_only_the_ticked_ones_go_in(qtbot, window) -> None:
    book = window.questions.book
    set_clipboard(ZOOM_CHAT)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    dialog.table.setFocus()
    dialog.table.selectRow(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert ticked(dialog) == [True, False]  # unticked, still in view to tick again
    assert dialog.model.index(1, COL_WHY).data() == "Question mark; unticked by you"
    click(qtbot, dialog.add_button)
    assert [q.asker for q in book.queue.ordered()] == ["Jean Martin"]


@pytest.mark.parametrize(("kind", "expected"), [
    ("empty", "The clipboard is empty"),
    ("image", "The clipboard holds an image, not text"),
    ("bytes", "The clipboard holds no text"),
    ("binary text", "The clipboard holds binary data"),
])
def test_a_clipboard_with_nothing_to_read_says_so_in_one_line(qtbot, window, kind,
                                                              expected) -> None:
    book = window.questions.book
    set_clipboard(ZOOM_CHAT)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    click(qtbot, dialog.add_button)
    assert len(book.queue) == 2
    if kind == "empty":
        set_clipboard(None)
    elif kind == "image":
        set_clipboard(image=True)
    elif kind == "bytes":
        set_clipboard(data=bytes(range(256)) * 8)
    else:
        set_clipboard("PK\x03\x04\x00\x00\x08\x00" + "\x00\x01\x02\x1f" * 500)
    press_ctrl_v(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message.startswith(expected) and "\n" not in message
    assert dialog.status.text() == message  # said in the open dialog too
    assert shown_askers(dialog) == QUESTION_ASKERS  # what it showed stays
    assert len(book.queue) == 2  # nothing lost


@pytest.mark.parametrize(("name", "label", "questions"), [
    ("zoom_saved_chat_fr.txt", "Zoom chat", 5),
    ("zoom_qa_panel_en.txt", "Zoom Q&A panel", 3),
    ("teams_copy.txt", "Teams", 2),
    ("meet_copy.txt", "Google Meet", 2),
    ("plain.txt", "Plain text", 3),
])
def test_each_format_is_named_with_its_questions_ticked(qtbot, window, name, label,
                                                       questions) -> None:
    set_clipboard((CHATS / name).read_text(encoding="utf-8"))
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    assert dialog.detected.text() == f"Recognised: {label}"
    assert ticked(dialog) == [True] * questions


def test_lines_it_could_not_read_are_listed(qtbot, window) -> None:
    set_clipboard("Conversation enregistrée <b>le 2 décembre</b>\n" + ZOOM_CHAT)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    assert dialog.unreadable.isVisible() and dialog.unreadable_label.isVisible()
    assert dialog.unreadable_label.text() == (
        "1 line(s) could not be read (nothing is added from them):")
    assert dialog.unreadable.toPlainText() == "Conversation enregistrée <b>le 2 décembre</b>"
    assert shown_askers(dialog) == QUESTION_ASKERS
    set_clipboard(ZOOM_CHAT)  # a clean paste hides the list again
    qtbot.keyClick(dialog.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.unreadable.isVisible()


def test_an_image_with_no_dialog_open_only_says_so(qtbot, window) -> None:
    set_clipboard(image=True)
    press_ctrl_v(qtbot, window)
    assert window.questions.page.paste_dialog is None
    assert window.statusBar().currentMessage().startswith(
        "The clipboard holds an image, not text")


def test_the_search_box_keeps_its_own_paste(qtbot, window) -> None:
    page = window.questions.page
    set_clipboard("rénovation")
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.search.text() == "rénovation"
    assert page.paste_dialog is None


def test_the_menu_action_pastes_from_another_tab(qtbot, window) -> None:
    window.pages.setCurrentIndex(0)
    set_clipboard(ZOOM_CHAT)
    [action] = [a for a in window.menu("questions").actions() if a.text() == "&Paste questions…"]
    action.trigger()
    dialog = opened(qtbot, window)
    assert window.pages.currentWidget() is window.questions.page
    assert shown_askers(dialog) == QUESTION_ASKERS


def test_the_dialog_never_covers_the_live_panel(qtbot, window) -> None:
    set_clipboard(ZOOM_CHAT)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    panel = window.panel
    live = QRect(panel.mapToGlobal(QPoint(0, 0)), panel.size())
    pages_top = window.pages.mapToGlobal(QPoint(0, 0)).y()
    frame = dialog.frameGeometry()
    assert frame.top() >= pages_top and not frame.intersects(live), (frame, live)
    assert dialog.table.isVisible() and dialog.add_button.isVisible()
    assert dialog.add_button.mapTo(dialog, QPoint(0, dialog.add_button.height())).y() <= (
        dialog.height())


def zoom_chat_of(messages: int) -> str:
    """A long Zoom chat: questions, greetings and "+1" in turn, multi-line ones too."""
    lines = []
    for i in range(messages):
        h, m, s = 10 + i // 3600, (i // 60) % 60, i % 60
        lines.append(f"{h:02d}:{m:02d}:{s:02d} From  Participant {i % 97}  to  Everyone:")
        kind = i % 4
        if kind == 0:
            lines.append(f"\tComment la commune {i} peut-elle financer ses écoles ?")
        elif kind == 1:
            lines.append("\tBonjour à tous !")
        elif kind == 2:
            lines.append("\t+1")
        else:
            lines.append(f"\tQuel budget pour le quartier {i} en 2027, et sur quelle durée")
            lines.append("\tpour les travaux de voirie et d'éclairage public ?")
    return "\n".join(lines) + "\n"


class Heartbeat:
    """A 1 ms timer on the UI thread: the longest gap between two of its ticks is the
    longest the UI thread was blocked (the window could not repaint or take a key)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.ticks: list[float] = []
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self, qtbot) -> None:
        self.timer.start()
        qtbot.wait(30)  # the loop is running and ticking

    def longest_gap_ms(self) -> float:
        self.timer.stop()
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)) * 1000


def blocked_ms(qtbot, window: MainWindow, text: str) -> tuple[float, PasteDialog]:
    set_clipboard(text)
    # A full collection of the cyclic garbage collector holds the interpreter for as
    # long as the process has objects (53 ms measured in this test process); it lands
    # in whatever allocates when it is due, here or in any other work. Collected first,
    # it cannot be due during one read: what is measured is the paste's own blocking.
    gc.collect()
    beat = Heartbeat()
    beat.start(qtbot)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    qtbot.wait(30)  # the preview painted after the result came back
    return beat.longest_gap_ms(), dialog


FRAME_MS = 1000 / 60
# Margin for a loaded test machine (2 cores shared by several jobs): the scheduler alone
# can stall a thread for tens of milliseconds. The figures measured are in the README.
BLOCK_LIMIT_MS = 40


def test_a_megabyte_paste_is_read_off_the_ui_thread_without_blocking_it(qtbot, window) -> None:
    switch = sys.getswitchinterval()
    small, dialog = blocked_ms(qtbot, window, ZOOM_CHAT)  # the dialog built once
    text = zoom_chat_of(13_000)
    assert len(text.encode("utf-8")) > 1_000_000
    gaps = []
    # A stall by the scheduler on a loaded machine is chance; the defect this guards (the
    # read holding the interpreter lock) stalls every read: the best of three must pass.
    for _ in range(3):
        big, dialog = blocked_ms(qtbot, window, text)
        gaps.append(big)
        assert dialog.model.parse is not None and len(dialog.model.parse.messages) == 13_000
        assert dialog.model.rowCount() == 6_500  # the questions, shown at once
    print(f"\nUI thread blocked: {small:.1f} ms (5 messages), "
          f"{', '.join(f'{g:.1f}' for g in gaps)} ms (1 MB, 13,000 messages); "
          f"a frame is {FRAME_MS:.1f} ms")
    assert min(gaps) < BLOCK_LIMIT_MS
    assert sys.getswitchinterval() == switch  # the interpreter's default is back


def test_five_thousand_messages_preview_without_blocking(qtbot, window) -> None:
    blocked_ms(qtbot, window, ZOOM_CHAT)
    text = zoom_chat_of(5_000)
    gaps = []
    for _ in range(3):  # the best of three, as above
        gap, dialog = blocked_ms(qtbot, window, text)
        gaps.append(gap)
        assert len(dialog.model.parse.messages) == 5_000
    print(f"\nUI thread blocked by 5,000 messages ({len(text) // 1000} KB): "
          f"{', '.join(f'{g:.1f}' for g in gaps)} ms")
    assert min(gaps) < BLOCK_LIMIT_MS
    book = window.questions.book
    started = time.perf_counter()
    click(qtbot, dialog.add_button)  # the merge runs where the show file is written
    print(f"Adding 2,500 questions: {(time.perf_counter() - started) * 1000:.0f} ms")
    assert len(book.queue) == 2_500
    assert dialog.status.text() == "2500 question(s) added, 0 already in the queue"


def test_a_paste_read_on_the_ui_thread_stays_under_the_limit(qtbot, window) -> None:
    from moderator_app.ui.questions_paste import OFF_THREAD_CHARS

    blocked_ms(qtbot, window, ZOOM_CHAT)
    text = zoom_chat_of(200)
    text = text[:text.rfind("\n", 0, OFF_THREAD_CHARS) + 1]  # the longest read in place
    gap, dialog = blocked_ms(qtbot, window, text)
    assert dialog.worker is None and len(dialog.model.parse.messages) > 90
    print(f"\nUI thread blocked by {len(text):,} characters read in place: {gap:.1f} ms")
    assert gap < BLOCK_LIMIT_MS


def test_text_longer_than_a_chat_is_refused_in_one_line(qtbot, window) -> None:
    from moderator_app.core.chat import MAX_CHAT_CHARS

    set_clipboard("Une question ?\n" * (MAX_CHAT_CHARS // 15 + 10))
    press_ctrl_v(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message.startswith("The clipboard holds 2.0 MB of text, more than a chat")
    assert window.questions.page.paste_dialog is None


def composite(window: MainWindow, dialog: PasteDialog):
    """The window with the dialog drawn where it stands (offscreen has no compositor)."""
    shot = window.grab()
    painter = QPainter(shot)
    origin = window.mapToGlobal(QPoint(0, 0))
    painter.drawPixmap(dialog.geometry().topLeft() - origin, dialog.grab())
    painter.end()
    return shot


@pytest.mark.parametrize("language", ["en", "fr"])
def test_screenshot_at_1366x740(qtbot, window, language) -> None:
    install_language(language)
    qtbot.wait(1)
    set_clipboard(ZOOM_CHAT)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    click(qtbot, dialog.show_all)
    qtbot.wait(20)
    assert composite(window, dialog).save(f"/tmp/paste_questions_{language}.png")


def test_the_open_dialog_follows_a_switch_to_french(qtbot, window) -> None:
    from PySide6.QtWidgets import QWidget

    from tests.ui.test_runtime_language import english_sources, visible_texts

    set_clipboard(ZOOM_CHAT)
    press_ctrl_v(qtbot, window)
    dialog = opened(qtbot, window)
    click(qtbot, dialog.show_all)
    click(qtbot, dialog.add_button)
    install_language("fr")
    qtbot.wait(1)
    english = english_sources()
    left = [f"{type(w).__name__} {w.objectName()}: {t}"
            for w in [dialog, *dialog.findChildren(QWidget)] if w.isVisible()
            for t in visible_texts(w) if t.replace("&", "").strip() in english]
    assert not left, left
    assert dialog.windowTitle() == "Coller des questions"
    assert dialog.detected.text() == "Reconnu : Discussion Zoom"
    assert dialog.model.index(0, COL_WHY).data() == "Salutation ou remerciement"
    assert dialog.status.text() == "2 question(s) ajoutée(s), 0 déjà dans la file"
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "Posée par"
    set_clipboard(image=True)
    press_ctrl_v(qtbot, window)
    assert dialog.status.text().startswith("Le presse-papiers contient une image")


def test_a_saved_zoom_chat_in_the_import_dialog_is_named_a_chat(qtbot, session,
                                                                tmp_path) -> None:
    from moderator_app.app.questions import QuestionBook
    from moderator_app.ui.questions_import import ImportDialog

    path = tmp_path / "meeting_saved_chat.txt"
    path.write_text(ZOOM_CHAT, encoding="utf-8")
    book = QuestionBook(session)
    dialog = ImportDialog(book)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    assert dialog.profile.currentText() == "Chat or Q&A panel saved as text"
    assert dialog.warnings.text().startswith("Detected: Chat or Q&A panel saved as text")
    assert [dialog.preview.item(r, 1).text() for r in range(dialog.preview.rowCount())] == (
        QUESTION_ASKERS)
    dialog.grab().save("/tmp/import_chat.png")
