"""The report as an Excel workbook: Summary, Segments, Questions, Run sheet edits, Events,
Notes to the moderator.

Written in openpyxl's write-only mode (rows streamed, a few MB of memory for thousands of
questions). Times are real datetime cells, durations real time fractions shown as
[h]:mm:ss. Excel has no time zones: times are written as naive local times of the show's
zone, and the Summary says which zone. The workbook uses the 1904 date system, the only
one in which Excel displays negative durations (an early segment's over/under).

Untrusted text (questions, askers, notes) is written as string cells: openpyxl would
otherwise store any text that starts with "=" as a formula.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from typing import IO
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from moderator_app.core.report import NOT_REACHED, Report
from moderator_app.core.report_questions import ANSWERED
from moderator_app.core.runsheet import zone
from moderator_app.io.export_labels import (
    EDIT_COLUMNS,
    EVENT_COLUMNS,
    NOTE_COLUMNS,
    QUESTION_COLUMNS,
    SEGMENT_COLUMNS,
    Labels,
)

TIME = "hh:mm:ss"
DATETIME = "yyyy-mm-dd hh:mm:ss"
DURATION = "[h]:mm:ss"
SIGNED = "+[h]:mm:ss;-[h]:mm:ss;0:00:00"
SIGNED_S = "+0;-0;0"

LATE_FILL = PatternFill("solid", start_color="F8C9C4", end_color="F8C9C4")
EARLY_FILL = PatternFill("solid", start_color="C9EBC9", end_color="C9EBC9")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
# Headers wrap rather than widen narrow figure columns (French labels run longer).
HEADER_ALIGN = Alignment(wrap_text=True, vertical="bottom")


class _Styled:
    """A value to write with a number format, or a string that must stay a string."""

    __slots__ = ("fmt", "text", "value", "wrap")

    def __init__(
        self, value: object, fmt: str | None = None, *, text: bool = False, wrap: bool = False
    ) -> None:
        self.value = value
        self.fmt = fmt
        self.text = text
        self.wrap = wrap


class _Sheet:
    """A write-only sheet with typed cell helpers.

    Write-only rows are serialised as soon as they are appended, so one styled cell per
    (column, format) is reused for every row: building and styling a fresh cell object
    per value was most of the export time for thousands of questions.
    """

    def __init__(
        self, wb: Workbook, title: str, tz: ZoneInfo, widths: list[int], unknown: str
    ) -> None:
        self.ws = wb.create_sheet(title)
        self.tz = tz
        self.unknown = unknown
        self.rows = 0
        self._cells: dict[tuple, WriteOnlyCell] = {}
        for i, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width

    def header(self, names: list[str]) -> None:
        self.ws.freeze_panes = "A2"
        cells = []
        for name in names:
            c = WriteOnlyCell(self.ws, value=name)
            c.font = HEADER_FONT
            c.alignment = HEADER_ALIGN
            cells.append(c)
        self.ws.append(cells)
        self.rows += 1

    def _cell(self, column: int, spec: _Styled) -> WriteOnlyCell:
        key = (column, spec.fmt, spec.text, spec.wrap)
        c = self._cells.get(key)
        if c is None:
            c = self._cells[key] = WriteOnlyCell(self.ws)
            if spec.fmt:
                c.number_format = spec.fmt
            if spec.wrap:
                c.alignment = WRAP
        c.value = spec.value
        if spec.text:
            c.data_type = "s"  # openpyxl makes text starting with "=" a formula: never here
        return c

    def append(self, cells: list) -> None:
        while cells and cells[-1] is None:  # trailing empty cells cost time and say nothing
            cells.pop()
        self.ws.append(
            [self._cell(i, v) if isinstance(v, _Styled) else v for i, v in enumerate(cells)]
        )
        self.rows += 1

    def text(self, value: str | None, *, wrap: bool = False):
        if not value:
            return None
        value = str(value)
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        if not wrap and value[0] != "=":
            return value  # a plain string cell
        return _Styled(value, text=True, wrap=wrap)

    def moment(self, value: datetime | None, fmt: str = TIME, unknown: bool = True):
        if value is None:
            return self.text(self.unknown if unknown else None)
        return _Styled(value.astimezone(self.tz).replace(tzinfo=None), fmt)

    def duration(self, seconds: float | None, fmt: str = DURATION, unknown: bool = True):
        if seconds is None:
            return self.text(self.unknown if unknown else None)
        return _Styled(seconds / 86400, fmt)

    def number(self, value: float | None, fmt: str | None = None, unknown: bool = True):
        if value is None:
            return self.text(self.unknown if unknown else None)
        return _Styled(value, fmt) if fmt else value

    def colour_over_under(self, column: int) -> None:
        if self.rows < 2:
            return
        letter = get_column_letter(column)
        ref = f"{letter}2:{letter}{self.rows}"
        self.ws.conditional_formatting.add(
            ref, CellIsRule(operator="greaterThan", formula=["0"], fill=LATE_FILL)
        )
        self.ws.conditional_formatting.add(
            ref, CellIsRule(operator="lessThan", formula=["0"], fill=EARLY_FILL)
        )


def write_xlsx(report: Report, handle: IO[bytes], language: str = "en") -> None:
    """The workbook, its sheet names, headers and words in ``language`` (en or fr)."""
    lab = Labels(language)
    tz = zone(report.summary.timezone)
    wb = Workbook(write_only=True)
    wb.epoch = CALENDAR_MAC_1904
    for part in (_summary, _segments, _questions, _edits, _events, _notes):
        part(wb, report, tz, lab)
    # Zipped in memory (a few MB for thousands of questions), then written in one call: a
    # ZipFile left on a handle that failed mid-write (a full disk) tries to finish itself
    # when collected, and prints "Exception ignored ... seek of closed file" after the
    # export's one-line error.
    buffer = BytesIO()
    wb.save(buffer)
    handle.write(buffer.getbuffer())


def _summary(wb: Workbook, report: Report, tz: ZoneInfo, lab: Labels) -> None:
    s = report.summary
    sh = _Sheet(wb, lab["sheet.summary"], tz, [36, 60], lab["word.unknown"])
    sh.header([lab["item.item"], lab["item.value"]])
    offset = s.planned_start.astimezone(tz).strftime("%z") if s.planned_start else ""
    longest = s.longest_overrun
    rows = [
        ("show", sh.text(s.title)),
        ("run", sh.number(s.run)),
        ("label", sh.text(s.label)),
        ("state", sh.text(lab.word(s.state))),
        (
            "timezone",
            sh.text(f"{s.timezone} (UTC{offset[:3]}:{offset[3:]})" if offset else s.timezone),
        ),
        ("planned_start", sh.moment(s.planned_start, DATETIME)),
        ("actual_start", sh.moment(s.actual_start, DATETIME)),
        ("start_delay", sh.duration(s.start_delay_s, SIGNED)),
        ("planned_end", sh.moment(s.planned_end, DATETIME)),
        ("actual_end", sh.moment(s.actual_end, DATETIME)),
        ("final_over_under", sh.duration(s.final_over_under_s, SIGNED)),
        ("final_over_under_s", sh.number(s.final_over_under_s, SIGNED_S)),
        ("longest_overrun", sh.text(longest.title if longest else lab["word.none"])),
        (
            "longest_overrun_by",
            sh.duration(longest.seconds if longest else None, SIGNED, unknown=False),
        ),
        ("paused", sh.duration(s.paused_s)),
        ("pauses", sh.number(s.pauses)),
        ("added", sh.duration(s.added_s, SIGNED)),
        ("messages", sh.number(s.messages)),
        ("questions_answered", sh.number(s.questions_answered)),
        ("questions_on_air", sh.number(s.questions_on_air)),
        ("questions_shortlisted", sh.number(s.questions_shortlisted)),
        ("questions_dismissed", sh.number(s.questions_dismissed)),
        ("questions_not_reached", sh.number(s.questions_not_reached)),
        ("questions_merged", sh.number(s.questions_merged)),
        ("questions_total", sh.number(s.questions_total)),
        ("edits", sh.number(s.edits)),
        ("moderator_notes", sh.number(s.moderator_notes)),
    ]
    rows += [("note", sh.text(lab.note(note), wrap=True)) for note in s.notes]
    for key, cell in rows:
        sh.append([sh.text(lab[f"item.{key}"]), cell])


def _segments(wb: Workbook, report: Report, tz: ZoneInfo, lab: Labels) -> None:
    widths = [5, 44, 24, 12, 11, 11, 11, 11, 11, 11, 11, 11, 9, 8, 9, 10, 7, 40, 10]
    sh = _Sheet(wb, lab["sheet.segments"], tz, widths, lab["word.unknown"])
    sh.header(lab.headers(SEGMENT_COLUMNS))
    for g in report.segments:
        known = g.status != NOT_REACHED  # unreached: blank, not "unknown"
        sh.append(
            [
                sh.number(g.index),
                sh.text(g.title),
                sh.text(g.speaker),
                sh.text(lab.word(g.status)),
                sh.moment(g.planned_start),
                sh.moment(g.actual_start, unknown=known),
                sh.moment(g.planned_end),
                sh.moment(g.actual_end, unknown=known),
                sh.duration(g.planned_duration_s),
                sh.duration(g.actual_duration_s, unknown=known),
                sh.duration(g.running_s, unknown=known),
                sh.duration(g.over_under_s, SIGNED, unknown=known),
                sh.number(g.over_under_s, SIGNED_S, unknown=known),
                sh.number(g.pauses),
                sh.duration(g.paused_s),
                sh.duration(g.added_s, SIGNED),
                sh.number(g.visits),
                sh.text("\n".join(g.messages), wrap=True),
                sh.text(lab["word.yes"] if g.corrected else None),
            ]
        )
    sh.colour_over_under(12)
    sh.colour_over_under(13)


def _questions(wb: Workbook, report: Report, tz: ZoneInfo, lab: Labels) -> None:
    widths = [14, 70, 22, 22, 7, 19, 12, 18, 10, 10, 10, 30, 22, 11, 14, 12, 12]
    sh = _Sheet(wb, lab["sheet.questions"], tz, widths, lab["word.unknown"])
    sh.header(lab.headers(QUESTION_COLUMNS))
    yes, no = lab["word.yes"], lab["word.no"]
    for q in report.questions:
        # Only a question that went on air has on-air figures to be unknown.
        taken = q.on_air_at is not None
        sh.append(
            [
                sh.text(lab.word(q.final_state)),
                sh.text(q.text, wrap=True),
                sh.text(q.asker),
                sh.text(q.organisation),
                sh.number(q.votes, unknown=False),
                sh.moment(q.asked_at, DATETIME, unknown=False),
                sh.text(lab.code(q.source) if q.source else None),
                sh.text(q.source_file),
                sh.moment(q.on_air_at, unknown=False),
                sh.moment(q.answered_at, unknown=taken and q.final_state == ANSWERED),
                sh.duration(q.duration_s, unknown=taken and q.final_state == ANSWERED),
                sh.text(q.segment_title),
                sh.text(q.speaker),
                sh.text(
                    None if q.answered_in_source is None else yes if q.answered_in_source else no
                ),
                sh.text(q.question_id),
                sh.duration(q.answer_limit_s, unknown=False),
                sh.duration(q.answer_over_s, SIGNED, unknown=False),
            ]
        )
    sh.ws.auto_filter.ref = f"A1:{get_column_letter(len(QUESTION_COLUMNS))}{max(sh.rows, 1)}"


def _edits(wb: Workbook, report: Report, tz: ZoneInfo, lab: Labels) -> None:
    widths = [19, 7, 14, 36, 20, 30, 30, 8]
    sh = _Sheet(wb, lab["sheet.edits"], tz, widths, lab["word.unknown"])
    sh.header(lab.headers(EDIT_COLUMNS))
    for e in report.edits:
        sh.append(
            [
                sh.moment(e.at, DATETIME),
                sh.number(e.seq, unknown=False),
                sh.text(lab.code(e.op)),
                sh.text(e.segment_title or e.segment_id),
                sh.text(e.field),
                sh.text(e.before),
                sh.text(e.after),
                sh.text(lab["word.yes"] if e.live else lab["word.no"]),
            ]
        )


def _origin(lab: Labels, origin: str, role: str) -> str | None:
    """Where an action came from: "network · producer" (in the language), or nothing for
    the console's and the command line's own."""
    if not origin:
        return None
    return f"{lab.word(origin)} · {lab.word(role)}" if role else lab.word(origin)


def _events(wb: Workbook, report: Report, tz: ZoneInfo, lab: Labels) -> None:
    widths = [7, 19, 16, 36, 80, 8, 20]
    sh = _Sheet(wb, lab["sheet.events"], tz, widths, lab["word.unknown"])
    sh.header(lab.headers(EVENT_COLUMNS))
    for e in report.events:
        sh.append(
            [
                sh.number(e.seq, unknown=False),
                sh.moment(e.at, DATETIME),
                sh.text(lab.code(e.type)),
                sh.text(e.segment_title),
                sh.text(e.detail),
                sh.text(lab["word.undone"] if e.undone else None),
                sh.text(_origin(lab, e.origin, e.role)),
            ]
        )


def _notes(wb: Workbook, report: Report, tz: ZoneInfo, lab: Labels) -> None:
    sh = _Sheet(wb, lab["sheet.notes"], tz, [19, 7, 22, 80, 19, 20], lab["word.unknown"])
    sh.header(lab.headers(NOTE_COLUMNS))
    for n in report.notes:
        sh.append(
            [
                sh.moment(n.at, DATETIME),
                sh.number(n.seq, unknown=False),
                sh.text(n.sender),
                sh.text(n.text, wrap=True),
                sh.moment(n.read_at, DATETIME, unknown=False),
                sh.text(_origin(lab, n.origin, n.role)),
            ]
        )
