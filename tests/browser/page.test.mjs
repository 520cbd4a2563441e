// The calculator page in headless Chromium, served by scripts/serve.mjs from
// target/site (build it first: node scripts/build-site.mjs), checked against
// the CLI and the golden vectors. Accessibility (axe) is in a11y.test.mjs;
// the weekly grid, CloudWatch files, the optimizer, the worker and offline
// use are in features.test.mjs.
//
// The page computes in a Web Worker, so a result follows an edit a moment
// later: `settled(page)` waits for it (the helpers that read results do).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CHROMIUM, launchContext } from "../support/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { DESKTOP, PHONE, READY, currentHash, readLink, recordingPage, settled } from "./helpers.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const siteDir = join(root, "target", "site");
const goldenDir = join(root, "tests", "golden");
const artifacts = join(root, "tests", "artifacts");
const cliBin = resolve(root, process.env.ACUMEN_BIN ?? "target/debug/acumen");


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
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM)`);
  mkdirSync(artifacts, { recursive: true });

  server = await startServer({ dir: siteDir });
  origin = new URL(server.url).origin;

  userDataDir = mkdtempSync(join(tmpdir(), "acumen-chromium-"));
  context = await launchContext(userDataDir, {
    viewport: DESKTOP,
    colorScheme: "light",
  });
  context.on("request", (request) => requests.push(request.url()));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** A new page that records its console errors and uncaught errors. */
async function newPage(viewport = DESKTOP) {
  return recordingPage(context, viewport, consoleErrors, pageErrors);
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

/** Micro-dollars as the page shows them: "$1,234.57". */
function formatCents(micro) {
  const cents = microToCents(micro);
  return `$${Math.floor(cents / 100).toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}`;
}

async function text(page, testId) {
  await settled(page);
  return page.getByTestId(testId).textContent();
}

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

/** The page's report, as the export shows it (the export box fills while open). */
async function shownReport(page) {
  await settled(page);
  await page.locator("#export").evaluate((details) => {
    details.open = true;
  });
  await settled(page);
  const report = JSON.parse(await page.getByTestId("export-report").inputValue());
  return report;
}

/** Cost of the line for `item`, as shown. */
async function lineCost(page, item) {
  await settled(page);
  return page.locator(`#line-rows tr[data-item="${item}"] td.cost`).first().textContent();
}

async function openGroup(page, id) {
  await page.locator(`#${id}`).evaluate((details) => {
    details.open = true;
  });
}

/** The comparison table's rows as shown: kind, option, monthly and yearly text. */
async function comparisonRows(page) {
  await settled(page);
  return page.locator("#comparison-rows tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      kind: tr.dataset.kind,
      option: tr.dataset.option,
      monthly: tr.querySelector('td[data-label="Monthly"]').textContent,
      yearly: tr.querySelector('td[data-label="Yearly"]').textContent,
    })),
  );
}

/** The scenario in the page's URL hash (read in the page: `page.url()` can lag a replaceState). */
async function hashScenario(page) {
  return readLink(await currentHash(page)).scenario;
}

test("the default estimate appears without any input", async () => {
  const page = await newPage();
  const ms = await open(page);
  console.log(`first result painted ${ms.toFixed(0)} ms after navigation (desktop, cold)`);
  const inPage = await page.evaluate(() => performance.getEntriesByName("acumen:ready")[0]?.startTime);
  if (inPage !== undefined) console.log(`in-page: ready ${inPage.toFixed(0)} ms after navigation start`);
  const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime);
  if (fcp !== undefined) console.log(`first contentful paint ${fcp.toFixed(0)} ms after navigation start`);

  assert.equal(await text(page, "total-monthly"), "$360.40");
  assert.equal(await text(page, "total-yearly"), "$4,324.80");
  assert.equal(await text(page, "table-total"), "$360.40");

  const rows = await page.locator("#line-rows tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector(".line-name").textContent, ...[...tr.querySelectorAll("td")].map((cell) => cell.textContent.trim())]),
  );
  assert.deepEqual(rows, [
    ["Writer compute", "2,920 ACU-hours", "$0.12 / ACU-hour", "$350.40"],
    ["Cluster storage", "100 GB-months", "$0.10 / GB-month", "$10.00"],
  ]);
  // Every line names its price's source, date and confidence.
  const provenance = await page.locator("#line-rows .provenance").allTextContents();
  assert.equal(provenance.length, 2);
  for (const line of provenance) assert.match(line, /\d{4}-\d{2}(-\d{2})? · (high|medium|low) confidence$/);
  // One primary source, the Price List SKU's, with the others on demand.
  assert.match(provenance[0], /^AWS Pricing API \[P2\] \(SKU AVKW7ZJP8D72HNQC, Aurora PostgreSQL\) · as of 2025-10-28 · high confidence$/);
  assert.match(await page.locator("#line-rows tr").first().locator(".more-sources summary").textContent(), /^\d+ more sources$/);
  assert.match(await text(page, "catalog"), /as of \d{4}-\d{2}-\d{2}/);
  assert.match(await text(page, "model"), /\w/);
  assert.match(await text(page, "max-connections"), /max_connections 2,000 by default \(published value; capped because the minimum capacity is 0\.5 ACU or less/);
  const usage = await page.locator("#usage-rows tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(usage, [["Writer", "2,920", "4", "4", "0 h", "0 h", "0"]]);
  assert.equal(await page.getByTestId("warnings").isHidden(), true, "the default has no warnings");
  assert.equal(await page.getByTestId("notice").isHidden(), true);
  assert.equal(await page.getByTestId("stale").isHidden(), true);
  assert.equal(await currentHash(page), "", "the default scenario needs no hash");
  // The first result needs only the page's first wasm: the package's full
  // one (module and wasm) is fetched when an operation needs an export the
  // first lacks.
  const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));
  assert.ok(fetched.includes("/pkg/first/acumen_bg.wasm"), fetched.join(" "));
  assert.ok(!fetched.includes("/pkg/acumen_bg.wasm"), fetched.join(" "));
  assert.ok(!fetched.includes("/pkg/acumen.js"), fetched.join(" "));

  // The inputs show the default scenario; the rarer groups start closed.
  assert.equal(await page.locator("#min-acu").inputValue(), "0.5");
  assert.equal(await page.locator("#max-acu").inputValue(), "16");
  assert.equal(await page.locator("#demand-acu").inputValue(), "4");
  assert.equal(await page.locator("#storage-gb").inputValue(), "100");
  assert.equal(await page.locator("#hours").inputValue(), "730");
  assert.equal(await page.locator("#storage-standard").isChecked(), true);
  assert.equal(await page.locator("#kind-steady").isChecked(), true);
  for (const id of ["group-engine", "group-readers", "group-io", "group-extras", "group-overrides"]) {
    assert.equal(await page.locator(`#${id}`).getAttribute("open"), null, `#${id} starts closed`);
  }
  // The region list comes from the package when it has one.
  const regions = await page.locator("#region option").evaluateAll((options) => options.map((o) => o.value));
  assert.ok(regions.includes("us-east-1"));
  assert.equal(await page.locator("#region").inputValue(), "us-east-1");
  console.log(`region options: ${regions.length}`);

  // Every input, select and textarea has a label; every field a hint.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((control) => !control.labels?.length && !control.getAttribute("aria-label"))
      .map((control) => control.id || control.outerHTML),
  );
  assert.deepEqual(unlabelled, []);
  const hintless = await page.evaluate(() =>
    [...document.querySelectorAll("#scenario-form .field[data-path]")]
      .filter((field) => !field.matches(".list-row, .list-field") && !field.querySelector(".hint") && !field.closest(".list-row"))
      .map((field) => field.dataset.path),
  );
  // Price overrides carry their unit and the catalog price instead of a hint.
  assert.deepEqual(hintless.filter((path) => !path.startsWith("priceOverrides.")), []);
  await page.close();
});

test("the seed article example shows $547.20 and the 740-hour warning", async () => {
  const page = await newPage();
  await open(page);
  await page.getByTestId("preset-seed").click();
  const report = await shownReport(page);
  if (report.ideal) {
    // A simulating model bills its own capacity; the seed figure is the ideal-tracking one.
    assert.equal(await page.getByTestId("ideal").isVisible(), true);
    assert.equal(await text(page, "ideal-total"), "$547.20");
    console.log(`seed example: ${await text(page, "total-monthly")} simulated, ${await text(page, "ideal-total")} ideal tracking`);
  } else {
    assert.equal(await text(page, "total-monthly"), "$547.20");
  }
  assert.equal(displayedCents(await text(page, "total-monthly")), microToCents(report.totalMicroUsd));
  assert.match(await text(page, "preset-note"), /740 h/);
  assert.equal(await page.getByTestId("warnings").isVisible(), true);
  assert.match(await page.locator('#warning-list li[data-field="workload.levels"]').textContent(), /740 h/);
  assert.equal(await page.locator("#kind-levels").isChecked(), true);
  assert.equal(await page.locator("#level-0-acu").inputValue(), "16");
  assert.equal(await page.locator("#level-1-hours").inputValue(), "520");
  assert.match(await text(page, "levels-total"), /740 h of the 730-hour month, 10 h more/);
  assert.equal(await page.locator("#price-serverlessStandard").inputValue(), "0.12");
  assert.equal(await page.locator('tr[data-item="serverlessStandard"] .badge-override').textContent(), "override");
  assert.deepEqual((await hashScenario(page)), {
    workload: { levels: [{ acu: 16, hours: 220 }, { acu: 2, hours: 520 }] },
    storageGb: 0,
    priceOverrides: { serverlessStandard: 0.12 },
    compare: { classes: [{ class: "db.r6g.xlarge", onDemandHourly: 0.58, reserved: [{ termYears: 1, hourly: 0.37 }] }] },
  });

  // The comparison: ideal serverless $547.20, on-demand $423.40, 1-year reserved $270.10, cheapest first.
  const compared = await comparisonRows(page);
  assert.deepEqual(
    compared.filter((row) => row.kind !== "serverless").map((row) => [row.kind, row.option, row.monthly]),
    [
      ["reserved", "db.r6g.xlarge, 1-year reserved, no upfront", "$270.10"],
      ["on-demand", "db.r6g.xlarge on-demand", "$423.40"],
      ["serverless-ideal", "serverless (ideal tracking)", "$547.20"],
      ["serverless-savings-plan", "serverless with the best Savings Plan", "unknown"],
    ],
  );
  const known = compared.filter((row) => row.monthly !== "unknown");
  assert.deepEqual(known.map((row) => displayedCents(row.monthly)), report.comparison.rows.filter((row) => row.monthlyMicroUsd != null).map((row) => microToCents(row.monthlyMicroUsd)));
  assert.equal(await page.locator("#comparison-rows tr.cheapest").getAttribute("data-option"), "db.r6g.xlarge, 1-year reserved, no upfront");
  // The verdict, near the headline.
  assert.equal(await page.getByTestId("verdict").isVisible(), true);
  assert.match(await text(page, "verdict-choice"), /provisioned/i);
  assert.equal(await text(page, "verdict-cheapest"), "Cheapest: db.r6g.xlarge, 1-year reserved, no upfront, $270.10 a month");
  assert.match(await text(page, "verdict-text"), /\$270\.10 a month against \$547\.30 for serverless/);
  // The inputs show the class and its offer.
  assert.equal(await page.locator("#class-0-name").inputValue(), "db.r6g.xlarge");
  assert.equal(await page.locator("#class-0-onDemand").inputValue(), "0.58");
  assert.equal(await page.locator("#class-0-term").inputValue(), "1");
  assert.equal(await page.locator("#class-0-hourly").inputValue(), "0.37");
  // Advice, grouped by topic, and the storage verdict.
  assert.match(await page.locator('.advice-group[data-topic="purchase"]').textContent(), /db\.r6g\.xlarge, 1-year reserved/);
  assert.equal(await page.locator('.advice-group[data-topic="alarm"] li').count(), report.advice.filter((a) => a.topic === "alarm").length);
  assert.match(await text(page, "storage-verdict"), /^Standard: \$547\.30 against \$729\.74 on I\/O-Optimized/);

  // "Show input" takes the keyboard to the levels.
  await page.locator('#warning-list li[data-field="workload.levels"] button').click();
  assert.match(await page.evaluate(() => document.activeElement?.id), /^level-0-/);

  // The other presets.
  await page.getByTestId("preset-business").click();
  assert.equal(await page.locator("#kind-business").isChecked(), true);
  assert.deepEqual((await hashScenario(page)), { workload: { businessHours: { peakAcu: 8, offPeakAcu: 1, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 } } });
  assert.equal(displayedCents(await text(page, "total-monthly")), microToCents(cliEstimate((await hashScenario(page))).totalMicroUsd));
  await page.getByTestId("preset-steady").click();
  assert.equal(await text(page, "total-monthly"), "$360.40");
  assert.equal(await currentHash(page), "");
  await page.close();
});

test("the capacity and break-even charts draw the report's data and describe it in text", async () => {
  const scenario = {
    workload: { businessHours: { peakAcu: 8, offPeakAcu: 1, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 } },
    readers: [{ promotionTier: 4, workload: { steady: { acu: 2 } } }],
    compare: { classes: [{ class: "db.r6g.large", reserved: [{ termYears: 1, discount: 0.3 }] }] },
  };
  for (const [label, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    const page = await newPage(viewport);
    await open(page, scenario);
    const report = await shownReport(page);
    const writer = report.timeline.find((t) => t.name === "writer");

    // Capacity chart: an SVG with a capacity band and a demand line over the week, labelled by its caption.
    const chart = page.locator("#capacity-chart svg");
    assert.equal(await chart.count(), 1, `${label}: capacity chart`);
    assert.equal(await chart.getAttribute("role"), "img");
    assert.equal(await chart.getAttribute("aria-labelledby"), "capacity-caption");
    const box = await chart.boundingBox();
    assert.ok(box.width > 250 && box.height > 150, `${label}: capacity chart size ${box.width}×${box.height}`);
    const band = (await chart.locator('[data-series="capacity"]').getAttribute("points")).split(" ");
    const demand = (await chart.locator('[data-series="demand"]').getAttribute("points")).split(" ");
    assert.equal(band.length, writer.points.length * 4, "the band has an upper and a lower edge, two corners per interval");
    assert.equal(demand.length, writer.points.length * 2);
    const ys = new Set(demand.map((point) => point.split(",")[1]));
    assert.ok(ys.size >= 2, "the demand line moves (business hours)");
    const caption = await text(page, "capacity-caption");
    assert.match(caption, /^Writer over the first week: capacity between 1 and \d+(\.\d+)? ACU, demand between 1 and \d+ ACU\./);
    assert.match(caption, /Each interval is 1 h\./);
    // Readers have their own chart; a day can be shown alone.
    assert.deepEqual(await page.locator("#chart-instance option").evaluateAll((o) => o.map((x) => x.value)), report.timeline.map((t) => t.name));
    await page.locator("#chart-instance").selectOption(report.timeline[1].name);
    assert.match(await text(page, "capacity-caption"), /^Reader 1 over the first week: capacity between 2 and 2 ACU/i);
    await page.locator("#chart-period").selectOption("0");
    assert.match(await text(page, "capacity-caption"), /on Monday/);
    assert.equal((await chart.locator('[data-series="demand"]').getAttribute("points")).split(" ").length, 48, "one day of hourly intervals");
    await page.locator("#chart-instance").selectOption("writer");
    await page.locator("#chart-period").selectOption("week");

    // Break-even chart: the serverless curve, one line per provisioned option, the current hours.
    const comparison = report.comparison;
    const breakEven = page.locator("#break-even-chart svg");
    assert.equal(await breakEven.getAttribute("role"), "img");
    assert.equal(await breakEven.getAttribute("aria-labelledby"), "break-even-caption");
    const curve = (await breakEven.locator('[data-series="serverless"]').getAttribute("points")).split(" ");
    assert.equal(curve.length, comparison.curve.length);
    const xs = curve.map((point) => Number(point.split(",")[0]));
    const curveYs = curve.map((point) => Number(point.split(",")[1]));
    assert.ok(xs.every((x, i) => i === 0 || x > xs[i - 1]), "hours increase along the curve");
    assert.ok(curveYs[0] > curveYs.at(-1), "cost rises with hours at peak (SVG y points down)");
    assert.equal(await breakEven.locator("line.series-option").count(), comparison.breakEven.length);
    assert.equal(await breakEven.locator('[data-series="now"]').count(), 1);
    assert.equal(await page.locator("#break-even-legend li[data-option]").count(), comparison.breakEven.length);
    const legend = await page.locator("#break-even-legend").textContent();
    for (const option of comparison.breakEven) assert.ok(legend.includes(formatCents(option.monthlyMicroUsd)), `${option.option} in the legend`);
    assert.match(await text(page, "break-even-caption"), /^Serverless costs \$[\d,.]+ a month with no time at the peak of 8 ACU \(1 ACU otherwise\)/);
    assert.match(await text(page, "break-even-caption"), /near its peak about \d+(\.\d)? h a day now/);
    // Dark mode: the chart's lines take the dark palette.
    await page.emulateMedia({ colorScheme: "dark" });
    const darkStroke = await breakEven.locator('[data-series="serverless"]').evaluate((line) => getComputedStyle(line).stroke);
    await page.emulateMedia({ colorScheme: "light" });
    const lightStroke = await breakEven.locator('[data-series="serverless"]').evaluate((line) => getComputedStyle(line).stroke);
    assert.notEqual(darkStroke, lightStroke);
    // The pinned total would cover part of a scrolled-to section; hide it for these (the CSP forbids injected styles).
    await page.getByTestId("mini-total").evaluate((bar) => bar.setAttribute("hidden", ""));
    await page.getByTestId("comparison").screenshot({ path: join(artifacts, `calculator-${label}-comparison.png`) });
    await page.getByTestId("capacity-chart").screenshot({ path: join(artifacts, `calculator-${label}-capacity-chart.png`) });
    await page.close();
  }
});

test("classes to compare: adding a reserved offer adds a row; a bad term is explained beside it", async () => {
  const page = await newPage();
  await open(page);
  // By default the catalog's classes are compared on demand.
  assert.ok((await comparisonRows(page)).some((row) => row.kind === "on-demand"));
  assert.equal(await page.locator('#comparison-rows tr[data-kind="reserved"]').count(), 0);

  await openGroup(page, "group-compare");
  await page.getByTestId("add-class").click();
  await page.locator("#class-0-name").fill("db.r6g.xlarge");
  await page.locator("#class-0-onDemand").fill("0.58");
  // The serverless Savings Plan row is there, unknown until a plan rate is given.
  assert.deepEqual((await comparisonRows(page)).map((row) => row.kind).sort(), ["on-demand", "serverless", "serverless-ideal", "serverless-savings-plan"]);
  assert.equal((await comparisonRows(page)).find((row) => row.kind === "on-demand").monthly, "$433.40"); // 0.58 × 730 + $10.00 storage
  await page.getByTestId("add-offer-0").click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "class-0-term");
  await page.locator("#class-0-hourly").fill("0.37");
  const rows = await comparisonRows(page);
  assert.equal(rows.length, 5, "the offer adds a row");
  const reserved = rows.find((row) => row.kind === "reserved");
  assert.equal(reserved.option, "db.r6g.xlarge, 1-year reserved, no upfront");
  assert.equal(reserved.monthly, "$280.10"); // 0.37 × 730 + $10.00
  assert.equal(rows[0].kind, "reserved", "cheapest first");
  assert.deepEqual((await hashScenario(page)).compare, { classes: [{ class: "db.r6g.xlarge", onDemandHourly: 0.58, reserved: [{ termYears: 1, hourly: 0.37 }] }] });
  // Another payment and term.
  await page.locator("#class-0-payment").selectOption("all-upfront");
  await page.locator("#class-0-term").fill("3");
  await page.locator("#class-0-hourly").fill("");
  await page.locator("#class-0-upfront").fill("9000");
  assert.equal((await comparisonRows(page)).find((row) => row.kind === "reserved").option, "db.r6g.xlarge, 3-year reserved, all upfront");
  assert.deepEqual((await hashScenario(page)).compare.classes[0].reserved, [{ termYears: 3, payment: "all-upfront", upfront: 9000 }]);

  // A term of 2 years: the core's message beside the term, the rest kept.
  await page.locator("#class-0-term").fill("2");
  await settled(page);
  const error = page.getByTestId("error-class-0-term");
  assert.equal(await error.isVisible(), true);
  assert.equal(await error.textContent(), "Must be 1 or 3, got 2.");
  assert.equal(await page.locator("#class-0-term").getAttribute("aria-invalid"), "true");
  assert.ok((await page.locator("#class-0-term").getAttribute("aria-describedby")).split(" ").includes("class-0-term-error"));
  assert.equal(await page.locator("[aria-invalid=true]").count(), 1);
  assert.equal(await page.getByTestId("stale").isVisible(), true);
  assert.equal(await page.locator("#comparison-rows tr").count(), 5, "the last good comparison stays");
  await page.locator("#class-0-term").fill("1");
  await settled(page);
  assert.equal(await error.isHidden(), true);
  // A discount out of range, on the class's Savings Plan.
  await page.locator("#class-0-savingsPlan").fill("2");
  await settled(page);
  assert.match(await page.getByTestId("error-class-0-savingsPlan").textContent(), /between 0 and 0\.9/);
  await page.locator("#class-0-savingsPlan").fill("0.2");
  assert.ok((await comparisonRows(page)).some((row) => row.kind === "savings-plan"));

  // An unknown class: "unknown" with what to supply, and a way to the field.
  await page.getByTestId("add-class").click();
  await page.locator("#class-1-name").fill("db.x9z.large");
  await settled(page);
  const unknown = page.locator('#comparison-rows tr[data-option="db.x9z.large on-demand"]');
  assert.equal(await unknown.locator('td[data-label="Monthly"]').textContent(), "unknown");
  // In words, not a JSON path; the button goes to the field.
  assert.match(await unknown.textContent(), /Unknown in us-east-1: supply its on-demand rate/);
  assert.doesNotMatch(await unknown.textContent(), /compare\.classes/);
  await unknown.getByRole("button", { name: "Enter the rate" }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "class-1-onDemand");
  await page.getByTestId("remove-class-1").click();
  await page.getByTestId("remove-offer-0").click();
  await settled(page);
  assert.equal(await page.locator('#comparison-rows tr[data-kind="reserved"]').count(), 0);

  // A serverless Savings Plan discount prices its row.
  await page.locator("#serverless-sp").fill("0.3");
  assert.ok((await comparisonRows(page)).some((row) => row.kind === "serverless-savings-plan" && row.monthly !== "unknown"));
  await page.locator("#serverless-sp").fill("");

  // Application facts change the advice.
  await openGroup(page, "group-application");
  await settled(page);
  assert.equal(await page.locator('.advice-group[data-topic="min-acu"]').count(), 0);
  await page.locator("#app-global").check();
  await page.locator("#app-instances").fill("20");
  await page.locator("#app-pool").fill("50");
  assert.deepEqual((await hashScenario(page)).application, { appInstances: 20, poolSize: 50, globalDatabase: true });
  await settled(page);
  assert.match(await page.locator('.advice-group[data-topic="min-acu"]').textContent(), /8 ACU/);
  assert.equal(await page.locator('.advice-group[data-topic="connections"]').count(), 1);
  await page.locator("#app-pool").fill("1.5");
  // The field's error is written with the result of the edit: wait for it.
  await settled(page);
  assert.match(await page.getByTestId("error-app-pool").textContent(), /whole number/);
  await page.close();
});

test("each input group changes the right output", async () => {
  const page = await newPage();
  await open(page);

  // Workload: demand and storage.
  await page.locator("#demand-acu").fill("8");
  assert.equal(await text(page, "total-monthly"), "$710.80");
  await page.locator("#storage-gb").fill("250");
  assert.equal(await text(page, "total-monthly"), "$725.80");
  assert.equal(await text(page, "total-yearly"), "$8,709.60");

  // Storage type: the I/O-Optimized rate (two agreeing Price List quotes) is high confidence, with its SKU.
  await page.locator('label[for="storage-io"]').click();
  assert.equal(await text(page, "total-monthly"), "$990.65"); // 8 × 730 × $0.16 + 250 × $0.225
  await settled(page);
  assert.equal(await page.locator('tr[data-item="serverlessIoOptimized"] .badge-low').count(), 0);
  assert.match(await page.locator('tr[data-item="serverlessIoOptimized"] .provenance').first().textContent(), /SKU KG668U3YXJQ6YH9Y.* · high confidence$/);
  await page.locator('label[for="storage-standard"]').click();
  await page.locator("#demand-acu").fill("4");
  await page.locator("#storage-gb").fill("100");
  assert.equal(await text(page, "total-monthly"), "$360.40");

  // Readers: a tier-1 reader doubles compute.
  await openGroup(page, "group-readers");
  await page.getByTestId("add-readers").click();
  await page.locator("#reader-0-promotionTier").fill("1");
  assert.equal(await lineCost(page, "serverlessStandard"), "$350.40");
  assert.deepEqual(await page.locator('#line-rows tr[data-component="compute"] td.cost').allTextContents(), ["$350.40", "$350.40"]);
  assert.equal(await text(page, "total-monthly"), "$710.80");
  await settled(page);
  assert.equal(await page.locator("#usage-rows tr").count(), 2);
  // Its own steady demand of 1 ACU on tier 5: 1 × 730 × $0.12 = $87.60.
  await page.locator("#reader-0-promotionTier").fill("5");
  await page.locator("#reader-0-acu").fill("1");
  assert.equal(await text(page, "total-monthly"), "$448.00");
  await page.getByTestId("remove-readers-0").click();
  assert.equal(await text(page, "total-monthly"), "$360.40");

  // I/O: 50 million requests a month add a $10.00 line; I/O-Optimized removes it.
  await openGroup(page, "group-io");
  await page.locator('label[for="io-monthly"]').click();
  await page.locator("#io-requests").fill("50000000");
  assert.equal(await lineCost(page, "ioRequests"), "$10.00");
  assert.equal(await text(page, "total-monthly"), "$370.40");
  await page.locator('label[for="storage-io"]').click();
  await settled(page);
  assert.equal(await page.locator('tr[data-item="ioRequests"]').count(), 0);
  assert.match(await page.locator('#warning-list li[data-field="io"]').textContent(), /does not bill I\/O/);
  await page.locator('label[for="storage-standard"]').click();
  await page.locator('label[for="io-rates"]').click();
  await page.locator("#io-baseline").fill("100");
  await page.locator("#io-peak").fill("1000");
  await page.locator("#io-peak-hours").fill("100");
  assert.equal(await lineCost(page, "ioRequests"), "$117.36");
  await page.locator('label[for="io-none"]').click();
  assert.equal(await text(page, "total-monthly"), "$360.40");

  // Extras: RDS Proxy on a 2-ACU steady load bills 8 ACU × 730 h × $0.015 = $87.60.
  await page.locator("#demand-acu").fill("2");
  assert.equal(await text(page, "total-monthly"), "$185.20");
  await openGroup(page, "group-extras");
  await page.locator("#rds-proxy").check();
  assert.equal(await lineCost(page, "proxyServerless"), "$87.60");
  assert.equal(await text(page, "total-monthly"), "$272.80");
  await page.locator("#rds-proxy").uncheck();
  await page.locator("#backup-gb").fill("500");
  assert.equal(await lineCost(page, "backup"), "$8.40"); // (500 − 100) × $0.021
  await page.locator("#backup-gb").fill("");

  // Scaling: a maximum below demand caps capacity and reports unmet demand.
  await page.locator("#demand-acu").fill("20");
  await page.locator("#max-acu").fill("16");
  assert.match(await text(page, "warnings"), /more than the maximum of 16 ACU/);
  await settled(page);
  const unmet = await page.locator("#usage-rows tr td.unmet").first().textContent();
  assert.match(unmet, /^2,920/); // 4 ACU × 730 h
  await page.locator("#demand-acu").fill("4");

  // Workload kinds: business hours, weekly, trace.
  await page.locator('label[for="kind-business"]').click();
  assert.equal(await page.locator("#bh-peak").isVisible(), true);
  assert.equal(await page.locator("#demand-acu").isVisible(), false);
  const business = cliEstimate((await hashScenario(page)));
  assert.equal(displayedCents(await text(page, "total-monthly")), microToCents(business.totalMicroUsd));
  await page.locator('label[for="kind-weekly"]').click();
  await page.locator("#weekly-fill").fill("1");
  await page.locator("#weekly-fill-apply").click();
  assert.equal(await text(page, "total-monthly"), "$97.60"); // 1 × 730 × $0.12 + $10.00
  // Monday 00:00 typed from the keyboard (the grid is tested in full in features.test.mjs).
  await page.locator("#weekly-0").focus();
  await page.keyboard.type("4");
  assert.equal((await hashScenario(page)).workload.weekly.hourlyAcu[0], 4);
  await page.locator('label[for="kind-trace"]').click();
  await page.locator("#trace-acu").fill("2 2 2");
  await page.locator("#trace-interval").fill("3600");
  assert.equal(await text(page, "total-monthly"), "$185.20"); // 2 × 730 × $0.12 + $10.00
  assert.match(await text(page, "warnings"), /repeated/);

  // Spikes: a daily 60-minute +8 ACU spike over steady 2 ACU in a 720 h month = $201.60 compute.
  await page.locator('label[for="kind-steady"]').click();
  await page.locator("#demand-acu").fill("2");
  await page.locator("#hours").fill("720");
  await page.locator("#storage-gb").fill("0");
  await openGroup(page, "spikes-details");
  await page.getByTestId("add-spikes").click();
  await page.locator("#spike-0-extraAcu").fill("8");
  await page.locator("#spike-0-startMinute").fill("600");
  await page.locator("#spike-0-durationMinutes").fill("60");
  const spiked = cliEstimate((await hashScenario(page)));
  assert.equal(displayedCents(await text(page, "total-monthly")), microToCents(spiked.totalMicroUsd));
  if (!spiked.ideal) assert.equal(await text(page, "total-monthly"), "$201.60");

  // Engine: a MySQL cluster; the version's limits are shown.
  await openGroup(page, "group-engine");
  await page.locator("#engine").selectOption("aurora-mysql");
  assert.match(await text(page, "summary"), /Aurora MySQL/);
  await page.locator("#engine-version").fill("3.08.0");
  assert.match((await hashScenario(page)).engineVersion, /3\.08\.0/);
  await page.close();
});

test("a region without a storage price gives a partial bill that asks for it, then prices", async () => {
  const page = await newPage();
  await open(page);
  await openGroup(page, "group-engine");
  const hasEuCentral = (await page.locator('#region option[value="eu-central-1"]').count()) === 1;
  if (hasEuCentral) {
    await page.locator("#region").selectOption("eu-central-1");
  } else {
    await page.goto(pageUrl({ region: "eu-central-1" }));
    await page.waitForSelector(READY);
  }
  // The bill is partial: compute priced (4 × 730 × $0.14), storage unpriced, the total labelled.
  const note = page.getByTestId("total-note");
  await note.waitFor({ state: "visible" });
  await settled(page);
  assert.equal(await text(page, "total-monthly"), "$408.80");
  assert.match(await text(page, "headline-label"), /partial: at least/);
  assert.match(await note.textContent(), /^At least \$408\.80 a month; storage unpriced in eu-central-1\. Supply the missing price at its input, or load a price book:$/);
  assert.deepEqual(await page.locator("#missing-prices button").evaluateAll((nodes) => nodes.map((n) => n.dataset.goto)), ["priceOverrides.storageStandard"]);
  const storage = page.locator('#line-rows tr[data-item="storageStandard"]');
  assert.equal(await storage.locator("td.cost").textContent(), "unpriced");
  assert.match(await storage.locator(".provenance-missing").textContent(), /^Unpriced — supply the price \(Storage, Standard\)/);
  assert.equal(await page.locator("[aria-invalid=true]").count(), 0);
  assert.equal(await page.getByTestId("stale").isHidden(), true);
  await page.screenshot({ path: join(artifacts, "calculator-desktop-missing-price.png"), fullPage: true });

  // "Supply price" goes to the override.
  await storage.getByRole("button", { name: "Supply price" }).click();
  assert.equal(await page.locator("#group-overrides").getAttribute("open"), "");
  await page.locator("#price-storageStandard").fill("0.11");
  assert.equal(await text(page, "total-monthly"), "$419.80"); // 4 × 730 × $0.14 + 100 × $0.11
  await settled(page);
  assert.equal(await note.isHidden(), true);
  assert.equal(await text(page, "headline-label"), "Estimated monthly cost");
  assert.equal(await page.getByTestId("stale").isHidden(), true);
  assert.equal(await page.locator('tr[data-item="storageStandard"] .badge-override').textContent(), "override");
  assert.deepEqual((await hashScenario(page)), { region: "eu-central-1", priceOverrides: { storageStandard: 0.11 } });

  // A link to a region with a missing price opens on its partial bill, not the default.
  const copy = await newPage();
  await copy.goto(pageUrl({ region: "eu-central-1" }));
  await copy.waitForSelector(READY);
  await settled(copy);
  assert.equal(await copy.getByTestId("notice").isHidden(), true);
  assert.equal(await copy.getByTestId("total-note").isVisible(), true);
  assert.equal(await text(copy, "total-monthly"), "$408.80");
  assert.equal(await copy.locator("#region").inputValue(), "eu-central-1");
  await copy.close();
  await page.close();
});

test("a price book fills a partial region's prices, is named as their source, kept in this browser and out of the link", async () => {
  const page = await newPage();
  await open(page, { region: "eu-central-1" });
  assert.equal(await text(page, "total-monthly"), "$408.80");
  await openGroup(page, "group-engine");
  assert.match(await page.getByTestId("price-book-status").textContent(), /^None/);
  // The book `acumen prices import` writes from the eu-central-1 offer fixture.
  const dir = mkdtempSync(join(tmpdir(), "acumen-book-"));
  const book = join(dir, "book.json");
  execFileSync(cliBin, ["prices", "import", join(root, "tests", "fixtures", "pricelist", "eu-central-1.json"), "-o", book], { stdio: "ignore" });
  await page.getByTestId("price-book-file").setInputFiles(book);
  // The file is read asynchronously: wait for the book to be named, then for its estimate.
  await page.waitForFunction(() => /^AWS Price List/.test(document.getElementById("price-book-status")?.textContent ?? ""));
  await settled(page);
  assert.match(await page.getByTestId("price-book-status").textContent(), /^AWS Price List \(AmazonRDS\) as of 2026-11-01: \d+ prices for eu-central-1/);
  // Priced now as the CLI prices it with the same book, the storage line named after the book.
  const expected = JSON.parse(execFileSync(cliBin, ["estimate", "-", "--region", "eu-central-1", "--prices", book, "--format", "json"], { input: "{}", encoding: "utf8" }));
  assert.equal(displayedCents(await text(page, "total-monthly")), microToCents(expected.totalMicroUsd));
  assert.equal(await page.getByTestId("total-note").isHidden(), true);
  assert.match(await page.locator('#line-rows tr[data-item="storageStandard"]').textContent(), /AWS Price List/);
  // The link has the scenario only; the book stays in this browser, also on the next visit.
  assert.deepEqual(await hashScenario(page), { region: "eu-central-1" });
  const again = await newPage();
  await open(again, { region: "eu-central-1" });
  assert.equal(displayedCents(await text(again, "total-monthly")), microToCents(expected.totalMicroUsd));
  await again.setViewportSize(PHONE);
  await openGroup(again, "group-engine");
  await again.locator(".price-book").screenshot({ path: join(artifacts, "calculator-phone-price-book.png") });
  // Removed: back to the partial bill. A file that is not a book changes nothing and says why.
  await again.getByTestId("price-book-remove").click();
  assert.equal(await text(again, "total-monthly"), "$408.80");
  await again.getByTestId("price-book-file").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello": 1}') });
  await again.getByTestId("price-book-error").waitFor({ state: "visible" });
  assert.match(await again.getByTestId("price-book-error").textContent(), /^notes\.json: not a price book/);
  assert.equal(await text(again, "total-monthly"), "$408.80");
  await again.close();
  await page.close();
  rmSync(dir, { recursive: true, force: true });
});

test("every one of the 33 regions gives a bill on the page, as the CLI does", async () => {
  const page = await newPage();
  await open(page);
  await openGroup(page, "group-engine");
  const codes = await page.locator("#region option").evaluateAll((options) => options.map((o) => o.value));
  assert.equal(codes.length, 33);
  // By name and code, grouped by geography, partial where capacity or storage lacks a price.
  assert.equal(await page.locator('#region option[value="eu-central-1"]').textContent(), "Europe (Frankfurt) · eu-central-1 (partial prices)");
  assert.equal(await page.locator('#region option[value="eu-west-1"]').textContent(), "Europe (Ireland) · eu-west-1");
  assert.equal(await page.locator('#region optgroup:has(option[value="eu-central-1"])').getAttribute("label"), "Europe");
  const geographies = await page.locator("#region optgroup").evaluateAll((groups) => groups.map((g) => g.label));
  assert.ok(geographies.length >= 4 && new Set(geographies).size === geographies.length, geographies.join(", "));
  let partial = 0;
  for (const region of codes) {
    await page.locator("#region").selectOption(region);
    await settled(page);
    const cli = cliEstimate({ region });
    assert.equal(displayedCents(await text(page, "total-monthly")), microToCents(cli.totalMicroUsd), region);
    assert.equal(await page.getByTestId("total-note").isVisible(), !cli.complete, region);
    const unpriced = await page.locator('#line-rows tr[data-confidence="unpriced"]').count();
    assert.equal(unpriced, cli.lines.filter((l) => l.costMicroUsd === null).length, region);
    if (!cli.complete) partial++;
  }
  console.log(`33 regions on the page: ${33 - partial} complete, ${partial} partial for the default scenario`);
  await page.close();
});

test("invalid values are explained beside their field and keep the rest", async () => {
  const page = await newPage();
  await open(page);
  await page.locator("#demand-acu").fill("8");
  await page.locator("#storage-gb").fill("250");
  assert.equal(await text(page, "total-monthly"), "$725.80");
  const goodHash = await currentHash(page);

  await page.locator("#max-acu").fill("3.3");
  await settled(page);
  const error = page.getByTestId("error-max-acu");
  assert.equal(await error.isVisible(), true);
  assert.match(await error.textContent(), /multiple of 0\.5/);
  assert.match(await error.textContent(), /3\.3/);
  const max = page.locator("#max-acu");
  assert.equal(await max.getAttribute("aria-invalid"), "true");
  assert.ok((await max.getAttribute("aria-describedby")).split(" ").includes("max-acu-error"));
  assert.equal(await page.locator('.field[data-path="scaling.maxAcu"] #max-acu-error').count(), 1);

  // The other inputs keep their values and carry no error.
  assert.equal(await page.locator("#min-acu").inputValue(), "0.5");
  assert.equal(await page.locator("#demand-acu").inputValue(), "8");
  assert.equal(await page.locator("#storage-gb").inputValue(), "250");
  assert.equal(await page.locator("#hours").inputValue(), "730");
  assert.equal(await page.locator("[aria-invalid=true]").count(), 1);

  // The last good result stays on screen, marked stale; the link keeps the good scenario.
  assert.equal(await text(page, "total-monthly"), "$725.80");
  assert.equal(await page.getByTestId("stale").isVisible(), true);
  assert.equal(await page.getByTestId("results").getAttribute("data-stale"), "true");
  assert.equal(await page.locator("#line-rows tr").count(), 2);
  assert.equal(await currentHash(page), goodHash);

  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(artifacts, "calculator-phone-invalid.png"), fullPage: true });
  await max.scrollIntoViewIfNeeded();
  await page.getByTestId("mini-total").waitFor({ state: "visible" });
  assert.equal(await page.locator("#mini-total-value").textContent(), "$725.80");
  assert.equal(await page.getByTestId("mini-total").getAttribute("data-stale"), "true");
  await page.screenshot({ path: join(artifacts, "calculator-phone-editing.png") });
  await page.setViewportSize(DESKTOP);

  // An empty field is reported too, not sent as a number.
  await page.locator("#max-acu").fill("");
  assert.match(await page.getByTestId("error-max-acu").textContent(), /Enter a value/);

  // Fixing the value clears the error and updates the result.
  await page.locator("#max-acu").fill("4");
  await settled(page);
  assert.equal(await page.getByTestId("error-max-acu").isHidden(), true);
  assert.equal(await max.getAttribute("aria-invalid"), null);
  assert.equal(await page.getByTestId("stale").isHidden(), true);
  assert.equal(await text(page, "total-monthly"), "$375.40"); // 4 × 730 × $0.12 + $25.00
  assert.match(await text(page, "warnings"), /needs more than the maximum of 4 ACU/);

  // A conflict names the minimum.
  await page.locator("#min-acu").fill("8");
  await settled(page);
  assert.equal(await page.locator("#min-acu").getAttribute("aria-invalid"), "true");
  assert.match(await page.getByTestId("error-min-acu").textContent(), /must not exceed maxAcu/i);
  assert.equal(await text(page, "total-monthly"), "$375.40");

  // Auto-pause on an engine version without it: the message sits beside the minimum.
  await page.locator("#max-acu").fill("16");
  await page.locator("#min-acu").fill("0");
  await openGroup(page, "group-engine");
  await page.locator("#engine-version").fill("15.5");
  await settled(page);
  assert.match(await page.getByTestId("error-min-acu").textContent(), /0 \(auto-pause\) needs .*15\.7/);
  assert.equal(await page.getByTestId("error-engine-version").isHidden(), true);
  await page.locator("#engine-version").fill("abc");
  await settled(page);
  assert.match(await page.getByTestId("error-engine-version").textContent(), /engine version such as/);
  await page.locator("#engine-version").fill("");
  await page.locator("#min-acu").fill("0.5");
  await settled(page);
  assert.equal(await page.getByTestId("stale").isHidden(), true);

  // Errors inside lists and workload kinds find their own field.
  await openGroup(page, "group-readers");
  await page.getByTestId("add-readers").click();
  await page.getByTestId("add-readers").click();
  await page.locator("#reader-1-promotionTier").fill("16");
  await settled(page);
  assert.match(await page.getByTestId("error-reader-1-promotionTier").textContent(), /between 0 and 15, got 16/);
  assert.equal(await page.locator("#reader-0-promotionTier").getAttribute("aria-invalid"), null);
  await page.getByTestId("remove-readers-1").click();
  await page.getByTestId("remove-readers-0").click();
  await page.locator('label[for="kind-business"]').click();
  await page.locator("#bh-peak").fill("-1");
  await settled(page);
  assert.match(await page.getByTestId("error-bh-peak").textContent(), /between 0 and/);
  await page.locator("#bh-peak").fill("8");
  await page.locator('label[for="kind-weekly"]').click();
  // An hour above the core's limit of 100,000 ACU, typed into the weekly grid.
  await page.locator("#weekly-37").focus();
  await page.keyboard.type("200000");
  await settled(page);
  assert.match(await page.getByTestId("error-weekly").textContent(), /between 0 and 100000/);
  assert.equal(await page.locator("#weekly-37").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("[aria-invalid=true]").count(), 1);
  await page.keyboard.press("Escape");
  await page.locator('label[for="kind-trace"]').click();
  await page.locator("#trace-acu").fill("1, two, 3");
  assert.match(await page.getByTestId("error-trace-acu").textContent(), /"two" is not a number/);
  await page.locator("#trace-acu").fill("1, 2, 3");
  await settled(page);
  assert.equal(await page.getByTestId("stale").isHidden(), true);

  // A negative override is refused beside the override.
  await openGroup(page, "group-overrides");
  await page.locator("#price-storageStandard").fill("-1");
  await settled(page);
  assert.match(await page.getByTestId("error-price-storageStandard").textContent(), /between 0 and/);
  await page.close();
});

test("a complex scenario round-trips through the URL", async () => {
  const scenario = {
    region: "eu-west-1",
    engine: "aurora-mysql",
    engineVersion: "3.08.0",
    hoursPerMonth: 744,
    scaling: { minAcu: 0, maxAcu: 32, secondsUntilAutoPause: 600 },
    workload: { businessHours: { peakAcu: 12, offPeakAcu: 0, hoursPerDay: 9, startHour: 9, daysPerWeek: 5 } },
    spikes: [{ extraAcu: 6, everyHours: 24, startMinute: 720, durationMinutes: 30 }],
    readers: [{ promotionTier: 1 }, { promotionTier: 5, workload: { steady: { acu: 1 } } }],
    storageGb: 250,
    io: { rates: { baselinePerSecond: 200, peakPerSecond: 2000, peakHoursPerMonth: 200 } },
    backupStorageGb: 400,
    extras: { rdsProxy: true, dataApiRequests: 1000000, snapshotExportGb: 10 },
    priceOverrides: { backup: 0.03, snapshotExport: 0.011, proxyServerless: 0.0165, dataApi: 0.4 },
  };
  const cli = cliEstimate(scenario);
  const page = await newPage();
  await open(page, scenario);
  await settled(page);
  assert.equal(await page.getByTestId("notice").isHidden(), true);
  assert.equal(displayedCents(await text(page, "total-monthly")), microToCents(cli.totalMicroUsd));
  assert.deepEqual((await hashScenario(page)), scenario, "loading rewrites the same scenario");
  assert.equal(await page.locator("#region").inputValue(), "eu-west-1");
  assert.equal(await page.locator("#engine").inputValue(), "aurora-mysql");
  assert.equal(await page.locator("#kind-business").isChecked(), true);
  assert.equal(await page.locator("#bh-peak").inputValue(), "12");
  assert.equal(await page.locator("#reader-1-acu").inputValue(), "1");
  assert.equal(await page.locator("#io-rates").isChecked(), true);
  assert.equal(await page.locator("#rds-proxy").isChecked(), true);
  assert.equal(await page.locator("#price-snapshotExport").inputValue(), "0.011");
  assert.equal(await page.locator("#usage-rows tr").count(), 3);
  await settled(page);
  const shownLines = await page.locator("#line-rows td.cost").allTextContents();
  assert.deepEqual(shownLines.map(displayedCents), cli.lines.map((line) => microToCents(line.costMicroUsd)));

  // An edit is written back, and that link reproduces it.
  await page.locator("#storage-gb").fill("300");
  const edited = { ...scenario, storageGb: 300 };
  assert.deepEqual((await hashScenario(page)), edited);
  const total = await text(page, "total-monthly");
  assert.equal(displayedCents(total), microToCents(cliEstimate(edited).totalMicroUsd));
  const copy = await newPage();
  await copy.goto(page.url());
  await copy.waitForSelector(READY);
  assert.equal(await text(copy, "total-monthly"), total);
  assert.deepEqual((await hashScenario(copy)), edited);
  await copy.close();

  // The export holds the same scenario, with copy and download.
  await openGroup(page, "export");
  await settled(page);
  assert.deepEqual(JSON.parse(await page.getByTestId("export-scenario").inputValue()), edited);
  const report = JSON.parse(await page.getByTestId("export-report").inputValue());
  assert.equal(report.totalMicroUsd, cliEstimate(edited).totalMicroUsd);
  await page.getByRole("button", { name: "Copy scenario" }).click();
  await page.getByTestId("export-status").filter({ hasText: /Copied|Select/ }).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report" }).click()]);
  assert.equal(download.suggestedFilename(), "acumen-report.json");
  const saved = await download.path();
  assert.equal(JSON.parse(readFileSync(saved, "utf8")).totalMicroUsd, report.totalMicroUsd);

  // Fields the page has no input for are kept.
  await page.goto(pageUrl({ storageGb: 50, controller: { holdDownSeconds: 120 } }));
  await page.waitForSelector(READY);
  await settled(page);
  if (await page.getByTestId("notice").isHidden()) {
    await page.locator("#storage-gb").fill("60");
    assert.deepEqual((await hashScenario(page)), { storageGb: 60, controller: { holdDownSeconds: 120 } });
  }
  await page.close();
});

test("an unusable hash falls back to the default with a notice", async () => {
  for (const hash of ["#s=%7Bnot-json", `#s=${encodeURIComponent('{"scaling":{"maxAcu":3.3}}')}`, "#s=%5B1%2C2%5D"]) {
    const page = await newPage();
    await page.goto(server.url + hash);
    await page.waitForSelector(READY);
    await settled(page);
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
    if (expected.totalMicroUsd !== undefined) assert.equal(cli.totalMicroUsd, expected.totalMicroUsd, `${name}: CLI total vs golden`);
    if (expected.idealTotalMicroUsd !== undefined) assert.equal(cli.ideal?.totalMicroUsd, expected.idealTotalMicroUsd, `${name}: CLI ideal vs golden`);

    await page.goto("about:blank");
    await open(page, scenario);
    await settled(page);
    assert.equal(await page.getByTestId("notice").isHidden(), true, `${name}: scenario accepted`);
    const shown = displayedCents(await text(page, "total-monthly"));
    assert.equal(shown, microToCents(cli.totalMicroUsd), `${name}: page vs CLI`);
    if (expected.totalMicroUsd !== undefined) assert.equal(shown, microToCents(expected.totalMicroUsd), `${name}: page vs golden`);
    if (expected.idealTotalMicroUsd !== undefined) {
      assert.equal(displayedCents(await text(page, "ideal-total")), microToCents(expected.idealTotalMicroUsd), `${name}: ideal vs golden`);
    }
    assert.equal(displayedCents(await text(page, "total-yearly")), microToCents(cli.yearlyMicroUsd), `${name}: yearly`);

    // An unpriced line shows "unpriced" (its cost is null in the CLI's JSON and the vector).
    const lineCents = await page.locator("#line-rows td.cost").evaluateAll((cells) => cells.map((c) => c.textContent));
    const cents = (shown) => (shown === "unpriced" ? null : displayedCents(shown));
    const centsOf = (micro) => (micro === null ? null : microToCents(micro));
    assert.deepEqual(lineCents.map(cents), cli.lines.map((line) => centsOf(line.costMicroUsd)), `${name}: line costs vs CLI`);
    if (expected.lineCostsMicroUsd) {
      assert.deepEqual(lineCents.map(cents), expected.lineCostsMicroUsd.map(centsOf), `${name}: lines`);
    }
    console.log(`${name}: page ${await text(page, "total-monthly")}, CLI ${cli.totalMicroUsd} µ$`);
  }
  await page.close();
});

test("screenshots at desktop and phone widths, light and dark, without sideways scrolling", async () => {
  const scenario = {
    workload: { levels: [{ acu: 16, hours: 220 }, { acu: 2, hours: 520 }] },
    readers: [{ promotionTier: 1 }],
    storageGb: 250,
    io: { monthly: { requests: 50000000 } },
    extras: { rdsProxy: true },
    priceOverrides: { serverlessStandard: 0.12 },
    compare: { classes: [{ class: "db.r6g.xlarge", onDemandHourly: 0.58, reserved: [{ termYears: 1, hourly: 0.37 }] }] },
  };
  for (const [label, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    const page = await newPage(viewport);
    const ms = await open(page, scenario);
    console.log(`${label} ${viewport.width}×${viewport.height}: first result ${ms.toFixed(0)} ms after navigation`);
    assert.equal(displayedCents(await text(page, "total-monthly")), microToCents(cliEstimate(scenario).totalMicroUsd));
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(artifacts, `calculator-${label}${colorScheme === "dark" ? "-dark" : ""}.png`), fullPage: true });
    }
    // Everything disclosed, the widest workload shown: still no sideways scrolling.
    await page.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
    await page.locator('label[for="kind-weekly"]').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${label}: no horizontal scrolling (overflow ${overflow}px)`);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: join(artifacts, `calculator-${label}-dark-expanded.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
    await page.screenshot({ path: join(artifacts, `calculator-${label}-expanded.png`), fullPage: true });
    await page.close();
  }
});

test("asset sizes, raw and gzip", () => {
  const files = [
    "index.html", "boot.js", "app.js", "weekly.js", "worker.js", "engine.js", "sw.js", "style.css", "pkg/acumen.js", "pkg/acumen_bg.wasm",
    // The page's first wasm (scripts/first-wasm.mjs).
    "pkg/first/acumen.js", "pkg/first/acumen_bg.wasm",
    // Loaded only when its section is opened, not on the first load.
    "migrate.js",
  ];
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(siteDir, { recursive: true }).filter((f) => statSync(join(siteDir, f)).isFile()).sort()) {
    const bytes = readFileSync(join(siteDir, file));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    console.log(`  ${file.padEnd(22)} ${String(bytes.length).padStart(8)} B raw ${String(zipped).padStart(8)} B gzip`);
  }
  console.log(`  ${"total".padEnd(22)} ${String(raw).padStart(8)} B raw ${String(gzip).padStart(8)} B gzip (budget 122,880 B gzip)`);
  for (const file of files) assert.ok(existsSync(join(siteDir, file)), file);
  // No chart library or other third-party asset is shipped: only the page's own files and the package.
  assert.deepEqual(readdirSync(siteDir, { recursive: true }).filter((f) => statSync(join(siteDir, f)).isFile()).sort(), [...files].sort());
});

test("recompute time: an input event to the result on screen, and the main thread's share (default scenario)", async () => {
  const page = await newPage();
  await open(page);
  // The first estimate is made on the page; the later ones in the worker, once it has started.
  await page.waitForSelector('html[data-engine="worker"]', { timeout: 15_000 });
  await settled(page);
  const worker = page.workers().find((w) => w.url().endsWith("/worker.js"));
  assert.ok(worker, "the calculation worker runs");
  const before = await worker.evaluate(() => performance.getEntriesByName("acumen:estimate").length);
  const measured = await page.evaluate(async () => {
    const results = document.getElementById("results");
    const input = /** @type {HTMLInputElement} */ (document.getElementById("demand-acu"));
    const resultShown = () =>
      new Promise((resolve) => {
        if (!results.dataset.pending) return resolve();
        const observer = new MutationObserver(() => {
          if (results.dataset.pending) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(results, { attributes: true, attributeFilter: ["data-pending"] });
      });
    const longTasks = [];
    const watcher = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
    watcher.observe({ type: "longtask" });
    performance.clearMeasures();
    const latency = [];
    const totals = new Set();
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      input.value = String(4 + (i % 2));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await resultShown();
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      latency.push(performance.now() - started);
      totals.add(document.getElementById("total-monthly").textContent);
    }
    watcher.disconnect();
    const durations = (name) => performance.getEntriesByName(name).map((entry) => entry.duration);
    return { latency, input: durations("acumen:input"), render: durations("acumen:render"), charts: durations("acumen:charts"), longTasks, totals: [...totals] };
  });
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
  };
  // Budgets are benchmarks, not timed tests (design.md): the figures are printed, the behaviour asserted.
  console.log(`recompute, input to the new result painted: ${stats(measured.latency)} (30 edits; the estimate runs in the worker)`);
  console.log(
    `recompute, main-thread script per edit: input handler ${stats(measured.input)}; rendering the result ${stats(measured.render)}; ` +
      `the charts, after that paint ${stats(measured.charts)}`,
  );
  const inWorker = (await worker.evaluate(() => performance.getEntriesByName("acumen:estimate").map((entry) => entry.duration))).slice(before);
  assert.equal(inWorker.length, 30, "the worker made every estimate");
  console.log(`recompute, the estimate in the worker (the wasm call): ${stats(inWorker)}`);
  console.log(`recompute, long tasks (> 50 ms) on the main thread during the edits: ${measured.longTasks.length}${measured.longTasks.length ? ` (${measured.longTasks.map((d) => d.toFixed(0)).join(", ")} ms)` : ""}`);
  assert.deepEqual(measured.totals.sort(), ["$360.40", "$448.00"], "each edit showed its own result");
  assert.equal(measured.input.length, 30, "every edit was handled");
  assert.equal(measured.render.length, 30, "every result was rendered once");
  assert.ok(measured.charts.length >= 1 && measured.charts.length <= 30, "the charts followed");
  await page.close();
});

test("keyboard: every control is reachable with Tab; groups open with Enter", async () => {
  const page = await newPage();
  await open(page);
  await page.getByTestId("preset-seed").focus();
  await page.keyboard.press("Tab");
  // After an earlier edit in this browser, the offer to restore it comes next.
  if (await page.getByTestId("restore").isVisible()) {
    assert.equal(await page.evaluate(() => document.activeElement?.id), "restore-button");
    await page.keyboard.press("Tab");
  }
  // The section "From a provisioned instance", closed, is one stop before the inputs.
  assert.equal(await page.evaluate(() => document.activeElement?.matches("#migrate > summary")), true);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "min-acu");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "max-acu");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "auto-pause");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "kind-steady");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "demand-acu");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.locator("#demand-acu").inputValue(), "5");
  assert.equal(await text(page, "total-monthly"), "$448.00"); // 5 × 730 × $0.12 + $10.00
  await page.locator("#hours").press("Enter");
  assert.equal(await text(page, "total-monthly"), "$448.00", "Enter submits nothing");

  // Tab through the whole page: every visible control gets focus in turn.
  await page.locator("#min-acu").focus();
  const seen = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim().slice(0, 20)));
  }
  for (const id of ["max-acu", "demand-acu", "hours", "storage-gb", "storage-standard", "backup-gb", "reset"]) {
    assert.ok(seen.includes(id), `${id} reachable by Tab (${seen.join(", ")})`);
  }
  for (const title of ["Region and engine", "Readers", "I/O requests", "Extras", "Price overrides"]) {
    assert.ok(seen.some((entry) => entry?.startsWith(title.slice(0, 12))), `${title} summary reachable`);
  }
  // A closed group opens from the keyboard.
  await page.locator("#group-engine > summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#group-engine").getAttribute("open"), "");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "region");
  // Radio groups move with the arrow keys.
  await page.locator("#storage-standard").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.locator("#storage-io").isChecked(), true);
  assert.equal(await text(page, "total-monthly"), "$606.50"); // 5 × 730 × $0.16 + 100 × $0.225
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
