"""The interface language: Qt translators for our strings and Qt's own dialogs.

The language is, in order: ``--lang`` on the command line, the one chosen in the
preferences, the system locale (French if it is French, otherwise English). Times are
formatted by ``QLocale()``, which follows the language chosen here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from moderator_app.resources import resource

SUPPORTED = ("fr", "en")
_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> Path:
    return Path(resource("translations"))


def system_language() -> str:
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def choose_language(cli: str | None, preference: str | None) -> str:
    for choice in (cli, preference):
        if choice in SUPPORTED:
            return choice  # type: ignore[return-value]
    return system_language()


def locale_for(language: str) -> QLocale:
    system = QLocale.system()
    if language == "fr":
        if system.language() == QLocale.Language.French:
            return system  # fr_CA, fr_BE... keep the user's own conventions
        return QLocale(QLocale.Language.French, QLocale.Country.France)
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def current_language() -> str:
    return _current


def install_language(language: str) -> bool:
    """Switch the whole application to ``language``; False if its catalogue is missing.

    Installing a translator sends LanguageChange to every widget, so widgets that
    re-set their texts in ``changeEvent`` follow at once.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = locale_for(language)
    QLocale.setDefault(locale)
    _current = language
    if language == "en":
        return True  # sources are English
    ours = QTranslator(app)
    ok = ours.load(str(translations_dir() / f"moderator_{language}.qm"))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    return ok
