"""Smaller pieces of the live console: presets, language choice, sound fallback, bench maths."""

from __future__ import annotations

import builtins
import importlib.util
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, Qt
from PySide6.QtWidgets import QApplication

from moderator_app.app.presenter import speaker_zones
from moderator_app.ui import sound
from moderator_app.ui.app import setup_language
from moderator_app.ui.i18n import choose_language, current_language, install_language
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.messages import presets_for
from moderator_app.ui.settings import Preferences, Settings

REPO = Path(__file__).resolve().parents[2]


def test_presets_follow_the_show_language():
    assert presets_for("fr")[1] == "Merci de conclure"
    assert presets_for("fr-CA")[2] == "Temps écoulé"
    assert presets_for("en")[3] == "Next question"
    assert presets_for("de") == presets_for("en")  # no German presets: English
    assert presets_for("") == presets_for("en")


def test_language_choice_order(qapp):
    assert choose_language("en", "fr") == "en"  # --lang wins
    assert choose_language(None, "fr") == "fr"  # then the preferences
    system = "fr" if QLocale.system().language() == QLocale.Language.French else "en"
    assert choose_language(None, "system") == system


def test_lang_option_overrides_the_saved_preference(qapp):
    Settings().save(Preferences(language="en"))
    try:
        assert setup_language("fr") == "fr"
        assert current_language() == "fr"
        assert QLocale().language() == QLocale.Language.French
        assert setup_language(None) == "en"
    finally:
        install_language("en")


def test_qt_french_catalogue_is_available_for_standard_dialogs():
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (folder / "qtbase_fr.qm").exists():
        pytest.skip("this PySide6 ships no qtbase_fr.qm")
    assert (folder / "qtbase_fr.qm").stat().st_size > 0


def test_sound_falls_back_to_beep_without_qtmultimedia(qapp, monkeypatch):
    real_import = builtins.__import__

    def no_multimedia(name, *args, **kwargs):
        if name.startswith("PySide6.QtMultimedia"):
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    beeps = []
    monkeypatch.setattr(builtins, "__import__", no_multimedia)
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    alert = sound.Alert()
    alert.play("end")
    alert.play("warning")
    assert beeps == [1, 1]
    assert alert.played == ["end", "warning"]


def test_chime_file_is_a_valid_wave(tmp_path):
    import wave

    path = tmp_path / "c.wav"
    sound.write_chime(path, 880.0, 0.1)
    with wave.open(str(path)) as w:
        assert w.getframerate() == sound.RATE and w.getnframes() > 1000


def test_speaker_zones_are_distinct_and_labelled(seed_show):
    now = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)
    zones = {z.zone: z.label for z in speaker_zones(seed_show, now, seed_show.tz)}
    assert {z.zone: z.city for z in speaker_zones(seed_show, now, seed_show.tz)}[
        "America/Mexico_City"] == "Mexico City"
    assert list(zones) == [
        "Europe/Madrid",
        "America/Mexico_City",
        "Africa/Casablanca",
        "Europe/Paris",
        "America/Toronto",
    ]
    assert zones["America/Toronto"] == "Amérique du Nord · Toronto"


def test_question_mark_opens_the_help_and_screen_menu_lists_screens(session, qtbot):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.keyClick(w, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert w.live.help.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_F1)
    assert not w.live.help.isVisible()
    w.live._fill_screen_menu()
    names = [a.text() for a in w.live.screen_menu.actions()]
    assert names == [s.name() for s in QApplication.screens()]
    w.live.screen_menu.actions()[0].trigger()
    assert Settings().load().stage_screen == names[0]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_seconds", REPO / "bench/bench_seconds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_analysis_counts_lag_skips_and_repeats():
    bench = _bench()
    assert bench.parse_countdown("1:02:03") == 3723
    assert bench.parse_countdown("-0:05") == -5
    end = 100_000_000
    changes = [
        (0, "0:10"),  # first paint: not a flip
        (end - 9_000_000 + 4_000, "0:09"),
        (end - 8_000_000 + 6_000, "0:08"),
        (end - 6_000_000 + 5_000, "0:06"),  # 0:07 skipped
        (end - 6_000_000 + 9_000, "0:06"),  # repeated
    ]
    result = bench.analyse(changes, end)
    assert result["skipped"] == 1 and result["repeated"] == 1
    assert result["median"] == pytest.approx(5.5)
    assert result["p99"] == pytest.approx(9.0)


def test_speaker_cities_are_named_in_french(qtbot, session) -> None:
    previous = current_language()
    install_language("fr")
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.ticker.fire()
        text = window.panel.zones.text()
        assert "Mexico ·" not in text and "· Mexico" in text and "Mexico City" not in text
        assert "· Toronto" in text
    finally:
        install_language(previous)
