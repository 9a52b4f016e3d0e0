from __future__ import annotations

import pytest

from moderator_app.core.durations import (
    DurationError,
    format_countdown,
    format_duration,
    parse_duration,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("5", 300),
        (5, 300),
        (2.5, 150),
        ("5m", 300),
        ("5 min", 300),
        ("5:00", 300),
        ("00:05:00", 300),
        ("1h05", 3900),
        ("1 h 5 min", 3900),
        ("90s", 90),
        ("1h", 3600),
        ("2h30m", 9000),
        ("1,5", 90),
        ("5 mn", 300),
        ("1 min 30 s", 90),
        ("0:00:90", None),
        ("  12 minutes ", 720),
        ("45 sec", 45),
        ("1:30", 90),
    ],
)
def test_parse(text: object, seconds: int | None) -> None:
    if seconds is None:
        with pytest.raises(DurationError):
            parse_duration(text)
    else:
        assert parse_duration(text) == seconds


@pytest.mark.parametrize("bad", ["", "abc", "5 parsecs", "-5", "1:99", None, "25h", True])
def test_bad_durations_say_what_was_expected(bad: object) -> None:
    with pytest.raises(DurationError) as err:
        parse_duration(bad)
    assert "expected" in str(err.value) or "24 hours" in str(err.value)


def test_countdown_flips_on_second_boundaries() -> None:
    assert format_countdown(300) == "5:00"
    assert format_countdown(299.2) == "5:00"
    assert format_countdown(0.5) == "0:01"
    assert format_countdown(0) == "0:00"
    assert format_countdown(-0.5) == "0:00"
    assert format_countdown(-1.0) == "-0:01"
    assert format_countdown(-61.2) == "-1:01"
    assert format_countdown(3725) == "1:02:05"


def test_format_duration() -> None:
    assert format_duration(59.9) == "0:59"
    assert format_duration(-90) == "-1:30"
    assert format_duration(90, signed=True) == "+1:30"
    assert format_duration(0, signed=True) == "0:00"


def test_one_clock_reading_for_the_editor_and_the_importer() -> None:
    from moderator_app.core.durations import parse_clock_text
    from moderator_app.core.runsheet_edit import EditRefused, parse_clock
    from moderator_app.io.runsheet_cells import CellError, clock_seconds

    for text, seconds in [("16:05", 57900), ("16h05", 57900), ("16.05", 57900), ("16h", 57600),
                          ("4:05 PM", 57900), ("4:05 p.m.", 57900), ("12 am", 0),
                          ("16:05:30", 57930)]:
        assert parse_clock_text(text) == seconds, text
        assert clock_seconds(text) == seconds, text  # the spreadsheet importer
        t = parse_clock(text)  # the run sheet editor: they no longer disagree
        assert t.hour * 3600 + t.minute * 60 + t.second == seconds, text
    for bad in ("25:00", "13:05 PM", "16:75", "soon"):
        with pytest.raises(DurationError):
            parse_clock_text(bad)
        with pytest.raises(CellError):
            clock_seconds(bad)
        with pytest.raises(EditRefused):
            parse_clock(bad)
