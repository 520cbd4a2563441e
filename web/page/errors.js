// @ts-check
// Errors beside the inputs they are about: the core names a scenario path
// (`readers[1].promotionTier`), and the nearest field with that `data-path`
// shows the message; one without a field goes above the results.
import { $, form, openAround, results, setHidden } from "./dom.js";
import { sentence } from "./format.js";
import { state } from "./state.js";

/** The first input showing an error since the errors were last cleared: the one the banner links to. */
let firstError = /** @type {{ path: string, label: string } | null} */ (null);

/** The parent of a path: `readers[1].promotionTier` → `readers[1]` → `readers`. */
function parentPath(path) {
  return path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
}

/**
 * The nearest field that can show an error for `path`.
 * @param {string} path
 * @returns {HTMLElement | null}
 */
export function fieldForPath(path) {
  for (let p = path; p; ) {
    const field = /** @type {HTMLElement[]} */ ([...form.querySelectorAll(".field[data-path]")]).find((node) => node.dataset.path === p && !node.closest("[hidden]"));
    if (field) return field;
    const parent = parentPath(p);
    if (parent === p) break;
    p = parent;
  }
  return null;
}

/**
 * The controls of `field` to mark for `path`.
 * @param {HTMLElement} field
 * @param {string} path
 * @returns {HTMLElement[]}
 */
function controlsOf(field, path) {
  const exact = /** @type {HTMLElement[]} */ ([...field.querySelectorAll("[data-path]")]).filter((node) => node.dataset.path === path && node !== field);
  if (exact.length) return exact;
  if (field.matches("fieldset.group-plain")) return [field];
  const own = /** @type {HTMLElement[]} */ ([...field.querySelectorAll("input, select, textarea")]).filter((node) => node.dataset.path === field.dataset.path);
  return own.length ? own : [field];
}

/** Clears every error the form shows. */
export function clearErrors() {
  firstError = null;
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[aria-invalid]"))) {
    node.removeAttribute("aria-invalid");
    if (node.dataset.describedby !== undefined) {
      if (node.dataset.describedby) node.setAttribute("aria-describedby", node.dataset.describedby);
      else node.removeAttribute("aria-describedby");
    }
  }
  for (const node of form.querySelectorAll(".has-error")) node.classList.remove("has-error");
  for (const message of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll(".field-error:not(.import-error):not([hidden])"))) {
    setHidden(message, true);
    message.textContent = "";
  }
  const general = $("general-error");
  if (!general.hidden) {
    setHidden(general, true);
    general.textContent = "";
  }
}

/**
 * Shows `message` beside the input for `path`, or above the results when no input matches.
 * @param {string} path
 * @param {string} message
 */
export function showError(path, message) {
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
  openAround(field);
  field.classList.add("has-error");
  for (const control of controlsOf(field, path)) {
    control.setAttribute("aria-invalid", "true");
    if (slot) control.setAttribute("aria-describedby", [slot.id, control.dataset.describedby].filter(Boolean).join(" "));
  }
  if (slot) {
    slot.textContent = sentence(text);
    setHidden(slot, false);
  }
  firstError ??= { path, label: labelOf(field) };
  return field;
}

/**
 * The name a field goes by: its label or legend.
 * @param {HTMLElement} field
 */
function labelOf(field) {
  const label = field.querySelector(":scope > label, :scope > legend, :scope > .check > label, :scope > .field-label");
  return label?.textContent?.trim() || "the input";
}

/**
 * Moves to the first input in error when the user is not already at an input
 * (the error came with a link, an example or an undo, not from typing).
 */
export function focusFirstError() {
  if (!firstError) return;
  const active = document.activeElement;
  if (active && active !== document.body && form.contains(active) && active.matches("input, select, textarea")) return;
  goToField(firstError.path);
}

/**
 * Marks the results as out of date (an input the core refused), or not.
 * @param {boolean} stale
 */
export function setStale(stale) {
  const value = String(stale);
  if (results.dataset.stale !== value) results.dataset.stale = value;
  if ($("mini-total").dataset.stale !== value) $("mini-total").dataset.stale = value;
  setHidden($("stale"), !stale || !state.hasResult);
  const goto = $("stale-goto");
  setHidden(goto, !stale || !firstError);
  if (firstError) {
    goto.textContent = `Go to ${firstError.label}`;
    goto.dataset.goto = firstError.path;
  }
  $("stale-text").textContent = firstError
    ? `Out of date: showing the last valid estimate. Correct ${firstError.label} to update it.`
    : "Out of date: showing the last valid estimate. Correct the highlighted input to update it.";
}

/**
 * Moves to the input for `path` (a warning's or a comparison note's "Show input").
 * @param {string} path
 */
export function goToField(path) {
  const field = fieldForPath(path);
  if (!field) return;
  openAround(field);
  const exact = /** @type {HTMLElement[]} */ ([...field.querySelectorAll("[data-path]")]).find((node) => node.dataset.path === path && node.matches("input, select, textarea, [tabindex]"));
  const control = exact ?? /** @type {HTMLElement | null} */ (field.querySelector("input, select, textarea"));
  control?.focus();
  field.scrollIntoView({ block: "center" });
}
