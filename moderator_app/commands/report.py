"""Report command: the timing report of a run, to a file or as JSON on stdout."""

from __future__ import annotations

import argparse
import sqlite3
from dataclasses import asdict
from pathlib import Path

from moderator_app.commands import CommandError, print_json
from moderator_app.core.report import build_report
from moderator_app.core.report_compare import compare_runs
from moderator_app.io.export_labels import export_language
from moderator_app.io.question_store import load_questions
from moderator_app.io.report_export import ReportExportError, export_report, report_dict
from moderator_app.io.showfile import ShowFile, ShowFileError


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


def _load(path: str):
    """The show, its journal and its questions (the report lists them all)."""
    if not Path(path).exists():
        raise CommandError(f"{path}: no such show file")
    try:
        with ShowFile.open(path) as file:
            return file.load_show(), file.actions(), load_questions(file)
    except ShowFileError as exc:
        raise CommandError(str(exc)) from None
    except sqlite3.Error as exc:
        raise CommandError(f"{path}: cannot read its questions ({exc})") from None


def cmd_report(args: argparse.Namespace) -> int:
    if not (args.out or args.json or args.runs or args.compare):
        raise CommandError("report needs OUT.xlsx|OUT.csv|OUT.json, or --json, --runs, --compare")
    show, actions, questions = _load(args.show)
    if args.runs:
        data = report_dict(build_report(show, actions))["runs"]
        print_json({"runs": data})
        return 0
    try:
        if args.compare:
            cmp = compare_runs(show, actions, *args.compare)
            print_json(
                {"a": args.compare[0], "b": args.compare[1], "rows": [asdict(r) for r in cmp.rows]}
            )
            return 0
        report = build_report(show, actions, args.run, questions=questions)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    if args.out:
        try:
            language = args.lang or export_language(show.language)
            target = export_report(report, args.out, language=language)
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
    print_json(report_dict(report))
    return 0
