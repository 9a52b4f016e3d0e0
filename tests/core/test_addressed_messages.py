"""A message addressed to one speaker (``to``: their remote link's id): only that
speaker's view carries it; the message to everyone stays for the others."""

from __future__ import annotations

from dataclasses import replace

import pytest

from moderator_app.core.actions import ActionRefused, ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.engine import TimerEngine
from moderator_app.core.runsheet import Show

A = ActionType


class Driver:
    def __init__(self, show: Show, clock: FakeClock) -> None:
        self.engine, self.clock, self.seq = TimerEngine(show), clock, 0

    def do(self, kind: str, **payload: object):
        action = self.engine.prepare(kind, payload, to_us(self.clock.now()))
        self.seq += 1
        action = replace(action, seq=self.seq)
        self.engine.apply(action)
        return action

    def snap(self):
        return self.engine.snapshot(self.clock.now())


@pytest.fixture
def drv(small_show: Show, clock: FakeClock) -> Driver:
    return Driver(small_show, clock)


def test_addressed_message_is_kept_apart_from_the_general_one(drv: Driver) -> None:
    drv.do(A.START)
    drv.do(A.MESSAGE, text="2 minutes")
    sent = drv.do(A.MESSAGE, text="Amina: your slides are frozen", to="amina")
    assert sent.payload["to"] == "amina"
    snap = drv.snap()
    assert snap.message.text == "2 minutes"  # everyone's message stays
    assert [(m.to, m.text) for m in snap.direct] == [("amina", "Amina: your slides are frozen")]
    assert snap.message_for("amina").text == "Amina: your slides are frozen"
    assert snap.message_for("bob").text == "2 minutes"
    assert snap.message_for(None).text == "2 minutes"
    drv.do(A.CLEAR_MESSAGE, to="amina")
    assert drv.snap().direct == () and drv.snap().message.text == "2 minutes"
    with pytest.raises(ActionRefused, match="no message to clear"):
        drv.do(A.CLEAR_MESSAGE, to="amina")


def test_clear_without_to_clears_every_message_and_stale_rules_hold(drv: Driver) -> None:
    drv.do(A.START)
    drv.do(A.MESSAGE, text="to amina", to="amina")
    drv.do(A.MESSAGE, text="to bob", to="bob", keep=True)
    drv.do(A.NEXT)  # amina's cue was for the segment that ended
    assert [m.to for m in drv.snap().direct] == ["bob"]
    drv.do(A.CLEAR_MESSAGE)  # no general message, but an addressed one: cleared
    assert drv.snap().direct == () and drv.snap().message is None
    drv.do(A.MESSAGE, text="x", to="bob")
    drv.do(A.NEW_RUN, label="again")
    assert drv.snap().direct == ()


def test_bad_addressee_is_refused(drv: Driver) -> None:
    drv.do(A.START)
    for bad in ("", "x" * 65, 5):
        with pytest.raises(ActionRefused, match="speaker link"):
            drv.do(A.MESSAGE, text="x", to=bad)


def test_the_report_says_who_an_addressed_message_was_for(small_show: Show, drv: Driver) -> None:
    from moderator_app.core.report import build_report

    journal = [drv.do(A.START), drv.do(A.MESSAGE, text="Micro coupé", to="amina"),
               drv.do(A.MESSAGE, text="2 minutes")]
    details = [e.detail for e in build_report(small_show, journal).events if e.type == A.MESSAGE]
    assert details == ["Micro coupé (to amina only)", "2 minutes"]
