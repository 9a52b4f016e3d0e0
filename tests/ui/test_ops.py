"""The operation runner: work off the UI thread, results and refusals back on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from moderator_app.core.questions import QuestionError
from moderator_app.ui.ops import run_op


def test_result_and_progress_come_back_on_the_ui_thread(qtbot) -> None:
    main = QThread.currentThread()
    seen: list[tuple[str, object, bool]] = []

    def work(progress):
        assert threading.current_thread() is not threading.main_thread()
        progress(1, 2)
        return 42

    op = run_op(work, on_success=lambda r: seen.append(("ok", r, QThread.currentThread() is main)),
                on_progress=lambda d, t: seen.append(("p", d, QThread.currentThread() is main)))
    qtbot.waitUntil(lambda: any(k == "ok" for k, _, _ in seen), timeout=3000)
    assert ("p", 1, True) in seen and ("ok", 42, True) in seen
    op.wait(1000)


def test_refusal_is_one_line_and_a_bug_never_escapes(qtbot) -> None:
    errors: list[str] = []

    def refused(_progress):
        raise QuestionError("No question is on air")

    def bug(_progress):
        raise KeyError("x")

    run_op(refused, on_failure=errors.append)
    run_op(bug, on_failure=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=3000)
    assert "No question is on air" in errors and "KeyError: 'x'" in errors


def test_cancel_is_a_failure_the_caller_hears(qtbot) -> None:
    errors: list[str] = []
    started = threading.Event()

    def long(progress):
        started.set()
        while progress(0, 1):
            pass
        return "never"

    op = run_op(long, on_failure=errors.append)
    started.wait(2)
    op.cancel()
    qtbot.waitUntil(lambda: errors == ["Cancelled"], timeout=3000)
