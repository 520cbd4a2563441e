// @ts-check
// The estimate on screen: the totals, the priced lines with their sources,
// usage per instance, warnings, max_connections and the group summaries;
// then the comparison, advice, charts, export and optimizer, each redrawn
// only when what it shows has changed.
import { isPlainObject } from "../../boot.js";
import { $, checkedValue, control, el, morphChildren, results, setHidden, setText } from "../dom.js";
import { acuFormat, capitalise, formatMicroUsd, formatNanoUsd, integerFormat, nanoDecimal, pluralUnit, quantityFormat, sentence } from "../format.js";
import { ENGINE_NAMES, PRICE_ITEMS, STORAGE_NAMES } from "../fields.js";
import { classValues } from "../classes.js";
import { fieldForPath } from "../errors.js";
import { redrawChartsSoon } from "../charts/redraw.js";
import { renderOptimizer } from "../optimizer.js";
import { drawn, section, state } from "../state.js";
import { renderAdvice, renderComparison, renderVerdict } from "./compare.js";
import { renderExport } from "./export.js";
import { showMissingPrices } from "../missing.js";

/**
 * @typedef {import("../state.js").Report} Report
 * @typedef {Report["lines"][number]} Line
 * @typedef {NonNullable<Line["price"]>} LinePrice
 */

/**
 * One primary source: its SKU when there is one, its date and confidence.
 * @param {LinePrice} price
 */
function provenanceOf(price) {
  if (price.overridden) return `Your override · ${price.confidence} confidence`;
  const parts = [price.source];
  if (price.sku && !price.source.includes(price.sku)) parts.push(`SKU ${price.sku}`);
  parts.push(price.asOf && !price.source.includes(price.asOf) ? `as of ${price.asOf}` : price.asOf ? "" : "undated");
  parts.push(`${price.confidence} confidence`);
  return parts.filter(Boolean).join(" · ");
}

/**
 * The name of what to supply for an unpriced line, e.g. "Storage, Standard".
 * @param {Line} line
 */
function supplyName(line) {
  const key = (line.supply ?? "").replace(/^priceOverrides\./, "");
  return PRICE_ITEMS.find(([item]) => item === key)?.[1] ?? key;
}

/**
 * A line without a price: its quantity, and what to supply.
 * @param {Line} line
 * @param {string} region
 */
function unpricedRow(line, region) {
  return el("tr", { className: "unpriced", attrs: { "data-item": line.item, "data-component": line.component, "data-confidence": "unpriced" } }, [
    el("th", { attrs: { scope: "row" } }, [
      el("span", { className: "line-name", text: capitalise(line.description) }),
      el("small", { className: "provenance provenance-missing", text: `Unpriced — supply the price (${supplyName(line)}) under Price overrides, or load a price book: none is known in ${region}` }),
      ...(line.supply
        ? [el("button", { className: "button-link", text: "Supply price", attrs: { type: "button", "data-goto": line.supply } })]
        : []),
    ]),
    el("td", { className: "num", attrs: { "data-label": "Quantity" }, text: `${quantityFormat.format(line.quantity)} ${pluralUnit(line.unit, line.quantity)}` }),
    el("td", { className: "num", attrs: { "data-label": "Unit price" } }, [el("span", { className: "unit-price", text: `unpriced / ${line.unit}` })]),
    el("td", { className: "num cost", attrs: { "data-label": "Cost" }, text: "unpriced" }),
  ]);
}

/**
 * The sources that agree with the primary one, shown on demand.
 * @param {LinePrice} price
 */
function otherSources(price) {
  const others = price.otherSources ?? [];
  if (others.length === 0) return [];
  return [
    el("details", { className: "more-sources" }, [
      el("summary", { text: `${others.length} more source${others.length === 1 ? "" : "s"}` }),
      el("ul", {}, others.map((source) => el("li", { text: source }))),
    ]),
  ];
}

/** @param {Report} report */
function renderLines(report) {
  const rows = report.lines.map((line) => {
    const price = line.price;
    if (!price || line.unitPriceNanoUsd == null || line.costMicroUsd == null) return unpricedRow(line, report.region);
    const markers = [];
    if (price.overridden) markers.push(el("span", { className: "badge badge-override", text: "override" }));
    if (price.confidence === "low") markers.push(el("span", { className: "badge badge-low", text: "low confidence" }));
    return el("tr", { attrs: { "data-item": line.item, "data-component": line.component, "data-confidence": price.confidence } }, [
      el("th", { attrs: { scope: "row" } }, [
        el("span", { className: "line-name", text: capitalise(line.description) }),
        el("small", { className: "provenance", text: provenanceOf(price) }),
        ...(price.note ? [el("small", { className: "provenance provenance-note", text: `Note: ${price.note}` })] : []),
        ...otherSources(price),
      ]),
      el("td", { className: "num", attrs: { "data-label": "Quantity" }, text: `${quantityFormat.format(line.quantity)} ${pluralUnit(line.unit, line.quantity)}` }),
      el("td", { className: "num", attrs: { "data-label": "Unit price" } }, [
        el("span", { className: "unit-price", text: `${formatNanoUsd(line.unitPriceNanoUsd)} / ${line.unit}` }),
        ...(markers.length ? [el("span", { className: "markers" }, markers)] : []),
      ]),
      el("td", { className: "num cost", attrs: { "data-label": "Cost" }, text: formatMicroUsd(line.costMicroUsd) }),
    ]);
  });
  morphChildren($("line-rows"), rows);
}

/**
 * Unmet demand: a number, or (from the simulating model) ACU-hours by cause.
 * @param {unknown} unmet
 */
function unmetCell(unmet) {
  const parts = isPlainObject(unmet) ? unmet : { total: Number(unmet) || 0 };
  const total = Object.values(parts).reduce((sum, value) => sum + (Number(value) || 0), 0);
  const cell = el("td", { className: `num${total > 0 ? " unmet" : ""}`, text: quantityFormat.format(total) });
  if (isPlainObject(unmet) && total > 0) {
    /** @type {Record<string, string>} */
    const names = { lag: "scaling up", cap: "at max", resume: "resuming" };
    const detail = Object.entries(unmet)
      .filter(([, value]) => value > 0)
      .map(([key, value]) => `${quantityFormat.format(value)} ${names[key] ?? key}`)
      .join(", ");
    cell.append(el("small", { className: "cell-detail", text: detail }));
  }
  return cell;
}

/** @param {Report} report */
function renderUsage(report) {
  const hours = (value) => `${quantityFormat.format(value)} h`;
  const rows = report.instances.map((instance) =>
    el("tr", { attrs: { "data-instance": instance.name } }, [
      el("th", { attrs: { scope: "row" }, text: capitalise(instance.name) + (instance.promotionTier != null ? ` (tier ${instance.promotionTier})` : "") }),
      el("td", { className: "num", text: quantityFormat.format(instance.acuHours) }),
      el("td", { className: "num", text: acuFormat.format(instance.averageAcu) }),
      el("td", { className: "num", text: acuFormat.format(instance.peakAcu) }),
      el("td", { className: "num", text: hours(instance.pausedHours) }),
      el("td", { className: "num", text: hours(instance.hoursAtMax) }),
      unmetCell(instance.unmetAcuHours),
    ]),
  );
  morphChildren($("usage-rows"), rows);
}

const WARNING_LABELS = {
  "low-confidence-price": "Price",
  "demand-above-max": "Capacity",
  "unknown-price": "Price",
  "input-note": "Input",
  "platform-version": "Version",
  "pause-blocked": "Auto-pause",
};

/** @param {Report} report */
function renderWarnings(report) {
  const items = report.warnings.map((warning) => {
    const target = warning.field ? fieldForPath(warning.field) : null;
    const children = [
      el("span", { className: "warning-kind", text: WARNING_LABELS[warning.kind] ?? warning.kind }),
      el("span", { className: "warning-text", text: sentence(warning.message) }),
    ];
    if (target) {
      children.push(
        el("button", {
          className: "button-link",
          text: warning.field.startsWith("priceOverrides.") ? "Override price" : "Show input",
          attrs: { type: "button", "data-goto": warning.field },
        }),
      );
    }
    return el("li", { attrs: { "data-kind": warning.kind, "data-field": warning.field } }, children);
  });
  morphChildren($("warning-list"), items);
  setHidden($("warnings"), items.length === 0);
}

/** @param {Report} report */
function renderMaxConnections(report) {
  const mc = report.maxConnections;
  setText($("max-connections"), `max_connections ${integerFormat.format(mc.value)} by default`);
  const notes = [`${mc.basis} value`];
  if (mc.cappedByMin) notes.push("capped because the minimum capacity is 0.5 ACU or less; raise the minimum for more");
  setText($("max-connections-note"), `(${notes.join("; ")})`);
}

/** Shows the price each override would replace as its placeholder ("not in catalog" where there is none). */
/** @param {{ prices?: Record<string, number>, catalogKnown?: boolean } | undefined} placeholders */
function renderOverridePlaceholders(placeholders) {
  const prices = placeholders?.prices ?? {};
  for (const [key] of PRICE_ITEMS) {
    const input = control(`price-${key}`);
    const nano = prices[key];
    input.placeholder = typeof nano === "number" ? nanoDecimal(nano).replaceAll(",", "") : placeholders?.catalogKnown ? "not in catalog" : "";
  }
}

/** Clears the placeholders while the inputs cannot be estimated: the prices they showed may no longer apply. */
export function clearOverridePlaceholders() {
  drawn.delete("placeholders");
  for (const [key] of PRICE_ITEMS) control(`price-${key}`).placeholder = "";
}

/**
 * The closed groups' summaries, from the inputs as they are (an input the core refused included).
 * @param {Record<string, any>} scenario
 */
export function renderSummaries(scenario) {
  const region = scenario.region ?? state.defaults.region;
  const engine = scenario.engine ?? state.defaults.engine;
  setText($("engine-summary"), `${region} · ${ENGINE_NAMES[engine] ?? engine}`);
  const ioText = { none: "none", monthly: "monthly total", rates: "rates" }[checkedValue("ioMode") ?? "none"];
  setText($("io-summary"), ioText);
  const extras = Object.keys(scenario.extras ?? {}).length;
  setText($("extras-summary"), extras ? `${extras} set` : "none");
  const classes = scenario.compare?.classes?.length ?? 0;
  setText($("compare-summary"), classes ? `${classes} class${classes === 1 ? "" : "es"}` : "catalog classes");
  const facts = Object.keys(scenario.application ?? {}).length;
  setText($("application-summary"), facts ? `${facts} set` : "none");
  const overrides = Object.keys(scenario.priceOverrides ?? {}).length;
  setText($("overrides-summary"), overrides ? `${overrides} set` : "none");
}

/**
 * Shows a report: `scenario` is what it estimated, `placeholders` the prices the overrides would replace.
 * @param {Record<string, any>} scenario
 * @param {Report} report
 * @param {any} placeholders
 */
export function render(scenario, report, placeholders) {
  const started = performance.now();
  const total = formatMicroUsd(report.totalMicroUsd);
  // A partial bill: the total leaves the unpriced lines out, and says so.
  const partial = report.complete === false;
  setText($("total-monthly"), total);
  $("total-monthly").dataset.microUsd = String(report.totalMicroUsd);
  $("results").dataset.partial = String(partial);
  setText($("headline-label"), partial ? "Estimated monthly cost, partial: at least" : "Estimated monthly cost");
  setText($("total-note"), partial && report.totalNote ? `${sentence(report.totalNote)} Supply the missing ${report.unpriced.length === 1 ? "price" : "prices"} at ${report.unpriced.length === 1 ? "its input" : "their inputs"}, or load a price book:` : "");
  showMissingPrices(partial ? (report.unpriced ?? []) : [], report.region);
  setHidden($("total-note"), !partial);
  setText($("mini-total-value"), partial ? `≥ ${total}` : total);
  setText($("total-yearly"), formatMicroUsd(report.yearlyMicroUsd));
  setText($("table-total"), total);
  setText($("table-total-label"), partial ? "Monthly total (at least: unpriced lines left out)" : "Monthly total");

  const engine = ENGINE_NAMES[report.engine] ?? report.engine;
  const storage = STORAGE_NAMES[report.storageType] ?? report.storageType;
  const readers = report.instances.length - 1;
  setText($("summary"), [
    engine,
    report.region,
    storage,
    `${integerFormat.format(report.hoursPerMonth)} hours`,
    readers > 0 ? `writer and ${readers} reader${readers === 1 ? "" : "s"}` : "writer only",
  ].join(" · "));

  section("lines", JSON.stringify(report.lines), () => renderLines(report));
  section("usage", JSON.stringify(report.instances), () => renderUsage(report));
  // "Show input" buttons depend on which inputs are shown.
  section("warnings", `${checkedValue("workloadKind")}|${checkedValue("ioMode")}|${JSON.stringify(report.warnings)}`, () => renderWarnings(report));
  renderMaxConnections(report);
  section("placeholders", JSON.stringify(placeholders), () => renderOverridePlaceholders(placeholders));

  setText($("catalog-name"), capitalise(report.catalog.name));
  setText($("catalog-date"), report.catalog.asOf);
  $("catalog-date").setAttribute("datetime", report.catalog.asOf);
  setText($("model-name"), `${report.model.name} v${report.model.version}`);
  setText($("model-description"), `(${report.model.description})`);

  const ideal = $("ideal");
  if (isPlainObject(report.ideal) && typeof report.ideal.totalMicroUsd === "number") {
    setText($("ideal-total"), formatMicroUsd(report.ideal.totalMicroUsd));
    setText($("ideal-explanation"), report.ideal.explanation ? sentence(report.ideal.explanation) : "");
    setHidden(ideal, false);
  } else {
    setHidden(ideal, true);
  }

  section("comparison", `${classValues().length}|${JSON.stringify(report.comparison)}`, () => {
    renderVerdict(report.comparison);
    renderComparison(report.comparison);
  });
  section("advice", JSON.stringify(report.advice), () => renderAdvice(report.advice));
  state.lastGood = { scenario, report };
  state.resultId++;
  redrawChartsSoon();
  renderExport();
  renderOptimizer();
  state.hasResult = true;
  results.removeAttribute("aria-busy");
  performance.measure("acumen:render", { start: started });
  // The measures are for profiling; a long session keeps only the recent ones.
  if (state.resultId % 1000 === 0) performance.clearMeasures();
}

/**
 * What the chosen engine version allows, as the worker found it, on the
 * chosen platform version (version 1 stops at 128 ACU whatever the engine).
 * @param {any} caps
 * @param {string | null} engineVersion
 * @param {number | undefined} platformVersion
 */
export function renderCapabilities(caps, engineVersion, platformVersion) {
  const element = $("engine-capabilities");
  if (!isPlainObject(caps)) {
    setHidden(element, true);
    return;
  }
  const parts = [];
  if (caps.serverless === false) parts.push("no Serverless v2 support");
  if (typeof caps.maxAcu === "number") parts.push(`up to ${quantityFormat.format(platformVersion === 1 ? Math.min(caps.maxAcu, 128) : caps.maxAcu)} ACU`);
  if (typeof caps.autoPause === "boolean") parts.push(caps.autoPause ? "auto-pause (minimum 0) available" : "no auto-pause: minimum 0.5 ACU");
  const platform = platformVersion ? ` on platform version ${platformVersion}` : "";
  setText(element, `${engineVersion ? `Version ${engineVersion}` : "A current version"}${platform}: ${parts.join("; ")}.`);
  setHidden(element, parts.length === 0);
}
