"""Stopping the server's pushing tasks: a cancel that lands while the hub is being woken
must end them (Python 3.11's asyncio.wait_for returns the inner result and drops such a
cancel; the server's stop then awaited the task for ever — seen as a 300 s hang in CI)."""

from __future__ import annotations

import asyncio

from moderator_app.server import hub as hub_module
from moderator_app.server.hub import Hub
from tests.server.helpers import run


class _QuietShow:
    """A show thread with nothing to report: every poll finds no change."""

    async def run(self, fn, *args):
        return None

    def now_us(self) -> int:
        return 0


def test_follow_ends_when_cancelled_as_it_is_woken(monkeypatch) -> None:
    monkeypatch.setattr(hub_module, "POLL_S", 30.0)  # surely in its wait for a wake

    async def go() -> list[int]:
        stuck = []
        # The cancel at each point of the wake's hand-over (event set, inner wait done,
        # outer task resumed), a few loop turns apart.
        for turns in range(8):
            hub = Hub(_QuietShow())
            task = asyncio.create_task(hub.follow())
            await asyncio.sleep(0.02)
            hub.wake()
            for _ in range(turns):
                await asyncio.sleep(0)
            task.cancel()
            done, _ = await asyncio.wait({task}, timeout=1.0)
            if not done:
                stuck.append(turns)
                task.cancel()
                await asyncio.wait({task}, timeout=1.0)
        return stuck

    assert run(go()) == []
