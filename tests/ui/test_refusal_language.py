"""A refusal from the engine or the timers' input reads in the console's language.

Driven with the real keys: N on the last segment (the engine's refusal, in the status bar),
a wrong length in the aux timers dialog (the engine's and the input's refusals), a start
in the future in Started at… (values formatted inside the French sentence). In English the
console shows today's sentences, which are also what the command line and network say.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from moderator_app.core.actions import ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.io.session import ShowSession
from moderator_app.ui.main_window import MainWindow

T0 = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)  # 16:00 in Paris: the seed show's start

LAST = {
    "fr": "C’est la dernière séquence : utilisez Terminer pour finir le direct",
    "en": "This is the last segment: use finish to end the show",
}
NEGATIVE = {
    "fr": "Minuteur 1 : Un minuteur ne peut pas avoir une durée négative (-5 s)",
    "en": "Timer 1: A timer cannot last a negative time (-5 s)",
}
UNREADABLE = {
    "fr": "Minuteur 2 : Impossible de lire 'abc' comme un nombre de secondes",
    "en": "Timer 2: Cannot read 'abc' as a number of seconds",
}
FUTURE = {
    "fr": "16:10:00 est dans le futur (il est 16:02:05) : un début ne peut être déplacé "
    "qu’à une heure déjà passée",
    "en": "16:10:00 is in the future (it is 16:02:05): a start can only be moved to a time "
    "that has passed",
}


@pytest.fixture
def window(language, session: ShowSession, qtbot):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    dialog = w.features["timers"].dialog
    if dialog is not None and dialog.isVisible():
        dialog.reject()  # a window-modal dialog left open would take the next test's keys
    w.live.stage.close()


def key(qtbot, widget, k, mod=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, k, mod)


def test_next_on_the_last_segment(window, session, language, clock: FakeClock, qtbot):
    clock.set(T0)
    key(qtbot, window, Qt.Key.Key_Space)
    last = len(session.show.segments) - 1
    session.perform(ActionType.GOTO, {"index": last})
    before = len(session.file.actions())
    key(qtbot, window, Qt.Key.Key_N)
    assert window.statusBar().currentMessage() == LAST[language]
    assert len(session.file.actions()) == before  # refused: nothing journaled


def test_aux_timer_refusals_in_the_dialog(window, session, language, qtbot):
    key(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.features["timers"].dialog
    _name, length, _direction, _shown = dialog.rows[0]
    as_it_was = length.text()
    length.setText("-5")  # read, then refused by the engine
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == NEGATIVE[language]
    length.setText(as_it_was)
    dialog.rows[1][1].setText("abc")  # not even read
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == UNREADABLE[language]


def test_started_at_in_the_future(window, language, clock: FakeClock, qtbot):
    clock.set(T0 + timedelta(minutes=2))
    key(qtbot, window, Qt.Key.Key_Space)
    clock.advance(5)
    key(qtbot, window, Qt.Key.Key_T)
    dialog = window.features["timers"].dialog
    qtbot.keyClicks(dialog.text, "16:10")
    key(qtbot, dialog.text, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == FUTURE[language]


CLOCK_BEHIND = {
    "fr": "l’horloge de cet ordinateur (2027-02-25 14:00:05 UTC) retarde de 3595 s sur le "
    "journal du direct (dernière entrée à 15:00:00 UTC) ; rien n’a été enregistré. Vérifiez "
    "l’horloge, ou laissez la console qui pilote le direct faire l’action",
    "en": "this computer's clock (2027-02-25 14:00:05 UTC) is 3595 s behind the show's journal "
    "(last entry at 15:00:00 UTC); nothing was saved. Check the clock, or let the console "
    "that runs the show record the action",
}
CLOCK_WRONG = {
    "fr": "l’horloge de cet ordinateur indique 3001-01-01 00:00 UTC, ce qui ne peut pas être "
    "juste ; réglez l’horloge et réessayez",
    "en": "this computer's clock reads 3001-01-01 00:00 UTC, which cannot be right; set the "
    "clock and try again",
}


def test_the_clock_rule_refusals(window, session, language, clock: FakeClock, qtbot):
    clock.set(T0)
    key(qtbot, window, Qt.Key.Key_Space)
    clock.set(T0 - timedelta(hours=1) + timedelta(seconds=5))  # the clock stepped back
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.statusBar().currentMessage() == CLOCK_BEHIND[language]
    clock.set(datetime(3001, 1, 1, tzinfo=UTC))  # a clock that cannot be right
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.statusBar().currentMessage() == CLOCK_WRONG[language]
    assert [a.type for a in session.file.actions()] == [ActionType.START]


def test_a_wrapped_refusal_says_the_inner_one_translated(language) -> None:
    from moderator_app.core.actions import ActionRefused
    from moderator_app.ui.refusals import refusal_text

    inner = ActionRefused("This is the last segment: use finish to end the show")
    outer = ActionRefused("{0} refused: {1}", "next", inner)
    assert str(outer) == "next refused: This is the last segment: use finish to end the show"
    said = {"fr": "next refusé : " + LAST["fr"], "en": str(outer)}
    assert refusal_text(outer) == said[language]
    assert refusal_text(OSError("disk full")) == "disk full"  # not a refusal: as it is
