"""Headless command groups. Each module has ``register(subparsers)``; add new ones here."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from moderator_app.app.show import Role, ShowFileError, ShowSession, find_rescue, open_show

COMMAND_MODULES = [
    "moderator_app.commands.show",
    "moderator_app.commands.report",
    "moderator_app.commands.questions",
    "moderator_app.commands.runsheet",
    "moderator_app.commands.rescue",
    "moderator_app.commands.serve",
    "moderator_app.commands.remote",
    "moderator_app.commands.timers",
]


def seconds_option(flag: str, low: float, high: float):
    """An argparse type: seconds from ``low`` to ``high`` for option ``flag`` (nan refused)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
        if not low <= value <= high:  # also refuses nan
            raise argparse.ArgumentTypeError(f"{flag} takes {low:g} to {high:g} seconds")
        return value

    return parse


class CommandError(Exception):
    """A failure the command line reports as one line on stderr."""


def print_json(data: object) -> None:
    try:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `| head` closed the pipe: not an error worth a message
        sys.stdout = None  # type: ignore[assignment]


def open_session(path: str, *, wait_s: float | None = None) -> ShowSession:
    """The show file at ``path``, opened for a command; CommandError if it cannot be.

    A command stamps with the show's clock carried from the last writer on this machine
    (see app/show.py), so a process with a wrong wall clock still journals true times.
    ``wait_s``: how long a write waits for another writer's lock before failing.
    """
    try:
        session = open_show(path, role=Role.COMMAND, wait_s=wait_s)
    except ShowFileError as exc:
        raise CommandError(str(exc)) from None
    note_rescue(session.path)
    return session


def note_rescue(show: Path) -> None:
    """Say on stderr that actions the console could not save wait for this show."""
    try:
        rescue = find_rescue(show)
    except ShowFileError as exc:
        print(f"moderator-app: note: {exc}", file=sys.stderr)
        return
    if rescue is not None:
        print(
            f"moderator-app: note: {len(rescue.actions)} action(s) the console could not save "
            f"wait in {rescue.path}; write them into the show with: "
            f"moderator-app rescue {show} --replay",
            file=sys.stderr,
        )
