"""The machine-readable status of a show (``moderator-app status --json``)."""

from __future__ import annotations

from datetime import datetime

from moderator_app.core.aux_timers import AuxTimer
from moderator_app.core.clock import to_us
from moderator_app.core.engine import Snapshot
from moderator_app.core.runsheet import Show


def _iso(moment: datetime | None, show: Show) -> str | None:
    return None if moment is None else moment.astimezone(show.tz).isoformat()


def _seconds(value: float) -> float:
    return round(value, 3)


def status_dict(show: Show, snap: Snapshot) -> dict:
    """Exactly the keys the command line documents, datetimes in ISO 8601 with offset.

    Clock steps are not status: they are journaled (``clock.jump``) and the report lists them.
    The aux timers are a key of their own (``aux``), so ``live`` (also the network's
    ``poll``) stays as scripts know it.
    """
    planned = show.planned_starts()
    return {
        "show": {
            "title": show.title,
            "moderator": show.moderator,
            "language": show.language,
            "timezone": show.timezone,
            "planned_start": _iso(show.planned_start, show),
            "planned_end": _iso(show.target_end(), show),
        },
        "segments": [
            {
                "index": i,
                "title": seg.title,
                "kind": seg.kind.value,
                "speaker": seg.speaker,
                "organisation": seg.organisation,
                "region": seg.region,
                "planned_start": _iso(planned[i], show),
                "planned_duration_s": seg.planned_duration_s,
                "hard_start": seg.hard_start.strftime("%H:%M:%S") if seg.hard_start else None,
            }
            for i, seg in enumerate(show.segments)
        ],
        "live": {
            "state": snap.state,
            "current_index": snap.current_index,
            "elapsed_s": _seconds(snap.elapsed_s),
            "remaining_s": _seconds(snap.remaining_s),
            "phase": snap.phase,
            "over_under_s": _seconds(snap.over_under_s),
            "projected_end": _iso(snap.projected_end, show),
            "show_elapsed_s": _seconds(snap.show_elapsed_s),
        },
        "aux": [aux_dict(t, to_us(snap.now)) for t in snap.aux],
    }


def aux_dict(timer: AuxTimer, now_us: int) -> dict:
    """An aux timer at ``now_us`` (``status --json`` and ``control … aux``): ``figure_s`` is
    what it shows, remaining (negative in overtime) or elapsed when it counts up."""
    return {
        "timer": timer.number, "name": timer.name, "direction": timer.direction,
        "shown": timer.shown, "duration_s": timer.duration_us / 1_000_000,
        "running": timer.running, "figure_s": _seconds(timer.figure_s(now_us)),
        "overtime": timer.overtime(now_us),
    }  # fmt: skip
