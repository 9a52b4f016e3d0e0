"""Heavy libraries stay off the start-up path: building the main window (with every
feature attached) imports none of pandas, pyqtgraph or openpyxl."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "pyqtgraph", "openpyxl", "python_calamine", "numpy")

PROBE = f"""
import json, sys
from moderator_app.ui.app import ensure_application, open_session
from moderator_app.ui.main_window import MainWindow
app = ensure_application()
session = open_session(sys.argv[1])
window = MainWindow(session)
window.show()
app.processEvents()
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r})))
window.close()
session.close()
"""


def test_main_window_does_not_import_heavy_libraries(show_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(show_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"imported at start-up: {loaded}"
