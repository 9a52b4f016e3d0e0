from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from moderator_app.paths import default_show_path
from moderator_app.ui import app as app_module


def test_first_run_creates_default_show_then_reopens_it() -> None:
    assert not default_show_path().exists()
    session = app_module.open_session(None)
    assert session.path == default_show_path()
    assert session.show.title.startswith("Webinaire")
    session.perform("start")
    session.close()
    again = app_module.open_session(None)
    assert again.engine.state.status == "running"
    again.close()


@pytest.mark.parametrize("content", [b"", b"not sqlite at all", None])
def test_bad_show_file_gives_a_message_and_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp, content: bytes | None
) -> None:
    path = tmp_path / "bad.show"
    if content is not None:
        path.write_bytes(content)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert app_module.run_console(str(path)) == 2
    assert len(shown) == 1 and str(path) in shown[0]
    if content is not None:
        assert path.read_bytes() == content
    else:
        assert not path.exists()
