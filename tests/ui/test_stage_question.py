"""The on-air question on the stage display: chosen in the questions' on-air panel,
remembered on this machine, shown exactly as typed, gone once answered."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from moderator_app.core.actions import ActionType
from moderator_app.core.questions import Question
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.settings import Settings
from moderator_app.ui.stage_display import StageOptions, StageView, stage_content

TRICKY = "<b>Is =1+1 still</b> a formula? <script>x</script>\n  two  spaces & more"
ASKER = "<i>Zoé</i>"


def shortlist(book: QuestionBook, text: str, **values: object) -> str:
    book.add(Question.new(text, **values))
    qid = book.queue.ordered()[-1].id
    book.set_state(qid, "shortlisted")
    return qid


def test_take_next_puts_the_question_on_stage_and_answered_removes_it(
    qtbot, window: MainWindow, session: ShowSession
) -> None:
    live, feature = window.live, window.questions
    onair = feature.page.onair
    book = feature.book
    window.pages.setCurrentWidget(feature.page)
    session.perform(ActionType.START, {"index": 5})
    shortlist(book, TRICKY, asker=ASKER, organisation="=Org")
    stage = live.stage.view
    assert onair.on_stage.isVisible()
    assert not onair.on_stage.isChecked()  # off unless the moderator chooses it
    qtbot.mouseClick(onair.take_button, Qt.MouseButton.LeftButton)
    assert stage.content.question == ""  # on air in the console only
    qtbot.mouseClick(onair.on_stage, Qt.MouseButton.LeftButton)
    assert onair.on_stage.isChecked()
    assert stage.content.question == TRICKY  # byte for byte, markup and "=" as text
    assert stage.content.question_by == f"{ASKER} — =Org"
    assert live.preview.content.question == TRICKY
    assert Settings().load().stage_question  # remembered on this machine
    qtbot.mouseClick(onair.answered_button, Qt.MouseButton.LeftButton)
    assert stage.content.question == "" and stage.content.question_by == ""
    if os.environ.get("REPORT_SHOTS"):
        window.grab().save(str(Path(os.environ["REPORT_SHOTS"]) / "questions_on_stage.png"))
    live.stage.close()


def test_choice_is_remembered_and_other_process_takes_follow(
    qtbot, session: ShowSession, clock
) -> None:
    prefs = Settings().load()
    prefs.stage_question = True
    Settings().save(prefs)
    window = MainWindow(session)
    qtbot.addWidget(window)
    try:
        assert window.questions.page.onair.on_stage.isChecked()
        other = ShowSession.open(session.path, clock=clock)
        try:
            other_book = QuestionBook(other)
            shortlist(other_book, "From the other console", asker="Ana")
            other_book.take_next()
        finally:
            other.close()
        window.poll_file()  # the journal brings the take; the book reloads
        assert window.live.stage.view.content.question == "From the other console"
        assert window.live.stage.view.content.question_by == "Ana"
        window.questions.page.onair.on_stage.setChecked(False)
        assert window.live.stage.view.content.question == ""
        assert not Settings().load().stage_question
    finally:
        window.live.stage.close()


def test_stage_paints_the_question_under_the_timer(qtbot, session: ShowSession) -> None:
    session.perform(ActionType.START)
    snap = session.snapshot()
    options = StageOptions()
    view = StageView()
    qtbot.addWidget(view)
    view.resize(960, 540)
    view.set_content(stage_content(session.show, snap, options), options)
    view.show()
    qtbot.waitExposed(view)
    plain = view.grab().toImage()
    digits_alone = view.digit_point_size
    content = stage_content(session.show, snap, options, (TRICKY * 3, "Zoé — Lyon"))
    view.set_content(content, options)
    image = view.grab().toImage()
    assert view.digit_point_size < digits_alone  # the timer makes room, still large
    assert view.digit_point_size > 40
    # The question panel sits in the lower part, above nothing else.
    lower = QColor(image.pixel(22, int(image.height() * 0.8)))
    assert lower.name() == "#263238" and QColor(plain.pixel(10, int(plain.height() * 0.8))) \
        .name() == "#000000"
    if os.environ.get("REPORT_SHOTS"):
        image.save(str(Path(os.environ["REPORT_SHOTS"]) / "stage_question.png"))
    blank = stage_content(session.show, snap, StageOptions(blackout=True), ("x", "y"))
    view.set_content(blank, StageOptions(blackout=True))
    assert QColor(view.grab().toImage().pixel(10, int(image.height() * 0.8))).name() == "#000000"
