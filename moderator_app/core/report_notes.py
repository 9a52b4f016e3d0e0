"""The report's notes as stable codes with values, rendered from a table of templates.

The report says in a few sentences what its figures cannot (a run cut off, a rehearsal's
moved plan, undone actions). Core keeps them as codes so that each export can say them in
its own language; ``NOTE_TEXT`` is the English wording (the JSON report and the default),
and ``io.export_labels`` holds the French one. A template names optional parts in braces:
``{where}`` (needs a segment title) and ``{when}`` (needs a clock time), each rendered from
the template ``code.where`` / ``code.when`` or left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

NOT_STARTED_NOTE = "not_started"
IN_PROGRESS_NOTE = "in_progress"
NO_FINISH_NOTE = "no_finish"
PLAN_SHIFT_NOTE = "plan_shift"
UNDONE_NOTE = "undone"
OUT_OF_ORDER_NOTE = "out_of_order"
CORRECTED_NOTE = "corrected"

NOTE_TEXT: dict[str, str] = {
    NOT_STARTED_NOTE: "This run was never started: there are no actual times.",
    IN_PROGRESS_NOTE: "This run is in progress{where}{when}: the end and the final "
    "over/under are known when it finishes.",
    f"{IN_PROGRESS_NOTE}.where": " («{segment}» is on air)",
    f"{IN_PROGRESS_NOTE}.when": ", started at {time}",
    NO_FINISH_NOTE: "The run has no finish action{when}{where}. That segment's end, the "
    "show's end and the final over/under are unknown.",
    f"{NO_FINISH_NOTE}.when": ": the journal stops at {time}",
    f"{NO_FINISH_NOTE}.where": " during «{segment}»",
    PLAN_SHIFT_NOTE: "This run started far from the planned start (a rehearsal?): its plan "
    "is moved onto the actual start, so over/under compares durations.",
    UNDONE_NOTE: "{count} timer action(s) were undone; they are kept in the events but "
    "not counted.",
    OUT_OF_ORDER_NOTE: "{count} journal entries are stamped earlier than an entry before "
    "them{when}: a computer with a wrong clock wrote them. They are counted at the later "
    "time, so the durations around them are uncertain.",
    f"{OUT_OF_ORDER_NOTE}.when": " (the first counted at {time})",
    CORRECTED_NOTE: "{count} start or elapsed time(s) were corrected after the fact; the "
    "segments concerned are marked, and their times are the corrected ones.",
}


@dataclass(frozen=True)
class ReportNote:
    """One note: a code from ``NOTE_TEXT`` and the values its template may use."""

    code: str
    segment: str = ""  # a segment title (untrusted text: rendered as a value, never a template)
    time: str = ""  # a show-local clock time, HH:MM:SS
    count: int = 0

    @property
    def text(self) -> str:
        return render_note(self, NOTE_TEXT)

    def __str__(self) -> str:
        return self.text


def render_note(note: ReportNote, templates: Mapping[str, str]) -> str:
    """``note`` in the wording of ``templates`` (English for codes it lacks)."""

    def part(name: str, ready: bool, **values: object) -> str:
        key = f"{note.code}.{name}"
        template = templates.get(key, NOTE_TEXT.get(key, ""))
        return template.format(**values) if ready and template else ""

    template = templates.get(note.code, NOTE_TEXT.get(note.code, note.code))
    return template.format(
        where=part("where", bool(note.segment), segment=note.segment),
        when=part("when", bool(note.time), time=note.time),
        count=note.count,
    )
