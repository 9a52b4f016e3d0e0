"""Auxiliary timers: a few named timers beside the schedule (a 90 s answer per panellist).

Event-sourced like the schedule: each timer is folded from its journaled actions
(core/actions.py AUX_*), and its figure at an instant is computed from the stamps, never
from ticks. Timers are numbered 1..AUX_COUNT; each counts down from its duration (and
on into overtime) or up from zero. Setting a timer (aux.set) also resets it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from moderator_app.core.actions import (
    AUX_ADD,
    AUX_PAUSE,
    AUX_RESET,
    AUX_SET,
    AUX_START,
    AUX_TYPES,
    Action,
    ActionRefused,
)
from moderator_app.core.durations import format_duration

US = 1_000_000
AUX_COUNT = 3
MAX_AUX_S = 24 * 3600
DEFAULT_AUX_S = 120
DOWN = "down"
UP = "up"
# Where a timer shows on the stage: not at all, as a line under the main figure, or in
# place of the main figure.
SHOWN_OFF = "off"
SHOWN_LINE = "line"
SHOWN_MAIN = "main"
SHOWN = (SHOWN_OFF, SHOWN_LINE, SHOWN_MAIN)


@dataclass(frozen=True)
class AuxTimer:
    number: int
    name: str = ""  # "" is worded at the edge ("Timer 2")
    duration_us: int = DEFAULT_AUX_S * US
    direction: str = DOWN
    shown: str = SHOWN_OFF
    running_since_us: int | None = None
    elapsed_us: int = 0  # of closed running stretches
    started: bool = False  # started since the last set or reset

    @property
    def running(self) -> bool:
        return self.running_since_us is not None

    def elapsed_at(self, now_us: int) -> int:
        if self.running_since_us is None:
            return self.elapsed_us
        return self.elapsed_us + max(now_us - self.running_since_us, 0)

    def figure_s(self, now_us: int) -> float:
        """What the timer shows: remaining (negative in overtime) or elapsed seconds."""
        elapsed = self.elapsed_at(now_us)
        if self.direction == UP:
            return elapsed / US
        return (self.duration_us - elapsed) / US

    def overtime(self, now_us: int) -> bool:
        return self.direction == DOWN and self.elapsed_at(now_us) > self.duration_us


def _number(payload: dict) -> int:
    raw = payload.get("timer")
    try:
        number = int(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ActionRefused("{0!r} is not a timer number (1 to {1})", raw, AUX_COUNT) from None
    if not 1 <= number <= AUX_COUNT:
        raise ActionRefused("There is no timer {0}: the timers are 1 to {1}", number, AUX_COUNT)
    return number


def _seconds(raw: object, *, allow_negative: bool) -> int:
    if isinstance(raw, bool):
        raise ActionRefused("{0!r} is not a number of seconds", raw)
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ActionRefused("{0!r} is not a number of seconds", raw) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ActionRefused("{0!r} is not a number of seconds", raw)
    if value < 0 and not allow_negative:
        raise ActionRefused("A timer cannot last a negative time ({0:g} s)", value)
    if abs(value) > MAX_AUX_S:
        raise ActionRefused(
            "{0} is too long for a timer: at most 24:00:00", format_duration(abs(value))
        )
    return round(value)


class AuxTimers:
    """The auxiliary timers of the current run, folded from their actions."""

    def __init__(self) -> None:
        self.timers: dict[int, AuxTimer] = {n: AuxTimer(n) for n in range(1, AUX_COUNT + 1)}

    def get(self, number: int) -> AuxTimer:
        return self.timers[number]

    def new_run(self) -> None:
        """A new run keeps each timer's set-up and stops and resets it."""
        self.timers = {
            n: replace(t, running_since_us=None, elapsed_us=0, started=False)
            for n, t in self.timers.items()
        }

    def shift(self, step_us: int) -> None:
        """A journaled clock step: a running timer carries on smoothly (see clock.jump)."""
        self.timers = {
            n: replace(t, running_since_us=t.running_since_us + step_us)
            if t.running_since_us is not None
            else t
            for n, t in self.timers.items()
        }

    def prepare(self, kind: str, payload: dict | None, at_us: int) -> Action:
        """The action to journal, checked, or ActionRefused saying why."""
        p = dict(payload or {})
        number = _number(p)
        timer = self.timers[number]
        out: dict = {"timer": number}
        if kind == AUX_SET:
            direction = str(p.get("direction") or timer.direction)
            if direction not in (DOWN, UP):
                raise ActionRefused("A timer counts 'down' or 'up', not {0!r}", direction)
            raw = p.get("seconds")
            if raw is None:
                seconds = timer.duration_us // US
            else:
                seconds = _seconds(raw, allow_negative=False)
            if direction == DOWN and seconds == 0:
                raise ActionRefused("A countdown needs a duration above zero")
            out.update(seconds=seconds, direction=direction)
            if "name" in p:
                name = str(p.get("name") or "").strip()
                if len(name) > 40:
                    raise ActionRefused("A timer's name has at most 40 characters")
                out["name"] = name
            if "shown" in p:
                shown = str(p.get("shown"))
                if shown not in SHOWN:
                    raise ActionRefused("A timer is shown {0}, not {1!r}", ", ".join(SHOWN), shown)
                out["shown"] = shown
        elif kind == AUX_START:
            if timer.running:
                raise ActionRefused("Timer {0} is already running", number)
        elif kind == AUX_PAUSE:
            if not timer.running:
                raise ActionRefused("Timer {0} is not running", number)
        elif kind == AUX_RESET:
            if not timer.running and timer.elapsed_us == 0:
                raise ActionRefused("Timer {0} is already reset", number)
        elif kind == AUX_ADD:
            seconds = _seconds(p.get("seconds"), allow_negative=True)
            if seconds == 0:
                raise ActionRefused("Add time needs a number of seconds other than zero")
            if timer.direction == UP:
                raise ActionRefused("Timer {0} counts up: time is added to countdowns", number)
            total = timer.duration_us // US + seconds
            if total <= 0:
                raise ActionRefused("Cannot remove more time than timer {0} has", number)
            if total > MAX_AUX_S:
                raise ActionRefused("A timer lasts at most 24:00:00")
            out["seconds"] = seconds
        else:
            raise ActionRefused("Unknown timer action {0!r}", kind)
        return Action(kind, at_us, out)

    def apply(self, action: Action) -> None:
        """Fold one aux action; a damaged payload (hand-edited file) is inert."""
        if action.type not in AUX_TYPES:
            return
        try:
            number = int(action.payload["timer"])
            timer = self.timers[number]
            self.timers[number] = _fold(timer, action)
        except (KeyError, TypeError, ValueError):
            return


def _fold(t: AuxTimer, action: Action) -> AuxTimer:
    at = action.at_us
    p = action.payload
    if action.type == AUX_SET:
        return replace(
            t,
            name=str(p.get("name", t.name)),
            duration_us=int(p["seconds"]) * US,
            direction=str(p.get("direction", t.direction)),
            shown=str(p.get("shown", t.shown)),
            running_since_us=None,
            elapsed_us=0,
            started=False,
        )
    if action.type == AUX_START:
        if t.running:
            return t
        return replace(t, running_since_us=at, started=True)
    if action.type == AUX_PAUSE:
        if not t.running:
            return t
        return replace(t, elapsed_us=t.elapsed_at(at), running_since_us=None)
    if action.type == AUX_RESET:
        return replace(t, running_since_us=None, elapsed_us=0, started=False)
    if action.type == AUX_ADD:
        return replace(t, duration_us=max(t.duration_us + int(p["seconds"]) * US, US))
    return t
