"""``moderator-app serve SHOW``: the show on the network (browser views, HTTP/OSC control,
WebSocket push) until stopped (Ctrl+C or SIGTERM). The console's Share on network dialog
runs this same command as a child process with ``--machine``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
from pathlib import Path

from moderator_app.app.remote_keys import RemoteInputError
from moderator_app.commands import CommandError, note_rescue
from moderator_app.server.bridge import BrokerConfig, BrokerConfigError, broker_config
from moderator_app.server.links import qr_text
from moderator_app.server.runner import ServeError, Server

DEFAULT_PORT = 4001
DEFAULT_OSC_PORT = 8888


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="share the show on the network (browser views, HTTP/OSC/WebSocket control)",
        description="Serve the show to browsers and control surfaces on the local network. "
        "Each role's link carries its token; keep the control link private.",
    )
    p.add_argument("show")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default: every one)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT,
                   help=f"HTTP and WebSocket port (default {DEFAULT_PORT})")
    p.add_argument("--osc", action="store_true", help="also accept OSC over UDP (no token!)")
    p.add_argument("--osc-port", type=_port, default=DEFAULT_OSC_PORT,
                   help=f"OSC port with --osc (default {DEFAULT_OSC_PORT})")
    p.add_argument("--ask", action="store_true", help="open the audience question form (/ask)")
    p.add_argument("--machine", action="store_true",
                   help="print one JSON object per line (for the console's Share dialog)")
    r = p.add_argument_group(
        "remote links", "carry the show through an MQTT broker to speakers anywhere, end-to-end "
        "encrypted (the broker sees only ciphertext; keys travel in the links' #fragment)")
    r.add_argument("--broker", metavar="URL",
                   help="the broker: mqtt://, mqtts://, ws:// or wss://HOST[:PORT][/PATH]")
    r.add_argument("--broker-user", metavar="USER", help="the broker login of this server")
    r.add_argument("--broker-password-file", metavar="FILE",
                   help="a file holding that login's password (never on the command line)")
    r.add_argument("--broker-ca", metavar="FILE",
                   help="CA certificate(s) for a broker with a private TLS certificate")
    r.add_argument("--browser-broker", metavar="URL",
                   help="the ws:// or wss:// URL browsers reach (default: --broker's)")
    r.add_argument("--browser-user", metavar="USER",
                   help="the broker login put in the links for browsers (a low-privilege one)")
    r.add_argument("--browser-password-file", metavar="FILE",
                   help="a file holding the browsers' broker password")
    r.add_argument("--speaker", action="append", default=[], metavar="NAME",
                   help="a remote speaker's own link (repeat for each)")
    p.set_defaults(func=cmd_serve)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is 0 to 65535 (0: any free one)")
    return value


def _emit(data: dict) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _human(listening: dict) -> None:
    out = [f"Serving on port {listening['port']} "
           f"(LAN addresses: {', '.join(listening['addresses']) or 'none found'})"]
    if listening["osc_port"] is not None:
        out.append(f"OSC on UDP port {listening['osc_port']} (no token: anyone on the network "
                   "can control the show)")
    for role, pages in listening["links"].items():
        for page, url in pages.items():
            out.append(f"\n{role} — {page}: {url}")
            out.append(qr_text(url))
    if "tokens_note" in listening:
        out.append(listening["tokens_note"])
    out.append("Ctrl+C stops sharing.")
    print("\n".join(out), flush=True)


def _remote_note(args: argparse.Namespace) -> object:
    """Where the bridge's events go: ``--machine`` lines, or one line for a person."""
    def note(event: dict) -> None:
        if args.machine:
            _emit(event)
        elif event["event"] == "remote" and "links" in event:
            _human_remote(event)
        elif event["event"] == "remote" and event.get("message"):
            print(f"moderator-app: remote: {event['message']}", file=sys.stderr, flush=True)
        elif event["event"] == "remote" and event.get("status") == "connected":
            print(f"Remote links: connected to the broker {event['broker']}", flush=True)
        elif event["event"] == "remote-dropped":
            print(f"moderator-app: remote: dropped a message ({event['link']}): "
                  f"{event['reason']}", file=sys.stderr, flush=True)

    return note


def _remote_problem(args: argparse.Namespace, message: str) -> None:
    """A broker setting that cannot be used: one line; the LAN server keeps running."""
    if args.machine:
        _emit({"event": "remote", "status": "off", "message": message, "links": []})
    else:
        print(f"moderator-app: remote: {message} (the local server keeps running)",
              file=sys.stderr, flush=True)


def _human_remote(event: dict) -> None:
    out = ["\nRemote links (send each person their own; the key is in the link's #…):"]
    for link in event["links"]:
        who = f" ({link['name']})" if link["name"] else ""
        for page, url in link["pages"].items():
            out.append(f"remote {link['id']}{who} — {page}: {url}")
    if event.get("links_note"):
        out.append(event["links_note"])
    print("\n".join(out), flush=True)


def _broker(args: argparse.Namespace) -> BrokerConfig | None:
    if not getattr(args, "broker", None):
        return None
    return broker_config(
        args.broker, user=args.broker_user, password_file=args.broker_password_file,
        ca=args.broker_ca, browser_url=args.browser_broker, browser_user=args.browser_user,
        browser_password_file=args.browser_password_file)


async def _serve(args: argparse.Namespace) -> None:
    broker, problem = None, ""
    try:
        broker = _broker(args)
    except BrokerConfigError as exc:
        problem = str(exc)
    server = Server(args.show, host=args.host, port=args.port,
                    osc_port=args.osc_port if args.osc else None, ask=args.ask,
                    broker=broker, speakers=args.speaker, emit=_remote_note(args))
    await server.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    try:
        listening = server.listening()
        _emit(listening) if args.machine else _human(listening)
        if problem:
            _remote_problem(args, problem)
        elif broker is not None:
            try:
                await server.start_bridge()  # says its links (the "remote" event) first
            except RemoteInputError as exc:
                _remote_problem(args, str(exc))
        await stop.wait()
    finally:
        await server.stop()
    if args.machine:
        _emit({"event": "stopped"})


def cmd_serve(args: argparse.Namespace) -> int:
    note_rescue_quietly(args.show)
    try:
        asyncio.run(_serve(args))
    except ServeError as exc:
        if args.machine:
            _emit({"event": "error", "message": str(exc)})
        raise CommandError(str(exc)) from None
    except KeyboardInterrupt:
        pass
    return 0


def note_rescue_quietly(show: str) -> None:
    with contextlib.suppress(Exception):  # only a note: the show's own error comes next
        note_rescue(Path(show))
