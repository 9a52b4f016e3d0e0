"""The timer engine at scale: reopen a show file with 10,000 journal actions, and the
cost of one snapshot on it. The baseline is a naive engine that replays the whole journal
for every snapshot, measured in the same run.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from moderator_app.core.actions import Action, ActionRefused, ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.engine import TimerEngine
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.resources import default_show

FIGURES = ("reopen_10k_actions_ms", "snapshot_10k_actions_ms", "baseline_replay_snapshot_10k_ms")

CHOICES = [
    (ActionType.PAUSE, {}),
    (ActionType.RESUME, {}),
    (ActionType.NEXT, {}),
    (ActionType.PREVIOUS, {}),
    (ActionType.ADD_TIME, {"seconds": 30}),
    (ActionType.ADD_TIME, {"seconds": -10}),
    (ActionType.UNDO, {}),
    (ActionType.MESSAGE, {"text": "Please wrap up"}),
    (ActionType.CLEAR_MESSAGE, {}),
]


def build_file(path: Path, count: int) -> FakeClock:
    clock = FakeClock()
    show = default_show()
    ShowFile.create(path, show).close()
    engine = TimerEngine(show)
    rng = random.Random(7)
    actions: list[Action] = []
    seq = 0
    for kind, payload in [(ActionType.START, {})] + [rng.choice(CHOICES) for _ in range(count * 3)]:
        if len(actions) >= count:
            break
        clock.advance(rng.uniform(0.2, 2.0))
        try:
            action = engine.prepare(kind, payload, to_us(clock.now()))
        except ActionRefused:
            continue
        seq += 1
        action = Action(action.type, action.at_us, action.payload, seq)
        engine.apply(action)
        actions.append(action)
    with ShowFile.open(path) as file:
        file.append_many(actions)
    return clock


def run(quick: bool = False) -> dict[str, float]:
    count = 10_000
    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.show"
        clock = build_file(path, count)
        reopen = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            session = ShowSession.open(path, clock=clock)
            session.snapshot()
            reopen.append(time.perf_counter() - t0)
            session.close()
        session = ShowSession.open(path, clock=clock)
        now = clock.now()
        snaps = []
        for i in range(2000 if quick else 10000):
            t0 = time.perf_counter()
            session.engine.snapshot(now + timedelta(milliseconds=i))
            snaps.append(time.perf_counter() - t0)
        actions = session.file.actions()
        session.close()
        # Baseline: a ticker that re-folds the journal for each refresh.
        base = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            engine = TimerEngine(default_show())
            for action in actions:
                engine.apply(action)
            engine.snapshot(now)
            base.append(time.perf_counter() - t0)
    return {
        "reopen_10k_actions_ms": round(statistics.median(reopen) * 1000, 2),
        "snapshot_10k_actions_ms": round(statistics.median(snaps) * 1000, 4),
        "baseline_replay_snapshot_10k_ms": round(statistics.median(base) * 1000, 2),
    }
