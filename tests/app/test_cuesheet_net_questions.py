"""app/cuesheet.py (run sheet edits from the network with the version rule) and
app/net_questions.py (the queue's operations for the network). Fake clock."""

from __future__ import annotations

import pytest

from moderator_app.app import cuesheet, live_feed, net_questions
from moderator_app.app.questions import QuestionBook, QuestionError
from moderator_app.core.actions import ActionType
from moderator_app.core.runsheet_edit import EditRefused
from moderator_app.io.session import ShowSession

NET = {"origin": "network", "role": "producer"}


def _row(session, index):
    return live_feed.rundown_json(session)[index]


def test_two_edits_on_the_same_version_second_refused_nothing_lost(session) -> None:
    row = _row(session, 2)
    cuesheet.edit_segment(session, row["id"], {"title": "First writer"}, row["version"], extra=NET)
    with pytest.raises(cuesheet.Conflict, match=r"^changed by someone else — reloaded$"):
        cuesheet.edit_segment(session, row["id"], {"title": "Second writer"}, row["version"])
    assert session.show.segments[2].title == "First writer"
    last = session.file.actions()[-1]
    assert last.payload["after"] == "First writer" and last.payload["origin"] == "network"
    # Reloaded: with the new version the second writer's edit goes through.
    row = _row(session, 2)
    cuesheet.edit_segment(session, row["id"], {"title": "Second writer"}, row["version"])
    assert session.show.segments[2].title == "Second writer"


def test_conflict_with_an_edit_made_by_another_process(show_path, session, clock) -> None:
    row = _row(session, 1)
    console = ShowSession.open(show_path, clock=clock)
    try:
        other = live_feed.rundown_json(console)[1]
        cuesheet.edit_segment(console, other["id"], {"notes": "from the console"}, other["version"])
    finally:
        console.close()
    with pytest.raises(cuesheet.Conflict):
        cuesheet.edit_segment(session, row["id"], {"notes": "from the browser"}, row["version"])
    assert session.show.segments[1].notes == "from the console"


def test_other_segment_edit_is_no_conflict_but_a_move_is(session) -> None:
    rows = live_feed.rundown_json(session)
    cuesheet.edit_segment(session, rows[3]["id"], {"speaker": "Ana"}, rows[3]["version"])
    cuesheet.edit_segment(session, rows[4]["id"], {"speaker": "Bo"}, rows[4]["version"])
    cuesheet.move_segment(session, rows[6]["id"], 7, _row(session, 6)["version"])
    with pytest.raises(cuesheet.Conflict):
        cuesheet.edit_segment(session, rows[5]["id"], {"speaker": "Cy"}, rows[5]["version"])


def test_several_fields_one_group_and_typed_values(session) -> None:
    row = _row(session, 2)
    actions = cuesheet.edit_segment(session, row["id"], {
        "title": "T", "planned_duration_s": "15:00", "hard_start": "16h30", "notes": "n"},
        row["version"])
    assert len(actions) == 4 and len({a.payload["group"] for a in actions}) == 1
    seg = session.show.segments[2]
    assert seg.planned_duration_s == 900 and seg.hard_start.strftime("%H:%M") == "16:30"


@pytest.mark.parametrize(("fields", "error"), [
    ({"kind": "qa"}, cuesheet.CuesheetInputError),
    ({"title": ["x"]}, cuesheet.CuesheetInputError),
    ({"title": "x" * 1001}, cuesheet.CuesheetInputError),
    ({}, cuesheet.CuesheetInputError),
    ({"planned_duration_s": "soon"}, EditRefused),
])
def test_bad_edits_refused_and_nothing_written(session, fields, error) -> None:
    row = _row(session, 2)
    with pytest.raises(error):
        cuesheet.edit_segment(session, row["id"], fields, row["version"])
    assert session.file.actions() == []


def test_missing_version_is_an_input_error(session) -> None:
    with pytest.raises(cuesheet.CuesheetInputError):
        cuesheet.edit_segment(session, _row(session, 0)["id"], {"title": "x"}, None)


def test_insert_delete_and_the_live_rule(session) -> None:
    n = len(session.show.segments)
    row = _row(session, 0)
    cuesheet.insert_segment(session, 1, row["version"], title="Break")
    assert len(session.show.segments) == n + 1 and session.show.segments[1].title == "Break"
    session.perform(ActionType.START)
    on_air = _row(session, 0)
    with pytest.raises(EditRefused):  # the segment on air cannot be deleted
        cuesheet.delete_segment(session, on_air["id"], on_air["version"])
    gone = _row(session, 1)
    cuesheet.delete_segment(session, gone["id"], gone["version"])
    assert len(session.show.segments) == n


def test_deleted_meanwhile_is_a_conflict(session) -> None:
    row = _row(session, 3)
    cuesheet.delete_segment(session, row["id"], row["version"])
    with pytest.raises(cuesheet.Conflict):
        cuesheet.edit_segment(session, row["id"], {"title": "x"}, row["version"] + 10)


def test_questions_add_shortlist_take_next_answered(session, clock) -> None:
    book = QuestionBook(session)
    q = net_questions.add(book, "What about\x07 budgets?", "Sam", source="chat", extra=NET)
    assert q.text == "What about budgets?" and q.source == "chat"
    assert session.file.actions()[-1].payload["origin"] == "network"
    net_questions.set_state(book, q.id, "star", extra=NET)
    net_questions.set_state(book, q.id, "shortlisted", extra=NET)
    net_questions.take_next(book, extra=NET)
    assert net_questions.on_air_line(book) == ("What about budgets?", "Sam")
    net_questions.answered(book, extra=NET)
    (item,) = net_questions.items_json(book)
    assert item["state"] == "answered" and item["starred"] is True
    assert book.queue.get(q.id).state.value == "answered"


def test_question_input_bounds(session) -> None:
    book = QuestionBook(session)
    with pytest.raises(net_questions.QuestionInputError):
        net_questions.add(book, "x" * 501, source="audience")
    with pytest.raises(net_questions.QuestionInputError):
        net_questions.add(book, "   ", source="chat")
    with pytest.raises(net_questions.QuestionInputError):
        net_questions.set_state(book, "id", "burn")
    with pytest.raises(QuestionError):
        net_questions.take_next(book)  # nothing shortlisted: the console's refusal
    assert session.file.actions() == []


def test_move_orders_the_queue(session) -> None:
    book = QuestionBook(session)
    a = net_questions.add(book, "A", source="chat")
    b = net_questions.add(book, "B", source="chat")
    net_questions.move(book, [b.id], a.id)
    assert [i["text"] for i in net_questions.items_json(book)] == ["B", "A"]


def test_report_folds_network_actions_with_their_extra_keys(session, clock) -> None:
    import json

    from moderator_app.app import notes
    from moderator_app.app.control import control
    from moderator_app.app.reports import build, read_journal, report_data

    book = QuestionBook(session)
    control(session, "start", origin=NET)
    row = _row(session, 3)
    cuesheet.edit_segment(session, row["id"], {"title": "Renamed"}, row["version"], extra=NET)
    q = net_questions.add(book, "Q?", source="chat", extra=NET)
    net_questions.set_state(book, q.id, "on_air", extra=NET)
    notes.send_note(session, "hello", "prod", extra=NET)
    clock.advance(60)
    net_questions.answered(book, extra=NET)
    control(session, "next", origin=NET)
    data = report_data(build(read_journal(session.file)))
    json.dumps(data)
    assert "Renamed" in json.dumps(data, ensure_ascii=False)
    # The question book's undo still works on entries carrying the extra keys.
    book.undo()
    assert book.queue.get(q.id).state.value == "on_air"
