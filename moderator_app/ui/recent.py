"""Recent shows (File → Open Recent), remembered in the machine's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from moderator_app.ui.settings import Settings

KEY = "recent/shows"
MAX_RECENT = 8


def recent_shows() -> list[Path]:
    """Most recent first; files that have gone away are left out."""
    value = Settings().qsettings.value(KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for one-item lists
        value = [value]
    return [Path(p) for p in value or [] if Path(p).is_file()]


def remember(path: Path) -> None:
    path = Path(path).resolve()
    paths = [path, *(p for p in recent_shows() if p.resolve() != path)][:MAX_RECENT]
    settings = Settings().qsettings
    settings.setValue(KEY, [str(p) for p in paths])
    settings.sync()


def forget_all() -> None:
    settings = Settings().qsettings
    settings.remove(KEY)
    settings.sync()


def fill_menu(menu: QMenu, open_path) -> None:
    """(Re)build the Open Recent submenu; ``open_path(Path)`` opens a chosen show."""
    menu.clear()
    shows = recent_shows()
    for number, path in enumerate(shows, start=1):
        action = QAction(f"&{number} {path.name} — {path.parent}", menu)
        action.setData(str(path))
        action.triggered.connect(lambda _checked=False, p=path: open_path(p))
        menu.addAction(action)
    if not shows:
        empty = menu.addAction(QCoreApplication.translate("Recent", "No recent shows"))
        empty.setEnabled(False)
        return
    menu.addSeparator()
    clear = menu.addAction(QCoreApplication.translate("Recent", "Clear the list"))
    clear.triggered.connect(forget_all)
