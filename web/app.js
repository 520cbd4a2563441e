// The Acumen calculator page. All maths happens in the wasm core: this file
// builds the inputs, reads them into a scenario, asks for its estimate and
// renders the report. The first estimate is computed on this thread (started
// by boot.js before the page is even laid out), so that it is on screen
// without waiting for a worker to start; every later one runs in a Web Worker
// (worker.js, engine.js), so that typing never waits for the core, and only
// the latest request's answer is shown.
import { HASH_PREFIX, isPlainObject, linkAtStart, parseHash, runLocally, starting, wasmModule } from "./boot.js";
import { weeklyGrid } from "./weekly.js";

// ------------------------------------------------------------ the engine

/** Marks an error as the worker's failure to run at all (not a failed operation). */
class WorkerFailure extends Error {}

/** A client of one worker running engine.js: `call(op, args)` resolves with its answer. */
function workerClient() {
  let worker;
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "acumen" });
  } catch {
    return null;
  }
  const calls = new Map();
  let next = 0;
  let failure = null;
  worker.addEventListener("message", ({ data }) => {
    const call = calls.get(data?.id);
    if (!call) return;
    calls.delete(data.id);
    if (data.ok) call.resolve(data.value);
    else call.reject(Object.assign(new Error(data.error?.message), data.error));
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    failure = new WorkerFailure(event.message || "the calculation worker did not start");
    for (const call of calls.values()) call.reject(failure);
    calls.clear();
  });
  return {
    call(op, args) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = ++next;
        calls.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      });
    },
  };
}

/**
 * A calculation engine: a worker, given the compiled module once `start()`
 * has been called and it is ready, and this thread until then (or if the
 * worker cannot run).
 */
function engineClient({ onStarted = () => {}, waitForWorker = false } = {}) {
  let remote = null;
  let started = false;
  let ready = null;
  const start = () => {
    if (ready) return ready;
    remote = typeof Worker === "function" ? workerClient() : null;
    ready = remote
      ? wasmModule
          .then((module) => remote.call("load", { module }))
          .then(
            () => {
              started = true;
              onStarted();
            },
            () => {
              remote = null;
            },
          )
      : Promise.resolve();
    return ready;
  };
  return {
    start,
    async call(op, args) {
      // Work that should never run on the page waits for its worker to start.
      if (waitForWorker) await start();
      if (remote && started) {
        try {
          return await remote.call(op, args);
        } catch (error) {
          if (!(error instanceof WorkerFailure)) throw error;
          remote = null;
        }
      }
      return runLocally(op, args);
    },
  };
}

/**
 * Runs one operation at a time and shows only the latest request's answer:
 * a request made while another runs waits (replacing any older waiting one),
 * and an answer that a newer request has overtaken is dropped.
 */
function latestWins(call, handle) {
  let seq = 0;
  let running = false;
  let queued = null;
  const pump = (job) => {
    running = true;
    call(job.args)
      .then((value) => ({ value }), (error) => ({ error }))
      .then((outcome) => {
        running = false;
        if (queued) {
          const next = queued;
          queued = null;
          pump(next);
        }
        if (job.seq === seq) handle(outcome, job.args);
      });
  };
  return {
    request(args) {
      const job = { seq: ++seq, args };
      if (running) queued = job;
      else pump(job);
    },
    /** Drops the answers of every request made so far. */
    cancel() {
      seq++;
      queued = null;
    },
    /** Whether a request is running or waiting. */
    get busy() {
      return running || queued !== null;
    },
  };
}

// The estimates' worker starts once the first result is on screen (boot.js computes that one here),
// so that the two never compete for the processor.
const estimator = engineClient({
  onStarted() {
    // Where the estimates run now, for the curious and for the tests.
    document.documentElement.dataset.engine = "worker";
  },
});
/** Heavier, optional work (the optimizer, templates, CSV files) runs in a second worker, started on first use. */
let analyst = null;
const analysis = (op, args) => (analyst ??= engineClient({ waitForWorker: true })).call(op, args);

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MAX_READERS = 15;
const MAX_ROWS = 50;

/** The values the page falls back to when the package has no `defaultScenario()`. */
const FALLBACK_DEFAULTS = {
  engine: "aurora-postgresql",
  engineVersion: null,
  storageType: "standard",
  hoursPerMonth: 730,
  scaling: { minAcu: 0.5, maxAcu: 16, secondsUntilAutoPause: null },
  workload: { steady: { acu: 4 } },
  spikes: [],
  readers: [],
  storageGb: 100,
  io: "none",
  backupStorageGb: 0,
  extras: {
    rdsProxy: false,
    dataApiRequests: 0,
    dataApiPayloadKb: 0,
    snapshotExportGb: 0,
    performanceInsightsRetention: false,
    backtrackChangeRecords: 0,
    globalWriteIos: 0,
    extendedSupport: false,
  },
  priceOverrides: {},
  compare: { classes: [] },
  application: { appInstances: 0, poolSize: 0, performanceInsights: false, globalDatabase: false, logicalReplication: false, zeroEtl: false },
};
/** Starting values of the workload kinds that are not the default. */
const BUSINESS_HOURS = { peakAcu: 8, offPeakAcu: 1, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 };

const PRESETS = {
  steady: { scenario: {}, note: "" },
  businessHours: {
    scenario: { workload: { businessHours: { ...BUSINESS_HOURS } } },
    note: "Business hours: 8 ACU for 10 hours from 08:00 on weekdays, 1 ACU otherwise.",
  },
  seed: {
    scenario: {
      workload: { levels: [{ acu: 16, hours: 220 }, { acu: 2, hours: 520 }] },
      storageGb: 0,
      priceOverrides: { serverlessStandard: 0.12 },
      compare: { classes: [{ class: "db.r6g.xlarge", onDemandHourly: 0.58, reserved: [{ termYears: 1, hourly: 0.37 }] }] },
    },
    note:
      "Seed article example: 16 ACU for 220 h and 2 ACU for 520 h at an overridden $0.12 per ACU-hour, no storage, " +
      "against a db.r6g.xlarge at $0.58 an hour on demand or $0.37 reserved for a year. " +
      "Its levels add up to 740 h, 10 more than the 730-hour month: the estimate bills the levels' hours and warns about it.",
  },
};

const ENGINES = [
  ["aurora-postgresql", "Aurora PostgreSQL"],
  ["aurora-mysql", "Aurora MySQL"],
];
const ENGINE_NAMES = Object.fromEntries(ENGINES);
const STORAGE_NAMES = { standard: "Standard storage", "io-optimized": "I/O-Optimized storage" };

/** The catalog items a price can be overridden for: key, label, unit. */
const PRICE_ITEMS = [
  ["serverlessStandard", "Serverless capacity, Standard", "$ / ACU-hour"],
  ["serverlessIoOptimized", "Serverless capacity, I/O-Optimized", "$ / ACU-hour"],
  ["storageStandard", "Storage, Standard", "$ / GB-month"],
  ["storageIoOptimized", "Storage, I/O-Optimized", "$ / GB-month"],
  ["ioRequests", "I/O requests", "$ / million"],
  ["backup", "Backup storage beyond the free allowance", "$ / GB-month"],
  ["snapshotExport", "Snapshot export to S3", "$ / GB"],
  ["backtrack", "Backtrack change records", "$ / million"],
  ["globalWriteIo", "Global Database replicated writes", "$ / million"],
  ["proxyServerless", "RDS Proxy, serverless", "$ / ACU-hour"],
  ["proxyProvisioned", "RDS Proxy, provisioned", "$ / vCPU-hour"],
  ["dataApi", "Data API, first billion requests", "$ / million"],
  ["dataApiOverBillion", "Data API, beyond one billion", "$ / million"],
  ["performanceInsightsRetention", "Performance Insights retention", "$ / ACU-month"],
  ["extendedSupport", "Extended Support", "$ / ACU-hour"],
];

const $ = (id) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing element #${id}`);
  return element;
};

const form = /** @type {HTMLFormElement} */ ($("scenario-form"));
const results = $("results");

/** The default scenario, every field filled in. */
let defaults = structuredClone(FALLBACK_DEFAULTS);
/** Whether a report has been rendered yet. */
let hasResult = false;
/** The last scenario and report that estimated without error. */
let lastGood = null;
/** Scenario fields the page has no input for (e.g. from a newer link), kept as they are. */
let kept = {};
const FORM_KEYS = new Set([
  "region", "engine", "engineVersion", "storageType", "hoursPerMonth", "scaling", "workload",
  "spikes", "readers", "storageGb", "io", "backupStorageGb", "extras", "priceOverrides", "compare", "application",
]);

// ---------------------------------------------------------------- formatting

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const quantityFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
const acuFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** Micro-dollars as `$1,234.57`: rounded to the cent, halves up. */
function formatMicroUsd(micro) {
  const cents = Math.floor((micro + 5000) / 10000);
  const sign = cents < 0 ? "−" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  return `${sign}$${integerFormat.format(dollars)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Nano-dollars as an exact decimal with at least two places: `0.225`. */
function nanoDecimal(nano) {
  const abs = Math.abs(nano);
  let fraction = String(abs % 1e9).padStart(9, "0").replace(/0+$/, "");
  if (fraction.length < 2) fraction = fraction.padEnd(2, "0");
  return `${nano < 0 ? "−" : ""}${integerFormat.format(Math.floor(abs / 1e9))}.${fraction}`;
}

function formatNanoUsd(nano) {
  const text = nanoDecimal(nano);
  return text.startsWith("−") ? `−$${text.slice(1)}` : `$${text}`;
}

function pluralUnit(unit, quantity) {
  return quantity !== 1 && /-(second|minute|hour|day|month)$/.test(unit) ? `${unit}s` : unit;
}

function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** An option's name as a label: instance classes keep their lower-case "db." prefix. */
function optionLabel(text) {
  return text.startsWith("db.") ? text : capitalise(text);
}

/** Sets a node's text only when it differs (an unchanged text then costs no layout). */
function setText(node, text) {
  if (node.textContent === text) return;
  if (node.childNodes.length === 1 && node.firstChild.nodeType === Node.TEXT_NODE) node.firstChild.nodeValue = text;
  else node.textContent = text;
}

/** Shows or hides a node, touching it only when that changes. */
function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

/** `text` ending in a full stop, as it is (names keep their case). */
function period(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function sentence(text) {
  const body = optionLabel(text);
  return /[.!?]$/.test(body) ? body : `${body}.`;
}

/** Makes `from` like `to` (same tag, attributes, text and children), changing only what differs. */
function morph(from, to) {
  if (from.nodeType !== to.nodeType || from.nodeName !== to.nodeName) {
    from.replaceWith(to);
    return;
  }
  if (from.nodeType !== Node.ELEMENT_NODE) {
    if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
    return;
  }
  for (const { name } of [...from.attributes]) if (!to.hasAttribute(name)) from.removeAttribute(name);
  for (const { name, value } of to.attributes) if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  morphChildren(from, [...to.childNodes]);
}

/**
 * Gives `parent` the children `next`, reusing the nodes it has: a new result
 * that differs in a few numbers changes a few text nodes and attributes, not
 * whole tables or charts, so the browser lays out and paints little.
 */
function morphChildren(parent, next) {
  const old = [...parent.childNodes];
  next.forEach((node, i) => {
    if (i < old.length) morph(old[i], node);
    else parent.append(node);
  });
  for (let i = next.length; i < old.length; i++) old[i].remove();
}

/** An element with optional class, text and attributes. */
function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// -------------------------------------------------------------- form pieces

/** A message slot for the errors of `path`, inside `field`. */
function errorSlot(id) {
  return el("p", { className: "field-error", attrs: { id: `${id}-error`, "data-testid": `error-${id}`, hidden: true } });
}

/**
 * A labelled input with unit, hint and error slot. `path` is the scenario path
 * the core names in its errors.
 */
function inputField({ id, path, label, unit, hint, type = "number", min, max, step = "any", optional, placeholder, inputmode, wide }) {
  const described = [unit && `${id}-unit`, hint && `${id}-hint`].filter(Boolean).join(" ");
  const input = el("input", {
    attrs: {
      id,
      type,
      name: id,
      inputmode: inputmode ?? (type === "number" ? "decimal" : undefined),
      min,
      max,
      step: type === "number" ? step : undefined,
      placeholder,
      autocomplete: "off",
      spellcheck: type === "text" ? "false" : undefined,
      "aria-describedby": described || undefined,
      "data-describedby": described,
      "data-path": path,
      "data-optional": optional ? "true" : undefined,
      "data-testid": `input-${id}`,
    },
  });
  return el("div", { className: `field${wide ? " field-wide" : ""}`, attrs: { "data-path": path } }, [
    el("label", { text: label, attrs: { for: id } }),
    el("div", { className: "control" }, [input, ...(unit ? [el("span", { className: "unit", text: unit, attrs: { id: `${id}-unit` } })] : [])]),
    ...(hint ? [el("p", { className: "hint", text: hint, attrs: { id: `${id}-hint` } })] : []),
    errorSlot(id),
  ]);
}

function selectField({ id, path, label, hint, options }) {
  const select = el(
    "select",
    { attrs: { id, name: id, "aria-describedby": `${id}-hint`, "data-describedby": `${id}-hint`, "data-path": path, "data-testid": `input-${id}` } },
    options.map(([value, text]) => el("option", { text, attrs: { value } })),
  );
  return el("div", { className: "field", attrs: { "data-path": path } }, [
    el("label", { text: label, attrs: { for: id } }),
    el("div", { className: "control control-select" }, [select]),
    el("p", { className: "hint", text: hint, attrs: { id: `${id}-hint` } }),
    errorSlot(id),
  ]);
}

/** A segmented radio group. `choices` are [value, label, id]. */
function radioField({ id, name, path, label, hint, choices, columns }) {
  const segmented = el("div", { className: "segmented" });
  segmented.dataset.columns = String(columns ?? choices.length);
  for (const [value, text, inputId] of choices) {
    segmented.append(
      el("input", { attrs: { type: "radio", id: inputId, name, value, "data-testid": `input-${inputId}` } }),
      el("label", { text, attrs: { for: inputId } }),
    );
  }
  return el(
    "fieldset",
    {
      className: "field group-plain",
      attrs: { id, "data-path": path, "aria-describedby": hint ? `${id}-hint` : undefined, "data-describedby": hint ? `${id}-hint` : "" },
    },
    [el("legend", { text: label }), segmented, ...(hint ? [el("p", { className: "hint", text: hint, attrs: { id: `${id}-hint` } })] : []), errorSlot(id)],
  );
}

function checkboxField({ id, path, label, hint }) {
  return el("div", { className: "field field-check", attrs: { "data-path": path } }, [
    el("div", { className: "check" }, [
      el("input", {
        attrs: {
          type: "checkbox",
          id,
          name: id,
          "data-path": path,
          "aria-describedby": `${id}-hint`,
          "data-describedby": `${id}-hint`,
          "data-testid": `input-${id}`,
        },
      }),
      el("label", { text: label, attrs: { for: id } }),
    ]),
    el("p", { className: "hint", text: hint, attrs: { id: `${id}-hint` } }),
    errorSlot(id),
  ]);
}

/** A group shown open (a fieldset) or disclosed on demand (a details element). */
function group({ id, title, open, summaryId }, children) {
  if (open) {
    return el("fieldset", { className: "group", attrs: { id } }, [el("legend", { text: title }), ...children]);
  }
  return el("details", { className: "group group-more", attrs: { id, "data-testid": `group-${id}` } }, [
    el("summary", {}, [
      el("span", { className: "summary-title", text: title }),
      el("span", { className: "summary-value", attrs: { id: summaryId } }),
    ]),
    el("div", { className: "group-body" }, children),
  ]);
}

// ------------------------------------------------------------- editable lists

/** Lists of rows (levels, spikes, readers), each row a set of fields. */
const LISTS = {
  levels: {
    container: "level-list",
    path: (i) => `workload.levels[${i}]`,
    title: (i) => `Level ${i + 1}`,
    max: MAX_ROWS,
    blank: () => ({ acu: "2", hours: "100" }),
    fields: [
      { key: "acu", label: "Demand", unit: "ACU", hint: "Capacity needed at this level." },
      { key: "hours", label: "Time", unit: "h/month", hint: "Hours a month at this level.", min: 0, max: 744 },
    ],
  },
  spikes: {
    container: "spike-list",
    path: (i) => `spikes[${i}]`,
    title: (i) => `Spike ${i + 1}`,
    max: MAX_ROWS,
    blank: () => ({ extraAcu: "4", everyHours: "24", startMinute: "540", durationMinutes: "15" }),
    fields: [
      { key: "extraAcu", label: "Extra demand", unit: "ACU", hint: "Added on top of the workload." },
      { key: "everyHours", label: "Every", unit: "hours", hint: "24 daily, 168 weekly.", step: 1, inputmode: "numeric" },
      { key: "startMinute", label: "First start", unit: "min", hint: "Minutes after Monday 00:00; 540 is 09:00.", step: 1, inputmode: "numeric" },
      { key: "durationMinutes", label: "Duration", unit: "min", hint: "Length of each spike.", step: 1, inputmode: "numeric" },
    ],
  },
  readers: {
    container: "reader-list",
    path: (i) => `readers[${i}]`,
    title: (i) => `Reader ${i + 1}`,
    max: MAX_READERS,
    blank: () => ({ promotionTier: "1", acu: "" }),
    fields: [
      {
        key: "promotionTier",
        label: "Promotion tier",
        unit: "0–15",
        hint: "Tiers 0 and 1 follow the writer's capacity; 2 to 15 scale on their own.",
        min: 0,
        max: 15,
        step: 1,
        inputmode: "numeric",
      },
      {
        key: "acu",
        label: "Own steady demand",
        unit: "ACU",
        hint: "Optional. Empty: the reader serves the writer's workload.",
        optional: true,
        subpath: "workload.steady.acu",
      },
    ],
  },
};

function listFieldId(list, i, key) {
  return `${LISTS[list].container.replace("-list", "")}-${i}-${key}`;
}

/** The raw (string) values of a list's rows, plus any kept workload of a reader. */
function listValues(list) {
  const spec = LISTS[list];
  return [...$(spec.container).children].map((row, i) => {
    const values = {};
    for (const field of spec.fields) values[field.key] = /** @type {HTMLInputElement} */ ($(listFieldId(list, i, field.key))).value;
    if (row.dataset.keep) values.keep = row.dataset.keep;
    return values;
  });
}

function renderList(list, rows) {
  const spec = LISTS[list];
  const container = $(spec.container);
  container.replaceChildren(
    ...rows.map((values, i) => {
      const title = spec.title(i);
      const fields = spec.fields.map((field) => {
        const id = listFieldId(list, i, field.key);
        const node = inputField({
          id,
          path: `${spec.path(i)}.${field.subpath ?? field.key}`,
          label: field.label,
          unit: field.unit,
          hint: field.hint,
          min: field.min ?? 0,
          max: field.max,
          step: field.step,
          optional: field.optional,
          inputmode: field.inputmode,
        });
        /** @type {HTMLInputElement} */ (node.querySelector("input")).value = values[field.key] ?? "";
        return node;
      });
      const extra = [];
      if (values.keep) {
        const own = JSON.parse(values.keep);
        const what = own.trace ? `its own trace of ${integerFormat.format(own.trace.acu?.length ?? 0)} samples` : "its own workload";
        extra.push(el("p", { className: "hint", text: `Uses ${what} (from a link or a CSV file); enter a steady demand to replace it.` }));
      }
      const row = el("fieldset", { className: "list-row field", attrs: { "data-path": spec.path(i) } }, [
        el("legend", { text: title }),
        el("div", { className: "row-fields" }, fields),
        ...extra,
        el("button", {
          className: "button-link remove-row",
          text: `Remove ${title.toLowerCase()}`,
          attrs: { type: "button", "data-remove": list, "data-index": String(i), "data-testid": `remove-${list}-${i}` },
        }),
        errorSlot(`${spec.container}-${i}`),
      ]);
      if (values.keep) row.dataset.keep = values.keep;
      return row;
    }),
  );
  const add = $(`add-${list}`);
  add.disabled = rows.length >= spec.max;
  const counter = document.getElementById(`${list}-count`);
  if (counter) counter.textContent = rows.length ? `${rows.length}` : "none";
}

function addRow(list) {
  const rows = listValues(list);
  if (rows.length >= LISTS[list].max) return;
  rows.push(LISTS[list].blank());
  renderList(list, rows);
  const first = document.getElementById(listFieldId(list, rows.length - 1, LISTS[list].fields[0].key));
  first?.focus();
  update();
}

function removeRow(list, index) {
  const rows = listValues(list);
  rows.splice(index, 1);
  renderList(list, rows);
  const next = document.getElementById(`add-${list}`);
  next?.focus();
  update();
}

// ------------------------------------------------------- classes to compare

const MAX_CLASSES = 10;
const PAYMENTS = [
  ["no-upfront", "No upfront"],
  ["partial-upfront", "Partial upfront"],
  ["all-upfront", "All upfront"],
];
/** A new reserved offer's inputs. */
const BLANK_OFFER = { term: "1", payment: "no-upfront", hourly: "", upfront: "", discount: "" };

/** The application's feature flags: scenario key, checkbox id. */
const APP_FLAGS = [
  ["performanceInsights", "app-pi"],
  ["globalDatabase", "app-global"],
  ["logicalReplication", "app-logical"],
  ["zeroEtl", "app-zero-etl"],
];

const classPath = (i) => `compare.classes[${i}]`;
const offerPath = (i) => `${classPath(i)}.reserved[0]`;
const asText = (value) => (value === undefined || value === null ? "" : String(value));

/** A scenario's class option as the strings the row shows; what the row cannot show is kept. */
function classRow(option) {
  const { class: name, onDemandHourly, savingsPlanDiscount, reserved, ...rest } = isPlainObject(option) ? option : {};
  const offers = Array.isArray(reserved) ? reserved : [];
  const first = offers[0];
  const row = {
    name: asText(name),
    onDemand: asText(onDemandHourly),
    savingsPlan: asText(savingsPlanDiscount),
    offer: isPlainObject(first)
      ? { term: asText(first.termYears ?? 1), payment: first.payment ?? "no-upfront", hourly: asText(first.hourly), upfront: asText(first.upfront), discount: asText(first.discount) }
      : null,
  };
  const keep = { ...rest };
  if (offers.length > 1) keep.moreReserved = offers.slice(1);
  if (Object.keys(keep).length) row.keep = JSON.stringify(keep);
  return row;
}

/** The class rows as shown now. */
function classValues() {
  return [...$("class-list").children].map((row, i) => {
    const value = (key) => /** @type {HTMLInputElement} */ ($(`class-${i}-${key}`)).value;
    const hasOffer = document.getElementById(`class-${i}-term`) !== null;
    return {
      name: value("name"),
      onDemand: value("onDemand"),
      savingsPlan: value("savingsPlan"),
      offer: hasOffer ? { term: value("term"), payment: value("payment"), hourly: value("hourly"), upfront: value("upfront"), discount: value("discount") } : null,
      keep: /** @type {HTMLElement} */ (row).dataset.keep,
    };
  });
}

function renderClasses(rows) {
  const container = $("class-list");
  container.replaceChildren(
    ...rows.map((values, i) => {
      const field = (options, value) => {
        const node = options.options ? selectField(options) : inputField(options);
        /** @type {HTMLInputElement} */ (node.querySelector("input, select")).value = value;
        return node;
      };
      const children = [
        el("legend", { text: `Class ${i + 1}` }),
        el("div", { className: "row-fields" }, [
          field({ id: `class-${i}-name`, type: "text", path: `${classPath(i)}.class`, label: "Instance class", hint: "For example db.r6g.xlarge.", placeholder: "db.r6g.xlarge", inputmode: "text" }, values.name),
          field({ id: `class-${i}-onDemand`, path: `${classPath(i)}.onDemandHourly`, label: "On-demand rate", unit: "$ / hour", hint: "Optional: empty uses the catalog's rate.", min: 0, optional: true, placeholder: "catalog" }, values.onDemand),
          field({ id: `class-${i}-savingsPlan`, path: `${classPath(i)}.savingsPlanDiscount`, label: "Savings Plan discount", unit: "0–0.9", hint: "Optional: 0.2 is 20 % off on-demand.", min: 0, max: 0.9, optional: true }, values.savingsPlan),
        ]),
      ];
      if (values.offer) {
        const offer = values.offer;
        children.push(
          el("fieldset", { className: "offer field", attrs: { "data-path": offerPath(i), "data-testid": `offer-${i}` } }, [
            el("legend", { text: "Reserved Instance offer" }),
            el("div", { className: "row-fields" }, [
              field({ id: `class-${i}-term`, path: `${offerPath(i)}.termYears`, label: "Term", unit: "years", hint: "1 or 3.", min: 1, max: 3, step: 2, inputmode: "numeric" }, offer.term),
              field({ id: `class-${i}-payment`, path: `${offerPath(i)}.payment`, label: "Payment", hint: "How the reservation is paid.", options: PAYMENTS }, offer.payment),
              field({ id: `class-${i}-hourly`, path: `${offerPath(i)}.hourly`, label: "Hourly rate", unit: "$ / hour", hint: "Effective recurring rate per instance.", min: 0, optional: true }, offer.hourly),
              field({ id: `class-${i}-upfront`, path: `${offerPath(i)}.upfront`, label: "Upfront fee", unit: "$", hint: "Per instance, spread over the term.", min: 0, optional: true }, offer.upfront),
              field({ id: `class-${i}-discount`, path: `${offerPath(i)}.discount`, label: "Or a discount", unit: "0–0.9", hint: "Instead of rates: off on-demand; 0.3 is 30 %.", min: 0, max: 0.9, optional: true }, offer.discount),
            ]),
            el("button", {
              className: "button-link remove-row",
              text: "Remove reserved offer",
              attrs: { type: "button", "data-class-action": "remove-offer", "data-index": String(i), "data-testid": `remove-offer-${i}` },
            }),
            errorSlot(`class-${i}-offer`),
          ]),
        );
      } else {
        children.push(
          el("button", {
            className: "button-secondary add-offer",
            text: "Add reserved offer",
            attrs: { type: "button", "data-class-action": "add-offer", "data-index": String(i), "data-testid": `add-offer-${i}` },
          }),
        );
      }
      if (values.keep) {
        const kept = JSON.parse(values.keep);
        const more = kept.moreReserved?.length ?? 0;
        const parts = [];
        if (kept.memoryGib !== undefined) parts.push(`memory ${kept.memoryGib} GiB`);
        if (more) parts.push(`${more} more reserved offer${more === 1 ? "" : "s"}`);
        if (parts.length) children.push(el("p", { className: "hint", text: `Also from the link: ${parts.join(", ")}.` }));
      }
      children.push(
        el("button", {
          className: "button-link remove-row",
          text: `Remove class ${i + 1}`,
          attrs: { type: "button", "data-class-action": "remove", "data-index": String(i), "data-testid": `remove-class-${i}` },
        }),
        errorSlot(`class-${i}`),
      );
      const row = el("fieldset", { className: "list-row field", attrs: { "data-path": classPath(i), "data-testid": `class-${i}` } }, children);
      if (values.keep) row.dataset.keep = values.keep;
      return row;
    }),
  );
  /** @type {HTMLButtonElement} */ ($("add-class")).disabled = rows.length >= MAX_CLASSES;
}

function classAction(action, index) {
  const rows = classValues();
  let focus;
  if (action === "add") {
    if (rows.length >= MAX_CLASSES) return;
    rows.push({ name: "db.r6g.large", onDemand: "", savingsPlan: "", offer: null });
    focus = `class-${rows.length - 1}-name`;
  } else if (action === "remove") {
    rows.splice(index, 1);
    focus = "add-class";
  } else if (action === "add-offer") {
    rows[index].offer = { ...BLANK_OFFER };
    focus = `class-${index}-term`;
  } else if (action === "remove-offer") {
    rows[index].offer = null;
    focus = `add-offer-${index}`;
  }
  renderClasses(rows);
  document.getElementById(focus)?.focus();
  update();
}

/** The classes to compare, read from the rows. */
function readClasses(num) {
  return classValues().map((row, i) => {
    const { moreReserved, ...kept } = row.keep ? JSON.parse(row.keep) : {};
    const option = { ...kept, class: row.name.trim() };
    const onDemand = num(`class-${i}-onDemand`);
    if (onDemand !== undefined) option.onDemandHourly = onDemand;
    const savingsPlan = num(`class-${i}-savingsPlan`);
    if (savingsPlan !== undefined) option.savingsPlanDiscount = savingsPlan;
    const reserved = [];
    if (row.offer) {
      const offer = { termYears: num(`class-${i}-term`) };
      if (row.offer.payment !== "no-upfront") offer.payment = row.offer.payment;
      for (const key of ["hourly", "upfront", "discount"]) {
        const value = num(`class-${i}-${key}`);
        if (value !== undefined) offer[key] = value;
      }
      reserved.push(offer);
    }
    if (Array.isArray(moreReserved)) reserved.push(...moreReserved);
    if (reserved.length) option.reserved = reserved;
    return option;
  });
}

// ------------------------------------------------------------------ the form

/** The weekly grid (weekly.js), built with the form. */
let weekly = null;

/** The paint value for the weekly grid, or `null` when it is not a number of 0 or more. */
function weeklyBrush() {
  const input = /** @type {HTMLInputElement} */ ($("weekly-brush"));
  const raw = input.value.trim();
  const value = Number(raw);
  const usable = raw !== "" && Number.isFinite(value) && value >= 0;
  if (usable) input.removeAttribute("aria-invalid");
  else input.setAttribute("aria-invalid", "true");
  return usable ? value : null;
}

function buildWeeklyGrid() {
  weekly = weeklyGrid({
    days: DAYS,
    brush: weeklyBrush,
    onChange: () => update(),
    path: (i) => `workload.weekly.hourlyAcu[${i}]`,
    labelledBy: "weekly-label",
    describedBy: "weekly-hint",
  });
  return el("div", { className: "field field-wide", attrs: { "data-path": "workload.weekly.hourlyAcu" } }, [
    el("p", { className: "field-label", text: "Demand for each hour of the week", attrs: { id: "weekly-label" } }),
    el("p", {
      className: "hint",
      text:
        "Rows are days from Monday, columns hours from 00:00; the stronger the colour, the more ACU. Press and drag across hours to set them to the paint value. " +
        "From the keyboard: arrow keys move, type a value, + and − step by 0.5 ACU, Space applies the paint value, Delete sets 0.",
      attrs: { id: "weekly-hint" },
    }),
    el("div", { className: "inline-tool" }, [
      el("label", { text: "Paint value", attrs: { for: "weekly-brush" } }),
      el("input", { attrs: { id: "weekly-brush", type: "number", min: 0, step: "any", inputmode: "decimal", value: "8", "data-tool": "true", "data-testid": "weekly-brush" } }),
      el("span", { className: "muted", text: "ACU" }),
    ]),
    el("div", { className: "grid-scroll" }, [weekly.table]),
    weekly.readout,
    weekly.status,
    el("div", { className: "inline-tool" }, [
      el("label", { text: "Set every hour to", attrs: { for: "weekly-fill" } }),
      el("input", { attrs: { id: "weekly-fill", type: "number", min: 0, step: "any", inputmode: "decimal", value: "4", "data-tool": "true" } }),
      el("span", { className: "muted", text: "ACU" }),
      el("button", { className: "button-secondary", text: "Apply", attrs: { type: "button", id: "weekly-fill-apply" } }),
    ]),
    errorSlot("weekly"),
  ]);
}

/** The CloudWatch CSV import: a drop zone with a file input, its message and what it read. */
function csvImport() {
  return el("div", { className: "field field-wide csv-import", attrs: { "data-path": "csv" } }, [
    el("div", { className: "drop-zone", attrs: { id: "drop-zone", "data-testid": "drop-zone" } }, [
      el("label", { className: "field-label", text: "Or import a trace from CloudWatch", attrs: { for: "csv-file" } }),
      el("input", {
        attrs: {
          id: "csv-file",
          type: "file",
          accept: ".csv,text/csv,text/plain",
          "data-tool": "true",
          "aria-describedby": "csv-file-hint",
          "data-describedby": "csv-file-hint",
          "data-testid": "csv-file",
        },
      }),
      el("p", {
        className: "hint",
        text:
          "A CSV of ServerlessDatabaseCapacity (or any demand in ACU): the console's \"Download as CSV\" or get-metric-data output. " +
          "You can also drop it anywhere on the page. The first series becomes the writer's trace, any others readers at tier 2.",
        attrs: { id: "csv-file-hint" },
      }),
    ]),
    el("p", { className: "field-error import-error", attrs: { id: "csv-error", "data-testid": "csv-error", role: "alert", hidden: true } }),
    el("div", { className: "csv-status", attrs: { id: "csv-status", "data-testid": "csv-status", role: "status" } }),
  ]);
}

function listSection(list, { addLabel, intro }) {
  return [
    ...(intro ? [el("p", { className: "hint group-intro", text: intro })] : []),
    el("div", { className: "field list-field", attrs: { "data-path": LISTS[list].path(0).replace(/\[0\]$/, "") } }, [
      el("div", { className: "list", attrs: { id: LISTS[list].container, "data-testid": LISTS[list].container } }),
      errorSlot(`${LISTS[list].container}`),
    ]),
    el("button", { className: "button-secondary add-row", text: addLabel, attrs: { type: "button", id: `add-${list}`, "data-add": list, "data-testid": `add-${list}` } }),
  ];
}

function buildForm() {
  const capacity = group({ id: "group-capacity", title: "Scaling range", open: true }, [
    inputField({ id: "min-acu", path: "scaling.minAcu", label: "Minimum capacity", unit: "ACU", hint: "0 to 256 in steps of 0.5; 0 lets instances auto-pause (recent engine versions).", min: 0, max: 256, step: 0.5 }),
    inputField({ id: "max-acu", path: "scaling.maxAcu", label: "Maximum capacity", unit: "ACU", hint: "1 to 256 in steps of 0.5 (128 on older engine versions).", min: 1, max: 256, step: 0.5 }),
    inputField({ id: "auto-pause", path: "scaling.secondsUntilAutoPause", label: "Auto-pause after", unit: "seconds", hint: "Optional: idle time before pausing, 300 to 86,400; used only with a minimum of 0.", min: 300, max: 86400, step: 1, optional: true, placeholder: "300", inputmode: "numeric" }),
  ]);

  const kinds = [
    ["steady", "Steady", "kind-steady"],
    ["businessHours", "Business hours", "kind-business"],
    ["levels", "Levels", "kind-levels"],
    ["weekly", "Weekly", "kind-weekly"],
    ["trace", "Trace", "kind-trace"],
  ];
  const workload = group({ id: "group-workload", title: "Workload", open: true }, [
    radioField({ id: "workload-kind", name: "workloadKind", path: "workload", label: "Demand shape", hint: "How the writer's demand varies over the month.", choices: kinds, columns: 3 }),
    el("div", { className: "kind-panel", attrs: { "data-kind": "steady" } }, [
      inputField({ id: "demand-acu", path: "workload.steady.acu", label: "Steady demand", unit: "ACU", hint: "The load the writer serves all month; capacity rounds up to the next 0.5 ACU.", min: 0 }),
    ]),
    el("div", { className: "kind-panel", attrs: { "data-kind": "businessHours" } }, [
      el("div", { className: "field-pair" }, [
        inputField({ id: "bh-peak", path: "workload.businessHours.peakAcu", label: "Peak demand", unit: "ACU", hint: "During business hours.", min: 0 }),
        inputField({ id: "bh-off-peak", path: "workload.businessHours.offPeakAcu", label: "Off-peak demand", unit: "ACU", hint: "At all other times.", min: 0 }),
        inputField({ id: "bh-hours", path: "workload.businessHours.hoursPerDay", label: "Business hours", unit: "h/day", hint: "1 to 24.", min: 1, max: 24, step: 1, inputmode: "numeric" }),
        inputField({ id: "bh-start", path: "workload.businessHours.startHour", label: "Starting at", unit: "hour", hint: "0 to 23; 8 is 08:00.", min: 0, max: 23, step: 1, inputmode: "numeric" }),
        inputField({ id: "bh-days", path: "workload.businessHours.daysPerWeek", label: "Business days", unit: "days/week", hint: "1 to 7, from Monday.", min: 1, max: 7, step: 1, inputmode: "numeric" }),
      ]),
    ]),
    el("div", { className: "kind-panel", attrs: { "data-kind": "levels" } }, [
      ...listSection("levels", { addLabel: "Add level", intro: "Hours a month at each demand level, in any order." }),
      el("p", { className: "hint", attrs: { id: "levels-total", "data-testid": "levels-total", "aria-live": "polite" } }),
    ]),
    el("div", { className: "kind-panel", attrs: { "data-kind": "weekly" } }, [buildWeeklyGrid()]),
    el("div", { className: "kind-panel", attrs: { "data-kind": "trace" } }, [
      el("div", { className: "field field-wide", attrs: { "data-path": "workload.trace.acu" } }, [
        el("label", { text: "Demand samples", attrs: { for: "trace-acu" } }),
        el("textarea", {
          attrs: {
            id: "trace-acu",
            rows: "4",
            spellcheck: "false",
            "data-path": "workload.trace.acu",
            "aria-describedby": "trace-acu-hint",
            "data-describedby": "trace-acu-hint",
            "data-testid": "input-trace-acu",
          },
        }),
        el("p", { className: "hint", text: "ACU values separated by commas or spaces, evenly spaced from Monday 00:00; repeated to fill the month.", attrs: { id: "trace-acu-hint" } }),
        errorSlot("trace-acu"),
      ]),
      inputField({ id: "trace-interval", path: "workload.trace.intervalSeconds", label: "Sample interval", unit: "seconds", hint: "1 to 86,400 seconds between samples.", min: 1, max: 86400, step: 1, inputmode: "numeric" }),
    ]),
    csvImport(),
    inputField({ id: "hours", path: "hoursPerMonth", label: "Hours per month", unit: "hours", hint: "1 to 744 whole hours; 730 is the average month.", min: 1, max: 744, step: 1, inputmode: "numeric" }),
    el("details", { className: "subgroup", attrs: { id: "spikes-details" } }, [
      el("summary", {}, [el("span", { text: "Spikes " }), el("span", { className: "summary-value", attrs: { id: "spikes-count" } })]),
      ...listSection("spikes", { addLabel: "Add spike", intro: "Recurring bursts of extra demand on the writer." }),
    ]),
  ]);

  const storage = group({ id: "group-storage", title: "Storage", open: true }, [
    inputField({ id: "storage-gb", path: "storageGb", label: "Volume size", unit: "GB", hint: "The cluster volume, billed per GB-month.", min: 0 }),
    radioField({
      id: "storage-type",
      name: "storageType",
      path: "storageType",
      label: "Storage type",
      hint: "I/O-Optimized has higher compute and storage prices and no I/O charges.",
      choices: [
        ["standard", "Standard", "storage-standard"],
        ["io-optimized", "I/O-Optimized", "storage-io"],
      ],
    }),
    inputField({ id: "backup-gb", path: "backupStorageGb", label: "Backup storage", unit: "GB", hint: "Total backups kept; up to the volume size is free.", min: 0, optional: true }),
  ]);

  const cluster = group({ id: "group-engine", title: "Region and engine", summaryId: "engine-summary" }, [
    selectField({ id: "region", path: "region", label: "Region", hint: "Prices differ by region; some lack a price you can supply below.", options: [] }),
    selectField({ id: "engine", path: "engine", label: "Engine", hint: "Sets the engine versions, limits and max_connections.", options: ENGINES }),
    inputField({ id: "engine-version", type: "text", path: "engineVersion", label: "Engine version", hint: "Optional, e.g. 16.4 or 3.08.0; empty means a current version.", optional: true, placeholder: "current", inputmode: "text" }),
    el("p", { className: "hint capabilities", attrs: { id: "engine-capabilities", "data-testid": "engine-capabilities", hidden: true } }),
  ]);

  const readers = group({ id: "group-readers", title: "Readers", summaryId: "readers-count" }, [
    ...listSection("readers", { addLabel: "Add reader", intro: "Serverless readers (Aurora Replicas), up to 15, sharing the scaling range." }),
  ]);

  const io = group({ id: "group-io", title: "I/O requests", summaryId: "io-summary" }, [
    radioField({
      id: "io-mode",
      name: "ioMode",
      path: "io",
      label: "I/O usage",
      hint: "Billed on Standard storage only.",
      choices: [
        ["none", "None", "io-none"],
        ["monthly", "Monthly total", "io-monthly"],
        ["rates", "Rates", "io-rates"],
      ],
    }),
    el("div", { className: "io-panel", attrs: { "data-io": "monthly" } }, [
      inputField({ id: "io-requests", path: "io.monthly.requests", label: "Requests a month", unit: "requests", hint: "Read and write I/O operations a month, e.g. 50000000.", min: 0, step: 1, inputmode: "numeric" }),
    ]),
    el("div", { className: "io-panel", attrs: { "data-io": "rates" } }, [
      inputField({ id: "io-baseline", path: "io.rates.baselinePerSecond", label: "Baseline rate", unit: "per second", hint: "I/O requests per second outside the peak.", min: 0 }),
      inputField({ id: "io-peak", path: "io.rates.peakPerSecond", label: "Peak rate", unit: "per second", hint: "I/O requests per second during the peak.", min: 0 }),
      inputField({ id: "io-peak-hours", path: "io.rates.peakHoursPerMonth", label: "Peak time", unit: "h/month", hint: "Hours a month at the peak rate.", min: 0, max: 744 }),
    ]),
  ]);

  const extras = group({ id: "group-extras", title: "Extras", summaryId: "extras-summary" }, [
    checkboxField({ id: "rds-proxy", path: "extras.rdsProxy", label: "RDS Proxy", hint: "Billed per ACU-hour of serverless capacity, at least 8 ACUs; keeps instances from pausing." }),
    checkboxField({ id: "pi-retention", path: "extras.performanceInsightsRetention", label: "Performance Insights long-term retention", hint: "Billed per ACU-month." }),
    checkboxField({ id: "extended-support", path: "extras.extendedSupport", label: "RDS Extended Support", hint: "The engine version is past standard support; billed per ACU-hour." }),
    inputField({ id: "data-api-requests", path: "extras.dataApiRequests", label: "Data API requests", unit: "a month", hint: "Requests through the RDS Data API.", min: 0, step: 1, optional: true, inputmode: "numeric" }),
    inputField({ id: "data-api-kb", path: "extras.dataApiPayloadKb", label: "Data API payload", unit: "KB", hint: "Average size; each started 32 KB is billed as one request.", min: 0, optional: true }),
    inputField({ id: "snapshot-export-gb", path: "extras.snapshotExportGb", label: "Snapshot export", unit: "GB/month", hint: "Snapshot data exported to Amazon S3 a month.", min: 0, optional: true }),
    inputField({ id: "backtrack-records", path: "extras.backtrackChangeRecords", label: "Backtrack change records", unit: "a month", hint: "Aurora MySQL only.", min: 0, step: 1, optional: true, inputmode: "numeric" }),
    inputField({ id: "global-write-ios", path: "extras.globalWriteIos", label: "Global Database writes", unit: "a month", hint: "Replicated write I/Os to other regions.", min: 0, step: 1, optional: true, inputmode: "numeric" }),
  ]);

  const compare = group({ id: "group-compare", title: "Compare with", summaryId: "compare-summary" }, [
    el("p", {
      className: "hint group-intro",
      text: "Provisioned instance classes to weigh serverless against. With none listed, the smallest class of each family with memory for the peak is compared at catalog on-demand rates.",
    }),
    el("div", { className: "field list-field", attrs: { "data-path": "compare.classes" } }, [
      el("div", { className: "list", attrs: { id: "class-list", "data-testid": "class-list" } }),
      errorSlot("class-list"),
    ]),
    el("button", { className: "button-secondary add-row", text: "Add class", attrs: { type: "button", id: "add-class", "data-class-action": "add", "data-testid": "add-class" } }),
    inputField({ id: "serverless-sp", path: "compare.serverlessSavingsPlanDiscount", label: "Serverless Savings Plan discount", unit: "0–0.9", hint: "Optional: a Database Savings Plan's discount on ACU-hours; 0.2 is 20 % off.", min: 0, max: 0.9, optional: true }),
  ]);

  const application = group({ id: "group-application", title: "Application", summaryId: "application-summary" }, [
    el("p", { className: "hint group-intro", text: "Optional facts about the application, for the configuration advice." }),
    inputField({ id: "app-working-set", path: "application.workingSetGib", label: "Working set", unit: "GiB", hint: "Optional: hot data that should stay in memory.", min: 0, optional: true }),
    inputField({ id: "app-instances", path: "application.appInstances", label: "Application instances", unit: "instances", hint: "Optional: pods, tasks or functions holding a connection pool.", min: 0, step: 1, optional: true, inputmode: "numeric", placeholder: "0" }),
    inputField({ id: "app-pool", path: "application.poolSize", label: "Pool size", unit: "connections", hint: "Optional: connections in each instance's pool.", min: 0, step: 1, optional: true, inputmode: "numeric", placeholder: "0" }),
    checkboxField({ id: "app-pi", path: "application.performanceInsights", label: "Performance Insights is on", hint: "AWS recommends a minimum of 2 ACU with it." }),
    checkboxField({ id: "app-global", path: "application.globalDatabase", label: "Primary of a Global Database", hint: "A minimum of 8 ACU is recommended; no auto-pause." }),
    checkboxField({ id: "app-logical", path: "application.logicalReplication", label: "Logical or binlog replication", hint: "Keeps instances from auto-pausing." }),
    checkboxField({ id: "app-zero-etl", path: "application.zeroEtl", label: "Zero-ETL integration", hint: "Keeps instances from auto-pausing." }),
  ]);

  const overrides = group({ id: "group-overrides", title: "Price overrides", summaryId: "overrides-summary" }, [
    el("p", { className: "hint group-intro", text: "Optional unit prices in USD that replace the catalog's; needed where the catalog has no price. The placeholder shows the price used now." }),
    ...PRICE_ITEMS.map(([key, label, unit]) =>
      inputField({ id: `price-${key}`, path: `priceOverrides.${key}`, label, unit, min: 0, optional: true }),
    ),
  ]);

  $("form-groups").replaceChildren(capacity, workload, storage, cluster, readers, io, extras, compare, application, overrides);
}

/** Shows the panel of the chosen workload kind and I/O mode. */
function syncPanels() {
  const kind = checkedValue("workloadKind") ?? "steady";
  for (const panel of form.querySelectorAll(".kind-panel")) setHidden(panel, panel.dataset.kind !== kind);
  // What the last CSV file gave is shown with the trace it became.
  setHidden($("csv-status"), kind !== "trace");
  const io = checkedValue("ioMode") ?? "none";
  for (const panel of form.querySelectorAll(".io-panel")) setHidden(panel, panel.dataset.io !== io);
}

function checkedValue(name) {
  return /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]:checked`))?.value;
}

function setChecked(name, value) {
  for (const radio of form.querySelectorAll(`input[name="${name}"]`)) radio.checked = radio.value === value;
}

// ------------------------------------------------------------------ scenario

/** The regions the package has prices for, from the worker. */
let regionList = [];

function setRegionOptions(current) {
  const select = /** @type {HTMLSelectElement} */ ($("region"));
  const options = regionList.map((region) => {
    if (typeof region === "string") return [region, region];
    const code = region.code ?? region.region ?? region.id;
    const name = region.name ?? region.label ?? region.location;
    return [code, name ? `${name} (${code})` : code];
  });
  if (current && !options.some(([code]) => code === current)) options.unshift([current, current]);
  const wanted = JSON.stringify(options);
  if (select.dataset.options !== wanted) {
    select.replaceChildren(...options.map(([value, text]) => el("option", { text, attrs: { value } })));
    select.dataset.options = wanted;
  }
  select.value = current;
}

function setValue(id, value) {
  /** @type {HTMLInputElement} */ ($(id)).value = value === undefined || value === null ? "" : String(value);
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

/** Fills the inputs from a scenario, defaults filling the gaps. */
function fillForm(scenario) {
  const d = defaults;
  const s = scenario;
  setRegionOptions(s.region ?? d.region);
  /** @type {HTMLSelectElement} */ ($("engine")).value = s.engine ?? d.engine;
  setValue("engine-version", s.engineVersion ?? d.engineVersion);

  const scaling = { ...d.scaling, ...(isPlainObject(s.scaling) ? s.scaling : {}) };
  setValue("min-acu", scaling.minAcu);
  setValue("max-acu", scaling.maxAcu);
  setValue("auto-pause", scaling.secondsUntilAutoPause);

  const workload = isPlainObject(s.workload) ? s.workload : d.workload;
  const kind = Object.keys(workload)[0] ?? "steady";
  setChecked("workloadKind", kind);
  const steadyAcu = workload.steady?.acu ?? d.workload.steady?.acu ?? 4;
  setValue("demand-acu", steadyAcu);
  const bh = { ...BUSINESS_HOURS, ...(workload.businessHours ?? {}) };
  setValue("bh-peak", bh.peakAcu);
  setValue("bh-off-peak", bh.offPeakAcu);
  setValue("bh-hours", bh.hoursPerDay);
  setValue("bh-start", bh.startHour);
  setValue("bh-days", bh.daysPerWeek);
  const hours = s.hoursPerMonth ?? d.hoursPerMonth;
  const levels = workload.levels ?? [{ acu: steadyAcu, hours }];
  renderList("levels", levels.map((level) => ({ acu: String(level.acu ?? 0), hours: String(level.hours ?? 0) })));
  weekly.setAll(workload.weekly ? (Array.isArray(workload.weekly.hourlyAcu) ? workload.weekly.hourlyAcu : []) : weekOf(workload, steadyAcu));
  const trace = workload.trace ?? {};
  $("trace-acu").value = (trace.acu ?? [steadyAcu]).join(", ");
  setValue("trace-interval", trace.intervalSeconds ?? 60);
  setValue("hours", hours);

  renderList(
    "spikes",
    (Array.isArray(s.spikes) ? s.spikes : []).map((spike) => {
      const blank = LISTS.spikes.blank();
      return Object.fromEntries(Object.keys(blank).map((key) => [key, String(spike[key] ?? blank[key])]));
    }),
  );
  $("spikes-details").open = Array.isArray(s.spikes) && s.spikes.length > 0;

  setValue("storage-gb", s.storageGb ?? d.storageGb);
  setChecked("storageType", s.storageType ?? d.storageType);
  setValue("backup-gb", s.backupStorageGb ?? d.backupStorageGb);

  renderList(
    "readers",
    (Array.isArray(s.readers) ? s.readers : []).map((reader) => {
      const own = reader.workload;
      const steady = isPlainObject(own) && own.steady ? own.steady.acu : undefined;
      const row = { promotionTier: String(reader.promotionTier ?? 0), acu: steady === undefined ? "" : String(steady) };
      if (isPlainObject(own) && !own.steady) row.keep = JSON.stringify(own);
      return row;
    }),
  );

  const io = s.io ?? d.io;
  const mode = isPlainObject(io) ? Object.keys(io)[0] : "none";
  setChecked("ioMode", mode);
  setValue("io-requests", io?.monthly?.requests ?? "");
  setValue("io-baseline", io?.rates?.baselinePerSecond ?? "");
  setValue("io-peak", io?.rates?.peakPerSecond ?? "");
  setValue("io-peak-hours", io?.rates?.peakHoursPerMonth ?? "");

  const extras = { ...d.extras, ...(isPlainObject(s.extras) ? s.extras : {}) };
  $("rds-proxy").checked = Boolean(extras.rdsProxy);
  $("pi-retention").checked = Boolean(extras.performanceInsightsRetention);
  $("extended-support").checked = Boolean(extras.extendedSupport);
  setValue("data-api-requests", extras.dataApiRequests);
  setValue("data-api-kb", extras.dataApiPayloadKb);
  setValue("snapshot-export-gb", extras.snapshotExportGb);
  setValue("backtrack-records", extras.backtrackChangeRecords);
  setValue("global-write-ios", extras.globalWriteIos);

  const compare = isPlainObject(s.compare) ? s.compare : {};
  renderClasses((Array.isArray(compare.classes) ? compare.classes : []).map(classRow));
  setValue("serverless-sp", compare.serverlessSavingsPlanDiscount);

  const app = { ...d.application, ...(isPlainObject(s.application) ? s.application : {}) };
  setValue("app-working-set", app.workingSetGib);
  setValue("app-instances", app.appInstances || "");
  setValue("app-pool", app.poolSize || "");
  for (const [key, id] of APP_FLAGS) $(id).checked = Boolean(app[key]);

  const overrides = isPlainObject(s.priceOverrides) ? s.priceOverrides : {};
  for (const [key] of PRICE_ITEMS) setValue(`price-${key}`, overrides[key]);
  const anyOverride = PRICE_ITEMS.some(([key]) => overrides[key] !== undefined && overrides[key] !== null);
  if (anyOverride) $("group-overrides").open = true;

  syncPanels();
}

/** A number input's value; empty required inputs are reported, empty optional ones are `undefined`. */
function readNumber(input, problems) {
  const raw = input.value.trim();
  if (raw === "") {
    if (input.dataset.optional !== "true" || input.validity.badInput) {
      problems.push({ path: input.dataset.path, message: input.validity.badInput ? "enter a number" : "enter a value" });
    }
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) problems.push({ path: input.dataset.path, message: `enter a number, not "${raw}"` });
  return value;
}

/**
 * Reads the inputs into a scenario. Fields equal to the default are left
 * out, so links stay short. Empty or unreadable required inputs are
 * reported instead, as the core cannot be asked about them.
 */
function readScenario() {
  const problems = [];
  const num = (id) => readNumber(/** @type {HTMLInputElement} */ ($(id)), problems);
  const d = defaults;
  const s = {};

  const region = /** @type {HTMLSelectElement} */ ($("region")).value;
  if (region && region !== d.region) s.region = region;
  const engine = /** @type {HTMLSelectElement} */ ($("engine")).value;
  if (engine !== d.engine) s.engine = engine;
  const engineVersion = /** @type {HTMLInputElement} */ ($("engine-version")).value.trim();
  if (engineVersion) s.engineVersion = engineVersion;
  const storageType = checkedValue("storageType") ?? d.storageType;
  if (storageType !== d.storageType) s.storageType = storageType;
  const hours = num("hours");
  if (hours !== d.hoursPerMonth) s.hoursPerMonth = hours;

  const scaling = {};
  const minAcu = num("min-acu");
  const maxAcu = num("max-acu");
  const pause = num("auto-pause");
  if (minAcu !== d.scaling.minAcu) scaling.minAcu = minAcu;
  if (maxAcu !== d.scaling.maxAcu) scaling.maxAcu = maxAcu;
  if (pause !== undefined && pause !== d.scaling.secondsUntilAutoPause) scaling.secondsUntilAutoPause = pause;
  if (Object.keys(scaling).length) s.scaling = scaling;

  let workload;
  switch (checkedValue("workloadKind")) {
    case "businessHours":
      workload = {
        businessHours: {
          peakAcu: num("bh-peak"),
          offPeakAcu: num("bh-off-peak"),
          hoursPerDay: num("bh-hours"),
          startHour: num("bh-start"),
          daysPerWeek: num("bh-days"),
        },
      };
      break;
    case "levels":
      workload = { levels: listValues("levels").map((_, i) => ({ acu: num(listFieldId("levels", i, "acu")), hours: num(listFieldId("levels", i, "hours")) })) };
      break;
    case "weekly": {
      const hourlyAcu = weekly.values;
      hourlyAcu.forEach((value, i) => {
        if (value === null || !Number.isFinite(value)) problems.push({ path: `workload.weekly.hourlyAcu[${i}]`, message: "enter a value" });
      });
      workload = { weekly: { hourlyAcu } };
      break;
    }
    case "trace": {
      const raw = /** @type {HTMLTextAreaElement} */ ($("trace-acu")).value.trim();
      const parts = raw === "" ? [] : raw.split(/[\s,;]+/).filter(Boolean);
      const bad = parts.find((part) => !Number.isFinite(Number(part)));
      if (bad !== undefined) problems.push({ path: "workload.trace.acu", message: `"${bad}" is not a number` });
      workload = { trace: { acu: parts.map(Number), intervalSeconds: num("trace-interval") } };
      break;
    }
    default:
      workload = { steady: { acu: num("demand-acu") } };
  }
  if (!same(workload, d.workload)) s.workload = workload;

  const spikes = listValues("spikes").map((_, i) =>
    Object.fromEntries(LISTS.spikes.fields.map((field) => [field.key, num(listFieldId("spikes", i, field.key))])),
  );
  if (spikes.length) s.spikes = spikes;

  const readers = listValues("readers").map((row, i) => {
    const reader = { promotionTier: num(listFieldId("readers", i, "promotionTier")) };
    const acu = num(listFieldId("readers", i, "acu"));
    if (acu !== undefined) reader.workload = { steady: { acu } };
    else if (row.keep) reader.workload = JSON.parse(row.keep);
    return reader;
  });
  if (readers.length) s.readers = readers;

  const storageGb = num("storage-gb");
  if (storageGb !== d.storageGb) s.storageGb = storageGb;
  const backup = num("backup-gb");
  if (backup !== undefined && backup !== d.backupStorageGb) s.backupStorageGb = backup;

  const ioMode = checkedValue("ioMode") ?? "none";
  if (ioMode === "monthly") s.io = { monthly: { requests: num("io-requests") } };
  if (ioMode === "rates") {
    s.io = { rates: { baselinePerSecond: num("io-baseline"), peakPerSecond: num("io-peak"), peakHoursPerMonth: num("io-peak-hours") } };
  }

  const extras = {};
  for (const [key, id] of [["rdsProxy", "rds-proxy"], ["performanceInsightsRetention", "pi-retention"], ["extendedSupport", "extended-support"]]) {
    if ($(id).checked) extras[key] = true;
  }
  for (const [key, id] of [
    ["dataApiRequests", "data-api-requests"],
    ["dataApiPayloadKb", "data-api-kb"],
    ["snapshotExportGb", "snapshot-export-gb"],
    ["backtrackChangeRecords", "backtrack-records"],
    ["globalWriteIos", "global-write-ios"],
  ]) {
    const value = num(id);
    if (value !== undefined && value !== (d.extras[key] ?? 0)) extras[key] = value;
  }
  if (Object.keys(extras).length) s.extras = extras;

  const compare = {};
  const classes = readClasses(num);
  if (classes.length) compare.classes = classes;
  const serverlessPlan = num("serverless-sp");
  if (serverlessPlan !== undefined) compare.serverlessSavingsPlanDiscount = serverlessPlan;
  if (Object.keys(compare).length) s.compare = compare;

  const application = {};
  const workingSet = num("app-working-set");
  if (workingSet !== undefined) application.workingSetGib = workingSet;
  for (const [key, id] of [["appInstances", "app-instances"], ["poolSize", "app-pool"]]) {
    const value = num(id);
    if (value !== undefined && value !== (d.application?.[key] ?? 0)) application[key] = value;
  }
  for (const [key, id] of APP_FLAGS) {
    if ($(id).checked) application[key] = true;
  }
  if (Object.keys(application).length) s.application = application;

  const overrides = {};
  for (const [key] of PRICE_ITEMS) {
    const value = num(`price-${key}`);
    if (value !== undefined) overrides[key] = value;
  }
  if (Object.keys(overrides).length) s.priceOverrides = overrides;

  for (const [key, value] of Object.entries(kept)) {
    if (value !== null && value !== undefined && !(isPlainObject(value) && Object.keys(value).length === 0)) s[key] = value;
  }
  return { scenario: s, problems };
}

/** The URL the page should show, written a moment after the last change (browsers limit how often a page may rewrite it). */
let hashWanted = null;
let hashTimer = 0;
const HASH_DELAY_MS = 250;

/** Where the browser keeps the last scenario edited here (not the default). */
const MEMORY_KEY = "acumen.lastScenario";

/** Remembers a scenario in this browser; storage may be off or full, which only loses the memory. */
function remember(scenario) {
  if (Object.keys(scenario).length === 0) return; // a reset keeps what came before, to restore
  try {
    localStorage.setItem(MEMORY_KEY, JSON.stringify({ scenario, savedAt: Date.now() }));
  } catch {
    // Private browsing or a full store: the URL still holds the scenario.
  }
}

/** The scenario remembered in this browser, if any: `{ scenario, savedAt }`. */
function remembered() {
  try {
    const saved = JSON.parse(localStorage.getItem(MEMORY_KEY) ?? "null");
    return isPlainObject(saved?.scenario) && Object.keys(saved.scenario).length ? saved : null;
  } catch {
    return null;
  }
}

/** Offers the remembered scenario on a visit without one in the link (never loads it unasked). */
function offerRestore() {
  const saved = remembered();
  if (!saved) return;
  const minutes = Math.round((Date.now() - Number(saved.savedAt)) / 60_000);
  $("restore-when").textContent = Number.isFinite(minutes)
    ? `(edited ${minutes < 1 ? "just now" : minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`})`
    : "";
  setHidden($("restore"), false);
  $("restore-button").addEventListener("click", () => {
    setHidden($("restore"), true);
    setHidden($("preset-note"), true);
    load(structuredClone(saved.scenario));
    $("min-acu").focus();
  });
}

/** Puts the scenario in the URL hash, shortly, and remembers it here; the default scenario needs no hash. */
function writeHash(scenario) {
  remember(scenario);
  hashWanted = Object.keys(scenario).length === 0 ? "" : HASH_PREFIX + encodeURIComponent(JSON.stringify(scenario));
  clearTimeout(hashTimer);
  document.body.dataset.urlPending = "true";
  hashTimer = setTimeout(flushHash, HASH_DELAY_MS);
}

/** Writes the pending URL now. */
function flushHash() {
  clearTimeout(hashTimer);
  delete document.body.dataset.urlPending;
  if (hashWanted === null) return;
  const wanted = hashWanted;
  hashWanted = null;
  if (wanted === "") {
    if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
  } else if (location.hash !== wanted) {
    history.replaceState(history.state, "", wanted);
  }
}

function clearHash() {
  hashWanted = "";
  flushHash();
}

// -------------------------------------------------------------------- errors

/** The parent of a path: `readers[1].promotionTier` → `readers[1]` → `readers`. */
function parentPath(path) {
  return path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
}

/** The nearest field that can show an error for `path`. */
function fieldForPath(path) {
  for (let p = path; p; ) {
    const field = [...form.querySelectorAll(".field[data-path]")].find((node) => node.dataset.path === p && !node.closest("[hidden]"));
    if (field) return field;
    const parent = parentPath(p);
    if (parent === p) break;
    p = parent;
  }
  return null;
}

function controlsOf(field, path) {
  const exact = [...field.querySelectorAll("[data-path]")].filter((node) => node.dataset.path === path && node !== field);
  if (exact.length) return exact;
  if (field.matches("fieldset.group-plain")) return [field];
  const own = [...field.querySelectorAll("input, select, textarea")].filter((node) => node.dataset.path === field.dataset.path);
  return own.length ? own : [field];
}

function clearErrors() {
  for (const node of form.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    if (node.dataset.describedby !== undefined) {
      if (node.dataset.describedby) node.setAttribute("aria-describedby", node.dataset.describedby);
      else node.removeAttribute("aria-describedby");
    }
  }
  for (const node of form.querySelectorAll(".has-error")) node.classList.remove("has-error");
  for (const message of form.querySelectorAll(".field-error:not(.import-error):not([hidden])")) {
    setHidden(message, true);
    message.textContent = "";
  }
  const general = $("general-error");
  if (!general.hidden) {
    setHidden(general, true);
    general.textContent = "";
  }
}

/** Shows `message` beside the input for `path`, or above the results when no input matches. */
function showError(path, message) {
  const prefix = `${path}: `;
  const text = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  const field = path ? fieldForPath(path) : null;
  if (!field) {
    const general = $("general-error");
    general.textContent = sentence(path ? `${path}: ${text}` : text);
    setHidden(general, false);
    return null;
  }
  const slot = field.querySelector(":scope > .field-error");
  for (let details = field.closest("details"); details; details = details.parentElement?.closest("details")) details.open = true;
  field.classList.add("has-error");
  for (const control of controlsOf(field, path)) {
    control.setAttribute("aria-invalid", "true");
    if (slot) control.setAttribute("aria-describedby", [slot.id, control.dataset.describedby].filter(Boolean).join(" "));
  }
  if (slot) {
    slot.textContent = sentence(text);
    setHidden(slot, false);
  }
  return field;
}

function setStale(stale) {
  const value = String(stale);
  if (results.dataset.stale !== value) results.dataset.stale = value;
  if ($("mini-total").dataset.stale !== value) $("mini-total").dataset.stale = value;
  setHidden($("stale"), !stale || !hasResult);
}

// ------------------------------------------------------------------- render

function provenanceOf(price) {
  const parts = [price.overridden ? "Your override" : price.source];
  if (price.asOf && !price.source.includes(price.asOf)) parts.push(price.asOf);
  parts.push(`${price.confidence} confidence`);
  return parts.join(" · ");
}

function renderLines(report) {
  const rows = report.lines.map((line) => {
    const markers = [];
    if (line.price.overridden) markers.push(el("span", { className: "badge badge-override", text: "override" }));
    if (line.price.confidence === "low") markers.push(el("span", { className: "badge badge-low", text: "low confidence" }));
    return el("tr", { attrs: { "data-item": line.item, "data-component": line.component, "data-confidence": line.price.confidence } }, [
      el("th", { attrs: { scope: "row" } }, [
        el("span", { className: "line-name", text: capitalise(line.description) }),
        el("small", { className: "provenance", text: provenanceOf(line.price) }),
        ...(line.price.note ? [el("small", { className: "provenance provenance-note", text: `Note: ${line.price.note}` })] : []),
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

/** Unmet demand: a number, or (from the simulating model) ACU-hours by cause. */
function unmetCell(unmet) {
  const parts = isPlainObject(unmet) ? unmet : { total: Number(unmet) || 0 };
  const total = Object.values(parts).reduce((sum, value) => sum + (Number(value) || 0), 0);
  const cell = el("td", { className: `num${total > 0 ? " unmet" : ""}`, text: quantityFormat.format(total) });
  if (isPlainObject(unmet) && total > 0) {
    const names = { lag: "scaling up", cap: "at max", resume: "resuming" };
    const detail = Object.entries(unmet)
      .filter(([, value]) => value > 0)
      .map(([key, value]) => `${quantityFormat.format(value)} ${names[key] ?? key}`)
      .join(", ");
    cell.append(el("small", { className: "cell-detail", text: detail }));
  }
  return cell;
}

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

function renderMaxConnections(report) {
  const mc = report.maxConnections;
  setText($("max-connections"), `max_connections ${integerFormat.format(mc.value)} by default`);
  const notes = [`${mc.basis} value`];
  if (mc.cappedByMin) notes.push("capped because the minimum capacity is 0.5 ACU or less; raise the minimum for more");
  setText($("max-connections-note"), `(${notes.join("; ")})`);
}

/** Shows the price each override would replace as its placeholder ("not in catalog" where there is none). */
function renderOverridePlaceholders(placeholders) {
  const prices = placeholders?.prices ?? {};
  for (const [key] of PRICE_ITEMS) {
    const input = /** @type {HTMLInputElement} */ ($(`price-${key}`));
    const nano = prices[key];
    input.placeholder = typeof nano === "number" ? nanoDecimal(nano).replaceAll(",", "") : placeholders?.catalogKnown ? "not in catalog" : "";
  }
}

function renderSummaries(scenario, report) {
  setText($("engine-summary"), `${report.region} · ${ENGINE_NAMES[report.engine] ?? report.engine}`);
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

// -------------------------------------------------- comparison and advice

/** Micro-dollars for a comparison cell: an amount or "unknown". */
function moneyCell(micro, label) {
  const known = typeof micro === "number";
  return el("td", { className: `num${known ? "" : " unknown"}`, attrs: { "data-label": label }, text: known ? formatMicroUsd(micro) : "unknown" });
}

/** The path a note asks for ("unknown: supply compare.classes[0].onDemandHourly"). */
function pathInNote(note) {
  return /\b((?:compare|priceOverrides|application)[\w.[\]]*[\w\]])/.exec(note ?? "")?.[1];
}

function renderVerdict(comparison) {
  const box = $("verdict");
  if (!isPlainObject(comparison) || !comparison.verdict) {
    setHidden(box, true);
    return;
  }
  const split = comparison.verdict.indexOf(": ");
  const choice = split > 0 ? comparison.verdict.slice(0, split) : "";
  const reason = split > 0 ? comparison.verdict.slice(split + 2) : comparison.verdict;
  box.dataset.choice = choice;
  setText($("verdict-choice"), choice ? `Verdict: ${choice}` : "Verdict");
  const cheapest = comparison.rows.find((row) => row.option === comparison.cheapest);
  setText($("verdict-cheapest"), comparison.cheapest
    ? `Cheapest: ${comparison.cheapest}${typeof cheapest?.monthlyMicroUsd === "number" ? `, ${formatMicroUsd(cheapest.monthlyMicroUsd)} a month` : ""}`
    : "");
  setText($("verdict-text"), sentence(reason));
  setHidden(box, false);
}

function renderComparison(comparison) {
  const section = $("comparison");
  if (!isPlainObject(comparison)) {
    setHidden(section, true);
    return;
  }
  const rows = comparison.rows.map((row, i) => {
    const known = typeof row.monthlyMicroUsd === "number";
    const path = known ? undefined : pathInNote(row.note);
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

const TOPICS = [
  ["purchase", "What to buy"],
  ["min-acu", "Minimum capacity"],
  ["max-acu", "Maximum capacity"],
  ["auto-pause", "Auto-pause"],
  ["connections", "Connections"],
  ["storage", "Storage"],
  ["alarm", "Alarms"],
];

function renderAdvice(advice) {
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

// ------------------------------------------------------------------ charts

const SVG_NS = "http://www.w3.org/2000/svg";

function svgEl(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** Up to about `count` round tick values from 0 to at least `max`. */
function ticks(max, count) {
  const raw = Math.max(max, 1e-9) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out = [];
  for (let v = 0; out.length < 2 || out.at(-1) < max - step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/**
 * An empty chart frame of the container's width: axes, grid and labels.
 * Returns the SVG and the scale functions.
 */
function chartFrame(container, { xMax, yMax, xTicks, xLabel, yLabel, yFormat, yTickCount, labelledBy }) {
  // The width comes from the resize observer where it can: reading it here would force a layout.
  const width = Math.max(260, chartWidth || Math.round(container.clientWidth) || 560);
  const narrow = width < 420;
  const height = narrow ? 220 : 260;
  const pad = { left: narrow ? 46 : 58, right: 12, top: 24, bottom: 40 };
  const yValues = ticks(yMax, yTickCount ?? (narrow ? 4 : 5));
  const top = yValues.at(-1);
  const x = (v) => pad.left + (v / xMax) * (width - pad.left - pad.right);
  const y = (v) => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
  const grid = svgEl("g", { class: "chart-grid" });
  for (const v of yValues) {
    grid.append(
      svgEl("line", { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }),
      svgEl("text", { x: pad.left - 6, y: y(v), "text-anchor": "end", "dominant-baseline": "middle", class: "chart-tick" }, [yFormat(v)]),
    );
  }
  for (const [v, label, at = v] of xTicks(narrow)) {
    grid.append(
      svgEl("line", { x1: x(at), x2: x(at), y1: pad.top, y2: height - pad.bottom, class: "chart-grid-x" }),
      svgEl("text", { x: x(v), y: height - pad.bottom + 16, "text-anchor": "middle", class: "chart-tick" }, [label]),
    );
  }
  grid.append(
    svgEl("text", { x: pad.left + (width - pad.left - pad.right) / 2, y: height - 4, "text-anchor": "middle", class: "chart-axis-label" }, [xLabel]),
    svgEl("text", { x: 4, y: 11, class: "chart-axis-label" }, [yLabel]),
  );
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": labelledBy, focusable: "false", class: "chart-svg" }, [grid]);
  return { svg, x, y, width, height, pad, top };
}

/** The charts' width in CSS pixels, kept by a resize observer (0 until it reports). */
let chartWidth = 0;

const DAY_SECONDS = 86_400;
/** The capacity chart's choices: instance name and period ("week" or a day index). */
const chartState = { instance: "writer", period: "week" };

function renderCapacityChart(report) {
  const section = $("capacity-section");
  const timelines = Array.isArray(report.timeline) ? report.timeline.filter((t) => t.points?.length) : [];
  if (!timelines.length) {
    setHidden(section, true);
    return;
  }
  setHidden(section, false);
  const instance = /** @type {HTMLSelectElement} */ ($("chart-instance"));
  const names = timelines.map((t) => t.name);
  if (instance.dataset.names !== JSON.stringify(names)) {
    instance.replaceChildren(...names.map((name) => el("option", { text: capitalise(name), attrs: { value: name } })));
    instance.dataset.names = JSON.stringify(names);
  }
  if (!names.includes(chartState.instance)) chartState.instance = names[0];
  instance.value = chartState.instance;
  instance.disabled = names.length < 2;
  const timeline = timelines.find((t) => t.name === chartState.instance);

  const span = timeline.points.at(-1).startSecond + timeline.bucketSeconds;
  const days = Math.max(1, Math.ceil(span / DAY_SECONDS - 1e-9));
  const periods = [["week", days >= 7 ? "Whole week" : "Whole period"], ...Array.from({ length: Math.min(days, 7) }, (_, d) => [String(d), DAYS[d]])];
  const period = /** @type {HTMLSelectElement} */ ($("chart-period"));
  if (period.dataset.options !== JSON.stringify(periods)) {
    period.replaceChildren(...periods.map(([value, label]) => el("option", { text: label, attrs: { value } })));
    period.dataset.options = JSON.stringify(periods);
  }
  if (!periods.some(([value]) => value === chartState.period)) chartState.period = "week";
  period.value = chartState.period;

  const day = chartState.period === "week" ? null : Number(chartState.period);
  const from = day === null ? 0 : day * DAY_SECONDS;
  const to = day === null ? span : Math.min(span, from + DAY_SECONDS);
  const points = timeline.points.filter((p) => p.startSecond + timeline.bucketSeconds > from && p.startSecond < to);
  const yMax = Math.max(0.5, ...points.map((p) => Math.max(p.capacityMax, p.demandMax)));
  const container = $("capacity-chart");
  const hours = (to - from) / 3600;
  const { svg, x, y } = chartFrame(container, {
    xMax: hours,
    yMax,
    xLabel: day === null ? "Day" : "Hour of the day",
    yLabel: "ACU",
    yFormat: (v) => acuFormat.format(v),
    labelledBy: "capacity-caption",
    xTicks: (narrow) => {
      if (day === null) return Array.from({ length: Math.ceil(hours / 24) }, (_, d) => [d * 24 + 12, narrow ? DAYS[d].slice(0, 2) : DAYS[d].slice(0, 3), d * 24]).filter(([v]) => v < hours);
      const step = narrow ? 6 : 3;
      return Array.from({ length: Math.floor(hours / step) + 1 }, (_, i) => [i * step, `${String(i * step).padStart(2, "0")}:00`]);
    },
  });
  const hx = (second) => x((Math.min(Math.max(second, from), to) - from) / 3600);
  const upper = [];
  const lower = [];
  const demand = [];
  for (const p of points) {
    const x0 = hx(p.startSecond);
    const x1 = hx(p.startSecond + timeline.bucketSeconds);
    upper.push(`${x0.toFixed(1)},${y(p.capacityMax).toFixed(1)}`, `${x1.toFixed(1)},${y(p.capacityMax).toFixed(1)}`);
    lower.unshift(`${x1.toFixed(1)},${y(p.capacityMin).toFixed(1)}`, `${x0.toFixed(1)},${y(p.capacityMin).toFixed(1)}`);
    demand.push(`${x0.toFixed(1)},${y(p.demandMax).toFixed(1)}`, `${x1.toFixed(1)},${y(p.demandMax).toFixed(1)}`);
  }
  svg.append(
    svgEl("polygon", { points: [...upper, ...lower].join(" "), class: "series-band", "data-series": "capacity" }),
    svgEl("polyline", { points: upper.join(" "), class: "series-band-edge" }),
    svgEl("polyline", { points: demand.join(" "), class: "series-demand", "data-series": "demand" }),
  );
  morphChildren(container, [svg]);

  const capMin = Math.min(...points.map((p) => p.capacityMin));
  const capMax = Math.max(...points.map((p) => p.capacityMax));
  const demMin = Math.min(...points.map((p) => p.demandMin));
  const demMax = Math.max(...points.map((p) => p.demandMax));
  const usage = report.instances?.find((i) => i.name === timeline.name);
  const unmet = isPlainObject(usage?.unmetAcuHours)
    ? Object.values(usage.unmetAcuHours).reduce((sum, value) => sum + (Number(value) || 0), 0)
    : Number(usage?.unmetAcuHours) || 0;
  const interval = timeline.bucketSeconds % 3600 === 0 ? `${timeline.bucketSeconds / 3600} h` : `${Math.round(timeline.bucketSeconds / 60)} min`;
  const when = day === null ? (days >= 7 ? "over the first week" : "over the whole period") : `on ${DAYS[day]}`;
  $("capacity-caption").textContent =
    `${capitalise(timeline.name)} ${when}: capacity between ${acuFormat.format(capMin)} and ${acuFormat.format(capMax)} ACU, ` +
    `demand between ${acuFormat.format(demMin)} and ${acuFormat.format(demMax)} ACU. ` +
    (unmet > 0 ? `Over the month, ${quantityFormat.format(unmet)} ACU-hours of demand went unserved. ` : "Over the month, capacity served all demand. ") +
    `Each interval is ${interval}.`;
}

const dollarsShort = (micro) => {
  const dollars = micro / 1e6;
  return dollars >= 10_000 ? `$${integerFormat.format(Math.round(dollars / 1000))}k` : `$${integerFormat.format(Math.round(dollars))}`;
};
const hoursFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

function renderBreakEvenChart(comparison) {
  const container = $("break-even-chart");
  const curve = Array.isArray(comparison?.curve) ? comparison.curve : [];
  const options = Array.isArray(comparison?.breakEven) ? comparison.breakEven : [];
  const figure = container.closest("figure");
  if (curve.length < 2) {
    setHidden(figure, true);
    return;
  }
  setHidden(figure, false);
  const xMax = Math.max(24, ...curve.map((p) => p.hoursPerDay));
  const yMax = Math.max(...curve.map((p) => p.serverlessMicroUsd), ...options.map((o) => o.monthlyMicroUsd));
  const { svg, x, y, width, pad } = chartFrame(container, {
    xMax,
    yMax,
    xLabel: "Hours a day at peak",
    yLabel: "$ a month",
    yFormat: dollarsShort,
    labelledBy: "break-even-caption",
    xTicks: (narrow) => Array.from({ length: xMax / (narrow ? 6 : 3) + 1 }, (_, i) => [i * (narrow ? 6 : 3), String(i * (narrow ? 6 : 3))]),
  });
  options.forEach((option, i) => {
    const series = `series-${(i % 6) + 1}`;
    svg.append(
      svgEl("line", { x1: pad.left, x2: width - pad.right, y1: y(option.monthlyMicroUsd), y2: y(option.monthlyMicroUsd), class: `series-option ${series}`, "data-series": option.option }),
    );
    if (typeof option.hoursPerDay === "number" && option.hoursPerDay > 0 && option.hoursPerDay < xMax) {
      svg.append(svgEl("circle", { cx: x(option.hoursPerDay), cy: y(option.monthlyMicroUsd), r: 4, class: `series-cross ${series}` }));
    }
  });
  svg.append(svgEl("polyline", { points: curve.map((p) => `${x(p.hoursPerDay).toFixed(1)},${y(p.serverlessMicroUsd).toFixed(1)}`).join(" "), class: "series-serverless", "data-series": "serverless" }));
  const now = comparison.currentPeakHoursPerDay;
  if (typeof now === "number") {
    const nx = x(Math.min(Math.max(now, 0), xMax));
    svg.append(
      svgEl("line", { x1: nx, x2: nx, y1: pad.top, y2: y(0), class: "series-now", "data-series": "now" }),
      svgEl("text", { x: nx + (nx > width - 90 ? -4 : 4), y: pad.top + 10, "text-anchor": nx > width - 90 ? "end" : "start", class: "chart-now-label" }, [`now ${hoursFormat.format(now)} h`]),
    );
  }
  morphChildren(container, [svg]);

  const legend = [
    el("li", {}, [el("span", { className: "swatch swatch-serverless", attrs: { "aria-hidden": "true" } }), "Serverless, by hours a day at peak"]),
    ...options.map((option, i) => {
      const h = option.hoursPerDay;
      const when = h === null || h === undefined ? "never cheaper than serverless here" : h <= 0 ? "cheaper at any hours a day" : `cheaper above ${hoursFormat.format(h)} h a day at peak`;
      return el("li", { attrs: { "data-option": option.option } }, [
        el("span", { className: `swatch swatch-option series-${(i % 6) + 1}`, attrs: { "aria-hidden": "true" } }),
        `${optionLabel(option.option)}: ${formatMicroUsd(option.monthlyMicroUsd)} a month, ${when}`,
      ]);
    }),
    ...(typeof now === "number" ? [el("li", {}, [el("span", { className: "swatch swatch-now", attrs: { "aria-hidden": "true" } }), `Now: about ${hoursFormat.format(now)} h a day at peak`])] : []),
  ];
  morphChildren($("break-even-legend"), legend);

  const first = curve[0];
  const last = curve.at(-1);
  const best = [...options].sort((a, b) => a.monthlyMicroUsd - b.monthlyMicroUsd)[0];
  const parts = [
    `Serverless costs ${formatMicroUsd(first.serverlessMicroUsd)} a month with no time at the peak of ${acuFormat.format(comparison.peakAcu)} ACU ` +
      `(${acuFormat.format(comparison.offPeakAcu)} ACU otherwise) and ${formatMicroUsd(last.serverlessMicroUsd)} at the peak all day.`,
  ];
  if (typeof now === "number") parts.push(`The workload is near its peak about ${hoursFormat.format(now)} h a day now.`);
  if (best) {
    const h = best.hoursPerDay;
    parts.push(
      `The cheapest provisioned option, ${best.option} at ${formatMicroUsd(best.monthlyMicroUsd)} a month, ` +
        (h === null || h === undefined ? "is never cheaper." : h <= 0 ? "is cheaper at any hours a day." : `is cheaper above ${hoursFormat.format(h)} h a day.`),
    );
  } else {
    parts.push("No provisioned option could be priced.");
  }
  setText($("break-even-caption"), parts.join(" "));
}

// ------------------------------------------------------------ optimizer chart

/** The optimizer's last answer, redrawn when the charts' width changes. */
let lastOptimization = null;
const shareFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
const percent = (share) => `${shareFormat.format(share * 100)} %`;
const range = (candidate) => `${acuFormat.format(candidate.minAcu)}–${acuFormat.format(candidate.maxAcu)} ACU`;
const sameRange = (a, b) => a && b && a.minAcu === b.minAcu && a.maxAcu === b.maxAcu;

/** Cost against unserved demand for the frontier's ranges, the chosen one and the current one marked. */
function renderFrontierChart(optimization, maxShare) {
  const container = $("frontier-chart");
  const frontier = [...(optimization.frontier ?? [])].sort((a, b) => a.unmetShare - b.unmetShare || a.computeMicroUsd - b.computeMicroUsd);
  const { best, current } = optimization;
  const all = [...frontier, current, ...(best ? [best] : [])];
  const xMax = Math.max(maxShare * 100 * 1.25, ...all.map((c) => c.unmetShare * 100), 0.01);
  const yMax = Math.max(...all.map((c) => c.computeMicroUsd), 1);
  const xValues = ticks(xMax, 4);
  const { svg, x, y, pad, height } = chartFrame(container, {
    xMax: xValues.at(-1),
    yMax,
    xLabel: "Unserved demand, % of all demand",
    yLabel: "$ a month",
    yFormat: dollarsShort,
    labelledBy: "frontier-caption",
    xTicks: () => xValues.map((v) => [v, `${shareFormat.format(v)}`]),
  });
  const px = (c) => x(c.unmetShare * 100);
  const py = (c) => y(c.computeMicroUsd);
  const limit = x(maxShare * 100);
  svg.append(
    svgEl("rect", { x: pad.left, y: pad.top, width: Math.max(0, limit - pad.left), height: height - pad.top - pad.bottom, class: "frontier-allowed", "data-series": "allowed" }),
    svgEl("polyline", { points: frontier.map((c) => `${px(c).toFixed(1)},${py(c).toFixed(1)}`).join(" "), class: "series-frontier", "data-series": "frontier" }),
    ...frontier.map((c) =>
      svgEl("circle", { cx: px(c).toFixed(1), cy: py(c).toFixed(1), r: 3.5, class: "frontier-point", "data-range": range(c) }),
    ),
    svgEl("rect", { x: (px(current) - 5).toFixed(1), y: (py(current) - 5).toFixed(1), width: 10, height: 10, class: "frontier-current", "data-series": "current", transform: `rotate(45 ${px(current).toFixed(1)} ${py(current).toFixed(1)})` }),
  );
  if (best) {
    const bx = px(best);
    const by = py(best);
    const right = bx > (pad.left + (chartWidth || 560)) / 2;
    svg.append(
      svgEl("circle", { cx: bx.toFixed(1), cy: by.toFixed(1), r: 7, class: "frontier-best", "data-series": "best" }),
      svgEl("text", { x: (bx + (right ? -10 : 10)).toFixed(1), y: (by - 10).toFixed(1), "text-anchor": right ? "end" : "start", class: "chart-now-label" }, [range(best)]),
    );
  }
  morphChildren(container, [svg]);
}

function renderOptimization(optimization, maxShare) {
  lastOptimization = { optimization, maxShare };
  const { best, current, evaluated } = optimization;
  const frontier = [...(optimization.frontier ?? [])].sort((a, b) => a.unmetShare - b.unmetShare || a.computeMicroUsd - b.computeMicroUsd);
  const apply = /** @type {HTMLButtonElement} */ ($("opt-apply"));
  const currentText = `The current ${range(current)} costs ${formatMicroUsd(current.computeMicroUsd)} a month of compute and leaves ${percent(current.unmetShare)} of demand unserved.`;
  if (best) {
    const saving = current.computeMicroUsd - best.computeMicroUsd;
    $("opt-status").textContent =
      `Cheapest range leaving at most ${percent(maxShare)} of demand unserved: ${range(best)}, ${formatMicroUsd(best.computeMicroUsd)} a month of compute, ${percent(best.unmetShare)} unserved. ` +
      (sameRange(best, current) ? "That is the current range." : `${currentText}${saving > 0 ? ` The cheapest range saves ${formatMicroUsd(saving)} a month.` : ""}`);
    setHidden(apply, sameRange(best, current));
    apply.textContent = `Use ${range(best)}`;
    apply.dataset.min = String(best.minAcu);
    apply.dataset.max = String(best.maxAcu);
  } else {
    setText($("opt-status"), `No range leaves at most ${percent(maxShare)} of demand unserved; allow more, or raise the demand's maximum. ${currentText}`);
    setHidden(apply, true);
  }
  section("frontier-chart", `${chartWidth}|${maxShare}|${JSON.stringify(optimization)}`, () => renderFrontierChart(optimization, maxShare));
  $("frontier-caption").textContent =
    `${integerFormat.format(evaluated)} ranges simulated; the ${frontier.length} on the line are those no other range beats on both cost and unserved demand, ` +
    `from ${formatMicroUsd(frontier[0]?.computeMicroUsd ?? 0)} at ${percent(frontier[0]?.unmetShare ?? 0)} unserved to ` +
    `${formatMicroUsd(frontier.at(-1)?.computeMicroUsd ?? 0)} at ${percent(frontier.at(-1)?.unmetShare ?? 0)}. ` +
    (best ? `The circled point is the cheapest within the limit, ${range(best)}; ` : "No point is within the limit; ") +
    `the diamond is the current range, ${range(current)}.` +
    // A long or large scenario is searched more coarsely (resampled, or fewer minima), and the optimizer says how.
    (optimization.note ? ` ${period(optimization.note)}` : "");
  // The frontier, with the chosen and current ranges where a tie left them off it.
  const listed = [...frontier];
  for (const extra of [best, current]) if (extra && !listed.some((c) => sameRange(c, extra))) listed.push(extra);
  listed.sort((a, b) => a.unmetShare - b.unmetShare || a.computeMicroUsd - b.computeMicroUsd);
  morphChildren($("frontier-rows"), [
    ...listed.map((c) =>
      el("tr", { className: sameRange(c, best) ? "cheapest" : "", attrs: { "data-range": range(c) } }, [
        el("th", { attrs: { scope: "row" } }, [
          ...(sameRange(c, best) ? [el("span", { className: "badge badge-best", text: "chosen" })] : []),
          el("span", { text: range(c) }),
          ...(sameRange(c, current) ? [el("small", { className: "provenance", text: "current" })] : []),
        ]),
        el("td", { className: "num", text: formatMicroUsd(c.computeMicroUsd) }),
        el("td", { className: "num", text: percent(c.unmetShare) }),
      ]),
    ),
  ]);
}

/** The allowed unserved share from its input (a percentage), or `null` with the input marked. */
function readMaxShare() {
  const input = /** @type {HTMLInputElement} */ ($("opt-unmet"));
  const raw = input.value.trim();
  const value = Number(raw);
  const usable = raw !== "" && Number.isFinite(value) && value >= 0 && value <= 100;
  const message = $("opt-unmet-error");
  setHidden(message, usable);
  message.textContent = usable ? "" : "Enter a percentage from 0 to 100.";
  if (usable) {
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", "opt-unmet-hint");
  } else {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "opt-unmet-error opt-unmet-hint");
  }
  return usable ? value / 100 : null;
}

const optimizations = latestWins(
  (args) => analysis("optimize", args),
  ({ value, error }, { maxUnmetShare }) => {
    const details = $("optimizer");
    delete details.dataset.pending;
    if (error) {
      setText($("opt-status"), `The optimizer could not run: ${sentence(error.message)}`);
      setHidden($("opt-apply"), true);
      return;
    }
    renderOptimization(value, maxUnmetShare);
  },
);

/** Runs the optimizer for the last good scenario, only while its panel is open. */
function renderOptimizer() {
  const details = /** @type {HTMLDetailsElement} */ ($("optimizer"));
  const maxUnmetShare = details.open ? readMaxShare() : null;
  if (!lastGood || !details.open || maxUnmetShare === null) {
    if (maxUnmetShare === null && details.open) {
      optimizations.cancel();
      drawn.delete("optimizer");
    }
    delete details.dataset.pending;
    return;
  }
  section("optimizer", `${resultId}|${maxUnmetShare}`, () => {
    details.dataset.pending = "true";
    if (!lastOptimization) $("opt-status").textContent = "Simulating every range…";
    optimizations.request({ scenario: lastGood.scenario, maxUnmetShare });
  });
  if (!optimizations.busy) delete details.dataset.pending;
}

// ------------------------------------------------------------------ render

/** What each results section was last drawn from, so that an unchanged section is left alone. */
const drawn = new Map();
/** Counts the results rendered, to tell the lazy sections that there is a new one. */
let resultId = 0;

/** Draws a section only when what it shows has changed since it was last drawn. */
function section(name, key, draw) {
  if (drawn.get(name) === key) return;
  draw();
  drawn.set(name, key);
}

/** Redraws the charts for the last good report, e.g. when their width changes. */
function redrawCharts() {
  // Until the resize observer has said how wide the charts are, drawing them would force a layout
  // in the middle of the render; it reports before the first paint, and draws them then.
  if (!lastGood || (!chartWidth && typeof ResizeObserver === "function")) return;
  const { report } = lastGood;
  section("capacity-chart", `${chartWidth}|${chartState.instance}|${chartState.period}|${JSON.stringify(report.timeline)}|${JSON.stringify(report.instances)}`, () =>
    renderCapacityChart(report),
  );
  section("break-even-chart", `${chartWidth}|${JSON.stringify(report.comparison)}`, () => renderBreakEvenChart(report.comparison));
  if (lastOptimization && $("optimizer").open) {
    const { optimization, maxShare } = lastOptimization;
    section("frontier-chart", `${chartWidth}|${maxShare}|${JSON.stringify(optimization)}`, () => renderFrontierChart(optimization, maxShare));
  }
}

let chartsToken = 0;

/**
 * Redraws the charts just after the next paint, so that the new figures show
 * first and no one task does both (the figures carry `data-pending` until then).
 */
function redrawChartsSoon() {
  const figures = /** @type {HTMLElement} */ (results.querySelector(".figures"));
  figures.dataset.pending = "true";
  const token = ++chartsToken;
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (token !== chartsToken) return;
      const started = performance.now();
      redrawCharts();
      delete figures.dataset.pending;
      performance.measure("acumen:charts", { start: started });
    }, 0),
  );
}

function render(scenario, report, placeholders) {
  const started = performance.now();
  const total = formatMicroUsd(report.totalMicroUsd);
  setText($("total-monthly"), total);
  $("total-monthly").dataset.microUsd = String(report.totalMicroUsd);
  setText($("mini-total-value"), total);
  setText($("total-yearly"), formatMicroUsd(report.yearlyMicroUsd));
  setText($("table-total"), total);

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
  renderSummaries(scenario, report);

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
  lastGood = { scenario, report };
  resultId++;
  redrawChartsSoon();
  renderExport();
  renderOptimizer();
  hasResult = true;
  results.removeAttribute("aria-busy");
  performance.measure("acumen:render", { start: started });
  // The measures are for profiling; a long session keeps only the recent ones.
  if (resultId % 1000 === 0) performance.clearMeasures();
}

/** What the chosen engine version allows, as the worker found it. */
function renderCapabilities(caps, engineVersion) {
  const element = $("engine-capabilities");
  if (!isPlainObject(caps)) {
    setHidden(element, true);
    return;
  }
  const parts = [];
  if (caps.serverless === false) parts.push("no Serverless v2 support");
  if (typeof caps.maxAcu === "number") parts.push(`up to ${quantityFormat.format(caps.maxAcu)} ACU`);
  if (typeof caps.autoPause === "boolean") parts.push(caps.autoPause ? "auto-pause (minimum 0) available" : "no auto-pause: minimum 0.5 ACU");
  setText(element, `${engineVersion ? `Version ${engineVersion}` : "A current version"}: ${parts.join("; ")}.`);
  setHidden(element, parts.length === 0);
}

const infrastructure = latestWins(
  (args) => analysis("infrastructure", args),
  ({ value, error }) => {
    const failed = error ? `Could not write the template: ${error.message}` : null;
    /** @type {HTMLTextAreaElement} */ ($("export-cfn")).value = failed ?? value.cloudformation;
    /** @type {HTMLTextAreaElement} */ ($("export-tf")).value = failed ?? value.terraform;
    delete $("export").dataset.pending;
  },
);

/** Fills the export boxes, only while they are shown (the report can be large; the templates come from the second worker). */
function renderExport() {
  const details = /** @type {HTMLDetailsElement} */ ($("export"));
  if (lastGood && details.open) {
    section("export", resultId, () => {
      /** @type {HTMLTextAreaElement} */ ($("export-scenario")).value = JSON.stringify(lastGood.scenario, null, 2);
      /** @type {HTMLTextAreaElement} */ ($("export-report")).value = JSON.stringify(lastGood.report, null, 2);
      details.dataset.pending = "true";
      infrastructure.request({ scenario: lastGood.scenario });
    });
  }
  if (!infrastructure.busy) delete details.dataset.pending;
}

function updateLevelsTotal() {
  const rows = listValues("levels");
  const total = rows.reduce((sum, row) => sum + (Number(row.hours) || 0), 0);
  const month = Number(/** @type {HTMLInputElement} */ ($("hours")).value) || 0;
  const note = total === month ? "" : total > month ? `, ${quantityFormat.format(total - month)} h more than the month` : `, ${quantityFormat.format(month - total)} h less than the month`;
  setText($("levels-total"), `The levels add up to ${quantityFormat.format(total)} h of the ${quantityFormat.format(month)}-hour month${note}.`);
}

// ------------------------------------------------------------------ updates

/** While an estimate is on its way, the results carry `data-pending` (the tests wait for it to go). */
function setPending(pending) {
  if (pending) results.dataset.pending = "true";
  else delete results.dataset.pending;
}

/** Shows an estimate's outcome: the report, or the core's error beside its field. */
function showOutcome(outcome, scenario, engineVersion) {
  clearErrors();
  renderCapabilities(outcome.caps, engineVersion);
  const error = outcome.error;
  if (error) {
    if (error.name === "AcumenError") {
      showError(error.field ?? "", error.message);
      if (!hasResult) {
        const general = $("general-error");
        if (general.hidden) {
          general.textContent = error.code === "unknown_price" ? "No estimate yet: enter the missing price below." : "No estimate yet: correct the highlighted input.";
          setHidden(general, false);
        }
      }
    } else {
      showError("", `The estimate failed unexpectedly: ${error.message}`);
    }
    setStale(true);
  } else {
    render(scenario, outcome.report, outcome.placeholders);
    setStale(false);
    writeHash(scenario);
  }
  setPending(false);
}

const estimates = latestWins(
  (args) => estimator.call("estimate", args),
  ({ value, error }, { scenario, engineVersion }) => showOutcome(value ?? { error: { name: "Error", message: error?.message ?? String(error) } }, scenario, engineVersion),
);

/** The scenario's engine and version as the form shows them (for the version's capabilities). */
function engineChoice() {
  return {
    engine: /** @type {HTMLSelectElement} */ ($("engine")).value,
    engineVersion: /** @type {HTMLInputElement} */ ($("engine-version")).value.trim() || null,
  };
}

/**
 * Recomputes from the inputs: the worker estimates, and only the latest
 * answer is shown. A rejected input keeps the last good result, marked stale.
 */
function update() {
  const started = performance.now();
  setHidden($("notice"), true);
  syncPanels();
  updateLevelsTotal();
  const { scenario, problems } = readScenario();
  if (problems.length > 0) {
    estimates.cancel();
    clearErrors();
    for (const problem of problems) showError(problem.path, problem.message);
    setStale(true);
    setPending(false);
  } else {
    setPending(true);
    estimates.request({ scenario, ...engineChoice() });
  }
  performance.measure("acumen:input", { start: started });
}

/** Loads a scenario into the form and shows its estimate; `first` is its outcome when already known. */
function load(scenario, first) {
  kept = Object.fromEntries(Object.entries(scenario).filter(([key]) => !FORM_KEYS.has(key)));
  fillForm(scenario);
  if (first) {
    syncPanels();
    updateLevelsTotal();
    const read = readScenario();
    if (read.problems.length === 0 && same(read.scenario, scenario)) {
      estimates.cancel();
      showOutcome(first, read.scenario, engineChoice().engineVersion);
      return;
    }
  }
  update();
}

function showNotice(text) {
  const element = $("notice");
  element.textContent = text;
  setHidden(element, !text);
}

const unusableLink = (why) => `The scenario in this link could not be used (${why}). Showing the default estimate instead.`;

/** Loads the scenario from the URL hash (or the default), after the hash is edited. */
async function loadFromLocation() {
  delete document.body.dataset.ready;
  setPending(true);
  const link = parseHash();
  let scenario = {};
  let notice = "";
  if (link?.scenario) {
    const check = await estimator.call("estimate", { scenario: link.scenario }).catch((error) => ({ error }));
    // A missing price is not a broken link: the page asks for it.
    if (check.error && check.error.code !== "unknown_price") notice = unusableLink(check.error.message);
    else scenario = link.scenario;
  } else if (link?.error) {
    notice = unusableLink(link.error);
  }
  if (notice) clearHash();
  load(scenario);
  if (!link?.scenario) clearHash();
  showNotice(notice);
  markReady();
}

// ------------------------------------------------------------------ actions

function applyPreset(name) {
  const preset = PRESETS[name];
  if (!preset) return;
  load(structuredClone(preset.scenario));
  const note = $("preset-note");
  note.textContent = preset.note;
  setHidden(note, !preset.note);
  if (!Object.keys(preset.scenario).length) clearHash();
}

async function copyText(id) {
  const area = /** @type {HTMLTextAreaElement} */ ($(id));
  const status = $("export-status");
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = "Copied to the clipboard.";
  } catch {
    area.focus();
    area.select();
    status.textContent = document.execCommand?.("copy") ? "Copied to the clipboard." : "Select the text and copy it.";
  }
}

function download(id, filename) {
  const type = filename.endsWith(".json") ? "application/json" : "text/plain";
  const blob = new Blob([/** @type {HTMLTextAreaElement} */ ($(id)).value + "\n"], { type });
  const url = URL.createObjectURL(blob);
  const link = el("a", { attrs: { href: url, download: filename, hidden: true } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  $("export-status").textContent = `Downloaded ${filename}.`;
}

function goToField(path) {
  const field = fieldForPath(path);
  if (!field) return;
  for (let details = field.closest("details"); details; details = details.parentElement?.closest("details")) details.open = true;
  const exact = [...field.querySelectorAll("[data-path]")].find((node) => node.dataset.path === path && node.matches("input, select, textarea, [tabindex]"));
  const control = exact ?? field.querySelector("input, select, textarea");
  control?.focus();
  field.scrollIntoView({ block: "center" });
}

// -------------------------------------------------------- CloudWatch files

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Reads a CloudWatch CSV export into the trace workload; a bad file changes nothing and says why. */
async function importCsv(file) {
  const message = $("csv-error");
  const status = $("csv-status");
  setHidden(message, true);
  message.textContent = "";
  status.textContent = `Reading ${file.name}…`;
  document.body.dataset.importing = "true";
  try {
    if (file.size > MAX_FILE_BYTES) {
      throw new Error(`the file has ${quantityFormat.format(file.size / 1048576)} MB; the page reads files of up to 64 MB (the CLI's acumen replay reads larger ones)`);
    }
    applyImport(file.name, await analysis("importCsv", { text: await file.text(), name: file.name }));
  } catch (error) {
    const where = [error.line && `line ${error.line}`, error.column && `column ${error.column}`].filter(Boolean).join(", ");
    message.textContent = `${file.name}${where ? `, ${where}` : ""}: ${period(error.message ?? String(error))} Nothing was changed.`;
    setHidden(message, false);
    status.replaceChildren();
    for (let details = message.closest("details"); details; details = details.parentElement?.closest("details")) details.open = true;
  } finally {
    delete document.body.dataset.importing;
    /** @type {HTMLInputElement} */ ($("csv-file")).value = "";
  }
}

function applyImport(fileName, result) {
  const { intervalSeconds, series, warnings } = result;
  const [writer, ...readers] = series;
  setChecked("workloadKind", "trace");
  /** @type {HTMLTextAreaElement} */ ($("trace-acu")).value = writer.values.join(", ");
  setValue("trace-interval", intervalSeconds);
  if (readers.length) {
    renderList(
      "readers",
      readers.map((reader) => ({ promotionTier: "2", acu: "", keep: JSON.stringify({ trace: { intervalSeconds, acu: reader.values } }) })),
    );
    $("group-readers").open = true;
  }
  const every = duration(intervalSeconds);
  const roles = series.map((s, i) => `${i === 0 ? "the writer" : `reader ${i} (tier 2)`} follows ${s.name}`);
  const summary = el("p", {
    text:
      `Read ${fileName}: ${series.length} series, a sample every ${every} from ${result.start} to ${result.end} ` +
      `(${integerFormat.format(writer.values.length)} steps), repeated to fill the month: ${roles.join("; ")}.`,
  });
  const list = el(
    "ul",
    { className: "csv-series" },
    series.map((s) =>
      el("li", {
        text: `${s.name}: ${integerFormat.format(s.samples)} samples, ${s.gaps ? `${s.gaps} gap${s.gaps === 1 ? "" : "s"}` : "no gaps"}`,
        attrs: {
          "data-name": s.name,
          "data-samples": s.samples,
          "data-duplicates": s.duplicates,
          "data-gaps": s.gaps,
          "data-gap-seconds": s.gapSeconds,
          "data-held-seconds": s.heldSeconds,
          "data-unrecorded-seconds": s.unrecordedSeconds,
          "data-irregular": s.irregularSpacings,
          "data-first": s.firstSample,
          "data-last": s.lastSample,
        },
      }),
    ),
  );
  const notes = warnings.length ? [el("ul", { className: "csv-warnings" }, warnings.map((w) => el("li", { text: period(w) })))] : [];
  const status = $("csv-status");
  status.dataset.interval = String(intervalSeconds);
  status.replaceChildren(summary, list, ...notes);
  update();
}

/** `1 h 30 min`, `5 min`. */
function duration(seconds) {
  const parts = [];
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  if (h > 0) parts.push(`${h} h`);
  if (m > 0) parts.push(`${m} min`);
  if (s > 0 || parts.length === 0) parts.push(`${s} s`);
  return parts.join(" ");
}

/** A file dropped anywhere on the page is read as a CloudWatch export. */
function acceptDroppedFiles() {
  let depth = 0;
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");
  const stop = () => {
    depth = 0;
    delete document.body.dataset.dropping;
  };
  document.addEventListener("dragenter", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth++;
    document.body.dataset.dropping = "true";
  });
  document.addEventListener("dragover", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("dragleave", (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) stop();
  });
  document.addEventListener("drop", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    stop();
    const file = event.dataTransfer.files[0];
    if (file) importCsv(file);
  });
}

// ------------------------------------------------------------------ start

/** Marks the page ready once the result has been painted, then runs `then`. */
function markReady(then = () => {}) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (!performance.getEntriesByName("acumen:ready").length) performance.mark("acumen:ready");
      document.body.dataset.ready = "true";
      setTimeout(then, 0);
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
  setHidden(general, false);
  results.removeAttribute("aria-busy");
  document.querySelectorAll("input, button, select, textarea").forEach((control) => {
    control.disabled = true;
  });
}

/** The default scenario: the package's when it says, else the built-in one with the default report's basics. */
function mergeDefaults(basics, given) {
  const merged = structuredClone(FALLBACK_DEFAULTS);
  Object.assign(merged, basics);
  if (isPlainObject(given)) {
    for (const [key, value] of Object.entries(given)) {
      if (value === undefined) continue;
      merged[key] = isPlainObject(value) && isPlainObject(merged[key]) ? { ...merged[key], ...value } : value;
    }
  }
  if (merged.engineVersion === undefined) merged.engineVersion = null;
  return merged;
}

/**
 * Keeps the page working offline: a service worker (sw.js) caches its files.
 * Registered once the first result is on screen, so it never competes with it.
 */
function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) showNotice("A newer version of the calculator has been installed: reload the page to use it.");
  });
  navigator.serviceWorker.register("sw.js").catch(() => {
    // Without it the page still works, online.
  });
}

async function main() {
  buildForm();
  let started;
  try {
    started = await starting;
  } catch (error) {
    showLoadFailure(error);
    return;
  }
  regionList = Array.isArray(started.regions) ? started.regions : [];
  defaults = mergeDefaults(started.basics, started.defaultScenario);
  $("version").textContent = `Acumen ${started.version}.`;

  form.addEventListener("input", (event) => {
    if (/** @type {HTMLElement} */ (event.target).dataset?.tool) return;
    update();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button");
    if (!button) return;
    if (button.dataset.classAction) classAction(button.dataset.classAction, Number(button.dataset.index));
    else if (button.dataset.add) addRow(button.dataset.add);
    else if (button.dataset.remove) removeRow(button.dataset.remove, Number(button.dataset.index));
    else if (button.id === "weekly-fill-apply") {
      const raw = /** @type {HTMLInputElement} */ ($("weekly-fill")).value.trim();
      weekly.setAll(new Array(168).fill(raw === "" ? null : Number(raw)));
      update();
    }
  });
  $("csv-file").addEventListener("change", (event) => {
    const file = /** @type {HTMLInputElement} */ (event.target).files?.[0];
    if (file) importCsv(file);
  });
  acceptDroppedFiles();
  for (const button of document.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => applyPreset(/** @type {HTMLElement} */ (button).dataset.preset));
  }
  $("warning-list").addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button[data-goto]");
    if (button) goToField(button.dataset.goto);
  });
  for (const [id, key] of [["chart-instance", "instance"], ["chart-period", "period"]]) {
    $(id).addEventListener("change", (event) => {
      chartState[key] = /** @type {HTMLSelectElement} */ (event.target).value;
      redrawCharts();
    });
  }
  $("comparison").addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button[data-goto]");
    if (button) goToField(button.dataset.goto);
  });
  if (typeof ResizeObserver === "function") {
    // The charts fill the results' content box: redraw them when its width changes.
    // It first reports after the first layout and before its paint: the charts are drawn in that frame.
    // Later changes redraw them in the next frame (a change now could resize what is observed again).
    new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width === chartWidth) return;
      const first = !chartWidth;
      chartWidth = width;
      if (first) redrawCharts();
      else requestAnimationFrame(redrawCharts);
    }).observe(/** @type {HTMLElement} */ (results.querySelector(".figures")));
  }
  // A panel's "toggle" event comes a moment after the click that opens it: mark its work as on its way at once.
  for (const id of ["export", "optimizer"]) {
    const details = /** @type {HTMLDetailsElement} */ ($(id));
    details.querySelector("summary")?.addEventListener("click", () => {
      if (!details.open && lastGood) details.dataset.pending = "true";
    });
  }
  $("export").addEventListener("toggle", renderExport);
  $("export").addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button");
    if (button?.dataset.copy) copyText(button.dataset.copy);
    else if (button?.dataset.download) download(button.dataset.download, button.dataset.filename);
  });
  $("optimizer").addEventListener("toggle", renderOptimizer);
  $("opt-unmet").addEventListener("input", renderOptimizer);
  $("opt-apply").addEventListener("click", (event) => {
    const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
    setValue("min-acu", button.dataset.min);
    setValue("max-acu", button.dataset.max);
    update();
    $("opt-status").focus();
  });
  form.addEventListener("input", () => setHidden($("restore"), true), { once: true });
  $("reset").addEventListener("click", () => {
    clearHash();
    setHidden($("preset-note"), true);
    load({});
    clearHash();
    $("min-acu").focus();
  });
  window.addEventListener("hashchange", () => {
    if (location.hash === "" || location.hash.startsWith(HASH_PREFIX)) loadFromLocation();
  });
  // A link copied straight after an edit still holds it.
  document.addEventListener("visibilitychange", flushHash);
  window.addEventListener("pagehide", flushHash);

  // The first result: the link's scenario (or the default), estimated by the worker while the form was built.
  let scenario = {};
  let first = started.first;
  let notice = "";
  if (linkAtStart?.scenario) {
    if (first.error && first.error.code !== "unknown_price") {
      notice = unusableLink(first.error.message);
      first = null;
    } else {
      scenario = linkAtStart.scenario;
    }
  } else if (linkAtStart?.error) {
    notice = unusableLink(linkAtStart.error);
  }
  if (!linkAtStart?.scenario || notice) clearHash();
  load(scenario, first);
  if (!linkAtStart) offerRestore();
  showNotice(notice);
  followHeadline();
  markReady(() => {
    estimator.start();
    registerServiceWorker();
  });
}

main();
