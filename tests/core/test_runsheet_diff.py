from __future__ import annotations

from datetime import time

from moderator_app.core.runsheet import Segment
from moderator_app.core.runsheet_diff import diff_runsheets, live_merge, match_ids


def _segs() -> list[Segment]:
    return [
        Segment("Welcome", 300, id="a"),
        Segment("Talk", 600, id="b"),
        Segment("Q&A", 900, id="c"),
        Segment("Closing", 300, id="d"),
    ]


def test_match_by_title_and_diff() -> None:
    old = _segs()
    new = [
        Segment("welcome ", 300),
        Segment("Q&A", 600),
        Segment("Talk", 600),
        Segment("Break", 300),
        Segment("Closing", 300, hard_start=time(17, 0)),
    ]
    matched = match_ids(old, new)
    assert [s.id for s in matched][:3] == ["a", "c", "b"]
    diff = diff_runsheets(old, matched)
    assert diff.added == ["Break"]
    assert diff.removed == []
    assert len(diff.moved) == 1  # one of Talk / Q&A moved
    assert set(diff.retimed) == {"Q&A", "Closing"}
    assert diff.changed == ["welcome "]


def test_removed_and_empty() -> None:
    old = _segs()
    assert diff_runsheets(old, match_ids(old, [s.copy() for s in old])).empty
    diff = diff_runsheets(old, match_ids(old, old[:2]))
    assert diff.removed == ["Q&A", "Closing"]


def test_live_merge_keeps_past_and_current() -> None:
    old = _segs()
    new = match_ids(
        old,
        [
            Segment("Closing", 300),
            Segment("Welcome", 60),
            Segment("Talk", 60),
            Segment("Extra", 120),
        ],
    )
    merged = live_merge(old, new, current=1)
    assert [s.title for s in merged] == ["Welcome", "Talk", "Closing", "Extra"]
    assert merged[1].planned_duration_s == 600  # the segment on air is not touched
