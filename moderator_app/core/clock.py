"""Clocks: the engine never reads the time itself, it is handed one of these."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol

from moderator_app.core.refusal import Refusal

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock for tests and rehearsals that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2027, 2, 25, 15, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment

    def advance(self, seconds: float = 0.0, **kwargs: float) -> datetime:
        self._now += timedelta(seconds=seconds, **kwargs)
        return self._now


def to_us(moment: datetime) -> int:
    """Exact integer microseconds since the epoch (no float rounding)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the journal only holds aware times")
    return (moment - EPOCH) // _US


_MIN_US = -(EPOCH - datetime.min.replace(tzinfo=UTC)) // _US
_MAX_US = (datetime.max.replace(tzinfo=UTC) - EPOCH) // _US


def from_us(us: int) -> datetime:
    """The instant ``us``; a stamp past what datetime holds (year 9999, a damaged journal
    entry) is pinned to the nearest representable instant rather than raising mid-report."""
    return EPOCH + timedelta(microseconds=min(max(us, _MIN_US), _MAX_US))


# The clock rule (see ``check_reading`` and TimerEngine.check_stamp): a reading outside
# these years is a broken clock, never a show, and is refused before anything is stamped.
SANE_FROM = datetime(2000, 1, 1, tzinfo=UTC)
SANE_UNTIL = datetime(3000, 1, 1, tzinfo=UTC)


class ClockError(Refusal):
    """This process's clock cannot stamp a journal entry; the message says why (see
    core/refusal.py)."""


def read_us(clock: Clock) -> int:
    """``clock`` now, in journal microseconds, or ClockError for an impossible reading.

    A clock set to year 9999 (or beyond what the platform's time functions convert) is
    refused here with one clear sentence instead of an OverflowError somewhere later.
    """
    try:
        moment = clock.now()
        us = to_us(moment)
    except (OverflowError, ValueError, OSError) as exc:
        raise ClockError("this computer's clock cannot be read ({0})", exc) from None
    if not to_us(SANE_FROM) <= us < to_us(SANE_UNTIL):
        raise ClockError(
            "this computer's clock reads {0:%Y-%m-%d %H:%M} UTC, which cannot be right; set "
            "the clock and try again",
            moment,
        )
    return us


# A wall-clock step larger than this (NTP correction, the user setting the time) is a jump;
# smaller differences are ordinary slewing and scheduling noise.
JUMP_THRESHOLD_S = 2.0


class MonotonicGuardClock:
    """Wall time that cannot jump behind the timer's back.

    It hands out ``anchor_wall + (monotonic - anchor_monotonic)``: time that advances
    exactly as fast as real time, whatever the system clock does. Each reading also
    compares against the wall clock; when they disagree by more than the threshold the
    wall clock has been stepped, and ``pending_jump_us`` says by how much. The clock keeps
    handing out monotonic-consistent time until the owner has journaled the jump and
    calls ``acknowledge()``, which re-anchors on the (corrected) wall clock.
    """

    def __init__(
        self,
        wall: Callable[[], datetime] | None = None,
        monotonic: Callable[[], float] | None = None,
        threshold_s: float = JUMP_THRESHOLD_S,
    ) -> None:
        self._wall = wall or (lambda: datetime.now(UTC))
        self._monotonic = monotonic or time.monotonic
        self._threshold_us = int(threshold_s * 1_000_000)
        self._anchor()
        self.pending_jump_us: int | None = None

    def _anchor(self) -> None:
        self._anchor_wall_us = to_us(self._wall())
        self._anchor_mono_us = int(self._monotonic() * 1_000_000)

    def _read(self) -> tuple[int, int, int]:
        """(monotonic µs, guarded µs, wall µs), read together."""
        mono_us = int(self._monotonic() * 1_000_000)
        wall_us = to_us(self._wall())
        return mono_us, self._anchor_wall_us + (mono_us - self._anchor_mono_us), wall_us

    def now(self) -> datetime:
        return from_us(self.now_us())

    def now_us(self) -> int:
        _, guarded, wall_us = self._read()
        offset = wall_us - guarded
        # A step back before anyone acknowledged it cancels the pending jump.
        self.pending_jump_us = offset if abs(offset) > self._threshold_us else None
        return guarded

    def acknowledge(self) -> tuple[int, int]:
        """Adopt the wall clock again.

        Returns ``(before_us, step_us)``: the last guarded instant and the step taken from
        it, so that ``before_us + step_us`` is the first instant handed out afterwards.
        """
        mono_us, guarded, wall_us = self._read()
        self._anchor_wall_us = wall_us
        self._anchor_mono_us = mono_us
        self.pending_jump_us = None
        return guarded, wall_us - guarded
