// @ts-check
// On a narrow screen the estimate comes first and the inputs below it: the
// headline's "Change the inputs" and the pinned total's "Inputs" and
// "Estimate" buttons keep either one tap away.
import { $ } from "./dom.js";

/** Where each button goes: the section's top is scrolled to, and its heading takes the focus. */
const TARGETS = { inputs: "inputs-title", estimate: "results-title" };

/** @param {string} to */
function jump(to) {
  const heading = $(TARGETS[/** @type {keyof typeof TARGETS} */ (to)]);
  const section = /** @type {HTMLElement} */ (heading.closest("section"));
  section.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

/** The `data-jump` buttons. */
export function followJumps() {
  document.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button[data-jump]");
    if (button instanceof HTMLElement && button.dataset.jump) jump(button.dataset.jump);
  });
}
