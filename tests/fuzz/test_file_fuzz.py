"""Random and mutated bytes at every file reader and at parse_duration: a clear refusal,
never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderator_app.core.durations import DurationError, parse_duration
from tests.fuzz.readers import READERS, FileReader

SCRATCH = Path(tempfile.mkdtemp(prefix="fuzz-seeds-"))
_SEEDS: dict[str, list[bytes]] = {}


def seeds_of(reader: FileReader) -> list[bytes]:
    if reader.name not in _SEEDS:
        _SEEDS[reader.name] = reader.seeds(SCRATCH)
    return _SEEDS[reader.name]


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
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
    return bytes(data)


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
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_are_refused_clearly(reader: FileReader, data) -> None:
    check_reader(reader, data.draw(mutated(seeds_of(reader))))


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@settings(max_examples=40, deadline=None)
@given(blob=st.binary(max_size=2048))
def test_random_bytes_are_refused_clearly(reader: FileReader, blob: bytes) -> None:
    check_reader(reader, blob)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@settings(max_examples=40, deadline=None)
@given(blob=st.binary(max_size=512))
def test_random_bytes_after_a_valid_header(reader: FileReader, blob: bytes) -> None:
    seed = seeds_of(reader)[0]
    check_reader(reader, seed[:100] + blob)


@settings(max_examples=500, deadline=None)
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
