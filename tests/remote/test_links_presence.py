"""While serving: a link revoked elsewhere stops at once (its old channel cleared and
deaf), the others keep working; presence (who is connected, last seen, clock offset)."""

from __future__ import annotations

import asyncio

from moderator_app.app import remote_keys as rk
from moderator_app.app.show import open_show
from tests.remote.page import Page
from tests.remote.serving import connected, fragments, serving, until
from tests.server.helpers import run


def test_revoked_link_stops_and_gets_a_new_channel(show_path, mosquitto) -> None:
    async def go() -> None:
        async with serving(show_path, mosquitto, speakers=["Amina"]) as (_s, bridge, events):
            await connected(bridge)
            old = fragments(bridge)
            async with Page(mosquitto, old["amina"]) as before:
                await before.next("state", timeout=2)
            # The console (another process) revokes Amina's link.
            session = open_show(show_path)
            try:
                rk.revoke(session, "amina")
            finally:
                session.close()
            deadline = asyncio.get_running_loop().time() + 5
            while fragments(bridge)["amina"] == old["amina"]:
                assert asyncio.get_running_loop().time() < deadline
                await asyncio.sleep(0.05)
            new = fragments(bridge)
            assert new["view"] == old["view"] and new["control"] == old["control"]
            assert any(e["event"] == "remote" and "links" in e for e in events)
            await asyncio.sleep(0.2)
            async with Page(mosquitto, new["amina"]) as after:
                state = await after.next("state", timeout=2)
                assert state["link"]["id"] == "amina"
            async with Page(mosquitto, old["amina"]) as stale:
                await asyncio.sleep(0.5)
                assert stale.inbox.get("state") is None or stale.inbox["state"].empty()
                stale.offset_ms = 0
                await stale.publish("ping", {"tag": "ping", "id": 1, "t0": 0})
                await asyncio.sleep(0.3)
                assert stale.inbox.get("pong") is None or stale.inbox["pong"].empty()
            assert any("unknown or revoked" in e.get("reason", "") for e in events)

    run(go())


def test_presence_lists_each_page_with_its_offset(show_path, mosquitto) -> None:
    async def go() -> None:
        async with serving(show_path, mosquitto, speakers=["Amina"]) as (_s, bridge, _e):
            await connected(bridge)
            async with Page(mosquitto, fragments(bridge)["amina"]) as page:
                offset = await page.sync()
                await page.publish("hello", {"tag": "hello", "page": "timer",
                                             "offset_ms": offset, "rtt_ms": 3.5})
                await until(lambda: any(c.get("page") == "timer" for c in bridge.clients_json()))
            (client,) = bridge.clients_json()
            assert client["link"] == "amina" and client["name"] == "Amina"
            assert client["role"] == "view" and client["connected"] is True
            assert client["client"] == page.cid and client["page"] == "timer"
            assert client["offset_ms"] == round(offset, 1) and client["rtt_ms"] == 3.5
            assert abs(offset) < 1000  # the same machine's clock, within the round trip

    run(go())


def test_stopping_says_offline_on_every_link(show_path, mosquitto) -> None:
    async def go() -> None:
        async with serving(show_path, mosquitto) as (server, bridge, _e):
            await connected(bridge)
            frag = fragments(bridge)["view"]
            await server.stop()
        async with Page(mosquitto, frag) as later:
            state = await later.next("state", timeout=2)
            assert state["tag"] == "offline" and isinstance(state["server_us"], int)

    run(go())


def test_a_flood_of_forged_messages_is_summed_up_not_logged_each(show_path, mosquitto) -> None:
    async def go() -> list:
        async with serving(show_path, mosquitto) as (_s, bridge, events):
            await connected(bridge)
            async with Page(mosquitto, fragments(bridge)["control"]) as page:
                for _ in range(200):
                    await page.client.publish(page.topic("ping", page.cid), b"y" * 40)
                await asyncio.sleep(1.2)
                await page.client.publish(page.topic("ping", page.cid), b"y" * 40)
                await asyncio.sleep(0.3)
            return [e for e in events if e["event"] == "remote-dropped"], len(bridge.dropped)

    said, kept = run(go())
    assert 11 <= len(said) <= 40 and kept == 200
    assert any("more message(s) dropped" in e["reason"] for e in said)
