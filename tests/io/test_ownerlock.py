"""One owning console per show file; stale locks from a killed console never block."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from moderator_app.io.ownerlock import OwnerLock, holder, lock_path


def test_second_acquire_is_refused_until_release(show_path: Path) -> None:
    first = OwnerLock.acquire(show_path)
    assert first is not None and first.held
    assert OwnerLock.acquire(show_path) is None
    assert holder(show_path)["pid"] == os.getpid()
    first.release()
    second = OwnerLock.acquire(show_path)
    assert second is not None
    second.release()


def test_lock_of_a_killed_process_is_not_stale(show_path: Path) -> None:
    code = (
        "import sys, time\n"
        "from moderator_app.io.ownerlock import OwnerLock\n"
        f"lock = OwnerLock.acquire({str(show_path)!r})\n"
        "print('locked' if lock else 'refused', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        assert OwnerLock.acquire(show_path) is None
        assert holder(show_path)["pid"] == proc.pid
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert lock_path(show_path).exists()  # left behind by the kill...
    lock = OwnerLock.acquire(show_path)  # ...and harmless
    assert lock is not None
    lock.release()


def test_unwritable_folder_gives_an_unheld_lock(tmp_path: Path, monkeypatch) -> None:
    def refuse(*_a, **_k):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(Path, "open", refuse)
    lock = OwnerLock.acquire(tmp_path / "x.show")
    assert lock is not None and not lock.held
    lock.release()
