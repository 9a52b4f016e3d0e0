"""A chat saved as a file (Zoom's ``meeting_saved_chat.txt``, or a chat or Q&A panel copied
into a text file) read as a table of questions, so it goes through the spreadsheet import
path unchanged: preview, import, and the watcher's re-reads.

The table holds one row per message the question rule keeps (time, asker, text, private);
the others are counted in a note. Clock times are read in this machine's zone (the one the
chat window wrote them in) on the file's own date: the date in the name of Zoom's recording
folder (``2026-12-02 10.00.00 Topic 123456789``) when there is one, else the day the file was
last written, taken so that its last message is not later than that moment. Every reading
of one file (dialog, command line, watcher) so gives its messages the same times, and the
same ids.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from moderator_app.core.chat import ChatError, ChatParse, check_text, parse_chat
from moderator_app.io.question_sources import ColumnMapping, SourcePlan
from moderator_app.io.safe_read import read_text_bytes
from moderator_app.io.table_errors import TableError
from moderator_app.io.tables import RawTable, decode

CHAT_PROFILE = "chat"
HEADERS = ["Time", "Asker", "Message", "Private"]
_ZOOM_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ _]\d{2}\.\d{2}\.\d{2}\b")
_LATE = timedelta(minutes=5)  # a clock this far past the file's time belongs to the day before


def machine_zone() -> tzinfo:
    """The zone of this machine's clock: the one a chat window or saved chat writes in."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def read_chat_text(path: Path) -> tuple[str, str, list[str]]:
    """(text, encoding, notes) of a text file, bounded like a text table."""
    data = read_text_bytes(path)
    try:
        return decode(data)
    except UnicodeError as exc:
        raise TableError("{0}: {1}", path, exc) from None


def _folder_day(path: Path) -> date | None:
    m = _ZOOM_FOLDER.match(path.resolve().parent.name)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_chat_file(path: Path, text: str, tz: tzinfo | None = None) -> ChatParse:
    """``text`` (the content of ``path``) read as a chat on the file's date (see the module)."""
    zone = tz or machine_zone()
    try:
        cleaned = check_text(text)
    except ChatError as exc:
        raise TableError("{0}: {1}", path, exc) from None
    day = _folder_day(path)
    if day is not None:
        return parse_chat(cleaned, day=day, tz=zone)
    written = datetime.fromtimestamp(path.stat().st_mtime, zone)
    parse = parse_chat(cleaned, day=written.date(), tz=zone)
    last = next((m.at for m in reversed(parse.messages) if m.at is not None), None)
    if last is not None and last > written + _LATE:
        parse = parse_chat(cleaned, day=written.date() - timedelta(days=1), tz=zone)
    return parse


def chat_table(parse: ChatParse, encoding: str | None, notes: list[str]) -> RawTable:
    """The messages the rule keeps as rows under ``HEADERS``; the rest said in notes."""
    rows: list[list[object]] = [list(HEADERS)]
    rows.extend([m.at if m.at is not None else "", m.asker or "", m.text,
                 "private" if m.private else ""] for m in parse.messages if m.question)
    notes = list(notes)
    if parse.format == "plain":
        notes.append("no chat layout recognised: read as plain text, one question per "
                     "paragraph")
    left = len(parse.messages) - (len(rows) - 1)
    if left:
        notes.append(f"{left} message{'s' if left > 1 else ''} that "
                     f"{'are' if left > 1 else 'is'} not a question left out (greetings, "
                     "+1, too short)")
    if parse.unreadable:
        shown = "; ".join(line.strip()[:40] for line in parse.unreadable[:3])
        more = ", …" if len(parse.unreadable) > 3 else ""
        notes.append(f"{len(parse.unreadable)} line{'s' if len(parse.unreadable) > 1 else ''}"
                     f" outside any message ({shown}{more})")
    return RawTable(rows, None, encoding, None, notes)


def chat_plan(fmt: str) -> SourcePlan:
    return SourcePlan(CHAT_PROFILE, 0, 0, list(HEADERS),
                      ColumnMapping(text=2, asker=1, submitted_at=0), chat_format=fmt)
