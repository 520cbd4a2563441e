// @ts-check
// How the page writes numbers, money, units and sentences.

export const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
export const quantityFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
export const acuFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
export const hoursFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const shareFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/** Micro-dollars as `$1,234.57`: rounded to the cent, halves up. */
export function formatMicroUsd(micro) {
  const cents = Math.floor((micro + 5000) / 10000);
  const sign = cents < 0 ? "−" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  return `${sign}$${integerFormat.format(dollars)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Nano-dollars as an exact decimal with at least two places: `0.225`. */
export function nanoDecimal(nano) {
  const abs = Math.abs(nano);
  let fraction = String(abs % 1e9).padStart(9, "0").replace(/0+$/, "");
  if (fraction.length < 2) fraction = fraction.padEnd(2, "0");
  return `${nano < 0 ? "−" : ""}${integerFormat.format(Math.floor(abs / 1e9))}.${fraction}`;
}

export function formatNanoUsd(nano) {
  const text = nanoDecimal(nano);
  return text.startsWith("−") ? `−$${text.slice(1)}` : `$${text}`;
}

/** Micro-dollars as a short axis label: `$950`, `$12k`. */
export function dollarsShort(micro) {
  const dollars = micro / 1e6;
  return dollars >= 10_000 ? `$${integerFormat.format(Math.round(dollars / 1000))}k` : `$${integerFormat.format(Math.round(dollars))}`;
}

/** A share (0.01) as a percentage: `1 %`. */
export const percent = (share) => `${shareFormat.format(share * 100)} %`;
/** A percentage as the frontier chart's axis writes it. */
export const shareText = (value) => shareFormat.format(value);

/** A scaling range: `0.5–16 ACU`. */
export const range = (candidate) => `${acuFormat.format(candidate.minAcu)}–${acuFormat.format(candidate.maxAcu)} ACU`;

export function pluralUnit(unit, quantity) {
  return quantity !== 1 && /-(second|minute|hour|day|month)$/.test(unit) ? `${unit}s` : unit;
}

export function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** An option's name as a label: instance classes keep their lower-case "db." prefix. */
export function optionLabel(text) {
  return text.startsWith("db.") ? text : capitalise(text);
}

/** `text` ending in a full stop, as it is (names keep their case). */
export function period(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Where in a file an error is, as far as it says: "line 4, column 2", "line 4" or "".
 * @param {{ line?: number, column?: number } | null | undefined} error
 */
export function whereInFile(error) {
  return [error?.line && `line ${error.line}`, error?.column && `column ${error.column}`].filter(Boolean).join(", ");
}

/**
 * A file the page could not use, as every import says it:
 * `bad.csv, line 4, column 2: not a number: "abc". Nothing was changed.`
 * @param {string} name
 * @param {any} error
 */
export function fileRefused(name, error) {
  const where = whereInFile(error);
  return `${name}${where ? `, ${where}` : ""}: ${period(error?.message ?? String(error))} Nothing was changed.`;
}

/** `text` as a sentence: capitalised, ending in a full stop. */
export function sentence(text) {
  const body = optionLabel(text);
  return /[.!?]$/.test(body) ? body : `${body}.`;
}

/** `1 h 30 min`, `5 min`. */
export function duration(seconds) {
  const parts = [];
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  if (h > 0) parts.push(`${h} h`);
  if (m > 0) parts.push(`${m} min`);
  if (s > 0 || parts.length === 0) parts.push(`${s} s`);
  return parts.join(" ");
}
