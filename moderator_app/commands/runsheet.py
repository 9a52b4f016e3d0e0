"""Run sheet commands: preview, import and export a producer's spreadsheet."""

from __future__ import annotations

import argparse
from pathlib import Path

from moderator_app.commands import CommandError, open_session, print_json
from moderator_app.core.runsheet import Show
from moderator_app.core.runsheet_edit import EditRefused
from moderator_app.io.export_labels import export_language
from moderator_app.io.runsheet_export import RunSheetExportError, export_runsheet
from moderator_app.io.runsheet_import import (
    RunSheetImport,
    RunSheetImportError,
    new_show,
    plan_import,
    preview_dict,
    read_runsheet,
)
from moderator_app.io.runsheet_store import commit_replace
from moderator_app.io.showfile import ShowFileError


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


def read(path: str) -> RunSheetImport:
    try:
        return read_runsheet(Path(path))
    except RunSheetImportError as exc:
        raise CommandError(str(exc)) from None


def show_from_sheet(base: Show, path: str) -> Show:
    """A new show: the default show's header, the sheet's run sheet, title and start."""
    result = read(path)
    try:
        return new_show(base, result)
    except RunSheetImportError as exc:
        raise CommandError(str(exc)) from None


def cmd_preview(args: argparse.Namespace) -> int:
    print_json(preview_dict(read(args.file)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    result = read(args.file)  # read before opening the show: a bad file changes nothing
    session = open_session(args.show)
    try:
        try:
            plan = plan_import(session.show, result, session.engine)
            seq = None
            if not args.dry_run:
                seq = commit_replace(session, plan.show, source=Path(args.file).name).seq
        except (RunSheetImportError, EditRefused, ShowFileError) as exc:
            raise CommandError(str(exc)) from None
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
            path = export_runsheet(session.show, Path(args.out), language=args.lang)
        except RunSheetExportError as exc:
            raise CommandError(str(exc)) from None
        print_json({
            "exported": str(path), "segments": len(session.show.segments),
            "language": export_language(args.lang or session.show.language),
        })  # fmt: skip
    finally:
        session.close()
    return 0
