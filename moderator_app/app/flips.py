"""When a displayed second flips: shared by the console's ticker and the network server.

Counting ticks drifts; a screen instead asks for a snapshot at the earliest instant a
displayed figure changes: the wall clock's next second, or the next whole second of the
running countdown (a segment rarely starts exactly on a wall-clock second, so its
countdown flips at its own fraction), or of the show's elapsed time.
"""

from __future__ import annotations

from moderator_app.core.engine import RUNNING, Snapshot

US = 1_000_000


def next_flip_delay_us(now_us: int, phases_us: list[int]) -> int:
    """Microseconds until the next boundary of the wall clock or of any running count.

    ``phases_us`` are the sub-second offsets (0..999999) at which running counts flip.
    """
    best = US - now_us % US
    for phase in phases_us:
        delay = (phase - now_us) % US
        if delay == 0:
            delay = US
        best = min(best, delay)
    return best


def flip_phases_us(snap: Snapshot, now_us: int, show_started_us: int | None) -> list[int]:
    """The sub-second offsets at which the running counts of ``snap`` (taken at
    ``now_us``) flip: none unless a segment runs."""
    if getattr(snap, "state", None) != RUNNING:
        return []
    # remaining = allotted - elapsed; it crosses a whole second when (now - run_since)
    # has the same fraction as the allotted remainder.
    phases = [(now_us + round(snap.remaining_s * US)) % US]
    if show_started_us is not None:
        phases.append(show_started_us % US)
    return phases
