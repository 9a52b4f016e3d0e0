from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from moderator_app import __version__
from moderator_app.cli import main
from moderator_app.io.showfile import ShowFile

REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_new_and_status_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    show = tmp_path / "s.show"
    code, out, _ = run(capsys, "new", str(show))
    assert code == 0 and out["segments"] == 8
    code, out, err = run(capsys, "status", str(show), "--json")
    assert code == 0, err
    assert set(out) == {"show", "segments", "live", "aux"}
    assert set(out["show"]) == {
        "title",
        "moderator",
        "language",
        "timezone",
        "planned_start",
        "planned_end",
    }
    assert out["show"]["planned_start"] == "2027-02-25T16:00:00+01:00"
    assert out["show"]["planned_end"] == "2027-02-25T17:30:00+01:00"
    assert [s["kind"] for s in out["segments"]] == [
        "welcome",
        "introduction",
        "speaker",
        "speaker",
        "speaker",
        "qa",
        "conclusions",
        "closing",
    ]
    assert set(out["segments"][0]) == {
        "index",
        "title",
        "kind",
        "speaker",
        "organisation",
        "region",
        "planned_start",
        "planned_duration_s",
        "hard_start",
    }
    assert set(out["live"]) == {
        "state",
        "current_index",
        "elapsed_s",
        "remaining_s",
        "phase",
        "over_under_s",
        "projected_end",
        "show_elapsed_s",
    }
    assert out["live"]["state"] == "not_started"


def test_new_refuses_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    show = tmp_path / "s.show"
    show.write_text("keep me")
    code, out, err = run(capsys, "new", str(show))
    assert code == 2 and out is None
    assert err.count("\n") == 1 and "already exists" in err
    assert show.read_text() == "keep me"


def test_control_sequence_and_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    show = tmp_path / "s.show"
    run(capsys, "new", str(show))
    assert run(capsys, "control", str(show), "start")[0] == 0
    code, out, _ = run(capsys, "control", str(show), "goto", "5")
    assert code == 0 and out["live"]["current_index"] == 5
    code, out, _ = run(capsys, "control", str(show), "add-time", "-60")
    assert out["live"]["remaining_s"] == pytest.approx(1440, abs=2)
    with ShowFile.open(show) as f:
        before = len(f.actions())
    code, out, err = run(capsys, "control", str(show), "resume")
    assert code == 2 and "refused" in err and err.count("\n") == 1
    code, out, err = run(capsys, "control", str(show), "goto", "99")
    assert code == 2 and "no segment 99" in err
    code, out, err = run(capsys, "control", str(show), "add-time", "lots")
    assert code == 2 and "not a whole number" in err
    with ShowFile.open(show) as f:
        assert len(f.actions()) == before
    run(capsys, "control", str(show), "goto", "7")
    code, _, err = run(capsys, "control", str(show), "next")
    assert code == 2 and "last segment" in err
    assert run(capsys, "control", str(show), "finish")[0] == 0
    assert run(capsys, "status", str(show), "--json")[1]["live"]["state"] == "finished"
    assert run(capsys, "control", str(show), "undo")[1]["live"]["state"] == "running"


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.show"
    bad.write_bytes(b"\x00\x01garbage")
    code, _, err = run(capsys, "status", str(bad), "--json")
    assert code == 2 and err.count("\n") == 1 and "not a show file" in err
    code, _, err = run(capsys, "status", str(tmp_path / "missing.show"), "--json")
    assert code == 2 and "no such show file" in err


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "moderator_app", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
        "MODERATOR_APP_DATA_DIR": str(tmp_path / "data"),
    }


def test_version_subprocess(env: dict[str, str]) -> None:
    result = _cli("--version", env=env)
    assert result.returncode == 0 and __version__ in result.stdout


@pytest.mark.slow
def test_killed_console_loses_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    show = tmp_path / "live.show"
    assert _cli("new", str(show), env=env).returncode == 0
    console = subprocess.Popen(
        [sys.executable, "-m", "moderator_app", str(show)],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(1.5)
        assert console.poll() is None, console.stderr.read().decode() if console.stderr else ""
        assert _cli("control", str(show), "start", env=env).returncode == 0
        started = time.time()
        assert _cli("control", str(show), "next", env=env).returncode == 0
        time.sleep(1.0)
    finally:
        console.send_signal(signal.SIGKILL)
        console.wait(timeout=10)
    time.sleep(0.5)
    result = _cli("status", str(show), "--json", env=env)
    assert result.returncode == 0, result.stderr
    live = json.loads(result.stdout)["live"]
    assert live["state"] == "running"
    assert live["current_index"] == 1
    assert live["show_elapsed_s"] == pytest.approx(time.time() - started, abs=1.5)
