// @ts-check
// The form as a scenario and back: `readScenario` reads every field of the
// table (fields.js) at its path, leaving out what equals the default so that
// links stay short; `fillForm` puts a scenario's values (defaults filling the
// gaps) into the same fields.
import { priceBook } from "./pricebook.js";
import { isPlainObject } from "../boot.js";
import { $, checkedValue, control, el, same, setChecked, setValue } from "./dom.js";
import { BUSINESS_HOURS, FIELDS, PRICE_ITEMS, SCENARIO_KEYS } from "./fields.js";
import { LISTS, listFieldId, listValues, renderList } from "./lists.js";
import { classRow, readClasses, renderClasses } from "./classes.js";
import { syncPanels, weeklyEditor } from "./form.js";
import { state } from "./state.js";

/**
 * @typedef {import("./fields.js").FieldSpec} FieldSpec
 * @typedef {{ path: string, message: string }} Problem
 * @typedef {Record<string, any>} Plain
 */

/** The value at a dotted path (`scaling.minAcu`), or `undefined` where the way is not an object. */
export function getPath(object, path) {
  let value = object;
  for (const key of path.split(".")) {
    if (!isPlainObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** Sets the value at a dotted path, creating the objects on the way. */
function setPath(object, path, value) {
  const keys = path.split(".");
  const last = /** @type {string} */ (keys.pop());
  let at = object;
  for (const key of keys) at = at[key] ??= {};
  at[last] = value;
}

/** The radio groups whose value picks a variant (`workload`, `io`), and the paths under them. */
const VARIANT_GROUPS = FIELDS.filter((spec) => spec.variants);
const inVariant = (spec) => VARIANT_GROUPS.some((group) => spec.path.startsWith(`${group.path}.`));
/** The fields of one variant: `workload.steady` → demand-acu. */
const variantFields = (root) => FIELDS.filter((spec) => spec.path.startsWith(`${root}.`));

/**
 * A number input's value; empty required inputs are reported, empty optional ones are `undefined`.
 * @param {HTMLInputElement} input
 * @param {Problem[]} problems
 */
function readNumber(input, problems) {
  const raw = input.value.trim();
  const path = input.dataset.path ?? "";
  if (raw === "") {
    if (input.dataset.optional !== "true") problems.push({ path, message: "enter a value" });
    return undefined;
  }
  const value = parseDecimal(raw);
  if (value === null) problems.push({ path, message: `enter a number, not "${raw}"` });
  return value ?? undefined;
}

/** A plain decimal ("12", "-0.5", "1e3"), else `null`: not hex, not "1,000", not "Infinity". */
export function parseDecimal(raw) {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : null;
}

/**
 * Samples separated by commas, semicolons or spaces.
 * @param {FieldSpec} spec
 * @param {Problem[]} problems
 */
function readSamples(spec, problems) {
  const raw = control(spec.id).value.trim();
  const parts = raw === "" ? [] : raw.split(/[\s,;]+/).filter(Boolean);
  const bad = parts.find((part) => !Number.isFinite(Number(part)));
  if (bad !== undefined) problems.push({ path: spec.path, message: `"${bad}" is not a number` });
  return parts.map(Number);
}

/**
 * One field's value as the scenario holds it: `undefined` when it is empty (or unchecked).
 * @param {FieldSpec} spec
 * @param {Problem[]} problems
 */
function readField(spec, problems) {
  switch (spec.kind) {
    case "number":
      return readNumber(control(spec.id), problems);
    case "samples":
      return readSamples(spec, problems);
    case "radio":
      return checkedValue(spec.name);
    case "check":
      return control(spec.id).checked || undefined;
    default: {
      const text = control(spec.id).value.trim();
      return text ? (spec.numeric ? Number(text) : text) : undefined;
    }
  }
}

/**
 * The variant a radio group picks, as the scenario holds it: `{ steady: { acu: 4 } }`, or the
 * bare name of a variant without fields (`"none"`).
 * @param {FieldSpec} spec
 * @param {Problem[]} problems
 */
function readVariant(spec, problems) {
  const kind = checkedValue(spec.name) ?? spec.choices?.[0][0] ?? "";
  const root = `${spec.path}.${kind}`;
  if (root === "workload.levels") {
    const num = (id) => readNumber(control(id), problems);
    return { levels: listValues("levels").map((_, i) => ({ acu: num(listFieldId("levels", i, "acu")), hours: num(listFieldId("levels", i, "hours")) })) };
  }
  if (root === "workload.weekly") {
    const hourlyAcu = weeklyEditor().values;
    hourlyAcu.forEach((value, i) => {
      if (value === null || !Number.isFinite(value)) problems.push({ path: `workload.weekly.hourlyAcu[${i}]`, message: "enter a value" });
    });
    return { weekly: { hourlyAcu } };
  }
  const fields = variantFields(root);
  if (fields.length === 0) return kind;
  /** @type {Plain} */
  const variant = {};
  for (const field of fields) variant[field.path.slice(root.length + 1)] = readField(field, problems);
  return { [kind]: variant };
}

/** The rows of the spikes and readers lists. */
function readLists(problems) {
  const num = (id) => readNumber(control(id), problems);
  const spikes = listValues("spikes").map((_, i) =>
    Object.fromEntries(LISTS.spikes.fields.map((field) => [field.key, num(listFieldId("spikes", i, field.key))])),
  );
  const readers = listValues("readers").map((row, i) => {
    /** @type {Plain} */
    const reader = { promotionTier: num(listFieldId("readers", i, "promotionTier")) };
    const acu = num(listFieldId("readers", i, "acu"));
    if (acu !== undefined) reader.workload = { steady: { acu } };
    else if (row.keep) reader.workload = JSON.parse(row.keep);
    return reader;
  });
  return { spikes, readers, classes: readClasses(num) };
}

/**
 * Reads the inputs into a scenario. Fields equal to the default are left
 * out, so links stay short. Empty or unreadable required inputs are
 * reported instead, as the core cannot be asked about them.
 * @returns {{ scenario: Plain, problems: Problem[] }}
 */
export function readScenario() {
  /** @type {Problem[]} */
  const problems = [];
  /** @type {Plain} */
  const s = {};
  const { spikes, readers, classes } = readLists(problems);
  if (spikes.length) s.spikes = spikes;
  if (readers.length) s.readers = readers;
  // The classes come before the serverless discount in `compare`.
  if (classes.length) s.compare = { classes };
  for (const spec of FIELDS) {
    if (inVariant(spec)) continue;
    const value = spec.variants ? readVariant(spec, problems) : readField(spec, problems);
    if (value === undefined || same(value, getPath(state.defaults, spec.path))) continue;
    setPath(s, spec.path, value);
  }
  for (const [key, value] of Object.entries(state.kept)) {
    if (value !== null && value !== undefined && !(isPlainObject(value) && Object.keys(value).length === 0)) s[key] = value;
  }
  // A price book loaded here prices every estimate (it stays out of links: see persist.js).
  const book = priceBook();
  if (book) {
    s.priceBook = book;
  }
  // The keys in the order links have always had them.
  const rank = (key) => (SCENARIO_KEYS.includes(key) ? SCENARIO_KEYS.indexOf(key) : SCENARIO_KEYS.length);
  const scenario = Object.fromEntries(Object.entries(s).sort(([a], [b]) => rank(a) - rank(b)));
  return { scenario, problems };
}

/** The prices a region must have for a bill of serverless capacity and storage on Aurora Standard. */
const CORE_STANDARD = ["serverlessStandard", "storageStandard"];

/**
 * Shows the region list with `current` chosen (added if the list lacks it):
 * grouped by geography, each "Europe (Frankfurt) · eu-central-1", marked
 * "partial" where the catalog lacks capacity or storage prices on Aurora
 * Standard (its bill then says what to supply).
 */
function setRegionOptions(current) {
  const select = /** @type {HTMLSelectElement} */ ($("region"));
  /** @type {[string, [string, string][]][]} */
  const groups = [];
  for (const region of state.regions) {
    const r = /** @type {Plain} */ (typeof region === "string" ? { code: region } : region);
    const code = String(r.code ?? "");
    if (!code) continue;
    const missing = Array.isArray(r.missing) ? r.missing : [];
    const partial = CORE_STANDARD.some((item) => missing.includes(item));
    const text = `${r.name ? `${r.name} · ${code}` : code}${partial ? " (partial prices)" : ""}`;
    const geography = String(r.geography ?? "Regions");
    let group = groups.find(([name]) => name === geography);
    if (!group) groups.push((group = [geography, []]));
    group[1].push([code, text]);
  }
  const known = groups.some(([, options]) => options.some(([code]) => code === current));
  if (current && !known) groups.unshift(["Other", [[current, current]]]);
  const wanted = JSON.stringify(groups);
  if (select.dataset.options !== wanted) {
    select.replaceChildren(
      ...groups.map(([label, options]) => el("optgroup", { attrs: { label } }, options.map(([value, text]) => el("option", { text, attrs: { value } })))),
    );
    select.dataset.options = wanted;
  }
  select.value = current;
  // The region whose prices the inputs hold (regional.js).
  select.dataset.shown = current;
}

/**
 * Puts a value into one field.
 * @param {FieldSpec} spec
 * @param {unknown} value
 */
function fillField(spec, value) {
  switch (spec.kind) {
    case "radio":
      return setChecked(spec.name, value);
    case "check":
      control(spec.id).checked = Boolean(value);
      return;
    case "samples":
      return setValue(spec.id, Array.isArray(value) ? value.join(", ") : value);
    default:
      if (spec.id === "region") return setRegionOptions(value);
      return setValue(spec.id, spec.blankZero ? value || "" : value);
  }
}

/** A week of hourly demand to start the weekly grid from: business hours as they fall, else the steady demand. */
function weekOf(workload, steadyAcu) {
  const bh = workload.businessHours;
  if (!isPlainObject(bh)) return new Array(168).fill(steadyAcu);
  const { peakAcu, offPeakAcu, hoursPerDay, startHour, daysPerWeek } = { ...BUSINESS_HOURS, ...bh };
  return Array.from({ length: 168 }, (_, i) => {
    const day = Math.floor(i / 24);
    const hour = i % 24;
    // Hours past midnight belong to the day the business hours started on.
    const since = (hour - startHour + 24) % 24;
    const startDay = (hour >= startHour ? day : day + 6) % 7;
    return since < hoursPerDay && startDay < daysPerWeek ? peakAcu : offPeakAcu;
  });
}

/**
 * Fills a variant group: its radio, the fields of every variant (so that switching
 * shows sensible values), and for the workload its levels, weekly grid and trace.
 * @param {FieldSpec} spec
 * @param {Plain} s
 */
function fillVariant(spec, s) {
  const given = getPath(s, spec.path);
  const chosen = isPlainObject(given) ? given : getPath(state.defaults, spec.path);
  const first = spec.choices?.[0][0];
  fillField(spec, isPlainObject(chosen) ? (Object.keys(chosen)[0] ?? first) : first);
  const held = isPlainObject(chosen) ? chosen : {};
  for (const field of FIELDS.filter((f) => f.path.startsWith(`${spec.path}.`))) {
    const rest = field.path.slice(spec.path.length + 1);
    fillField(field, getPath(held, rest) ?? getPath(state.defaults, field.path) ?? field.fallback);
  }
  if (spec.path !== "workload") return;
  const steadyAcu = held.steady?.acu ?? getPath(state.defaults, "workload.steady.acu") ?? 4;
  const hours = s.hoursPerMonth ?? state.defaults.hoursPerMonth;
  const levels = held.levels ?? [{ acu: steadyAcu, hours }];
  renderList("levels", levels.map((level) => ({ acu: String(level.acu ?? 0), hours: String(level.hours ?? 0) })));
  weeklyEditor().setAll(held.weekly ? (Array.isArray(held.weekly.hourlyAcu) ? held.weekly.hourlyAcu : []) : weekOf(held, steadyAcu));
  if (!held.trace?.acu) fillField(/** @type {FieldSpec} */ (FIELDS.find((f) => f.id === "trace-acu")), [steadyAcu]);
}

/** Fills the spikes, readers and classes from a scenario. */
function fillLists(s) {
  const spikes = Array.isArray(s.spikes) ? s.spikes : [];
  renderList(
    "spikes",
    spikes.map((spike) => {
      const blank = LISTS.spikes.blank();
      return Object.fromEntries(Object.keys(blank).map((key) => [key, String(spike[key] ?? blank[key])]));
    }),
  );
  /** @type {HTMLDetailsElement} */ ($("spikes-details")).open = spikes.length > 0;
  renderList(
    "readers",
    (Array.isArray(s.readers) ? s.readers : []).map((reader) => {
      const own = reader.workload;
      const steady = isPlainObject(own) && own.steady ? own.steady.acu : undefined;
      /** @type {Record<string, string>} */
      const row = { promotionTier: String(reader.promotionTier ?? 0), acu: steady === undefined ? "" : String(steady) };
      if (isPlainObject(own) && !own.steady) row.keep = JSON.stringify(own);
      return row;
    }),
  );
  const compare = isPlainObject(s.compare) ? s.compare : {};
  renderClasses((Array.isArray(compare.classes) ? compare.classes : []).map(classRow));
}

/**
 * Fills the inputs from a scenario, defaults filling the gaps.
 * @param {Plain} s
 */
export function fillForm(s) {
  for (const spec of FIELDS) {
    if (inVariant(spec)) continue;
    if (spec.variants) fillVariant(spec, s);
    else fillField(spec, getPath(s, spec.path) ?? getPath(state.defaults, spec.path) ?? spec.fallback);
  }
  fillLists(s);
  const overrides = isPlainObject(s.priceOverrides) ? s.priceOverrides : {};
  if (PRICE_ITEMS.some(([key]) => overrides[key] !== undefined && overrides[key] !== null)) /** @type {HTMLDetailsElement} */ ($("group-overrides")).open = true;
  syncPanels();
}
