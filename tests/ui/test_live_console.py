"""The live console driven like a moderator would: keys, clicks, the stage display."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from moderator_app.core.actions import ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.engine import OVERTIME
from moderator_app.core.runsheet import Segment, Show
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.settings import Settings, settings_path


@pytest.fixture
def window(session, qtbot):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.live.stage.close()


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def open_window(qtbot, tmp_path: Path, show: Show, clock: FakeClock) -> MainWindow:
    path = tmp_path / "bad.show"
    ShowFile.create(path, show).close()
    session = ShowSession.open(path, clock=clock)
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    return w


def test_settings_are_isolated_in_a_temporary_folder(tmp_path_factory):
    # conftest points XDG_CONFIG_HOME and HOME at a temporary folder for every test.
    assert str(settings_path()).startswith(str(tmp_path_factory.getbasetemp()))


def test_shift_v_toggles_the_stage_full_screen_and_escape_leaves_it(window, qtbot):
    shift = Qt.KeyboardModifier.ShiftModifier
    press(qtbot, window, Qt.Key.Key_V, shift)
    stage = window.live.stage
    assert stage.isVisible()
    assert stage.isFullScreen()
    press(qtbot, stage, Qt.Key.Key_V, shift)  # show keys also work on the stage window
    assert not stage.isFullScreen()
    press(qtbot, window, Qt.Key.Key_V, shift)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not stage.isFullScreen()


def test_v_opens_and_closes_the_stage_window(window, qtbot):
    press(qtbot, window, Qt.Key.Key_V)
    assert window.live.stage.isVisible()
    assert window.live.actions["stage"].isChecked()
    press(qtbot, window, Qt.Key.Key_V)
    assert not window.live.stage.isVisible()


def test_b_blacks_out_the_stage_and_its_preview(window, qtbot):
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_B)
    preview = window.live.preview
    assert preview.options.blackout
    image = preview.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 240, 20) for y in range(0, 135, 15)}
    assert colours == {"#000000"}
    assert "BLACKOUT" in window.live.preview_caption.text()
    press(qtbot, window, Qt.Key.Key_B)
    assert not window.live.stage.view.options.blackout


def test_a_blackout_is_journaled_and_one_from_the_network_blacks_out_the_stage(
    window, session, qtbot
):
    from moderator_app.app import stage
    from moderator_app.core.actions import STAGE_BLACKOUT

    press(qtbot, window, Qt.Key.Key_B)
    assert [a.payload["on"] for a in session.file.actions(types=(STAGE_BLACKOUT,))] == [True]
    press(qtbot, window, Qt.Key.Key_B)
    # A producer's browser (the server: another process, another connection) blacks out
    # every speaker screen: the console's stage follows at its next poll of the file.
    other = ShowSession.open(session.path, clock=session.clock)
    try:
        stage.set_blackout(other, True, extra={"origin": "network", "role": "producer"})
    finally:
        other.close()
    qtbot.waitUntil(lambda: window.live.stage.view.options.blackout, timeout=2000)
    assert window.live.actions["blackout"].isChecked()


def test_preset_key_sends_the_show_language_preset_through_the_journal(window, session, qtbot):
    assert session.show.language == "fr"
    press(qtbot, window, Qt.Key.Key_2)
    assert session.engine.message.text == "Merci de conclure"
    assert window.live.stage.view.content.message == "Merci de conclure"
    assert window.live.preview.content.message == "Merci de conclure"
    types = [a.type for a in session.file.actions()]
    assert types[-1] == ActionType.MESSAGE
    press(qtbot, window, Qt.Key.Key_C)
    assert session.engine.message is None
    assert window.live.stage.view.content.message == ""
    assert [a.type for a in session.file.actions()][-1] == ActionType.CLEAR_MESSAGE


def test_english_show_gets_english_presets(qtbot, tmp_path, small_show, clock):
    w = open_window(qtbot, tmp_path, small_show, clock)
    labels = [b.text() for b in w.live.messages.preset_buttons]
    assert labels == ["2 minutes", "Please wrap up", "Time is up", "Next question"]


def test_free_text_with_blink_reaches_the_stage(window, session, qtbot):
    bar = window.live.messages
    press(qtbot, window, Qt.Key.Key_M)
    bar.text.setFocus()
    qtbot.mouseClick(bar.blink, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(bar.text, "Bravo, 5 min")
    press(qtbot, bar.text, Qt.Key.Key_Return)
    assert session.engine.message.text == "Bravo, 5 min"
    assert session.engine.message.blink
    assert window.live.stage.view.content.message_blink
    assert bar.text.text() == ""


def test_show_keys_are_ignored_while_typing_in_the_message_field(window, session, qtbot):
    bar = window.live.messages
    bar.text.setFocus()
    qtbot.keyClicks(bar.text, "fbsc 12 ")
    press(qtbot, bar.text, Qt.Key.Key_Space)
    assert bar.text.text() == "fbsc 12  "
    assert not window.live.stage.isVisible()
    assert not window.live.blackout
    assert session.engine.message is None
    assert session.engine.state.status == "not_started"


def test_every_shortcut_is_in_its_tooltip_and_in_the_help(window, qtbot):
    for action in window.live.actions.values():
        for seq in action.shortcuts():
            assert seq.toString(QKeySequence.SequenceFormat.NativeText) in action.toolTip()
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.live.help.isVisible()
    keys = {what: keys for _section, keys, what in window.live.help.rows()}
    assert keys["Black out the stage display, or bring it back"] == "B"
    assert "F1" in keys["List every key of the console"]
    assert keys["Go to the next segment"] == "→, N"
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.live.help.isVisible()


def test_overtime_flashes_counts_up_and_says_by_how_much(window, session, clock, qtbot):
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(300 + 75)
    window.ticker.fire()
    panel = window.panel
    # Overtime counts up with a plus, the same on the console and the stage.
    assert panel.remaining.text() == "+1:15"
    assert window.live.stage.view.content.digits == "+1:15"
    assert "1:15" in panel.phase.text() and "■" in panel.phase.text()
    assert panel._flash.isActive()
    assert window.live.stage.view.content.overtime


def test_starts_in_countdown_before_the_show(qtbot, tmp_path, small_show):
    clock = FakeClock(datetime(2027, 2, 25, 14, 47, 30, tzinfo=UTC))
    w = open_window(qtbot, tmp_path, small_show, clock)
    assert w.panel.remaining.text() == "12:30"
    assert w.live.stage.view.content.digits == "12:30"
    assert w.live.stage.view.content.phase_text == "Starts in"


def test_speaker_time_zones_are_listed_by_region(window):
    text = window.panel.zones.text()
    assert "Mexico City" in text and "Amérique latine" in text
    assert "09:00" in text  # 16:00 Paris is 09:00 in Mexico City
    assert "10:00" in text and "Toronto" in text


def test_zero_segments_shows_a_message_and_refuses_to_start(qtbot, tmp_path, clock):
    show = Show("Empty", datetime(2027, 2, 25, 15, 0, tzinfo=UTC), "Europe/Paris")
    w = open_window(qtbot, tmp_path, show, clock)
    assert "No segment" in w.panel.current_title.text()
    press(qtbot, w, Qt.Key.Key_Space)
    assert "no segments" in w.statusBar().currentMessage()
    w.panel.timeline.grab()  # paints "No segments" without dividing by zero


def test_zero_duration_segment_is_overtime_at_once(qtbot, tmp_path, clock):
    show = Show(
        "Zero",
        datetime(2027, 2, 25, 15, 0, tzinfo=UTC),
        "Europe/Paris",
        segments=[Segment("Nothing", 0, id="z"), Segment("After", 60, id="y")],
    )
    w = open_window(qtbot, tmp_path, show, clock)
    press(qtbot, w, Qt.Key.Key_Space)
    clock.advance(2)
    w.ticker.fire()
    assert w.snapshot.phase == OVERTIME
    assert w.panel.remaining.text() == "+0:02"
    w.panel.timeline.grab()
    w.live.stage.view.grab()


def test_show_date_in_the_past_offers_a_rehearsal(qtbot, tmp_path, small_show):
    clock = FakeClock(datetime(2027, 6, 1, 12, 0, tzinfo=UTC))
    w = open_window(qtbot, tmp_path, small_show, clock)
    assert "rehearsal" in w.panel.state.text()
    assert "2027-02-25" in w.panel.state.text()
    assert w.panel.over_under.text() == "Show: not started"
    press(qtbot, w, Qt.Key.Key_Space)
    assert w.snapshot.state == "not_started"  # asks first: "Start a rehearsal run?"
    press(qtbot, w.findChild(QMessageBox, "RehearsalPrompt"), Qt.Key.Key_Return)
    w.ticker.fire()
    assert w.snapshot.state == "running"
    assert w.panel.over_under.text() == "Show: on time"  # plan re-anchored on the rehearsal


def test_unknown_time_zone_falls_back_to_utc_visibly(qtbot, tmp_path, clock):
    # A show file refuses such a zone at load; one can still arrive by a run sheet edit.
    show = Show(
        "Mars",
        datetime(2027, 2, 25, 15, 0, tzinfo=UTC),
        "Europe/Paris",
        segments=[Segment("One", 60, speaker_timezone="Moon/Base", region="Luna", id="a")],
    )
    w = open_window(qtbot, tmp_path, show, clock)
    w.session.show.timezone = "Mars/Olympus_Mons"
    w.ticker.fire()
    w.rundown_view.grab()
    assert w.panel.zone_warning.isVisible()
    assert "UTC" in w.panel.zone_warning.text()
    assert "UTC" in w.panel.captions[0].text()
    assert "Moon/Base" in w.panel.zones.text()


def test_disconnected_stage_screen_moves_the_stage_back(window, qtbot):
    live = window.live
    live.toggle_full_screen()
    screen = live.stage.screen()
    live.stage._on_screen_removed(screen)  # what Qt calls when the screen goes away
    assert not live.stage.isFullScreen()
    assert "disconnected" in window.statusBar().currentMessage()


def test_missing_configured_screen_opens_the_stage_here(window, qtbot):
    window.live.prefs.stage_screen = "HDMI-9"
    press(qtbot, window, Qt.Key.Key_V)
    assert window.live.stage.isVisible()
    assert "HDMI-9" in window.statusBar().currentMessage()


def test_stage_digits_scale_with_the_window(window, qtbot):
    stage = window.live.stage
    stage.show()
    stage.resize(480, 270)
    stage.view.grab()
    small = stage.view.digit_point_size
    stage.resize(1440, 810)
    stage.view.grab()
    assert stage.view.digit_point_size > 2.5 * small > 0


def test_preferences_are_saved_and_applied(window, qtbot):
    live = window.live
    dialog = live.open_preferences()
    dialog.stage_clock.setChecked(False)
    dialog.warning.setValue(180)
    dialog.sound_warning.setChecked(True)
    dialog.accept()
    assert not live.stage.view.options.clock
    assert live.stage.view.content.clock == ""
    saved = Settings().load()
    assert saved.warning_s == 180 and saved.sound_warning and not saved.stage_clock


def test_chime_at_warning_and_end(window, session, clock, qtbot, monkeypatch):
    live = window.live
    monkeypatch.setattr(live.alert, "_effect", lambda kind: None)
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    live.prefs.sound_warning = True
    live.prefs.sound_end = True
    press(qtbot, window, Qt.Key.Key_Space)
    for seconds in (100, 90, 100, 20):  # 5-minute segment: warning at 3:00 left, end at 5:00
        clock.advance(seconds)
        window.ticker.fire()
    assert live.alert.played == ["warning", "end"]


def test_past_date_timeline_and_stage_paint(qtbot, tmp_path, seed_show):
    clock = FakeClock(datetime(2027, 2, 25, 15, 30, tzinfo=UTC))
    w = open_window(qtbot, tmp_path, seed_show, clock)
    press(qtbot, w, Qt.Key.Key_Space)
    clock.advance(timedelta(minutes=7).total_seconds())
    press(qtbot, w, Qt.Key.Key_Right)
    image = w.panel.timeline.grab().toImage()
    assert image.width() > 100


def test_cues_clear_with_their_segment_and_two_minutes_expires(window, session, clock, qtbot):
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_1)  # "2 minutes"
    sent = session.file.actions()[-1]
    assert sent.payload["expires_s"] == 120 and "keep" not in sent.payload
    clock.advance(121)
    window.ticker.fire()
    assert window.live.stage.view.content.message == ""  # two minutes later it is a lie
    press(qtbot, window, Qt.Key.Key_2)  # "Merci de conclure"
    window.ticker.fire()
    assert window.live.stage.view.content.message
    press(qtbot, window, Qt.Key.Key_Right)  # the next speaker must not read it
    window.ticker.fire()
    assert window.live.stage.view.content.message == ""
    prefs = window.live.prefs
    window.live.apply_preferences(type(prefs)(**{**prefs.__dict__,
                                                 "clear_messages_on_segment": False}))
    press(qtbot, window, Qt.Key.Key_2)
    assert session.file.actions()[-1].payload["keep"] is True
    press(qtbot, window, Qt.Key.Key_Right)
    window.ticker.fire()
    assert window.live.stage.view.content.message  # the moderator chose to keep cues
