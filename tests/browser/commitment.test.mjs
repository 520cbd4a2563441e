// The Database Savings Plan on the page, in headless Chromium at desktop and
// phone widths: the business-hours example's best commitment, its use and
// saving, the cost-against-commitment chart with the best point marked, and
// the user's commitment set from the field or by a click on the chart; and
// a verdict that never names ideal tracking. Served from target/site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { estimate } from "acumen";
import { DESKTOP, PHONE, artifacts, formatCents, openPage, pageUrl, root, settled, text, useSite } from "./helpers.mjs";

/** docs/examples/business-hours.toml, as the page's link carries it. */
const BUSINESS_HOURS = {
  region: "us-east-1",
  storageGb: 100,
  scaling: { minAcu: 0.5, maxAcu: 32 },
  workload: { businessHours: { peakAcu: 16, offPeakAcu: 2, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 } },
  compare: { serverlessSavingsPlanDiscount: 0.2 },
};

const site = useSite("commitment");

const opened = (viewport, scenario) => openPage(site, viewport, pageUrl(site.server.url, scenario));

/** The chart drawn after the figures: wait for it. */
async function chartReady(page) {
  await page.waitForSelector('#commitment-chart [data-series="best"]', { timeout: 10_000 });
}

for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`${name}: the business-hours example shows the commitment to buy, its use and saving`, async () => {
    const page = await opened(viewport, BUSINESS_HOURS);
    await chartReady(page);
    const plan = estimate(BUSINESS_HOURS).comparison.savingsPlans[0];
    // 510-odd off-peak hours at 2 ACU outnumber the ⌈0.2 × 730⌉ = 146 cheapest
    // hours: the best commitment is the off-peak level at the plan rate,
    // 2 ACU × $0.12 × 0.8 = $0.192 an hour, all of it used.
    assert.equal(plan.best.hourlyMicroUsd, 192_000);
    assert.equal(plan.best.utilisation, 1);
    const summary = await text(page, "commitment-summary");
    assert.equal(summary, `Commit $0.192 an hour: 100.0 % of it is used, and it saves ${formatCents(plan.best.savingMicroUsd)} a month (6.4 % of on-demand compute).`);
    assert.ok((await text(page, "commitment-legend")).includes(`Best: $0.192 an hour, ${formatCents(plan.best.monthlyMicroUsd)} a month`));
    // The best point sits on the lowest point of the drawn curve.
    const lowest = await page.evaluate(() => {
      const points = document.querySelector('#commitment-chart [data-series="commitment"]').getAttribute("points").split(" ").map((p) => Number(p.split(",")[1]));
      return Math.max(...points);
    });
    const bestY = Number(await page.locator('#commitment-chart [data-series="best"]').getAttribute("cy"));
    assert.ok(Math.abs(lowest - bestY) < 0.2, `best at ${bestY}, the curve's lowest at ${lowest}`);
    // A row of the comparison names the commitment.
    assert.equal(await page.locator('#comparison-rows tr[data-option="serverless with the best Savings Plan ($0.192 an hour)"]').count(), 1);
    // The verdict is between options a user can buy.
    assert.ok(!(await text(page, "verdict")).includes("ideal"));
    await page.getByTestId("commitment-chart").scrollIntoViewIfNeeded();
    await page.getByTestId("commitment-chart").screenshot({ path: join(artifacts, `commitment-${name}.png`) });
    await page.close();
  });
}

test("the user's commitment: typed in its field, or picked on the chart", async () => {
  const page = await opened(DESKTOP, BUSINESS_HOURS);
  await chartReady(page);
  // The chart's button goes to the field (its group opens, focus moves there).
  await page.getByTestId("edit-commitment").click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "serverless-sp-commitment");
  await page.locator("#serverless-sp-commitment").fill("0.5");
  await page.waitForSelector('#commitment-chart [data-series="yours"]');
  const yours = estimate({ ...BUSINESS_HOURS, compare: { ...BUSINESS_HOURS.compare, serverlessSavingsPlanCommitment: 0.5 } }).comparison.savingsPlans[0].yours;
  // $0.50 an hour is paid all 730 hours: $365 at least.
  assert.ok(yours.monthlyMicroUsd >= 365_000_000);
  assert.ok((await text(page, "commitment-legend")).includes(`Yours: $0.500 an hour, ${formatCents(yours.monthlyMicroUsd)} a month`));
  assert.equal(await page.locator('#comparison-rows tr[data-option="serverless with your Savings Plan ($0.500 an hour)"]').count(), 1);
  // A click on the chart's left edge of the plot picks a small commitment.
  const box = await page.locator("#commitment-chart svg").boundingBox();
  await page.mouse.click(box.x + box.width * 0.15, box.y + box.height / 2);
  await settled(page);
  const picked = Number(await page.locator("#serverless-sp-commitment").inputValue());
  assert.ok(picked > 0 && picked < 0.5, `picked ${picked}`);
  await page.waitForSelector(`#commitment-chart [data-series="yours"][data-hourly-micro-usd="${Math.round(picked * 1e6)}"]`);
  await page.close();
});

test("README screenshot: the Savings Plan chart of the business-hours example", async () => {
  const page = await opened(DESKTOP, BUSINESS_HOURS);
  await chartReady(page);
  const shot = join(artifacts, "calculator-savings-plan.png");
  await page.getByTestId("commitment-chart").scrollIntoViewIfNeeded();
  await page.getByTestId("commitment-chart").screenshot({ path: shot });
  if (process.env.ACUMEN_UPDATE_DOCS) copyFileSync(shot, join(root, "docs", "calculator-savings-plan.png"));
  await page.close();
});

test("verdicts name only what can be bought; nothing provisioned priced is no verdict", async () => {
  // Busy 2 h a day: ideal tracking is the cheapest row, a what-if.
  const busy = { storageGb: 0, workload: { businessHours: { peakAcu: 16, offPeakAcu: 0.5, hoursPerDay: 2 } } };
  let page = await opened(DESKTOP, busy);
  assert.equal(await page.locator("#comparison-rows tr").first().getAttribute("data-kind"), "serverless-ideal");
  assert.ok(!(await text(page, "verdict-cheapest")).includes("ideal"), await text(page, "verdict-cheapest"));
  assert.equal(await page.locator("#comparison-rows tr.cheapest").getAttribute("data-kind"), "serverless");
  assert.ok(!(await page.locator('[data-topic="purchase"]').textContent()).includes("ideal"));
  await page.close();
  // A class with no rate anywhere: nothing provisioned to compare with.
  page = await opened(PHONE, { storageGb: 0, workload: { steady: { acu: 4 } }, compare: { classes: [{ class: "db.x9.large", memoryGib: 64 }] } });
  assert.equal(await text(page, "verdict-choice"), "No verdict");
  assert.equal(await text(page, "verdict-cheapest"), "");
  assert.match(await text(page, "verdict-text"), /^No provisioned option could be priced; add an instance class with its on-demand rate/);
  await page.close();
});
