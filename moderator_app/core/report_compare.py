"""Two runs side by side (a rehearsal against the live show, say), segment by segment.

Absolute start times of a rehearsal and a live show are on different days, so the rows
compare what is comparable: offsets from each run's start, durations and over/under.
"""

from __future__ import annotations

from dataclasses import dataclass

from moderator_app.core.actions import Action
from moderator_app.core.clock import to_us
from moderator_app.core.report import Report, SegmentReport, build_report
from moderator_app.core.runsheet import Show

US = 1_000_000


@dataclass(frozen=True)
class CompareRow:
    index: int
    title: str
    planned_duration_s: int | None
    a_offset_s: float | None  # actual start, seconds after the run's start
    a_duration_s: float | None
    a_over_under_s: float | None
    b_offset_s: float | None
    b_duration_s: float | None
    b_over_under_s: float | None
    duration_diff_s: float | None  # b - a


@dataclass(frozen=True)
class Comparison:
    a: Report
    b: Report
    rows: list[CompareRow]


def _offset(report: Report, seg: SegmentReport | None) -> float | None:
    start = report.summary.actual_start
    if seg is None or seg.actual_start is None or start is None:
        return None
    return (to_us(seg.actual_start) - to_us(start)) / US


def compare_runs(show: Show, actions: list[Action], run_a: int, run_b: int) -> Comparison:
    a = build_report(show, actions, run_a)
    b = build_report(show, actions, run_b)
    by_id_b = {s.segment_id: s for s in b.segments}
    seen = set()
    rows = []
    for sa in a.segments:
        sb = by_id_b.get(sa.segment_id)
        seen.add(sa.segment_id)
        rows.append(_row(len(rows), sa.title, sa.planned_duration_s, a, sa, b, sb))
    for sb in b.segments:
        if sb.segment_id not in seen:
            rows.append(_row(len(rows), sb.title, sb.planned_duration_s, a, None, b, sb))
    return Comparison(a, b, rows)


def _row(
    index: int,
    title: str,
    planned: int | None,
    a: Report,
    sa: SegmentReport | None,
    b: Report,
    sb: SegmentReport | None,
) -> CompareRow:
    da = sa.actual_duration_s if sa else None
    db = sb.actual_duration_s if sb else None
    return CompareRow(
        index=index,
        title=title,
        planned_duration_s=planned,
        a_offset_s=_offset(a, sa),
        a_duration_s=da,
        a_over_under_s=sa.over_under_s if sa else None,
        b_offset_s=_offset(b, sb),
        b_duration_s=db,
        b_over_under_s=sb.over_under_s if sb else None,
        duration_diff_s=db - da if da is not None and db is not None else None,
    )
