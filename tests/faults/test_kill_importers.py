"""SIGKILL during the real importers, run as the real program on a live show:
``moderator-app questions import SHOW FILE`` with a large Zoom report, and
``moderator-app runsheet import SHOW FILE`` with a large run sheet.

Each import is killed at three moments, taken from a full import measured on this
machine: while it reads the file, as soon as its write transaction has spilled pages into
the write-ahead log (mid-commit), and late in that transaction. On reopening, the import is there entirely or not at all, the
journal and the tables agree, what was committed before is intact, and the live timer
is where the wall clock says.
"""

from __future__ import annotations

import csv
import json
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFile
from moderator_app.resources import default_show, resource
from tests.faults.conftest import HARNESS, cli, program_env

pytestmark = pytest.mark.slow

QUESTIONS = 60_000
EXTRA_SEGMENTS = 15_000
WAL_SPILL = 256 * 1024  # bytes of WAL that show a write transaction under way
MOMENTS = ["reading", "mid-commit", "late"]


# -- the big files ------------------------------------------------------------------------
def write_zoom_report(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow(["Question and Answer Report"])
        out.writerow([])
        out.writerow(["#", "Question", "Asker Name", "Asker Email", "Answer(s)"])
        for i in range(QUESTIONS):
            out.writerow([
                i + 1,
                f"Question n°{i} : comment la métropole {i % 97} coordonne-t-elle son action "
                "internationale avec les communes ?",
                f"Participant {i}",
                f"p{i}@example.org",
                "",
            ])  # fmt: skip


def write_runsheet(path: Path) -> None:
    """The default show's segments (same ids, so a live import keeps the one on air in
    place) followed by many more."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["ID", "Title", "Duration", "Speaker", "Notes"])
        for seg in default_show().segments:
            out.writerow([seg.id, seg.title, seg.planned_duration_s // 60, seg.speaker, seg.notes])
        for i in range(EXTRA_SEGMENTS):
            out.writerow([f"extra-{i}", f"Extra {i}", 1, "Ana", "Une note pour peser un peu."])


@dataclass
class Job:
    command: str  # "questions" or "runsheet"
    file: Path
    writing_s: float = 0.0  # when a whole import's writes showed in the WAL, here
    full_s: float = 0.0  # when it was done


def _start(job: Job, show: Path, fault_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(HARNESS), job.command, "import", str(show), str(job.file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=program_env(fault_dir),
    )


def _wal_spilled(show: Path) -> bool:
    wal = show.with_name(show.name + "-wal")
    try:
        return wal.stat().st_size > WAL_SPILL
    except OSError:
        return False


def _measure(job: Job, folder: Path, fault_dir: Path) -> Job:
    show = folder / f"measure-{job.command}.show"
    cli(fault_dir, "new", str(show))
    cli(fault_dir, "control", str(show), "start")
    began = time.monotonic()
    proc = _start(job, show, fault_dir)
    while proc.poll() is None:
        if not job.writing_s and _wal_spilled(show):
            job.writing_s = time.monotonic() - began
        time.sleep(0.002)
    job.full_s = time.monotonic() - began
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert job.writing_s, "the import never spilled into the WAL: make the file bigger"
    return job


@pytest.fixture(scope="module")
def jobs(tmp_path_factory) -> dict[str, Job]:
    folder = tmp_path_factory.mktemp("big-imports")
    fault_dir = folder / "faults"
    fault_dir.mkdir()
    questions = folder / "zoom-qa-60000.csv"
    write_zoom_report(questions)
    runsheet = folder / "conducteur-15000.csv"
    write_runsheet(runsheet)
    return {
        "questions": _measure(Job("questions", questions), folder, fault_dir),
        "runsheet": _measure(Job("runsheet", runsheet), folder, fault_dir),
    }


# -- running and killing --------------------------------------------------------------------
@dataclass
class Before:
    started_wall: tuple[float, float]  # wall time just before and after `control start`
    journal: list[tuple]
    question_ids: set[str]
    segments: list[dict]


def live_show(show: Path, fault_dir: Path) -> Before:
    """A running show with the sample's 25 questions and a minute added: all committed."""
    cli(fault_dir, "new", str(show))
    before_start = time.time()
    cli(fault_dir, "control", str(show), "start")
    after_start = time.time()
    cli(fault_dir, "questions", "import", str(show), str(resource("sample_questions_zoom_fr.csv")))
    cli(fault_dir, "control", str(show), "add-time", "60")
    with ShowFile.open(show, readonly=True) as f:
        journal = [(a.seq, a.type, json.dumps(a.payload, sort_keys=True)) for a in f.actions()]
        ids = {r[0] for r in f.db.execute("SELECT id FROM questions")}
        segments = [s.to_dict() for s in f.load_show().segments]
    assert len(ids) == 25
    return Before((before_start, after_start), journal, ids, segments)


def run_and_kill(job: Job, show: Path, fault_dir: Path, moment: str) -> bool:
    """Start the import and SIGKILL it at ``moment``; True if it finished first."""
    proc = _start(job, show, fault_dir)
    if moment == "mid-commit":
        deadline = time.monotonic() + 3 * job.full_s + 5
        while proc.poll() is None and time.monotonic() < deadline and not _wal_spilled(show):
            time.sleep(0.002)
    else:
        at = job.writing_s / 2 if moment == "reading" else (
            job.writing_s + 0.8 * (job.full_s - job.writing_s))  # fmt: skip
        try:
            proc.wait(timeout=at)
        except subprocess.TimeoutExpired:
            pass
    finished = proc.poll() is not None
    if not finished:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    if proc.stderr is not None:
        proc.stderr.close()
    return finished and proc.returncode == 0


def check_file(show: Path) -> None:
    db = sqlite3.connect(show)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def check_journal_kept(show: Path, before: Before) -> list:
    with ShowFile.open(show, readonly=True) as f:
        actions = f.actions()
    now = [(a.seq, a.type, json.dumps(a.payload, sort_keys=True)) for a in actions]
    assert now[: len(before.journal)] == before.journal  # nothing committed before is lost
    return actions[len(before.journal) :]


def check_timer(show: Path, fault_dir: Path, before: Before) -> None:
    asked = time.time()
    live = cli(fault_dir, "status", str(show), "--json")["live"]
    answered = time.time()
    assert live["state"] == "running" and live["current_index"] == 0
    # Running all along on the wall clock, whatever happened to the importer.
    low = asked - before.started_wall[1] - 0.2
    high = answered - before.started_wall[0] + 0.2
    assert low <= live["elapsed_s"] <= high
    assert live["remaining_s"] == pytest.approx(300 + 60 - live["elapsed_s"], abs=0.5)


# -- the tests ------------------------------------------------------------------------------
@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_kill_during_a_question_import(
    jobs, tmp_path: Path, fault_dir: Path, moment: str
) -> None:
    show = tmp_path / "live.show"
    before = live_show(show, fault_dir)
    finished = run_and_kill(jobs["questions"], show, fault_dir, moment)
    check_file(show)
    added = check_journal_kept(show, before)
    with ShowFile.open(show, readonly=True) as f:
        ids = {r[0] for r in f.db.execute("SELECT id FROM questions")}
        journaled = sum(
            a.payload.get("added", 0) for a in f.actions() if a.type == "question.imported"
        )
    assert before.question_ids <= ids
    assert len(ids) in (25, 25 + QUESTIONS)  # all of it or none of it
    assert journaled == len(ids)  # the journal and the table agree
    assert [a.type for a in added] == (["question.imported"] if len(ids) > 25 else [])
    if finished:
        assert len(ids) == 25 + QUESTIONS
    check_timer(show, fault_dir, before)
    session = ShowSession.open(show)  # the console's way in: a queue of the same questions
    try:
        assert len(QuestionBook(session).queue) == len(ids)
    finally:
        session.close()


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_kill_during_a_run_sheet_import(
    jobs, tmp_path: Path, fault_dir: Path, moment: str
) -> None:
    show = tmp_path / "live.show"
    before = live_show(show, fault_dir)
    finished = run_and_kill(jobs["runsheet"], show, fault_dir, moment)
    check_file(show)
    added = check_journal_kept(show, before)
    with ShowFile.open(show, readonly=True) as f:
        segments = [s.to_dict() for s in f.load_show().segments]
        questions = {r[0] for r in f.db.execute("SELECT id FROM questions")}
    assert questions == before.question_ids
    if segments == before.segments:
        assert added == []  # none of it
    else:
        assert not any(a.type.startswith("question.") for a in added)
        assert [a.type for a in added] == ["runsheet.replace"]  # the whole of it, journaled
        assert len(segments) == len(before.segments) + EXTRA_SEGMENTS
        assert segments[-1]["title"] == f"Extra {EXTRA_SEGMENTS - 1}"
        assert added[0].payload["after"]["segments"] == segments
    if finished:
        assert segments != before.segments
    check_timer(show, fault_dir, before)
