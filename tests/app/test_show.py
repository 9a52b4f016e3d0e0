"""Opening and creating shows (app/show.py): the console's owner lock, the read-only
follower, a command's carried clock and lock wait, creation that never overwrites, the
default show, and the rescue file. Real files, real locks, no Qt."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from moderator_app.app.show import (
    QuestionListGiven,
    Role,
    RunSheetImportError,
    ShowFileError,
    create_show,
    default_show_path,
    discard_rescue,
    ensure_default_show,
    find_rescue,
    open_show,
    replay_rescue,
    show_status,
)
from moderator_app.core.actions import Action, ActionType
from moderator_app.io.clockwitness import CarriedClock, witness_path
from moderator_app.io.ownerlock import lock_path
from moderator_app.io.rescue import write_rescue
from moderator_app.resources import default_show

REPO = Path(__file__).resolve().parents[2]
QUESTION_LIST = REPO / "tests" / "fixtures" / "questions" / "google_forms_fr_cp1252.csv"


def test_app_show_imports_no_qt() -> None:
    code = ("import sys, moderator_app.app.show; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO)  # fmt: skip
    assert out.stdout.strip() == "[]"


# -- the console: owner or follower ----------------------------------------------------------
def test_first_console_owns_the_show_and_keeps_unsaved_actions(show_path: Path) -> None:
    owner = open_show(show_path, role=Role.CONSOLE)
    try:
        assert not owner.readonly
        assert owner.owner_lock is not None and owner.owner_lock.held
        assert owner.keep_unsaved  # a full disk mid-show must not lose the action
        assert lock_path(show_path).exists()
    finally:
        owner.close()
    assert owner.owner_lock is None  # closing released it


def test_second_console_follows_read_only_until_the_owner_closes(show_path: Path) -> None:
    owner = open_show(show_path, role=Role.CONSOLE)
    follower = open_show(show_path, role=Role.CONSOLE)
    try:
        assert follower.readonly and follower.owner_lock is None
        assert not follower.keep_unsaved
        owner.perform(ActionType.START)
        follower.refresh()
        assert follower.snapshot().live  # it follows the owner's actions
    finally:
        follower.close()
        owner.close()
    again = open_show(show_path, role=Role.CONSOLE)
    try:
        assert not again.readonly  # the lock went with the owner
    finally:
        again.close()


def test_a_console_in_another_process_makes_this_one_a_follower(show_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from moderator_app.app.show import Role, open_show\n"
         "s = open_show(sys.argv[1], role=Role.CONSOLE)\n"
         "print('owner' if not s.readonly else 'follower', flush=True)\n"
         "sys.stdin.read()\n", str(show_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "owner"
        here = open_show(show_path, role=Role.CONSOLE)
        try:
            assert here.readonly
        finally:
            here.close()
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_console_opening_a_missing_show_says_so_and_leaves_no_lock(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.show"
    with pytest.raises(ShowFileError):
        open_show(missing, role=Role.CONSOLE)
    assert not lock_path(missing).exists()


# -- a command ---------------------------------------------------------------------------------
def test_a_command_writes_beside_the_owner_console_with_the_carried_clock(
    show_path: Path,
) -> None:
    owner = open_show(show_path, role=Role.CONSOLE)
    try:
        command = open_show(show_path, role=Role.COMMAND)
        try:
            assert not command.readonly and command.owner_lock is None
            assert not command.keep_unsaved  # exit 0 must mean "in the file"
            assert isinstance(command.clock, CarriedClock)
            action = command.perform(ActionType.START, durable=True)
            assert action.seq is not None
            assert show_status(command)["live"]["state"] == "running"
        finally:
            command.close()
    finally:
        owner.close()


def test_a_command_waits_for_another_writer_at_most_its_bound(show_path: Path) -> None:
    writer = sqlite3.connect(show_path)
    writer.execute("BEGIN IMMEDIATE")  # a real second writer holding the write lock
    try:
        command = open_show(show_path, role=Role.COMMAND, wait_s=0.3)
        try:
            started = time.monotonic()
            with pytest.raises(ShowFileError, match="locked"):
                command.perform(ActionType.START, durable=True)
            waited = time.monotonic() - started
            assert 0.25 <= waited < 5
        finally:
            command.close()
    finally:
        writer.rollback()
        writer.close()


def test_status_keeps_its_documented_keys(show_path: Path) -> None:
    session = open_show(show_path)
    try:
        status = show_status(session)
    finally:
        session.close()
    assert set(status) == {"show", "segments", "live", "aux"}


# -- creating ------------------------------------------------------------------------------------
def test_create_refuses_to_overwrite_anything(tmp_path: Path) -> None:
    target = tmp_path / "s.show"
    target.write_text("keep me")
    with pytest.raises(ShowFileError, match="already exists"):
        create_show(target)
    assert target.read_text() == "keep me"


def test_create_makes_the_default_show_and_starts_its_clock(tmp_path: Path) -> None:
    target = tmp_path / "s.show"
    show = create_show(target)
    assert show.title == default_show().title
    assert len(show.segments) == len(default_show().segments)
    assert witness_path(target).exists()
    session = open_show(target)
    try:
        assert session.show.title == show.title
    finally:
        session.close()


def test_create_from_a_run_sheet_takes_its_segments_and_title(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Conducteur du 2027-03-04\n\nHeure;Durée;Titre\n16:30;20;Accueil\n"
                     "16:50;40;Table ronde\n", encoding="utf-8")  # fmt: skip
    target = tmp_path / "s.show"
    show = create_show(target, runsheet=sheet)
    assert [s.title for s in show.segments] == ["Accueil", "Table ronde"]
    assert show.planned_start.isoformat() == "2027-03-04T16:30:00+01:00"
    assert show.moderator == default_show().moderator  # the header is the default show's


def test_create_from_a_question_list_says_what_it_is_and_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "s.show"
    with pytest.raises(QuestionListGiven) as caught:
        create_show(target, runsheet=QUESTION_LIST)
    assert isinstance(caught.value, RunSheetImportError)
    assert caught.value.source == QUESTION_LIST
    assert not target.exists()


# -- the default show ------------------------------------------------------------------------------
def test_default_show_is_made_once_with_this_machines_thresholds() -> None:
    assert not default_show_path().exists()
    path = ensure_default_show(warning_s=90, danger_s=20)
    assert path == default_show_path() and path.is_file()
    session = open_show(path)
    try:
        assert (session.show.warning_s, session.show.danger_s) == (90, 20)
        session.perform(ActionType.START, durable=True)
    finally:
        session.close()
    assert ensure_default_show(warning_s=30, danger_s=5) == path  # never remade
    session = open_show(path)
    try:
        assert session.show.warning_s == 90 and session.snapshot().live
    finally:
        session.close()


# -- the rescue file -------------------------------------------------------------------------------
def _rescue_one_start(show_path: Path) -> None:
    action = Action(ActionType.START, 1_800_000_000_000_000, {})
    write_rescue(show_path, [action], after_seq=0, reason="disk full")


def test_replay_writes_the_rescued_actions_and_removes_the_file(show_path: Path) -> None:
    _rescue_one_start(show_path)
    rescue = find_rescue(show_path)
    assert rescue is not None and len(rescue.actions) == 1
    stored = replay_rescue(show_path, rescue)
    assert [a.type for a in stored] == [ActionType.START]
    assert find_rescue(show_path) is None
    session = open_show(show_path)
    try:
        assert session.last_seq == stored[-1].seq
    finally:
        session.close()


def test_discard_drops_the_rescued_actions_unwritten(show_path: Path) -> None:
    _rescue_one_start(show_path)
    rescue = find_rescue(show_path)
    discard_rescue(rescue)
    assert find_rescue(show_path) is None
    session = open_show(show_path)
    try:
        assert session.last_seq == 0
    finally:
        session.close()
