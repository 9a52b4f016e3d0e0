"""ONE command table for HTTP, OSC and the WebSocket: each command's name, the role it
needs, and what it does on the show thread through ``moderator_app.app``.

``api_command`` reads an Ontime-style path (``start/index/3``, ``addtime/add/60000``,
``message/timer/text/Hello``) into a command and its payload: HTTP's /api/<path> and
OSC's /moderator/<path> (or /ontime/<path>) use it alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from moderator_app import __version__
from moderator_app.app import cuesheet, live_feed, net_questions, notes
from moderator_app.app.control import ActionRefused, ControlInputError, StaleAction, control
from moderator_app.app.questions import QuestionError
from moderator_app.app.sharing import ShareRole
from moderator_app.app.show import ShowFileError
from moderator_app.core.actions import ActionType
from moderator_app.server.show_thread import ShowContext

VIEW, PRODUCER, CONTROL, ASK = ShareRole.VIEW, ShareRole.PRODUCER, ShareRole.CONTROL, ShareRole.ASK
MAX_ADD_MS = 3_600_000
QUESTION = "question"
QUESTION_ASK = f"{QUESTION}.ask"
QUESTION_NEXT = f"{QUESTION}.next"
QUESTION_ANSWERED = f"{QUESTION}.answered"


class BadInput(ValueError):
    """400: the request is malformed; nothing was done."""


@dataclass(frozen=True)
class Reply:
    status: int  # 200 read, 202 done, 400 bad input, 409 refused, 503 not saved
    message: str = ""
    payload: object = None


@dataclass(frozen=True)
class Command:
    needs: ShareRole
    run: Callable[[ShowContext, dict, int | None, dict], object]
    reads: bool = False  # a read answers 200, an action 202


def _origin(role: ShareRole) -> dict:
    return {"origin": "network", "role": role.value}


def _timer(name: str) -> Callable:
    def run(ctx: ShowContext, payload: dict, if_seq: int | None, origin: dict) -> object:
        control(ctx.session, name, payload=payload, if_seq=if_seq, origin=origin)
        return live_feed.poll_json(ctx.session)

    return run


def _addtime(ctx: ShowContext, payload: dict, if_seq: int | None, origin: dict) -> object:
    ms = payload.get("ms")
    if isinstance(ms, bool) or not isinstance(ms, int) or not 0 < abs(ms) <= MAX_ADD_MS:
        raise BadInput("addtime takes a number of milliseconds, at most one hour (3600000)")
    seconds = round(ms / 1000)
    if seconds == 0:
        raise BadInput("addtime takes at least 500 ms (time is added in whole seconds)")
    return _timer("add-time")(ctx, {"seconds": seconds}, if_seq, origin)


def _message_visible(ctx: ShowContext, payload: dict, if_seq: int | None, origin: dict) -> object:
    """Ontime's visible/true|false: show again the last message text, or clear it."""
    if not payload.get("visible"):
        return _timer("clear-message")(ctx, {}, if_seq, origin)
    last = ctx.session.file.actions(types=(ActionType.MESSAGE.value,))
    if not last:
        raise ActionRefused("message refused: there is no message text to show yet")
    text = str(last[-1].payload.get("text", ""))
    shown = {"text": text, "blink": bool(payload.get("blink"))}
    return _timer("message")(ctx, shown, if_seq, origin)


def _note(ctx: ShowContext, payload: dict, _if: int | None, origin: dict) -> object:
    action = notes.send_note(ctx.session, payload.get("text"), payload.get("sender") or "",
                             extra=origin)
    return {"seq": action.seq}


def _question_add(source: str) -> Callable:
    def run(ctx: ShowContext, payload: dict, _if: int | None, origin: dict) -> object:
        asker = payload.get("asker", payload.get("name")) or ""
        q = net_questions.add(ctx.book, payload.get("text"), asker, source=source, extra=origin)
        return {"id": q.id, "seq": ctx.session.last_seq}

    return run


def _question_state(ctx: ShowContext, payload: dict, _if: int | None, origin: dict) -> object:
    net_questions.set_state(ctx.book, payload.get("id"), payload.get("state"), extra=origin)
    return {"seq": ctx.session.last_seq}


def _question_move(ctx: ShowContext, payload: dict, _if: int | None, origin: dict) -> object:
    net_questions.move(ctx.book, payload.get("ids"), payload.get("before"), extra=origin)
    return {"seq": ctx.session.last_seq}


def _question_next(ctx: ShowContext, payload: dict, _if: int | None, origin: dict) -> object:
    net_questions.take_next(ctx.book, extra=origin)
    return {"seq": ctx.session.last_seq, **live_feed.poll_json(ctx.session)}


def _question_answered(ctx: ShowContext, payload: dict, _if: int | None, origin: dict) -> object:
    net_questions.answered(ctx.book, extra=origin)
    return {"seq": ctx.session.last_seq, **live_feed.poll_json(ctx.session)}


def _cue(fn: Callable) -> Callable:
    def run(ctx: ShowContext, payload: dict, _if: int | None, origin: dict) -> object:
        fn(ctx, payload, origin)
        return {"seq": ctx.session.last_seq}

    return run


COMMANDS: dict[str, Command] = {
    # reads
    "version": Command(VIEW, lambda ctx, p, i, o: {"name": "moderator-app",
                                                   "version": __version__}, reads=True),
    "poll": Command(VIEW, lambda ctx, p, i, o: live_feed.poll_json(ctx.session), reads=True),
    "rundown": Command(VIEW, lambda ctx, p, i, o: live_feed.rundown_json(ctx.session), reads=True),
    # the timer (the command line's actions)
    "start": Command(CONTROL, _timer("start")),
    "pause": Command(CONTROL, _timer("pause")),
    "resume": Command(CONTROL, _timer("resume")),
    "next": Command(CONTROL, _timer("next")),
    "previous": Command(CONTROL, _timer("previous")),
    "goto": Command(CONTROL, _timer("goto")),
    "addtime": Command(CONTROL, _addtime),
    "finish": Command(CONTROL, _timer("finish")),
    "undo": Command(CONTROL, _timer("undo")),
    # the speaker's message, notes, questions, the cue sheet
    "message": Command(PRODUCER, _timer("message")),
    "message.visible": Command(PRODUCER, _message_visible),
    "clear-message": Command(PRODUCER, _timer("clear-message")),
    "note": Command(PRODUCER, _note),
    # The queue's commands, namespaced "question.<name>" (command names, not journal types).
    **{f"{QUESTION}.{name}": command for name, command in {
        "add": Command(PRODUCER, _question_add("chat")),
        "ask": Command(ASK, _question_add("audience")),
        "state": Command(PRODUCER, _question_state),
        "move": Command(PRODUCER, _question_move),
        "next": Command(PRODUCER, _question_next),
        "answered": Command(PRODUCER, _question_answered),
    }.items()},
    "cuesheet.set": Command(PRODUCER, _cue(lambda ctx, p, o: cuesheet.edit_segment(
        ctx.session, p.get("id"), p.get("fields"), p.get("version"), extra=o))),
    "cuesheet.insert": Command(PRODUCER, _cue(lambda ctx, p, o: cuesheet.insert_segment(
        ctx.session, p.get("at"), p.get("version"), title=p.get("title") or "", extra=o))),
    "cuesheet.delete": Command(PRODUCER, _cue(lambda ctx, p, o: cuesheet.delete_segment(
        ctx.session, p.get("id"), p.get("version"), extra=o))),
    "cuesheet.move": Command(PRODUCER, _cue(lambda ctx, p, o: cuesheet.move_segment(
        ctx.session, p.get("id"), p.get("to"), p.get("version"), extra=o))),
}  # fmt: skip
INPUT_ERRORS = (BadInput, ControlInputError, cuesheet.CuesheetInputError,
                net_questions.QuestionInputError, notes.NoteError)
REFUSALS = (ActionRefused, cuesheet.EditRefused, QuestionError)


def execute(ctx: ShowContext, name: str, payload: dict, if_seq: int | None,
            role: ShareRole, origin: dict | None = None) -> Reply:
    """Run command ``name`` (its role already checked) on the show thread; ``origin``:
    what the journal records as its source (default: the LAN network, this role)."""
    command = COMMANDS[name]
    try:
        result = command.run(ctx, payload, if_seq, origin or _origin(role))
    except StaleAction as exc:
        return Reply(409, str(exc))
    except INPUT_ERRORS as exc:
        return Reply(400, str(exc))
    except REFUSALS as exc:
        return Reply(409, str(exc))
    except ShowFileError as exc:
        return Reply(503, f"{name} NOT saved, nothing changed: {exc}")
    return Reply(200 if command.reads else 202, "", result)


def _int(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise BadInput(f"{text!r} is not {what}") from None


def _flag(text: str | None) -> bool:
    return (text or "").lower() in ("true", "1", "yes", "on")


# Paths of one word (Ontime's and ours) and the command each is.
SIMPLE = {
    "version": "version", "poll": "poll", "rundown": "rundown", "start": "start",
    "pause": "pause", "resume": "resume", "undo": "undo", "finish": "finish",
    "start/next": "next", "start/previous": "previous", "question/next": QUESTION_NEXT,
    "question/answered": QUESTION_ANSWERED,
}  # fmt: skip


def api_command(parts: list[str], query: dict[str, str]) -> tuple[str, dict]:
    """The command and payload of an Ontime-style path (split on '/', already decoded).
    BadInput for a path that is not one."""
    parts = [p for p in parts if p != ""]
    path = "/".join(parts)
    if path in SIMPLE:
        return SIMPLE[path], {}
    head = parts[:2]
    if head == ["start", "index"] and len(parts) == 3:
        number = _int(parts[2], "a segment number (1 is the first)")
        if number < 1:
            raise BadInput("segment numbers start at 1")
        return "goto", {"index": number - 1}
    if head == ["addtime", "add"] and len(parts) == 3:
        return "addtime", {"ms": _int(parts[2], "a number of milliseconds")}
    if head == ["addtime", "remove"] and len(parts) == 3:
        return "addtime", {"ms": -_int(parts[2], "a number of milliseconds")}
    if parts[:3] == ["message", "timer", "text"] and len(parts) >= 4:
        return "message", {"text": "/".join(parts[3:]), "blink": _flag(query.get("blink"))}
    if parts[:3] == ["message", "timer", "visible"] and len(parts) == 4:
        if parts[3] not in ("true", "false"):
            raise BadInput("visible takes true or false")
        return "message.visible", {"visible": parts[3] == "true",
                                   "blink": _flag(query.get("blink"))}
    raise BadInput(f"unknown API path /api/{path}; /api/ lists them")


API_ROUTES = [
    "version", "poll", "rundown", "start", "pause", "resume", "start/next", "start/previous",
    "start/index/N", "addtime/add/MS", "addtime/remove/MS", "message/timer/text/TEXT",
    "message/timer/visible/true|false", "undo", "finish", "question/next", "question/answered",
]
