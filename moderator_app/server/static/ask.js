// /ask: the audience's question form (name optional). It says "thank you", or the server's
// refusal in one line (too many questions from this device, asking closed, too long).

import { counter, currentLang, params, refusalKey, setLang, start, t } from "./common.js";

const $ = (id) => document.getElementById(id);
// The server's limit for an audience question (app/net_questions.MAX_ASK_CHARS).
const limit = 500;
let updateCount = () => {};

function api(path) {
  return `${path}?token=${encodeURIComponent(params.token)}`;
}

function say(text, ok) {
  const fb = $("fb");
  fb.textContent = text;
  fb.className = `feedback ${ok ? "ok" : "error"}`;
}

/** The show's language: the server's hello on a short-lived WebSocket (an ask link may open
 * one; it receives nothing but the hello). A link's ?lang= wins. */
function language() {
  if (params.lang || !params.token) return;
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  let ws;
  try {
    ws = new WebSocket(`${scheme}//${location.host}/ws?token=${encodeURIComponent(params.token)}`);
  } catch {
    return;
  }
  ws.onmessage = (event) => {
    try {
      const msg = JSON.parse(event.data);
      if (msg && msg.tag === "hello" && msg.lang) {
        setLang(msg.lang);
        updateCount();
      }
    } catch {
      // not JSON: keep the page's language
    }
    ws.close();
  };
  ws.onerror = () => {};
  setTimeout(() => ws.readyState <= WebSocket.OPEN && ws.close(), 5000);
}

function closed(text) {
  say(text, false);
  $("submit").disabled = true;
}

async function submit(event) {
  event.preventDefault();
  const text = $("text").value.trim();
  if (!text) {
    say(t("ask.empty"), false);
    $("text").focus();
    return;
  }
  if ([...text].length > limit) {
    say(t("ask.tooLong", limit), false);
    return;
  }
  const body = { text };
  const name = $("name").value.trim();
  if (name) body.asker = name;
  $("submit").disabled = true;
  say("", true);
  try {
    const res = await fetch(api("/api/ask"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.ok) {
      $("form").hidden = true;
      $("done").hidden = false;
      $("text").value = "";
      updateCount();
    } else {
      let message = "";
      try {
        message = (await res.json()).message || "";
      } catch {
        // not JSON: the status's own line below
      }
      const key = refusalKey(res.status);
      if (res.status === 401 || res.status === 403) say(t(key), false);
      else if (res.status === 404) closed(t("ask.off"));
      else if (res.status === 429) say(t("ask.rate"), false);
      else say(message || t("conn.noAnswer"), false);
    }
  } catch {
    say(t("conn.noAnswer"), false);
  }
  $("submit").disabled = false;
}

function init() {
  start();
  document.documentElement.lang = currentLang();
  $("form").addEventListener("submit", submit);
  $("again").addEventListener("click", () => {
    $("done").hidden = true;
    $("form").hidden = false;
    say("", true);
    $("text").focus();
  });
  updateCount = counter($("text"), $("count"), limit);
  $("text").maxLength = limit * 2; // typed past the limit shows red; the server decides
  if (!params.token) closed(t("conn.noKey"));
  language();
}

init();
