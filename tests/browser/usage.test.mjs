// The calculator as a person uses it, in headless Chromium at desktop and
// phone widths: work that an example, an import or the optimizer would
// replace can be undone, and the last own scenario restored; errors at their
// inputs; region-specific prices kept to their region; the optimizer keeps
// the current range on a tie; inputs wide enough for their values; on a
// phone the inputs and the result one tap apart; one validation message per
// rule; share links short enough to paste. Served from target/site.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { estimate, optimize } from "acumen";
import { launchContext } from "../support/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { DESKTOP, PHONE, READY, formatCents, pageUrl, recordingPage, settled, text } from "./helpers.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const siteDir = join(root, "target", "site");
const artifacts = join(root, "tests", "artifacts");

let server;
let context;
let userDataDir;
const consoleErrors = [];
const pageErrors = [];

before(async () => {
  if (!existsSync(join(siteDir, "sw.js"))) throw new Error("target/site is missing or old: node scripts/build-site.mjs");
  mkdirSync(artifacts, { recursive: true });
  server = await startServer({ dir: siteDir });
  userDataDir = mkdtempSync(join(tmpdir(), "acumen-usage-"));
  context = await launchContext(userDataDir, { viewport: DESKTOP, colorScheme: "light" });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  assert.deepEqual(pageErrors, [], "no uncaught errors");
  assert.deepEqual(consoleErrors, [], "no console errors");
});

const VIEWPORTS = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
];

/** A fresh page at `viewport`, opened on `scenario` (none: the default), its result on screen. */
async function opened(viewport, scenario) {
  const page = await recordingPage(context, viewport, consoleErrors, pageErrors);
  await page.goto(pageUrl(server.url, scenario));
  await page.waitForSelector(READY, { timeout: 15_000 });
  await settled(page);
  return page;
}

// ------------------------------------------------------------ optimizer

test("the optimizer keeps the current range when nothing costs less, and says so", async () => {
  for (const [label, viewport] of VIEWPORTS) {
    // Steady 4 ACU from 0.5–16 ACU: every range reaching 4 ACU costs 4 × 730 × $0.12 = $350.40.
    const page = await opened(viewport);
    await page.locator("#optimizer > summary").click();
    await settled(page);
    const expected = optimize({}, { maxUnmetShare: 0.001 });
    assert.deepEqual([expected.best.minAcu, expected.best.maxAcu, expected.best.computeMicroUsd], [0.5, 16, 350_400_000]);
    assert.equal(
      await text(page, "optimizer-status"),
      "Keep the current range, 0.5–16 ACU: no range leaving at most 0.1 % of demand unserved costs less than its $350.40 a month of compute (0 % unserved).",
      label,
    );
    assert.equal(await page.getByTestId("optimizer-apply").isHidden(), true);
    await page.close();
  }
});

/** The cluster of the walkthrough: eu-west-1, a writer and two readers, business hours, a reserved class. */
export const CLUSTER = {
  region: "eu-west-1",
  workload: { businessHours: { peakAcu: 12, offPeakAcu: 2, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 } },
  readers: [{ promotionTier: 1 }, { promotionTier: 2 }],
  storageGb: 500,
  io: { monthly: { requests: 200_000_000 } },
  extras: { rdsProxy: true },
  compare: { classes: [{ class: "db.r6g.2xlarge", onDemandHourly: 1.152, reserved: [{ termYears: 1, payment: "no-upfront", hourly: 0.78 }] }] },
};

// ------------------------------------------------------------ widths

test("every input is wide enough for its value, at desktop and phone widths", async () => {
  for (const [label, viewport] of VIEWPORTS) {
    const page = await opened(viewport, CLUSTER);
    await page.evaluate(() => document.querySelectorAll("#scenario-form details").forEach((d) => (/** @type {HTMLDetailsElement} */ (d).open = true)));
    const cut = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
      document.body.append(probe);
      const found = [];
      for (const node of document.querySelectorAll("#scenario-form input:not([type=checkbox]):not([type=radio]):not([type=file]), #scenario-form select")) {
        const input = /** @type {HTMLInputElement | HTMLSelectElement} */ (node);
        if (!input.offsetParent || !input.value) continue;
        const style = getComputedStyle(input);
        probe.style.font = style.font;
        probe.textContent = input instanceof HTMLSelectElement ? input.selectedOptions[0]?.textContent ?? "" : input.value;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - (input instanceof HTMLSelectElement ? 20 : 0);
        if (probe.getBoundingClientRect().width > room + 0.5) found.push(`${input.id}: "${probe.textContent}" in ${room.toFixed(0)} px`);
      }
      probe.remove();
      return found;
    });
    assert.deepEqual(cut, [], `${label}: values cut`);
    await page.locator("#group-compare").screenshot({ path: join(artifacts, `usage-${label}-compare.png`) });
    await page.close();
  }
});
