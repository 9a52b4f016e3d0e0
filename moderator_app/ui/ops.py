"""One way to run background work in the console: file reads, imports, exports.

In the spirit of Anki's ``CollectionOp``/``QueryOp``: an operation is a plain function of
its inputs run off the UI thread, ``fn(progress) -> result``, where ``progress(done,
total)`` reports and returns False once the user cancelled. Its result, or the one-line
message of a refusal (``app.errors.USER_ERRORS``), comes back on the UI thread through
``on_success`` / ``on_failure``. Cancelling also stops a spreadsheet's reading process
(``app.files.cancel_scope``). No other module starts threads.

The thread is held here until it ends: a QThread destroyed while it runs aborts the
process, and an operation may outlive the dialog that started it by the time it takes to
notice a cancel.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from moderator_app.app.errors import CANCELLED, USER_ERRORS
from moderator_app.app.files import cancel_scope
from moderator_app.ui.refusals import refusal_text

Progress = Callable[[int, int], bool]
_RUNNING: set[Operation] = set()

# A worker holding the interpreter makes every Python call of the UI thread (a model's
# data(), a paint) wait up to one switch interval, 5 ms by default, and a repaint makes
# hundreds of them: measured, reading a 1 MB paste stalled the UI 60-290 ms per gap. Half
# a millisecond while any operation runs brings the longest gap to about a frame.
SWITCH_INTERVAL_S = 0.0005
_sharing = {"count": 0, "saved": 0.0}
_sharing_lock = threading.Lock()


@contextmanager
def sharing_the_interpreter() -> Iterator[None]:
    """A short switch interval while the block runs, restored when the last running
    operation ends (operations may overlap)."""
    with _sharing_lock:
        if _sharing["count"] == 0:
            _sharing["saved"] = sys.getswitchinterval()
            sys.setswitchinterval(min(SWITCH_INTERVAL_S, _sharing["saved"]))
        _sharing["count"] += 1
    try:
        yield
    finally:
        with _sharing_lock:
            _sharing["count"] -= 1
            if _sharing["count"] == 0:
                sys.setswitchinterval(_sharing["saved"])


class Operation(QThread):
    """``fn(progress)`` on a worker thread; the signals arrive on the UI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[Progress], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self.result: object = None
        self.error: str | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            # A cancel also stops a workbook's child; the UI thread keeps its frames.
            with cancel_scope(self._cancel.is_set), sharing_the_interpreter():
                result = self._fn(self._progress)
        except CANCELLED as exc:
            self._fail(str(exc))
        except USER_ERRORS as exc:
            self._fail(refusal_text(exc))
        except Exception as exc:  # a bad file must never take the console down
            self._fail(f"{type(exc).__name__}: {exc}")
        else:
            if self._cancel.is_set():
                self._fail(QCoreApplication.translate("Operation", "Cancelled"))
            else:
                self.result = result
                self.succeeded.emit(result)

    def _fail(self, message: str) -> None:
        self.error = message
        self.failed.emit(message)


class _Relay(QObject):
    """Lives on the UI thread: the operation's signals reach the callbacks through its
    slots, so a plain function is called on the UI thread (queued), never on the worker's."""

    def __init__(self, on_success, on_failure, on_progress) -> None:
        super().__init__()
        self._success, self._failure, self._progress = on_success, on_failure, on_progress

    def success(self, result: object) -> None:
        if self._success is not None:
            self._success(result)

    def failure(self, message: str) -> None:
        if self._failure is not None:
            self._failure(message)

    def progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(done, total)


def run_op(
    fn: Callable[[Progress], object],
    *,
    on_success: Callable[[object], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Operation:
    """Start ``fn`` off the UI thread and return its handle (``cancel()``, ``wait()``)."""
    op = Operation(fn)  # no parent: held by _RUNNING until it ends (see above)
    relay = _Relay(on_success, on_failure, on_progress)
    op.relay = relay  # type: ignore[attr-defined]  # lives as long as the operation
    op.succeeded.connect(relay.success)
    op.failed.connect(relay.failure)
    op.progressed.connect(relay.progress)
    _RUNNING.add(op)
    op.finished.connect(lambda: _RUNNING.discard(op))
    op.start()
    return op


def cancel_all(wait_ms: int = 5000) -> None:
    """Cancel every running operation and wait for them (the application is quitting)."""
    for op in list(_RUNNING):
        op.cancel()
    for op in list(_RUNNING):
        op.wait(wait_ms)
