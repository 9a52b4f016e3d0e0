"""The exported report marks start corrections and gives each answer against its timer."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import openpyxl

from moderator_app.core.actions import STARTED_AT
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.report import build_report
from moderator_app.core.runsheet import Show
from moderator_app.io.report_export import export_report
from tests.core.test_report import A, Journal


def timed_report(small_show: Show, clock: FakeClock):
    start = clock.now()
    j = Journal(small_show, clock)
    j.wait(120)
    j.do(A.START)  # two minutes late by the key
    j.wait(10)
    j.do(STARTED_AT, scope="show", to_us=to_us(start))
    j.raw("question.state", id="q1", to="on_air", text="Why?", answer_s=120,
          **{"from": "shortlisted"})  # fmt: skip
    j.wait(150)
    j.raw("question.state", id="q1", to="answered", text="Why?", **{"from": "on_air"})
    j.do(A.FINISH)
    assert clock.now() - start == timedelta(seconds=280)
    return build_report(small_show, j.actions)


def test_json(small_show: Show, clock: FakeClock, tmp_path: Path) -> None:
    report = timed_report(small_show, clock)
    data = json.loads(export_report(report, tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["summary"]["start_delay_s"] == 0
    assert data["segments"][0]["corrected"] is True
    assert data["segments"][0]["running_s"] == 280
    assert data["segments"][1]["corrected"] is False
    q = data["questions"][0]
    assert (q["duration_s"], q["answer_limit_s"], q["answer_over_s"]) == (150, 120, 30)
    assert any("corrected after the fact" in n for n in data["summary"]["notes"])


def test_csv_fr_and_xlsx(small_show: Show, clock: FakeClock, tmp_path: Path) -> None:
    report = timed_report(small_show, clock)
    text = export_report(report, tmp_path / "r.csv", language="fr").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    header = next(r for r in rows if "Début corrigé" in r)
    first = rows[rows.index(header) + 1]
    assert first[header.index("Début corrigé")] == "oui"
    qheader = next(r for r in rows if "Minuteur de réponse (s)" in r)
    q = rows[rows.index(qheader) + 1]
    assert q[qheader.index("Dépassement du minuteur (s)")] == "30.0"
    assert any("corrigées après coup" in cell for r in rows for cell in r)
    wb = openpyxl.load_workbook(export_report(report, tmp_path / "r.xlsx"))
    segs = wb["Segments"]
    names = [c.value for c in segs[1]]
    assert segs.cell(2, names.index("Start corrected") + 1).value == "yes"
    questions = wb["Questions"]
    qnames = [c.value for c in questions[1]]
    limit = questions.cell(2, qnames.index("Answer timer") + 1).value
    assert round(limit.total_seconds() if hasattr(limit, "total_seconds") else limit * 86400) == 120
