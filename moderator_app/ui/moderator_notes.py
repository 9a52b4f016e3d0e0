"""Notes to the moderator from a producer (the network's /backstage, or any process that
journals ``note.sent``): a strip the moderator cannot miss, and R to acknowledge.

The strip floats over the right of the tab row, out of every layout: a note arriving
mid-show never moves the big figure, the buttons or the pages (a row inserted above the
pages would shift the tab bar under the moderator's mouse). It stays until the note is
read; with several unread notes it shows the oldest and how many wait. The console learns
of a note through the file poll (``Changes.notes``), within MainWindow.POLL_MS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from moderator_app.app import notes as notes_app
from moderator_app.app.errors import ShowFileError
from moderator_app.core.actions import Changes
from moderator_app.ui.formatting import clock_time, show_zone
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.widgets import plain_label

if TYPE_CHECKING:
    from moderator_app.ui.main_window import MainWindow

READ_KEY = "R"  # free everywhere: not a live key, nor a Questions or run sheet key
STRIP_MARGIN = 6  # from the last tab and the window's right edge


def attach(window: MainWindow) -> ModeratorNotes:
    return ModeratorNotes(window)


class NotesStrip(QFrame):
    """The oldest unread note: who and when, the text (plain, wrapped), the count, a button."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("NotesStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # Amber with near-black text (well over 4.5:1), a dark orange border: not a
        # colour any other part of the console uses.
        self.setStyleSheet(
            "#NotesStrip{background:#ffca28;border:2px solid #e65100;border-radius:4px;}"
            "QLabel{color:#1b1b1b;}"
        )
        self.head = plain_label(10, bold=True)
        self.head.setObjectName("NoteHead")
        self.text = plain_label(11)
        self.text.setObjectName("NoteText")
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count = plain_label(10, bold=True)
        self.count.setObjectName("NoteCount")
        self.read_button = QPushButton()
        self.read_button.setObjectName("NoteRead")
        self.read_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # R and Space stay show keys
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 4, 3)
        row.setSpacing(10)
        row.addWidget(self.head, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def height_for(self, width: int) -> int:
        """The strip's height at ``width``: every line of the note, none cut."""
        layout = self.layout()
        margins = layout.contentsMargins()
        fixed = sum(w.sizeHint().width() for w in (self.head, self.count, self.read_button))
        spacing = layout.spacing() * 3
        text_width = max(80, width - fixed - spacing - margins.left() - margins.right() - 4)
        text_height = self.text.heightForWidth(text_width)
        inner = max(text_height, self.read_button.sizeHint().height(),
                    self.head.sizeHint().height())  # fmt: skip
        return inner + margins.top() + margins.bottom() + 4


class ModeratorNotes(QObject):
    """Follows the show's notes; R (or the strip's button) marks the oldest unread as read."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.unread: list[notes_app.Note] = []
        self.pages = window.pages
        self.strip = NotesStrip(self.pages)
        self.strip.read_button.clicked.connect(self.read_oldest)
        self.action = QAction(window)
        self.action.setObjectName("action_read_note")
        self.action.setShortcut(QKeySequence(READ_KEY))
        # Shown in the menu and the help; ShowKeys handles the key (never while typing).
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.action.triggered.connect(self.read_oldest)
        window.keys.bind(READ_KEY, self.read_oldest)
        menu = window.menu("show")
        menu.addSeparator()
        menu.addAction(self.action)
        self.actions = {"read_note": self.action}
        self.pages.installEventFilter(self)
        self.pages.tabBar().installEventFilter(self)
        window.installEventFilter(self)
        self.session.subscribe_changes(self._on_change)
        self.retranslate()
        self.reload()

    # -- following the show ----------------------------------------------------------------
    def _on_change(self, change: Changes) -> None:
        if change.notes:
            self.reload()

    def reload(self) -> None:
        try:
            self.unread = notes_app.unread(self.session)
        except ShowFileError as exc:
            self.window.show_error(refusal_text(exc))
            return
        self._fill()

    def read_oldest(self) -> None:
        if not self.unread:
            self.window.show_status(self.tr("There is no unread note from the producer"))
            return
        if self.session.readonly:
            self.window.show_error(self.tr("This show is open read-only here."))
            return
        oldest = self.unread[0]
        try:
            notes_app.mark_read(self.session, oldest.seq)
        except (ShowFileError, notes_app.NoteError) as exc:
            self.window.show_error(refusal_text(exc))
            return
        self.reload()  # the fold announced it already; a second look costs one query

    # -- the strip ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.action.setText(self.tr("Mark the producer's &note as read"))
        tip = self.tr("Acknowledge the oldest unread note from the producer")
        self.action.setStatusTip(tip)
        self.action.setToolTip(f"{tip} ({READ_KEY})")
        self.strip.read_button.setText(self.tr("Read ({0})").format(READ_KEY))
        self.strip.read_button.setToolTip(tip)
        self._fill()

    def _fill(self) -> None:
        strip = self.strip
        if not self.unread:
            strip.hide()
            return
        oldest = self.unread[0]
        at = clock_time(oldest.at, show_zone(self.session.show))
        if oldest.sender:
            strip.head.setText(self.tr("✉ Note from {0} · {1}").format(oldest.sender, at))
        else:
            strip.head.setText(self.tr("✉ Note from the producer · {0}").format(at))
        strip.text.setText(oldest.text)
        waiting = len(self.unread)
        strip.count.setText(self.tr("{0} unread").format(waiting) if waiting > 1 else "")
        strip.count.setVisible(waiting > 1)
        self.place()
        strip.show()
        strip.raise_()

    def place(self) -> None:
        """Right of the last tab, to the window's right edge, as tall as the note needs."""
        bar = self.pages.tabBar()
        # The bar spans the whole width; its tabs end at the last tab's right edge.
        last = (
            bar.tabRect(bar.count() - 1)
            if bar.count()
            else bar.rect().adjusted(0, 0, -bar.width(), 0)
        )
        left = bar.mapTo(self.pages, last.topRight()).x() + STRIP_MARGIN
        width = max(200, self.pages.width() - left - STRIP_MARGIN)
        height = max(bar.height(), self.strip.height_for(width))
        self.strip.setGeometry(left, 1, width, height)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and self.strip.isVisible():
            self.place()
        return False
