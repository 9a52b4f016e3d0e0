"""Ctrl+Z on the Questions page undoes the moderator's decisions, from the journal: after
a restart too; an import is not undone, a take-next is one step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from moderator_app.core.actions import ActionType
from moderator_app.core.questions import QState, Question
from moderator_app.io.question_import import preview_file
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.ui.questions_page import QuestionsPage

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def open_page(qtbot, path, clock) -> QuestionsPage:
    page = QuestionsPage(ShowSession.open(path, clock=clock))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    return page


def close(page: QuestionsPage) -> None:
    page.close()
    page.session.close()


def test_decisions_undo_and_redo_across_a_restart(qtbot, show_path, clock) -> None:
    first = ShowSession.open(show_path, clock=clock)
    QuestionBook(first).import_result(
        preview_file(FIX / "zoom_qa_utf8bom.csv", tz=first.show.tz), answered_as="new")
    first.perform(ActionType.START, {"index": 5})
    first.close()

    page = open_page(qtbot, show_path, clock)
    book = page.book
    a, b = book.queue.ordered()[:2]
    page.select_id(a.id)
    qtbot.keyClick(page.table, Qt.Key.Key_S)  # shortlist
    qtbot.keyClick(page.table, Qt.Key.Key_F)  # star
    page.select_id(b.id)
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    clock.advance(30)
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL)  # take next: a on air
    clock.advance(60)
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL)  # a answered, b on air
    assert book.queue.get(a.id).state is QState.ANSWERED
    assert book.queue.get(b.id).state is QState.ON_AIR
    close(page)

    page = open_page(qtbot, show_path, clock)  # a restart: the history is in the journal
    book = page.book
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)  # the second take-next, as one step
    assert book.queue.get(a.id).state is QState.ON_AIR
    assert book.queue.get(a.id).answered_at is None
    assert book.queue.get(b.id).state is QState.SHORTLISTED
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)  # the first take-next
    assert book.queue.get(a.id).state is QState.SHORTLISTED
    assert book.queue.get(a.id).taken_at is None
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)  # b shortlisted
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)  # a's star
    assert not book.queue.get(a.id).starred and book.queue.get(b.id).state is QState.NEW
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL_SHIFT)  # redo the star
    assert book.queue.get(a.id).starred
    # the undos are journal entries the report can fold: state entries with from/to
    states = [x for x in page.session.file.actions() if x.type == "question.state"]
    assert states[-1].payload["undoes"] and states[-1].payload["from"] == "shortlisted"
    close(page)

    session = ShowSession.open(show_path, clock=clock)  # and the file agrees
    try:
        again = QuestionBook(session)
        assert again.queue.get(a.id).state is QState.SHORTLISTED and again.queue.get(a.id).starred
        assert again.history.can_undo() and again.history.can_redo()  # b, both take-nexts
    finally:
        session.close()


def test_an_added_question_is_removed_by_undo_and_imports_are_not_undone(
        qtbot, show_path, clock) -> None:
    page = open_page(qtbot, show_path, clock)
    book = page.book
    book.import_result(preview_file(FIX / "slido_export.csv", tz=book.session.show.tz))
    imported = len(book.queue)
    assert not book.history.can_undo()  # an import is not a decision to undo
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert len(book.queue) == imported
    book.add(Question.new("Une question ajoutée à la main ?", source="manual"))
    assert len(book.queue) == imported + 1
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert len(book.queue) == imported
    close(page)
    session = ShowSession.open(show_path, clock=clock)
    try:
        assert len(QuestionBook(session).queue) == imported  # the row is gone from the file
    finally:
        session.close()


def test_empty_columns_give_their_room_to_the_text(qtbot, show_path, clock) -> None:
    from moderator_app.ui.questions_model import COL_ORG, COL_TIME, COL_VOTES

    page = open_page(qtbot, show_path, clock)
    page.book.add(Question.new("Une question sans rien d'autre ?"))
    assert all(page.table.isColumnHidden(c) for c in (COL_ORG, COL_VOTES, COL_TIME))
    page.book.import_result(preview_file(FIX / "slido_export.csv", tz=page.book.session.show.tz))
    assert not page.table.isColumnHidden(COL_VOTES) and not page.table.isColumnHidden(COL_TIME)
    assert page.table.isColumnHidden(COL_ORG)  # Slido has no organisation
    close(page)
