"""What the timeline plots draw, as plain numbers (seconds since an origin).

Kept apart from the widgets so it is tested without a display, and so the live view
(from the engine's snapshot) and the after-show view (from a report) draw the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.clock import to_us
from moderator_app.core.engine import FINISHED, Snapshot, TimerEngine
from moderator_app.core.report import DONE, Report

US = 1_000_000


@dataclass(frozen=True)
class GanttRow:
    """Seconds since the origin; ``None`` where nothing is known."""

    index: int
    title: str
    planned_start: float | None
    planned_s: float
    actual_start: float | None
    actual_end: float | None  # the end of what happened (now, for the current segment)
    projected_start: float | None  # what is still to come
    projected_end: float | None
    late: bool  # took (or is taking) longer than planned


def seconds_since(origin: datetime, moment: datetime | None) -> float | None:
    return None if moment is None else (to_us(moment) - to_us(origin)) / US


def gantt_from_report(report: Report, origin: datetime) -> list[GanttRow]:
    rows = []
    for g in report.segments:
        end = g.actual_end if g.status == DONE else None
        rows.append(
            GanttRow(
                index=g.index,
                title=g.title,
                planned_start=seconds_since(origin, g.planned_start),
                planned_s=float(g.planned_duration_s or 0),
                actual_start=seconds_since(origin, g.actual_start),
                actual_end=seconds_since(origin, end),
                projected_start=None,
                projected_end=None,
                late=(g.over_under_s or 0) > 0,
            )
        )
    return rows


def gantt_live(engine: TimerEngine, snap: Snapshot, origin: datetime) -> list[GanttRow]:
    """Done segments as they happened, the current one up to now, the rest projected."""
    show = engine.show
    st = engine.state
    now_s = seconds_since(origin, snap.now) or 0.0
    rows = []
    current = snap.current_index
    for i, seg in enumerate(show.segments):
        rec = st.record(seg.id)
        planned_start = seconds_since(origin, snap.planned_starts[i])
        actual_start = end = proj_start = proj_end = None
        late = False
        budget = float(max(seg.planned_duration_s + rec.added_s, 0))
        if rec.first_start_us is not None:
            actual_start = (rec.first_start_us - to_us(origin)) / US
        if i == current and snap.state != FINISHED:
            end = now_s
            late = snap.elapsed_s + snap.paused_s > seg.planned_duration_s
            if snap.remaining_s > 0:
                proj_start, proj_end = now_s, now_s + snap.remaining_s
        elif rec.last_end_us is not None and rec.visits:
            end = (rec.last_end_us - to_us(origin)) / US
            late = (rec.elapsed_us + rec.paused_us) / US > seg.planned_duration_s
        elif snap.live and (current is None or i > current):
            proj_start = seconds_since(origin, snap.projected_starts[i])
            proj_end = None if proj_start is None else proj_start + budget
        rows.append(
            GanttRow(
                index=i,
                title=seg.title,
                planned_start=planned_start,
                planned_s=float(seg.planned_duration_s),
                actual_start=actual_start,
                actual_end=end,
                projected_start=proj_start,
                projected_end=proj_end,
                late=late,
            )
        )
    return rows


def over_under_points(report: Report, origin: datetime) -> list[tuple[float, float]]:
    """The show's over/under through the run: at the start, then at each segment's end."""
    s = report.summary
    if s.actual_start is None or s.start_delay_s is None:
        return []
    points = [(seconds_since(origin, s.actual_start) or 0.0, s.start_delay_s)]
    ends = sorted(
        (g for g in report.segments if g.status == DONE and g.actual_end and g.planned_end),
        key=lambda g: g.actual_end,  # type: ignore[arg-type,return-value]
    )
    for g in ends:
        at = seconds_since(origin, g.actual_end) or 0.0
        points.append((at, (to_us(g.actual_end) - to_us(g.planned_end)) / US))  # type: ignore[arg-type]
    # Finished with segments left (or a hard end): the show's own figure closes the curve.
    if s.actual_end is not None and s.final_over_under_s is not None:
        at = seconds_since(origin, s.actual_end) or 0.0
        if abs(points[-1][1] - s.final_over_under_s) >= 1:
            points.append((at, s.final_over_under_s))
    return points
