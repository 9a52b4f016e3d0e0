"""Run sheet import from a producer's spreadsheet (xlsx, xls, ods, csv).

The header row is found by scanning for known column names in English and French (and
Ontime's), below any title lines and blank rows. Columns map automatically; callers can
override the mapping (the import dialog's preview does). Nothing here touches a show:
``read_runsheet`` returns a value, ``plan_import`` works out the show it makes (the
console's dialog, the linked sheet and the command line all go through it) and
``replace_runsheet`` a new show, so a failed import leaves the show as it was.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date as date_type
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import available_timezones

from moderator_app.core.cues import Cue, CueError, checked, parse_cues
from moderator_app.core.engine import PAUSED, RUNNING, TimerEngine
from moderator_app.core.refusal import Refusal
from moderator_app.core.runsheet import RunSheetError, Segment, Show, new_segment_id, zone
from moderator_app.core.runsheet_diff import RunSheetDiff, diff_shows
from moderator_app.core.runsheet_edit import NO_CUES
from moderator_app.core.runsheet_merge import merge_segments
from moderator_app.io.cell_safety import unguard
from moderator_app.io.runsheet_cells import (
    DAY_S,
    CellError,
    clock_seconds,
    clock_text,
    duration_seconds,
    infer_kind,
    is_end_marker,
    is_yes,
    normalise,
    parse_kind,
    text_of,
    to_time,
)
from moderator_app.io.runsheet_export import DEFAULT_CUES_LABEL
from moderator_app.io.runsheet_tables import Row, read_rows
from moderator_app.io.tables import TableError

# The fields a column can feed, in the order the mapping preview lists them.
FIELDS = (
    "start",
    "end",
    "duration",
    "title",
    "kind",
    "speaker",
    "organisation",
    "region",
    "speaker_timezone",
    "notes",
    "warning",
    "danger",
    "hard_start",
    "cues",
    "auto_start",
    "id",
)

# The Segment fields each column feeds: what an import takes from the file for a segment
# the show already has (the rest is kept; see core/runsheet_merge.py). A start column
# decides the hard starts (a gap before a start makes one); the hard-start flag alone has
# no time to give, so without a start column the show's hard starts stay. The id only
# matches segments.
COLUMN_FIELDS: dict[str, tuple[str, ...]] = {
    "start": ("planned_duration_s", "hard_start"),
    "end": ("planned_duration_s",),
    "duration": ("planned_duration_s",),
    "title": ("title",),
    "kind": ("kind",),
    "speaker": ("speaker",),
    "organisation": ("organisation",),
    "region": ("region",),
    "speaker_timezone": ("speaker_timezone",),
    "notes": ("notes",),
    "warning": ("warning_s",),
    "danger": ("danger_s",),
    "hard_start": (),
    "cues": ("cues",),
    "auto_start": ("auto_start",),
    "id": (),
}

# Known header names (already normalised). Ontime's import names are included.
ALIASES: dict[str, tuple[str, ...]] = {
    "start": (
        "start",
        "start time",
        "time start",
        "starts",
        "begin",
        "heure",
        "heure de debut",
        "heure debut",
        "debut",
        "horaire",
        "horaires",
        "time",
        "scheduled start",
        "planned start",
        "debut prevu",
    ),
    "end": (
        "end",
        "end time",
        "time end",
        "ends",
        "fin",
        "heure de fin",
        "heure fin",
        "scheduled end",
        "planned end",
        "fin prevue",
    ),
    "duration": (
        "duration",
        "duree",
        "length",
        "temps",
        "minutes",
        "mins",
        "min",
        "planned duration",
        "duree prevue",
        "duree min",
        "duration min",
        "timing",
    ),
    "title": (
        "title",
        "titre",
        "segment",
        "sequence",
        "item",
        "intitule",
        "topic",
        "sujet",
        "programme",
        "program",
        "rubrique",
        "activite",
        "activity",
        "contenu",
    ),
    "kind": ("kind", "type", "categorie", "category", "genre"),
    "speaker": (
        "speaker",
        "speakers",
        "intervenant",
        "intervenants",
        "intervenante",
        "intervenant e",
        "intervenant es",
        "orateur",
        "oratrice",
        "presenter",
        "qui",
        "who",
        "presenter s",
        "moderateur",
    ),
    "organisation": (
        "organisation",
        "organization",
        "ville",
        "city",
        "organisme",
        "institution",
        "structure",
        "affiliation",
        "organisation ville",
    ),
    "region": ("region", "pays", "country"),
    "speaker_timezone": (
        "speaker time zone",
        "speaker timezone",
        "time zone",
        "timezone",
        "fuseau",
        "fuseau horaire",
        "fuseau de l intervenant",
    ),
    "notes": (
        "notes",
        "note",
        "comments",
        "comment",
        "commentaire",
        "commentaires",
        "remarques",
        "remarque",
        "observations",
        "consignes",
    ),
    "warning": ("warning", "warning time", "alerte", "avertissement"),
    "danger": ("danger", "danger time"),
    "hard_start": ("hard start", "fixed start", "fixed", "heure fixe", "fixe", "debut fixe"),
    "id": ("id", "segment id"),
    # Not Ontime's "cue": that column names a cue (its number), it holds no messages.
    "cues": ("cues", "auto cues", "automatic cues", "messages auto", "messages automatiques"),
    "auto_start": ("auto start", "autostart", "demarrage auto", "demarrage automatique"),
}
_LOOKUP = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
HEADER_SCAN_ROWS = 40
DEFAULT_MISSING_DURATION_S = 300


class RunSheetImportError(Refusal):
    """An import that cannot succeed; the message names the file and, if any, the row
    (a template and its values: see core/refusal.py)."""


@dataclass
class SheetTable:
    """The rows of a file and where its header is: what the mapping preview shows."""

    path: Path
    rows: list[Row]
    header_row: int  # 0-based index into rows
    mapping: dict[str, int]  # field -> column index

    @property
    def headers(self) -> list[str]:
        return [text_of(c) for c in self.rows[self.header_row]]

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def data_rows(self) -> list[tuple[int, Row]]:
        """(spreadsheet row number, cells) for every row under the header."""
        return [(i + 1, r) for i, r in enumerate(self.rows) if i > self.header_row]


@dataclass
class RunSheetImport:
    """A run sheet read from a file, not yet applied to any show."""

    path: Path
    segments: list[Segment]
    warnings: list[str] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # spreadsheet row of each segment
    title: str | None = None  # the title line above the header, if any
    start: time | None = None  # the first row's start: the show's start
    end: time | None = None  # from an end marker row ("Fin", "End of show")
    mapping: dict[str, int] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    date: date_type | None = None  # a date written in the lines above the header
    timezone: str | None = None  # an IANA zone written there
    # The show's default cues from a "Default cues:" line there (None: no such line;
    # (): "none").
    cues: tuple[Cue, ...] | None = None

    @property
    def given(self) -> frozenset[str]:
        """The Segment fields the file has a column for (empty cells included)."""
        return frozenset(f for column in self.mapping for f in COLUMN_FIELDS.get(column, ()))


def match_field(header: object) -> str | None:
    """The field a header name stands for, ignoring case, accents and a unit in brackets."""
    name = normalise(header)
    if not name:
        return None
    if name in _LOOKUP:
        return _LOOKUP[name]
    bare = normalise(str(header).split("(")[0].split("[")[0])
    return _LOOKUP.get(bare)


def detect_mapping(headers: list[object]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for col, header in enumerate(headers):
        name = match_field(header)
        if name and name not in mapping:
            mapping[name] = col
    return mapping


def find_header(rows: list[Row]) -> int | None:
    """The first row naming a title column and at least one timing column."""
    best, best_score = None, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping = detect_mapping(row)
        if "title" not in mapping:
            continue
        timing = {"start", "end", "duration"} & mapping.keys()
        score = len(mapping) + (10 if timing else 0)
        if score > best_score:
            best, best_score = i, score
            if timing and len(mapping) >= 3:
                break
    return best


def load_table(path: str | os.PathLike, *, header_row: int | None = None) -> SheetTable:
    target = Path(path)
    try:
        rows = read_rows(target)
    except TableError as exc:
        raise RunSheetImportError("{0}", exc) from None
    if not any(any(c is not None for c in r) for r in rows):
        raise RunSheetImportError("{0}: the file holds no cells", target)
    if header_row is None:
        header_row = find_header(rows)
        if header_row is None:
            raise RunSheetImportError(
                "{0}: no header row found in the first {1} rows: expected a title column "
                "(Title, Titre, Segment, Séquence) and a time column (Start, Heure, Début, "
                "Duration, Durée, End, Fin)",
                target,
                HEADER_SCAN_ROWS,
            )
    elif not 0 <= header_row < len(rows):
        raise RunSheetImportError(
            "{0}: there is no row {1} to use as header", target, header_row + 1
        )
    return SheetTable(target, rows, header_row, detect_mapping(rows[header_row]))


def read_runsheet(
    path: str | os.PathLike,
    *,
    mapping: dict[str, int | None] | None = None,
    header_row: int | None = None,
) -> RunSheetImport:
    """Read a run sheet file; raises RunSheetImportError with one clear line."""
    table = load_table(path, header_row=header_row)
    if mapping is not None:
        table.mapping = _merged(table.mapping, mapping)
    return build_runsheet(table)


def _merged(auto: dict[str, int], override: dict[str, int | None]) -> dict[str, int]:
    merged = dict(auto)
    for name, col in override.items():
        if name not in FIELDS:
            raise RunSheetImportError("Unknown run sheet field {0!r} in the column mapping", name)
        if col is None:
            merged.pop(name, None)
        else:
            for other, c in list(merged.items()):
                if c == col and other != name:
                    del merged[other]  # a column feeds one field
            merged[name] = int(col)
    return merged


@dataclass
class _Entry:
    row: int
    title: str
    start: int | None
    end: int | None
    duration: int | None
    segment: Segment
    hard: bool


def build_runsheet(table: SheetTable) -> RunSheetImport:
    path, mapping = table.path, table.mapping
    if "title" not in mapping:
        raise RunSheetImportError("{0}: no column is mapped to the segment title", path)
    if not {"start", "end", "duration"} & mapping.keys():
        raise RunSheetImportError(
            "{0}: no column gives times: map a start, end or duration column", path
        )
    headers = table.headers
    seconds_unit = "duration" in mapping and _says_seconds(headers[mapping["duration"]])
    warnings: list[str] = []
    entries: list[_Entry] = []
    ids: set[str] = set()

    def cell(row: Row, name: str) -> object:
        col = mapping.get(name)
        return row[col] if col is not None and col < len(row) else None

    for number, row in table.data_rows():
        if all(c is None for c in row):
            continue
        title = unguard(text_of(cell(row, "title")))
        if not title:
            if any(cell(row, n) is not None for n in mapping):
                warnings.append(f"Row {number}: no title; the row was skipped")
            continue
        if normalise(title) in ("total", "totaux", "sum", "somme", "total general"):
            warnings.append(f"Row {number}: a total line; skipped")
            continue
        where = (path, number, title)
        try:
            start = _opt(cell(row, "start"), clock_seconds)
            end = _opt(cell(row, "end"), clock_seconds)
            duration = _opt(
                cell(row, "duration"), lambda v: duration_seconds(v, seconds_unit=seconds_unit)
            )
            warning = _opt(cell(row, "warning"), duration_seconds)
            danger = _opt(cell(row, "danger"), duration_seconds)
        except CellError as exc:
            raise RunSheetImportError("{0}: row {1} ({2}): {3}", *where, exc) from None
        speaker = unguard(text_of(cell(row, "speaker")))
        kind_cell = cell(row, "kind")
        kind = parse_kind(kind_cell) if kind_cell is not None else None
        if kind is None:
            if kind_cell is not None:
                warnings.append(
                    f"Row {number}: unknown kind {text_of(kind_cell)!r}; guessed from the title"
                )
            kind = infer_kind(title, speaker)
        seg_id = unguard(text_of(cell(row, "id")))
        if not seg_id or seg_id in ids:
            seg_id = new_segment_id()
        ids.add(seg_id)
        segment = Segment(
            title=title,
            planned_duration_s=0,
            kind=kind,
            speaker=speaker,
            organisation=unguard(text_of(cell(row, "organisation"))),
            region=unguard(text_of(cell(row, "region"))),
            speaker_timezone=unguard(text_of(cell(row, "speaker_timezone"))),
            warning_s=warning,
            danger_s=danger,
            notes=unguard(text_of(cell(row, "notes"))),
            id=seg_id,
        )
        hard = cell(row, "hard_start") is not None and is_yes(cell(row, "hard_start"))
        cues_cell = unguard(text_of(cell(row, "cues"))).strip()
        if cues_cell:
            try:
                cues = () if normalise(cues_cell) in NO_CUES else parse_cues(cues_cell)
            except CueError as exc:
                raise RunSheetImportError("{0}: row {1} ({2}): {3}", *where, exc) from None
            segment = replace(segment, cues=cues)
        auto = cell(row, "auto_start")
        if auto is not None and is_yes(auto):
            segment = replace(segment, auto_start=True)
        entries.append(_Entry(number, title, start, end, duration, segment, hard))

    header_number = table.header_row + 1
    if not entries:
        raise RunSheetImportError(
            "{0}: the run sheet has no rows under its header (row {1})", path, header_number
        )
    planned_end = None
    last = entries[-1]
    if (
        len(entries) > 1
        and last.duration is None
        and last.end is None
        and last.start is not None
        and is_end_marker(last.title)
    ):
        planned_end = last.start
        entries.pop()
    _unwrap_days(entries)
    _time_entries(path, entries, warnings)
    start = entries[0].start
    title_line = _title_line(table)
    day, zone_name = _date_and_zone(table)
    default_cues = _default_cues(path, table)
    return RunSheetImport(
        path=path,
        segments=[e.segment for e in entries],
        warnings=warnings,
        rows=[e.row for e in entries],
        title=title_line,
        start=to_time(start) if start is not None else None,
        end=to_time(planned_end) if planned_end is not None else None,
        mapping=dict(mapping),
        headers=headers,
        date=day,
        timezone=zone_name,
        cues=default_cues,
    )


def _opt(value: object, parse) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse(value)


def _says_seconds(header: str) -> bool:
    words = normalise(header).split()
    return any(w in ("s", "sec", "secs", "seconds", "secondes") for w in words)


def _unwrap_days(entries: list[_Entry]) -> None:
    """Make clock times increase through a show that runs past midnight."""
    previous = None
    for e in entries:
        for name in ("start", "end"):
            value = getattr(e, name)
            if value is None:
                continue
            if previous is not None:
                while value < previous - DAY_S // 2:
                    value += DAY_S
            setattr(e, name, value)
            previous = value


def _time_entries(path: Path, entries: list[_Entry], warnings: list[str]) -> None:
    """Durations from durations, end times or the next start; gaps become hard starts."""
    cursor: int | None = None
    for i, e in enumerate(entries):
        where = (path, e.row, e.title)
        begin = e.start if e.start is not None else cursor
        if e.duration is not None:
            duration = e.duration
            if e.end is not None and begin is not None and e.end - begin != duration:
                warnings.append(
                    f"Row {e.row}: the duration and the end time disagree; the duration was kept"
                )
        elif e.end is not None and begin is not None:
            duration = e.end - begin
            if duration < 0:
                raise RunSheetImportError(
                    "{0}: row {1} ({2}): ends at {3}, before it starts at {4}",
                    *where,
                    clock_text(e.end),
                    clock_text(begin),
                )
        else:
            following = entries[i + 1].start if i + 1 < len(entries) else None
            if following is not None and begin is not None:
                duration = following - begin
                if duration < 0:
                    raise RunSheetImportError(
                        "{0}: row {1} ({2}): the next row starts at {3}, before this one "
                        "starts at {4}",
                        *where,
                        clock_text(following),
                        clock_text(begin),
                    )
            else:
                duration = DEFAULT_MISSING_DURATION_S
                warnings.append(
                    f"Row {e.row}: no duration, end time or following start; "
                    f"{DEFAULT_MISSING_DURATION_S // 60} minutes assumed"
                )
        if duration > DAY_S:
            raise RunSheetImportError("{0}: row {1} ({2}): the duration is over 24 hours", *where)
        if duration == 0:
            warnings.append(f"Row {e.row}: the duration is zero")
        hard = e.hard
        if e.start is not None and cursor is not None:
            if e.start < cursor:
                raise RunSheetImportError(
                    "{0}: row {1} ({2}): starts at {3}, before the previous segment ends at "
                    "{4} (overlap); fix this start or the previous duration",
                    *where,
                    clock_text(e.start),
                    clock_text(cursor),
                )
            if e.start > cursor:
                hard = True  # a gap: the segment waits for its clock time
        e.segment = replace(
            e.segment,
            planned_duration_s=duration,
            hard_start=to_time(e.start) if hard and e.start is not None else None,
        )
        if hard and e.start is None:
            warnings.append(f"Row {e.row}: marked as a fixed start but has no start time")
        if e.segment.cues:
            try:
                checked(e.segment.cues, duration)
            except CueError as exc:
                raise RunSheetImportError("{0}: row {1} ({2}): {3}", *where, exc) from None
        if e.segment.auto_start and e.segment.hard_start is None:
            e.segment = replace(e.segment, auto_start=False)
            warnings.append(f"Row {e.row}: auto-start needs a fixed start time; it was left off")
        cursor = (begin if begin is not None else 0) + duration


def _title_line(table: SheetTable) -> str | None:
    for row in table.rows[: table.header_row]:
        texts = [unguard(text_of(c)) for c in row if c is not None]
        texts = [t for t in texts if t]
        if texts and _cues_line(texts[0]) is None:
            return " ".join(texts)
    return None


# The export's "Default cues:" / "Messages auto par défaut :", compared as header names are.
_CUES_LABELS = tuple(normalise(label) for label in DEFAULT_CUES_LABEL.values())


def _cues_line(text: str) -> str | None:
    """The cues written after a default cues label in ``text``, or None if it has none."""
    head, colon, rest = text.partition(":")
    if colon and normalise(head) in _CUES_LABELS:
        return rest.strip()
    return None


def _default_cues(path: Path, table: SheetTable) -> tuple[Cue, ...] | None:
    """The show's default cues from the line above the header that states them."""
    for number, row in enumerate(table.rows[: table.header_row], start=1):
        texts = [t for t in (unguard(text_of(c)).strip() for c in row if c is not None) if t]
        written = _cues_line(texts[0]) if texts else None
        if written is None:
            continue
        try:
            if not written or normalise(written) in NO_CUES:
                return ()
            return checked(parse_cues(written))
        except CueError as exc:
            raise RunSheetImportError(
                "{0}: row {1} (default cues): {2}", path, number, exc
            ) from None
    return None


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_FR_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ZONE = re.compile(r"\b[A-Z][A-Za-z_]+(?:/[A-Za-z_+\-]+)+\b")


def _date_and_zone(table: SheetTable) -> tuple[date_type | None, str | None]:
    """A date and an IANA zone written above the header, as our export writes them."""
    day = zone_name = None
    for row in table.rows[: table.header_row]:
        for value in row:
            if value is None:
                continue
            if isinstance(value, datetime) and day is None:
                day = value.date()
                continue
            text = str(value)
            try:
                if day is None and (m := _ISO_DATE.search(text)):
                    day = date_type(int(m[1]), int(m[2]), int(m[3]))
                elif day is None and (m := _FR_DATE.search(text)):
                    day = date_type(int(m[3]), int(m[2]), int(m[1]))  # day first, as in French
            except ValueError:
                pass
            if zone_name is None and (z := _ZONE.search(text)) and z[0] in available_timezones():
                zone_name = z[0]
    return day, zone_name


def replace_runsheet(show: Show, result: RunSheetImport, *, move_start: bool = True) -> Show:
    """A new show with the imported segments as they are in the file (and, when given,
    the sheet's start and end): for a new show. Importing into a show goes through
    ``plan_import``, which keeps what the file has no column for.

    The result is checked like any show: overlapping hard starts raise RunSheetImportError.
    """
    fresh = _with_header(show, result, move_start=move_start)
    fresh.segments = [s.copy() for s in result.segments]
    _refuse_overlaps(result.path, fresh)
    return fresh


@dataclass
class ImportPlan:
    """The show an import makes, and the change list to show before applying it."""

    show: Show
    diff: RunSheetDiff


def plan_import(show: Show, result: RunSheetImport, engine: TimerEngine) -> ImportPlan:
    """What importing ``result`` into ``show`` (whose timer is ``engine``) makes: the
    sheet's segments merged onto the show's (``merge_segments``: what the file has no
    column for is kept, an empty column clears); during the show, what has run and the
    segment on air stay put and the start does not move. RunSheetImportError if the
    sheet's times overlap, alone or within the show's run sheet."""
    live = engine.state.status in (RUNNING, PAUSED)
    current = engine.current_index() if live else None
    replace_runsheet(show, result, move_start=not live)  # the file's own overlaps, its rows
    fresh = _with_header(show, result, move_start=not live)
    if result.end is None and fresh.planned_start == show.planned_start:
        # No end marker: the promised end is a field the file does not have, kept like a
        # segment's. A sheet that moves the start makes it a promise for another time.
        fresh.planned_end = show.planned_end
    fresh.segments = merge_segments(show.segments, result.segments, result.given, current=current)
    known = {str(p) for p in _overlaps(show)}
    added = [p for p in _overlaps(fresh) if str(p) not in known]
    if added:  # a hard start the show kept, or the segments that have run, collide
        raise RunSheetImportError("{0}: in the show's run sheet, {1}", result.path, added[0])
    return ImportPlan(fresh, diff_shows(show, fresh))


def _with_header(show: Show, result: RunSheetImport, *, move_start: bool) -> Show:
    """``show`` (segments not copied) with the sheet's zone, start and end when moving."""
    tz = show.tz
    zone_name = show.timezone
    if move_start and result.timezone:
        zone_name = result.timezone
        tz = zone(zone_name)
    local = show.planned_start.astimezone(tz)
    start = show.planned_start
    if move_start and (result.start is not None or result.date is not None):
        day = result.date if result.date is not None else local.date()
        clock = result.start if result.start is not None else local.time()
        start = datetime.combine(day, clock, tzinfo=tz)
    end = None  # the sheet's end marker, or the computed end: the old promise is stale
    if result.end is not None:
        end = datetime.combine(start.astimezone(tz).date(), result.end, tzinfo=tz)
        if end <= start:
            end += timedelta(days=1)
    return Show(
        **{
            **show.__dict__,
            "organisers": list(show.organisers),
            "planned_start": start,
            "planned_end": end,
            "timezone": zone_name,
            "segments": [],
            # The sheet's default cues line; a sheet without one keeps the show's.
            "cues": show.cues if result.cues is None else result.cues,
        }
    )


def _overlaps(show: Show) -> list[RunSheetError]:
    # Refusals, not sentences: the console says the row's overlap in its language too.
    return [p for p in show.problems() if "overlaps" in str(p)]


def _refuse_overlaps(path: Path, show: Show) -> None:
    overlaps = _overlaps(show)
    if overlaps:
        raise RunSheetImportError("{0}: {1}", path, overlaps[0])


def new_show(base: Show, result: RunSheetImport) -> Show:
    """A new show from a run sheet: ``base``'s header (organisers, thresholds...), the
    sheet's segments, start, end and, when it has one, its title line."""
    show = replace_runsheet(base, result)
    if result.title:
        show.title = result.title
    return show


def preview_dict(result: RunSheetImport) -> dict:
    """The JSON ``runsheet preview`` prints: each segment with its planned clock start."""
    starts = _planned_clock_starts(result)
    return {
        "segments": [
            {
                "title": s.title,
                "kind": s.kind.value,
                "speaker": s.speaker,
                "organisation": s.organisation,
                "planned_start": starts[i],
                "planned_duration_s": s.planned_duration_s,
                "notes": s.notes,
            }
            for i, s in enumerate(result.segments)
        ],
        "warnings": list(result.warnings),
    }


def _planned_clock_starts(result: RunSheetImport) -> list[str | None]:
    out: list[str | None] = []
    cursor = None
    if result.start is not None:
        cursor = result.start.hour * 3600 + result.start.minute * 60 + result.start.second
    for seg in result.segments:
        if seg.hard_start is not None:
            hs = seg.hard_start
            cursor = hs.hour * 3600 + hs.minute * 60 + hs.second
        out.append(clock_text(cursor) if cursor is not None else None)
        if cursor is not None:
            cursor += seg.planned_duration_s
    return out
