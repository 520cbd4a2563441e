// @ts-check
// The form's layout: its groups and panels, each field built from its entry
// in the field table (fields.js), the editable lists, the weekly grid and the
// CloudWatch file input.
import { priceBookField } from "./pricebook.js";
import { weeklyGrid } from "../weekly.js";
import { $, checkedValue, control, el, form, setHidden } from "./dom.js";
import { checkboxField, errorSlot, group, inputField, radioField, samplesField, selectField } from "./controls.js";
import { DAYS, FIELD, PRICE_ITEMS } from "./fields.js";
import { listSection } from "./lists.js";
import { hooks } from "./state.js";
import { keptNote } from "./regional.js";

/**
 * The field `id`'s control, built from its entry in the table.
 * @param {string} id
 */
function field(id) {
  const spec = FIELD.get(id);
  if (!spec) throw new Error(`no field ${id}`);
  switch (spec.kind) {
    case "select":
      return selectField(spec);
    case "radio":
      return radioField(spec);
    case "check":
      return checkboxField(spec);
    case "samples":
      return samplesField(spec);
    default:
      return inputField(spec);
  }
}

/** @type {ReturnType<typeof weeklyGrid> | null} */
let weekly = null;

/** The weekly grid (weekly.js), built with the form. */
export function weeklyEditor() {
  if (!weekly) throw new Error("the form has not been built");
  return weekly;
}

/** The paint value for the weekly grid, or `null` when it is not a number of 0 or more. */
function weeklyBrush() {
  const input = control("weekly-brush");
  const raw = input.value.trim();
  const value = Number(raw);
  const usable = raw !== "" && Number.isFinite(value) && value >= 0;
  if (usable) input.removeAttribute("aria-invalid");
  else input.setAttribute("aria-invalid", "true");
  return usable ? value : null;
}

function buildWeeklyGrid() {
  const grid = weeklyGrid({
    days: DAYS,
    brush: weeklyBrush,
    onChange: () => hooks.update(),
    path: (i) => `workload.weekly.hourlyAcu[${i}]`,
    labelledBy: "weekly-label",
    describedBy: "weekly-hint",
  });
  weekly = grid;
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
    el("div", { className: "grid-scroll" }, [grid.table]),
    grid.readout,
    grid.status,
    el("div", { className: "inline-tool" }, [
      el("label", { text: "Set every hour to", attrs: { for: "weekly-fill" } }),
      el("input", { attrs: { id: "weekly-fill", type: "number", min: 0, step: "any", inputmode: "decimal", value: "4", "data-tool": "true" } }),
      el("span", { className: "muted", text: "ACU" }),
      el("button", { className: "button-secondary", text: "Apply", attrs: { type: "button", id: "weekly-fill-apply" } }),
    ]),
    errorSlot("weekly"),
  ]);
}

/**
 * The AWS CLI command that exports a cluster's capacity as the import reads
 * it: one query per instance, the writer first, 1-minute averages over the
 * last 14 days (CloudWatch keeps 1-minute data for 15 days).
 */
const AWS_CLI_EXPORT = `aws cloudwatch get-metric-data \\
  --start-time "$(date -u -d '14 days ago' +%FT%TZ)" \\
  --end-time "$(date -u +%FT%TZ)" \\
  --metric-data-queries '[
    {"Id": "writer", "Label": "app-writer", "MetricStat": {"Period": 60, "Stat": "Average",
      "Metric": {"Namespace": "AWS/RDS", "MetricName": "ServerlessDatabaseCapacity",
        "Dimensions": [{"Name": "DBInstanceIdentifier", "Value": "app-writer"}]}}},
    {"Id": "reader1", "Label": "app-reader-1", "MetricStat": {"Period": 60, "Stat": "Average",
      "Metric": {"Namespace": "AWS/RDS", "MetricName": "ServerlessDatabaseCapacity",
        "Dimensions": [{"Name": "DBInstanceIdentifier", "Value": "app-reader-1"}]}}}
  ]' > capacity.json`;

/** The CloudWatch import: a drop zone with a file input, how to export, its message and what it read. */
function csvImport() {
  return el("div", { className: "field field-wide csv-import", attrs: { "data-path": "csv" } }, [
    el("div", { className: "drop-zone", attrs: { id: "drop-zone", "data-testid": "drop-zone" } }, [
      el("label", { className: "field-label", text: "Or import a trace from CloudWatch", attrs: { for: "csv-file" } }),
      el("input", {
        attrs: {
          id: "csv-file",
          type: "file",
          accept: ".csv,.json,text/csv,application/json,text/plain",
          "data-tool": "true",
          "aria-describedby": "csv-file-hint",
          "data-describedby": "csv-file-hint",
          "data-testid": "csv-file",
        },
      }),
      el("p", {
        className: "hint",
        text:
          "ServerlessDatabaseCapacity (or any demand in ACU) as the AWS CLI writes it (get-metric-data or get-metric-statistics JSON) " +
          "or as CSV (the console's \"Download as CSV\", get-metric-data as CSV). " +
          "You can also drop it anywhere on the page. The first series becomes the writer's trace, any others readers at tier 2.",
        attrs: { id: "csv-file-hint" },
      }),
      el("details", { className: "export-help", attrs: { "data-testid": "export-help" } }, [
        el("summary", { text: "How to export with the AWS CLI" }),
        el("p", {
          className: "hint",
          text:
            "One query per instance, the writer first; replace app-writer and app-reader-1 with your instances' identifiers. " +
            "CloudWatch keeps 1-minute data for 15 days, 5-minute data for 63 days and hourly data for 455 days: " +
            "for an older or longer span, set Period to 300 or 3600. On macOS, use date -u -v-14d for the start time.",
        }),
        // Focusable, so that a keyboard can scroll the long lines on a phone.
        el("pre", { className: "command", attrs: { tabindex: "0", role: "region", "aria-label": "AWS CLI command" } }, [
          el("code", { text: AWS_CLI_EXPORT }),
        ]),
      ]),
    ]),
    el("p", { className: "field-error import-error", attrs: { id: "csv-error", "data-testid": "csv-error", role: "alert", hidden: true } }),
    el("div", { className: "csv-status", attrs: { id: "csv-status", "data-testid": "csv-status", role: "status" } }),
  ]);
}

/** A panel shown while a radio group has one value: `data-kind="steady"`. */
const panel = (attr, value, children) => el("div", { className: `${attr}-panel`, attrs: { [`data-${attr}`]: value } }, children);

function workloadGroup() {
  return group({ id: "group-workload", title: "Workload", open: true }, [
    field("workload-kind"),
    panel("kind", "steady", [field("demand-acu")]),
    panel("kind", "businessHours", [el("div", { className: "field-pair" }, ["bh-peak", "bh-off-peak", "bh-hours", "bh-start", "bh-days"].map(field))]),
    panel("kind", "levels", [
      ...listSection("levels", { addLabel: "Add level", intro: "Hours a month at each demand level, in any order." }),
      el("p", { className: "hint", attrs: { id: "levels-total", "data-testid": "levels-total", "aria-live": "polite" } }),
    ]),
    panel("kind", "weekly", [buildWeeklyGrid()]),
    panel("kind", "trace", [field("trace-acu"), field("trace-interval")]),
    csvImport(),
    field("hours"),
    el("details", { className: "subgroup", attrs: { id: "spikes-details" } }, [
      el("summary", {}, [el("span", { text: "Spikes " }), el("span", { className: "summary-value", attrs: { id: "spikes-count" } })]),
      ...listSection("spikes", { addLabel: "Add spike", intro: "Recurring bursts of extra demand on the writer." }),
    ]),
  ]);
}

function compareGroup() {
  return group({ id: "group-compare", title: "Compare with", summaryId: "compare-summary" }, [
    el("p", {
      className: "hint group-intro",
      text: "Provisioned instance classes to weigh serverless against. With none listed, the smallest class of each family with memory for the peak is compared at catalog on-demand rates.",
    }),
    keptNote("kept-rates"),
    el("div", { className: "field list-field", attrs: { "data-path": "compare.classes" } }, [
      el("div", { className: "list", attrs: { id: "class-list", "data-testid": "class-list" } }),
      errorSlot("class-list"),
    ]),
    el("button", { className: "button-secondary add-row", text: "Add class", attrs: { type: "button", id: "add-class", "data-class-action": "add", "data-testid": "add-class" } }),
    field("serverless-sp"),
    field("serverless-sp-commitment"),
  ]);
}

/** Builds the form's groups (before the engine has answered: the fields are filled by `fillForm`). */
export function buildForm() {
  const intro = (text) => el("p", { className: "hint group-intro", text });
  $("form-groups").replaceChildren(
    group({ id: "group-capacity", title: "Scaling range", open: true }, ["min-acu", "max-acu", "auto-pause"].map(field)),
    workloadGroup(),
    group({ id: "group-storage", title: "Storage", open: true }, ["storage-gb", "storage-type", "backup-gb"].map(field)),
    group({ id: "group-engine", title: "Region and engine", summaryId: "engine-summary" }, [
      ...["region", "engine", "engine-version", "platform-version"].map(field),
      el("p", { className: "hint capabilities", attrs: { id: "engine-capabilities", "data-testid": "engine-capabilities", hidden: true } }),
      priceBookField(),
    ]),
    group({ id: "group-readers", title: "Readers", summaryId: "readers-count" }, [
      ...listSection("readers", { addLabel: "Add reader", intro: "Serverless readers (Aurora Replicas), up to 15, sharing the scaling range." }),
    ]),
    group({ id: "group-io", title: "I/O requests", summaryId: "io-summary" }, [
      field("io-mode"),
      panel("io", "monthly", [field("io-requests")]),
      panel("io", "rates", ["io-baseline", "io-peak", "io-peak-hours"].map(field)),
    ]),
    group({ id: "group-extras", title: "Extras", summaryId: "extras-summary" }, [
      "rds-proxy", "database-insights", "extended-support", "data-api-requests", "data-api-kb", "snapshot-export-gb", "backtrack-records", "global-write-ios",
    ].map(field)),
    compareGroup(),
    group({ id: "group-application", title: "Application", summaryId: "application-summary" }, [
      intro("Optional facts about the application, for the configuration advice."),
      ...["app-working-set", "app-instances", "app-pool", "app-pi", "app-global", "app-logical", "app-zero-etl", "app-babelfish", "app-max-locks"].map(field),
    ]),
    group({ id: "group-overrides", title: "Price overrides", summaryId: "overrides-summary" }, [
      intro("Optional unit prices in USD for this region that replace the catalog's; needed where the catalog has no price. The placeholder shows the price the estimate uses (none while an input is refused)."),
      keptNote("kept-overrides"),
      ...PRICE_ITEMS.map(([key]) => field(`price-${key}`)),
    ]),
  );
}

/** Shows the panel of the chosen workload kind and I/O mode. */
export function syncPanels() {
  const kind = checkedValue("workloadKind") ?? "steady";
  for (const node of form.querySelectorAll(".kind-panel")) setHidden(/** @type {HTMLElement} */ (node), /** @type {HTMLElement} */ (node).dataset.kind !== kind);
  // What the last CSV file gave is shown with the trace it became.
  setHidden($("csv-status"), kind !== "trace");
  const io = checkedValue("ioMode") ?? "none";
  for (const node of form.querySelectorAll(".io-panel")) setHidden(/** @type {HTMLElement} */ (node), /** @type {HTMLElement} */ (node).dataset.io !== io);
}
