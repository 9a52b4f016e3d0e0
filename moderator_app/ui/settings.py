"""The machine's settings (QSettings): one place to get them, so tests can isolate them.

MODERATOR_APP_SETTINGS names an INI file to use instead of the platform's store (tests set
it per test; it also makes a portable install possible).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANISATION = "moderator-app"
APPLICATION = "moderator-app"


def app_settings() -> QSettings:
    override = os.environ.get("MODERATOR_APP_SETTINGS")
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)
