"""What the timeline plots draw, as plain numbers (seconds since an origin).

Kept apart from the widgets so it is tested without a display, and so the live view
(from the engine's snapshot) and the after-show view (from a report) draw the same thing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.actions import CLOCK_JUMP, TIMER_TYPES, Action, ActionType
from moderator_app.core.clock import from_us, to_us
from moderator_app.core.engine import FINISHED, NOT_STARTED, PAUSED, Snapshot, TimerEngine
from moderator_app.core.report import DONE, Report
from moderator_app.core.report_runs import split_runs
from moderator_app.core.runsheet import Show

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


@dataclass(frozen=True)
class Piece:
    """The over/under from ``at_us`` until the next timer action.

    Between actions the figure is ``value_s`` for ``flat_s`` seconds (the countdown
    still has time: the projected end does not move), then grows one second per second
    (overtime, or paused). ``flat_s`` is infinite once the show is finished.
    """

    at_us: int
    value_s: float
    flat_s: float

    def value_at(self, t_us: int) -> float:
        return self.value_s + max(0.0, (t_us - self.at_us) / US - self.flat_s)

    def points_to(self, t_us: int) -> list[tuple[int, float]]:
        """The kink (where overtime began, if before ``t_us``) and the value at ``t_us``."""
        if t_us <= self.at_us:
            return []
        kink = self.at_us + round(self.flat_s * US) if math.isfinite(self.flat_s) else None
        out = []
        if kink is not None and self.at_us < kink < t_us:
            out.append((kink, self.value_s))
        out.append((t_us, self.value_at(t_us)))
        return out


def piece_at(engine: TimerEngine, at_us: int) -> Piece | None:
    """How the over/under moves from ``at_us`` on, given the engine's state now."""
    snap = engine.snapshot(from_us(at_us))
    if snap.state == NOT_STARTED:
        return None
    if snap.state == FINISHED:
        flat = math.inf
    elif snap.state == PAUSED:
        flat = 0.0
    elif snap.current_index is not None:
        flat = max(snap.remaining_s, 0.0)
    else:  # the current segment was deleted mid-show: the figure follows the clock
        flat = 0.0
    return Piece(at_us, snap.over_under_s, flat)


@dataclass(frozen=True)
class OverUnderSeries:
    """Break points (microseconds, seconds late) up to the run's last timer action, and
    how the figure moves on from there (``None`` before the start)."""

    points: list[tuple[int, float]]
    tail: Piece | None

    def points_to(self, t_us: int | None) -> list[tuple[int, float]]:
        if t_us is None or self.tail is None:
            return list(self.points)
        return _simplified(self.points + self.tail.points_to(t_us))


SAMPLED = TIMER_TYPES | {CLOCK_JUMP}


def over_under_series(show: Show, actions: list[Action], run: int | None = None) -> OverUnderSeries:
    """Replay one run (the latest by default) and note the over/under just before and
    just after every timer action, plus where overtime began in between: a step line
    that is exact at every instant, with a handful of points per action."""
    runs = split_runs(actions)
    number = len(runs) if run is None else run
    engine = TimerEngine(show)
    points: list[tuple[int, float]] = []
    piece: Piece | None = None
    for action in runs[number - 1] if 1 <= number <= len(runs) else []:
        if action.type == ActionType.NEW_RUN:
            continue
        sampled = action.type in SAMPLED
        at = action.at_us
        if sampled and piece is not None:
            points.extend(piece.points_to(at))
        engine.apply(action)
        if not sampled:
            continue
        piece = piece_at(engine, at)
        if piece is None:  # an undone start: the run has not begun after all
            points = []
        else:
            points.append((at, piece.value_s))
    return OverUnderSeries(_simplified(points), piece)


def _simplified(points: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Drop repeated points and middle points of straight stretches (not of jumps)."""
    out: list[tuple[int, float]] = []
    for p in points:
        if out and p == out[-1]:
            continue
        if len(out) >= 2:
            (t0, v0), (t1, v1) = out[-2], out[-1]
            t2, v2 = p
            if t0 < t1 < t2:
                cross = (t1 - t0) / US * (v2 - v1) - (t2 - t1) / US * (v1 - v0)
                if abs(cross) <= 1e-6 * max(1.0, (t2 - t0) / US):
                    out[-1] = p
                    continue
        out.append(p)
    return out


def over_under_points(
    series: OverUnderSeries, origin: datetime, until: datetime | None = None
) -> list[tuple[float, float]]:
    """The series in plot units: seconds since ``origin``, seconds late; up to ``until``
    for a run still going on."""
    base = to_us(origin)
    end = to_us(until) if until is not None else None
    return [((t - base) / US, v) for t, v in series.points_to(end)]


def with_zero_crossings(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The same line with a point added wherever it crosses zero, so that early (below)
    and late (above) can be shaded apart without a fill leaking across the axis."""
    out: list[tuple[float, float]] = []
    for p in points:
        if out:
            x0, y0 = out[-1]
            x1, y1 = p
            if (y0 < 0 < y1) or (y1 < 0 < y0):
                out.append((x0 + (x1 - x0) * (-y0) / (y1 - y0), 0.0))
        out.append(p)
    return out
