// @ts-check
// The export panel: the scenario and report as JSON, and the cluster as
// CloudFormation and Terraform (written by the second worker, only while the
// panel is open); each can be copied or downloaded.
import { $, el } from "../dom.js";
import { analysis, latestWins } from "../rpc.js";
import { section, state } from "../state.js";

const infrastructure = latestWins(
  /** @param {{ scenario: Record<string, unknown> }} args */
  (args) => analysis("infrastructure", args),
  ({ value, error }) => {
    const failed = error ? `Could not write the template: ${error.message}` : null;
    /** @type {HTMLTextAreaElement} */ ($("export-cfn")).value = failed ?? value.cloudformation;
    /** @type {HTMLTextAreaElement} */ ($("export-tf")).value = failed ?? value.terraform;
    delete $("export").dataset.pending;
  },
);

/** Fills the export boxes, only while they are shown (the report can be large; the templates come from the second worker). */
export function renderExport() {
  const details = /** @type {HTMLDetailsElement} */ ($("export"));
  const lastGood = state.lastGood;
  if (lastGood && details.open) {
    section("export", state.resultId, () => {
      /** @type {HTMLTextAreaElement} */ ($("export-scenario")).value = JSON.stringify(lastGood.scenario, null, 2);
      /** @type {HTMLTextAreaElement} */ ($("export-report")).value = JSON.stringify(lastGood.report, null, 2);
      details.dataset.pending = "true";
      infrastructure.request({ scenario: lastGood.scenario });
    });
  }
  if (!infrastructure.busy) delete details.dataset.pending;
}

async function copyText(id) {
  const area = /** @type {HTMLTextAreaElement} */ ($(id));
  const status = $("export-status");
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = "Copied to the clipboard.";
  } catch {
    area.focus();
    area.select();
    status.textContent = document.execCommand?.("copy") ? "Copied to the clipboard." : "Select the text and copy it.";
  }
}

function download(id, filename) {
  const type = filename.endsWith(".json") ? "application/json" : "text/plain";
  const blob = new Blob([/** @type {HTMLTextAreaElement} */ ($(id)).value + "\n"], { type });
  const url = URL.createObjectURL(blob);
  const link = el("a", { attrs: { href: url, download: filename, hidden: true } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  $("export-status").textContent = `Downloaded ${filename}.`;
}

/** The panel's buttons: copy or download a box. */
export function followExportActions() {
  $("export").addEventListener("toggle", renderExport);
  $("export").addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button");
    if (button?.dataset.copy) copyText(button.dataset.copy);
    else if (button?.dataset.download) download(button.dataset.download, button.dataset.filename ?? "");
  });
}
