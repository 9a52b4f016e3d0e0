from __future__ import annotations

from moderator_app.ui.ticker import US, next_flip_delay_us


def test_wall_clock_boundary() -> None:
    assert next_flip_delay_us(10 * US + 250_000, []) == 750_000
    assert next_flip_delay_us(10 * US, []) == US


def test_countdown_phase_wins_when_earlier() -> None:
    # A segment started at .437: its countdown flips at .437 of every second.
    now = 10 * US + 100_000
    assert next_flip_delay_us(now, [437_000]) == 337_000
    assert next_flip_delay_us(now, [50_000]) == 900_000  # wall clock (.000) comes first


def test_phase_exactly_now_waits_a_full_second() -> None:
    assert next_flip_delay_us(10 * US + 437_000, [437_000]) == 563_000
