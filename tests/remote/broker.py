"""A real Mosquitto on loopback for the remote tests: a TCP and a WebSocket listener on
free ports, a password file made with mosquitto_passwd, ``log_type all`` to a file; it
can be killed and started again on the same ports (a broker restart mid-show)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

MOSQUITTO = "/usr/sbin/mosquitto"
MOSQUITTO_PASSWD = shutil.which("mosquitto_passwd") or "/usr/bin/mosquitto_passwd"
USERS = {"bridge": "bridge-pw-4f1c", "speaker": "speaker-pw-9a2e", "spy": "spy-pw-77d0"}
# The README's ACL ("Remote speakers"): the console's bridge reads and writes the show's
# topics; browsers read what the console publishes and write only their own requests
# (so a browser's broker login cannot overwrite or clear a retained state); the spy of
# the security tests reads everything, as a curious broker operator would.
ACL = """user bridge
topic readwrite mod/#

user speaker
topic read mod/+/+/state
topic read mod/+/+/rundown
topic read mod/+/+/questions
topic read mod/+/+/notes
topic read mod/+/+/pong/+
topic read mod/+/+/reply/+
topic write mod/+/+/ping/+
topic write mod/+/+/hello/+
topic write mod/+/+/cmd/+

user spy
topic read #
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mosquitto:
    def __init__(self, folder: Path, *, tls: bool = False) -> None:
        self.folder = folder
        self.port, self.ws_port = free_port(), free_port()
        self.tls_port = free_port() if tls else None
        self.ca: Path | None = None
        self.log = folder / "mosquitto.log"
        self.passwords = folder / "passwords"
        self.conf = folder / "mosquitto.conf"
        self.acl = folder / "acl"
        self.acl.write_text(ACL)
        self.proc: subprocess.Popen | None = None
        for i, (user, password) in enumerate(USERS.items()):
            args = [MOSQUITTO_PASSWD, *(["-c"] if i == 0 else []), "-b", str(self.passwords),
                    user, password]
            subprocess.run(args, check=True, capture_output=True)
        for user in USERS:
            (folder / f"{user}.password").write_text(USERS[user] + "\n")
        # As root Mosquitto would switch to the 'mosquitto' user, who cannot read the
        # test's private folder: keep the user it runs as.
        self.conf.write_text(
            f"user {'root' if os.geteuid() == 0 else os.environ.get('USER', 'nobody')}\n"
            "per_listener_settings false\nallow_anonymous false\n"
            f"password_file {self.passwords}\nacl_file {self.acl}\npersistence false\n"
            f"log_dest file {self.log}\nlog_type all\n"
            f"listener {self.port} 127.0.0.1\n"
            f"listener {self.ws_port} 127.0.0.1\nprotocol websockets\n"
        )
        if tls:
            from tests.remote.certs import make_certs

            self.ca, cert, key = make_certs(folder)
            with self.conf.open("a") as conf:
                conf.write(f"listener {self.tls_port} 127.0.0.1\ncertfile {cert}\n"
                           f"keyfile {key}\n")

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.ws_port}/mqtt"

    def password_file(self, user: str) -> str:
        return str(self.folder / f"{user}.password")

    def start(self, timeout: float = 5.0) -> None:
        self.proc = subprocess.Popen([MOSQUITTO, "-c", str(self.conf)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mosquitto exited: {self.log.read_text(errors='replace')}")
            with contextlib.suppress(OSError), socket.create_connection(
                    ("127.0.0.1", self.port), 0.2), socket.create_connection(
                    ("127.0.0.1", self.ws_port), 0.2):
                return
            time.sleep(0.02)
        raise RuntimeError("mosquitto did not start listening")

    def kill(self) -> None:
        """A crash: SIGKILL, no goodbye to the clients."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(5)
        self.proc = None

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""
