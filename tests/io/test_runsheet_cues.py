"""Cues and auto-start travel with the run sheet: exported as columns, read back as such."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from moderator_app.core.cues import Cue
from moderator_app.core.runsheet import Show
from moderator_app.io.runsheet_export import export_runsheet
from moderator_app.io.runsheet_import import RunSheetImportError, read_runsheet

CUES = (Cue(120, "2 minutes"), Cue(30, "Merci de conclure", True), Cue(-60, "+1 minute", True))


@pytest.fixture
def cued(small_show: Show) -> Show:
    small_show.segments[1].cues = CUES
    small_show.segments[2].cues = ()
    small_show.segments[2].hard_start = time(16, 15)
    small_show.segments[2].auto_start = True
    return small_show


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_round_trip(cued: Show, tmp_path: Path, suffix: str, language: str) -> None:
    path = export_runsheet(cued, tmp_path / f"sheet{suffix}", language)
    back = read_runsheet(path)
    segs = back.segments
    assert segs[0].cues is None  # follows the show's cues
    assert segs[1].cues == CUES
    assert segs[2].cues == ()  # none at all
    assert segs[2].auto_start and not segs[1].auto_start


def test_a_cue_longer_than_its_segment_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Title,Duration,Cues\nWelcome,5,6:00 too early\n", encoding="utf-8")
    with pytest.raises(RunSheetImportError, match=r"row 2 \(Welcome\).*longer than the segment"):
        read_runsheet(path)


def test_a_cue_that_cannot_be_read_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Title,Duration,Cues\nWelcome,5,soon\n", encoding="utf-8")
    with pytest.raises(RunSheetImportError, match=r"row 2 \(Welcome\).*Cannot read the cue"):
        read_runsheet(path)


def test_auto_start_without_a_fixed_start_is_dropped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Title,Duration,Auto-start\nWelcome,5,yes\n", encoding="utf-8")
    result = read_runsheet(path)
    assert not result.segments[0].auto_start
    assert any("auto-start needs a fixed start" in w for w in result.warnings)
