from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from moderator_app.cli import main
from moderator_app.core.actions import ActionType as A
from moderator_app.io.session import ShowSession
from tests.conftest import REPO
from tests.io.test_report_export import fill, small_filesystem


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
    assert main(["report", str(played_path), str(out), "--run", "1", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["written"] == str(out)
    ws = openpyxl.load_workbook(out)["Segments"]
    assert ws["M2"].value == data["segments"][0]["over_under_s"]
    assert ws["M3"].value == data["segments"][1]["over_under_s"]


def test_report_language_follows_the_show_unless_asked(
    played_path: Path, tmp_path: Path, capsys
) -> None:
    """The seed show is French: its exports are French unless --lang en; JSON stays English."""
    fr, en, csv_en = tmp_path / "fr.xlsx", tmp_path / "en.xlsx", tmp_path / "en.csv"
    assert main(["report", str(played_path), str(fr)]) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "fr"
    assert main(["report", str(played_path), str(en), "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "en"
    assert openpyxl.load_workbook(fr).sheetnames[:2] == ["Synthèse", "Séquences"]
    assert openpyxl.load_workbook(en).sheetnames[:2] == ["Summary", "Segments"]
    a = openpyxl.load_workbook(fr)["Séquences"]
    b = openpyxl.load_workbook(en)["Segments"]
    assert a["D2"].value == "terminée" and b["D2"].value == "done"
    assert [c.value for c in a["M"]][1:] == [c.value for c in b["M"]][1:]
    assert main(["report", str(played_path), str(csv_en), "--lang", "en"]) == 0
    capsys.readouterr()
    assert csv_en.read_bytes().startswith(b"\xef\xbb\xbf# Summary\r\nitem,value\r\n")
    assert main(["report", str(played_path), "--json", "--lang", "fr"]) == 0
    assert "summary" in json.loads(capsys.readouterr().out)  # JSON keys stay English
    with pytest.raises(SystemExit):
        main(["report", str(played_path), str(fr), "--lang", "de"])
    assert "invalid choice" in capsys.readouterr().err


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


def test_report_counts_the_questions_really_in_the_show(show_path: Path, clock, capsys) -> None:
    """Import the sample (25), take two live; one more typed in by hand makes 26."""
    from moderator_app.core.questions import Question
    from moderator_app.io.question_store import QuestionBook
    from moderator_app.resources import resource

    # A rehearsal before any question was imported: its report keeps its own figure.
    s = ShowSession.open(show_path, clock=clock)
    s.perform(A.START)
    clock.advance(60)
    s.perform(A.FINISH)
    s.perform(A.NEW_RUN, {"label": "Live"})
    s.close()
    sample = str(resource("sample_questions_zoom_fr.csv"))
    # Kept new: this counts the answers given live (four are answered in the Zoom report).
    assert main(["questions", "import", str(show_path), sample, "--answered-as", "new"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 25

    s = ShowSession.open(show_path, clock=clock)
    s.perform(A.START)
    book = QuestionBook(s)
    for q in book.queue.ordered()[:2]:
        book.set_state(q.id, "shortlisted")
    for _ in range(2):
        clock.advance(30)
        book.take_next()
    clock.advance(30)
    book.answered()
    s.close()

    def summary(*extra: str) -> dict:
        assert main(["report", str(show_path), "--json", *extra]) == 0
        return json.loads(capsys.readouterr().out)["summary"]

    live = summary()
    assert (live["questions_total"], live["questions_answered"]) == (25, 2)
    assert summary("--run", "2")["questions_total"] == 25
    assert summary("--run", "1")["questions_total"] == 0  # nothing imported before it

    s = ShowSession.open(show_path, clock=clock)
    book = QuestionBook(s)
    book.add(Question.new("Une question posée à l'oral ?", submitted_at=clock.now()))
    s.close()
    assert summary()["questions_total"] == 26  # the journal's imports alone would say 25


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    with small_filesystem(tmp_path / "small") as mnt:
        yield mnt


@pytest.mark.slow
@pytest.mark.parametrize("name", ["r.xlsx", "r.csv", "r.json"])
def test_full_disk_is_one_line_on_stderr(played_path: Path, small_fs: Path, name: str) -> None:
    """The real command on a real full file system: its one-line error and nothing else
    (no "Exception ignored ... seek of closed file" from objects left half-written)."""
    fill(small_fs, 2048)
    done = subprocess.run(
        [sys.executable, "-m", "moderator_app", "report", str(played_path), str(small_fs / name)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"moderator-app: error: Cannot write {small_fs / name}: no space")
    assert sorted(p.name for p in small_fs.iterdir()) == ["filler"]


def test_report_lists_every_question_of_the_show(show_path: Path, tmp_path: Path, capsys) -> None:
    """Issue 10, 3: 25 questions imported and none taken made an empty Questions sheet
    under a summary saying 25. Every question is listed, in every format and language."""
    import csv

    from moderator_app.io.question_store import QuestionBook
    from moderator_app.resources import resource

    # none taken on air, and the Zoom report's answered ones kept new: all 25 not reached
    assert main(["questions", "import", str(show_path),
                 str(resource("sample_questions_zoom_fr.csv")), "--answered-as", "new"]) == 0  # fmt: skip
    capsys.readouterr()
    s = ShowSession.open(show_path)
    book = QuestionBook(s)
    first = book.queue.ordered()[0]
    book.edit(first.id, asker="=HYPERLINK(\"http://x\")", organisation="+33 1 23")
    s.close()

    assert main(["report", str(show_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["questions_total"] == 25 == len(data["questions"])
    assert data["summary"]["questions_not_reached"] == 25
    q = data["questions"][0]
    assert set(q) >= {"state", "text", "asker", "organisation", "votes", "asked_at", "source",
                      "on_air_at", "answered_at", "duration_s", "segment", "speaker"}  # fmt: skip
    assert (q["state"], q["source"], q["on_air_at"]) == ("not_reached", "zoom_qa", None)

    xlsx, fr_csv = tmp_path / "r.xlsx", tmp_path / "r.csv"
    assert main(["report", str(show_path), str(xlsx), "--lang", "en"]) == 0
    assert main(["report", str(show_path), str(fr_csv), "--lang", "fr"]) == 0
    capsys.readouterr()
    ws = openpyxl.load_workbook(xlsx)["Questions"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 25 and {r[0] for r in rows} == {"not reached"}
    assert rows[0][2] == '=HYPERLINK("http://x")' and ws["C2"].data_type == "s"
    assert rows[0][3] == "+33 1 23"
    assert [r[1] for r in rows] == [x["text"] for x in data["questions"]]
    lines = list(csv.reader(fr_csv.read_text(encoding="utf-8-sig").splitlines()))
    start = lines.index(["# Questions"])
    header = lines[start + 1]
    assert header[:4] == ["État", "Question", "Auteur", "Organisation"]
    body = lines[start + 2 : lines.index([], start)]
    assert len(body) == 25 and {r[0] for r in body} == {"non atteinte"}
    assert body[0][2] == "'=HYPERLINK(\"http://x\")" and body[0][3] == "'+33 1 23"
