"""Pasting questions from a chat or a Q&A panel: the clipboard's text -> what was found
-> the queue.

What the text holds (its format, its messages, which look like questions and why) is
``app.questions``'s; this module shows it and lets the moderator override the rule line
by line. A large paste is read through ``ui.ops`` (off the UI thread) so the console
never freezes; the preview is a model over the messages (only the rows on screen are
ever formatted), so thousands of messages cost nothing to show. Only the merge into the
show runs on the UI thread, as every question import's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app.errors import USER_ERRORS
from moderator_app.app.questions import (
    QuestionBook,
    machine_zone,
    paste_into,
    read_chat,
    show_day,
)
from moderator_app.core.chat import MAX_CHAT_CHARS, ChatError, ChatParse, check_text
from moderator_app.ui.formatting import clock_time
from moderator_app.ui.ops import Operation, run_op
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.widgets import ERROR_COLOUR, plain_tooltip

# Under this many characters (about 100 messages) the text is read on the UI thread, in
# about 2 ms measured; longer text off it (1 MB, 13,000 messages, reads in about 140 ms).
OFF_THREAD_CHARS = 10_000
UNREADABLE_SHOWN = 200  # lines listed; the rest are counted (a megabyte of noise stays light)
BINARY_SAMPLE = 65_536  # characters looked at to tell binary data from text

FORMAT_LABELS = {
    "zoom_chat": QT_TRANSLATE_NOOP("PasteDialog", "Zoom chat"),
    "zoom_chat_old": QT_TRANSLATE_NOOP("PasteDialog", "Zoom chat"),
    "zoom_qa_panel": QT_TRANSLATE_NOOP("PasteDialog", "Zoom Q&A panel"),
    "teams": QT_TRANSLATE_NOOP("PasteDialog", "Teams"),
    "meet": QT_TRANSLATE_NOOP("PasteDialog", "Google Meet"),
    "plain": QT_TRANSLATE_NOOP("PasteDialog", "Plain text"),
}
REASON_LABELS = {
    "question_mark": QT_TRANSLATE_NOOP("PasteDialog", "Question mark"),
    "interrogative": QT_TRANSLATE_NOOP("PasteDialog", "Opens like a question"),
    "prefix": QT_TRANSLATE_NOOP("PasteDialog", "“Question:” prefix"),
    "too_short": QT_TRANSLATE_NOOP("PasteDialog", "Too short"),
    "greeting": QT_TRANSLATE_NOOP("PasteDialog", "Greeting or thanks"),
    "plus_one": QT_TRANSLATE_NOOP("PasteDialog", "“+1”"),
    "no_question": QT_TRANSLATE_NOOP("PasteDialog", "No question mark or question word"),
}

COL_INCLUDE, COL_ASKER, COL_TIME, COL_TEXT, COL_PRIVATE, COL_WHY = range(6)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PasteDialog", text)


def format_label(name: str) -> str:
    return _tr(FORMAT_LABELS.get(name, name))


def reason_label(code: str) -> str:
    return _tr(REASON_LABELS.get(code, code))


def clipboard_text(mime: QMimeData | None) -> tuple[str | None, str]:
    """The clipboard's text, or None and the one line that says why there is none to read
    (empty, an image, binary data, more than a chat can hold)."""
    translate = QCoreApplication.translate
    text = mime.text() if mime is not None and mime.hasText() else ""
    if not text.strip():
        if mime is not None and mime.hasImage():
            return None, translate("PasteDialog", "The clipboard holds an image, not text: "
                                   "copy the chat's text, then press Ctrl+V.")
        if mime is not None and mime.formats():
            return None, translate("PasteDialog", "The clipboard holds no text: copy the "
                                   "chat or the Q&A panel's text, then press Ctrl+V.")
        return None, translate("PasteDialog", "The clipboard is empty: copy the chat or the "
                               "Q&A panel, then press Ctrl+V.")
    if looks_binary(text):
        return None, translate("PasteDialog", "The clipboard holds binary data, not a chat's "
                               "text: nothing was read.")
    if len(text) > MAX_CHAT_CHARS:
        return None, translate("PasteDialog", "The clipboard holds {0} MB of text, more than "
                               "a chat ({1} MB at most): copy a part of it.").format(
            _megabytes(len(text)), _megabytes(MAX_CHAT_CHARS))
    return text, ""


def looks_binary(text: str) -> bool:
    """Text that is really bytes, by the chat reader's own rule (``core.chat.check_text``)
    applied to the first part only: the UI thread never scans a megabyte."""
    sample = text[:BINARY_SAMPLE]
    if not sample.strip():
        return False
    try:
        check_text(sample)
    except ChatError:
        return True
    return False


def _megabytes(chars: int) -> str:
    return f"{chars / 1_000_000:.1f}"


class PasteModel(QAbstractTableModel):
    """The messages of one parse: a tick per message (the rule's choice until the
    moderator overrides it), only those shown that look like questions unless all are
    asked for. Cells are formatted when drawn, never ahead."""

    includeChanged = Signal()

    def __init__(self, zone: tzinfo, parent=None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.parse: ChatParse | None = None
        self.include: set[int] = set()
        self.show_all = False
        self._rows: list[int] = []

    def set_parse(self, parse: ChatParse | None) -> None:
        self.beginResetModel()
        self.parse = parse
        messages = parse.messages if parse is not None else ()
        self.include = {i for i, m in enumerate(messages) if m.question}
        self._rows = self._shown()
        self.endResetModel()

    def set_show_all(self, show_all: bool) -> None:
        self.beginResetModel()
        self.show_all = show_all
        self._rows = self._shown()
        self.endResetModel()

    def _shown(self) -> list[int]:
        if self.parse is None:
            return []
        if self.show_all:
            return list(range(len(self.parse.messages)))
        # A message the moderator ticked stays in view when the others are hidden again;
        # one unticked stays too until the view is refilled (it must be easy to re-tick).
        return [i for i, m in enumerate(self.parse.messages) if m.question or i in self.include]

    def message_index(self, row: int) -> int:
        return self._rows[row]

    def row_of(self, message: int) -> int | None:
        try:
            return self._rows.index(message)
        except ValueError:
            return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ("", self.tr("Asked by"), self.tr("Time"), self.tr("Message"),
                self.tr("Private"), self.tr("Why"))[section]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_INCLUDE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.parse is None or not index.isValid() or index.row() >= len(self._rows):
            return None
        i = self._rows[index.row()]
        m = self.parse.messages[i]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_INCLUDE:
            return Qt.CheckState.Checked if i in self.include else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_ASKER:
                return m.asker or ""
            if col == COL_TIME:
                return clock_time(m.at, self.zone) if m.at is not None else ""
            if col == COL_TEXT:
                return " ".join(m.text.split())
            if col == COL_PRIVATE:
                return self.tr("Private") if m.private else ""
            if col == COL_WHY:
                why = reason_label(m.reason)
                if (i in self.include) != m.question:
                    return (self.tr("{0}; ticked by you") if i in self.include
                            else self.tr("{0}; unticked by you")).format(why)
                return why
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TEXT:
                return plain_tooltip(m.text)
            if col == COL_PRIVATE and m.private:
                return self.tr("Sent privately to you, not to everyone")
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != COL_INCLUDE:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[arg-type]
        self.set_included([self._rows[index.row()]], checked)
        return True

    def set_included(self, messages: list[int], included: bool) -> None:
        for i in messages:
            if included:
                self.include.add(i)
            else:
                self.include.discard(i)
            row = self.row_of(i)
            if row is not None:
                self.dataChanged.emit(self.index(row, COL_INCLUDE), self.index(row, COL_WHY))
        self.includeChanged.emit()


class PasteDialog(QDialog):
    """What the pasted text holds, the messages ticked that go into the queue, and Add."""

    added = Signal(object)  # the merge's outcome (added, present)

    def __init__(self, book: QuestionBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PasteDialog")
        self.book = book
        self.worker: Operation | None = None
        self.text = ""  # the text the preview shows (the one Add reads)
        self.on_paste: Callable[[], None] | None = None  # Ctrl+V in the dialog: read again
        self._status: Callable[[], str] = lambda: ""  # re-said in the new language
        self._status_error = False
        # Chat windows write the machine's clock: read on the show's day in its zone.
        self.read_zone = machine_zone()
        self.day = show_day(book, self.read_zone)

        self.detected = QLabel()
        self.detected.setObjectName("PasteFormat")
        self.detected.setTextFormat(Qt.TextFormat.PlainText)
        self.counts = QLabel()
        self.counts.setObjectName("PasteCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.detected)
        top.addStretch(1)
        top.addWidget(self.counts)

        self.model = PasteModel(book.session.show.tz, self)
        self.model.includeChanged.connect(self._include_changed)
        self.table = QTableView()
        self.table.setObjectName("PastePreview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_INCLUDE, 30), (COL_ASKER, 140), (COL_TIME, 70),
                           (COL_PRIVATE, 60), (COL_WHY, 190)):
            self.table.setColumnWidth(col, width)
        # Space ticks or unticks the selected lines (the keyboard's override).
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.table, self.toggle_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.show_all = QCheckBox()
        self.show_all.setObjectName("PasteShowAll")
        self.show_all.toggled.connect(self.model.set_show_all)
        self.unreadable_label = QLabel()
        self.unreadable_label.setObjectName("PasteUnreadableLabel")
        self.unreadable_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unreadable = QPlainTextEdit()
        self.unreadable.setObjectName("PasteUnreadable")
        self.unreadable.setReadOnly(True)
        self.unreadable.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.unreadable.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.unreadable_label.hide()
        self.unreadable.hide()

        self.status = QLabel()
        self.status.setObjectName("PasteStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("PasteAdd")
        self.add_button.setEnabled(False)
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_to_queue)
        self.close_button = QPushButton()
        self.close_button.setObjectName("PasteClose")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_all)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unreadable_label)
        layout.addWidget(self.unreadable)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(900, 460)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self, self._paste_again,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    # -- language -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language (at start and after a switch: the dialog
        stays open while the show goes on)."""
        self.setWindowTitle(self.tr("Paste questions"))
        self.show_all.setText(self.tr("Show all messages"))
        self.show_all.setToolTip(self.tr(
            "Greetings, thanks and “+1” are kept out of the queue; show them to tick one."))
        self.add_button.setText(self.tr("Add to the queue"))
        self.close_button.setText(self.tr("Close"))
        self.table.setToolTip(self.tr(
            "Tick a line to add it, untick it to leave it out (Space ticks the selected "
            "lines)."))
        self._show_parse_texts()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        self.table.viewport().update()  # cells (the reasons) are asked again as painted
        self._say(self._status, self._status_error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
        super().changeEvent(event)

    def _say(self, text: Callable[[], str], error: bool = False) -> None:
        self._status, self._status_error = text, error
        self.status.setStyleSheet(f"color:{ERROR_COLOUR};" if error else "")
        self.status.setText(text())

    def say_error(self, message: str) -> None:
        """A one-line refusal (a bad clipboard) in the dialog; what it shows stays."""
        self._say(lambda: message, error=True)

    # -- reading --------------------------------------------------------------------------------------
    def _paste_again(self) -> None:
        if self.on_paste is not None:
            self.on_paste()

    def load_text(self, text: str) -> None:
        """Read ``text``: at once when short, off the UI thread when long; the preview
        shown until then stays."""
        self._cancel_read()
        if len(text) <= OFF_THREAD_CHARS:
            try:
                parse = read_chat(text, day=self.day, tz=self.read_zone)
            except USER_ERRORS as exc:
                self.say_error(refusal_text(exc))
                return
            self._parsed(text, parse)
            return
        size = _megabytes(len(text))
        self._say(lambda: self.tr("Reading {0} MB of pasted text…").format(size))
        self.add_button.setEnabled(False)
        day, zone = self.day, self.read_zone
        started: list[Operation] = []

        def current() -> bool:
            return bool(started) and self.worker is started[0]

        def succeeded(parse: object) -> None:
            if current():
                self.worker = None
                self._parsed(text, parse)  # type: ignore[arg-type]

        def failed(message: str) -> None:
            if current():
                self.worker = None
                self.say_error(message)
                self.add_button.setEnabled(self._can_add())

        self.worker = run_op(lambda _progress: read_chat(text, day=day, tz=zone),
                             on_success=succeeded, on_failure=failed)
        started.append(self.worker)  # answers are queued: none arrives before this

    def _cancel_read(self) -> None:
        worker, self.worker = self.worker, None  # its late answer is not for this dialog
        if worker is not None:
            worker.cancel()

    def _parsed(self, text: str, parse: ChatParse) -> None:
        self.text = text
        self.model.set_parse(parse)
        shown = parse.unreadable[:UNREADABLE_SHOWN]
        rest = len(parse.unreadable) - len(shown)
        listing = "\n".join(shown)
        if rest > 0:
            listing += "\n" + self.tr("… and {0} more").format(rest)
        self.unreadable.setPlainText(listing)
        self.unreadable_label.setVisible(bool(parse.unreadable))
        self.unreadable.setVisible(bool(parse.unreadable))
        self._show_parse_texts()
        if not parse.messages:
            self._say(lambda: self.tr("No message was found in the pasted text."), True)
        elif not self.model.include:
            self._say(lambda: self.tr("No message looks like a question: tick the ones to "
                                      "add (Show all messages)."))
        else:
            self._say(lambda: "")
        self.add_button.setEnabled(self._can_add())

    def _show_parse_texts(self) -> None:
        parse = self.model.parse
        if parse is None:
            self.detected.setText(self.tr("Nothing pasted yet"))
            self.counts.setText("")
            return
        self.detected.setText(self.tr("Recognised: {0}").format(format_label(parse.format)))
        questions = sum(1 for m in parse.messages if m.question)
        self.counts.setText(self.tr("{0} message(s), {1} look like questions, {2} ticked")
                            .format(len(parse.messages), questions, len(self.model.include)))
        self.unreadable_label.setText(
            self.tr("{0} line(s) could not be read (nothing is added from them):")
            .format(len(parse.unreadable)))

    def _include_changed(self) -> None:
        self._show_parse_texts()
        self.add_button.setEnabled(self._can_add())

    def _can_add(self) -> bool:
        return (self.worker is None and not self.book.session.readonly
                and bool(self.model.include))

    def toggle_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        messages = [self.model.message_index(r) for r in rows]
        if messages:
            tick = not all(i in self.model.include for i in messages)
            self.model.set_included(messages, tick)

    # -- adding -------------------------------------------------------------------------------------
    def add_to_queue(self) -> None:
        parse = self.model.parse
        if parse is None or not self._can_add():
            return
        try:  # the one merge path of pasted questions (app.questions)
            merge = paste_into(self.book, self.text, set(self.model.include), parse=parse)
        except USER_ERRORS as exc:  # the show file refused: nothing changed
            self.say_error(refusal_text(exc))
            return
        added, present = merge.added, merge.present
        self._say(lambda: self.summary(added, present))
        self.added.emit(merge)

    def summary(self, added: int, present: int) -> str:
        return self.tr("{0} question(s) added, {1} already in the queue").format(added, present)

    def wait_idle(self, ms: int = 10000) -> None:
        worker = self.worker
        if worker is not None:
            worker.wait(ms)
            QCoreApplication.sendPostedEvents()  # deliver its answer

    def done(self, result: int) -> None:
        # A read still running is left to end on its own (a parse cannot be interrupted,
        # and waiting would freeze the console); its answer is not heard.
        self._cancel_read()
        super().done(result)
