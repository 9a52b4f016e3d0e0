// /questions: the queue for a co-moderator — each question with its state, votes and asker;
// shortlist, dismiss, star, move up and down, take the next on air, mark it answered.

import { el, flash, onLang, plural, replyLine, start, t } from "./common.js";
import { connect } from "./remote.js";
import { renderLive } from "./live.js";

const $ = (id) => document.getElementById(id);
const OPEN = new Set(["new", "shortlisted", "on_air"]);
const DONE = new Set(["answered", "dismissed"]);
let conn;
let items = [];
let filter = "open";
let lastView = null;

function visible() {
  const shown = items.filter((q) => !q.merged_into);
  if (filter === "open") return shown.filter((q) => OPEN.has(q.state));
  if (filter === "done") return shown.filter((q) => DONE.has(q.state));
  return shown;
}

async function act(button, tag, payload) {
  if (button) button.disabled = true;
  const reply = await conn.command(tag, payload);
  if (button) button.disabled = false;
  const problem = replyLine(reply);
  flash($("fb"), problem || t("label.done"), !problem, 1500);
}

function button(key, onclick, cls = "") {
  return el("button", { type: "button", class: cls, text: t(key), onclick: (e) => onclick(e.currentTarget) });
}

function votes(n) {
  if (n === null || n === undefined) return "";
  return plural("q.votes", n);
}

function asker(q) {
  const who = [q.asker, q.organisation].filter(Boolean).join(" — ");
  return who || t("q.anonymous");
}

/** Move ``q`` one place up or down among the questions shown (the queue's order). */
function move(q, delta, node) {
  const list = visible();
  const i = list.findIndex((x) => x.id === q.id);
  const j = i + delta;
  if (j < 0 || j >= list.length) return;
  // "before": the id it goes in front of (null = the end of the queue).
  const before = delta < 0 ? list[j].id : (list[j + 1] ? list[j + 1].id : null);
  act(node, "question.move", { ids: [q.id], before });
}

function item(q, i, list) {
  const actions = [];
  if (q.state !== "on_air") actions.push(button("q.take", (b) => act(b, "question.state", { id: q.id, state: "on_air" }), "primary"));
  if (q.state === "new") actions.push(button("q.shortlist", (b) => act(b, "question.state", { id: q.id, state: "shortlisted" })));
  if (q.state === "shortlisted") actions.push(button("q.unshortlist", (b) => act(b, "question.state", { id: q.id, state: "new" })));
  if (q.state === "dismissed" || q.state === "answered") {
    actions.push(button("q.restore", (b) => act(b, "question.state", { id: q.id, state: "new" })));
  } else {
    actions.push(button("q.dismiss", (b) => act(b, "question.state", { id: q.id, state: "dismissed" })));
  }
  actions.push(el("button", {
    type: "button", class: "icon", text: q.starred ? "★" : "☆",
    title: t(q.starred ? "q.unstar" : "q.star"), attrs: { "aria-label": t(q.starred ? "q.unstar" : "q.star"), "aria-pressed": String(Boolean(q.starred)) },
    onclick: (e) => act(e.currentTarget, "question.state", { id: q.id, state: q.starred ? "unstar" : "star" }),
  }));
  actions.push(el("button", {
    type: "button", class: "icon", text: "↑", title: t("q.up"), attrs: { "aria-label": t("q.up") },
    disabled: i === 0, onclick: (e) => move(q, -1, e.currentTarget),
  }));
  actions.push(el("button", {
    type: "button", class: "icon", text: "↓", title: t("q.down"), attrs: { "aria-label": t("q.down") },
    disabled: i === list.length - 1, onclick: (e) => move(q, +1, e.currentTarget),
  }));
  return el("li", { class: `q-item ${q.state}`, dataset: { id: q.id, state: q.state } },
    el("div", {},
      el("div", { class: "q-text", text: q.text || "" }),
      el("div", { class: "q-meta" },
        el("span", { class: `q-state ${q.state}`, text: t(`qs.${q.state}`) }),
        q.starred ? el("span", { class: "q-star", text: "★" }) : null,
        el("span", { class: "q-asker", text: asker(q) }),
        q.votes !== null && q.votes !== undefined ? el("span", { class: "q-votes", text: votes(q.votes) }) : null)),
    el("div", { class: "q-actions" }, ...actions));
}

function render() {
  const list = visible();
  $("list").replaceChildren(...(list.length ? list.map(item) : [el("li", { class: "hint", text: t("q.empty") })]));
  $("count").textContent = plural("q.count", list.length);
  const onAir = items.find((q) => q.state === "on_air");
  $("onair").textContent = onAir ? onAir.text : t("q.noneOnAir");
  $("onair").classList.toggle("hint", !onAir);
  $("onairby").textContent = onAir ? asker(onAir) : "";
  $("answered").disabled = !onAir;
  for (const b of document.querySelectorAll("[data-filter]")) {
    b.setAttribute("aria-pressed", String(b.dataset.filter === filter));
  }
}

function init() {
  start();
  $("takenext").addEventListener("click", (e) => act(e.currentTarget, "question.next", {}));
  $("answered").addEventListener("click", (e) => act(e.currentTarget, "question.answered", {}));
  for (const b of document.querySelectorAll("[data-filter]")) {
    b.addEventListener("click", () => {
      filter = b.dataset.filter;
      render();
    });
  }
  onLang(() => {
    render();
    if (lastView) renderLive($("live"), lastView);
  });
  render();
  conn = connect({
    view: (view) => {
      lastView = view;
      renderLive($("live"), view);
    },
    questions: (msg) => {
      items = Array.isArray(msg.items) ? msg.items : [];
      render();
    },
  }, "producer");
}

init();
