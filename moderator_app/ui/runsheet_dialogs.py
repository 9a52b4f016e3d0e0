"""Run sheet dialogs: show properties, and spreadsheet import with a mapping preview."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app import runsheet as rs
from moderator_app.app.errors import EditRefused, RunSheetImportError
from moderator_app.app.runsheet import FIELDS, RunSheetImport, SheetTable, ShowSession, text_of
from moderator_app.core.cues import format_cues
from moderator_app.core.durations import format_duration
from moderator_app.core.runsheet import Show
from moderator_app.core.runsheet_edit import Edit, edited, set_show
from moderator_app.core.undo_history import new_group
from moderator_app.ui.file_dialogs import choose_spreadsheet
from moderator_app.ui.ops import Operation, run_op
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.runsheet_changes import change_lines, nothing_changes
from moderator_app.ui.runsheet_icons import kind_icon, kind_label
from moderator_app.ui.widgets import (
    lay_out_form_dialog,
    ok_cancel,
    pages_of,
    place_below_live_panel,
)


class ShowPropertiesDialog(QDialog):
    """Title, organisers, moderator, language, time zone, date, start and planned end."""

    def __init__(self, show: Show, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShowProperties")
        self.setWindowTitle(self.tr("Show properties"))
        self.show_ = show
        tz = show.tz
        start = show.planned_start.astimezone(tz)
        self.title = QLineEdit(show.title)
        self.organisers = QLineEdit(", ".join(show.organisers))
        self.organisers.setPlaceholderText(self.tr("Separated by commas"))
        self.moderator = QLineEdit(show.moderator)
        self.language = QComboBox()
        self.language.addItem(self.tr("French"), "fr")
        self.language.addItem(self.tr("English"), "en")
        self.language.setEditable(True)
        i = self.language.findData(show.language)
        if i >= 0:
            self.language.setCurrentIndex(i)
        else:
            self.language.setEditText(show.language)
        self.timezone = QLineEdit(show.timezone)
        self.timezone.setObjectName("TimeZone")
        zones = QCompleter(sorted(available_timezones()), self.timezone)
        zones.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        zones.setFilterMode(Qt.MatchFlag.MatchContains)  # "paris" finds Europe/Paris
        self.timezone.setCompleter(zones)
        self.date = QDateEdit(QDate(start.year, start.month, start.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(start.hour, start.minute))
        self.start.setDisplayFormat("HH:mm")
        self.has_end = QCheckBox(self.tr("Planned end"))
        self.end = QTimeEdit()
        self.end.setDisplayFormat("HH:mm")
        if show.planned_end is not None:
            end = show.planned_end.astimezone(tz)
            self.end.setTime(QTime(end.hour, end.minute))
            self.has_end.setChecked(True)
        else:
            computed = show.computed_end().astimezone(tz)
            self.end.setTime(QTime(computed.hour, computed.minute))
        self.end.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.end.setEnabled)
        # The automatic cues of every segment that has none of its own.
        self.cues = QLineEdit(format_cues(show.cues))
        self.cues.setObjectName("ShowCues")
        self.cues.setPlaceholderText(self.tr("e.g. 2:00 2 minutes; 0:30! Wrap up"))

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Organisers"), self.organisers)
        form.addRow(self.tr("Moderator"), self.moderator)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.has_end, self.end)
        form.addRow(self.tr("Automatic cues"), self.cues)
        self.error = lay_out_form_dialog(self, form)
        self.error.setObjectName("PropertiesError")
        self.resize(520, 0)

    def edits(self) -> list[Edit]:
        """The changes as show edits, checked together; EditRefused says what is wrong."""
        show = self.show_
        tzname = self.timezone.text().strip()
        probe = set_show(show, "timezone", tzname)
        from zoneinfo import ZoneInfo

        tz = ZoneInfo(tzname)
        day = self.date.date().toPython()
        start = datetime.combine(day, self.start.time().toPython(), tzinfo=tz)
        end = None
        if self.has_end.isChecked():
            end = datetime.combine(day, self.end.time().toPython(), tzinfo=tz)
            if end <= start:
                raise EditRefused(self.tr("The planned end must come after the start"))
        language = self.language.currentData()
        if self.language.currentText() != self.language.itemText(self.language.currentIndex()):
            language = self.language.currentText()
        values = {
            "title": self.title.text(), "organisers": self.organisers.text(),
            "moderator": self.moderator.text(), "language": language or "",
            "planned_start": start, "planned_end": end, "cues": self.cues.text(),
        }  # fmt: skip
        edits = [probe] if probe.before != probe.after else []
        for field, value in values.items():
            edit = set_show(show, field, value)
            if edit.before != edit.after:
                edits.append(edit)
        # Moving the start past the old end needs the end moved first, and the reverse.
        ends_first = sorted(edits, key=lambda e: e.field != "planned_end")
        for order in (edits, ends_first):
            try:
                trial = copy.deepcopy(show)
                for edit in order:
                    trial = edited(trial, edit)
            except EditRefused:
                if order is ends_first:
                    raise
                continue
            return order
        return edits

    def accept(self) -> None:
        try:
            self.result_edits = self.edits()
        except EditRefused as exc:
            self.error.setText(refusal_text(exc))
            return
        super().accept()

    @classmethod
    def run(cls, editor) -> ShowPropertiesDialog:
        dialog = cls(editor.session.show, editor)
        dialog.accepted.connect(lambda: apply_edits(editor, dialog.result_edits))
        dialog.open()
        return dialog


def apply_edits(editor, edits: list[Edit]) -> None:
    if not edits:
        return
    group = new_group()  # the dialog's changes are undone as one step
    for edit in edits:
        if not editor.commit(edit, group=group):
            break


class ImportDialog(QDialog):
    """Shows how a spreadsheet maps onto the run sheet, and every change it makes to the
    session's show; the producer corrects columns.

    Opened on a file (``run``/``load``), it reads and previews it off the UI thread
    (ui/ops.py): a slow drive or a large workbook never freezes the console, and Cancel
    stops the reading. Correcting columns or the header row works on the rows read."""

    loaded = Signal()  # the file is read and previewed
    unreadable = Signal(str)  # the file cannot be read: the one-line reason

    def __init__(
        self,
        table: SheetTable | None,
        session: ShowSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.table: SheetTable | None = None
        self.session = session
        self.result_: RunSheetImport | None = None
        self.reading: Operation | None = None
        # A read finishing after Cancel, or after the editor closed, finds nothing to fill.
        closed = self._closed = {"closed": False}
        self.destroyed.connect(lambda *_: closed.update(closed=True))

        self.header_row = QSpinBox()
        self.header_row.valueChanged.connect(self._header_moved)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Header row")))
        top.addWidget(self.header_row)
        top.addStretch(1)

        self.columns = QTableWidget()
        self.columns.setObjectName("ImportMapping")
        self.columns.setColumnCount(3)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Goes to"), self.tr("First values")]
        )
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.verticalHeader().hide()

        self.preview_model = QStandardItemModel(self)
        self.preview = QTableView()
        self.preview.setObjectName("ImportPreview")
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.messages = QPlainTextEdit()
        self.messages.setObjectName("ImportMessages")
        self.messages.setReadOnly(True)
        self.messages.setMaximumHeight(90)
        self.changes = QPlainTextEdit()  # plain text: titles come from the file
        self.changes.setObjectName("ImportChanges")
        self.changes.setReadOnly(True)

        self.buttons = ok_cancel(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))

        mapping_box = QGroupBox(self.tr("Columns"))
        QVBoxLayout(mapping_box).addWidget(self.columns)
        preview_box = QGroupBox(self.tr("Preview"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        changes_box = QGroupBox(self.tr("Changes to the show"))
        QVBoxLayout(changes_box).addWidget(self.changes)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(mapping_box, 3)
        layout.addWidget(preview_box, 3)
        layout.addWidget(changes_box, 2)
        layout.addWidget(self.messages)
        layout.addWidget(self.buttons)
        self.resize(900, 760)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        if table is not None:
            self.set_table(table)

    def set_table(self, table: SheetTable, result: RunSheetImport | None = None) -> None:
        """Show ``table`` (and ``result``, its run sheet when already built)."""
        self.table = table
        self.setWindowTitle(self.tr("Import a run sheet — {0}").format(table.path.name))
        self.header_row.blockSignals(True)
        self.header_row.setRange(1, max(len(table.rows), 1))
        self.header_row.setValue(table.header_row + 1)
        self.header_row.blockSignals(False)
        self._fill_columns()
        self.rebuild(result)

    def load(self, path: str | Path) -> Operation:
        """Read and preview ``path`` off the UI thread; ``loaded`` or ``unreadable`` follows."""
        target = Path(path)
        self.setWindowTitle(self.tr("Import a run sheet — {0}").format(target.name))
        self.messages.setPlainText(self.tr("Reading {0}…").format(target.name))

        def read(_progress) -> tuple[SheetTable, RunSheetImport | None]:
            table = rs.read_table(target)
            try:
                return table, rs.build(table)
            except RunSheetImportError:
                return table, None  # the dialog says why, and the producer corrects columns

        self.reading = run_op(read, on_success=self._read, on_failure=self._unreadable)
        return self.reading

    def _read(self, outcome: object) -> None:
        self.reading = None
        if self._closed["closed"]:
            return
        table, result = outcome  # type: ignore[misc]
        self.set_table(table, result)
        self.loaded.emit()

    def _unreadable(self, message: str) -> None:
        self.reading = None
        if self._closed["closed"]:
            return
        self.messages.setPlainText(message)
        self.unreadable.emit(message)

    def done(self, result: int) -> None:
        self._closed["closed"] = True
        if self.reading is not None:
            self.reading.cancel()  # also stops a workbook's reading process
        super().done(result)

    def _field_names(self) -> dict[str, str]:
        return {
            "start": self.tr("Start"), "end": self.tr("End"), "duration": self.tr("Duration"),
            "title": self.tr("Title"), "kind": self.tr("Kind"), "speaker": self.tr("Speaker"),
            "organisation": self.tr("Organisation"), "region": self.tr("Region"),
            "speaker_timezone": self.tr("Speaker time zone"), "notes": self.tr("Notes"),
            "warning": self.tr("Warning"), "danger": self.tr("Danger"), "hard_start": self.tr("Hard start"),
            "cues": self.tr("Cues"), "auto_start": self.tr("Auto-start"), "id": self.tr("ID"),
        }  # fmt: skip

    def _fill_columns(self) -> None:
        table = self.table
        assert table is not None
        by_col = {col: name for name, col in table.mapping.items()}
        names = self._field_names()
        data = [r for _, r in table.data_rows() if any(c is not None for c in r)][:3]
        self.columns.setRowCount(table.width)
        self.combos: list[QComboBox] = []
        headers = table.headers
        for col in range(table.width):
            header = headers[col] if col < len(headers) else ""
            self.columns.setCellWidget(
                col, 0, _plain(header or self.tr("(column {0})").format(col + 1))
            )
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), None)
            for field in FIELDS:
                combo.addItem(names[field], field)
            combo.setCurrentIndex(max(combo.findData(by_col.get(col)), 0))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._mapped(c))
            self.columns.setCellWidget(col, 1, combo)
            self.combos.append(combo)
            samples = " | ".join(
                text_of(r[col]) for r in data if col < len(r) and r[col] is not None
            )
            self.columns.setCellWidget(col, 2, _plain(samples))
        self.columns.resizeColumnsToContents()

    def _mapped(self, col: int) -> None:
        field = self.combos[col].currentData()
        for other, combo in enumerate(self.combos):  # a field comes from one column
            if other != col and field is not None and combo.currentData() == field:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self.table.mapping = {
            c.currentData(): i for i, c in enumerate(self.combos) if c.currentData() is not None
        }
        self.rebuild()

    def _header_moved(self, value: int) -> None:
        if self.table is None:
            return
        try:
            self.table = rs.with_header_row(self.table, value - 1)  # the rows read: no new read
        except RunSheetImportError as exc:
            self.messages.setPlainText(refusal_text(exc))
            return
        self._fill_columns()
        self.rebuild()

    def rebuild(self, result: RunSheetImport | None = None) -> None:
        """Preview the table with its current columns (``result``: already built off the
        UI thread) and the change list it makes to the show."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.preview_model.clear()
        self.changes.clear()
        if self.table is None:
            return
        try:
            if result is None:
                result = rs.build(self.table)
            # The same plan as Import makes (on copies): its checks, and its change list.
            plan = rs.plan(self.session, result)
        except RunSheetImportError as exc:
            self.result_ = None
            self.messages.setPlainText(refusal_text(exc))
            ok.setEnabled(False)
            return
        self.result_ = result
        self.changes.setPlainText("\n".join(change_lines(plan.diff)) or nothing_changes())
        self.preview_model.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Start"), self.tr("Duration"), self.tr("Title"), self.tr("Kind"), self.tr("Speaker"),
             self.tr("Organisation"), self.tr("Notes")]
        )  # fmt: skip
        for seg, row, data in zip(result.segments, result.rows, rs.preview(result)["segments"],
                                  strict=True):  # fmt: skip
            kind = QStandardItem(kind_icon(seg.kind), kind_label(seg.kind))
            start = (data["planned_start"] or "") + (" ⚑" if seg.hard_start else "")
            cells = [str(row), start, format_duration(seg.planned_duration_s), seg.title]
            items = [QStandardItem(c) for c in cells] + [kind] + [
                QStandardItem(seg.speaker), QStandardItem(seg.organisation),
                QStandardItem(seg.notes),
            ]  # fmt: skip
            self.preview_model.appendRow(items)
        lines = [self.tr("{0} segments from {1}").format(len(result.segments), result.path.name)]
        lines += result.warnings
        self.messages.setPlainText("\n".join(lines))
        ok.setEnabled(True)

    @classmethod
    def run(cls, editor, path: str | None = None) -> ImportDialog | None:
        if path is None:
            path = choose_spreadsheet(
                editor, QCoreApplication.translate("RunSheetEditor", "Import a run sheet")
            )
            if path is None:
                return None
        dialog = cls(None, editor.session, editor)
        dialog.accepted.connect(lambda: import_into(editor, dialog.result_))
        dialog.unreadable.connect(lambda message: _refused(editor, dialog, message))
        # Not modal, and over the pages: the timer stays in sight and under the keys.
        pages = pages_of(editor)
        if pages is not None:
            place_below_live_panel(dialog, pages)
        dialog.show()
        dialog.load(path)
        return dialog


def _refused(editor, dialog: ImportDialog, message: str) -> None:
    """A file that cannot be read: said in the editor, as before a dialog was shown."""
    editor.show_message(message)
    dialog.reject()
    dialog.deleteLater()


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file contents are untrusted
    label.setContentsMargins(4, 0, 4, 0)
    return label


def import_into(editor, result: RunSheetImport | None) -> bool:
    """Update the editor's run sheet from an import (undoable) by ``plan_import``'s rule:
    what the file has no column for is kept; during a show, what has run and the segment
    on air stay in place."""
    if result is None:
        return False
    # Planned again there: the show may have moved on since the dialog opened.
    ok = editor.attempt(lambda: rs.apply_import(editor.session, result))
    if ok:
        editor.status.emit(
            QCoreApplication.translate("RunSheetEditor", "Run sheet imported from {0}").format(
                result.path.name
            )
        )
    return ok
