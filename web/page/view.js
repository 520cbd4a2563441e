// @ts-check
// What a link keeps beside the scenario (link.js): the values typed into the
// demand shapes and I/O modes not chosen (business hours of 12/2 ACU stay
// 12/2 while a trace is used), the capacity chart's instance and period, and
// the prices kept for other regions (regional.js).
import { checkedValue, control } from "./dom.js";
import { FIELDS } from "./fields.js";
import { capacityChoice } from "./charts/capacity.js";
import { state } from "./state.js";
import { getPath } from "./scenario.js";
import { keptPrices, setKeptPrices } from "./regional.js";

/** The number fields of the variants of `workload` and `io`: `workload.businessHours.peakAcu`. */
const VARIANT_FIELDS = FIELDS.filter((spec) => spec.kind === "number" && /^(workload|io)\.[^.]+\./.test(spec.path));

/** The radio group a variant field's path belongs to, and its variant. */
function variantOf(path) {
  const [group, variant] = path.split(".");
  return { name: group === "workload" ? "workloadKind" : "ioMode", variant };
}

/** What `fillForm` shows in a field when the scenario does not say. */
const shownByDefault = (spec) => String(getPath(state.defaults, spec.path) ?? spec.fallback ?? "");

/**
 * The view to keep with the scenario, or `null` when it is all as a fresh page shows it.
 * @returns {Record<string, any> | null}
 */
export function readView() {
  /** @type {Record<string, string>} */
  const hidden = {};
  for (const spec of VARIANT_FIELDS) {
    const { name, variant } = variantOf(spec.path);
    if (checkedValue(name) === variant) continue;
    const value = control(spec.id).value.trim();
    if (value !== shownByDefault(spec)) hidden[spec.id] = value;
  }
  /** @type {Record<string, any>} */
  const view = {};
  if (Object.keys(hidden).length) view.hidden = hidden;
  if (capacityChoice.instance !== "writer" || capacityChoice.period !== "week") view.chart = { ...capacityChoice };
  if (Object.keys(keptPrices).length) view.kept = keptPrices;
  return Object.keys(view).length ? view : null;
}

/**
 * Puts a link's view back, after its scenario has filled the form.
 * @param {Record<string, any> | null | undefined} view
 */
export function applyView(view) {
  const hidden = view?.hidden ?? {};
  for (const spec of VARIANT_FIELDS) {
    const { name, variant } = variantOf(spec.path);
    if (checkedValue(name) !== variant && typeof hidden[spec.id] === "string") control(spec.id).value = hidden[spec.id];
  }
  capacityChoice.instance = typeof view?.chart?.instance === "string" ? view.chart.instance : "writer";
  capacityChoice.period = typeof view?.chart?.period === "string" ? view.chart.period : "week";
  setKeptPrices(view?.kept, control("region").value);
}
