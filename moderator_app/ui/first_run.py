"""The first run: a short tour of the show keys, and the File and Help menu basics
(new from template, open, open recent, save as, about) and drag-and-drop of files.

``attach(window)`` wires it all into a main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app.show import (
    FILE_SUFFIX,
    QuestionListGiven,
    Role,
    Show,
    ShowFileError,
    backup_show,
    create_show,
    show_from_runsheet,
)
from moderator_app.app.show import (
    open_show as open_show_file,
)
from moderator_app.resources import default_show
from moderator_app.ui import recent
from moderator_app.ui.about import about_box
from moderator_app.ui.file_dialogs import (
    choose_spreadsheet,
    in_start_folder,
    remember_folder,
    start_folder,
)
from moderator_app.ui.i18n import follow_language
from moderator_app.ui.ops import Operation, run_op
from moderator_app.ui.refusals import refusal_text
from moderator_app.ui.settings import Settings

TOUR_DONE_KEY = "tour/done"
SPREADSHEET_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods"})
# Windows this module opened (switching shows); kept alive here, not by a parent.
_WINDOWS: list[QWidget] = []


def tour_steps() -> list[tuple[str, str]]:
    return [
        (
            QCoreApplication.translate("FirstRun", "Run the show from the keyboard"),
            QCoreApplication.translate(
                "FirstRun",
                "Space starts the show, then pauses and resumes the current segment. "
                "Every key works anywhere in the window, except while you type.",
            ),
        ),
        (
            QCoreApplication.translate("FirstRun", "Move between segments"),
            QCoreApplication.translate(
                "FirstRun",
                "→ or N goes to the next segment, ← or P back to the previous one. "
                "Double-click a row of the rundown to jump to it.",
            ),
        ),
        (
            QCoreApplication.translate("FirstRun", "Give or take time"),
            QCoreApplication.translate(
                "FirstRun",
                "+ adds a minute to the current segment and − takes one away. "
                "Ctrl+Z undoes the last timer action, even a mistaken Next. "
                "Ctrl+End, pressed twice, finishes the show.",
            ),
        ),
        (
            QCoreApplication.translate("FirstRun", "Stage display, questions, help"),
            QCoreApplication.translate(
                "FirstRun",
                "V opens the stage display for the speakers (Shift+V: full screen). On the "
                "Questions tab, S shortlists, D dismisses, F stars and Enter puts on air. "
                "F1 lists every key.",
            ),
        ),
        (
            QCoreApplication.translate("FirstRun", "Nothing is lost"),
            QCoreApplication.translate(
                "FirstRun",
                "Every action is saved in the show file before the screen changes. If the "
                "computer crashes, reopen the show: the timer is where the clock says.",
            ),
        ),
    ]


class TourCard(QFrame):
    """A card over the window's corner, not a dialog: the show keys keep working under it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("TourCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#TourCard{background:#fffde7;border:2px solid #1b5e20;border-radius:8px;}"
            "QLabel{color:#212121;}"
        )
        self.steps = tour_steps()
        self.step = 0
        self.counter = QLabel()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight:bold;font-size:15px;")
        self.body = QLabel()
        self.body.setWordWrap(True)
        for label in (self.counter, self.heading, self.body):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.back = self._button(self.previous_step)
        self.forward = self._button(self.next_step)
        self.skip = self._button(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.forward)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.setFixedWidth(380)
        parent.installEventFilter(self)
        self._show_step()

    def _button(self, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton()
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the show key
        button.clicked.connect(slot)
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "skip"):
            self.steps = tour_steps()
            self._show_step()
        super().changeEvent(event)

    def _show_step(self) -> None:
        self.back.setText(self.tr("Back"))
        self.skip.setText(self.tr("Close the tour"))
        title, text = self.steps[self.step]
        self.counter.setText(self.tr("Tour {0} of {1}").format(self.step + 1, len(self.steps)))
        self.heading.setText(title)
        self.body.setText(text)
        self.back.setEnabled(self.step > 0)
        last = self.step == len(self.steps) - 1
        self.forward.setText(self.tr("Done") if last else self.tr("Next"))
        self.adjustSize()
        self._place()

    def next_step(self) -> None:
        if self.step == len(self.steps) - 1:
            self.dismiss()
            return
        self.step += 1
        self._show_step()

    def previous_step(self) -> None:
        self.step = max(self.step - 1, 0)
        self._show_step()

    def dismiss(self) -> None:
        settings = Settings().qsettings
        settings.setValue(TOUR_DONE_KEY, True)
        settings.sync()
        self.hide()
        self.deleteLater()

    def _place(self) -> None:
        parent = self.parentWidget()
        margin = 16
        bottom = (
            parent.height()
            - margin
            - (parent.statusBar().height() if hasattr(parent, "statusBar") else 0)
        )
        self.move(parent.width() - self.width() - margin, max(bottom - self.height(), margin))
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False


def tour_done() -> bool:
    return str(Settings().qsettings.value(TOUR_DONE_KEY, False)).lower() in ("true", "1")


def show_tour(window: QWidget) -> TourCard:
    existing = window.findChild(TourCard)
    if existing is not None:
        existing.deleteLater()
    card = TourCard(window)
    card.show()
    return card


# -- switching shows -----------------------------------------------------------------------
def switch_show(window, path: Path):
    """Open ``path`` in a new main window and close this one; None (and a message) on failure."""
    from moderator_app.ui.main_window import MainWindow

    path = Path(path)
    if path.resolve() == window.session.path.resolve():
        return window
    try:
        session = open_show_file(path, role=Role.CONSOLE)
    except ShowFileError as exc:
        window.show_error(refusal_text(exc))
        return None
    fresh = MainWindow(session)
    fresh.setGeometry(window.geometry())
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(session.close)
    _WINDOWS.append(fresh)
    fresh.destroyed.connect(lambda *_: _WINDOWS.remove(fresh) if fresh in _WINDOWS else None)
    recent.remember(path)
    fresh.show()
    window.close()
    window.session.close()
    return fresh


def _show_filter() -> str:
    return QCoreApplication.translate("FirstRun", "Show files (*{0});;All files (*)").format(
        FILE_SUFFIX
    )


def new_from_template(window) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("FirstRun", "New show from the template"),
        str(start_folder()),
        _show_filter(),
    )
    if not path:
        return
    remember_folder(path)
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix(FILE_SUFFIX)
    try:
        create_show(target, default_show())
    except ShowFileError as exc:
        window.show_error(refusal_text(exc))
        return
    switch_show(window, target)


def open_show(window) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("FirstRun", "Open a show"), str(start_folder()),
        _show_filter(),
    )
    if path:
        remember_folder(path)
        switch_show(window, Path(path))


def save_as(window) -> None:
    session = window.session
    if session.pending:
        window.show_error(
            QCoreApplication.translate(
                "FirstRun", "Some actions are not saved yet; fix the file problem first."
            )
        )
        return
    path, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("FirstRun", "Save the show as"),
        in_start_folder(session.path.name), _show_filter(),
    )
    if not path:
        return
    remember_folder(path)
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix(FILE_SUFFIX)
    if target.resolve() == session.path.resolve():
        return
    try:
        backup_show(session, target)  # journal and all: the timer carries on in the copy
    except ShowFileError as exc:
        window.show_error(refusal_text(exc))
        return
    switch_show(window, target)


# -- drag and drop -------------------------------------------------------------------------
@dataclass(frozen=True)
class DropHandler:
    """Claims a dropped file (``detect``) and imports it into the window (``handle``)."""

    name: str
    detect: Callable[[Path], bool]
    handle: Callable[[object, Path], None]


# The question and run sheet importers register here (most specific first), e.g.
# register_drop_handler("questions", looks_like_questions, import_questions_into_window).
DROP_HANDLERS: list[DropHandler] = [
    DropHandler("show", lambda p: p.suffix.lower() == FILE_SUFFIX, lambda w, p: switch_show(w, p)),
]


def register_drop_handler(
    name: str, detect: Callable[[Path], bool], handle: Callable[[object, Path], None]
) -> None:
    """Put a handler first; one of the same name (from an earlier window) is replaced."""
    DROP_HANDLERS[:] = [h for h in DROP_HANDLERS if h.name != name]
    DROP_HANDLERS.insert(0, DropHandler(name, detect, handle))


def handle_file(window, path: Path) -> str | None:
    """Route a dropped or chosen file to the first handler that claims it; its name or None."""
    for handler in DROP_HANDLERS:
        try:
            claimed = handler.detect(path)
        except Exception:
            claimed = False  # a detector that cannot read the file does not claim it
        if claimed:
            handler.handle(window, path)
            return handler.name
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        window.show_error(
            QCoreApplication.translate(
                "FirstRun", "{0}: not recognised as a question list or a run sheet"
            ).format(path.name)
        )
    else:
        window.show_error(
            QCoreApplication.translate("FirstRun", "{0}: not a show file or a spreadsheet").format(
                path.name
            )
        )
    return None


def accepts(path: Path) -> bool:
    return path.suffix.lower() in SPREADSHEET_SUFFIXES | {FILE_SUFFIX}


class DropFilter(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self._paths(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = self._paths(event)
            if paths:
                event.acceptProposedAction()
                for path in paths:
                    handle_file(self.window, path)
                return True
        return False

    @staticmethod
    def _paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if accepts(p)]


def import_spreadsheet(window) -> None:
    """File → Import: questions or a run sheet into this show, whichever the file is."""
    path = choose_spreadsheet(
        window, QCoreApplication.translate("FirstRun", "Import a spreadsheet")
    )
    if path is not None:
        handle_file(window, path)


def new_from_spreadsheet(
    window, on_done: Callable[[Path | None], None] | None = None
) -> Operation | None:
    """File → New from spreadsheet: a new show made from a producer's run sheet (like
    ``moderator-app new SHOW --runsheet FILE``), saved where the moderator says, opened.

    The sheet is read off the UI thread (a workbook takes its reading process seconds; the
    timer must not stop meanwhile); the save dialog opens when it is read. ``on_done``
    gets the new show's path, or None when nothing was made. Returns the reading
    operation, or None if no file was chosen."""
    done = on_done or (lambda _path: None)
    source = choose_spreadsheet(
        window, QCoreApplication.translate("FirstRun", "New show from a run sheet")
    )
    if source is None:
        done(None)
        return None

    def read(_progress) -> Show | None:
        try:
            return show_from_runsheet(source, default_show())
        except QuestionListGiven:
            return None  # said below, in the moderator's language

    def failed(message: str) -> None:
        window.show_error(message)
        done(None)

    return run_op(
        read, on_success=lambda show: done(_save_new_show(window, source, show)),
        on_failure=failed,
    )  # fmt: skip


def _save_new_show(window, source: Path, show: Show | None) -> Path | None:
    if show is None:
        window.show_error(
            QCoreApplication.translate(
                "FirstRun",
                "{0}: a question list, not a run sheet; drop it on the window to import "
                "its questions",
            ).format(source.name)
        )
        return None
    chosen, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("FirstRun", "Save the new show"),
        str(source.with_suffix(FILE_SUFFIX)),
        _show_filter(),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if not target.suffix:
        target = target.with_suffix(FILE_SUFFIX)
    try:
        create_show(target, show)
    except ShowFileError as exc:
        window.show_error(refusal_text(exc))
        return None
    switch_show(window, target)
    return target


# -- wiring --------------------------------------------------------------------------------
def attach(window) -> None:
    file_menu = window.menu("file")
    first = file_menu.actions()[0] if file_menu.actions() else None

    def action(slot, shortcut=None) -> QAction:
        act = QAction(window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot(window))
        file_menu.insertAction(first, act)
        return act

    new = action(new_from_template, QKeySequence.StandardKey.New)
    new_sheet = action(new_from_spreadsheet)
    open_ = action(open_show, QKeySequence.StandardKey.Open)
    recent_menu = QMenu(window)
    recent_menu.aboutToShow.connect(
        lambda: recent.fill_menu(recent_menu, lambda p: switch_show(window, p))
    )
    file_menu.insertMenu(first, recent_menu)
    import_sheet = action(import_spreadsheet)
    save = action(save_as, QKeySequence.StandardKey.SaveAs)
    file_menu.insertSeparator(first)
    window.recent_menu = recent_menu

    help_menu = window.menu("help")
    tour = QAction(window)
    tour.triggered.connect(lambda: show_tour(window))
    help_menu.addAction(tour)
    about = QAction(window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: about_box(window))
    help_menu.addAction(about)

    def retranslate() -> None:
        new.setText(QCoreApplication.translate("FirstRun", "&New from Template…"))
        new_sheet.setText(QCoreApplication.translate("FirstRun", "New from &Spreadsheet…"))
        open_.setText(QCoreApplication.translate("FirstRun", "&Open…"))
        recent_menu.setTitle(QCoreApplication.translate("FirstRun", "Open &Recent"))
        import_sheet.setText(QCoreApplication.translate("FirstRun", "&Import a Spreadsheet…"))
        save.setText(QCoreApplication.translate("FirstRun", "Save &As…"))
        tour.setText(QCoreApplication.translate("FirstRun", "Tour of the &Keys"))
        about.setText(QCoreApplication.translate("FirstRun", "&About the Moderator Console"))

    follow_language(window, retranslate)

    window.setAcceptDrops(True)
    window.drop_filter = DropFilter(window)
    window.installEventFilter(window.drop_filter)

    recent.remember(window.session.path)
    if not tour_done():
        show_tour(window)
