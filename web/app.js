// The Acumen calculator page. All maths happens in the wasm core; this file
// builds the inputs, reads them into a scenario, calls `estimate` and renders
// the report it returns.
import init, * as acumen from "./pkg/acumen.js";

const HASH_PREFIX = "#s=";
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
    },
    note:
      "Seed article example: 16 ACU for 220 h and 2 ACU for 520 h at an overridden $0.12 per ACU-hour, no storage. " +
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
  "spikes", "readers", "storageGb", "io", "backupStorageGb", "extras", "priceOverrides",
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

function sentence(text) {
  const body = capitalise(text);
  return /[.!?]$/.test(body) ? body : `${body}.`;
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

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
        extra.push(el("p", { className: "hint", text: "Uses its own workload from the link; enter a steady demand to replace it." }));
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

// ------------------------------------------------------------------ the form

function buildWeeklyGrid() {
  const head = el("tr", {}, [el("th", { text: "Day", attrs: { scope: "col" } })]);
  for (let h = 0; h < 24; h++) head.append(el("th", { text: String(h).padStart(2, "0"), attrs: { scope: "col" } }));
  const body = DAYS.map((day, d) =>
    el("tr", {}, [
      el("th", { text: day.slice(0, 3), attrs: { scope: "row", title: day } }),
      ...Array.from({ length: 24 }, (_, h) => {
        const i = d * 24 + h;
        return el("td", {}, [
          el("input", {
            attrs: {
              type: "number",
              id: `weekly-${i}`,
              min: 0,
              step: "any",
              inputmode: "decimal",
              "aria-label": `${day} ${String(h).padStart(2, "0")}:00, ACU`,
              "data-path": `workload.weekly.hourlyAcu[${i}]`,
              "data-weekly": String(i),
            },
          }),
        ]);
      }),
    ]),
  );
  return el("div", { className: "field field-wide", attrs: { "data-path": "workload.weekly.hourlyAcu" } }, [
    el("p", { className: "field-label", text: "Demand for each hour of the week", attrs: { id: "weekly-label" } }),
    el("p", { className: "hint", text: "In ACU; rows are days from Monday, columns hours from 00:00. Scroll sideways for later hours.", attrs: { id: "weekly-hint" } }),
    el("div", { className: "grid-scroll", attrs: { role: "region", "aria-labelledby": "weekly-label", tabindex: "0" } }, [
      el("table", { className: "weekly-grid", attrs: { "data-testid": "weekly-grid", "aria-describedby": "weekly-hint" } }, [
        el("thead", {}, [head]),
        el("tbody", {}, body),
      ]),
    ]),
    el("div", { className: "inline-tool" }, [
      el("label", { text: "Set every hour to", attrs: { for: "weekly-fill" } }),
      el("input", { attrs: { id: "weekly-fill", type: "number", min: 0, step: "any", inputmode: "decimal", value: "4", "data-tool": "true" } }),
      el("span", { className: "muted", text: "ACU" }),
      el("button", { className: "button-secondary", text: "Apply", attrs: { type: "button", id: "weekly-fill-apply" } }),
    ]),
    errorSlot("weekly"),
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

  const overrides = group({ id: "group-overrides", title: "Price overrides", summaryId: "overrides-summary" }, [
    el("p", { className: "hint group-intro", text: "Optional unit prices in USD that replace the catalog's; needed where the catalog has no price. The placeholder shows the price used now." }),
    ...PRICE_ITEMS.map(([key, label, unit]) =>
      inputField({ id: `price-${key}`, path: `priceOverrides.${key}`, label, unit, min: 0, optional: true }),
    ),
  ]);

  $("form-groups").replaceChildren(capacity, workload, storage, cluster, readers, io, extras, overrides);
}

/** Shows the panel of the chosen workload kind and I/O mode. */
function syncPanels() {
  const kind = checkedValue("workloadKind") ?? "steady";
  for (const panel of form.querySelectorAll(".kind-panel")) panel.hidden = panel.dataset.kind !== kind;
  const io = checkedValue("ioMode") ?? "none";
  for (const panel of form.querySelectorAll(".io-panel")) panel.hidden = panel.dataset.io !== io;
}

function checkedValue(name) {
  return /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]:checked`))?.value;
}

function setChecked(name, value) {
  for (const radio of form.querySelectorAll(`input[name="${name}"]`)) radio.checked = radio.value === value;
}

// ------------------------------------------------------------------ scenario

function setRegionOptions(current) {
  const select = /** @type {HTMLSelectElement} */ ($("region"));
  let options = [];
  if (typeof acumen.regions === "function") {
    try {
      options = (acumen.regions() ?? []).map((region) => {
        if (typeof region === "string") return [region, region];
        const code = region.code ?? region.region ?? region.id;
        const name = region.name ?? region.label ?? region.location;
        return [code, name ? `${name} (${code})` : code];
      });
    } catch {
      options = [];
    }
  }
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
  const hourly = workload.weekly?.hourlyAcu ?? [];
  for (let i = 0; i < 168; i++) setValue(`weekly-${i}`, hourly[i] ?? (workload.weekly ? "" : steadyAcu));
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
    case "weekly":
      workload = { weekly: { hourlyAcu: Array.from({ length: 168 }, (_, i) => num(`weekly-${i}`)) } };
      break;
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
    acumen.estimate(scenario);
  } catch (error) {
    // A missing price is not a broken link: the page asks for it.
    if (error?.code !== "unknown_price") return { error: error?.message ?? String(error) };
  }
  return { scenario };
}

function writeHash(scenario) {
  if (Object.keys(scenario).length === 0) {
    clearHash();
    return;
  }
  const hash = HASH_PREFIX + encodeURIComponent(JSON.stringify(scenario));
  if (location.hash !== hash) history.replaceState(history.state, "", hash);
}

function clearHash() {
  if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
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
  for (const message of form.querySelectorAll(".field-error")) {
    message.hidden = true;
    message.textContent = "";
  }
  const general = $("general-error");
  general.hidden = true;
  general.textContent = "";
}

/** Shows `message` beside the input for `path`, or above the results when no input matches. */
function showError(path, message) {
  const prefix = `${path}: `;
  const text = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  const field = path ? fieldForPath(path) : null;
  if (!field) {
    const general = $("general-error");
    general.textContent = sentence(path ? `${path}: ${text}` : text);
    general.hidden = false;
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
    slot.hidden = false;
  }
  return field;
}

function setStale(stale) {
  results.dataset.stale = String(stale);
  $("mini-total").dataset.stale = String(stale);
  $("stale").hidden = !stale || !hasResult;
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
  $("line-rows").replaceChildren(...rows);
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
  $("usage-rows").replaceChildren(...rows);
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
  $("warning-list").replaceChildren(...items);
  $("warnings").hidden = items.length === 0;
}

function renderMaxConnections(report) {
  const mc = report.maxConnections;
  $("max-connections").textContent = `max_connections ${integerFormat.format(mc.value)} by default`;
  const notes = [`${mc.basis} value`];
  if (mc.cappedByMin) notes.push("capped because the minimum capacity is 0.5 ACU or less; raise the minimum for more");
  $("max-connections-note").textContent = `(${notes.join("; ")})`;
}

/** The catalog's entries, when the package exposes them. */
let catalogEntries = null;

function catalogPrice(region, engine, item) {
  if (catalogEntries === null) {
    catalogEntries = [];
    if (typeof acumen.catalog === "function") {
      try {
        const entries = acumen.catalog()?.entries;
        if (Array.isArray(entries)) catalogEntries = entries;
      } catch {
        // No catalog listing: placeholders come from the report's lines.
      }
    }
  }
  const matches = catalogEntries.filter((entry) => entry.region === region && entry.item === item && (entry.engine == null || entry.engine === engine));
  const best = matches.find((entry) => entry.engine === engine) ?? matches[0];
  return typeof best?.priceNanoUsd === "number" ? best.priceNanoUsd : undefined;
}

/** Shows the catalog price as each override's placeholder ("none" where the catalog has none). */
function renderOverridePlaceholders(report) {
  const used = new Map(report.lines.filter((line) => !line.price.overridden).map((line) => [line.item, line.unitPriceNanoUsd]));
  for (const [key] of PRICE_ITEMS) {
    const input = /** @type {HTMLInputElement} */ ($(`price-${key}`));
    const nano = used.get(key) ?? catalogPrice(report.region, report.engine, key);
    input.placeholder = nano === undefined ? (catalogEntries?.length ? "not in catalog" : "") : nanoDecimal(nano).replaceAll(",", "");
  }
}

function renderSummaries(scenario, report) {
  $("engine-summary").textContent = `${report.region} · ${ENGINE_NAMES[report.engine] ?? report.engine}`;
  const ioText = { none: "none", monthly: "monthly total", rates: "rates" }[checkedValue("ioMode") ?? "none"];
  $("io-summary").textContent = ioText;
  const extras = Object.keys(scenario.extras ?? {}).length;
  $("extras-summary").textContent = extras ? `${extras} set` : "none";
  const overrides = Object.keys(scenario.priceOverrides ?? {}).length;
  $("overrides-summary").textContent = overrides ? `${overrides} set` : "none";
}

function render(scenario, report) {
  $("total-monthly").textContent = formatMicroUsd(report.totalMicroUsd);
  $("total-monthly").dataset.microUsd = String(report.totalMicroUsd);
  $("mini-total-value").textContent = formatMicroUsd(report.totalMicroUsd);
  $("total-yearly").textContent = formatMicroUsd(report.yearlyMicroUsd);
  $("table-total").textContent = formatMicroUsd(report.totalMicroUsd);

  const engine = ENGINE_NAMES[report.engine] ?? report.engine;
  const storage = STORAGE_NAMES[report.storageType] ?? report.storageType;
  const readers = report.instances.length - 1;
  $("summary").textContent = [
    engine,
    report.region,
    storage,
    `${integerFormat.format(report.hoursPerMonth)} hours`,
    readers > 0 ? `writer and ${readers} reader${readers === 1 ? "" : "s"}` : "writer only",
  ].join(" · ");

  renderLines(report);
  renderUsage(report);
  renderWarnings(report);
  renderMaxConnections(report);
  renderOverridePlaceholders(report);
  renderSummaries(scenario, report);

  $("catalog-name").textContent = capitalise(report.catalog.name);
  $("catalog-date").textContent = report.catalog.asOf;
  $("catalog-date").setAttribute("datetime", report.catalog.asOf);
  $("model-name").textContent = `${report.model.name} v${report.model.version}`;
  $("model-description").textContent = `(${report.model.description})`;

  const ideal = $("ideal");
  if (isPlainObject(report.ideal) && typeof report.ideal.totalMicroUsd === "number") {
    $("ideal-total").textContent = formatMicroUsd(report.ideal.totalMicroUsd);
    $("ideal-explanation").textContent = report.ideal.explanation ? sentence(report.ideal.explanation) : "";
    ideal.hidden = false;
  } else {
    ideal.hidden = true;
  }

  lastGood = { scenario, report };
  renderExport();
  hasResult = true;
  results.removeAttribute("aria-busy");
}

/** What the chosen engine version allows, when the package can say. */
function updateCapabilities() {
  const element = $("engine-capabilities");
  element.hidden = true;
  if (typeof acumen.capabilities !== "function") return;
  const engine = /** @type {HTMLSelectElement} */ ($("engine")).value;
  const engineVersion = /** @type {HTMLInputElement} */ ($("engine-version")).value.trim() || null;
  try {
    const caps = acumen.capabilities({ engine, engineVersion });
    if (!isPlainObject(caps)) return;
    const parts = [];
    if (caps.serverless === false) parts.push("no Serverless v2 support");
    if (typeof caps.maxAcu === "number") parts.push(`up to ${quantityFormat.format(caps.maxAcu)} ACU`);
    if (typeof caps.autoPause === "boolean") parts.push(caps.autoPause ? "auto-pause (minimum 0) available" : "no auto-pause: minimum 0.5 ACU");
    element.textContent = `${engineVersion ? `Version ${engineVersion}` : "A current version"}: ${parts.join("; ")}.`;
    element.hidden = parts.length === 0;
  } catch {
    // An unreadable version is reported by the estimate, beside the field.
  }
}

/** Fills the export boxes, only while they are shown (the report can be large). */
function renderExport() {
  if (!lastGood || !(/** @type {HTMLDetailsElement} */ ($("export")).open)) return;
  /** @type {HTMLTextAreaElement} */ ($("export-scenario")).value = JSON.stringify(lastGood.scenario, null, 2);
  /** @type {HTMLTextAreaElement} */ ($("export-report")).value = JSON.stringify(lastGood.report, null, 2);
}

function updateLevelsTotal() {
  const rows = listValues("levels");
  const total = rows.reduce((sum, row) => sum + (Number(row.hours) || 0), 0);
  const month = Number(/** @type {HTMLInputElement} */ ($("hours")).value) || 0;
  const note = total === month ? "" : total > month ? `, ${quantityFormat.format(total - month)} h more than the month` : `, ${quantityFormat.format(month - total)} h less than the month`;
  $("levels-total").textContent = `The levels add up to ${quantityFormat.format(total)} h of the ${quantityFormat.format(month)}-hour month${note}.`;
}

/** Recomputes from the inputs. A rejected input keeps the last good result, marked stale. */
function update() {
  clearErrors();
  $("notice").hidden = true;
  syncPanels();
  updateLevelsTotal();
  updateCapabilities();
  const { scenario, problems } = readScenario();
  if (problems.length > 0) {
    for (const problem of problems) showError(problem.path, problem.message);
    setStale(true);
    return;
  }
  let report;
  try {
    report = acumen.estimate(scenario);
  } catch (error) {
    if (error?.name === "AcumenError") {
      showError(error.field ?? "", error.message);
      if (!hasResult) {
        const general = $("general-error");
        if (general.hidden) {
          general.textContent = error.code === "unknown_price" ? "No estimate yet: enter the missing price below." : "No estimate yet: correct the highlighted input.";
          general.hidden = false;
        }
      }
    } else {
      showError("", `The estimate failed unexpectedly: ${error?.message ?? error}`);
    }
    setStale(true);
    return;
  }
  render(scenario, report);
  setStale(false);
  writeHash(scenario);
}

/** Loads a scenario into the form and shows its estimate. */
function load(scenario) {
  clearErrors();
  kept = Object.fromEntries(Object.entries(scenario).filter(([key]) => !FORM_KEYS.has(key)));
  fillForm(scenario);
  update();
}

/** Loads the scenario from the URL hash (or the default). */
function loadFromLocation() {
  const fromHash = scenarioFromHash();
  let scenario = {};
  let notice = "";
  if (fromHash?.scenario) {
    scenario = fromHash.scenario;
  } else if (fromHash?.error) {
    notice = `The scenario in this link could not be used (${fromHash.error}). Showing the default estimate instead.`;
    clearHash();
  }
  load(scenario);
  if (!fromHash?.scenario) clearHash();
  const element = $("notice");
  element.textContent = notice;
  element.hidden = !notice;
}

// ------------------------------------------------------------------ actions

function applyPreset(name) {
  const preset = PRESETS[name];
  if (!preset) return;
  load(structuredClone(preset.scenario));
  const note = $("preset-note");
  note.textContent = preset.note;
  note.hidden = !preset.note;
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
  const blob = new Blob([/** @type {HTMLTextAreaElement} */ ($(id)).value + "\n"], { type: "application/json" });
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
  const control = field.querySelector("input, select, textarea");
  control?.focus();
  field.scrollIntoView({ block: "center" });
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
  document.querySelectorAll("input, button, select, textarea").forEach((control) => {
    control.disabled = true;
  });
}

/** The default scenario: the package's when it says, else the built-in one with the default report's region. */
function loadDefaults() {
  const merged = structuredClone(FALLBACK_DEFAULTS);
  const report = acumen.estimate({});
  Object.assign(merged, { region: report.region, engine: report.engine, storageType: report.storageType, hoursPerMonth: report.hoursPerMonth });
  if (typeof acumen.defaultScenario === "function") {
    try {
      const given = acumen.defaultScenario();
      if (isPlainObject(given)) {
        for (const [key, value] of Object.entries(given)) {
          if (value === undefined) continue;
          merged[key] = isPlainObject(value) && isPlainObject(merged[key]) ? { ...merged[key], ...value } : value;
        }
      }
    } catch {
      // Keep the built-in defaults.
    }
  }
  if (merged.engineVersion === undefined) merged.engineVersion = null;
  return merged;
}

async function main() {
  buildForm();
  try {
    await init();
    defaults = loadDefaults();
  } catch (error) {
    showLoadFailure(error);
    return;
  }
  $("version").textContent = `Acumen ${acumen.version()}.`;

  form.addEventListener("input", (event) => {
    if (/** @type {HTMLElement} */ (event.target).dataset?.tool) return;
    update();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button");
    if (!button) return;
    if (button.dataset.add) addRow(button.dataset.add);
    else if (button.dataset.remove) removeRow(button.dataset.remove, Number(button.dataset.index));
    else if (button.id === "weekly-fill-apply") {
      const value = /** @type {HTMLInputElement} */ ($("weekly-fill")).value;
      for (let i = 0; i < 168; i++) setValue(`weekly-${i}`, value);
      update();
    }
  });
  for (const button of document.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => applyPreset(/** @type {HTMLElement} */ (button).dataset.preset));
  }
  $("warning-list").addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button[data-goto]");
    if (button) goToField(button.dataset.goto);
  });
  $("export").addEventListener("toggle", renderExport);
  $("export").addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button");
    if (button?.dataset.copy) copyText(button.dataset.copy);
    else if (button?.dataset.download) download(button.dataset.download, button.dataset.filename);
  });
  $("reset").addEventListener("click", () => {
    clearHash();
    $("preset-note").hidden = true;
    load({});
    clearHash();
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
