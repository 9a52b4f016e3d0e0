"""The network links' tokens in the show file (table ``shares``, see showfile MIGRATIONS)."""

from __future__ import annotations

import sqlite3

from moderator_app.io.showfile import ShowFile, ShowFileError


def load_tokens(file: ShowFile) -> dict[str, str]:
    """role -> token, as stored (empty for a file that has none yet)."""
    try:
        rows = file.db.execute("SELECT role, token FROM shares").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ShowFileError(
            "{0}: cannot read the sharing tokens ({1})", file.path, exc
        ) from None
    return {str(role): str(token) for role, token in rows}


def save_tokens(file: ShowFile, tokens: dict[str, str], created_us: int) -> None:
    """Store (or replace) the tokens of the roles in ``tokens``, in one transaction."""

    def write(db: sqlite3.Connection) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO shares (role, token, created_us) VALUES (?, ?, ?)",
            [(role, token, created_us) for role, token in tokens.items()],
        )

    file.append_many([], also=write)
