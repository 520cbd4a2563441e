// A new user's walkthrough, in headless Chromium at desktop and phone
// sizes, done with clicks and typing only: price a cluster in eu-west-1 (a
// writer and a tier-1 and a tier-2 reader, business hours of 12/2 ACU,
// 500 GB, 200 million I/O requests, RDS Proxy, a db.r6g.2xlarge with a
// 1-year Reserved rate), then change the region, import a CloudWatch CSV,
// use the optimizer, export and share. Every total is checked against the
// package's estimate of the scenario the page links to; a screenshot of
// each step goes to tests/artifacts/walkthrough-<width>-<step>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { estimate, optimize } from "acumen";
import { weekOfMinutes } from "./cluster.mjs";
import { DESKTOP, PHONE, artifacts, currentHash, formatCents, hashScenario, openPage, readLink, settled, text, useSite } from "./helpers.mjs";

const site = useSite("walkthrough", { acceptDownloads: true });

/** Opens a closed group of inputs by its header, as a person would. */
async function openGroup(page, id) {
  const group = page.locator(`#${id}`);
  if (!(await group.evaluate((details) => /** @type {HTMLDetailsElement} */ (details).open))) await page.locator(`#${id} > summary`).click();
}

/** The headline total, checked against the package's estimate of the scenario in the page's link. */
async function totalMatchesLink(page, step) {
  const scenario = await hashScenario(page);
  const shown = await text(page, "total-monthly");
  assert.equal(shown, formatCents(estimate(scenario).totalMicroUsd), `${step}: the total is the package's`);
  return { scenario, shown };
}

for (const [label, viewport] of [
  ["desktop", DESKTOP],
  ["phone", PHONE],
]) {
  test(`walkthrough at ${label} width: price a cluster, change region, import, optimize, export and share`, async () => {
    const page = await openPage(site, viewport);
    let step = 0;
    const shot = async (name) => page.screenshot({ path: join(artifacts, `walkthrough-${label}-${++step}-${name}.png`) });
    if (label === "phone") await page.getByTestId("jump-inputs").click();

    // The cluster, typed in.
    await openGroup(page, "group-engine");
    await page.locator("#region").selectOption("eu-west-1");
    await page.locator('label[for="kind-business"]').click();
    await page.locator("#bh-peak").fill("12");
    await page.locator("#bh-off-peak").fill("2");
    await page.locator("#storage-gb").fill("500");
    await openGroup(page, "group-readers");
    for (const [i, tier] of ["1", "2"].entries()) {
      await page.getByTestId("add-readers").click();
      await page.locator(`#reader-${i}-promotionTier`).fill(tier);
    }
    await openGroup(page, "group-io");
    await page.locator('label[for="io-monthly"]').click();
    await page.locator("#io-requests").fill("200000000");
    await openGroup(page, "group-extras");
    await page.locator("#rds-proxy").check();
    await openGroup(page, "group-compare");
    await page.getByTestId("add-class").click();
    await page.locator("#class-0-name").fill("db.r6g.2xlarge");
    await page.getByTestId("add-offer-0").click();
    await page.locator("#class-0-hourly").fill("0.78");
    await settled(page);
    const built = await totalMatchesLink(page, "the cluster");
    assert.deepEqual(
      {
        region: built.scenario.region,
        workload: built.scenario.workload,
        readers: built.scenario.readers,
        storageGb: built.scenario.storageGb,
        io: built.scenario.io,
        extras: built.scenario.extras,
        classes: built.scenario.compare.classes,
      },
      {
        region: "eu-west-1",
        workload: { businessHours: { peakAcu: 12, offPeakAcu: 2, hoursPerDay: 10, startHour: 8, daysPerWeek: 5 } },
        readers: [{ promotionTier: 1 }, { promotionTier: 2 }],
        storageGb: 500,
        io: { monthly: { requests: 200_000_000 } },
        extras: { rdsProxy: true },
        classes: [{ class: "db.r6g.2xlarge", reserved: [{ termYears: 1, hourly: 0.78 }] }],
      },
    );
    // RDS Proxy has no eu-west-1 price in the catalog: the page says so at the checkbox, and the total leaves it out.
    const report = estimate(built.scenario);
    if (report.unpriced.some((u) => u.item === "proxyServerless")) {
      assert.match(await page.getByTestId("missing-extras.rdsProxy").textContent(), /the total leaves it out/);
    }
    // The 1-year Reserved rate is in the comparison.
    assert.match(await page.getByTestId("comparison").textContent(), /db\.r6g\.2xlarge, 1-year reserved/);
    await shot("cluster");
    await page.getByTestId("comparison").scrollIntoViewIfNeeded();
    await shot("comparison");

    // Another region: the Reserved rate stays with eu-west-1, and says so.
    await page.locator("#region").scrollIntoViewIfNeeded();
    await page.locator("#region").selectOption("ap-northeast-1");
    await settled(page);
    const tokyo = await totalMatchesLink(page, "ap-northeast-1");
    assert.deepEqual(tokyo.scenario.compare.classes, [{ class: "db.r6g.2xlarge", reserved: [{ termYears: 1 }] }]);
    assert.match(await page.getByTestId("kept-rates").textContent(), /^Kept, not applied in ap-northeast-1: the rates of db\.r6g\.2xlarge for eu-west-1\./);
    await page.getByTestId("kept-rates").scrollIntoViewIfNeeded();
    await shot("region");

    // A week of CloudWatch capacity becomes the workload; the business hours stay in the link.
    await page.getByTestId("csv-file").setInputFiles({ name: "capacity.csv", mimeType: "text/csv", buffer: weekOfMinutes() });
    await settled(page);
    const traced = await totalMatchesLink(page, "the import");
    assert.equal(traced.scenario.workload.trace.acu.length, 7 * 24 * 60);
    assert.match(await page.getByTestId("undo-text").textContent(), /^Imported capacity\.csv as the workload\.$/);
    await page.getByTestId("csv-status").scrollIntoViewIfNeeded();
    await shot("import");

    // The optimizer: the cheapest range, used, with the way back.
    await page.locator("#optimizer > summary").click();
    await settled(page);
    const expected = optimize(traced.scenario, { maxUnmetShare: 0.001 });
    const apply = page.getByTestId("optimizer-apply");
    if (expected.best && !(expected.best.minAcu === expected.current.minAcu && expected.best.maxAcu === expected.current.maxAcu)) {
      await page.locator("#optimizer").scrollIntoViewIfNeeded();
      await shot("optimizer");
      await apply.click();
      await settled(page);
      const applied = await totalMatchesLink(page, "the optimizer's range");
      assert.deepEqual([applied.scenario.scaling.minAcu, applied.scenario.scaling.maxAcu], [expected.best.minAcu, expected.best.maxAcu]);
      assert.match(await page.getByTestId("optimizer-status").textContent(), /^Keep the current range/);
      assert.match(await page.getByTestId("undo-text").textContent(), /^Set the scaling range to /);
    } else {
      assert.match(await page.getByTestId("optimizer-status").textContent(), /^Keep the current range/);
      assert.equal(await apply.isHidden(), true);
    }
    await page.locator("#optimizer").scrollIntoViewIfNeeded();
    await shot("optimized");

    // Export: the scenario file is the scenario of the link, and downloads as such.
    await page.locator("#export > summary").click();
    await settled(page);
    const linked = await hashScenario(page);
    assert.deepEqual(JSON.parse(await page.getByTestId("export-scenario").inputValue()), linked);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-download="export-scenario"]').click()]);
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), linked);
    assert.match(await page.getByTestId("export-cfn").inputValue(), /AWS::RDS::DBCluster/);

    // Share: the link is short enough to paste, and opens the same estimate.
    const href = await page.getByTestId("share-link").inputValue();
    assert.equal(href, await page.evaluate(() => location.href));
    assert.ok(href.length < 8_000, `${label}: a ${href.length}-character link`);
    assert.deepEqual(readLink(await currentHash(page)).scenario, linked);
    await page.getByTestId("share-link").scrollIntoViewIfNeeded();
    await shot("share");
    const total = await text(page, "total-monthly");
    const shared = await openPage(site, viewport, href);
    assert.equal(await text(shared, "total-monthly"), total, `${label}: the shared link opens the same estimate`);
    await shared.close();
    await page.close();
  });
}
