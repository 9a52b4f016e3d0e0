"""Rescue command: actions the console kept in a rescue file because the show file would
not take them (disk full, read-only) when it closed. See app/show.py."""

from __future__ import annotations

import argparse
from pathlib import Path

from moderator_app.app.show import ShowFileError, discard_rescue, find_rescue, replay_rescue
from moderator_app.commands import CommandError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "rescue",
        help="show, write back (--replay) or drop (--discard) actions the console could not save",
        description="When the show file refused writes (disk full, read-only) until the console "
        "closed, the console kept the waiting actions in SHOW.unsaved.json beside the show, or "
        "in the user data folder. Without an option, lists them as JSON.",
    )
    p.add_argument("show")
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--replay",
        action="store_true",
        help="write them into the show, in order, with their original times; then delete the file",
    )
    what.add_argument("--discard", action="store_true", help="delete them without writing them")
    p.set_defaults(func=cmd_rescue)


def cmd_rescue(args: argparse.Namespace) -> int:
    show = Path(args.show)
    try:
        rescue = find_rescue(show)
        if rescue is None:
            print_json({"show": str(show), "file": None, "actions": []})
            return 0
        if args.replay:
            stored = replay_rescue(show, rescue)
            print_json({"replayed": len(stored), "from": str(rescue.path),
                        "seqs": [a.seq for a in stored]})  # fmt: skip
            return 0
        if args.discard:
            discard_rescue(rescue)
            print_json({"discarded": len(rescue.actions), "file": str(rescue.path)})
            return 0
    except ShowFileError as exc:
        raise CommandError(str(exc)) from None
    print_json({
        "show": str(show), "file": str(rescue.path), "reason": rescue.reason,
        "written_at": rescue.written_at, "after_seq": rescue.after_seq,
        "actions": [{"type": a.type, "at_us": a.at_us, "payload": a.payload}
                    for a in rescue.actions],
    })  # fmt: skip
    return 0
