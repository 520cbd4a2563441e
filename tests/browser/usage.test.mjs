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
