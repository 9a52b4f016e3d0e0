"""A refusal carries its template and values beside the English sentence (core/refusal.py)."""

from __future__ import annotations

import copy
import pickle

import pytest

from moderator_app.app.timers import TimerInputError, parse_seconds
from moderator_app.core.actions import ActionRefused, ClockRefused
from moderator_app.core.cues import CueError, parse_cues


def test_the_english_sentence_is_the_formatted_template() -> None:
    exc = ActionRefused("A timer cannot last a negative time ({0:g} s)", -5.0)
    assert str(exc) == "A timer cannot last a negative time (-5 s)"
    assert exc.template == "A timer cannot last a negative time ({0:g} s)"
    assert exc.values == (-5.0,)
    assert exc.args == ("A timer cannot last a negative time (-5 s)",)


def test_a_plain_sentence_is_never_formatted() -> None:
    exc = ActionRefused("braces {stay} as written")
    assert str(exc) == "braces {stay} as written" and exc.values == ()


@pytest.mark.parametrize(
    "exc",
    [
        ActionRefused("Timer {0} is already running", 2),
        ClockRefused("{0:.0f} s behind", 12.4),
        TimerInputError("Cannot read {0!r} as a number of seconds", "abc"),
        CueError("Two cues at {0}: keep one", "2:00"),
    ],
)
def test_pickles_and_copies_with_template_and_values(exc) -> None:
    for again in (pickle.loads(pickle.dumps(exc)), copy.copy(exc), copy.deepcopy(exc)):
        assert type(again) is type(exc)
        assert str(again) == str(exc)
        assert (again.template, again.values) == (exc.template, exc.values)


def test_raised_refusals_keep_their_english_text() -> None:
    with pytest.raises(TimerInputError) as caught:
        parse_seconds("abc")
    assert str(caught.value) == "Cannot read 'abc' as a number of seconds"
    assert caught.value.values == ("abc",)
    with pytest.raises(CueError) as cue:
        parse_cues("2:00 a; 2:00 b")
    assert str(cue.value) == "Two cues at 2:00: keep one"
    assert cue.value.template == "Two cues at {0}: keep one"
