"""Votes cells: a count from 0 to MAX_VOTES, or empty with a warning; never a crash.

A fuzz run found ``INFINITY`` in a Slido votes column raising OverflowError in
``questions preview``; infinite, NaN, negative and absurd counts (which would also overflow
SQLite's integers) now become empty and the preview says which rows.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from moderator_app.io import question_columns as cols
from moderator_app.io.question_import import preview_dict, preview_file
from moderator_app.io.question_sources import MAX_VOTES, bad_votes, parse_votes
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.io.tables import TableError
from moderator_app.resources import default_show
from tests.hypothesis_profiles import examples

REPO = Path(__file__).resolve().parents[2]
HOSTILE = ["INFINITY", "inf", "-Infinity", "NaN", "-5", "1e300", "1e30", "10000001",
           "99999999999999999999999", float("inf"), float("-inf"), float("nan"), -1, 1e20,
           10**30, -(10**30)]


def test_hostile_counts_are_empty_and_flagged() -> None:
    for cell in HOSTILE:
        assert parse_votes(cell) is None, cell
        assert bad_votes(cell), cell
    for cell, count in [("12", 12), (" 1\u202f000 ", 1000), ("3,0", 3), (7.0, 7), (0, 0),
                        (str(MAX_VOTES), MAX_VOTES)]:
        assert parse_votes(cell) == count and not bad_votes(cell)
    for empty in ["", " ", "-", "n/a", None]:
        assert parse_votes(empty) is None and not bad_votes(empty)


def test_columns_flag_the_rows_they_leave_empty() -> None:
    bad: list[int] = []
    assert cols.votes(["3", "INFINITY", "", "-2", "7"], bad) == [3, None, None, None, 7]
    assert bad == [1, 3]
    bad = []
    assert cols.votes([1.0, float("inf"), 2.0], bad) == [1, None, 2]
    assert bad == [1]
    assert cols.votes([1.0, 1e20], []) == [1, None]
    assert cols.votes([5, 10**30], []) == [5, None]


def _slido(path: Path, votes: list[object]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Question", "Author", "Likes", "Date", "Labels", "Answered", "Highlighted"])
        for i, v in enumerate(votes):
            w.writerow([f"Question number {i} about city networks?", f"Asker {i}", v,
                        f"2027-02-25 16:{10 + i:02d}:00", "", "false", "false"])
    return path


@settings(max_examples=examples(60))
@given(cell=st.one_of(
    st.sampled_from([str(c) for c in HOSTILE]),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=12),
))
@example(cell="INFINITY")
@example(cell="-inf")
@example(cell="1e308")
@example(cell="99999999999999999999999")
@example(cell="\x1f\x1f\x1f\x08")  # control characters: the file is refused, clearly
def test_any_votes_cell_previews_and_imports(tmp_path_factory, cell: str) -> None:
    seed_show = default_show()
    folder = tmp_path_factory.mktemp("votes")
    path = _slido(folder / "slido.csv", [4, cell, 9])
    try:
        result = preview_file(path, tz=seed_show.tz)
    except TableError as exc:  # a cell of control characters makes it no text table
        assert "\n" not in str(exc) and path.name in str(exc)
        return
    out = preview_dict(result)
    json.dumps(out)
    got = [q["votes"] for q in out["questions"]]
    assert got[0] == 4 and got[2] == 9
    assert got[1] is None or 0 <= got[1] <= MAX_VOTES
    if got[1] is None and bad_votes(cell.strip()):
        assert any("vote count" in w and "(rows 3)" in w for w in out["warnings"]), out["warnings"]
    # and into a show file: SQLite takes every count that was kept
    from moderator_app.io.showfile import ShowFile

    show = folder / "votes.show"
    ShowFile.create(show, seed_show).close()
    session = ShowSession.open(show)
    try:
        QuestionBook(session).import_result(result)
    finally:
        session.close()


def test_questions_preview_command_warns_instead_of_crashing(tmp_path: Path) -> None:
    path = _slido(tmp_path / "slido.csv", [4, "INFINITY", 9])
    done = subprocess.run(
        [sys.executable, "-m", "moderator_app", "questions", "preview", str(path), "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    out = json.loads(done.stdout)
    assert [q["votes"] for q in out["questions"]] == [4, None, 9]
    assert any("vote count" in w for w in out["warnings"])
