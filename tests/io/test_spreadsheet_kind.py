"""Telling a question list from a run sheet by its first rows, without ever raising."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator_app.io import spreadsheet_kind
from moderator_app.io.spreadsheet_kind import (
    PEEK_ROWS,
    QUESTIONS,
    RUNSHEET,
    detect,
    peek_tables,
)
from moderator_app.resources import resource
from tests.io.runsheet_fixtures import english_csv, french_xlsx, ontime_xlsx, semicolon_cp1252_csv

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"


@pytest.mark.parametrize(
    "name",
    ["zoom_qa_utf8bom.csv", "zoom_qa_utf16.csv", "zoom_qa_nul.csv", "zoom_registration.csv",
     "google_forms_en.xlsx", "google_forms_fr_cp1252.csv", "microsoft_forms.xlsx",
     "slido_export.csv", "generic.ods", "questions_unicode.txt"],
)  # fmt: skip
def test_question_exports_are_question_lists(name: str) -> None:
    assert detect(FIX / name).kind == QUESTIONS


@pytest.mark.parametrize("make", [french_xlsx, english_csv, ontime_xlsx, semicolon_cp1252_csv])
def test_run_sheets_are_run_sheets(make, tmp_path: Path) -> None:
    assert detect(make(tmp_path)).kind == RUNSHEET


def test_samples_and_the_stronger_match() -> None:
    assert detect(resource("sample_questions_zoom_fr.csv")).kind == QUESTIONS
    both = detect(resource("sample_runsheet_fr.xlsx"))
    # Its notes are long free text (a question importer would take them), but its
    # durations and start times read as times: a run sheet.
    assert both.kind == RUNSHEET and both.questions > 0 and both.runsheet > both.questions


def test_a_form_with_a_title_and_time_column_stays_a_question_list(tmp_path: Path) -> None:
    form = tmp_path / "form.csv"
    form.write_text(
        "Heure de début,Sujet,Votre question\n"
        + "".join(
            f"16:{i:02d},Thème {i},Comment la métropole finance-t-elle son action n°{i} ?\n"
            for i in range(10)
        ),
        encoding="utf-8",
    )
    assert detect(form).kind == QUESTIONS


@pytest.mark.parametrize(
    "name", ["bad_binary.csv", "bad_empty.csv", "bad_fake.xlsx", "bad_truncated.xlsx",
             "bad_no_questions.csv", "bad_header_only.csv", "make_fixtures.py"]
)  # fmt: skip
def test_bad_files_are_nothing(name: str) -> None:
    assert detect(FIX / name).kind is None


def test_missing_folder_and_unreadable_are_nothing(tmp_path: Path, monkeypatch) -> None:
    assert detect(tmp_path / "gone.csv").kind is None
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert detect(folder).kind is None

    def broken(_path):
        raise RuntimeError("calamine exploded")

    monkeypatch.setattr(spreadsheet_kind, "peek_tables", broken)
    (tmp_path / "x.csv").write_text("Question\nPourquoi ?\n")
    assert detect(tmp_path / "x.csv").kind is None


def test_only_the_first_rows_are_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.csv"
    row = "Comment la métropole coordonne-t-elle son action internationale ?,Ana,ana@x.org\n"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("Question,Asker Name,Asker Email\n")
        fh.write(row * 50_000)  # ~4 MB
        fh.write("\x00\x01 binary tail that a full read would choke on \xff")
    tables = peek_tables(big)
    assert len(tables) == 1 and len(tables[0].rows) <= PEEK_ROWS
    assert detect(big).kind == QUESTIONS


def test_a_utf16_prefix_cut_inside_a_character_still_decodes(tmp_path: Path) -> None:
    path = tmp_path / "utf16.csv"
    body = "Question,Asker Name\n" + "Quelle coopération décentralisée pour 2030 ?,Éloïse\n" * 3000
    path.write_bytes(body.encode("utf-16"))
    assert detect(path).kind == QUESTIONS


@pytest.mark.parametrize("name", ["lying dimension", "far cell", "shared strings bomb",
                                  "rows bomb", "zip bomb"])  # fmt: skip
def test_hostile_workbooks_come_back_with_their_problem(tmp_path: Path, name: str) -> None:
    from tests.io.hostile_files import HOSTILE_XLSX

    path = HOSTILE_XLSX[name](tmp_path)
    found = detect(path)
    assert found.kind is None
    assert found.problem.startswith(f"{path}: this file is too large or damaged to read (")


def test_a_device_behind_a_spreadsheet_name_is_refused_not_read(tmp_path: Path) -> None:
    zero = tmp_path / "questions.csv"
    zero.symlink_to("/dev/zero")  # reading it would never end
    assert detect(zero) == spreadsheet_kind.Detection(
        None, 0.0, 0.0, f"{zero}: is a device, not a spreadsheet file; choose a saved file"
    )
