"""Share on network ▸ Remote links: speakers anywhere, through an MQTT broker.

The broker settings (passwords go to 0600 files, see ui/remote_share.py), the speakers
(pre-filled from the run sheet), one line for the broker's state, and each remote link
with its QR code, Copy, Revoke, and who has it open (last seen, clock offset), refreshed
at every line of the server child. Nothing here waits on the broker: the bridge runs in
the server child.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from moderator_app.app.speaker_file import speaker_file
from moderator_app.ui.remote_share import (
    BROKER_SECRET,
    BROWSER_SECRET,
    Client,
    Link,
    RemoteSettings,
    check_settings,
    has_secret,
    secrets_folder,
)
from moderator_app.ui.share_dialog import OK_COLOUR, qr_pixmap
from moderator_app.ui.widgets import ERROR_COLOUR, plain_label

if TYPE_CHECKING:
    from moderator_app.ui.remote_share import RemoteShare


QR_SCALE = 2  # a remote link (page, broker, topic, key) is long: 2 px modules keep it ~130 px


def page_title(page: str) -> str:
    titles = {
        "timer": QCoreApplication.translate("RemoteLinks", "Timer"),
        "overlay": QCoreApplication.translate("RemoteLinks", "Overlay"),
        "backstage": QCoreApplication.translate("RemoteLinks", "Backstage"),
        "questions": QCoreApplication.translate("RemoteLinks", "Questions"),
        "cuesheet": QCoreApplication.translate("RemoteLinks", "Run sheet"),
    }
    return titles.get(page, page)


def link_title(link: Link) -> str:
    if link.speaker:
        return QCoreApplication.translate("RemoteLinks", "Speaker: {0}").format(link.name or link.id)
    titles = {
        "view": QCoreApplication.translate("RemoteLinks", "Everyone (view only, no addressed messages)"),
        "producer": QCoreApplication.translate("RemoteLinks", "Producer (remote)"),
        "control": QCoreApplication.translate("RemoteLinks", "Control (remote)"),
    }  # fmt: skip
    return titles.get(link.id, link.name or link.id)


def remote_file_name(link: Link) -> str:
    """A file name for a speaker's page: their link id (already a safe slug)."""
    return f"timer-{link.id}.html"


def offset_text(ms: float) -> str:
    return f"{ms / 1000:+.1f} s"


def who_text(clients: tuple[Client, ...]) -> str:
    """Who has the link open: one line per page, or that nobody has yet."""
    if not clients:
        return QCoreApplication.translate("RemoteLinks", "Nobody has opened this link yet.")
    lines = []
    for client in clients:
        seen = client.last_seen.astimezone().strftime("%H:%M:%S") if client.last_seen else "?"
        if client.connected:
            line = QCoreApplication.translate("RemoteLinks", "Connected · last seen {0}")
        else:
            line = QCoreApplication.translate("RemoteLinks", "Gone · last seen {0}")
        line = line.format(seen)
        if client.offset_ms is not None:
            offset = QCoreApplication.translate("RemoteLinks", "clock offset {0}")
            line += " · " + offset.format(offset_text(client.offset_ms))
        lines.append(line)
    return "\n".join(lines)


class RemoteLinkRow(QWidget):
    """One remote link: QR code, title, page, the link, Copy, Revoke, who is connected."""

    def __init__(self, link: Link, page: RemotePage) -> None:
        super().__init__()
        self.link = link
        self.page_widget = page
        self.setObjectName(f"Remote_{link.id}")
        self.qr = QLabel()
        self.qr.setObjectName("RemoteQR")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = plain_label(10, bold=True)
        self.title.setObjectName("RemoteTitle")
        self.pages = QComboBox()
        self.pages.setObjectName("RemotePages")
        for name in link.pages:
            self.pages.addItem(page_title(name), name)
        self.pages.setVisible(len(link.pages) > 1)
        self.pages.currentIndexChanged.connect(self._show_url)
        self.url = QLineEdit()
        self.url.setObjectName("RemoteURL")
        self.url.setReadOnly(True)
        self.copy = QPushButton()
        self.copy.setObjectName("RemoteCopy")
        self.copy.clicked.connect(self.copy_link)
        self.revoke = QPushButton()
        self.revoke.setObjectName("RemoteRevoke")
        self.revoke.clicked.connect(lambda: page.ask_revoke(self.link))
        self.save = QPushButton()
        self.save.setObjectName("RemoteSave")
        self.save.clicked.connect(self.ask_save)
        self.save.setVisible(link.role == "view")
        self.copied = plain_label()
        self.copied.setObjectName("RemoteCopied")
        self.who = plain_label()
        self.who.setObjectName("RemoteWho")
        self.who.setWordWrap(True)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.pages)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy)
        buttons.addWidget(self.revoke)
        buttons.addWidget(self.save)
        buttons.addWidget(self.copied)
        buttons.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addLayout(head)
        text.addWidget(self.url)
        text.addLayout(buttons)
        text.addWidget(self.who)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self._show_url()
        self.retranslate()

    @property
    def current_url(self) -> str:
        name = self.pages.currentData()
        return self.link.pages.get(name, "") if name else ""

    def _show_url(self) -> None:
        url = self.current_url
        self.url.setText(url)
        self.url.setCursorPosition(0)
        if url:
            pixmap = qr_pixmap(url, QR_SCALE)
            self.qr.setPixmap(pixmap)
            self.qr.setFixedSize(max(140, pixmap.width()), pixmap.height())

    def retranslate(self) -> None:
        self.title.setText(link_title(self.link))
        for i in range(self.pages.count()):
            self.pages.setItemText(i, page_title(self.pages.itemData(i)))
        self.copy.setText(self.tr("Copy the link"))
        self.revoke.setText(self.tr("Revoke…"))
        self.revoke.setToolTip(self.tr("A new key for this link: the link sent so far stops "
                                       "working at once."))  # fmt: skip
        self.save.setText(self.tr("Save as a file…"))
        self.save.setToolTip(self.tr("One HTML file to send to the speaker: it opens from "
                                     "disk in any browser, no server needed (only the "
                                     "broker). It holds the key: send it privately."))  # fmt: skip
        if self.copied.text():
            self.copied.setText(self.tr("Copied"))

    def ask_save(self) -> QFileDialog:
        name = remote_file_name(self.link)
        dialog = QFileDialog(self, self.tr("Save the speaker's page"), name)
        dialog.setObjectName("RemoteSaveFile")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Web page (*.html)"))
        dialog.setDefaultSuffix("html")
        dialog.fileSelected.connect(self.save_to)
        dialog.open()  # never exec(): the show goes on
        return dialog

    def save_to(self, path: str) -> bool:
        """The speaker's self-contained page into ``path``; one line on the copied label
        when it cannot be made or written."""
        links = [{"id": lk.id, "role": lk.role, "name": lk.name, "speaker": lk.speaker,
                  "fragment": lk.fragment} for lk in self.page_widget.remote.state.links]
        try:
            text = speaker_file(links, self.link.id)
            Path(path).write_text(text, encoding="utf-8")
        except (OSError, ValueError) as exc:
            self.copied.setText(self.tr("Not saved: {0}").format(exc))
            self.copied.setStyleSheet(f"color:{ERROR_COLOUR};")
            return False
        self.copied.setText(self.tr("Saved: {0}").format(Path(path).name))
        self.copied.setStyleSheet("")
        return True

    def show_clients(self, clients: tuple[Client, ...]) -> None:
        self.who.setText(who_text(clients))
        live = any(c.connected for c in clients)
        self.who.setStyleSheet(f"color:{OK_COLOUR};" if live else "")

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.current_url)
        self.copied.setText(self.tr("Copied"))


class RemotePage(QWidget):
    """The Remote links tab of Share on network."""

    def __init__(self, remote: RemoteShare, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remote = remote
        self.setObjectName("RemotePage")
        self.about = plain_label()
        self.about.setObjectName("RemoteAbout")
        self.about.setWordWrap(True)
        settings = remote.settings
        self.broker = QLineEdit(settings.broker)
        self.broker.setObjectName("RemoteBroker")
        self.user = QLineEdit(settings.user)
        self.user.setObjectName("RemoteUser")
        self.password = QLineEdit()
        self.password.setObjectName("RemotePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca = QLineEdit(settings.ca)
        self.ca.setObjectName("RemoteCA")
        self.ca_browse = QPushButton()
        self.ca_browse.setObjectName("RemoteCABrowse")
        self.ca_browse.clicked.connect(self._browse_ca)
        self.browser_broker = QLineEdit(settings.browser_broker)
        self.browser_broker.setObjectName("RemoteBrowserBroker")
        self.browser_user = QLineEdit(settings.browser_user)
        self.browser_user.setObjectName("RemoteBrowserUser")
        self.browser_password = QLineEdit()
        self.browser_password.setObjectName("RemoteBrowserPassword")
        self.browser_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.speakers = QLineEdit("; ".join(remote.speakers))
        self.speakers.setCursorPosition(0)
        self.speakers.setObjectName("RemoteSpeakers")
        self.labels = {name: QLabel() for name in (
            "broker", "user", "password", "ca", "browser_broker", "browser_user",
            "browser_password", "speakers")}  # fmt: skip
        for name, label in self.labels.items():
            label.setBuddy(getattr(self, name))
        self.enable = QCheckBox()
        self.enable.setObjectName("RemoteEnable")
        self.enable.setChecked(remote.enabled)
        self.enable.toggled.connect(self._enable_toggled)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("RemoteApply")
        self.apply_button.clicked.connect(self.apply)
        self.status = plain_label(10, bold=True)
        self.status.setObjectName("RemoteStatus")
        self.status.setWordWrap(True)

        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)
        left = (("broker", self.broker), ("user", self.user), ("password", self.password))
        right = (("browser_broker", self.browser_broker), ("browser_user", self.browser_user),
                 ("browser_password", self.browser_password))  # fmt: skip
        for i, ((ln, lw), (rn, rw)) in enumerate(zip(left, right, strict=True)):
            form.addWidget(self.labels[ln], i, 0)
            form.addWidget(lw, i, 1)
            form.addWidget(self.labels[rn], i, 2)
            form.addWidget(rw, i, 3)
        ca = QHBoxLayout()
        ca.addWidget(self.ca, 1)
        ca.addWidget(self.ca_browse)
        form.addWidget(self.labels["ca"], 3, 0)
        form.addLayout(ca, 3, 1)
        form.addWidget(self.labels["speakers"], 3, 2)
        form.addWidget(self.speakers, 3, 3)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        top = QHBoxLayout()
        top.addWidget(self.enable)
        top.addStretch(1)
        top.addWidget(self.apply_button)

        self.rows: dict[str, RemoteLinkRow] = {}
        self._shown: tuple[Link, ...] | None = None
        self.list = QWidget()
        self.list.setObjectName("RemoteList")
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setSpacing(12)
        self.list_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("RemoteScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.list)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)
        # Takes the room while no link is shown, so that the form stays at the top.
        layout.addStretch(0)
        self._layout = layout
        self.retranslate()
        self.refresh()

    # -- asking ---------------------------------------------------------------------------
    def _browse_ca(self) -> None:
        dialog = QFileDialog(self, self.tr("The broker's CA certificate"))
        dialog.setObjectName("RemoteCAFile")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.ca.setText)
        dialog.open()  # never exec(): the show goes on

    def _enable_toggled(self, on: bool) -> None:
        if not on:
            self.remote.turn_off()
        self.refresh()

    def settings(self) -> RemoteSettings:
        return RemoteSettings(self.broker.text().strip(), self.user.text().strip(),
                              self.ca.text().strip(), self.browser_broker.text().strip(),
                              self.browser_user.text().strip())  # fmt: skip

    def speaker_names(self) -> list[str]:
        return [name.strip() for name in self.speakers.text().split(";") if name.strip()]

    def apply(self) -> bool:
        """Remote links on with what the form says (the server restarts); False and one
        line when a setting cannot work."""
        settings = self.settings()
        problem = check_settings(settings)
        if problem:
            self._problem = problem
            self.refresh()
            return False
        self._problem = self._revoke_problem = ""
        self.enable.blockSignals(True)
        self.enable.setChecked(True)
        self.enable.blockSignals(False)
        # An empty password field keeps the password saved before (it is never shown).
        password = self.password.text() or (None if has_secret(BROKER_SECRET) else "")
        browser = self.browser_password.text() or (None if has_secret(BROWSER_SECRET) else "")
        try:
            self.remote.apply(settings, self.speaker_names(), password, browser)
        except OSError as exc:  # the config folder cannot be written: nothing started
            self._problem = "secret"
            self._secret_error = exc.strerror or str(exc)
            self.enable.setChecked(False)
            self.refresh()
            return False
        self.password.clear()
        self.browser_password.clear()
        return True

    def ask_revoke(self, link: Link) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("RemoteRevokeAsk")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setWindowTitle(self.tr("Revoke a link"))
        box.setText(self.tr("Revoke the link “{0}”?").format(link_title(link)))
        box.setInformativeText(self.tr("It stops working at once; whoever needs it gets the "
                                       "new link."))  # fmt: skip
        yes = box.addButton(self.tr("Revoke"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(lambda b: self.revoke(link.id) if b is yes else None)
        box.open()
        return box

    def revoke(self, link_id: str) -> bool:
        problem = self.remote.revoke(link_id)
        self._revoke_problem = problem
        self.refresh()
        return not problem

    # -- showing --------------------------------------------------------------------------
    _problem = ""
    _revoke_problem = ""
    _secret_error = ""

    def retranslate(self) -> None:
        self.about.setText(self.tr(
            "Speakers on other continents see the stage display through an MQTT broker "
            "(your Mosquitto or a managed service), end-to-end encrypted: the broker sees only "
            "ciphertext. Each link carries its key after #: send it privately."))
        self.enable.setText(self.tr("Remote links through a broker"))
        self.apply_button.setText(self.tr("Apply and restart sharing"))
        texts = {
            "broker": self.tr("Broker:"), "user": self.tr("User:"),
            "password": self.tr("Password:"), "ca": self.tr("CA file:"),
            "browser_broker": self.tr("Browsers' broker:"),
            "browser_user": self.tr("Browsers' user:"),
            "browser_password": self.tr("Browsers' password:"),
            "speakers": self.tr("Speakers:"),
        }  # fmt: skip
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.broker.setPlaceholderText("wss://broker.example.org:8084/mqtt")
        self.browser_broker.setPlaceholderText(self.tr("ws(s)://… (if Broker is mqtt://)"))
        self.ca.setPlaceholderText(self.tr("optional"))
        self.speakers.setPlaceholderText(self.tr("names separated by ;"))
        self.speakers.setToolTip(self.tr("One link per speaker, named as in the run sheet"))
        self.ca_browse.setText(self.tr("Browse…"))
        self._password_hints()
        for row in self.rows.values():
            row.retranslate()
        self.refresh()

    def _password_hints(self) -> None:
        saved = self.tr("saved (type to change)")
        self.password.setPlaceholderText(saved if has_secret(BROKER_SECRET) else "")
        self.browser_password.setPlaceholderText(saved if has_secret(BROWSER_SECRET) else "")

    def status_line(self) -> tuple[str, str]:
        """The broker's state in one line, and its colour."""
        problems = {
            "broker": self.tr("Give the broker's address: mqtt://, mqtts://, ws:// or "
                              "wss://HOST:PORT (for example wss://broker.example.org:8084/mqtt)."),
            "browser_broker": self.tr("Browsers reach a broker only over WebSockets: give "
                                      "“Browsers' broker” as ws:// or wss://HOST:PORT/PATH."),
            "ca": self.tr("The CA file does not exist: choose the broker's CA certificate, or "
                          "leave it empty."),
            "secret": self.tr("The password could not be saved in {0} ({1}): remote links "
                              "are not on.").format(secrets_folder(), self._secret_error),
        }  # fmt: skip
        if self._problem:
            return problems[self._problem], ERROR_COLOUR
        if self._revoke_problem:
            return self.tr("The link could not be revoked: {0}").format(
                self._revoke_problem), ERROR_COLOUR  # fmt: skip
        remote = self.remote
        state = remote.state
        if not remote.enabled:
            return self.tr("Remote links are off: only this network sees the show."), ""
        if not remote.share.running:
            return self.tr("Remote links start with sharing: press Share."), ""
        if state.status == "connected":
            return self.tr("Broker connected: {0}").format(state.broker), OK_COLOUR
        if state.status == "down":
            return self.down_line(state.message), ERROR_COLOUR
        if state.status == "off" and state.message:
            return self.tr("Remote links could not start, the show goes on locally: {0}").format(
                state.message), ERROR_COLOUR  # fmt: skip
        return self.tr("Connecting to the broker…"), ""

    def down_line(self, message: str) -> str:
        """Why the broker is not reached, in the console's words (the bridge's own line,
        which names command-line flags, goes in the tooltip)."""
        low = message.lower()
        if "refused the credentials" in low:
            why = self.tr("the broker refused the user or the password: check User and "
                          "Password.")  # fmt: skip
        elif low.startswith("tls with the broker"):
            why = self.tr("TLS with the broker failed: check the address (mqtts:// and wss:// "
                          "need a TLS port) and the CA file.")  # fmt: skip
        elif low.startswith("cannot find the broker host"):
            why = self.tr("the broker's host name is not found: check the Broker address.")
        elif "connection refused" in low:
            why = self.tr("the broker does not accept connections: is it running, on this "
                          "port?")  # fmt: skip
        elif "timed out" in low:
            why = self.tr("the broker does not answer (timed out).")
        else:
            why = self.tr("the broker cannot be reached ({0}).").format(
                message.removesuffix(" — retrying"))  # fmt: skip
        return self.tr("Remote links down: {0} Retrying; the show goes on locally.").format(why)

    def refresh(self) -> None:
        """Show the remote links as the server child said last (after every line)."""
        self._password_hints()
        text, colour = self.status_line()
        self.status.setText(text)
        self.status.setToolTip(self.remote.state.message if self.remote.enabled else "")
        self.status.setStyleSheet(f"color:{colour};" if colour else "")
        enabled = self.remote.enabled
        self.apply_button.setText(self.tr("Apply and restart sharing") if enabled
                                  else self.tr("Turn on and share"))  # fmt: skip
        links = self.remote.state.links if enabled else ()
        if links != self._shown:
            self._shown = links
            for row in self.rows.values():
                self.list_layout.removeWidget(row)
                row.setParent(None)  # gone from the screen now, not at the next loop turn
                row.deleteLater()
            self.rows = {}
            for i, link in enumerate(links):
                row = RemoteLinkRow(link, self)
                self.list_layout.insertWidget(i, row)
                self.rows[link.id] = row
        for link_id, row in self.rows.items():
            row.show_clients(self.remote.state.clients_by_link.get(link_id, ()))
        self.scroll.setVisible(bool(self.rows))
        self._layout.setStretch(self._layout.count() - 1, 0 if self.rows else 1)
