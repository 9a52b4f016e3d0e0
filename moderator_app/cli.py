"""The command line: headless commands, and launching the console.

``moderator-app [SHOW]`` opens the console; ``moderator-app COMMAND ...`` runs a headless
command that prints JSON on stdout and, on failure, one line on stderr with exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from moderator_app import __version__
from moderator_app.commands import COMMAND_MODULES, CommandError

EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="moderator-app",
        description="Moderator console for live webinars. Without a command, opens the console.",
    )
    parser.add_argument("--version", action="version", version=f"moderator-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def build_console_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="moderator-app",
        description="Open the moderator console on SHOW, or on your default show.",
        epilog="Headless commands: moderator-app COMMAND --help (see moderator-app --help).",
    )
    parser.add_argument("--version", action="version", version=f"moderator-app {__version__}")
    parser.add_argument("show", nargs="?", help="show file to open (default: your default show)")
    parser.add_argument("--lang", choices=["fr", "en"], help="interface language for this run")
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = _command_names(parser)
    if not args_list or (args_list[0] not in commands and args_list[0] not in ("-h", "--help")):
        console_args = build_console_parser().parse_args(args_list)
        from moderator_app.ui.app import run_console  # Qt loads only for the console

        return run_console(console_args.show, language=console_args.lang)
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        _fail(str(exc))
    except Exception as exc:
        if os.environ.get("MODERATOR_APP_DEBUG"):
            raise
        _fail(_one_line(exc))
    return EXIT_ERROR


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text


def _fail(message: str) -> None:
    print(f"moderator-app: error: {' '.join(message.split())}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
