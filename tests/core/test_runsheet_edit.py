from __future__ import annotations

import copy
from datetime import time

import pytest

from moderator_app.core.actions import ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.engine import TimerEngine
from moderator_app.core.runsheet import Segment, SegmentKind, Show
from moderator_app.core.runsheet_edit import (
    Edit,
    EditRefused,
    apply_edit,
    check_live,
    delete,
    duplicate,
    edited,
    insert,
    inverse,
    move,
    replace_all,
    set_field,
    set_show,
)


def _edits(show: Show) -> list[Edit]:
    other = copy.deepcopy(show)
    other.segments.reverse()
    return [
        set_field(show, 1, "title", "Deux"),
        set_field(show, 1, "planned_duration_s", "12 min"),
        set_field(show, 1, "kind", "qa"),
        set_field(show, 2, "hard_start", "16h30"),
        set_field(show, 0, "warning_s", "1:30"),
        set_field(show, 0, "notes", "=1+1"),
        insert(show, 1, Segment("Inserted", 60, id="x")),
        duplicate(show, 2),
        delete(show, 0),
        move(show, 0, 2),
        set_show(show, "title", "Renamed"),
        set_show(show, "timezone", "America/Toronto"),
        set_show(show, "planned_end", "2027-02-25T17:30:00+01:00"),
        set_show(show, "organisers", "Metropolis, AL-las"),
        replace_all(show, other),
    ]


def test_every_edit_applies_and_inverts(small_show: Show) -> None:
    original = small_show.to_dict()
    for edit in _edits(small_show):
        show = copy.deepcopy(small_show)
        apply_edit(show, edit)
        assert show.to_dict() != original, edit
        apply_edit(show, inverse(edit))
        assert show.to_dict() == original, edit
        # payloads survive the journal (JSON) unchanged
        assert Edit.from_payload(edit.payload()) == edit


def test_values(small_show: Show) -> None:
    assert set_field(small_show, 1, "planned_duration_s", "1h05").after == 3900
    assert set_field(small_show, 1, "planned_duration_s", 90).after == 90
    assert set_field(small_show, 2, "hard_start", "16:30").after == "16:30:00"
    assert set_field(small_show, 2, "hard_start", "").after is None
    assert set_field(small_show, 0, "warning_s", "").after is None
    assert set_show(small_show, "organisers", "A, B,").after == ["A", "B"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "  ", "needs a title"),
        ("planned_duration_s", "0", "more than zero"),
        ("planned_duration_s", "-5", "Negative duration"),
        ("planned_duration_s", "25h", "over 24 hours"),
        ("planned_duration_s", "soon", "Cannot read 'soon'"),
        ("kind", "party", "Unknown segment kind"),
        ("hard_start", "25:00", "clock time"),
        ("speaker_timezone", "Mars/Olympus", "Unknown time zone"),
    ],
)
def test_invalid_values(small_show: Show, field: str, value: str, message: str) -> None:
    with pytest.raises(EditRefused, match=message):
        set_field(small_show, 1, field, value)


def test_overlapping_hard_start_refused(small_show: Show) -> None:
    edit = set_field(small_show, 2, "hard_start", "16:10")  # Two ends at 16:15
    with pytest.raises(EditRefused, match="overlaps the previous segment"):
        edited(small_show, edit)
    assert small_show.segments[2].hard_start is None


def test_planned_end_before_start_refused(small_show: Show) -> None:
    with pytest.raises(EditRefused, match="after the start"):
        edited(small_show, set_show(small_show, "planned_end", "2027-02-25T15:00:00+01:00"))


def _live(show: Show, clock: FakeClock, index: int = 1) -> TimerEngine:
    engine = TimerEngine(show)
    engine.apply(engine.prepare(ActionType.START, {}, to_us(clock.now())))
    for _ in range(index):
        clock.advance(60)
        engine.apply(engine.prepare(ActionType.NEXT, {}, to_us(clock.now())))
    return engine


def test_live_rules(small_show: Show, clock: FakeClock) -> None:
    small_show.segments.append(Segment("Four", 300, id="d"))
    engine = _live(small_show, clock, 1)  # "Two" is on air
    refuse = [
        (delete(small_show, 1), "on air: go to another segment"),
        (delete(small_show, 0), "already run"),
        (set_field(small_show, 0, "planned_duration_s", 600), "already run"),
        (set_field(small_show, 1, "hard_start", "16:01"), "on air"),
        (insert(small_show, 1), "after the one on air"),
        (move(small_show, 3, 1), "only segments after"),
        (move(small_show, 1, 3), "only segments after"),
    ]
    for edit, message in refuse:
        with pytest.raises(EditRefused, match=message):
            check_live(small_show, engine, edit)
    for edit in [
        set_field(small_show, 0, "title", "Typo fixed"),
        set_field(small_show, 1, "planned_duration_s", 900),
        set_field(small_show, 2, "planned_duration_s", 60),
        delete(small_show, 2),
        insert(small_show, 2),
        move(small_show, 3, 2),
    ]:
        check_live(small_show, engine, edit)


def test_live_replace_keeps_past_and_current(small_show: Show, clock: FakeClock) -> None:
    engine = _live(small_show, clock, 1)
    moved = copy.deepcopy(small_show)
    moved.segments.reverse()
    with pytest.raises(EditRefused, match="keep the segments that have run"):
        check_live(small_show, engine, replace_all(small_show, moved))
    future = copy.deepcopy(small_show)
    future.segments[2] = Segment("Other end", 120, SegmentKind.CLOSING, id="z")
    check_live(small_show, engine, replace_all(small_show, future))


def test_not_live_everything_goes(small_show: Show) -> None:
    engine = TimerEngine(small_show)
    check_live(small_show, engine, delete(small_show, 0))
    assert set_field(small_show, 0, "hard_start", time(16, 0)).after == "16:00:00"
