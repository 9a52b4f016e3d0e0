"""The browser views in a real headless Chromium against the real server (see conftest.py).

Each test drives the show through the server's own API or the app layer, as another operator
would, and reads what the page shows."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest

from moderator_app.app import cuesheet as app_cuesheet
from moderator_app.app import notes as app_notes
from moderator_app.app.live_feed import rundown_json
from moderator_app.app.questions import QuestionBook
from moderator_app.app.show import open_show
from moderator_app.core.durations import format_countdown
from moderator_app.core.questions import QState
from tests.browser.conftest import Served, free_port, new_show, serve
from tests.browser.flips import assert_on_the_boundary, changes_after_reset

pytestmark = pytest.mark.slow

EVIL = '<img src=x onerror="window.__xss=1">'
SHIFT_MS = 7300
# Date shifted +7.3 s, as on a tablet whose clock is wrong: both Date.now() and new Date().
SHIFTED_DATE = """
(() => {
  const Real = Date;
  const SHIFT = SHIFT_MS;
  class Shifted extends Real {
    constructor(...args) { if (args.length === 0) super(Real.now() + SHIFT); else super(...args); }
    static now() { return Real.now() + SHIFT; }
  }
  globalThis.Date = Shifted;
})();
""".replace("SHIFT_MS", str(SHIFT_MS))


def _session(served: Served):
    return open_show(served.show)


def _ensure_running(served: Served) -> dict:
    poll = served.poll()
    if poll["state"] == "not_started":
        status, body = served.api("start")
        assert status == 202, body
        poll = body["payload"]
    elif poll["state"] == "paused":
        served.api("resume")
        poll = served.poll()
    return poll


def _wait_synced(page) -> None:
    page.wait_for_function(
        "() => window.__moderator && typeof window.__moderator.offset === 'number'"
        " && window.__moderator.flips.length > 0",
        timeout=10_000,
    )


def _big(page) -> str:
    return page.locator("#big").text_content() or ""


def test_timer_shows_the_figure_and_phase_and_follows_a_control_action(
    served: Served, page_of
) -> None:
    poll = _ensure_running(served)
    page = page_of(served.url("timer", lang="en"))
    _wait_synced(page)
    # The figure is the server's remaining time, as the console formats it (one second each).
    for _ in range(3):
        before = served.poll()["remaining_s"]
        shown = _big(page)
        after = served.poll()["remaining_s"]
        # Never a second the server has not reached; on a loaded machine a page's timer
        # may fire late, showing the second before for a moment.
        assert shown in (format_countdown(before), format_countdown(after),
                         format_countdown(before + 1))
    assert page.locator("body").get_attribute("data-phase") == served.poll()["phase"] == "normal"
    assert page.locator("#phase").text_content() == "● On time"
    title = page.locator("#title").text_content()
    assert title == poll["current_title"]

    # A Companion-style GET moves to the next segment: the page follows within 1 s.
    status, body = served.api("start/next")
    assert status == 202, body
    sent = time.monotonic()
    next_title = body["payload"]["current_title"]
    page.wait_for_function(
        "t => document.getElementById('title').textContent === t", arg=next_title, timeout=1000
    )
    followed_s = time.monotonic() - sent
    assert followed_s < 1.0
    assert _big(page) in ("10:00", "9:59")

    # Near the end of the segment the phase changes colour and symbol with the console's.
    status, body = served.api("addtime/remove/585000")
    assert status == 202, body
    page.wait_for_function("() => document.body.dataset.phase === 'danger'", timeout=1000)
    assert page.locator("#phase").text_content().startswith("◆ Wrap up")
    danger_colour = page.eval_on_selector("#big", "e => getComputedStyle(e).color")
    assert danger_colour == "rgb(255, 152, 0)"  # the console's STAGE_COLOURS[DANGER]
    served.api("addtime/add/585000")
    assert not page.errors


def test_a_page_with_its_clock_7_3_s_fast_shows_the_servers_second(served: Served, page_of) -> None:
    _ensure_running(served)
    page = page_of(served.url("timer", lang="en"), init=SHIFTED_DATE)
    # Synchronised: the best of the first pings puts the server's clock 7.3 s behind the page's.
    page.wait_for_function(
        "s => window.__moderator && Math.abs(window.__moderator.offset + s) < 50",
        arg=SHIFT_MS,
        timeout=10_000,
    )
    assert page.evaluate("Date.now() - performance.timeOrigin - performance.now()") > SHIFT_MS - 50
    offset = page.evaluate("window.__moderator.offset")
    assert abs(offset + SHIFT_MS) < 50, offset  # measured from the server, best of N pings
    # Every displayed second flips on the server's boundary (real time, not the page's clock).
    # The flips the page timed itself (a push arriving late under load is shown at once and
    # is the network's delay, not the page's clock): on the boundary, to a few milliseconds.
    assert_on_the_boundary(changes_after_reset(page, 3, on_time=True))
    # And the figure shown is the server's own at that instant (most reads: a read can meet
    # a push the loaded machine delivered late; a clock 7.3 s off never matches).
    matches = 0
    for _ in range(5):
        before = served.poll()["remaining_s"]
        shown = _big(page)
        after = served.poll()["remaining_s"]
        matches += shown in (format_countdown(before), format_countdown(after))
        time.sleep(0.35)
    assert matches >= 4


# A clock that can be stepped while the page runs (window.__shift, in ms).
STEPPABLE_DATE = """
(() => {
  const Real = Date;
  class Stepped extends Real {
    constructor(...args) {
      if (args.length === 0) super(Real.now() + (globalThis.__shift || 0)); else super(...args);
    }
    static now() { return Real.now() + (globalThis.__shift || 0); }
  }
  globalThis.Date = Stepped;
})();
"""


def test_a_clock_stepped_during_the_show_is_measured_again_at_once(served: Served, page_of) -> None:
    _ensure_running(served)
    page = page_of(served.url("timer", lang="en"), init=STEPPABLE_DATE)
    page.wait_for_function(
        "() => window.__moderator && window.__moderator.rtt !== undefined"
        " && Math.abs(window.__moderator.offset) < 50",
        timeout=10_000,
    )
    time.sleep(1.0)  # the first batch of pings is over: the next one is the 30 s refresh
    page.evaluate(f"window.__shift = -{SHIFT_MS}")  # NTP sets the tablet's clock back
    stepped = time.monotonic()
    page.wait_for_function(
        "s => Math.abs(window.__moderator.offset - s) < 50", arg=SHIFT_MS, timeout=3000
    )
    assert time.monotonic() - stepped < 1.5  # not the 30 s refresh
    assert_on_the_boundary(changes_after_reset(page, 2, on_time=True))


def test_reconnecting_overlay_when_the_server_dies_and_recovery_when_it_is_back(
    browser, page_of, tmp_path
) -> None:
    show = new_show(tmp_path)
    port = free_port()
    server = serve(show, tmp_path, port)
    try:
        page = page_of(server.url("timer", lang="en"))
        _wait_synced(page)
        assert page.locator(".conn-status").is_hidden()
        server.stop(9)  # a real SIGKILL
        killed = time.monotonic()
        page.wait_for_selector(
            ".conn-status[data-kind='reconnecting']", state="visible", timeout=6000
        )
        shown_after = time.monotonic() - killed
        assert 2.5 <= shown_after <= 4.5, shown_after  # "after 3 s without data"
        assert page.locator(".conn-status").text_content() == "Reconnecting…"
        server = serve(show, tmp_path, port)
        back = time.monotonic()
        page.wait_for_selector(".conn-status", state="hidden", timeout=6000)
        assert time.monotonic() - back < 4.0  # backoff capped at 2 s
        page.wait_for_function("() => document.getElementById('big').textContent !== ''")
    finally:
        server.stop()


def test_a_bad_key_says_so_in_one_line(served: Served, page_of) -> None:
    page = page_of(f"{served.base}/timer?token=not-a-token&lang=en")
    page.wait_for_selector(".conn-status[data-kind='fatal']", timeout=6000)
    assert page.locator(".conn-status").text_content() == (
        "This link's key is not valid any more — ask the moderator for a new link"
    )
    page = page_of(f"{served.base}/backstage?token=not-a-token&lang=fr")
    page.wait_for_selector(".conn-status[data-kind='fatal']", timeout=6000)
    assert page.locator(".conn-status").text_content() == (
        "La clé de ce lien n’est plus valable — demandez un nouveau lien au modérateur"
    )


def test_a_link_revoked_during_the_show_says_so_at_once(browser, page_of, tmp_path) -> None:
    from moderator_app.app import sharing

    show = new_show(tmp_path)
    server = serve(show, tmp_path)
    try:
        page = page_of(server.url("timer", lang="en"))
        _wait_synced(page)
        session = open_show(show)
        try:
            sharing.regenerate(session, "view")  # the moderator revokes the view links
        finally:
            session.close()
        page.wait_for_selector(".conn-status[data-kind='fatal']", timeout=4000)
        assert page.locator(".conn-status").text_content() == (
            "This link's key is not valid any more — ask the moderator for a new link"
        )
    finally:
        server.stop()


def test_backstage_note_lands_in_the_journal_and_shows_read(served: Served, page_of) -> None:
    page = page_of(served.url("backstage", lang="en"))
    page.wait_for_selector("#notes li")
    text = "Speaker 3 is late: swap with 4? " + EVIL
    page.fill("#note", text)
    page.click("#notesend")
    item = page.locator("#notes li", has_text="Speaker 3 is late")
    item.wait_for(timeout=3000)
    assert item.locator(".n-state").text_content() == "sent"
    assert item.locator(".n-text").text_content() == text  # plain text, as typed
    session = _session(served)
    try:
        sent = [n for n in app_notes.notes(session) if n.text == text]
        assert len(sent) == 1 and sent[0].read_at is None
        app_notes.mark_read(session, sent[0].seq)  # the moderator's key in the console
    finally:
        session.close()
    item.locator(".n-state.read").wait_for(timeout=2000)
    assert item.locator(".n-state").text_content().startswith("read ")
    assert page.evaluate("window.__xss") is None


def test_backstage_adds_a_chat_question_and_sends_a_speaker_message(
    served: Served, page_of
) -> None:
    page = page_of(served.url("backstage", lang="fr"))
    page.wait_for_selector("#rundown tr")
    assert page.locator("#rundown tr").count() >= 8
    page.fill("#asker", "Léa (chat)")
    page.fill("#qtext", "Quelle place pour les villes moyennes ?")
    page.click("#qadd")
    page.wait_for_function(
        "() => document.getElementById('qfb').textContent === 'Ajoutée à la file'"
    )
    page.fill("#msg", "Deux minutes")
    page.check("#blink")
    page.click("#msgsend")
    page.wait_for_function(
        "() => document.getElementById('msgfb').textContent === 'Affiché sur scène'"
    )
    poll = served.poll()
    assert poll["message"] == "Deux minutes" and poll["message_blink"] is True
    session = _session(served)
    try:
        book = QuestionBook(session)
        added = [
            q for q in book.queue.ordered() if q.text == "Quelle place pour les villes moyennes ?"
        ]
        assert added and added[0].asker == "Léa (chat)" and added[0].source == "chat"
    finally:
        session.close()
    served.api("message/timer/visible/false")


def _title_field(page, index: int):
    return page.locator("#sheet tr").nth(index).locator("input.f-title")


def test_cuesheet_edit_reaches_the_journal_and_a_conflict_keeps_the_typed_text(
    served: Served, page_of
) -> None:
    page = page_of(served.url("cuesheet", lang="en"))
    page.wait_for_selector("#sheet tr")
    field = _title_field(page, 5)
    field.fill("Q&A with the audience")
    field.press("Enter")
    page.wait_for_function("() => document.getElementById('fb').textContent === 'Saved'")
    session = _session(served)
    try:
        assert session.show.segments[5].title == "Q&A with the audience"
        seg_id = session.show.segments[6].id
        # The producer starts typing in segment 7's title ...
        field = _title_field(page, 6)
        field.click()
        field.fill("Conclusions — typed in the browser")
        # ... while someone else changes the same segment.
        version = next(s["version"] for s in rundown_json(session) if s["id"] == seg_id)
        app_cuesheet.edit_segment(
            session, seg_id, {"title": "Conclusions — from the console"}, version
        )
    finally:
        session.close()
    # The push arrives: the field being typed in keeps its text.
    time.sleep(0.5)
    assert _title_field(page, 6).input_value() == "Conclusions — typed in the browser"
    _title_field(page, 6).press("Enter")
    page.wait_for_selector("#banner.conflict", timeout=3000)
    assert page.locator("#banner").text_content() == "changed by someone else — reloaded"
    assert _title_field(page, 6).input_value() == "Conclusions — from the console"
    kept = page.locator(".kept")
    assert "Conclusions — typed in the browser" in kept.text_content()
    session = _session(served)
    try:
        assert session.show.segments[6].title == "Conclusions — from the console"
    finally:
        session.close()
    # "Apply again" writes the kept text over the fresh version.
    kept.get_by_role("button", name="Apply again").click()
    page.wait_for_function(
        "() => document.querySelectorAll('#sheet tr')[6].querySelector('input.f-title').value"
        " === 'Conclusions — typed in the browser'",
        timeout=3000,
    )
    assert page.locator(".kept").count() == 0
    session = _session(served)
    try:
        assert session.show.segments[6].title == "Conclusions — typed in the browser"
    finally:
        session.close()


def test_cuesheet_add_move_delete(served: Served, page_of) -> None:
    page = page_of(served.url("cuesheet", lang="en"))
    page.wait_for_selector("#sheet tr")
    count = page.locator("#sheet tr").count()
    page.click("#add")
    page.wait_for_function(
        "n => document.querySelectorAll('#sheet tr').length === n + 1", arg=count
    )
    last = page.locator("#sheet tr").nth(count)
    assert last.locator("input.f-title").input_value() == "New segment"
    last.get_by_role("button", name="Move up").click()
    page.wait_for_function(
        "n => document.querySelectorAll('#sheet tr')[n - 1].querySelector('input.f-title').value"
        " === 'New segment'",
        arg=count,
    )
    row = page.locator("#sheet tr").nth(count - 1)
    row.get_by_role("button", name="Delete").click()  # arms
    row.locator("button.danger").click()  # confirms
    page.wait_for_function("n => document.querySelectorAll('#sheet tr').length === n", arg=count)
    session = _session(served)
    try:
        assert "New segment" not in [s.title for s in session.show.segments]
        assert len(session.show.segments) == count
    finally:
        session.close()


def test_questions_takes_a_question_on_air_and_the_timer_shows_it(served: Served, page_of) -> None:
    session = _session(served)
    try:
        from moderator_app.app import net_questions

        book = QuestionBook(session)
        q = net_questions.add(book, "Which cities " + EVIL + " lead?", "<b>Ana</b>")
        qid = q.id
    finally:
        session.close()
    page = page_of(served.url("questions", lang="en"))
    item = page.locator(f"li.q-item[data-id='{qid}']")
    item.wait_for(timeout=3000)
    assert item.locator(".q-text").text_content() == "Which cities " + EVIL + " lead?"
    assert item.locator(".q-asker").text_content() == "<b>Ana</b>"
    item.get_by_role("button", name="Star").click()
    page.wait_for_selector(f"li.q-item[data-id='{qid}'] .q-star", timeout=3000)
    item.get_by_role("button", name="Shortlist").click()
    page.wait_for_selector(f"li.q-item[data-id='{qid}'][data-state='shortlisted']", timeout=3000)
    page.locator(f"li.q-item[data-id='{qid}']").get_by_role("button", name="On air").click()
    page.wait_for_function(
        "t => document.getElementById('onair').textContent === t",
        arg="Which cities " + EVIL + " lead?",
        timeout=3000,
    )
    session = _session(served)
    try:
        book = QuestionBook(session)
        assert book.queue.get(qid).state is QState.ON_AIR
        assert book.queue.get(qid).starred
    finally:
        session.close()
    timer = page_of(served.url("timer", lang="en"))
    _wait_synced(timer)
    # On air, but the speakers see it only once the moderator shows it on stage (the
    # console's choice, journaled: app/stage.py).
    assert timer.locator("#qtext").text_content() == ""
    from moderator_app.app import stage

    session = _session(served)
    try:
        stage.set_stage_question(session, True)
    finally:
        session.close()
    try:
        timer.wait_for_function(
            "t => document.getElementById('qtext').textContent === t",
            arg="Which cities " + EVIL + " lead?",
            timeout=3000,
        )
        assert timer.locator("#question img").count() == 0
    finally:
        session = _session(served)
        try:
            stage.set_stage_question(session, False)
        finally:
            session.close()
    page.click("#answered")
    page.wait_for_function(
        "() => document.getElementById('onair').textContent === 'No question on air'", timeout=3000
    )
    assert page.evaluate("window.__xss") is None and timer.evaluate("window.__xss") is None


def test_markup_in_a_title_or_a_message_shows_as_text(served: Served, page_of) -> None:
    session = _session(served)
    try:
        seg = session.show.segments[served.poll()["current_index"] or 0]
        version = next(s["version"] for s in rundown_json(session) if s["id"] == seg.id)
        app_cuesheet.edit_segment(session, seg.id, {"title": "Live " + EVIL}, version)
    finally:
        session.close()
    served.api("message/timer/text/" + quote("Wrap up " + EVIL, safe=""))
    for name in ("timer", "overlay", "backstage", "cuesheet"):
        page = page_of(served.url(name, lang="en"))
        page.wait_for_function(
            "() => document.body.textContent.includes('<img') || "
            "[...document.querySelectorAll('input')].some(i => i.value.includes('<img'))",
            timeout=3000,
        )
        time.sleep(0.3)
        assert page.locator("img").count() == 0, name
        assert page.evaluate("window.__xss") is None, name
    page = page_of(served.url("timer", lang="en"))
    page.wait_for_function("() => document.getElementById('msgtext').textContent !== ''")
    assert page.locator("#title").text_content() == "Live " + EVIL
    assert page.locator("#msgtext").text_content() == "Wrap up " + EVIL
    served.api("message/timer/visible/false")


@pytest.mark.parametrize("width,height", [(360, 640), (1920, 1080), (640, 360)])
def test_the_big_figure_never_overflows(served: Served, page_of, width: int, height: int) -> None:
    _ensure_running(served)
    served.api("message/timer/text/" + "A%20long%20message%20for%20the%20speaker%20" * 3)
    page = page_of(served.url("timer", lang="fr"), width=width, height=height)
    page.wait_for_function("() => document.getElementById('msgtext').textContent !== ''")
    time.sleep(0.3)
    box = page.locator("#big").bounding_box()
    area = page.locator("#bigbox").bounding_box()
    assert box and area and box["width"] > 0
    assert area["x"] - 1 <= box["x"] and box["x"] + box["width"] <= area["x"] + area["width"] + 1
    assert area["y"] - 1 <= box["y"] and box["y"] + box["height"] <= area["y"] + area["height"] + 1
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    # Big enough to read: at least a third of the screen's width or height.
    assert box["width"] >= width / 3 or box["height"] >= height / 3
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert page.evaluate("document.documentElement.scrollHeight <= innerHeight")
    served.api("message/timer/visible/false")


def test_ask_says_thank_you_then_the_rate_limit_in_the_page_language(
    served: Served, page_of
) -> None:
    page = page_of(served.url("ask", lang="fr"), width=360, height=640)
    page.fill("#name", "Awa")
    page.fill("#text", "Comment associer les habitants ?")
    assert page.locator("#count").text_content() == "32 / 500"
    page.click("#submit")
    page.wait_for_selector("#done", state="visible", timeout=3000)
    assert page.locator(".thanks").text_content() == (
        "Merci\u202f! Votre question a été transmise au modérateur."
    )
    page.click("#again")
    page.fill("#text", "Et une deuxième ?")
    page.click("#submit")
    page.wait_for_function("() => document.getElementById('fb').textContent !== ''", timeout=3000)
    assert page.locator("#fb").text_content() == (
        "Une question toutes les 10 secondes, s’il vous plaît — réessayez dans un instant"
    )
    session = _session(served)
    try:
        asked = [
            q
            for q in QuestionBook(session).queue.ordered()
            if q.text == "Comment associer les habitants ?"
        ]
        assert asked and asked[0].source == "audience" and asked[0].asker == "Awa"
    finally:
        session.close()


def test_every_string_exists_in_both_languages_with_french_spacing(served: Served, page_of) -> None:
    page = page_of(served.url("timer"))
    result = page.evaluate("""async () => {
        const m = await import('/static/i18n.js');
        return {en: m.CATALOGUES.en, fr: m.CATALOGUES.fr};
    }""")
    en, fr = result["en"], result["fr"]
    assert set(en) == set(fr)
    for key, text in fr.items():
        for mark in ":;?!":
            assert f" {mark}" not in text, (key, text)
        assert "« " not in text and " »" not in text, (key, text)
        if "«" in text:
            assert "«\u00a0" in text, (key, text)
    # The static pages use only keys the catalogue has.
    for name in ("timer", "backstage", "cuesheet", "questions", "ask"):
        view = page_of(served.url(name, lang="fr"))
        missing = view.evaluate("""async () => {
            const m = await import('/static/i18n.js');
            return [...document.querySelectorAll('[data-i18n]')]
              .map(n => n.dataset.i18n).filter(k => !(k in m.CATALOGUES.fr));
        }""")
        assert missing == [], (name, missing)


def test_overlay_is_transparent_or_keyed_and_its_connection_line_stays_in_a_corner(
    served: Served, page_of
) -> None:
    _ensure_running(served)
    page = page_of(served.url("overlay", lang="en"), width=1920, height=1080)
    _wait_synced(page)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == (
        "rgba(0, 0, 0, 0)"
    )
    assert page.locator("#hint").is_hidden()
    keyed = page_of(served.url("overlay", lang="en", key="green"))
    _wait_synced(keyed)
    assert keyed.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 177, 64)"
    bad = page_of(f"{served.base}/overlay?token=nope&lang=en", width=1920, height=1080)
    bad.wait_for_selector(".conn-status[data-kind='fatal']", timeout=6000)
    box = bad.locator(".conn-status").bounding_box()
    assert box and box["width"] < 1920 * 0.6 and box["height"] < 1080 * 0.2


def test_pages_speak_the_shows_language_unless_the_link_says_otherwise(
    served: Served, page_of
) -> None:
    page = page_of(served.url("backstage"))  # the seed show is in French
    page.wait_for_function("() => document.documentElement.lang === 'fr'")
    assert page.locator("h1").text_content() == "Coulisses"
    assert page.title() == "Coulisses"
    page = page_of(served.url("backstage", lang="en"))
    page.wait_for_selector("#rundown tr")
    assert page.locator("h1").text_content() == "Backstage"
    assert page.evaluate("document.documentElement.lang") == "en"


def test_a_view_link_on_a_producer_page_says_it_cannot_do_that(served: Served, page_of) -> None:
    page = page_of(f"{served.base}/backstage?token={served.token('view')}&lang=en")
    page.wait_for_selector(".conn-status[data-kind='fatal']", timeout=6000)
    assert page.locator(".conn-status").text_content() == (
        "This link cannot do that — ask the moderator for a producer link"
    )
    page.fill("#note", "let me in")
    page.click("#notesend")
    page.wait_for_function("() => document.getElementById('notefb').classList.contains('error')")
    assert page.locator("#notefb").text_content() == (
        "This link cannot do that — ask the moderator for a producer link"
    )


def test_cuesheet_refused_input_says_why_and_keeps_the_text(served: Served, page_of) -> None:
    page = page_of(served.url("cuesheet", lang="en"))
    page.wait_for_selector("#sheet tr")
    field = page.locator("#sheet tr").nth(4).locator("input.f-planned_duration_s")
    before = field.input_value()
    field.fill("twelve minutes")
    field.press("Enter")
    page.wait_for_selector("#banner.error", timeout=3000)
    assert "duration" in page.locator("#banner").text_content()
    assert field.input_value() == before  # the sheet shows what the show holds
    assert "twelve minutes" in page.locator(".kept").text_content()
    page.locator(".kept").get_by_role("button", name="Discard").click()
    assert page.locator(".kept").count() == 0
    field.fill("12:30")
    field.press("Enter")
    page.wait_for_function("() => document.getElementById('fb').textContent === 'Saved'")
    assert page.locator("#banner").is_hidden()
    session = _session(served)
    try:
        assert session.show.segments[4].planned_duration_s == 750
    finally:
        session.close()


def test_a_tap_puts_the_timer_full_screen_and_a_second_tap_leaves(served: Served, page_of) -> None:
    page = page_of(served.url("timer", lang="en"), width=360, height=640)
    _wait_synced(page)
    page.click("#bigbox")
    page.wait_for_function("() => document.fullscreenElement !== null", timeout=3000)
    page.click("#bigbox")
    page.wait_for_function("() => document.fullscreenElement === null", timeout=3000)


def test_a_note_names_its_sender_when_given(served: Served, page_of) -> None:
    page = page_of(served.url("backstage", lang="en"))
    page.wait_for_selector("#notes li")
    page.fill("#sender", "Camille (production)")
    page.fill("#note", "Sound check done")
    page.click("#notesend")
    item = page.locator("#notes li", has_text="Sound check done")
    item.wait_for(timeout=3000)
    assert item.locator(".n-sender").text_content() == " — Camille (production)"
    session = _session(served)
    try:
        sent = [n for n in app_notes.notes(session) if n.text == "Sound check done"]
        assert sent and sent[0].sender == "Camille (production)"
    finally:
        session.close()


def test_questions_move_up_and_down_reorders_the_queue(served: Served, page_of) -> None:
    from moderator_app.app import net_questions

    session = _session(served)
    try:
        book = QuestionBook(session)
        first = net_questions.add(book, "Order test: first", "A").id
        second = net_questions.add(book, "Order test: second", "B").id
    finally:
        session.close()

    def order() -> list[str]:
        s = _session(served)
        try:
            return [q.id for q in QuestionBook(s).queue.ordered() if q.id in (first, second)]
        finally:
            s.close()

    assert order() == [first, second]
    page = page_of(served.url("questions", lang="en"))
    page.locator(f"li.q-item[data-id='{second}']").wait_for(timeout=3000)
    page.locator(f"li.q-item[data-id='{second}']").get_by_role("button", name="Move up").click()
    page.wait_for_function(
        "ids => { const li = [...document.querySelectorAll('li.q-item')].map(n => n.dataset.id);"
        " return li.indexOf(ids[1]) < li.indexOf(ids[0]); }",
        arg=[first, second],
        timeout=3000,
    )
    assert order() == [second, first]
    page.locator(f"li.q-item[data-id='{second}']").get_by_role("button", name="Move down").click()
    page.wait_for_function(
        "ids => { const li = [...document.querySelectorAll('li.q-item')].map(n => n.dataset.id);"
        " return li.indexOf(ids[0]) < li.indexOf(ids[1]); }",
        arg=[first, second],
        timeout=3000,
    )
    assert order() == [first, second]


@pytest.mark.parametrize("name", ["backstage", "cuesheet", "questions", "ask"])
def test_producer_and_audience_pages_fit_a_phone(served: Served, page_of, name: str) -> None:
    _ensure_running(served)
    served.api("message/timer/text/" + quote("Il reste deux minutes — merci de conclure", safe=""))
    page = page_of(served.url(name, lang="fr"), width=360, height=640)
    if name != "ask":
        page.wait_for_function("() => document.querySelector('.live-msg') !== null")
    time.sleep(0.3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    served.api("message/timer/visible/false")


def test_overlay_parts_can_be_left_out_and_the_figure_takes_the_room(
    served: Served, page_of
) -> None:
    _ensure_running(served)
    full = page_of(served.url("overlay", lang="en"), width=1280, height=720)
    bare = page_of(
        served.url("overlay", lang="en", hide="title,speaker,clock,phase"), width=1280, height=720
    )
    for page in (full, bare):
        _wait_synced(page)
    for part in ("#title", "#speaker", "#clock", "#phase"):
        assert full.locator(part).is_visible() and bare.locator(part).is_hidden(), part
    assert (
        bare.locator("#bigbox").bounding_box()["height"]
        > full.locator("#bigbox").bounding_box()["height"]
    )


def test_cuesheet_new_segment_is_titled_in_the_page_language(served: Served, page_of) -> None:
    page = page_of(served.url("cuesheet", lang="fr"))
    page.wait_for_selector("#sheet tr")
    count = page.locator("#sheet tr").count()
    page.click("#add")
    page.wait_for_function(
        "n => document.querySelectorAll('#sheet tr').length === n + 1", arg=count
    )
    assert page.locator("#sheet tr").nth(count).locator("input.f-title").input_value() == (
        "Nouvelle séquence"
    )
    row = page.locator("#sheet tr").nth(count)
    row.get_by_role("button", name="Supprimer").click()
    row.locator("button.danger").click()
    page.wait_for_function("n => document.querySelectorAll('#sheet tr').length === n", arg=count)


def test_ask_while_asking_is_off_says_closed_in_the_page_language(
    browser, page_of, tmp_path
) -> None:
    from moderator_app.app import sharing

    show = new_show(tmp_path)
    server = serve(show, tmp_path, ask=False)
    try:
        session = open_show(show)
        try:
            token = sharing.tokens(session)[sharing.ShareRole.ASK]
        finally:
            session.close()
        page = page_of(f"http://127.0.0.1:{server.port}/ask?token={token}&lang=fr",
                       width=360, height=640)
        page.fill("#text", "Une question ?")
        page.click("#submit")
        page.wait_for_function(
            "() => document.body.innerText.includes('Les questions sont fermées')", timeout=3000)
    finally:
        server.stop()


def test_a_blackout_from_the_moderator_blacks_out_the_speakers_page(served: Served,
                                                                    page_of) -> None:
    page = page_of(served.url("timer", lang="en"), width=1280, height=720)
    page.wait_for_function("() => document.getElementById('big').textContent !== ''",
                           timeout=5000)
    assert served.api("message/timer/blackout/true", "producer")[0] == 202
    try:
        page.wait_for_function("() => document.body.classList.contains('blackout')",
                               timeout=3000)
        assert page.evaluate(
            "() => getComputedStyle(document.querySelector('.stage-grid')).visibility"
        ) == "hidden"
    finally:
        assert served.api("message/timer/blackout/false", "producer")[0] == 202
    page.wait_for_function("() => !document.body.classList.contains('blackout')", timeout=3000)
