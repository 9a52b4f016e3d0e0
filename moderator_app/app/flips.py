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
    ``now_us``) flip: the segment's and the show's while a segment runs, and those of the
    timers beside the schedule (aux timers, the answer timer) whenever they run."""
    phases = _side_phases(snap)
    if getattr(snap, "state", None) != RUNNING:
        return phases
    # remaining = allotted - elapsed; it crosses a whole second when (now - run_since)
    # has the same fraction as the allotted remainder.
    phases.append((now_us + round(snap.remaining_s * US)) % US)
    if show_started_us is not None:
        phases.append(show_started_us % US)
    return phases


def _side_phases(snap: Snapshot) -> list[int]:
    # An aux timer's count is elapsed_us + (now - running_since_us): it crosses a whole
    # second at the fraction of (running_since_us - elapsed_us); counting down from a
    # duration with a fraction of its own, at that plus the duration's fraction.
    phases: list[int] = []
    for timer in getattr(snap, "aux", ()):
        if timer.running_since_us is None:
            continue
        base = timer.running_since_us - timer.elapsed_us
        phases.append(base % US)
        phases.append((base + timer.duration_us) % US)
    answer = getattr(snap, "answer", None)
    if answer is not None and answer.running:
        phases.append(answer.started_us % US)
    return phases
