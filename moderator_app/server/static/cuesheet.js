// /cuesheet: the run sheet, editable by a producer. Each edit is a cuesheet.* command carrying
// the version of the segment it was decided on; when someone else changed that segment since,
// the server refuses (409) and pushes the run sheet again: the page says "changed by someone
// else — reloaded", shows the fresh values, and keeps the producer's typed text on screen with
// "Apply again" — a typed text is never dropped silently.

import {
  duration, el, flash, onLang, replyLine, start, t,
} from "./common.js";
import { connect } from "./remote.js";
import { renderLive } from "./live.js";

const $ = (id) => document.getElementById(id);
const FIELDS = ["title", "speaker", "planned_duration_s", "hard_start", "notes"];
const LABELS = {
  title: "cs.col.title", speaker: "cs.col.speaker", planned_duration_s: "cs.col.duration",
  hard_start: "cs.col.hard", notes: "cs.col.notes",
};
let conn;
let segments = [];
let kept = []; // {key, id, field, value, title}
let lastView = null;
let keySeq = 0;
let rendering = false; // the sheet is being redrawn: focus moves are not the producer's

/** The text a field shows for segment ``s``. */
function shown(s, field) {
  if (field === "planned_duration_s") return duration(s.planned_duration_s);
  if (field === "hard_start") return s.hard_start ? s.hard_start.replace(/:00$/, "") : "";
  return s[field] || "";
}

function byId(id) {
  return segments.find((s) => s.id === id);
}

function structureVersion() {
  return segments.reduce((v, s) => Math.max(v, s.version || 0), 0);
}

/** A new segment at row ``at``, titled in the page's language. */
function newSegment(at) {
  return { at, version: structureVersion(), title: t("cs.newTitle") };
}

function isConflict(reply) {
  return reply.status === 409 && /changed by someone else|modifié par quelqu/i.test(reply.message || "");
}

function banner(text, kind) {
  const box = $("banner");
  box.hidden = !text;
  box.className = `banner ${kind || ""}`;
  box.textContent = text || "";
}

function field(s, name) {
  const value = shown(s, name);
  const props = {
    class: `f-${name}`,
    dataset: { id: s.id, field: name, orig: value },
    value,
    onfocus: (e) => {
      if (rendering) return;
      // What the producer starts from: the version (a change by someone else meanwhile is a
      // conflict) and the text (leaving the field with it unchanged writes nothing).
      e.target.dataset.version = String(byId(s.id)?.version ?? s.version ?? 0);
      e.target.dataset.orig = shown(byId(s.id) || s, name);
    },
    onblur: (e) => {
      if (!rendering && e.target.value !== e.target.dataset.orig) commit(e.target);
    },
    onkeydown: (e) => {
      if (e.key === "Enter" && (name !== "notes" || !e.shiftKey)) {
        e.preventDefault();
        e.target.blur();
      } else if (e.key === "Escape") {
        e.target.value = e.target.dataset.orig || "";
        e.target.blur();
      }
    },
    attrs: { "aria-label": `${t(LABELS[name])} ${s.index + 1}` },
  };
  if (name === "notes") return el("textarea", { ...props, maxLength: 1000, rows: 2 });
  return el("input", { ...props, type: "text", maxLength: name === "title" || name === "speaker" ? 300 : 20, autocomplete: "off" });
}

async function commit(input) {
  const id = input.dataset.id;
  const name = input.dataset.field;
  const value = input.value;
  const seg = byId(id);
  if (!seg) return;
  const version = Number(input.dataset.version || seg.version || 0);
  delete input.dataset.version;
  input.classList.add("saving");
  input.dataset.pending = "1";
  const reply = await conn.command("cuesheet.set", { id, fields: { [name]: value }, version });
  delete input.dataset.pending;
  input.classList.remove("saving");
  // Accepted: the pushed run sheet redraws the field. Refused: redraw now from the last push
  // (the server pushed the fresh run sheet before its reply) with the typed text kept aside.
  if (!answered(reply, { id, field: name, value, title: seg.title })) render();
}

function keep(entry) {
  kept = kept.filter((k) => !(k.id === entry.id && k.field === entry.field));
  kept.push({ ...entry, key: ++keySeq });
  renderKept();
}

/** Say what came of an edit; a refused typed text stays on screen to be applied again. */
function answered(reply, typed) {
  const problem = replyLine(reply);
  if (!problem) {
    banner("");
    flash($("fb"), t("cs.saved"), true);
    if (typed) {
      kept = kept.filter((k) => !(k.id === typed.id && k.field === typed.field));
      renderKept();
    }
    return true;
  }
  if (isConflict(reply)) banner(t("cs.conflict"), "conflict");
  else banner(problem, "error");
  if (typed && typed.field) keep(typed);
  return false;
}

function renderKept() {
  const items = kept.map((k) => {
    const seg = byId(k.id);
    const where = `${t(LABELS[k.field])} — ${seg ? seg.title : k.title}`;
    return el("div", { class: "kept", dataset: { id: k.id, field: k.field } },
      el("span", { class: "kept-text", text: t("cs.yourText", where, k.value) }),
      el("button", {
        type: "button", class: "primary", text: t("cs.reapply"), disabled: !seg,
        onclick: async () => {
          const now = byId(k.id);
          if (!now) return;
          const reply = await conn.command("cuesheet.set", {
            id: k.id, fields: { [k.field]: k.value }, version: now.version,
          });
          answered(reply, { ...k, title: now.title });
        },
      }),
      el("button", {
        type: "button", text: t("cs.discard"),
        onclick: () => {
          kept = kept.filter((x) => x.key !== k.key);
          renderKept();
        },
      }));
  });
  $("kept").replaceChildren(...items);
}

async function structural(tag, payload, button) {
  if (button) button.disabled = true;
  const reply = await conn.command(tag, payload);
  if (button) button.disabled = false;
  answered(reply, null);
}

function deleteButton(s) {
  const button = el("button", {
    type: "button", class: "icon", text: "✕", title: t("cs.delete"),
    attrs: { "aria-label": t("cs.delete") },
    disabled: s.state === "current",
  });
  // Two presses: the first asks, the second deletes (a stray tap never deletes).
  button.addEventListener("click", () => {
    if (button.dataset.armed) {
      structural("cuesheet.delete", { id: s.id, version: s.version }, button);
      return;
    }
    button.dataset.armed = "1";
    button.classList.add("danger");
    button.textContent = t("cs.deleteConfirm", s.title);
    setTimeout(() => {
      delete button.dataset.armed;
      button.classList.remove("danger");
      button.textContent = "✕";
    }, 4000);
  });
  return button;
}

function row(s, i) {
  const live = s.state === "current";
  const actions = el("td", { class: "c-act" },
    el("button", {
      type: "button", class: "icon", text: "↑", title: t("cs.up"), attrs: { "aria-label": t("cs.up") },
      disabled: i === 0 || live,
      onclick: (e) => structural("cuesheet.move", { id: s.id, to: i - 1, version: s.version }, e.currentTarget),
    }),
    " ",
    el("button", {
      type: "button", class: "icon", text: "↓", title: t("cs.down"), attrs: { "aria-label": t("cs.down") },
      disabled: i === segments.length - 1 || live,
      onclick: (e) => structural("cuesheet.move", { id: s.id, to: i + 1, version: s.version }, e.currentTarget),
    }),
    " ",
    el("button", {
      type: "button", class: "icon", text: "+", title: t("cs.addAfter"), attrs: { "aria-label": t("cs.addAfter") },
      onclick: (e) => structural("cuesheet.insert", newSegment(i + 1), e.currentTarget),
    }),
    " ",
    deleteButton(s));
  const num = el("td", { class: "num", text: String(i + 1) });
  return el("tr", { class: s.state || "", dataset: { id: s.id } },
    num,
    el("td", { class: "c-title", dataset: { label: t("cs.col.title") } },
      live ? el("span", { class: "tag", text: t("cs.live") }) : null, field(s, "title")),
    el("td", { class: "c-speaker", dataset: { label: t("cs.col.speaker") } }, field(s, "speaker")),
    el("td", { class: "c-dur", dataset: { label: t("cs.col.duration") } }, field(s, "planned_duration_s")),
    el("td", { class: "c-hard", dataset: { label: t("cs.col.hard") } }, field(s, "hard_start")),
    el("td", { class: "c-notes", dataset: { label: t("cs.col.notes") } }, field(s, "notes")),
    actions);
}

/** Draw the sheet again from the pushed run sheet, keeping what is being typed: the focused
 * field keeps its text, caret and the version it started from. */
function render() {
  const active = document.activeElement;
  let keepTyping = null;
  if (active && active.dataset && active.dataset.field && active.closest("#sheet")) {
    keepTyping = {
      id: active.dataset.id, field: active.dataset.field, value: active.value,
      version: active.dataset.version, orig: active.dataset.orig,
      start: active.selectionStart, end: active.selectionEnd,
    };
  }
  rendering = true;
  try {
    redraw(keepTyping);
  } finally {
    rendering = false;
  }
  renderKept();
}

function redraw(keepTyping) {
  const pending = new Map();
  for (const input of document.querySelectorAll("#sheet [data-pending]")) {
    pending.set(`${input.dataset.id}/${input.dataset.field}`, input.value);
  }
  $("sheet").replaceChildren(...segments.map(row));
  $("empty").hidden = segments.length > 0;
  for (const [key, value] of pending) {
    const [id, name] = key.split("/");
    const input = document.querySelector(`#sheet [data-id="${CSS.escape(id)}"][data-field="${name}"]`);
    if (input) input.value = value;
  }
  if (keepTyping) {
    const input = document.querySelector(
      `#sheet [data-id="${CSS.escape(keepTyping.id)}"][data-field="${keepTyping.field}"]`);
    if (input) {
      input.value = keepTyping.value;
      input.focus({ preventScroll: true });
      if (keepTyping.version !== undefined) input.dataset.version = keepTyping.version;
      if (keepTyping.orig !== undefined) input.dataset.orig = keepTyping.orig;
      try {
        input.setSelectionRange(keepTyping.start, keepTyping.end);
      } catch {
        // not a text field with a caret
      }
    } else {
      // The segment went away while being edited: its text is kept to be applied elsewhere.
      keep({ id: keepTyping.id, field: keepTyping.field, value: keepTyping.value, title: "" });
    }
  }
}

function init() {
  start();
  $("add").addEventListener("click", (e) =>
    structural("cuesheet.insert", newSegment(segments.length), e.currentTarget));
  onLang(() => {
    render();
    if (lastView) renderLive($("live"), lastView);
  });
  conn = connect({
    view: (view) => {
      lastView = view;
      renderLive($("live"), view);
    },
    rundown: (msg) => {
      segments = Array.isArray(msg.segments) ? msg.segments : [];
      render();
    },
  }, "producer");
}

init();
