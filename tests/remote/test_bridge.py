"""The broker bridge against a real Mosquitto: the sealed state retained for late joiners,
remote commands through dispatch (journaled, role-checked, stale refused), forged,
replayed and stale commands dropped and logged, a message to one speaker."""

from __future__ import annotations

import asyncio
import contextlib

import aiohttp

from moderator_app.app.sharing import ShareRole
from moderator_app.app.show import open_show
from moderator_app.server.app import SHOW
from tests.remote.page import Page
from tests.remote.serving import connected, fragments, serving, until
from tests.server.helpers import run


def _journal(show_path):
    s = open_show(show_path)
    try:
        return [(a.type, a.payload) for a in s.file.actions()]
    finally:
        s.close()


def test_state_is_retained_sealed_and_a_late_subscriber_gets_it_at_once(show_path, mosquitto):
    async def go() -> None:
        async with serving(show_path, mosquitto) as (_server, bridge, events):
            await connected(bridge)
            await asyncio.sleep(0.3)  # published before anyone listens
            loop = asyncio.get_running_loop()
            async with Page(mosquitto, fragments(bridge)["view"]) as page:
                asked = loop.time()
                state = await page.next("state", timeout=2)
                assert loop.time() - asked < 1.0  # the retained copy, not the next flip
            assert state["tag"] == "state" and state["lang"] == "fr"
            assert state["link"] == {"id": "view", "role": "view", "name": ""}
            assert state["poll"]["state"] == "not_started"
            first, flip, _later = state["frames"]
            assert first["at_us"] < flip["at_us"] <= first["at_us"] + 1_000_000
            assert {"event": "remote", "status": "connected", "message": "",
                    "broker": mosquitto.ws_url} in events

    run(go())


def test_control_link_moves_to_next_journaled_producer_cannot(show_path, mosquitto) -> None:
    async def go() -> None:
        async with serving(show_path, mosquitto) as (_server, bridge, events):
            await connected(bridge)
            frags = fragments(bridge)
            async with Page(mosquitto, frags["control"]) as control, \
                    Page(mosquitto, frags["producer"], tail=("state", "rundown")) as producer:
                await control.sync()
                await producer.sync()
                assert (await control.command("start"))["status"] == 202
                reply = await control.command("next")
                assert reply["status"] == 202 and reply["payload"]["current_index"] == 1
                state = await control.next("state", lambda m: m["poll"].get("current_index") == 1)
                assert state["frames"][0]["view"]["state"] == "running"
                rundown = await producer.next(
                    "rundown", lambda m: m["segments"][1]["state"] == "current")
                assert rundown["segments"][0]["state"] == "done"
                denied = await producer.command("next")
                assert denied["status"] == 403 and "needs control" in denied["message"]
                said = await producer.command("message", {"text": "Deux minutes"})
                assert said["status"] == 202
                stale = await control.command("next", **{"if": 1})
                assert stale["status"] == 409 and "moved on" in stale["message"]
            journal = _journal(show_path)
            assert [t for t, _ in journal] == ["start", "next", "message"]
            assert journal[1][1]["origin"] == "remote" and journal[1][1]["role"] == "control"
            assert journal[1][1]["link"] == "control"
            assert journal[2][1]["role"] == "producer"
            assert any(e["event"] == "remote-dropped" and "needs control" in e["reason"]
                       for e in events)

    run(go())


def test_forged_replayed_stale_commands_are_dropped_and_logged(show_path, mosquitto) -> None:
    async def go() -> None:
        async with serving(show_path, mosquitto) as (_server, bridge, events):
            await connected(bridge)
            frags = fragments(bridge)
            async with Page(mosquitto, frags["control"]) as page:
                await page.sync()
                assert (await page.command("start"))["status"] == 202
                # forged: the right topic, a key that is not the link's
                forger = Page(mosquitto, frags["control"])
                forger.key = b"\x00" * 32
                forger.client, forger.cid = page.client, page.cid
                await forger.publish("cmd", page.command_message("next"), qos=1)
                # replayed: the bytes of an earlier command, captured and sent again
                message = page.command_message("next")
                sealed = await page.publish("cmd", message, qos=1)
                assert (await page.next("reply", lambda m: m["id"] == message["id"]))[
                    "status"] == 202
                await page.client.publish(page.topic("cmd", page.cid), sealed, qos=1)
                again = await page.next("reply", lambda m: m["id"] == message["id"])
                assert again["status"] == 202  # the same reply: not run a second time
                older = page.command_message("next")
                older["n"] = 1
                await page.publish("cmd", older, qos=1)
                # stale: a clock 40 s behind the console's
                stale = page.command_message("next")
                stale["ts_ms"] -= 40_000
                await page.publish("cmd", stale, qos=1)
                # not JSON, too large, a bad client id
                await page.client.publish(page.topic("cmd", page.cid), b"hello", qos=1)
                await page.client.publish(page.topic("cmd", page.cid), b"x" * 70_000, qos=1)
                await page.client.publish(page.topic("cmd", "bad.id"), b"x" * 40, qos=1)
                # a view link's key cannot command either
                async with Page(mosquitto, frags["view"]) as viewer:
                    await viewer.sync()
                    assert (await viewer.command("pause"))["status"] == 403

                def dropped() -> str:
                    return "\n".join(e["reason"] for e in events if e["event"] == "remote-dropped")

                said = ("fails decryption", "replayed: counter 1", "stale: its clock is -40",
                        "too large", "client id must be", "needs control")
                # every refusal is said (or the assertions below say which is not)
                with contextlib.suppress(AssertionError):
                    await until(lambda: all(word in dropped() for word in said))
            reasons = [e["reason"] for e in events if e["event"] == "remote-dropped"]
            text = "\n".join(reasons)
            assert "fails decryption" in text, text
            assert "sent again, not run twice" in text and "replayed: counter 1" in text
            assert "stale: its clock is -40" in text
            assert "message too short" in text or "not JSON" in text or "fails" in text
            assert "too large" in text and "client id must be" in text
            assert "needs control" in text
            assert [t for t, _ in _journal(show_path)] == ["start", "next"]

    run(go())


def test_message_to_one_speaker_only_in_their_state(show_path, mosquitto) -> None:
    async def go() -> None:
        speakers = ["Amina El Idrissi", "Jonas Weber"]
        async with serving(show_path, mosquitto, speakers=speakers) as (server, bridge, _):
            await connected(bridge)
            frags = fragments(bridge)
            async with Page(mosquitto, frags["control"]) as control, \
                    Page(mosquitto, frags["amina-el-idrissi"]) as amina, \
                    Page(mosquitto, frags["jonas-weber"]) as jonas, \
                    Page(mosquitto, frags["view"]) as everyone:
                await control.sync()
                assert (await control.command("start"))["status"] == 202
                reply = await control.command("message", {"text": "Amina : micro coupé",
                                                          "to": "amina-el-idrissi"})
                assert reply["status"] == 202

                def said(m):
                    return m["seq"] >= 2

                got = await amina.next("state", said)
                assert got["frames"][0]["view"]["message"] == "Amina : micro coupé"
                assert got["link"]["name"] == "Amina El Idrissi"
                assert (await jonas.next("state", said))["frames"][0]["view"]["message"] == ""
                assert (await everyone.next("state", said))["frames"][0]["view"]["message"] == ""
                bad = await control.command("message", {"text": "x", "to": "nobody"})
                assert bad["status"] == 400 and "not a speaker's link" in bad["message"]
            # The LAN server's poll never shows it either.
            async with aiohttp.ClientSession() as http:
                base = f"http://127.0.0.1:{server.port}"
                token = server.app[SHOW].ctx.tokens[ShareRole.VIEW]
                async with http.get(f"{base}/api/poll", params={"token": token}) as r:
                    assert (await r.json())["payload"]["message"] == ""

    run(go())
