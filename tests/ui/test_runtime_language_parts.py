"""A language switch during the show, part by part: the pages, menus, dialogs and cards
that are open or built when French is installed follow it without a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from moderator_app.ui.first_run import TourCard, show_tour
from moderator_app.ui.i18n import current_language, follow_language, install_language
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.questions_import import ImportDialog


@pytest.fixture
def english() -> Iterator[None]:
    previous = current_language()
    install_language("en")
    yield
    install_language(previous)


@pytest.fixture
def window(english, session, qtbot) -> Iterator[MainWindow]:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.live.stage.close()


def to_french(qtbot) -> None:
    install_language("fr")
    qtbot.wait(1)  # QApplication posts LanguageChange to the top-level widgets


def french(context: str, source: str) -> str:
    text = QCoreApplication.translate(context, source)
    assert text != source, f"{source!r} has no different French: a useless check"
    return text


def menu_texts(window: MainWindow, key: str) -> list[str]:
    menu = window.menu(key)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_file_help_and_questions_menus_follow(window, qtbot):
    to_french(qtbot)
    file_menu = menu_texts(window, "file")
    assert french("FirstRun", "&New from Template…") in file_menu
    assert french("FirstRun", "Open &Recent") in file_menu
    assert french("FirstRun", "Save &As…") in file_menu
    assert window.recent_menu.title() == french("FirstRun", "Open &Recent")
    help_menu = menu_texts(window, "help")
    assert french("FirstRun", "Tour of the &Keys") in help_menu
    assert french("FirstRun", "&About the Moderator Console") in help_menu
    questions = menu_texts(window, "questions")
    assert french("QuestionsFeature", "&Import questions…") in questions
    assert french("QuestionsFeature", "&Stop watching linked files") in questions
    assert len(questions) == 9


def test_questions_page_and_on_air_panel_follow(window, qtbot):
    page = window.questions.page
    to_french(qtbot)
    assert page.search.placeholderText() == french(
        "QuestionsPage", "Search questions, askers, notes… (Ctrl+F)"
    )
    assert page.buttons["shortlist"].text() == french("QuestionsPage", "Shortlist (S)")
    assert page.buttons["add"].toolTip() == french(
        "QuestionsPage", "Add a question by hand (from the chat)"
    )
    header = page.table.model().headerData(2, Qt.Orientation.Horizontal)
    assert header == french("QuestionTableModel", "State")
    assert page.speaker_filter.itemText(0) == french("QuestionsPage", "All speakers")
    onair = page.onair
    assert onair.heading.text() == french("OnAirPanel", "ON AIR")
    assert onair.take_button.text() == french("OnAirPanel", "Take next ▶")
    assert onair.answered_button.text() == french("OnAirPanel", "Answered ✓")
    assert onair.on_stage.text() == french("OnAirPanel", "Show on stage")
    assert onair.question.text() == french("OnAirPanel", "No question on air.")


def test_tab_titles_given_as_functions_follow(window, qtbot):
    notes = QLabel("notes")
    index = window.add_page(notes, lambda: QCoreApplication.translate("MainWindow", "Rundown"))
    fixed = window.add_page(QWidget(), "Fixed")
    questions = window.pages.indexOf(window.questions.page)
    to_french(qtbot)
    assert window.pages.tabText(index) == french("MainWindow", "Rundown")
    assert window.pages.tabText(0) == french("MainWindow", "Rundown")
    assert window.pages.tabText(questions) == QCoreApplication.translate(
        "QuestionsFeature", "Questions"
    )
    assert window.pages.tabText(fixed) == "Fixed"


def test_open_tour_card_follows(window, qtbot):
    card = show_tour(window)
    card.next_step()
    to_french(qtbot)
    card = window.findChild(TourCard)
    assert card.back.text() == french("TourCard", "Back")
    assert card.skip.text() == french("TourCard", "Close the tour")
    assert card.heading.text() == french("FirstRun", "Move between segments")
    assert card.counter.text() == QCoreApplication.translate("TourCard", "Tour {0} of {1}").format(
        2, len(card.steps)
    )


def test_open_import_dialog_follows(english, session, qtbot):
    from moderator_app.app.questions import QuestionBook

    dialog = ImportDialog(QuestionBook(session))
    qtbot.addWidget(dialog)
    dialog.show()
    to_french(qtbot)
    assert dialog.windowTitle() == french("ImportDialog", "Import questions")
    assert dialog.watch.text() == french(
        "ImportDialog", "Watch this file and merge new questions when it changes"
    )
    assert dialog.field_labels["votes"].text() == QCoreApplication.translate(
        "ImportDialog", "Votes"
    )
    assert dialog.dates.itemText(1) == french("ImportDialog", "Dates: day first (25/02)")
    assert dialog.profile.itemText(dialog.profile.findData("generic")) == french(
        "ImportDialog", "Any table (question column by content)"
    )
    header = dialog.preview.horizontalHeaderItem(5).text()
    assert header == french("ImportDialog", "Answered in source")
    assert dialog.cancel_button.text() == french("ImportDialog", "Close")


def test_open_keyboard_help_follows(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_ = window.live.help
    assert help_.isVisible()
    to_french(qtbot)
    titles = {label.text() for label in help_.findChildren(QLabel, "HelpSectionTitle")}
    assert french("HelpOverlay", "Messages to the speaker") in titles
    shown = {w for _section, _keys, w in help_.rows()}
    assert french("HelpOverlay", "Mark answered") in shown
    assert QCoreApplication.translate("MainWindow", "Go to the next segment") in shown


def test_follow_language_runs_now_and_after_each_switch(english, qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    seen: list[str] = []
    follow_language(widget, lambda: seen.append(QCoreApplication.translate("FirstRun", "&Open…")))
    button = QPushButton(widget)
    follow_language(widget, lambda: button.setText(QCoreApplication.translate("TourCard", "Back")))
    assert seen == ["&Open…"]
    to_french(qtbot)
    assert seen[-1] == french("FirstRun", "&Open…")
    assert button.text() == french("TourCard", "Back")


def test_qt_file_dialogs_follow_the_switch(english, qtbot):
    to_french(qtbot)
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {b.text() for b in dialog.findChildren(QPushButton)}
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") in texts
    assert "Cancel" not in texts


def test_closed_dialogs_leave_no_hidden_copy_in_the_old_language(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from moderator_app.ui.about import about_box
    from moderator_app.ui.questions_dialogs import QuestionDialog

    about_box(window).close()
    live = window.live
    live.open_preferences().reject()
    monkeypatch.setattr(QuestionDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window.questions.page.add_question()
    from moderator_app.ui.preferences import PreferencesDialog

    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "AboutBox") is None, timeout=1000)
    qtbot.waitUntil(lambda: not window.findChildren(QuestionDialog), timeout=1000)
    qtbot.waitUntil(lambda: not window.findChildren(PreferencesDialog), timeout=1000)


def test_q_and_a_estimate_is_reworded_at_once(window, session, clock, qtbot):
    from moderator_app.core.actions import ActionType
    from moderator_app.core.questions import Question

    page = window.questions.page
    book = page.book
    for text in ("First question?", "Second question?"):
        book.add(Question.new(text))
    for q in book.queue.ordered()[:2]:
        book.set_state(q.id, "shortlisted")
    session.perform(ActionType.START, {"index": 5})  # the seed show's Q&A segment
    page.take_next()
    clock.advance(120)
    page.take_next()
    snap = session.snapshot()
    page.onair.update_snapshot(snap)
    assert "more question" in page.onair.estimate.text()
    estimate = book.live_estimate(snap)
    to_french(qtbot)  # no tick in between: the panel re-words what it showed
    assert page.onair.estimate.text() == french(
        "OnAirPanel", "{0} min left: about {1} more question(s) at {2} s each"
    ).format(int(estimate.remaining_s // 60), estimate.fit, round(estimate.average_s))


def test_the_application_is_named_in_the_interface_language(qapp) -> None:
    from moderator_app.ui.i18n import current_language, install_language

    previous = current_language()
    try:
        install_language("fr")
        assert qapp.applicationDisplayName() != "Moderator console"
        install_language("en")
        assert qapp.applicationDisplayName() == "Moderator console"
    finally:
        install_language(previous)
