"""``python -m moderator_app serve SHOW --broker …`` as a real child process (as the console
runs it), its remote links read from its --machine lines; for the browser-side tests and the
remote browser benchmark."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.remote.broker import Mosquitto

REPO = Path(__file__).resolve().parents[2]


def env_for(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        MODERATOR_APP_DATA_DIR=str(base / "data"),
        XDG_CONFIG_HOME=str(base / "config"),
        HOME=str(base / "home"),
        PYTHONUNBUFFERED="1",
    )
    return env


def cli(base: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "moderator_app", *args],
        cwd=REPO,
        env=env_for(base),
        capture_output=True,
        text=True,
        timeout=60,
    )


@dataclass
class RemoteServed:
    proc: subprocess.Popen
    show: Path
    base_dir: Path
    listening: dict
    links: list[dict]
    lines: queue.Queue = field(default_factory=queue.Queue)
    seen: list[dict] = field(default_factory=list)

    def link(self, link_id: str) -> dict:
        return next(link for link in self.links if link["id"] == link_id)

    def page(self, link_id: str, page: str = "timer", query: str = "") -> str:
        """The LAN server's page with the remote link in its fragment (what serve prints)."""
        url = self.link(link_id)["pages"][page]
        if query:
            head, frag = url.split("#", 1)
            url = f"{head}?{query}#{frag}"
        return url

    def control(self, *args: str) -> None:
        done = cli(self.base_dir, "control", str(self.show), *args)
        assert done.returncode == 0, done.stderr

    def events(self, name: str, timeout: float = 0.0) -> list[dict]:
        """The --machine lines of event ``name`` seen so far (waiting up to ``timeout``)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            event = json.loads(line)
            self.seen.append(event)
            if not timeout and self.lines.empty():
                break
        return [e for e in self.seen if e.get("event") == name]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def serve_remote(
    show: Path, base_dir: Path, broker: Mosquitto, speakers: tuple[str, ...] = ()
) -> RemoteServed:
    args = [
        sys.executable,
        "-m",
        "moderator_app",
        "serve",
        str(show),
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--machine",
        "--broker",
        broker.url,
        "--broker-user",
        "bridge",
        "--broker-password-file",
        broker.password_file("bridge"),
        "--browser-broker",
        broker.ws_url,
        "--browser-user",
        "speaker",
        "--browser-password-file",
        broker.password_file("speaker"),
    ]
    for name in speakers:
        args += ["--speaker", name]
    proc = subprocess.Popen(
        args,
        cwd=REPO,
        env=env_for(base_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    listening: dict | None = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            event = json.loads(lines.get(timeout=max(0.1, deadline - time.monotonic())))
        except queue.Empty:
            break
        if event.get("event") == "listening":
            listening = event
        elif event.get("event") == "remote" and "links" in event:
            if not event["links"]:
                proc.kill()
                raise RuntimeError(f"serve has no remote links: {event}")
            assert listening is not None
            return RemoteServed(proc, show, base_dir, listening, event["links"], lines)
        elif event.get("event") == "error":
            break
    proc.kill()
    raise RuntimeError("serve did not announce its remote links")
