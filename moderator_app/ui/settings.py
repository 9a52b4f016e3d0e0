"""Settings that belong to this machine (language, stage screen, sound), in QSettings.

Show data (titles, thresholds of a show, messages) stays in the show file. The settings
are an INI file in the user's config folder, so tests isolate them by pointing
XDG_CONFIG_HOME / HOME (or MODERATOR_APP_CONFIG_DIR) at a temporary folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from moderator_app.core.runsheet import DEFAULT_DANGER_S, DEFAULT_WARNING_S
from moderator_app.paths import APP_NAME
from moderator_app.ui.stage_display import StageOptions

LANGUAGES = ("system", "fr", "en")


def settings_path() -> Path:
    override = os.environ.get("MODERATOR_APP_CONFIG_DIR")
    if override:
        base = Path(override)
    else:
        from platformdirs import user_config_dir

        base = Path(user_config_dir(APP_NAME, appauthor=False))
    return base / "settings.ini"


@dataclass
class Preferences:
    language: str = "system"
    warning_s: int = DEFAULT_WARNING_S
    danger_s: int = DEFAULT_DANGER_S
    stage_screen: str = ""
    stage_clock: bool = True
    stage_title: bool = True
    stage_speaker: bool = True
    stage_messages: bool = True
    stage_question: bool = False  # the on-air question on the stage display
    # A cue belongs to its segment: the next speaker must not read the last one's.
    clear_messages_on_segment: bool = True
    sound_warning: bool = False
    sound_end: bool = True
    # The answer timer started when a question goes on air (0: none).
    answer_s: int = 120
    # A network time server to check this computer's clock against ("": no check; a
    # machine without internet must not wait on one).
    time_server: str = ""

    def stage_options(self, blackout: bool = False) -> StageOptions:
        return StageOptions(
            clock=self.stage_clock,
            title=self.stage_title,
            speaker=self.stage_speaker,
            messages=self.stage_messages,
            blackout=blackout,
        )


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _int(value: object, default: int, low: int = 0, high: int = 3600) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


class Settings:
    """Typed access to the settings file; unreadable values fall back to defaults."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def load(self) -> Preferences:
        s = self.qsettings
        d = Preferences()
        language = str(s.value("ui/language", d.language))
        return Preferences(
            language=language if language in LANGUAGES else d.language,
            warning_s=_int(s.value("timer/warning_s"), d.warning_s),
            danger_s=_int(s.value("timer/danger_s"), d.danger_s),
            stage_screen=str(s.value("stage/screen", "") or ""),
            stage_clock=_bool(s.value("stage/clock"), d.stage_clock),
            stage_title=_bool(s.value("stage/title"), d.stage_title),
            stage_speaker=_bool(s.value("stage/speaker"), d.stage_speaker),
            stage_messages=_bool(s.value("stage/messages"), d.stage_messages),
            stage_question=_bool(s.value("stage/question"), d.stage_question),
            sound_warning=_bool(s.value("sound/warning"), d.sound_warning),
            sound_end=_bool(s.value("sound/end"), d.sound_end),
            clear_messages_on_segment=_bool(
                s.value("stage/clear_on_segment"), d.clear_messages_on_segment
            ),
            answer_s=_int(s.value("timer/answer_s"), d.answer_s),
            time_server=str(s.value("clock/server", "") or "").strip()[:255],
        )

    def save(self, prefs: Preferences) -> None:
        s = self.qsettings
        s.setValue("ui/language", prefs.language)
        s.setValue("timer/warning_s", int(prefs.warning_s))
        s.setValue("timer/danger_s", int(prefs.danger_s))
        s.setValue("stage/screen", prefs.stage_screen)
        s.setValue("stage/clock", prefs.stage_clock)
        s.setValue("stage/title", prefs.stage_title)
        s.setValue("stage/speaker", prefs.stage_speaker)
        s.setValue("stage/messages", prefs.stage_messages)
        s.setValue("stage/question", prefs.stage_question)
        s.setValue("sound/warning", prefs.sound_warning)
        s.setValue("sound/end", prefs.sound_end)
        s.setValue("stage/clear_on_segment", prefs.clear_messages_on_segment)
        s.setValue("timer/answer_s", int(prefs.answer_s))
        s.setValue("clock/server", prefs.time_server)
        s.sync()
