// /backstage: the producer's view — the live state, the whole rundown with planned and
// projected starts, a message to the speaker, notes to the moderator (sent / read) and a
// question typed from the chat.

import {
  clockTime, counter, zoneTime, duration, el, flash, onLang, replyLine, start, t,
} from "./common.js";
import { connect } from "./remote.js";
import { renderLive } from "./live.js";

const $ = (id) => document.getElementById(id);
let conn;
let segments = [];
let notes = [];
let lastView = null;

function renderRundown() {
  const rows = segments.map((s) => {
    const tag = s.state === "current" || s.state === "next" ? t(`bs.state.${s.state}`) : "";
    // Projected more than half a minute after the plan: shown in the "late" colour.
    const late = Date.parse(s.projected_start) - Date.parse(s.planned_start) > 30000;
    const who = [s.speaker, s.organisation].filter(Boolean).join(" — ");
    return el("tr", { class: s.state, dataset: { id: s.id } },
      el("td", { class: "num", text: String(s.index + 1) }),
      el("td", {},
        tag ? el("span", { class: "tag", text: tag }) : null,
        el("div", { class: "seg-title", text: s.title || "" }),
        who ? el("div", { class: "who", text: who }) : null),
      el("td", { class: "time", text: duration(s.planned_duration_s) }),
      el("td", { class: "time", text: clockTime(s.planned_start) }),
      el("td", { class: `time ${late && s.state !== "done" ? "late" : ""}`, text: clockTime(s.projected_start) }),
      el("td", { class: "time c-hard", text: s.hard_start ? s.hard_start.slice(0, 5) : "" }));
  });
  $("rundown").replaceChildren(...rows);
}

function zone() {
  return lastView ? lastView.zone_name : "";
}

function renderNotes() {
  const list = $("notes");
  if (!notes.length) {
    list.replaceChildren(el("li", { class: "hint", text: t("bs.noNotes") }));
    return;
  }
  const items = [...notes].reverse().map((n) => {
    const read = Boolean(n.read_at);
    const state = read ? t("label.readAt", zoneTime(n.read_at, zone())) : t("label.sent");
    return el("li", { dataset: { seq: String(n.seq) } },
      el("span", { class: "n-time", text: zoneTime(n.at, zone()) }),
      el("span", { class: "n-body" },
        el("span", { class: "n-text", text: n.text || "" }),
        n.sender ? el("span", { class: "n-sender", text: ` — ${n.sender}` }) : null),
      el("span", { class: `n-state ${read ? "read" : "sent"}`, text: state }));
  });
  list.replaceChildren(...items);
}

async function send(button, feedback, tag, payload, okText, clear) {
  button.disabled = true;
  flash(feedback, t("label.sending"), true);
  const reply = await conn.command(tag, payload);
  button.disabled = false;
  const problem = replyLine(reply);
  if (problem) flash(feedback, problem, false);
  else {
    flash(feedback, okText, true);
    if (clear) clear();
  }
}

function renderStageMessage(view) {
  $("stagemsg").textContent = view.message ? t("bs.message", view.message) : t("bs.noMessage");
}

function init() {
  start();
  counter($("msg"), $("msgcount"), 1000);
  try {
    $("sender").value = localStorage.getItem("moderator.sender") || "";
  } catch {
    // storage off
  }
  const noteCount = counter($("note"), $("notecount"), 500);
  const qCount = counter($("qtext"), $("qcount"), 1000);
  $("msgsend").addEventListener("click", () => {
    const text = $("msg").value.trim();
    if (!text) return;
    send($("msgsend"), $("msgfb"), "message", { text, blink: $("blink").checked }, t("bs.msgShown"));
  });
  $("msgclear").addEventListener("click", () =>
    send($("msgclear"), $("msgfb"), "clear-message", {}, t("bs.msgCleared")));
  $("notesend").addEventListener("click", () => {
    const text = $("note").value.trim();
    if (!text) return;
    const payload = { text };
    const sender = $("sender").value.trim();
    if (sender) payload.sender = sender;
    try {
      localStorage.setItem("moderator.sender", sender); // the producer's name, next time too
    } catch {
      // storage off: the name is typed again next time
    }
    send($("notesend"), $("notefb"), "note", payload, t("label.sent"), () => {
      $("note").value = "";
      noteCount();
    });
  });
  $("qadd").addEventListener("click", () => {
    const text = $("qtext").value.trim();
    if (!text) return;
    const payload = { text };
    const asker = $("asker").value.trim();
    if (asker) payload.asker = asker;
    send($("qadd"), $("qfb"), "question.add", payload, t("bs.added"), () => {
      $("qtext").value = "";
      $("asker").value = "";
      qCount();
    });
  });
  onLang(() => {
    renderRundown();
    renderNotes();
    if (lastView) {
      renderLive($("live"), lastView);
      renderStageMessage(lastView);
    }
  });
  renderNotes();
  conn = connect({
    view: (view) => {
      lastView = view;
      renderLive($("live"), view);
      renderStageMessage(view);
    },
    rundown: (msg) => {
      segments = Array.isArray(msg.segments) ? msg.segments : [];
      renderRundown();
    },
    notes: (msg) => {
      notes = Array.isArray(msg.items) ? msg.items : [];
      renderNotes();
    },
  }, "producer");
}

init();
