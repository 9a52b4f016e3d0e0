"""The show's clock record: carried only where this machine's uptime clock is valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderator_app.io import clockwitness
from moderator_app.io.clockwitness import read_witness, witness_path, write_witness

pytestmark = pytest.mark.skipif(
    clockwitness._boot_id() is None, reason="no kernel boot id here: the record is never used"
)


def test_a_record_is_carried_forward_by_the_uptime_clock(tmp_path: Path) -> None:
    show = tmp_path / "a.show"
    write_witness(show, 1_800_000_000_000_000)
    witness = read_witness(show)
    assert witness is not None
    assert 0 <= witness.now_us() - 1_800_000_000_000_000 < 5_000_000


@pytest.mark.parametrize(
    "change",
    [{"host": "elsewhere"}, {"boot": "another-boot"}, {"uptime_us": 10**18}, {"show_us": "x"}],
)
def test_a_record_from_another_machine_or_boot_is_not_used(
    tmp_path: Path, change: dict
) -> None:
    show = tmp_path / "a.show"
    write_witness(show, 1_800_000_000_000_000)
    data = json.loads(witness_path(show).read_text())
    witness_path(show).write_text(json.dumps({**data, **change}))
    assert read_witness(show) is None


def test_no_record_or_a_damaged_one_is_not_used(tmp_path: Path) -> None:
    show = tmp_path / "a.show"
    assert read_witness(show) is None
    witness_path(show).write_text("{not json")
    assert read_witness(show) is None
