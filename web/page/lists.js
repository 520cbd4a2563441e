// @ts-check
// The form's editable lists of rows (levels, spikes, readers): each list's
// row fields are defined once here, and rows are built, read and re-rendered
// from that table.
import { $, control, el } from "./dom.js";
import { errorSlot, inputField } from "./controls.js";
import { integerFormat } from "./format.js";
import { hooks } from "./state.js";

const MAX_READERS = 15;
const MAX_ROWS = 50;

/**
 * @typedef {{ key: string, label: string, unit: string, hint: string, min?: number, max?: number, step?: number, inputmode?: string, optional?: boolean, subpath?: string }} RowField
 * @typedef {{ container: string, path: (i: number) => string, title: (i: number) => string, max: number, blank: () => Record<string, string>, fields: RowField[] }} ListSpec
 * @typedef {"levels" | "spikes" | "readers"} ListName
 * @typedef {Record<string, string>} RowValues the raw (string) values of a row, plus `keep`: what the row cannot show
 */

/** Lists of rows (levels, spikes, readers), each row a set of fields. */
/** @type {Record<ListName, ListSpec>} */
export const LISTS = {
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

/**
 * The id of a row's field: `level-0-acu`.
 * @param {ListName} list
 * @param {number} i
 * @param {string} key
 */
export function listFieldId(list, i, key) {
  return `${LISTS[list].container.replace("-list", "")}-${i}-${key}`;
}

/**
 * The raw (string) values of a list's rows, plus any kept workload of a reader.
 * @param {ListName} list
 * @returns {RowValues[]}
 */
export function listValues(list) {
  const spec = LISTS[list];
  return [...$(spec.container).children].map((row, i) => {
    /** @type {RowValues} */
    const values = {};
    for (const field of spec.fields) values[field.key] = control(listFieldId(list, i, field.key)).value;
    const keep = /** @type {HTMLElement} */ (row).dataset.keep;
    if (keep) values.keep = keep;
    return values;
  });
}

/**
 * Shows `rows` in a list, replacing the rows it had.
 * @param {ListName} list
 * @param {RowValues[]} rows
 */
export function renderList(list, rows) {
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
  const add = /** @type {HTMLButtonElement} */ ($(`add-${list}`));
  add.disabled = rows.length >= spec.max;
  const counter = document.getElementById(`${list}-count`);
  if (counter) counter.textContent = rows.length ? `${rows.length}` : "none";
}

/** @param {ListName} list */
export function addRow(list) {
  const rows = listValues(list);
  if (rows.length >= LISTS[list].max) return;
  rows.push(LISTS[list].blank());
  renderList(list, rows);
  const first = document.getElementById(listFieldId(list, rows.length - 1, LISTS[list].fields[0].key));
  first?.focus();
  hooks.update();
}

/**
 * @param {ListName} list
 * @param {number} index
 */
export function removeRow(list, index) {
  const rows = listValues(list);
  rows.splice(index, 1);
  renderList(list, rows);
  const next = document.getElementById(`add-${list}`);
  next?.focus();
  hooks.update();
}

/**
 * A list's markup: an intro, the rows' container and the button that adds a row.
 * @param {ListName} list
 * @param {{ addLabel: string, intro?: string }} options
 */
export function listSection(list, { addLabel, intro }) {
  return [
    ...(intro ? [el("p", { className: "hint group-intro", text: intro })] : []),
    el("div", { className: "field list-field", attrs: { "data-path": LISTS[list].path(0).replace(/\[0\]$/, "") } }, [
      el("div", { className: "list", attrs: { id: LISTS[list].container, "data-testid": LISTS[list].container } }),
      errorSlot(`${LISTS[list].container}`),
    ]),
    el("button", { className: "button-secondary add-row", text: addLabel, attrs: { type: "button", id: `add-${list}`, "data-add": list, "data-testid": `add-${list}` } }),
  ];
}
