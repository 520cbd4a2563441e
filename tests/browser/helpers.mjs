// Helpers shared by the browser tests (not a test file itself).
//
// The page computes in a Web Worker, so a result follows an edit a moment
// later; it writes the URL a moment after that. These wait for both.
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { launchContext } from "../support/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";

/** The repository, the built site the tests serve, and where they write screenshots. */
export const root = fileURLToPath(new URL("../../", import.meta.url));
export const siteDir = join(root, "target", "site");
export const artifacts = join(root, "tests", "artifacts");

/**
 * The built site served on localhost and one Chromium context (desktop,
 * light, plus `options`) for a test file: opened before its tests, closed
 * after them. With `checkConsole` (the default) the file fails at the end on
 * any console error or uncaught error that `recordingPage` recorded into
 * `site.consoleErrors` and `site.pageErrors`.
 */
export function useSite(name, { checkConsole = true, onContext = () => {}, ...options } = {}) {
  const site = { server: null, context: null, consoleErrors: [], pageErrors: [] };
  let userDataDir;
  before(async () => {
    site.server = await startSite();
    userDataDir = mkdtempSync(join(tmpdir(), `acumen-${name}-`));
    site.context = await launchContext(userDataDir, { viewport: DESKTOP, colorScheme: "light", ...options });
    await onContext(site.context, site.server);
  });
  after(async () => {
    await site.context?.close();
    await site.server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    if (checkConsole) {
      assert.deepEqual(site.pageErrors, [], "no uncaught errors");
      assert.deepEqual(site.consoleErrors, [], "no console errors");
    }
  });
  return site;
}

/** Serves the built site on localhost (refusing to run without one) and makes room for screenshots. */
export async function startSite() {
  if (!existsSync(join(siteDir, "sw.js"))) throw new Error("target/site is missing or old: node scripts/build-site.mjs");
  mkdirSync(artifacts, { recursive: true });
  return startServer({ dir: siteDir });
}

/** Selector of the page once its first result is on screen. */
export const READY = 'body[data-ready="true"]';
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/**
 * A new page in `context` at `viewport` that records its console errors in
 * `consoleErrors` and its uncaught errors in `pageErrors` (each prefixed
 * with the page's address), for a test to check at the end.
 */
export async function recordingPage(context, viewport, consoleErrors, pageErrors) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/**
 * A new recording page of `site` (see `useSite`) at `viewport`, opened on
 * `url` (default: the page itself), its first result on screen and settled.
 */
export async function openPage(site, viewport, url = site.server.url) {
  const page = await recordingPage(site.context, viewport, site.consoleErrors, site.pageErrors);
  await page.goto(url);
  await page.waitForSelector(READY, { timeout: 15_000 });
  await settled(page);
  return page;
}

/**
 * Waits until the page shows the result of its latest input: no estimate,
 * optimizer run, template or file import on its way (each marks itself with
 * `data-pending` or `data-importing` while it is).
 */
export async function settled(page) {
  await page.waitForFunction(
    () => document.body.dataset.ready === "true" && !document.querySelector("[data-pending]") && !document.body.dataset.importing,
    null,
    { timeout: 15_000, polling: "raf" },
  );
}

/** The URL hash once the page has written it (it does so a moment after the last change). */
export async function currentHash(page) {
  await settled(page);
  await page.waitForFunction(() => !document.body.dataset.urlPending, null, { timeout: 5_000 });
  return page.evaluate(() => location.hash);
}

/** The scenario in the page's URL hash. */
export async function hashScenario(page) {
  return readLink(await currentHash(page)).scenario;
}

/**
 * A link's hash read as the page reads it (web/page/link.js): `#s=` the scenario's JSON and `&v=`
 * the view's, or `#z=` both as one JSON object, deflated and base64url-encoded.
 */
export function readLink(hash) {
  if (hash.startsWith("#z=")) {
    const { scenario, view = null } = JSON.parse(inflateRawSync(Buffer.from(hash.slice(3), "base64url")).toString("utf8"));
    return { scenario, view };
  }
  const [scenario, view] = hash.slice("#s=".length).split("&v=");
  return { scenario: JSON.parse(decodeURIComponent(scenario)), view: view === undefined ? null : JSON.parse(decodeURIComponent(view)) };
}

/** A test id's text once the page has settled. */
export async function text(page, testId) {
  await settled(page);
  return page.getByTestId(testId).textContent();
}

/** The page's URL for a scenario (none: the default). */
export function pageUrl(base, scenario) {
  return scenario === undefined ? base : `${base}#s=${encodeURIComponent(JSON.stringify(scenario))}`;
}

/** Micro-dollars as the page shows them: "$1,234.57" (cents rounded half up). */
export function formatCents(micro) {
  const cents = Math.floor((micro + 5000) / 10000);
  return `$${Math.floor(cents / 100).toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}`;
}

/** Medians and spreads of timings, for the printed figures. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
}
