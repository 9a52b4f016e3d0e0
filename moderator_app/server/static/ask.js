// /ask: the audience's question form (name optional). It says "thank you", or the server's
// refusal in one line (too many questions from this device, asking closed, too long).

import { counter, currentLang, params, refusalKey, setLang, start, t } from "./common.js";

const $ = (id) => document.getElementById(id);
let limit = 500;
let updateCount = () => {};

function api(path) {
  const lang = params.lang ? `&lang=${encodeURIComponent(params.lang)}` : "";
  return `${path}?token=${encodeURIComponent(params.token)}${lang}`;
}

function say(text, ok) {
  const fb = $("fb");
  fb.textContent = text;
  fb.className = `feedback ${ok ? "ok" : "error"}`;
}

async function config() {
  try {
    const res = await fetch(api("/api/ask/config"), { cache: "no-store" });
    if (res.ok) {
      const data = await res.json();
      if (data.lang) setLang(data.lang);
      if (Number.isInteger(data.limit) && data.limit > 0) limit = data.limit;
      $("text").maxLength = limit * 2; // typed past the limit shows red, the server decides
      updateCount = counter($("text"), $("count"), limit);
      if (data.enabled === false) closed(t("ask.off"));
      return;
    }
    const key = refusalKey(res.status);
    if (key) closed(t(key));
  } catch {
    // no configuration route: the defaults
  }
  updateCount = counter($("text"), $("count"), limit);
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
      say(res.status === 401 ? t(key) : message || (key ? t(key) : t("conn.noAnswer")), false);
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
  config();
}

init();
