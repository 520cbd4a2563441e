// @ts-check
// The break-even chart: serverless cost by hours a day at peak against each
// provisioned option's flat monthly cost, with where they cross.
import { $, el, morphChildren, setHidden, setText } from "../dom.js";
import { acuFormat, dollarsShort, formatMicroUsd, hoursFormat, optionLabel } from "../format.js";
import { chartFrame, svgEl } from "./frame.js";

/** @param {any} comparison the report's comparison */
export function renderBreakEvenChart(comparison) {
  const container = $("break-even-chart");
  const curve = Array.isArray(comparison?.curve) ? comparison.curve : [];
  const options = Array.isArray(comparison?.breakEven) ? comparison.breakEven : [];
  const figure = container.closest("figure");
  if (curve.length < 2) {
    setHidden(figure, true);
    return;
  }
  setHidden(figure, false);
  const xMax = Math.max(24, ...curve.map((p) => p.hoursPerDay));
  const yMax = Math.max(...curve.map((p) => p.serverlessMicroUsd), ...options.map((o) => o.monthlyMicroUsd));
  const { svg, x, y, width, pad } = chartFrame(container, {
    xMax,
    yMax,
    xLabel: "Hours a day at peak",
    yLabel: "$ a month",
    yFormat: dollarsShort,
    labelledBy: "break-even-caption",
    xTicks: (narrow) => Array.from({ length: xMax / (narrow ? 6 : 3) + 1 }, (_, i) => [i * (narrow ? 6 : 3), String(i * (narrow ? 6 : 3))]),
  });
  options.forEach((option, i) => {
    const series = `series-${(i % 6) + 1}`;
    svg.append(
      svgEl("line", { x1: pad.left, x2: width - pad.right, y1: y(option.monthlyMicroUsd), y2: y(option.monthlyMicroUsd), class: `series-option ${series}`, "data-series": option.option }),
    );
    if (typeof option.hoursPerDay === "number" && option.hoursPerDay > 0 && option.hoursPerDay < xMax) {
      svg.append(svgEl("circle", { cx: x(option.hoursPerDay), cy: y(option.monthlyMicroUsd), r: 4, class: `series-cross ${series}` }));
    }
  });
  svg.append(svgEl("polyline", { points: curve.map((p) => `${x(p.hoursPerDay).toFixed(1)},${y(p.serverlessMicroUsd).toFixed(1)}`).join(" "), class: "series-serverless", "data-series": "serverless" }));
  const now = comparison.currentPeakHoursPerDay;
  if (typeof now === "number") {
    const nx = x(Math.min(Math.max(now, 0), xMax));
    svg.append(
      svgEl("line", { x1: nx, x2: nx, y1: pad.top, y2: y(0), class: "series-now", "data-series": "now" }),
      svgEl("text", { x: nx + (nx > width - 90 ? -4 : 4), y: pad.top + 10, "text-anchor": nx > width - 90 ? "end" : "start", class: "chart-now-label" }, [`now ${hoursFormat.format(now)} h`]),
    );
  }
  morphChildren(container, [svg]);

  const legend = [
    el("li", {}, [el("span", { className: "swatch swatch-serverless", attrs: { "aria-hidden": "true" } }), "Serverless, by hours a day at peak"]),
    ...options.map((option, i) => {
      const h = option.hoursPerDay;
      const when = h === null || h === undefined ? "never cheaper than serverless here" : h <= 0 ? "cheaper at any hours a day" : `cheaper above ${hoursFormat.format(h)} h a day at peak`;
      return el("li", { attrs: { "data-option": option.option } }, [
        el("span", { className: `swatch swatch-option series-${(i % 6) + 1}`, attrs: { "aria-hidden": "true" } }),
        `${optionLabel(option.option)}: ${formatMicroUsd(option.monthlyMicroUsd)} a month, ${when}`,
      ]);
    }),
    ...(typeof now === "number" ? [el("li", {}, [el("span", { className: "swatch swatch-now", attrs: { "aria-hidden": "true" } }), `Now: about ${hoursFormat.format(now)} h a day at peak`])] : []),
  ];
  morphChildren($("break-even-legend"), legend);

  const first = curve[0];
  const last = curve.at(-1);
  const best = [...options].sort((a, b) => a.monthlyMicroUsd - b.monthlyMicroUsd)[0];
  const parts = [
    `Serverless costs ${formatMicroUsd(first.serverlessMicroUsd)} a month with no time at the peak of ${acuFormat.format(comparison.peakAcu)} ACU ` +
      `(${acuFormat.format(comparison.offPeakAcu)} ACU otherwise) and ${formatMicroUsd(last.serverlessMicroUsd)} at the peak all day.`,
  ];
  if (typeof now === "number") parts.push(`The workload is near its peak about ${hoursFormat.format(now)} h a day now.`);
  if (best) {
    const h = best.hoursPerDay;
    parts.push(
      `The cheapest provisioned option, ${best.option} at ${formatMicroUsd(best.monthlyMicroUsd)} a month, ` +
        (h === null || h === undefined ? "is never cheaper." : h <= 0 ? "is cheaper at any hours a day." : `is cheaper above ${hoursFormat.format(h)} h a day.`),
    );
  } else {
    parts.push("No provisioned option could be priced.");
  }
  setText($("break-even-caption"), parts.join(" "));
}

