"""Committing run sheet edits to an open show: validated, live-checked, journaled.

The edited run sheet and its ``runsheet.`` journal action go into the file in one
transaction before the session (and so the screen) takes them; a refused edit writes
nothing.
"""

from __future__ import annotations

from moderator_app.core.actions import RUNSHEET_CHANGE_TYPES, Action
from moderator_app.core.runsheet import Show
from moderator_app.core.runsheet_edit import (
    Edit,
    EditRefused,
    check_live,
    edited,
    replace_all,
)
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFileError

# A console edit that lost the race to another writer is made again on the run sheet as
# that writer left it; a writer that keeps winning (a flood) makes it give up.
EDIT_ATTEMPTS = 3


class RunSheetMoved(EditRefused):
    """Another writer changed the run sheet between our reading it and our commit;
    nothing was written."""

    def __init__(self) -> None:
        super().__init__("the run sheet was changed by someone else meanwhile — reloaded")


def commit_edit(
    session: ShowSession,
    edit: Edit,
    *,
    extra: dict | None = None,
    since: int | None = None,
) -> Action:
    """Make ``edit`` on the session's show; raises EditRefused or ShowFileError.

    The whole run sheet is saved, so the edit is checked against the file inside the
    write transaction: if another process changed the run sheet after we read it, ours
    would silently undo theirs. Then the edit is made again on their run sheet (an edit
    names its segment), or — with ``since``, the journal position the caller decided on
    (a producer's cue sheet) — refused with RunSheetMoved if anything changed after it.
    """
    if session.readonly:
        raise ShowFileError("{0}: opened read-only; the run sheet cannot change", session.path)
    for attempt in range(EDIT_ATTEMPTS):
        session.refresh()  # another process may have moved the show on
        based_on = session.last_seq
        if since is not None and _changed_after(session, since):
            raise RunSheetMoved()
        check_live(session.show, session.engine, edit)
        fresh = edited(session.show, edit)
        payload = {**edit.payload(), **(extra or {})}

        def unchanged(based_on: int = based_on) -> None:
            if _changed_after(session, based_on):
                raise RunSheetMoved()

        try:
            return session.commit_show(
                fresh, Action(edit.action_type, session.now_us(), payload), guard=unchanged
            )
        except RunSheetMoved:
            if since is not None or attempt == EDIT_ATTEMPTS - 1:
                session.refresh()
                raise
    raise AssertionError("unreachable")


def _changed_after(session: ShowSession, seq: int) -> bool:
    return any(
        a.seq not in session.own_seqs
        for a in session.file.actions(seq, types=tuple(RUNSHEET_CHANGE_TYPES))
    )


def commit_replace(session: ShowSession, new: Show, *, source: str = "") -> Action:
    """Replace the whole run sheet (an import, a linked sheet's change) as one edit."""
    return commit_edit(session, replace_all(session.show, new), extra={"source": source})
