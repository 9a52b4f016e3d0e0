"""The report operations every surface calls: read what a report is folded from, build a
run's report, list the runs, compare two runs, export in a language, name the export.

The console's Report page and ``moderator-app report`` both come here, so a report reads
the same journal and questions, and an export writes the same file, whichever asked.
Pure Python: the console runs ``export`` (and the plot's file write) through ui/ops.py.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from moderator_app.core.actions import Action
from moderator_app.core.questions import Question
from moderator_app.core.report import Report, build_report
from moderator_app.core.report_compare import Comparison, compare_runs
from moderator_app.core.report_runs import RunInfo, list_runs
from moderator_app.core.runsheet import Show
from moderator_app.io.export_labels import Labels, export_language
from moderator_app.io.question_store import load_questions
from moderator_app.io.report_export import (
    FORMATS,
    ReportExportError,
    atomic_write,
    export_report,
    report_dict,
)
from moderator_app.io.showfile import ShowFile, ShowFileError

__all__ = [
    "FORMATS", "Comparison", "Journal", "Report", "ReportExportError", "RunInfo",
    "build", "compare", "default_export_path", "export", "export_language", "note_lines",
    "read_journal", "read_show_file", "report_data", "runs", "runs_data", "write_bytes",
]  # fmt: skip


@dataclass(frozen=True)
class Journal:
    """What a report is folded from: the show, its whole journal, its questions now.

    ``questions`` is None when the questions table could not be read (``questions_error``
    says why): the report then lists the questions the journal names. The console shows
    that report; the command line refuses rather than write a file missing questions.
    """

    show: Show
    actions: list[Action]
    questions: list[Question] | None
    questions_error: str | None = None


def read_journal(file: ShowFile, show: Show | None = None) -> Journal:
    """Read an open show file (``show``: the one already loaded, else read from the file).

    ShowFileError, one line, if the show or its journal cannot be read.
    """
    try:
        show = file.load_show() if show is None else show
        actions = file.actions()
    except sqlite3.Error as exc:  # a damaged or locked database: say so, not a traceback
        raise ShowFileError("{0}: cannot read its journal ({1})", file.path, exc) from None
    try:
        questions: list[Question] | None = load_questions(file)
        problem = None
    except sqlite3.Error as exc:
        questions, problem = None, f"{file.path}: cannot read its questions ({exc})"
    return Journal(show, actions, questions, problem)


def read_show_file(path: str | os.PathLike) -> Journal:
    """Open the show file at ``path``, read it, close it (a command line's one look)."""
    if not Path(path).exists():
        raise ShowFileError("{0}: no such show file", path)
    try:
        with ShowFile.open(path) as file:
            return read_journal(file)
    except sqlite3.Error as exc:
        raise ShowFileError("{0}: cannot read it ({1})", path, exc) from None


def build(journal: Journal, run: int | None = None) -> Report:
    """The report of ``run`` (1-based; None: the latest). ValueError if there is no such run."""
    return build_report(journal.show, journal.actions, run, questions=journal.questions)


def runs(journal: Journal) -> list[RunInfo]:
    """Every run of the show and how it ended (what a run picker lists)."""
    return list_runs(journal.show, journal.actions)


def runs_data(journal: Journal) -> list[dict]:
    """The runs as JSON-ready data, as the report's ``runs`` lists them."""
    return report_dict(build_report(journal.show, journal.actions))["runs"]


def compare(journal: Journal, run_a: int, run_b: int) -> Comparison:
    """Runs ``run_a`` and ``run_b`` segment by segment. ValueError if either is missing."""
    return compare_runs(journal.show, journal.actions, run_a, run_b)


def report_data(report: Report) -> dict:
    """The report as JSON-ready data (English keys): ``report --json`` and the .json export."""
    return report_dict(report)


def export(report: Report, path: str | os.PathLike, language: str | None = None) -> Path:
    """Write ``report`` as xlsx, csv or json (from the suffix) in ``language`` (a language
    tag: fr for any French one, else en; JSON is English). Nothing partial is left at the
    target; ReportExportError, one line naming the file, when it cannot be written."""
    return export_report(report, path, language=export_language(language))


# The words of a suggested file name, by language: (run, report).
FILE_NAME_WORDS = {"en": ("run", "report"), "fr": ("passage", "rapport")}


def default_export_path(
    show_path: str | os.PathLike, report: Report | None, suffix: str, language: str | None = None
) -> Path:
    """Beside the show: ``<show>-run<N>-report.<suffix>`` (without a report, no run), in
    ``language`` (``<show>-passage<N>-rapport`` in French; English by default)."""
    run, name = FILE_NAME_WORDS[export_language(language)]
    show_path = Path(show_path)
    stem = show_path.stem + (f"-{run}{report.summary.run}" if report is not None else "")
    return show_path.with_name(f"{stem}-{name}.{suffix}")


def note_lines(report: Report, language: str | None) -> list[str]:
    """The report's notes in ``language``: the same French as the exports'."""
    labels = Labels(language)
    return [labels.note(note) for note in report.summary.notes]


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write a rendered file (a plot's PNG) the way the exports are written: in one step,
    with the umask's mode, no part file left behind. ReportExportError if it cannot be."""
    atomic_write(path, lambda handle: handle.write(data))
    return Path(path)
