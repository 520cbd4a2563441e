// @ts-check
// The prices an estimate lacks, asked for where the user is: every one at
// once, each at its price input ("needed here") and at the input that
// brought the charge in (RDS Proxy, storage…), with a button from one to
// the other. The headline's note lists them all, each a link to its input.
import { $, el, form, openAround, setHidden } from "./dom.js";
import { fieldForPath } from "./errors.js";
import { PRICE_ITEMS } from "./fields.js";

/** The input whose value brings in the charge that a price item prices. */
const CAUSE = {
  serverlessStandard: "region",
  serverlessIoOptimized: "region",
  storageStandard: "storageGb",
  storageIoOptimized: "storageGb",
  ioRequests: "io",
  backup: "backupStorageGb",
  snapshotExport: "extras.snapshotExportGb",
  backtrack: "extras.backtrackChangeRecords",
  globalWriteIo: "extras.globalWriteIos",
  proxyServerless: "extras.rdsProxy",
  dataApi: "extras.dataApiRequests",
  dataApiOverBillion: "extras.dataApiRequests",
  databaseInsightsAdvanced: "extras.databaseInsights",
  extendedSupport: "extras.extendedSupport",
};

/**
 * @typedef {{ item: string, field: string, lines: string[] }} Unpriced
 */

const itemName = (item) => PRICE_ITEMS.find(([key]) => key === item)?.[1] ?? item;

/** The items missing at the last estimate: a newly missing one opens the groups where it is asked for. */
let shown = new Set();

/**
 * A note in the field for `path`, with a button to `goto`.
 * @param {string} path
 * @param {string} text
 * @param {string} [goto]
 * @param {string} [label]
 */
function noteAt(path, text, goto, label) {
  const field = fieldForPath(path);
  if (!field) return null;
  const note = el("p", { className: "field-missing", attrs: { "data-testid": `missing-${path}` } }, [
    el("span", { text }),
    ...(goto ? [" ", el("button", { className: "button-link", text: label ?? "Go", attrs: { type: "button", "data-goto": goto } })] : []),
  ]);
  field.append(note);
  return note;
}

/**
 * Shows what is unpriced at the inputs, after each estimate (none: clears the notes).
 * @param {Unpriced[]} unpriced
 * @param {string} region
 */
export function showMissingPrices(unpriced, region) {
  for (const note of form.querySelectorAll(".field-missing")) note.remove();
  for (const { item, field, lines } of unpriced) {
    const charge = lines.join(", ") || itemName(item);
    const notes = [noteAt(field, `Needed: no price is known in ${region}, so the total leaves out ${charge}. Enter one here, or load a price book.`)];
    const cause = CAUSE[item];
    if (cause) notes.push(noteAt(cause, `No price for ${charge} in ${region}: the total leaves it out.`, field, `Enter the price (${itemName(item)})`));
    if (!shown.has(item)) for (const note of notes) if (note) openAround(note);
  }
  shown = new Set(unpriced.map((u) => u.item));
  const list = $("missing-prices");
  list.replaceChildren(
    ...unpriced.map(({ item, field }) => el("li", {}, [el("button", { className: "button-link", text: itemName(item), attrs: { type: "button", "data-goto": field } })])),
  );
  setHidden(list, unpriced.length === 0);
}
