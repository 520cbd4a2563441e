// Accessibility of the calculator page: axe-core (pinned in package.json) run
// in headless Chromium on the page in its main states (including the weekly
// grid, CloudWatch imports, the optimizer and the export, the "From a provisioned
// instance" section with an answer and with an error), light and dark, at
// desktop and phone widths. The page's CSP forbids injected scripts, so this
// file alone uses a context that bypasses it; page.test.mjs keeps the CSP.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchContext } from "../support/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { settled } from "./helpers.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const siteDir = join(root, "target", "site");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const READY = 'body[data-ready="true"]';
const fixtures = join(root, "tests", "fixtures", "cloudwatch");
const artifacts = join(root, "tests", "artifacts");

let server;
let context;
let userDataDir;

before(async () => {
  if (!existsSync(join(siteDir, "index.html"))) throw new Error("target/site is missing: node scripts/build-site.mjs");
  server = await startServer({ dir: siteDir });
  userDataDir = mkdtempSync(join(tmpdir(), "acumen-axe-"));
  context = await launchContext(userDataDir, {
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Runs axe on the page; returns the violations, printing a summary. */
async function axe(page, label) {
  await settled(page);
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const { violations, passes, incomplete } = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return {
      passes: passes.length,
      incomplete: incomplete.length,
      violations: violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })),
    };
  });
  const summary = result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(", ") || "none";
  console.log(`axe ${label}: ${result.passes} rules pass, ${result.incomplete} need review, violations: ${summary}`);
  return result.violations;
}

function assertClean(violations, label) {
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious, [], `${label}: serious or critical axe violations`);
}

test("axe: no serious or critical violations in the page's main states", async () => {
  const scenario = {
    // Levels covering the month: a reader's own workload must cover the same hours as the writer's.
    workload: { levels: [{ acu: 16, hours: 220 }, { acu: 2, hours: 510 }] },
    readers: [{ promotionTier: 1 }, { promotionTier: 4, workload: { steady: { acu: 1 } } }],
    spikes: [{ extraAcu: 4, everyHours: 24, startMinute: 540, durationMinutes: 15 }],
    io: { monthly: { requests: 50000000 } },
    storageType: "io-optimized",
    priceOverrides: { serverlessStandard: 0.12 },
    compare: {
      classes: [
        { class: "db.r6g.xlarge", onDemandHourly: 0.58, reserved: [{ termYears: 1, hourly: 0.37 }], savingsPlanDiscount: 0.2 },
        { class: "db.x9z.large" },
      ],
      serverlessSavingsPlanDiscount: 0.25,
    },
    application: { appInstances: 10, poolSize: 20, workingSetGib: 8, performanceInsights: true },
  };
  for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 375, height: 812 }]]) {
    for (const colorScheme of ["light", "dark"]) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const name = `${label} ${colorScheme}`;

      await page.goto(server.url);
      await page.waitForSelector(READY);
      assertClean(await axe(page, `${name}, default`), `${name}, default`);

      await page.goto(`${server.url}#s=${encodeURIComponent(JSON.stringify(scenario))}`);
      await page.waitForSelector(READY);
      assert.equal(await page.locator("#notice").isHidden(), true, "the scenario is accepted");
      await page.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
      assertClean(await axe(page, `${name}, everything open, warnings`), `${name}, expanded`);

      // Errors shown: an invalid maximum, then an invalid reserved term.
      await page.locator("#max-acu").fill("3.3");
      assertClean(await axe(page, `${name}, invalid input`), `${name}, invalid`);
      await page.locator("#max-acu").fill("16");
      await page.locator("#class-0-term").fill("2");
      assertClean(await axe(page, `${name}, invalid term`), `${name}, invalid term`);
      await page.locator("#class-0-term").fill("1");
      // The capacity chart showing one day of a reader.
      await page.locator("#chart-instance").selectOption({ index: 1 });
      await page.locator("#chart-period").selectOption("2");
      assertClean(await axe(page, `${name}, chart of a day`), `${name}, chart`);
      await page.locator('label[for="kind-weekly"]').click();
      assertClean(await axe(page, `${name}, weekly grid`), `${name}, weekly`);
      // The grid in use from the keyboard, an hour set too high (an error on a cell).
      await page.locator("#weekly-30").focus();
      await page.keyboard.type("200000");
      await settled(page);
      assertClean(await axe(page, `${name}, weekly grid with an invalid hour`), `${name}, weekly invalid`);
      await page.keyboard.press("Escape");
      // CloudWatch files: one read into a writer's and a reader's trace, then one refused.
      await page.getByTestId("csv-file").setInputFiles(join(fixtures, "console-two-instances.csv"));
      await settled(page);
      assertClean(await axe(page, `${name}, CSV imported`), `${name}, CSV imported`);
      await page.getByTestId("csv-file").setInputFiles(join(fixtures, "bad-line.csv"));
      await settled(page);
      assertClean(await axe(page, `${name}, CSV refused`), `${name}, CSV refused`);
      // The optimizer with its frontier chart, and the export with the templates.
      await page.locator("#optimizer").evaluate((details) => (details.open = true));
      await page.locator("#export").evaluate((details) => (details.open = true));
      await settled(page);
      assertClean(await axe(page, `${name}, optimizer and export`), `${name}, optimizer`);
      // Another region: prices missing there asked for at their inputs, the overrides and rates kept for us-east-1.
      await page.locator("#region").selectOption("ca-central-1");
      await settled(page);
      assert.equal(await page.getByTestId("kept-overrides").isVisible(), true);
      assert.ok((await page.locator(".field-missing").count()) > 0);
      assertClean(await axe(page, `${name}, missing and kept prices`), `${name}, missing prices`);
      await page.getByTestId("kept-overrides").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, `calculator-${label}-${colorScheme}-kept-prices.png`) });
      await page.close();
    }
  }
  const page = await context.newPage();
  await page.goto(`${server.url}#s=${encodeURIComponent(JSON.stringify({ region: "eu-central-1" }))}`);
  await page.waitForSelector(READY);
  assertClean(await axe(page, "partial bill"), "partial bill");
  await page.close();
});

test("axe: no serious or critical violations in the section \"From a provisioned instance\"", async () => {
  const fixture = join(root, "tests", "fixtures", "migrate", "cpu-business-hours.json");
  for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 375, height: 812 }]]) {
    for (const colorScheme of ["light", "dark"]) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const name = `${label} ${colorScheme}, provisioned instance`;
      await page.goto(server.url);
      await page.waitForSelector(READY);
      await page.locator("#migrate > summary").click();
      await page.waitForSelector("#migrate-class");
      assertClean(await axe(page, `${name}, opened`), `${name}, opened`);
      await page.locator("#migrate-p95").fill("35");
      await page.locator("#migrate-max").fill("72");
      await page.locator("#migrate-how > summary").click();
      assertClean(await axe(page, `${name}, answered`), `${name}, answered`);
      await page.locator("#migrate-p95").fill("120");
      assertClean(await axe(page, `${name}, invalid p95`), `${name}, invalid`);
      await page.getByTestId("migrate-file").setInputFiles(fixture);
      await page.getByTestId("migrate-apply").click();
      assertClean(await axe(page, `${name}, series applied`), `${name}, applied`);
      await page.close();
    }
  }
});
