"""Automatic cues: parsed from the run sheet's column, due once, cleared by the next segment."""

from __future__ import annotations

import pytest

from moderator_app.core.actions import ActionRefused, ActionType
from moderator_app.core.clock import FakeClock
from moderator_app.core.cues import Cue, CueError, checked, due_cue, format_cues, parse_cues
from moderator_app.core.report import build_report
from moderator_app.core.runsheet import Segment, Show
from tests.core.test_engine import Driver

A = ActionType
TWO = Cue(120, "2 minutes")
WRAP = Cue(30, "Merci de conclure", chime=True)
OVER = Cue(0, "Temps écoulé", chime=True)


def test_text_form_round_trip() -> None:
    cues = parse_cues("2:00 2 minutes; 0:30! Merci de conclure; +0:00! Temps écoulé; +1:00 Over")
    assert cues == (TWO, WRAP, OVER, Cue(-60, "Over"))
    assert parse_cues(format_cues(cues)) == cues
    assert parse_cues("") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2:00", "Cannot read the cue"),
        ("2:75 wrong", "seconds over 59"),
        ("1:00 a; 1:00 b", "Two cues"),
        ("-1:00 negative", "Cannot read the cue"),
        ("25:00:00 too far", "over 24 hours"),
    ],
)
def test_bad_cues_are_refused(text: str, message: str) -> None:
    with pytest.raises(CueError, match=message):
        parse_cues(text)


def test_a_cue_longer_than_its_segment_is_refused() -> None:
    with pytest.raises(CueError, match="longer than the segment"):
        checked([Cue(600, "ten minutes")], duration_s=300)


def test_due_fires_the_latest_reached_only_once() -> None:
    cues = (TWO, WRAP, OVER)
    assert due_cue(cues, 200, frozenset()) is None
    assert due_cue(cues, 120, frozenset()) == TWO
    assert due_cue(cues, 100, frozenset({"120"})) is None
    # Jumping past two cues at once fires the later one only, and not the earlier after it.
    assert due_cue(cues, 10, frozenset({"120"})) == WRAP
    assert due_cue(cues, 10, frozenset({"120", "30"})) is None
    assert due_cue(cues, -5, frozenset({"120", "30"})) == OVER


@pytest.fixture
def cued_show(small_show: Show) -> Show:
    small_show.cues = (TWO, WRAP)  # show-wide defaults
    small_show.segments[0].cues = (Cue(60, "one minute"),)  # its own
    return small_show


def fire(drv: Driver) -> Cue | None:
    cue = drv.engine.due_cue(drv.clock.now())
    if cue is not None:
        drv.do(A.MESSAGE, text=cue.text, cue=cue.key, chime=cue.chime)
    return cue


def test_cues_fire_once_and_the_next_segment_clears_them(cued_show: Show, clock: FakeClock) -> None:
    drv = Driver(cued_show, clock)
    assert cued_show.cues_of(cued_show.segments[0]) == (Cue(60, "one minute"),)
    assert cued_show.cues_of(cued_show.segments[1]) == (TWO, WRAP)
    drv.do(A.START)
    clock.advance(239)
    assert fire(drv) is None
    clock.advance(1)
    assert fire(drv) == Cue(60, "one minute")
    message = drv.snap().message
    assert message is not None and message.cue and message.text == "one minute"
    clock.advance(5)
    assert fire(drv) is None  # fired once
    with pytest.raises(ActionRefused, match="already fired"):
        drv.do(A.MESSAGE, text="x", cue="60")
    drv.do(A.NEXT)
    assert drv.snap().message is None  # cleared by the next segment
    clock.advance(480)
    assert fire(drv) == TWO
    clock.advance(90)
    assert fire(drv) == WRAP
    assert drv.snap().message.chime
    drv.do(A.PAUSE)
    clock.advance(600)
    assert fire(drv) is None  # a paused segment's remaining time does not move


def test_a_short_segment_skips_defaults_that_do_not_fit() -> None:
    show = Show("S", FakeClock().now(), segments=[Segment("Short", 60)], cues=(TWO, WRAP))
    assert show.cues_of(show.segments[0]) == (WRAP,)


def test_cue_messages_are_journaled_like_hand_messages(cued_show: Show, clock) -> None:
    drv = Driver(cued_show, clock)
    journal = [drv.do(A.START)]
    clock.advance(240)
    cue = drv.engine.due_cue(clock.now())
    journal.append(drv.do(A.MESSAGE, text=cue.text, cue=cue.key))
    report = build_report(cued_show, journal)
    assert report.segments[0].messages == ("one minute",)
    event = next(e for e in report.events if e.type == A.MESSAGE)
    assert event.detail == "one minute (automatic cue)"


def test_segment_and_show_cues_survive_serialisation(cued_show: Show) -> None:
    again = Show.from_dict(cued_show.to_dict())
    assert again.cues == cued_show.cues
    assert again.segments[0].cues == cued_show.segments[0].cues
    assert again.segments[1].cues is None


def test_cues_are_edited_like_any_field(small_show: Show) -> None:
    from moderator_app.core.runsheet_edit import EditRefused, apply_edit, set_field, set_show

    edit = set_field(small_show, 1, "cues", "2:00 2 minutes; 0:30! Wrap up")
    apply_edit(small_show, edit)
    assert small_show.segments[1].cues == (TWO, Cue(30, "Wrap up", True))
    with pytest.raises(EditRefused, match="longer than the segment"):
        set_field(small_show, 0, "cues", "6:00 too early")
    apply_edit(small_show, set_field(small_show, 1, "planned_duration_s", 60))
    assert small_show.cues_of(small_show.segments[1]) == (Cue(30, "Wrap up", True),)
    apply_edit(small_show, set_field(small_show, 1, "planned_duration_s", 600))
    apply_edit(small_show, set_field(small_show, 2, "cues", "none"))
    assert small_show.segments[2].cues == ()
    apply_edit(small_show, set_field(small_show, 2, "cues", ""))
    assert small_show.segments[2].cues is None
    apply_edit(small_show, set_show(small_show, "cues", "0:30 Wrap up"))
    assert small_show.cues == (Cue(30, "Wrap up"),)


def test_auto_start_needs_a_hard_start(small_show: Show) -> None:
    from moderator_app.core.runsheet_edit import EditRefused, apply_edit, set_field

    with pytest.raises(EditRefused, match="no hard start"):
        set_field(small_show, 2, "auto_start", "yes")
    apply_edit(small_show, set_field(small_show, 2, "hard_start", "16:15"))
    apply_edit(small_show, set_field(small_show, 2, "auto_start", "oui"))
    assert small_show.segments[2].auto_start
    with pytest.raises(EditRefused, match="turn auto-start off"):
        set_field(small_show, 2, "hard_start", "")


def test_a_cue_reached_long_ago_is_stale() -> None:
    from moderator_app.core.cues import STALE_S

    cues = (TWO, WRAP)
    # A console opened 17 minutes into overtime sends no "wrap up": it is long past.
    assert due_cue(cues, -17 * 60, frozenset()) is None
    assert due_cue(cues, 30 - STALE_S + 1, frozenset()) == WRAP
    assert due_cue(cues, 30 - STALE_S, frozenset()) is None
