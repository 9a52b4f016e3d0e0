"""Run sheet commands: preview, import and export a producer's spreadsheet."""

from __future__ import annotations

import argparse
from pathlib import Path

from moderator_app.app import runsheet as rs
from moderator_app.app.errors import (
    EditRefused,
    RunSheetExportError,
    RunSheetImportError,
    ShowFileError,
)
from moderator_app.commands import CommandError, open_session, print_json
from moderator_app.core.runsheet import Show


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("runsheet", help="preview, import or export a run sheet spreadsheet")
    rs = p.add_subparsers(dest="runsheet_command", metavar="ACTION", required=True)

    q = rs.add_parser("preview", help="print how a spreadsheet would import, without a show")
    q.add_argument("file", help="xlsx, xls, ods or csv run sheet")
    q.add_argument("--json", action="store_true", help="JSON output (the only format)")
    q.set_defaults(func=cmd_preview)

    q = rs.add_parser(
        "import",
        help="update a show's run sheet from a spreadsheet (fields it has no column for are kept)",
    )
    q.add_argument("show")
    q.add_argument("file", help="xlsx, xls, ods or csv run sheet")
    q.add_argument("--dry-run", action="store_true", help="print the changes without applying them")
    q.set_defaults(func=cmd_import)

    q = rs.add_parser("export", help="write a show's run sheet to .xlsx or .csv")
    q.add_argument("show")
    q.add_argument("out", help="OUT.xlsx or OUT.csv (replaced if it exists)")
    q.add_argument(
        "--lang", choices=("fr", "en"), help="language of the headers (default: the show's)"
    )
    q.set_defaults(func=cmd_export)


def read(path: str) -> rs.RunSheetImport:
    try:
        return rs.read_sheet(path)
    except RunSheetImportError as exc:
        raise CommandError(str(exc)) from None


def show_from_sheet(base: Show, path: str) -> Show:
    """``new --runsheet``: app.runsheet.show_from_sheet, its refusal as a command error."""
    try:
        return rs.show_from_sheet(path, base)
    except RunSheetImportError as exc:
        raise CommandError(str(exc)) from None


def cmd_preview(args: argparse.Namespace) -> int:
    print_json(rs.preview(read(args.file)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    result = read(args.file)  # read before opening the show: a bad file changes nothing
    session = open_session(args.show)
    try:
        try:
            applied = rs.apply_import(session, result, dry_run=args.dry_run)
        except (RunSheetImportError, EditRefused, ShowFileError) as exc:
            raise CommandError(str(exc)) from None
        plan, seq = applied.plan, applied.action.seq if applied.action else None
        print_json({
            "imported": str(Path(args.file)), "show": str(Path(args.show)),
            "segments": len(plan.show.segments), "seq": seq,
            "warnings": result.warnings, "changes": plan.diff.to_dict(),
        })  # fmt: skip
    finally:
        session.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    session = open_session(args.show)
    try:
        try:
            path = rs.export(session.show, args.out, language=args.lang)
        except RunSheetExportError as exc:
            raise CommandError(str(exc)) from None
        print_json({
            "exported": str(path), "segments": len(session.show.segments),
            "language": rs.export_language(args.lang or session.show.language),
        })  # fmt: skip
    finally:
        session.close()
    return 0
