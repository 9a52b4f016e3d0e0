"""The HTTP API: every route for every role (401/403 or through), refusals in the command
line's words (409), bad input (400), the two-operators guard (?if=), the audience form,
the views' pages, and a flood of malformed requests. Loopback, ephemeral ports."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest

from moderator_app.app.show import Role, open_show
from tests.server.helpers import run, served

# Each route and the role it needs.
ROUTES = {
    "version": "view", "poll": "view", "rundown": "view",
    "start": "control", "pause": "control", "resume": "control", "start/next": "control",
    "start/previous": "control", "start/index/2": "control", "addtime/add/60000": "control",
    "addtime/remove/60000": "control", "undo": "control", "finish": "control",
    "message/timer/text/Hello": "producer", "message/timer/visible/false": "producer",
    "question/next": "producer", "question/answered": "producer",
    "message/timer/blackout/false": "producer",
}  # fmt: skip
RANK = {"view": 1, "producer": 2, "control": 3}


def test_every_route_for_every_role(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            for route, needed in ROUTES.items():
                r = await client.get(f"/api/{route}")
                assert r.status == 401, route
                assert (await r.json())["message"] == "a valid token is needed (the link's ?token=…)"
                r = await client.get(f"/api/{route}", params={"token": "wrong"})
                assert r.status == 401, route
                for role in ("view", "producer", "control", "ask"):
                    allowed = role != "ask" and RANK[role] >= RANK[needed]
                    # Bearer for some, ?token= for others: both are read.
                    if role in ("view", "control"):
                        r = await client.get(f"/api/{route}",
                                             headers={"Authorization": f"Bearer {tokens[role]}"})
                    else:
                        r = await client.get(f"/api/{route}", params={"token": tokens[role]})
                    if not allowed:
                        assert r.status == 403, (route, role)
                    else:
                        # Through auth: done, read, or refused by the show (never 401/403).
                        assert r.status in (200, 202, 409), (route, role, r.status)

    run(go())


def test_action_answers_202_with_the_poll_and_seq(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            r = await client.get("/api/start", params={"token": tokens["control"]})
            assert r.status == 202
            payload = (await r.json())["payload"]
            assert payload["state"] == "running" and payload["seq"] == 1
            assert payload["current_index"] == 0 and "current_title" in payload
            r = await client.get("/api/start/index/3", params={"token": tokens["control"]})
            assert (await r.json())["payload"]["current_index"] == 2  # 1-based in the path
            r = await client.get("/api/version", params={"token": tokens["view"]})
            assert r.status == 200 and (await r.json())["payload"]["name"] == "moderator-app"
            r = await client.get("/api/", params={"token": tokens["view"]})
            assert "/api/start/next" in (await r.json())["payload"]["routes"]
        s = open_show(show_path, role=Role.COMMAND)
        try:
            actions = s.file.actions()
            assert [a.type for a in actions] == ["start", "goto"]
            assert all(a.payload["origin"] == "network" and a.payload["role"] == "control"
                       for a in actions)
        finally:
            s.close()

    run(go())


def test_message_text_blink_and_visibility(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            t = {"token": tokens["producer"]}
            r = await client.get("/api/message/timer/visible/true", params=t)
            assert r.status == 409  # no text yet
            r = await client.get("/api/message/timer/text/Wrap%20up%2C%20please",
                                 params={**t, "blink": "true"})
            p = (await r.json())["payload"]
            assert r.status == 202 and p["message"] == "Wrap up, please" and p["message_blink"]
            r = await client.get("/api/message/timer/visible/false", params=t)
            assert (await r.json())["payload"]["message"] == ""
            r = await client.get("/api/message/timer/visible/true", params=t)
            assert (await r.json())["payload"]["message"] == "Wrap up, please"

    run(go())


def test_blackout_is_journaled_for_every_speaker_screen(show_path) -> None:
    from moderator_app.core.actions import STAGE_BLACKOUT

    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            t = {"token": tokens["producer"]}
            assert (await client.get("/api/message/timer/blackout/true", params=t)).status == 202
            assert (await client.get("/api/message/timer/blackout/maybe", params=t)).status == 400
            assert (await client.get("/api/message/timer/blackout/false", params=t)).status == 202

    run(go())
    session = open_show(show_path, role=Role.COMMAND)
    try:
        blackouts = [a.payload for a in session.file.actions(types=(STAGE_BLACKOUT,))]
        assert [p["on"] for p in blackouts] == [True, False]
        assert blackouts[0]["origin"] == "network" and blackouts[0]["role"] == "producer"
        assert session.engine.blackout is False
    finally:
        session.close()


@pytest.mark.parametrize("path", [
    "start/index/abc", "start/index/0", "addtime/add/0", "addtime/add/3600001",
    "addtime/remove/x", "message/timer/visible/maybe", "nope", "start/index",
    "start?if=abc", "start?if=-1",
])
def test_bad_input_is_400(show_path, path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            sep = "&" if "?" in path else "?"
            r = await client.get(f"/api/{path}{sep}token={tokens['control']}")
            assert r.status == 400, await r.text()
            assert (await r.json())["message"]

    run(go())


@pytest.mark.slow
def test_refusal_is_409_with_the_command_line_words(show_path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    cli = subprocess.run([sys.executable, "-m", "moderator_app", "control", str(show_path),
                          "resume"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert cli.returncode == 2
    words = cli.stderr.strip().removeprefix("moderator-app: error: ")

    async def go() -> str:
        async with served(show_path) as (client, tokens, _app):
            r = await client.get("/api/resume", params={"token": tokens["control"]})
            assert r.status == 409
            return (await r.json())["message"]

    assert run(go()) == words == "resume refused: Resume works only while the timer is paused"


def test_two_operators_same_if_skip_exactly_one_segment(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            c = {"token": tokens["control"]}
            await client.get("/api/start", params=c)
            seq = (await (await client.get("/api/poll", params=c)).json())["payload"]["seq"]
            both = await asyncio.gather(*(
                client.get("/api/start/next", params={**c, "if": str(seq)}) for _ in range(2)
            ))
            assert sorted(r.status for r in both) == [202, 409]
            refused = next(r for r in both if r.status == 409)
            assert "the show moved on since" in (await refused.json())["message"]
            poll = (await (await client.get("/api/poll", params=c)).json())["payload"]
            assert poll["current_index"] == 1

    run(go())


def test_ask_is_off_by_default(show_path, tmp_path) -> None:
    (tmp_path / "ask.html").write_text("<!doctype html><title>ask</title>")

    async def go() -> None:
        async with served(show_path, static=tmp_path) as (client, tokens, _app):
            # The page is served (it says "closed" in the audience's language); the
            # question itself is refused.
            assert (await client.get("/ask")).status == 200
            r = await client.post("/api/ask", params={"token": tokens["ask"]},
                                  json={"text": "Hello?"})
            assert r.status == 404 and "--ask" in (await r.json())["message"]

    run(go())


def test_ask_when_on_goes_into_the_queue_and_is_rate_limited(show_path, tmp_path) -> None:
    (tmp_path / "ask.html").write_text("<!doctype html><title>ask</title>")

    async def go() -> None:
        async with served(show_path, ask=True, static=tmp_path) as (client, tokens, _app):
            assert (await client.get("/ask")).status == 200
            a = {"token": tokens["ask"]}
            r = await client.post("/api/ask", params={"token": tokens["view"]}, json={"text": "x"})
            assert r.status == 403
            r = await client.post("/api/ask", params=a, json={"text": "y" * 501})
            assert r.status == 400
            r = await client.post("/api/ask", params=a, json={"text": "Budget?", "name": "Kim"})
            assert r.status == 202
            r = await client.post("/api/ask", params=a, json={"text": "Again?"})
            assert r.status == 429
            r = await client.post("/api/ask", params=a, data=b"x" * 20_000,
                                  headers={"Content-Type": "application/json"})
            assert r.status == 413  # the body bound
        s = open_show(show_path, role=Role.COMMAND)
        try:
            added = [a for a in s.file.actions() if a.type == "question.added"]
            assert len(added) == 1 and added[0].payload["text"] == "Budget?"
            assert added[0].payload["role"] == "ask"
        finally:
            s.close()

    run(go())


def test_pages_are_served_without_a_token_and_missing_views_say_so(show_path, tmp_path) -> None:
    (tmp_path / "timer.html").write_text("<!doctype html><title>timer</title>")
    (tmp_path / "common.js").write_text("// js")

    async def go() -> None:
        async with served(show_path, static=tmp_path) as (client, _tokens, _app):
            r = await client.get("/timer")
            assert r.status == 200 and r.content_type == "text/html"
            assert (await client.get("/static/common.js")).status == 200
            r = await client.get("/overlay")
            assert r.status == 404 and "not installed" in await r.text()

    run(go())


def test_flood_of_malformed_requests_does_not_stop_poll(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, tokens, _app):
            port = client.server.port

            async def garbage(i: int) -> None:
                try:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    writer.write(b"\x16\x03\x01 NOT HTTP " * (i % 7 + 1) + b"\r\n\r\n")
                    await writer.drain()
                    await asyncio.wait_for(reader.read(100), 2)
                    writer.close()
                except (OSError, TimeoutError):
                    pass

            bad = [client.get(f"/api/start/index/{'x' * (i % 50)}", params={"token": "bad"})
                   for i in range(300)]
            bad += [client.get("/api/start/index/zz", params={"token": tokens["control"]})
                    for _ in range(100)]
            flood = asyncio.gather(*bad, *(garbage(i) for i in range(100)),
                                   return_exceptions=True)
            await asyncio.sleep(0.05)
            started = time.monotonic()
            r = await client.get("/api/poll", params={"token": tokens["view"]})
            took = time.monotonic() - started
            assert r.status == 200
            await flood
            assert took < 2.0, took  # answered during the flood
            r = await client.get("/api/poll", params={"token": tokens["view"]})
            assert r.status == 200

    run(go())


def test_loopback_only(show_path) -> None:
    async def go() -> None:
        async with served(show_path) as (client, _tokens, _app):
            assert client.server.host == "127.0.0.1"
            assert socket.getaddrinfo(client.server.host, client.server.port)

    run(go())
