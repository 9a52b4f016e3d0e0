from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest

from moderator_app.core.runsheet import SegmentKind
from moderator_app.io.runsheet_cells import clock_seconds, duration_seconds, infer_kind
from moderator_app.io.runsheet_import import (
    RunSheetImportError,
    load_table,
    preview_dict,
    read_runsheet,
    replace_runsheet,
)
from tests.io.runsheet_fixtures import (
    english_csv,
    french_xlsx,
    ontime_xlsx,
    semicolon_cp1252_csv,
)


def test_french_xlsx_with_title_line(tmp_path: Path, small_show) -> None:
    result = read_runsheet(french_xlsx(tmp_path))
    assert result.title.startswith("Conducteur")
    assert result.start == time(16, 0)
    assert result.end == time(17, 30)  # the "Fin du webinaire" row is the end, not a segment
    assert [s.kind for s in result.segments] == [
        SegmentKind.WELCOME,
        SegmentKind.INTRODUCTION,
        SegmentKind.SPEAKER,
        SegmentKind.SPEAKER,
        SegmentKind.SPEAKER,
        SegmentKind.QA,
        SegmentKind.CONCLUSIONS,
        SegmentKind.CLOSING,
    ]
    assert [s.planned_duration_s // 60 for s in result.segments] == [5, 10, 12, 12, 12, 25, 8, 6]
    assert result.segments[2].speaker == "Représentante"
    assert result.segments[2].organisation == "Rabat"
    assert all(s.hard_start is None for s in result.segments)
    assert result.rows[0] == 5  # the spreadsheet row the producer sees
    show = replace_runsheet(small_show, result)
    assert show.planned_start.astimezone(show.tz).strftime("%H:%M") == "16:00"
    assert show.computed_end() == show.planned_end
    assert preview_dict(result)["segments"][5]["planned_start"] == "16:51"


def test_english_csv_end_times_and_gap(tmp_path: Path) -> None:
    result = read_runsheet(english_csv(tmp_path))
    assert [s.planned_duration_s for s in result.segments] == [300, 900, 600, 1500, 300]
    assert result.segments[2].kind is SegmentKind.BREAK
    assert result.segments[3].kind is SegmentKind.QA
    # 9:55 -> 10:00 is a gap: the closing waits for its clock time.
    assert result.segments[4].hard_start == time(10, 0)
    assert result.segments[1].notes == "Slides, then demo"


def test_ontime_export(tmp_path: Path) -> None:
    result = read_runsheet(ontime_xlsx(tmp_path))
    assert [s.title for s in result.segments] == [
        "Opening",
        "Panel discussion",
        "Break",
        "Questions",
    ]
    assert result.segments[1].kind is SegmentKind.OTHER
    assert result.segments[1].warning_s == 300
    assert result.segments[1].danger_s == 60
    assert result.segments[2].warning_s is None
    assert result.start == time(14, 0)


def test_semicolon_cp1252(tmp_path: Path) -> None:
    result = read_runsheet(semicolon_cp1252_csv(tmp_path))
    assert result.title == "Déroulé du webinaire"
    segs = result.segments
    assert segs[1].title == "Table ronde « Villes et monde »"
    assert segs[1].speaker == "Élise Müller"
    assert [s.planned_duration_s for s in segs] == [300, 3900, 90, 600, 300]
    assert segs[3].kind is SegmentKind.QA
    assert segs[3].hard_start == time(17, 15)  # 17:11:30 -> 17:15 is a gap


def test_utf16_tab_text(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_text("Titre\tDurée\nBienvenue\t5\nClôture\t3\n", encoding="utf-16")
    result = read_runsheet(path)
    assert [(s.title, s.planned_duration_s) for s in result.segments] == [
        ("Bienvenue", 300),
        ("Clôture", 180),
    ]


def test_starts_only_and_overridden_mapping(tmp_path: Path) -> None:
    path = tmp_path / "starts.csv"
    path.write_text("When,What,Who\n16:00,Hello,Ann\n16:10,Talk,Bob\n16:40,Bye,Ann\n")
    with pytest.raises(RunSheetImportError, match="no header row"):
        read_runsheet(path)
    result = read_runsheet(path, header_row=0, mapping={"start": 0, "title": 1, "speaker": 2})
    assert [s.planned_duration_s for s in result.segments] == [600, 1800, 300]
    assert "5 minutes assumed" in result.warnings[0]
    assert result.warnings[0].startswith("Row 4")
    assert result.segments[1].kind is SegmentKind.SPEAKER


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("16:05", 57_900),
        ("16h05", 57_900),
        ("4:05 PM", 57_900),
        ("16h", 57_600),
        (time(16, 5), 57_900),
        (datetime(2027, 2, 25, 16, 5), 57_900),
        (0.5, 43_200),
    ],
)
def test_clock_cells(text: object, seconds: int) -> None:
    assert clock_seconds(text) == seconds


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("5", 300),
        (5, 300),
        ("5 min", 300),
        ("0:05:00", 300),
        ("1h05", 3900),
        ("90s", 90),
        (time(0, 5), 300),
        (timedelta(minutes=7), 420),
        (datetime(1899, 12, 30, 1, 0), 3600),
    ],
)
def test_duration_cells(value: object, seconds: int) -> None:
    assert duration_seconds(value) == seconds


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Bienvenue", SegmentKind.WELCOME),
        ("Welcome and introduction", SegmentKind.WELCOME),
        ("Introduction par AL-las", SegmentKind.INTRODUCTION),
        ("Q&A", SegmentKind.QA),
        ("Questions & Réponses", SegmentKind.QA),
        ("Conclusions", SegmentKind.CONCLUSIONS),
        ("Clôture", SegmentKind.CLOSING),
        ("Closing remarks", SegmentKind.CLOSING),
        ("Pause café", SegmentKind.BREAK),
        ("Coffee break", SegmentKind.BREAK),
    ],
)
def test_kind_from_title(title: str, kind: SegmentKind) -> None:
    assert infer_kind(title) is kind


def test_speaker_kind_only_when_named() -> None:
    assert infer_kind("Ville d'Europe", "Ana") is SegmentKind.SPEAKER
    assert infer_kind("Ville d'Europe", "") is SegmentKind.OTHER


# -- bad input ---------------------------------------------------------------------------------
def _csv(tmp_path: Path, text: str, name: str = "bad.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Titre,Durée\nBienvenue,5\nIntro,-5\n", r"row 3 \(Intro\): Negative duration"),
        ("Titre,Durée\nBienvenue,25h\n", r"row 2 \(Bienvenue\): .*over 24 hours"),
        ("Titre,Durée\nBienvenue,soon\n", r"row 2 \(Bienvenue\): Cannot read 'soon'"),
        ("Heure,Durée,Titre\n16:00,10,A\n16:05,10,B\n", r"row 3 \(B\): starts at 16:05, before"),
        ("Heure,Fin,Titre\n16:00,15:50,A\n", r"row 2 \(A\): ends at 15:50, before it starts"),
        ("Heure,Titre\n16:00,A\nlater,B\n", r"row 3 \(B\): cannot read 'later'"),
        ("Titre,Durée\n", r"no rows under its header \(row 1\)"),
        ("Titre,Durée\n,,\n,,\n", r"no rows under its header"),
        ("Conducteur du webinaire\n\n", r"no header row found"),
        ("Titre\nBienvenue\nClôture\n", r"no column gives times"),
    ],
)
def test_bad_csv(tmp_path: Path, text: str, message: str) -> None:
    path = _csv(tmp_path, text)
    with pytest.raises(RunSheetImportError, match=message) as info:
        read_runsheet(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_empty_file(tmp_path: Path) -> None:
    path = _csv(tmp_path, "", "empty.csv")
    with pytest.raises(RunSheetImportError, match=r"empty\.csv: the file is empty"):
        read_runsheet(path)


def test_fake_and_truncated_xlsx(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("this is not a spreadsheet")
    with pytest.raises(RunSheetImportError, match=r"fake\.xlsx: not a readable spreadsheet"):
        read_runsheet(fake)
    good = french_xlsx(tmp_path)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:900])
    with pytest.raises(RunSheetImportError, match=r"cut\.xlsx: not a readable spreadsheet"):
        read_runsheet(cut)


def test_missing_and_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RunSheetImportError, match="no such file"):
        read_runsheet(tmp_path / "nope.xlsx")
    locked = french_xlsx(tmp_path)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied")  # what Windows says for a lock
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(RunSheetImportError, match=r"conducteur\.xlsx: .*locked in another"):
        read_runsheet(locked)


def test_title_only_xlsx(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Conducteur – à compléter"
    path = tmp_path / "titre.xlsx"
    wb.save(path)
    with pytest.raises(RunSheetImportError, match=r"titre\.xlsx: no header row found"):
        read_runsheet(path)


def test_overlapping_hard_starts_leave_show_untouched(tmp_path: Path, small_show) -> None:
    before = small_show.to_dict()
    path = _csv(
        tmp_path, "Heure,Durée,Titre,Heure fixe\n16:00,10,A,\n16:20,30,B,oui\n16:40,5,C,oui\n"
    )
    with pytest.raises(RunSheetImportError, match=r"row 4 \(C\): starts at 16:40"):
        replace_runsheet(small_show, read_runsheet(path))
    assert small_show.to_dict() == before


def test_mapping_table_for_preview(tmp_path: Path) -> None:
    table = load_table(french_xlsx(tmp_path))
    assert table.header_row == 3
    assert table.headers[:3] == ["Heure", "Durée", "Séquence"]
    assert table.mapping["title"] == 2


def test_huge_sheet_is_read(tmp_path: Path) -> None:
    lines = ["Titre;Durée"] + [f"Segment {i};{i % 9 + 1}" for i in range(3000)]
    path = _csv(tmp_path, "\n".join(lines), "big.csv")
    assert len(read_runsheet(path).segments) == 3000


def test_bundled_french_sample_matches_the_seed(seed_show, small_show) -> None:
    from moderator_app.resources import resource

    result = read_runsheet(resource("sample_runsheet_fr.xlsx"))
    assert result.title.startswith("Conducteur")
    assert result.date.isoformat() == "2027-02-25"
    assert result.end == time(17, 30)
    assert [(s.title, s.kind, s.planned_duration_s, s.speaker) for s in result.segments] == [
        (s.title, s.kind, s.planned_duration_s, s.speaker) for s in seed_show.segments
    ]
    show = replace_runsheet(small_show, result)
    assert show.planned_start == seed_show.planned_start
    assert show.planned_end == seed_show.planned_end


# -- importing into a show: plan_import, the one rule of the dialog, the link and the CLI ----
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_runsheet_fr.xlsx"


def test_given_fields_follow_the_columns(tmp_path: Path) -> None:
    assert read_runsheet(SAMPLE).given == {
        "title", "planned_duration_s", "hard_start", "speaker", "organisation", "notes",
    }  # fmt: skip
    path = tmp_path / "d.csv"
    path.write_text("Titre;Durée;Fixe;ID\nA;5;oui;x\n")
    assert read_runsheet(path).given == {"title", "planned_duration_s"}


def test_plan_keeps_what_the_sample_has_no_column_for(seed_show) -> None:
    from moderator_app.core.engine import TimerEngine
    from moderator_app.io.runsheet_import import plan_import

    plan = plan_import(seed_show, read_runsheet(SAMPLE), TimerEngine(seed_show))
    assert plan.show.to_dict() == seed_show.to_dict()
    assert plan.diff.empty
    assert plan.show is not seed_show and plan.show.segments[0] is not seed_show.segments[0]


def test_a_kept_hard_start_that_no_longer_fits_is_refused(tmp_path: Path, small_show) -> None:
    """No start column: the show's fixed starts stay, and the file's durations must fit."""
    from moderator_app.core.engine import TimerEngine
    from moderator_app.io.runsheet_import import plan_import

    small_show.segments[2].hard_start = time(16, 20)
    fits = tmp_path / "fits.csv"
    fits.write_text("Title,Duration\nOne,5\nTwo,12\nThree,5\n")
    plan = plan_import(small_show, read_runsheet(fits), TimerEngine(small_show))
    assert plan.show.segments[2].hard_start == time(16, 20)
    assert [c.id for c in plan.diff.changes] == ["b"]
    too_long = tmp_path / "long.csv"
    too_long.write_text("Title,Duration\nOne,5\nTwo,20\nThree,5\n")
    with pytest.raises(RunSheetImportError) as err:
        plan_import(small_show, read_runsheet(too_long), TimerEngine(small_show))
    assert str(err.value).startswith(f"{too_long}: in the show's run sheet, Row 3 (Three)")
    # with a start column the file says where each segment starts: no gap, no hard start
    timed = tmp_path / "timed.csv"
    timed.write_text("Start,Title,Duration\n16:00,One,5\n16:05,Two,20\n16:25,Three,5\n")
    plan = plan_import(small_show, read_runsheet(timed), TimerEngine(small_show))
    assert plan.show.segments[2].hard_start is None
    assert [f.field for f in plan.diff.changes[1].fields] == ["hard_start"]
