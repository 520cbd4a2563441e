// @ts-check
// The optimizer's chart: monthly compute cost against unserved demand for
// the scaling ranges on the frontier, the chosen and the current one marked.
import { $, morphChildren } from "../dom.js";
import { dollarsShort, range, shareText } from "../format.js";
import { chartFrame, chartView, svgEl, ticks } from "./frame.js";

/**
 * Cost against unserved demand for the frontier's ranges, the chosen one and the current one marked.
 * @param {any} optimization the optimizer's answer
 * @param {number} maxShare the unserved share allowed
 */
export function renderFrontierChart(optimization, maxShare) {
  const container = $("frontier-chart");
  const frontier = [...(optimization.frontier ?? [])].sort((a, b) => a.unmetShare - b.unmetShare || a.computeMicroUsd - b.computeMicroUsd);
  const { best, current } = optimization;
  const all = [...frontier, current, ...(best ? [best] : [])];
  const xMax = Math.max(maxShare * 100 * 1.25, ...all.map((c) => c.unmetShare * 100), 0.01);
  const yMax = Math.max(...all.map((c) => c.computeMicroUsd), 1);
  const xValues = ticks(xMax, 4);
  const { svg, x, y, pad, height } = chartFrame(container, {
    xMax: /** @type {number} */ (xValues.at(-1)),
    yMax,
    xLabel: "Unserved demand, % of all demand",
    yLabel: "$ a month",
    yFormat: dollarsShort,
    labelledBy: "frontier-caption",
    xTicks: () => xValues.map((v) => [v, shareText(v)]),
  });
  const px = (c) => x(c.unmetShare * 100);
  const py = (c) => y(c.computeMicroUsd);
  const limit = x(maxShare * 100);
  svg.append(
    svgEl("rect", { x: pad.left, y: pad.top, width: Math.max(0, limit - pad.left), height: height - pad.top - pad.bottom, class: "frontier-allowed", "data-series": "allowed" }),
    svgEl("polyline", { points: frontier.map((c) => `${px(c).toFixed(1)},${py(c).toFixed(1)}`).join(" "), class: "series-frontier", "data-series": "frontier" }),
    ...frontier.map((c) =>
      svgEl("circle", { cx: px(c).toFixed(1), cy: py(c).toFixed(1), r: 3.5, class: "frontier-point", "data-range": range(c) }),
    ),
    svgEl("rect", { x: (px(current) - 5).toFixed(1), y: (py(current) - 5).toFixed(1), width: 10, height: 10, class: "frontier-current", "data-series": "current", transform: `rotate(45 ${px(current).toFixed(1)} ${py(current).toFixed(1)})` }),
  );
  if (best) {
    const bx = px(best);
    const by = py(best);
    const right = bx > (pad.left + (chartView.width || 560)) / 2;
    svg.append(
      svgEl("circle", { cx: bx.toFixed(1), cy: by.toFixed(1), r: 7, class: "frontier-best", "data-series": "best" }),
      svgEl("text", { x: (bx + (right ? -10 : 10)).toFixed(1), y: (by - 10).toFixed(1), "text-anchor": right ? "end" : "start", class: "chart-now-label" }, [range(best)]),
    );
  }
  morphChildren(container, [svg]);
}

