"""The side timers at the console, driven with real keys: Started at…, Set elapsed…,
aux timers, automatic cues and starts from the tick, the answer timer, the clock check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from moderator_app.app.clock_check import ClockOffset
from moderator_app.app.runsheet import commit_edit
from moderator_app.core.actions import AUTOSTART_CANCEL, STARTED_AT, ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.questions import Question
from moderator_app.core.runsheet_edit import set_field
from moderator_app.io.session import ShowSession
from moderator_app.ui.main_window import MainWindow
from tests.ntp_responder import SILENT, NtpResponder

A = ActionType
T0 = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)  # 16:00 in Paris: the seed show's start


@pytest.fixture
def window(session: ShowSession, qtbot):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.live.stage.close()


def timers_feature(window: MainWindow):
    return window.features["timers"]


def key(qtbot, widget, k, mod=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, k, mod)


def types(session: ShowSession) -> list[str]:
    return [a.type for a in session.file.actions()]


def test_started_at_dialog_corrects_a_late_start(window, session, clock: FakeClock, qtbot):
    clock.set(T0 + timedelta(minutes=2))
    key(qtbot, window, Qt.Key.Key_Space)  # two minutes late
    clock.advance(5)
    key(qtbot, window, Qt.Key.Key_T)
    dialog = timers_feature(window).dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.text, "16:10")
    key(qtbot, dialog.text, Qt.Key.Key_Return)
    assert dialog.isVisible()  # refused: said in the dialog, which stays open
    assert "in the future" in dialog.error.text()
    dialog.text.clear()
    qtbot.keyClicks(dialog.text, "2 min ago")
    dialog.choice.setCurrentIndex(1)  # the show
    key(qtbot, dialog.text, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert types(session)[-1] == STARTED_AT
    window.ticker.fire()
    assert window.snapshot.elapsed_s == 120
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undoable
    assert window.snapshot.elapsed_s == 5


def test_set_elapsed_with_shift_t(window, session, clock: FakeClock, qtbot):
    clock.set(T0)
    key(qtbot, window, Qt.Key.Key_Space)
    clock.advance(10)
    key(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    dialog = timers_feature(window).dialog
    qtbot.keyClicks(dialog.text, "1:30")
    key(qtbot, dialog.text, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    window.ticker.fire()
    assert window.snapshot.elapsed_s == 90


def test_aux_timer_set_up_started_by_key_and_shown(window, session, clock: FakeClock, qtbot):
    key(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = timers_feature(window).dialog
    name, length, _direction, shown = dialog.rows[0]
    name.setText("Panel")
    length.setText("-5")
    dialog.accept()
    assert dialog.isVisible() and "negative" in dialog.error.text()
    length.setText("1:30")
    shown.setCurrentIndex(shown.findData("line"))
    dialog.accept()
    assert not dialog.isVisible()
    key(qtbot, window, Qt.Key.Key_F6)
    clock.advance(20)
    window.ticker.fire()
    assert window.panel.side_timers.full_text == "Panel 1:10"
    assert window.live.stage.view.content.timers == "Panel 1:10"
    key(qtbot, window, Qt.Key.Key_F6)  # pause
    window.ticker.fire()
    assert window.panel.side_timers.full_text == "Panel 1:10 ❚❚"
    assert types(session)[-3:] == ["aux.set", "aux.start", "aux.pause"]


def test_cues_fire_from_the_tick_with_the_chime(window, session, clock: FakeClock, qtbot):
    speaker = next(i for i, s in enumerate(session.show.segments) if s.kind.value == "speaker")
    clock.set(T0)
    window.perform(A.START, {"index": speaker})
    seg = session.show.segments[speaker]
    clock.advance(seg.planned_duration_s - 120)
    window.ticker.fire()
    qtbot.waitUntil(lambda: session.engine.message is not None)
    assert session.engine.message.text == "2 minutes" and session.engine.message.cue
    window.ticker.fire()
    qtbot.wait(10)
    assert window.live.stage.view.content.message == "2 minutes"
    played = list(window.live.alert.played)
    clock.advance(90)
    window.ticker.fire()
    qtbot.waitUntil(lambda: session.engine.message.text == "Merci de conclure")
    window.ticker.fire()
    qtbot.waitUntil(lambda: len(window.live.alert.played) > len(played))
    assert window.live.alert.played[-1] == "warning"  # the chime of a chiming cue
    assert [a.payload.get("cue") for a in session.file.actions() if a.type == "message"] == [
        "120",
        "30",
    ]
    key(qtbot, window, Qt.Key.Key_N)
    assert window.snapshot.message is None  # cleared by the next segment


def setup_auto_start(session: ShowSession, clock: FakeClock) -> None:
    commit_edit(session, set_field(session.show, 2, "hard_start", "16:20"))
    commit_edit(session, set_field(session.show, 2, "auto_start", True))
    clock.set(T0)
    session.perform(A.START)
    clock.advance(300)
    session.perform(A.NEXT)
    clock.set(T0 + timedelta(minutes=19, seconds=30))


def test_auto_start_countdown_and_x_cancels(window, session, clock: FakeClock, qtbot):
    setup_auto_start(session, clock)
    window.ticker.fire()
    assert "Segment 3 starts by itself in 0:30 — X cancels" in window.panel.state.full_text
    key(qtbot, window, Qt.Key.Key_X)
    assert types(session)[-1] == AUTOSTART_CANCEL
    window.ticker.fire()
    assert "starts by itself" not in window.panel.state.full_text
    clock.set(T0 + timedelta(minutes=20))
    window.ticker.fire()
    QApplication.processEvents()
    assert window.snapshot.current_index == 1


def test_auto_start_fires_at_the_hard_start(window, session, clock: FakeClock, qtbot):
    setup_auto_start(session, clock)
    clock.set(T0 + timedelta(minutes=20))
    window.ticker.fire()
    qtbot.waitUntil(lambda: session.engine.current_index() == 2)
    assert session.file.actions()[-1].payload.get("auto") is True


def test_answer_timer_on_the_panel(window, session, clock: FakeClock, qtbot):
    clock.set(T0)
    window.perform(A.START)
    book = window.questions.book
    book.add(Question.new("Pourquoi ?"))
    window.ticker.fire()  # the tick hands the preference (2:00) to the book
    qid = book.queue.ordered()[0].id
    book.set_state(qid, "on_air")
    clock.advance(30)
    window.ticker.fire()
    assert window.panel.side_timers.full_text == "Answer 1:30"
    assert "Answer 1:30" in window.live.stage.view.content.timers


def test_clock_warning_from_a_time_server(window, qtbot):
    feature = timers_feature(window)
    label = window.panel.clock_warning
    feature.check_clock()  # no server configured: nothing asked, nothing shown
    assert feature._clock_op is None and label.isHidden()
    with NtpResponder(offset_s=40.0) as ntp:
        window.live.prefs.time_server = ntp.server
        feature.check_clock()
        qtbot.waitUntil(lambda: feature.clock_result is not None, timeout=5000)
    assert not label.isHidden()
    assert "40.0 s behind" in label.text()
    with NtpResponder(offset_s=0.2) as ntp:
        window.live.prefs.time_server = ntp.server
        feature.clock_result = None
        feature.check_clock()
        qtbot.waitUntil(lambda: feature.clock_result is not None, timeout=5000)
    assert label.isHidden()


def test_a_silent_time_server_never_blocks_the_ui(window, qtbot):
    feature = timers_feature(window)
    with NtpResponder(mode=SILENT) as ntp:
        window.live.prefs.time_server = ntp.server
        feature.check_clock()  # returns at once: the wait is on a worker thread
        assert feature._clock_op is not None
        qtbot.waitUntil(lambda: feature.clock_result is not None, timeout=6000)
    assert "did not answer" in feature.clock_result
    assert "Clock not checked" in window.statusBar().currentMessage()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_side_lines_fit_1366x768(window, session, clock: FakeClock, qtbot, language, tmp_path):
    from moderator_app.ui.i18n import current_language, install_language

    previous = current_language()
    install_language(language)
    try:
        window.resize(1366, 740)
        setup_auto_start(session, clock)
        session.perform("aux.set", {"timer": 1, "seconds": 90, "name": "Panel", "shown": "line"})
        session.perform("aux.start", {"timer": 1})
        book = window.questions.book
        book.answer_s = 120
        book.add(Question.new("Pourquoi ?"))
        book.set_state(book.queue.ordered()[0].id, "on_air")
        window.features["timers"]._clock_done(ClockOffset("pool.ntp.org", 41.3, 0.01))
        window.ticker.fire()
        qtbot.wait(20)
        panel = window.panel
        for label in (panel.state, panel.side_timers):
            assert not label.elided, label.full_text  # the countdown and X are never cut
        assert "0:30" in panel.state.text() and "X" in panel.state.text()
        warning = panel.clock_warning
        assert warning.isVisible()
        assert warning.sizeHint().width() <= warning.width(), warning.text()
        window.grab().save(str(tmp_path / f"side_timers_{language}.png"))
    finally:
        install_language(previous)
