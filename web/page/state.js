// @ts-check
// What the page's modules share while it runs: the defaults, the last good
// result, and the few hooks by which one part asks another to act.

/**
 * @typedef {import("../pkg/acumen.js").Scenario} Scenario
 * @typedef {import("../pkg/acumen.js").Report} Report
 */

export const state = {
  /**
   * The default scenario, every field filled in: the package's `defaultScenario()`,
   * answered by the engine's `start` operation before the form is filled.
   * @type {Scenario}
   */
  defaults: {},
  /**
   * Scenario fields the page has no input for (e.g. from a newer link), kept as they are.
   * @type {Record<string, unknown>}
   */
  kept: {},
  /**
   * The last scenario and report that estimated without error.
   * @type {{ scenario: Record<string, any>, report: Report } | null}
   */
  lastGood: null,
  /**
   * Whether the inputs are the user's own work, remembered for the next visit
   * (persist.js): false while they are an example as loaded, true from the first edit.
   */
  own: true,
  /** Whether a report has been rendered yet. */
  hasResult: false,
  /** Counts the results rendered, to tell the lazy sections that there is a new one. */
  resultId: 0,
  /**
   * The regions the package has prices for, from the worker.
   * @type {unknown[]}
   */
  regions: [],
  /**
   * The optimizer's last answer and the unserved share it was asked for, redrawn when the charts' width changes.
   * @type {{ optimization: any, maxShare: number } | null}
   */
  lastOptimization: null,
};

/** What each results section was last drawn from, so that an unchanged section is left alone. */
export const drawn = new Map();

/**
 * Draws a section only when what it shows has changed since it was last drawn.
 * @param {string} name
 * @param {unknown} key
 * @param {() => void} draw
 */
export function section(name, key, draw) {
  if (drawn.get(name) === key) return;
  draw();
  drawn.set(name, key);
}

/**
 * What a part of the page calls to have the page recompute or load a scenario
 * (set by app.js, which wires the parts together).
 */
export const hooks = {
  /** Recomputes from the inputs. */
  update: () => {},
  /**
   * Loads a scenario into the form (with the view a link kept beside it, link.js) and shows its estimate.
   * @type {(scenario: Record<string, any>, view?: Record<string, any> | null) => void}
   */
  load: () => {},
};
