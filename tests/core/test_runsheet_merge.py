"""Merging a sheet's segments onto the show's: the file's columns win, the rest stays."""

from __future__ import annotations

from datetime import time

from moderator_app.core.runsheet import Segment, SegmentKind
from moderator_app.core.runsheet_diff import diff_runsheets, diff_shows
from moderator_app.core.runsheet_merge import merge_segments


def _show_segments() -> list[Segment]:
    return [
        Segment("Welcome", 300, SegmentKind.WELCOME, speaker="Ana", region="Europe",
                speaker_timezone="Europe/Madrid", notes="Recorded", id="a"),
        Segment("Coffee", 600, SegmentKind.BREAK, warning_s=60, danger_s=10, id="b"),
        Segment("Talk", 900, SegmentKind.SPEAKER, speaker="Bob", organisation="Toronto",
                region="North America", speaker_timezone="America/Toronto",
                hard_start=time(16, 20), id="c"),
    ]  # fmt: skip


def test_fields_without_a_column_are_kept() -> None:
    # A sheet with Title, Duration and Speaker columns: what it reads for each row.
    new = [
        Segment("Welcome", 240, SegmentKind.WELCOME, speaker="Ana María"),
        Segment("coffee", 600, SegmentKind.OTHER),  # the importer's guess, no Kind column
        Segment("Talk", 900, SegmentKind.SPEAKER, speaker=""),  # speaker cell left empty
    ]
    merged = merge_segments(_show_segments(), new, {"title", "planned_duration_s", "speaker"})
    welcome, coffee, talk = merged
    assert [s.id for s in merged] == ["a", "b", "c"]
    assert (welcome.planned_duration_s, welcome.speaker) == (240, "Ana María")
    assert (welcome.region, welcome.speaker_timezone, welcome.notes) == (
        "Europe", "Europe/Madrid", "Recorded",
    )  # fmt: skip
    assert coffee.title == "coffee"  # the title always comes from the file
    assert (coffee.kind, coffee.warning_s, coffee.danger_s) == (SegmentKind.BREAK, 60, 10)
    assert talk.speaker == ""  # the column is there and empty: cleared
    assert (talk.organisation, talk.region, talk.speaker_timezone) == (
        "Toronto", "North America", "America/Toronto",
    )  # fmt: skip
    assert talk.hard_start == time(16, 20)  # no start column: the fixed start stays


def test_given_columns_take_the_file_value_even_empty() -> None:
    new = [Segment("Talk", 900, SegmentKind.SPEAKER, hard_start=None, warning_s=None)]
    merged = merge_segments(_show_segments(), new, {"hard_start", "warning_s", "kind"})
    assert merged == [
        _show_segments()[2].copy(hard_start=None, warning_s=None, kind=SegmentKind.SPEAKER)
    ]


def test_added_segments_have_only_what_the_file_gives() -> None:
    new = [Segment("Panel", 1200, SegmentKind.SPEAKER, speaker="Cleo", id="fresh")]
    merged = merge_segments(_show_segments(), new, {"speaker"})
    assert merged == [new[0]] and merged[0] is not new[0]


def test_during_the_show_what_ran_and_the_segment_on_air_stay() -> None:
    new = [
        Segment("Talk", 600, speaker="Dee"),
        Segment("Welcome", 60, speaker="Eve"),
        Segment("Coffee", 900),
    ]
    merged = merge_segments(_show_segments(), new, {"speaker"}, current=0)
    assert [s.id for s in merged] == ["a", "c", "b"]
    assert merged[0] == _show_segments()[0]  # on air: untouched
    assert (merged[1].speaker, merged[1].planned_duration_s, merged[1].region) == (
        "Dee", 600, "North America",
    )  # fmt: skip


def test_diff_names_each_field_with_its_values() -> None:
    old = _show_segments()
    new = [old[0].copy(region="", notes="Not recorded"), old[1].copy(planned_duration_s=300),
           old[2].copy()]  # fmt: skip
    diff = diff_runsheets(old, new)
    assert [(c.id, [f.field for f in c.fields]) for c in diff.changes] == [
        ("a", ["region", "notes"]),
        ("b", ["planned_duration_s"]),
    ]
    region, notes = diff.changes[0].fields
    assert region.cleared and not notes.cleared
    assert diff.retimed == ["Coffee"] and diff.changed == ["Welcome"]
    assert diff.to_dict()["changed"][1] == {
        "id": "b", "title": "Coffee",
        "fields": {"planned_duration_s": {"before": 600, "after": 300}},
    }  # fmt: skip


def test_diff_of_shows_names_the_show_fields(small_show) -> None:
    other = small_show.__class__(**{**small_show.__dict__, "timezone": "America/Toronto"})
    other.segments = [s.copy() for s in small_show.segments]
    diff = diff_shows(small_show, other)
    assert not diff.empty and diff.changes == []
    assert [(c.field, c.before, c.after) for c in diff.show] == [
        ("timezone", "Europe/Paris", "America/Toronto")
    ]
    assert diff_shows(small_show, small_show).empty
