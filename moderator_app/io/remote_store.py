"""The remote links' channels and keys in the show file (tables ``remote_links`` and
``remote_settings``, see showfile MIGRATIONS)."""

from __future__ import annotations

import sqlite3

from moderator_app.io.showfile import ShowFile, ShowFileError

LinkRow = tuple[str, str, str, str, str]  # id, role, name, channel, key (base64url)


def load_remote(file: ShowFile) -> tuple[list[LinkRow], dict[str, str]]:
    """The stored links and settings (both empty for a file that has none yet)."""
    try:
        rows = file.db.execute(
            "SELECT id, role, name, channel, key FROM remote_links ORDER BY created_us, id"
        ).fetchall()
        settings = file.db.execute("SELECT name, value FROM remote_settings").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ShowFileError("{0}: cannot read the remote links ({1})", file.path, exc) from None
    return ([tuple(str(v) for v in row) for row in rows],  # type: ignore[misc]
            {str(k): str(v) for k, v in settings})


def save_remote(file: ShowFile, links: list[LinkRow], settings: dict[str, str],
                created_us: int) -> None:
    """Store (or replace) ``links`` and ``settings``, in one transaction."""

    def write(db: sqlite3.Connection) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO remote_links (id, role, name, channel, key, created_us) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(*row, created_us) for row in links],
        )
        db.executemany(
            "INSERT OR REPLACE INTO remote_settings (name, value) VALUES (?, ?)",
            list(settings.items()),
        )

    file.append_many([], also=write)
