// @ts-check
// The arrow keys step a number field up and down, as they would a number
// input: the form's numbers are text inputs (controls.js), so that what is
// typed stays in view even when it is not a number.
import { form } from "./dom.js";
import { parseDecimal } from "./scenario.js";

/**
 * `value` moved by `steps` steps of `step`, within `min`..`max`; decimal
 * steps are rounded to the step, so 0.1 + 0.2 shows as 0.3.
 * @param {number} value
 * @param {number} steps
 * @param {number} step
 * @param {number} min
 * @param {number} max
 */
export function stepped(value, steps, step, min, max) {
  const places = (String(step).split(".")[1] ?? "").length;
  const next = Number((value + steps * step).toFixed(places));
  return Math.min(max, Math.max(min, next));
}

/** Steps the focused number field with ArrowUp and ArrowDown. */
export function followArrowKeys() {
  form.addEventListener("keydown", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    if (!(input instanceof HTMLInputElement) || input.dataset.number !== "true") return;
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    const raw = input.value.trim();
    const value = raw === "" ? 0 : parseDecimal(raw);
    if (value === null) return;
    event.preventDefault();
    const bound = (name, fallback) => (input.dataset[name] === undefined ? fallback : Number(input.dataset[name]));
    const step = bound("step", 1);
    input.value = String(stepped(value, event.key === "ArrowUp" ? 1 : -1, step, bound("min", -Infinity), bound("max", Infinity)));
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
