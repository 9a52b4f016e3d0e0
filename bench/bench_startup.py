"""Start-up: from launching the real program to its main window shown and its event loop
running, against the floor of importing PySide6's widgets alone, both in fresh processes.

The console prints a marker from a zero-delay timer after ``window.show()`` when
MODERATOR_APP_STARTUP_PROBE is set (``exit`` quits right after), so the figure covers
interpreter start, imports, opening the show file, building the window and the first paint
being scheduled. Median of several runs (offscreen platform).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ("startup_window_s", "import_pyside6_s")
MARKER = "moderator-app: window ready"


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        PYTHONPATH=str(ROOT),
        MODERATOR_APP_DATA_DIR=str(data_dir),
        MODERATOR_APP_STARTUP_PROBE="exit",
    )
    return env


def time_window(show: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "moderator_app", str(show)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if MARKER in line:
            elapsed = time.perf_counter() - started
            break
    else:
        proc.wait()
        raise RuntimeError("the console never reported its window")
    proc.wait(timeout=30)
    return elapsed


def time_import(env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True, env=env)
    return time.perf_counter() - started


def run(quick: bool) -> dict[str, float]:
    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        env = _env(Path(tmp) / "data")
        show = Path(tmp) / "bench.show"
        subprocess.run(
            [sys.executable, "-m", "moderator_app", "new", str(show)],
            check=True,
            env=env,
            capture_output=True,
            cwd=ROOT,
        )
        time_window(show, env)  # warm the OS file cache: we measure the app, not the disk
        windows = [time_window(show, env) for _ in range(repeats)]
        imports = [time_import(env) for _ in range(repeats)]
    return {
        "startup_window_s": round(statistics.median(windows), 3),
        "import_pyside6_s": round(statistics.median(imports), 3),
    }


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
