// @ts-check
// The optimizer panel: the cheapest scaling range that leaves at most the
// allowed share of demand unserved, its frontier, and a button to use it.
// It runs in the second worker, only while its panel is open.
import { $, el, morphChildren, setHidden, setText, setValue } from "./dom.js";
import { formatMicroUsd, integerFormat, percent, period, range, sentence } from "./format.js";
import { renderFrontierChart } from "./charts/frontier.js";
import { chartView } from "./charts/frame.js";
import { analysis, latestWins } from "./rpc.js";
import { drawn, hooks, section, state } from "./state.js";
import { undoable } from "./undo.js";

/** Whether two candidates are the same scaling range. */
const sameRange = (a, b) => a && b && a.minAcu === b.minAcu && a.maxAcu === b.maxAcu;

/**
 * Shows the optimizer's answer.
 * @param {any} optimization
 * @param {number} maxShare
 */
function renderOptimization(optimization, maxShare) {
  state.lastOptimization = { optimization, maxShare };
  const { best, current, evaluated } = optimization;
  const frontier = [...(optimization.frontier ?? [])].sort((a, b) => a.unmetShare - b.unmetShare || a.computeMicroUsd - b.computeMicroUsd);
  const apply = /** @type {HTMLButtonElement} */ ($("opt-apply"));
  const currentText = `The current ${range(current)} costs ${formatMicroUsd(current.computeMicroUsd)} a month of compute and leaves ${percent(current.unmetShare)} of demand unserved.`;
  if (best && sameRange(best, current)) {
    // The core keeps the current range on an exact tie: a change that saves nothing is no advice.
    $("opt-status").textContent =
      `Keep the current range, ${range(current)}: no range leaving at most ${percent(maxShare)} of demand unserved costs less than its ` +
      `${formatMicroUsd(current.computeMicroUsd)} a month of compute (${percent(current.unmetShare)} unserved).`;
    setHidden(apply, true);
  } else if (best) {
    const saving = current.computeMicroUsd - best.computeMicroUsd;
    $("opt-status").textContent =
      `Cheapest range leaving at most ${percent(maxShare)} of demand unserved: ${range(best)}, ${formatMicroUsd(best.computeMicroUsd)} a month of compute, ${percent(best.unmetShare)} unserved. ` +
      `${currentText}${saving > 0 ? ` The cheapest range saves ${formatMicroUsd(saving)} a month.` : ""}`;
    setHidden(apply, false);
    apply.textContent = `Use ${range(best)}`;
    apply.dataset.min = String(best.minAcu);
    apply.dataset.max = String(best.maxAcu);
  } else {
    setText($("opt-status"), `No range leaves at most ${percent(maxShare)} of demand unserved; allow more, or raise the demand's maximum. ${currentText}`);
    setHidden(apply, true);
  }
  section("frontier-chart", `${chartView.width}|${maxShare}|${JSON.stringify(optimization)}`, () => renderFrontierChart(optimization, maxShare));
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

/**
 * The allowed unserved share from its input (a percentage), or `null` with the input marked.
 * @returns {number | null}
 */
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
  /** @param {{ scenario: Record<string, unknown>, maxUnmetShare: number }} args */
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
export function renderOptimizer() {
  const details = /** @type {HTMLDetailsElement} */ ($("optimizer"));
  const maxUnmetShare = details.open ? readMaxShare() : null;
  const lastGood = state.lastGood;
  if (!lastGood || !details.open || maxUnmetShare === null) {
    if (maxUnmetShare === null && details.open) {
      optimizations.cancel();
      drawn.delete("optimizer");
    }
    delete details.dataset.pending;
    return;
  }
  section("optimizer", `${state.resultId}|${maxUnmetShare}`, () => {
    details.dataset.pending = "true";
    if (!state.lastOptimization) $("opt-status").textContent = "Simulating every range…";
    optimizations.request({ scenario: lastGood.scenario, maxUnmetShare });
  });
  if (!optimizations.busy) delete details.dataset.pending;
}

/** The "Use this range" button: puts the chosen range into the form. */
export function followOptimizerActions() {
  $("optimizer").addEventListener("toggle", renderOptimizer);
  $("opt-unmet").addEventListener("input", renderOptimizer);
  $("opt-apply").addEventListener("click", (event) => {
    const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
    undoable(`Set the scaling range to ${button.dataset.min}–${button.dataset.max} ACU`, () => {
      setValue("min-acu", button.dataset.min);
      setValue("max-acu", button.dataset.max);
      state.own = true;
      hooks.update();
    });
    $("opt-status").focus();
  });
}
