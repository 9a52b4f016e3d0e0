"""app/notes.py (a producer's notes to the moderator) and app/sharing.py (the network
roles' tokens in the show file). Real show files, fake clock."""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from moderator_app.app import notes, sharing
from moderator_app.app.sharing import ShareRole, allows, role_of
from moderator_app.core.actions import NOTE_READ, NOTE_SENT
from moderator_app.io.session import ShowSession


def test_note_round_trip_send_list_mark_read(session, clock) -> None:
    sent = notes.send_note(session, "  Speaker 3 is late\x1b, swap?  ", "Léa\nprod",
                           extra={"origin": "network", "role": "producer"})
    assert sent.type == NOTE_SENT
    assert sent.payload == {"text": "Speaker 3 is late, swap?", "sender": "Léa prod",
                            "origin": "network", "role": "producer"}
    assert [n.text for n in notes.unread(session)] == ["Speaker 3 is late, swap?"]
    clock.advance(20)
    read = notes.mark_read(session, sent.seq)
    assert read is not None and read.type == NOTE_READ and read.payload == {"note": sent.seq}
    (note,) = notes.notes(session)
    assert note.read_at == clock.now() and notes.unread(session) == []
    assert notes.mark_read(session, sent.seq) is None  # twice: nothing more journaled
    assert note.to_dict()["read_at"] == clock.now().isoformat()


def test_note_read_in_another_session_shows_as_read(show_path, session, clock) -> None:
    sent = notes.send_note(session, "hi", "")
    console = ShowSession.open(show_path, clock=clock)
    try:
        notes.mark_read(console, sent.seq)
    finally:
        console.close()
    session.refresh()
    assert notes.notes(session)[0].read_at is not None


@pytest.mark.parametrize("text", ["", "   ", "\x07\x08", "x" * 501, None])
def test_empty_or_long_note_is_refused_and_nothing_written(session, text) -> None:
    with pytest.raises(notes.NoteError):
        notes.send_note(session, text, "")  # type: ignore[arg-type]
    assert session.file.actions() == []


def test_mark_read_of_no_such_note(session) -> None:
    with pytest.raises(notes.NoteError, match="no note 42"):
        notes.mark_read(session, 42)


def test_tokens_made_once_kept_in_the_file_and_regenerated(show_path, session) -> None:
    first = sharing.tokens(session)
    assert first.persisted and set(first.by_role) == set(ShareRole)
    assert len({t for t in first.by_role.values()}) == 4
    again = ShowSession.open(show_path)
    try:
        assert sharing.tokens(again).by_role == first.by_role  # kept in the show file
    finally:
        again.close()
    old = first[ShareRole.CONTROL]
    fresh = sharing.regenerate(session, "control")
    assert fresh[ShareRole.CONTROL] != old and fresh[ShareRole.VIEW] == first[ShareRole.VIEW]
    assert role_of(fresh, old) is None and role_of(fresh, fresh[ShareRole.CONTROL]) is ShareRole.CONTROL
    rows = sqlite3.connect(show_path).execute("SELECT role FROM shares ORDER BY role").fetchall()
    assert [r[0] for r in rows] == ["ask", "control", "producer", "view"]


def test_role_of_unknown_or_missing_token(session) -> None:
    t = sharing.tokens(session)
    assert role_of(t, None) is None and role_of(t, "") is None and role_of(t, "nope") is None
    assert role_of(t, t[ShareRole.VIEW] + "x") is None


def test_roles_rank_and_ask_is_apart() -> None:
    assert allows(ShareRole.CONTROL, ShareRole.PRODUCER) and allows(ShareRole.PRODUCER, ShareRole.VIEW)
    assert not allows(ShareRole.VIEW, ShareRole.PRODUCER)
    assert not allows(ShareRole.PRODUCER, ShareRole.CONTROL)
    assert not allows(ShareRole.ASK, ShareRole.VIEW) and allows(ShareRole.ASK, ShareRole.ASK)
    assert not allows(ShareRole.VIEW, ShareRole.ASK)


def test_read_only_show_file_keeps_tokens_in_memory(tmp_path, show_path) -> None:
    if subprocess.run(["id", "-u"], capture_output=True, text=True).stdout.strip() != "0":
        pytest.skip("needs root to mount a read-only tmpfs")
    mount = tmp_path / "ro"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    try:
        target = mount / "show.show"
        target.write_bytes(show_path.read_bytes())
        s = ShowSession.open(target)  # migrates (shares table) while writable
        s.close()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        ro = ShowSession.open(target)
        try:
            t = sharing.tokens(ro)
            assert not t.persisted and t.problem and set(t.by_role) == set(ShareRole)
            assert role_of(t, t[ShareRole.VIEW]) is ShareRole.VIEW
        finally:
            ro.close()
    finally:
        subprocess.run(["umount", str(mount)], check=True)
