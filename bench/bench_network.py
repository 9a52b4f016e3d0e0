"""The network surface under load, on loopback, against the real ``serve`` process.

- ``net_push_p99_ms``: an HTTP control action (a GET, as Companion sends it) until each of
  100 WebSocket clients has received the state carrying it; p99 over every client and
  action. Baseline, same run, same server: the round trip of a GET /api/poll (a request
  with no push), p99.
- ``load_*``: 200 WebSocket clients connected while 20 control requests a second arrive
  for 60 s (10 s with --quick): actions answered 202 but missing from the journal
  (``load_actions_lost``), errors (refused, failed, or a client dropped), the server's RSS.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from netbench_common import p99, served_show  # noqa: E402

FIGURES = (
    "net_push_p99_ms", "net_push_median_ms", "baseline_net_poll_p99_ms", "load_clients",
    "load_actions", "load_actions_lost", "load_errors", "load_server_rss_mb",
)  # fmt: skip
PUSH_CLIENTS = 100
LOAD_CLIENTS = 200
LOAD_RATE = 20


class Listener:
    """A WebSocket client noting when each journal position first reached it."""

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}
        self.ready = False  # has had its first state
        self.dropped = False

    async def run(self, session: aiohttp.ClientSession, url: str) -> None:
        try:
            async with session.ws_connect(url) as ws:
                async for msg in ws:
                    if msg.type is not aiohttp.WSMsgType.TEXT:
                        break
                    data = json.loads(msg.data)
                    if data.get("tag") == "state":
                        self.seen.setdefault(data["seq"], time.perf_counter())
                        self.ready = True
        except (aiohttp.ClientError, OSError):
            pass
        finally:
            self.dropped = True


async def _connect(session, ws_url: str, count: int) -> tuple[list[Listener], list]:
    listeners = [Listener() for _ in range(count)]
    tasks = [asyncio.create_task(x.run(session, ws_url)) for x in listeners]
    deadline = time.monotonic() + 30
    while any(not x.ready for x in listeners) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return listeners, tasks


async def _measure(line: dict, quick: bool) -> dict[str, float]:
    port = line["port"]
    control = line["links"]["control"]["api"].split("token=")[1]
    view = line["links"]["view"]["timer"].split("token=")[1]
    base = f"http://127.0.0.1:{port}"
    out: dict[str, float] = {}
    # No pool limit: the WebSocket clients would hold every connection of the default 100.
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        # baseline: a GET with no push
        polls = []
        for _ in range(50 if quick else 200):
            t0 = time.perf_counter()
            async with http.get(f"{base}/api/poll", params={"token": view}) as r:
                await r.read()
            polls.append((time.perf_counter() - t0) * 1000)
        out["baseline_net_poll_p99_ms"] = round(p99(polls), 2)

        listeners, tasks = await _connect(http, f"{base}/ws?token={view}", PUSH_CLIENTS)
        lags = []
        for i in range(10 if quick else 40):
            t0 = time.perf_counter()
            async with http.get(f"{base}/api/message/timer/text/bench {i}",
                                params={"token": control}) as r:
                seq = (await r.json())["payload"]["seq"]
            deadline = time.monotonic() + 5
            while any(seq not in x.seen for x in listeners) and time.monotonic() < deadline:
                await asyncio.sleep(0.001)
            lags += [(x.seen[seq] - t0) * 1000 for x in listeners if seq in x.seen]
            await asyncio.sleep(0.05)
        out["net_push_p99_ms"] = round(p99(lags), 2)
        out["net_push_median_ms"] = round(statistics.median(lags), 2)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

        listeners, tasks = await _connect(http, f"{base}/ws?token={view}", LOAD_CLIENTS)
        connected = sum(x.ready for x in listeners)
        async with http.get(f"{base}/api/start", params={"token": control}) as r:
            errors = 0 if r.status == 202 else 1
        done = 0
        seconds = 10 if quick else 60
        started = time.monotonic()
        for i in range(seconds * LOAD_RATE):
            await asyncio.sleep(max(0.0, started + i / LOAD_RATE - time.monotonic()))
            way = "add" if i % 2 == 0 else "remove"
            async with http.get(f"{base}/api/addtime/{way}/1000",
                                params={"token": control}) as r:
                if r.status == 202:
                    done += 1
                else:
                    errors += 1
        await asyncio.sleep(0.5)
        errors += sum(x.dropped for x in listeners)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    out.update(load_clients=connected, load_actions=done, load_errors=errors)
    return out


def run(quick: bool = False) -> dict[str, float]:
    from moderator_app.app.show import Role, open_show

    with served_show() as (show, served):
        figures = asyncio.run(_measure(served.info, quick))
        figures["load_server_rss_mb"] = round(served.rss_kb() / 1024, 1)
        served.stop()  # every answered action is in the file before it is counted
        session = open_show(show, role=Role.COMMAND)
        try:
            journaled = sum(a.type == "add_time" for a in session.file.actions())
        finally:
            session.close()
    figures["load_actions_lost"] = figures["load_actions"] - journaled
    return figures


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
    os._exit(0)
