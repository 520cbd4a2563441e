// @ts-check
// The form's building blocks: a labelled input, select, radio group or
// checkbox, each with its hint and a slot for the core's error about it.
// Every control carries `data-path`, the scenario path the core names in its
// errors, so that an error lands beside the input it is about.
import { el } from "./dom.js";

/**
 * @typedef {object} ControlSpec
 * @property {string} id the element id (also in the test ids, and so stable)
 * @property {string} path the scenario path the control edits
 * @property {string} label
 * @property {string} [unit]
 * @property {string} [hint]
 * @property {"number" | "text"} [type]
 * @property {number} [min]
 * @property {number} [max]
 * @property {number | "any"} [step]
 * @property {boolean} [optional] whether the input may be left empty
 * @property {string} [placeholder]
 * @property {string} [inputmode]
 * @property {boolean} [wide]
 * @property {[string, string][]} [options] a select's values and labels
 * @property {boolean} [numeric] a select whose values the scenario holds as numbers
 * @property {[string, string, string][]} [choices] a radio group's values, labels and ids
 * @property {string} [name] a radio group's name
 * @property {number} [columns] a radio group's columns
 */

/** A message slot for the errors of the field `id`. */
export function errorSlot(id) {
  return el("p", { className: "field-error", attrs: { id: `${id}-error`, "data-testid": `error-${id}`, hidden: true } });
}

/**
 * A labelled input with unit, hint and error slot.
 * @param {ControlSpec} spec
 */
export function inputField({ id, path, label, unit, hint, type = "number", min, max, step = "any", optional, placeholder, inputmode, wide }) {
  const described = [unit && `${id}-unit`, hint && `${id}-hint`].filter(Boolean).join(" ");
  // A number is typed into a text input with a numeric keyboard: a number
  // input would drop "abc" unseen, where this one keeps it and says why it is refused.
  const numeric = type === "number";
  const input = el("input", {
    attrs: {
      id,
      type: "text",
      name: id,
      inputmode: inputmode ?? (numeric ? "decimal" : undefined),
      "data-number": numeric ? "true" : undefined,
      "data-min": numeric ? min : undefined,
      "data-max": numeric ? max : undefined,
      "data-step": numeric && step !== "any" ? step : undefined,
      placeholder,
      autocomplete: "off",
      spellcheck: "false",
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

/** @param {ControlSpec} spec */
export function selectField({ id, path, label, hint, options = [] }) {
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

/**
 * A segmented radio group.
 * @param {ControlSpec} spec
 */
export function radioField({ id, name, path, label, hint, choices = [], columns }) {
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

/** @param {ControlSpec} spec */
export function checkboxField({ id, path, label, hint }) {
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

/**
 * A group shown open (a fieldset) or disclosed on demand (a details element).
 * @param {{ id: string, title: string, open?: boolean, summaryId?: string }} options
 * @param {Node[]} children
 */
export function group({ id, title, open, summaryId }, children) {
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

/**
 * A text area of numbers (a trace's samples).
 * @param {ControlSpec} spec
 */
export function samplesField({ id, path, label, hint }) {
  return el("div", { className: "field field-wide", attrs: { "data-path": path } }, [
    el("label", { text: label, attrs: { for: id } }),
    el("textarea", {
      attrs: {
        id,
        rows: "4",
        spellcheck: "false",
        "data-path": path,
        "aria-describedby": `${id}-hint`,
        "data-describedby": `${id}-hint`,
        "data-testid": `input-${id}`,
      },
    }),
    el("p", { className: "hint", text: hint, attrs: { id: `${id}-hint` } }),
    errorSlot(id),
  ]);
}
