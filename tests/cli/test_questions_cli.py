"""questions preview / import / list from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderator_app.cli import main

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"


def run(capsys, *args: str) -> tuple[int, dict | None, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_preview_prints_exact_shape(capsys) -> None:
    code, out, _ = run(capsys, "questions", "preview", str(FIX / "zoom_qa_utf8bom.csv"), "--json")
    assert code == 0
    assert set(out) == {"profile", "source", "questions", "answered_in_source", "warnings"}
    assert out["answered_in_source"] == 2
    assert set(out["source"]) == {"sheet", "header_row", "encoding"}
    assert out["questions"][1] == {
        "text": "Quel budget faut-il pour une direction des relations internationales ?",
        "asker": None, "email": None, "organisation": None, "submitted_at": None,
        "votes": None, "answered": True}


def test_preview_overrides(capsys) -> None:
    path = str(FIX / "microsoft_forms.xlsx")
    _, out, _ = run(capsys, "questions", "preview", path, "--json", "--dayfirst")
    assert out["questions"][2]["submitted_at"].startswith("2021-02-07T")
    _, out, _ = run(capsys, "questions", "preview", path, "--json", "--monthfirst",
                    "--profile", "generic")
    assert out["profile"] == "generic"
    assert out["questions"][2]["submitted_at"].startswith("2021-07-02T")


def test_bad_file_one_line_exit_2(capsys) -> None:
    code, out, err = run(capsys, "questions", "preview", str(FIX / "bad_truncated.xlsx"),
                         "--json")
    assert code == 2 and out is None
    assert err.count("\n") == 1 and "bad_truncated.xlsx" in err


def test_import_then_list(capsys, show_path: Path) -> None:
    code, out, _ = run(capsys, "questions", "import", str(show_path),
                       str(FIX / "google_forms_fr_cp1252.csv"))
    assert code == 0 and (out["added"], out["present"], out["skipped"]) == (4, 0, 1)
    assert (out["answered_in_source"], out["answered_as"]) == (0, "answered")
    _, out, _ = run(capsys, "questions", "import", str(show_path),
                    str(FIX / "google_forms_fr_cp1252.csv"))
    assert (out["added"], out["present"]) == (0, 4)
    _, out, _ = run(capsys, "questions", "list", str(show_path), "--json")
    assert out["counts"]["new"] == 4 and len(out["questions"]) == 4
    assert out["questions"][0]["submitted_at"] == "2021-02-12T09:41:10+01:00"
    _, out, _ = run(capsys, "questions", "list", str(show_path), "--json", "--state", "answered")
    assert out["questions"] == []


def test_import_bad_file_leaves_show_untouched(capsys, show_path: Path) -> None:
    run(capsys, "questions", "import", str(show_path), str(FIX / "slido_export.csv"))
    code, _, err = run(capsys, "questions", "import", str(show_path), str(FIX / "bad_empty.csv"))
    assert code == 2 and "bad_empty.csv: the file is empty" in err
    _, out, _ = run(capsys, "questions", "list", str(show_path), "--json")
    assert len(out["questions"]) == 3


def test_import_takes_answered_in_source_as_answered(capsys, show_path: Path) -> None:
    zoom = str(FIX / "zoom_qa_utf8bom.csv")
    code, out, _ = run(capsys, "questions", "import", str(show_path), zoom)
    assert code == 0
    assert set(out) == {"file", "profile", "added", "present", "skipped", "answered_in_source",
                        "answered_as", "warnings"}
    assert (out["added"], out["answered_in_source"], out["answered_as"]) == (5, 2, "answered")
    _, listed, _ = run(capsys, "questions", "list", str(show_path), "--json")
    assert (listed["counts"]["answered"], listed["counts"]["new"]) == (2, 3)
    answered = [q for q in listed["questions"] if q["state"] == "answered"]
    assert all(q["answered_in_source"] and q["answered_at"] for q in answered)
    _, report, _ = run(capsys, "report", str(show_path), "--json")
    assert report["summary"]["questions_answered"] == 2  # journaled like any state change
    # The moderator takes one back; the same file again keeps that (and adds nothing).
    from moderator_app.io.question_store import QuestionBook
    from moderator_app.io.session import ShowSession

    session = ShowSession.open(show_path)
    try:
        QuestionBook(session).set_state(answered[0]["id"], "shortlisted")
    finally:
        session.close()
    _, out, _ = run(capsys, "questions", "import", str(show_path), zoom)
    assert (out["added"], out["present"], out["answered_in_source"]) == (0, 5, 0)
    _, listed, _ = run(capsys, "questions", "list", str(show_path), "--json")
    assert (listed["counts"]["answered"], listed["counts"]["shortlisted"]) == (1, 1)


def test_import_can_keep_answered_in_source_as_new(capsys, show_path: Path) -> None:
    code, out, _ = run(capsys, "questions", "import", str(show_path),
                       str(FIX / "zoom_qa_utf8bom.csv"), "--answered-as", "new")
    assert code == 0 and (out["answered_in_source"], out["answered_as"]) == (2, "new")
    _, listed, _ = run(capsys, "questions", "list", str(show_path), "--json")
    assert listed["counts"]["new"] == 5
    assert [q["answered_in_source"] for q in listed["questions"]][:2] == [True, True]
    with pytest.raises(SystemExit) as exit_:  # argparse refuses the value itself
        main(["questions", "import", str(show_path), str(FIX / "zoom_qa_utf8bom.csv"),
              "--answered-as", "dismissed"])
    assert exit_.value.code == 2 and "--answered-as" in capsys.readouterr().err
