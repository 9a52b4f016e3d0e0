"""The show's clock, carried from one writing process to the next by the machine's own
uptime clock, so that a command run with a wrong wall clock still stamps the true time.

Every process that commits to a show leaves ``.NAME.show.clock`` beside it: the instant it
stamped (on its own clock) and the machine's boot-time clock read at the same moment,
with the host and the kernel's boot id. A later process on the same machine and the same
boot knows exactly how much real time has passed since (the boot-time clock never steps,
counts suspend, and is shared by every process), so it knows what the show's clock reads
now, whatever its own wall clock says. Elsewhere (another computer, after a reboot, a
system without a boot id) the record is not used and each process has only its own clock.
"""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from moderator_app.core.clock import Clock, MonotonicGuardClock, from_us

_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def witness_path(show_path: Path) -> Path:
    return show_path.with_name(f".{show_path.name}.clock")


def _boot_id() -> str | None:
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def _uptime_us() -> int:
    # CLOCK_BOOTTIME counts time asleep: a laptop closed for an hour mid-show did spend it.
    clock_id = getattr(time, "CLOCK_BOOTTIME", None)
    seconds = time.clock_gettime(clock_id) if clock_id is not None else time.monotonic()
    return int(seconds * 1_000_000)


@dataclass(frozen=True)
class Witness:
    show_us: int
    uptime_us: int
    pid: int

    def now_us(self) -> int:
        return self.show_us + (_uptime_us() - self.uptime_us)


def read_witness(show_path: Path) -> Witness | None:
    """The last writer's record if it can be carried to this process, else None."""
    boot = _boot_id()
    if boot is None:
        return None
    try:
        data = json.loads(witness_path(show_path).read_text(encoding="utf-8"))
        if data.get("host") != socket.gethostname() or data.get("boot") != boot:
            return None
        witness = Witness(int(data["show_us"]), int(data["uptime_us"]), int(data["pid"]))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    if witness.uptime_us > _uptime_us():
        return None  # written in the future of this boot: not a record we can trust
    return witness


def write_witness(show_path: Path, show_us: int) -> None:
    """Record that the show's clock read ``show_us`` just now (best effort: a folder we
    cannot write to only means the next process has its own clock to go by)."""
    boot = _boot_id()
    if boot is None:
        return
    data = {
        "show_us": show_us,
        "uptime_us": _uptime_us(),
        "boot": boot,
        "host": socket.gethostname(),
        "pid": os.getpid(),
    }
    target = witness_path(show_path)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


class CarriedClock:
    """The show's clock for a one-shot command: the last writer's record carried forward
    by the uptime clock when there is one, else this process's guarded wall clock."""

    def __init__(self, show_path: Path, fallback: Clock | None = None) -> None:
        self.fallback = fallback or MonotonicGuardClock()
        self.witness = read_witness(show_path)
        if self.witness is not None and self.witness.pid == os.getpid():
            self.witness = None  # our own record: our clock already agrees with it

    @property
    def carried(self) -> bool:
        return self.witness is not None

    def now(self) -> datetime:
        if self.witness is None:
            return self.fallback.now()
        return from_us(self.witness.now_us())
