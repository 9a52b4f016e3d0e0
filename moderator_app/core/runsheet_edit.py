"""Run sheet edits as values: each can be applied, inverted (undo), checked and journaled.

An ``Edit`` holds JSON values only (segment fields as ``Segment.to_dict`` writes them), so
its payload goes into the journal as is and the report can list every change made
during a show. Live rules: while the show runs, segments that have run keep their
timing (what actually happened is in the engine's records, and the plan they are
measured against must not move under them), the segment on air cannot be deleted or
moved, and anything after it may change; the engine re-plans from the new run sheet.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime, time

from moderator_app.core.actions import RUNSHEET_CHANGE_TYPES, RUNSHEET_EDIT, RUNSHEET_REPLACE
from moderator_app.core.cues import Cue, CueError, checked, parse_cues
from moderator_app.core.durations import DurationError, parse_clock_text, parse_duration
from moderator_app.core.engine import PAUSED, RUNNING, TimerEngine
from moderator_app.core.runsheet import (
    RunSheetError,
    Segment,
    SegmentKind,
    Show,
    new_segment_id,
    zone,
)

SET, INSERT, DELETE, MOVE, SHOW, REPLACE = "set", "insert", "delete", "move", "show", "replace"
EDIT_TYPE = RUNSHEET_EDIT
REPLACE_TYPE = RUNSHEET_REPLACE
# The journal types of run sheet changes (undoable in the run sheet editor).
RUNSHEET_EDIT_TYPES = RUNSHEET_CHANGE_TYPES

SEGMENT_FIELDS = (
    "title", "kind", "planned_duration_s", "speaker", "organisation", "region",
    "speaker_timezone", "hard_start", "warning_s", "danger_s", "notes", "cues", "auto_start",
)  # fmt: skip
SHOW_FIELDS = (
    "title", "organisers", "moderator", "language", "timezone", "planned_start",
    "planned_end", "warning_s", "danger_s", "cues",
)  # fmt: skip
TIMING_FIELDS = frozenset({"planned_duration_s", "hard_start"})
# A segment's Cues cell holding one of these has no cues (an empty cell follows the show's).
NO_CUES = frozenset({"none", "aucun", "aucune", "-"})


class EditRefused(RunSheetError):
    """An edit that cannot be made (invalid value or live rule); the message says why."""


def _refused(exc: RunSheetError | CueError) -> EditRefused:
    """``exc`` (a refusal from the run sheet or the cues) as an edit's refusal: the same
    template and values, so it reads the same, and the same in French."""
    return EditRefused(exc.template, *exc.values)


@dataclass(frozen=True)
class Edit:
    op: str
    segment: str | None = None
    index: int | None = None
    field: str | None = None
    before: object = None
    after: object = None

    @property
    def action_type(self) -> str:
        return REPLACE_TYPE if self.op == REPLACE else EDIT_TYPE

    def payload(self) -> dict:
        return {
            "op": self.op, "segment": self.segment, "index": self.index,
            "field": self.field, "before": self.before, "after": self.after,
        }  # fmt: skip

    @classmethod
    def from_payload(cls, payload: dict) -> Edit:
        return cls(
            op=payload["op"], segment=payload.get("segment"), index=payload.get("index"),
            field=payload.get("field"), before=payload.get("before"), after=payload.get("after"),
        )  # fmt: skip


# -- field values ------------------------------------------------------------------------------


def parse_clock(value: object) -> time | None:
    """A clock time from an editor (as ``parse_clock_text`` reads it); empty is None."""
    if value is None or isinstance(value, time):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        seconds = parse_clock_text(text)  # the importer's reading too: one rule
    except DurationError:
        raise EditRefused(
            "Cannot read {0!r} as a clock time: expected 16:05, 16h05 or 4:05 PM", value
        ) from None
    return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)


def _duration(value: object, field: str, *, optional: bool) -> int | None:
    """Seconds for a duration ``field``: planned_duration_s, warning_s or danger_s. Each
    refusal is a whole sentence per field, so that it translates as one."""
    length, warning = field == "planned_duration_s", field == "warning_s"
    if isinstance(value, int) and not isinstance(value, bool):
        seconds = value  # already seconds (the journal's form)
    elif value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise EditRefused(
            "The duration cannot be empty" if length
            else "The warning time cannot be empty" if warning
            else "The danger time cannot be empty"
        )  # fmt: skip
    else:
        try:
            seconds = parse_duration(value)
        except DurationError as exc:
            raise EditRefused(
                "The duration: {0}" if length
                else "The warning time: {0}" if warning
                else "The danger time: {0}",
                exc,
            ) from None  # fmt: skip
    if seconds < 0:
        raise EditRefused(
            "The duration cannot be negative" if length
            else "The warning time cannot be negative" if warning
            else "The danger time cannot be negative"
        )  # fmt: skip
    if seconds > 24 * 3600:
        raise EditRefused(
            "The duration cannot be over 24 hours" if length
            else "The warning time cannot be over 24 hours" if warning
            else "The danger time cannot be over 24 hours"
        )  # fmt: skip
    return seconds


def field_value(field: str, value: object) -> object:
    """The journal form of a segment field value typed by a producer, or EditRefused."""
    if field not in SEGMENT_FIELDS:
        raise EditRefused("Unknown segment field {0!r}", field)
    if field == "title":
        text = str(value or "")
        if not text.strip():
            raise EditRefused("A segment needs a title")
        return text
    if field == "kind":
        try:
            return SegmentKind.parse(value).value
        except RunSheetError as exc:
            raise _refused(exc) from None
    if field == "planned_duration_s":
        seconds = _duration(value, field, optional=False)
        if not seconds:
            raise EditRefused("The duration must be more than zero")
        return seconds
    if field in ("warning_s", "danger_s"):
        return _duration(value, field, optional=True)
    if field == "hard_start":
        clock = parse_clock(value)
        return clock.strftime("%H:%M:%S") if clock else None
    if field == "cues":
        return cues_value(value, optional=True)
    if field == "auto_start":
        return _flag(value)
    if field == "speaker_timezone":
        name = str(value or "").strip()
        if name:
            try:
                zone(name)
            except RunSheetError as exc:
                raise _refused(exc) from None
        return name
    return str(value or "")


def show_value(field: str, value: object) -> object:
    """The journal form of a show header value, or EditRefused."""
    if field == "title":
        text = str(value or "").strip()
        if not text:
            raise EditRefused("The show needs a title")
        return text
    if field == "organisers":
        items = value if isinstance(value, list | tuple) else str(value or "").split(",")
        return [str(i).strip() for i in items if str(i).strip()]
    if field in ("moderator", "language"):
        return str(value or "").strip()
    if field == "timezone":
        try:
            zone(str(value or ""))
        except RunSheetError as exc:
            raise _refused(exc) from None
        return str(value)
    if field in ("planned_start", "planned_end"):
        if value is None or value == "":
            if field == "planned_start":
                raise EditRefused("The show needs a start")
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        if moment.tzinfo is None:
            raise EditRefused("A show time must carry a time zone")
        return moment.isoformat()
    if field in ("warning_s", "danger_s"):
        return _duration(value, field, optional=False)
    if field == "cues":
        return cues_value(value, optional=False) or []
    raise EditRefused("Unknown show field {0!r}", field)


def cues_value(value: object, *, optional: bool) -> list[dict] | None:
    """The journal form of cues typed as text (core/cues.py) or given as a list; None (a
    segment following the show's cues) for an empty cell when ``optional``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None if optional else []
    if isinstance(value, list | tuple):
        try:
            cues = checked([c if isinstance(c, Cue) else Cue.from_dict(c) for c in value])
        except (CueError, KeyError, TypeError, ValueError) as exc:
            raise EditRefused("The cues: {0}", exc) from None
    elif str(value).strip().lower() in NO_CUES:
        return []
    else:
        try:
            cues = parse_cues(str(value))
        except CueError as exc:
            raise _refused(exc) from None
    return [c.to_dict() for c in cues]


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if text in ("", "0", "no", "non", "false", "off"):
        return False
    if text in ("1", "yes", "oui", "true", "on", "x", "✓"):
        return True
    raise EditRefused("Cannot read {0!r} as yes or no", value)


def _show_attr(field: str, value: object) -> object:
    if field in ("planned_start", "planned_end"):
        return None if value is None else datetime.fromisoformat(str(value))
    if field == "organisers":
        return list(value or [])  # type: ignore[arg-type]
    if field == "cues":
        return tuple(Cue.from_dict(c) for c in value or [])  # type: ignore[attr-defined]
    return value


# -- building edits ----------------------------------------------------------------------------
def _seg_at(show: Show, index: int) -> Segment:
    if not 0 <= index < len(show.segments):
        raise EditRefused("There is no row {0}", index + 1)
    return show.segments[index]


def set_field(show: Show, index: int, field: str, value: object) -> Edit:
    seg = _seg_at(show, index)
    after = field_value(field, value)
    before = seg.to_dict()[field]
    if field == "cues" and after is not None:
        _fits(after, seg.planned_duration_s, seg.title)  # type: ignore[arg-type]
    if field == "hard_start" and after is None and seg.auto_start:
        raise EditRefused(
            "«{0}» starts by itself at its hard start: turn auto-start off first", seg.title
        )
    if field == "auto_start" and after and seg.hard_start is None:
        raise EditRefused("«{0}» has no hard start: auto-start needs one", seg.title)
    return Edit(SET, seg.id, index, field, before, after)


def _fits(cues: list[dict], duration_s: int, title: str) -> None:
    try:
        checked([Cue.from_dict(c) for c in cues], duration_s)
    except CueError as exc:
        raise EditRefused("«{0}»: {1}", title, exc) from None


def insert(show: Show, index: int, segment: Segment | None = None) -> Edit:
    if not 0 <= index <= len(show.segments):
        raise EditRefused("Cannot insert at row {0}", index + 1)
    seg = segment or Segment("New segment", 300)
    return Edit(INSERT, seg.id, index, None, None, seg.to_dict())


def duplicate(show: Show, index: int) -> Edit:
    seg = _seg_at(show, index).copy(id=new_segment_id())
    return insert(show, index + 1, seg)


def delete(show: Show, index: int) -> Edit:
    seg = _seg_at(show, index)
    return Edit(DELETE, seg.id, index, None, seg.to_dict(), None)


def move(show: Show, index: int, to: int) -> Edit:
    seg = _seg_at(show, index)
    if not 0 <= to < len(show.segments):
        raise EditRefused("Cannot move row {0} to row {1}", index + 1, to + 1)
    return Edit(MOVE, seg.id, index, None, index, to)


def set_show(show: Show, field: str, value: object) -> Edit:
    after = show_value(field, value)
    before = show.header_dict()[field]
    return Edit(SHOW, None, None, field, before, after)


def replace_all(show: Show, new: Show) -> Edit:
    return Edit(REPLACE, None, None, None, show.to_dict(), new.to_dict())


# -- applying ----------------------------------------------------------------------------------
def inverse(edit: Edit) -> Edit:
    if edit.op in (SET, SHOW, REPLACE):
        return Edit(edit.op, edit.segment, edit.index, edit.field, edit.after, edit.before)
    if edit.op == INSERT:
        return Edit(DELETE, edit.segment, edit.index, None, edit.after, None)
    if edit.op == DELETE:
        return Edit(INSERT, edit.segment, edit.index, None, None, edit.before)
    if edit.op == MOVE:
        return Edit(MOVE, edit.segment, edit.after, None, edit.after, edit.before)  # type: ignore[arg-type]
    raise EditRefused("Unknown edit {0!r}", edit.op)


def apply_edit(show: Show, edit: Edit) -> None:
    """Change ``show`` in place; EditRefused if the edit does not fit this run sheet."""
    segs = show.segments
    if edit.op == SET:
        i = _located(show, edit)
        data = segs[i].to_dict()
        data[edit.field] = edit.after  # type: ignore[index]
        segs[i] = Segment.from_dict(data)
    elif edit.op == INSERT:
        if show.index_of(edit.segment or "") is not None:
            raise EditRefused("That segment is already in the run sheet")
        segs.insert(min(edit.index or 0, len(segs)), Segment.from_dict(edit.after))  # type: ignore[arg-type]
    elif edit.op == DELETE:
        del segs[_located(show, edit)]
    elif edit.op == MOVE:
        i = _located(show, edit)
        segs.insert(int(edit.after), segs.pop(i))  # type: ignore[arg-type]
    elif edit.op == SHOW:
        setattr(show, edit.field, _show_attr(edit.field, edit.after))  # type: ignore[arg-type]
    elif edit.op == REPLACE:
        fresh = Show.from_dict(edit.after)  # type: ignore[arg-type]
        show.__dict__.update(fresh.__dict__)
    else:
        raise EditRefused("Unknown edit {0!r}", edit.op)


def _located(show: Show, edit: Edit) -> int:
    i = show.index_of(edit.segment or "")
    if i is None:
        raise EditRefused("That segment is no longer in the run sheet")
    return i


def edited(show: Show, edit: Edit) -> Show:
    """A copy of ``show`` with the edit made, checked: the show itself is untouched."""
    fresh = copy.deepcopy(show)
    apply_edit(fresh, edit)
    before = {str(p) for p in _overlaps(show)}
    new = [p for p in _overlaps(fresh) if str(p) not in before]
    if new:
        raise _refused(new[0])
    if fresh.planned_end is not None and fresh.planned_end <= fresh.planned_start:
        raise EditRefused("The planned end must come after the start")
    return fresh


def _overlaps(show: Show) -> list[RunSheetError]:
    return [p for p in show.problems() if "overlaps" in p.template]


# -- live rules --------------------------------------------------------------------------------
def check_live(show: Show, engine: TimerEngine, edit: Edit) -> None:
    """Refuse what would rewrite the past or move the segment on air; EditRefused says why."""
    if engine.state.status not in (RUNNING, PAUSED):
        return
    current = engine.current_index()
    if current is None:
        return
    on_air = show.segments[current]

    def row(i: int) -> tuple[int, str]:
        return i + 1, show.segments[i].title

    if edit.op == SET:
        i = _located(show, edit)
        if i < current and edit.field in TIMING_FIELDS:
            raise EditRefused(
                "Row {0} ({1}) has already run: its timing keeps what happened", *row(i)
            )
        if i == current and edit.field == "hard_start":
            raise EditRefused("Row {0} ({1}) is on air: its start has already happened", *row(i))
    elif edit.op == DELETE:
        i = _located(show, edit)
        if i == current:
            raise EditRefused(
                "Row {0} ({1}) is on air: go to another segment before deleting it", *row(i)
            )
        if i < current:
            raise EditRefused("Row {0} ({1}) has already run: it stays in the run sheet", *row(i))
    elif edit.op == INSERT:
        if (edit.index or 0) <= current:
            raise EditRefused("During the show, new segments go after the one on air")
    elif edit.op == MOVE:
        i = _located(show, edit)
        if i <= current or int(edit.after) <= current:  # type: ignore[arg-type]
            raise EditRefused(
                "During the show, only segments after the one on air can be moved, "
                "and only among themselves"
            )
    elif edit.op == REPLACE:
        new_ids = [s["id"] for s in edit.after["segments"]]  # type: ignore[index]
        kept = [s.id for s in show.segments[: current + 1]]
        if new_ids[: current + 1] != kept:
            raise EditRefused(
                "The show is live: the new run sheet must keep the segments that have run "
                "and the one on air ({0}) in place",
                on_air.title,
            )
        old = {s["id"]: s for s in edit.before["segments"]}  # type: ignore[index]
        for data in edit.after["segments"][:current]:  # type: ignore[index]
            before = old[data["id"]]
            if any(before[f] != data[f] for f in TIMING_FIELDS):
                raise EditRefused(
                    "The show is live: {0} has already run; its timing stays", data["title"]
                )
