"""The flip instants shared by the console's ticker and the network server include the
timers beside the schedule: an aux timer started at an odd fraction flips on its own."""

from __future__ import annotations

from types import SimpleNamespace

from moderator_app.app.flips import US, flip_phases_us, next_flip_delay_us
from moderator_app.core.aux_timers import AuxTimer
from moderator_app.core.engine import NOT_STARTED


def _snap(**values):
    return SimpleNamespace(**{"state": NOT_STARTED, "aux": (), "answer": None, **values})


def test_a_running_aux_timer_flips_at_its_own_fraction_before_the_show() -> None:
    timer = AuxTimer(1, duration_us=90 * US, running_since_us=10 * US + 370_000)
    phases = flip_phases_us(_snap(aux=(timer,)), 11 * US, None)
    assert 370_000 in phases
    # From 11.0 s the next boundary is the timer's, at 11.37 s, not the wall clock's 12 s.
    assert next_flip_delay_us(11 * US, phases) == 370_000


def test_a_paused_aux_timer_and_a_stopped_show_give_no_phase() -> None:
    timer = AuxTimer(2, elapsed_us=4_250_000)
    assert flip_phases_us(_snap(aux=(timer,)), 11 * US, None) == []


def test_a_countdown_with_a_fractional_length_flips_at_both_fractions() -> None:
    timer = AuxTimer(3, duration_us=90_500_000, running_since_us=20 * US, elapsed_us=250_000)
    phases = flip_phases_us(_snap(aux=(timer,)), 21 * US, None)
    assert (20 * US - 250_000) % US in phases
    assert (20 * US - 250_000 + 90_500_000) % US in phases


def test_the_answer_timer_flips_from_its_start() -> None:
    answer = SimpleNamespace(started_us=30 * US + 640_000, running=True)
    assert 640_000 in flip_phases_us(_snap(answer=answer), 31 * US, None)
