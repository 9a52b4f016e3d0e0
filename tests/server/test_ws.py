"""The WebSocket /ws: hello and state on connect, producer parts, pushes on an action
made by another process, the per-flip frames, ping/pong, reply codes, the Origin check,
the message size bound, the client cap, notes and cue sheet conflicts over the socket."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import datetime

import aiohttp
import pytest

from moderator_app.app import notes
from moderator_app.app.show import Role, open_show
from moderator_app.server import app as server_app
from tests.conftest import REPO
from tests.server.helpers import command, receive_until, run, served


def test_hello_state_and_producer_parts_on_connect(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            ws = await client.ws_connect("/ws", params={"token": tokens["view"], "lang": "en"})
            hello = await receive_until(ws, lambda m: True)
            assert hello["tag"] == "hello" and hello["role"] == "view" and hello["lang"] == "en"
            assert hello["seq"] == 0 and isinstance(hello["server_us"], int)
            state = await receive_until(ws, lambda m: True)
            assert state["tag"] == "state" and state["poll"]["state"] == "not_started"
            first, flip, later = state["frames"]
            assert first["at_us"] < flip["at_us"] <= first["at_us"] + 1_000_000
            assert flip["at_us"] < later["at_us"] <= flip["at_us"] + 1_000_000
            assert first["view"]["headline"] == "starts_at" or first["view"]["headline"]
            await ws.close()
            ws = await client.ws_connect("/ws", params={"token": tokens["producer"]})
            tags = [(await receive_until(ws, lambda m: True))["tag"] for _ in range(5)]
            assert tags == ["hello", "state", "rundown", "questions", "notes"]
            await ws.close()
            r = await client.get("/ws", params={"token": "nope"})
            assert r.status == 401

    run(go())


def test_show_language_by_default_and_lang_parameter(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            ws = await client.ws_connect("/ws", params={"token": tokens["view"]})
            hello = await receive_until(ws, lambda m: True)
            assert hello["lang"] == "fr"  # the seed show is in French
            await ws.close()

    run(go())


@pytest.mark.slow
def test_state_pushed_on_an_action_by_another_process(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            ws = await client.ws_connect("/ws", params={"token": tokens["producer"]})
            await receive_until(ws, lambda m: m["tag"] == "notes")
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "moderator_app", "control", str(show_path), "start",
                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            assert await proc.wait() == 0, await proc.stderr.read()
            state = await receive_until(
                ws, lambda m: m["tag"] == "state" and m["poll"]["state"] == "running", 5)
            assert state["seq"] == 1 and state["frames"][0]["view"]["state"] == "running"
            rundown = await receive_until(ws, lambda m: m["tag"] == "rundown", 5)
            assert rundown["segments"][0]["state"] == "current"

    run(go())


def test_frames_arrive_before_each_flip_without_any_action(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, app):
            c = {"token": tokens["control"]}
            await client.get("/api/start", params=c)
            ws = await client.ws_connect("/ws", params=c)
            await receive_until(ws, lambda m: m["tag"] == "state")
            leads = []
            for _ in range(3):
                state = await receive_until(ws, lambda m: m["tag"] == "state", 2)
                now = app[server_app.SHOW].now_us()
                first, flip, later = state["frames"]
                leads.append(flip["at_us"] - now)
                # Each frame is the view at its own instant (the flip's, to the µs).
                for frame in (first, flip, later):
                    at = datetime.fromisoformat(frame["view"]["now"]).timestamp()
                    assert round(at * 1_000_000) == frame["at_us"]
            # Sent LEAD_US (400 ms) ahead of the flip it carries: never much earlier, and
            # ahead of it (a busy CI machine may make one late; not every one).
            assert all(lead <= 450_000 for lead in leads), leads
            assert any(lead > 0 for lead in leads), leads

    run(go())


def test_ping_pong(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, app):
            ws = await client.ws_connect("/ws", params={"token": tokens["view"]})
            await ws.send_json({"tag": "ping", "id": 7, "t0": 1234.5})
            pong = await receive_until(ws, lambda m: m["tag"] == "pong")
            assert pong["id"] == 7 and pong["t0"] == 1234.5
            assert abs(pong["server_us"] - app[server_app.SHOW].now_us()) < 1_000_000

    run(go())


def test_reply_codes(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            view = await client.ws_connect("/ws", params={"token": tokens["view"]})
            assert (await command(view, "next"))["status"] == 403
            ctl = await client.ws_connect("/ws", params={"token": tokens["control"]})
            refused = await command(ctl, "next", ident=2)
            assert refused["status"] == 409
            assert refused["message"] == "next refused: The show has not started yet"
            assert (await command(ctl, "goto", {"index": "x"}, ident=3))["status"] == 400
            assert (await command(ctl, "teleport", ident=4))["status"] == 400
            await ctl.send_str("not json")
            bad = await receive_until(ctl, lambda m: m["tag"] == "reply")
            assert bad["status"] == 400 and bad["id"] is None
            done = await command(ctl, "start", ident=5)
            assert done["status"] == 202 and done["payload"]["state"] == "running"
            seq = done["payload"]["seq"]
            assert (await command(ctl, "next", {}, ident=6, **{"if": seq}))["status"] == 202
            assert (await command(ctl, "next", {}, ident=7, **{"if": seq}))["status"] == 409

    run(go())


def test_origin_checked(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            p = {"token": tokens["view"]}
            with pytest.raises(aiohttp.WSServerHandshakeError) as err:
                await client.ws_connect("/ws", params=p, headers={"Origin": "http://evil.example"})
            assert err.value.status == 403
            own = f"http://127.0.0.1:{client.server.port}"
            ws = await client.ws_connect("/ws", params=p, headers={"Origin": own})
            assert (await receive_until(ws, lambda m: True))["tag"] == "hello"

    run(go())


def test_oversize_message_closes_the_socket(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            ws = await client.ws_connect("/ws", params={"token": tokens["control"]})
            await receive_until(ws, lambda m: m["tag"] == "state")
            await ws.send_str('{"tag": "note", "payload": {"text": "' + "x" * 20_000 + '"}}')
            while True:
                msg = await asyncio.wait_for(ws.receive(), 3)
                if msg.type is aiohttp.WSMsgType.CLOSE:
                    break
            assert msg.data == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
            r = await client.get("/api/poll", params={"token": tokens["view"]})
            assert r.status == 200  # the server goes on

    run(go())


def test_client_cap(show_path, monkeypatch) -> None:
    monkeypatch.setattr(server_app, "MAX_CLIENTS", 3)

    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            p = {"token": tokens["view"]}
            kept = [await client.ws_connect("/ws", params=p) for _ in range(3)]
            for ws in kept:
                await receive_until(ws, lambda m: m["tag"] == "state")
            with pytest.raises(aiohttp.WSServerHandshakeError) as err:
                await client.ws_connect("/ws", params=p)
            assert err.value.status == 503
            await kept[0].close()
            await asyncio.sleep(0.05)
            again = await client.ws_connect("/ws", params=p)  # room again
            assert (await receive_until(again, lambda m: True))["tag"] == "hello"

    run(go())


def test_note_round_trip_over_the_socket(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            ws = await client.ws_connect("/ws", params={"token": tokens["producer"]})
            await receive_until(ws, lambda m: m["tag"] == "notes")
            sent = await command(ws, "note", {"text": "Speaker 3 is here", "sender": "Léa"})
            assert sent["status"] == 202
            pushed = await receive_until(ws, lambda m: m["tag"] == "notes" and m["items"])
            (item,) = pushed["items"]
            assert item["text"] == "Speaker 3 is here" and item["read_at"] is None
            # The moderator acknowledges it at the console (another connection).
            console = open_show(show_path, role=Role.COMMAND)
            try:
                notes.mark_read(console, item["seq"])
            finally:
                console.close()
            read = await receive_until(
                ws, lambda m: m["tag"] == "notes" and m["items"][0]["read_at"], 3)
            assert read["items"][0]["seq"] == item["seq"]

    run(go())


def test_cuesheet_conflict_over_the_socket(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            p = {"token": tokens["producer"]}
            a = await client.ws_connect("/ws", params=p)
            b = await client.ws_connect("/ws", params=p)
            rows = (await receive_until(a, lambda m: m["tag"] == "rundown"))["segments"]
            await receive_until(b, lambda m: m["tag"] == "rundown")
            row = rows[2]
            first = await command(a, "cuesheet.set", {"id": row["id"], "fields": {"title": "A"},
                                                      "version": row["version"]})
            assert first["status"] == 202
            second = await command(b, "cuesheet.set", {"id": row["id"], "fields": {"title": "B"},
                                                       "version": row["version"]}, ident=2)
            assert second["status"] == 409
            assert second["message"] == "changed by someone else — reloaded"
            # Reloaded: the rundown pushed after A's edit may reach b before or after its
            # reply, so b reads it back as a page that missed it would.
            fresh = (await command(b, "rundown", {}, ident=3))["payload"]
            assert fresh[2]["title"] == "A"
            assert fresh[2]["version"] > row["version"]

    run(go())


def test_question_ops_over_the_socket(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            ws = await client.ws_connect("/ws", params={"token": tokens["producer"]})
            await receive_until(ws, lambda m: m["tag"] == "notes")
            added = await command(ws, "question.add", {"text": "From chat", "asker": "Ola"})
            assert added["status"] == 202
            qid = added["payload"]["id"]
            assert (await command(ws, "question.state", {"id": qid, "state": "shortlisted"},
                                  ident=2))["status"] == 202
            assert (await command(ws, "question.next", ident=3))["status"] == 202
            # On air, but the speakers see it only once the moderator shows it to them.
            hidden = await receive_until(
                ws, lambda m: m["tag"] == "state" and m["seq"] >= added["payload"]["seq"] + 2)
            assert hidden["frames"][0]["view"]["question"] == ""
            assert (await command(ws, "stage.question", {"shown": True}, ident=5))[
                "status"] == 202
            state = await receive_until(
                ws, lambda m: m["tag"] == "state" and m["frames"][0]["view"]["question"])
            assert state["frames"][0]["view"]["question"] == "From chat"
            assert (await command(ws, "stage.blackout", {"on": "yes"}, ident=6))["status"] == 400
            assert (await command(ws, "stage.blackout", {"on": True}, ident=7))["status"] == 202
            dark = await receive_until(
                ws, lambda m: m["tag"] == "state" and m["frames"][0]["view"]["blackout"])
            assert dark["frames"][1]["view"]["blackout"] is True
            assert (await command(ws, "question.ask", {"text": "x"}, ident=4))["status"] == 403

    run(go())


def test_regenerated_token_stops_working_and_its_sockets_close(show_path) -> None:
    from moderator_app.app import sharing

    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            old = tokens["producer"]
            ws = await client.ws_connect("/ws", params={"token": old})
            viewer = await client.ws_connect("/ws", params={"token": tokens["view"]})
            await receive_until(ws, lambda m: m["tag"] == "notes")
            console = open_show(show_path, role=Role.COMMAND)  # the console's Share dialog
            try:
                fresh = sharing.regenerate(console, "producer")[sharing.ShareRole.PRODUCER]
            finally:
                console.close()
            while True:
                msg = await asyncio.wait_for(ws.receive(), 3)
                if msg.type is aiohttp.WSMsgType.CLOSE:
                    break
            assert msg.data == 4001 and msg.extra == "this link was revoked"
            assert (await client.get("/api/poll", params={"token": old})).status == 401
            assert (await client.get("/api/poll", params={"token": fresh})).status == 200
            # Other roles' links carry on.
            assert (await receive_until(viewer, lambda m: m["tag"] == "state", 2))

    run(go())
