from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderator_app.cli import main
from moderator_app.io.showfile import ShowFile
from tests.io.runsheet_fixtures import english_csv, french_xlsx


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, dict | None, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_preview(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, data, _ = run(capsys, "runsheet", "preview", french_xlsx(tmp_path), "--json")
    assert code == 0
    assert set(data) == {"segments", "warnings"}
    first = data["segments"][0]
    assert set(first) == {
        "title",
        "kind",
        "speaker",
        "organisation",
        "planned_start",
        "planned_duration_s",
        "notes",
    }
    assert first == {
        "title": "Bienvenue",
        "kind": "welcome",
        "speaker": "Mariana Flores Mayen",
        "organisation": "Metropolis",
        "planned_start": "16:00",
        "planned_duration_s": 300,
        "notes": "Rappeler l'enregistrement",
    }
    assert data["segments"][-1]["planned_start"] == "17:24"


def test_preview_without_times_gives_null(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "d.csv"
    path.write_text("Titre;Durée\nBienvenue;5\n")
    _, data, _ = run(capsys, "runsheet", "preview", path, "--json")
    assert data["segments"][0]["planned_start"] is None


def test_preview_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Titre,Durée\nA,-3\n")
    code, data, err = run(capsys, "runsheet", "preview", path, "--json")
    assert code == 2 and data is None
    assert err.count("\n") == 1 and "row 2 (A)" in err and "Traceback" not in err


def test_new_with_runsheet(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    show_path = tmp_path / "fr.show"
    code, data, _ = run(capsys, "new", show_path, "--runsheet", french_xlsx(tmp_path))
    assert code == 0 and data["segments"] == 8
    with ShowFile.open(show_path) as file:
        show = file.load_show()
    assert show.title.startswith("Conducteur")
    assert show.moderator == "Mariana Flores Mayen"  # from the default show's header
    assert show.planned_start.astimezone(show.tz).strftime("%H:%M") == "16:00"
    assert show.segments[5].kind.value == "qa"


def test_new_with_bad_runsheet_creates_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "empty.xlsx"
    bad.write_bytes(b"")
    code, _, err = run(capsys, "new", tmp_path / "x.show", "--runsheet", bad)
    assert code == 2 and "empty" in err
    assert not (tmp_path / "x.show").exists()


def test_import_and_export(tmp_path: Path, show_path: Path, capsys) -> None:
    code, data, _ = run(capsys, "runsheet", "import", show_path, english_csv(tmp_path))
    assert code == 0 and data["segments"] == 5
    with ShowFile.open(show_path) as file:
        assert file.actions()[-1].type == "runsheet.replace"
        before = file.load_show().to_dict()
    for out in ("out.xlsx", "out.csv"):
        code, data, _ = run(capsys, "runsheet", "export", show_path, tmp_path / out)
        assert code == 0 and data["segments"] == 5
        code, data, _ = run(capsys, "runsheet", "preview", tmp_path / out, "--json")
        assert [s["title"] for s in data["segments"]] == [s["title"] for s in before["segments"]]


def test_failed_import_leaves_show(tmp_path: Path, show_path: Path, capsys) -> None:
    with ShowFile.open(show_path) as file:
        before = file.load_show().to_dict()
    bad = tmp_path / "overlap.csv"
    bad.write_text("Heure,Durée,Titre\n16:00,10,A\n16:05,10,B\n")
    code, _, err = run(capsys, "runsheet", "import", show_path, bad)
    assert code == 2 and "row 3 (B)" in err
    with ShowFile.open(show_path) as file:
        assert file.load_show().to_dict() == before
        assert not any(a.type.startswith("runsheet.") for a in file.actions())


def test_export_language(tmp_path: Path, show_path: Path, capsys) -> None:
    """The seed show is French: French headers by default, English with --lang en; both
    import back to the same run sheet."""
    import openpyxl

    with ShowFile.open(show_path) as file:
        before = file.load_show()
    assert before.language.startswith("fr")
    sheets = {}
    for lang, extra in (("fr", ()), ("en", ("--lang", "en")), ("fr", ("--lang", "fr"))):
        out = tmp_path / f"{lang}{len(extra)}.xlsx"
        code, data, _ = run(capsys, "runsheet", "export", show_path, out, *extra)
        assert code == 0 and data["language"] == lang
        ws = openpyxl.load_workbook(out).active
        sheets[out.name] = (ws.title, ws["A4"].value, ws["D4"].value)
        code, data, _ = run(capsys, "runsheet", "import", show_path, out)
        assert code == 0 and data["warnings"] == []
        with ShowFile.open(show_path) as file:
            back = file.load_show()
        assert [s.to_dict() for s in back.segments] == [s.to_dict() for s in before.segments]
    assert sheets == {
        "fr0.xlsx": ("Conducteur", "Début", "Titre"),
        "en2.xlsx": ("Run sheet", "Start", "Title"),
        "fr2.xlsx": ("Conducteur", "Début", "Titre"),
    }


# -- importing into a show that already has a run sheet: what the file lacks is kept ----------
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_runsheet_fr.xlsx"


def _live_at_third_segment(show_path: Path, clock) -> None:
    """The default show running, the third segment on air (as in the issue's report)."""
    from moderator_app.core.actions import ActionType
    from moderator_app.io.session import ShowSession

    session = ShowSession.open(show_path, clock=clock)
    try:
        for action in (ActionType.START, ActionType.NEXT, ActionType.NEXT):
            session.perform(action)
        assert session.snapshot().current_index == 2
    finally:
        session.close()


def _sheet(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("live", [True, False], ids=["running", "not-started"])
def test_sample_sheet_keeps_region_and_speaker_zone(
    tmp_path: Path, show_path: Path, seed_show, clock, capsys, live: bool
) -> None:
    """Issue 10, item 6: the sample sheet has no Region or time zone column; importing it
    into the (running) default show must keep both on every segment, and the ids."""
    if live:
        _live_at_third_segment(show_path, clock)
    code, data, err = run(capsys, "runsheet", "import", show_path, SAMPLE)
    assert code == 0, err
    with ShowFile.open(show_path) as file:
        show = file.load_show()
    assert [s.id for s in show.segments] == [s.id for s in seed_show.segments]
    for got, seed in zip(show.segments, seed_show.segments, strict=True):
        assert (got.region, got.speaker_timezone, got.kind) == (
            seed.region, seed.speaker_timezone, seed.kind,
        )  # fmt: skip
    zones = {s.speaker_timezone for s in show.segments}
    assert {"Europe/Paris", "America/Toronto"} <= zones
    # the sample is the seed show as a producer writes it: nothing of the show changes
    assert data["changes"] == {
        "added": [], "removed": [], "moved": [], "changed": [], "show": {},
    }  # fmt: skip


def test_present_empty_column_clears_absent_column_keeps(
    tmp_path: Path, show_path: Path, seed_show, capsys
) -> None:
    """A Notes column with nothing in it is the producer clearing the notes; the missing
    Région and Fuseau columns keep what the show has."""
    rows = [[s.title, s.planned_duration_s // 60, ""] for s in seed_show.segments]
    sheet = _sheet(tmp_path / "sans_notes.csv", ["Titre", "Durée", "Notes"], rows)
    code, data, err = run(capsys, "runsheet", "import", show_path, sheet)
    assert code == 0, err
    with ShowFile.open(show_path) as file:
        show = file.load_show()
    assert all(s.notes == "" for s in show.segments)
    assert [s.region for s in show.segments] == [s.region for s in seed_show.segments]
    assert [s.speaker for s in show.segments] == [s.speaker for s in seed_show.segments]
    assert [s.speaker_timezone for s in show.segments] == [
        s.speaker_timezone for s in seed_show.segments
    ]
    changed = {c["id"]: c["fields"] for c in data["changes"]["changed"]}
    assert set(changed) == {s.id for s in seed_show.segments}  # every segment had notes
    assert changed["europe"] == {"notes": {"before": seed_show.segments[3].notes, "after": ""}}


def test_change_list_names_every_changed_field(
    tmp_path: Path, show_path: Path, seed_show, capsys
) -> None:
    header = ["Titre", "Durée", "Intervenant", "Région", "Fuseau horaire", "Alerte"]
    rows = [
        [s.title, s.planned_duration_s // 60, s.speaker, s.region, s.speaker_timezone, ""]
        for s in seed_show.segments
    ]
    rows[3][2] = "Ada Colau"  # the Europe speaker is confirmed...
    rows[3][4] = "Europe/Madrid"  # ...and speaks from Barcelona
    rows[4][3] = ""  # the producer clears a region
    rows[5][1] = 20  # a shorter Q&A
    rows[6][5] = 1  # a one-minute warning for the conclusions
    sheet = _sheet(tmp_path / "v2.csv", header, rows)
    before = show_path.read_bytes()
    code, data, err = run(capsys, "runsheet", "import", show_path, sheet, "--dry-run")
    assert code == 0, err
    assert data["seq"] is None and show_path.read_bytes() == before  # nothing written
    changed = {c["id"]: c for c in data["changes"]["changed"]}
    assert set(changed) == {"europe", "north-america", "qa", "conclusions"}
    assert changed["europe"]["title"] == "Représentant·e d'une ville d'Europe"
    assert changed["europe"]["fields"] == {
        "speaker": {"before": "À confirmer", "after": "Ada Colau"},
        "speaker_timezone": {"before": "Europe/Paris", "after": "Europe/Madrid"},
    }
    assert changed["north-america"]["fields"] == {
        "region": {"before": "Amérique du Nord", "after": ""}
    }
    assert changed["qa"]["fields"] == {"planned_duration_s": {"before": 1500, "after": 1200}}
    assert changed["conclusions"]["fields"] == {"warning_s": {"before": None, "after": 60}}
    assert data["changes"]["show"] == {}  # no end marker, same start: the end is kept
    code, applied, _ = run(capsys, "runsheet", "import", show_path, sheet)
    assert code == 0 and applied["changes"] == data["changes"] and applied["seq"] > 0
    with ShowFile.open(show_path) as file:
        show = file.load_show()
    assert show.segments[3].speaker == "Ada Colau" and show.segments[4].region == ""
    assert show.segments[3].notes == seed_show.segments[3].notes  # no Notes column: kept


def test_change_list_names_the_show_fields(tmp_path: Path, show_path: Path, capsys) -> None:
    """A sheet dated a week later moves the show; the old promised end goes with it."""
    sheet = tmp_path / "report.csv"
    sheet.write_text("Conducteur du 2027-03-04\n\nHeure;Durée;Titre\n16:30;90;Bienvenue\n")
    code, data, err = run(capsys, "runsheet", "import", show_path, sheet, "--dry-run")
    assert code == 0, err
    assert data["changes"]["show"] == {
        "planned_start": {
            "before": "2027-02-25T16:00:00+01:00", "after": "2027-03-04T16:30:00+01:00",
        },
        "planned_end": {"before": "2027-02-25T17:30:00+01:00", "after": None},
    }  # fmt: skip
    assert len(data["changes"]["removed"]) == 7
    assert data["changes"]["changed"] == [
        {"id": "welcome", "title": "Bienvenue",
         "fields": {"planned_duration_s": {"before": 300, "after": 5400}}},
    ]  # fmt: skip
