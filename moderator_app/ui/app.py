"""Starting the console: the application object, the show to open, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from moderator_app import __version__
from moderator_app.app.show import Role, ShowFileError, ShowSession, ensure_default_show, open_show
from moderator_app.resources import resource
from moderator_app.ui.i18n import choose_language, install_language
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.settings import Settings


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setOrganizationName("moderator-app")
    app.setApplicationName("moderator-app")
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Moderator console"))
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    return app  # type: ignore[return-value]


def application_icon() -> QIcon:
    """The stopwatch icon at every size we ship (files load only when Qt paints one)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resource("icons", f"moderator-app-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def open_session(path: str | None) -> ShowSession:
    """The show given, or the user's default show (made from the bundled one on first run,
    with this machine's default warning and wrap-up thresholds).

    The first console to open a show owns it; a second one opens it read-only and follows
    it live (see app/show.py). Closing the session releases the lock.
    """
    if path is None:
        prefs = Settings().load()
        target = ensure_default_show(prefs.warning_s, prefs.danger_s)
    else:
        target = Path(path)
    return open_show(target, role=Role.CONSOLE)


# Set to "1" to print a marker once the window is shown and its event loop runs (the
# start-up benchmark and the fault tests wait for it); "exit" also quits right after.
STARTUP_PROBE = "MODERATOR_APP_STARTUP_PROBE"
PROBE_MARKER = "moderator-app: window ready"


def _startup_probe(app: QApplication, mode: str) -> None:
    print(PROBE_MARKER, flush=True)
    if mode == "exit":
        app.quit()


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
            None, QCoreApplication.translate("App", "Cannot open the show"), refusal_text(exc)
        )
        print(f"moderator-app: error: {exc}", file=sys.stderr)
        return 2
    from moderator_app.ui.main_window import MainWindow

    window = MainWindow(session)
    window.show()
    probe = os.environ.get(STARTUP_PROBE)
    if probe:
        QTimer.singleShot(0, lambda: _startup_probe(app, probe))
    code = app.exec()
    session.close()
    return code
