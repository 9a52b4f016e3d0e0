"""Starting the console: the application object, the show to open, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from moderator_app import __version__
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile, ShowFileError
from moderator_app.paths import default_show_path
from moderator_app.resources import default_show


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setOrganizationName("moderator-app")
    app.setApplicationName("moderator-app")
    app.setApplicationDisplayName("Moderator console")
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def open_session(path: str | None) -> ShowSession:
    """The show given, or the user's default show (made from the bundled one on first run)."""
    if path is None:
        target = default_show_path()
        if not target.exists():
            ShowFile.create(target, default_show()).close()
        return ShowSession.open(target)
    return ShowSession.open(Path(path))


def run_console(path: str | None, language: str | None = None) -> int:
    app = ensure_application()
    try:
        session = open_session(path)
    except ShowFileError as exc:
        QMessageBox.critical(None, app.translate("App", "Cannot open the show"), str(exc))
        print(f"moderator-app: error: {exc}", file=sys.stderr)
        return 2
    from moderator_app.ui.main_window import MainWindow

    window = MainWindow(session)
    window.show()
    code = app.exec()
    session.close()
    return code
