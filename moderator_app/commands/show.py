"""Show commands: new, status, control."""

from __future__ import annotations

import argparse
from pathlib import Path

from moderator_app.app.control import (
    CONTROL_ACTIONS,
    ActionRefused,
    ControlInputError,
    control,
    parse_arg,
)
from moderator_app.app.show import RunSheetImportError, ShowFileError, create_show, show_status
from moderator_app.commands import CommandError, open_session, print_json, seconds_option
from moderator_app.commands.timers import TIMER_ACTIONS, TIMER_HELP, cmd_timer_control

# A one-shot command waits this long for another writer (an import, a second console's
# commit) before failing: long enough for any single commit, short enough for a button.
CONTROL_WAIT_S = 10.0

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
        f"{TIMER_HELP}. "
        "Segment numbers are the 'index' values of status --json (0 is the first). "
        "Exit code 0 means the action is saved in the show file; otherwise nothing was.",
    )
    p.add_argument("show")
    p.add_argument("action", choices=sorted([*CONTROL_ACTIONS, *TIMER_ACTIONS]))
    p.add_argument("arg", nargs="?", help="segment number, seconds or message text")
    p.add_argument("more", nargs="*", help=argparse.SUPPRESS)  # aux N set SECONDS
    p.add_argument("--to", metavar="LINK",
                   help="message / clear-message for one remote speaker only: their link id "
                   "(see remote-links)")
    p.add_argument(
        "--wait",
        type=_seconds,
        default=CONTROL_WAIT_S,
        metavar="SECONDS",
        help=f"how long to wait for another program writing the show (default {CONTROL_WAIT_S:g}); "
        "then fail with nothing saved",
    )
    p.set_defaults(func=cmd_control)


_seconds = seconds_option("--wait", 0, 3600)


def cmd_new(args: argparse.Namespace) -> int:
    try:
        show = create_show(Path(args.show), runsheet=getattr(args, "runsheet", None))
    except (RunSheetImportError, ShowFileError) as exc:
        raise CommandError(str(exc)) from None
    print_json(
        {"created": str(Path(args.show)), "title": show.title, "segments": len(show.segments)}
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    session = open_session(args.show)
    try:
        print_json(show_status(session))
    finally:
        session.close()
    return 0


def cmd_control(args: argparse.Namespace) -> int:
    """Append one action and print the state the file now holds, or fail having saved
    nothing: the action is validated and committed in one transaction (never kept in
    memory for a retry, unlike the console), so exit 0 means it is in the file."""
    if args.action in TIMER_ACTIONS:
        return cmd_timer_control(args)
    if getattr(args, "more", None):
        raise CommandError(f"{args.action} takes at most one argument")
    to = getattr(args, "to", None)
    if to is not None and args.action not in ("message", "clear-message"):
        raise CommandError("--to goes with message or clear-message only")
    try:
        parse_arg(args.action, args.arg)  # a bad argument is said before the file is opened
    except ControlInputError as exc:
        raise CommandError(str(exc)) from None
    session = open_session(args.show, wait_s=args.wait)
    try:
        try:
            action = control(session, args.action, args.arg, to=to)
        except (ActionRefused, ControlInputError) as exc:
            raise CommandError(str(exc)) from None
        except ShowFileError as exc:
            raise CommandError(_not_saved(args, str(exc))) from None
        status = show_status(session)
        print_json({"action": action.type, "seq": action.seq, "live": status["live"]})
    finally:
        session.close()
    return 0


def _not_saved(args: argparse.Namespace, problem: str) -> str:
    if "locked" in problem:
        problem += f" (waited {args.wait:g} s; --wait SECONDS waits longer)"
    return f"{args.action} NOT saved, nothing changed: {problem}"
