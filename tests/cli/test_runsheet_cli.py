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
