"""The moderator's view of the live timer: what to read in a two-second glance.

Laid out for a 1366×768 laptop: the big remaining time and its phase (colour *and* a
symbol and word), the segment's progress, the current and next segment with the notes,
the show figures and the speakers' local times, and the whole show on a timeline strip.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.durations import format_countdown, format_duration
from moderator_app.core.engine import (
    FINISHED,
    NOT_STARTED,
    OVERTIME,
    PAUSED,
    Snapshot,
    TimerEngine,
)
from moderator_app.core.runsheet import Show
from moderator_app.ui.fit_label import FitLabel
from moderator_app.ui.formatting import (
    PHASE_COLOURS,
    PHASE_SYMBOLS,
    clock_time,
    day_offset_text,
    long_span_text,
    over_under_text,
    phase_label,
    safe_zone,
)
from moderator_app.ui.timeline import TimelineStrip
from moderator_app.ui.widgets import plain_label

FLASH_MS = 500
EARLY_COLOUR = QColor("#1565c0")


def _set_colour(label: QLabel, colour: QColor) -> None:
    # A palette, not a style sheet: re-polishing every second would cost milliseconds.
    pal = label.palette()
    if pal.color(QPalette.ColorRole.WindowText) != colour:
        pal.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(pal)


def speaker_zones(show: Show) -> list[tuple[str, str]]:
    """(zone name, label) for each distinct speaker time zone, in run sheet order.

    The label is the regions of the segments in that zone, or their speakers."""
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
        who = ", ".join(regions[name] or speakers[name])
        out.append((name, f"{who} · {city}" if who else city))
    return out


class TimerPanel(QFrame):
    """Big remaining time coloured by phase, current and next segment, show figures."""

    def __init__(
        self, show: Show, engine: TimerEngine | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.show = show
        self.engine = engine or TimerEngine(show)
        self.snap: Snapshot | None = None
        self.setObjectName("TimerPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.zone_warning = plain_label(10, bold=True)
        self.zone_warning.setObjectName("ZoneWarning")
        self.zone_warning.setStyleSheet("background:#fff3e0;color:#bf360c;padding:2px 6px;")
        self.zone_warning.hide()

        self.remaining = FitLabel(54)
        self.remaining.setTextFormat(Qt.TextFormat.PlainText)
        self.remaining.setObjectName("Remaining")
        big = QFont(self.remaining.font())
        big.setPointSize(54)
        big.setBold(True)
        big.setStyleHint(QFont.StyleHint.Monospace)
        big.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.remaining.setFont(big)
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remaining.setMinimumWidth(300)
        self.remaining.setAutoFillBackground(True)

        self.phase = plain_label(15, bold=True)
        self.phase.setObjectName("Phase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setObjectName("SegmentProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)

        left = QVBoxLayout()
        left.addWidget(self.remaining)
        left.addWidget(self.phase)
        left.addWidget(self.progress)
        left.addStretch(1)

        self.state = plain_label(11, bold=True)
        self.state.setObjectName("State")
        self.state.setWordWrap(True)
        self.current_title = plain_label(14, bold=True)
        self.current_title.setObjectName("CurrentTitle")
        self.current_title.setWordWrap(True)
        self.current_who = plain_label(12)
        self.current_who.setObjectName("CurrentWho")
        self.next_title = plain_label(11)
        self.next_title.setObjectName("NextTitle")
        self.next_title.setWordWrap(True)
        self.notes = plain_label(11)
        self.notes.setWordWrap(True)
        self.notes.setObjectName("Notes")
        self.notes.setStyleSheet("background:#fffde7;color:#3e2723;padding:4px;")
        middle = QVBoxLayout()
        middle.addWidget(self.state)
        middle.addWidget(self.current_title)
        middle.addWidget(self.current_who)
        middle.addWidget(self.notes, 1, Qt.AlignmentFlag.AlignTop)
        middle.addWidget(self.next_title)

        self.clock = plain_label(18, bold=True)
        self.clock.setObjectName("Clock")
        self.over_under = plain_label(13, bold=True)
        self.over_under.setObjectName("OverUnder")
        self.projected_end = plain_label(11)
        self.projected_end.setObjectName("ProjectedEnd")
        self.elapsed = plain_label(10)
        self.zones = plain_label(10)
        self.zones.setObjectName("SpeakerZones")
        self.figures = QGridLayout()
        self.captions: list[QLabel] = []
        for r, widget in enumerate(
            (self.clock, self.over_under, self.projected_end, self.elapsed, self.zones)
        ):
            caption = plain_label(9)
            caption.setEnabled(False)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.captions.append(caption)
            self.figures.addWidget(caption, r, 0)
            self.figures.addWidget(widget, r, 1)
        self.figures.setRowStretch(5, 1)
        self.figures.setColumnStretch(1, 1)

        # The stage preview goes here (the live console feature adds it).
        self.side = QVBoxLayout()
        self.side.setContentsMargins(0, 0, 0, 0)

        row = QHBoxLayout()
        row.addLayout(left, 3)
        row.addLayout(middle, 5)
        row.addLayout(self.figures, 3)
        row.addLayout(self.side, 0)

        self.timeline = TimelineStrip(show, self.engine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.zone_warning)
        layout.addLayout(row, 1)
        layout.addWidget(self.timeline)
        self.setMinimumHeight(250)

        self._flash_on = False
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle_flash)
        self.retranslate()

    def retranslate(self) -> None:
        names = [
            self.tr("Time"),
            self.tr("Over/under"),
            self.tr("Projected end"),
            self.tr("Elapsed"),
            self.tr("Speakers"),
        ]
        for caption, name in zip(self.captions, names, strict=True):
            caption.setText(name)
        self.timeline.setToolTip(
            self.tr("Top: the plan. Bottom: what happened and the re-plan. Pink line: now.")
        )
        if self.snap is not None:
            self.update_snapshot(self.snap)

    def add_row(self, widget: QWidget) -> None:
        """A full-width row above the timeline (the message bar goes here)."""
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.timeline), widget)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- overtime flash ----------------------------------------------------------------------
    def _toggle_flash(self) -> None:
        self._flash_on = not self._flash_on
        self._paint_remaining()

    def _paint_remaining(self) -> None:
        snap = self.snap
        if snap is None:
            return
        colour = PHASE_COLOURS[snap.phase]
        if snap.state == PAUSED:
            colour = QColor("#607d8b")
        pal = self.remaining.palette()
        if self._flash.isActive() and self._flash_on:
            pal.setColor(QPalette.ColorRole.Window, colour)
            pal.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        else:
            pal.setColor(QPalette.ColorRole.Window, self.palette().color(QPalette.ColorRole.Window))
            pal.setColor(QPalette.ColorRole.WindowText, colour)
        self.remaining.setPalette(pal)

    # -- refresh ----------------------------------------------------------------------------
    def update_snapshot(self, snap: Snapshot) -> None:
        self.snap = snap
        show = self.show
        tz, zone_problem = safe_zone(show.timezone)
        self.zone_warning.setText(zone_problem)
        self.zone_warning.setVisible(bool(zone_problem))
        segs = show.segments
        overtime = snap.phase == OVERTIME and snap.live
        colour = PHASE_COLOURS[snap.phase]
        before = snap.state == NOT_STARTED
        until = (snap.projected_starts[0] - snap.now).total_seconds() if before and segs else 0.0

        # The big figure first: it is what the benchmark times.
        if before and until > 0:
            self.remaining.setText(
                format_countdown(until) if until < 86400 else long_span_text(until)
            )
        else:
            self.remaining.setText(format_countdown(snap.remaining_s))
        if overtime and snap.state != PAUSED:
            if not self._flash.isActive():
                self._flash_on = True
                self._flash.start()
        elif self._flash.isActive():
            self._flash.stop()
        self._paint_remaining()

        if before:
            phase_text = (
                self.tr("◷ Starts in") if until > 0 else self.tr("◷ Ready: press Space to start")
            )
            colour = PHASE_COLOURS["normal"]
        elif snap.state == FINISHED:
            phase_text = self.tr("✓ Show finished")
        elif overtime:
            over = format_duration(-snap.remaining_s)
            phase_text = f"{PHASE_SYMBOLS[snap.phase]} {phase_label(snap.phase)} +{over}"
        else:
            phase_text = f"{PHASE_SYMBOLS[snap.phase]} {phase_label(snap.phase)}"
        if snap.state == PAUSED:
            phase_text = self.tr("❚❚ PAUSED — {0}").format(phase_text)
        self.phase.setText(phase_text)
        _set_colour(self.phase, colour)
        self.progress.setValue(round(snap.progress * 1000) if not before else 0)

        self.state.setText(self._state_text(snap, until, tz))
        idx = snap.current_index
        shown = idx if idx is not None else (0 if segs and before else None)
        if shown is not None and shown < len(segs):
            seg = segs[shown]
            prefix = "" if idx is not None else self.tr("First: ")
            self.current_title.setText(f"{prefix}{shown + 1}. {seg.title}")
            self.current_who.setText(" — ".join(p for p in (seg.speaker, seg.organisation) if p))
            self.notes.setText(seg.notes)
            self.notes.setVisible(bool(seg.notes))
        else:
            self.current_title.setText(self.tr("No segment in the run sheet") if not segs else "")
            self.current_who.setText("")
            self.notes.setText("")
            self.notes.hide()
        nxt = snap.next_index if idx is not None else (1 if len(segs) > 1 else None)
        if snap.state == FINISHED:
            self.next_title.setText("")
        elif nxt is not None and nxt < len(segs):
            seg = segs[nxt]
            who = " — ".join(p for p in (seg.speaker, seg.organisation) if p)
            self.next_title.setText(
                self.tr("Next at {0}: {1}").format(
                    clock_time(snap.projected_starts[nxt], tz),
                    f"{nxt + 1}. {seg.title}" + (f" ({who})" if who else ""),
                )
            )
        else:
            self.next_title.setText(self.tr("Next: end of show"))

        self.clock.setText(f"{clock_time(snap.now, tz, seconds=True)}  {tz.key}")
        waited = (snap.now - snap.planned_starts[0]).total_seconds() if before and segs else 0
        if waited > 3600:  # an old or rehearsal show: a huge "late" figure would mislead
            self.over_under.setText(self.tr("not started"))
            _set_colour(self.over_under, PHASE_COLOURS[OVERTIME])
        else:
            self.over_under.setText(over_under_text(snap.over_under_s))
            late = snap.over_under_s >= 1
            early = snap.over_under_s <= -1
            _set_colour(
                self.over_under,
                PHASE_COLOURS[OVERTIME]
                if late
                else (EARLY_COLOUR if early else PHASE_COLOURS["normal"]),
            )
        self.projected_end.setText(
            self.tr("{0} (planned {1})").format(
                clock_time(snap.projected_end, tz), clock_time(snap.planned_end, tz)
            )
        )
        self.elapsed.setText(
            self.tr("segment {0} · show {1}").format(
                format_duration(snap.elapsed_s), format_duration(snap.show_elapsed_s)
            )
        )
        self.zones.setText(self._zones_text(snap.now, tz))
        self.timeline.update_snapshot(snap)

    def _state_text(self, snap: Snapshot, until: float, tz) -> str:
        if snap.state == NOT_STARTED:
            if not self.show.segments:
                return self.tr("Not started — add segments to the run sheet first")
            start = snap.planned_starts[0] if snap.planned_starts else snap.projected_starts[0]
            when = clock_time(start, tz)
            if until > 0:
                return self.tr("Not started — starts at {0}").format(when)
            late = (snap.now - start).total_seconds()
            if late > 86400:
                return self.tr(
                    "Not started — the planned start ({0}) was {1} ago; Space starts a rehearsal"
                ).format(start.astimezone(tz).strftime("%Y-%m-%d"), long_span_text(late))
            return self.tr("Not started — planned for {0}, {1} ago").format(
                when, long_span_text(late)
            )
        if snap.state == PAUSED:
            return self.tr("PAUSED")
        if snap.state == FINISHED:
            return self.tr("Show finished")
        return self.tr("Live — segment {0} of {1}").format(
            (snap.current_index or 0) + 1, len(self.show.segments)
        )

    def _zones_text(self, now: datetime, show_tz) -> str:
        lines = []
        for name, label in speaker_zones(self.show):
            tz, problem = safe_zone(name)
            if problem:
                lines.append(self.tr("?  {0} — unknown time zone “{1}”").format(label, name))
                continue
            lines.append(f"{clock_time(now, tz)}{day_offset_text(now, tz, show_tz)}  {label}")
        return "\n".join(lines) if lines else self.tr("no speaker time zones")
