"""Starting the console: the application object, the show to open, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from moderator_app import __version__
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile, ShowFileError
from moderator_app.paths import default_show_path
from moderator_app.resources import default_show
from moderator_app.ui.i18n import choose_language, install_language
from moderator_app.ui.settings import Settings


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setOrganizationName("moderator-app")
    app.setApplicationName("moderator-app")
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Moderator console"))
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def open_session(path: str | None) -> ShowSession:
    """The show given, or the user's default show (made from the bundled one on first run,
    with this machine's default warning and wrap-up thresholds)."""
    if path is None:
        target = default_show_path()
        if not target.exists():
            show = default_show()
            prefs = Settings().load()
            show.warning_s, show.danger_s = prefs.warning_s, prefs.danger_s
            ShowFile.create(target, show).close()
        return ShowSession.open(target)
    return ShowSession.open(Path(path))


def setup_language(language: str | None) -> str:
    """``--lang``, else the preferences, else the system locale; returns the one installed."""
    chosen = choose_language(language, Settings().load().language)
    install_language(chosen)
    return chosen


def run_console(path: str | None, language: str | None = None) -> int:
    app = ensure_application()
    setup_language(language)
    try:
        session = open_session(path)
    except ShowFileError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "Cannot open the show"), str(exc)
        )
        print(f"moderator-app: error: {exc}", file=sys.stderr)
        return 2
    from moderator_app.ui.main_window import MainWindow

    window = MainWindow(session)
    window.show()
    code = app.exec()
    session.close()
    return code
