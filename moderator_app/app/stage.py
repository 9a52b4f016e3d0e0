"""What the speakers' screens show beside the timer, decided once for every screen: the
console's stage window and every browser view (/timer, /overlay) follow the journal.

A blackout and the question on air are journaled like a message (``stage.blackout``,
``stage.question``), so a producer's browser, a second console and the report see the
moderator's choice, and a restart keeps it.
"""

from __future__ import annotations

from moderator_app.core.actions import STAGE_BLACKOUT, STAGE_QUESTION, Action
from moderator_app.core.engine import Snapshot
from moderator_app.io.session import ShowSession

__all__ = ["question_shown", "set_blackout", "set_stage_question"]


def set_blackout(session: ShowSession, on: bool, *, extra: dict | None = None) -> Action | None:
    """Black out the speakers' screens (or bring them back); None when already so."""
    session.refresh()
    if session.engine.blackout is bool(on):
        return None
    return session.record(Action(STAGE_BLACKOUT, session.now_us(), {"on": bool(on),
                                                                    **(extra or {})}))


def set_stage_question(
    session: ShowSession, shown: bool, *, extra: dict | None = None
) -> Action | None:
    """Show the question on air on the speakers' screens (or not); None when already so."""
    session.refresh()
    if session.engine.stage_question is bool(shown):
        return None
    return session.record(Action(STAGE_QUESTION, session.now_us(), {"shown": bool(shown),
                                                                    **(extra or {})}))


def question_shown(snap: Snapshot, default: bool = False) -> bool:
    """Whether the speakers see the question on air: the journal's choice, else
    ``default`` (a console's remembered preference, before the show decides)."""
    return default if snap.stage_question is None else snap.stage_question
