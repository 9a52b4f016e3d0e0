"""``moderator-app remote-links SHOW``: the remote links (speakers on other continents,
through an MQTT broker, end-to-end encrypted) with their keys in the fragment; add
speakers, revoke a link (it gets a new channel and key: the old link stops)."""

from __future__ import annotations

import argparse
from pathlib import Path

from moderator_app.app import remote_keys
from moderator_app.app.speaker_file import SpeakerFileError, speaker_file
from moderator_app.commands import CommandError, open_session, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "remote-links",
        help="print the remote links (per speaker and role) for a broker, as JSON",
        description="Each link carries its key in the URL fragment (#k=…), which browsers "
        "never send anywhere: send each speaker their own link privately. Revoking a link "
        "makes it stop working (new channel, new key).",
    )
    p.add_argument("show")
    p.add_argument("--speaker", action="append", default=[], metavar="NAME",
                   help="add a speaker's link (repeat for each speaker)")
    p.add_argument("--revoke", metavar="LINK", help="rotate this link's key (its id)")
    p.add_argument("--broker", metavar="URL",
                   help="the broker URL browsers reach (ws:// or wss://…); default: the last "
                   "one used")
    p.add_argument("--base", metavar="URL",
                   help="the page address the links start with (e.g. the LAN server's "
                   "http://HOST:4001); default: paths only")
    p.add_argument("--speaker-file", metavar="LINK",
                   help="write this speaker link's self-contained page (one HTML file that "
                   "opens by double-click; the file holds the link's key: send it privately)")
    p.add_argument("-o", "--output", metavar="FILE", help="where --speaker-file writes")
    p.add_argument("--lang", choices=("fr", "en"),
                   help="the speaker file's language (default: the show's)")
    p.set_defaults(func=cmd_remote_links)


def cmd_remote_links(args: argparse.Namespace) -> int:
    if args.speaker_file and not args.output:
        raise CommandError("--speaker-file needs -o FILE (where to write the page)")
    try:
        broker = remote_keys.check_broker_url(args.broker) if args.broker else None
    except remote_keys.RemoteInputError as exc:
        raise CommandError(str(exc)) from None
    session = open_session(args.show)
    try:
        try:
            links = remote_keys.remote_links(session, args.speaker, broker=broker)
            if args.revoke:
                links = remote_keys.revoke(session, args.revoke)
        except remote_keys.RemoteInputError as exc:
            raise CommandError(str(exc)) from None
        url = broker or links.broker
        if not url:
            raise CommandError("no broker yet: give --broker URL (the ws:// or wss:// address "
                               "browsers reach)")
        out: dict = {"broker": url, "links": remote_keys.links_json(links, url, base=args.base)}
        if args.revoke:
            out["revoked"] = args.revoke
        if args.speaker_file:
            out["speaker_file"] = _write_speaker_file(args, out["links"])
        if not links.persisted:
            out["note"] = f"links valid for this run only: {links.problem}"
        print_json(out)
    finally:
        session.close()
    return 0


def _write_speaker_file(args: argparse.Namespace, links: list) -> str:
    try:
        text = speaker_file(links, args.speaker_file, args.lang)
    except SpeakerFileError as exc:
        raise CommandError(str(exc)) from None
    target = Path(args.output)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write {target}: {exc.strerror or exc}") from None
    return str(target)
