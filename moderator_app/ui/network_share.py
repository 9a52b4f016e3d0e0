"""Share on network: the console's side of the network server, wired into the main window.

Off by default. Show ▸ Share on network… (or the status bar's sharing button) opens the
dialog; the server runs as a child process (ui/server_process.py) for the open show and is
stopped with it: when the window closes (a show switched, the console closed) and when
the application quits, always terminate then kill after 3 s, so no server is left behind.
The status bar says whether the show is shared and where, and in one line when the server
stopped by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from moderator_app.app import sharing
from moderator_app.ui.remote_share import RemoteShare
from moderator_app.ui.server_process import (
    DEFAULT_PORT,
    Listening,
    ServerProcess,
    free_port_after,
    port_free,
)
from moderator_app.ui.share_dialog import ShareDialog
from moderator_app.ui.widgets import ERROR_COLOUR, plain_tooltip

if TYPE_CHECKING:
    from moderator_app.ui.main_window import MainWindow

DEFAULT_OSC_PORT = 8888  # the server's default (serve --osc-port)
SHARED_COLOUR = "#2e7d32"


def attach(window: MainWindow, live: object = None) -> NetworkShare:
    share = NetworkShare(window)
    if live is not None:
        # The message bar offers one recipient per remote speaker link while they exist.
        share.remote.changed.connect(lambda: live.messages.set_recipients(
            [(link.id, link.name) for link in share.remote.state.speakers()]))
    return share


class NetworkShare(QObject):
    """Owns the server child, the dialog and the status bar's sharing button."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.port = DEFAULT_PORT
        self.osc = False
        self.ask = False
        self.osc_port = DEFAULT_OSC_PORT
        # One line: why the show is not shared although it was asked (a function, so that
        # it is worded again in the new language after a switch).
        self._problem: Callable[[], str] | None = None
        self.port_taken = False
        self.dialog: ShareDialog | None = None
        self.server = ServerProcess(self)
        self.server.listening.connect(self._listening)
        self.server.refused.connect(self._refused)
        self.server.died.connect(self._died)
        self.server.stopped.connect(self._changed)
        self.server.stopped.connect(lambda: self.remote.server_gone())
        self.server.died.connect(lambda *_: self.remote.server_gone())
        self.remote = RemoteShare(self)
        self.remote.changed.connect(self._remote_changed)

        self.action = QAction(window)
        self.action.setObjectName("action_share")
        self.action.triggered.connect(self.open_dialog)
        menu = window.menu("show")
        menu.addSeparator()
        menu.addAction(self.action)
        self.indicator = QPushButton()
        self.indicator.setObjectName("ShareIndicator")
        self.indicator.setFlat(True)
        self.indicator.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the show key
        self.indicator.clicked.connect(self.open_dialog)
        window.statusBar().addPermanentWidget(self.indicator)
        # The window closing (another show opened, the console closed) stops the server
        # without blocking (terminate, kill after 3 s); the application quitting waits for
        # it, since no event loop would be left to finish the job.
        window.closed.connect(self.server.stop)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.server.stop_now)
        window.installEventFilter(self)
        self.retranslate()

    # -- state -------------------------------------------------------------------------------
    @property
    def problem(self) -> str:
        return self._problem() if self._problem is not None else ""

    def _say(self, problem: Callable[[], str] | None, *, flash: bool = False) -> None:
        """Keep ``problem`` as what the dialog and the status bar's sharing button say.
        ``flash``: also as a status message (while sharing goes on, the button says
        where the show is shared, not the problem)."""
        self._problem = problem
        if problem is not None and flash:
            self.window.show_error(problem())

    @property
    def running(self) -> bool:
        return self.server.running

    @property
    def info(self) -> Listening | None:
        return self.server.info

    def start(self, port: int, osc: bool, ask: bool) -> None:
        """Share the show (restart the server with these options if it runs)."""
        self.port, self.osc, self.ask = port, osc, ask
        self._say(None)
        self.port_taken = False
        self.server.start(self.session.path, port, osc, ask, self.remote.options())
        self._changed()

    def restart(self) -> None:
        """Start, or restart, the server with the options it has (remote links changed)."""
        self.start(self.port, self.osc, self.ask)

    def stop(self) -> None:
        self._say(None)
        self.port_taken = False
        self.server.stop()
        self._changed()

    def free_port_after(self, port: int) -> int | None:
        return free_port_after(port)

    def ask_regenerate(self, role: str, parent: QWidget) -> QMessageBox:
        """Ask first (old links stop working), then make the new key and restart the server."""
        box = QMessageBox(parent)
        box.setObjectName("RegenerateKey")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setWindowTitle(self.tr("New key"))
        box.setText(self.tr("Make a new key for this role?"))
        box.setInformativeText(self.tr("The links given out so far for this role stop working: "
                                       "whoever uses them needs the new link."))  # fmt: skip
        yes = box.addButton(self.tr("Make a new key"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(lambda button: self.regenerate(role) if button is yes else None)
        box.open()  # never exec(): the show goes on
        return box

    def regenerate(self, role: str) -> bool:
        """A new token for ``role`` in the show file; the server restarts to take it."""
        tokens = sharing.regenerate(self.session, role)
        if not tokens.persisted:
            self._say(lambda: self.tr("The new key could not be saved in the show file: {0}")
                      .format(tokens.problem), flash=True)  # fmt: skip
            self._changed()
            return False
        self.window.show_status(self.tr("New key made: the old links stop working."))
        if self.server.running:
            self.server.start(self.session.path, self.port, self.osc, self.ask,
                              self.remote.options())
        self._changed()
        return True

    # -- what the server says ---------------------------------------------------------------
    def _listening(self, info: Listening) -> None:
        self._say(None)
        self.port_taken = False
        self.window.show_status(self.tr("Shared on {0}:{1}").format(info.address, info.port))
        self._changed()

    def _refused(self, message: str) -> None:
        # The console checks the port itself: the server's words are English, and a taken
        # port has a way out (another port) that the dialog offers.
        if not port_free(self.port):
            self.port_taken = True
            port = self.port
            self._say(lambda: self.tr(
                "Port {0} is in use by another program: choose another port, or use a free one."
            ).format(port))  # fmt: skip
        else:
            self._say(lambda: self.tr("The network server could not start: {0}").format(message))
        self._changed()

    def _died(self, code: object, line: str) -> None:
        def said() -> str:
            if code is None:
                what = self.tr("Sharing stopped: the network server crashed or could not start.")
            else:
                what = self.tr("Sharing stopped: the network server exited (code {0}).").format(
                    code)  # fmt: skip
            return f"{what} {line}".strip() if line else what

        self._say(said)
        self._changed()

    # -- showing -----------------------------------------------------------------------------
    def open_dialog(self) -> ShareDialog:
        if self.dialog is None:
            self.dialog = ShareDialog(self, self.window)
            self.dialog.destroyed.connect(self._dialog_gone)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _remote_changed(self) -> None:
        if self.dialog is not None:
            self.dialog.refresh_remote()

    def _dialog_gone(self, *_args) -> None:
        self.dialog = None

    def _changed(self) -> None:
        info = self.info
        if info is not None:
            text = self.tr("Shared on {0}:{1}").format(info.address, info.port)
            colour = SHARED_COLOUR
        elif self.problem:
            text = self.problem
            colour = ERROR_COLOUR
        elif self.running:
            text = self.tr("Starting to share…")
            colour = ""
        else:
            text = self.tr("Share on network…")
            colour = ""
        self.indicator.setText(text)
        self.indicator.setToolTip(plain_tooltip(self.tr("Links, QR codes and keys for the "
                                                        "network")))  # fmt: skip
        self.indicator.setStyleSheet(f"color:{colour};font-weight:bold;" if colour else "")
        if self.dialog is not None:
            self.dialog.refresh()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Share on &network…"))
        tip = self.tr("Links for speakers, producers and remote control, with QR codes")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self._changed()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
