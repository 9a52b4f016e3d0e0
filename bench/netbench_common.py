"""What the network benchmarks share: a real ``serve`` process on loopback for a fresh
show, and its links. Not a benchmark itself (run.py only loads ``bench_*.py``)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def new_show(folder: Path) -> Path:
    show = folder / "bench.moderator"
    subprocess.run([sys.executable, "-m", "moderator_app", "new", str(show)], check=True,
                   capture_output=True, env=_env(), cwd=ROOT)
    return show


class Served:
    """``moderator-app serve SHOW --host 127.0.0.1 --port 0 --machine`` in a child process."""

    def __init__(self, show: Path, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "moderator_app", "serve", str(show), "--host", "127.0.0.1",
             "--port", "0", "--machine", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT,
        )
        line = self.proc.stdout.readline()
        info = json.loads(line) if line.strip() else {}
        if info.get("event") != "listening":
            self.stop()
            raise RuntimeError(f"serve did not start: {line.strip() or self.proc.stderr.read()}")
        self.info = info  # the whole --machine "listening" line
        self.port = info["port"]
        self.base = f"http://127.0.0.1:{self.port}"
        self.tokens = {
            "view": _token(info["links"]["view"]["timer"]),
            "producer": _token(info["links"]["producer"]["backstage"]),
            "control": _token(info["links"]["control"]["api"]),
        }

    def rss_kb(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _token(url: str) -> str:
    return parse_qs(urlparse(url).query)["token"][0]


@contextlib.contextmanager
def served_show(*extra: str):
    with tempfile.TemporaryDirectory(prefix="netbench-") as folder:
        show = new_show(Path(folder))
        with Served(show, *extra) as served:
            yield show, served


# The browser benchmarks: Debian's Chromium driven by Playwright through executable_path,
# and a page whose Date runs SHIFT_MS ahead (SHIFTED.replace("SHIFT", str(ms))).
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SHIFT_MS = 7300
SHIFTED = """
(() => {
  const Real = Date;
  class Shifted extends Real {
    constructor(...a) { if (a.length === 0) super(Real.now() + SHIFT); else super(...a); }
    static now() { return Real.now() + SHIFT; }
  }
  globalThis.Date = Shifted;
})();
"""


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else float("nan")
