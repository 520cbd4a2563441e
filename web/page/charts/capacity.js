// @ts-check
// The capacity chart: an instance's capacity band and demand over the week
// or one day, from the report's timeline.
import { isPlainObject } from "../../boot.js";
import { $, el, morphChildren, setHidden } from "../dom.js";
import { acuFormat, capitalise, quantityFormat } from "../format.js";
import { DAYS } from "../fields.js";
import { chartFrame, svgEl } from "./frame.js";

const DAY_SECONDS = 86_400;
/** The capacity chart's choices: instance name and period ("week" or a day index). */
export const capacityChoice = { instance: "writer", period: "week" };

/**
 * The instance and period menus, kept to what the report has; answers the chosen
 * instance's timeline, its span in seconds and its number of days.
 * @param {import("../state.js").Report["timeline"]} timelines the instances with points
 */
function chooseTimeline(timelines) {
  const instance = /** @type {HTMLSelectElement} */ ($("chart-instance"));
  const names = timelines.map((t) => t.name);
  if (instance.dataset.names !== JSON.stringify(names)) {
    instance.replaceChildren(...names.map((name) => el("option", { text: capitalise(name), attrs: { value: name } })));
    instance.dataset.names = JSON.stringify(names);
  }
  if (!names.includes(capacityChoice.instance)) capacityChoice.instance = names[0];
  instance.value = capacityChoice.instance;
  instance.disabled = names.length < 2;
  // The chosen instance is one of the names (set just above).
  const timeline = timelines.find((t) => t.name === capacityChoice.instance) ?? timelines[0];

  const span = timeline.points[timeline.points.length - 1].startSecond + timeline.bucketSeconds;
  const days = Math.max(1, Math.ceil(span / DAY_SECONDS - 1e-9));
  const periods = [["week", days >= 7 ? "Whole week" : "Whole period"], ...Array.from({ length: Math.min(days, 7) }, (_, d) => [String(d), DAYS[d]])];
  const period = /** @type {HTMLSelectElement} */ ($("chart-period"));
  if (period.dataset.options !== JSON.stringify(periods)) {
    period.replaceChildren(...periods.map(([value, label]) => el("option", { text: label, attrs: { value } })));
    period.dataset.options = JSON.stringify(periods);
  }
  if (!periods.some(([value]) => value === capacityChoice.period)) capacityChoice.period = "week";
  period.value = capacityChoice.period;
  return { timeline, span, days };
}

/** @param {import("../state.js").Report} report */
export function renderCapacityChart(report) {
  const section = $("capacity-section");
  const timelines = Array.isArray(report.timeline) ? report.timeline.filter((t) => t.points?.length) : [];
  if (!timelines.length) {
    setHidden(section, true);
    return;
  }
  setHidden(section, false);
  const { timeline, span, days } = chooseTimeline(timelines);

  const day = capacityChoice.period === "week" ? null : Number(capacityChoice.period);
  const from = day === null ? 0 : day * DAY_SECONDS;
  const to = day === null ? span : Math.min(span, from + DAY_SECONDS);
  const points = timeline.points.filter((p) => p.startSecond + timeline.bucketSeconds > from && p.startSecond < to);
  const yMax = Math.max(0.5, ...points.map((p) => Math.max(p.capacityMax, p.demandMax)));
  const container = $("capacity-chart");
  const hours = (to - from) / 3600;
  const { svg, x, y } = chartFrame(container, {
    xMax: hours,
    yMax,
    xLabel: day === null ? "Day" : "Hour of the day",
    yLabel: "ACU",
    yFormat: (v) => acuFormat.format(v),
    labelledBy: "capacity-caption",
    xTicks: (narrow) => {
      if (day === null) {
        return Array.from({ length: Math.ceil(hours / 24) }, (_, d) => /** @type {[number, string, number]} */ ([d * 24 + 12, narrow ? DAYS[d].slice(0, 2) : DAYS[d].slice(0, 3), d * 24])).filter(([v]) => v < hours);
      }
      const step = narrow ? 6 : 3;
      return Array.from({ length: Math.floor(hours / step) + 1 }, (_, i) => /** @type {[number, string]} */ ([i * step, `${String(i * step).padStart(2, "0")}:00`]));
    },
  });
  const hx = (second) => x((Math.min(Math.max(second, from), to) - from) / 3600);
  const upper = [];
  const lower = [];
  const demand = [];
  for (const p of points) {
    const x0 = hx(p.startSecond);
    const x1 = hx(p.startSecond + timeline.bucketSeconds);
    upper.push(`${x0.toFixed(1)},${y(p.capacityMax).toFixed(1)}`, `${x1.toFixed(1)},${y(p.capacityMax).toFixed(1)}`);
    lower.unshift(`${x1.toFixed(1)},${y(p.capacityMin).toFixed(1)}`, `${x0.toFixed(1)},${y(p.capacityMin).toFixed(1)}`);
    demand.push(`${x0.toFixed(1)},${y(p.demandMax).toFixed(1)}`, `${x1.toFixed(1)},${y(p.demandMax).toFixed(1)}`);
  }
  svg.append(
    svgEl("polygon", { points: [...upper, ...lower].join(" "), class: "series-band", "data-series": "capacity" }),
    svgEl("polyline", { points: upper.join(" "), class: "series-band-edge" }),
    svgEl("polyline", { points: demand.join(" "), class: "series-demand", "data-series": "demand" }),
  );
  morphChildren(container, [svg]);

  const capMin = Math.min(...points.map((p) => p.capacityMin));
  const capMax = Math.max(...points.map((p) => p.capacityMax));
  const demMin = Math.min(...points.map((p) => p.demandMin));
  const demMax = Math.max(...points.map((p) => p.demandMax));
  const unmetHours = report.instances?.find((i) => i.name === timeline.name)?.unmetAcuHours;
  const unmet = isPlainObject(unmetHours)
    ? Object.values(unmetHours).reduce((sum, value) => sum + (Number(value) || 0), 0)
    : Number(unmetHours) || 0;
  const interval = timeline.bucketSeconds % 3600 === 0 ? `${timeline.bucketSeconds / 3600} h` : `${Math.round(timeline.bucketSeconds / 60)} min`;
  const when = day === null ? (days >= 7 ? "over the first week" : "over the whole period") : `on ${DAYS[day]}`;
  $("capacity-caption").textContent =
    `${capitalise(timeline.name)} ${when}: capacity between ${acuFormat.format(capMin)} and ${acuFormat.format(capMax)} ACU, ` +
    `demand between ${acuFormat.format(demMin)} and ${acuFormat.format(demMax)} ACU. ` +
    (unmet > 0 ? `Over the month, ${quantityFormat.format(unmet)} ACU-hours of demand went unserved. ` : "Over the month, capacity served all demand. ") +
    `Each interval is ${interval}.`;
}

