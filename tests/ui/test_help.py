"""F1: every key of every page, live keys first, one meaning per key, readable at 1366×768
in French and English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from moderator_app.ui.help_overlay import HelpOverlay, key_text, key_tokens
from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.main_window import MainWindow


@pytest.fixture
def window(session, qtbot) -> Iterator[MainWindow]:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(1366, 740)  # a 1366×768 laptop, less the title bar
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.live.stage.close()


def open_help(qtbot, window: MainWindow) -> HelpOverlay:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_ = window.live.help
    assert help_.isVisible()
    return help_


def tokens_by_section(help_: HelpOverlay) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for section, keys, _what in help_.rows():
        found.setdefault(section, set()).update(key_tokens(keys))
    return found


def question_page_keys(window: MainWindow) -> set[str]:
    page = window.questions.page
    return {key_text(s.key()) for s in page.findChildren(QShortcut)}


def menu_actions(window: MainWindow):
    for name in ("file", "show", "questions", "runsheet", "report", "view", "help"):
        stack = list(window.menu(name).actions())
        while stack:
            action = stack.pop()
            if action.menu() is not None:
                stack.extend(action.menu().actions())
            elif action.shortcuts():
                yield action


def test_help_lists_every_key_of_every_page(qtbot, window):
    help_ = open_help(qtbot, window)
    by_section = tokens_by_section(help_)
    everywhere = set().union(*(t for s, t in by_section.items() if s != "runsheet"))
    for portable in window.keys.bound():  # the live keys, N, P and = included
        assert key_text(portable) in everywhere, portable
    for action in menu_actions(window):
        for seq in action.shortcuts():
            assert key_text(seq) in everywhere, (action.text(), seq.toString())
    for text in question_page_keys(window):
        assert text in by_section["questions"], text
    editor = window.runsheet_editor
    for action in editor.actions():
        for seq in action.shortcuts():
            assert key_text(seq) in by_section["runsheet"], (action.text(), seq.toString())
    assert {"N", "P", "=", "S", "D", "F", "A", "E"} <= everywhere


def test_live_keys_come_first(qtbot, window):
    help_ = open_help(qtbot, window)
    assert help_.sections[0].key == "live"
    first_keys = [keys for section, keys, _ in help_.rows() if section == "live"]
    assert first_keys[0] == key_text("Space")
    where = {lab: lab.mapTo(help_, lab.rect().topLeft()) for lab in help_.key_labels}
    left = min(p.x() for p in where.values())
    first_column = sorted((p.y(), lab.text()) for lab, p in where.items() if p.x() == left)
    assert first_column[0][1] == key_text("Space")  # top of the first column
    assert first_column[0][0] < help_.height() // 4


# Undo and redo act in their context, as in any editor: the timer's in the live view, the
# questions' on the Questions tab, the run sheet's in its grid (issue 11: one undo, by
# context). Every other key has one meaning.
UNDO_KEYS = {key_text(k) for k in ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y")}


def test_no_key_has_two_meanings(qtbot, window):
    # The real bindings: a live key is never also a key of the question table.
    live = {key_text(p) for p in window.keys.bound()}
    assert not (live & question_page_keys(window)) - UNDO_KEYS
    # And the help says so: outside the run sheet grid (where keys type, as in a text field),
    # each key is on one row only.
    help_ = open_help(qtbot, window)
    seen: dict[str, str] = {}
    for section, keys, what in help_.rows():
        if section == "runsheet":
            continue
        for token in key_tokens(keys):
            if token in UNDO_KEYS and section == "questions":
                continue
            assert token not in seen, f"{token}: {seen.get(token)} / {what}"
            seen[token] = what


def test_v_is_the_stage_display_and_s_shortlists(qtbot, window):
    from moderator_app.core.questions import Question

    page = window.questions.page
    page.book.add(Question.new("Une question ?"))
    window.pages.setCurrentWidget(page)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    assert page.book.queue.ordered()[0].state == "shortlisted"
    assert not window.live.stage.isVisible()
    qtbot.keyClick(page.table, Qt.Key.Key_V)  # a live key, even in the table
    assert window.live.stage.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)
    assert window.live.stage.isFullScreen()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_help_fits_1366x768_without_clipping(qtbot, window, language, tmp_path):
    previous = current_language()
    install_language(language)
    try:
        help_ = open_help(qtbot, window)
        qtbot.wait(10)
        assert help_.geometry() == window.rect()
        assert help_.scroll.verticalScrollBar().maximum() == 0, "the help needs scrolling"
        for label in help_.key_labels:
            assert label.sizeHint().width() <= label.width(), label.text()
        for label in help_.text_labels:
            assert label.heightForWidth(label.width()) <= label.height(), label.text()
            assert label.visibleRegion().boundingRect().height() >= label.height() - 1
        window.grab().save(str(tmp_path / f"help_{language}.png"))
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        assert not help_.isVisible()
    finally:
        install_language(previous)


def test_help_key_names_are_the_keys_not_their_portable_names():
    assert key_text("Left") == "←" and key_text("Ctrl+Up") == key_text("Ctrl+A")[:-1] + "↑"
    assert key_text("Shift+?") == "?" and key_text("Return") == key_text("Enter")
    assert key_text(QKeySequence("Ctrl+End")) == QKeySequence("Ctrl+End").toString(
        QKeySequence.SequenceFormat.NativeText)
