// Puts the default scenario's result into the built page, so its first paint
// already shows the monthly total (the page itself starts with the default
// scenario). The numbers come from the same core, through the package's
// Node build, and are written by the page's own formatter; the page replaces
// them with its live result when the engine has started (app.js drops the
// `data-prerendered` mark).
//
// A shared link (#s=…) opens another scenario: the page's one inline script
// (web/index.html) marks such a page before it is painted, and the
// stylesheet hides the prerendered figures until the live ones arrive.
import { createRequire } from "node:module";
import { formatMicroUsd } from "../web/page/format.js";

/**
 * The figures the page shows first, from the default scenario's report.
 * @param {{ totalMicroUsd: number, yearlyMicroUsd: number, complete?: boolean }} report
 */
export function figures(report) {
  if (report.complete === false) return null; // a partial bill is worded by the page itself
  const total = formatMicroUsd(report.totalMicroUsd);
  return {
    "total-monthly": total,
    "total-yearly": formatMicroUsd(report.yearlyMicroUsd),
    "mini-total-value": total,
    "table-total": total,
  };
}

/**
 * `html` with the default result written in: each figure's element filled,
 * and the results marked `data-prerendered`.
 * Throws when the page lacks an element it expects (the page changed).
 * @param {string} html
 * @param {Record<string, string>} values element id → text
 */
export function prerender(html, values) {
  let out = html;
  for (const [id, text] of Object.entries(values)) {
    const pattern = new RegExp(`(<[a-z]+ [^>]*id="${id}"[^>]*>)…(</[a-z]+>)`);
    if (!pattern.test(out)) throw new Error(`index.html has no empty #${id} to prerender`);
    out = out.replace(pattern, (_, open, close) => `${open}${text}${close}`);
  }
  const results = /<section ([^>]*)id="results"/;
  if (!results.test(out)) throw new Error("index.html has no #results section");
  out = out.replace(results, '<section $1id="results" data-prerendered=""');
  return out;
}

/**
 * The default scenario's report from the package's Node build in `pkgDir`.
 * @param {string} pkgNodeEntry path of pkg/dist/node/acumen.js
 */
export function defaultReport(pkgNodeEntry) {
  const acumen = createRequire(import.meta.url)(pkgNodeEntry);
  return acumen.estimate({});
}
