"""The remote links in a real browser: Debian's headless Chromium (Playwright, never
``playwright install``) opening the speakers' and producers' links against a real Mosquitto
and the real ``serve --broker`` process: the /timer page with the broker in its fragment,
and the self-contained speaker file opened from disk."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from moderator_app.app.show import open_show
from moderator_app.app.speaker_file import SpeakerFileError, speaker_file
from tests.browser.conftest import browser, new_show  # noqa: F401 (a fixture)
from tests.browser.flips import assert_on_the_boundary, changes_after_reset
from tests.remote.broker import MOSQUITTO, Mosquitto
from tests.remote.remote_serve import RemoteServed, cli, serve_remote

pytestmark = pytest.mark.slow

SPEAKERS = ("Amina El Idrissi", "Jonas Weber", "Maya Cohen")
IDS = ("amina-el-idrissi", "jonas-weber", "maya-cohen")
SHOTS = Path("/tmp/remote")
SHIFT_MS = 7300
SHIFTED_DATE = """
(() => {
  const Real = Date;
  class Shifted extends Real {
    constructor(...args) { if (args.length === 0) super(Real.now() + SHIFT); else super(...args); }
    static now() { return Real.now() + SHIFT; }
  }
  globalThis.Date = Shifted;
})();
""".replace("SHIFT", str(SHIFT_MS))


def _broker(folder: Path) -> Mosquitto:
    if not os.path.exists(MOSQUITTO):
        pytest.skip(f"needs Mosquitto ({MOSQUITTO}; Debian: apt-get install mosquitto)")
    folder.mkdir(parents=True, exist_ok=True)
    broker = Mosquitto(folder)
    broker.start()
    return broker


@pytest.fixture(scope="module")
def remote(browser, tmp_path_factory) -> Iterator[RemoteServed]:  # noqa: F811
    """One broker and one ``serve --broker`` with three speakers, the show running."""
    base = tmp_path_factory.mktemp("remote-browser")
    broker = _broker(base / "broker")
    served = serve_remote(new_show(base), base, broker, SPEAKERS)
    served.broker = broker
    try:
        served.control("start")
        yield served
    finally:
        served.stop()
        broker.kill()


@pytest.fixture
def open_page(browser) -> Iterator:  # noqa: F811
    """page = open_page(url, width, height, init): closed after the test; script errors and
    console errors (a Content-Security-Policy refusal is one) fail the test."""
    contexts = []

    def opener(url: str, width: int = 1280, height: int = 720, init: str | None = None):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        if init:
            context.add_init_script(init)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.goto(url)
        return page

    yield opener
    # Chromium's own line when MQTT.js writes as a killed broker's socket closes (seen
    # under load in the broker-down test): the browser noting the dead link, not our code.
    errors = [e for c in contexts for p in c.pages for e in p.errors
              if e != "WebSocket is already in CLOSING or CLOSED state."]
    for context in contexts:
        context.close()
    assert errors == [], errors


def _synced(page, timeout: float = 10_000) -> None:
    page.wait_for_function(
        "() => window.__moderator && window.__moderator.transport === 'mqtt'"
        " && typeof window.__moderator.offset === 'number' && window.__moderator.flips.length > 0",
        timeout=timeout,
    )


def _shown(page) -> dict:
    return page.evaluate("""() => ({
        big: document.getElementById('big').textContent,
        title: document.getElementById('title').textContent,
        phase: document.getElementById('phase').textContent,
        message: document.getElementById('message').hidden ? ''
                 : document.getElementById('msgtext').textContent,
        lang: document.documentElement.lang,
        status: (() => { const s = document.querySelector('.conn-status');
                         return s && !s.hidden ? s.textContent : ''; })(),
        at_us: (window.__moderator.flips.at(-1) || {}).at_us,
    })""")


def _wait_text(page, selector: str, text: str, timeout: float = 8000) -> None:
    page.wait_for_function(
        "([sel, text]) => { const n = document.querySelector(sel);"
        " return n && n.textContent.includes(text); }",
        arg=[selector, text],
        timeout=timeout,
    )


def _journal(show: Path) -> list[tuple[str, dict]]:
    session = open_show(show)
    try:
        return [(a.type, a.payload) for a in session.file.actions()]
    finally:
        session.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_three_speakers_each_see_the_countdown_the_language_and_only_their_messages(
    remote: RemoteServed, open_page
) -> None:
    pages = {i: open_page(remote.page(i)) for i in IDS}
    lan = open_page(remote.listening["links"]["view"]["timer"])  # the LAN view, as reference
    for page in pages.values():
        _synced(page)
    lan.wait_for_function("() => window.__moderator && window.__moderator.flips.length > 0")
    # The same countdown as the console's LAN view, frame for frame (the same instant shows
    # the same figure on every page).
    for _ in range(20):
        shown = {i: _shown(p) for i, p in pages.items()}
        reference = _shown(lan)
        if len({s["at_us"] for s in shown.values()} | {reference["at_us"]}) == 1:
            break
        time.sleep(0.1)
    assert len({s["at_us"] for s in shown.values()} | {reference["at_us"]}) == 1, shown
    for link_id, s in shown.items():
        assert s["big"] == reference["big"] and ":" in s["big"], (link_id, s, reference)
        assert s["title"] == reference["title"] and s["title"]
        assert s["lang"] == "fr" and s["status"] == ""  # the show's language (new shows: fr)
        assert pages[link_id].title().startswith("Minuteur — ")
    assert pages["jonas-weber"].title() == "Minuteur — Jonas Weber"
    # A message to one speaker: only Amina sees it; a message to all: the others see that.
    remote.control("message", "Amina, ton micro est coupé", "--to", "amina-el-idrissi")
    remote.control("message", "Tout le monde : 2 minutes")
    _wait_text(pages["amina-el-idrissi"], "#msgtext", "Amina, ton micro est coupé")
    for other in ("jonas-weber", "maya-cohen"):
        _wait_text(pages[other], "#msgtext", "Tout le monde : 2 minutes")
    _wait_text(lan, "#msgtext", "Tout le monde : 2 minutes")
    time.sleep(1.2)  # a flip later, still nobody else has Amina's message
    for link_id, page in pages.items():
        text = _shown(page)["message"]
        if link_id == "amina-el-idrissi":
            assert text == "Amina, ton micro est coupé"
        else:
            assert text == "Tout le monde : 2 minutes", (link_id, text)
    # The link may choose its language (?lang=en), as on the LAN.
    english = open_page(remote.page("maya-cohen", query="lang=en"))
    _synced(english)
    assert _shown(english)["lang"] == "en" and english.title() == "Timer — Maya Cohen"
    # Presence: the console lists each page (link, client id) with its clock offset.
    cids = {i: p.evaluate("window.__moderator.cid") for i, p in pages.items()}
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        clients = [c for e in remote.events("remote-clients", 0.5) for c in e["clients"]]
        seen = {(c["link"], c["client"]) for c in clients if c["offset_ms"] is not None}
        if all((i, cid) in seen for i, cid in cids.items()):
            break
    assert all((i, cid) in seen for i, cid in cids.items()), clients
    remote.control("clear-message")


def test_screenshots_phone_and_tv_in_french_and_english(remote: RemoteServed, open_page) -> None:
    remote.control("message", "Amina : deux minutes", "--to", "amina-el-idrissi")
    for lang, query in (("fr", ""), ("en", "lang=en")):
        for size, (w, h) in (("phone", (390, 844)), ("tv", (1920, 1080))):
            page = open_page(remote.page("amina-el-idrissi", query=query), w, h)
            _synced(page)
            _wait_text(page, "#msgtext", "Amina : deux minutes")
            assert _shown(page)["lang"] == lang
            box = page.eval_on_selector("#big", "e => e.getBoundingClientRect().toJSON()")
            assert box["right"] <= w + 1 and box["width"] > w * 0.3, box  # large, not clipped
            assert page.evaluate("document.documentElement.scrollWidth") <= w
            _shot(page, f"speaker-{lang}-{size}")
    remote.control("clear-message", "--to", "amina-el-idrissi")


def test_the_self_contained_speaker_file_opened_from_disk(
    remote: RemoteServed, open_page, tmp_path
) -> None:
    html = speaker_file(remote.links, "jonas-weber")
    assert remote.link("jonas-weber")["fragment"] in html  # the file is the link (a secret)
    path = tmp_path / "jonas-weber.html"
    path.write_text(html, encoding="utf-8")
    page = open_page(path.as_uri())
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.reload()
    _synced(page)
    # Everything inline: no request but the file itself (the broker is a WebSocket; blob:
    # is MQTT.js's timer worker, made in the page).
    assert [r for r in requests if not r.startswith("blob:")] == [path.as_uri()], requests
    s = _shown(page)
    lan = open_page(remote.listening["links"]["view"]["timer"])
    lan.wait_for_function("() => window.__moderator && window.__moderator.flips.length > 0")
    assert s["lang"] == "fr" and ":" in s["big"] and s["title"] == _shown(lan)["title"]
    remote.control("message", "Jonas, on passe à la suite", "--to", "jonas-weber")
    _wait_text(page, "#msgtext", "Jonas, on passe à la suite")
    _shot(page, "speaker-file-fr-tv")
    # A file made in English stays English whatever the show's language.
    english = tmp_path / "jonas-en.html"
    english.write_text(speaker_file(remote.links, "jonas-weber", "en"), encoding="utf-8")
    page_en = open_page(english.as_uri(), 390, 844)
    _synced(page_en)
    assert _shown(page_en)["lang"] == "en"
    _wait_text(page_en, "#msgtext", "Jonas, on passe à la suite")
    _shot(page_en, "speaker-file-en-phone")
    remote.control("clear-message", "--to", "jonas-weber")


def test_speaker_file_refuses_a_control_link_and_an_unknown_id(remote: RemoteServed) -> None:
    with pytest.raises(SpeakerFileError, match="control link"):
        speaker_file(remote.links, "control")
    with pytest.raises(SpeakerFileError, match="the speakers are: amina-el-idrissi, jonas-weber"):
        speaker_file(remote.links, "carol")
    with pytest.raises(SpeakerFileError, match="choose fr or en"):
        speaker_file(remote.links, "jonas-weber", "de")


def test_a_control_link_moves_to_the_next_segment_and_a_producer_sends_a_message(
    remote: RemoteServed, open_page
) -> None:
    speaker = open_page(remote.page("maya-cohen"))
    control = open_page(remote.page("control", "backstage"))
    producer = open_page(remote.page("producer", "backstage"))
    for page in (speaker, control, producer):
        _synced(page)
    # The producer page fills its run sheet from the sealed rundown part.
    producer.wait_for_function("() => window.__moderator.arrived.rundown > 0")
    before = _shown(speaker)["title"]
    actions = len(_journal(remote.show))
    reply = control.evaluate("window.__moderator.command('next')")
    assert reply["status"] == 202, reply
    speaker.wait_for_function(
        "t => document.getElementById('title').textContent !== t", arg=before, timeout=5000
    )
    journal = _journal(remote.show)
    kind, payload = journal[actions]
    assert kind == "next" and payload["origin"] == "remote" and payload["role"] == "control"
    # The producer writes a stage message with the page's own form (a producer command).
    producer.fill("#msg", "Question suivante")
    producer.click("#msgsend")
    _wait_text(speaker, "#msgtext", "Question suivante")
    _shot(producer, "producer-backstage-fr-desktop")
    journal = _journal(remote.show)
    assert journal[-1][0] == "message" and journal[-1][1]["role"] == "producer"
    # A producer link may not move the timer: the console says so (403), nothing journaled.
    denied = producer.evaluate("window.__moderator.command('next')")
    assert denied["status"] == 403, denied
    assert len(_journal(remote.show)) == len(journal)
    # A speaker link's key gives no command at all (a view role: refused, 403).
    assert speaker.evaluate("window.__moderator.command('next')")["status"] == 403
    assert len(_journal(remote.show)) == len(journal)
    remote.control("clear-message")


def test_a_truncated_or_wrong_key_says_so_in_one_line(remote: RemoteServed, open_page) -> None:
    url = remote.page("amina-el-idrissi")
    cut = url[: url.index("&k=") + 3 + 20] + url[url.index("&u=") :]
    # No state can open: the page speaks the browser's language (here English), or the
    # link's ?lang=.
    page = open_page(cut, 390, 844)
    _wait_text(page, ".conn-status", "This link is incomplete (its key is cut)")
    _shot(page, "cut-key-en-phone")
    assert page.evaluate("document.querySelector('.conn-status').dataset.kind") == "fatal"
    # A key of the right length that is not this link's (a replaced link): one line too.
    other = remote.link("jonas-weber")["fragment"].split("k=")[1].split("&")[0]
    start = url.index("&k=") + 3
    wrong = url[:start] + other + url[url.index("&u=") :]
    page = open_page(wrong)
    _wait_text(page, ".conn-status", "This link's key does not open the show's messages")
    assert page.evaluate("window.__moderator.flips.length") == 0  # never a countdown
    # A broker that refuses the login.
    refused = url.replace("p=speaker-pw-9a2e", "p=wrong")
    assert refused != url
    page = open_page(refused.replace("/timer#", "/timer?lang=fr#"))
    _wait_text(page, ".conn-status", "Le courtier a refusé l’identifiant de ce lien")


@pytest.mark.parametrize("shift_ms", [SHIFT_MS, -SHIFT_MS])
def test_a_page_with_its_clock_7_3_s_off_flips_with_the_console(
    remote: RemoteServed, open_page, shift_ms: int
) -> None:
    init = SHIFTED_DATE.replace(str(SHIFT_MS), str(shift_ms))
    page = open_page(remote.page("amina-el-idrissi"), init=init)
    # The best of the ping/pongs through the broker measures the page's clock error.
    page.wait_for_function(
        "s => window.__moderator && Math.abs(window.__moderator.offset + s) < 50",
        arg=shift_ms,
        timeout=10_000,
    )
    # Every change of the big figure: timed by the page when its frame came early, shown on
    # arrival when the broker delivered it late (Debian's Mosquitto holds WebSocket traffic
    # up to ~100 ms). Never before the console's boundary (+7.3 s uncorrected would be every
    # frame at once), never seconds after (−7.3 s uncorrected): on it, within a loaded
    # machine's margin.
    lags = changes_after_reset(page, 3)
    assert_on_the_boundary(lags, typical_ms=150, worst_ms=1000)


def test_broker_down_says_reconnecting_and_back_recovers(tmp_path, open_page) -> None:
    broker = _broker(tmp_path / "broker")
    served = serve_remote(new_show(tmp_path), tmp_path, broker, ("Amina El Idrissi", "Jonas Weber"))
    try:
        served.control("start")
        page = open_page(served.page("amina-el-idrissi"))
        _synced(page)
        assert _shown(page)["status"] == ""
        broker.kill()
        _wait_text(page, ".conn-status", "Reconnexion", timeout=6000)
        _shot(page, "reconnecting-fr-tv")
        assert (
            page.evaluate("document.querySelector('.conn-status').dataset.kind") == "reconnecting"
        )
        broker.start()
        page.wait_for_function(
            "() => { const s = document.querySelector('.conn-status'); return s && s.hidden; }",
            timeout=15_000,
        )
        before = page.evaluate("window.__moderator.flips.length")
        # live again: the page shows new flips (waited for: a loaded machine runs the test's
        # read ahead of page timers already due)
        page.wait_for_function("n => window.__moderator.flips.length > n", arg=before,
                               timeout=5000)
        # A command after the broker came back is sealed with a fresh counter and runs.
        served.control("message", "De retour", "--to", "amina-el-idrissi")
        _wait_text(page, "#msgtext", "De retour")
        # Jonas's link revoked while serving: his open page says at once it was replaced.
        jonas = open_page(served.page("jonas-weber", query="lang=en"))
        _synced(jonas)
        done = cli(tmp_path, "remote-links", str(served.show), "--revoke", "jonas-weber")
        assert done.returncode == 0, done.stderr
        _wait_text(jonas, ".conn-status", "This link's key does not open", timeout=8000)
        _shot(jonas, "revoked-en-tv")
        served.stop()  # the console stops sharing: the page says so instead of a countdown
        _wait_text(page, ".conn-status", "ne partage pas", timeout=6000)
        _shot(page, "offline-fr-tv")
    finally:
        served.stop()
        broker.kill()
