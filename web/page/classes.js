// @ts-check
// The provisioned instance classes to compare serverless with: one row per
// class, with an optional Reserved Instance offer. What a row cannot show
// (a class's memory, further offers) is kept on the row and written back.
import { isPlainObject } from "../boot.js";
import { $, control, el } from "./dom.js";
import { errorSlot, inputField, selectField } from "./controls.js";
import { hooks } from "./state.js";

/**
 * @typedef {{ term: string, payment: string, hourly: string, upfront: string, discount: string }} OfferRow
 * @typedef {{ name: string, onDemand: string, savingsPlan: string, offer: OfferRow | null, keep?: string }} ClassRow
 * @typedef {import("./controls.js").ControlSpec} ControlSpec
 */

const MAX_CLASSES = 10;
/** @type {[string, string][]} */
const PAYMENTS = [
  ["no-upfront", "No upfront"],
  ["partial-upfront", "Partial upfront"],
  ["all-upfront", "All upfront"],
];
/** A new reserved offer's inputs. */
const BLANK_OFFER = { term: "1", payment: "no-upfront", hourly: "", upfront: "", discount: "" };

/**
 * A row's field: `key` names it in the row (and in its id, `class-0-onDemand`), `at` in the
 * scenario's class option or offer; `fallback` is shown when the scenario has no value.
 * @typedef {Omit<ControlSpec, "id" | "path"> & { key: string, at: string, fallback?: string | number }} RowFieldSpec
 */

/** @type {RowFieldSpec[]} */
const CLASS_FIELDS = [
  { key: "name", at: "class", type: "text", label: "Instance class", hint: "For example db.r6g.xlarge.", placeholder: "db.r6g.xlarge", inputmode: "text" },
  { key: "onDemand", at: "onDemandHourly", label: "On-demand rate", unit: "$ / hour", hint: "Optional: empty uses the catalog's rate.", min: 0, optional: true, placeholder: "catalog" },
  { key: "savingsPlan", at: "savingsPlanDiscount", label: "Savings Plan discount", unit: "0–0.9", hint: "Optional: 0.2 is 20 % off on-demand.", min: 0, max: 0.9, optional: true },
];

/** @type {RowFieldSpec[]} */
const OFFER_FIELDS = [
  { key: "term", at: "termYears", label: "Term", unit: "years", hint: "1 or 3.", min: 1, max: 3, step: 2, inputmode: "numeric", fallback: 1 },
  { key: "payment", at: "payment", label: "Payment", hint: "How the reservation is paid.", options: PAYMENTS, fallback: "no-upfront" },
  { key: "hourly", at: "hourly", label: "Hourly rate", unit: "$ / hour", hint: "Effective recurring rate per instance.", min: 0, optional: true },
  { key: "upfront", at: "upfront", label: "Upfront fee", unit: "$", hint: "Per instance, spread over the term.", min: 0, optional: true },
  { key: "discount", at: "discount", label: "Or a discount", unit: "0–0.9", hint: "Instead of rates: off on-demand; 0.3 is 30 %.", min: 0, max: 0.9, optional: true },
];

const classPath = (i) => `compare.classes[${i}]`;
const offerPath = (i) => `${classPath(i)}.reserved[0]`;
const asText = (value) => (value === undefined || value === null ? "" : String(value));

/**
 * A scenario's class option as the strings the row shows; what the row cannot show is kept.
 * @param {unknown} option
 * @returns {ClassRow}
 */
export function classRow(option) {
  const given = isPlainObject(option) ? option : {};
  const { reserved, ...rest } = given;
  const offers = Array.isArray(reserved) ? reserved : [];
  const first = offers[0];
  /** @type {(fields: RowFieldSpec[], from: Record<string, any>) => Record<string, string>} */
  const shown = (fields, from) => Object.fromEntries(fields.map((f) => [f.key, asText(from[f.at] ?? f.fallback)]));
  const row = /** @type {ClassRow} */ ({ ...shown(CLASS_FIELDS, given), offer: isPlainObject(first) ? shown(OFFER_FIELDS, first) : null });
  /** @type {Record<string, unknown>} */
  const keep = { ...rest };
  for (const field of CLASS_FIELDS) delete keep[field.at];
  if (offers.length > 1) keep.moreReserved = offers.slice(1);
  if (Object.keys(keep).length) row.keep = JSON.stringify(keep);
  return row;
}

/**
 * The class rows as shown now.
 * @returns {ClassRow[]}
 */
export function classValues() {
  return [...$("class-list").children].map((row, i) => {
    /** @type {(fields: RowFieldSpec[]) => Record<string, string>} */
    const values = (fields) => Object.fromEntries(fields.map((f) => [f.key, control(`class-${i}-${f.key}`).value]));
    const hasOffer = document.getElementById(`class-${i}-term`) !== null;
    return /** @type {ClassRow} */ ({ ...values(CLASS_FIELDS), offer: hasOffer ? values(OFFER_FIELDS) : null, keep: /** @type {HTMLElement} */ (row).dataset.keep });
  });
}

/** @param {ClassRow[]} rows */
export function renderClasses(rows) {
  const container = $("class-list");
  container.replaceChildren(
    ...rows.map((values, i) => {
      /**
       * @param {RowFieldSpec} spec
       * @param {string} under the path of the class or offer
       * @param {Record<string, any>} shown the row's values
       */
      const field = ({ key, at, fallback, ...spec }, under, shown) => {
        const options = { ...spec, id: `class-${i}-${key}`, path: `${under}.${at}` };
        const node = options.options ? selectField(options) : inputField(options);
        /** @type {HTMLInputElement} */ (node.querySelector("input, select")).value = shown[key];
        return node;
      };
      /** @type {Node[]} */
      const children = [
        el("legend", { text: `Class ${i + 1}` }),
        el("div", { className: "row-fields" }, CLASS_FIELDS.map((f) => field(f, classPath(i), values))),
      ];
      if (values.offer) {
        const offer = values.offer;
        children.push(
          el("fieldset", { className: "offer field", attrs: { "data-path": offerPath(i), "data-testid": `offer-${i}` } }, [
            el("legend", { text: "Reserved Instance offer" }),
            el("div", { className: "row-fields" }, OFFER_FIELDS.map((f) => field(f, offerPath(i), offer))),
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

/**
 * A click on one of the rows' buttons: add or remove a class or its offer.
 * @param {string} action
 * @param {number} index
 */
export function classAction(action, index) {
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
  if (focus) document.getElementById(focus)?.focus();
  hooks.update();
}

/**
 * The classes to compare, read from the rows.
 * @param {(id: string) => number | undefined} num reads a number input, noting what is wrong with it
 */
export function readClasses(num) {
  return classValues().map((row, i) => {
    const { moreReserved, ...kept } = row.keep ? JSON.parse(row.keep) : {};
    /** @type {Record<string, unknown>} */
    const option = { ...kept, class: row.name.trim() };
    for (const field of CLASS_FIELDS.slice(1)) {
      const value = num(`class-${i}-${field.key}`);
      if (value !== undefined) option[field.at] = value;
    }
    const reserved = [];
    if (row.offer) {
      /** @type {Record<string, unknown>} */
      const offer = {};
      for (const field of OFFER_FIELDS) {
        if (field.options) {
          // The default payment is left out, as the core assumes it.
          if (row.offer[field.key] !== field.fallback) offer[field.at] = row.offer[field.key];
        } else {
          const value = num(`class-${i}-${field.key}`);
          // The term is always written (an empty one is reported by `num`).
          if (value !== undefined || field.fallback !== undefined) offer[field.at] = value;
        }
      }
      reserved.push(offer);
    }
    if (Array.isArray(moreReserved)) reserved.push(...moreReserved);
    if (reserved.length) option.reserved = reserved;
    return option;
  });
}
