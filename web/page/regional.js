// @ts-check
// Prices belong to a region: the price overrides and the instance classes'
// rates (on-demand, Reserved hourly and upfront) entered for one region are
// kept for it when another region is chosen, but not applied there, and
// come back when it is chosen again. The notes in the Price overrides and
// Compare with groups say which are kept, and for where. A link keeps them
// too (view.js).
import { $, control, el, setHidden } from "./dom.js";
import { PRICE_ITEMS } from "./fields.js";

/** The classes' rate inputs, by their key in a row (`class-0-onDemand`). */
const RATE_KEYS = ["onDemand", "hourly", "upfront"];

/**
 * Prices entered for other regions: region → overrides (item → the input's text) and
 * rates (class name → rate key → the input's text).
 * @type {Record<string, { overrides: Record<string, string>, rates: Record<string, Record<string, string>> }>}
 */
export let keptPrices = {};

/** The class rows on screen: their index and class name. */
function classRows() {
  return [...$("class-list").children].map((_, i) => ({ i, name: control(`class-${i}-name`).value.trim() }));
}

/** Takes the region-specific prices out of the inputs (they are emptied), or `null` when there are none. */
function takePrices() {
  /** @type {Record<string, string>} */
  const overrides = {};
  for (const [key] of PRICE_ITEMS) {
    const input = control(`price-${key}`);
    if (input.value.trim() !== "") overrides[key] = input.value.trim();
    input.value = "";
  }
  /** @type {Record<string, Record<string, string>>} */
  const rates = {};
  for (const { i, name } of classRows()) {
    for (const key of RATE_KEYS) {
      const input = /** @type {HTMLInputElement | null} */ (document.getElementById(`class-${i}-${key}`));
      if (!input || input.value.trim() === "") continue;
      (rates[name] ??= {})[key] = input.value.trim();
      input.value = "";
    }
  }
  return Object.keys(overrides).length || Object.keys(rates).length ? { overrides, rates } : null;
}

/** Puts prices kept for a region back into the inputs (a class's rates where that class is still listed). */
function putPrices({ overrides, rates }) {
  for (const [key, value] of Object.entries(overrides)) control(`price-${key}`).value = value;
  for (const { i, name } of classRows()) {
    for (const [key, value] of Object.entries(rates[name] ?? {})) {
      const input = /** @type {HTMLInputElement | null} */ (document.getElementById(`class-${i}-${key}`));
      if (input) input.value = value;
    }
  }
}

/**
 * Moves the region-specific prices from `from` to `to`: those on screen are kept for `from`,
 * those kept for `to` come back.
 * @param {string} from
 * @param {string} to
 */
export function switchRegion(from, to) {
  if (from === to) return;
  const taken = takePrices();
  if (taken) keptPrices[from] = taken;
  const back = keptPrices[to];
  if (back) {
    putPrices(back);
    delete keptPrices[to];
  }
  showKeptPrices(to);
}

/**
 * Replaces what is kept (a link's or a restored scenario's view), and says so.
 * @param {unknown} kept
 * @param {string} region the region shown
 */
export function setKeptPrices(kept, region) {
  keptPrices = typeof kept === "object" && kept !== null && !Array.isArray(kept) ? /** @type {typeof keptPrices} */ (structuredClone(kept)) : {};
  delete keptPrices[region];
  showKeptPrices(region);
}

/**
 * The note on prices kept for other regions, in both groups that hold prices.
 * @param {string} region
 */
function showKeptPrices(region) {
  const parts = Object.entries(keptPrices).map(([code, { overrides, rates }]) => {
    const what = [];
    const count = Object.keys(overrides).length;
    if (count) what.push(`${count} price override${count === 1 ? "" : "s"}`);
    const classes = Object.keys(rates);
    if (classes.length) what.push(`the rates of ${classes.join(", ")}`);
    return `${what.join(" and ")} for ${code}`;
  });
  const text = parts.length ? `Kept, not applied in ${region}: ${parts.join("; ")}. They come back when that region is chosen again.` : "";
  for (const id of ["kept-overrides", "kept-rates"]) {
    $(id).textContent = text;
    setHidden($(id), !text);
  }
}

/** The note's place in a group. */
export const keptNote = (id) => el("p", { className: "kept-prices", attrs: { id, "data-testid": id, role: "status", hidden: true } });

/** Moves the prices when the region is changed (before the form's own input handler estimates). */
export function followRegion() {
  const select = control("region");
  select.addEventListener("input", () => {
    switchRegion(select.dataset.shown ?? "", select.value);
    select.dataset.shown = select.value;
  });
}
