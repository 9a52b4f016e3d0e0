"""The named timer actions, one table for every surface that is not the console's keys:
``moderator-app control`` and the network (HTTP, OSC, WebSocket) call ``control``.

Each action is validated against the journal as it is at commit and committed in one
durable transaction (never kept in memory: the caller must know it is in the file).
``if_seq`` is the two-operators rule: an action decided on the show as it was at journal
entry ``if_seq`` is refused if a timer action was journaled since, so two people pressing
Next together skip exactly one segment.
"""

from __future__ import annotations

from moderator_app.app import remote_keys
from moderator_app.core.actions import TIMER_TYPES, ActionRefused, ActionType
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFileError

__all__ = [
    "CONTROL_ACTIONS", "ActionRefused", "ControlInputError", "ShowFileError", "StaleAction",
    "control", "parse_arg",
]  # fmt: skip

CONTROL_ACTIONS: dict[str, ActionType] = {
    "start": ActionType.START,
    "pause": ActionType.PAUSE,
    "resume": ActionType.RESUME,
    "next": ActionType.NEXT,
    "previous": ActionType.PREVIOUS,
    "goto": ActionType.GOTO,
    "add-time": ActionType.ADD_TIME,
    "finish": ActionType.FINISH,
    "undo": ActionType.UNDO,
    "message": ActionType.MESSAGE,
    "clear-message": ActionType.CLEAR_MESSAGE,
}
MAX_MESSAGE_CHARS = 1000
MAX_ADD_S = 3600  # Ontime caps added or removed time at one hour too


class ControlInputError(ValueError):
    """The action's argument is missing or malformed (HTTP 400); nothing was done."""


class StaleAction(ActionRefused):
    """The show moved on since the journal entry the action was decided on; nothing done."""


def parse_arg(name: str, arg: str | None) -> dict:
    """The payload of action ``name`` from the command line's one text argument."""
    action = _action(name)
    if action in (ActionType.GOTO, ActionType.START):
        if arg is None:
            if action is ActionType.GOTO:
                raise ControlInputError("goto needs a segment number (see status --json 'index')")
            return {}
        try:
            return {"index": int(arg)}
        except ValueError:
            raise ControlInputError(f"{arg!r} is not a segment number") from None
    if action is ActionType.ADD_TIME:
        if arg is None:
            raise ControlInputError("add-time needs a number of seconds, e.g. 60 or -30")
        try:
            return {"seconds": int(arg)}
        except ValueError:
            raise ControlInputError(f"{arg!r} is not a whole number of seconds") from None
    if action is ActionType.MESSAGE:
        if not arg:
            raise ControlInputError("message needs the text to show the speaker")
        return {"text": arg}
    if arg is not None:
        raise ControlInputError(f"{action.value} takes no argument")
    return {}


def _action(name: str) -> ActionType:
    try:
        return CONTROL_ACTIONS[name]
    except KeyError:
        raise ControlInputError(
            f"unknown action {name!r}; one of: {', '.join(sorted(CONTROL_ACTIONS))}"
        ) from None


def _checked(action: ActionType, payload: dict) -> dict:
    """Only the keys each action takes, with their types checked (network input)."""
    out: dict = {}
    if action in (ActionType.START, ActionType.GOTO) and payload.get("index") is not None:
        index = payload["index"]
        if isinstance(index, bool) or not isinstance(index, int):
            raise ControlInputError(f"{index!r} is not a segment number")
        out["index"] = index
    elif action is ActionType.GOTO:
        raise ControlInputError("goto needs a segment number (see status --json 'index')")
    if action is ActionType.ADD_TIME:
        seconds = payload.get("seconds")
        if isinstance(seconds, bool) or not isinstance(seconds, int):
            raise ControlInputError(f"{seconds!r} is not a whole number of seconds")
        if abs(seconds) > MAX_ADD_S:
            raise ControlInputError("add-time takes at most one hour (3600 s) at a time")
        out["seconds"] = seconds
    if action is ActionType.MESSAGE:
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ControlInputError("message needs the text to show the speaker")
        if len(text) > MAX_MESSAGE_CHARS:
            raise ControlInputError(f"a message has at most {MAX_MESSAGE_CHARS} characters")
        out["text"] = _plain(text)
        if payload.get("blink") is not None:
            out["blink"] = bool(payload["blink"])
    if action in (ActionType.MESSAGE, ActionType.CLEAR_MESSAGE) and payload.get("to") is not None:
        out["to"] = payload["to"]
    return out


def _plain(text: str) -> str:
    """Text from the network without control characters (a newline is kept)."""
    return "".join(ch for ch in text if ch == "\n" or (ch >= " " and ch != "\x7f"))


def control(
    session: ShowSession,
    name: str,
    arg: str | None = None,
    *,
    payload: dict | None = None,
    if_seq: int | None = None,
    origin: dict | None = None,
    to: str | None = None,
):
    """Journal action ``name`` (its argument as the command line's text ``arg``, or as a
    ``payload`` from the network) and return the stored Action.

    Raises ControlInputError (bad argument), ActionRefused ("next refused: …", the
    command line's words; StaleAction for ``if_seq``) or ShowFileError (not saved), and
    then nothing was journaled. ``origin``: keys added to the journaled payload (e.g.
    {"origin": "network", "role": "control"}). ``to`` (or the payload's "to"): a message,
    or the clearing of one, for one speaker only: their remote link's id (remote-links).
    """
    action = _action(name)
    asked = parse_arg(name, arg) if payload is None else _checked(action, payload)
    if to is not None:
        if action not in (ActionType.MESSAGE, ActionType.CLEAR_MESSAGE):
            raise ControlInputError(f"{name} is not addressed to a speaker (only message and "
                                    "clear-message take --to)")
        asked["to"] = to
    if "to" in asked:
        asked["to"] = _speaker(session, asked["to"])
    guard = None
    if if_seq is not None:
        guard = _guard(session, action, if_seq)
    try:
        return session.perform(action, asked, durable=True, extra=origin, guard=guard)
    except StaleAction:
        raise
    except ActionRefused as exc:
        raise ActionRefused("{0} refused: {1}", name, exc) from None


def _speaker(session: ShowSession, to: object) -> str:
    """``to`` if it is a speaker's remote link id; ControlInputError naming them if not."""
    speakers = remote_keys.speaker_ids(session)
    if not isinstance(to, str) or to not in speakers:
        known = ", ".join(sorted(speakers)) or "none yet (remote-links SHOW --speaker NAME)"
        raise ControlInputError(f"{to!r} is not a speaker's link; the speakers are: {known}")
    return to


def _guard(session: ShowSession, action: ActionType, if_seq: int):
    if isinstance(if_seq, bool) or not isinstance(if_seq, int) or if_seq < 0:
        raise ControlInputError(f"{if_seq!r} is not a journal position")

    def check() -> None:
        # Run inside the write transaction: nobody can journal between this and ours.
        if action not in TIMER_TYPES and action not in (
            ActionType.MESSAGE, ActionType.CLEAR_MESSAGE
        ):
            return
        later = session.file.actions(if_seq, types=tuple(TIMER_TYPES))
        if later:
            raise StaleAction(
                "the show moved on since (journal {0} > {1}): nothing done",
                later[-1].seq,
                if_seq,
            )

    return check
