// @ts-check
// The page's loop: the form is read into a scenario, the worker estimates
// it, and the latest answer is shown (or the core's error beside its field;
// a rejected input keeps the last good result, marked stale).
import { decodeLink } from "./link.js";
import { applyView } from "./view.js";
import { $, control, results, same, setHidden, setText } from "./dom.js";
import { quantityFormat } from "./format.js";
import { clearErrors, focusFirstError, setStale, showError } from "./errors.js";
import { syncPanels } from "./form.js";
import { listValues } from "./lists.js";
import { clearHash, writeHash } from "./persist.js";
import { clearOverridePlaceholders, render, renderCapabilities, renderSummaries } from "./render/report.js";
import { estimator, latestWins } from "./rpc.js";
import { fillForm, readScenario } from "./scenario.js";
import { SCENARIO_KEYS } from "./fields.js";
import { state } from "./state.js";

/** The total of the levels' hours against the month's. */
function updateLevelsTotal() {
  const rows = listValues("levels");
  const total = rows.reduce((sum, row) => sum + (Number(row.hours) || 0), 0);
  const month = Number(control("hours").value) || 0;
  const note = total === month ? "" : total > month ? `, ${quantityFormat.format(total - month)} h more than the month` : `, ${quantityFormat.format(month - total)} h less than the month`;
  setText($("levels-total"), `The levels add up to ${quantityFormat.format(total)} h of the ${quantityFormat.format(month)}-hour month${note}.`);
}

/**
 * While an estimate is on its way, the results carry `data-pending` (the tests wait for it to go).
 * @param {boolean} pending
 */
function setPending(pending) {
  if (pending) results.dataset.pending = "true";
  else delete results.dataset.pending;
}

/**
 * Shows an estimate's outcome: the report, or the core's error beside its field.
 * @param {any} outcome the engine's `estimate` answer: `{ report, placeholders, caps }` or `{ error, caps }`
 * @param {Record<string, any>} scenario
 * @param {string | null} engineVersion
 */
export function showOutcome(outcome, scenario, engineVersion) {
  clearErrors();
  renderCapabilities(outcome.caps, engineVersion, scenario?.platformVersion);
  const error = outcome.error;
  if (error) {
    if (error.name === "AcumenError") {
      showError(error.field ?? "", error.message);
      if (!state.hasResult) {
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
    clearOverridePlaceholders();
    focusFirstError();
  } else {
    render(scenario, outcome.report, outcome.placeholders);
    setStale(false);
    writeHash(scenario);
  }
  setPending(false);
}

const estimates = latestWins(
  /** @param {{ scenario: Record<string, any>, engine: string, engineVersion: string | null }} args */
  (args) => estimator.call("estimate", args),
  ({ value, error }, { scenario, engineVersion }) => showOutcome(value ?? { error: { name: "Error", message: error?.message ?? String(error) } }, scenario, engineVersion),
);

/** The scenario's engine and version as the form shows them (for the version's capabilities). */
function engineChoice() {
  return {
    engine: control("engine").value,
    engineVersion: control("engine-version").value.trim() || null,
  };
}

/**
 * Recomputes from the inputs: the worker estimates, and only the latest
 * answer is shown. A rejected input keeps the last good result, marked stale.
 */
export function update() {
  const started = performance.now();
  setHidden($("notice"), true);
  syncPanels();
  updateLevelsTotal();
  const { scenario, problems } = readScenario();
  renderSummaries(scenario);
  if (problems.length > 0) {
    estimates.cancel();
    clearErrors();
    for (const problem of problems) showError(problem.path, problem.message);
    setStale(true);
    focusFirstError();
    setPending(false);
  } else {
    setPending(true);
    estimates.request({ scenario, ...engineChoice() });
  }
  performance.measure("acumen:input", { start: started });
}

/**
 * Loads a scenario into the form and shows its estimate; `first` is its outcome when already known,
 * `view` what its link kept beside it (view.js).
 * @param {Record<string, any>} scenario
 * @param {any} [first]
 * @param {Record<string, any> | null} [view]
 */
export function load(scenario, first, view = null) {
  state.kept = Object.fromEntries(Object.entries(scenario).filter(([key]) => !SCENARIO_KEYS.includes(key)));
  fillForm(scenario);
  applyView(view);
  if (first) {
    syncPanels();
    updateLevelsTotal();
    const read = readScenario();
    renderSummaries(read.scenario);
    if (read.problems.length === 0 && same(read.scenario, scenario)) {
      estimates.cancel();
      showOutcome(first, read.scenario, engineChoice().engineVersion);
      return;
    }
  }
  update();
}

/** @param {string} text */
export function showNotice(text) {
  const element = $("notice");
  element.textContent = text;
  setHidden(element, !text);
}

/** @param {string} why */
export const unusableLink = (why) => `The scenario in this link could not be used (${why}). Showing the default estimate instead.`;

/** Marks the page ready once the result has been painted, then runs `then`. */
export function markReady(then = () => {}) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (!performance.getEntriesByName("acumen:ready").length) performance.mark("acumen:ready");
      document.body.dataset.ready = "true";
      setTimeout(then, 0);
    }),
  );
}

/** Loads the scenario from the URL hash (or the default), after the hash is edited. */
export async function loadFromLocation() {
  delete document.body.dataset.ready;
  setPending(true);
  const link = await decodeLink(location.hash);
  let scenario = {};
  let view = null;
  let notice = "";
  if (link && "scenario" in link) {
    const check = await estimator.call("estimate", { scenario: link.scenario }).catch((error) => ({ error }));
    // A missing price is not a broken link: the page asks for it.
    if (check.error && check.error.code !== "unknown_price") notice = unusableLink(check.error.message);
    else ({ scenario, view } = link);
  } else if (link && "error" in link) {
    notice = unusableLink(link.error);
  }
  if (notice) clearHash();
  // Back or a pasted link: inputs to keep, as the user's own.
  state.own = true;
  load(scenario, undefined, view);
  if (!link || !("scenario" in link)) clearHash();
  showNotice(notice);
  markReady();
}

