"""Show commands: new, status, control."""

from __future__ import annotations

import argparse
from pathlib import Path

from moderator_app.commands import CommandError, open_session, print_json
from moderator_app.core.actions import ActionRefused, ActionType
from moderator_app.core.status import status_dict
from moderator_app.io.showfile import ShowFile, ShowFileError
from moderator_app.resources import default_show

CONTROL_ACTIONS = {
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


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a show file from the default show")
    p.add_argument("show", help="path of the new show file (never overwritten)")
    p.add_argument(
        "--runsheet",
        metavar="FILE",
        help="take the run sheet (and its title, date and start) from this spreadsheet",
    )
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("status", help="print the show and where the live timer is")
    p.add_argument("show")
    p.add_argument("--json", action="store_true", help="JSON output (the only format)")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser(
        "control",
        help="append a timer action to the journal",
        description="Actions: start [N], pause, resume, next, previous, goto N, "
        "add-time SECONDS (negative removes), finish, undo, message TEXT, clear-message. "
        "Segment numbers are the 'index' values of status --json (0 is the first).",
    )
    p.add_argument("show")
    p.add_argument("action", choices=sorted(CONTROL_ACTIONS))
    p.add_argument("arg", nargs="?", help="segment number, seconds or message text")
    p.set_defaults(func=cmd_control)


def cmd_new(args: argparse.Namespace) -> int:
    show = default_show()
    if getattr(args, "runsheet", None):
        from moderator_app.commands.runsheet import show_from_sheet

        show = show_from_sheet(show, args.runsheet)
    try:
        with ShowFile.create(Path(args.show), show) as file:
            show = file.load_show()
    except ShowFileError as exc:
        raise CommandError(str(exc)) from None
    print_json(
        {"created": str(Path(args.show)), "title": show.title, "segments": len(show.segments)}
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    session = open_session(args.show)
    try:
        snap = session.snapshot()
        print_json(status_dict(session.show, snap))
    finally:
        session.close()
    return 0


def _payload(action: ActionType, arg: str | None) -> dict:
    if action in (ActionType.GOTO, ActionType.START):
        if arg is None:
            if action is ActionType.GOTO:
                raise CommandError("goto needs a segment number (see status --json 'index')")
            return {}
        try:
            return {"index": int(arg)}
        except ValueError:
            raise CommandError(f"{arg!r} is not a segment number") from None
    if action is ActionType.ADD_TIME:
        if arg is None:
            raise CommandError("add-time needs a number of seconds, e.g. 60 or -30")
        try:
            return {"seconds": int(arg)}
        except ValueError:
            raise CommandError(f"{arg!r} is not a whole number of seconds") from None
    if action is ActionType.MESSAGE:
        if not arg:
            raise CommandError("message needs the text to show the speaker")
        return {"text": arg}
    if arg is not None:
        raise CommandError(f"{action.value} takes no argument")
    return {}


def cmd_control(args: argparse.Namespace) -> int:
    action_type = CONTROL_ACTIONS[args.action]
    payload = _payload(action_type, args.arg)
    session = open_session(args.show)
    try:
        try:
            action = session.perform(action_type, payload)
        except ActionRefused as exc:
            raise CommandError(f"{args.action} refused: {exc}") from None
        except ShowFileError as exc:
            raise CommandError(str(exc)) from None
        status = status_dict(session.show, session.snapshot())
        print_json({"action": action.type, "seq": action.seq, "live": status["live"]})
    finally:
        session.close()
    return 0
