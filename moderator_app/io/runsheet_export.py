"""Run sheet export to xlsx (formatted, real time cells) and csv, re-importable as is.

The layout is the one the importer reads: a title line, the date and time zone line, the
show-wide default cues line (where a blank row was: the header stays on row 4), then a header in English or French (the show's language unless asked) and
one row per segment; the importer reads both. An ID column
keeps segment identities through a round trip (a linked sheet's diff relies on it).
"""

from __future__ import annotations

import csv
import io
import os
from datetime import time, timedelta
from pathlib import Path

from moderator_app.core.cues import Cue, format_cues
from moderator_app.core.refusal import Refusal
from moderator_app.core.runsheet import SegmentKind, Show
from moderator_app.io.cell_safety import guard
from moderator_app.io.export_labels import export_language

COLUMNS = (
    "start",
    "end",
    "duration",
    "title",
    "kind",
    "speaker",
    "organisation",
    "region",
    "speaker_timezone",
    "warning",
    "danger",
    "hard_start",
    "notes",
    "cues",
    "auto_start",
    "id",
)
HEADERS = {
    "en": (
        "Start",
        "End",
        "Duration",
        "Title",
        "Kind",
        "Speaker",
        "Organisation",
        "Region",
        "Speaker time zone",
        "Warning",
        "Danger",
        "Hard start",
        "Notes",
        "Cues",
        "Auto-start",
        "ID",
    ),
    "fr": (
        "Début",
        "Fin",
        "Durée",
        "Titre",
        "Type",
        "Intervenant",
        "Organisation",
        "Région",
        "Fuseau horaire",
        "Alerte",
        "Danger",
        "Heure fixe",
        "Notes",
        "Messages auto",
        "Démarrage auto",
        "ID",
    ),
}
KIND_LABELS_FR = {
    SegmentKind.WELCOME: "Bienvenue",
    SegmentKind.INTRODUCTION: "Introduction",
    SegmentKind.SPEAKER: "Intervenant",
    SegmentKind.QA: "Questions",
    SegmentKind.CONCLUSIONS: "Conclusions",
    SegmentKind.CLOSING: "Clôture",
    SegmentKind.BREAK: "Pause",
    SegmentKind.OTHER: "Autre",
}
WIDTHS = (9, 9, 10, 48, 14, 26, 24, 18, 22, 9, 9, 11, 60, 40, 11, 14)
# A segment's Cues cell: empty follows the show's cues; this word means none at all.
NO_CUES_WORD = {"en": "none", "fr": "aucun"}
YES = {"en": "yes", "fr": "oui"}
END_MARKER = {"en": "End of show", "fr": "Fin du webinaire"}
# The line above the header holding the show's default cues (the segments' empty Cues
# cells follow them); the importer reads either language.
DEFAULT_CUES_LABEL = {"en": "Default cues:", "fr": "Messages auto par défaut :"}


class RunSheetExportError(Refusal):
    """An export that could not be written; the message names the file (see core/refusal.py)."""


def _lang(show: Show, language: str | None) -> str:
    return export_language(language or show.language)


def export_rows(show: Show, language: str | None = None) -> tuple[list[str], list[list[object]]]:
    """Header and rows as Python values: times as ``time``, durations as ``timedelta``."""
    lang = _lang(show, language)
    starts = show.planned_starts()
    tz = show.tz
    rows: list[list[object]] = []
    for seg, start in zip(show.segments, starts, strict=True):
        local = start.astimezone(tz)
        end = (start + timedelta(seconds=seg.planned_duration_s)).astimezone(tz)
        values = {
            "start": local.time().replace(microsecond=0),
            "end": end.time().replace(microsecond=0),
            "duration": timedelta(seconds=seg.planned_duration_s),
            "title": guard(seg.title),
            "kind": KIND_LABELS_FR[seg.kind] if lang == "fr" else seg.kind.value,
            "speaker": guard(seg.speaker),
            "organisation": guard(seg.organisation),
            "region": guard(seg.region),
            "speaker_timezone": guard(seg.speaker_timezone),
            "warning": None if seg.warning_s is None else timedelta(seconds=seg.warning_s),
            "danger": None if seg.danger_s is None else timedelta(seconds=seg.danger_s),
            "hard_start": YES[lang] if seg.hard_start is not None else None,
            "notes": guard(seg.notes),
            "cues": _cues_cell(seg.cues, lang),
            "auto_start": YES[lang] if seg.auto_start else None,
            "id": guard(seg.id),
        }
        rows.append([values[c] for c in COLUMNS])
    if show.planned_end is not None:
        # The promised end, as producers write it: a last row with only a time and "End".
        marker: list[object] = [None] * len(COLUMNS)
        marker[COLUMNS.index("start")] = show.planned_end.astimezone(tz).time()
        marker[COLUMNS.index("title")] = END_MARKER[lang]
        rows.append(marker)
    return list(HEADERS[lang]), rows


def _cues_cell(cues: tuple[Cue, ...] | None, lang: str) -> str | None:
    if cues is None:
        return None
    return guard(format_cues(cues)) if cues else NO_CUES_WORD[lang]


def _title_lines(show: Show, lang: str) -> list[str]:
    local = show.planned_start.astimezone(show.tz)
    cues = format_cues(show.cues) or NO_CUES_WORD[lang]
    return [guard(show.title), f"{local:%Y-%m-%d} · {show.timezone}",
            f"{DEFAULT_CUES_LABEL[lang]} {cues}"]


def export_runsheet(show: Show, path: str | os.PathLike, language: str | None = None) -> Path:
    """Write the run sheet to ``path`` (.xlsx or .csv), replacing it in one step.

    ``language`` (en or fr) is that of the headers and words; the show's by default.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        if not suffix:
            raise RunSheetExportError("{0}: export to .xlsx or .csv (not none)", target)
        raise RunSheetExportError("{0}: export to .xlsx or .csv (not {1})", target, suffix)
    if not target.parent.is_dir():
        raise RunSheetExportError("{0}: the folder {1} does not exist", target, target.parent)
    tmp = target.with_name(f".{target.name}.writing")
    try:
        if suffix == ".xlsx":
            _write_xlsx(show, tmp, language)
        else:
            tmp.write_bytes(csv_text(show, language).encode("utf-8-sig"))
        os.replace(tmp, target)
    except PermissionError:
        _discard(tmp)
        raise RunSheetExportError(
            "{0}: cannot be written (permission denied; is it open in another program?)", target
        ) from None
    except OSError as exc:
        _discard(tmp)
        raise RunSheetExportError("{0}: cannot be written ({1})", target, exc.strerror) from None
    return target


def _discard(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass  # the export error is the one worth reporting


def _clock(value: time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _span(value: timedelta) -> str:
    total = int(value.total_seconds())
    return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


def csv_text(show: Show, language: str | None = None) -> str:
    header, rows = export_rows(show, language)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for line in _title_lines(show, _lang(show, language)):
        writer.writerow([line])
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                ""
                if v is None
                else _clock(v)
                if isinstance(v, time)
                else _span(v)
                if isinstance(v, timedelta)
                else v
                for v in row
            ]
        )
    return out.getvalue()


def _write_xlsx(show: Show, path: Path, language: str | None = None) -> None:
    from openpyxl import Workbook  # openpyxl is slow to import; only xlsx export needs it
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header, rows = export_rows(show, language)
    wb = Workbook()
    ws = wb.active
    ws.title = "Run sheet" if _lang(show, language) == "en" else "Conducteur"
    for line in _title_lines(show, _lang(show, language)):
        ws.append([line])
        ws.cell(ws.max_row, 1).data_type = "s"  # never a formula, whatever the text
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(header)
    header_row = ws.max_row
    fill = PatternFill("solid", fgColor="1F3A5F")
    for cell in ws[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
    for values in rows:
        ws.append(values)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(ws.max_row, col)
            if isinstance(value, time):
                cell.number_format = "hh:mm:ss" if value.second else "hh:mm"
            elif isinstance(value, timedelta):
                cell.number_format = "[h]:mm:ss"
            elif isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text
                if COLUMNS[col - 1] in ("notes", "cues"):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(header))}{ws.max_row}"
    wb.save(path)
