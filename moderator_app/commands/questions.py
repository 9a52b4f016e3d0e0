"""Question commands: preview a spreadsheet, import it into a show, list a show's queue."""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from moderator_app.commands import CommandError, open_session, print_json
from moderator_app.core.questions import IMPORT_STATES, QState
from moderator_app.core.runsheet import RunSheetError, zone
from moderator_app.io.question_import import (
    ImportResult,
    extract,
    load_source,
    preview_dict,
)
from moderator_app.io.question_sources import PROFILES
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.showfile import ShowFileError
from moderator_app.io.tables import TableError
from moderator_app.resources import default_show


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("questions", help="preview, import and list questions",
                       description="The question queue from the command line.")
    qsub = p.add_subparsers(dest="questions_command", metavar="ACTION", required=True)

    pv = qsub.add_parser("preview", help="show what a spreadsheet's questions would be")
    pv.add_argument("file")
    pv.add_argument("--json", action="store_true", help="JSON output (the only format)")
    pv.add_argument("--timezone", help="IANA zone for times without one (default: the "
                    "default show's zone)")
    _source_options(pv)
    pv.set_defaults(func=cmd_preview)

    im = qsub.add_parser("import", help="merge a spreadsheet's questions into a show")
    im.add_argument("show")
    im.add_argument("file")
    _source_options(im)
    im.add_argument("--answered-as", choices=[s.value for s in IMPORT_STATES],
                    default=QState.ANSWERED.value,
                    help="state of new questions the file marks answered (Zoom's Answer(s), "
                    "an Answered column): answered (default) or new")
    im.set_defaults(func=cmd_import)

    ls = qsub.add_parser("list", help="print a show's questions")
    ls.add_argument("show")
    ls.add_argument("--json", action="store_true", help="JSON output (the only format)")
    ls.add_argument("--state", choices=[s.value for s in QState], action="append",
                    help="only questions in this state (repeatable)")
    ls.set_defaults(func=cmd_list)


def _source_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", choices=PROFILES, help="source layout (default: detected)")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="dayfirst", action="store_const", const=True,
                       help="read dates as day/month (default: inferred from the column)")
    order.add_argument("--monthfirst", dest="dayfirst", action="store_const", const=False,
                       help="read dates as month/day")


def _read(path: str, tz: ZoneInfo, args: argparse.Namespace) -> ImportResult:
    try:
        return extract(load_source(path, args.profile), tz=tz, dayfirst=args.dayfirst)
    except TableError as exc:
        raise CommandError(str(exc)) from None


def cmd_preview(args: argparse.Namespace) -> int:
    try:
        tz = zone(args.timezone) if args.timezone else default_show().tz
    except RunSheetError as exc:
        raise CommandError(str(exc)) from None
    print_json(preview_dict(_read(args.file, tz, args)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    session = open_session(args.show)
    try:
        result = _read(args.file, session.show.tz, args)  # read fully before touching the show
        try:
            merge = QuestionBook(session).import_result(result, args.answered_as)
        except ShowFileError as exc:
            raise CommandError(str(exc)) from None
        # Of the questions added, how many the file marks answered, and what they became.
        print_json({"file": str(result.path), "profile": result.plan.profile,
                    "added": merge.added, "present": merge.present,
                    "skipped": result.skipped, "answered_in_source": merge.answered_in_source,
                    "answered_as": args.answered_as, "warnings": result.warnings})
    finally:
        session.close()
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    session = open_session(args.show)
    try:
        book = QuestionBook(session)
        items = book.queue.select(states=args.state) if args.state else book.queue.ordered()
        print_json({"counts": book.queue.counts(),
                    "questions": [q.to_dict() for q in items]})
    finally:
        session.close()
    return 0
