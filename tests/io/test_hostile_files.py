"""Hostile spreadsheets are refused in one line, and the process that reads them lives.

Before the guard, the first of these aborted the test process itself (calamine's
"memory allocation of 549755813888 bytes failed"), the FIFO blocked it forever and
/dev/zero ended in MemoryError: that these tests run to the end at all is part of what
they show.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from moderator_app.io import safe_read
from moderator_app.io.file_checks import LIMITS, MB, Limits
from moderator_app.io.spreadsheet_kind import QUESTIONS, detect
from moderator_app.io.table_errors import FileRefused, ReadCancelled, TableError
from moderator_app.io.tables import read_tables
from moderator_app.io.zip_checks import SheetScan, check_workbook_zip
from tests.io import hostile_files as hostile

TOO_LARGE = "this file is too large or damaged to read"
SLOW_STRINGS = 12_000_000  # 200 MB of shared strings: seconds of parsing in the child


def within(seconds: float, call):
    """``call()``'s outcome (value or exception), asserting it came within ``seconds``: a
    read that blocks (a FIFO) fails the test instead of hanging it."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still reading after {seconds} s"
    return outcome[0]


def refusal(path: Path, seconds: float = 15.0, **kwargs) -> TableError:
    outcome = within(seconds, lambda: read_tables(path, **kwargs))
    assert isinstance(outcome, TableError), f"{path.name} was read: {outcome!r}"
    message = str(outcome)
    assert "\n" not in message and str(path) in message
    return outcome


@pytest.mark.parametrize("name", sorted(hostile.HOSTILE_XLSX))
def test_hostile_workbooks_are_refused_in_one_line(tmp_path: Path, name: str) -> None:
    path = hostile.HOSTILE_XLSX[name](tmp_path)
    assert path.stat().st_size < 400_000  # small on disk, huge once read
    started = time.monotonic()
    exc = refusal(path)
    assert isinstance(exc, FileRefused) and TOO_LARGE in str(exc)
    assert time.monotonic() - started < 10


def test_the_lying_dimension_names_the_cell_that_lies(tmp_path: Path) -> None:
    for make in (hostile.lying_dimension_xlsx, hostile.far_cell_xlsx):
        message = str(refusal(make(tmp_path)))
        assert "reaches row 1,048,576 and column XFD" in message


def test_a_dimension_claiming_the_whole_grid_is_not_believed_either(tmp_path: Path) -> None:
    (table,) = read_tables(hostile.huge_dimension_xlsx(tmp_path))
    assert table.rows[0] == ["Question", "Nom"] and len(table.rows) == 3
    assert detect(tmp_path / "huge_dimension.xlsx").kind == QUESTIONS


def test_zip_sizes_are_measured_not_believed(tmp_path: Path) -> None:
    # The bomb's zip declares 1 KB; without the ratio check the inflated size stops it.
    path = hostile.zip_bomb_xlsx(tmp_path)
    with pytest.raises(FileRefused, match="unpacks to 256 MB or more"):
        check_workbook_zip(path, Limits(ratio=10**6))


def test_rows_without_references_are_counted(tmp_path: Path) -> None:
    path = hostile.rows_bomb_xlsx(tmp_path)
    with pytest.raises(FileRefused, match="holds more than 3,000,000 cells"):
        check_workbook_zip(path, Limits(ratio=10**6))


def test_a_sheet_past_z99999_is_scanned_exactly_and_read(tmp_path: Path) -> None:
    wide = "".join(hostile._text(f"{c}1", c) for c in ("A", "AA", "BZ"))
    sheet = hostile._sheet("A1", f'<row r="1">{wide}</row>')
    (table,) = read_tables(hostile._book(tmp_path / "wide.xlsx", sheet))
    assert len(table.rows[0]) == 78 and table.rows[0][77] == "BZ"
    scan = SheetScan(exact=True)
    scan.feed(sheet.encode(), last=True)
    assert (scan.last_row, scan.last_column, scan.cells) == (1, 78, 3)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    for name in ("questions.csv", "conducteur.xlsx"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        exc = refusal(fifo, seconds=5)
        assert "is a named pipe (FIFO), not a spreadsheet file" in str(exc)
        assert within(5, lambda f=fifo: detect(f)).problem == str(exc)


def test_dev_zero_is_refused_without_reading_it() -> None:
    exc = refusal(Path("/dev/zero"), seconds=5)
    assert str(exc) == "/dev/zero: is a device, not a spreadsheet file; choose a saved file"


def test_text_tables_are_read_up_to_a_limit(tmp_path: Path) -> None:
    big = tmp_path / "export.csv"
    with big.open("wb") as fh:  # sparse: 65 MB that take no room on disk
        fh.write(b"Question,Nom\n")
        fh.truncate(LIMITS.text_bytes + MB)
    exc = refusal(big)
    assert "a text table of more than 64 MB" in str(exc)
    commas = tmp_path / "commas.csv"
    commas.write_bytes(b"Question" + b"," * 200 + b"\n")
    with pytest.raises(FileRefused, match="more than 100 cells"):
        read_tables(commas, limits=Limits(cells=100))


@pytest.mark.slow
def test_a_child_that_runs_out_of_memory_is_a_refusal(tmp_path: Path) -> None:
    # With the cell check off, the file reaches the reader, which asks for 512 GB: the
    # child's address-space limit makes that fail there, and only there.
    path = hostile.lying_dimension_xlsx(tmp_path)
    exc = refusal(path, limits=Limits(cells=10**13))
    assert "the reader stopped, out of its 2048 MB of memory" in str(exc)
    assert read_tables(hostile.huge_dimension_xlsx(tmp_path))  # and the next file is read


@pytest.mark.slow
def test_a_child_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    path = hostile.shared_strings_bomb_xlsx(tmp_path, strings=SLOW_STRINGS)
    limits = Limits(ratio=10**6, strings=10**9, seconds=1.0)
    started = time.monotonic()
    exc = refusal(path, limits=limits)
    assert "reading it took more than 1 s" in str(exc)
    assert time.monotonic() - started < 5
    assert read_tables(hostile.huge_dimension_xlsx(tmp_path))


def test_a_cancelled_read_stops_at_once(tmp_path: Path) -> None:
    path = hostile.shared_strings_bomb_xlsx(tmp_path, strings=SLOW_STRINGS)
    limits = Limits(ratio=10**6, strings=10**9)
    started = time.monotonic()
    with pytest.raises(ReadCancelled):
        read_tables(path, limits=limits, cancelled=lambda: time.monotonic() - started > 0.2)
    assert time.monotonic() - started < 3


def test_what_comes_back_from_the_child_is_bounded(tmp_path: Path) -> None:
    path = hostile.huge_dimension_xlsx(tmp_path)
    with pytest.raises(FileRefused, match="its cells take more than 100 bytes"):
        read_tables(path, limits=Limits(reply_bytes=100))


def test_small_files_reuse_a_warm_child(tmp_path: Path) -> None:
    path = hostile.huge_dimension_xlsx(tmp_path)
    read_tables(path)
    (child,) = safe_read._idle
    read_tables(path)
    assert safe_read._idle == [child] and child.process.is_alive()
    assert child.process.pid != os.getpid()


@pytest.mark.slow
def test_a_dying_child_says_nothing_on_the_parents_stderr(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = hostile.lying_dimension_xlsx(tmp_path)
    script = (
        "from moderator_app.io.file_checks import Limits\n"
        "from moderator_app.io.tables import read_tables, TableError\n"
        "try:\n"
        f"    read_tables({str(path)!r}, limits=Limits(cells=10**13))\n"
        "except TableError as exc:\n"
        "    print(exc)\n"
    )
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, RUST_BACKTRACE="1"))
    assert done.returncode == 0
    assert "the reader stopped, out of its 2048 MB of memory" in done.stdout
    assert done.stderr == ""  # no "memory allocation of ... failed", no backtrace


def test_a_zip_claiming_a_newer_zip_version_is_refused_in_one_line(tmp_path: Path) -> None:
    # Found by tests/fuzz: zipfile raises NotImplementedError for a central directory
    # entry that needs "zip version 6.4"; it is a damaged workbook, said as such.
    import zipfile

    path = tmp_path / "newer.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/workbook.xml", "<workbook/>")
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 64  # "version needed to extract": 6.4
    path.write_bytes(bytes(data))
    exc = refusal(path)
    assert "not a readable spreadsheet" in str(exc) and "zip file version 6.4" in str(exc)
