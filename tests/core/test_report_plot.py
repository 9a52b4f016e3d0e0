from __future__ import annotations

from datetime import timedelta

from moderator_app.core.clock import FakeClock
from moderator_app.core.report import build_report
from moderator_app.core.report_plot import (
    Piece,
    gantt_from_report,
    gantt_live,
    over_under_points,
    over_under_series,
    with_zero_crossings,
)
from moderator_app.core.runsheet import Show
from tests.core.test_report import T0, A, Journal, played


def test_gantt_and_curve_from_report(small_show: Show, clock: FakeClock) -> None:
    journal = played(Journal(small_show, clock)).actions
    r = build_report(small_show, journal)
    rows = gantt_from_report(r, T0)
    assert [(g.planned_start, g.planned_s) for g in rows] == [(0, 300), (300, 600), (900, 300)]
    assert (rows[1].actual_start, rows[1].actual_end, rows[1].late) == (390, 1110, True)
    assert rows[2].late is False

    # A step line, exact at every instant: flat while the countdown has time, one second
    # per second while paused or in overtime, and jumps where an action moved the end.
    points = over_under_points(over_under_series(small_show, journal), T0)
    assert points == [
        (60, 60),  # a minute late
        (160, 60),  # paused: the end slips one second per second
        (190, 90),  # resumed: flat again
        (400, 90),  # Two: +1 min moves the end at once
        (400, 150),
        (1050, 150),  # Two's countdown ran out: overtime
        (1110, 210),  # Three runs to plan
        (1350, 210),  # finish a minute early: the show ends 150 s late
        (1350, 150),
    ]


def test_curve_ends_with_the_show_figure_when_segments_skipped(small_show, clock) -> None:
    j = Journal(small_show, clock)
    j.do(A.START)
    j.wait(300)
    j.do(A.FINISH)
    points = over_under_points(over_under_series(small_show, j.actions), T0)
    assert points == [(0, 0), (300, 0), (300, -900)]


def test_curve_follows_a_live_run_to_now(small_show: Show, clock: FakeClock) -> None:
    j = Journal(small_show, clock)
    j.wait(-30)
    j.do(A.START)  # 30 s early
    j.wait(200)
    series = over_under_series(small_show, j.actions)
    assert over_under_points(series, T0) == [(-30, -30)]
    now = T0 + timedelta(seconds=400)  # 130 s into overtime
    assert over_under_points(series, T0, now) == [(-30, -30), (270, -30), (400, 100)]
    assert series.tail == Piece(series.points[-1][0], -30, 300)
    j.do(A.UNDO)  # back to not started: nothing to draw
    assert over_under_points(over_under_series(small_show, j.actions), T0, now) == []


def test_curve_of_a_chosen_run_ignores_the_others(small_show, clock) -> None:
    j = Journal(small_show, clock)
    j.do(A.START)
    j.wait(10)
    j.do(A.NEW_RUN, label="Live")
    j.do(A.MESSAGE, text="hello")
    assert over_under_series(small_show, j.actions).points == []
    assert over_under_points(over_under_series(small_show, j.actions, 1), T0) == [(0, 0)]


def test_zero_crossings_split_early_from_late() -> None:
    assert with_zero_crossings([(0, -10), (20, 10), (20, 5), (30, 5)]) == [
        (0, -10),
        (10, 0),
        (20, 10),
        (20, 5),
        (30, 5),
    ]
    assert with_zero_crossings([(0, 0), (5, 5)]) == [(0, 0), (5, 5)]


def test_gantt_live_projects_the_rest(small_show: Show, clock: FakeClock) -> None:
    j = Journal(small_show, clock)
    j.do(A.START)
    j.wait(400)
    j.do(A.NEXT)
    j.wait(100)
    snap = j.engine.snapshot(clock.now())
    rows = gantt_live(j.engine, snap, T0)
    assert (rows[0].actual_start, rows[0].actual_end, rows[0].late) == (0, 400, True)
    assert (rows[1].actual_start, rows[1].actual_end) == (400, 500)
    assert (rows[1].projected_start, rows[1].projected_end) == (500, 1000)
    assert (rows[2].projected_start, rows[2].projected_end) == (1000, 1300)
    assert rows[2].actual_start is None
    assert snap.now == T0 + timedelta(seconds=500)
