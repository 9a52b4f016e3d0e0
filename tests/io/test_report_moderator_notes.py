"""Notes to the moderator in the report: each note with its time, sender, text and read
time, in JSON, CSV and XLSX, in English and French, never a formula; actions that came
over the network are marked with the role of the token they came with."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from moderator_app.core.actions import NOTE_READ, NOTE_SENT
from moderator_app.core.clock import FakeClock
from moderator_app.core.report import build_report
from moderator_app.core.runsheet import Show
from moderator_app.io.report_export import export_report, report_dict
from tests.core.test_report import A, Journal

EVIL = '=HYPERLINK("http://x","click")'


def noted(show: Show, clock: FakeClock):
    j = Journal(show, clock)
    j.wait(60)
    j.do(A.START)
    j.wait(30)
    first = j.raw(NOTE_SENT, text="Speaker 3 is late", sender="Marie", origin="network",
                  role="producer")  # fmt: skip
    j.wait(12)
    j.raw(NOTE_READ, note=first.seq)
    j.wait(5)
    j.raw(NOTE_SENT, text=EVIL, sender="@régie", origin="network", role="control")
    j.wait(3)
    nxt = j.do(A.NEXT)  # as the server journals it: the engine's payload and its origin
    j.actions[-1] = replace(nxt, payload={**nxt.payload, "origin": "network", "role": "control"})
    j.wait(100)
    j.do(A.FINISH)
    return j


@pytest.fixture
def journal(small_show: Show, clock: FakeClock) -> Journal:
    return noted(small_show, clock)


def test_the_report_lists_each_note_with_its_read_time(journal: Journal, small_show) -> None:
    rep = build_report(small_show, journal.actions)
    assert rep.summary.moderator_notes == 2
    first, second = rep.notes
    assert (first.sender, first.text, first.origin, first.role) == (
        "Marie", "Speaker 3 is late", "network", "producer")  # fmt: skip
    assert (first.read_at - first.at).total_seconds() == 12
    assert second.text == EVIL and second.read_at is None  # unread is unknown, not guessed
    nxt = next(e for e in rep.events if e.type == A.NEXT)
    assert (nxt.origin, nxt.role) == ("network", "control")
    start = next(e for e in rep.events if e.type == A.START)
    assert (start.origin, start.role) == ("", "")  # the console's own


def test_a_note_read_in_the_next_run_has_its_read_time(journal: Journal, small_show) -> None:
    unread = [a for a in journal.actions if a.type == NOTE_SENT][1]
    journal.wait(600)
    journal.do(A.NEW_RUN, label="live")
    journal.raw(NOTE_READ, note=unread.seq)
    rep = build_report(small_show, journal.actions, run=1)
    assert rep.notes[1].read_at is not None
    assert build_report(small_show, journal.actions, run=2).notes == []  # sent in run 1


def test_json_lists_the_notes_and_the_network_origin(journal: Journal, small_show) -> None:
    data = report_dict(build_report(small_show, journal.actions))
    json.dumps(data)
    notes = data["moderator_notes"]
    assert [n["sender"] for n in notes] == ["Marie", "@régie"]
    assert datetime.fromisoformat(notes[0]["read_at"]) > datetime.fromisoformat(notes[0]["at"])
    assert notes[1]["read_at"] is None and notes[1]["role"] == "control"
    assert data["summary"]["moderator_notes"] == 2
    nxt = next(e for e in data["events"] if e["type"] == "next")
    assert (nxt["origin"], nxt["role"]) == ("network", "control")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_csv_has_a_notes_section_never_a_formula(
    journal: Journal, small_show, tmp_path: Path, language: str
) -> None:
    rep = build_report(small_show, journal.actions)
    path = export_report(rep, tmp_path / "r.csv", language=language)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(keepends=True)))
    title = {"en": "# Notes to the moderator", "fr": "# Notes au modérateur"}[language]
    at = rows.index([title])
    header, *notes = rows[at + 1 : at + 4]
    expected = {
        "en": ["at", "seq", "sender", "note", "read_at", "origin", "role"],
        "fr": ["Heure", "#", "Expéditeur", "Note", "Lue à", "Provenance", "Rôle"],
    }
    assert header == expected[language]  # fmt: skip
    assert notes[0][2:4] == ["Marie", "Speaker 3 is late"]
    assert notes[1][2:4] == ["'@régie", "'" + EVIL]  # formula-safe
    assert notes[0][4] and not notes[1][4]
    words = {"en": ["network", "producer"], "fr": ["réseau", "production"]}[language]
    assert notes[0][5:7] == words
    events = rows[rows.index([{"en": "# Events", "fr": "# Journal"}[language]]) + 1 :]
    nxt = next(r for r in events if len(r) > 2 and r[2] in ("next", "suivante"))
    assert nxt[-2:] == {"en": ["network", "control"], "fr": ["réseau", "pilotage"]}[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_xlsx_has_a_notes_sheet_of_string_cells(
    journal: Journal, small_show, tmp_path: Path, language: str
) -> None:
    rep = build_report(small_show, journal.actions)
    wb = openpyxl.load_workbook(export_report(rep, tmp_path / "r.xlsx", language=language))
    sheet = wb[{"en": "Notes to the moderator", "fr": "Notes au modérateur"}[language]]
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    assert (
        header
        == {
            "en": ["Time", "#", "Sender", "Note", "Read at", "From"],
            "fr": ["Heure", "#", "Expéditeur", "Note", "Lue à", "Provenance"],
        }[language]
    )
    first, second = ([c.value for c in r] for r in rows[1:3])
    assert first[2:4] == ["Marie", "Speaker 3 is late"]
    assert isinstance(first[0], datetime) and isinstance(first[4], datetime)
    assert first[5] == {"en": "network · producer", "fr": "réseau · production"}[language]
    assert second[3] == EVIL and rows[2][3].data_type == "s"  # text, never a formula
    assert second[4] is None
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    events = wb[{"en": "Events", "fr": "Journal"}[language]]
    sources = [r[-1] for r in events.iter_rows(min_row=2, values_only=True)]
    assert {"en": "network · control", "fr": "réseau · pilotage"}[language] in sources
    summary = {r[0]: r[1] for r in wb.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert summary[{"en": "Notes to the moderator", "fr": "Notes au modérateur"}[language]] == 2
