"""The network server as a child process of the console (``moderator-app serve --machine``).

The server is its own process (see the README's Share on network): a flood of clients can
never take the console's UI thread, and a crash of the server leaves the console
untouched. QProcess is asynchronous, so nothing here blocks the UI thread except
``stop_now`` (the application quitting: up to 3 s, the window is gone by then).

With ``--machine`` the server prints one JSON object per line on stdout:
``{"event": "listening", "host", "port", "osc_port", "addresses", "links"}`` once it
serves, ``{"event": "error", "message"}`` when it cannot (then exits with code 2). With
remote links (``--broker``), ``{"event": "remote", …}`` and ``{"event": "remote-clients",
…}`` lines too (ui/remote_state.py reads them).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal
from PySide6.QtNetwork import QHostAddress, QTcpServer

import moderator_app

DEFAULT_PORT = 4001
STOP_GRACE_MS = 3000  # terminate, then kill if the server is still there after this
MAX_LINE = 64 * 1024  # a line longer than this is not the server talking: dropped


@dataclass(frozen=True)
class Listening:
    """What the server said once it served: where, and every role's links."""

    host: str
    port: int
    osc_port: int | None
    addresses: list[str]
    links: dict[str, dict[str, str]] = field(default_factory=dict)
    # The show file refused the tokens (read-only): the links work until the server stops.
    tokens_for_this_run: bool = False

    @property
    def address(self) -> str:
        """The address to give people: the first LAN address, else the host it bound."""
        return self.addresses[0] if self.addresses else self.host


def parse_line(line: bytes | str) -> dict | None:
    """One machine line as a dict with an ``event``; None for anything else (a warning a
    library printed, a partial line): the console never trusts what it cannot read."""
    if isinstance(line, bytes):
        line = line.decode("utf-8", "replace")
    line = line.strip()
    if not line.startswith("{") or len(line) > MAX_LINE:
        return None
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("event"), str):
        return None
    return data


def listening_of(data: dict) -> Listening | None:
    """The ``listening`` event as a value; None when a field is missing or of a wrong type."""
    try:
        port = int(data["port"])
        osc = data.get("osc_port")
        addresses = [str(a) for a in data.get("addresses") or []]
        links = {
            str(role): {str(name): str(url) for name, url in urls.items()}
            for role, urls in (data.get("links") or {}).items()
            if isinstance(urls, dict)
        }
        return Listening(str(data.get("host", "")), port, int(osc) if osc else None,
                         addresses, links, bool(data.get("tokens_note")))  # fmt: skip
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


@dataclass(frozen=True)
class RemoteOptions:
    """The broker options of ``serve`` (remote links). Passwords only as files: a
    password on a command line is readable by every user of the machine (ps)."""

    broker: str
    user: str = ""
    password_file: str = ""
    ca: str = ""
    browser_broker: str = ""
    browser_user: str = ""
    browser_password_file: str = ""
    speakers: tuple[str, ...] = ()

    def arguments(self) -> list[str]:
        args = ["--broker", self.broker]
        for flag, value in (("--broker-user", self.user),
                            ("--broker-password-file", self.password_file),
                            ("--broker-ca", self.ca),
                            ("--browser-broker", self.browser_broker),
                            ("--browser-user", self.browser_user),
                            ("--browser-password-file", self.browser_password_file)):
            if value:
                args += [flag, value]
        for name in self.speakers:
            args += ["--speaker", name]
        return args


def serve_arguments(show: Path, port: int, osc: bool, ask: bool,
                    remote: RemoteOptions | None = None) -> list[str]:
    """The arguments after the interpreter: the same ``serve`` command as headless."""
    args = ["-m", "moderator_app", "serve", str(show), "--port", str(port), "--machine"]
    if osc:
        args.append("--osc")
    if ask:
        args.append("--ask")
    if remote is not None:
        args += remote.arguments()
    return args


# Linux: the server is asked to stop (SIGTERM) by the kernel when the console dies, even by
# SIGKILL or a crash, when closeEvent and aboutToQuit never run. prctl(PR_SET_PDEATHSIG) is
# set in a small launcher that then execs the server in the same process (the setting
# survives exec), so the pid QProcess knows is the server's. If the console died before the
# setting took, the launcher sees a new parent and exits instead of serving an orphan.
PDEATHSIG_LAUNCHER = (
    "import ctypes, os, signal, sys\n"
    "ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))\n"
    "if os.getppid() != int(sys.argv[1]):\n"
    "    sys.exit(3)\n"
    "os.execv(sys.executable, [sys.executable, *sys.argv[2:]])\n"
)


def launch_command(show: Path, port: int, osc: bool, ask: bool,
                   remote: RemoteOptions | None = None) -> tuple[str, list[str]]:
    """The program and arguments QProcess starts: the serve command, through the launcher
    that ties it to the console's life on Linux."""
    args = serve_arguments(show, port, osc, ask, remote)
    if getattr(sys, "frozen", False):
        # The desktop bundle: its executable is the command line itself (no -m, no -c).
        return sys.executable, args[2:]
    if sys.platform.startswith("linux"):
        args = ["-c", PDEATHSIG_LAUNCHER, str(os.getpid()), *args]
    return sys.executable, args


def port_free(port: int) -> bool:
    """Whether a server could listen on ``port`` now (asked by listening, then closing)."""
    probe = QTcpServer()
    free = probe.listen(QHostAddress(QHostAddress.SpecialAddress.Any), port)
    probe.close()
    return free


def free_port_after(port: int, tries: int = 50) -> int | None:
    """The first port after ``port`` a server could listen on, None if none of ``tries``."""
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        if port_free(candidate):
            return candidate
    return None


class ServerProcess(QObject):
    """Starts, restarts and stops the server child; says what it said in signals.

    ``listening(Listening)`` once it serves; ``refused(str)`` when it said it cannot
    (its one-line message; it exits by itself); ``died(code, line)`` when it exited
    without being asked (``code`` None when it crashed or could not start; ``line`` its
    last error line); ``stopped()`` when a stop asked for is done; ``remote(dict)`` for
    each ``remote`` and ``remote-clients`` line (remote links).
    """

    listening = Signal(object)
    remote = Signal(dict)
    refused = Signal(str)
    died = Signal(object, str)
    stopped = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process: QProcess | None = None
        self.info: Listening | None = None
        self.last_error = ""
        self._buffer = b""
        self._stderr = b""
        self._stopping = False
        self._refused = False
        self._then_start: tuple | None = None
        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.timeout.connect(self._kill)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    def start(self, show: Path, port: int, osc: bool = False, ask: bool = False,
              remote: RemoteOptions | None = None) -> None:
        """Start the server (restarting it if one runs: it takes new options and tokens)."""
        if self.running:
            self._then_start = (show, port, osc, ask, remote)
            self.stop()
            return
        self.info = None
        self.last_error = ""
        self._buffer = self._stderr = b""
        self._stopping = self._refused = False
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        # The child runs this very package (a checkout, a venv, a test's worktree).
        package_root = str(Path(moderator_app.__file__).resolve().parent.parent)
        path = env.value("PYTHONPATH", "")
        env.insert("PYTHONPATH", package_root + (os.pathsep + path if path else ""))
        env.insert("PYTHONUNBUFFERED", "1")
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read_stdout)
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self.process = process
        process.start(*launch_command(Path(show), port, osc, ask, remote))

    def stop(self) -> None:
        """Ask the server to stop (SIGTERM), kill it if it is still there after 3 s."""
        if not self.running:
            if self._then_start is not None:
                self._start_pending()
            else:
                self.stopped.emit()
            return
        self._stopping = True
        assert self.process is not None
        self.process.terminate()
        self._kill_timer.start(STOP_GRACE_MS)

    def stop_now(self) -> None:
        """Stop and wait (the console is quitting): terminate, kill after 3 s. Never leaves
        the server running after the console is gone."""
        self._then_start = None
        if not self.running:
            return
        assert self.process is not None
        self._stopping = True
        self.process.terminate()
        if not self.process.waitForFinished(STOP_GRACE_MS):
            self.process.kill()
            self.process.waitForFinished(1000)

    def _kill(self) -> None:
        if self.running:
            assert self.process is not None
            self.process.kill()

    def _read_stdout(self) -> None:
        assert self.process is not None
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        if len(self._buffer) > MAX_LINE:
            self._buffer = b""
        for line in lines:
            data = parse_line(line)
            if data is None:
                continue
            if data["event"] == "listening":
                info = listening_of(data)
                if info is not None:
                    self.info = info
                    self.listening.emit(info)
            elif data["event"] == "error":
                self._refused = True
                message = str(data.get("message") or "").strip()
                self.last_error = message.splitlines()[0][:300] if message else ""
                self.refused.emit(self.last_error)
            elif data["event"] in ("remote", "remote-clients"):
                self.remote.emit(data)

    def _read_stderr(self) -> None:
        assert self.process is not None
        self._stderr = (self._stderr + bytes(self.process.readAllStandardError().data()))[-4096:]

    def _stderr_line(self) -> str:
        """The last line the server wrote on stderr (its ``moderator-app: error: …``)."""
        lines = [ln.strip() for ln in self._stderr.decode("utf-8", "replace").splitlines()]
        lines = [ln for ln in lines if ln]
        return lines[-1][:300] if lines else ""

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.last_error = self.process.errorString() if self.process else ""
            self.died.emit(None, self.last_error)

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._kill_timer.stop()
        self.info = None
        if self._stopping:
            self._stopping = False
            if self._then_start is not None:
                self._start_pending()
            else:
                self.stopped.emit()
            return
        if self._refused:
            self.stopped.emit()  # it said why already (refused)
            return
        crashed = status == QProcess.ExitStatus.CrashExit
        self.last_error = self._stderr_line() or self.last_error
        self.died.emit(None if crashed else code, self.last_error)

    def _start_pending(self) -> None:
        pending, self._then_start = self._then_start, None
        assert pending is not None
        self.start(*pending)
