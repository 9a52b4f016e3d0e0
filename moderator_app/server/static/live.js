// The live strip of the producer pages: big figure, phase, headline, over/under, projected end
// and the stage message, from the same frames as the stage display.

import { clockTime, duration, el, headlineText, t } from "./common.js";

export function renderLive(box, view) {
  const paused = view.state === "paused";
  box.dataset.phase = paused ? "paused" : view.phase || "normal";
  let big = view.big || "";
  if (Array.isArray(view.big_span)) big = t("stage.span", view.big_span[0], view.big_span[1]);
  const parts = [el("span", { class: "live-big", text: big })];
  if (view.state === "running" || paused) {
    const phase = paused ? `❚❚ ${t("stage.paused")}` : `${view.symbol || ""} ${t(`phase.${view.phase}`)}`;
    parts.push(el("span", { class: "live-phase", text: phase.trim() }));
  }
  const headline = headlineText(view);
  if (headline) parts.push(el("span", { class: "live-head", text: headline }));
  if (view.current && view.live) parts.push(el("span", { text: view.current.title || "" }));
  if (typeof view.over_under_s === "number" && view.state !== "not_started") {
    const late = view.over_under_s > 0.5;
    const early = view.over_under_s < -0.5;
    const text = t("label.overUnder", `${duration(view.over_under_s, true)}${late ? ` ${t("label.late")}` : early ? ` ${t("label.early")}` : ""}`);
    parts.push(el("span", { class: `live-ou ${late ? "late" : early ? "early" : ""}`, text }));
  }
  if (view.projected_end) {
    parts.push(el("span", { class: "live-end", text: t("label.projectedEnd", clockTime(view.projected_end), clockTime(view.planned_end)) }));
  }
  if (view.message) parts.push(el("span", { class: "live-msg", title: view.message, text: view.message }));
  box.replaceChildren(...parts);
}
