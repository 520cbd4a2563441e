// The calculator page in headless Chromium, served by scripts/serve.mjs from
// target/site (build it first: node scripts/build-site.mjs), checked against
// the CLI and the golden vectors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const siteDir = join(root, "target", "site");
const goldenDir = join(root, "tests", "golden");
const artifacts = join(root, "tests", "artifacts");
const cliBin = resolve(root, process.env.ACUMEN_BIN ?? "target/debug/acumen");
const chromiumPath = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const READY = 'body[data-ready="true"]';

let server;
let context;
let userDataDir;
let origin;
/** Every request any page made, and every console error or uncaught page error. */
const requests = [];
const consoleErrors = [];
const pageErrors = [];

before(async () => {
  for (const file of ["index.html", "app.js", "style.css", "pkg/acumen.js", "pkg/acumen_bg.wasm"]) {
    if (!existsSync(join(siteDir, file))) {
      throw new Error(
        `target/site/${file} is missing: build the site first ` +
          "(node scripts/build-pkg.mjs && node scripts/build-site.mjs)",
      );
    }
  }
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (set CHROMIUM_BIN)`);
  mkdirSync(artifacts, { recursive: true });

  server = await startServer({ dir: siteDir });
  origin = new URL(server.url).origin;

  userDataDir = mkdtempSync(join(tmpdir(), "acumen-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: DESKTOP,
    colorScheme: "light",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  context.on("request", (request) => requests.push(request.url()));
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** A new page that records its console errors and uncaught errors. */
async function newPage(viewport = DESKTOP) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

function pageUrl(scenario) {
  return scenario === undefined ? server.url : `${server.url}#s=${encodeURIComponent(JSON.stringify(scenario))}`;
}

/** Opens the page and waits for the first result; returns ms from navigation to ready. */
async function open(page, scenario) {
  const started = performance.now();
  await page.goto(pageUrl(scenario));
  await page.waitForSelector(READY, { timeout: 15_000 });
  return performance.now() - started;
}

/** "$1,234.57" → 123457 cents. */
function displayedCents(text) {
  const match = /^\$(\d{1,3}(?:,\d{3})*)\.(\d{2})$/.exec(text.trim());
  assert.ok(match, `not a dollar amount: ${JSON.stringify(text)}`);
  return Number(match[1].replaceAll(",", "")) * 100 + Number(match[2]);
}

/** Micro-dollars to cents, halves up (the page's display rule). */
function microToCents(micro) {
  return Math.floor((micro + 5000) / 10000);
}

const text = (page, testId) => page.getByTestId(testId).textContent();

function cliEstimate(scenario) {
  const dir = mkdtempSync(join(tmpdir(), "acumen-scenario-"));
  try {
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify(scenario));
    const out = execFileSync(cliBin, ["estimate", file, "--format", "json"], { encoding: "utf8" });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the default estimate appears without any input", async () => {
  const page = await newPage();
  const ms = await open(page);
  console.log(`first result painted ${ms.toFixed(0)} ms after navigation (desktop, cold)`);
  const inPage = await page.evaluate(() => performance.getEntriesByName("acumen:ready")[0]?.startTime);
  if (inPage !== undefined) console.log(`in-page: ready ${inPage.toFixed(0)} ms after navigation start`);

  assert.equal(await text(page, "total-monthly"), "$360.40");
  assert.equal(await text(page, "total-yearly"), "$4,324.80");
  assert.equal(await text(page, "table-total"), "$360.40");

  const rows = await page.locator("#line-rows tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())),
  );
  assert.deepEqual(rows, [
    ["Writer compute", "2,920 ACU-hours", "$0.12 / ACU-hour", "$350.40"],
    ["Cluster storage", "100 GB-months", "$0.10 / GB-month", "$10.00"],
  ]);
  assert.match(await text(page, "catalog"), /as of 2026-10-09/);
  assert.match(await text(page, "model"), /ideal-tracking/);
  assert.equal(await page.getByTestId("warnings").isHidden(), true, "the default has no warnings");
  assert.equal(await page.getByTestId("notice").isHidden(), true);
  assert.equal(await page.getByTestId("stale").isHidden(), true);

  // The inputs show the default scenario.
  assert.equal(await page.locator("#min-acu").inputValue(), "0.5");
  assert.equal(await page.locator("#max-acu").inputValue(), "16");
  assert.equal(await page.locator("#demand-acu").inputValue(), "4");
  assert.equal(await page.locator("#storage-gb").inputValue(), "100");
  assert.equal(await page.locator("#hours").inputValue(), "730");
  assert.equal(await page.locator("#storage-standard").isChecked(), true);

  // Every input has a label.
  for (const id of ["min-acu", "max-acu", "demand-acu", "storage-gb", "hours", "storage-standard", "storage-io"]) {
    assert.ok((await page.locator(`label[for="${id}"]`).count()) === 1, `label for #${id}`);
  }
  await page.close();
});

test("editing demand and storage recomputes the headline on input", async () => {
  const page = await newPage();
  await open(page);
  await page.locator("#demand-acu").fill("8");
  assert.equal(await text(page, "total-monthly"), "$710.80");
  await page.locator("#storage-gb").fill("250");
  assert.equal(await text(page, "total-monthly"), "$725.80");
  assert.equal(await text(page, "total-yearly"), "$8,709.60");

  // The low-confidence I/O-Optimized price is marked and warned about.
  await page.locator('label[for="storage-io"]').click();
  assert.equal(await text(page, "total-monthly"), "$990.65"); // 8 × 730 × $0.16 + 250 × $0.225
  assert.equal(await page.locator('tr[data-item="serverlessIoOptimized"] .badge-low').textContent(), "low confidence");
  assert.equal(await page.getByTestId("warnings").isVisible(), true);
  assert.match(await text(page, "warnings"), /low-confidence/);
  await page.locator("summary").click();
  assert.match(await text(page, "sources"), /low confidence/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, "calculator-desktop-io-optimized.png"), fullPage: true });
  await page.close();
});

test("an invalid max ACU is explained beside the field and keeps the last result", async () => {
  const page = await newPage();
  await open(page);
  await page.locator("#demand-acu").fill("8");
  await page.locator("#storage-gb").fill("250");
  assert.equal(await text(page, "total-monthly"), "$725.80");
  const goodHash = await page.evaluate(() => location.hash);

  await page.locator("#max-acu").fill("3.3");
  const error = page.getByTestId("error-max-acu");
  assert.equal(await error.isVisible(), true);
  assert.match(await error.textContent(), /multiple of 0\.5/);
  assert.match(await error.textContent(), /3\.3/);
  const max = page.locator("#max-acu");
  assert.equal(await max.getAttribute("aria-invalid"), "true");
  assert.ok((await max.getAttribute("aria-describedby")).split(" ").includes("max-acu-error"));
  // The message sits with its field.
  assert.equal(await page.locator('.field[data-path="scaling.maxAcu"] #max-acu-error').count(), 1);

  // The other inputs keep their values and carry no error.
  assert.equal(await page.locator("#min-acu").inputValue(), "0.5");
  assert.equal(await page.locator("#demand-acu").inputValue(), "8");
  assert.equal(await page.locator("#storage-gb").inputValue(), "250");
  assert.equal(await page.locator("#hours").inputValue(), "730");
  assert.equal(await page.locator("[aria-invalid=true]").count(), 1);

  // The last good result stays on screen, marked stale; the link keeps the good scenario.
  assert.equal(await text(page, "total-monthly"), "$725.80");
  assert.equal(await page.getByTestId("total-monthly").isVisible(), true);
  assert.equal(await page.getByTestId("stale").isVisible(), true);
  assert.equal(await page.getByTestId("results").getAttribute("data-stale"), "true");
  assert.equal(await page.locator("#line-rows tr").count(), 2);
  assert.equal(await page.evaluate(() => location.hash), goodHash);

  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(artifacts, "calculator-phone-invalid.png"), fullPage: true });
  // On a phone, the total stays pinned in view while the field is edited.
  await max.scrollIntoViewIfNeeded();
  await page.getByTestId("mini-total").waitFor({ state: "visible" });
  assert.equal(await page.locator("#mini-total-value").textContent(), "$725.80");
  assert.equal(await page.getByTestId("mini-total").getAttribute("data-stale"), "true");
  await page.screenshot({ path: join(artifacts, "calculator-phone-editing.png") });
  await page.setViewportSize(DESKTOP);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, "calculator-desktop-invalid.png"), fullPage: true });

  // An empty field is reported too, not sent as a number.
  await page.locator("#max-acu").fill("");
  assert.match(await page.getByTestId("error-max-acu").textContent(), /Enter a value/);

  // Fixing the value clears the error and updates the result.
  await page.locator("#max-acu").fill("4");
  assert.equal(await page.getByTestId("error-max-acu").isHidden(), true);
  assert.equal(await max.getAttribute("aria-invalid"), null);
  assert.equal(await page.getByTestId("stale").isHidden(), true);
  assert.equal(await page.getByTestId("results").getAttribute("data-stale"), "false");
  // Demand 8 above max 4: runs at 4 ACU. 4 × 730 × $0.12 + $25.00.
  assert.equal(await text(page, "total-monthly"), "$375.40");
  assert.match(await text(page, "warnings"), /needs more than the maximum of 4 ACU/);

  // A conflict names the minimum; the field the core names gets the message.
  await page.locator("#min-acu").fill("8");
  assert.equal(await page.locator("#min-acu").getAttribute("aria-invalid"), "true");
  assert.match(await page.getByTestId("error-min-acu").textContent(), /must not exceed maxAcu/i);
  assert.equal(await text(page, "total-monthly"), "$375.40");
  await page.close();
});

test("the URL hash round-trips the scenario", async () => {
  const scenario = {
    scaling: { minAcu: 1, maxAcu: 32 },
    workload: { steady: { acu: 10 } },
    storageGb: 500,
    storageType: "io-optimized",
    hoursPerMonth: 744,
  };
  const page = await newPage();
  await open(page, scenario);
  assert.equal(await page.locator("#min-acu").inputValue(), "1");
  assert.equal(await page.locator("#max-acu").inputValue(), "32");
  assert.equal(await page.locator("#demand-acu").inputValue(), "10");
  assert.equal(await page.locator("#storage-gb").inputValue(), "500");
  assert.equal(await page.locator("#hours").inputValue(), "744");
  assert.equal(await page.locator("#storage-io").isChecked(), true);
  // 10 × 744 × $0.16 = $1,190.40; 500 × $0.225 = $112.50.
  assert.equal(await text(page, "total-monthly"), "$1,302.90");
  assert.equal(await page.getByTestId("notice").isHidden(), true);

  // An edit is written back to the hash, and that link reproduces it.
  await page.locator("#storage-gb").fill("50");
  assert.equal(await text(page, "total-monthly"), "$1,201.65");
  const link = page.url();
  const written = JSON.parse(decodeURIComponent(new URL(link).hash.slice("#s=".length)));
  assert.deepEqual(written, { ...scenario, storageGb: 50 });
  const copy = await newPage();
  await copy.goto(link);
  await copy.waitForSelector(READY);
  assert.equal(await text(copy, "total-monthly"), "$1,201.65");
  assert.equal(await copy.locator("#storage-gb").inputValue(), "50");
  await copy.close();

  // Fields without an input (price overrides) survive edits.
  await page.goto(pageUrl({ priceOverrides: { serverlessStandard: 0.2 } }));
  await page.waitForSelector(READY);
  assert.equal(await text(page, "total-monthly"), "$594.00"); // 4 × 730 × $0.20 + $10.00
  assert.equal(await page.locator('tr[data-item="serverlessStandard"] .badge-override').textContent(), "override");
  await page.locator("#storage-gb").fill("200");
  assert.equal(await text(page, "total-monthly"), "$604.00");
  assert.match(decodeURIComponent(new URL(page.url()).hash), /"priceOverrides":\{"serverlessStandard":0.2\}/);
  await page.close();
});

test("an unusable hash falls back to the default with a notice", async () => {
  for (const hash of ["#s=%7Bnot-json", `#s=${encodeURIComponent('{"scaling":{"maxAcu":3.3}}')}`, "#s=%5B1%2C2%5D"]) {
    const page = await newPage();
    await page.goto(server.url + hash);
    await page.waitForSelector(READY);
    assert.equal(await page.getByTestId("notice").isVisible(), true, hash);
    assert.match(await text(page, "notice"), /could not be used/);
    assert.equal(await text(page, "total-monthly"), "$360.40", hash);
    assert.equal(await page.locator("#max-acu").inputValue(), "16");
    await page.close();
  }
});

test("the page, the CLI and the golden vectors agree to the cent", async () => {
  const files = readdirSync(goldenDir).filter((file) => file.endsWith(".json"));
  assert.ok(files.length >= 2, `golden vectors in tests/golden: ${files.length}`);
  const page = await newPage();
  for (const file of files) {
    const { name, scenario, expected } = JSON.parse(readFileSync(join(goldenDir, file), "utf8"));
    const cli = cliEstimate(scenario);
    assert.equal(cli.totalMicroUsd, expected.totalMicroUsd, `${name}: CLI total vs golden`);

    await page.goto("about:blank");
    await open(page, scenario);
    assert.equal(await page.getByTestId("notice").isHidden(), true, `${name}: scenario accepted`);
    const shown = displayedCents(await text(page, "total-monthly"));
    assert.equal(shown, microToCents(cli.totalMicroUsd), `${name}: page vs CLI`);
    assert.equal(shown, microToCents(expected.totalMicroUsd), `${name}: page vs golden`);
    assert.equal(displayedCents(await text(page, "total-yearly")), microToCents(cli.yearlyMicroUsd), `${name}: yearly`);

    const lineCents = await page.locator("#line-rows td.cost").evaluateAll((cells) => cells.map((c) => c.textContent));
    assert.deepEqual(
      lineCents.map(displayedCents),
      cli.lines.map((line) => microToCents(line.costMicroUsd)),
      `${name}: line costs vs CLI`,
    );
    if (expected.lineCostsMicroUsd) {
      assert.deepEqual(lineCents.map(displayedCents), expected.lineCostsMicroUsd.map(microToCents), `${name}: lines`);
    }
    console.log(`${name}: page ${await text(page, "total-monthly")}, CLI ${cli.totalMicroUsd} µ$`);
  }
  await page.close();
});

test("screenshots at desktop and phone widths", async () => {
  for (const [label, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    const page = await newPage(viewport);
    const ms = await open(page, { workload: { steady: { acu: 8 } }, storageGb: 250 });
    console.log(`${label} ${viewport.width}×${viewport.height}: first result ${ms.toFixed(0)} ms after navigation`);
    assert.equal(await text(page, "total-monthly"), "$725.80");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${label}: no horizontal scrolling (overflow ${overflow}px)`);
    await page.screenshot({ path: join(artifacts, `calculator-${label}.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: join(artifacts, `calculator-${label}-dark.png`), fullPage: true });
    await page.close();
  }
});

test("keyboard: inputs are reachable with Tab and arrow keys change values", async () => {
  const page = await newPage();
  await open(page);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "min-acu");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "max-acu");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "demand-acu");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.locator("#demand-acu").inputValue(), "5");
  assert.equal(await text(page, "total-monthly"), "$448.00"); // 5 × 730 × $0.12 + $10.00
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "hours");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "storage-gb");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "storage-standard");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.locator("#storage-io").isChecked(), true);
  assert.equal(await text(page, "total-monthly"), "$606.50"); // 5 × 730 × $0.16 + 100 × $0.225
  // Enter in a field does not submit anything.
  await page.locator("#hours").press("Enter");
  assert.equal(await text(page, "total-monthly"), "$606.50");
  await page.close();
});

test("no console errors, no page errors, no requests beyond the test server", () => {
  assert.ok(requests.length > 0, "requests were recorded");
  const foreign = requests.filter((url) => {
    if (url.startsWith("data:") || url === "about:blank") return false;
    return new URL(url).origin !== origin;
  });
  assert.deepEqual(foreign, [], "requests to other origins");
  assert.deepEqual(consoleErrors, [], "console errors");
  assert.deepEqual(pageErrors, [], "page errors");
});
