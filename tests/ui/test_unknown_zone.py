from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from moderator_app.ui.app import open_session
from moderator_app.ui.main_window import MainWindow


def test_show_with_unknown_zone_opens_and_says_utc(qtbot, show_path: Path) -> None:
    db = sqlite3.connect(show_path)
    header = json.loads(db.execute("SELECT data FROM show").fetchone()[0])
    header["timezone"] = "Europe/Atlantis"
    db.execute("UPDATE show SET data = ?", (json.dumps(header),))
    db.commit()
    db.close()
    session = open_session(str(show_path))
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert window.panel.zone_warning.isVisible()
    assert "Europe/Atlantis" in window.panel.zone_warning.text()
    assert "UTC" in window.panel.zone_warning.text()
    assert window.panel.clock.text()  # the clock still runs, in UTC
    window.close()
    session.close()
