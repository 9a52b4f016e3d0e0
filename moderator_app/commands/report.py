"""Report command: the timing report of a run, to a file or as JSON on stdout."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from moderator_app.app import reports
from moderator_app.app.errors import ReportExportError, ShowFileError
from moderator_app.commands import CommandError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="timing report of a run: xlsx, csv or json file, or JSON on stdout",
        description="Write the timing report (planned vs actual per segment, questions, run "
        "sheet edits, the raw journal) of one run of SHOW. The format follows OUT's suffix: "
        ".xlsx, .csv or .json. Runs are numbered from 1 (see --runs); the latest by default.",
    )
    p.add_argument("show")
    p.add_argument("out", nargs="?", help="OUT.xlsx, OUT.csv or OUT.json")
    p.add_argument("--run", type=int, help="run number (default: the latest)")
    p.add_argument(
        "--lang",
        choices=("fr", "en"),
        help="language of an xlsx or csv report (default: the show's language); JSON is English",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    p.add_argument("--runs", action="store_true", help="list the runs as JSON")
    p.add_argument(
        "--compare",
        nargs=2,
        type=int,
        metavar=("A", "B"),
        help="compare two runs segment by segment (JSON)",
    )
    p.set_defaults(func=cmd_report)


def _load(path: str) -> reports.Journal:
    """The show, its journal and its questions (the report lists them all)."""
    try:
        journal = reports.read_show_file(path)
    except ShowFileError as exc:
        raise CommandError(str(exc)) from None
    if journal.questions_error:  # a file missing questions would look complete
        raise CommandError(journal.questions_error)
    return journal


def cmd_report(args: argparse.Namespace) -> int:
    if not (args.out or args.json or args.runs or args.compare):
        raise CommandError("report needs OUT.xlsx|OUT.csv|OUT.json, or --json, --runs, --compare")
    journal = _load(args.show)
    if args.runs:
        print_json({"runs": reports.runs_data(journal)})
        return 0
    try:
        if args.compare:
            cmp = reports.compare(journal, *args.compare)
            print_json(
                {"a": args.compare[0], "b": args.compare[1], "rows": [asdict(r) for r in cmp.rows]}
            )
            return 0
        report = reports.build(journal, args.run)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    if args.out:
        try:
            language = args.lang or reports.export_language(journal.show.language)
            target = reports.export(report, args.out, language)
        except ReportExportError as exc:
            raise CommandError(str(exc)) from None
        if not args.json:
            print_json(
                {
                    "written": str(target),
                    "format": target.suffix.lstrip(".").lower(),
                    "language": language,
                    "run": report.summary.run,
                    "state": report.summary.state,
                }
            )
            return 0
    print_json(reports.report_data(report))
    return 0
