"""A message to one speaker from the app layer and the command line (``control message
TEXT --to LINK``): only that speaker's frames carry it; ``remote-links`` prints, adds
speakers and revokes."""

from __future__ import annotations

import json

import pytest

from moderator_app.app import live_feed, remote_keys
from moderator_app.app.control import ControlInputError, control
from moderator_app.cli import main
from moderator_app.io.session import ShowSession


def run(capsys, *args: str) -> tuple[int, dict | None, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def _message(session: ShowSession, audience: str | None) -> str:
    frames = live_feed.frames(session, session.now_us(), audience=audience)
    return frames[0]["view"]["message"]


def test_message_to_one_speaker_reaches_only_their_frames(session) -> None:
    remote_keys.remote_links(session, ["Amina", "Bob"])
    control(session, "start")
    control(session, "message", "Tout le monde : 2 minutes")
    control(session, "message", payload={"text": "Amina, micro coupé", "to": "amina"})
    assert _message(session, "amina") == "Amina, micro coupé"
    assert _message(session, "bob") == "Tout le monde : 2 minutes"
    assert _message(session, None) == "Tout le monde : 2 minutes"
    assert live_feed.poll_json(session)["message"] == "Tout le monde : 2 minutes"
    control(session, "clear-message", to="amina")
    assert _message(session, "amina") == "Tout le monde : 2 minutes"
    with pytest.raises(ControlInputError, match="'carol' is not a speaker's link; the "
                       "speakers are: amina, bob"):
        control(session, "message", "x", to="carol")
    with pytest.raises(ControlInputError, match="only message and clear-message"):
        control(session, "next", to="amina")


def test_cli_remote_links_and_message_to(capsys, show_path) -> None:
    code, out, err = run(capsys, "remote-links", show_path, "--speaker", "Amina")
    assert code == 2 and out is None and "no broker yet" in err
    code, out, _ = run(capsys, "remote-links", show_path, "--speaker", "Amina",
                       "--speaker", "Jürgen", "--broker", "wss://b.example:8084/mqtt",
                       "--base", "http://10.0.0.5:4001")
    assert code == 0 and out["broker"] == "wss://b.example:8084/mqtt"
    ids = [link["id"] for link in out["links"]]
    assert ids == ["view", "producer", "control", "amina", "jurgen"]
    amina = out["links"][3]
    assert amina["pages"]["timer"].startswith("http://10.0.0.5:4001/timer#b=wss")
    old_key = remote_keys.parse_fragment(amina["fragment"])["k"]
    code, again, _ = run(capsys, "remote-links", show_path, "--revoke", "amina")
    new = next(link for link in again["links"] if link["id"] == "amina")
    assert again["revoked"] == "amina" and again["broker"] == "wss://b.example:8084/mqtt"
    assert remote_keys.parse_fragment(new["fragment"])["k"] != old_key
    assert [x["fragment"] for x in again["links"] if x["id"] == "view"] == \
        [x["fragment"] for x in out["links"] if x["id"] == "view"]
    code, _, err = run(capsys, "remote-links", show_path, "--revoke", "nobody")
    assert code == 2 and "no remote link 'nobody'" in err
    code, _, err = run(capsys, "remote-links", show_path, "--broker", "http://x")
    assert code == 2 and "not a broker URL" in err

    assert run(capsys, "control", show_path, "start")[0] == 0
    code, out, _ = run(capsys, "control", show_path, "message", "Jürgen: 1 min", "--to", "jurgen")
    assert code == 0
    code, _, err = run(capsys, "control", show_path, "message", "x", "--to", "zed")
    assert code == 2 and "'zed' is not a speaker's link" in err
    code, _, err = run(capsys, "control", show_path, "next", "--to", "jurgen")
    assert code == 2 and "--to goes with message or clear-message only" in err
    s = ShowSession.open(show_path)
    try:
        assert _message(s, "jurgen") == "Jürgen: 1 min" and _message(s, None) == ""
    finally:
        s.close()


def test_cli_writes_a_speakers_self_contained_page(capsys, show_path, tmp_path) -> None:
    page = tmp_path / "amina.html"
    assert run(capsys, "remote-links", show_path, "--speaker", "Amina",
               "--broker", "wss://b.example:8084/mqtt")[0] == 0
    code, _, err = run(capsys, "remote-links", show_path, "--speaker-file", "amina")
    assert code == 2 and "--speaker-file needs -o FILE" in err and not page.exists()
    code, out, _ = run(capsys, "remote-links", show_path, "--speaker-file", "amina",
                       "-o", page, "--lang", "fr")
    assert code == 0 and out["speaker_file"] == str(page)
    fragment = next(link["fragment"] for link in out["links"] if link["id"] == "amina")
    text = page.read_text(encoding="utf-8")
    assert remote_keys.parse_fragment(fragment)["k"] in text  # the file is the link
    assert "<script src=" not in text  # everything inline: opens from disk
    code, _, err = run(capsys, "remote-links", show_path, "--speaker-file", "control",
                       "-o", tmp_path / "control.html")
    assert code == 2 and err.startswith("moderator-app: error: ")
    assert not (tmp_path / "control.html").exists()
