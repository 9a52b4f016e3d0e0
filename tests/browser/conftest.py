"""Real-browser tests of the network views: Debian's headless Chromium driven by Playwright's
Python package (never ``playwright install``), against the REAL server started as
``python -m moderator_app serve SHOW --port 0 --machine`` on loopback, with a show made by
``python -m moderator_app new``."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
START_TIMEOUT_S = 30


def _env(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["MODERATOR_APP_DATA_DIR"] = str(base / "data")
    env["XDG_CONFIG_HOME"] = str(base / "config")
    env["HOME"] = str(base / "home")
    env["PYTHONUNBUFFERED"] = "1"
    return env


def cli(base: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "moderator_app", *args], cwd=REPO, env=_env(base),
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    """A running ``serve`` process and its links."""

    proc: subprocess.Popen
    show: Path
    base_dir: Path
    port: int
    links: dict

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def token(self, role: str) -> str:
        pages = self.links[role]
        return next(iter(pages.values())).split("token=", 1)[1]

    def url(self, page: str, **query: str) -> str:
        for pages in self.links.values():
            if page in pages:
                extra = "".join(f"&{k}={v}" for k, v in query.items())
                return pages[page] + extra
        raise KeyError(page)

    def api(self, path: str, role: str = "control") -> tuple[int, dict]:
        """GET /api/<path> with ``role``'s token: (status, JSON body)."""
        url = f"{self.base}/api/{path}"
        request = urllib.request.Request(
            url, headers={"Authorization": f"Bearer {self.token(role)}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as res:
                return res.status, json.loads(res.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"{}")

    def poll(self) -> dict:
        status, body = self.api("poll", "view")
        assert status == 200, body
        return body["payload"]

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self.proc.stdout:
            self.proc.stdout.close()


def serve(show: Path, base_dir: Path, port: int = 0) -> Served:
    """Start ``moderator_app serve`` and wait for its "listening" line."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "moderator_app", "serve", str(show), "--host", "127.0.0.1",
         "--port", str(port), "--machine", "--ask"],
        cwd=REPO, env=_env(base_dir), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
            if '"listening"' in line or '"error"' in line:
                return

    threading.Thread(target=read, daemon=True).start()
    try:
        line = lines.get(timeout=START_TIMEOUT_S)
    except queue.Empty:
        proc.kill()
        raise RuntimeError("the server did not say it was listening") from None
    event = json.loads(line)
    if event.get("event") != "listening":
        proc.kill()
        raise RuntimeError(f"the server did not start: {event}")
    return Served(proc, show, base_dir, event["port"], event["links"])


def new_show(base_dir: Path, name: str = "show.sqlite") -> Path:
    show = base_dir / name
    done = cli(base_dir, "new", str(show))
    assert done.returncode == 0, done.stderr
    return show


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (CI installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def served(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the module's tests, on a show created by ``moderator_app new``."""
    base_dir = tmp_path_factory.mktemp("served")
    server = serve(new_show(base_dir), base_dir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def page_of(browser: object) -> Iterator:
    """Open pages (closed after the test): page_of(url, width=…, height=…, init=js)."""
    contexts = []

    def open_page(url: str, width: int = 1280, height: int = 800, init: str | None = None):
        context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        contexts.append(context)
        if init:
            context.add_init_script(init)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.goto(url)
        return page

    yield open_page
    errors = [e for context in contexts for page in context.pages for e in page.errors]
    for context in contexts:
        context.close()
    # A script error in any view fails the test that opened it.
    assert errors == [], errors
