"""Run sheet import and live edits.

Import: a 2,000-row producer xlsx through ``read_runsheet`` (calamine via io/tables.py, header
detection, cell parsing), against a baseline that only loads the same cells with
openpyxl (what a naive importer would start from). Edit: committing one live duration
edit (run sheet rewrite + journal in one transaction) against a bare journal append.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import time as clock_time
from pathlib import Path

import openpyxl

from moderator_app.core.actions import Action, ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.runsheet_edit import set_field
from moderator_app.io.runsheet_import import read_runsheet
from moderator_app.io.runsheet_store import commit_edit
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.resources import default_show

FIGURES = (
    "import_2000_rows_xlsx_ms", "baseline_openpyxl_load_2000_rows_ms",
    "live_edit_commit_ms", "baseline_journal_append_ms",
)  # fmt: skip


def _sheet(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Conducteur de test"])
    ws.append([])
    ws.append(["Heure", "Durée", "Séquence", "Intervenant", "Ville", "Notes"])
    for i in range(rows):
        ws.append([None, clock_time(0, i % 9 + 1), f"Séquence {i}", "Ana", "Lyon", "note " * 5])
        ws.cell(ws.max_row, 2).number_format = "[h]:mm"
    ws["A4"] = clock_time(8, 0)
    wb.save(path)
    return path


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def run(quick: bool = False) -> dict[str, float]:
    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sheet = _sheet(folder / "big.xlsx", 2000)
        read_runsheet(sheet)  # warm imports
        imported = _median_ms(lambda: read_runsheet(sheet), repeats)
        baseline = _median_ms(
            lambda: list(openpyxl.load_workbook(sheet, read_only=True).active.values), repeats
        )
        path = folder / "bench.show"
        ShowFile.create(path, default_show()).close()
        session = ShowSession.open(path, clock=FakeClock())
        session.perform(ActionType.START)
        n = [0]

        def edit() -> None:
            n[0] += 1
            commit_edit(session, set_field(session.show, 3, "planned_duration_s", 600 + n[0]))

        def append() -> None:
            session.file.append(Action("bench.noop", session.now_us(), {}))

        edit_ms = _median_ms(edit, repeats * 5)
        append_ms = _median_ms(append, repeats * 5)
        session.close()
    return {
        "import_2000_rows_xlsx_ms": imported,
        "baseline_openpyxl_load_2000_rows_ms": baseline,
        "live_edit_commit_ms": edit_ms,
        "baseline_journal_append_ms": append_ms,
    }
