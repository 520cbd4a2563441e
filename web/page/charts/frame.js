// @ts-check
// The charts' common frame: SVG elements, round ticks, axes and grid, drawn
// at the width the resize observer reports (reading it here would force a
// layout).

const SVG_NS = "http://www.w3.org/2000/svg";

/** The charts' width in CSS pixels, kept by a resize observer (0 until it reports). */
export const chartView = { width: 0 };

/**
 * An SVG element with attributes and children.
 * @param {string} tag
 * @param {Record<string, string | number | null | undefined>} [attrs]
 * @param {(Node | string)[]} [children]
 */
export function svgEl(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/**
 * Up to about `count` round tick values from 0 to at least `max`.
 * @param {number} max
 * @param {number} count
 * @returns {number[]}
 */
export function ticks(max, count) {
  const raw = Math.max(max, 1e-9) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out = [];
  for (let v = 0; out.length < 2 || /** @type {number} */ (out.at(-1)) < max - step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/**
 * @typedef {object} FrameOptions
 * @property {number} xMax
 * @property {number} yMax
 * @property {(narrow: boolean) => [number, string, number?][]} xTicks value, label and (if not at the value) where its grid line goes
 * @property {string} xLabel
 * @property {string} yLabel
 * @property {(value: number) => string} yFormat
 * @property {number} [yTickCount]
 * @property {string} labelledBy
 */

/**
 * An empty chart frame of the container's width: axes, grid and labels.
 * Returns the SVG and the scale functions.
 * @param {HTMLElement} container
 * @param {FrameOptions} options
 */
export function chartFrame(container, { xMax, yMax, xTicks, xLabel, yLabel, yFormat, yTickCount, labelledBy }) {
  // The width comes from the resize observer where it can: reading it here would force a layout.
  const width = Math.max(260, chartView.width || Math.round(container.clientWidth) || 560);
  const narrow = width < 420;
  const height = narrow ? 220 : 260;
  const pad = { left: narrow ? 46 : 58, right: 12, top: 24, bottom: 40 };
  const yValues = ticks(yMax, yTickCount ?? (narrow ? 4 : 5));
  const top = /** @type {number} */ (yValues.at(-1));
  const x = (v) => pad.left + (v / xMax) * (width - pad.left - pad.right);
  const y = (v) => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
  const grid = svgEl("g", { class: "chart-grid" });
  for (const v of yValues) {
    grid.append(
      svgEl("line", { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }),
      svgEl("text", { x: pad.left - 6, y: y(v), "text-anchor": "end", "dominant-baseline": "middle", class: "chart-tick" }, [yFormat(v)]),
    );
  }
  for (const [v, label, at = v] of xTicks(narrow)) {
    grid.append(
      svgEl("line", { x1: x(at), x2: x(at), y1: pad.top, y2: height - pad.bottom, class: "chart-grid-x" }),
      svgEl("text", { x: x(v), y: height - pad.bottom + 16, "text-anchor": "middle", class: "chart-tick" }, [label]),
    );
  }
  grid.append(
    svgEl("text", { x: pad.left + (width - pad.left - pad.right) / 2, y: height - 4, "text-anchor": "middle", class: "chart-axis-label" }, [xLabel]),
    svgEl("text", { x: 4, y: 11, class: "chart-axis-label" }, [yLabel]),
  );
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": labelledBy, focusable: "false", class: "chart-svg" }, [grid]);
  return { svg, x, y, width, height, pad, top };
}

