// @ts-check
// Undo for the actions that replace the scenario, in whole or in part (an
// example, a restore, a reset, a CloudWatch import, the optimizer's range):
// the inputs before it are kept, one click puts them back, and the
// browser's Back button returns to them too (each such action is a history
// entry of its own).
import { $, form, setHidden } from "./dom.js";
import { flushHash } from "./persist.js";
import { readScenario } from "./scenario.js";
import { hooks, state } from "./state.js";
import { readView } from "./view.js";

/** @type {{ scenario: Record<string, unknown>, view: Record<string, any> | null, own: boolean } | null} */
let before = null;

/** The inputs as they are now; a loaded price book is kept apart (pricebook.js) and stays. */
function inputsNow() {
  const { priceBook: _book, ...scenario } = readScenario().scenario;
  return scenario;
}

/**
 * Runs `change`, which replaces all or part of the scenario, and offers to undo it.
 * @param {string} what what was done, as a sentence without its full stop: "Loaded the seed article example"
 * @param {() => void} change
 */
export function undoable(what, change) {
  // The view too: the values of the demand shapes not chosen, the chart's instance, prices kept for other regions.
  const saved = { scenario: inputsNow(), view: readView(), own: state.own };
  // The entry for the inputs before, so that Back returns to them.
  flushHash();
  history.pushState(history.state, "", location.href);
  change();
  before = saved;
  show(`${what}.`, true);
}

/**
 * Shows what happened, with the Undo button while there is something to undo.
 * @param {string} text
 * @param {boolean} offer
 */
function show(text, offer) {
  $("undo-text").textContent = text;
  setHidden($("undo-button"), !offer);
  setHidden($("undo"), false);
}

/** Hides the bar: after an edit, undoing would lose it. */
function dismiss() {
  before = null;
  setHidden($("undo"), true);
}

/** The Undo button, and the edits that end its offer. */
export function followUndo() {
  $("undo-button").addEventListener("click", () => {
    const saved = before;
    before = null;
    if (!saved) return;
    state.own = saved.own;
    setHidden($("preset-note"), true);
    hooks.load(saved.scenario, saved.view);
    show("Undone: your earlier inputs are back.", false);
    $("undo").focus();
  });
  $("undo-close").addEventListener("click", dismiss);
  form.addEventListener("input", dismiss);
}
