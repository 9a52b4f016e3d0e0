"""Question commands: preview a spreadsheet, import it into a show, list a show's queue,
paste a chat's questions from standard input."""

from __future__ import annotations

import argparse
import sys

from moderator_app.app.errors import ChatError, QuestionError, ShowFileError, TableError
from moderator_app.app.questions import (
    IMPORT_STATES,
    PROFILES,
    ImportChoices,
    QuestionBook,
    decode_pasted,
    import_file,
    listing,
    machine_zone,
    paste_into,
    preview_dict,
    preview_file,
    read_chat,
    read_pasted_bytes,
    show_day,
)
from moderator_app.commands import CommandError, open_session, print_json
from moderator_app.core.questions import QState
from moderator_app.core.runsheet import RunSheetError, zone
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

    pa = qsub.add_parser("paste", help="add the questions of a chat or Q&A panel read from "
                         "standard input", description="Reads Zoom's chat (saved or copied), "
                         "Zoom's Q&A panel, Teams' or Meet's chat copied, or plain text (one "
                         "question per paragraph) from standard input and adds the messages "
                         "that look like questions; those already in the show are not added "
                         "again.")
    pa.add_argument("show")
    pa.add_argument("--all", action="store_true",
                    help="add every message, not only those that look like questions")
    pa.set_defaults(func=cmd_paste)

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


def cmd_preview(args: argparse.Namespace) -> int:
    try:
        tz = zone(args.timezone) if args.timezone else default_show().tz
    except RunSheetError as exc:
        raise CommandError(str(exc)) from None
    try:
        result = preview_file(args.file, tz=tz, profile=args.profile, dayfirst=args.dayfirst)
    except TableError as exc:
        raise CommandError(str(exc)) from None
    print_json(preview_dict(result))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    session = open_session(args.show)
    try:
        choices = ImportChoices(args.answered_as, args.profile, args.dayfirst)
        try:
            imported = import_file(QuestionBook(session), args.file, choices)
        except (TableError, ShowFileError, QuestionError) as exc:
            raise CommandError(str(exc)) from None
        print_json(imported.to_dict())
    finally:
        session.close()
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    session = open_session(args.show)
    try:
        print_json(listing(QuestionBook(session), args.state))
    finally:
        session.close()
    return 0


def cmd_paste(args: argparse.Namespace) -> int:
    session = open_session(args.show)
    try:
        book = QuestionBook(session)
        try:
            text = decode_pasted(read_pasted_bytes(sys.stdin.buffer))
            zone_here = machine_zone()
            parse = read_chat(text, day=show_day(book, zone_here), tz=zone_here)
            include = set(range(len(parse.messages))) if args.all else None
            pasted = paste_into(book, text, include, parse=parse)
        except (ChatError, ShowFileError, QuestionError) as exc:
            raise CommandError(str(exc)) from None
        print_json(pasted.to_dict())
    finally:
        session.close()
    return 0
