"""control SHOW aux / started-at / set-elapsed, and clock, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderator_app.cli import main
from moderator_app.io.showfile import ShowFile
from tests.ntp_responder import GARBAGE, SILENT, NtpResponder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


@pytest.fixture
def show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "s.show"
    assert run(capsys, "new", str(path))[0] == 0
    return str(path)


def journal(path: str) -> list:
    with ShowFile.open(Path(path), readonly=True) as f:
        return f.actions()


def test_aux_commands(show: str, capsys) -> None:
    code, out, err = run(capsys, "control", show, "aux", "2", "set", "90")
    assert code == 0, err
    assert out["action"] == "aux.set"
    assert out["aux"][1]["duration_s"] == 90 and not out["aux"][1]["running"]
    code, out, err = run(capsys, "control", show, "aux", "2", "start")
    assert code == 0, err
    assert out["aux"][1]["running"]
    for op in ("pause", "reset"):
        assert run(capsys, "control", show, "aux", "2", op)[0] == 0
    assert [a.type for a in journal(show)] == ["aux.set", "aux.start", "aux.pause", "aux.reset"]



def test_status_json_carries_the_aux_timers(show: str, capsys) -> None:
    status = run(capsys, "status", show, "--json")[1]
    assert [t["timer"] for t in status["aux"]] == [1, 2, 3]
    assert not any(t["running"] for t in status["aux"])
    assert "aux" not in status["live"]  # live (and the network's poll) keep their keys
    run(capsys, "control", show, "aux", "2", "set", "90")
    run(capsys, "control", show, "aux", "2", "start")
    running = run(capsys, "status", show, "--json")[1]["aux"][1]
    assert running["running"] and running["duration_s"] == 90
    assert 80 < running["figure_s"] <= 90 and not running["overtime"]
    run(capsys, "control", show, "aux", "2", "pause")
    paused = run(capsys, "status", show, "--json")[1]["aux"][1]
    # Folded from the journal: a paused timer reads the same from any later process.
    assert not paused["running"] and paused["figure_s"] <= running["figure_s"]
    assert run(capsys, "status", show, "--json")[1]["aux"][1] == paused


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["aux", "1", "set", "-5"], "aux refused: A timer cannot last a negative time (-5 s)"),
        (["aux", "1", "set", "999999"], "too long for a timer"),
        (["aux", "1", "set", "abc"], "Cannot read 'abc' as a number of seconds"),
        (["aux", "7", "start"], "There is no timer 7"),
        (["aux", "1"], "aux needs a timer number and an action"),
        (["aux", "1", "fly"], "not 'fly'"),
        (["aux", "1", "pause"], "Timer 1 is not running"),
        (["started-at", "16:00"], "only while the show is running"),
        (["set-elapsed"], "needs SECONDS"),
        (["next", "1", "2"], "takes at most one argument"),
    ],
)
def test_refusals_are_one_line_and_save_nothing(show: str, capsys, words, message) -> None:
    code, out, err = run(capsys, "control", show, *words)
    assert code == 2 and out is None
    assert err.startswith("moderator-app: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert journal(show) == []


def test_started_at_and_set_elapsed(show: str, capsys) -> None:
    assert run(capsys, "control", show, "start")[0] == 0
    code, out, err = run(capsys, "control", show, "started-at", "-120")
    assert code == 0, err
    assert out["action"] == "timer.started_at"
    assert out["live"]["elapsed_s"] == pytest.approx(120, abs=2)
    code, out, err = run(capsys, "control", show, "started-at", "-60", "show")
    assert code == 0, err
    assert out["live"]["elapsed_s"] == pytest.approx(60, abs=2)
    code, out, err = run(capsys, "control", show, "set-elapsed", "200")
    assert code == 0, err
    assert out["live"]["elapsed_s"] == pytest.approx(200, abs=2)
    code, _, err = run(capsys, "control", show, "set-elapsed", "-3")
    assert code == 2 and "cannot be negative" in err
    code, _, err = run(capsys, "control", show, "started-at", "-100000")
    assert code == 2 and "12 hours" in err
    code, _, err = run(capsys, "control", show, "started-at", "-60", "everything")
    assert code == 2 and "'segment' or 'show'" in err
    code, _, err = run(capsys, "control", show, "undo")
    assert code == 0, err
    assert [a.type for a in journal(show)][-1] == "undo"


def test_clock_prints_the_offset(capsys) -> None:
    with NtpResponder(offset_s=-3.5) as ntp:
        code, out, err = run(capsys, "clock", "--server", ntp.server)
    assert code == 0, err
    assert out["offset_s"] == pytest.approx(-3.5, abs=0.2) and out["off"] is True


@pytest.mark.parametrize(
    ("mode", "message"), [(SILENT, "did not answer within 0.3 s"), (GARBAGE, "not NTP time")]
)
def test_clock_failures_are_one_line(capsys, mode: str, message: str) -> None:
    with NtpResponder(mode=mode) as ntp:
        code, out, err = run(capsys, "clock", "--server", ntp.server, "--timeout", "0.3")
    assert code == 2 and out is None
    assert err.startswith("moderator-app: error: ") and message in err


def test_clock_bad_arguments(capsys) -> None:
    code, _, err = run(capsys, "clock", "--server", "host:0")
    assert code == 2 and "not a port" in err
    code, _, err = run(capsys, "clock", "--timeout", "nan")
    assert code == 2


def test_started_at_a_clock_time_in_the_show_zone(show: str, capsys) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")  # the default show's zone
    assert run(capsys, "control", show, "start")[0] == 0
    earlier = (datetime.now(paris) - timedelta(seconds=90)).strftime("%H:%M:%S")
    code, out, err = run(capsys, "control", show, "started-at", earlier)
    assert code == 0, err
    assert out["live"]["elapsed_s"] == pytest.approx(90, abs=3)
    later = (datetime.now(paris) + timedelta(minutes=5)).strftime("%H:%M")
    code, out, err = run(capsys, "control", show, "started-at", later)
    assert code == 2 and "in the future" in err and out is None
