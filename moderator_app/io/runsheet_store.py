"""Committing run sheet edits to an open show: validated, live-checked, journaled.

The edited run sheet and its ``runsheet.`` journal action go into the file in one
transaction before the session (and so the screen) takes them; a refused edit writes
nothing.
"""

from __future__ import annotations

from moderator_app.core.actions import Action
from moderator_app.core.runsheet import Show
from moderator_app.core.runsheet_edit import Edit, check_live, edited, replace_all
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFileError


def commit_edit(session: ShowSession, edit: Edit, *, extra: dict | None = None) -> Action:
    """Make ``edit`` on the session's show; raises EditRefused or ShowFileError."""
    if session.readonly:
        raise ShowFileError(f"{session.path}: opened read-only; the run sheet cannot change")
    session.refresh()  # another process may have moved the show on
    check_live(session.show, session.engine, edit)
    fresh = edited(session.show, edit)
    payload = {**edit.payload(), **(extra or {})}
    return session.commit_show(fresh, Action(edit.action_type, session.now_us(), payload))


def commit_replace(session: ShowSession, new: Show, *, source: str = "") -> Action:
    """Replace the whole run sheet (an import, a linked sheet's change) as one edit."""
    return commit_edit(session, replace_all(session.show, new), extra={"source": source})
