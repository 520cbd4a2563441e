// @ts-check
// The Database Savings Plan chart: the month's serverless compute against
// the hourly commitment (paid every hour, paused ones too), with on-demand
// as a flat line, the best commitment circled and the user's marked. A
// click on the chart sets the user's commitment to the one clicked.
import { $, el, morphChildren, setHidden, setText } from "../dom.js";
import { dollarsShort, formatMicroUsd, formatNanoUsd } from "../format.js";
import { chartFrame, chartView, svgEl, ticks } from "./frame.js";

/** `$0.192` an hour: commitments to the tenth of a cent. */
export function hourly(micro) {
  return `$${(Math.round(micro / 1000) / 1000).toFixed(3)}`;
}

/** The serverless plan of a comparison, if one was sized. */
function serverlessPlan(comparison) {
  return (Array.isArray(comparison?.savingsPlans) ? comparison.savingsPlans : []).find((plan) => plan.covers === "serverless");
}

/** @param {any} comparison the report's comparison */
export function renderCommitmentChart(comparison) {
  const container = $("commitment-chart");
  const figure = /** @type {HTMLElement} */ (container.closest("figure"));
  const plan = serverlessPlan(comparison);
  if (!plan || !Array.isArray(plan.curve) || plan.curve.length < 2) {
    setHidden(figure, true);
    return;
  }
  setHidden(figure, false);
  const xValues = ticks(Math.max(...plan.curve.map((p) => p.hourlyMicroUsd)) / 1e6, 4);
  const xMax = /** @type {number} */ (xValues.at(-1));
  const yMax = Math.max(...plan.curve.map((p) => p.monthlyMicroUsd), plan.onDemandMicroUsd, 1);
  const { svg, x, y, pad, width, height } = chartFrame(container, {
    xMax,
    yMax,
    xLabel: "Commitment, $ an hour",
    yLabel: "Compute $ a month",
    yFormat: dollarsShort,
    labelledBy: "commitment-caption",
    xTicks: () => xValues.map((v) => [v, `$${v}`]),
  });
  const px = (p) => x(p.hourlyMicroUsd / 1e6);
  const py = (p) => y(p.monthlyMicroUsd);
  svg.append(
    svgEl("line", { x1: pad.left, x2: width - pad.right, y1: y(plan.onDemandMicroUsd), y2: y(plan.onDemandMicroUsd), class: "series-option series-2", "data-series": "on-demand" }),
    svgEl("polyline", { points: plan.curve.map((p) => `${px(p).toFixed(1)},${py(p).toFixed(1)}`).join(" "), class: "series-serverless", "data-series": "commitment" }),
  );
  const mark = (point, className, series, label) => {
    const right = px(point) > (pad.left + (chartView.width || 560)) / 2;
    svg.append(
      svgEl("circle", { cx: px(point).toFixed(1), cy: py(point).toFixed(1), r: series === "best" ? 7 : 5, class: className, "data-series": series, "data-hourly-micro-usd": point.hourlyMicroUsd }),
      svgEl("text", { x: (px(point) + (right ? -10 : 10)).toFixed(1), y: (py(point) + (series === "best" ? 18 : -10)).toFixed(1), "text-anchor": right ? "end" : "start", class: "chart-now-label" }, [label]),
    );
  };
  mark(plan.best, "frontier-best", "best", `best ${hourly(plan.best.hourlyMicroUsd)}/h`);
  if (plan.yours) mark(plan.yours, "frontier-current", "yours", `yours ${hourly(plan.yours.hourlyMicroUsd)}/h`);
  // A click picks that commitment as the user's: the field is set and the estimate reruns.
  svg.addEventListener("click", (event) => {
    const box = svg.getBoundingClientRect();
    const at = ((event.clientX - box.left) / box.width) * width;
    const usd = Math.max(0, ((at - pad.left) / (width - pad.left - pad.right)) * xMax);
    const input = /** @type {HTMLInputElement | null} */ (document.getElementById("serverless-sp-commitment"));
    if (!input || at < pad.left || at > width - pad.right) return;
    input.value = String(Math.round(usd * 1000) / 1000);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  svg.dataset.height = String(height);
  svg.classList.add("chart-pick");
  morphChildren(container, [svg]);

  const legend = [
    el("li", {}, [el("span", { className: "swatch swatch-serverless", attrs: { "aria-hidden": "true" } }), "Compute with a commitment: the commitment every hour, use beyond it at on-demand"]),
    el("li", {}, [el("span", { className: "swatch swatch-option series-2", attrs: { "aria-hidden": "true" } }), `On-demand: ${formatMicroUsd(plan.onDemandMicroUsd)} a month`]),
    el("li", {}, [el("span", { className: "swatch swatch-best", attrs: { "aria-hidden": "true" } }), `Best: ${hourly(plan.best.hourlyMicroUsd)} an hour, ${formatMicroUsd(plan.best.monthlyMicroUsd)} a month`]),
    ...(plan.yours
      ? [el("li", {}, [el("span", { className: "swatch swatch-current", attrs: { "aria-hidden": "true" } }), `Yours: ${hourly(plan.yours.hourlyMicroUsd)} an hour, ${formatMicroUsd(plan.yours.monthlyMicroUsd)} a month, ${share(plan.yours.utilisation)} used`])]
      : []),
  ];
  morphChildren($("commitment-legend"), legend);
  setText($("commitment-summary"), summaryText(plan));
  setText(
    $("commitment-caption"),
    `Plan rate ${formatNanoUsd(plan.rateNanoUsd)} per ${plan.unit} against ${formatNanoUsd(plan.onDemandNanoUsd)} on-demand (${share(plan.discount)} off, ${plan.rateSource}). ` +
      `Assumed: ${plan.assumptions}. Click the chart to price another commitment.`,
  );
}

/** `6.4 %`: a share to one decimal. */
const share = (value) => `${(value * 100).toFixed(1)} %`;

/** What to buy: the best commitment with its use and saving, or why not. */
function summaryText(plan) {
  const best = plan.best;
  if (best.hourlyMicroUsd === 0 || best.savingMicroUsd <= 0) {
    return `A Savings Plan is not worth it for this load: the best commitment is $0 an hour.`;
  }
  return `Commit ${hourly(best.hourlyMicroUsd)} an hour: ${share(best.utilisation)} of it is used, and it saves ${formatMicroUsd(best.savingMicroUsd)} a month (${share(best.savingShare)} of on-demand compute).`;
}
