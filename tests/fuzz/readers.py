"""Every way the console reads a file it did not write itself, for the fuzzers.

Adding an importer to the fuzzing is one ``FileReader`` line in ``READERS``: how to read a
path, which exception is its clear refusal, and a few valid files to mutate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile, ShowFileError
from moderator_app.resources import default_show


@dataclass(frozen=True)
class FileReader:
    name: str
    suffix: str
    read: Callable[[Path], object]
    refusal: type[Exception] | tuple[type[Exception], ...]
    seeds: Callable[[Path], list[bytes]]  # valid files (given a scratch folder)


def open_show(path: Path) -> object:
    session = ShowSession.open(path)
    try:
        session.snapshot()
        return session.show
    finally:
        session.close()


def show_seeds(folder: Path) -> list[bytes]:
    from moderator_app.core.actions import Action

    path = folder / "seed.show"
    path.unlink(missing_ok=True)
    with ShowFile.create(path, default_show()) as f:
        f.append_many(Action("start" if i == 0 else "pause", i, {}) for i in range(3))
        f.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return [path.read_bytes()]


READERS: list[FileReader] = [
    FileReader("show file", ".show", open_show, ShowFileError, show_seeds),
    # The importers join here once they are on main, e.g.:
    # FileReader("questions CSV", ".csv", read_questions, ImportError_, question_csv_seeds),
]
