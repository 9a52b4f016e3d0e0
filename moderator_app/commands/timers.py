"""Timer commands beside the schedule: the ``control`` actions aux, started-at and
set-elapsed (registered by commands/show.py), and ``clock`` (the system clock's offset)."""

from __future__ import annotations

import argparse

from moderator_app.app.clock_check import DEFAULT_TIMEOUT_S, ClockCheckError, measure_offset
from moderator_app.app.show import ShowFileError, ShowSession, show_status
from moderator_app.app.timers import (
    AUX_OPS,
    SCOPE_SEGMENT,
    SCOPE_SHOW,
    TimerInputError,
    aux,
    aux_status,
    set_elapsed,
    started_at,
)
from moderator_app.commands import CommandError, open_session, print_json, seconds_option
from moderator_app.core.actions import Action, ActionRefused

TIMER_ACTIONS = ("aux", "started-at", "set-elapsed")
TIMER_HELP = (
    "aux N start|pause|reset|set SECONDS|add SECONDS (timers 1 to 3), "
    "started-at HH:MM[:SS]|-SECONDS [segment|show] (the segment on air by default), "
    "set-elapsed SECONDS"
)
# Without --server the command asks the public pool: it is run by hand, on purpose.
DEFAULT_SERVER = "pool.ntp.org"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clock",
        help="print this computer's clock offset from a network time server",
        description="Asks a time server (NTP) and prints the offset of the system clock "
        "(positive: the computer is behind). Exit code 2 with one line when the server "
        "does not answer, answers garbage or cannot be reached.",
    )
    p.add_argument("--server", default=DEFAULT_SERVER, metavar="HOST[:PORT]",
                   help=f"the time server (default {DEFAULT_SERVER})")  # fmt: skip
    p.add_argument("--timeout", type=_timeout, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help=f"how long to wait for the answer (default {DEFAULT_TIMEOUT_S:g})")  # fmt: skip
    p.set_defaults(func=cmd_clock)


_timeout = seconds_option("--timeout", 0.1, 60)


def cmd_clock(args: argparse.Namespace) -> int:
    try:
        result = measure_offset(args.server, timeout_s=args.timeout)
    except ClockCheckError as exc:
        raise CommandError(str(exc)) from None
    print_json(result.to_dict())
    return 0


def cmd_timer_control(args: argparse.Namespace) -> int:
    """One of TIMER_ACTIONS: read the words, perform durably, print what the file holds."""
    words = [w for w in (args.arg, *getattr(args, "more", [])) if w is not None]
    session = open_session(args.show, wait_s=args.wait)
    try:
        try:
            action = _perform(session, args.action, words)
        except TimerInputError as exc:
            raise CommandError(f"{args.action}: {exc}") from None
        except ActionRefused as exc:
            raise CommandError(f"{args.action} refused: {exc}") from None
        except ShowFileError as exc:
            problem = str(exc)
            if "locked" in problem:
                problem += f" (waited {args.wait:g} s; --wait SECONDS waits longer)"
            raise CommandError(f"{args.action} NOT saved, nothing changed: {problem}") from None
        status = show_status(session)
        out = {"action": action.type, "seq": action.seq, "live": status["live"]}
        if args.action == "aux":
            out["aux"] = aux_status(session)
        print_json(out)
    finally:
        session.close()
    return 0


def _perform(session: ShowSession, action: str, words: list[str]) -> Action:
    if action == "aux":
        if len(words) < 2:
            raise TimerInputError(
                f"aux needs a timer number and an action: aux N {'|'.join(AUX_OPS)} [SECONDS]"
            )
        if len(words) > 3:
            raise TimerInputError("aux takes a timer number, an action and at most one value")
        number, op, *value = words
        return aux(session, number, op, value[0] if value else None, durable=True)
    if not words:
        what = "a start time (HH:MM[:SS] or -SECONDS)" if action == "started-at" else "SECONDS"
        raise TimerInputError(f"needs {what}")
    if action == "started-at":
        if len(words) > 2 or (len(words) == 2 and words[1] not in (SCOPE_SEGMENT, SCOPE_SHOW)):
            raise TimerInputError("takes a time, then optionally 'segment' or 'show'")
        scope = words[1] if len(words) == 2 else SCOPE_SEGMENT
        return started_at(session, words[0], scope=scope, durable=True)
    if len(words) > 1:
        raise TimerInputError("takes one number of seconds")
    return set_elapsed(session, words[0], durable=True)
