"""app/control.py: the one table of timer actions (command line and network), its input
checks, its refusals in the command line's words, the two-operators rule (``if_seq``) and
who made an action (``origin``) in the journal and the report. Fake clock."""

from __future__ import annotations

import threading

import pytest

from moderator_app.app.control import (
    ActionRefused,
    ControlInputError,
    StaleAction,
    control,
    parse_arg,
)
from moderator_app.app.reports import build, read_journal, report_data
from moderator_app.app.show import Role, open_show
from moderator_app.io.session import ShowSession

NETWORK = {"origin": "network", "role": "control"}


def test_cli_text_and_network_payload_make_the_same_action(session, clock) -> None:
    assert control(session, "start", "2").payload["index"] == 2
    clock.advance(5)
    a = control(session, "goto", payload={"index": 4})
    assert a.type == "goto" and a.payload["index"] == 4


@pytest.mark.parametrize(("name", "arg", "words"), [
    ("goto", None, "goto needs a segment number"),
    ("goto", "x", "is not a segment number"),
    ("add-time", "1.5", "is not a whole number of seconds"),
    ("message", "", "message needs the text"),
    ("pause", "3", "pause takes no argument"),
    ("jump", None, "unknown action"),
])
def test_bad_text_argument_is_an_input_error(session, name, arg, words) -> None:
    with pytest.raises(ControlInputError, match=words):
        parse_arg(name, arg)
    assert session.file.actions() == []


@pytest.mark.parametrize("payload", [
    {"index": "3"}, {"index": True}, {"index": 1.5},
])
def test_bad_network_index_is_an_input_error(session, payload) -> None:
    with pytest.raises(ControlInputError):
        control(session, "goto", payload=payload)
    assert session.file.actions() == []


def test_add_time_over_an_hour_and_long_message_are_input_errors(session) -> None:
    control(session, "start")
    with pytest.raises(ControlInputError, match="one hour"):
        control(session, "add-time", payload={"seconds": 3601})
    with pytest.raises(ControlInputError, match="1000 characters"):
        control(session, "message", payload={"text": "x" * 1001})
    assert [a.type for a in session.file.actions()] == ["start"]


def test_message_from_the_network_is_plain_text(session) -> None:
    a = control(session, "message", payload={"text": "Wrap\x1b[31m up\x07\nnow", "blink": 1})
    assert a.payload["text"] == "Wrap[31m up\nnow" and a.payload["blink"] is True


def test_refusal_has_the_command_line_words(session) -> None:
    with pytest.raises(ActionRefused, match=r"^resume refused: Resume works only while the timer is paused$"):
        control(session, "resume")


def test_origin_goes_into_the_journal_and_the_report_takes_it(session, clock) -> None:
    control(session, "start", origin=NETWORK)
    clock.advance(30)
    a = control(session, "next", payload={}, origin=NETWORK)
    assert a.payload["origin"] == "network" and a.payload["role"] == "control"
    stored = session.file.actions()[-1]
    assert stored.payload == a.payload
    data = report_data(build(read_journal(session.file)))  # extra keys: the report still folds
    assert [seg["index"] for seg in data["segments"] if seg.get("actual_start")][:2] == [0, 1]


def test_if_seq_refuses_a_second_next_decided_on_the_same_state(session, clock) -> None:
    control(session, "start")
    seen = session.last_seq
    clock.advance(10)
    control(session, "next", payload={}, if_seq=seen)
    with pytest.raises(StaleAction, match=r"the show moved on since \(journal 2 > 1\): nothing done"):
        control(session, "next", payload={}, if_seq=seen)
    assert [a.type for a in session.file.actions()] == ["start", "next"]
    assert session.snapshot().current_index == 1


def test_if_seq_ignores_changes_that_are_not_timer_actions(session, clock) -> None:
    control(session, "start")
    seen = session.last_seq
    control(session, "message", payload={"text": "hello"})  # not a timer action
    control(session, "next", payload={}, if_seq=seen)
    assert session.snapshot().current_index == 1


def test_if_seq_refuses_against_another_process_journal(show_path, session, clock) -> None:
    control(session, "start")
    seen = session.last_seq
    other = ShowSession.open(show_path, clock=clock)  # another connection to the file
    try:
        control(other, "next")  # the moderator at another surface
    finally:
        other.close()
    # This session has not looked at the file since: the rule is checked at commit.
    with pytest.raises(StaleAction):
        control(session, "next", payload={}, if_seq=seen)
    assert session.snapshot().current_index == 1


def test_two_operators_racing_skip_exactly_one_segment(show_path) -> None:
    opener = open_show(show_path, role=Role.COMMAND)
    control(opener, "start")
    seen = opener.last_seq
    opener.close()
    results: list[str] = []
    barrier = threading.Barrier(2)

    def press() -> None:
        s = open_show(show_path, role=Role.COMMAND, wait_s=10)
        try:
            barrier.wait()
            control(s, "next", payload={}, if_seq=seen)
            results.append("done")
        except StaleAction:
            results.append("stale")
        finally:
            s.close()

    threads = [threading.Thread(target=press) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["done", "stale"]
    check = open_show(show_path, role=Role.COMMAND)
    try:
        assert [a.type for a in check.file.actions()] == ["start", "next"]
        assert check.snapshot().current_index == 1
    finally:
        check.close()
