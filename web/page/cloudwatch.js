// @ts-check
// The one module that reads a CloudWatch CSV export (for the engine's
// `importCsv` operation, in the worker). Today the reader is web/csv.js,
// loaded on first use; when the package exports its own reader, only this
// module changes: it keeps answering in the shape the page shows (import.js).

/**
 * A series read from the file, on the trace's grid.
 * @typedef {object} ImportedSeries
 * @property {string} name
 * @property {number[]} values ACU per step
 * @property {number} samples
 * @property {number} duplicates
 * @property {number} gaps
 * @property {number} gapSeconds
 * @property {number} heldSeconds
 * @property {number} unrecordedSeconds
 * @property {number} irregularSpacings
 * @property {string} firstSample
 * @property {string} lastSample
 */

/**
 * What a file gave: the grid, the series (the writer's first) and what to warn about.
 * @typedef {{ intervalSeconds: number, start: string, end: string, series: ImportedSeries[], warnings: string[] }} Imported
 */

/**
 * Reads a CloudWatch export; a series without a name is named after the file.
 * Throws an error with the `line` and `column` of what it could not read.
 * @param {string} text
 * @param {string} fileName
 * @returns {Promise<Imported>}
 */
export async function readCloudWatchFile(text, fileName) {
  const { readCloudWatch } = await import("../csv.js");
  return readCloudWatch(text, fileName.replace(/\.[^.]*$/, "") || "capacity");
}
