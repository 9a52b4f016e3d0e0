"""Laying a producer's sheet over the show's run sheet, segment by segment.

A sheet never holds everything a segment has: a producer's table rarely has the region,
the speaker's time zone or the warning times, which the console (or an earlier sheet)
set. Replacing a kept segment by the file's version would blank them -- the speakers'
local times would lose their zones. So a segment the file shares with the show (same
id, or same title; see ``match_ids``) keeps every field the file has no column for, and
takes from the file every field it has a column for.

A column that is there but empty for a row is the producer saying "nothing here": it
clears the field (the speaker left, the note is done with), to what the importer reads
for an empty cell -- no text, no hard start, the show's default warning time, a kind
guessed from the title. Only the absence of the column means "the file does not know";
the change list (``runsheet_diff``) names every field that changes, cleared ones
included, before anything is applied. Identity is the exception: an empty ID cell
cannot clear an id, the segment is then matched by title. A segment the file adds has
only what the file gives (and the defaults).
"""

from __future__ import annotations

from dataclasses import fields

from moderator_app.core.runsheet import Segment
from moderator_app.core.runsheet_diff import live_merge, match_ids

# A sheet is refused without a title column and a time column (start, end or duration),
# so these come from the file whatever its columns.
ALWAYS_GIVEN = frozenset({"title", "planned_duration_s"})
_DATA_FIELDS = frozenset(f.name for f in fields(Segment)) - {"id"}


def merge_segments(
    old: list[Segment],
    new: list[Segment],
    given: frozenset[str] | set[str],
    *,
    current: int | None = None,
) -> list[Segment]:
    """The run sheet after an import: ``new`` (the file's segments, in the file's order)
    matched onto ``old``; a matched segment takes only the ``given`` fields (the Segment
    fields the file has a column for) from the file and keeps the others. With
    ``current`` (the index on air during a show), what has run and the segment on air
    stay as they are and where they are (``live_merge``)."""
    taken = (frozenset(given) | ALWAYS_GIVEN) & _DATA_FIELDS
    old_by_id = {s.id: s for s in old}
    merged = []
    for seg in match_ids(old, new):
        before = old_by_id.get(seg.id)
        if before is None:
            merged.append(seg.copy())
        else:
            merged.append(before.copy(**{name: getattr(seg, name) for name in taken}))
    if current is not None:
        merged = live_merge(old, merged, current)
    return merged
