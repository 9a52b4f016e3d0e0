"""Question text matching: normalisation, stable identity and near-duplicate detection.

Kept apart from the queue so the rules for "is this the same question?" live in one place.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from hashlib import blake2b
from itertools import repeat
from operator import floordiv, methodcaller, sub

from moderator_app.core.clock import EPOCH

_SPACES = re.compile(r"\s+")
_MAX_CANDIDATES = 400  # per word: bounds the work when a question has only common words
_WORD = re.compile(r"\w+")
_US = timedelta(microseconds=1)
_blake8 = partial(blake2b, digest_size=8)

# Words that carry no meaning for "same question?" (English and French).
STOP_WORDS = frozenset(
    """a an and are as at be by can do does for from how i in is it of on or our
    the this to what which who why will with you your
    au aux avec ce ces comment dans de des du elle en est et il la le les leur
    mais ne nous ou par pas pour quel quelle quels quelles que qui quoi sa se
    son sont sur un une vos votre vous l d qu c j s n""".split()  # noqa: SIM905
)


# Combining marks (accents) dropped after NFKD decomposition.
_MARKS = dict.fromkeys(
    [*range(0x0300, 0x0370), *range(0x1AB0, 0x1B00), *range(0x1DC0, 0x1E00),
     *range(0x20D0, 0x2100), *range(0xFE20, 0xFE30)]
)


def fold(text: str) -> str:
    """Lower case without accents, spaces collapsed: the form used to compare names."""
    if text.isascii():  # the common case, and ten times cheaper
        return " ".join(text.lower().split())
    return " ".join(unicodedata.normalize("NFKD", text.casefold()).translate(_MARKS).split())


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if w not in STOP_WORDS]


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:  # not expected (questions hold aware times): read as UTC
        moment = moment.replace(tzinfo=UTC)
    return str((moment - EPOCH) // _US)


def identity(source: str, submitted_at: datetime | None, asker: str | None, text: str) -> str:
    """A stable id for an imported question: the same row in a later export gets the same id.

    Only whitespace and case are folded in the text, so two different questions never
    collide because of punctuation; the time is taken as exact microseconds since the
    epoch (UTC), so the zone used to read a naive time does not matter as long as the
    instant is the same. 64 bits of BLAKE2b (as many as the SHA-1 prefix used before, and
    cheaper to compute): about one chance in fifteen billion that two of 50,000
    questions share an id.
    """
    key = "\x1f".join([source, _when(submitted_at), fold(asker or ""),
                       " ".join(text.casefold().split())])
    return blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def identities(
    source: str,
    times: Sequence[datetime | None],
    askers: Sequence[str | None],
    texts: Sequence[str],
) -> list[str]:
    """``identity`` of whole columns at once (an import): the same ids, each step one
    pass over a column (mostly in C) instead of a call per row."""
    try:  # every time aware (an import): the subtraction and division in C
        whens = list(map(str, map(floordiv, map(sub, times, repeat(EPOCH)), repeat(_US))))
    except TypeError:  # a missing or naive time
        whens = list(map(_when, times))
    names = ["" if not a else " ".join(a.lower().split()) if a.isascii() else fold(a)
             for a in askers]
    # Most texts are already spaced singly: a printable string holds no whitespace but
    # the ASCII space, so without doubled or outer spaces the split and join would
    # give it back unchanged.
    norm = [t if t.isprintable() and "  " not in t and t[:1] != " " and t[-1:] != " "
            else " ".join(t.split()) for t in map(str.casefold, texts)]
    keys = map("\x1f".join, zip(repeat(source, len(whens)), whens, names, norm, strict=True))
    return list(map(methodcaller("hexdigest"), map(_blake8, map(str.encode, keys))))


@dataclass(frozen=True)
class DuplicateSuggestion:
    """``duplicate`` looks like ``keep`` asked again; accepting merges it into ``keep``."""

    keep: str
    duplicate: str
    similarity: float


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_duplicates(
    items: Iterable[tuple[str, str]], threshold: float = 0.75
) -> list[DuplicateSuggestion]:
    """Pairs of (id, text) that are the same question in other casing, punctuation or order.

    Candidates come from an inverted index on each text's rarest words, so a queue of
    tens of thousands stays linear rather than comparing every pair. The earlier item
    (in the given order) is the one to keep.
    """
    entries = [(qid, frozenset(tokens(text))) for qid, text in items]
    freq: dict[str, int] = defaultdict(int)
    for _, words in entries:
        for w in words:
            freq[w] += 1
    index: dict[str, list[int]] = defaultdict(list)
    found: list[DuplicateSuggestion] = []
    taken: set[int] = set()
    for i, (qid, words) in enumerate(entries):
        if not words:
            continue
        rare = sorted(words, key=lambda w: (freq[w], w))[:2]
        candidates: set[int] = set()
        for w in rare:
            candidates.update(index[w][-_MAX_CANDIDATES:])
        best: tuple[float, int] | None = None
        for j in candidates:
            if j in taken:
                continue
            score = _jaccard(words, entries[j][1])
            if score >= threshold and (best is None or score > best[0]):
                best = (score, j)
        if best is not None:
            found.append(DuplicateSuggestion(entries[best[1]][0], qid, round(best[0], 3)))
            taken.add(i)
            continue
        # Index by every word: a later duplicate's rarest words must find this one.
        for w in words:
            index[w].append(i)
    return found
