// @ts-check
// When the charts are drawn: just after the result's figures are painted,
// and again when their width or the chosen instance or period changes; each
// only when what it shows has changed.
import { $, results } from "../dom.js";
import { section, state } from "../state.js";
import { writeHash } from "../persist.js";
import { renderBreakEvenChart } from "./break-even.js";
import { renderCommitmentChart } from "./commitment.js";
import { capacityChoice, renderCapacityChart } from "./capacity.js";
import { chartView } from "./frame.js";
import { renderFrontierChart } from "./frontier.js";

/** Redraws the charts for the last good report, e.g. when their width changes. */
export function redrawCharts() {
  // Until the resize observer has said how wide the charts are, drawing them would force a layout
  // in the middle of the render; it reports before the first paint, and draws them then.
  if (!state.lastGood || (!chartView.width && typeof ResizeObserver === "function")) return;
  const { report } = state.lastGood;
  const width = chartView.width;
  section("capacity-chart", `${width}|${capacityChoice.instance}|${capacityChoice.period}|${JSON.stringify(report.timeline)}|${JSON.stringify(report.instances)}`, () =>
    renderCapacityChart(report),
  );
  section("break-even-chart", `${width}|${JSON.stringify(report.comparison)}`, () => renderBreakEvenChart(report.comparison));
  section("commitment-chart", `${width}|${JSON.stringify(report.comparison?.savingsPlans)}`, () => renderCommitmentChart(report.comparison));
  if (state.lastOptimization && /** @type {HTMLDetailsElement} */ ($("optimizer")).open) {
    const { optimization, maxShare } = state.lastOptimization;
    section("frontier-chart", `${width}|${maxShare}|${JSON.stringify(optimization)}`, () => renderFrontierChart(optimization, maxShare));
  }
}

let chartsToken = 0;

/**
 * Redraws the charts just after the next paint, so that the new figures show
 * first and no one task does both (the figures carry `data-pending` until then).
 */
export function redrawChartsSoon() {
  const figures = /** @type {HTMLElement} */ (results.querySelector(".figures"));
  figures.dataset.pending = "true";
  const token = ++chartsToken;
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (token !== chartsToken) return;
      const started = performance.now();
      redrawCharts();
      delete figures.dataset.pending;
      performance.measure("acumen:charts", { start: started });
    }, 0),
  );
}

/** Follows the width of the results' figures, redrawing the charts when it changes. */
export function followChartWidth() {
  if (typeof ResizeObserver !== "function") return;
  // The charts fill the results' content box: redraw them when its width changes.
  // It first reports after the first layout and before its paint: the charts are drawn in that frame.
  // Later changes redraw them in the next frame (a change now could resize what is observed again).
  new ResizeObserver(([entry]) => {
    const width = Math.round(entry.contentRect.width);
    if (width === chartView.width) return;
    const first = !chartView.width;
    chartView.width = width;
    if (first) redrawCharts();
    else requestAnimationFrame(redrawCharts);
  }).observe(/** @type {HTMLElement} */ (results.querySelector(".figures")));
}

/** The capacity chart's instance and period menus. */
export function followChartChoices() {
  for (const [id, key] of /** @type {const} */ ([["chart-instance", "instance"], ["chart-period", "period"]])) {
    $(id).addEventListener("change", (event) => {
      capacityChoice[key] = /** @type {HTMLSelectElement} */ (event.target).value;
      redrawCharts();
      // The link keeps the choice (view.js).
      if (state.lastGood) writeHash(state.lastGood.scenario);
    });
  }
}
