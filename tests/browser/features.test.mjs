// The calculator page's newer parts in headless Chromium: the worker that
// computes off the main thread (latest answer wins), the weekly grid edited
// by dragging and from the keyboard, CloudWatch CSV files (chosen or dropped,
// read as the CLI's `acumen replay` reads them), the optimizer's frontier
// chart, the CloudFormation and Terraform export, offline use through the
// service worker, and the Content-Security-Policy. Served from target/site
// (node scripts/build-site.mjs); the CLI is target/debug/acumen.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cloudformation, estimate, optimize, terraform } from "acumen";
import { launchContext } from "../support/chromium.mjs";
import { CONTENT_SECURITY_POLICY } from "../../scripts/serve.mjs";
import { DESKTOP, PHONE, READY, artifacts, currentHash, formatCents, hashScenario, pageUrl, recordingPage, root, settled, siteDir, startSite, stats, text } from "./helpers.mjs";

const fixtures = join(root, "tests", "fixtures", "cloudwatch");
const cliBin = resolve(root, process.env.ACUMEN_BIN ?? "target/debug/acumen");

let server;
let context;
let userDataDir;
let origin;
const requests = [];
const consoleErrors = [];
const pageErrors = [];

before(async () => {
  server = await startSite();
  origin = new URL(server.url).origin;
  userDataDir = mkdtempSync(join(tmpdir(), "acumen-features-"));
  context = await launchContext(userDataDir, { viewport: DESKTOP, colorScheme: "light" });
  context.on("request", (request) => requests.push(request.url()));
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function newPage(viewport = DESKTOP) {
  return recordingPage(context, viewport, consoleErrors, pageErrors);
}

async function open(page, scenario) {
  await page.goto(pageUrl(server.url, scenario));
  await page.waitForSelector(READY, { timeout: 15_000 });
  await settled(page);
}

/** The worker that makes the estimates (the first one started). */
async function estimatorOf(page) {
  await page.waitForSelector('html[data-engine="worker"]', { timeout: 15_000 });
  const worker = page.workers().find((w) => w.url().endsWith("/worker.js"));
  assert.ok(worker, "a worker runs worker.js");
  return worker;
}

const workerCount = (worker, op) => worker.evaluate((name) => performance.getEntriesByName(`acumen:${name}`).length, op);

function cli(args) {
  return execFileSync(cliBin, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function cliEstimate(scenario) {
  const dir = mkdtempSync(join(tmpdir(), "acumen-scenario-"));
  try {
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify(scenario));
    return JSON.parse(cli(["estimate", file, "--format", "json"]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cells' values of the weekly grid, from its hash scenario. */
async function weeklyValues(page) {
  return (await hashScenario(page)).workload.weekly.hourlyAcu;
}

/** Drags the mouse from the middle of one element to the middle of another. */
async function drag(page, from, to) {
  await page.locator(from).scrollIntoViewIfNeeded();
  const a = await page.locator(from).boundingBox();
  const b = await page.locator(to).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

// ------------------------------------------------------------------ worker

test("estimates run in a worker; a burst of edits shows only the last one's answer", async () => {
  const page = await newPage();
  await open(page);
  const worker = await estimatorOf(page);
  // The first result came from the page itself; the worker has the package too.
  assert.equal(await worker.evaluate(() => typeof WorkerGlobalScope), "function");

  const before = { estimates: await workerCount(worker, "estimate"), renders: await page.evaluate(() => performance.getEntriesByName("acumen:render").length) };
  // Twelve edits in one go: the worker computes the first, then only the latest waiting one.
  await page.evaluate(() => {
    const input = /** @type {HTMLInputElement} */ (document.getElementById("demand-acu"));
    for (let acu = 1; acu <= 12; acu++) {
      input.value = String(acu);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  assert.equal(await text(page, "total-monthly"), "$1,061.20"); // 12 × 730 × $0.12 + $10.00
  assert.deepEqual((await hashScenario(page)).workload, { steady: { acu: 12 } });
  const estimates = (await workerCount(worker, "estimate")) - before.estimates;
  const renders = (await page.evaluate(() => performance.getEntriesByName("acumen:render").length)) - before.renders;
  console.log(`a burst of 12 edits: ${estimates} estimates in the worker, ${renders} results rendered`);
  assert.ok(estimates >= 1 && estimates <= 3, `stale requests were skipped (${estimates} estimates)`);
  assert.ok(renders >= 1 && renders <= 2, `stale answers were not shown (${renders} renders)`);

  // An answer overtaken by an input the page rejects itself is dropped: the last good result stays, marked stale.
  await page.evaluate(() => {
    const input = /** @type {HTMLInputElement} */ (document.getElementById("demand-acu"));
    input.value = "2";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForTimeout(200);
  await settled(page);
  assert.equal(await text(page, "total-monthly"), "$1,061.20");
  assert.equal(await page.getByTestId("stale").isVisible(), true);
  assert.match(await page.getByTestId("error-demand-acu").textContent(), /Enter a value/);
  await page.locator("#demand-acu").fill("4");
  assert.equal(await text(page, "total-monthly"), "$360.40");

  // The core's time per estimate, in the worker, against the page's time to show it.
  const inWorker = await worker.evaluate(() => performance.getEntriesByName("acumen:estimate").map((entry) => entry.duration));
  const onPage = await page.evaluate(() => performance.getEntriesByName("acumen:render").map((entry) => entry.duration));
  console.log(`where an edit's time goes: the estimate in the worker ${stats(inWorker)}; rendering on the page ${stats(onPage)}`);
  await page.close();
});

// ------------------------------------------------------------ weekly grid

const flatWeek = (acu) => ({ workload: { weekly: { hourlyAcu: new Array(168).fill(acu) } } });

test("weekly grid: dragging across hours sets them to the paint value", async () => {
  const page = await newPage();
  await open(page, flatWeek(1));
  assert.equal(await page.locator("#kind-weekly").isChecked(), true);
  assert.equal(await text(page, "total-monthly"), "$97.60"); // 1 × 730 × $0.12 + $10.00
  await page.locator("#weekly-brush").fill("8");

  // Monday 09:00 to 16:00, along a row.
  await drag(page, "#weekly-9", "#weekly-16");
  await settled(page);
  const values = await weeklyValues(page);
  assert.deepEqual(values.slice(8, 18), [1, 8, 8, 8, 8, 8, 8, 8, 8, 1]);
  assert.equal(values.filter((v) => v === 8).length, 8);
  assert.equal(await page.getByTestId("weekly-status").textContent(), "8 hours set to 8 ACU, Monday 09:00 to Monday 16:00");
  assert.equal(await page.locator("#weekly-12").getAttribute("data-level"), "8");
  assert.equal(await page.locator("#weekly-0").getAttribute("data-level"), "1");
  const scenario = await hashScenario(page);
  assert.equal(await text(page, "total-monthly"), formatCents(cliEstimate(scenario).totalMicroUsd));
  assert.notEqual(await text(page, "total-monthly"), "$97.60");

  // Down a column, Tuesday to Friday at 09:00: every day crossed is painted.
  await page.locator("#weekly-brush").fill("3");
  await drag(page, "#weekly-33", "#weekly-105");
  const column = await weeklyValues(page);
  assert.deepEqual([33, 57, 81, 105].map((i) => column[i]), [3, 3, 3, 3]);
  assert.equal(column[129], 1, "Saturday untouched");
  // A click paints one hour.
  await page.locator("#weekly-167").click();
  assert.equal((await weeklyValues(page))[167], 3);
  assert.equal(await page.getByTestId("weekly-status").textContent(), "Sunday 23:00: 3 ACU");
  // An unusable paint value paints nothing and says so.
  await page.locator("#weekly-brush").fill("");
  await page.locator("#weekly-166").click();
  assert.equal((await weeklyValues(page))[166], 1);
  assert.match(await page.getByTestId("weekly-status").textContent(), /paint value/);
  assert.equal(await page.locator("#weekly-brush").getAttribute("aria-invalid"), "true");
  await page.close();
});

test("weekly grid: arrow keys move, digits, + and − set the value; the grid is labelled for screen readers", async () => {
  const page = await newPage();
  await open(page, flatWeek(2));
  const grid = page.getByRole("grid", { name: "Demand for each hour of the week" });
  assert.equal(await grid.count(), 1);
  assert.match(await grid.getAttribute("aria-describedby"), /weekly-hint/);
  assert.equal(await page.getByRole("columnheader", { name: "02:00" }).count(), 1);
  assert.equal(await page.getByRole("rowheader", { name: "Tuesday" }).count(), 1);
  assert.equal(await page.getByRole("gridcell", { name: "2 ACU" }).count(), 168);
  // One tab stop: Tab from the paint value lands on the grid's active hour.
  assert.equal(await page.locator('#scenario-form td[tabindex="0"]').count(), 1);
  await page.locator("#weekly-brush").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "weekly-0");

  const active = () => page.evaluate(() => document.activeElement?.id);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  assert.equal(await active(), "weekly-26");
  assert.equal(await page.getByTestId("weekly-readout").textContent(), "Tuesday 02:00: 2 ACU");
  await page.keyboard.type("12.5");
  assert.equal((await weeklyValues(page))[26], 12.5);
  assert.equal(await page.getByTestId("weekly-status").textContent(), "Tuesday 02:00: 12.5 ACU");
  assert.equal(await page.locator("#weekly-26").textContent(), "12.5 ACU");
  await page.keyboard.press("+");
  assert.equal((await weeklyValues(page))[26], 13);
  await page.keyboard.press("-");
  await page.keyboard.press("-");
  assert.equal((await weeklyValues(page))[26], 12);
  await page.keyboard.press("Delete");
  assert.equal((await weeklyValues(page))[26], 0);
  assert.equal(await page.locator("#weekly-26").getAttribute("data-level"), "0");
  // Space applies the paint value (8 by default); Escape undoes what was typed.
  await page.keyboard.press(" ");
  assert.equal((await weeklyValues(page))[26], 8);
  await page.keyboard.type("3");
  await page.keyboard.press("Escape");
  assert.equal((await weeklyValues(page))[26], 8);
  // Home, End and PageDown move within the row and the column.
  await page.keyboard.press("End");
  assert.equal(await active(), "weekly-47");
  await page.keyboard.press("Home");
  assert.equal(await active(), "weekly-24");
  await page.keyboard.press("PageDown");
  assert.equal(await active(), "weekly-144");
  assert.equal(await page.locator('#scenario-form td[tabindex="0"]').count(), 1, "the tab stop follows the active hour");
  // Each change reached the estimate: the page agrees with the CLI.
  const scenario = await hashScenario(page);
  assert.equal(scenario.workload.weekly.hourlyAcu.filter((v) => v !== 2).length, 1);
  assert.equal(await text(page, "total-monthly"), formatCents(cliEstimate(scenario).totalMicroUsd));
  await page.close();
});

// ------------------------------------------------------------ CloudWatch CSV

/** The page's reading of a file: grid step and per-series facts, from its status list. */
async function importSummary(page) {
  const interval = Number(await page.getByTestId("csv-status").getAttribute("data-interval"));
  const series = await page.locator("#csv-status li[data-name]").evaluateAll((items) =>
    items.map((li) => ({
      name: li.dataset.name,
      samples: Number(li.dataset.samples),
      duplicates: Number(li.dataset.duplicates),
      firstSample: li.dataset.first,
      lastSample: li.dataset.last,
      gaps: Number(li.dataset.gaps),
      gapSeconds: Number(li.dataset.gapSeconds),
      heldSeconds: Number(li.dataset.heldSeconds),
      unrecordedSeconds: Number(li.dataset.unrecordedSeconds),
      irregularSpacings: Number(li.dataset.irregular),
    })),
  );
  return { interval, series };
}

test("a CloudWatch CSV file becomes the trace workload, read as the CLI reads it", async () => {
  const page = await newPage();
  await open(page, { storageGb: 250, scaling: { maxAcu: 32 } });
  await page.locator('label[for="kind-trace"]').click();
  await settled(page);

  // The console's export of a writer and a reader.
  await page.getByTestId("csv-file").setInputFiles(join(fixtures, "console-two-instances.csv"));
  await settled(page);
  assert.equal(await page.getByTestId("csv-error").isHidden(), true);
  assert.equal(await page.locator("#kind-trace").isChecked(), true);
  const scenario = await hashScenario(page);
  assert.deepEqual(scenario.workload, { trace: { acu: [2, 2, 4, 4, 8, 8, 8, 4, 2, 2, 2, 2], intervalSeconds: 300 } });
  assert.deepEqual(scenario.readers, [{ promotionTier: 2, workload: { trace: { intervalSeconds: 300, acu: [1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1] } } }]);
  assert.equal(scenario.storageGb, 250, "the other inputs are kept");
  assert.equal(scenario.scaling.maxAcu, 32);
  assert.equal(await page.locator("#trace-interval").inputValue(), "300");
  assert.match(await page.locator("#reader-list").textContent(), /own trace of 12 samples/);
  assert.match(await text(page, "csv-status"), /2 series, a sample every 5 min from 2026-09-01T00:00:00Z to 2026-09-01T01:00:00Z/);
  assert.match(await text(page, "csv-status"), /the writer follows app-writer; reader 1 \(tier 2\) follows app-reader/);
  assert.equal(await text(page, "total-monthly"), formatCents(cliEstimate(scenario).totalMicroUsd));
  assert.equal(await page.locator("#usage-rows tr").count(), 2);
  await page.getByTestId("mini-total").evaluate((bar) => bar.setAttribute("hidden", ""));
  await page.locator('.kind-panel[data-kind="trace"]').screenshot({ path: join(artifacts, "calculator-desktop-csv-import.png") });

  // Every fixture is read as `acumen replay` reads it: the same grid, series, samples, gaps and holds.
  for (const file of readdirSync(fixtures).filter((name) => /\.(csv|json)$/.test(name)).sort()) {
    let expected;
    try {
      const replay = JSON.parse(cli(["replay", join(fixtures, file), "--format", "json"]));
      expected = {
        interval: replay.intervalSeconds,
        series: replay.instances.map(({ name, samples, duplicates, firstSample, lastSample, gaps, gapSeconds, heldSeconds, unrecordedSeconds, irregularSpacings }) => ({
          name, samples, duplicates, firstSample, lastSample, gaps, gapSeconds, heldSeconds, unrecordedSeconds, irregularSpacings,
        })),
      };
    } catch (error) {
      // With --format json the CLI reports its error as JSON too: "<path>:<line>: column <n>: <message>".
      const message = JSON.parse(String(error.stderr)).error.message;
      expected = { error: /:(\d+): column (\d+): (.*)$/.exec(message) };
      assert.ok(expected.error, message);
    }
    await page.getByTestId("csv-file").setInputFiles(join(fixtures, file));
    await settled(page);
    if (expected.error) {
      const [, line, column, message] = expected.error;
      assert.equal(await page.getByTestId("csv-error").textContent(), `${file}, line ${line}, column ${column}: ${message}. Nothing was changed.`, file);
    } else {
      assert.equal(await page.getByTestId("csv-error").isHidden(), true, file);
      assert.deepEqual(await importSummary(page), expected, file);
    }
    console.log(`${file}: ${expected.error ? `refused at line ${expected.error[1]}, as by the CLI` : `${expected.series.length} series every ${expected.interval} s, as read by the CLI`}`);
  }
  await page.close();
});

test("a CSV file dropped anywhere on the page is imported; a bad one is explained and changes nothing", async () => {
  const page = await newPage();
  await open(page, { storageGb: 250, scaling: { maxAcu: 32 }, workload: { businessHours: { peakAcu: 6, offPeakAcu: 1, hoursPerDay: 9, startHour: 8, daysPerWeek: 5 } } });
  const drop = async (selector, file) => {
    const content = readFileSync(join(fixtures, file), "utf8");
    const dataTransfer = await page.evaluateHandle(
      ([name, body]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([body], name, { type: "text/csv" }));
        return transfer;
      },
      [file, content],
    );
    await page.dispatchEvent(selector, "dragenter", { dataTransfer });
    assert.equal(await page.evaluate(() => document.body.dataset.dropping), "true", "the page shows where to drop");
    await page.dispatchEvent(selector, "drop", { dataTransfer });
    await settled(page);
  };

  // A bad file first: the message names the line; nothing else changes.
  const before = { hash: await currentHash(page), total: await text(page, "total-monthly") };
  await drop(".results", "bad-line.csv");
  const error = page.getByTestId("csv-error");
  assert.equal(await error.isVisible(), true, "the message shows beside the workload, whatever its kind");
  assert.equal(await error.getAttribute("role"), "alert");
  assert.equal(await error.textContent(), 'bad-line.csv, line 4, column 2: not a number: "abc". Nothing was changed.');
  assert.equal(await currentHash(page), before.hash);
  assert.equal(await text(page, "total-monthly"), before.total);
  assert.equal(await page.locator("#kind-business").isChecked(), true);
  assert.equal(await page.locator("#bh-peak").inputValue(), "6");
  assert.equal(await page.locator("#storage-gb").inputValue(), "250");
  assert.equal(await page.locator("#max-acu").inputValue(), "32");
  assert.equal(await page.evaluate(() => document.body.dataset.dropping), undefined);
  await page.getByTestId("mini-total").evaluate((bar) => bar.setAttribute("hidden", ""));
  await page.locator(".csv-import").screenshot({ path: join(artifacts, "calculator-desktop-csv-error.png") });

  // get-metric-data output with Id and Label columns, newest first, dropped on the results.
  await drop(".results", "get-metric-data-labelled.csv");
  assert.equal(await error.isHidden(), true);
  const scenario = await hashScenario(page);
  assert.deepEqual(scenario.workload.trace, { acu: [4, 4, 4, 2, 2, 2], intervalSeconds: 600 });
  assert.equal(scenario.readers.length, 1);
  assert.equal(scenario.storageGb, 250);
  assert.equal(await text(page, "total-monthly"), formatCents(cliEstimate(scenario).totalMicroUsd));
  // The AWS CLI's get-metric-data JSON of the console export's data: the same traces.
  await drop(".results", "get-metric-data-two-instances.json");
  assert.equal(await error.isHidden(), true);
  const fromJson = await hashScenario(page);
  assert.deepEqual(fromJson.workload, { trace: { acu: [2, 2, 4, 4, 8, 8, 8, 4, 2, 2, 2, 2], intervalSeconds: 300 } });
  assert.deepEqual(fromJson.readers, [{ promotionTier: 2, workload: { trace: { intervalSeconds: 300, acu: [1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1] } } }]);
  assert.equal(await text(page, "total-monthly"), formatCents(cliEstimate(fromJson).totalMicroUsd));
  // A JSON value the reader refuses is named by its path.
  await drop(".results", "bad-value.json");
  assert.equal(
    await error.textContent(),
    "bad-value.json, line 59, column 17: at MetricDataResults[1].Values[5]: expected a number, found null. Nothing was changed.",
  );
  assert.deepEqual(await hashScenario(page), fromJson);
  await drop(".results", "get-metric-data-labelled.csv");
  // A file that is not CSV at all.
  await page.getByTestId("csv-file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("just some words\n") });
  await settled(page);
  assert.match(await error.textContent(), /^notes\.txt, line 1: expected a header with a timestamp column/);
  assert.deepEqual(await hashScenario(page), scenario);
  await page.close();
});

// ------------------------------------------------------------ optimizer

test("the optimizer's frontier chart plots the package's ranges and applies the chosen one", async () => {
  // Held at a minimum of 2 ACU while off-peak needs 1: a lower minimum saves money (the optimizer keeps a range that ties).
  const scenario = { scaling: { minAcu: 2, maxAcu: 16 }, workload: { businessHours: { peakAcu: 8, offPeakAcu: 1, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 } } };
  for (const [label, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    const page = await newPage(viewport);
    await open(page, scenario);
    await page.locator("#optimizer > summary").click();
    await settled(page);
    const expected = optimize(scenario, { maxUnmetShare: 0.001 });
    const chart = page.locator("#frontier-chart svg");
    assert.equal(await chart.getAttribute("role"), "img");
    assert.equal(await chart.getAttribute("aria-labelledby"), "frontier-caption");
    assert.equal(await chart.locator("circle.frontier-point").count(), expected.frontier.length);
    assert.equal((await chart.locator('[data-series="frontier"]').getAttribute("points")).split(" ").length, expected.frontier.length);
    assert.equal(await chart.locator('[data-series="current"]').count(), 1);
    assert.equal(await chart.locator('[data-series="best"]').count(), expected.best ? 1 : 0);
    // The table lists the frontier, and the chosen and current ranges where they are not on it (a tie keeps one range).
    const range = (c) => `${c.minAcu}–${c.maxAcu} ACU`;
    const listed = new Set([...expected.frontier, expected.best, expected.current].map(range));
    assert.deepEqual(new Set(await page.locator("#frontier-rows tr").evaluateAll((rows) => rows.map((row) => row.dataset.range))), listed);
    const best = range(expected.best);
    assert.match(await page.locator(`#frontier-rows tr[data-range="${range(expected.current)}"]`).textContent(), /current/);
    assert.equal(await page.locator("#frontier-rows tr.cheapest").getAttribute("data-range"), best);
    assert.match(await text(page, "optimizer-status"), new RegExp(`^Cheapest range leaving at most 0\\.1 % of demand unserved: ${best}, ${formatCents(expected.best.computeMicroUsd).replace("$", "\\$")} a month of compute`));
    assert.match(await text(page, "frontier-caption"), new RegExp(`^${expected.evaluated} ranges simulated; the ${expected.frontier.length} on the line`));
    await page.getByTestId("mini-total").evaluate((bar) => bar.setAttribute("hidden", ""));
    await page.locator("#optimizer").screenshot({ path: join(artifacts, `calculator-${label}-optimizer.png`) });

    if (label === "desktop") {
      // A looser limit finds a cheaper range, as the package does.
      await page.getByTestId("optimizer-limit").fill("5");
      await settled(page);
      const looser = optimize(scenario, { maxUnmetShare: 0.05 });
      assert.equal(await page.locator("#frontier-rows tr.cheapest").getAttribute("data-range"), `${looser.best.minAcu}–${looser.best.maxAcu} ACU`);
      assert.ok(looser.best.computeMicroUsd <= expected.best.computeMicroUsd);
      // A limit that is not a percentage is refused beside it; the last answer stays.
      await page.getByTestId("optimizer-limit").fill("200");
      assert.equal(await page.locator("#opt-unmet").getAttribute("aria-invalid"), "true");
      assert.equal(await page.locator("#opt-unmet-error").textContent(), "Enter a percentage from 0 to 100.");
      await page.getByTestId("optimizer-limit").fill("0.1");
      await settled(page);
      // "Use" sets the scaling range; the estimate and the optimizer follow.
      const apply = page.getByTestId("optimizer-apply");
      assert.equal(await apply.textContent(), `Use ${best}`);
      await apply.click();
      await settled(page);
      assert.equal(await page.locator("#min-acu").inputValue(), String(expected.best.minAcu));
      assert.equal(await page.locator("#max-acu").inputValue(), String(expected.best.maxAcu));
      assert.equal(await page.evaluate(() => document.activeElement?.id), "opt-status");
      assert.match(await text(page, "optimizer-status"), new RegExp(`^Keep the current range, ${best}: no range leaving at most 0\\.1 % of demand unserved costs less`));
      assert.equal(await apply.isHidden(), true);
      const applied = await hashScenario(page);
      assert.deepEqual(applied.scaling, { minAcu: expected.best.minAcu, maxAcu: expected.best.maxAcu });
      assert.equal(await text(page, "total-monthly"), formatCents(estimate(applied).totalMicroUsd));
      // The optimizer ran in the second worker, not in the one that estimates.
      const workers = page.workers().filter((w) => w.url().endsWith("/worker.js"));
      assert.equal(workers.length, 2);
      const runs = await Promise.all(workers.map((w) => workerCount(w, "optimize")));
      assert.equal(runs[0], 0, "the estimating worker never optimized");
      assert.ok(runs[1] >= 3, `the second worker optimized (${runs[1]} runs)`);
      const times = await workers[1].evaluate(() => performance.getEntriesByName("acumen:optimize").map((entry) => entry.duration));
      console.log(`optimizer in the second worker: ${stats(times)} (${expected.evaluated} ranges)`);
    }
    await page.close();
  }
});

test("the export holds CloudFormation and Terraform from the package, filled only when opened", async () => {
  const scenario = { scaling: { minAcu: 0, maxAcu: 8 }, readers: [{ promotionTier: 1 }] };
  const page = await newPage();
  await open(page, scenario);
  assert.equal(await page.getByTestId("export-cfn").inputValue(), "", "nothing is made while the export is closed");
  await page.locator("#export > summary").click();
  await settled(page);
  assert.equal(await page.getByTestId("export-cfn").inputValue(), cloudformation(scenario));
  assert.equal(await page.getByTestId("export-tf").inputValue(), terraform(scenario));
  // An edit while it is open refreshes it.
  await page.locator("#max-acu").fill("16");
  await settled(page);
  assert.equal(await page.getByTestId("export-tf").inputValue(), terraform({ ...scenario, scaling: { minAcu: 0, maxAcu: 16 } }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download template" }).click()]);
  assert.equal(download.suggestedFilename(), "acumen-cluster.yaml");
  assert.equal(readFileSync(await download.path(), "utf8"), `${cloudformation({ ...scenario, scaling: { minAcu: 0, maxAcu: 16 } })}\n`);
  await page.close();
});

// ------------------------------------------------------------ offline

test("once loaded, the page works offline: a reload is served by the service worker", async () => {
  // A fresh browser profile: the service worker is installed by this visit.
  const dir = mkdtempSync(join(tmpdir(), "acumen-offline-"));
  const offline = await launchContext(dir, { viewport: DESKTOP });
  const seen = [];
  offline.on("request", (request) => seen.push(request.url()));
  try {
    const page = await offline.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(server.url);
    await page.waitForSelector(READY, { timeout: 15_000 });
    const cache = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      }
      const names = await caches.keys();
      const keys = await (await caches.open(names[0])).keys();
      return { scope: registration.scope, names, files: keys.map((request) => new URL(request.url).pathname).sort() };
    });
    const version = /const VERSION = "([0-9a-f]{16})";/.exec(readFileSync(join(siteDir, "sw.js"), "utf8"))?.[1];
    assert.ok(version, "build-site.mjs wrote the cache version into sw.js");
    assert.deepEqual(cache.names, [`acumen-${version}`]);
    assert.equal(cache.scope, server.url);
    assert.deepEqual(cache.files, ["/", "/app.js", "/boot.js", "/engine.js", "/migrate.js", "/pkg/acumen.js", "/pkg/acumen_bg.wasm", "/pkg/first/acumen.js", "/pkg/first/acumen_bg.wasm", "/style.css", "/weekly.js", "/worker.js"]);

    await offline.setOffline(true);
    await page.reload();
    await page.waitForSelector(READY, { timeout: 15_000 });
    await settled(page);
    assert.equal(await page.getByTestId("total-monthly").textContent(), "$360.40");
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    // Edits still compute, in the worker, from cached files.
    await page.waitForSelector('html[data-engine="worker"]', { timeout: 15_000 });
    await page.locator("#demand-acu").fill("8");
    assert.equal(await text(page, "total-monthly"), "$710.80");
    // The section loaded on demand ("From a provisioned instance") comes from the cache too.
    await page.locator("#migrate > summary").click();
    await page.locator("#migrate-p95").fill("35");
    await page.locator("#migrate-max").fill("72");
    await settled(page);
    assert.equal(await page.getByTestId("migrate-range").textContent(), "3.5–16 ACU");
    // A link opened offline works too.
    await page.goto(pageUrl(server.url, { storageGb: 0 }));
    await page.waitForSelector(READY, { timeout: 15_000 });
    assert.equal(await text(page, "total-monthly"), "$350.40");
    await page.screenshot({ path: join(artifacts, "calculator-desktop-offline.png") });
    assert.deepEqual(errors, []);
    assert.deepEqual(seen.filter((url) => new URL(url).origin !== origin), []);
  } finally {
    await offline.setOffline(false).catch(() => {});
    await offline.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// ------------------------------------------------------------ policy

test("the Content-Security-Policy is strict, and the same in the page and the server's header", async () => {
  const html = readFileSync(join(siteDir, "index.html"), "utf8");
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.equal(meta, CONTENT_SECURITY_POLICY);
  // The one inline script (it marks a page opened from a link) is allowed by its hash alone.
  const inline = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1);
  const sha = createHash("sha256").update(inline[0]).digest("base64");
  for (const directive of ["default-src 'self'", `script-src 'self' 'sha256-${sha}' 'wasm-unsafe-eval'`, "worker-src 'self'", "connect-src 'self'", "object-src 'none'"]) {
    assert.ok(meta.split("; ").includes(directive), directive);
  }
  assert.ok(!/'unsafe-inline'|'unsafe-eval'|\*/.test(meta), "no inline script or style, no eval, no wildcard");
  for (const file of ["", "worker.js", "sw.js"]) {
    const response = await fetch(new URL(file, server.url));
    assert.equal(response.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY, file || "index.html");
  }
});

test("screenshots of the weekly grid at desktop and phone widths, light and dark", async () => {
  const week = Array.from({ length: 168 }, (_, i) => (i % 24 >= 8 && i % 24 < 18 && i < 120 ? 8 : i % 24 < 6 ? 0.5 : 2));
  for (const [label, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    const page = await newPage(viewport);
    await open(page, { workload: { weekly: { hourlyAcu: week } } });
    await page.locator("#weekly-33").focus();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${label}: no sideways scrolling with the weekly grid (${overflow}px)`);
    const box = await page.getByTestId("weekly-grid").boundingBox();
    assert.ok(box.width <= viewport.width, `${label}: the grid fits (${box.width}px)`);
    await page.getByTestId("mini-total").evaluate((bar) => bar.setAttribute("hidden", ""));
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      await page.locator('.field[data-path="workload.weekly.hourlyAcu"]').screenshot({ path: join(artifacts, `calculator-${label}${colorScheme === "dark" ? "-dark" : ""}-weekly.png`) });
    }
    await page.close();
  }
});

test("no console errors, no page errors, no requests beyond the test server", () => {
  assert.ok(requests.length > 0, "requests were recorded");
  assert.deepEqual(requests.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

// ------------------------------------------------------------ local memory

test("the last scenario is remembered in the browser and restored only on request", async () => {
  const page = await newPage();
  await open(page);
  await page.locator("#demand-acu").fill("7");
  assert.equal(await text(page, "total-monthly"), "$623.20"); // 7 × 730 × $0.12 + $10.00
  await page.waitForFunction(() => !document.body.dataset.urlPending);
  await page.close();

  // A visit without a scenario in the link opens on the defaults and offers the remembered one.
  const again = await newPage();
  await open(again);
  assert.equal(await text(again, "total-monthly"), "$360.40");
  assert.equal(await again.getByTestId("restore").isVisible(), true);
  await again.getByTestId("restore-button").click();
  await settled(again);
  assert.equal(await again.locator("#demand-acu").inputValue(), "7");
  assert.equal(await text(again, "total-monthly"), "$623.20");
  assert.equal(await again.getByTestId("restore").isVisible(), false);

  // A link with a scenario is never overridden, and makes no offer.
  await open(again, { workload: { steady: { acu: 2 } } });
  assert.equal(await text(again, "total-monthly"), "$185.20"); // 2 × 730 × $0.12 + $10.00
  assert.equal(await again.getByTestId("restore").isVisible(), false);
  await again.close();
});
