"""A real small filesystem for fault tests: a tmpfs that can be filled up or remounted
read-only. Needs root (mount); tests using it skip, with the reason, when it cannot work.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


class SmallDisk:
    """A mounted tmpfs of ``size_kb`` at ``path``; ``fill``/``free`` and ``readonly``/``writable``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.filler = path / "filler"

    def fill(self, leave_bytes: int = 0) -> None:
        """Write a filler file until the filesystem refuses (ENOSPC): a really full disk;
        then give back ``leave_bytes`` (whole pages) if asked."""
        with self.filler.open("ab", buffering=0) as fh:
            block = b"\0" * 4096
            try:
                while True:
                    fh.write(block)
            except OSError:
                pass
            with contextlib.suppress(OSError):  # the last partial page too
                while True:
                    fh.write(b"\0")
        assert os.statvfs(self.path).f_bavail == 0
        if leave_bytes:
            size = self.filler.stat().st_size
            os.truncate(self.filler, max(0, size - size % 4096 - leave_bytes))

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def readonly(self) -> None:
        _mount("-o", "remount,ro", str(self.path))

    def writable(self) -> None:
        _mount("-o", "remount,rw", str(self.path))


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


@contextlib.contextmanager
def small_disk(where: Path, size_kb: int = 1024) -> Iterator[SmallDisk]:
    """Mount a tmpfs at ``where`` for the duration; unmounted whatever happens."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (a real full or read-only disk)")
    where.mkdir(parents=True, exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where))
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot mount a tmpfs here ({exc})")
    try:
        yield SmallDisk(where)
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


@contextlib.contextmanager
def read_only_file(path: Path) -> Iterator[Callable[[], None]]:
    """Make the file at ``path`` really read-only (a read-only bind mount of it) while its
    folder stays writable; yields ``fix``, which remounts it writable."""
    if os.geteuid() != 0:
        pytest.skip("needs root to bind-mount a file read-only (root ignores chmod)")
    try:
        _mount("--bind", str(path), str(path))
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot bind-mount a file here ({exc})")

    def fix() -> None:
        # Remounted writable: what an administrator would do. Connections opened before
        # keep their read-only file handle; only a new one can write.
        _mount("-o", "remount,bind,rw", str(path))

    try:
        _mount("-o", "remount,bind,ro", str(path))
        yield fix
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)
