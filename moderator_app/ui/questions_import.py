"""Importing questions: the dialog (file -> profile, sheet, header, columns -> preview ->
import), and the watcher of linked files.

What a file holds and what an import does are ``app.questions``'s: the dialog reads and
extracts through ``ui.ops`` (off the UI thread, with progress and cancel) and merges the
result through ``app.questions.apply_import`` when it comes back, so the show file is only
ever written from the UI thread, exactly as the command line's import merges.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app.errors import TableError
from moderator_app.app.questions import (
    PREVIEW_ROWS,
    PROFILES,
    ImportChoices,
    Imported,
    ImportResult,
    QuestionBook,
    Source,
    apply_import,
    preview,
    question_preview_dict,
    read_import,
    read_source,
    replan,
    set_mapping,
)
from moderator_app.app.watch import CHANGED, MISSING, FileWatch
from moderator_app.core.questions import QState
from moderator_app.ui.file_dialogs import choose_spreadsheet
from moderator_app.ui.formatting import day_and_time
from moderator_app.ui.ops import Operation, Progress, run_op
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.widgets import plain_tooltip

FIELD_LABELS = {
    "text": QT_TRANSLATE_NOOP("ImportDialog", "Question"),
    "asker": QT_TRANSLATE_NOOP("ImportDialog", "Asked by"),
    "first_name": QT_TRANSLATE_NOOP("ImportDialog", "First name"),
    "last_name": QT_TRANSLATE_NOOP("ImportDialog", "Last name"),
    "email": QT_TRANSLATE_NOOP("ImportDialog", "Email"),
    "organisation": QT_TRANSLATE_NOOP("ImportDialog", "Organisation / city"),
    "submitted_at": QT_TRANSLATE_NOOP("ImportDialog", "Time"),
    "votes": QT_TRANSLATE_NOOP("ImportDialog", "Votes"),
    "answered": QT_TRANSLATE_NOOP("ImportDialog", "Answered"),
}


class ImportDialog(QDialog):
    """Choose a file, check what was detected, preview, import."""

    imported = Signal(object, object)  # (ImportResult, MergeResult)

    def __init__(self, book: QuestionBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.book = book
        self.source: Source | None = None
        self.worker: Operation | None = None  # the read running for this dialog, if any
        self.last_result: ImportResult | None = None
        self._preview: ImportResult | None = None  # the rows shown, and the whole file's counts
        self._import_choices = ImportChoices()
        self._loading = False
        self._info_shown = ""  # the detection summary last shown in the warnings

        self.path = QLineEdit()
        self.path.setObjectName("ImportPath")
        self.path.setReadOnly(True)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.browse_button)

        self.profile = QComboBox()
        self.profile.setObjectName("ImportProfile")
        for name in PROFILES:
            self.profile.addItem("", name)
        self.sheet = QComboBox()
        self.sheet.setObjectName("ImportSheet")
        self.header_row = QSpinBox()
        self.header_row.setObjectName("ImportHeaderRow")
        self.header_row.setMinimum(1)
        self.header_row.setMaximum(100000)
        self.dates = QComboBox()
        self.dates.setObjectName("ImportDates")
        for day_first in (None, True, False):
            self.dates.addItem("", day_first)
        self.answered_as_answered = QCheckBox()
        self.answered_as_answered.setObjectName("ImportAnsweredAs")
        self.answered_as_answered.setChecked(True)
        self.watch = QCheckBox()
        self.watch.setObjectName("ImportWatch")
        options = QVBoxLayout()
        options.addWidget(self.answered_as_answered)
        options.addWidget(self.watch)
        form = QFormLayout()
        self.form_labels = [QLabel(), QLabel(), QLabel()]
        for label, field in zip(self.form_labels, (self.profile, self.sheet, self.header_row),
                                strict=True):
            form.addRow(label, field)
        form.addRow("", self.dates)

        self.columns: dict[str, QComboBox] = {}
        grid = QGridLayout()
        self.field_labels: dict[str, QLabel] = {}
        for i, name in enumerate(FIELD_LABELS):
            combo = QComboBox()
            combo.setObjectName(f"Column_{name}")
            combo.currentIndexChanged.connect(self._mapping_edited)
            self.columns[name] = combo
            self.field_labels[name] = QLabel()
            grid.addWidget(self.field_labels[name], i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)

        self.preview = QTableWidget(0, 6)
        self.preview.setObjectName("ImportPreview")
        head = self.preview.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.warnings = QLabel()
        self.warnings.setObjectName("ImportWarnings")
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color:#a15c00;")
        self.warnings.setMinimumHeight(self.warnings.fontMetrics().lineSpacing() * 4)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.progress = QProgressBar()
        self.progress.setObjectName("ImportProgress")
        self.progress.hide()
        self.import_button = QPushButton()
        self.import_button.setObjectName("ImportButton")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("ImportCancel")
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addLayout(options)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)
        self.resize(900, 640)

        self.profile.currentIndexChanged.connect(lambda _: self._replan(profile=True))
        self.sheet.currentIndexChanged.connect(lambda _: self._replan(sheet=True))
        self.header_row.valueChanged.connect(lambda _: self._replan(header=True))
        self.dates.currentIndexChanged.connect(lambda _: self.update_preview())
        self.answered_as_answered.toggled.connect(lambda _: self._show_info())
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text in the current language (at start and after a language switch:
        the dialog stays open while the show goes on)."""
        self.setWindowTitle(self.tr("Import questions"))
        self.browse_button.setText(self.tr("Choose file…"))
        for i in range(self.profile.count()):
            self.profile.setItemText(i, profile_label(self.profile.itemData(i)))
        self.dates.setItemText(0, self.tr("Dates: detect day/month order"))
        self.dates.setItemText(1, self.tr("Dates: day first (25/02)"))
        self.dates.setItemText(2, self.tr("Dates: month first (02/25)"))
        self.answered_as_answered.setText(
            self.tr("Import questions answered in the source as answered"))
        self.answered_as_answered.setToolTip(self.tr(
            "Zoom's Answer(s) column or an Answered column marks them. Untick to import them "
            "as new, for instance when a typed answer only says the question will be taken "
            "live."))
        self.watch.setText(self.tr("Watch this file and merge new questions when it changes"))
        for label, text in zip(self.form_labels, (self.tr("Source"), self.tr("Sheet"),
                                                  self.tr("Header row")), strict=True):
            label.setText(text)
        for name, label in self.field_labels.items():
            label.setText(self.tr(FIELD_LABELS[name]))
        for combo in self.columns.values():
            if combo.count():
                combo.setItemText(0, self.tr("(none)"))
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Asked by"), self.tr("Organisation"), self.tr("Time"),
             self.tr("Votes"), self.tr("Answered in source")])
        self.import_button.setText(self.tr("Import"))
        importing = not self.progress.isHidden()
        self.cancel_button.setText(self.tr("Cancel") if importing else self.tr("Close"))
        if self._info_shown and self.warnings.text() == self._info_shown:
            self._show_info()  # not over an import's outcome or an error

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "cancel_button"):
            self.retranslate()
        super().changeEvent(event)

    # -- choosing and reading the file -------------------------------------------------------------
    def browse(self) -> None:
        path = choose_spreadsheet(self, self.tr("Import questions"))
        if path is not None:
            self.load(path)

    def load(self, path: str | os.PathLike) -> None:
        """Read ``path`` off the UI thread, then show what was detected."""
        self.path.setText(str(path))
        self.import_button.setEnabled(False)
        self.warnings.setText(self.tr("Reading {0}…").format(Path(path).name))
        self._run(lambda _progress: read_source(path), self._loaded)

    def _loaded(self, source: Source) -> None:
        self.source = source
        self._loading = True
        try:
            self.sheet.clear()
            self.sheet.addItems(source.sheet_names())
            self._show_plan()
        finally:
            self._loading = False
        self.update_preview()

    def _show_plan(self) -> None:
        assert self.source is not None
        plan = self.source.plan
        self._loading, was = True, self._loading
        self.profile.setCurrentIndex(self.profile.findData(plan.profile))
        self.sheet.setCurrentIndex(plan.table_index)
        self.header_row.setValue(plan.header_row + 1)
        names = [self.tr("(none)")] + [
            f"{i + 1}: {h.strip() or '—'}" for i, h in enumerate(plan.headers)]
        for field_name, combo in self.columns.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            value = getattr(plan.mapping, field_name)
            combo.setCurrentIndex(0 if value is None else value + 1)
            combo.blockSignals(False)
        self._loading = was

    def _replan(self, profile: bool = False, sheet: bool = False, header: bool = False) -> None:
        if self._loading or self.source is None:
            return
        kwargs: dict = {"profile": self.profile.currentData()}
        if sheet:
            kwargs["table_index"] = self.sheet.currentIndex()
        elif header:
            kwargs["table_index"] = self.sheet.currentIndex()
            kwargs["header_row"] = self.header_row.value() - 1
        replan(self.source, **kwargs)
        self._show_plan()
        self.update_preview()

    def _mapping_edited(self) -> None:
        if self._loading or self.source is None:
            return
        values = {name: (combo.currentIndex() - 1 if combo.currentIndex() > 0 else None)
                  for name, combo in self.columns.items()}
        set_mapping(self.source, values)
        self.update_preview()

    # -- preview ------------------------------------------------------------------------------------
    def update_preview(self) -> None:
        if self.source is None:
            return
        try:
            result = preview(self.source, tz=self.book.session.show.tz,
                             dayfirst=self.dates.currentData(), limit=PREVIEW_ROWS)
        except TableError as exc:
            self._preview = None
            self.preview.setRowCount(0)
            self.warnings.setText(refusal_text(exc))
            self.import_button.setEnabled(False)
            return
        self._preview = result
        self.preview.setRowCount(len(result.questions))
        zone = self.book.session.show.tz
        filled = [False] * self.preview.columnCount()
        for row, q in enumerate(result.questions):
            d = question_preview_dict(q)
            when = day_and_time(q.submitted_at, zone, "%d/%m/%Y") if q.submitted_at else ""
            asker = self.tr("Anonymous") if q.anonymous else (d["asker"] or "")
            cells = [" ".join(q.text.split()), asker, d["organisation"] or "", when,
                     "" if d["votes"] is None else str(d["votes"]),
                     "✓" if d["answered"] else ""]
            for col, text in enumerate(cells):
                filled[col] = filled[col] or bool(text)
                item = QTableWidgetItem(text)  # item text is plain, never rich text
                if col == 0:
                    item.setToolTip(plain_tooltip(q.text))
                elif col == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.preview.setItem(row, col, item)
        for col in range(1, len(filled)):  # columns the file has nothing for: no room taken
            self.preview.setColumnHidden(col, not filled[col])
        self._show_info()
        self.import_button.setEnabled(not self.book.session.readonly and bool(result.questions))

    def answered_as(self) -> QState:
        """What the moderator chose for questions the source marks answered."""
        return QState.ANSWERED if self.answered_as_answered.isChecked() else QState.NEW

    def _show_info(self) -> None:
        """What was detected, what will happen to answered questions, and the warnings."""
        result = self._preview
        if result is None:
            return
        source = result.source_dict()
        info = self.tr("Detected: {0}, header on row {1}").format(
            profile_label(result.plan.profile), source["header_row"])
        if source["encoding"]:
            info += self.tr(", encoding {0}").format(source["encoding"])
        lines = [info]
        if result.answered_in_source:
            if self.answered_as() is QState.ANSWERED:
                text = self.tr("{0} question(s) marked answered in the source: imported as "
                               "answered.")
            else:
                text = self.tr("{0} question(s) marked answered in the source: imported as new.")
            lines.append(text.format(result.answered_in_source))
        self._info_shown = "\n".join([*lines, *result.warnings])
        self.warnings.setText(self._info_shown)

    # -- importing ----------------------------------------------------------------------------------
    def choices(self) -> ImportChoices:
        """The moderator's choices as the dialog shows them now."""
        profile = self.source.plan.profile if self.source is not None else None
        return ImportChoices(self.answered_as(), profile, self.dates.currentData(),
                             self.watch.isChecked())

    def start_import(self) -> None:
        if self.source is None:
            return
        source, plan = self.source, self.source.plan
        # Fixed when Import is pressed: a click during the read does not change this import.
        choices = self._import_choices = self.choices()
        zone = self.book.session.show.tz
        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setText(self.tr("Cancel"))
        self._run(lambda progress: read_import(source, choices, tz=zone, plan=plan,
                                               progress=progress), self._extracted)

    def _extracted(self, result: ImportResult) -> None:
        self.progress.hide()
        self.cancel_button.setText(self.tr("Close"))
        try:
            outcome: Imported = apply_import(self.book, result, self._import_choices)
        except Exception as exc:  # the show file refused: nothing changed
            self.warnings.setText(refusal_text(exc))
            self.import_button.setEnabled(True)
            return
        self.last_result = result
        merge = outcome.merge
        lines = [self.tr("{0} added, {1} already in the queue, {2} skipped.").format(
            merge.added, merge.present, result.skipped)]
        if merge.answered:
            lines.append(self.tr("{0} marked answered as in the source.").format(merge.answered))
        elif merge.answered_in_source:
            lines.append(self.tr("{0} answered in the source, imported as new.").format(
                merge.answered_in_source))
        if outcome.watch_error is not None:
            lines.append(self.tr("The file is not watched: {0}").format(outcome.watch_error))
        self.warnings.setText(" ".join(lines))
        self.imported.emit(result, merge)

    def cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            return
        self.reject()

    def _run(self, job: Callable[[Progress], object], done: Callable[[object], None]) -> None:
        """Run ``job`` through ui.ops; only the latest one's answer reaches the dialog (a
        file chosen again, or the dialog closed, leaves an older read's answer unheard)."""
        if self.worker is not None:
            self.worker.cancel()
        started: list[Operation] = []

        def current() -> bool:
            return bool(started) and self.worker is started[0]

        def succeeded(result: object) -> None:
            if current():
                self.worker = None
                done(result)

        def failed(message: str) -> None:
            if current():
                self.worker = None
                self._failed(message)

        def progressed(done_: int, total: int) -> None:
            if current():
                self._progressed(done_, total)

        # The answers are queued to the UI thread: none can arrive before ``started`` is set.
        self.worker = run_op(job, on_success=succeeded, on_failure=failed,
                             on_progress=progressed)
        started.append(self.worker)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.warnings.setText(message)
        self.import_button.setEnabled(self.source is not None)

    def wait_idle(self, ms: int = 10000) -> None:
        worker = self.worker
        if worker is not None:
            worker.wait(ms)
            QCoreApplication.sendPostedEvents()  # deliver its answer

    def done(self, result: int) -> None:
        worker, self.worker = self.worker, None  # its late answer is not for this dialog
        if worker is not None:
            worker.cancel()
            # Closing the dialog leaves no read behind: the cancel reaches a workbook's
            # reading process at once, so this wait is short.
            worker.wait(10000)
        super().done(result)


def profile_label(name: str) -> str:
    labels = {
        "zoom_qa": QT_TRANSLATE_NOOP("ImportDialog", "Zoom webinar Q&A report"),
        "zoom_registration": QT_TRANSLATE_NOOP("ImportDialog", "Zoom registration report"),
        "google_forms": QT_TRANSLATE_NOOP("ImportDialog", "Google Forms"),
        "microsoft_forms": QT_TRANSLATE_NOOP("ImportDialog", "Microsoft Forms"),
        "slido": QT_TRANSLATE_NOOP("ImportDialog", "Slido-like export"),
        "generic": QT_TRANSLATE_NOOP("ImportDialog", "Any table (question column by content)"),
        "chat": QT_TRANSLATE_NOOP("ImportDialog", "Chat or Q&A panel saved as text"),
    }
    return QCoreApplication.translate("ImportDialog", labels.get(name, name))


class SourceWatcher(QObject):
    """Merges new questions from linked files when they change on disk.

    The files are watched by the one watcher of linked files (app/watch.py), polled from
    a QTimer: a change is read once the file has settled (exports are often written in
    several steps), a file that disappears or turns unreadable is said once and its
    questions stay. Each changed file is read and its questions extracted off the UI
    thread (ui/ops.py), one file at a time; only the merge into the show file runs on the
    UI thread, where the queue lives.
    """

    merged = Signal(str, int)  # (file, questions added)
    failed = Signal(str)
    idle = Signal()  # every pending file has been merged (or has failed)
    DEBOUNCE_MS = 600  # exports are often written in several steps
    POLL_MS = 250  # a stat per linked file

    def __init__(self, book: QuestionBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.watch = FileWatch(settle_s=self.DEBOUNCE_MS / 1000)
        self._pending: set[str] = set()
        self._poller = QTimer(self)
        self._poller.setInterval(self.POLL_MS)
        self._poller.timeout.connect(self.poll)
        self.worker: Operation | None = None
        self._reading: str | None = None
        self._choices = ImportChoices()  # the link's choices for the file being read
        # A read outliving the console's closing is cancelled, and what it brings ignored.
        life = self._life = {"alive": True, "worker": None}
        self.destroyed.connect(lambda *_: _end(life))
        self.sync()

    def sync(self) -> None:
        """Watch exactly the files the show links (they may have been linked elsewhere)."""
        wanted = sorted({s.path for s in self.book.linked_sources()})
        self.watch.set_paths(wanted)
        if wanted:
            self._poller.start()
        else:
            self._poller.stop()

    def poll(self) -> None:
        """One look at the linked files (the poller's tick): merge those that changed."""
        for event in self.watch.poll():
            path = str(event.path)
            if event.kind == CHANGED:
                self._pending.add(path)
            elif event.kind == MISSING:
                self.failed.emit(self.tr("{0}: the linked file is gone; its questions "
                                         "stay").format(path))  # fmt: skip
            else:
                self.failed.emit(self.tr("{0}: the linked file cannot be opened; its "
                                         "questions stay").format(path))  # fmt: skip
        if self._pending:
            self.merge_pending()

    def merge_pending(self) -> None:
        """Start reading the next changed file; the others follow when it is merged."""
        if self.worker is not None:
            return
        links = {s.path: s for s in self.book.linked_sources()}
        while self._pending:
            path = min(self._pending)
            self._pending.discard(path)
            link = links.get(path)
            if link is None:
                continue
            zone = self.book.session.show.tz

            choices = ImportChoices.of_link(link)  # merged as it was first imported

            def job(progress, path=path, choices=choices, zone=zone):
                return read_import(path, choices, tz=zone, progress=progress)

            worker = run_op(job, on_success=self._extracted, on_failure=self._failed)
            self.worker, self._reading, self._life["worker"] = worker, path, worker
            self._choices = choices
            return
        self.idle.emit()

    # Each read ends in exactly one of these two (the next file is read then).
    def _extracted(self, result: ImportResult) -> None:
        if not self._life["alive"]:
            return
        path = self._done()
        try:  # the one merge path of every question import (app.questions)
            done = apply_import(self.book, result, self._choices)
        except Exception as exc:  # a watched file must never crash the console
            self.failed.emit(f"{path}: {refusal_text(exc)}")
        else:
            self.merged.emit(path, done.merge.added)
        self.merge_pending()

    def _failed(self, message: str) -> None:
        if not self._life["alive"]:
            return
        path = self._done()
        self.failed.emit(message if path in message else f"{path}: {message}")
        self.merge_pending()

    def _done(self) -> str:
        path = self._reading or ""
        self.worker, self._reading, self._life["worker"] = None, None, None
        return path

    def wait_idle(self, ms: int = 10000) -> None:
        """Block until the file being read is merged (for tests and closing)."""
        while self.worker is not None:
            self.worker.wait(ms)
            QCoreApplication.sendPostedEvents()  # deliver its result signals


def _end(life: dict) -> None:
    life["alive"] = False
    if life["worker"] is not None:
        life["worker"].cancel()
