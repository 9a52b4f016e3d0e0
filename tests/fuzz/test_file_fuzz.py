"""Random and mutated bytes at every file reader and at parse_duration: a clear refusal,
never a traceback."""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderator_app.core.durations import DurationError, parse_duration
from tests.fuzz.readers import READERS, FileReader
from tests.hypothesis_profiles import examples

SCRATCH = Path(tempfile.mkdtemp(prefix="fuzz-seeds-"))
_SEEDS: dict[str, list[bytes]] = {}


def seeds_of(reader: FileReader) -> list[bytes]:
    if reader.name not in _SEEDS:
        _SEEDS[reader.name] = reader.seeds(SCRATCH)
    return _SEEDS[reader.name]


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    return bytes(_mutate(draw, bytearray(draw(st.sampled_from(seeds)))))


def _mutate(draw, data: bytearray) -> bytearray:
    for _ in range(draw(st.integers(1, 12))):
        choice = draw(st.integers(0, 3))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if choice == 0 and data:  # flip a byte
            data[pos] = draw(st.integers(0, 255))
        elif choice == 1:  # truncate
            del data[pos:]
        elif choice == 2:  # insert junk
            data[pos:pos] = draw(st.binary(max_size=64))
        elif data:  # wipe a page-sized run
            del data[pos : pos + draw(st.integers(1, 4096))]
    return data


@st.composite
def mutated_inside(draw, seeds: list[bytes]) -> bytes:
    """A workbook whose zip is sound but one part (a sheet, the shared strings, the styles)
    is damaged: byte flips in a zip fail its CRC and never reach the sheet parser."""
    seed = draw(st.sampled_from([s for s in seeds if s.startswith(b"PK")]))
    with zipfile.ZipFile(io.BytesIO(seed)) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    name = draw(st.sampled_from(sorted(n for n in parts if n.endswith(".xml"))))
    text = parts[name]
    if draw(st.booleans()) and b"<" in text:
        # Swap the content of one element or attribute value for odd text or numbers.
        cut = [i for i, b in enumerate(text) if b in b'<>"'][: 2000]
        at = draw(st.sampled_from(cut))
        junk = draw(st.sampled_from([b"-1", b"1e308", b"NaN", b"99999999999", b"A0", b"XFD1048576",
                                     b"", b"&#0;", b"\xff", b"2027-02-30T25:61:00", b"-0.5"]))
        parts[name] = text[: at + 1] + junk + text[at + 1 :]
    else:
        parts[name] = bytes(_mutate(draw, bytearray(text)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for part, content in parts.items():
            book.writestr(part, content)
    return out.getvalue()


ODD_CELLS = ["", " ", "--", "=1+1", '"', '""', "\r\n", "\x00", "é" * 5000, "16:00", "25:99",
             "-5", "1e308", "nan", "0:00:00", "31/02/2027 10:00", "2027-02-25T16:00:00+14:00",
             "Anonymous Attendee", "Oui", "x", "12,5", "Fin", "Total", "Europe/Paris", "PK\x03\x04",
             "INFINITY", "-inf", "1e30", "99999999999999999999999"]


@st.composite
def mutated_cells(draw, seeds: list[bytes]) -> bytes:
    """A text table whose structure survives but whose cells, rows and columns are odd:
    byte flips mostly break the encoding or the header; these reach the row parsers."""
    from moderator_app.io.tables import decode, sniff_delimiter

    text, encoding, _ = decode(draw(st.sampled_from(seeds)))
    delimiter = sniff_delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    for _ in range(draw(st.integers(1, 10))):
        if not rows:
            break
        r = draw(st.integers(0, len(rows) - 1))
        choice = draw(st.integers(0, 4))
        if choice <= 1 and rows[r]:  # an odd cell
            c = draw(st.integers(0, len(rows[r]) - 1))
            rows[r][c] = draw(st.sampled_from(ODD_CELLS) | st.text(max_size=30))
        elif choice == 2:  # a row repeated, or dropped
            rows[r:r] = [list(rows[r])] if draw(st.booleans()) else []
            if not draw(st.booleans()):
                del rows[r]
        elif choice == 3:  # a column gone from one row (ragged table)
            if rows[r]:
                del rows[r][draw(st.integers(0, len(rows[r]) - 1))]
        else:  # extra cells
            rows[r].extend(draw(st.lists(st.sampled_from(ODD_CELLS), max_size=3)))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows(rows)
    codec = {"utf-16": "utf-16", "utf-8-sig": "utf-8-sig"}.get(encoding, encoding)
    return out.getvalue().encode(codec, errors="replace")


def check_reader(reader: FileReader, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{reader.suffix}"
        path.write_bytes(data)
        try:
            reader.read(path)
        except reader.refusal as exc:
            message = str(exc)
            assert "\n" not in message.strip() and "Traceback" not in message
            assert path.name in message  # names the file


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@settings(max_examples=examples(60))
@given(data=st.data())
def test_mutated_files_are_refused_clearly(reader: FileReader, data) -> None:
    check_reader(reader, data.draw(mutated(seeds_of(reader))))


WORKBOOK_READERS = [r for r in READERS if r.suffix == ".xlsx"]
TEXT_READERS = [r for r in READERS if r.suffix == ".csv"]


@pytest.mark.parametrize("reader", TEXT_READERS, ids=lambda r: r.name)
@settings(max_examples=examples(60))
@given(data=st.data())
def test_odd_cells_rows_and_columns_are_refused_clearly(reader: FileReader, data) -> None:
    check_reader(reader, data.draw(mutated_cells(seeds_of(reader))))


@pytest.mark.parametrize("reader", WORKBOOK_READERS, ids=lambda r: r.name)
@settings(max_examples=examples(60))
@given(data=st.data())
def test_damaged_workbook_parts_are_refused_clearly(reader: FileReader, data) -> None:
    check_reader(reader, data.draw(mutated_inside(seeds_of(reader))))


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@settings(max_examples=examples(40))
@given(blob=st.binary(max_size=2048))
def test_random_bytes_are_refused_clearly(reader: FileReader, blob: bytes) -> None:
    check_reader(reader, blob)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@settings(max_examples=examples(40))
@given(blob=st.binary(max_size=512))
def test_random_bytes_after_a_valid_header(reader: FileReader, blob: bytes) -> None:
    seed = seeds_of(reader)[0]
    check_reader(reader, seed[:100] + blob)


@settings(max_examples=examples(500))
@given(
    value=st.one_of(
        st.text(max_size=20),
        st.text(alphabet="0123456789:.,hms -+'\"", max_size=12),
        st.binary(max_size=16).map(lambda b: b.decode("latin-1")),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.none(),
        st.booleans(),
    )
)
def test_parse_duration_only_ever_refuses_clearly(value) -> None:
    try:
        seconds = parse_duration(value)
    except DurationError as exc:
        assert str(exc)
        return
    assert isinstance(seconds, int)
    assert 0 <= seconds <= 24 * 3600
