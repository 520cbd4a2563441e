// @ts-check
// The example scenarios the page offers as buttons.
import { $, setHidden } from "./dom.js";
import { BUSINESS_HOURS } from "./fields.js";
import { clearHash } from "./persist.js";
import { hooks, state } from "./state.js";
import { undoable } from "./undo.js";

/** @type {Record<string, { scenario: Record<string, unknown>, note: string, name: string }>} */
const PRESETS = {
  steady: { scenario: {}, note: "", name: "steady 4 ACU" },
  businessHours: {
    name: "weekday peak",
    scenario: { workload: { businessHours: { ...BUSINESS_HOURS } } },
    note: "Business hours: 8 ACU for 10 hours from 08:00 on weekdays, 1 ACU otherwise.",
  },
  seed: {
    name: "seed article",
    scenario: {
      workload: { levels: [{ acu: 16, hours: 220 }, { acu: 2, hours: 520 }] },
      storageGb: 0,
      priceOverrides: { serverlessStandard: 0.12 },
      compare: { classes: [{ class: "db.r6g.xlarge", onDemandHourly: 0.58, reserved: [{ termYears: 1, hourly: 0.37 }] }] },
    },
    note:
      "Seed article example: 16 ACU for 220 h and 2 ACU for 520 h at an overridden $0.12 per ACU-hour, no storage, " +
      "against a db.r6g.xlarge at $0.58 an hour on demand or $0.37 reserved for a year. " +
      "Its levels add up to 740 h, 10 more than the 730-hour month: the estimate bills the levels' hours and warns about it.",
  },
};

/** @param {string | undefined} name */
function applyPreset(name) {
  const preset = name ? PRESETS[name] : undefined;
  if (!preset) return;
  undoable(`Loaded the ${preset.name} example in place of your inputs`, () => {
    // An example is not the user's work: the last own scenario stays the one to restore.
    state.own = false;
    hooks.load(structuredClone(preset.scenario));
    const note = $("preset-note");
    note.textContent = preset.note;
    setHidden(note, !preset.note);
    if (!Object.keys(preset.scenario).length) clearHash();
  });
}

/** The preset buttons (`data-preset`). */
export function followPresets() {
  for (const button of document.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => applyPreset(/** @type {HTMLElement} */ (button).dataset.preset));
  }
}
