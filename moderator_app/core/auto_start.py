"""Auto-start at a hard start: a segment that starts itself at its clock time.

A segment with a hard start and ``auto_start`` set starts by itself at that time if the
one before it is still on air. Core only says what is pending (``pending``); the console's
tick journals the ``next`` (marked ``auto``) through the app layer when the countdown
reaches zero, so the start is an ordinary, undoable, journaled action. The countdown shows
from ``WARN_S`` before; ``autostart.cancel`` stops it for the run. A console that was not
running at the hard start does not start the segment more than ``LATE_S`` afterwards: a
surprise jump minutes late would be worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from moderator_app.core.clock import from_us, to_us

if TYPE_CHECKING:
    from moderator_app.core.engine import TimerEngine

US = 1_000_000
WARN_S = 60
LATE_S = 10


@dataclass(frozen=True)
class AutoStart:
    index: int
    segment: str
    title: str
    at: datetime  # the hard start, as planned for this run
    in_s: float  # seconds until it fires (<= 0: due now)

    @property
    def due(self) -> bool:
        return self.in_s <= 0


def pending(engine: TimerEngine, now_us: int) -> AutoStart | None:
    """The automatic start counting down (or due) at ``now_us``, if any."""
    from moderator_app.core.engine import PAUSED, RUNNING

    st = engine.state
    if st.status not in (RUNNING, PAUSED):
        return None
    idx = engine.current_index()
    segs = engine.show.segments
    if idx is None or idx + 1 >= len(segs):
        return None
    seg = segs[idx + 1]
    if not seg.auto_start or seg.id in engine.autostart_cancelled:
        return None
    if st.record(seg.id).visits:
        return None
    hard = engine.show.hard_start_at(seg)
    if hard is None:
        return None
    at_us = to_us(hard) + engine.plan_shift_us()
    in_us = at_us - now_us
    if in_us > WARN_S * US or in_us < -LATE_S * US:
        return None
    return AutoStart(idx + 1, seg.id, seg.title, from_us(at_us), in_us / US)
