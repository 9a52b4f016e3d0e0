"""The show and its ordered segments, and the planned times that follow from them."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from moderator_app.core.cues import Cue
from moderator_app.core.refusal import Refusal

DEFAULT_WARNING_S = 120
DEFAULT_DANGER_S = 30


class RunSheetError(Refusal):
    """A run sheet or show value that cannot be accepted; the message says why."""


class SegmentKind(StrEnum):
    WELCOME = "welcome"
    INTRODUCTION = "introduction"
    SPEAKER = "speaker"
    QA = "qa"
    CONCLUSIONS = "conclusions"
    CLOSING = "closing"
    BREAK = "break"
    OTHER = "other"

    @classmethod
    def parse(cls, value: object) -> SegmentKind:
        text = str(value or "").strip().lower()
        try:
            return cls(text) if text else cls.OTHER
        except ValueError:
            raise RunSheetError(
                "Unknown segment kind {0!r}: expected one of {1}",
                value,
                ", ".join(k.value for k in cls),
            ) from None


def new_segment_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass
class Segment:
    title: str
    planned_duration_s: int
    kind: SegmentKind = SegmentKind.OTHER
    speaker: str = ""
    organisation: str = ""
    region: str = ""
    speaker_timezone: str = ""
    hard_start: time | None = None
    warning_s: int | None = None
    danger_s: int | None = None
    notes: str = ""
    id: str = field(default_factory=new_segment_id)
    # Automatic cues (core/cues.py): None follows the show's defaults, () has none.
    cues: tuple[Cue, ...] | None = None
    # With a hard start: start by itself at that time if the previous one still runs.
    auto_start: bool = False

    def to_dict(self) -> dict:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["hard_start"] = self.hard_start.strftime("%H:%M:%S") if self.hard_start else None
        data["cues"] = None if self.cues is None else [c.to_dict() for c in self.cues]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Segment:
        hard = data.get("hard_start")
        return cls(
            title=str(data.get("title", "")),
            planned_duration_s=int(data.get("planned_duration_s", 0)),
            kind=SegmentKind.parse(data.get("kind")),
            speaker=str(data.get("speaker") or ""),
            organisation=str(data.get("organisation") or ""),
            region=str(data.get("region") or ""),
            speaker_timezone=str(data.get("speaker_timezone") or ""),
            hard_start=time.fromisoformat(hard) if hard else None,
            warning_s=_opt_int(data.get("warning_s")),
            danger_s=_opt_int(data.get("danger_s")),
            notes=str(data.get("notes") or ""),
            id=str(data.get("id") or new_segment_id()),
            cues=_cues(data.get("cues")),
            auto_start=bool(data.get("auto_start", False)),
        )

    def copy(self, **changes: object) -> Segment:
        return replace(self, **changes)


def _cues(value: object) -> tuple[Cue, ...] | None:
    if value is None:
        return None
    return tuple(Cue.from_dict(c) for c in value)  # type: ignore[attr-defined]


def _opt_int(value: object) -> int | None:
    return None if value is None or value == "" else int(value)  # type: ignore[arg-type]


_UTC = ZoneInfo("UTC")


def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name``, or RunSheetError naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise RunSheetError(
            "Unknown time zone {0!r}: expected an IANA name such as Europe/Paris", name
        ) from None


@dataclass
class Show:
    title: str
    planned_start: datetime
    timezone: str = "UTC"
    organisers: list[str] = field(default_factory=list)
    moderator: str = ""
    language: str = "en"
    warning_s: int = DEFAULT_WARNING_S
    danger_s: int = DEFAULT_DANGER_S
    planned_end: datetime | None = None
    segments: list[Segment] = field(default_factory=list)
    cues: tuple[Cue, ...] = ()  # the cues of segments that have none of their own

    def __post_init__(self) -> None:
        if self.planned_start.tzinfo is None:
            raise RunSheetError("The show's planned start must carry a time zone")

    @property
    def tz(self) -> ZoneInfo:
        """The show's zone; UTC when the name is unknown here (see ``timezone_known``).

        A show file written where tzdata knows a newer zone must still open: the screens
        say the times are in UTC rather than refusing the whole show.
        """
        try:
            return zone(self.timezone)
        except RunSheetError:
            return _UTC

    @property
    def timezone_known(self) -> bool:
        try:
            zone(self.timezone)
        except RunSheetError:
            return False
        return True

    def index_of(self, segment_id: str) -> int | None:
        for i, seg in enumerate(self.segments):
            if seg.id == segment_id:
                return i
        return None

    def segment(self, segment_id: str) -> Segment | None:
        i = self.index_of(segment_id)
        return None if i is None else self.segments[i]

    def thresholds(self, segment: Segment) -> tuple[int, int]:
        """Warning and danger thresholds (seconds left) for a segment."""
        warning = self.warning_s if segment.warning_s is None else segment.warning_s
        danger = self.danger_s if segment.danger_s is None else segment.danger_s
        return warning, danger

    def cues_of(self, segment: Segment) -> tuple[Cue, ...]:
        """The automatic cues of ``segment`` (its own, or the show's defaults) that fit in
        it: a segment shortened after its cues were written skips those before its start."""
        cues = self.cues if segment.cues is None else segment.cues
        return tuple(c for c in cues if c.at_s < segment.planned_duration_s)

    def hard_start_at(self, segment: Segment) -> datetime | None:
        """The aware datetime of a segment's hard start, on the show's local date."""
        if segment.hard_start is None:
            return None
        tz = self.tz
        day = self.planned_start.astimezone(tz).date()
        moment = datetime.combine(day, segment.hard_start, tzinfo=tz)
        if moment < self.planned_start - timedelta(hours=12):
            moment += timedelta(days=1)  # a show that runs past midnight
        return moment

    def planned_starts(self) -> list[datetime]:
        """Planned start of each segment: the previous end, or its hard start."""
        starts: list[datetime] = []
        cursor = self.planned_start
        for seg in self.segments:
            hard = self.hard_start_at(seg)
            start = hard if hard is not None else cursor
            starts.append(start)
            cursor = start + timedelta(seconds=seg.planned_duration_s)
        return starts

    def computed_end(self) -> datetime:
        """When the last segment ends by the plan (the planned start if there are none)."""
        if not self.segments:
            return self.planned_start
        last = self.segments[-1]
        return self.planned_starts()[-1] + timedelta(seconds=last.planned_duration_s)

    def target_end(self) -> datetime:
        """The end the producer promised, or the computed one when none was set."""
        return self.planned_end or self.computed_end()

    def validate(self) -> list[str]:
        """Problems a producer should see: overlapping hard starts, zero durations."""
        return [str(p) for p in self.problems()]

    def problems(self) -> list[RunSheetError]:
        """``validate``'s problems as refusals (a template and its values), for a surface
        that says them in its own language."""
        problems: list[RunSheetError] = []
        cursor = self.planned_start
        for i, seg in enumerate(self.segments, start=1):
            hard = self.hard_start_at(seg)
            if hard is not None and hard < cursor:
                problems.append(
                    RunSheetError(
                        "Row {0} ({1}): hard start {2:%H:%M} overlaps the previous segment, "
                        "which ends at {3:%H:%M}",
                        i,
                        seg.title,
                        seg.hard_start,
                        cursor.astimezone(self.tz),
                    )
                )
            if seg.planned_duration_s <= 0:
                problems.append(RunSheetError("Row {0} ({1}): the duration is zero", i, seg.title))
            cursor = (hard or cursor) + timedelta(seconds=seg.planned_duration_s)
        return problems

    def header_dict(self) -> dict:
        return {
            "title": self.title,
            "planned_start": self.planned_start.isoformat(),
            "timezone": self.timezone,
            "organisers": list(self.organisers),
            "moderator": self.moderator,
            "language": self.language,
            "warning_s": self.warning_s,
            "danger_s": self.danger_s,
            "planned_end": self.planned_end.isoformat() if self.planned_end else None,
            "cues": [c.to_dict() for c in self.cues],
        }

    def to_dict(self) -> dict:
        return {**self.header_dict(), "segments": [s.to_dict() for s in self.segments]}

    @classmethod
    def from_dict(cls, data: dict) -> Show:
        try:
            start = datetime.fromisoformat(data["planned_start"])
            tzname = str(data.get("timezone") or "UTC")
            end = data.get("planned_end")
            return cls(
                title=str(data["title"]),
                planned_start=start,
                timezone=tzname,
                organisers=[str(o) for o in data.get("organisers", [])],
                moderator=str(data.get("moderator", "")),
                language=str(data.get("language", "en")),
                warning_s=int(data.get("warning_s", DEFAULT_WARNING_S)),
                danger_s=int(data.get("danger_s", DEFAULT_DANGER_S)),
                planned_end=datetime.fromisoformat(end) if end else None,
                segments=[Segment.from_dict(s) for s in data.get("segments", [])],
                cues=_cues(data.get("cues")) or (),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, RunSheetError):
                raise
            raise RunSheetError("Not a valid show description: {0}", exc) from None
