"""What changed between the run sheet in the show and a new version of the producer's file.

Segments are matched by id when the file carries our ID column, otherwise by title
(ignoring case and spaces), so a re-imported sheet keeps segment identities and the
timer's records stay attached to the right segments.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from moderator_app.core.runsheet import Segment, Show

TIMING = ("planned_duration_s", "hard_start")
# Every field of a segment but its identity, in the dataclass's order: a field added to
# Segment later is compared (and named in the change list) without touching this module.
COMPARED = tuple(f.name for f in fields(Segment) if f.name != "id")
DETAILS = tuple(f for f in COMPARED if f not in TIMING)


@dataclass(frozen=True)
class FieldChange:
    """One field that changes, with its JSON values (as ``to_dict`` writes them)."""

    field: str
    before: object
    after: object

    @property
    def cleared(self) -> bool:
        return self.after in ("", None, []) and self.before not in ("", None, [])


@dataclass
class SegmentChange:
    """A segment kept by the import (same id) whose fields change."""

    id: str
    title: str  # the title after the change
    fields: list[FieldChange]


@dataclass
class RunSheetDiff:
    added: list[str] = field(default_factory=list)  # titles
    removed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    retimed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    # Field by field, for the change list: every kept segment with any field changing
    # (timing included), and the show's own fields (start, end, time zone...).
    changes: list[SegmentChange] = field(default_factory=list)
    show: list[FieldChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.added or self.removed or self.moved or self.retimed or self.changed or self.show
        )

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added), "removed": len(self.removed), "moved": len(self.moved),
            "retimed": len(self.retimed), "changed": len(self.changed),
        }  # fmt: skip

    def to_dict(self) -> dict:
        """The change list as JSON: titles added, removed and moved; per changed segment
        and for the show, each changing field with its value before and after."""
        return {
            "added": list(self.added),
            "removed": list(self.removed),
            "moved": list(self.moved),
            "changed": [
                {"id": c.id, "title": c.title, "fields": _values(c.fields)} for c in self.changes
            ],
            "show": _values(self.show),
        }


def _values(changes: list[FieldChange]) -> dict:
    return {c.field: {"before": c.before, "after": c.after} for c in changes}


def _key(title: str) -> str:
    return " ".join(title.lower().split())


def match_ids(old: list[Segment], new: list[Segment]) -> list[Segment]:
    """``new`` with the ids of the old segments they stand for (by id, then by title)."""
    old_ids = {s.id for s in old}
    taken: set[str] = {s.id for s in new if s.id in old_ids}
    by_title: dict[str, list[str]] = {}
    for s in old:
        if s.id not in taken:
            by_title.setdefault(_key(s.title), []).append(s.id)
    out = []
    for s in new:
        if s.id in old_ids:
            out.append(s)
            continue
        candidates = by_title.get(_key(s.title))
        out.append(s.copy(id=candidates.pop(0)) if candidates else s)
    return out


def diff_runsheets(old: list[Segment], new: list[Segment]) -> RunSheetDiff:
    """Differences, with ``new`` already matched (see ``match_ids``)."""
    diff = RunSheetDiff()
    old_by_id = {s.id: s for s in old}
    new_ids = {s.id for s in new}
    diff.removed = [s.title for s in old if s.id not in new_ids]
    kept_old = [s.id for s in old if s.id in new_ids]
    kept_new = [s.id for s in new if s.id in old_by_id]
    moved_ids = _moved(kept_old, kept_new)
    for s in new:
        before = old_by_id.get(s.id)
        if before is None:
            diff.added.append(s.title)
            continue
        if s.id in moved_ids:
            diff.moved.append(s.title)
        a, b = before.to_dict(), s.to_dict()
        changes = [FieldChange(f, a[f], b[f]) for f in COMPARED if a[f] != b[f]]
        if not changes:
            continue
        diff.changes.append(SegmentChange(s.id, s.title, changes))
        if any(c.field in TIMING for c in changes):
            diff.retimed.append(s.title)
        if any(c.field in DETAILS for c in changes):
            diff.changed.append(s.title)
    return diff


def diff_shows(old: Show, new: Show) -> RunSheetDiff:
    """``diff_runsheets`` of the segments (``new``'s already matched), and the show's own
    fields that change."""
    diff = diff_runsheets(old.segments, new.segments)
    a, b = old.header_dict(), new.header_dict()
    diff.show = [FieldChange(f, a[f], b[f]) for f in a if a[f] != b.get(f)]
    return diff


def _moved(old: list[str], new: list[str]) -> set[str]:
    """Ids outside the longest common subsequence: the fewest segments that moved."""
    n, m = len(old), len(new)
    if n * m > 250_000:  # a huge sheet: compare neighbours instead (quadratic is too slow)
        before = {x: k for k, x in enumerate(old)}
        return {x for k, x in enumerate(new) if k and before[new[k - 1]] > before[x]}
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1 if old[i] == new[j]
                else max(table[i + 1][j], table[i][j + 1])
            )  # fmt: skip
    stay: set[str] = set()
    i = j = 0
    while i < n and j < m:
        if old[i] == new[j]:
            stay.add(old[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return set(new) - stay


def live_merge(old: list[Segment], new: list[Segment], current: int) -> list[Segment]:
    """During a show: what has run and the segment on air stay as they are and where they
    are; everything after comes from the new version, in its order."""
    fixed = old[: current + 1]
    fixed_ids = {s.id for s in fixed}
    return [s.copy() for s in fixed] + [s.copy() for s in new if s.id not in fixed_ids]
