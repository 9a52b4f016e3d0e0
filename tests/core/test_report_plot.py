from __future__ import annotations

from datetime import timedelta

from moderator_app.core.clock import FakeClock
from moderator_app.core.report import build_report
from moderator_app.core.report_plot import gantt_from_report, gantt_live, over_under_points
from moderator_app.core.runsheet import Show
from tests.core.test_report import T0, A, Journal, played


def test_gantt_and_curve_from_report(small_show: Show, clock: FakeClock) -> None:
    r = build_report(small_show, played(Journal(small_show, clock)).actions)
    rows = gantt_from_report(r, T0)
    assert [(g.planned_start, g.planned_s) for g in rows] == [(0, 300), (300, 600), (900, 300)]
    assert (rows[1].actual_start, rows[1].actual_end, rows[1].late) == (390, 1110, True)
    assert rows[2].late is False
    assert over_under_points(r, T0) == [(60, 60), (390, 90), (1110, 210), (1350, 150)]


def test_curve_ends_with_the_show_figure_when_segments_skipped(small_show, clock) -> None:
    j = Journal(small_show, clock)
    j.do(A.START)
    j.wait(300)
    j.do(A.FINISH)
    points = over_under_points(build_report(small_show, j.actions), T0)
    assert points == [(0, 0), (300, 0), (300, -900)]


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
