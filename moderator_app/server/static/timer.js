// /timer and /overlay: the stage display's content, as the console's stage window shows it
// (ui/stage_display.content_of), drawn on the server's second boundary.
//
// Link options: ?lang=fr|en, ?zones=1 (speakers' local times), ?hide=clock,title,speaker,
// phase,message,question (parts left out, e.g. for an overlay), ?key=green|blue|magenta|black|
// rrggbb (overlay: a chroma-key background instead of transparency).

import {
  cityName, clockTime, duration, el, onLang, params, setText, start, t,
} from "./common.js";
import { connect } from "./remote.js";

const $ = (id) => document.getElementById(id);
const overlay = document.body.classList.contains("overlay");
const showZones = params.get("zones") === "1";
const HIDEABLE = ["clock", "title", "speaker", "phase", "message", "question"];
const hidden = new Set((params.get("hide") || "").split(",").map((p) => p.trim()).filter((p) => HIDEABLE.includes(p)));
const showClock = !hidden.has("clock");
let lastView = null;
let fittedFor = "";

const KEYS = { green: "#00b140", blue: "#0047bb", magenta: "#ff00ff", black: "#000000" };

function chroma() {
  const key = (params.get("key") || "").toLowerCase();
  const colour = KEYS[key] || (/^#?[0-9a-f]{6}$/.test(key) ? (key[0] === "#" ? key : `#${key}`) : "");
  if (colour) {
    document.body.style.setProperty("--page-bg", colour);
    document.body.classList.add("keyed");
  }
}

/** What the stage shows for ``view`` (the console's content_of, word for word). */
function content(view) {
  const current = view.current || null;
  let title = current ? current.title || "" : "";
  let speaker = current ? current.who || "" : "";
  let digits = view.big || "";
  if (Array.isArray(view.big_span) && view.big_span.length === 2) {
    digits = t("stage.span", view.big_span[0], view.big_span[1]);
  }
  const words = /[^\d:+\-−. ]/.test(digits);
  let phaseText;
  const overtime = view.phase === "overtime" && (view.state === "running" || view.state === "paused");
  if (view.big_kind === "starts_in") phaseText = t("stage.startsIn");
  else if (view.big_kind === "ready") phaseText = t("stage.ready");
  else if (view.state === "finished") {
    digits = "";
    phaseText = t("stage.thankYou");
    title = speaker = "";
  } else {
    phaseText = `${view.symbol || ""} ${t(`phase.${view.phase}`)}`.trim();
    if (overtime) phaseText += ` +${duration(view.overtime_s || 0)}`;
    if (view.state === "paused") phaseText = `❚❚ ${t("stage.paused")}`;
  }
  if (view.has_segments === false) title = t("stage.noSegment");
  return {
    digits,
    words,
    phase: view.phase || "normal",
    phaseText,
    title,
    speaker,
    clock: showClock && view.now ? clockTime(view.now) : "",
    message: view.message || "",
    blink: Boolean(view.message_blink && view.message),
    flash: Boolean(view.flash),
    overtime,
    paused: view.state === "paused",
    finished: view.state === "finished",
    question: view.question || "",
    questionBy: view.question_by || "",
    blackout: Boolean(view.blackout),
  };
}

function render(view) {
  lastView = view;
  const c = content(view);
  const body = document.body;
  body.classList.toggle("blackout", c.blackout);
  body.dataset.phase = c.paused ? "paused" : c.phase;
  body.classList.toggle("flash", c.flash);
  body.classList.toggle("finished", c.finished);
  setText($("title"), c.title);
  setText($("clock"), c.clock);
  setText($("speaker"), c.speaker);
  $("speaker").hidden = !c.speaker;
  setText($("big"), c.digits);
  $("big").classList.toggle("words", c.words);
  setText($("phase"), c.phaseText);
  const q = $("question");
  q.hidden = !c.question;
  setText($("qtext"), c.question);
  setText($("qby"), c.questionBy);
  const m = $("message");
  m.hidden = !c.message;
  m.classList.toggle("blink", c.blink);
  setText($("msgtext"), c.message);
  renderZones(view);
  fit();
}

function renderZones(view) {
  const box = $("zones");
  const zones = showZones && Array.isArray(view.speakers) ? view.speakers : [];
  box.hidden = zones.length === 0;
  if (!zones.length) return;
  const items = zones.map((z) => {
    const place = z.people ? `${z.people} · ${cityName(z.city || "")}` : cityName(z.city || "");
    let time = z.clock || (z.local ? clockTime(z.local) : "?");
    if (z.day_offset) time += t("stage.dayOffset", (z.day_offset > 0 ? "+" : "") + z.day_offset);
    return el("span", { class: "zone" }, el("span", { class: "zone-place", text: place }),
      el("span", { class: "zone-time", text: time }));
  });
  box.replaceChildren(...items);
}

/** The big figure as large as its box allows, never clipped. Sized from a template of the same
 * shape (every digit a 0), so the figure does not breathe each second. */
function fit(force = false) {
  const box = $("bigbox");
  const big = $("big");
  const text = big.textContent;
  const template = text.replace(/\d/g, "0") || "0:00";
  const key = `${template}|${big.className}|${box.clientWidth}x${box.clientHeight}`;
  if (!force && key === fittedFor) return;
  fittedFor = key;
  const width = box.clientWidth;
  const height = box.clientHeight;
  if (width <= 0 || height <= 0) return;
  const probe = $("probe") || document.body.appendChild(el("span", { id: "probe", class: "stage-big probe" }));
  probe.textContent = template;
  probe.classList.toggle("words", big.classList.contains("words"));
  probe.style.fontSize = "100px";
  const w = probe.getBoundingClientRect().width || 1;
  const h = probe.getBoundingClientRect().height || 1;
  const size = Math.max(8, Math.floor(Math.min((width * 0.96) / w, (height * 0.98) / h) * 100));
  big.style.fontSize = `${size}px`;
}

function fullScreen() {
  const doc = document;
  if (doc.fullscreenElement) doc.exitFullscreen().catch(() => {});
  else if (doc.documentElement.requestFullscreen) {
    doc.documentElement.requestFullscreen({ navigationUI: "hide" }).catch(() => {});
  }
}

function init() {
  start();
  chroma();
  for (const part of hidden) document.body.classList.add(`hide-${part}`);
  if (!overlay) {
    document.addEventListener("click", fullScreen);
    document.addEventListener("keydown", (e) => {
      if (e.key === "f" || e.key === "F") fullScreen();
    });
    setTimeout(() => document.getElementById("hint").classList.add("gone"), 4000);
  }
  new ResizeObserver(() => fit()).observe($("bigbox"));
  onLang(() => lastView && render(lastView));
  connect({ view: render });
}

init();
