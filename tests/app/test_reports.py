"""The report operations of app/reports.py, as the console and the command line call them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from moderator_app.app import reports
from moderator_app.app.errors import ReportExportError, ShowFileError
from moderator_app.cli import main
from moderator_app.core.actions import ActionType as A
from moderator_app.io.question_import import extract, load_source
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.resources import resource


@pytest.fixture
def two_runs(show_path: Path, clock) -> Path:
    """A rehearsal (finished, one question answered of the 25 imported) and a live run
    that stopped after its first segment."""
    s = ShowSession.open(show_path, clock=clock)
    book = QuestionBook(s)
    book.import_result(extract(load_source(resource("sample_questions_zoom_fr.csv")), tz=s.show.tz), "new")
    s.perform(A.START)
    clock.advance(400)
    s.perform(A.NEXT)
    book.set_state(book.queue.ordered()[0].id, "shortlisted")
    clock.advance(30)
    book.take_next()
    clock.advance(60)
    book.answered()
    s.perform(A.FINISH)
    clock.advance(3600)
    s.perform(A.NEW_RUN, {"label": "Live"})
    s.perform(A.START)
    clock.advance(700)
    s.perform(A.NEXT)
    s.close()
    return show_path


def test_build_reads_journal_and_questions(two_runs: Path) -> None:
    journal = reports.read_show_file(two_runs)
    assert journal.questions is not None and len(journal.questions) == 25
    assert journal.questions_error is None
    first = reports.build(journal, 1)
    assert first.summary.state == "finished"
    assert (first.summary.questions_answered, first.summary.questions_total) == (1, 25)
    assert first.segments[0].actual_duration_s == 400
    latest = reports.build(journal)  # None: the latest run
    assert (latest.summary.run, latest.summary.label) == (2, "Live")
    assert latest.segments[0].actual_duration_s == 700
    with pytest.raises(ValueError, match="no run 3"):
        reports.build(journal, 3)


def test_runs_and_compare(two_runs: Path) -> None:
    journal = reports.read_show_file(two_runs)
    infos = reports.runs(journal)
    assert [(r.number, r.label, r.state) for r in infos] == [
        (1, "", "finished"),
        (2, "Live", "in_progress"),
    ]
    data = reports.runs_data(journal)
    assert [(r["number"], r["state"]) for r in data] == [(1, "finished"), (2, "in_progress")]
    json.dumps(data)  # JSON-ready
    cmp = reports.compare(journal, 1, 2)
    first = cmp.rows[0]
    assert (first.a_duration_s, first.b_duration_s, first.duration_diff_s) == (400, 700, 300)
    with pytest.raises(ValueError):
        reports.compare(journal, 1, 5)


@pytest.mark.parametrize(
    ("language", "sheet", "state"),
    [("en", "Summary", "done"), ("fr", "Synthèse", "terminée"), ("fr-CA", "Synthèse", "terminée"),
     (None, "Summary", "done")],
)  # fmt: skip
def test_export_speaks_the_language_asked(
    two_runs: Path, tmp_path: Path, language: str | None, sheet: str, state: str
) -> None:
    report = reports.build(reports.read_show_file(two_runs), 1)
    target = reports.export(report, tmp_path / "r.xlsx", language)
    assert target == tmp_path / "r.xlsx"
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[0] == sheet
    assert wb.worksheets[1]["D2"].value == state
    data = json.loads(reports.export(report, tmp_path / "r.json", language).read_text("utf-8"))
    assert data == reports.report_data(report)  # JSON is English whatever the language
    csv = reports.export(report, tmp_path / "r.csv", language).read_bytes()
    assert csv.startswith(("\ufeff# " + ("Synthèse" if sheet == "Synthèse" else "Summary")).encode())


def test_export_refusals_are_one_line(two_runs: Path, tmp_path: Path) -> None:
    report = reports.build(reports.read_show_file(two_runs))
    with pytest.raises(ReportExportError, match=r"^Cannot write .*nope.*r\.csv"):
        reports.export(report, tmp_path / "nope" / "r.csv", "en")
    with pytest.raises(ReportExportError, match=r"use a name ending in \.xlsx, \.csv or \.json"):
        reports.export(report, tmp_path / "r.txt", "en")
    with pytest.raises(ReportExportError, match=r"^Cannot write .*nope.*p\.png"):
        reports.write_bytes(tmp_path / "nope" / "p.png", b"\x89PNG")
    assert not (tmp_path / "nope").exists()
    assert reports.write_bytes(tmp_path / "p.png", b"\x89PNG").read_bytes() == b"\x89PNG"


def test_default_export_path(two_runs: Path) -> None:
    report = reports.build(reports.read_show_file(two_runs), 1)
    assert reports.default_export_path(two_runs, report, "xlsx") == two_runs.with_name(
        "seed-run1-report.xlsx"
    )
    assert reports.default_export_path(two_runs, None, "png") == two_runs.with_name(
        "seed-report.png"
    )


def test_default_export_path_in_french(two_runs: Path) -> None:
    report = reports.build(reports.read_show_file(two_runs), 1)
    assert reports.default_export_path(two_runs, report, "xlsx", "fr") == two_runs.with_name(
        "seed-passage1-rapport.xlsx"
    )
    assert reports.default_export_path(two_runs, None, "png", "fr-CA") == two_runs.with_name(
        "seed-rapport.png"
    )


def test_note_lines_in_both_languages(two_runs: Path) -> None:
    report = reports.build(reports.read_show_file(two_runs))  # in progress: a note says so
    en, fr = reports.note_lines(report, "en"), reports.note_lines(report, "fr")
    assert len(en) == len(fr) == len(report.summary.notes) >= 1
    assert en != fr


def test_missing_or_damaged_show_file(two_runs: Path, tmp_path: Path, capsys) -> None:
    with pytest.raises(ShowFileError, match="no such show file"):
        reports.read_show_file(tmp_path / "absent.show")
    # A real damaged file: its questions table is gone.
    db = sqlite3.connect(two_runs)
    db.execute("DROP TABLE questions")
    db.commit()
    db.close()
    journal = reports.read_show_file(two_runs)
    assert journal.questions is None and "cannot read its questions" in journal.questions_error
    # The console still shows the questions the journal names...
    report = reports.build(journal, 1)
    assert [q.final_state for q in report.questions] == ["answered"]
    # ...the command line refuses to write a file that would look complete.
    assert main(["report", str(two_runs), "--json"]) == 2
    assert "cannot read its questions" in capsys.readouterr().err
