"""Reading the display flips a page recorded (``window.__moderator.flips``, common.js).

A fixed sleep followed by one read undercounts on a loaded machine: Chromium runs the
test's evaluate ahead of page timers that are already due, so the last flips of the window
are missing although the page would show them on time a moment later (seen in CI: two
changes recorded in a 3.3 s window). The tests wait instead until the page has recorded
the changes they judge, then judge every one of them."""

from __future__ import annotations

import statistics

from playwright.sync_api import TimeoutError as PlaywrightTimeout

# A change of the big figure (not only of the wall clock's second); ``on_time``: a flip the
# page timed itself, not a frame shown as it arrived.
_CHANGES = "(f => f.changed && (!ON_TIME || f.on_time))"


def changes_after_reset(page, count: int, *, on_time: bool = False,
                        timeout_ms: int = 15_000) -> list[float]:
    """Forget the flips so far, wait until ``count`` changes of the big figure are recorded,
    and return each one's lag: the real instant the page showed it minus the server's
    instant for it, in ms (negative: shown early)."""
    keep = _CHANGES.replace("ON_TIME", "true" if on_time else "false")
    page.evaluate("window.__moderator.flips.length = 0")
    try:
        page.wait_for_function(
            f"n => window.__moderator.flips.filter{keep}.length >= n", arg=count,
            timeout=timeout_ms,
        )
    except PlaywrightTimeout:
        seen = page.evaluate("window.__moderator.flips")
        raise AssertionError(f"{count} changes not shown in {timeout_ms} ms: {seen}") from None
    flips = page.evaluate(f"window.__moderator.flips.filter{keep}")
    return [f["real_ms"] - f["at_us"] / 1000 for f in flips]


def assert_on_the_boundary(lags: list[float], *, typical_ms: float = 30,
                           worst_ms: float = 250) -> None:
    """Never early (a wrong clock offset shows first as early flips), typically within
    ``typical_ms`` of the boundary; a timer the busy machine fires late is allowed, not a
    habit, and never seconds late (an uncorrected slow clock)."""
    assert min(lags) >= -5, lags
    assert statistics.median(lags) <= typical_ms, lags
    assert max(lags) <= worst_ms, lags
