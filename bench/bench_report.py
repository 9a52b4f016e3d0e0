"""Report export at scale: a show with 2,000 timer/message journal events and 5,000
questions taken (10,000 question.state actions). ``report_export_s`` is the whole
export: fold the journal into the report, then write the xlsx. The baseline writes the
same rows with ``pandas.DataFrame.to_excel`` (openpyxl engine) in the same run.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from moderator_app.core.actions import Action, ActionRefused, ActionType
from moderator_app.core.clock import FakeClock, to_us
from moderator_app.core.engine import TimerEngine
from moderator_app.core.report import build_report
from moderator_app.io.report_export import export_report, report_dict
from moderator_app.resources import default_show

FIGURES = ("report_export_s", "baseline_to_excel_s")

CHOICES = [
    (ActionType.PAUSE, {}),
    (ActionType.RESUME, {}),
    (ActionType.NEXT, {}),
    (ActionType.ADD_TIME, {"seconds": 30}),
    (ActionType.ADD_TIME, {"seconds": -10}),
    (ActionType.UNDO, {}),
    (ActionType.MESSAGE, {"text": "=Please wrap up"}),
    (ActionType.CLEAR_MESSAGE, {}),
    (ActionType.PREVIOUS, {}),
]


def build_journal(events: int, questions: int):
    show = default_show()
    clock = FakeClock()
    engine = TimerEngine(show)
    rng = random.Random(11)
    actions: list[Action] = []

    def add(action: Action) -> None:
        action = Action(action.type, action.at_us, action.payload, len(actions) + 1)
        engine.apply(action)
        actions.append(action)

    add(Action("question.imported", to_us(clock.now()), {"added": questions}))
    add(engine.prepare(ActionType.START, {}, to_us(clock.now())))
    timer_done = 1
    per_gap = max(questions // events, 1)
    q = 0
    while timer_done < events or q < questions:
        clock.advance(rng.uniform(0.2, 1.5))
        if timer_done < events:
            kind, payload = rng.choice(CHOICES)
            try:
                add(engine.prepare(kind, payload, to_us(clock.now())))
                timer_done += 1
            except ActionRefused:
                pass
        for _ in range(per_gap + 1):
            if q >= questions:
                break
            text = f"Question {q}: {'=' if q % 7 == 0 else ''}how does the city fund it?"
            base = {"id": f"q{q}", "text": text, "asker": f"Asker {q % 300}"}
            add(
                Action(
                    "question.state",
                    to_us(clock.now()),
                    {**base, "from": "shortlisted", "to": "on_air"},
                )
            )
            clock.advance(rng.uniform(0.1, 0.5))
            add(
                Action(
                    "question.state",
                    to_us(clock.now()),
                    {**base, "from": "on_air", "to": "answered"},
                )
            )
            q += 1
    if engine.state.status in ("running", "paused"):
        add(engine.prepare(ActionType.FINISH, {}, to_us(clock.now())))
    return show, actions


def baseline(report, path: Path) -> None:
    data = report_dict(report)
    summary = pd.DataFrame(
        [(k, v) for k, v in data["summary"].items() if not isinstance(v, (dict, list))],
        columns=["item", "value"],
    )
    events = [{k: v for k, v in e.items() if k != "payload"} for e in data["events"]]
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        summary.to_excel(writer, sheet_name="Summary", index=False)
        pd.DataFrame(data["segments"]).drop(columns=["messages"]).to_excel(
            writer, sheet_name="Segments", index=False
        )
        pd.DataFrame(data["questions"]).to_excel(writer, sheet_name="Questions", index=False)
        pd.DataFrame(events).to_excel(writer, sheet_name="Events", index=False)


def run(quick: bool = False) -> dict[str, float]:
    repeats = 2 if quick else 5
    show, actions = build_journal(2000, 5000)
    ours, base = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeats):
            t0 = time.perf_counter()
            report = build_report(show, actions)
            export_report(report, Path(tmp) / f"r{i}.xlsx")
            ours.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            baseline(report, Path(tmp) / f"b{i}.xlsx")
            base.append(time.perf_counter() - t0)
    assert len(report.questions) == 5000, len(report.questions)
    return {
        "report_export_s": round(statistics.median(ours), 3),
        "baseline_to_excel_s": round(statistics.median(base), 3),
    }


if __name__ == "__main__":
    print(run(quick=True))
