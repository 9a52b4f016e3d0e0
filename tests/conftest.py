"""Shared fixtures. Qt runs offscreen; every test gets its own data dir and show file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from datetime import UTC, datetime
from pathlib import Path

import pytest

from moderator_app.core.clock import FakeClock
from moderator_app.core.runsheet import Segment, SegmentKind, Show
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.resources import default_show
from tests.hypothesis_profiles import register as register_hypothesis_profiles

HYPOTHESIS_PROFILE = register_hypothesis_profiles()
REPO = Path(__file__).resolve().parent.parent


def pytest_report_header(config: pytest.Config) -> str:
    return f"hypothesis profile: {HYPOTHESIS_PROFILE}"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("MODERATOR_APP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("HOME", str(base / "home"))


@pytest.fixture
def clock() -> FakeClock:
    # 15:00 UTC is 16:00 in Paris on the seed show's day.
    return FakeClock(datetime(2027, 2, 25, 15, 0, tzinfo=UTC))


@pytest.fixture
def seed_show() -> Show:
    return default_show()


@pytest.fixture
def small_show() -> Show:
    """Three segments of 5, 10 and 5 minutes from 16:00 Paris time."""
    return Show(
        title="Small",
        planned_start=datetime(2027, 2, 25, 15, 0, tzinfo=UTC),
        timezone="Europe/Paris",
        segments=[
            Segment("One", 300, SegmentKind.WELCOME, id="a"),
            Segment("Two", 600, SegmentKind.SPEAKER, speaker="Ana", id="b"),
            Segment("Three", 300, SegmentKind.CLOSING, id="c"),
        ],
    )


@pytest.fixture
def show_path(tmp_path: Path, seed_show: Show) -> Path:
    path = tmp_path / "seed.show"
    ShowFile.create(path, seed_show).close()
    return path


@pytest.fixture
def session(show_path: Path, clock: FakeClock):
    s = ShowSession.open(show_path, clock=clock)
    yield s
    s.close()
