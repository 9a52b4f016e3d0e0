"""The question on air is read aloud: at 1366×768 it is shown whole, never cut or elided,
in French and in English (it shrinks to fit, and scrolls when even that is not enough)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QLabel

from moderator_app.core.actions import ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.questions import Question
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.resources import default_show
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.questions_onair import MIN_QUESTION_POINT_SIZE

QUESTIONS = {
    "fr": (
        "Bonjour à toutes et à tous, merci pour cette présentation passionnante. Dans notre "
        "intercommunalité rurale, nous avons lancé une coopération décentralisée avec une ville "
        "du Sénégal, mais les financements européens exigent des cofinancements que nous ne "
        "pouvons pas avancer : comment avez-vous fait pour boucler le budget ?"
    ),
    "en": (
        "Good afternoon everyone and thank you for this fascinating presentation. In our small "
        "rural district we started a decentralised cooperation project with a city in Senegal, "
        "but the European funding rules require co-financing that we simply cannot advance: how "
        "did you, in practice, manage to close the budget gap?"
    ),
}
# A laptop's 1366×768 screen, less the window's title bar (as docs/make_screenshots.py).
SCREEN = (1366, 740)


def on_air_window(qtbot, tmp_path: Path, text: str, size: tuple[int, int]) -> MainWindow:
    path = tmp_path / "onair.show"
    ShowFile.create(path, default_show()).close()
    session = ShowSession.open(path, clock=FakeClock(datetime(2027, 2, 25, 15, 0, tzinfo=UTC)))
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    session.perform(ActionType.START, {"index": 5})
    book = w.questions.book
    book.add(Question.new(text, asker="Marie-Claire Dupont-Lefèvre",
                          organisation="Communauté de communes du Haut-Vallespir"))
    book.add(Question.new("Et ensuite ? " * 10, asker="Ana"))
    for q in book.queue.ordered():
        book.set_state(q.id, "shortlisted")
    w.questions.page.take_next()
    w.pages.setCurrentWidget(w.questions.page)
    qtbot.wait(10)  # let the layout settle
    return w


def question_label(w: MainWindow) -> QLabel:
    label = w.questions.page.onair.findChild(QLabel, "OnAirQuestion")
    assert label is not None
    return label


def shown_height(label: QLabel) -> int:
    """How much of the label is on screen, clipped by whatever holds it."""
    return label.visibleRegion().boundingRect().height()


def test_a_300_character_question_is_shown_whole_at_1366x768(qtbot, tmp_path, language):
    text = QUESTIONS[language]
    assert len(text) >= 300
    w = on_air_window(qtbot, tmp_path, text, SCREEN)
    label = question_label(w)
    assert label.text() == text  # never elided
    needed = label.heightForWidth(label.width())
    assert needed <= shown_height(label), "the question is cut off"
    assert label.visibleRegion().boundingRect().width() >= label.width() - 1
    assert label.font().pointSize() >= MIN_QUESTION_POINT_SIZE  # still readable
    if language == "fr":
        w.grab().save(str(tmp_path / "onair_fr.png"))


def test_a_question_too_long_to_fit_scrolls_to_its_last_word(qtbot, tmp_path, language):
    text = " ".join([QUESTIONS[language]] * 4) + " FIN."
    w = on_air_window(qtbot, tmp_path, text, SCREEN)
    label = question_label(w)
    assert label.text() == text
    assert label.font().pointSize() == MIN_QUESTION_POINT_SIZE
    area = w.questions.page.onair.question_area
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    # Scrolled to the end, the label's bottom edge is inside the visible viewport.
    bottom = label.mapTo(area.viewport(), label.rect().bottomLeft()).y()
    assert bottom <= area.viewport().height()
    assert label.heightForWidth(label.width()) <= label.height()


def test_a_short_question_keeps_its_big_font(qtbot, tmp_path):
    w = on_air_window(qtbot, tmp_path, "Quel budget ?", SCREEN)
    assert question_label(w).font().pointSize() == 20
