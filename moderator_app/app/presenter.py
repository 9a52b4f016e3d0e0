"""The one presenter: what every live surface shows, computed once, without Qt.

``present(show, snap)`` turns the engine's snapshot into a ``LiveView``: the big figure and
its kind, the phase and its symbol, the headline state as a code with its arguments, the
current and next segment, the show's figures, the speakers' local times, the message and
the question on air. The console's timer panel, the stage display and the command line
render it; each surface only chooses its words (translated at its edge) and its colours.
Times of day are aware datetimes in their zone: the edge formats them by the locale's rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from moderator_app.core.aux_timers import SHOWN_MAIN, SHOWN_OFF, UP
from moderator_app.core.clock import to_us
from moderator_app.core.durations import format_countdown, format_duration
from moderator_app.core.engine import (
    DANGER,
    FINISHED,
    NORMAL,
    NOT_STARTED,
    OVERTIME,
    PAUSED,
    WARNING,
    Snapshot,
)
from moderator_app.core.runsheet import RunSheetError, Segment, Show, zone

# Phase is colour *and* a symbol, so it reads without colour (colour-blind safe).
PHASE_SYMBOLS = {NORMAL: "●", WARNING: "▲", DANGER: "◆", OVERTIME: "■"}
UTC_ZONE = ZoneInfo("UTC")

# What the big figure is.
BIG_COUNTDOWN = "countdown"  # the segment's remaining time
BIG_OVERTIME = "overtime"  # time past the segment's end, counting up ("+0:37")
BIG_STARTS_IN = "starts_in"  # before the show: time to the planned start
BIG_READY = "ready"  # before the show, its start time passed: the first segment's length
BIG_FINAL = "final"  # after the finish: the show's final over/under ("+2:18" = late)

# The headline state line, as a code; the edge words it with ``headline_args``.
HL_NO_SEGMENTS = "no_segments"
HL_STARTS_AT = "starts_at"  # (start)
HL_PLANNED_AGO = "planned_ago"  # (start, seconds ago)
HL_REHEARSAL = "rehearsal"  # (start, seconds ago): more than a day ago
HL_LIVE = "live"  # (segment number, segment count)
HL_PAUSED = "paused"
HL_FINISHED = "finished"

DAY_S = 86400
# Waiting longer than this for the planned start, a "late" figure would mislead: an old
# show file, or a rehearsal run days ahead.
STALE_WAIT_S = 3600


def safe_zone(name: str) -> tuple[ZoneInfo, bool]:
    """The zone called ``name`` and True, or UTC and False (never raises)."""
    try:
        return zone(name), True
    except RunSheetError:
        return UTC_ZONE, False


def who(seg: Segment) -> str:
    """ "Speaker — Organisation", whichever of the two is known."""
    return " — ".join(p for p in (seg.speaker, seg.organisation) if p)


@dataclass(frozen=True)
class SegmentLine:
    index: int
    title: str
    who: str
    notes: str
    start: datetime  # projected start, in the show's zone

    @property
    def number(self) -> int:
        return self.index + 1


@dataclass(frozen=True)
class SpeakerZone:
    zone: str  # the IANA name from the run sheet
    people: str  # the regions of its segments, or their speakers
    city: str  # the zone's city, in English as the zone names it (the edge translates it)
    local: datetime | None  # now in that zone; None when the zone is unknown
    day_offset: int  # the speaker's local date minus the show's

    @property
    def label(self) -> str:
        return f"{self.people} · {self.city}" if self.people else self.city


# What a side timer line is (the edge words it: "Answer", or the aux timer's name).
TIMER_AUX = "aux"
TIMER_ANSWER = "answer"


@dataclass(frozen=True)
class TimerLine:
    """A timer beside the schedule, as shown: an aux timer or the answer timer."""

    kind: str  # TIMER_AUX or TIMER_ANSWER
    number: int  # the aux timer's number (0 for the answer timer)
    name: str  # its name; "" is worded at the edge ("Timer 2", "Answer")
    figure: str  # exactly as every surface shows it ("1:23", "+0:12" in overtime)
    seconds: float  # remaining (negative: overtime) or, counting up, elapsed
    overtime: bool
    running: bool
    main: bool = False  # shown in place of the main figure on the stage


@dataclass(frozen=True)
class LiveView:
    state: str  # not_started, running, paused, finished (the engine's codes)
    phase: str  # normal, warning, danger, overtime
    symbol: str
    big: str  # the big figure, exactly as every surface shows it ("" when big_span is set)
    big_kind: str
    big_span: tuple[int, int] | None  # (days, hours) of a wait beyond a day, worded at the edge
    headline: str
    headline_args: tuple
    overtime_s: float  # > 0: time past the segment's end
    flash: bool  # overtime while running: the big figure flashes
    progress: float  # 0..1 of the segment's time used (0 before the show)
    current: SegmentLine | None
    current_is_first: bool  # before the show, the segment shown is the first to come
    next: SegmentLine | None
    next_is_end: bool  # the current segment is the last
    now: datetime  # in the show's zone
    zone_name: str  # the zone the times are in (UTC when the show's is unknown)
    zone_ok: bool
    over_under_s: float | None  # positive = late; None when meaningless (stale wait)
    projected_end: datetime
    planned_end: datetime
    elapsed_s: float
    show_elapsed_s: float
    speakers: tuple[SpeakerZone, ...]
    message: str
    message_blink: bool
    question: str
    question_by: str
    has_segments: bool
    # Beside the schedule (defaults keep older constructions valid).
    timers: tuple[TimerLine, ...] = ()  # aux timers shown, then the answer timer
    auto_start_in_s: float | None = None  # an automatic start counting down
    auto_start_title: str = ""
    auto_start_number: int | None = None  # the segment's number (1-based)
    message_cue: bool = False  # the message was sent by an automatic cue
    message_chime: bool = False  # ... which asks for the chime

    @property
    def stage_main(self) -> TimerLine | None:
        """The timer the stage shows in place of the main figure, if one is set so."""
        return next((t for t in self.timers if t.main), None)

    @property
    def live(self) -> bool:
        return self.state in ("running", "paused")


def speaker_zones(show: Show, now: datetime, show_tz: ZoneInfo) -> tuple[SpeakerZone, ...]:
    """Each distinct speaker time zone in run sheet order, labelled by its regions (or
    speakers) and city, with the time there now."""
    order: list[str] = []
    regions: dict[str, list[str]] = {}
    speakers: dict[str, list[str]] = {}
    for seg in show.segments:
        name = seg.speaker_timezone.strip()
        if not name:
            continue
        if name not in regions:
            order.append(name)
            regions[name], speakers[name] = [], []
        if seg.region and seg.region not in regions[name]:
            regions[name].append(seg.region)
        if seg.speaker and seg.speaker not in speakers[name]:
            speakers[name].append(seg.speaker)
    out = []
    for name in order:
        city = name.rsplit("/", 1)[-1].replace("_", " ")
        people = ", ".join(regions[name] or speakers[name])
        tz, ok = safe_zone(name)
        if not ok:
            out.append(SpeakerZone(name, people, city, None, 0))
            continue
        local = now.astimezone(tz)
        days = (local.date() - now.astimezone(show_tz).date()).days
        out.append(SpeakerZone(name, people, city, local, days))
    return tuple(out)


def _line(show: Show, snap: Snapshot, index: int, tz: ZoneInfo) -> SegmentLine:
    seg = show.segments[index]
    start = snap.projected_starts[index] if index < len(snap.projected_starts) else snap.now
    return SegmentLine(index, seg.title, who(seg), seg.notes, start.astimezone(tz))


def present(
    show: Show,
    snap: Snapshot,
    *,
    question: tuple[str, str] | None = None,
    audience: str | None = None,
) -> LiveView:
    """What a live surface shows for ``snap``; ``question`` is the text and asker line of
    the question on air, when the moderator shows it. ``audience``: a speaker's remote
    link id, whose view carries the message addressed to them (None: everyone's)."""
    tz, zone_ok = safe_zone(show.timezone)
    segs = show.segments
    before = snap.state == NOT_STARTED
    until = (snap.projected_starts[0] - snap.now).total_seconds() if before and segs else 0.0
    overtime = snap.phase == OVERTIME and snap.live
    overtime_s = max(0.0, -snap.remaining_s) if overtime else 0.0

    if before and until > 0:
        big_kind = BIG_STARTS_IN
        big = format_countdown(until) if until < DAY_S else ""
    elif before:
        big_kind, big = BIG_READY, format_countdown(snap.remaining_s)
    elif snap.state == FINISHED:
        big_kind, big = BIG_FINAL, format_duration(snap.over_under_s, signed=True)
    elif overtime:
        big_kind, big = BIG_OVERTIME, format_duration(overtime_s, signed=True)
    else:
        big_kind, big = BIG_COUNTDOWN, format_countdown(snap.remaining_s)

    headline, args = _headline(show, snap, until)
    idx = snap.current_index
    shown = idx if idx is not None else (0 if segs and before else None)
    current = _line(show, snap, shown, tz) if shown is not None and shown < len(segs) else None
    nxt = snap.next_index if idx is not None else (1 if len(segs) > 1 else None)
    following = None
    if snap.state != FINISHED and nxt is not None and nxt < len(segs):
        following = _line(show, snap, nxt, tz)
    waited = (snap.now - snap.planned_starts[0]).total_seconds() if before and segs else 0.0
    sent = snap.message_for(audience)
    message = sent.text if sent else ""
    return LiveView(
        state=snap.state,
        phase=snap.phase,
        symbol=PHASE_SYMBOLS.get(snap.phase, ""),
        big=big,
        big_kind=big_kind,
        big_span=span_parts(until) if big_kind == BIG_STARTS_IN else None,
        headline=headline,
        headline_args=args,
        overtime_s=overtime_s,
        flash=overtime and snap.state != PAUSED,
        progress=0.0 if before else snap.progress,
        current=current,
        current_is_first=idx is None and current is not None,
        next=following,
        next_is_end=snap.state != FINISHED and following is None,
        now=snap.now.astimezone(tz),
        zone_name=tz.key,
        zone_ok=zone_ok,
        over_under_s=None if waited > STALE_WAIT_S else snap.over_under_s,
        projected_end=snap.projected_end.astimezone(tz),
        planned_end=snap.planned_end.astimezone(tz),
        elapsed_s=snap.elapsed_s,
        show_elapsed_s=snap.show_elapsed_s,
        speakers=speaker_zones(show, snap.now, tz),
        message=message,
        message_blink=bool(sent and sent.blink and message),
        question=question[0] if question else "",
        question_by=question[1] if question else "",
        has_segments=bool(segs),
        timers=timer_lines(snap),
        auto_start_in_s=snap.auto_start.in_s if snap.auto_start else None,
        auto_start_title=snap.auto_start.title if snap.auto_start else "",
        auto_start_number=snap.auto_start.index + 1 if snap.auto_start else None,
        message_cue=bool(sent and sent.cue and message),
        message_chime=bool(sent and sent.chime and message),
    )


def timer_lines(snap: Snapshot) -> tuple[TimerLine, ...]:
    """The aux timers set to show (on the stage and the console), then the answer timer."""
    now_us = to_us(snap.now)
    lines = []
    for t in snap.aux:
        if t.shown == SHOWN_OFF:
            continue
        seconds = t.figure_s(now_us)
        lines.append(
            TimerLine(TIMER_AUX, t.number, t.name, _figure(seconds, t.direction == UP),
                      seconds, t.overtime(now_us), t.running, t.shown == SHOWN_MAIN)
        )  # fmt: skip
    answer = snap.answer
    if answer is not None:
        seconds = answer.remaining_s(now_us)
        lines.append(
            TimerLine(TIMER_ANSWER, 0, "", _figure(seconds, False), seconds, seconds < 0, True)
        )
    return tuple(lines)


def _figure(seconds: float, up: bool) -> str:
    if up:
        return format_duration(seconds)
    if seconds < 0:
        return format_duration(-seconds, signed=True)
    return format_countdown(seconds)


def _headline(show: Show, snap: Snapshot, until: float) -> tuple[str, tuple]:
    if snap.state == NOT_STARTED:
        if not show.segments:
            return HL_NO_SEGMENTS, ()
        tz, _ = safe_zone(show.timezone)
        start = (snap.planned_starts or snap.projected_starts)[0].astimezone(tz)
        if until > 0:
            return HL_STARTS_AT, (start,)
        late = (snap.now - start).total_seconds()
        return (HL_REHEARSAL if late > DAY_S else HL_PLANNED_AGO), (start, late)
    if snap.state == PAUSED:
        return HL_PAUSED, ()
    if snap.state == FINISHED:
        return HL_FINISHED, ()
    return HL_LIVE, ((snap.current_index or 0) + 1, len(show.segments))


def span_parts(seconds: float) -> tuple[int, int] | None:
    """(days, hours) of a span longer than a day, else None (shown as h:mm:ss)."""
    seconds = abs(seconds)
    if seconds < DAY_S:
        return None
    whole = int(seconds)
    return whole // DAY_S, (whole % DAY_S) // 3600
