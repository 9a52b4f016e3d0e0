"""The answer timer: when a question goes on air, a countdown of the answer's length.

The length travels in the on-air ``question.state`` payload (``answer_s``, set by whoever
puts the question on air from the moderator's preference), so the figure is folded from
the journal like every timer, the same in the console, on the stage and in the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from moderator_app.core.actions import QUESTION_STATE, Action

US = 1_000_000
ON_AIR = "on_air"
MAX_ANSWER_S = 3600


def answer_length(payload: dict) -> int | None:
    """The answer length a question.state payload carries, or None (no answer timer)."""
    raw = payload.get("answer_s")
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    seconds = int(raw)
    return seconds if 0 < seconds <= MAX_ANSWER_S else None


@dataclass(frozen=True)
class Answer:
    question: str
    started_us: int
    limit_s: int
    ended_us: int | None = None

    def elapsed_us(self, now_us: int) -> int:
        end = self.ended_us if self.ended_us is not None else now_us
        return max(end - self.started_us, 0)

    def remaining_s(self, now_us: int) -> float:
        return self.limit_s - self.elapsed_us(now_us) / US

    @property
    def running(self) -> bool:
        return self.ended_us is None


class AnswerTimer:
    """The current (or last) answer, and every answer of the run for the report."""

    def __init__(self) -> None:
        self.answers: list[Answer] = []

    @property
    def current(self) -> Answer | None:
        return self.answers[-1] if self.answers else None

    def new_run(self) -> None:
        self.answers = []

    def shift(self, step_us: int) -> None:
        self.answers = [
            Answer(a.question, a.started_us + step_us, a.limit_s,
                   None if a.ended_us is None else a.ended_us + step_us)
            for a in self.answers
        ]  # fmt: skip

    def stop(self, at_us: int) -> None:
        """The show finished: an answer still timing ends with it."""
        last = self.current
        if last is not None and last.running:
            self.answers[-1] = Answer(last.question, last.started_us, last.limit_s, at_us)

    def apply(self, action: Action) -> None:
        if action.type != QUESTION_STATE:
            return
        p = action.payload
        qid = str(p.get("id") or "")
        last = self.current
        if last is not None and last.running and last.question == qid and p.get("to") != ON_AIR:
            self.stop(action.at_us)
        elif last is not None and last.running and p.get("to") == ON_AIR:
            self.stop(action.at_us)  # another question replaces it on air
        if p.get("to") == ON_AIR:
            limit = answer_length(p)
            if limit is not None:
                self.answers.append(Answer(qid, action.at_us, limit))
