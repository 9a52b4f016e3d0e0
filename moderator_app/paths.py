"""Per-user locations (the default show lives in the user data directory)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "moderator-app"


def data_dir() -> Path:
    """The user data directory; MODERATOR_APP_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get("MODERATOR_APP_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_show_path() -> Path:
    return data_dir() / "default.show"
