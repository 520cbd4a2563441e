// "From a provisioned instance" on the page, in headless Chromium at desktop
// and phone widths: AWS's worked example sized as the package and the CLI
// size it, a CPUUtilization export chosen or dropped on the section, errors
// at the inputs they name, and the proposed range applied to the calculator
// (whose total then matches the section's serverless figure). Served from
// target/site (node scripts/build-site.mjs); the CLI is target/debug/acumen.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, readCloudWatch } from "acumen";
import { launchContext } from "../support/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { DESKTOP, PHONE, READY, formatCents, hashScenario, recordingPage, settled, text } from "./helpers.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const siteDir = join(root, "target", "site");
const fixtures = join(root, "tests", "fixtures", "migrate");
const artifacts = join(root, "tests", "artifacts");
const cliBin = resolve(root, process.env.ACUMEN_BIN ?? "target/debug/acumen");

let server;
let context;
let userDataDir;
const consoleErrors = [];
/**
 * A screenshot of `target` (a locator, or the page) without the phone's pinned total over it
 * (hidden by its attribute: the page's CSP refuses an injected style).
 */
async function shot(page, target, name) {
  await page.evaluate(() => (document.getElementById("mini-total").hidden = true));
  await target.screenshot({ path: join(artifacts, name) });
  await page.evaluate(() => (document.getElementById("mini-total").hidden = false));
}
const pageErrors = [];

before(async () => {
  if (!existsSync(join(siteDir, "migrate.js"))) throw new Error("target/site is missing or old: node scripts/build-site.mjs");
  mkdirSync(artifacts, { recursive: true });
  server = await startServer({ dir: siteDir });
  userDataDir = mkdtempSync(join(tmpdir(), "acumen-migrate-"));
  context = await launchContext(userDataDir, { viewport: DESKTOP, colorScheme: "light" });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Money as the page writes a signed saving: "+$103.72", "−$146.73". */
const signed = (micro) => (micro > 0 ? `+${formatCents(micro)}` : `−${formatCents(-micro)}`);
/** The verdict as the page writes it: a sentence (instance classes keep their "db."). */
const sentence = (t) => (t.startsWith("db.") ? t : t[0].toUpperCase() + t.slice(1));

/** A fresh page with the section open (its code loads on opening). */
async function openSection(viewport, scenario) {
  const page = await recordingPage(context, viewport, consoleErrors, pageErrors);
  const requested = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(scenario ? `${server.url}#s=${encodeURIComponent(JSON.stringify(scenario))}` : server.url);
  await page.waitForSelector(READY, { timeout: 15_000 });
  await settled(page);
  assert.equal(await page.locator("#migrate-class").count(), 0, "the section's inputs are built only when it is opened");
  assert.deepEqual(requested.filter((path) => path.endsWith("/migrate.js")), [], "its script is not part of the first load");
  await page.locator("#migrate > summary").click();
  await page.waitForSelector("#migrate-class", { timeout: 15_000 });
  await settled(page);
  return page;
}

/** The calculator's minimum, maximum and steady demand. */
const calculatorRange = (page) => Promise.all(["#min-acu", "#max-acu", "#demand-acu"].map((id) => page.locator(id).inputValue()));

/** What the section shows of its answer. */
async function shown(page) {
  await settled(page);
  const cost = (key) => page.getByTestId(`migrate-cost-${key}`).textContent();
  return {
    verdict: await page.getByTestId("migrate-verdict").textContent(),
    range: await page.getByTestId("migrate-range").textContent(),
    typical: await page.getByTestId("migrate-typical").textContent(),
    peak: await page.getByTestId("migrate-peak").textContent(),
    serverless: await cost("serverless"),
    onDemand: await cost("on-demand"),
    commitment: await cost("commitment"),
    saving: await cost("saving"),
  };
}

/** What the package's answer should look like on the page. */
function expected(m) {
  const acu = (v) => `${v} ACU`;
  return {
    verdict: sentence(m.verdict),
    range: `${m.proposed.minAcu}–${m.proposed.maxAcu} ACU`,
    typical: acu(m.sizing.typicalAcu),
    peak: acu(m.sizing.peakAcu),
    serverless: formatCents(m.serverless.monthlyMicroUsd),
    onDemand: m.onDemand ? formatCents(m.onDemand.monthlyMicroUsd) : "unknown",
    commitment: m.bestCommitment ? formatCents(m.bestCommitment.monthlyMicroUsd) : "unknown",
    saving: m.savingMicroUsd == null ? "unknown" : signed(m.savingMicroUsd),
  };
}

/** The section's text has no NaN, undefined or empty money. */
async function assertReadable(page) {
  const body = await page.locator("#migrate").innerText();
  assert.doesNotMatch(body, /NaN|undefined|null|\$0\.00|Infinity/, body);
}

/** No horizontal scroll at this width. */
async function assertNoSideScroll(page, label) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  assert.ok(widths.scroll <= widths.view, `${label}: the page scrolls sideways (${widths.scroll} > ${widths.view})`);
}

for (const [label, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`${label}: AWS's worked example, as the package and the CLI size it, applied to the calculator`, async () => {
    // Storage 0, as in AWS's example: the calculator's storage is the section's.
    const page = await openSection(viewport, { storageGb: 0 });
    assert.equal(await page.getByTestId("migrate-prompt").isVisible(), true, "an empty section asks for the figures, without errors");
    assert.equal(await page.locator("#migrate [aria-invalid]").count(), 0);
    await page.locator("#migrate-class").selectOption("db.r6g.xlarge");
    await page.locator("#migrate-p95").fill("35");
    await page.locator("#migrate-max").fill("72");

    const m = migrate({ class: "db.r6g.xlarge", cpu: { p95: 35, max: 72 } });
    const figures = await shown(page);
    assert.deepEqual(figures, expected(m));
    assert.equal(figures.range, "3.5–16 ACU");
    assert.equal(figures.serverless, "$525.60");
    assert.equal(figures.onDemand, "$378.87");
    assert.equal(figures.saving, "−$146.73");
    assert.match(figures.verdict, /^Stay on db\.r6g\.xlarge/);
    // The CLI agrees to the micro-dollar.
    const cli = JSON.parse(execFileSync(cliBin, ["migrate", "--class", "db.r6g.xlarge", "--cpu-p95", "35", "--cpu-max", "72", "--format", "json"], { encoding: "utf8" }));
    assert.deepEqual(cli.proposed, m.proposed);
    assert.equal(cli.serverless.monthlyMicroUsd, m.serverless.monthlyMicroUsd);
    assert.equal(cli.onDemand.monthlyMicroUsd, m.onDemand.monthlyMicroUsd);
    // How it was worked out: AWS's rules, one per line.
    await page.locator("#migrate-how > summary").click();
    const rules = await page.getByTestId("migrate-rules").locator("li").allTextContents();
    assert.equal(rules.length, m.sizing.rules.length);
    assert.match(rules[0], /^typical: \(0\.95 × 35 % \+ 0\.05 × 72 %\)/);
    await assertReadable(page);
    await assertNoSideScroll(page, label);
    await shot(page, page.locator("#migrate"), `calculator-${label}-migrate.png`);
    if (label === "desktop") {
      // The section beside the calculator's result, as the README shows it (a taller window: inputs to button).
      await page.setViewportSize({ width: DESKTOP.width, height: 1180 });
      await page.locator("#migrate-source").evaluate((node) => window.scrollTo(0, node.getBoundingClientRect().top + window.scrollY - 16));
      await shot(page, page, "calculator-desktop-migrate-page.png");
      await page.setViewportSize(DESKTOP);
    }

    // Applied: the scaling range and a steady typical load; the calculator prices what the section priced.
    const rangeBefore = await calculatorRange(page);
    assert.notDeepEqual(rangeBefore, ["3.5", "16", "6"]);
    await page.getByTestId("migrate-apply").click();
    await settled(page);
    assert.equal(await page.locator("#min-acu").inputValue(), "3.5");
    assert.equal(await page.locator("#max-acu").inputValue(), "16");
    assert.equal(await page.locator("#kind-steady").isChecked(), true);
    assert.equal(await page.locator("#demand-acu").inputValue(), "6");
    assert.equal(await text(page, "total-monthly"), "$525.60");
    assert.equal(await page.locator("#class-0-name").inputValue(), "db.r6g.xlarge");
    const link = await hashScenario(page);
    // The link leaves out what equals the default (a maximum of 16 ACU).
    assert.deepEqual({ maxAcu: 16, ...link.scaling }, { minAcu: 3.5, maxAcu: 16 });
    assert.deepEqual(link.workload, { steady: { acu: 6 } });
    const remembered = await page.evaluate(() => JSON.parse(localStorage.getItem("acumen.lastScenario") ?? "null")?.scenario);
    assert.deepEqual(remembered?.scaling, link.scaling, "this browser remembers it, as any edit");
    assert.match(await page.getByTestId("migrate-applied").textContent(), /now uses 3\.5–16 ACU with a steady 6 ACU, compared with db\.r6g\.xlarge/);
    if (label === "desktop") await shot(page, page, "calculator-desktop-migrate-applied.png");
    // Undo puts the calculator back (offered until the calculator is edited).
    await page.getByTestId("migrate-undo").click();
    await settled(page);
    assert.deepEqual(await calculatorRange(page), rangeBefore);
    assert.equal(await page.locator("#class-0-name").count(), 0);
    await page.close();
  });

  test(`${label}: a CPUUtilization export becomes a series; its demand becomes the calculator's trace`, async () => {
    const page = await openSection(viewport);
    await page.getByTestId("migrate-file").setInputFiles(join(fixtures, "cpu-business-hours.json"));
    const grid = readCloudWatch(readFileSync(join(fixtures, "cpu-business-hours.json"), "utf8"));
    // The calculator's default storage (100 GB) is the section's too.
    const m = migrate({ class: "db.r6g.xlarge", storageGb: 100, cpuTrace: { intervalSeconds: grid.intervalSeconds, percent: grid.series[0].values } });
    const figures = await shown(page);
    assert.deepEqual(figures, expected(m));
    assert.equal(figures.range, "0.5–8 ACU");
    assert.match(await page.getByTestId("migrate-file-status").textContent(), /^Read cpu-business-hours\.json: .*168 samples, one every 1 h/);
    await page.locator("#migrate-how > summary").click();
    assert.match(await page.locator("#migrate-how").innerText(), /The series covers 168 h: 50 h near its peak/);
    await assertReadable(page);
    await assertNoSideScroll(page, label);
    await shot(page, page.locator("#migrate"), `calculator-${label}-migrate-file.png`);
    await page.emulateMedia({ colorScheme: "dark" });
    await shot(page, page.locator("#migrate"), `calculator-${label}-migrate-file-dark.png`);
    await page.emulateMedia({ colorScheme: "light" });

    await page.getByTestId("migrate-apply").click();
    await settled(page);
    assert.equal(await page.locator("#kind-trace").isChecked(), true);
    assert.equal(await page.locator("#min-acu").inputValue(), "0.5");
    assert.equal(await page.locator("#max-acu").inputValue(), "8");
    assert.equal(await page.locator("#trace-interval").inputValue(), "3600");
    const scale = (m.class.vcpu * m.class.acuPerVcpu) / 100;
    const link = await hashScenario(page);
    assert.deepEqual(link.workload.trace.acu, grid.series[0].values.map((p) => p * scale));
    // The same scenario as the section's estimate: the same total.
    assert.equal(await text(page, "total-monthly"), formatCents(m.serverless.monthlyMicroUsd));
    // An edit of the calculator's own: undo would lose it, so it is no longer offered; the section
    // follows the calculator's storage.
    assert.equal(await page.getByTestId("migrate-undo").isVisible(), true);
    await page.locator("#storage-gb").fill("0");
    await settled(page);
    assert.equal(await page.getByTestId("migrate-undo").count(), 0);
    assert.match(await page.getByTestId("migrate-applied").textContent(), /^The calculator now uses 0\.5–8 ACU/);
    const m0 = migrate({ class: "db.r6g.xlarge", storageGb: 0, cpuTrace: { intervalSeconds: grid.intervalSeconds, percent: grid.series[0].values } });
    assert.equal(await page.getByTestId("migrate-cost-serverless").textContent(), formatCents(m0.serverless.monthlyMicroUsd));
    assert.equal(await text(page, "total-monthly"), formatCents(m0.serverless.monthlyMicroUsd));
    await page.close();
  });
}

test("errors are shown at the inputs they name, and never blank the answer", async () => {
  const page = await openSection(DESKTOP, { storageGb: 0 });
  await page.locator("#migrate-p95").fill("35");
  await page.locator("#migrate-max").fill("72");
  await settled(page);
  const good = await shown(page);

  // p95 above 100: the core's message, beside the p95; the last answer stays, marked out of date.
  await page.locator("#migrate-p95").fill("120");
  await settled(page);
  assert.equal(await page.locator("#migrate-p95").getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#migrate-p95").getAttribute("aria-describedby"), /migrate-p95-error/);
  const message = await page.getByTestId("error-migrate-p95").textContent();
  assert.match(message, /^CPU p95: .*100/);
  assert.equal(await page.getByTestId("migrate-answer").getAttribute("data-stale"), "true");
  assert.equal(await page.getByTestId("migrate-apply").isDisabled(), true);
  assert.deepEqual(await shown(page), good);
  await shot(page, page.locator("#migrate-summary-fields"), "calculator-desktop-migrate-error.png");

  // An emptied maximum: asked for at its field.
  await page.locator("#migrate-p95").fill("35");
  await page.locator("#migrate-max").fill("");
  await settled(page);
  assert.equal(await page.getByTestId("error-migrate-max").textContent(), "CPU max: enter a value.");
  assert.equal(await page.locator("#migrate-p95").getAttribute("aria-invalid"), null);
  await page.locator("#migrate-max").fill("72");
  await settled(page);
  assert.equal(await page.getByTestId("error-migrate-max").isHidden(), true);
  assert.equal(await page.getByTestId("migrate-answer").getAttribute("data-stale"), "false");

  // A class the sizing rules do not know, typed as another class.
  await page.locator("#migrate-class").selectOption("other");
  await page.locator("#migrate-class-other").fill("db.q1.large");
  await settled(page);
  assert.equal(await page.locator("#migrate-class-other").getAttribute("aria-invalid"), "true");
  assert.ok((await page.getByTestId("error-migrate-class-other").textContent()).length > 10);
  // One it knows but the catalog does not price: on demand is unknown, never $0.
  await page.locator("#migrate-class-other").fill("db.r6i.large");
  await settled(page);
  const r6i = await shown(page);
  assert.equal(r6i.onDemand, "unknown");
  assert.equal(r6i.saving, "unknown");
  assert.equal(r6i.serverless, expected(migrate({ class: "db.r6i.large", cpu: { p95: 35, max: 72 } })).serverless);
  await assertReadable(page);

  // A file it cannot read: the line and column, at the file input; nothing else changes.
  await page.getByTestId("migrate-file").setInputFiles(join(fixtures, "cpu-broken.csv"));
  await settled(page);
  assert.match(await page.getByTestId("error-migrate-file").textContent(), /^cpu-broken\.csv, line \d+, column \d+: .*Nothing was changed\.$/);

  // A region whose catalog lacks a price (eu-central-1: storage): the section still answers and
  // says what its totals leave out, as the calculator's bill does; an override prices it.
  await page.locator('label[for="migrate-source-summary"]').click();
  await page.locator("#group-engine > summary").click();
  await page.locator("#region").selectOption("eu-central-1");
  await page.locator("#storage-gb").fill("100");
  await settled(page);
  assert.equal(await page.getByTestId("migrate-error").isHidden(), true);
  assert.match(await page.getByTestId("migrate-notes").textContent(), /count only what has a price here/);
  // The missing price is asked for at its input: its group opened by itself.
  assert.equal(await page.locator("#group-overrides").evaluate((details) => details.open), true);
  await page.locator("#price-storageStandard").fill("0.11");
  await settled(page);
  assert.doesNotMatch((await page.getByTestId("migrate-notes").textContent()) ?? "", /count only what has a price here/);
  // A calculator input the section shares that is wrong: said at the section, with a way to it.
  await page.locator("#storage-gb").fill("-5");
  await settled(page);
  assert.equal(await page.getByTestId("migrate-error").isVisible(), true);
  await page.getByTestId("migrate-goto").click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "storage-gb");
  await page.locator("#storage-gb").fill("100");
  await settled(page);
  assert.equal(await page.getByTestId("migrate-error").isHidden(), true);
  assert.equal(await page.getByTestId("migrate-answer").getAttribute("data-stale"), "false");
  assert.match(await page.getByTestId("migrate-range").textContent(), /ACU$/);
  await assertReadable(page);
  await page.close();
});

test("a file dropped on the section is read there, not as the calculator's workload", async () => {
  const page = await openSection(DESKTOP);
  const totalBefore = await text(page, "total-monthly");
  const content = readFileSync(join(fixtures, "cpu-flat-25.csv"), "utf8");
  const dataTransfer = await page.evaluateHandle(
    ([name, body]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([body], name, { type: "text/csv" }));
      return transfer;
    },
    ["cpu-flat-25.csv", content],
  );
  await page.dispatchEvent("#migrate-body", "dragenter", { dataTransfer });
  await page.dispatchEvent("#migrate-body", "dragover", { dataTransfer });
  assert.equal(await page.evaluate(() => document.body.dataset.dropTarget), "migrate");
  await page.dispatchEvent("#migrate-body", "drop", { dataTransfer });
  await settled(page);
  assert.equal(await page.evaluate(() => document.body.dataset.dropping), undefined);
  assert.equal(await page.locator("#migrate-source-file").isChecked(), true);
  assert.match(await page.getByTestId("migrate-file-status").textContent(), /^Read cpu-flat-25\.csv/);
  const grid = readCloudWatch(content);
  const m = migrate({ class: "db.r6g.xlarge", storageGb: 100, cpuTrace: { intervalSeconds: grid.intervalSeconds, percent: grid.series[0].values } });
  assert.deepEqual(await shown(page), expected(m));
  // The calculator's workload is untouched.
  assert.equal(await page.locator("#kind-trace").isChecked(), false);
  assert.equal(await text(page, "total-monthly"), totalBefore);
  await page.close();
});

test("no console errors", () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleErrors, []);
});
