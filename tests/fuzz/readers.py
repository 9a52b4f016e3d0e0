"""Every way the console reads a file it did not write itself, for the fuzzers.

Adding an importer to the fuzzing is one ``FileReader`` line in ``READERS``: how to read a
path, which exception is its clear refusal, and a few valid files to mutate.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from moderator_app.commands import CommandError
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


# -- the importers -------------------------------------------------------------------------
REPO = Path(__file__).resolve().parents[2]
QUESTION_FIXTURES = REPO / "tests" / "fixtures" / "questions"
SAMPLES = REPO / "resources"
UTC = ZoneInfo("UTC")


def _files(*paths: Path) -> list[bytes]:
    return [p.read_bytes() for p in paths]


def question_csv_seeds(_folder: Path) -> list[bytes]:
    names = ("zoom_qa_utf8bom.csv", "zoom_qa_utf16.csv", "zoom_registration.csv",
             "google_forms_fr_cp1252.csv", "slido_export.csv")  # fmt: skip
    return _files(SAMPLES / "sample_questions_zoom_fr.csv", *(QUESTION_FIXTURES / n for n in names))


def hostile_xlsx_seeds(folder: Path) -> list[bytes]:
    """The small hostile workbooks (tests/io/hostile_files.py): a cell in XFD1048576 under a
    lying dimension, and a true little table under a dimension claiming the whole grid.
    Mutated, they move the far cell, break the references, cut the dimension."""
    from tests.io.hostile_files import far_cell_xlsx, huge_dimension_xlsx, lying_dimension_xlsx

    return _files(far_cell_xlsx(folder), huge_dimension_xlsx(folder),
                  lying_dimension_xlsx(folder))


def question_xlsx_seeds(folder: Path) -> list[bytes]:
    names = ("google_forms_en.xlsx", "microsoft_forms.xlsx")
    return _files(*(QUESTION_FIXTURES / n for n in names)) + hostile_xlsx_seeds(folder)


def runsheet_csv_seeds(folder: Path) -> list[bytes]:
    from tests.io.runsheet_fixtures import english_csv, semicolon_cp1252_csv

    return _files(english_csv(folder), semicolon_cp1252_csv(folder))


def runsheet_xlsx_seeds(folder: Path) -> list[bytes]:
    from tests.io.runsheet_fixtures import french_xlsx, ontime_xlsx

    return _files(SAMPLES / "sample_runsheet_fr.xlsx", french_xlsx(folder),
                  ontime_xlsx(folder)) + hostile_xlsx_seeds(folder)


def import_questions(path: Path) -> object:
    """What the import dialog and ``questions import`` do: detect, then extract it all."""
    from moderator_app.io.question_import import extract, load_source, preview_dict

    result = extract(load_source(path), tz=UTC)
    json.dumps(preview_dict(result), ensure_ascii=False)  # the preview must be printable
    return result


def preview_questions(path: Path) -> object:
    """``moderator-app questions preview FILE --json``, its CommandError being the refusal."""
    from moderator_app.commands.questions import cmd_preview

    args = argparse.Namespace(file=str(path), json=True, timezone=None, profile=None,
                              dayfirst=None)  # fmt: skip
    with contextlib.redirect_stdout(io.StringIO()):
        return cmd_preview(args)


def import_runsheet(path: Path) -> object:
    """``moderator-app new SHOW --runsheet FILE``: read the sheet, make a valid show of it."""
    from moderator_app.io.runsheet_import import new_show, preview_dict, read_runsheet

    result = read_runsheet(path)
    json.dumps(preview_dict(result), ensure_ascii=False)
    show = new_show(default_show(), result)
    return show.to_dict()


def detect_kind(path: Path) -> object:
    """A dropped file's kind: never raises at all."""
    from moderator_app.io.spreadsheet_kind import detect

    return detect(path)


def _question_refusal() -> type[Exception]:
    from moderator_app.io.tables import TableError

    return TableError


def _runsheet_refusal() -> type[Exception]:
    from moderator_app.io.runsheet_import import RunSheetImportError

    return RunSheetImportError


READERS: list[FileReader] = [
    FileReader("show file", ".show", open_show, ShowFileError, show_seeds),
    FileReader("questions CSV", ".csv", import_questions, _question_refusal(), question_csv_seeds),
    FileReader("questions XLSX", ".xlsx", import_questions, _question_refusal(),
               question_xlsx_seeds),
    FileReader("questions preview", ".csv", preview_questions, CommandError, question_csv_seeds),
    FileReader("run sheet CSV", ".csv", import_runsheet, _runsheet_refusal(), runsheet_csv_seeds),
    FileReader("run sheet XLSX", ".xlsx", import_runsheet, _runsheet_refusal(),
               runsheet_xlsx_seeds),
    FileReader("drop detection CSV", ".csv", detect_kind, (), question_csv_seeds),
    FileReader("drop detection XLSX", ".xlsx", detect_kind, (), runsheet_xlsx_seeds),
]
