"""A browser's displayed second against the server's, in Debian's headless Chromium.

- ``browser_second_flip_lag_p99_ms``: a /timer page whose clock is shifted by +7.3 s (Date
  and Date.now overridden, as on a tablet set wrong) flips its big figure after the server's
  true second boundary by this much (p99 over every change of the big figure the page timed
  itself, i.e. not a push that arrived after its instant; the moment
  the figure's text changes, read against the real clock — performance.timeOrigin + now —
  which the shift does not touch). Target ≤ 30 ms.
- Baseline, same run, same server: the same page with its clock right
  (``baseline_browser_second_flip_lag_p99_ms``): what the clock correction costs is the
  difference.
- ``browser_clock_offset_error_ms``: |measured offset + 7300| after the first pings.

Skipped (no figures) when /usr/bin/chromium or Playwright is missing.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from netbench_common import ARGS, CHROMIUM, SHIFT_MS, SHIFTED, p99, served_show  # noqa: E402

FIGURES = (
    "browser_second_flip_lag_p99_ms", "browser_second_flip_lag_median_ms",
    "browser_flips", "browser_clock_offset_error_ms",
    "baseline_browser_second_flip_lag_p99_ms", "baseline_browser_second_flip_lag_median_ms",
)  # fmt: skip
def _lags(browser, url: str, shift_ms: int, seconds: float) -> tuple[list[float], float]:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        if shift_ms:
            context.add_init_script(SHIFTED.replace("SHIFT", str(shift_ms)))
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(
            "() => window.__moderator && window.__moderator.rtt !== undefined", timeout=15_000
        )
        time.sleep(1.0)  # the first batch of pings
        offset = page.evaluate("window.__moderator.offset")
        page.evaluate("window.__moderator.flips.length = 0")
        time.sleep(seconds)
        flips = page.evaluate("window.__moderator.flips")
    finally:
        context.close()
    # The flips that changed the big figure, timed by the page itself (a frame shown as it
    # arrived is a push's own delay).
    lags = [f["real_ms"] - f["at_us"] / 1000 for f in flips if f["on_time"] and f["changed"]]
    return lags, offset


def run(quick: bool = False) -> dict[str, float]:
    if not Path(CHROMIUM).exists():
        print("bench_browser: no /usr/bin/chromium: skipped", file=sys.stderr)
        return {}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("bench_browser: no playwright: skipped", file=sys.stderr)
        return {}
    seconds = 10.0 if quick else 30.0
    with served_show() as (_show, served):
        links = served.info["links"]
        control = links["control"]["api"]
        urllib.request.urlopen(control.replace("/api/?", "/api/start?"), timeout=10).read()
        url = links["view"]["timer"]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                ours, offset = _lags(browser, url, SHIFT_MS, seconds)
                base, _ = _lags(browser, url, 0, seconds)
            finally:
                browser.close()
    if not ours or not base:
        raise RuntimeError("the page timed no flip")
    return {
        "browser_second_flip_lag_p99_ms": round(p99(ours), 2),
        "browser_second_flip_lag_median_ms": round(statistics.median(ours), 2),
        "browser_flips": len(ours),
        "browser_clock_offset_error_ms": round(abs(offset + SHIFT_MS), 2),
        "baseline_browser_second_flip_lag_p99_ms": round(p99(base), 2),
        "baseline_browser_second_flip_lag_median_ms": round(statistics.median(base), 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
