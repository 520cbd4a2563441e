// @ts-check
// The one module that reads a CloudWatch export, JSON or CSV (for the engine's
// `importCsv` operation, in the worker): the package's readCloudWatch, the
// reader `acumen replay` uses, with the page's own limits and its wording for
// what the reader only flags. The engine hands the reader in, once it has
// loaded the package's full wasm (the page's first wasm has no reader).
import { whereInFile } from "./format.js";

/** @typedef {import("../pkg/acumen.js").CloudWatchGrid} Imported */

/**
 * Most grid points the page takes: the trace becomes a form field of that
 * many numbers. The CLI's `acumen replay` takes a month of seconds.
 */
const MAX_STEPS = 100_000;

/**
 * Reads a CloudWatch export; a series without a name is named after the file.
 * Throws an error with the `line` and `column` of what it could not read, its
 * message without them (the page says where itself).
 * @param {string} text
 * @param {string} fileName
 * @param {typeof import("../pkg/acumen.js").readCloudWatch} readCloudWatch the package's reader
 * @returns {Imported}
 */
export function readCloudWatchFile(text, fileName, readCloudWatch) {
  const name = fileName.replace(/\.[^.]*$/, "") || "capacity";
  let grid;
  try {
    grid = readCloudWatch(text, { name, maxSteps: MAX_STEPS });
  } catch (error) {
    throw withoutPosition(error);
  }
  const cluster = grid.series
    .filter((s) => s.clusterLevel)
    .map(
      (s) =>
        `${JSON.stringify(s.name)} looks like the cluster-level metric (DBClusterIdentifier), which is the average over the instances, not the billed sum; export the metric per instance, or add readers with the same trace`,
    );
  return { ...grid, warnings: [...cluster, ...grid.warnings] };
}

/**
 * The error with its message stripped of the `line L, column C: ` the
 * package puts first (kept as `line` and `column`), and the CLI named for
 * recordings too long for the page.
 * @param {any} error
 */
function withoutPosition(error) {
  if (error?.code !== "invalid_input") return error;
  const where = whereInFile(error);
  const prefix = where ? `${where}: ` : "";
  let message = String(error.message);
  if (message.startsWith(prefix)) message = message.slice(prefix.length);
  if (/ steps of \d+ s; at most \d+ fit$/.test(message)) {
    message += " in the page (the CLI's acumen replay takes more)";
  }
  return Object.assign(new Error(message), {
    name: error.name,
    code: error.code,
    field: error.field,
    line: error.line,
    column: error.column,
    path: error.path,
  });
}
