"""The presenter on a fake clock: one view model of the live state, no Qt."""

from __future__ import annotations

import sys
from datetime import timedelta

import pytest

from moderator_app.app.presenter import (
    BIG_COUNTDOWN,
    BIG_FINAL,
    BIG_OVERTIME,
    BIG_READY,
    BIG_STARTS_IN,
    HL_FINISHED,
    HL_LIVE,
    HL_PAUSED,
    HL_PLANNED_AGO,
    HL_REHEARSAL,
    HL_STARTS_AT,
    present,
)
from moderator_app.core.actions import ActionType
from moderator_app.io.session import ShowSession


def view(session: ShowSession, **kw):
    return present(session.show, session.snapshot(), **kw)


def test_presenter_imports_no_qt() -> None:
    import subprocess

    code = ("import sys, moderator_app.app.presenter; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_before_the_show(session: ShowSession, clock) -> None:
    clock.advance(-750)  # 12:30 before the planned start
    v = view(session)
    assert (v.big_kind, v.big, v.big_span) == (BIG_STARTS_IN, "12:30", None)
    assert v.headline == HL_STARTS_AT and v.headline_args[0].hour == 16
    assert v.current is not None and v.current_is_first and v.current.number == 1
    assert v.next is not None and v.next.index == 1
    assert v.progress == 0 and not v.flash and v.over_under_s == 0
    clock.advance(-85 * 86400)
    v = view(session)
    assert v.big == "" and v.big_span == (85, 0)


def test_after_the_planned_start_without_starting(session: ShowSession, clock) -> None:
    clock.advance(120)
    v = view(session)
    assert v.big_kind == BIG_READY and v.headline == HL_PLANNED_AGO
    assert v.headline_args[1] == pytest.approx(120)
    clock.advance(2 * 86400)
    v = view(session)
    assert v.headline == HL_REHEARSAL
    assert v.over_under_s is None  # waiting for days: a "late" figure would mislead


def test_running_overtime_paused_finished(session: ShowSession, clock) -> None:
    session.perform(ActionType.START)
    first = session.show.segments[0].planned_duration_s
    clock.advance(10)
    v = view(session)
    assert v.big_kind == BIG_COUNTDOWN and v.headline == HL_LIVE
    assert v.headline_args == (1, len(session.show.segments))
    assert v.current.index == 0 and not v.current_is_first
    clock.advance(first - 10 + 37)
    v = view(session)
    assert (v.big_kind, v.big, v.phase, v.symbol) == (BIG_OVERTIME, "+0:37", "overtime", "■")
    assert v.flash and v.overtime_s == pytest.approx(37)
    session.perform(ActionType.PAUSE)
    v = view(session)
    assert v.headline == HL_PAUSED and not v.flash and v.big == "+0:37"
    session.perform(ActionType.RESUME)
    session.perform(ActionType.MESSAGE, {"text": "Merci de conclure", "blink": True})
    v = view(session)
    assert v.message == "Merci de conclure" and v.message_blink
    session.perform(ActionType.FINISH)
    v = view(session)
    assert v.headline == HL_FINISHED and v.big_kind == BIG_FINAL
    # the show's final over/under: finished at 16:05:37, planned to end at 17:30
    assert v.big == "-1:24:23" and v.over_under_s == pytest.approx(-(84 * 60 + 23))
    assert v.next is None and not v.next_is_end


def test_speakers_local_times_and_question(session: ShowSession, clock) -> None:
    v = view(session, question=("Une question ?", "Zoé — Lyon"))
    assert (v.question, v.question_by) == ("Une question ?", "Zoé — Lyon")
    toronto = next(z for z in v.speakers if z.zone == "America/Toronto")
    assert toronto.local.hour == 10 and toronto.day_offset == 0
    assert v.now.tzinfo.key == "Europe/Paris" and v.zone_ok


def test_unknown_zone_falls_back_to_utc(session: ShowSession) -> None:
    session.show.timezone = "Mars/Olympus"
    v = view(session)
    assert not v.zone_ok and v.zone_name == "UTC" and v.now.utcoffset() == timedelta(0)
