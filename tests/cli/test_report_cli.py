from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from moderator_app.cli import main
from moderator_app.core.actions import ActionType as A
from moderator_app.io.session import ShowSession


@pytest.fixture
def played_path(show_path: Path, clock) -> Path:
    s = ShowSession.open(show_path, clock=clock)
    s.perform(A.START)
    clock.advance(400)
    s.perform(A.NEXT)
    clock.advance(30)
    s.perform(A.PAUSE)
    clock.advance(20)
    s.perform(A.RESUME)
    clock.advance(500)
    s.perform(A.FINISH)
    s.close()
    return show_path


def test_report_json_stdout_matches_xlsx(played_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["report", str(played_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["paused_s"] == 20
    assert data["segments"][0]["over_under_s"] == 100
    out = tmp_path / "r.xlsx"
    assert main(["report", str(played_path), str(out), "--run", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["written"] == str(out)
    ws = openpyxl.load_workbook(out)["Segments"]
    assert ws["M2"].value == data["segments"][0]["over_under_s"]
    assert ws["M3"].value == data["segments"][1]["over_under_s"]


def test_report_runs_and_errors(played_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["report", str(played_path), "--runs"]) == 0
    runs = json.loads(capsys.readouterr().out)["runs"]
    assert [(r["number"], r["state"]) for r in runs] == [(1, "finished")]
    assert main(["report", str(played_path), "--json", "--run", "3"]) == 2
    assert "no run 3" in capsys.readouterr().err
    assert main(["report", str(played_path), str(tmp_path / "nope" / "r.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Cannot write" in err
    assert main(["report", str(tmp_path / "missing.show"), "--json"]) == 2
    assert "no such show file" in capsys.readouterr().err
    assert main(["report", str(played_path)]) == 2
