"""The linked run sheet in the console: watched by app/watch.py from a QTimer, read off
the UI thread, a file that disappears said once and the run sheet kept."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from moderator_app.app import runsheet as rs
from moderator_app.ui.runsheet_editor import RunSheetEditor
from moderator_app.ui.runsheet_link import RunSheetLink


def _csv(path: Path, qa_minutes: int) -> Path:
    rows = [
        ("Bienvenue", 5), ("Introduction", 10), ("Table ronde", 30),
        ("Questions & Réponses", qa_minutes), ("Clôture", 5),
    ]  # fmt: skip
    body = "".join(f"{title},{minutes}\n" for title, minutes in rows)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("Titre,Durée\n" + body, encoding="utf-8")
    os.replace(tmp, path)  # as editors save: a new file over the old
    return path


def _linked(qtbot, session, tmp_path: Path, monkeypatch) -> tuple[RunSheetLink, list, Path]:
    editor = RunSheetEditor(session)
    qtbot.addWidget(editor)
    reads: list[threading.Thread] = []
    real = rs.read_runsheet

    def spy(*args, **kwargs):
        reads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(rs, "read_runsheet", spy)
    link = RunSheetLink(editor)
    sheet = _csv(tmp_path / "producer.csv", 25)
    with qtbot.waitSignal(link.handled, timeout=10000):
        link.link(sheet)
    assert [s.title for s in session.show.segments][3] == "Questions & Réponses"
    return link, reads, sheet


def test_a_change_is_read_once_off_the_ui_thread(qtbot, session, tmp_path, monkeypatch) -> None:
    link, reads, sheet = _linked(qtbot, session, tmp_path, monkeypatch)
    assert link.poller.isActive()
    reads.clear()
    for minutes in (26, 27, 28):  # saved in several writes, quicker than the settle delay
        _csv(sheet, minutes)
        qtbot.wait(50)
    with qtbot.waitSignal(link.handled, timeout=10000):
        pass
    assert session.show.segments[3].planned_duration_s == 28 * 60
    qtbot.wait(800)  # nothing more to read: the file has settled
    assert len(reads) == 1 and reads[0] is not threading.main_thread()


def test_a_linked_sheet_that_disappears_is_said_and_the_run_sheet_kept(
    qtbot, session, tmp_path, monkeypatch
) -> None:
    link, _reads, sheet = _linked(qtbot, session, tmp_path, monkeypatch)
    before = session.show.to_dict()
    sheet.unlink()
    with qtbot.waitSignal(link.handled, timeout=10000):
        pass
    assert "producer.csv is gone" in link.label.text() and link.bar.isVisibleTo(link.editor)
    assert session.show.to_dict() == before
    _csv(sheet, 40)  # back, changed: read and applied
    qtbot.waitUntil(lambda: session.show.segments[3].planned_duration_s == 2400, timeout=10000)


def test_unlinking_stops_watching(qtbot, session, tmp_path, monkeypatch) -> None:
    link, reads, sheet = _linked(qtbot, session, tmp_path, monkeypatch)
    link.unlink()
    assert not link.poller.isActive() and link.watch.paths == []
    reads.clear()
    _csv(sheet, 40)
    qtbot.wait(900)
    assert reads == [] and session.show.segments[3].planned_duration_s == 25 * 60


def test_a_read_ending_after_the_editor_closed_changes_nothing(
    qtbot, session, tmp_path
) -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication

    editor = RunSheetEditor(session)
    link = RunSheetLink(editor)
    before = session.show.to_dict()
    link.link(_csv(tmp_path / "producer.csv", 25))  # a different run sheet: it would apply
    op = link.reading
    assert op is not None
    shiboken6.delete(editor)  # another show opened meanwhile
    op.wait(10000)
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    assert session.show.to_dict() == before
