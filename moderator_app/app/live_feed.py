"""The JSON the network gets: built from the one presenter (app/presenter.present), never
from a second formatter of what ``present`` already decides.

- ``view_json``: every LiveView field, datetimes ISO 8601 with offset, plus the headline
  worded in the asked language and the speakers' cities as the console words them;
- ``frames``: the view now and at the next display flip (the browsers apply the second
  one exactly at its instant, on the server's clock);
- ``poll_json``: ``status --json``'s live keys plus current and next titles and the
  message (Ontime's /api/poll);
- ``rundown_json``: each segment with its planned and projected times, its state and its
  ``version`` (the cue sheet's conflict rule, app/cuesheet.py).
"""

from __future__ import annotations

from datetime import datetime

from moderator_app.app import live_words
from moderator_app.app.flips import flip_phases_us, next_flip_delay_us
from moderator_app.app.presenter import LiveView, SegmentLine, present
from moderator_app.app.stage import question_shown
from moderator_app.core.actions import RUNSHEET_CHANGE_TYPES
from moderator_app.core.clock import from_us
from moderator_app.core.engine import FINISHED, NOT_STARTED
from moderator_app.core.runsheet_edit import SET
from moderator_app.core.status import status_dict
from moderator_app.io.session import ShowSession

Question = tuple[str, str] | None


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _line(line: SegmentLine | None) -> dict | None:
    if line is None:
        return None
    return {
        "index": line.index, "number": line.number, "title": line.title, "who": line.who,
        "notes": line.notes, "start": _iso(line.start),
    }  # fmt: skip


def view_json(view: LiveView, lang: str = "en") -> dict:
    """Every field of ``view`` as JSON, plus ``headline_text`` and the cities in ``lang``."""
    args = [_iso(a) if isinstance(a, datetime) else a for a in view.headline_args]
    return {
        "state": view.state,
        "phase": view.phase,
        "symbol": view.symbol,
        "big": view.big,
        "big_kind": view.big_kind,
        "big_span": list(view.big_span) if view.big_span else None,
        "headline": view.headline,
        "headline_args": args,
        "headline_text": live_words.headline(view, lang),
        "overtime_s": round(view.overtime_s, 3),
        "flash": view.flash,
        "progress": round(view.progress, 4),
        "current": _line(view.current),
        "current_is_first": view.current_is_first,
        "next": _line(view.next),
        "next_is_end": view.next_is_end,
        "now": _iso(view.now),
        "zone_name": view.zone_name,
        "zone_ok": view.zone_ok,
        "over_under_s": None if view.over_under_s is None else round(view.over_under_s, 3),
        "projected_end": _iso(view.projected_end),
        "planned_end": _iso(view.planned_end),
        "elapsed_s": round(view.elapsed_s, 3),
        "show_elapsed_s": round(view.show_elapsed_s, 3),
        "speakers": [
            {
                "zone": z.zone, "people": z.people, "city": live_words.city(z.city, lang),
                "local": _iso(z.local), "clock": live_words.clock_text(z.local) if z.local
                else None, "day_offset": z.day_offset,
            }
            for z in view.speakers
        ],
        "message": view.message,
        "message_blink": view.message_blink,
        "question": view.question,
        "question_by": view.question_by,
        "has_segments": view.has_segments,
        "live": view.live,
        # Timers beside the schedule (aux timers, the answer timer), the automatic start
        # countdown and whether the message is an automatic cue.
        "timers": [
            {
                "kind": t.kind, "number": t.number, "name": t.name, "figure": t.figure,
                "seconds": round(t.seconds, 3), "overtime": t.overtime, "running": t.running,
                "main": t.main,
            }
            for t in view.timers
        ],
        "auto_start_in_s": (None if view.auto_start_in_s is None
                            else round(view.auto_start_in_s, 3)),
        "auto_start_title": view.auto_start_title,
        "auto_start_number": view.auto_start_number,
        "message_cue": view.message_cue,
        "message_chime": view.message_chime,
        "blackout": view.blackout,
    }


def view_at(session: ShowSession, at_us: int, question: Question = None,
            audience: str | None = None) -> LiveView:
    """The view at ``at_us`` as ``audience`` (a speaker's remote link; None: everyone)
    sees it; the question on air only when the moderator shows it to the speakers
    (app/stage.py)."""
    snap = session.engine.snapshot(from_us(at_us))
    return present(session.show, snap, question=question if question_shown(snap) else None,
                   audience=audience)


def next_flip_us(session: ShowSession, now_us: int) -> int:
    """The next instant a displayed figure changes (see app/flips.py)."""
    snap = session.engine.snapshot(from_us(now_us))
    phases = flip_phases_us(snap, now_us, session.engine.state.show_started_us)
    return now_us + next_flip_delay_us(now_us, phases)


def frames(
    session: ShowSession, now_us: int, *, lang: str = "en", question: Question = None,
    audience: str | None = None,
) -> list[dict]:
    """The view at ``now_us`` and at the next two display flips, each with its instant;
    ``audience``: the speaker (remote link id) whose addressed message it carries.

    Two flips, not one: a page replaces its schedule with each push, and pushes come a
    lead ahead of every flip — of the countdown's and of the wall clock's, which fall at
    different fractions of a second. A push made for the later flip would otherwise drop
    the earlier one still waiting on the page."""
    flip_us = next_flip_us(session, now_us)
    after_us = next_flip_us(session, flip_us)
    return [
        {"at_us": at, "view": view_json(view_at(session, at, question, audience), lang)}
        for at in (now_us, flip_us, after_us)
    ]


def poll_json(session: ShowSession) -> dict:
    """``status --json``'s live keys, the current and next titles, the message and the
    journal position it reflects (``seq``, for ``?if=``)."""
    snap = session.snapshot()
    out = dict(status_dict(session.show, snap)["live"])
    segs = session.show.segments
    current = snap.current_index
    upcoming = snap.next_index if current is not None else (0 if segs else None)
    if snap.state == NOT_STARTED and segs:
        upcoming = 0
    out["current_title"] = segs[current].title if current is not None and current < len(segs) else None
    out["next_title"] = (
        segs[upcoming].title
        if upcoming is not None and upcoming < len(segs) and snap.state != FINISHED
        else None
    )
    out["message"] = snap.message.text if snap.message else ""
    out["message_blink"] = bool(snap.message and snap.message.blink)
    out["seq"] = session.last_seq
    return out


def versions(session: ShowSession) -> tuple[dict[str, int], int]:
    """Each segment's version and the run sheet's structure version: the journal position
    of the last change to that segment's fields, or to the structure (insert, delete,
    move, a whole replacement, a show property), which counts for every segment."""
    touched: dict[str, int] = {}
    structure = 0
    for action in session.file.actions(types=tuple(RUNSHEET_CHANGE_TYPES)):
        seq = action.seq or 0
        if action.payload.get("op") == SET and action.payload.get("segment"):
            touched[action.payload["segment"]] = seq
        else:
            structure = seq
    return touched, structure


def rundown_json(session: ShowSession) -> list[dict]:
    """Each segment as the cue sheet and backstage show it."""
    show = session.show
    snap = session.snapshot()
    touched, structure = versions(session)
    planned = show.planned_starts()
    current = snap.current_index
    following = snap.next_index if current is not None else None
    out = []
    for i, seg in enumerate(show.segments):
        if snap.state == FINISHED or (current is not None and i < current):
            state = "done"
        elif i == current:
            state = "current"
        elif i == following or (current is None and snap.state == NOT_STARTED and i == 0):
            state = "next"
        else:
            state = "later"
        projected = snap.projected_starts[i] if i < len(snap.projected_starts) else None
        out.append({
            "index": i,
            "id": seg.id,
            "title": seg.title,
            "kind": seg.kind.value,
            "speaker": seg.speaker,
            "organisation": seg.organisation,
            "planned_duration_s": seg.planned_duration_s,
            "notes": seg.notes,
            "hard_start": seg.hard_start.strftime("%H:%M:%S") if seg.hard_start else None,
            "planned_start": _iso(planned[i].astimezone(show.tz)) if i < len(planned) else None,
            "projected_start": _iso(projected.astimezone(show.tz)) if projected else None,
            "state": state,
            "version": max(touched.get(seg.id, 0), structure),
        })  # fmt: skip
    return out
