"""The self-contained speaker file, without a browser: one file, everything inline, the link
inline once, names as text, refusals in one line. (Opened in Chromium from file:// in
test_remote_browser.py.)"""

from __future__ import annotations

import re

import pytest

from moderator_app.app.speaker_file import MODULES, STATIC, SpeakerFileError, speaker_file

FRAGMENT = (
    "b=wss%3A%2F%2Fbroker.example%3A8084%2Fmqtt&t=mod%2FAAAAAAAAAAAAAAAAAAAAAA%2FBBBBBBBBBBBBBBBB"
    "&k=Mzk2NTdkYjQ1ZTFjNGFhNjk3ZmRlMTAzOTQ3MDM0ZDE&u=speaker&p=pw&n=%3C%2Ftitle%3E"
)
LINKS = [
    {"id": "view", "role": "view", "name": "", "speaker": False, "fragment": FRAGMENT},
    {"id": "control", "role": "control", "name": "", "speaker": False, "fragment": FRAGMENT},
    {"id": "amina", "role": "view", "name": "</title><script>alert(1)</script>",
     "speaker": True, "fragment": FRAGMENT},
]  # fmt: skip


def test_one_file_with_everything_inline_and_the_link_once() -> None:
    html = speaker_file(LINKS, "amina", "fr")
    assert html.count(FRAGMENT) == 1  # the file is the link: a secret, like the link
    assert '<html lang="fr">' in html
    # No file of ours is fetched: no src/href to /static, no module import left.
    assert not re.search(r"""(src|href)=["']/static""", html)
    module = html.split('<script type="module">', 1)[1].split("</script>", 1)[0]
    assert not re.search(r"^\s*(import|export)\s", module, re.M)
    # Every module's code is in: the timer's renderer, the remote transport, MQTT.js.
    assert "class RemoteConnection extends Connection" in html
    assert "function render(view)" in html
    assert (STATIC / "vendor" / "mqtt.min.js").read_text()[:200] in html
    for name in MODULES:
        assert html.count(f'__mods["{name}"] = {{') == 1, name
    # Only WebSockets may leave the page (the key cannot be posted anywhere else).
    assert "connect-src ws: wss:" in html and "default-src 'none'" in html


def test_a_speaker_name_is_text_never_markup() -> None:
    html = speaker_file(LINKS, "amina")
    head = html.split("<body", 1)[0]
    assert '<title data-i18n="page.timer">Timer — &lt;/title&gt;&lt;script&gt;' in head
    assert "<script>alert(1)" not in html
    # One script element per part (prelude, MQTT.js, the modules), none closed early.
    assert html.count("</script>") == 3


def test_refusals_are_one_line() -> None:
    with pytest.raises(SpeakerFileError, match="'control' is a control link"):
        speaker_file(LINKS, "control")
    with pytest.raises(
        SpeakerFileError, match="'carol' is not a remote link; the speakers are: amina"
    ):
        speaker_file(LINKS, "carol")
    with pytest.raises(SpeakerFileError, match="has no broker link yet"):
        speaker_file([{**LINKS[2], "fragment": ""}], "amina")
    with pytest.raises(SpeakerFileError, match="choose fr or en"):
        speaker_file(LINKS, "amina", "de")
