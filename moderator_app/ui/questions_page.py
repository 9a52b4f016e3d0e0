"""The question queue page: search, filters, counts, the table, the on-air panel.

Keys (only while the table has focus, so typing in the search box never triggers them):
S shortlist / back to new, D dismiss / restore, F star, Enter put on air, A answered,
E edit, Ctrl+Up / Ctrl+Down move in the manual order. Ctrl+Enter takes the next
shortlisted question and Ctrl+V pastes questions copied from a chat, from anywhere on the
page except a text field (the search box keeps its own paste).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app.errors import QuestionError, ShowFileError
from moderator_app.app.questions import QuestionBook
from moderator_app.app.questions import unlink_all as unlink_all_sources
from moderator_app.core.questions import QState, Question
from moderator_app.ui.i18n import follow_language
from moderator_app.ui.keys import is_typing_target
from moderator_app.ui.questions_dialogs import DuplicatesDialog, QuestionDialog
from moderator_app.ui.questions_import import ImportDialog, SourceWatcher
from moderator_app.ui.questions_model import (
    COL_ASKER,
    COL_ORDER,
    COL_ORG,
    COL_SPEAKER,
    COL_STAR,
    COL_STATE,
    COL_TAGS,
    COL_TEXT,
    COL_TIME,
    COL_VOTES,
    QuestionFilterProxy,
    QuestionTableModel,
    state_label,
)
from moderator_app.ui.questions_onair import OnAirPanel, who_line
from moderator_app.ui.questions_paste import PasteDialog, clipboard_text
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.widgets import pages_of, place_below_live_panel

if TYPE_CHECKING:  # only named in signatures; app.show re-exports it (issue 11's app-show)
    from moderator_app.app.show import ShowSession


class QuestionsPage(QWidget):
    def __init__(self, session: ShowSession, book: QuestionBook | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuestionsPage")
        self.session = session
        self.book = book or QuestionBook(session)
        self.on_error: Callable[[str], None] = self._default_error
        self.on_status: Callable[[str], None] = lambda text: None
        self.model = QuestionTableModel(self.book.queue, self)
        self.model.local_zone = session.show.tz
        self.proxy = QuestionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.moveRequested.connect(self._move)

        self.search = QLineEdit()
        self.search.setObjectName("QuestionSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)

        self.state_buttons: dict[str, QToolButton] = {}
        filters = QHBoxLayout()
        filters.setSpacing(4)
        for key in ("all", *[s.value for s in QState]):
            button = QToolButton()
            button.setObjectName(f"Filter_{key}")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setChecked(key == "all")
            button.clicked.connect(lambda _=False, k=key: self._filter_state(k))
            self.state_buttons[key] = button
            filters.addWidget(button)
        self.speaker_filter = QComboBox()
        self.speaker_filter.setObjectName("SpeakerFilter")
        self.speaker_filter.currentIndexChanged.connect(
            lambda _: self.proxy.set_speaker(self.speaker_filter.currentData()))
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("TagFilter")
        self.tag_filter.currentIndexChanged.connect(
            lambda _: self.proxy.set_tag(self.tag_filter.currentData()))
        filters.addStretch(1)
        filters.addWidget(self.speaker_filter)
        filters.addWidget(self.tag_filter)

        self.table = QTableView()
        self.table.setObjectName("QuestionTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_ORDER, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_ORDER, 44), (COL_STAR, 28), (COL_STATE, 118), (COL_ASKER, 140),
                           (COL_ORG, 120), (COL_VOTES, 50), (COL_TIME, 86), (COL_SPEAKER, 90),
                           (COL_TAGS, 80)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.proxy.modelAboutToBeReset.connect(self._remember_selection)
        self.proxy.modelReset.connect(self._restore_selection)
        self._kept_ids: list[str] = []

        self.counts = QLabel()
        self.counts.setObjectName("QuestionCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)

        self.onair = OnAirPanel(self.book)
        self.onair.takeNextRequested.connect(self.take_next)
        self.onair.answeredRequested.connect(self.answered)

        # Two rows: in French the buttons of one row would not fit a 1366-pixel laptop.
        actions = QHBoxLayout()
        more = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, _tip, slot in self._button_specs():
            button = QPushButton(text)
            button.setObjectName(f"Button_{key}")
            button.clicked.connect(slot)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keyboard in the table
            self.buttons[key] = button
            (more if key in ("edit", "add", "duplicates") else actions).addWidget(button)
        actions.addStretch(1)
        more.addStretch(1)
        more.addWidget(self.counts)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)
        left_layout.addLayout(more)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.onair)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self._table_keys()
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self._guarded(self.take_next),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # A text field takes Ctrl+V first (its shortcut override), so the search box
        # pastes into itself; anywhere else on the page it pastes questions.
        self.paste_dialog: PasteDialog | None = None
        QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self,
                  self._guarded(self.paste_questions),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Ctrl+Z here undoes the last decision on the questions (the timer's Ctrl+Z is the
        # window's); a text field keeps its own Ctrl+Z (it takes the shortcut first).
        for seq, slot in (("Ctrl+Z", self.undo), ("Ctrl+Shift+Z", self.redo),
                          ("Ctrl+Y", self.redo)):
            QShortcut(QKeySequence(seq), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.book.subscribe(self._on_book)
        self.retranslate()

    def _button_specs(self) -> list[tuple[str, str, str, Callable[[], None]]]:
        """(key, text, tooltip, slot) of each button, in the current language."""
        return [
            ("shortlist", self.tr("Shortlist (S)"), self.tr("Shortlist, or back to new"),
             self.toggle_shortlist),
            ("dismiss", self.tr("Dismiss (D)"), self.tr("Dismiss, or restore"),
             self.toggle_dismiss),
            ("star", self.tr("★ Star (F)"), self.tr("Star or unstar"), self.toggle_star),
            ("air", self.tr("On air (Enter)"), self.tr("Put this question on air now"),
             self.put_on_air),
            ("up", "▲", self.tr("Move up (Ctrl+Up)"), lambda: self.move_selected(-1)),
            ("down", "▼", self.tr("Move down (Ctrl+Down)"), lambda: self.move_selected(1)),
            ("edit", self.tr("Edit… (E)"), self.tr("Edit the question"), self.edit_selected),
            ("add", self.tr("Add…"), self.tr("Add a question by hand (from the chat)"),
             self.add_question),
            ("duplicates", self.tr("Duplicates…"), self.tr("Merge questions asked twice"),
             self.show_duplicates),
        ]

    def retranslate(self) -> None:
        """Every text of the page in the current language (at start and on a switch)."""
        self.search.setPlaceholderText(self.tr("Search questions, askers, notes… (Ctrl+F)"))
        for key, text, tip, _slot in self._button_specs():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self.table.viewport().update()  # cells (states' names) are asked again as painted
        self.refresh_filters()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(event)

    # -- keys -------------------------------------------------------------------------------------
    def _table_keys(self) -> None:
        # WidgetShortcut: the keys belong to the table alone, never to the search box.
        for seq, slot in (
            ("S", self.toggle_shortlist), ("D", self.toggle_dismiss), ("Delete",
                                                                        self.toggle_dismiss),
            ("F", self.toggle_star), ("*", self.toggle_star), ("Return", self.put_on_air),
            ("Enter", self.put_on_air), ("A", self.answered), ("E", self.edit_selected),
            ("Ctrl+Up", lambda: self.move_selected(-1)),
            ("Ctrl+Down", lambda: self.move_selected(1)),
        ):
            QShortcut(QKeySequence(seq), self.table, slot,
                      context=Qt.ShortcutContext.WidgetShortcut)

    def _guarded(self, slot: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            if not is_typing_target(QApplication.focusWidget(), Qt.Key.Key_Return):
                slot()
        return run

    # -- following the book -------------------------------------------------------------------------
    def _on_book(self, kind: str, questions: list[Question]) -> None:
        if kind == "reset":
            self.model.reset()
        else:
            self.model.questions_changed(questions)
        self.onair.refresh()
        self.refresh_filters()

    def refresh_filters(self) -> None:
        counts = self.book.queue.counts()
        total = sum(counts.values())
        self.state_buttons["all"].setText(self.tr("All {0}").format(total))
        for state in QState:
            self.state_buttons[state.value].setText(f"{state_label(state)} {counts[state.value]}")
        shown = self.proxy.total_rows()
        self.counts.setText(self.tr("{0} shown of {1}").format(shown, total))
        speakers, tags = self.book.queue.speakers(), self.book.queue.tags()
        self._fill_combo(self.speaker_filter, self.tr("All speakers"), speakers)
        self._fill_combo(self.tag_filter, self.tr("All tags"), tags)
        # Empty columns give their room to the question text (a Zoom report has no votes,
        # a form no organisation): any() stops at the first question that has one.
        questions = self.book.queue.ordered()
        self.table.setColumnHidden(COL_SPEAKER, not speakers)
        self.table.setColumnHidden(COL_TAGS, not tags)
        self.table.setColumnHidden(COL_ORG, not any(q.organisation for q in questions))
        self.table.setColumnHidden(COL_VOTES, not any(q.votes is not None for q in questions))
        self.table.setColumnHidden(COL_TIME, not any(q.submitted_at for q in questions))

    @staticmethod
    def _fill_combo(combo: QComboBox, all_text: str, values: list[str]) -> None:
        current = combo.currentData()
        existing = [combo.itemData(i) for i in range(1, combo.count())]
        if existing == values and combo.count():
            combo.setItemText(0, all_text)  # the language may have changed
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, None)
        for value in values:
            combo.addItem(value, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.setVisible(bool(values))

    def _filter_state(self, key: str) -> None:
        self.proxy.set_states(None if key == "all" else {key})
        self.refresh_filters()

    def _remember_selection(self) -> None:
        self._kept_ids = self.selected_ids()

    def _restore_selection(self) -> None:
        selection = self.table.selectionModel()
        first = True
        for qid in self._kept_ids:
            row = self.proxy.row_of(qid)
            if row is None or row >= self.proxy.rowCount():
                continue
            flags = QItemSelectionModel.SelectionFlag.Rows | (
                QItemSelectionModel.SelectionFlag.ClearAndSelect if first
                else QItemSelectionModel.SelectionFlag.Select)
            index = self.proxy.index(row, COL_TEXT)
            selection.select(index, flags)
            if first:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            first = False
        self.counts.setText(self.tr("{0} shown of {1}").format(self.proxy.total_rows(),
                                                                len(self.book.queue)))

    # -- selection ----------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            current = self.table.currentIndex()
            rows = [current.row()] if current.isValid() else []
        return [self.proxy.question_at(r).id for r in rows if r < self.proxy.total_rows()]

    def select_id(self, qid: str) -> None:
        row = self.proxy.row_of(qid)
        if row is None:
            return
        while row >= self.proxy.rowCount() and self.proxy.canFetchMore(QModelIndex()):
            self.proxy.fetchMore(QModelIndex())
        index = self.proxy.index(row, COL_TEXT)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    # -- operations ---------------------------------------------------------------------------------
    def _run(self, operation: Callable[[], object]) -> bool:
        if self.session.readonly:
            self.on_error(self.tr("This show is open read-only here."))
            return False
        try:
            operation()
        except (QuestionError, ShowFileError) as exc:
            self.on_error(refusal_text(exc))
            return False
        return True

    def _each(self, decide: Callable[[Question], object]) -> None:
        ids = self.selected_ids()
        if not ids:
            self.on_error(self.tr("Select a question first."))
            return

        def apply() -> None:
            for qid in ids:
                decide(self.book.queue.get(qid))

        self._run(apply)

    def undo(self) -> None:
        """Undo the latest decision (state, star, edit, order, merge, added question)."""
        if not self.book.history.can_undo():
            self.on_error(self.tr("Nothing to undo in the questions"))
            return
        if self._run(self.book.undo):
            self.on_status(self.tr("Undone"))

    def redo(self) -> None:
        if not self.book.history.can_redo():
            self.on_error(self.tr("Nothing to redo in the questions"))
            return
        if self._run(self.book.redo):
            self.on_status(self.tr("Redone"))

    def toggle_shortlist(self) -> None:
        def decide(q: Question) -> None:
            target = QState.NEW if q.state is QState.SHORTLISTED else QState.SHORTLISTED
            self.book.set_state(q.id, target)
        self._each(decide)

    def toggle_dismiss(self) -> None:
        def decide(q: Question) -> None:
            target = QState.NEW if q.state is QState.DISMISSED else QState.DISMISSED
            self.book.set_state(q.id, target)
        self._each(decide)

    def toggle_star(self) -> None:
        self._each(lambda q: self.book.edit(q.id, starred=not q.starred))

    def put_on_air(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._run(lambda: self.book.set_state(ids[0], QState.ON_AIR))

    def take_next(self) -> None:
        self._run(self.book.take_next)

    def answered(self) -> None:
        self._run(self.book.answered)

    def move_selected(self, step: int) -> None:
        """One place up or down among the visible questions (Ctrl+Up / Ctrl+Down)."""
        ids = self.selected_ids()
        if not ids:
            return
        visible = self.proxy.visible_ids()
        rows = [visible.index(i) for i in ids]
        if step < 0:
            if min(rows) == 0:
                return
            before: str | None = visible[min(rows) - 1]
        else:
            if max(rows) + 1 >= len(visible):
                return
            before = self.proxy.before_for_drop(ids, max(rows) + 2)
        self._move(ids, before)

    def _move(self, ids: list[str], before: object) -> None:
        if not self.proxy.sorted_by_order():
            self.on_error(self.tr("Sort by # to change the order."))
            return
        if self._run(lambda: self.book.move(ids, before)):  # type: ignore[arg-type]
            self._reselect(ids)

    def _reselect(self, ids: list[str]) -> None:
        self._kept_ids = ids
        self._restore_selection()

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        q = self.book.queue.get(ids[0])
        dialog = QuestionDialog(self.session.show, q, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._run(lambda: self.book.edit(q.id, **dialog.values()))
        finally:
            dialog.deleteLater()  # a closed dialog kept hidden would keep its old language

    def add_question(self) -> None:
        dialog = QuestionDialog(self.session.show, None, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                question = dialog.new_question(self.session.clock.now())
                if self._run(lambda: self.book.add(question)):
                    self.select_id(question.id)
        finally:
            dialog.deleteLater()

    def show_duplicates(self) -> None:
        dialog = DuplicatesDialog(self.book.queue, self)
        try:
            if dialog.list.count() == 0:
                self.on_status(self.tr("No duplicate questions found."))
                return
            if dialog.exec() == QDialog.DialogCode.Accepted:
                for keep, dup in dialog.chosen():
                    if not self._run(lambda k=keep, d=dup: self.book.merge(k, d)):
                        break
        finally:
            dialog.deleteLater()

    def paste_questions(self) -> PasteDialog | None:
        """Read the clipboard's text into the Paste questions dialog (opened over the pages,
        below the live panel, not modal). A clipboard with no text to read (empty, an image,
        binary data, too much) is said in one line; an open dialog keeps what it shows."""
        text, problem = clipboard_text(QApplication.clipboard().mimeData())
        dialog = self.paste_dialog
        if text is None:
            self.on_error(problem)
            if dialog is not None:
                dialog.say_error(problem)
            return dialog
        if dialog is None:
            dialog = self.paste_dialog = PasteDialog(self.book, self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.on_paste = self.paste_questions
            dialog.added.connect(lambda merge: self.on_status(
                dialog.summary(merge.added, merge.present)))
            dialog.destroyed.connect(lambda *_: setattr(self, "paste_dialog", None))
            pages = pages_of(self)
            if pages is not None:
                place_below_live_panel(dialog, pages)
            dialog.show()  # not modal: the show goes on while the moderator pastes
        dialog.raise_()
        dialog.activateWindow()
        dialog.load_text(text)
        return dialog

    def _default_error(self, text: str) -> None:
        self.counts.setText(text)


class QuestionsFeature(QObject):
    """The queue page, its import dialog and file watcher, wired into the main window."""

    def __init__(self, window, live=None) -> None:
        super().__init__(window)
        self.window = window
        self.page = QuestionsPage(window.session, parent=None)
        self.page.on_error = window.show_error
        self.page.on_status = window.show_status
        self.book = self.page.book
        self.watcher = SourceWatcher(self.book, self)
        self.watcher.merged.connect(self._merged)
        self.watcher.failed.connect(window.show_error)
        self.book.subscribe(lambda kind, qs: self.watcher.sync() if kind == "reset" else None)
        window.add_page(self.page, lambda: self.tr("Questions"))
        window.ticked.connect(self.page.onair.update_snapshot)
        self._follow_on_stage(live)
        menu = window.menu("questions")
        actions = []
        for slot, keys in (
            (lambda: self.open_import(), ""),
            (self.paste_questions, "Ctrl+V"),
            (self.page.add_question, ""),
            (self.page.take_next, "Ctrl+Return"),
            (self.page.answered, ""),
            (self.page.show_duplicates, ""),
            (self.page.undo, "Ctrl+Z"),
            (self.page.redo, "Ctrl+Shift+Z"),
            (self.unlink_all, ""),
        ):
            action = QAction(window)
            if keys:
                action.setShortcut(QKeySequence(keys))
                # Shown in the menu; the page's own shortcut handles the key.
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            actions.append(action)

        def retranslate() -> None:
            texts = (
                self.tr("&Import questions…"),
                self.tr("&Paste questions…"),
                self.tr("&Add a question…"),
                self.tr("&Take next question"),
                self.tr("Mark &answered"),
                self.tr("Possible &duplicates…"),
                self.tr("&Undo on the questions"),
                self.tr("&Redo on the questions"),
                self.tr("&Stop watching linked files"),
            )
            for action, text in zip(actions, texts, strict=True):
                action.setText(text)

        follow_language(window, retranslate)

    def _follow_on_stage(self, live) -> None:
        """The on-air question goes to the stage display when the moderator chooses so."""
        box = self.page.onair.on_stage
        self.live = live
        if live is None:  # no stage display in this window
            box.hide()
            return
        decided = live.session.engine.stage_question  # this show's choice, journaled
        box.setChecked(live.prefs.stage_question if decided is None else decided)
        self.page.onair.stageToggled.connect(live.set_stage_question)
        self.book.subscribe(lambda _kind, _qs: self.push_on_air())
        self.push_on_air()

    def push_on_air(self) -> None:
        q = self.book.queue.on_air()
        self.live.set_on_air_question((q.text, who_line(q)) if q is not None else None)

    def open_import(self, path: str | os.PathLike | None = None) -> ImportDialog:
        """The import dialog, reading ``path`` (a dropped file) or asking for a file."""
        dialog = ImportDialog(self.book, self.window)
        dialog.imported.connect(lambda *_: self.watcher.sync())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        place_below_live_panel(dialog, self.window.pages)
        dialog.show()  # not modal: the show goes on while the moderator imports
        if path is None:
            dialog.browse()
        else:
            dialog.load(path)
        return dialog

    def paste_questions(self) -> PasteDialog | None:
        """The menu's "Paste questions…": from any tab, on the Questions tab."""
        self.window.pages.setCurrentWidget(self.page)
        return self.page.paste_questions()

    def unlink_all(self) -> None:
        unlink_all_sources(self.book)
        self.watcher.sync()
        self.window.show_status(self.tr("No file is watched any more."))

    def _merged(self, path: str, added: int) -> None:
        if added:
            self.window.show_status(
                self.tr("{0} new question(s) from {1}").format(added, Path(path).name))


def attach(window, live=None) -> QuestionsFeature:
    """Add the Questions page and menu to the console's main window; ``live``, the live
    console (None without one), shows the question on air on the stage display."""
    return QuestionsFeature(window, live)
