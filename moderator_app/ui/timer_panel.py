"""The moderator's view of the live timer: what to read in a two-second glance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
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
from moderator_app.core.engine import FINISHED, NOT_STARTED, OVERTIME, PAUSED, Snapshot
from moderator_app.core.runsheet import Show
from moderator_app.ui.formatting import (
    PHASE_COLOURS,
    PHASE_SYMBOLS,
    clock_time,
    over_under_text,
    phase_label,
)


def _label(point_size: int = 0, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are not markup
    if point_size or bold:
        font = label.font()
        if point_size:
            font.setPointSize(point_size)
        font.setBold(bold)
        label.setFont(font)
    return label


class TimerPanel(QFrame):
    """Big remaining time coloured by phase, current and next segment, show figures."""

    def __init__(self, show: Show, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show = show
        self.setObjectName("TimerPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.remaining = _label()
        self.remaining.setObjectName("Remaining")
        big = QFont(self.remaining.font())
        big.setPointSize(64)
        big.setBold(True)
        big.setStyleHint(QFont.StyleHint.Monospace)
        big.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.remaining.setFont(big)
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remaining.setMinimumWidth(360)

        self.phase = _label(16, bold=True)
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)

        left = QVBoxLayout()
        left.addWidget(self.remaining)
        left.addWidget(self.phase)
        left.addWidget(self.progress)

        self.state = _label(11, bold=True)
        self.current_title = _label(18, bold=True)
        self.current_title.setWordWrap(True)
        self.current_who = _label(13)
        self.next_title = _label(12)
        self.next_title.setWordWrap(True)
        self.notes = _label(11)
        self.notes.setWordWrap(True)
        self.notes.setObjectName("Notes")
        middle = QVBoxLayout()
        middle.addWidget(self.state)
        middle.addWidget(self.current_title)
        middle.addWidget(self.current_who)
        middle.addWidget(self.notes, 1, Qt.AlignmentFlag.AlignTop)
        middle.addWidget(self.next_title)

        self.clock = _label(20, bold=True)
        self.over_under = _label(14, bold=True)
        self.projected_end = _label(12)
        self.elapsed = _label(11)
        figures = QGridLayout()
        rows = [
            (self.tr("Time"), self.clock),
            (self.tr("Over/under"), self.over_under),
            (self.tr("Projected end"), self.projected_end),
            (self.tr("Elapsed"), self.elapsed),
        ]
        for r, (name, widget) in enumerate(rows):
            caption = _label(10)
            caption.setText(name)
            caption.setEnabled(False)
            figures.addWidget(caption, r, 0)
            figures.addWidget(widget, r, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(middle, 4)
        layout.addLayout(figures, 2)
        self.setMinimumHeight(250)

    def update_snapshot(self, snap: Snapshot) -> None:
        show = self.show
        tz = show.tz
        segs = show.segments
        self.remaining.setText(format_countdown(snap.remaining_s))
        colour = PHASE_COLOURS[snap.phase]
        self.remaining.setStyleSheet(f"color: {colour.name()};")
        self.phase.setStyleSheet(f"color: {colour.name()};")
        if snap.phase == OVERTIME and snap.live:
            over = format_duration(-snap.remaining_s)
            self.phase.setText(f"{PHASE_SYMBOLS[snap.phase]} {phase_label(snap.phase)} +{over}")
        else:
            self.phase.setText(f"{PHASE_SYMBOLS[snap.phase]} {phase_label(snap.phase)}")
        self.progress.setValue(round(snap.progress * 1000))

        states = {
            NOT_STARTED: self.tr("Not started — starts {0}").format(
                clock_time(snap.projected_starts[0], tz) if segs else "—"
            ),
            PAUSED: self.tr("PAUSED"),
            FINISHED: self.tr("Show finished"),
        }
        self.state.setText(states.get(snap.state, self.tr("Live")))
        idx = snap.current_index
        shown = idx if idx is not None else (0 if segs and snap.state == NOT_STARTED else None)
        if shown is not None and shown < len(segs):
            seg = segs[shown]
            prefix = "" if idx is not None else self.tr("First: ")
            self.current_title.setText(f"{prefix}{shown + 1}. {seg.title}")
            self.current_who.setText(" — ".join(p for p in (seg.speaker, seg.organisation) if p))
            self.notes.setText(seg.notes)
        else:
            self.current_title.setText(self.tr("No segment") if not segs else "")
            self.current_who.setText("")
            self.notes.setText("")
        nxt = snap.next_index if idx is not None else (1 if len(segs) > 1 else None)
        if nxt is not None and nxt < len(segs):
            seg = segs[nxt]
            who = f" — {seg.speaker}" if seg.speaker else ""
            self.next_title.setText(
                self.tr("Next ({0}): {1}{2}").format(
                    clock_time(snap.projected_starts[nxt], tz), seg.title, who
                )
            )
        else:
            self.next_title.setText(self.tr("Next: end of show"))

        self.clock.setText(clock_time(snap.now, tz, seconds=True) + f"  {tz.key}")
        self.over_under.setText(over_under_text(snap.over_under_s))
        late = snap.over_under_s >= 1
        self.over_under.setStyleSheet(
            f"color: {PHASE_COLOURS[OVERTIME].name() if late else PHASE_COLOURS['normal'].name()};"
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
