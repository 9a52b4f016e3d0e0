"""Column-at-a-time cell readers give what the per-cell functions give, cell for cell."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from moderator_app.core.question_text import identities, identity
from moderator_app.io import question_columns as cols
from moderator_app.io.question_sources import (
    cell_text,
    is_anonymous,
    parse_answered,
    parse_votes,
)

ODD_CELLS = ["", " ", "--", " -- ", "12", "007", "١٢", "²", "1,5", "3.0", " 4 ", "1\u202f000",
             "n/a", "yes", "Oui", "non", "x", "Répondu", "answered later", 0, 3, 7.0, 2.5,
             float("nan"), True, False, None, datetime(2027, 2, 1, 8, 30),
             date(2027, 2, 1), time(8, 30), "  Zoé  \n", "<b>=1+1</b>"]


def test_text_readers_match_cell_text() -> None:
    assert cols.texts(ODD_CELLS) == [cell_text(c) for c in ODD_CELLS]
    expected = []
    for c in ODD_CELLS:
        s = cell_text(c).strip()
        expected.append(None if not s or s == "--" else s)
    assert cols.stripped(ODD_CELLS) == expected
    # Columns of text only (what most files give) take a shorter way to the same result.
    only_text = [c for c in ODD_CELLS if isinstance(c, str)]
    assert cols.texts(only_text) == only_text
    assert cols.stripped(only_text) == [e for c, e in zip(ODD_CELLS, expected, strict=True)
                                        if isinstance(c, str)]
    assert cols.stripped(["a ", " b"]) == ["a", "b"]


def test_votes_and_answered_match_the_cell_parsers() -> None:
    cells = [c for c in ODD_CELLS if not (isinstance(c, float) and c != c)]
    assert cols.votes(cells) == [parse_votes(c) for c in cells]
    assert cols.votes([cols.MISSING, None]) == [None, None]
    floats = [3.0, 0.0, -2.0, 2.5, 1e20]
    for column in (floats, floats[:3], floats[-1:]):
        assert cols.votes(column) == [parse_votes(c) for c in column]
    for free_text in (False, True):
        assert cols.answered(cells, free_text) == [parse_answered(c, free_text) for c in cells]
    assert cols.answered([cols.MISSING], True) == [None]


def test_ragged_rows_and_missing_columns() -> None:
    rows = [["a", "b", "c"], ["d"], []]
    assert cols.cells(rows, 1) == ["b", "", ""]
    assert cols.cells(rows, 2, cols.MISSING) == ["c", cols.MISSING, cols.MISSING]
    assert cols.cells(rows, None) == ["", "", ""]


def test_anonymous_and_names() -> None:
    askers = ["Anonymous Attendee", "Zoé", None, "Participant anonyme", "Anonymat Dupont"]
    emails = [None, "anonyme", "x@y.org", None, None]
    assert cols.anonymous(askers, emails) == [is_anonymous(a, e)
                                              for a, e in zip(askers, emails, strict=True)]
    assert cols.anonymous(["Ana", None], [None, "a@b.org"]) == [False, False]
    assert cols.names([None, "Ana", None], ["Zoé", "x", None], ["Roy", None, None]) == [
        "Zoé Roy", "Ana", None]


def test_identities_equal_identity() -> None:
    paris = ZoneInfo("Europe/Paris")
    times = [datetime(2027, 2, 1, 8, 0, 16, tzinfo=paris), None,
             datetime(2027, 2, 1, 8, 0, 16, 250, tzinfo=ZoneInfo("UTC")), None, None]
    askers = ["Zoé  Roy", None, "ANA", "", "Ünal\u00a0Öz"]
    texts = ["Comment  financer\tl'action ?", " Ça\u202fva ? ", "ß and SS", "\n", "plain text ?"]
    assert identities("google_forms", times, askers, texts) == [
        identity("google_forms", t, a, x) for t, a, x in zip(times, askers, texts, strict=True)]
    # Every time aware (what an import gives) and one naive: both ways agree too.
    for column in ([times[0], times[2], times[0], times[2], times[0]],
                   [times[0], datetime(2027, 2, 1, 7, 0, 16), None, times[2], times[0]]):
        assert identities("slido", column, askers, texts) == [
            identity("slido", t, a, x) for t, a, x in zip(column, askers, texts, strict=True)]


def test_padded_date_columns_read_as_one_by_one() -> None:
    from moderator_app.io.dates import parse_column

    paris = ZoneInfo("Europe/Paris")
    padded = ["02/01/2027 08:00:16", "13/02/2027 09:05", "01/03/2027", " 28.02.2027 23:59:59 "]
    mixed = [*padded, "1/3/2027 8:00", "2027-03-01T10:00:00", "31/02/2027", "", "n/a"]
    for cells in (padded, mixed, ["31/02/2027", "01/02/2027"]):
        fast = parse_column(cells, paris)
        slow = parse_column([*cells, "not a date at all"], paris)  # no shortcut for this one
        assert fast.values == slow.values[: len(cells)]
        assert fast.bad_rows == [i for i in slow.bad_rows if i < len(cells)]
    assert parse_column(padded, paris).values[1] == datetime(2027, 2, 13, 9, 5, tzinfo=paris)


def test_workbook_times_take_the_zone_like_replace() -> None:
    from moderator_app.io.dates import parse_column

    paris = ZoneInfo("Europe/Paris")
    # The repeated hour of the autumn change, both times (fold), and a plain time.
    cells = [datetime(2027, 10, 31, 2, 30), datetime(2027, 10, 31, 2, 30, fold=1),
             datetime(2027, 2, 1, 8, 0, 16, 250)]
    values = parse_column(cells, paris).values
    assert values == [c.replace(tzinfo=paris) for c in cells]
    assert [v.utcoffset() for v in values] == [c.replace(tzinfo=paris).utcoffset()
                                               for c in cells]
    assert [v.fold for v in values] == [0, 1, 0]
