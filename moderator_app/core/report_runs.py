"""Runs of a show: the journal is cut at each NEW_RUN action (rehearsal, then live).

Run 1 is everything before the first NEW_RUN; each NEW_RUN opens the next run and
carries its label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.actions import Action, ActionType
from moderator_app.core.clock import from_us
from moderator_app.core.engine import FINISHED, NOT_STARTED, TimerEngine
from moderator_app.core.runsheet import Show


@dataclass(frozen=True)
class RunInfo:
    number: int
    label: str
    state: str  # "finished", "in_progress", "no_finish" (stopped, no finish) or "not_started"
    date: datetime | None  # the actual start, else when the run was opened
    actual_start: datetime | None
    actual_end: datetime | None
    actions: int


def split_runs(actions: list[Action]) -> list[list[Action]]:
    """The journal cut into runs; a run's NEW_RUN action is its first element."""
    runs: list[list[Action]] = [[]]
    for action in actions:
        if action.type == ActionType.NEW_RUN:
            runs.append([])
        runs[-1].append(action)
    return runs


def run_label(run: list[Action], number: int) -> str:
    if run and run[0].type == ActionType.NEW_RUN:
        return str(run[0].payload.get("label", ""))
    return ""


def list_runs(show: Show, actions: list[Action], live: bool | None = None) -> list[RunInfo]:
    """Every run and how it ended. A run without a finish is "in_progress" if it is the
    latest one and the caller does not say the show is over (``live=False``); an earlier
    one stopped for good (a new run was opened after it), so it is "no_finish"."""
    out = []
    runs = split_runs(actions)
    for number, run in enumerate(runs, start=1):
        engine = TimerEngine(show)
        for action in run:
            if action.type != ActionType.NEW_RUN:
                engine.apply(action)
        st = engine.state
        if st.status == NOT_STARTED:
            state = "not_started"
        elif st.status == FINISHED:
            state = "finished"
        elif number == len(runs) and live is not False:
            state = "in_progress"
        else:
            state = "no_finish"
        start = from_us(st.show_started_us) if st.show_started_us is not None else None
        opened = run[0].at if run else None
        out.append(
            RunInfo(
                number=number,
                label=run_label(run, number),
                state=state,
                date=start or opened,
                actual_start=start,
                actual_end=from_us(st.finished_us) if st.finished_us is not None else None,
                actions=len(run),
            )
        )
    return out
