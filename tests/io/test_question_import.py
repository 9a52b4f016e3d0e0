"""Importers on fixtures written in the real layouts of each source, plus bad input."""

from __future__ import annotations

import codecs
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from moderator_app.io.dates import infer_dayfirst, parse_column
from moderator_app.io.question_import import extract, load_source, preview_dict, preview_file
from moderator_app.io.tables import TableError, decode, read_tables, sniff_delimiter

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"
PARIS = ZoneInfo("Europe/Paris")
TRICKY = 'Le coût < bénéfice ? Et si "=SUM(A1)" ; vraiment…\r\nDeuxième ligne : à préciser'


def preview(name: str, **kw) -> dict:
    return preview_dict(preview_file(FIX / name, tz=PARIS, **kw))


@pytest.mark.parametrize("name, encoding", [
    ("zoom_qa_utf8bom.csv", "utf-8-sig"),
    ("zoom_qa_utf16.csv", "utf-16"),
    ("zoom_qa_nul.csv", "utf-8"),
])
def test_zoom_qa_report_in_every_encoding(name: str, encoding: str) -> None:
    out = preview(name)
    assert out["profile"] == "zoom_qa"
    assert out["source"] == {"sheet": None, "header_row": 6, "encoding": encoding}
    qs = out["questions"]
    assert len(qs) == 5
    assert qs[0]["asker"] == "Amina Benali" and qs[0]["answered"] is True
    # Anonymous stays anonymous: no name, no email.
    assert qs[1]["asker"] is None and qs[1]["email"] is None and qs[1]["answered"] is True
    assert qs[2]["text"] == TRICKY  # kept byte for byte: <, =, ;, quotes, line break
    assert qs[3]["answered"] is False
    assert set(qs[0]) == {"text", "asker", "email", "organisation", "submitted_at", "votes",
                          "answered"}


def test_zoom_registration_custom_question_column() -> None:
    out = preview("zoom_registration.csv")
    assert out["profile"] == "zoom_registration"
    assert out["source"]["header_row"] == 12
    qs = out["questions"]
    assert [q["asker"] for q in qs] == ["Fatima Zahra", "Lucía Gómez", "Tom Baker"]
    assert qs[0]["organisation"] == "Ville de Rabat"
    assert qs[0]["submitted_at"] == "2021-02-10T09:12:00+01:00"
    assert "sin fondos europeos" in qs[1]["text"]
    assert any("without question text" in w for w in out["warnings"])


def test_google_forms_french_semicolon_cp1252_day_first() -> None:
    out = preview("google_forms_fr_cp1252.csv")
    assert out["profile"] == "google_forms"
    assert out["source"]["encoding"] == "cp1252"
    qs = out["questions"]
    assert len(qs) == 4
    assert qs[0]["submitted_at"] == "2021-02-12T09:41:10+01:00"  # 12 Feb, not 2 Dec
    assert qs[1]["text"] == "Faut-il un élu dédié ; ou une direction ?"
    assert qs[1]["asker"] is None  # "Anonyme"
    assert qs[2]["asker"] == "Hédi Aït" and "\n" in qs[2]["text"]
    assert qs[3]["text"] == "Les indicateurs < 5 ans sont-ils pertinents ? = à discuter"


def test_google_forms_english_xlsx_month_first() -> None:
    out = preview("google_forms_en.xlsx")
    assert out["profile"] == "google_forms"
    assert out["source"]["sheet"] == "Form Responses 1"
    assert out["questions"][2]["submitted_at"] == "2021-02-12T18:30:00+01:00"
    assert out["questions"][0]["organisation"] == "Stadt Wien"


def test_microsoft_forms_real_date_cells_and_anonymous() -> None:
    out = preview("microsoft_forms.xlsx")
    assert out["profile"] == "microsoft_forms"
    first = out["questions"][0]
    assert first["email"] is None and first["asker"] is None
    assert first["submitted_at"] == "2021-02-20T11:00:22+01:00"  # completion time
    assert out["questions"][1]["organisation"] == "Accra"


def test_slido_votes_and_flags() -> None:
    out = preview("slido_export.csv")
    assert out["profile"] == "slido"
    assert [q["votes"] for q in out["questions"]] == [14, 9, 3]
    assert [q["answered"] for q in out["questions"]] == [True, False, False]
    assert out["warnings"] == []


@pytest.mark.parametrize("name", ["questions_unicode.txt", "generic.ods"])
def test_generic_finds_question_column_by_content(name: str) -> None:
    out = preview(name)
    assert out["profile"] == "generic"
    assert out["source"]["header_row"] == 3  # below a title line and a blank line
    assert all(len(q["text"]) > 30 for q in out["questions"])
    assert out["questions"][0]["asker"] in ("Nadia Chraibi", "Youssef El Idrissi")


def test_profile_override_and_dayfirst_override() -> None:
    out = preview("slido_export.csv", profile="generic")
    assert out["profile"] == "generic" and len(out["questions"]) == 3
    forced = preview("microsoft_forms.xlsx", dayfirst=True)
    assert forced["questions"][2]["submitted_at"].startswith("2021-02-07")


@pytest.mark.parametrize("name, message", [
    ("bad_empty.csv", "the file is empty"),
    ("bad_header_only.csv", "has a header but no rows"),
    ("bad_fake.xlsx", "not a real .xlsx workbook"),
    ("bad_truncated.xlsx", "truncated"),
    ("bad_no_questions.csv", "no column looks like questions"),
    ("bad_binary.csv", "encoding"),
    ("missing.csv", "no such file"),
])
def test_bad_input_gives_one_line_naming_the_file(name: str, message: str) -> None:
    with pytest.raises(TableError) as err:
        preview_file(FIX / name, tz=PARIS)
    text = str(err.value)
    assert name in text and message in text and "\n" not in text


def test_encodings_detected() -> None:
    text = "Question;Nom\nÉtat ?;Zoé\n"
    for data, name in [
        (text.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
        (text.encode("utf-16"), "utf-16"),
        (text.encode("utf-16-le"), "utf-16-le"),
        (text.encode("utf-16-be"), "utf-16-be"),
        (text.encode("cp1252"), "cp1252"),
    ]:
        decoded, enc, _ = decode(data)
        assert (decoded, enc) == (text, name)


def test_delimiters_detected() -> None:
    assert sniff_delimiter("a;b;c\n1, 2;x;y\n") == ";"
    assert sniff_delimiter("Title line\n\na\tb\tc\n1\t2,5\t3\n") == "\t"
    assert sniff_delimiter('a,b,c\n"x; y",2,3\n') == ","


def test_every_sheet_considered(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Lisez-moi"
    wb.active.append(["Ce classeur contient les questions du webinaire."])
    ws = wb.create_sheet("Réponses")
    ws.append(["Horodateur", "Adresse e-mail", "Votre question"])
    ws.append(["25/02/2021 10:00:00", "a@b.fr", "Quelle gouvernance pour la métropole ?"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    assert len(read_tables(path)) == 2
    source = load_source(path)
    result = extract(source, tz=PARIS)
    assert result.sheet == "Réponses" and result.plan.profile == "google_forms"
    assert result.questions[0].submitted_at.isoformat() == "2021-02-25T10:00:00+01:00"


def test_dates_inferred_from_whole_column() -> None:
    assert infer_dayfirst(["12/02/2021 10:00", "13/02/2021 10:00"]) == (True, False)
    assert infer_dayfirst(["02/12/2021 10:00", "02/13/2021 10:00"]) == (False, False)
    assert infer_dayfirst(["02/03/2021"]) == (None, False)
    col = parse_column(["12/02/2021 10:00", "13/02/2021 10:00", "", "--", "n'importe"], PARIS)
    assert col.dayfirst and col.values[0].month == 2 and col.values[2] is None
    assert col.bad_rows == [4]
    col = parse_column(["Feb 25, 2021 3:58 PM", "25 févr. 2021 16:05"], PARIS)
    assert [v.hour for v in col.values] == [15, 16]
    assert col.values[0].utcoffset().total_seconds() == 3600


def test_naive_times_in_show_zone_aware_kept() -> None:
    col = parse_column(["2021-07-01 10:00:00", "2021-07-01T10:00:00+00:00"], PARIS)
    assert col.values[0].isoformat() == "2021-07-01T10:00:00+02:00"
    assert col.values[1].isoformat() == "2021-07-01T10:00:00+00:00"


def test_answered_in_source_counted_over_the_whole_file() -> None:
    """The preview shows a few rows, but says how many of all are answered in the source."""
    out = preview("zoom_qa_utf8bom.csv")
    assert out["answered_in_source"] == 2
    assert preview("slido_export.csv")["answered_in_source"] == 1
    assert preview("google_forms_fr_cp1252.csv")["answered_in_source"] == 0  # no such column
    source = load_source(FIX / "zoom_qa_utf8bom.csv")
    few = extract(source, tz=PARIS, limit=1)
    assert len(few.questions) == 1 and few.answered_in_source == 2
    assert extract(source, tz=PARIS).answered_in_source == 2


def test_answered_rows_without_question_text_are_not_counted(tmp_path: Path) -> None:
    path = tmp_path / "slido.csv"
    path.write_text("Question,Author,Likes,Answered\n"
                    "What is the first step for a city?,Ana,3,true\n"
                    ",Bob,1,true\n"
                    "Could the slides be shared after the session?,,0,false\n"
                    "How do cities fund an international office?,Eve,2,yes\n", encoding="utf-8")
    source = load_source(path)
    assert extract(source, tz=PARIS).answered_in_source == 2
    assert extract(source, tz=PARIS, limit=2).answered_in_source == 2


def test_answered_count_follows_the_column_choice() -> None:
    import dataclasses

    from moderator_app.io.question_import import answered_in_source

    source = load_source(FIX / "slido_export.csv")
    assert answered_in_source(source) == 1 and list(source.answered_counts.values()) == [1]
    plan = source.plan
    plan.mapping = dataclasses.replace(plan.mapping, answered=None)
    assert extract(source, tz=PARIS, limit=1).answered_in_source == 0
    highlighted = plan.headers.index("Highlighted")  # false, true, false
    plan.mapping = dataclasses.replace(plan.mapping, answered=highlighted)
    assert extract(source, tz=PARIS, limit=1).answered_in_source == 1
    assert extract(source, tz=PARIS).questions[1].answered_in_source is True
