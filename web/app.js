// The Acumen calculator page. All maths happens in the wasm core; this file
// reads the inputs, calls `estimate` and renders the report it returns.
import init, { estimate, version } from "./pkg/acumen.js";

/** The input values of the default scenario (`estimate({})`). */
const DEFAULTS = Object.freeze({
  minAcu: 0.5,
  maxAcu: 16,
  demandAcu: 4,
  storageGb: 100,
  storageType: "standard",
  hoursPerMonth: 730,
});

/**
 * The numeric inputs: their element id and the scenario path the core names
 * in its errors. `aliases` are other paths that point at the same input.
 */
const NUMBER_FIELDS = [
  { key: "minAcu", id: "min-acu", path: "scaling.minAcu" },
  { key: "maxAcu", id: "max-acu", path: "scaling.maxAcu" },
  { key: "demandAcu", id: "demand-acu", path: "workload.steady.acu", aliases: ["workload", "workload.steady"] },
  { key: "storageGb", id: "storage-gb", path: "storageGb" },
  { key: "hoursPerMonth", id: "hours", path: "hoursPerMonth" },
];
const STORAGE_TYPE = { key: "storageType", id: "storage-type", path: "storageType" };
const ALL_FIELDS = [...NUMBER_FIELDS, STORAGE_TYPE];

const HASH_PREFIX = "#s=";

const $ = (id) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing element #${id}`);
  return element;
};

const form = /** @type {HTMLFormElement} */ ($("scenario-form"));
const results = $("results");

/**
 * The scenario the inputs are layered on: fields the page has no input for
 * (region, engine, price overrides, auto-pause delay) come from a shared link
 * and are kept as they are.
 */
let base = {};
/** Whether a report has been rendered yet. */
let hasResult = false;

// ---------------------------------------------------------------- formatting

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const quantityFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/** Micro-dollars as `$1,234.57`: rounded to the cent, halves up. */
function formatMicroUsd(micro) {
  const cents = Math.floor((micro + 5000) / 10000);
  const sign = cents < 0 ? "−" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  return `${sign}$${integerFormat.format(dollars)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Nano-dollars as an exact unit price with at least two decimals: `$0.225`. */
function formatNanoUsd(nano) {
  const sign = nano < 0 ? "−" : "";
  const abs = Math.abs(nano);
  const dollars = Math.floor(abs / 1e9);
  let fraction = String(abs % 1e9).padStart(9, "0").replace(/0+$/, "");
  if (fraction.length < 2) fraction = fraction.padEnd(2, "0");
  return `${sign}$${integerFormat.format(dollars)}.${fraction}`;
}

function pluralUnit(unit, quantity) {
  return quantity !== 1 && /-(second|minute|hour|day|month)$/.test(unit) ? `${unit}s` : unit;
}

function formatAcu(acu) {
  return `${quantityFormat.format(acu)} ACU`;
}

const ENGINE_NAMES = { "aurora-postgresql": "Aurora PostgreSQL", "aurora-mysql": "Aurora MySQL" };
const STORAGE_NAMES = { standard: "Standard storage", "io-optimized": "I/O-Optimized storage" };

function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** An element with optional class and text. */
function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// ------------------------------------------------------------------ scenario

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The input values a scenario stands for, defaults filled in. */
function valuesOf(scenario) {
  return {
    minAcu: scenario.scaling?.minAcu ?? DEFAULTS.minAcu,
    maxAcu: scenario.scaling?.maxAcu ?? DEFAULTS.maxAcu,
    demandAcu: scenario.workload?.steady?.acu ?? DEFAULTS.demandAcu,
    storageGb: scenario.storageGb ?? DEFAULTS.storageGb,
    storageType: scenario.storageType ?? DEFAULTS.storageType,
    hoursPerMonth: scenario.hoursPerMonth ?? DEFAULTS.hoursPerMonth,
  };
}

function fillInputs(values) {
  for (const field of NUMBER_FIELDS) {
    /** @type {HTMLInputElement} */ ($(field.id)).value = String(values[field.key]);
  }
  for (const radio of form.elements.namedItem("storageType")) {
    radio.checked = radio.value === values.storageType;
  }
}

/**
 * Reads the inputs into a scenario layered on `base`. Empty or unreadable
 * number inputs are reported instead, as the core cannot be asked about them.
 */
function readScenario() {
  const values = {};
  const problems = [];
  for (const field of NUMBER_FIELDS) {
    const input = /** @type {HTMLInputElement} */ ($(field.id));
    if (input.value.trim() === "") {
      problems.push({ path: field.path, message: input.validity.badInput ? "enter a number" : "enter a value" });
    } else {
      values[field.key] = Number(input.value);
    }
  }
  const checked = form.querySelector('input[name="storageType"]:checked');
  values.storageType = checked ? checked.value : DEFAULTS.storageType;

  const scenario = structuredClone(base);
  scenario.scaling = { ...(isPlainObject(base.scaling) ? base.scaling : {}), minAcu: values.minAcu, maxAcu: values.maxAcu };
  scenario.workload = { steady: { acu: values.demandAcu } };
  scenario.storageGb = values.storageGb;
  scenario.storageType = values.storageType;
  scenario.hoursPerMonth = values.hoursPerMonth;
  return { scenario, problems };
}

/** The scenario in the URL hash: `null` when there is none, else `{ scenario }` or `{ error }`. */
function scenarioFromHash() {
  const hash = location.hash;
  if (!hash.startsWith(HASH_PREFIX)) return null;
  let scenario;
  try {
    scenario = JSON.parse(decodeURIComponent(hash.slice(HASH_PREFIX.length)));
  } catch {
    return { error: "it is not readable" };
  }
  if (!isPlainObject(scenario)) return { error: "it is not a scenario object" };
  try {
    estimate(scenario);
  } catch (error) {
    return { error: error?.message ?? String(error) };
  }
  return { scenario };
}

function writeHash(scenario) {
  const hash = HASH_PREFIX + encodeURIComponent(JSON.stringify(scenario));
  if (location.hash !== hash) history.replaceState(history.state, "", hash);
}

function clearHash() {
  if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
}

// -------------------------------------------------------------------- errors

function fieldForPath(path) {
  return ALL_FIELDS.find((field) => field.path === path || field.aliases?.includes(path));
}

function describedBy(field, withError) {
  if (field === STORAGE_TYPE) return withError ? "storage-type-error storage-type-hint" : "storage-type-hint";
  const ids = [`${field.id}-unit`, `${field.id}-hint`];
  return (withError ? [`${field.id}-error`, ...ids] : ids).join(" ");
}

function clearErrors() {
  for (const field of ALL_FIELDS) {
    const control = $(field.id);
    control.removeAttribute("aria-invalid");
    control.setAttribute("aria-describedby", describedBy(field, false));
    control.closest(".field")?.classList.remove("has-error");
    const message = $(`${field.id}-error`);
    message.hidden = true;
    message.textContent = "";
  }
  const general = $("general-error");
  general.hidden = true;
  general.textContent = "";
}

/** Shows `message` beside the input for `path`, or above the results when no input matches. */
function showError(path, message) {
  const field = fieldForPath(path);
  const prefix = `${path}: `;
  const text = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  if (!field) {
    const general = $("general-error");
    general.textContent = path ? `${path}: ${text}` : text;
    general.hidden = false;
    return;
  }
  const control = $(field.id);
  control.setAttribute("aria-invalid", "true");
  control.setAttribute("aria-describedby", describedBy(field, true));
  control.closest(".field")?.classList.add("has-error");
  const element = $(`${field.id}-error`);
  element.textContent = capitalise(text) + (/[.!?]$/.test(text) ? "" : ".");
  element.hidden = false;
}

function setStale(stale) {
  results.dataset.stale = String(stale);
  $("mini-total").dataset.stale = String(stale);
  $("stale").hidden = !stale || !hasResult;
}

// ------------------------------------------------------------------- render

function render(report) {
  $("total-monthly").textContent = formatMicroUsd(report.totalMicroUsd);
  $("total-monthly").dataset.microUsd = String(report.totalMicroUsd);
  $("mini-total-value").textContent = formatMicroUsd(report.totalMicroUsd);
  $("total-yearly").textContent = formatMicroUsd(report.yearlyMicroUsd);
  $("table-total").textContent = formatMicroUsd(report.totalMicroUsd);

  const engine = ENGINE_NAMES[report.engine] ?? report.engine;
  const storage = STORAGE_NAMES[report.storageType] ?? report.storageType;
  $("summary").textContent = `${engine} · ${report.region} · ${storage} · ${integerFormat.format(report.hoursPerMonth)} hours`;

  const rows = report.lines.map((line) => {
    const markers = [];
    if (line.price.overridden) markers.push(el("span", { className: "badge badge-override", text: "override" }));
    if (line.price.confidence === "low") markers.push(el("span", { className: "badge badge-low", text: "low confidence" }));
    return el("tr", { attrs: { "data-item": line.item } }, [
      el("th", { attrs: { scope: "row" }, text: capitalise(line.description) }),
      el("td", {
        className: "num",
        attrs: { "data-label": "Quantity" },
        text: `${quantityFormat.format(line.quantity)} ${pluralUnit(line.unit, line.quantity)}`,
      }),
      el("td", { className: "num", attrs: { "data-label": "Unit price" } }, [
        el("span", { className: "unit-price", text: `${formatNanoUsd(line.unitPriceNanoUsd)} / ${line.unit}` }),
        ...(markers.length ? [el("span", { className: "markers" }, markers)] : []),
      ]),
      el("td", { className: "num cost", attrs: { "data-label": "Cost" }, text: formatMicroUsd(line.costMicroUsd) }),
    ]);
  });
  $("line-rows").replaceChildren(...rows);

  const warnings = report.warnings.map((warning) =>
    el("li", { attrs: { "data-kind": warning.kind, "data-field": warning.field } }, [capitalise(warning.message) + "."]),
  );
  $("warning-list").replaceChildren(...warnings);
  $("warnings").hidden = warnings.length === 0;

  $("catalog-name").textContent = capitalise(report.catalog.name);
  $("catalog-date").textContent = report.catalog.asOf;
  $("catalog-date").setAttribute("datetime", report.catalog.asOf);
  $("model-name").textContent = `${report.model.name} v${report.model.version}`;
  $("model-description").textContent = `(${report.model.description})`;
  $("capacity").textContent =
    report.instances
      .map(
        (instance) =>
          `${capitalise(instance.name)}: ${quantityFormat.format(instance.acuHours)} ACU-hours, ${formatAcu(instance.averageAcu)} on average`,
      )
      .join("; ") || "No instances";

  const sources = report.lines.map((line) =>
    el("li", {}, [
      el("strong", { text: `${capitalise(line.description)}: ` }),
      line.price.source,
      line.price.asOf && !line.price.source.includes(line.price.asOf) ? ` (${line.price.asOf})` : "",
      `, ${line.price.confidence} confidence.`,
    ]),
  );
  $("source-list").replaceChildren(...sources);

  hasResult = true;
  results.removeAttribute("aria-busy");
}

/** Recomputes from the inputs. A rejected input keeps the last good result, marked stale. */
function update() {
  clearErrors();
  $("notice").hidden = true;
  const { scenario, problems } = readScenario();
  if (problems.length > 0) {
    for (const problem of problems) showError(problem.path, problem.message);
    setStale(true);
    return;
  }
  let report;
  try {
    report = estimate(scenario);
  } catch (error) {
    if (error?.name === "AcumenError") showError(error.field ?? "", error.message);
    else showError("", `The estimate failed unexpectedly: ${error?.message ?? error}`);
    setStale(true);
    return;
  }
  render(report);
  setStale(false);
  writeHash(scenario);
}

/** Loads the scenario from the URL hash (or the default) and shows its estimate. */
function loadFromLocation() {
  clearErrors();
  const notice = $("notice");
  notice.hidden = true;
  const fromHash = scenarioFromHash();
  let scenario = {};
  if (fromHash?.scenario) {
    scenario = fromHash.scenario;
  } else if (fromHash?.error) {
    notice.textContent = `The scenario in this link could not be used (${fromHash.error}). Showing the default estimate instead.`;
    notice.hidden = false;
    clearHash();
  }
  base = scenario;
  fillInputs(valuesOf(scenario));
  render(estimate(scenario));
  setStale(false);
}

function markReady() {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark("acumen:ready");
      document.body.dataset.ready = "true";
    }),
  );
}

/** On narrow screens, keeps the total in view while the headline is scrolled away. */
function followHeadline() {
  if (typeof IntersectionObserver !== "function") return;
  const bar = $("mini-total");
  const observer = new IntersectionObserver(([entry]) => {
    bar.dataset.show = String(!entry.isIntersecting);
  });
  observer.observe(document.querySelector(".headline"));
}

function showLoadFailure(error) {
  const general = $("general-error");
  general.textContent = `The calculator could not start: ${error?.message ?? error}. Reload the page to try again.`;
  general.hidden = false;
  results.removeAttribute("aria-busy");
  form.querySelectorAll("input, button").forEach((control) => {
    control.disabled = true;
  });
}

async function main() {
  try {
    await init();
  } catch (error) {
    showLoadFailure(error);
    return;
  }
  $("version").textContent = `Acumen ${version()}.`;

  form.addEventListener("input", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  $("reset").addEventListener("click", () => {
    base = {};
    clearHash();
    loadFromLocation();
    $("min-acu").focus();
  });
  window.addEventListener("hashchange", () => {
    if (location.hash === "" || location.hash.startsWith(HASH_PREFIX)) loadFromLocation();
  });

  loadFromLocation();
  followHeadline();
  markReady();
}

main();
