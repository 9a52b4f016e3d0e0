"""The interface language: Qt translators for our strings and Qt's own dialogs.

The language is, in order: ``--lang`` on the command line, the one chosen in the
preferences, the system locale (French if it is French, otherwise English). Times are
formatted by ``QLocale()``, which follows the language chosen here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
)

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
        _name_application(app)
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
    _name_application(app)
    return ok


def _name_application(app: QCoreApplication) -> None:
    # The name window titles and dialogs show: it was set before any language was chosen.
    if hasattr(app, "setApplicationDisplayName"):
        app.setApplicationDisplayName(QCoreApplication.translate("App", "Moderator console"))


class _Retranslator(QObject):
    """Re-runs the texts' setters registered on one widget each time it gets LanguageChange.

    One per watched widget (a filter on the main window costs one Python call per event
    it gets, so they are shared)."""

    def __init__(self, watched: QObject) -> None:
        super().__init__(watched)
        self.setObjectName("Retranslator")
        self.callbacks: list[Callable[[], None]] = []
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched is self.parent():
            for callback in list(self.callbacks):
                try:
                    callback()
                except RuntimeError as exc:
                    if "already deleted" not in str(exc):
                        raise
                    self.callbacks.remove(callback)  # its action or menu is gone
        return False


def follow_language(watched: QObject, retranslate: Callable[[], None]) -> None:
    """Call ``retranslate`` now and after every language switch that ``watched`` (a widget,
    usually the main window) is told of.

    For texts set on objects that get no LanguageChange themselves (actions, menus built
    by a feature's ``attach``, item models' headers) or by code that is not a widget's
    class. ``retranslate`` sets each text with a literal ``QCoreApplication.translate(ctx,
    "...")`` or ``self.tr("...")`` call, so lupdate still finds every string.
    """
    retranslate()
    keeper = watched.findChild(_Retranslator, "Retranslator",
                               options=Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        keeper = _Retranslator(watched)
    keeper.callbacks.append(retranslate)
