// @ts-check
// Importing a CloudWatch export (the AWS CLI's JSON or a CSV): the file input and a drop anywhere on
// the page; the file is read in the second worker (cloudwatch.js), and what
// it gave becomes the trace workload (its other series readers at tier 2).
import { isPriceBook, useBookText } from "./pricebook.js";
import { $, el, openAround, setChecked, setHidden, setValue } from "./dom.js";
import { duration, fileRefused, integerFormat, period, quantityFormat } from "./format.js";
import { renderList } from "./lists.js";
import { analysis } from "./rpc.js";
import { hooks, state } from "./state.js";
import { undoable } from "./undo.js";

/** @typedef {import("./cloudwatch.js").Imported} Imported */

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a CloudWatch export into the trace workload; a bad file changes nothing and says why.
 * @param {File} file
 */
async function importCsv(file) {
  const message = $("csv-error");
  const status = $("csv-status");
  setHidden(message, true);
  message.textContent = "";
  status.textContent = `Reading ${file.name}…`;
  document.body.dataset.importing = "true";
  try {
    if (file.size > MAX_FILE_BYTES) {
      throw new Error(`the file has ${quantityFormat.format(file.size / 1048576)} MB; the page reads files of up to 64 MB (the CLI's acumen replay reads larger ones)`);
    }
    const result = await analysis("importCsv", { text: await file.text(), name: file.name });
    undoable(`Imported ${file.name} as the workload`, () => {
      state.own = true;
      applyImport(file.name, result);
    });
  } catch (error) {
    message.textContent = fileRefused(file.name, error);
    setHidden(message, false);
    status.replaceChildren();
    openAround(message);
  } finally {
    delete document.body.dataset.importing;
    /** @type {HTMLInputElement} */ ($("csv-file")).value = "";
  }
}

/**
 * Makes what a file gave the trace workload, and says what was read.
 * @param {string} fileName
 * @param {Imported} result
 */
function applyImport(fileName, result) {
  const { intervalSeconds, series, warnings } = result;
  const [writer, ...readers] = series;
  setChecked("workloadKind", "trace");
  setValue("trace-acu", writer.values.join(", "));
  setValue("trace-interval", intervalSeconds);
  if (readers.length) {
    renderList(
      "readers",
      readers.map((reader) => ({ promotionTier: "2", acu: "", keep: JSON.stringify({ trace: { intervalSeconds, acu: reader.values } }) })),
    );
    /** @type {HTMLDetailsElement} */ ($("group-readers")).open = true;
  }
  const every = duration(intervalSeconds);
  const roles = series.map((s, i) => `${i === 0 ? "the writer" : `reader ${i} (tier 2)`} follows ${s.name}`);
  const summary = el("p", {
    text:
      `Read ${fileName}: ${series.length} series, a sample every ${every} from ${result.start} to ${result.end} ` +
      `(${integerFormat.format(writer.values.length)} steps), repeated to fill the month: ${roles.join("; ")}.`,
  });
  const list = el(
    "ul",
    { className: "csv-series" },
    series.map((s) =>
      el("li", {
        text: `${s.name}: ${integerFormat.format(s.samples)} samples, ${s.gaps ? `${s.gaps} gap${s.gaps === 1 ? "" : "s"}` : "no gaps"}`,
        attrs: {
          "data-name": s.name,
          "data-samples": s.samples,
          "data-duplicates": s.duplicates,
          "data-gaps": s.gaps,
          "data-gap-seconds": s.gapSeconds,
          "data-held-seconds": s.heldSeconds,
          "data-unrecorded-seconds": s.unrecordedSeconds,
          "data-irregular": s.irregularSpacings,
          "data-first": s.firstSample,
          "data-last": s.lastSample,
        },
      }),
    ),
  );
  const notes = warnings.length ? [el("ul", { className: "csv-warnings" }, warnings.map((w) => el("li", { text: period(w) })))] : [];
  const status = $("csv-status");
  status.dataset.interval = String(intervalSeconds);
  status.replaceChildren(summary, list, ...notes);
  hooks.update();
}

/** A file dropped anywhere on the page is read as a CloudWatch export. */
function acceptDroppedFiles() {
  let depth = 0;
  /** @param {DragEvent} event */
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");
  const stop = () => {
    depth = 0;
    delete document.body.dataset.dropping;
  };
  document.addEventListener("dragenter", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth++;
    document.body.dataset.dropping = "true";
  });
  document.addEventListener("dragover", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("dragleave", (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) stop();
  });
  document.addEventListener("drop", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    stop();
    // A section that reads files of its own (data-own-drop) has taken this one.
    if (event.target instanceof Element && event.target.closest("[data-own-drop]")) return;
    const file = event.dataTransfer?.files[0];
    if (file) dropped(file);
  });
}

/**
 * A dropped file: a price book (the CLI's JSON with `name` and `entries`) is
 * loaded as one; anything else is read as a CloudWatch export.
 * @param {File} file
 */
async function dropped(file) {
  if (/\.json$/i.test(file.name) || file.type === "application/json") {
    document.body.dataset.importing = "true";
    const text = await file.text().finally(() => delete document.body.dataset.importing);
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      value = null;
    }
    if (isPriceBook(value)) {
      useBookText(text, file.name);
      return;
    }
  }
  importCsv(file);
}

/** Reads the file chosen in the file input, and any file dropped on the page. */
export function acceptFiles() {
  $("csv-file").addEventListener("change", (event) => {
    const file = /** @type {HTMLInputElement} */ (event.target).files?.[0];
    if (file) importCsv(file);
  });
  acceptDroppedFiles();
}
