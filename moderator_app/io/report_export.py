"""Report exports: JSON, CSV and XLSX (the workbook itself is in ``report_xlsx``).

Every file is written to a temporary file beside the target and ``os.replace``d, so a
failed export leaves nothing partial; the error is one line naming the file. The file gets
the mode any new file of the user gets (the umask's), and a part file left by an export
that was killed is removed by the next export into that folder (``atomic_file``).

Datetimes are ISO 8601 with the show's UTC offset; durations are seconds; unknown
values are ``null`` in JSON and empty in CSV.

The CSV is one file in sections, so it opens in any spreadsheet: a line ``# Summary``
followed by ``item,value`` rows, then a blank line and ``# Segments``, ``# Questions``,
``# Run sheet edits``, ``# Events`` and ``# Notes to the moderator``, each a header row
and its rows.

The xlsx and csv exports speak English or French (``language``; see ``export_labels``):
sheet and section names, headers, summary items, state words and notes. In French the
CSV keeps the comma separator, ISO dates, decimal points and the UTF-8 BOM, so the same
parser reads both (French Excel opens it through Data ▸ From Text/CSV). JSON is always
English: it is the machine format.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

from moderator_app.core.refusal import Refusal
from moderator_app.core.report import Report
from moderator_app.core.runsheet import zone
from moderator_app.io.atomic_file import write_atomically
from moderator_app.io.cell_safety import guard
from moderator_app.io.export_labels import (
    CSV_EDIT_COLUMNS,
    CSV_EVENT_COLUMNS,
    CSV_NOTE_COLUMNS,
    CSV_QUESTION_COLUMNS,
    CSV_SEGMENT_COLUMNS,
    Labels,
)

FORMATS = ("xlsx", "csv", "json")


class ReportExportError(Refusal):
    """An export that could not be written; nothing was left at the target (see
    core/refusal.py)."""


def _iso(moment: datetime | None, tz: ZoneInfo) -> str | None:
    return None if moment is None else moment.astimezone(tz).isoformat()


def _s(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def report_dict(report: Report) -> dict:
    """The report as JSON-ready data (the ``report --json`` document)."""
    s = report.summary
    tz = zone(s.timezone)
    longest = s.longest_overrun
    return {
        "show": {"title": s.title, "timezone": s.timezone},
        "run": {"number": s.run, "label": s.label, "state": s.state},
        "summary": {
            "planned_start": _iso(s.planned_start, tz),
            "actual_start": _iso(s.actual_start, tz),
            "start_delay_s": _s(s.start_delay_s),
            "planned_end": _iso(s.planned_end, tz),
            "actual_end": _iso(s.actual_end, tz),
            "final_over_under_s": _s(s.final_over_under_s),
            "longest_overrun": None
            if longest is None
            else {
                "index": longest.index,
                "title": longest.title,
                "seconds": _s(longest.seconds),
            },
            "paused_s": _s(s.paused_s),
            "pauses": s.pauses,
            "added_s": s.added_s,
            "messages": s.messages,
            "questions_answered": s.questions_answered,
            "questions_on_air": s.questions_on_air,
            "questions_shortlisted": s.questions_shortlisted,
            "questions_dismissed": s.questions_dismissed,
            "questions_not_reached": s.questions_not_reached,
            "questions_merged": s.questions_merged,
            "questions_total": s.questions_total,
            "edits": s.edits,
            "plan_shift_s": _s(s.plan_shift_s),
            "moderator_notes": s.moderator_notes,
            "notes": [note.text for note in s.notes],
        },
        "segments": [
            {
                "index": g.index,
                "id": g.segment_id,
                "title": g.title,
                "speaker": g.speaker,
                "kind": g.kind,
                "status": g.status,
                "planned_start": _iso(g.planned_start, tz),
                "actual_start": _iso(g.actual_start, tz),
                "planned_end": _iso(g.planned_end, tz),
                "actual_end": _iso(g.actual_end, tz),
                "planned_duration_s": g.planned_duration_s,
                "actual_duration_s": _s(g.actual_duration_s),
                "running_s": _s(g.running_s),
                "over_under_s": _s(g.over_under_s),
                "pauses": g.pauses,
                "paused_s": _s(g.paused_s),
                "added_s": g.added_s,
                "visits": g.visits,
                "messages": list(g.messages),
                "corrected": g.corrected,
            }
            for g in report.segments
        ],
        "questions": [
            {
                "id": q.question_id,
                "state": q.final_state,
                "text": q.text,
                "asker": q.asker,
                "organisation": q.organisation,
                "votes": q.votes,
                "asked_at": _iso(q.asked_at, tz),
                "source": q.source,
                "source_file": q.source_file,
                "answered_in_source": q.answered_in_source,
                "segment_id": q.segment_id,
                "segment": q.segment_title,
                "speaker": q.speaker,
                "on_air_at": _iso(q.on_air_at, tz),
                "answered_at": _iso(q.answered_at, tz),
                "duration_s": _s(q.duration_s),
                "answer_limit_s": q.answer_limit_s,
                "answer_over_s": _s(q.answer_over_s),
            }
            for q in report.questions
        ],
        "edits": [
            {
                "at": _iso(e.at, tz),
                "seq": e.seq,
                "type": e.type,
                "op": e.op,
                "segment_id": e.segment_id,
                "segment": e.segment_title,
                "field": e.field,
                "before": e.before,
                "after": e.after,
                "live": e.live,
            }
            for e in report.edits
        ],
        "events": [
            {
                "seq": e.seq,
                "at": _iso(e.at, tz),
                "type": e.type,
                "segment": e.segment_title,
                "detail": e.detail,
                "undone": e.undone,
                "origin": e.origin or None,
                "role": e.role or None,
                "payload": e.payload,
            }
            for e in report.events
        ],
        "moderator_notes": [
            {
                "seq": n.seq,
                "at": _iso(n.at, tz),
                "sender": n.sender,
                "text": n.text,
                "read_at": _iso(n.read_at, tz),
                "origin": n.origin or None,
                "role": n.role or None,
            }
            for n in report.notes
        ],
        "runs": [
            {
                "number": r.number,
                "label": r.label,
                "state": r.state,
                "date": _iso(r.date, tz),
                "actual_start": _iso(r.actual_start, tz),
                "actual_end": _iso(r.actual_end, tz),
            }
            for r in report.runs
        ],
    }


def report_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


# -- CSV ------------------------------------------------------------------------------
def csv_safe(value: object) -> object:
    """Text a spreadsheet must not run: a leading ' makes it plain text (``cell_safety``)."""
    if isinstance(value, str):
        return guard(value)
    return "" if value is None else value


def write_csv_text(report: Report, out: IO[str], language: str = "en") -> None:
    lab = Labels(language)
    words = _csv_words(lab)
    data = report_dict(report)
    w = csv.writer(out, lineterminator="\r\n")
    summary = data["summary"]
    w.writerow([f"# {lab['sheet.summary']}"])
    w.writerow([lab.csv_item("item"), lab.csv_item("value")])
    rows = [
        ("title", data["show"]["title"]),
        ("timezone", data["show"]["timezone"]),
        ("run", data["run"]["number"]),
        ("label", data["run"]["label"]),
        ("state", words.get("state", _same)(data["run"]["state"])),
    ]
    for key, value in summary.items():
        if key == "longest_overrun":
            rows.append(("longest_overrun_title", value["title"] if value else None))
            rows.append(("longest_overrun_s", value["seconds"] if value else None))
        elif key == "notes":
            rows.extend(("note", lab.note(note)) for note in report.summary.notes)
        else:
            rows.append((key, value))
    for key, value in rows:
        w.writerow([lab.csv_item(key), csv_safe(value)])
    sections: list[tuple[str, tuple[str, ...], list[dict]]] = [
        ("sheet.segments", CSV_SEGMENT_COLUMNS, data["segments"]),
        ("sheet.questions", CSV_QUESTION_COLUMNS, data["questions"]),
        ("sheet.edits", CSV_EDIT_COLUMNS, data["edits"]),
        ("sheet.events", CSV_EVENT_COLUMNS, data["events"]),
        ("sheet.notes", CSV_NOTE_COLUMNS,
         [{**n, "note": n["text"]} for n in data["moderator_notes"]]),
    ]  # fmt: skip
    for title, columns, items in sections:
        w.writerow([])
        w.writerow([f"# {lab[title]}"])
        w.writerow(lab.csv_headers(columns))
        for item in items:
            w.writerow([csv_safe(words.get(c, _same)(item[c])) for c in columns])


def _same(value: object) -> object:
    return value


def _csv_words(lab: Labels) -> dict[str, Callable[[object], object]]:
    """How the French CSV says the word columns; English keeps the JSON values."""
    if lab.language == "en":
        return {}

    def word(value: object) -> object:
        return lab.word(value) if isinstance(value, str) and value else value

    def code(value: object) -> object:
        return lab.code(value) if isinstance(value, str) and value else value

    def flag(value: object) -> object:
        return lab["word.yes"] if value else lab["word.no"]

    def maybe(value: object) -> object:
        return None if value is None else flag(value)

    return {"status": word, "state": word, "op": code, "type": code, "live": flag,
            "undone": lambda v: lab["word.undone"] if v else None, "source": code,
            "origin": code, "role": code,
            "answered_in_source": maybe, "corrected": flag}  # fmt: skip


# -- writing ---------------------------------------------------------------------------
def atomic_write(path: str | os.PathLike, write: Callable[[IO[bytes]], None]) -> None:
    """Write through a locked part file in the target's folder, then replace the target
    (see ``atomic_file``: the file gets the umask's mode, a killed export's part file is
    removed by the next one)."""
    path = Path(path)
    try:
        write_atomically(path, write)
    except OSError as exc:
        raise ReportExportError("Cannot write {0}: {1}", path, _reason(exc)) from None


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower() if exc.strerror else str(exc)


def _text_writer(produce: Callable[[IO[str]], None], bom: bool = False) -> Callable:
    # The text is made in memory and written in one call: a wrapper left on a handle that
    # failed mid-write (a full disk) would flush into the closed file when collected and
    # print "Exception ignored" after the export's one-line error.
    def write(handle: IO[bytes]) -> None:
        text = io.StringIO(newline="")
        produce(text)
        handle.write(text.getvalue().encode("utf-8-sig" if bom else "utf-8"))

    return write


def export_format(path: Path, fmt: str | None = None) -> str:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ReportExportError(
            "Cannot tell the report format of {0}: use a name ending in .xlsx, .csv or .json", path
        )
    return fmt


def export_report(
    report: Report, path: str | os.PathLike, fmt: str | None = None, language: str = "en"
) -> Path:
    """Write ``report`` to ``path`` as xlsx, csv or json (from the suffix unless ``fmt``).

    ``language`` (en or fr) is the language of the xlsx and csv words; JSON is English.
    """
    target = Path(path)
    kind = export_format(target, fmt)
    if target.is_dir():
        raise ReportExportError("Cannot write {0}: it is a folder", target)
    if kind == "json":
        atomic_write(target, _text_writer(lambda out: out.write(report_json(report))))
    elif kind == "csv":
        # A BOM so Excel reads the accents of French titles as UTF-8.
        atomic_write(
            target, _text_writer(lambda out: write_csv_text(report, out, language), bom=True)
        )
    else:
        from moderator_app.io.report_xlsx import write_xlsx

        atomic_write(target, lambda handle: write_xlsx(report, handle, language))
    return target
