"""The report page (after the show, or any time): runs, summary, tables, plots, exports.

``attach(window)`` adds the live plots page, this page and the Report menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from moderator_app.app import reports
from moderator_app.app.errors import ShowFileError
from moderator_app.core.actions import Changes
from moderator_app.core.clock import to_us
from moderator_app.core.engine import Snapshot
from moderator_app.core.report import (
    INCOMPLETE,
    NOT_REACHED,
    RUN_CUT_OFF,
    RUN_IN_PROGRESS,
    RUN_NOT_STARTED,
    Report,
)
from moderator_app.core.report_compare import Comparison
from moderator_app.core.report_plot import (
    OverUnderSeries,
    gantt_from_report,
    over_under_points,
    over_under_series,
)
from moderator_app.core.report_runs import RunInfo
from moderator_app.ui.file_dialogs import in_start_folder, remember_folder
from moderator_app.ui.formatting import clock_time, day_and_time
from moderator_app.ui.i18n import current_language
from moderator_app.ui.lazy_page import LazyPage
from moderator_app.ui.ops import Operation, run_op
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.report_table import Column, ReportTableModel, clock, duration, unknown

if TYPE_CHECKING:
    from moderator_app.app.show import ShowSession
    from moderator_app.ui.main_window import MainWindow

REFRESH_AFTER_MS = 400  # actions arrive in bursts; rebuild once they settle


class StatusLine(QLabel):
    """The page's one-line status: it takes no room while it has nothing to say."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


class ReportView(QWidget):
    exported = Signal(str)  # path written
    export_failed = Signal(str)  # one-line message
    plot_exported = Signal(str)  # path of the PNG written

    def __init__(self, session: ShowSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from moderator_app.ui.report_plots import OverUnderPlot, TimelinePlot  # pyqtgraph

        self.setObjectName("ReportView")
        self.session = session
        self.report: Report | None = None
        self.comparison: Comparison | None = None
        self.series = OverUnderSeries([], None)
        self.origin = session.show.planned_start
        self.export_op: Operation | None = None
        self.png_op: Operation | None = None
        tz = session.show.tz

        self.run_box = QComboBox()
        self.run_box.setObjectName("RunBox")
        self.compare_box = QComboBox()
        self.compare_box.setObjectName("CompareBox")
        for box in (self.run_box, self.compare_box):  # long run labels must not widen the page
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
        self.refresh_button = QPushButton()
        self.export_button = QPushButton()
        self.export_button.setObjectName("ExportReport")
        self.png_button = QPushButton()
        self.run_label = QLabel()
        self.compare_with_label = QLabel()
        self.runs: list[RunInfo] = []  # what the run boxes list, to name them again
        bar = QHBoxLayout()
        bar.addWidget(self.run_label)
        bar.addWidget(self.run_box, 1)
        bar.addWidget(self.compare_with_label)
        bar.addWidget(self.compare_box, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.png_button)

        self.status = StatusLine()
        self.summary = QLabel()
        self.summary.setObjectName("ReportSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # show titles are untrusted text
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.segments_model = ReportTableModel(self._segment_columns(tz), self)
        self.questions_model = ReportTableModel(self._question_columns(tz), self)
        self.compare_model = ReportTableModel(self._compare_columns(), self)
        self.notes_model = ReportTableModel(self._note_columns(tz), self)
        self.timeline = TimelinePlot(session.show.planned_start, tz)
        self.curve = OverUnderPlot(session.show.planned_start, tz)
        self.curve.plot.setXLink(self.timeline.plot)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._table(self.segments_model, 1), "")
        self.tabs.addTab(self.timeline, "")
        self.tabs.addTab(self.curve, "")
        self.tabs.addTab(self._table(self.questions_model, 1), "")
        self.compare_label = QLabel()
        self.compare_label.setTextFormat(Qt.TextFormat.PlainText)
        compare_page = QWidget()
        compare_layout = QVBoxLayout(compare_page)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        compare_layout.addWidget(self.compare_label)
        compare_layout.addWidget(self._table(self.compare_model, 9, title=1))
        self.tabs.addTab(compare_page, "")
        self.tabs.addTab(self._table(self.notes_model, 2), "")
        self._retranslate()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_AFTER_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_shown)
        self._dirty = False
        self.run_box.currentIndexChanged.connect(self._show_selected)
        self.compare_box.currentIndexChanged.connect(self._show_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_report)
        self.png_button.clicked.connect(self.export_png)
        self.exported.connect(self._on_exported)
        self.export_failed.connect(self._on_export_failed)
        session.subscribe_changes(self._on_change)
        layout.addWidget(self.status)
        self.refresh()

    # -- language ---------------------------------------------------------------------
    def _retranslate(self) -> None:
        """Every text of the page in the interface language (built, then on each switch)."""
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export report…"))
        self.png_button.setText(self.tr("Export plot as PNG…"))
        self.run_label.setText(self.tr("Run:"))
        self.compare_with_label.setText(self.tr("Compare with:"))
        titles = (
            self.tr("Segments"),
            self.tr("Timeline"),
            self.tr("Over/under"),
            self.tr("Questions"),
            self.tr("Compare runs"),
            self.tr("Notes to the moderator"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            tz = self.session.show.tz
            self.segments_model.set_columns(self._segment_columns(tz))
            self.questions_model.set_columns(self._question_columns(tz))
            self.compare_model.set_columns(self._compare_columns())
            self.notes_model.set_columns(self._note_columns(tz))
            # The run boxes keep their choice: only their texts change.
            if self.compare_box.count():
                self.compare_box.setItemText(0, self.tr("(no comparison)"))
            for i, info in enumerate(self.runs):
                text = self._run_text(info)
                self.run_box.setItemText(i, text)
                self.compare_box.setItemText(i + 1, text)
            if self.report is not None:
                self.summary.setText(self.summary_text(self.report))
            self.compare_label.setText(self._compare_text())

    # -- building -------------------------------------------------------------------
    @staticmethod
    def _table(model: ReportTableModel, stretch: int, title: int | None = None) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        if title is not None:  # long titles must not push the figures off screen
            header.setSectionResizeMode(title, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(title, 300)
        return view

    def _segment_columns(self, tz) -> list[Column]:

        def blank(g) -> bool:
            # Not reached, or on air right now: nothing to say yet (not "unknown").
            return g.status == NOT_REACHED or (g.status == INCOMPLETE and self._in_progress())

        return [
            Column("#", lambda g: str(g.index + 1), align_right=True),
            Column(self.tr("Segment"), lambda g: g.title),
            Column(self.tr("Status"), lambda g: self._status_text(g.status)),
            Column(self.tr("Planned start"), lambda g: clock(g.planned_start, tz, True)),
            # ✎: the start (or elapsed time) was corrected after the fact (Started at…).
            Column(
                self.tr("Actual start"),
                lambda g: ("✎ " if g.corrected else "") + clock(g.actual_start, tz, blank(g)),
            ),
            Column(
                self.tr("Planned"), lambda g: duration(g.planned_duration_s, blank=True), None, True
            ),
            Column(
                self.tr("Actual"),
                lambda g: duration(g.actual_duration_s, blank=blank(g)),
                None,
                True,
            ),
            Column(
                self.tr("Over/under"),
                lambda g: duration(g.over_under_s, signed=True, blank=blank(g)),
                lambda g: g.over_under_s,
                True,
            ),
            Column(
                self.tr("Pauses"),
                lambda g: f"{g.pauses} ({duration(g.paused_s)})" if g.pauses else "",
                None,
                True,
            ),
            Column(
                self.tr("Added"),
                lambda g: duration(g.added_s, signed=True) if g.added_s else "",
                None,
                True,
            ),
            Column(self.tr("Actual end"), lambda g: clock(g.actual_end, tz, blank(g))),
            Column(
                self.tr("Messages"),
                lambda g: str(len(g.messages)) if g.messages else "",
                None,
                True,
            ),
        ]

    def _question_columns(self, tz) -> list[Column]:
        # Every question of the show, as the exports list them: state first. Times are
        # blank, not "unknown", for a question that never went on air.
        def took(q) -> bool:
            return q.on_air_at is not None and q.final_state == "answered"

        return [
            Column(self.tr("State"), lambda q: self._question_state_text(q.final_state)),
            Column(self.tr("Question"), lambda q: " ".join(q.text.split())),
            Column(self.tr("Asker"), lambda q: q.asker),
            Column(self.tr("Organisation"), lambda q: q.organisation),
            Column(
                self.tr("Votes"), lambda q: "" if q.votes is None else str(q.votes), None, True
            ),
            # Registration questions come days ahead: the date too.
            Column(
                self.tr("Asked at"),
                lambda q: day_and_time(q.asked_at, tz)
                if q.asked_at
                else "",
            ),
            Column(self.tr("Source"), lambda q: q.source),
            Column(self.tr("On air"), lambda q: clock(q.on_air_at, tz, True)),
            Column(self.tr("Answered"), lambda q: clock(q.answered_at, tz, not took(q))),
            Column(
                self.tr("Took"), lambda q: duration(q.duration_s, blank=not took(q)), None, True
            ),
            Column(
                self.tr("vs answer timer"),
                lambda q: duration(q.answer_over_s, signed=True, blank=True),
                lambda q: q.answer_over_s,
                True,
            ),
            Column(self.tr("Segment"), lambda q: q.segment_title),
            Column(self.tr("Speaker"), lambda q: q.speaker),
        ]

    def _note_columns(self, tz) -> list[Column]:
        # Notes from a producer (the network's backstage), as the exports list them.
        def source(n) -> str:
            if n.origin != "network":
                return ""
            return self.tr("network · {0}").format(n.role) if n.role else self.tr("network")

        return [
            Column(self.tr("Sent"), lambda n: clock(n.at, tz)),
            Column(self.tr("From"), lambda n: n.sender),
            Column(self.tr("Note"), lambda n: " ".join(n.text.split())),
            Column(self.tr("Read at"), lambda n: self._read_text(n.read_at, tz)),
            Column(self.tr("Via"), source),
        ]

    def _read_text(self, moment, tz) -> str:
        return clock(moment, tz) if moment is not None else self.tr("not read")

    def _question_state_text(self, state: str) -> str:
        return {
            "answered": self.tr("answered"),
            "on_air": self.tr("on air"),
            "shortlisted": self.tr("shortlisted"),
            "dismissed": self.tr("dismissed"),
            "not_reached": self.tr("not reached"),
        }.get(state, state)

    def _compare_columns(self) -> list[Column]:
        return [
            Column("#", lambda r: str(r.index + 1), align_right=True),
            Column(self.tr("Segment"), lambda r: r.title),
            Column(
                self.tr("Planned"), lambda r: duration(r.planned_duration_s, blank=True), None, True
            ),
            Column(
                self.tr("A: starts at"), lambda r: duration(r.a_offset_s, blank=True), None, True
            ),
            Column(self.tr("A: took"), lambda r: duration(r.a_duration_s, blank=True), None, True),
            Column(
                self.tr("A: over/under"),
                lambda r: duration(r.a_over_under_s, True, True),
                lambda r: r.a_over_under_s,
                True,
            ),
            Column(
                self.tr("B: starts at"), lambda r: duration(r.b_offset_s, blank=True), None, True
            ),
            Column(self.tr("B: took"), lambda r: duration(r.b_duration_s, blank=True), None, True),
            Column(
                self.tr("B: over/under"),
                lambda r: duration(r.b_over_under_s, True, True),
                lambda r: r.b_over_under_s,
                True,
            ),
            Column(
                self.tr("B − A"),
                lambda r: duration(r.duration_diff_s, True, True),
                lambda r: r.duration_diff_s,
                True,
            ),
        ]

    def _status_text(self, status: str) -> str:
        if status == INCOMPLETE and self._in_progress():
            return self.tr("on air")
        return {
            "done": self.tr("done"),
            "incomplete": self.tr("no end"),
            "not_reached": self.tr("not reached"),
        }.get(status, status)

    # -- data ---------------------------------------------------------------------------
    def _read(self) -> reports.Journal | None:
        # The open show's own database, through the session's connection (which the UI
        # thread writes through too): a read of it, like the session's each second, stays
        # here. An unreadable questions table is not fatal: the journal names the
        # questions it moderated.
        try:
            return reports.read_journal(self.session.file, self.session.show)
        except ShowFileError as exc:
            self.status.setText(self.tr("Cannot read the journal: {0}").format(refusal_text(exc)))
            return None

    def refresh(self) -> None:
        """Re-read the journal: list the runs, keep the chosen ones, rebuild the report."""
        self._dirty = False
        journal = self._read()
        if journal is None:
            return
        chosen = self.run_box.currentData()
        other = self.compare_box.currentData()
        for box in (self.run_box, self.compare_box):
            box.blockSignals(True)
            box.clear()
        self.compare_box.addItem(self.tr("(no comparison)"), None)
        self.runs = list(reports.runs(journal))
        for info in self.runs:
            text = self._run_text(info)
            self.run_box.addItem(text, info.number)
            self.compare_box.addItem(text, info.number)
        self.run_box.setCurrentIndex(
            max(self.run_box.findData(chosen), 0) if chosen else self.run_box.count() - 1
        )
        self.compare_box.setCurrentIndex(max(self.compare_box.findData(other), 0))
        for box in (self.run_box, self.compare_box):
            box.blockSignals(False)
        self._show_selected(journal=journal)

    def _run_text(self, info: RunInfo) -> str:
        tz = self.session.show.tz
        label = (
            f"{info.number}. {info.label}" if info.label else self.tr("Run {0}").format(info.number)
        )
        when = day_and_time(info.date, tz) if info.date else ""
        state = {
            "finished": self.tr("finished"),
            "in_progress": self.tr("in progress"),
            "no_finish": self.tr("no finish"),
            "not_started": self.tr("not started"),
        }.get(info.state, info.state)
        return f"{label} — {when} ({state})" if when else f"{label} ({state})"

    def _show_selected(self, *_: object, journal: reports.Journal | None = None) -> None:
        journal = self._read() if journal is None else journal
        if journal is None:
            return
        show = self.session.show
        number = self.run_box.currentData() or 1
        self.report = reports.build(journal, number)
        other = self.compare_box.currentData()
        self.comparison = reports.compare(journal, number, other) if other else None
        report = self.report
        self.summary.setText(self.summary_text(report))
        self.segments_model.set_rows(report.segments)
        self.questions_model.set_rows(report.questions)
        self.notes_model.set_rows(report.notes)
        self.compare_model.set_rows(self.comparison.rows if self.comparison else [])
        self.compare_label.setText(self._compare_text())
        origin = report.summary.planned_start or show.planned_start
        self.timeline.set_origin(origin, show.tz)
        self.curve.set_origin(origin, show.tz)
        self.timeline.set_rows(gantt_from_report(report, origin))
        self.series = over_under_series(show, journal.actions, number)
        self.origin = origin
        until = self.session.clock.now() if self._in_progress() else None
        self.curve.set_points(over_under_points(self.series, origin, until))

    def _compare_text(self) -> str:
        if self.comparison is None:
            return self.tr("Choose a run to compare with, above.")
        return self.tr("A: {0}    B: {1}").format(
            self.run_box.currentText(), self.compare_box.currentText()
        )

    def on_tick(self, snap: Snapshot) -> None:
        """A run in progress moves on: its summary and the curve's end follow, cheaply."""
        if not self.isVisible() or not self._in_progress() or self.report is None:
            return
        self.summary.setText(self.summary_text(self.report))
        tail = self.series.tail
        if tail is not None:
            base = to_us(self.origin)
            self.curve.set_tail(
                [((t - base) / 1e6, v) for t, v in tail.points_to(to_us(snap.now))]
            )

    def _in_progress(self) -> bool:
        return self.report is not None and self.report.summary.state == RUN_IN_PROGRESS

    def summary_text(self, report: Report) -> str:
        s = report.summary
        tz = self.session.show.tz

        def when(moment) -> str:
            return clock_time(moment, tz, seconds=True) if moment else unknown()

        longest = (
            self.tr("{0} by {1}").format(
                s.longest_overrun.title, duration(s.longest_overrun.seconds, signed=True)
            )
            if s.longest_overrun
            else self.tr("none")
        )
        if s.state == RUN_IN_PROGRESS:
            snap = self.session.snapshot()
            end_line = self.tr(
                "Planned end {0}; the run is in progress: projected end {1}, over/under now {2}."
            ).format(when(s.planned_end), when(snap.projected_end), duration(
                snap.over_under_s, signed=True))
        else:
            end_line = self.tr("Planned end {0}, actual end {1}; final over/under {2}.").format(
                when(s.planned_end), when(s.actual_end), duration(s.final_over_under_s, signed=True)
            )
        lines = [
            self.tr("Planned start {0}, actual start {1} ({2}).").format(
                when(s.planned_start), when(s.actual_start), duration(s.start_delay_s, signed=True)
            ),
            end_line,
            self.tr("Longest overrun: {0}. Paused {1} in {2} pause(s); time added {3}.").format(
                longest, duration(s.paused_s), s.pauses, duration(s.added_s, signed=True)
            ),
            self.tr(
                "Questions: {0} answered, {1} on air, {2} shortlisted, {3} dismissed, "
                "{4} not reached; {5} in the show, {6} duplicate(s) merged."
            ).format(
                s.questions_answered,
                s.questions_on_air,
                s.questions_shortlisted,
                s.questions_dismissed,
                s.questions_not_reached,
                s.questions_total,
                s.questions_merged,
            ),
            self.tr("Messages: {0}. Run sheet edits: {1}. Times in {2}.").format(
                s.messages, s.edits, s.timezone
            ),
        ]
        notes = reports.note_lines(report, current_language())  # the exports' French
        state_note = self._state_note(report)
        if state_note:  # the core's first note says the same, less precisely
            notes[:1] = [state_note]
        return "\n".join(lines + notes)

    def _state_note(self, report: Report) -> str:
        s = report.summary
        tz = self.session.show.tz
        on_air = next((g.title for g in report.segments if g.status == INCOMPLETE), "")
        if s.state == RUN_NOT_STARTED:
            return self.tr("This run was never started: there are no actual times.")
        if s.state == RUN_IN_PROGRESS:
            return (
                self.tr("This run is in progress; on air: «{0}».").format(on_air)
                if on_air
                else self.tr("This run is in progress.")
            ) + " " + self.tr("Its end and final over/under are known when it finishes.")
        if s.state == RUN_CUT_OFF:
            last = next((e.at for e in reversed(report.events)), None)
            stop = clock_time(last, tz, seconds=True) if last else unknown()
            return self.tr(
                "This run stopped without a finish: its journal ends at {0} during «{1}». "
                "That segment's end, the show's end and the final over/under are unknown."
            ).format(stop, on_air or unknown())
        return ""

    def _on_change(self, change: Changes) -> None:
        if change.timer or change.questions or change.runsheet or change.notes:
            self._dirty = True
            if self.isVisible():  # hidden pages catch up when shown, not mid-show
                self._refresh_timer.start()

    def _refresh_if_shown(self) -> None:
        if self.isVisible() and self._dirty:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._refresh_timer.start(0)

    # -- exports ------------------------------------------------------------------------
    def ask_path(self, caption: str, suggested: str, filters: str) -> str:
        # Where the user keeps files, not the show's folder (the default show's is hidden).
        path, _ = QFileDialog.getSaveFileName(self, caption, in_start_folder(suggested), filters)
        remember_folder(path)
        return path

    def _suggested(self, suffix: str) -> str:
        return str(
            reports.default_export_path(self.session.path, self.report, suffix, current_language())
        )

    def export_report(self) -> Operation | None:
        """Ask where, then write the report off the UI thread (``exported`` or
        ``export_failed`` follow); None if nothing was started."""
        if self.report is None or self.export_op is not None:
            return None
        path = self.ask_path(
            self.tr("Export report"),
            self._suggested("xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)"),
        )
        if not path:
            return None
        report = self.report  # immutable: safe to hand to the worker
        language = current_language()  # the file speaks the language of the screen
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting {0}…").format(path))
        self.export_op = run_op(
            lambda progress: str(reports.export(report, path, language)),
            on_success=lambda written: self._export_done(str(written), None),
            on_failure=lambda message: self._export_done(None, message),
        )
        return self.export_op

    def _export_done(self, written: str | None, message: str | None) -> None:
        if not isValid(self):  # the page went with its window while the file was written
            return
        self.export_op = None
        if written is not None:
            self.exported.emit(written)
        else:
            self.export_failed.emit(message or "")

    def _on_exported(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Report written to {0}").format(path))

    def _on_export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(message)

    def current_plot(self):
        widget = self.tabs.currentWidget()
        return widget if widget in (self.timeline, self.curve) else self.timeline

    def export_png(self, path: str | None = None) -> Operation | None:
        """Export the plot on screen (the timeline unless the curve is shown).

        The image is rendered here: painting the plot's scene is the UI thread's work.
        Only the file write goes to ui/ops.py: small, but the folder may be a slow
        network share, and no file waits on the UI thread. ``plot_exported`` follows.
        """
        if self.png_op is not None:
            return None
        plot = self.current_plot()
        if path is None:
            path = self.ask_path(
                self.tr("Export plot as PNG"), self._suggested("png"), self.tr("PNG image (*.png)")
            )
        if not path:
            return None
        try:
            data = render_plot_png(plot.plot.plotItem)
        except OSError as exc:
            self.status.setText(self.tr("Cannot write {0}: {1}").format(path, exc.strerror or exc))
            return None
        self.status.setText(self.tr("Exporting {0}…").format(path))
        self.png_op = run_op(
            lambda progress: str(reports.write_bytes(path, data)),
            on_success=lambda written: self._png_done(str(written), None),
            on_failure=lambda message: self._png_done(None, message),
        )
        return self.png_op

    def _png_done(self, written: str | None, message: str | None) -> None:
        if not isValid(self):
            return
        self.png_op = None
        if written is None:
            self.status.setText(message or "")
            return
        self.status.setText(self.tr("Plot written to {0}").format(written))
        self.plot_exported.emit(written)


def render_plot_png(plot_item) -> bytes:
    """The plot as PNG bytes, rendered with pyqtgraph's exporter at twice its width (at
    least 1200 px): sharp enough for a slide."""
    from pyqtgraph.exporters import ImageExporter

    exporter = ImageExporter(plot_item)
    exporter.parameters()["width"] = max(int(plot_item.sceneBoundingRect().width()) * 2, 1200)
    image = exporter.export(toBytes=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(0, "the image could not be written")
    buffer.close()
    return bytes(data.data())


class _Attached(QObject):
    """Keeps the report pieces of one window together (and alive).

    Both pages are built the first time their tab is shown (or a Report menu action
    needs them): the plots import pyqtgraph, which stays off the console's start-up.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.live_tab = LazyPage(self._build_live)
        self.view_tab = LazyPage(self._build_view)
        self.live_tab.setObjectName("LivePlotsTab")
        self.view_tab.setObjectName("ReportTab")
        window.add_page(self.live_tab, self.tr("Timeline"))
        window.add_page(self.view_tab, self.tr("Report"))
        window.ticked.connect(self._on_tick)
        menu = window.menu("report")
        self.actions = {}
        for key, slot in (
            ("export", lambda: self.view.export_report()),
            ("png", lambda: self.view.export_png()),
            ("refresh", lambda: self.view.refresh()),
        ):
            action = QAction(window)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[key] = action
        self._retranslate()

    def _retranslate(self) -> None:
        """The tab titles and menu entries this feature added, in the interface language."""
        pages = self.window.pages
        pages.setTabText(pages.indexOf(self.live_tab), self.tr("Timeline"))
        pages.setTabText(pages.indexOf(self.view_tab), self.tr("Report"))
        texts = {
            "export": self.tr("Export report…"),
            "png": self.tr("Export plot as PNG…"),
            "refresh": self.tr("Refresh report"),
        }
        for key, text in texts.items():
            self.actions[key].setText(text)

    def event(self, event: QEvent) -> bool:
        # A child of the window: QWidget hands LanguageChange on to its QObject children.
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().event(event)

    @property
    def live(self):  # LivePlotsPage, built on first use
        return self.live_tab.page()

    @property
    def view(self) -> ReportView:
        return self.view_tab.page()  # type: ignore[return-value]

    def _build_live(self) -> QWidget:
        from moderator_app.ui.report_live import LivePlotsPage

        page = LivePlotsPage(self.window.session)
        if self.window.snapshot is not None:
            page.on_tick(self.window.snapshot)
        return page

    def _build_view(self) -> QWidget:
        view = ReportView(self.window.session)
        # The page says it itself when it is in sight; the status bar says it otherwise.
        view.exported.connect(
            lambda p: None if view.isVisible()
            else self.window.show_status(self.tr("Report written to {0}").format(p))
        )
        view.export_failed.connect(self.window.show_error)
        return view

    def _on_tick(self, snap: Snapshot) -> None:
        # Unbuilt pages cost nothing; built ones skip the work while hidden.
        if self.live_tab.is_built:
            self.live.on_tick(snap)
        if self.view_tab.is_built:
            self.view.on_tick(snap)


def attach(window: MainWindow) -> _Attached:
    return _Attached(window)
