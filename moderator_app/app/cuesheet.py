"""Run sheet edits from the network's /cuesheet: the console editor's edits (core's
set_field / insert / delete / move, the live rule, journaled by ``app.runsheet.commit``)
with one more rule for several people editing at once.

Each edit names the ``version`` of what it was decided on (``rundown_json``: the journal
position of the segment's last change, structure changes counting for every segment). If
the segment changed since, the edit is refused with ``Conflict`` ("changed by someone else
— reloaded"): the later write never silently replaces the earlier one.
"""

from __future__ import annotations

from moderator_app.app.live_feed import versions
from moderator_app.app.runsheet import commit
from moderator_app.core.actions import Action
from moderator_app.core.runsheet import Segment
from moderator_app.core.runsheet_edit import (
    EditRefused,
    check_live,
    delete,
    insert,
    move,
    set_field,
)
from moderator_app.core.undo_history import GROUP, new_group
from moderator_app.io.session import ShowSession

__all__ = ["EDITABLE", "Conflict", "CuesheetInputError", "EditRefused", "delete_segment",
           "edit_segment", "insert_segment", "move_segment"]

# What a producer edits from a browser (the rest stays the console editor's).
EDITABLE = ("title", "speaker", "organisation", "planned_duration_s", "notes", "hard_start")
MAX_TEXT = 1000
CONFLICT = "changed by someone else — reloaded"


class Conflict(EditRefused):
    """The segment changed since the version the edit was decided on; nothing written."""

    def __init__(self) -> None:
        super().__init__(CONFLICT)


class CuesheetInputError(ValueError):
    """A malformed edit request (unknown segment or field, wrong type); nothing written."""


def _version(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CuesheetInputError("an edit needs the 'version' it was made on (a number)")
    return value


def _index(session: ShowSession, seg_id: object) -> int:
    for i, seg in enumerate(session.show.segments):
        if seg.id == seg_id:
            return i
    raise Conflict()  # deleted by someone else meanwhile (or never there): reload


def _fresh(session: ShowSession, seg_id: str | None, if_version: int) -> None:
    session.refresh()  # another process may have moved the run sheet on
    touched, structure = versions(session)
    current = structure if seg_id is None else max(touched.get(seg_id, 0), structure)
    if current > if_version:
        raise Conflict()


def _commit(session: ShowSession, edits: list, extra: dict | None) -> list[Action]:
    for edit in edits:  # the live rule for every part before any is written
        check_live(session.show, session.engine, edit)
    group = {GROUP: new_group()} if len(edits) > 1 else {}
    return [commit(session, edit, extra={**(extra or {}), **group}) for edit in edits]


def edit_segment(
    session: ShowSession, seg_id: str, fields: dict, if_version: object,
    *, extra: dict | None = None,
) -> list[Action]:
    """Set ``fields`` (name -> value as a producer types it) of segment ``seg_id``."""
    version = _version(if_version)
    if not isinstance(fields, dict) or not fields:
        raise CuesheetInputError("an edit needs the fields to change")
    for name, value in fields.items():
        if name not in EDITABLE:
            raise CuesheetInputError(f"{name!r} cannot be edited here; one of {', '.join(EDITABLE)}")
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
            raise CuesheetInputError(f"{name}: expected text or a number")
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise CuesheetInputError(f"{name}: at most {MAX_TEXT} characters")
    _fresh(session, str(seg_id), version)
    index = _index(session, seg_id)
    edits = [set_field(session.show, index, name, value) for name, value in fields.items()]
    edits = [e for e in edits if e.before != e.after]  # unchanged fields journal nothing
    return _commit(session, edits, extra)


def insert_segment(
    session: ShowSession, at: object, if_version: object, *, title: str = "",
    duration_s: int = 300, extra: dict | None = None,
) -> Action:
    """A new segment at row ``at`` (0-based); refused if the structure changed since."""
    version = _version(if_version)
    if isinstance(at, bool) or not isinstance(at, int):
        raise CuesheetInputError("insert needs the row 'at' (a number)")
    if not isinstance(title, str) or len(title) > MAX_TEXT:
        raise CuesheetInputError(f"title: at most {MAX_TEXT} characters")
    _fresh(session, None, version)
    segment = Segment(title.strip() or "New segment", duration_s)
    return _commit(session, [insert(session.show, at, segment)], extra)[0]


def delete_segment(
    session: ShowSession, seg_id: str, if_version: object, *, extra: dict | None = None
) -> Action:
    version = _version(if_version)
    _fresh(session, str(seg_id), version)
    return _commit(session, [delete(session.show, _index(session, seg_id))], extra)[0]


def move_segment(
    session: ShowSession, seg_id: str, to: object, if_version: object,
    *, extra: dict | None = None,
) -> Action:
    """Move segment ``seg_id`` to row ``to`` (0-based)."""
    version = _version(if_version)
    if isinstance(to, bool) or not isinstance(to, int):
        raise CuesheetInputError("move needs the row 'to' (a number)")
    _fresh(session, str(seg_id), version)
    return _commit(session, [move(session.show, _index(session, seg_id), to)], extra)[0]
