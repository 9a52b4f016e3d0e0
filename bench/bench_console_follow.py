"""How soon the console shows an action that arrived over the network.

The real ``MainWindow`` (offscreen) owns a running show; a real ``serve`` process shares
the same show file. From another thread, HTTP GET ``/api/addtime/add/60000`` (then
``remove``) is sent; the figure is the time from sending the request to the console
*painting* the remaining time that moved by a minute. p99 over the actions.

Baseline, same run, same window: the same add/remove pressed in the console itself
(``window.perform``): the console's own action-to-paint time.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_seconds import parse_countdown
from netbench_common import Served, p99
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

from moderator_app.core.actions import ActionType
from moderator_app.core.runsheet import Segment, Show

FIGURES = ("console_follow_p99_ms", "console_follow_median_ms", "baseline_console_own_p99_ms")


class JumpRecorder(QObject):
    """The perf_counter time of each paint showing a figure a minute away from the last."""

    def __init__(self, label) -> None:
        super().__init__()
        self.label = label
        self.last: int | None = None
        self.jumps: list[float] = []
        label.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            try:
                shown = parse_countdown(self.label.text())
            except ValueError:
                return False
            if self.last is not None and abs(shown - self.last) >= 50:
                self.jumps.append(time.perf_counter())
            self.last = shown
        return False


def spin_until(condition, timeout: float) -> bool:
    deadline = time.perf_counter() + timeout
    loop = QEventLoop()
    while not condition() and time.perf_counter() < deadline:
        QTimer.singleShot(1, loop.quit)
        loop.exec()
    return condition()


def run(quick: bool = False) -> dict[str, float]:
    actions = 10 if quick else 40
    workdir = tempfile.TemporaryDirectory(prefix="bench-follow-")
    os.environ["MODERATOR_APP_CONFIG_DIR"] = workdir.name
    os.environ["MODERATOR_APP_DATA_DIR"] = workdir.name

    from moderator_app.app.show import Role, create_show, open_show
    from moderator_app.ui.app import ensure_application
    from moderator_app.ui.main_window import MainWindow

    app = ensure_application()
    now = datetime.now(UTC).replace(microsecond=0)
    show = Show("Bench", now + timedelta(seconds=2), "Europe/Paris",
                segments=[Segment("Long talk", 3600, speaker="Speaker", id="talk")])
    path = Path(workdir.name) / "follow.moderator"
    create_show(path, show)
    session = open_show(path, role=Role.CONSOLE)
    window = MainWindow(session)
    window.resize(1366, 740)
    window.show()
    app.processEvents()
    window.perform(ActionType.START)
    recorder = JumpRecorder(window.panel.remaining)
    served = Served(path)
    follow: list[float] = []
    own: list[float] = []
    try:
        token = served.tokens["control"]
        for i in range(actions):
            way = "add" if i % 2 == 0 else "remove"
            url = f"{served.base}/api/addtime/{way}/60000?token={token}"
            before = len(recorder.jumps)
            sent: list[float] = []

            def press(url: str = url, sent: list[float] = sent) -> None:
                sent.append(time.perf_counter())
                urllib.request.urlopen(url, timeout=5).read()

            thread = threading.Thread(target=press)
            thread.start()
            if not spin_until(lambda before=before: len(recorder.jumps) > before, 3):
                raise RuntimeError("the console did not show a network action within 3 s")
            thread.join()
            follow.append((recorder.jumps[before] - sent[0]) * 1000)
            spin_until(lambda: False, 0.15 + (i % 7) * 0.013)  # spread over the poll's phase
        for i in range(actions):
            before = len(recorder.jumps)
            started = time.perf_counter()
            window.perform(ActionType.ADD_TIME, {"seconds": 60 if i % 2 == 0 else -60})
            if not spin_until(lambda before=before: len(recorder.jumps) > before, 3):
                raise RuntimeError("the console did not show its own action within 3 s")
            own.append((recorder.jumps[before] - started) * 1000)
            spin_until(lambda: False, 0.1)
    finally:
        served.stop()
        window.close()
        session.close()
        workdir.cleanup()
    follow.sort()
    return {
        "console_follow_p99_ms": round(p99(follow), 1),
        "console_follow_median_ms": round(follow[len(follow) // 2], 1),
        "baseline_console_own_p99_ms": round(p99(own), 1),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
