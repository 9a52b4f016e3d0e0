"""app/live_feed.py (the network's JSON, from the one presenter) and app/flips.py (when a
displayed second flips). Fake clock."""

from __future__ import annotations

import json
from dataclasses import fields

from moderator_app.app import live_feed
from moderator_app.app.flips import US, next_flip_delay_us
from moderator_app.app.presenter import LiveView, present
from moderator_app.core.actions import ActionType
from moderator_app.core.clock import from_us, to_us


def test_view_json_has_every_liveview_field_and_is_json(session) -> None:
    view = present(session.show, session.snapshot())
    data = live_feed.view_json(view, "en")
    assert {f.name for f in fields(LiveView)} <= set(data)
    json.dumps(data)  # datetimes went ISO
    assert data["now"] == view.now.isoformat()


def test_headline_and_cities_worded_as_the_console_does(session, clock) -> None:
    session.perform(ActionType.START)
    view = present(session.show, session.snapshot())
    n = len(session.show.segments)
    assert live_feed.view_json(view, "en")["headline_text"] == f"Live — segment 1 of {n}"
    fr = live_feed.view_json(view, "fr")
    assert fr["headline_text"] == f"En direct — séquence 1 sur {n}"
    cities = {z["city"] for z in fr["speakers"]}
    assert cities and all(isinstance(c, str) and c for c in cities)


def test_frames_are_now_and_the_next_two_flips(session, clock) -> None:
    session.perform(ActionType.START)
    clock.advance(0.25)
    now = to_us(clock.now())
    first, flip, later = live_feed.frames(session, now)
    assert first["at_us"] == now and now < flip["at_us"] <= now + US
    # The next flip after it too: a push made a lead ahead of the wall clock's second must
    # not drop the countdown's flip that falls before it (a page replaces its schedule).
    assert flip["at_us"] < later["at_us"] <= flip["at_us"] + US
    assert later["at_us"] == live_feed.next_flip_us(session, flip["at_us"])
    # The countdown flips on its own boundary: at the flip its figure is one second less.
    assert first["view"]["big"] != flip["view"]["big"]
    at_flip = present(session.show, session.engine.snapshot(from_us(flip["at_us"])))
    assert flip["view"]["big"] == at_flip.big


def test_next_flip_delay_moved_from_the_ticker() -> None:
    from moderator_app.ui import ticker

    assert ticker.next_flip_delay_us is next_flip_delay_us
    assert next_flip_delay_us(10 * US + 250_000, []) == 750_000


def test_poll_json_is_status_live_keys_plus_titles_and_message(session, clock) -> None:
    before = live_feed.poll_json(session)
    assert before["state"] == "not_started" and before["current_title"] is None
    assert before["next_title"] == session.show.segments[0].title
    session.perform(ActionType.START)
    session.perform(ActionType.MESSAGE, {"text": "Wrap up", "blink": True})
    poll = live_feed.poll_json(session)
    assert set(poll) >= {"state", "current_index", "elapsed_s", "remaining_s", "phase",
                         "over_under_s", "projected_end", "show_elapsed_s"}
    assert poll["current_title"] == session.show.segments[0].title
    assert poll["next_title"] == session.show.segments[1].title
    assert poll["message"] == "Wrap up" and poll["message_blink"] is True
    assert poll["seq"] == session.last_seq


def test_rundown_states_and_versions(session, clock) -> None:
    from moderator_app.app.runsheet import commit
    from moderator_app.core.runsheet_edit import move, set_field

    rows = live_feed.rundown_json(session)
    assert [r["state"] for r in rows[:2]] == ["next", "later"]
    assert {r["version"] for r in rows} == {0}
    session.perform(ActionType.START)
    session.perform(ActionType.NEXT)
    rows = live_feed.rundown_json(session)
    assert [r["state"] for r in rows[:3]] == ["done", "current", "next"]
    edit = commit(session, set_field(session.show, 4, "title", "Renamed"))
    rows = live_feed.rundown_json(session)
    assert rows[4]["version"] == edit.seq and rows[3]["version"] == 0
    moved = commit(session, move(session.show, 6, 5))
    assert {r["version"] for r in live_feed.rundown_json(session)} == {moved.seq}
