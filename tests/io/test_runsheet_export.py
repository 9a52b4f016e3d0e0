from __future__ import annotations

from datetime import time
from pathlib import Path

import openpyxl
import pytest

from moderator_app.core.cues import Cue
from moderator_app.core.engine import TimerEngine
from moderator_app.core.runsheet import Segment, SegmentKind, Show
from moderator_app.io.runsheet_export import RunSheetExportError, export_rows, export_runsheet
from moderator_app.io.runsheet_import import (
    RunSheetImportError,
    new_show,
    plan_import,
    read_runsheet,
    replace_runsheet,
)

EVIL = ['=HYPERLINK("http://x","click")', "+33 1 23 45", "-- pause --", "@SUM(A1)"]


def _tricky(show: Show) -> Show:
    segs = show.segments
    segs[0].notes = EVIL[0]
    segs[1].speaker = EVIL[1]
    segs[2].title = EVIL[2]
    segs[3].organisation = EVIL[3]
    segs[4].notes = 'Deux lignes\navec « guillemets », des ; et des "quotes"'
    segs[5].hard_start = time(16, 55)  # a gap of four minutes before Q&A
    segs[6].warning_s = 90
    segs[6].danger_s = 15
    segs[3].hard_start = time(16, 27)  # a hard start that happens to follow exactly
    return show


def _same(a: Show, b: Show) -> None:
    assert [s.to_dict() for s in a.segments] == [s.to_dict() for s in b.segments]
    assert a.planned_start == b.planned_start
    assert a.planned_end == b.planned_end
    assert a.title == b.title
    assert a.timezone == b.timezone


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("asked", [None, "fr", "en"])
def test_round_trip(
    tmp_path: Path,
    seed_show: Show,
    small_show: Show,
    suffix: str,
    language: str,
    asked: str | None,
) -> None:
    """Headers in the show's language, or the one asked for: the same run sheet comes back."""
    show = _tricky(seed_show)
    show.language = language
    path = export_runsheet(show, tmp_path / f"out{suffix}", language=asked)
    header, _ = export_rows(show, asked)
    assert header[:4] == (
        ["Début", "Fin", "Durée", "Titre"]
        if (asked or language) == "fr"
        else ["Start", "End", "Duration", "Title"]
    )
    if suffix == ".csv":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        assert path.read_text(encoding="utf-8-sig").splitlines()[3].split(",")[:4] == header[:4]
    else:
        ws = openpyxl.load_workbook(path).active
        assert [c.value for c in ws[4]][:4] == header[:4]
        assert ws.title == ("Conducteur" if (asked or language) == "fr" else "Run sheet")
    result = read_runsheet(path)
    assert result.warnings == []
    assert result.title == show.title
    back = replace_runsheet(small_show, result)
    back.title = result.title
    _same(show, back)


def test_xlsx_is_formatted_and_safe(tmp_path: Path, seed_show: Show) -> None:
    show = _tricky(seed_show)
    path = export_runsheet(show, tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(path).active
    assert ws.freeze_panes == "A5"
    assert ws["A4"].value == "Début" and ws["A4"].font.b
    assert ws["A5"].value == time(16, 0) and ws["A5"].number_format == "hh:mm"
    assert ws["C5"].number_format == "[h]:mm:ss"
    assert ws.column_dimensions["D"].width > 20
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)
    assert "'" + EVIL[0] in values
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_csv_is_safe(tmp_path: Path, seed_show: Show) -> None:
    path = export_runsheet(_tricky(seed_show), tmp_path / "out.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ",=" not in text and "\n=" not in text


def test_export_errors(tmp_path: Path, seed_show: Show) -> None:
    with pytest.raises(RunSheetExportError, match=r"out\.pdf: export to \.xlsx or \.csv"):
        export_runsheet(seed_show, tmp_path / "out.pdf")
    with pytest.raises(RunSheetExportError, match="does not exist"):
        export_runsheet(seed_show, tmp_path / "missing" / "out.xlsx")
    target = tmp_path / "keep.csv"
    target.write_text("old")
    (tmp_path / ".keep.csv.writing").mkdir()  # the temporary file cannot be made
    with pytest.raises(RunSheetExportError, match=r"keep\.csv: cannot be written"):
        export_runsheet(seed_show, target)
    assert target.read_text() == "old"


def test_round_trip_past_midnight(tmp_path: Path, small_show: Show) -> None:
    small_show.segments.append(Segment("Late", 3 * 3600, SegmentKind.OTHER, id="d"))
    small_show.segments.append(Segment("After midnight", 600, hard_start=time(1, 0), id="e"))
    path = export_runsheet(small_show, tmp_path / "late.xlsx")
    back = replace_runsheet(small_show, read_runsheet(path))
    _same(small_show, back)


# -- the show's default cues (the line above the header) ---------------------------------
DEFAULTS = (Cue(120, "Encore 2 minutes"), Cue(30, "Merci de conclure", chime=True),
            Cue(-60, "Temps dépassé, on coupe"))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_default_cues_come_back_in_a_new_show(tmp_path: Path, seed_show: Show,
                                              small_show: Show, suffix: str,
                                              language: str) -> None:
    show = seed_show
    show.cues = DEFAULTS
    path = export_runsheet(show, tmp_path / f"out{suffix}", language=language)
    label = "Messages auto par défaut :" if language == "fr" else "Default cues:"
    line = (path.read_text(encoding="utf-8-sig").splitlines()[2] if suffix == ".csv"
            else openpyxl.load_workbook(path).active["A3"].value)
    assert line.strip('"').startswith(label) and "Encore 2 minutes" in line
    assert small_show.cues == ()
    fresh = new_show(small_show, read_runsheet(path))
    assert fresh.cues == DEFAULTS


def test_no_default_cues_is_written_and_read_as_none(tmp_path: Path, seed_show: Show) -> None:
    seed_show.cues = ()
    path = export_runsheet(seed_show, tmp_path / "out.csv", language="en")
    assert path.read_text(encoding="utf-8-sig").splitlines()[2] == "Default cues: none"
    base = Show.from_dict(seed_show.to_dict())
    base.cues = DEFAULTS
    assert new_show(base, read_runsheet(path)).cues == ()


def test_a_sheet_without_the_line_keeps_the_shows_cues(tmp_path: Path, small_show: Show) -> None:
    path = tmp_path / "producer.csv"
    path.write_text("Conducteur\n\nDébut,Durée,Titre\n16:00,10,Bienvenue\n16:10,20,Table ronde\n",
                    encoding="utf-8")
    small_show.cues = DEFAULTS
    result = read_runsheet(path)
    assert result.cues is None and result.title == "Conducteur"
    assert new_show(small_show, result).cues == DEFAULTS


def test_a_changed_default_cues_line_is_in_the_import_preview(tmp_path: Path,
                                                               seed_show: Show) -> None:
    show = seed_show
    path = export_runsheet(show, tmp_path / "out.csv", language="fr")
    text = path.read_text(encoding="utf-8-sig").replace(
        "Messages auto par défaut : aucun", "Messages auto par défaut : 1:00! Une minute")
    path.write_text(text, encoding="utf-8-sig")
    plan = plan_import(show, read_runsheet(path), TimerEngine(show))
    assert plan.show.cues == (Cue(60, "Une minute", chime=True),)
    assert [c.field for c in plan.diff.show] == ["cues"]


def test_a_bad_default_cue_refuses_the_import_in_one_line(tmp_path: Path,
                                                          seed_show: Show) -> None:
    path = export_runsheet(seed_show, tmp_path / "out.csv", language="en")
    text = path.read_text(encoding="utf-8-sig").replace("Default cues: none",
                                                        "Default cues: soon wrap up")
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(RunSheetImportError) as caught:
        read_runsheet(path)
    message = str(caught.value)
    assert "\n" not in message and "row 3 (default cues)" in message
    assert "Cannot read the cue 'soon wrap up'" in message
