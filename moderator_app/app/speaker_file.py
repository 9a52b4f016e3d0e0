"""One self-contained HTML file per speaker: the /timer view (its page, style, scripts), the
vendored MQTT-over-WebSocket client and the speaker's remote link, in one file that opens
from disk (file://) in any modern browser and needs no server of ours — only the broker.

The link's fields (broker, channel, key) are written INTO the file, not left for a fragment:
a file sent by email or chat is opened by double-clicking it, and a file:// URL cannot carry
a fragment the speaker would have to type. So the file itself is the secret, exactly like the
link it replaces: whoever holds it sees that speaker's stage display (never more: a speaker
link is a view link, its key opens only that speaker's state and its commands are refused).
Revoking the speaker's link (remote-links --revoke ID) voids the file.

The ES modules (i18n, common, remote, timer) become one module script: each keeps its own
scope (a block), imports become reads of the earlier modules' exports. No network fetch is
left in the file; its Content-Security-Policy allows scripts and styles only inline and
connections only to WebSockets, so the key cannot be sent anywhere else by the page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

# The browser views' files (package data of the network surface): read as data, so every
# surface (the console's "Save as a file…", the command line) builds the same file.
STATIC = Path(__file__).resolve().parent.parent / "server" / "static"
MODULES = ("i18n.js", "common.js", "remote.js", "timer.js")  # each after what it imports
LANGS = ("fr", "en")

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([\w.-]+)";[ \t]*$', re.M)
_EXPORT = re.compile(
    r"^export\s+(?:async\s+)?(function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)", re.M
)
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src ws: wss:; img-src data:; worker-src blob:"
)


class SpeakerFileError(ValueError):
    """The link asked for cannot make a speaker file (one line for the user)."""


def _module_block(name: str, source: str) -> str:
    """``source`` (an ES module) as a block of the one module script: its exports go to
    ``__mods[name]`` as getters (live, like ES bindings), its imports read earlier ones."""
    exports = [m.group(2) for m in _EXPORT.finditer(source)]
    if re.search(r"^export\s+(default|\{|\*)", source, re.M):
        raise SpeakerFileError(f"{name}: only named declarations can be exported here")

    def import_line(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(1).split(",") if n.strip()]
        target = match.group(2)
        if target not in MODULES:
            raise SpeakerFileError(f"{name} imports {target}, which the speaker file lacks")
        return "".join(f"const {n} = __mods[{json.dumps(target)}].{n};" for n in names)

    body = _IMPORT.sub(import_line, source)
    if re.search(r"^\s*import\b", body, re.M):
        raise SpeakerFileError(f"{name}: an import the speaker file cannot inline")
    body = _EXPORT.sub(lambda m: m.group(0).replace("export ", "", 1), body)
    getters = ", ".join(f"get {n}() {{ return {n}; }}" for n in exports)
    # An imported name is read once, as the block starts: every module exports only
    # functions, classes and constants, so the value never changes after that.
    return f"{{\n{body}\n__mods[{json.dumps(name)}] = {{ {getters} }};\n}}\n"


def _script_text(text: str) -> str:
    """Text safe inside <script>: only "</script" ends a script element and "<!--" changes
    how it is parsed; both can stand only in a string or regex literal, where "<\\/" and
    "<\\!--" mean the same characters. Any other "</" (a minified "a</re/.test(b)") is kept."""
    text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.I)
    return text.replace("<!--", "<\\!--")


def _find_link(links: Iterable[Mapping], speaker_id: str) -> Mapping:
    links = list(links)
    speakers = [link["id"] for link in links if link.get("speaker")]
    for link in links:
        if link.get("id") == speaker_id:
            if link.get("role") != "view":
                raise SpeakerFileError(
                    f"'{speaker_id}' is a {link.get('role')} link: a speaker file holds only a "
                    "view or speaker link (its key must not give control)"
                )
            return link
    known = ", ".join(speakers) if speakers else "none yet (add one with --speaker NAME)"
    raise SpeakerFileError(f"'{speaker_id}' is not a remote link; the speakers are: {known}")


def speaker_file(links: Iterable[Mapping], speaker_id: str, lang: str | None = None) -> str:
    """The self-contained HTML of ``speaker_id``'s link (``links`` as the bridge and
    ``remote-links`` list them: id, role, name, speaker, fragment). ``lang`` fixes the page's
    language (fr/en); None follows the show's language sent with the state."""
    if lang is not None and lang not in LANGS:
        raise SpeakerFileError(f"language '{lang}': choose fr or en")
    link = _find_link(links, speaker_id)
    fragment = str(link.get("fragment") or "")
    if "b=" not in fragment or "k=" not in fragment:
        raise SpeakerFileError(f"'{speaker_id}' has no broker link yet: serve with --broker first")
    page = (STATIC / "timer.html").read_text(encoding="utf-8")
    style = (STATIC / "style.css").read_text(encoding="utf-8")
    client = (STATIC / "vendor" / "mqtt.min.js").read_text(encoding="utf-8")
    blocks = []
    for name in MODULES:
        source = (STATIC / name).read_text(encoding="utf-8")
        if name == "common.js":
            # The page's options come from its query; a file has none but its language.
            query = f"lang={lang}" if lang else ""
            source, count = re.subn(
                r"new URLSearchParams\(location\.search\)",
                f"new URLSearchParams({json.dumps(query)})",
                source,
            )
            if count != 1:
                raise SpeakerFileError("common.js no longer reads its options from location.search")
        elif name == "remote.js":
            source = source.replace('"/static/vendor/mqtt.min.js"', '""')
        blocks.append(_module_block(name, source))
    prelude = (
        f"window.__REMOTE_LINK__ = {json.dumps(fragment)};\n"
        'window.__REMOTE_PAGE__ = "timer-file";\n'
    )
    module = "const __mods = {};\n" + "".join(blocks)
    style = style.replace("</", "<\\/")
    head = (
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        f"<style>\n{style}\n</style>\n"
        f"<script>\n{_script_text(prelude)}</script>\n"
        f"<script>\n{_script_text(client)}\n</script>\n"
        f'<script type="module">\n{_script_text(module)}</script>'
    )
    stylesheet = '<link rel="stylesheet" href="/static/style.css">'
    script = '<script type="module" src="/static/timer.js"></script>'
    if stylesheet not in page or script not in page:
        raise SpeakerFileError("timer.html no longer links style.css and timer.js as expected")
    out = page.replace(stylesheet, "").replace(script, head)
    out = out.replace('<html lang="en">', f'<html lang="{lang or "en"}">', 1)
    name = str(link.get("name") or speaker_id)
    return out.replace(">Timer</title>", f">Timer — {html.escape(name)}</title>", 1)
