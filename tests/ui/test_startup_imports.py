"""Heavy libraries stay off the start-up path: building the main window (with every
feature attached) must not import pandas, openpyxl, calamine or pyqtgraph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from moderator_app.ui.app import ensure_application, open_session
from moderator_app.ui.main_window import MainWindow
app = ensure_application()
session = open_session(sys.argv[1])
window = MainWindow(session)
window.show()
app.processEvents()
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
window.close()
session.close()
"""


@pytest.fixture(scope="module")
def loaded_at_startup(tmp_path_factory) -> set[str]:
    from moderator_app.io.showfile import ShowFile
    from moderator_app.resources import default_show

    show = tmp_path_factory.mktemp("startup") / "s.show"
    ShowFile.create(show, default_show()).close()
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(show)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_no_spreadsheet_libraries_at_startup(loaded_at_startup: set[str]) -> None:
    assert not loaded_at_startup & {"pandas", "openpyxl", "python_calamine"}


def test_no_plotting_library_at_startup(loaded_at_startup: set[str]) -> None:
    assert not loaded_at_startup & {"pyqtgraph", "numpy"}
