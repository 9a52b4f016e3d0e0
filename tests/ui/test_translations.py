"""Every visible string has a finished French translation, and the .qm is current."""

from __future__ import annotations

import importlib.util
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from moderator_app.ui.formatting import clock_time, phase_label
from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"
TS = TRANSLATIONS / "moderator_fr.ts"
QM = TRANSLATIONS / "moderator_fr.qm"


def _update_module():
    spec = importlib.util.spec_from_file_location("ts_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def french():
    previous = current_language()
    install_language("fr")
    yield
    install_language(previous)


def test_every_source_string_has_a_finished_french_translation(tmp_path):
    update = _update_module()
    copy = tmp_path / "moderator_fr.ts"
    shutil.copy(TS, copy)
    update.lupdate(copy)  # adds any string the sources have and the catalogue lacks
    missing = update.unfinished(copy)
    assert not missing, (
        "Strings without French (run python resources/translations/update.py, translate, "
        "run it again): " + "; ".join(missing[:20])
    )


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    update = _update_module()
    fresh = tmp_path / "fresh.qm"
    update.lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "run python resources/translations/update.py"


def test_update_script_runs_with_no_venv_on_path(tmp_path):
    # The README's test command never activates the venv, so pyside6-lupdate and
    # pyside6-lrelease are not on PATH: the script must find the tools from PySide6 itself.
    import subprocess
    import sys

    copy = tmp_path / "moderator_fr.ts"
    shutil.copy(TS, copy)
    probe = (
        "import importlib.util, sys; from pathlib import Path; "
        f"spec = importlib.util.spec_from_file_location('u', {str(TRANSLATIONS / 'update.py')!r}); "
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); "
        f"ts = Path({str(copy)!r}); m.lupdate(ts); m.lrelease(ts, ts.with_suffix('.qm')); "
        "print(ts.with_suffix('.qm').stat().st_size)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) > 1000


def test_no_aliased_translate_calls_that_lupdate_cannot_see():
    # lupdate reads tr("...") after "tr = self.tr" with the wrong context, and
    # "tr = QCoreApplication.translate; tr(ctx, text)" as a text with a comment.
    alias = re.compile(r"\btr\s*=\s*(self\.tr|QCoreApplication\.translate|\w+\.translate)\b")
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "moderator_app").rglob("*.py")
        if alias.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders


def test_french_interface(french, session, qtbot):
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.buttons["start"].text() == "Démarrer"
    assert window.panel.captions[0].text().startswith("Heure")
    assert window.live.messages.caption.text() == "À l’intervenant :"
    assert window.menu("view").title() == "&Affichage"
    assert phase_label("overtime") == "Dépassement"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.panel.state.text().startswith("En direct")
    assert window.live.stage.view.content.phase_text.endswith("Dans les temps")
    window.live.stage.close()


def test_switching_language_in_preferences_retranslates_the_live_console(session, qtbot):
    install_language("en")
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.panel.captions[0].text().startswith("Time")
    live = window.live
    prefs = live.prefs
    prefs_fr = type(prefs)(**{**prefs.__dict__, "language": "fr"})
    try:
        live.apply_preferences(prefs_fr)
        qtbot.waitUntil(lambda: window.panel.captions[0].text().startswith("Heure"))
        qtbot.waitUntil(lambda: window.buttons["start"].text() == "Démarrer")
        assert window.menu("view").title() == "&Affichage"
        assert live.actions["blackout"].text() == "&Écran noir"
        assert "(B)" in live.actions["blackout"].toolTip()
        assert live.messages.send_button.text() == "Envoyer"
        assert live.help.title.text() == "Raccourcis clavier"
    finally:
        install_language("en")
        window.live.stage.close()


def test_times_follow_the_locale(french):
    moment = datetime(2027, 2, 25, 15, 5, 9, tzinfo=UTC)
    from zoneinfo import ZoneInfo

    assert clock_time(moment, ZoneInfo("Europe/Paris")) == "16:05"
    assert clock_time(moment, ZoneInfo("Europe/Paris"), seconds=True) == "16:05:09"
