"""Linked question files in the console: watched by app/watch.py (the run sheet link's
watcher too), polled from a QTimer; a save by replacing the file is merged, a file that
disappears is said once and its questions stay."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from moderator_app.app import questions as app_questions
from moderator_app.io.question_import import preview_file
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.ui.questions_import import SourceWatcher

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"


def _linked(qtbot, session: ShowSession, tmp_path: Path, count: int):
    lines = (FIX / "slido_export.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "slido.csv"
    path.write_text("\n".join(lines[: count + 1]) + "\n", encoding="utf-8")
    book = QuestionBook(session)
    book.import_result(preview_file(path, tz=session.show.tz))
    book.link_source(path, "slido")
    watcher = SourceWatcher(book)
    return book, watcher, path, lines


def _replace(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # as exporters save: a new file over the old


def test_a_file_replaced_by_a_new_one_is_merged_off_the_ui_thread(
    qtbot, session: ShowSession, tmp_path: Path, monkeypatch
) -> None:
    threads: list[threading.Thread] = []
    real = app_questions.extract

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(app_questions, "extract", spy)  # the one read path
    book, watcher, path, lines = _linked(qtbot, session, tmp_path, 1)
    assert watcher._poller.isActive() and path.resolve() in watcher.watch.paths
    with qtbot.waitSignal(watcher.merged, timeout=10000) as signal:
        _replace(path, "\n".join(lines) + "\n")
    assert signal.args == [str(path.resolve()), 2] and len(book.queue) == 3
    assert threads == [threads[0]] and threads[0] is not threading.main_thread()


def test_a_linked_file_that_disappears_is_said_once_and_its_questions_stay(
    qtbot, session: ShowSession, tmp_path: Path
) -> None:
    book, watcher, path, lines = _linked(qtbot, session, tmp_path, 2)
    failed: list[str] = []
    watcher.failed.connect(failed.append)
    path.unlink()
    qtbot.waitUntil(lambda: bool(failed), timeout=10000)
    qtbot.wait(1000)
    assert len(failed) == 1 and "slido.csv: the linked file is gone" in failed[0]
    assert len(book.queue) == 2
    with qtbot.waitSignal(watcher.merged, timeout=10000) as signal:  # back with one more
        _replace(path, "\n".join(lines) + "\n")
    assert signal.args[1] == 1 and len(book.queue) == 3


def test_a_file_no_longer_linked_is_no_longer_watched(
    qtbot, session: ShowSession, tmp_path: Path
) -> None:
    book, watcher, _path, _lines = _linked(qtbot, session, tmp_path, 1)
    for source in book.linked_sources():
        book.unlink_source(source.path)
    watcher.sync()
    assert watcher.watch.paths == [] and not watcher._poller.isActive()
