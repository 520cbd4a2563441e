// @ts-check
// CloudWatch exports of ServerlessDatabaseCapacity (or any demand in ACU) as
// CSV, read the way the CLI's `acumen replay` reads them
// (crates/acumen-cli/src/cloudwatch.rs and replay.rs), so that a file gives
// the same trace on the page as in a terminal.
//
// Two shapes, told apart by the header row:
// - wide (the console's "Download as CSV"): a timestamp in the first column,
//   then one column per series (instance); an empty cell is a missing sample;
// - long (`aws cloudwatch get-metric-data` output as CSV): `Timestamp` and
//   `Value` columns, optionally `Id` and/or `Label` naming the series. A file
//   without a header whose rows are `timestamp,value` is read the same way.
// Timestamps are ISO 8601 (UTC unless an offset is given) or Unix seconds.
//
// The series are then sorted, de-duplicated (the later row wins) and
// resampled onto one grid whose step is the median spacing; a value is held
// across a gap for up to an hour, beyond which the instance counts as not
// running (0 ACU). The first series is the writer, the others readers.

/** A writer and 15 readers. */
export const MAX_SERIES = 16;
/** The most samples per series the page takes (a month of one-minute samples is 44,640). */
export const MAX_SAMPLES = 100_000;
/** Longest stretch, in seconds, a value is held across a gap (the CLI's --max-gap default). */
export const MAX_GAP_SECONDS = 3600;

/** A problem with the file; `line` and `column` count from 1 where known. */
export class CsvError extends Error {
  /**
   * @param {string} message
   * @param {{ line?: number, column?: number }} [where]
   */
  constructor(message, { line, column } = {}) {
    super(message);
    this.name = "CsvError";
    this.line = line;
    this.column = column;
  }
}

/** Rust's `{:?}` of a string, near enough for messages. */
const quoted = (text) => JSON.stringify(text);

/** Splits one CSV line into cells; quoted cells are unescaped. */
function split(raw) {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  if (!line.includes('"')) return line.split(",");
  const cells = [];
  let cell = "";
  let quotedCell = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quotedCell) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quotedCell = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell.trim() === "" && !wasQuoted) {
      cell = "";
      quotedCell = true;
      wasQuoted = true;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
      wasQuoted = false;
    } else if (wasQuoted && /\s/.test(c)) {
      // Spaces after a closing quote are ignored.
    } else if (wasQuoted) {
      throw new CsvError(`unexpected ${quoted(c).replaceAll('"', "'")} after a quoted cell`);
    } else {
      cell += c;
    }
  }
  if (quotedCell) throw new CsvError("unclosed quote");
  cells.push(cell);
  return cells;
}

const FLOAT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** A capacity value: a finite, non-negative number; else the reason. */
function parseValue(cell) {
  const trimmed = cell.trim();
  const value = FLOAT.test(trimmed) ? Number(trimmed.replace(/^([+-]?)inf(inity)?$/i, "$1Infinity")) : NaN;
  if (Number.isFinite(value) && value >= 0) return { value };
  if (Number.isFinite(value)) return { error: `must not be negative: ${trimmed}` };
  return { error: `not a number: ${quoted(trimmed)}` };
}

function daysInMonth(year, month) {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** ISO 8601 (UTC unless an offset is given) or whole Unix seconds, to Unix seconds; `null` if neither. */
export function parseTime(cell) {
  const s = cell.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(.*)$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 60) return null;
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0").slice(0, 3));
  const zone = m[8];
  let offset = 0;
  if (zone !== "" && zone !== "Z" && zone !== "z") {
    const z = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(zone);
    if (!z || (zone.length === 4) || (zone.length === 6 && zone[3] !== ":")) return null;
    offset = (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 3600 + Number(z[3] ?? 0) * 60);
  }
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset;
  return seconds + (millis >= 500 ? 1 : 0);
}

/** `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatTime(seconds) {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
}

/** A series named after its header or label, without the metric's name when something else is left. */
function newSeries(name) {
  const short = name.replace("ServerlessDatabaseCapacity", " ").replace(/^[\s\-:()[\]/|]+|[\s\-:()[\]/|]+$/g, "");
  return { name: short || name, samples: [], clusterLevel: name.includes("DBClusterIdentifier") };
}

/**
 * Parses CSV `text`; `stem` names a single unnamed series. Returns the series
 * with their samples as `[unix second, ACU]` in file order, or throws a
 * `CsvError` naming the line and column.
 */
export function parseCsv(text, stem = "capacity") {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = body.split("\n");
  let index = lines.findIndex((line) => line.trim() !== "");
  if (index < 0) throw new CsvError("no rows");
  const headerLine = index + 1;
  const header = lines[index];
  let names;
  try {
    names = split(header).map((cell) => cell.trim());
  } catch (error) {
    throw new CsvError(error.message, { line: headerLine });
  }
  const lower = names.map((name) => name.toLowerCase());
  const find = (wanted) => {
    const at = lower.findIndex((name) => wanted.includes(name));
    return at < 0 ? undefined : at;
  };
  const headerless = names.length === 2 && parseTime(names[0]) !== null && parseValue(names[1]).error === undefined;
  let shape;
  if (headerless) {
    shape = { kind: "long", time: 0, value: 1 };
  } else {
    const time = find(["timestamp", "timestamps", "time", "date"]);
    const value = find(["value", "values"]);
    if (time !== undefined && value !== undefined) {
      shape = { kind: "long", time, value, id: find(["id"]), label: find(["label"]) };
    } else if (names.length < 2) {
      throw new CsvError(`expected a header with a timestamp column and at least one value column, got ${quoted(header.trim())}`, { line: headerLine });
    } else {
      shape = { kind: "wide", time: 0 };
    }
  }

  const series = [];
  if (shape.kind === "wide") {
    names.forEach((name, i) => {
      if (i !== shape.time) series.push(newSeries(name === "" ? `column ${i + 1}` : name));
    });
  }
  const byKey = new Map();

  const process = (n, line, cells) => {
    if (cells.length !== names.length) {
      throw new CsvError(`expected ${names.length} columns, got ${cells.length}: ${quoted(line.replace(/\r$/, ""))}`, { line: n });
    }
    const at = (column, message) => new CsvError(message, { line: n, column: column + 1 });
    const t = parseTime(cells[shape.time]);
    if (t === null) throw at(shape.time, `not a timestamp: ${quoted(cells[shape.time])}`);
    if (shape.kind === "wide") {
      let k = 0;
      for (let i = 0; i < cells.length; i++) {
        if (i === shape.time) continue;
        if (cells[i].trim() !== "") {
          const { value, error } = parseValue(cells[i]);
          if (error) throw at(i, error);
          series[k].samples.push([t, value]);
        }
        k++;
      }
      return;
    }
    if (cells[shape.value].trim() === "") return;
    const { value, error } = parseValue(cells[shape.value]);
    if (error) throw at(shape.value, error);
    const keyColumn = shape.id ?? shape.label;
    const key = keyColumn === undefined ? "" : cells[keyColumn].trim();
    let slot = byKey.get(key);
    if (slot === undefined) {
      const label = shape.label === undefined ? "" : cells[shape.label].trim();
      series.push(newSeries(label || key || stem));
      slot = series.length - 1;
      byKey.set(key, slot);
    }
    series[slot].samples.push([t, value]);
  };

  const cellsOf = (n, line) => {
    try {
      return split(line);
    } catch (error) {
      throw new CsvError(error.message, { line: n });
    }
  };
  if (headerless) process(headerLine, header, cellsOf(headerLine, header));
  for (let i = index + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    process(i + 1, lines[i], cellsOf(i + 1, lines[i]));
  }
  const kept = series.filter((s) => s.samples.length > 0);
  if (kept.length === 0) throw new CsvError("no samples");
  return kept;
}

/** `1 h 30 min`, `45 s`. */
export function duration(seconds) {
  const parts = [];
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  if (h > 0) parts.push(`${h} h`);
  if (m > 0) parts.push(`${m} min`);
  if (s > 0 || parts.length === 0) parts.push(`${s} s`);
  return parts.join(" ");
}

/** One series on the grid, with what resampling found. */
function resample(s, duplicates, start, step, steps, maxGap) {
  const samples = s.samples;
  let gaps = 0;
  let gapSeconds = 0;
  let heldSeconds = 0;
  let irregular = 0;
  for (let i = 1; i < samples.length; i++) {
    const spacing = samples[i][0] - samples[i - 1][0];
    if (spacing * 2 > step * 3) {
      gaps++;
      gapSeconds += spacing - step;
      heldSeconds += Math.min(spacing - step, maxGap);
    } else if (spacing !== step) {
      irregular++;
    }
  }
  const values = new Array(steps).fill(0);
  let unrecorded = 0;
  let j = 0;
  for (let k = 0; k < steps; k++) {
    const g = start + k * step;
    while (j < samples.length && samples[j][0] <= g) j++;
    if (j === 0) {
      unrecorded++;
      continue;
    }
    const [t, v] = samples[j - 1];
    const age = g - t;
    let usable = false;
    if (age < step) usable = true;
    else if (j < samples.length) usable = (samples[j][0] - t) * 2 <= step * 3 || age < step + maxGap;
    if (usable) values[k] = v;
    else unrecorded++;
  }
  return {
    name: s.name,
    clusterLevel: s.clusterLevel,
    values,
    samples: samples.length,
    duplicates,
    firstSample: formatTime(samples[0][0]),
    lastSample: formatTime(samples.at(-1)[0]),
    gaps,
    gapSeconds,
    heldSeconds,
    unrecordedSeconds: unrecorded * step,
    irregularSpacings: irregular,
  };
}

/**
 * Reads a CloudWatch CSV export into traces on one regular grid: the first
 * series is the writer's, the others readers'. Throws a `CsvError`.
 */
export function readCloudWatch(text, stem) {
  const merged = [];
  for (const s of parseCsv(text, stem)) {
    const same = merged.find((m) => m.name === s.name);
    if (same) same.samples.push(...s.samples);
    else merged.push(s);
  }
  if (merged.length > MAX_SERIES) {
    throw new CsvError(`at most ${MAX_SERIES} instances (a writer and 15 readers), got ${merged.length}`);
  }
  const duplicates = merged.map((s) => {
    // A stable sort keeps file order within a timestamp; the later row wins.
    s.samples.sort((a, b) => a[0] - b[0]);
    const before = s.samples.length;
    s.samples = s.samples.filter((sample, i, all) => i + 1 === all.length || all[i + 1][0] !== sample[0]);
    return before - s.samples.length;
  });
  const spacings = merged.flatMap((s) => s.samples.slice(1).map((sample, i) => sample[0] - s.samples[i][0]));
  if (spacings.length === 0) throw new CsvError("needs at least two samples of one series to find the sampling interval");
  spacings.sort((a, b) => a - b);
  const median = spacings[Math.floor((spacings.length - 1) / 2)];
  if (median > 86_400) throw new CsvError(`the median spacing of the samples is ${median} s; at most 86400 s (one day) can be replayed`);
  const step = Math.max(median, 1);
  const start = Math.min(...merged.map((s) => s.samples[0][0]));
  const end = Math.max(...merged.map((s) => s.samples.at(-1)[0] + step));
  const steps = Math.ceil((end - start) / step);
  if (steps > MAX_SAMPLES) {
    throw new CsvError(
      `the samples span ${steps} steps of ${step} s; the page takes at most ${MAX_SAMPLES.toLocaleString("en-US")} (the CLI's acumen replay takes more)`,
    );
  }
  const series = merged.map((s, i) => resample(s, duplicates[i], start, step, steps, MAX_GAP_SECONDS));
  const warnings = [];
  for (const s of series.filter((s) => s.clusterLevel)) {
    warnings.push(
      `${quoted(s.name)} looks like the cluster-level metric (DBClusterIdentifier), which is the average over the instances, not the billed sum; export the metric per instance, or add readers with the same trace`,
    );
  }
  for (const r of series) {
    if (r.irregularSpacings > 0) {
      warnings.push(`${r.name}: irregular sampling (${r.irregularSpacings} spacings differ from the median ${step} s); resampled to a regular ${step} s grid`);
    }
    if (r.gaps > 0) {
      warnings.push(
        `${r.name}: ${r.gaps} gap${r.gaps === 1 ? "" : "s"}, ${duration(r.gapSeconds)} in all; the last value was held for ${duration(r.heldSeconds)} (at most ${duration(MAX_GAP_SECONDS)} per gap)`,
      );
    }
    if (r.unrecordedSeconds > 0) warnings.push(`${r.name}: ${duration(r.unrecordedSeconds)} without a sample to use, counted as not running (0 ACU)`);
    if (r.duplicates > 0) warnings.push(`${r.name}: ${r.duplicates} rows repeated a timestamp; the later row was used`);
  }
  return { intervalSeconds: step, start: formatTime(start), end: formatTime(start + steps * step), series, warnings };
}
