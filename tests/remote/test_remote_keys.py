"""app/remote_keys.py: sealing (AES-256-GCM, the topic as additional data), the links'
channels and keys in the show file, revocation, fragments, command freshness."""

from __future__ import annotations

import subprocess

import pytest

from moderator_app.app import remote_keys as rk
from moderator_app.app.sharing import ShareRole
from moderator_app.io.session import ShowSession

TOPIC = "mod/abc/def/state"


def test_seal_opens_only_with_its_key_and_topic() -> None:
    key = rk.new_key()
    sealed = rk.seal(key, TOPIC, {"tag": "state", "title": "Ouverture é"})
    assert b"Ouverture" not in sealed and b"state" not in sealed
    assert rk.open_sealed(key, TOPIC, sealed) == {"tag": "state", "title": "Ouverture é"}
    assert rk.seal(key, TOPIC, {"a": 1}) != rk.seal(key, TOPIC, {"a": 1})  # fresh nonces
    with pytest.raises(rk.SealError, match="fails decryption"):
        rk.open_sealed(rk.new_key(), TOPIC, sealed)
    with pytest.raises(rk.SealError, match="fails decryption"):
        rk.open_sealed(key, "mod/abc/other/state", sealed)  # moved to another topic
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(rk.SealError, match="fails decryption"):
        rk.open_sealed(key, TOPIC, tampered)
    with pytest.raises(rk.SealError, match="too short"):
        rk.open_sealed(key, TOPIC, b"{}")
    with pytest.raises(rk.SealError, match="too large"):
        rk.open_sealed(key, TOPIC, b"x" * (rk.MAX_PAYLOAD + 1))


def test_sealed_text_that_is_not_a_json_object_is_refused() -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = rk.new_key()
    nonce = b"\x01" * 12
    for data, words in ((b"not json", "not JSON"), (b"[1, 2]", "not a JSON object")):
        payload = nonce + AESGCM(key).encrypt(nonce, data, TOPIC.encode())
        with pytest.raises(rk.SealError, match=words):
            rk.open_sealed(key, TOPIC, payload)


def test_key_text_round_trip_and_a_cut_key_says_so() -> None:
    key = rk.new_key()
    text = rk.key_text(key)
    assert len(text) == 43 and "=" not in text
    assert rk.key_bytes(text) == key and rk.key_bytes(text + "=") == key
    with pytest.raises(rk.RemoteInputError, match="incomplete"):
        rk.key_bytes(text[:30])
    with pytest.raises(rk.RemoteInputError):
        rk.key_bytes("***")


def test_links_are_made_once_kept_in_the_file_and_speakers_added(show_path, session) -> None:
    links = rk.remote_links(session, ["Amina El Idrissi", "Jürgen Weiß"], broker="wss://b:1/mqtt")
    assert links.persisted and links.root.startswith("mod/") and len(links.root) == 4 + 22
    assert [link.id for link in links] == ["view", "producer", "control", "amina-el-idrissi",
                                           "jurgen-wei"]
    channels = {link.channel for link in links}
    assert len(channels) == 5 and all(c.startswith(links.root + "/") for c in channels)
    assert len({link.key for link in links}) == 5
    amina = links["amina-el-idrissi"]
    assert amina.speaker and amina.role is ShareRole.VIEW and amina.pages == ("timer",)
    assert links["producer"].producer and not links["view"].producer
    again = ShowSession.open(show_path)
    try:
        reread = rk.remote_links(again, ["amina el idrissi", "Bob"])  # same name: same link
        assert reread.broker == "wss://b:1/mqtt"
        assert reread["amina-el-idrissi"] == amina and reread.root == links.root
        assert reread["bob"].name == "Bob" and len(reread.links) == 6
    finally:
        again.close()


def test_same_slug_gets_a_number_and_a_bad_name_is_refused(session) -> None:
    links = rk.remote_links(session, ["Ana Lee", "Ana-Lee", "Control"])
    assert {"ana-lee", "ana-lee-2", "control-2"} <= set(links.links)
    with pytest.raises(rk.RemoteInputError, match="needs a name"):
        rk.remote_links(session, ["  \x07 "])
    with pytest.raises(rk.RemoteInputError, match="at most"):
        rk.remote_links(session, ["x" * 81])


def test_revoke_rotates_one_link_channel_and_key(show_path, session) -> None:
    before = rk.remote_links(session, ["Amina"])
    after = rk.revoke(session, "amina")
    assert after["amina"].channel != before["amina"].channel
    assert after["amina"].key != before["amina"].key
    for other in ("view", "producer", "control"):
        assert after[other] == before[other]
    again = ShowSession.open(show_path)
    try:
        assert rk.remote_links(again)["amina"] == after["amina"]
    finally:
        again.close()
    with pytest.raises(rk.RemoteInputError, match="no remote link 'nobody'"):
        rk.revoke(session, "nobody")


def test_fragment_carries_broker_channel_key_and_parses_back(session) -> None:
    link = rk.remote_links(session, ["Amina"])["amina"]
    frag = rk.fragment(link, "wss://broker.example:8084/mqtt", user="speakers", password="p&w")
    fields = rk.parse_fragment("#" + frag)
    assert fields == {"b": "wss://broker.example:8084/mqtt", "t": link.channel,
                      "k": rk.key_text(link.key), "u": "speakers", "p": "p&w", "n": "Amina"}
    assert rk.key_bytes(fields["k"]) == link.key
    (entry,) = [e for e in rk.links_json(rk.remote_links(session), "ws://h:1",
                                         base="http://10.0.0.2:4001") if e["id"] == "amina"]
    assert entry["pages"] == {"timer": f"http://10.0.0.2:4001/timer#{entry['fragment']}"}


@pytest.mark.parametrize("url", ["", "broker", "http://h:1", "wss://", "mqtt://h:99999",
                                 "wss://user:pw@h:1"])
def test_bad_broker_urls_are_one_line(url) -> None:
    with pytest.raises(rk.RemoteInputError) as info:
        rk.check_broker_url(url)
    assert "\n" not in str(info.value)


def test_good_broker_urls() -> None:
    for url in ("mqtt://127.0.0.1:1883", "mqtts://b.example", "wss://b.example:8084/mqtt"):
        assert rk.check_broker_url(url) == url


def test_freshness_counter_window_and_resend() -> None:
    fresh = rk.Freshness(started_ms=1_000_000)
    now = 1_010_000
    msg = {"id": 1, "ts_ms": now, "n": 1}
    assert fresh.check("c", "a", msg, now) == "new"
    seen = fresh.accept("c", "a", msg)
    seen.reply = {"status": 202}
    assert fresh.check("c", "a", msg, now) == "again"  # a resend: answered, not run
    assert fresh.check("c", "a", {**msg, "id": 9}, now).startswith("replayed")
    assert fresh.check("c", "a", {"id": 2, "ts_ms": now, "n": 1}, now).startswith("replayed")
    assert fresh.check("c", "b", msg, now) == "new"  # another client's counter
    assert fresh.check("c", "a", {"id": 2, "ts_ms": now + 31_000, "n": 2}, now).startswith("stale")
    assert fresh.check("c", "a", {"id": 2, "ts_ms": 999_000, "n": 2}, now).startswith("stale")
    assert fresh.check("c", "a", {"id": 2, "n": 2}, now) == "no timestamp (ts_ms)"
    assert fresh.check("c", "a", {"id": 2, "ts_ms": now, "n": True}, now) == "no counter (n)"


def test_read_only_show_file_keeps_links_in_memory(tmp_path, show_path) -> None:
    if subprocess.run(["id", "-u"], capture_output=True, text=True).stdout.strip() != "0":
        pytest.skip("needs root to mount a read-only tmpfs")
    mount = tmp_path / "ro"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    try:
        target = mount / "show.show"
        target.write_bytes(show_path.read_bytes())
        ShowSession.open(target).close()  # migrates while writable
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        ro = ShowSession.open(target)
        try:
            links = rk.remote_links(ro, ["Amina"])
            assert not links.persisted and "NOT saved" in links.problem
            assert set(links.links) == {"view", "producer", "control", "amina"}
        finally:
            ro.close()
    finally:
        subprocess.run(["umount", str(mount)], check=True)
