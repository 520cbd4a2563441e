// The built page carries the default scenario's result (scripts/prerender.mjs):
// its first paint shows the monthly total before any script has run, the live
// result takes over without changing it, and a page opened from a shared
// link never shows the default's figures. Served from target/site.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { estimate } from "acumen";
import { launchContext } from "../support/chromium.mjs";
import { PHONE, READY, formatCents, pageUrl, recordingPage, startSite } from "./helpers.mjs";

let server;
const dirs = [];
const consoleErrors = [];
const pageErrors = [];

before(async () => {
  server = await startSite();
});

after(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(consoleErrors, [], "console errors (a refused inline script would be one)");
  assert.deepEqual(pageErrors, []);
});

async function context(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "acumen-prerender-"));
  dirs.push(dir);
  return launchContext(dir, { viewport: PHONE, serviceWorkers: "block", ...options });
}

// The default scenario: 4 ACU × 730 h × $0.12 + 100 GB × $0.10 = $360.40 a
// month, × 12 = $4,324.80 a year.
const DEFAULT_MONTHLY = "$360.40";
const DEFAULT_YEARLY = "$4,324.80";

test("the page shows the default monthly total before any script runs", async () => {
  assert.equal(formatCents(estimate({}).totalMicroUsd), DEFAULT_MONTHLY);
  const ctx = await context({ javaScriptEnabled: false });
  try {
    const page = await ctx.newPage();
    await page.goto(server.url);
    assert.equal(await page.getByTestId("total-monthly").textContent(), DEFAULT_MONTHLY);
    assert.equal(await page.getByTestId("total-yearly").textContent(), DEFAULT_YEARLY);
    assert.equal(await page.getByTestId("table-total").textContent(), DEFAULT_MONTHLY);
    assert.equal(await page.locator("#results").getAttribute("data-prerendered"), "");
  } finally {
    await ctx.close();
  }
});

test("the live result takes over with the same figures", async () => {
  const ctx = await context();
  try {
    const page = await recordingPage(ctx, PHONE, consoleErrors, pageErrors);
    await page.goto(server.url);
    await page.waitForSelector(READY);
    assert.equal(await page.getByTestId("total-monthly").textContent(), DEFAULT_MONTHLY);
    assert.equal(await page.locator("#results").getAttribute("data-prerendered"), null);
    assert.equal(await page.evaluate(() => "link" in document.documentElement.dataset), false);
  } finally {
    await ctx.close();
  }
});

test("a shared link never shows the default's figures", async () => {
  const scenario = { workload: { steady: { acu: 8 } }, storageGb: 100 };
  // 8 ACU × 730 h × $0.12 + 100 GB × $0.10 = $710.80.
  assert.equal(formatCents(estimate(scenario).totalMicroUsd), "$710.80");
  const ctx = await context();
  try {
    const page = await recordingPage(ctx, PHONE, consoleErrors, pageErrors);
    // Hold the page's script back, to look at the page as first painted.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route("**/app.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(pageUrl(server.url, scenario), { waitUntil: "commit" });
    await page.waitForSelector("#mini-total", { state: "attached" });
    const visibility = () => page.evaluate(() => getComputedStyle(document.getElementById("total-monthly")).visibility);
    assert.equal(await visibility(), "hidden");
    release();
    await page.waitForSelector(READY);
    assert.equal(await page.getByTestId("total-monthly").textContent(), "$710.80");
    assert.equal(await visibility(), "visible");
  } finally {
    await ctx.close();
  }
});

test("an unusable link shows no figure of the default's as its own", async () => {
  const ctx = await context();
  try {
    const page = await recordingPage(ctx, PHONE, consoleErrors, pageErrors);
    await page.goto(`${server.url}#s=${encodeURIComponent('{"scaling":{"maxAcu":3.3}}')}`);
    await page.waitForSelector(READY);
    // The page says the link cannot be used and opens on the defaults: the
    // total shown is the default scenario's own, from the live estimate.
    assert.equal(await page.getByTestId("total-monthly").textContent(), DEFAULT_MONTHLY);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("total-monthly")).visibility), "visible");
  } finally {
    await ctx.close();
  }
});
