// @ts-check
// The comparison with provisioned instances (verdict and table) and the
// configuration advice, from the report.
import { isPlainObject } from "../../boot.js";
import { $, el, morphChildren, setHidden, setText } from "../dom.js";
import { capitalise, formatMicroUsd, optionLabel, sentence } from "../format.js";
import { fieldForPath } from "../errors.js";

/**
 * Micro-dollars for a comparison cell: an amount or "unknown".
 * @param {unknown} micro
 * @param {string} label
 */
function moneyCell(micro, label) {
  const known = typeof micro === "number";
  return el("td", { className: `num${known ? "" : " unknown"}`, attrs: { "data-label": label }, text: known ? formatMicroUsd(micro) : "unknown" });
}

/** The path a note asks for ("unknown: supply compare.classes[0].onDemandHourly"). */
function pathInNote(note) {
  return /\b((?:compare|priceOverrides|application)[\w.[\]]*[\w\]])/.exec(note ?? "")?.[1];
}

/** @param {any} comparison the report's comparison */
export function renderVerdict(comparison) {
  const box = $("verdict");
  if (!isPlainObject(comparison) || !comparison.verdict) {
    setHidden(box, true);
    return;
  }
  const split = comparison.verdict.indexOf(": ");
  const choice = split > 0 ? comparison.verdict.slice(0, split) : "";
  const reason = split > 0 ? comparison.verdict.slice(split + 2) : comparison.verdict;
  box.dataset.choice = choice;
  setText($("verdict-choice"), choice === "no verdict" ? "No verdict" : choice ? `Verdict: ${choice}` : "Verdict");
  const cheapest = comparison.rows.find((row) => row.option === comparison.cheapest);
  setText($("verdict-cheapest"), comparison.cheapest
    ? `Cheapest: ${comparison.cheapest}${typeof cheapest?.monthlyMicroUsd === "number" ? `, ${formatMicroUsd(cheapest.monthlyMicroUsd)} a month` : ""}`
    : "");
  setText($("verdict-text"), sentence(reason));
  setHidden(box, false);
}

/** @param {any} comparison the report's comparison */
export function renderComparison(comparison) {
  const section = $("comparison");
  if (!isPlainObject(comparison)) {
    setHidden(section, true);
    return;
  }
  const rows = comparison.rows.map((row, i) => {
    const known = typeof row.monthlyMicroUsd === "number";
    // The field to supply an unknown rate in: the row says, or (older reports) its note.
    const path = known ? undefined : (row.supply ?? pathInNote(row.note));
    const name = [el("span", { className: "line-name", text: optionLabel(row.option) })];
    if (row.instances > 1) name.push(el("small", { className: "provenance", text: `${row.instances} instances` }));
    name.push(el("small", { className: `provenance${known ? "" : " note-unknown"}`, text: `${capitalise(row.note)} · ${row.confidence} confidence` }));
    if (path && fieldForPath(path)) {
      name.push(el("button", { className: "button-link", text: "Enter the rate", attrs: { type: "button", "data-goto": path } }));
    }
    return el(
      "tr",
      {
        className: row.option === comparison.cheapest ? "cheapest" : "",
        attrs: { "data-kind": row.kind, "data-option": row.option, "data-known": String(known), "data-rank": known ? String(i + 1) : undefined },
      },
      [
        el("th", { attrs: { scope: "row" } }, [
          ...(row.option === comparison.cheapest ? [el("span", { className: "badge badge-best", text: "cheapest" })] : []),
          ...(row.burstable ? [el("span", { className: "badge badge-low", text: "burstable: dev/test" })] : []),
          ...name,
        ]),
        moneyCell(row.monthlyMicroUsd, "Monthly"),
        moneyCell(row.yearlyMicroUsd, "Yearly"),
      ],
    );
  });
  morphChildren($("comparison-rows"), rows);
  setText($("storage-verdict"), sentence(comparison.storage?.verdict ?? ""));
  setHidden(section, false);
}

/** @type {[string, string][]} */
const TOPICS = [
  ["purchase", "What to buy"],
  ["savings-plan", "Savings Plan"],
  ["min-acu", "Minimum capacity"],
  ["max-acu", "Maximum capacity"],
  ["auto-pause", "Auto-pause"],
  ["connections", "Connections"],
  ["storage", "Storage"],
  ["alarm", "Alarms"],
];

/** @param {any} advice the report's advice */
export function renderAdvice(advice) {
  const items = Array.isArray(advice) ? advice : [];
  const known = new Map(TOPICS);
  const topics = [...TOPICS.map(([topic]) => topic), ...new Set(items.map((item) => item.topic).filter((topic) => !known.has(topic)))];
  const groups = topics
    .map((topic) => [topic, items.filter((item) => item.topic === topic)])
    .filter(([, list]) => list.length)
    .map(([topic, list]) =>
      el("section", { className: "advice-group", attrs: { "data-topic": topic, "aria-labelledby": `advice-${topic}` } }, [
        el("h4", { className: "subtitle", text: known.get(topic) ?? capitalise(topic.replaceAll("-", " ")), attrs: { id: `advice-${topic}` } }),
        el(
          "ul",
          {},
          list.map((item) =>
            el("li", {}, [el("strong", { text: sentence(item.recommendation) }), " ", el("span", { className: "muted", text: sentence(item.reason) })]),
          ),
        ),
      ]),
    );
  morphChildren($("advice-groups"), groups);
  setHidden($("advice"), groups.length === 0);
}
