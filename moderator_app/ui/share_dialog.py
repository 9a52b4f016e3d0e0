"""Share on network…: start or stop the server for the open show, and hand out its links.

One tab per role (who may do what), each link with its QR code and a Copy button; the
machine's LAN addresses; the port, with a clear line and a free port offered when it is
taken; OSC and the audience's question form on or off; a new key per role (old links stop
working). Non-modal: the show goes on under it. The dialog only shows and asks: the
server child belongs to ``NetworkShare`` (ui/network_share.py), which outlives it.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import segno
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from moderator_app.ui.server_process import Listening
from moderator_app.ui.widgets import ERROR_COLOUR, plain_label

if TYPE_CHECKING:
    from moderator_app.ui.network_share import NetworkShare

ROLES = ("view", "producer", "control", "ask")
QR_SCALE = 3  # modules of 3 px: a 60-character link is about 120 px, read from a metre
QR_BOX = 140  # every code centred in the same width, so the links line up
OK_COLOUR = "#2e7d32"


def qr_pixmap(url: str, scale: int = QR_SCALE) -> QPixmap:
    """The QR code of ``url`` (segno, as PNG bytes, loaded into a pixmap)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class LinkRow(QWidget):
    """One link: its QR code, what it is for, the link itself (selectable), Copy."""

    def __init__(self, name: str, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.url = url
        self.setObjectName(f"Link_{name}")
        self.qr = QLabel()
        self.qr.setObjectName("LinkQR")
        self.qr.setPixmap(qr_pixmap(url))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setFixedSize(max(QR_BOX, self.qr.pixmap().width()), self.qr.pixmap().height())
        self.title = plain_label(10, bold=True)
        self.link = plain_label()
        self.link.setObjectName("LinkURL")
        self.link.setText(url)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = QPushButton()
        self.copy.setObjectName("LinkCopy")
        self.copy.clicked.connect(self.copy_link)
        self.copied = plain_label()
        self.copied.setObjectName("LinkCopied")
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.title)
        text.addWidget(self.link)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy)
        buttons.addWidget(self.copied)
        buttons.addStretch(1)
        text.addLayout(buttons)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(link_title(self.name))
        self.copy.setText(self.tr("Copy the link"))
        if self.copied.text():
            self.copied.setText(self.tr("Copied"))

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.url)
        self.copied.setText(self.tr("Copied"))


def link_title(name: str) -> str:
    from PySide6.QtCore import QCoreApplication

    titles = {
        "timer": QCoreApplication.translate("ShareDialog", "Timer for the speakers (tablet, phone, TV)"),
        "overlay": QCoreApplication.translate("ShareDialog", "Overlay for OBS or vMix (transparent background)"),
        "backstage": QCoreApplication.translate("ShareDialog", "Backstage: live state, rundown, notes to the moderator"),
        "cuesheet": QCoreApplication.translate("ShareDialog", "Run sheet, editable"),
        "questions": QCoreApplication.translate("ShareDialog", "Question queue for a co-moderator"),
        "api": QCoreApplication.translate("ShareDialog", "Control API base (Companion, scripts): add start, pause, start/next…"),
        "ask": QCoreApplication.translate("ShareDialog", "Question form for the audience"),
    }  # fmt: skip
    return titles.get(name, name)


class ShareDialog(QDialog):
    """What the moderator sees of sharing; every action goes to ``share``."""

    def __init__(self, share: NetworkShare, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = share
        self.setObjectName("ShareDialog")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.status = plain_label(11, bold=True)
        self.status.setObjectName("ShareStatus")
        self.status.setWordWrap(True)

        self.port_label = QLabel()
        self.port = QSpinBox()
        self.port.setObjectName("SharePort")
        self.port.setRange(1024, 65535)
        self.port.setValue(share.port)
        self.port_label.setBuddy(self.port)
        self.osc = QCheckBox()
        self.osc.setObjectName("ShareOSC")
        self.osc.setChecked(share.osc)
        self.ask = QCheckBox()
        self.ask.setObjectName("ShareAsk")
        self.ask.setChecked(share.ask)
        self.start_button = QPushButton()
        self.start_button.setObjectName("ShareStart")
        self.start_button.clicked.connect(self._start)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("ShareStop")
        self.stop_button.clicked.connect(share.stop)
        self.free_port = QPushButton()
        self.free_port.setObjectName("ShareFreePort")
        self.free_port.clicked.connect(self._use_free_port)
        self.free_port.hide()
        self.addresses = plain_label()
        self.addresses.setObjectName("ShareAddresses")
        self.addresses.setWordWrap(True)
        self.addresses.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        options = QHBoxLayout()
        options.addWidget(self.port_label)
        options.addWidget(self.port)
        options.addSpacing(16)
        options.addWidget(self.osc)
        options.addWidget(self.ask)
        options.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.start_button)
        actions.addWidget(self.stop_button)
        actions.addWidget(self.free_port)
        actions.addStretch(1)

        self.roles = QTabWidget()
        self.roles.setObjectName("ShareRoles")
        self.role_pages: dict[str, RolePage] = {}
        for role in ROLES:
            page = RolePage(role, self)
            self.role_pages[role] = page
            self.roles.addTab(page, "")
        # Imported here: the remote page reuses this module's QR code (no import cycle).
        from moderator_app.ui.remote_page import RemotePage

        self.remote_page = RemotePage(share.remote)
        self.roles.addTab(self.remote_page, "")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(options)
        layout.addLayout(actions)
        layout.addWidget(self.addresses)
        layout.addWidget(self.roles, 1)
        layout.addWidget(buttons)
        self.retranslate()
        self.refresh()
        # Room for three links with their codes from the start: the dialog does not grow
        # under the moderator's hand when sharing starts (fits a 1366x768 laptop).
        self.resize(max(self.sizeHint().width(), 820), 640)

    # -- asking ----------------------------------------------------------------------------
    def _start(self) -> None:
        self.free_port.hide()
        self.share.start(self.port.value(), self.osc.isChecked(), self.ask.isChecked())

    def _use_free_port(self) -> None:
        port = self.share.free_port_after(self.port.value())
        if port is not None:
            self.port.setValue(port)
        self.free_port.hide()
        self._start()

    # -- showing -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Share on network"))
        self.port_label.setText(self.tr("&Port:"))
        self.osc.setText(self.tr("OSC control (UDP {0})").format(self.share.osc_port))
        self.ask.setText(self.tr("Audience questions (/ask)"))
        self.start_button.setText(self.tr("Share") if not self.share.running
                                  else self.tr("Apply and restart"))  # fmt: skip
        self.stop_button.setText(self.tr("Stop sharing"))
        self.free_port.setText(self.tr("Use a free port"))
        self.close_button.setText(self.tr("Close"))
        titles = {"view": self.tr("Speakers (view)"), "producer": self.tr("Producer"),
                  "control": self.tr("Control"), "ask": self.tr("Audience")}  # fmt: skip
        for i, role in enumerate(ROLES):
            self.roles.setTabText(i, titles[role])
            self.role_pages[role].retranslate()
        self.roles.setTabText(len(ROLES), self.tr("Remote links"))
        self.remote_page.retranslate()
        self.refresh()

    def refresh(self) -> None:
        """Show the sharing as it is now (NetworkShare calls this after every change)."""
        share = self.share
        running = share.running
        info = share.info
        self.start_button.setText(self.tr("Apply and restart") if running else self.tr("Share"))
        self.stop_button.setEnabled(running)
        colour = ""
        if share.problem:  # a new key not kept, a port taken, a server gone: said first
            self.status.setText(share.problem)
            colour = ERROR_COLOUR
        elif info is not None:
            self.status.setText(self.tr("Shared on {0}:{1}").format(info.address, info.port))
            colour = OK_COLOUR
        elif running:
            self.status.setText(self.tr("Starting the server…"))
        else:
            self.status.setText(self.tr("Not shared: nobody on the network can see this show."))
        self.status.setStyleSheet(f"color:{colour};" if colour else "")
        self.free_port.setVisible(share.port_taken)
        if share.port_taken:
            self.port.setFocus()
        if info is not None:
            text = self.tr("This computer's addresses: {0} · port {1}").format(
                ", ".join(info.addresses) or info.host, info.port)  # fmt: skip
            if info.tokens_for_this_run:
                text += "\n" + self.tr("The show file cannot be written: these links work "
                                       "only until sharing stops.")  # fmt: skip
            self.addresses.setText(text)
        else:
            self.addresses.setText("")
        self.addresses.setVisible(info is not None)
        for page in self.role_pages.values():
            page.show_links(info)
        self.remote_page.refresh()

    def refresh_remote(self) -> None:
        self.remote_page.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "roles"):
            self.retranslate()
        super().changeEvent(event)


class RolePage(QWidget):
    """One role: what it may do, its links with their QR codes, a new key for it."""

    def __init__(self, role: str, dialog: ShareDialog) -> None:
        super().__init__()
        self.role = role
        self.dialog = dialog
        self.setObjectName(f"Role_{role}")
        self.about = plain_label()
        self.about.setObjectName("RoleAbout")
        self.about.setWordWrap(True)
        self.empty = plain_label()
        self.empty.setObjectName("RoleEmpty")
        self.empty.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(12)
        self.regenerate = QPushButton()
        self.regenerate.setObjectName("RoleRegenerate")
        self.regenerate.clicked.connect(lambda: dialog.share.ask_regenerate(role, self))
        self.rows: list[LinkRow] = []
        self._shown: dict[str, str] | None = None
        bottom = QHBoxLayout()
        bottom.addWidget(self.regenerate)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        about = {
            "view": self.tr("Read only: the timer and an overlay, for speakers' tablets, a TV "
                            "in the room or a broadcast mixer. Nothing can be changed."),
            "producer": self.tr("For your team only: edit the run sheet, send messages to the "
                                "speaker and notes to you, manage the questions."),
            "control": self.tr("Full control of the timer (start, next, add time…) over HTTP "
                               "GET, OSC or WebSocket: for Bitfocus Companion, vMix or a "
                               "Stream Deck. Includes everything the producer may do."),
            "ask": self.tr("Anyone with this link can send a question (one every 10 seconds); "
                           "it arrives as new in the Questions tab."),
        }  # fmt: skip
        self.about.setText(about[self.role])
        self.regenerate.setText(self.tr("New key for this role…"))
        self.regenerate.setToolTip(
            self.tr("Makes new links for this role: the links given out so far stop working.")
        )
        for row in self.rows:
            row.retranslate()
        self._empty_text()

    def _empty_text(self) -> None:
        share = self.dialog.share
        if share.info is None:
            self.empty.setText(self.tr("The links appear here once the show is shared."))
        elif self.role == "ask" and not share.info.links.get("ask"):
            self.empty.setText(self.tr("Audience questions are off: tick “Audience questions "
                                       "(/ask)” and apply to share this link."))  # fmt: skip
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))

    def show_links(self, info: Listening | None) -> None:
        links = dict(info.links.get(self.role, {})) if info is not None else {}
        if links != self._shown:
            self._shown = links
            for row in self.rows:
                self.grid.removeWidget(row)
                row.deleteLater()
            self.rows = []
            for i, (name, url) in enumerate(links.items()):
                row = LinkRow(name, url, self)
                self.grid.addWidget(row, i, 0)
                self.rows.append(row)
        self._empty_text()
