"""The moderator's view of the live timer: what to read in a two-second glance.

Laid out for a 1366×768 laptop: the big remaining time and its phase (colour *and* a
symbol and word), the segment's progress, the current and next segment with the notes,
the show figures and the speakers' local times, and the whole show on a timeline strip.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app.presenter import (
    BIG_FINAL,
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
from moderator_app.ui.fit_label import FitLabel, WrapFitLabel
from moderator_app.ui.formatting import (
    PAUSED_COLOUR,
    PHASE_COLOURS,
    big_text,
    city_name,
    clock_time,
    day_offset_words,
    long_span_text,
    over_under_text,
    phase_label,
    unknown_zone_text,
)
from moderator_app.ui.side_timer_words import auto_start_text, timers_text
from moderator_app.ui.timeline import TimelineStrip
from moderator_app.ui.widgets import plain_label

FLASH_MS = 500
EARLY_COLOUR = QColor("#1565c0")
CAPTION_COLOUR = QColor("#4a4a4a")
NOTES_BG = "#fffde7"
# Laid out for a 1366x768 laptop; the middle column takes what the fixed ones leave.
PANEL_HEIGHT = 318
TIMELINE_HEIGHT = 46
LEFT_WIDTH = 330
FIGURES_WIDTH = 300
DATE_AHEAD_S = 12 * 3600  # a start further ahead than this is given with its date
STATE_HEIGHT = 36  # two lines at 11 pt (a rehearsal prompt is long)
TITLE_HEIGHT = 66  # three lines of the title at 13 pt, two at 14
NEXT_HEIGHT = 36  # two lines of "Next at…" at 11 pt
SIDE_TIMERS_HEIGHT = 34  # two lines of side timers at 11 pt


def _set_colour(label: QLabel, colour: QColor) -> None:
    # A palette, not a style sheet: re-polishing every second would cost milliseconds.
    pal = label.palette()
    if pal.color(QPalette.ColorRole.WindowText) != colour:
        pal.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(pal)


def _fitted_line(point_size: int, name: str) -> FitLabel:
    """A bold centred line that shrinks to fit its width and keeps its height (a smaller
    font must not shorten the column it stands in)."""
    label = FitLabel(point_size)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSize(point_size)
    font.setBold(True)
    label.setFont(font)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setFixedHeight(label.sizeHint().height())
    return label


def lateness_colour(over_under_s: float) -> QColor:
    if over_under_s >= 1:
        return PHASE_COLOURS[OVERTIME]
    return EARLY_COLOUR if over_under_s <= -1 else PHASE_COLOURS["normal"]


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
        # Set by the clock check (ui/side_timers.py) when this computer's clock is off.
        self.clock_warning = plain_label(10, bold=True)
        self.clock_warning.setObjectName("ClockWarning")
        self.clock_warning.setStyleSheet("background:#fff3e0;color:#bf360c;padding:2px 6px;")
        self.clock_warning.hide()

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
        self.remaining.setFixedHeight(self.remaining.sizeHint().height())
        self.remaining.setAutoFillBackground(True)

        self.phase = _fitted_line(15, "Phase")
        self.progress = QProgressBar()
        self.progress.setObjectName("SegmentProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)
        # The show's over/under is the headline beside the big figure: a segment on time
        # inside a late show must not read as "all fine".
        self.over_under = _fitted_line(20, "OverUnder")
        self.projected_end = plain_label(11)
        self.projected_end.setObjectName("ProjectedEnd")
        self.projected_end.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The timers beside the schedule (answer, aux): two lines at most, shrunk then
        # elided, so a long name never widens the column nor pushes the rows below.
        self.side_timers = WrapFitLabel(11, 8, bold=True)
        self.side_timers.setObjectName("SideTimers")
        self.side_timers.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.side_timers.setFixedHeight(SIDE_TIMERS_HEIGHT)

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.remaining)
        left.addWidget(self.phase)
        left.addWidget(self.progress)
        left.addSpacing(4)
        left.addWidget(self.over_under)
        left.addWidget(self.projected_end)
        left.addWidget(self.side_timers)
        left.addStretch(1)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(LEFT_WIDTH)
        left.setContentsMargins(0, 0, 0, 0)

        self.state = WrapFitLabel(11, 8, bold=True)
        self.state.setObjectName("State")
        self.state.setFixedHeight(STATE_HEIGHT)
        self.current_title = WrapFitLabel(14, 10, bold=True)
        self.current_title.setObjectName("CurrentTitle")
        self.current_title.setFixedHeight(TITLE_HEIGHT)
        self.current_who = plain_label(12)
        self.current_who.setObjectName("CurrentWho")
        self.current_who.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.notes = WrapFitLabel(11, 8)
        self.notes.setObjectName("Notes")
        self.notes.setStyleSheet(f"background:{NOTES_BG};color:#3e2723;padding:4px;")
        self.next_title = WrapFitLabel(11, 8)
        self.next_title.setObjectName("NextTitle")
        self.next_title.setFixedHeight(NEXT_HEIGHT)
        middle = QVBoxLayout()
        middle.setSpacing(2)
        middle.addWidget(self.state)
        middle.addWidget(self.current_title)
        middle.addWidget(self.current_who)
        middle.addWidget(self.notes, 1)
        middle.addWidget(self.next_title)

        self.clock = plain_label(18, bold=True)
        self.clock.setObjectName("Clock")
        self.elapsed = plain_label(10)
        self.zones = plain_label(10)
        self.zones.setObjectName("SpeakerZones")
        # Captions above their figures, so each figure has the column's whole width.
        self.figures = QVBoxLayout()
        self.figures.setSpacing(0)
        self.captions: list[QLabel] = []
        for widget in (self.clock, self.elapsed, self.zones):
            caption = plain_label(9)
            caption.setObjectName("Caption")
            # A dark grey on the window colour: readable (contrast above 4.5:1), unlike
            # a disabled label's pale grey.
            _set_colour(caption, CAPTION_COLOUR)
            self.captions.append(caption)
            self.figures.addWidget(caption)
            self.figures.addWidget(widget)
            self.figures.addSpacing(4)
        self.figures.addStretch(1)
        figures_box = QWidget()
        figures_box.setLayout(self.figures)
        figures_box.setFixedWidth(FIGURES_WIDTH)
        self.figures.setContentsMargins(0, 0, 0, 0)

        # The stage preview goes here (the live console feature adds it).
        self.side = QVBoxLayout()
        self.side.setContentsMargins(0, 0, 0, 0)

        # The columns live in a box whose height the panel decides (Ignored): whatever they
        # hold, they never push the message row or the timeline below them.
        columns = QWidget()
        columns.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(left_box)
        row.addLayout(middle, 1)
        row.addWidget(figures_box)
        row.addLayout(self.side, 0)

        self.timeline = TimelineStrip(show, self.engine)
        self.timeline.setFixedHeight(TIMELINE_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.zone_warning)
        layout.addWidget(self.clock_warning)
        layout.addWidget(columns, 1)
        layout.addWidget(self.timeline)
        # A fixed height: what is shown never moves the message row, the buttons or the
        # pages below, whatever the segment, the state or the page open.
        self.setFixedHeight(PANEL_HEIGHT)

        self._flash_on = False
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle_flash)
        self.retranslate()

    def retranslate(self) -> None:
        zone = self.view.zone_name if self.view is not None else self.show.timezone
        names = [self.tr("Time ({0})").format(zone), self.tr("Elapsed"), self.tr("Speakers")]
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
            colour = PAUSED_COLOUR
        elif view.big_kind == BIG_FINAL:  # the final over/under, coloured as late or early
            colour = lateness_colour(view.over_under_s or 0.0)
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
        self.zone_warning.setText("" if view.zone_ok else unknown_zone_text(self.show.timezone))
        time_caption = self.tr("Time ({0})").format(view.zone_name)
        if self.captions[0].text() != time_caption:
            self.captions[0].setText(time_caption)
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
        bar = PHASE_COLOURS["normal"] if view.state == NOT_STARTED else PHASE_COLOURS[view.phase]
        bar_palette = self.progress.palette()
        if bar_palette.color(QPalette.ColorRole.Highlight) != bar:
            bar_palette.setColor(QPalette.ColorRole.Highlight, bar)
            self.progress.setPalette(bar_palette)

        # An automatic start counting down is said under the headline: it is about what
        # happens to the show next, and one key (X) cancels it.
        auto = auto_start_text(view)
        self.state.setText(self._state_text(view) + (f"\n{auto}" if auto else ""))
        current = view.current
        if current is not None:
            prefix = self.tr("First: ") if view.current_is_first else ""
            self.current_title.setText(f"{prefix}{current.number}. {current.title}")
            self.current_who.setText(current.who)
            self._set_notes(current.notes)
        else:
            self.current_title.setText("" if view.has_segments else self.tr("No segment in the run sheet"))
            self.current_who.setText("")
            self._set_notes("")
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
        self.clock.setText(clock_time(view.now, tz, seconds=True))
        if view.over_under_s is None or view.big_kind == BIG_STARTS_IN:
            # Before the planned start nothing is late yet; days after it (an old file,
            # a rehearsal) a huge "late" figure would mislead.
            self.over_under.setText(self.tr("Show: not started"))
            _set_colour(self.over_under, CAPTION_COLOUR)
        else:
            self.over_under.setText(self.tr("Show: {0}").format(over_under_text(view.over_under_s)))
            _set_colour(self.over_under, lateness_colour(view.over_under_s))
        self.projected_end.setText(
            self.tr("ends {0} (planned {1})").format(
                clock_time(view.projected_end, tz), clock_time(view.planned_end, tz)
            )
        )
        self.elapsed.setText(
            self.tr("segment {0} · show {1}").format(
                format_duration(view.elapsed_s), format_duration(view.show_elapsed_s)
            )
        )
        self.zones.setText(self._zones_text(view))
        self.side_timers.setText(timers_text(view))
        _set_colour(
            self.side_timers,
            PHASE_COLOURS[OVERTIME] if any(t.overtime for t in view.timers) else CAPTION_COLOUR,
        )
        if self.snap is not None:
            self.timeline.update_snapshot(self.snap)

    def _set_notes(self, notes: str) -> None:
        # The box keeps its place when a segment has no notes: the next line never jumps.
        if notes != self.notes.full_text:
            self.notes.setStyleSheet(
                f"background:{NOTES_BG if notes else 'transparent'};color:#3e2723;padding:4px;"
            )
        self.notes.setText(notes)

    def _state_text(self, view: LiveView) -> str:
        code, args = view.headline, view.headline_args
        if code == HL_NO_SEGMENTS:
            return self.tr("Not started — add segments to the run sheet first")
        if code == HL_STARTS_AT:
            start = args[0]
            if (start - view.now).total_seconds() > DATE_AHEAD_S:  # another day: say which
                day = QLocale().toString(
                    QDate(start.year, start.month, start.day), QLocale.FormatType.LongFormat
                )
                return self.tr("Not started — starts {0} at {1}").format(
                    day, clock_time(start, start.tzinfo)
                )
            return self.tr("Not started — starts at {0}").format(clock_time(start, start.tzinfo))
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
            city = city_name(speaker.city)
            label = f"{speaker.people} · {city}" if speaker.people else city
            lines.append(
                f"{clock_time(speaker.local, speaker.local.tzinfo)}"
                f"{day_offset_words(speaker.day_offset)}  {label}"
            )
        return "\n".join(lines) if lines else self.tr("no speaker time zones")
