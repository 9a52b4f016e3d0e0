"""Where bundled resources live: a source checkout, an installed wheel, or a frozen bundle."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

from moderator_app.core.runsheet import Show


@cache
def resource_dir() -> Path:
    """The ``resources`` folder, found the same way in every way of running the console."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "resources")
    here = Path(__file__).resolve().parent
    candidates.append(here.parent / "resources")  # source checkout / editable install
    candidates.append(here / "_resources")  # wheel: packaged under the package
    for candidate in candidates:
        if (candidate / "default_show.json").is_file():
            return candidate
    raise FileNotFoundError("The console's resources folder is missing from this installation")


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def default_show() -> Show:
    """A fresh copy of the bundled default show (the seed webinar)."""
    data = json.loads(resource("default_show.json").read_text(encoding="utf-8"))
    return Show.from_dict(data)
