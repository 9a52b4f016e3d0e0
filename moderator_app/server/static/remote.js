// The remote transport: the same connection the views use on the LAN (common.js Connection —
// events hello/state/rundown/questions/notes/reply/pong, command(), clock sync, frames on the
// server's second boundary), carried by an MQTT broker over WebSocket instead of the console's
// /ws, every payload sealed end to end (AES-256-GCM, the full topic as additional data).
//
// The link is the URL fragment `#b=<broker ws(s) url>&t=<channel>&k=<key>[&u=&p=][&n=]`
// (/work/notes/remote-wire.md). A browser never sends a fragment anywhere: the key `k` stays in
// this page; `u`/`p` are the broker's own login and go to the broker by design.
//
// Pages call connect(): a fragment with b= picks this transport, anything else the LAN /ws.

import { CATALOGUES, frenchSpacing } from "./i18n.js";
import { Connection, onLang, showStatus, t } from "./common.js";

const WORDS = {
  en: {
    "remote.badKey": "This link is incomplete (its key is cut): ask the moderator for the link again.",
    "remote.badLink": "This link is incomplete (it names no broker or channel): ask the moderator for the link again.",
    "remote.cannotOpen": "This link's key does not open the show's messages (the link was replaced): ask the moderator for the new link.",
    "remote.refused": "The broker refused this link's login: ask the moderator for the link again.",
    "remote.offline": "The moderator's console is not sharing the show right now.",
    "remote.noCrypto": "This browser cannot decrypt the show here (it needs a secure page or a recent browser).",
    "remote.noClient": "The page's MQTT client is missing: ask the moderator for the link again.",
  },
  fr: {
    "remote.badKey": "Ce lien est incomplet (sa clé est coupée) : redemandez le lien à la régie.",
    "remote.badLink": "Ce lien est incomplet (il n’indique ni courtier ni canal) : redemandez le lien à la régie.",
    "remote.cannotOpen": "La clé de ce lien n’ouvre pas les messages de l’émission (le lien a été remplacé) : demandez le nouveau lien à la régie.",
    "remote.refused": "Le courtier a refusé l’identifiant de ce lien : redemandez le lien à la régie.",
    "remote.offline": "La console de la régie ne partage pas l’émission en ce moment.",
    "remote.noCrypto": "Ce navigateur ne peut pas déchiffrer l’émission ici (il faut une page sécurisée ou un navigateur récent).",
    "remote.noClient": "Le client MQTT de la page manque : redemandez le lien à la régie.",
  },
};
for (const key of Object.keys(WORDS.fr)) WORDS.fr[key] = frenchSpacing(WORDS.fr[key]);
for (const code of Object.keys(WORDS)) Object.assign(CATALOGUES[code], WORDS[code]);

const HELLO_EVERY_MS = 5000; // presence for the console's "who is connected"
const MAX_PAYLOAD = 65536; // the bridge drops larger ones; so do we
const PRODUCER_PARTS = ["rundown", "questions", "notes"];
const MQTT_SCRIPT = "/static/vendor/mqtt.min.js";

/** The link's fields: a self-contained file carries them inline (window.__REMOTE_LINK__),
 * a page opened from a link in its fragment. */
export function remoteFields() {
  const inline = globalThis.__REMOTE_LINK__;
  const text = typeof inline === "string" ? inline : location.hash.replace(/^#/, "");
  const q = new URLSearchParams(text);
  return { b: q.get("b") || "", t: q.get("t") || "", k: q.get("k") || "", u: q.get("u"),
    p: q.get("p"), n: q.get("n") || "" };
}

export function isRemote() {
  return Boolean(remoteFields().b);
}

/** base64url (padding optional) → bytes, or null when it is not base64url. */
export function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  const plain = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (plain.length % 4 === 1) return null;
  try {
    const raw = atob(plain + "=".repeat((4 - (plain.length % 4)) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function clientId() {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** nonce(12) || AES-256-GCM(JSON) with the topic as additional data (remote_keys.seal). */
export async function seal(key, topic, message) {
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv: nonce, additionalData: encoder.encode(topic), tagLength: 128 },
    key, encoder.encode(JSON.stringify(message)));
  const out = new Uint8Array(12 + sealed.byteLength);
  out.set(nonce, 0);
  out.set(new Uint8Array(sealed), 12);
  return out;
}

/** The JSON text of a sealed payload, or null when it does not open (forged, wrong key,
 * moved to another topic, not UTF-8). */
export async function openSealed(key, topic, payload) {
  if (payload.byteLength < 12 + 16 || payload.byteLength > MAX_PAYLOAD) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: payload.subarray(0, 12), additionalData: encoder.encode(topic),
        tagLength: 128 },
      key, payload.subarray(12));
    return decoder.decode(plain);
  } catch {
    return null;
  }
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

/**
 * Connection over the broker. Connection's constructor calls open() before this class's own
 * fields exist, so open() starts everything itself (once); the frame scheduling, clock
 * offset, silence watch ("reconnecting…") and replies are Connection's, unchanged.
 */
export class RemoteConnection extends Connection {
  open() {
    if (this.fatal || this.remote) return;
    this.remote = remoteFields();
    this.cid = clientId();
    this.counter = 0; // n: strictly increasing per cid, the bridge's replay guard
    this.queue = Promise.resolve(); // publishes in order, so n arrives in order
    this.sentAt = new Map(); // ping id -> t0 (Date.now() as it left)
    this.early = []; // producer parts arriving before the first state (the "hello")
    this.offline = false;
    this.unopened = false;
    this.debug.cid = this.cid;
    this.debug.transport = "mqtt";
    // The tests and benchmarks drive a link's commands as a page would (anyone holding the
    // link can do the same from the browser's console: the key is the permission).
    this.debug.command = (tag, payload, ifSeq) => this.command(tag, payload, ifSeq);
    this.debug.arrived = {}; // opened messages per kind (state, pong, reply…), and unopened
    this.begin();
  }

  topic(...tail) {
    return [this.remote.t, ...tail].join("/");
  }

  async begin() {
    const { b, t: channel, k } = this.remote;
    if (this.remote.n) {
      // The link's name (the speaker's) in the tab's title, in the page's language.
      const title = document.querySelector("title[data-i18n]");
      const named = () => {
        document.title = `${title ? t(title.dataset.i18n) : document.title} — ${this.remote.n}`;
      };
      named();
      onLang(named);
    }
    if (!b || !channel) return this.fail("remote.badLink");
    const raw = fromBase64url(k);
    if (!raw || raw.length !== 32) return this.fail("remote.badKey");
    if (!globalThis.crypto || !crypto.subtle) return this.fail("remote.noCrypto");
    this.key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    if (!globalThis.mqtt) {
      try {
        await loadScript(MQTT_SCRIPT);
      } catch {
        return this.fail("remote.noClient");
      }
    }
    this.lastData = performance.now();
    const client = globalThis.mqtt.connect(b, {
      clientId: `mod-${this.cid}`,
      username: this.remote.u ?? undefined,
      password: this.remote.p ?? undefined,
      protocolVersion: 4,
      clean: true,
      keepalive: 20,
      connectTimeout: 5000,
      reconnectPeriod: 1000, // the broker back: on air again within a second
      resubscribe: true,
    });
    this.client = client;
    client.on("connect", () => {
      this.attempt = 0;
      const topics = {};
      // The state first: the retained copies arrive in this order, the language and role
      // (the "hello") before the producer parts.
      topics[this.topic("state")] = { qos: 0 };
      for (const part of PRODUCER_PARTS) topics[this.topic(part)] = { qos: 0 };
      topics[this.topic("pong", this.cid)] = { qos: 0 };
      topics[this.topic("reply", this.cid)] = { qos: 1 };
      client.subscribe(topics, () => {
        this.presence();
        this.sync(this.hello ? 3 : 8);
      });
    });
    client.on("message", (topic, payload) => this.arrive(topic, payload));
    client.on("error", (err) => {
      // CONNACK 4 (bad user name or password) / 5 (not authorised): the broker's answer,
      // not a network hiccup — retrying would only be refused again.
      const code = err && (err.code ?? err.returnCode);
      if (code === 4 || code === 5 || code === 134 || code === 135) {
        this.fail("remote.refused");
      }
    });
    client.on("offline", () => {
      if (!this.fatal && !this.offline) showStatus("conn.reconnecting");
    });
    setInterval(() => this.presence(), HELLO_EVERY_MS);
  }

  fail(key) {
    super.fail(key);
    if (this.client) this.client.end(true);
  }

  async arrive(topic, payload) {
    if (!payload || payload.length === 0) {
      // An empty retained state: the console cleared this channel because the link was
      // revoked (a new one replaces it). Nothing to open; say so instead of a countdown.
      if (topic === this.topic("state")) {
        this.unopened = true;
        for (const timer of this.timers) clearTimeout(timer);
        showStatus("remote.cannotOpen", "fatal");
      }
      return;
    }
    const bytes = payload instanceof Uint8Array ? payload : new Uint8Array(payload);
    const text = await openSealed(this.key, topic, bytes);
    const kind = topic.slice(this.remote.t.length + 1).split("/")[0];
    const count = this.debug.arrived;
    count[kind] = (count[kind] || 0) + (text === null ? 0 : 1);
    if (text === null) count.unopened = (count.unopened || 0) + 1;
    if (text === null) {
      // Our own channel carries something our key does not open: the link was replaced
      // (revoked) or the fragment mistyped. Said on the page; a later good state clears it.
      if (topic === this.topic("state")) {
        this.unopened = true;
        showStatus("remote.cannotOpen", "fatal");
      }
      return;
    }
    let msg;
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (msg === null || typeof msg !== "object") return;
    if (msg.tag === "pong") {
      // Our own record of when each ping left, not the echo: the round trip is measured on
      // this page's clock alone (and a bridge echoing t0 as null still syncs).
      const t0 = this.sentAt.get(msg.id);
      this.sentAt.delete(msg.id);
      if (typeof t0 !== "number") return;
      this.receive(JSON.stringify({ ...msg, t0 }));
      return;
    }
    if (msg.tag === "offline") {
      this.offline = true;
      showStatus("remote.offline", "fatal");
      if (this.handlers.offline) this.handlers.offline(msg);
      return;
    }
    if (msg.tag === "state") {
      if (this.unopened || this.offline) {
        this.unopened = this.offline = false;
        showStatus(null);
      }
      if (!this.hello) {
        // The broker has no handshake: the first state says the role and the language.
        const link = msg.link || {};
        this.link = link;
        this.receive(JSON.stringify({ tag: "hello", role: link.role || "view", lang: msg.lang,
          seq: msg.seq, link }));
        for (const early of this.early.splice(0)) this.receive(early);
      }
    } else if (!this.hello && PRODUCER_PARTS.includes(msg.tag)) {
      this.early.push(text);
      return;
    }
    this.receive(text);
  }

  watch() {
    // The console said it stopped sharing, or our key opens nothing: that line stays until
    // a state opens again.
    if (this.offline || this.unopened) {
      this.lastData = performance.now();
      return;
    }
    super.watch();
  }

  /** Seal and publish ``message`` on C/<kind>/<cid>; false when the broker is not reachable. */
  raw(message) {
    if (!this.client || !this.client.connected || !this.key) return false;
    const kind = message.tag === "ping" ? "ping" : message.tag === "hello" ? "hello" : "cmd";
    const topic = this.topic(kind, this.cid);
    const qos = kind === "cmd" ? 1 : 0;
    if (kind === "ping") {
      this.sentAt.set(message.id, message.t0);
      if (this.sentAt.size > 64) this.sentAt.delete(this.sentAt.keys().next().value);
    }
    this.queue = this.queue.then(async () => {
      const body = kind === "cmd"
        ? { ...message, ts_ms: Math.round(this.serverNow()), n: ++this.counter }
        : message;
      const payload = await seal(this.key, topic, body);
      this.client.publish(topic, payload, { qos, retain: false });
    }).catch(() => {});
    return true;
  }

  presence() {
    const page = globalThis.__REMOTE_PAGE__ || location.pathname.split("/").pop() || "timer";
    this.raw({ tag: "hello", page,
      offset_ms: this.synced ? this.offset : null, rtt_ms: this.synced ? this.debug.rtt : null });
  }
}

/** The page's connection: over the broker when the link says so (b=), else the LAN /ws. */
export function connect(handlers = {}, needs = "view") {
  return isRemote() ? new RemoteConnection(handlers, needs) : new Connection(handlers, needs);
}

