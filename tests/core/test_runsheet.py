from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from moderator_app.core.runsheet import RunSheetError, Segment, SegmentKind, Show, zone


def test_unknown_zone_falls_back_to_utc_but_is_kept(seed_show: Show) -> None:
    data = seed_show.to_dict()
    data["timezone"] = "Mars/Olympus_Mons"
    show = Show.from_dict(data)
    assert show.timezone == "Mars/Olympus_Mons"
    assert not show.timezone_known
    assert show.tz.key == "UTC"
    assert show.planned_starts()[0] == datetime(2027, 2, 25, 15, 0, tzinfo=UTC)
    with pytest.raises(RunSheetError, match="Unknown time zone"):
        zone("Mars/Olympus_Mons")


def test_planned_starts_follow_durations_and_hard_starts() -> None:
    show = Show(
        title="t",
        planned_start=datetime(2027, 2, 25, 15, 0, tzinfo=UTC),
        timezone="Europe/Paris",
        segments=[
            Segment("a", 600, SegmentKind.WELCOME),
            Segment("b", 600, hard_start=time(16, 30)),
            Segment("c", 300),
        ],
    )
    starts = [s.astimezone(show.tz).strftime("%H:%M") for s in show.planned_starts()]
    assert starts == ["16:00", "16:30", "16:40"]
    assert show.computed_end().astimezone(show.tz).strftime("%H:%M") == "16:45"
    assert show.validate() == []


def test_overlapping_hard_start_and_zero_duration_are_reported() -> None:
    show = Show(
        title="t",
        planned_start=datetime(2027, 2, 25, 15, 0, tzinfo=UTC),
        timezone="Europe/Paris",
        segments=[Segment("a", 1800), Segment("b", 0, hard_start=time(16, 10))],
    )
    problems = show.validate()
    assert any("overlaps" in p and "Row 2" in p for p in problems)
    assert any("duration is zero" in p for p in problems)


def test_round_trip_dict(seed_show: Show) -> None:
    assert Show.from_dict(seed_show.to_dict()).to_dict() == seed_show.to_dict()


def test_naive_start_refused() -> None:
    with pytest.raises(RunSheetError):
        Show(title="t", planned_start=datetime(2027, 2, 25, 16, 0))


def test_seed_show_fits_ninety_minutes(seed_show: Show) -> None:
    assert seed_show.planned_start.strftime("%A") == "Thursday"
    assert (seed_show.computed_end() - seed_show.planned_start).total_seconds() == 90 * 60
    assert seed_show.organisers == ["Metropolis", "AL-las"]
    assert seed_show.moderator == "Mariana Flores Mayen"
    assert seed_show.language == "fr"
    assert [s.kind.value for s in seed_show.segments] == [
        "welcome", "introduction", "speaker", "speaker", "speaker", "qa", "conclusions", "closing",
    ]
    assert [s.region for s in seed_show.segments[2:5]] == [
        "Afrique du Nord", "Europe", "Amérique du Nord",
    ]
