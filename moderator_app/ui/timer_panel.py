"""The moderator's view of the live timer: what to read in a two-second glance.

Laid out for a 1366×768 laptop: the big remaining time and its phase (colour *and* a
symbol and word), the segment's progress, the current and next segment with the notes,
the show figures and the speakers' local times, and the whole show on a timeline strip.
"""

from __future__ import annotations

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

from moderator_app.app.presenter import (
    BIG_STARTS_IN,
    HL_FINISHED,
    HL_NO_SEGMENTS,
    HL_PAUSED,
    HL_PLANNED_AGO,
    HL_REHEARSAL,
    HL_STARTS_AT,
    LiveView,
    present,
)
from moderator_app.core.durations import format_duration
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
    big_text,
    clock_time,
    day_offset_words,
    long_span_text,
    over_under_text,
    phase_label,
    unknown_zone_text,
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


class TimerPanel(QFrame):
    """Big remaining time coloured by phase, current and next segment, show figures."""

    def __init__(
        self, show: Show, engine: TimerEngine | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.show = show
        self.engine = engine or TimerEngine(show)
        self.snap: Snapshot | None = None
        self.view: LiveView | None = None
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
        view = self.view
        if view is None:
            return
        colour = PHASE_COLOURS[view.phase]
        if view.state == PAUSED:
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
        self.render(present(self.show, snap))

    def render(self, view: LiveView) -> None:
        """Show ``view`` (the presenter's output): this panel only words and colours it."""
        self.view = view
        self.zone_warning.setText("" if view.zone_ok else unknown_zone_text(view.zone_name))
        self.zone_warning.setVisible(not view.zone_ok)
        # The big figure first: it is what the benchmark times.
        self.remaining.setText(big_text(view))
        if view.flash:
            if not self._flash.isActive():
                self._flash_on = True
                self._flash.start()
        elif self._flash.isActive():
            self._flash.stop()
        self._paint_remaining()

        colour = PHASE_COLOURS[view.phase]
        if view.state == NOT_STARTED:
            phase_text = (
                self.tr("◷ Starts in")
                if view.big_kind == BIG_STARTS_IN
                else self.tr("◷ Ready: press Space to start")
            )
            colour = PHASE_COLOURS["normal"]
        elif view.state == FINISHED:
            phase_text = self.tr("✓ Show finished")
        elif view.phase == OVERTIME and view.live:
            over = format_duration(view.overtime_s)
            phase_text = f"{view.symbol} {phase_label(view.phase)} +{over}"
        else:
            phase_text = f"{view.symbol} {phase_label(view.phase)}"
        if view.state == PAUSED:
            phase_text = self.tr("❚❚ PAUSED — {0}").format(phase_text)
        self.phase.setText(phase_text)
        _set_colour(self.phase, colour)
        self.progress.setValue(round(view.progress * 1000))

        self.state.setText(self._state_text(view))
        current = view.current
        if current is not None:
            prefix = self.tr("First: ") if view.current_is_first else ""
            self.current_title.setText(f"{prefix}{current.number}. {current.title}")
            self.current_who.setText(current.who)
            self.notes.setText(current.notes)
            self.notes.setVisible(bool(current.notes))
        else:
            self.current_title.setText("" if view.has_segments else self.tr("No segment in the run sheet"))
            self.current_who.setText("")
            self.notes.setText("")
            self.notes.hide()
        following = view.next
        if following is not None:
            self.next_title.setText(
                self.tr("Next at {0}: {1}").format(
                    clock_time(following.start, following.start.tzinfo),
                    f"{following.number}. {following.title}"
                    + (f" ({following.who})" if following.who else ""),
                )
            )
        elif view.next_is_end:
            self.next_title.setText(self.tr("Next: end of show"))
        else:
            self.next_title.setText("")

        tz = view.now.tzinfo
        self.clock.setText(f"{clock_time(view.now, tz, seconds=True)}  {tz.key}")
        if view.over_under_s is None:  # an old or rehearsal show: a huge "late" would mislead
            self.over_under.setText(self.tr("not started"))
            _set_colour(self.over_under, PHASE_COLOURS[OVERTIME])
        else:
            self.over_under.setText(over_under_text(view.over_under_s))
            late = view.over_under_s >= 1
            early = view.over_under_s <= -1
            _set_colour(
                self.over_under,
                PHASE_COLOURS[OVERTIME]
                if late
                else (EARLY_COLOUR if early else PHASE_COLOURS["normal"]),
            )
        self.projected_end.setText(
            self.tr("{0} (planned {1})").format(
                clock_time(view.projected_end, tz), clock_time(view.planned_end, tz)
            )
        )
        self.elapsed.setText(
            self.tr("segment {0} · show {1}").format(
                format_duration(view.elapsed_s), format_duration(view.show_elapsed_s)
            )
        )
        self.zones.setText(self._zones_text(view))
        if self.snap is not None:
            self.timeline.update_snapshot(self.snap)

    def _state_text(self, view: LiveView) -> str:
        code, args = view.headline, view.headline_args
        if code == HL_NO_SEGMENTS:
            return self.tr("Not started — add segments to the run sheet first")
        if code == HL_STARTS_AT:
            return self.tr("Not started — starts at {0}").format(clock_time(args[0], args[0].tzinfo))
        if code == HL_REHEARSAL:
            return self.tr(
                "Not started — the planned start ({0}) was {1} ago; Space starts a rehearsal"
            ).format(args[0].strftime("%Y-%m-%d"), long_span_text(args[1]))
        if code == HL_PLANNED_AGO:
            return self.tr("Not started — planned for {0}, {1} ago").format(
                clock_time(args[0], args[0].tzinfo), long_span_text(args[1])
            )
        if code == HL_PAUSED:
            return self.tr("PAUSED")
        if code == HL_FINISHED:
            return self.tr("Show finished")
        return self.tr("Live — segment {0} of {1}").format(*args)

    def _zones_text(self, view: LiveView) -> str:
        lines = []
        for speaker in view.speakers:
            if speaker.local is None:
                lines.append(
                    self.tr("?  {0} — unknown time zone “{1}”").format(speaker.label, speaker.zone)
                )
                continue
            lines.append(
                f"{clock_time(speaker.local, speaker.local.tzinfo)}"
                f"{day_offset_words(speaker.day_offset)}  {speaker.label}"
            )
        return "\n".join(lines) if lines else self.tr("no speaker time zones")
