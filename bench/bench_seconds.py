"""Second-boundary accuracy of the moderator view, on the real widgets.

A show runs on the system clock in the real ``MainWindow`` (offscreen). Every time the
big remaining-time label *paints* a new figure, we note the wall-clock time and compare
it with the true boundary at which that figure became correct, computed from the engine
(segment start + allotted - shown seconds). The show starts at an odd fraction of a
second, as it does in life, so the countdown does not flip with the wall clock.

Baseline, same run, same widget: the ticker stopped and a naive 1000 ms ``QTimer``
refreshing the panel. Figures: p99 lag in ms, and seconds skipped or shown twice.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

from moderator_app.core.actions import ActionType
from moderator_app.core.runsheet import Segment, Show

FIGURES = (
    "second_flip_lag_p99_ms",
    "second_flip_lag_median_ms",
    "second_flip_skipped",
    "second_flip_repeated",
    "baseline_second_flip_lag_p99_ms",
    "baseline_second_flip_lag_median_ms",
    "baseline_second_flip_skipped",
    "baseline_second_flip_repeated",
)
START_FRACTION = 0.371  # the show starts 371 ms past a wall-clock second


def parse_countdown(text: str) -> int:
    """Signed seconds of "m:ss" / "h:mm:ss" / "-m:ss" (negative is overtime)."""
    sign = -1 if text.startswith("-") else 1
    total = 0
    for part in text.lstrip("-").split(":"):
        total = total * 60 + int(part)
    return sign * total


class PaintRecorder(QObject):
    """Notes (wall time in µs, text) each time the label paints a text it had not shown."""

    def __init__(self, label) -> None:
        super().__init__()
        self.label = label
        self.last = None
        self.changes: list[tuple[int, str]] = []
        label.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            text = self.label.text()
            if text != self.last:
                self.last = text
                self.changes.append((time.time_ns() // 1000, text))
        return False


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_for_fraction(fraction: float) -> None:
    now = time.time()
    target = int(now) + 1 + fraction
    time.sleep(max(target - now, 0))


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, round(share * (len(sorted_values) - 1)))]


def analyse(changes: list[tuple[int, str]], segment_end_us: int, keep_lags: bool = False) -> dict:
    """Lag of each flip after its true boundary; skipped and repeated seconds."""
    lags = []
    skipped = repeated = 0
    previous = None
    for at_us, text in changes[1:]:  # the first paint is the window appearing
        shown = parse_countdown(text)
        # "v" (v > 0) is right from the instant remaining <= v; overtime "-v" likewise.
        boundary_us = segment_end_us - shown * 1_000_000
        lags.append((at_us - boundary_us) / 1000)
        if previous is not None:
            step = previous - shown
            if step <= 0:
                repeated += 1
            elif step > 1:
                skipped += step - 1
        previous = shown
    lags.sort()
    return {
        "p99": round(percentile(lags, 0.99), 2),
        "median": round(statistics.median(lags), 2) if lags else float("nan"),
        "skipped": skipped,
        "repeated": repeated,
        "count": len(lags),
        "lags": lags if keep_lags else [],
    }


def run(quick: bool = False) -> dict[str, float]:
    seconds = 3.0 if quick else 10.0
    workdir = tempfile.TemporaryDirectory(prefix="bench-seconds-")
    # Never touch the user's settings or default show.
    os.environ["MODERATOR_APP_CONFIG_DIR"] = workdir.name
    os.environ["MODERATOR_APP_DATA_DIR"] = workdir.name

    from moderator_app.io.session import ShowSession
    from moderator_app.io.showfile import ShowFile
    from moderator_app.ui.app import ensure_application
    from moderator_app.ui.main_window import MainWindow

    app = ensure_application()
    now = datetime.now(UTC).replace(microsecond=0)
    show = Show(
        "Bench",
        now + timedelta(seconds=2),
        "Europe/Paris",
        segments=[Segment("Long talk", 3600, speaker="Speaker", id="talk")],
    )
    path = Path(workdir.name) / "bench.show"
    ShowFile.create(path, show).close()
    session = ShowSession.open(path)
    window = MainWindow(session)
    window.resize(1366, 740)
    window.show()
    app.processEvents()
    wait_for_fraction(START_FRACTION)
    window.perform(ActionType.START)
    state = session.engine.state
    segment_end_us = state.run_since_us + 3600 * 1_000_000

    recorder = PaintRecorder(window.panel.remaining)
    spin(seconds)
    ours = analyse(recorder.changes, segment_end_us)
    recorder.label.removeEventFilter(recorder)

    # Baseline: the same widget refreshed by a plain 1000 ms timer. Its lag depends on
    # when it happened to start, so it starts at several phases after a boundary and
    # the lags are pooled, as if the console had been opened at a random moment.
    window.ticker.stop()
    window.ticker.ticked.disconnect()
    phases = (0.2, 0.5, 0.8) if quick else (0.1, 0.3, 0.5, 0.7, 0.9)
    pooled: list[dict[str, float]] = []
    for phase in phases:
        wait_for_fraction((START_FRACTION + phase) % 1.0)
        naive = QTimer()
        naive.setInterval(1000)
        naive.timeout.connect(lambda: window.panel.update_snapshot(session.snapshot()))
        window.panel.update_snapshot(session.snapshot())  # what a naive start shows first
        recorder = PaintRecorder(window.panel.remaining)
        naive.start()
        spin(2.2)
        naive.stop()
        recorder.label.removeEventFilter(recorder)
        pooled.append(analyse(recorder.changes, segment_end_us, keep_lags=True))
    lags = sorted(lag for part in pooled for lag in part["lags"])
    base = {
        "p99": round(percentile(lags, 0.99), 2),
        "median": round(statistics.median(lags), 2),
        "skipped": sum(part["skipped"] for part in pooled),
        "repeated": sum(part["repeated"] for part in pooled),
    }

    window.close()
    session.close()
    workdir.cleanup()
    return {
        "second_flip_lag_p99_ms": ours["p99"],
        "second_flip_lag_median_ms": ours["median"],
        "second_flip_skipped": ours["skipped"],
        "second_flip_repeated": ours["repeated"],
        "baseline_second_flip_lag_p99_ms": base["p99"],
        "baseline_second_flip_lag_median_ms": base["median"],
        "baseline_second_flip_skipped": base["skipped"],
        "baseline_second_flip_repeated": base["repeated"],
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
