"""A remote speaker's displayed second against the console's, through a loopback Mosquitto,
in Debian's headless Chromium (the real ``serve --broker`` process, the speaker's link on
the /timer page: MQTT over WebSocket, AES-256-GCM, ping/pong clock sync over the broker).

- ``remote_second_flip_lag_p99_ms``: the speaker page with its clock shifted by +7.3 s (Date
  and Date.now overridden, as on a laptop set wrong) flips its big figure this long after
  the console's true second boundary (p99 over every change of the big figure, read against
  the real clock — performance.timeOrigin + now — which the shift does not touch; negative
  would be early). Target ≤ 50 ms. ``remote_flips_timed_by_page`` says how many of those
  the page timed itself (the frame came before its instant) rather than showing on arrival:
  Debian's Mosquitto 2.0.11 delivers to WebSocket clients ~100 ms after it receives
  (libwebsockets without external poll), about the bridge's 100 ms lead, so on a quiet broker
  most flips are shown as they arrive, a few ms late.
- Baseline, same run, same broker and server: the same page with its clock right
  (``baseline_remote_second_flip_lag_p99_ms``): the difference is what the clock
  correction over the broker costs.
- ``remote_clock_offset_error_ms``: |measured offset + 7300| after the first pings (best
  of the round trips through the broker).

Skipped (no figures) when /usr/bin/chromium, Playwright or Mosquitto is missing.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from netbench_common import ARGS, CHROMIUM, SHIFT_MS, SHIFTED, p99  # noqa: E402

FIGURES = (
    "remote_second_flip_lag_p99_ms", "remote_second_flip_lag_median_ms", "remote_flips",
    "remote_flips_timed_by_page",
    "remote_clock_offset_error_ms", "baseline_remote_second_flip_lag_p99_ms",
    "baseline_remote_second_flip_lag_median_ms",
)  # fmt: skip
def _lags(browser, url: str, shift_ms: int, seconds: float) -> tuple[list[float], float]:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        if shift_ms:
            context.add_init_script(SHIFTED.replace("SHIFT", str(shift_ms)))
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(
            "() => window.__moderator && window.__moderator.transport === 'mqtt'"
            " && window.__moderator.rtt !== undefined",
            timeout=15_000,
        )
        time.sleep(1.0)  # the first batch of pings through the broker
        offset = page.evaluate("window.__moderator.offset")
        page.evaluate("window.__moderator.flips.length = 0")
        time.sleep(seconds)
        flips = page.evaluate("window.__moderator.flips")
    finally:
        context.close()
    # Every change of the big figure, what the speaker sees: timed by the page (the frame came
    # before its instant) or shown as it arrived (it came late: the broker's delivery).
    changes = [f for f in flips if f["changed"]]
    lags = [f["real_ms"] - f["at_us"] / 1000 for f in changes]
    timed = sum(1 for f in changes if f["on_time"])
    return lags, offset, timed


def run(quick: bool = False) -> dict[str, float]:
    from tests.remote.broker import MOSQUITTO, Mosquitto
    from tests.remote.remote_serve import cli, serve_remote

    if not Path(CHROMIUM).exists() or not os.path.exists(MOSQUITTO):
        print("bench_remote_browser: no chromium or mosquitto: skipped", file=sys.stderr)
        return {}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("bench_remote_browser: no playwright: skipped", file=sys.stderr)
        return {}
    seconds = 10.0 if quick else 30.0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "broker").mkdir()
        broker = Mosquitto(base / "broker")
        broker.start()
        served = None
        try:
            show = base / "bench.show"
            done = cli(base, "new", str(show))
            if done.returncode != 0:
                raise RuntimeError(done.stderr)
            served = serve_remote(show, base, broker, ("Amina El Idrissi",))
            served.control("start")
            url = served.page("amina-el-idrissi")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    ours, offset, timed = _lags(browser, url, SHIFT_MS, seconds)
                    base_lags, _, _ = _lags(browser, url, 0, seconds)
                finally:
                    browser.close()
        finally:
            if served is not None:
                served.stop()
            broker.kill()
    if not ours or not base_lags:
        raise RuntimeError("the speaker page timed no flip")
    return {
        "remote_second_flip_lag_p99_ms": round(p99(ours), 2),
        "remote_second_flip_lag_median_ms": round(statistics.median(ours), 2),
        "remote_flips": len(ours),
        "remote_flips_timed_by_page": timed,
        "remote_clock_offset_error_ms": round(abs(offset + SHIFT_MS), 2),
        "baseline_remote_second_flip_lag_p99_ms": round(p99(base_lags), 2),
        "baseline_remote_second_flip_lag_median_ms": round(statistics.median(base_lags), 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
