// What every browser view shares: the link's parameters, the words (FR/EN), building DOM from
// plain text, the WebSocket connection with its reconnection, the clock offset from the server
// and the scheduling of the server's frames on the server's second boundary.
//
// Nothing from the network is ever parsed as HTML: every text goes through textContent or
// createTextNode (el() below), so a question typed as "<img src=x onerror=…>" shows as typed.

import { CATALOGUES, city } from "./i18n.js";

const query = new URLSearchParams(location.search);
export const params = {
  token: query.get("token") || "",
  lang: (query.get("lang") || "").toLowerCase(),
  get: (name) => query.get(name),
};

// -- words -----------------------------------------------------------------------------------

let serverLang = ""; // the language the server words its texts in (hello.lang)
let lang = params.lang === "fr" || params.lang === "en" ? params.lang : guessLang();
const langListeners = [];

function guessLang() {
  return (navigator.language || "en").toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function currentLang() {
  return lang;
}

/** The show's language from the server's hello, unless the link chose one with ?lang=. */
export function setLang(value, { fromLink = false } = {}) {
  if (!fromLink && (params.lang === "fr" || params.lang === "en")) return;
  if (value !== "fr" && value !== "en") return;
  if (value === lang && document.documentElement.lang === value) return;
  lang = value;
  document.documentElement.lang = value;
  applyWords(document);
  for (const fn of langListeners) fn(value);
}

export function onLang(fn) {
  langListeners.push(fn);
}

/** The words for ``key`` in the page's language, {0} {1}… replaced by ``args`` (as text). */
export function t(key, ...args) {
  const text = CATALOGUES[lang][key] ?? CATALOGUES.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => (args[i] === undefined ? "" : String(args[i])));
}

/** ``key`` or, for one (and zero in French), ``key + "1"``: "1 question", « 0 question ». */
export function plural(key, n) {
  const one = lang === "fr" ? Math.abs(n) < 2 : n === 1;
  return t(one ? `${key}1` : key, n);
}

export function cityName(name) {
  return city(name, lang);
}

/** Fill every element marked data-i18n (text), data-i18n-placeholder, data-i18n-title,
 * data-i18n-aria (aria-label). */
export function applyWords(root) {
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  for (const node of root.querySelectorAll("[data-i18n-title]")) node.title = t(node.dataset.i18nTitle);
  for (const node of root.querySelectorAll("[data-i18n-aria]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nAria));
  }
  const title = document.querySelector("title[data-i18n]");
  if (title) document.title = t(title.dataset.i18n);
}

// -- DOM from plain text -----------------------------------------------------------------------

/** A new element: ``props`` may hold class, text (set as textContent), title, dataset, attrs
 * and on{Event} handlers; ``children`` are nodes or strings (text nodes). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "title") node.title = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "attrs") for (const [a, v] of Object.entries(value)) node.setAttribute(a, v);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2).toLowerCase(), value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export function setText(node, text) {
  const value = text === null || text === undefined ? "" : String(text);
  if (node.textContent !== value) node.textContent = value;
}

// -- times -------------------------------------------------------------------------------------

/** A time of day as the browsers show it: 24-hour hours and minutes, the wall-clock time of
 * the ISO text itself (the server sends times in the show's zone, with their offset) — the
 * server's own rule for the headline (app/live_words.clock_text), so the two never disagree. */
export function clockTime(iso, withSeconds = false) {
  if (typeof iso !== "string") return "";
  const match = /T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!match) return "";
  return withSeconds ? `${match[1]}:${match[2]}:${match[3]}` : `${match[1]}:${match[2]}`;
}

/** A time of day in the show's zone ``zoneName`` from an ISO instant in any offset (a note's
 * UTC stamp), 24-hour like clockTime; the ISO text's own time when the zone is unknown. */
export function zoneTime(iso, zoneName) {
  if (typeof iso !== "string") return "";
  const moment = new Date(iso);
  if (!zoneName || Number.isNaN(moment.getTime())) return clockTime(iso);
  try {
    const parts = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zoneName,
    }).formatToParts(moment);
    const get = (type) => (parts.find((p) => p.type === type) || {}).value || "00";
    return `${get("hour")}:${get("minute")}`;
  } catch {
    return clockTime(iso);
  }
}

/** Seconds as m:ss or h:mm:ss (the console's format_duration); ``signed`` adds +/−. */
export function duration(seconds, signed = false) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return "";
  const sign = seconds < 0 ? "−" : signed ? "+" : "";
  let s = Math.round(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n) => String(n).padStart(2, "0");
  return sign + (h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`);
}

/** The headline state line: the server's words when it speaks the page's language, else
 * worded here from its code and arguments (the console's TimerPanel words). */
export function headlineText(view) {
  if (view.headline_text && (serverLang === lang || !view.headline)) return view.headline_text;
  const args = Array.isArray(view.headline_args) ? view.headline_args : [];
  switch (view.headline) {
    case "starts_at": {
      const ahead = Date.parse(args[0]) - Date.parse(view.now);
      if (ahead > 12 * 3600 * 1000) return t("hl.starts_on", String(args[0]).slice(0, 10), clockTime(args[0]));
      return t("hl.starts_at", clockTime(args[0]));
    }
    case "planned_ago":
      return t("hl.planned_ago", clockTime(args[0]), spanText(args[1]));
    case "rehearsal":
      return t("hl.planned_ago", String(args[0]).slice(0, 10), spanText(args[1]));
    case "live":
      return t("hl.live", args[0], args[1]);
    case "paused":
    case "finished":
    case "no_segments":
      return t(`hl.${view.headline}`);
    default:
      return view.headline_text || "";
  }
}

/** A span of seconds: h:mm:ss, or "3 d 4 h" beyond a day. */
export function spanText(seconds) {
  const s = Math.abs(Number(seconds) || 0);
  if (s < 86400) return duration(s);
  return t("stage.span", Math.floor(s / 86400), Math.floor((s % 86400) / 3600));
}

// -- status line (connection, bad key) ---------------------------------------------------------

let statusBox = null;

function statusNode() {
  if (!statusBox) {
    statusBox = el("div", { class: "conn-status", attrs: { role: "status", "aria-live": "polite" } });
    statusBox.hidden = true;
    document.body.append(statusBox);
  }
  return statusBox;
}

/** Show one line over the page (``kind``: "reconnecting" or "fatal"), or hide it (null). */
export function showStatus(key, kind = "reconnecting") {
  const box = statusNode();
  box.dataset.kind = kind;
  box.dataset.key = key || "";
  if (!key) {
    box.hidden = true;
    document.body.classList.remove("conn-lost", "conn-fatal");
    return;
  }
  box.textContent = "";
  box.append(el("span", { class: "conn-text", text: t(key) }));
  box.hidden = false;
  document.body.classList.toggle("conn-lost", kind === "reconnecting");
  document.body.classList.toggle("conn-fatal", kind === "fatal");
}

onLang(() => {
  if (statusBox && !statusBox.hidden && statusBox.dataset.key) {
    showStatus(statusBox.dataset.key, statusBox.dataset.kind);
  }
});

/** The line to show for an HTTP/WebSocket status of a refused request. */
export function refusalKey(status) {
  if (status === 401) return params.token ? "conn.badKey" : "conn.noKey";
  if (status === 403) return "conn.tooLow";
  if (status === 503) return "conn.full";
  return null;
}

// -- the connection ----------------------------------------------------------------------------

const SILENCE_MS = 3000; // no data for this long: "reconnecting…"
const HEARTBEAT_MS = 1000; // a ping when nothing came for this long (a paused show is quiet)
const BACKOFF_MS = [250, 500, 1000, 2000]; // reconnection delays, capped at 2 s
const SYNC_FIRST = 8; // pings at connection for the clock offset
const SYNC_AGAIN = 3; // pings at every refresh
const SYNC_EVERY_MS = 30000;
const STEP_MS = 50; // a clock step larger than this triggers a new measure at once
const SAMPLE_KEEP_MS = 120000; // older round trips no longer speak for the clock
const REPLY_TIMEOUT_MS = 8000;
const RANK = { view: 1, producer: 2, control: 3 };
const REVOKED = 4001; // the server closes a link whose token was regenerated (server/hub.py)

/**
 * The page's link to the server. ``handlers``: hello, state(msg), view(view, frame) — called
 * at the frame's instant on the server's clock —, rundown, questions, notes. ``needs``: the
 * role the page is for ("producer"): a link of a lower role says so at once.
 */
export class Connection {
  constructor(handlers = {}, needs = "view") {
    this.handlers = handlers;
    this.needs = needs;
    this.ws = null;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, timer}
    this.samples = []; // {rtt, offset, at}
    this.offset = 0; // server clock minus this page's Date.now(), in ms
    this.synced = false;
    this.lastData = 0; // performance.now() of the last message: silence is timed on a clock
    // that never jumps (Date.now() may be stepped by the system, which is what offset corrects)
    this.attempt = 0;
    this.timers = []; // frames waiting for their instant
    this.seq = 0;
    this.role = "";
    this.fatal = false;
    this.hello = false;
    this.debug = { flips: [] };
    window.__moderator = this.debug; // read by the tests and the flip-lag benchmark
    setInterval(() => this.watch(), 250);
    setInterval(() => this.sync(SYNC_AGAIN), SYNC_EVERY_MS);
    this.open();
  }

  url() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const lang = params.lang ? `&lang=${encodeURIComponent(params.lang)}` : "";
    return `${scheme}//${location.host}/ws?token=${encodeURIComponent(params.token)}${lang}`;
  }

  open() {
    if (this.fatal) return;
    if (!params.token) {
      this.fail("conn.noKey");
      return;
    }
    let ws;
    try {
      ws = new WebSocket(this.url());
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    this.hello = false;
    ws.onopen = () => {
      this.lastData = performance.now();
    };
    ws.onmessage = (event) => this.receive(event.data);
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.failPending();
      if (event.code === REVOKED) this.fail("conn.badKey");
      else if (!this.hello) this.checkKey();
      else this.retry();
    };
    ws.onerror = () => {};
  }

  /** The handshake failed: ask the API why (a browser cannot read a WebSocket's status). */
  async checkKey() {
    try {
      const res = await fetch(`/api/poll?token=${encodeURIComponent(params.token)}`, { cache: "no-store" });
      const key = refusalKey(res.status);
      if (key && res.status !== 503) {
        this.fail(key);
        return;
      }
    } catch {
      // the server is away: keep trying
    }
    this.retry();
  }

  fail(key) {
    this.fatal = true;
    showStatus(key, "fatal");
    if (this.handlers.fatal) this.handlers.fatal(key);
  }

  retry() {
    if (this.fatal) return;
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    setTimeout(() => this.open(), delay);
  }

  watch() {
    if (this.fatal) return;
    // This page's clock stepped (Date.now() moved apart from the monotonic clock): measure the
    // offset again now rather than at the next 30 s refresh.
    const skew = Date.now() - performance.now();
    if (this.skew !== undefined && Math.abs(skew - this.skew) > STEP_MS) this.sync(SYNC_AGAIN);
    this.skew = skew;
    const quiet = performance.now() - this.lastData;
    if (quiet > SILENCE_MS) {
      showStatus("conn.reconnecting");
      // A half-open socket (a cable pulled) never closes by itself: drop it and dial again.
      if (this.ws && this.ws.readyState === WebSocket.OPEN && quiet > SILENCE_MS + HEARTBEAT_MS) {
        const ws = this.ws;
        this.ws = null;
        ws.close();
        this.failPending();
        this.retry();
      }
    } else if (this.ws && this.ws.readyState === WebSocket.OPEN && quiet > HEARTBEAT_MS) {
      this.ping();
    }
  }

  raw(message) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  ping() {
    this.raw({ tag: "ping", id: this.nextId++, t0: Date.now() });
  }

  sync(count) {
    for (let i = 0; i < count; i++) setTimeout(() => this.ping(), i * 60);
  }

  receive(text) {
    let msg;
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    this.lastData = performance.now();
    if (msg === null || typeof msg !== "object") return;
    switch (msg.tag) {
      case "hello":
        this.hello = true;
        this.attempt = 0;
        this.role = msg.role || "";
        if (typeof msg.seq === "number") this.seq = msg.seq;
        if ((RANK[this.role] || 0) < (RANK[this.needs] || 0)) showStatus("conn.tooLow", "fatal");
        else showStatus(null);
        if (msg.lang) {
          serverLang = msg.lang;
          setLang(msg.lang);
        }
        this.sync(SYNC_FIRST);
        if (this.handlers.hello) this.handlers.hello(msg);
        break;
      case "pong":
        this.pong(msg);
        break;
      case "state":
        if (typeof msg.seq === "number") this.seq = msg.seq;
        if (statusBox && statusBox.dataset.kind === "reconnecting") showStatus(null);
        if (this.handlers.state) this.handlers.state(msg);
        this.schedule(msg.frames || []);
        break;
      case "reply":
        this.settle(msg);
        break;
      default:
        if (this.handlers[msg.tag]) this.handlers[msg.tag](msg);
    }
  }

  pong(msg) {
    const t3 = Date.now();
    if (typeof msg.t0 !== "number" || typeof msg.server_us !== "number") return;
    const rtt = t3 - msg.t0;
    if (rtt < 0) return; // the page's clock was set back between ping and pong
    const offset = msg.server_us / 1000 - (msg.t0 + t3) / 2;
    // The true offset lies within rtt/2 of this sample's. If the current estimate is outside
    // that, this page's clock was stepped (NTP, a user): the older samples are void.
    if (this.synced && Math.abs(offset - this.offset) > rtt / 2 + 5) this.samples = [];
    this.samples.push({ rtt, offset, at: t3 });
    this.samples = this.samples.filter((s) => t3 - s.at < SAMPLE_KEEP_MS).slice(-40);
    // The round trip least delayed by the network says the most about the clocks.
    const best = this.samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    const moved = Math.abs(best.offset - this.offset) > 1;
    this.offset = best.offset;
    this.synced = true;
    this.debug.offset = this.offset;
    this.debug.rtt = best.rtt;
    if (moved && this.lastFrames) this.schedule(this.lastFrames);
  }

  /** The server's clock now, in ms. */
  serverNow() {
    return Date.now() + this.offset;
  }

  /** Show each frame at its instant on the server's clock: the latest one already due now,
   * the later ones by a timer set on this page's clock corrected by the offset. */
  schedule(frames) {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.lastFrames = frames;
    const now = this.serverNow();
    let due = null;
    for (const frame of frames) {
      if (!frame || typeof frame.at_us !== "number") continue;
      const at = frame.at_us / 1000;
      if (at <= now) {
        if (!due || frame.at_us >= due.at_us) due = frame;
      } else {
        this.timers.push(setTimeout(() => this.apply(frame, true), at - now));
      }
    }
    if (due) this.apply(due, false);
  }

  /** Show ``frame``: ``onTime`` when a timer set for its instant fired (a flip), false when it
   * was already due as it arrived (a journal change, or a push that came late). */
  apply(frame, onTime) {
    if (this.shownAt && frame.at_us < this.shownAt) return; // an older frame arriving late
    this.shownAt = frame.at_us;
    if (this.handlers.view) this.handlers.view(frame.view || {}, frame);
    const flips = this.debug.flips;
    const big = frame.view ? frame.view.big : null;
    flips.push({
      at_us: frame.at_us,
      big,
      changed: big !== this.debug.big, // the big figure changed (not only the clock's second)
      on_time: onTime,
      real_ms: performance.timeOrigin + performance.now(),
      page_ms: Date.now(),
    });
    this.debug.big = big;
    if (flips.length > 200) flips.splice(0, flips.length - 200);
  }

  /** Send a command; resolves to the server's reply {status, message, payload}. */
  command(tag, payload = {}, ifSeq = undefined) {
    const id = this.nextId++;
    const message = { tag, id, payload };
    if (ifSeq !== undefined && ifSeq !== null) message.if = ifSeq;
    return new Promise((resolve) => {
      if (!this.raw(message)) {
        resolve({ status: 0, message: t("conn.noAnswer") });
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ status: 0, message: t("conn.noAnswer") });
      }, REPLY_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
    });
  }

  settle(msg) {
    const waiting = this.pending.get(msg.id);
    if (!waiting) return;
    this.pending.delete(msg.id);
    clearTimeout(waiting.timer);
    waiting.resolve({ status: msg.status, message: msg.message || "", payload: msg.payload });
  }

  failPending() {
    for (const [, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.resolve({ status: 0, message: t("conn.noAnswer") });
    }
    this.pending.clear();
  }
}

/** The line to show for a command's reply: "" for success, else the reason in one line. */
export function replyLine(reply) {
  if (reply.status >= 200 && reply.status < 300) return "";
  const key = refusalKey(reply.status);
  if (key) return t(key);
  if (reply.status === 0) return t("conn.noAnswer");
  return reply.message || t("conn.noAnswer");
}

/** A short-lived line next to a form ("Sent", or the refusal). */
export function flash(node, text, ok = true, ms = 4000) {
  node.textContent = text;
  node.classList.toggle("ok", ok);
  node.classList.toggle("error", !ok);
  clearTimeout(node._flashTimer);
  if (ok && text) node._flashTimer = setTimeout(() => (node.textContent = ""), ms);
}

/** Wire a text field to its character counter ("12 / 500"), red when over the limit. */
export function counter(field, node, limit) {
  const update = () => {
    const used = [...field.value].length;
    node.textContent = t("ask.counter", used, limit);
    node.classList.toggle("over", used > limit);
  };
  field.addEventListener("input", update);
  onLang(update);
  update();
  return update;
}

export function start() {
  document.documentElement.lang = lang;
  applyWords(document);
}
