"""The aiohttp application: the API, the WebSocket and the browser views' files.

Routes (see the README's "Share on network"):
- GET /api/…: Ontime-compatible control and state (dispatch.api_command), POST /api/ask;
- GET /ws: the WebSocket (hub.py);
- GET /timer, /overlay, /backstage, /cuesheet, /questions, /ask: the views' pages (static,
  no data in them: the page reads its ``?token=`` and asks with it); /static/…: their files.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from aiohttp import WSMsgType, web

from moderator_app.app.sharing import ShareRole
from moderator_app.server import dispatch
from moderator_app.server.auth import Denied, require, role_for, token_of
from moderator_app.server.hub import Client, Hub
from moderator_app.server.limits import (
    ASK_EVERY_S,
    HTTP_BURST,
    HTTP_PER_S,
    MAX_BODY,
    MAX_CLIENTS,
    PerAddress,
    origin_allowed,
)
from moderator_app.server.show_thread import ShowThread, language

STATIC = Path(__file__).resolve().parent / "static"
VIEWS = ("timer", "overlay", "backstage", "cuesheet", "questions", "ask")
ASK_OFF = "questions from the audience are off (the server runs without --ask)"

SHOW = web.AppKey("show", ShowThread)
HUB = web.AppKey("hub", Hub)
OPTIONS = web.AppKey("options", object)
RATE = web.AppKey("rate", PerAddress)
ASK_RATE = web.AppKey("ask_rate", PerAddress)
TASKS = web.AppKey("tasks", list)


@dataclass(frozen=True)
class Options:
    show: str | os.PathLike
    ask: bool = False
    static: Path = STATIC


def _json(status: int, body: dict) -> web.Response:
    return web.Response(
        status=status, text=json.dumps(body, ensure_ascii=False), content_type="application/json"
    )


def _reply(reply: dispatch.Reply) -> web.Response:
    if reply.status >= 400:
        return _json(reply.status, {"message": reply.message})
    return _json(reply.status, {"payload": reply.payload})


def _address(request: web.Request) -> str:
    return request.remote or "?"


def _if_seq(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise dispatch.BadInput("'if' is a journal position (a number)")
    try:
        seq = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise dispatch.BadInput(f"{value!r} is not a journal position (if=SEQ)") from None
    if seq < 0:
        raise dispatch.BadInput("'if' is a journal position (0 or more)")
    return seq


async def _run(app: web.Application, role: ShareRole, name: str, payload: dict,
               if_seq: int | None) -> dispatch.Reply:
    """Check the role and run a command on the show thread; pushes follow at once."""
    command = dispatch.COMMANDS[name]
    require(role, command.needs)
    reply = await app[SHOW].run(dispatch.execute, name, payload, if_seq, role)
    if reply.status == 202:
        app[HUB].wake()
    return reply


# -- HTTP API ----------------------------------------------------------------------------
async def api(request: web.Request) -> web.Response:
    app = request.app
    try:
        role = role_for(app[SHOW].ctx.tokens, token_of(request))
        tail = request.match_info.get("tail", "")
        if tail.strip("/") == "":
            return _json(200, {"payload": {"routes": [f"/api/{r}" for r in dispatch.API_ROUTES]}})
        name, payload = dispatch.api_command(tail.split("/"), dict(request.query))
        if not dispatch.COMMANDS[name].reads and not app[RATE].take(_address(request)):
            return _json(429, {"message": "too many requests: slow down"})
        return _reply(await _run(app, role, name, payload, _if_seq(request.query.get("if"))))
    except Denied as exc:
        return _json(exc.status, {"message": exc.message})
    except dispatch.BadInput as exc:
        return _json(400, {"message": str(exc)})


async def ask(request: web.Request) -> web.Response:
    """POST /api/ask {"text", "name"?}: the audience's question form."""
    app = request.app
    try:
        role = role_for(app[SHOW].ctx.tokens, token_of(request))
        require(role, ShareRole.ASK)
        if not app[OPTIONS].ask:
            return _json(404, {"message": ASK_OFF})
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            return _json(400, {"message": "the body must be JSON: {\"text\": …, \"name\": …}"})
        if not isinstance(body, dict):
            return _json(400, {"message": "the body must be a JSON object"})
        if not app[ASK_RATE].take(_address(request)):
            return _json(429, {"message": "one question every 10 seconds, please"})
        reply = await _run(app, role, dispatch.QUESTION_ASK, body, None)
        if reply.status != 202:
            app[ASK_RATE].refund(_address(request))
        return _reply(reply)
    except Denied as exc:
        return _json(exc.status, {"message": exc.message})


# -- the views' pages --------------------------------------------------------------------
def _page(name: str):
    async def handler(request: web.Request) -> web.StreamResponse:
        # /ask is served even while asking is off: the page then says, in the audience's
        # language, that questions are closed (POST /api/ask answers 404).
        path = request.app[OPTIONS].static / f"{name}.html"
        if not path.is_file():
            raise web.HTTPNotFound(text=f"the {name} view is not installed")
        return web.FileResponse(path, headers={"Cache-Control": "no-cache"})

    return handler


# -- WebSocket ---------------------------------------------------------------------------
async def websocket(request: web.Request) -> web.StreamResponse:
    app = request.app
    hub = app[HUB]
    if not origin_allowed(request.headers.get("Origin"), request.host):
        return _json(403, {"message": "this page's origin may not connect"})
    token = token_of(request)
    try:
        role = role_for(app[SHOW].ctx.tokens, token)
    except Denied as exc:
        return _json(exc.status, {"message": exc.message})
    if len(hub.clients) >= MAX_CLIENTS:
        return _json(503, {"message": f"too many clients ({MAX_CLIENTS}); try again later"})
    ws = web.WebSocketResponse(max_msg_size=MAX_BODY, heartbeat=None)
    await ws.prepare(request)
    lang = await app[SHOW].run(language, request.query.get("lang"))
    client = Client(ws, role, lang, _address(request), token or "")
    async with hub.push_lock:  # no push slips between the welcome and the first push
        await hub.welcome(client)
        hub.clients.add(client)
    try:
        async for msg in ws:
            if msg.type is WSMsgType.TEXT:
                await _on_message(app, client, msg.data)
            elif msg.type is WSMsgType.ERROR:
                break
    finally:
        hub.clients.discard(client)
    return ws


async def _on_message(app: web.Application, client: Client, text: str) -> None:
    hub = app[HUB]
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("tag"), str):
        await hub.send(client, {"tag": "reply", "id": None, "status": 400,
                                "message": "a message is a JSON object with a 'tag'"})
        return
    tag, ident = data["tag"], data.get("id")
    if not isinstance(ident, int | str | None) or isinstance(ident, bool):
        ident = None
    if tag == "ping":
        await hub.send(client, {"tag": "pong", "id": ident, "t0": data.get("t0"),
                                "server_us": app[SHOW].now_us()})
        return
    reply = await _ws_command(app, client, tag, data)
    await hub.send(client, {"tag": "reply", "id": ident, "status": reply.status,
                            "message": reply.message, "payload": reply.payload})


async def _ws_command(app: web.Application, client: Client, tag: str,
                      data: dict) -> dispatch.Reply:
    if tag not in dispatch.COMMANDS:
        return dispatch.Reply(400, f"unknown command {tag!r}")
    if not client.bucket.take():
        return dispatch.Reply(429, "too many commands: slow down")
    payload = data.get("payload") or {}
    if not isinstance(payload, dict):
        return dispatch.Reply(400, "'payload' is a JSON object")
    try:
        require(client.role, dispatch.COMMANDS[tag].needs)
        if tag == dispatch.QUESTION_ASK:
            if not app[OPTIONS].ask:
                return dispatch.Reply(404, ASK_OFF)
            if not app[ASK_RATE].take(client.address):
                return dispatch.Reply(429, "one question every 10 seconds, please")
            reply = await _run(app, client.role, tag, payload, None)
            if reply.status != 202:
                app[ASK_RATE].refund(client.address)
            return reply
        return await _run(app, client.role, tag, payload, _if_seq(data.get("if")))
    except Denied as exc:
        return dispatch.Reply(exc.status, exc.message)
    except dispatch.BadInput as exc:
        return dispatch.Reply(400, str(exc))


# -- the application ---------------------------------------------------------------------
async def _start(app: web.Application) -> None:
    await app[SHOW].open()
    app[TASKS] = [asyncio.create_task(app[HUB].follow()),
                    asyncio.create_task(app[HUB].flips())]


async def _stop(app: web.Application) -> None:
    tasks = app.get(TASKS, [])
    # Each wait is bounded and a task still running is cancelled again: a stop must end
    # even if a cancel was dropped on the way (see Hub.follow).
    for _ in range(3):
        pending = [task for task in tasks if not task.done()]
        if not pending:
            break
        for task in pending:
            task.cancel()
        await asyncio.wait(pending, timeout=1.0)
    for task in tasks:
        if task.done() and not task.cancelled():
            task.exception()  # retrieved: a failed pusher is not logged at exit
    for client in list(app[HUB].clients):
        with contextlib.suppress(Exception):
            await client.ws.close()
    await app[SHOW].close()


def make_app(options: Options) -> web.Application:
    """The server for the show at ``options.show`` (opened when the app starts)."""
    app = web.Application(client_max_size=MAX_BODY)
    show = ShowThread(options.show)
    app[SHOW] = show
    app[HUB] = Hub(show)
    app[OPTIONS] = options
    app[RATE] = PerAddress(HTTP_PER_S, HTTP_BURST)
    app[ASK_RATE] = PerAddress(1 / ASK_EVERY_S, 1)
    app.router.add_get("/ws", websocket)
    app.router.add_post("/api/ask", ask)
    app.router.add_get("/api", api)
    app.router.add_get("/api/{tail:.*}", api)
    for name in VIEWS:
        app.router.add_get(f"/{name}", _page(name))
    if options.static.is_dir():
        app.router.add_static("/static/", options.static)
    app.on_startup.append(_start)
    app.on_cleanup.append(_stop)
    return app
