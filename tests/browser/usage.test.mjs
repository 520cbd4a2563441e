// The calculator as a person uses it, in headless Chromium at desktop and
// phone widths: work that an example, an import or the optimizer would
// replace can be undone, and the last own scenario restored; errors at their
// inputs; region-specific prices kept to their region; the optimizer keeps
// the current range on a tie; inputs wide enough for their values; on a
// phone the inputs and the result one tap apart; one validation message per
// rule; share links short enough to paste. Served from target/site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { estimate, optimize } from "acumen";
import { CLUSTER, weekOfMinutes } from "./cluster.mjs";
import { DESKTOP, PHONE, READY, artifacts, currentHash, formatCents, hashScenario, openPage, pageUrl, readLink, settled, text, useSite } from "./helpers.mjs";

const site = useSite("usage");

const VIEWPORTS = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
];

/** A fresh page at `viewport`, opened on `scenario` (none: the default), its result on screen. */
const opened = (viewport, scenario) => openPage(site, viewport, pageUrl(site.server.url, scenario));

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

// ------------------------------------------------------------ widths

test("every input is wide enough for its value, at desktop and phone widths", async () => {
  // The class's on-demand rate left to the catalog: its placeholder "catalog" must show whole too.
  const catalogRate = { ...CLUSTER, compare: { classes: [{ ...CLUSTER.compare.classes[0], onDemandHourly: undefined }, CLUSTER.compare.classes[0]] } };
  for (const [label, viewport] of VIEWPORTS) {
    const page = await opened(viewport, catalogRate);
    await page.evaluate(() => document.querySelectorAll("#scenario-form details").forEach((d) => (/** @type {HTMLDetailsElement} */ (d).open = true)));
    const cut = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
      document.body.append(probe);
      const found = [];
      for (const node of document.querySelectorAll("#scenario-form input:not([type=checkbox]):not([type=radio]):not([type=file]), #scenario-form select")) {
        const input = /** @type {HTMLInputElement | HTMLSelectElement} */ (node);
        // A value, or where there is none the placeholder that stands for it ("catalog").
        const shown = input instanceof HTMLSelectElement ? input.selectedOptions[0]?.textContent ?? "" : input.value || input.placeholder;
        if (!input.offsetParent || !shown) continue;
        const style = getComputedStyle(input);
        probe.style.font = style.font;
        probe.textContent = shown;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - (input instanceof HTMLSelectElement ? 20 : 0);
        if (probe.getBoundingClientRect().width > room + 0.5) found.push(`${input.id}: "${probe.textContent}" in ${room.toFixed(0)} px`);
      }
      probe.remove();
      return found;
    });
    assert.deepEqual(cut, [], `${label}: values cut`);
    // A file input shows its whole button and the name chosen.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll("#scenario-form input[type=file]")]
        .filter((input) => /** @type {HTMLElement} */ (input).offsetParent && input.scrollWidth > input.clientWidth)
        .map((input) => input.id),
    );
    assert.deepEqual(clipped, [], `${label}: file inputs cut`);
    await page.locator("#group-compare").screenshot({ path: join(artifacts, `usage-${label}-compare.png`) });
    await page.close();
  }
});

// ------------------------------------------------------------ validation

test("one message per rule: a maximum out of range, an emptied field and letters are each refused at the input", async () => {
  for (const [label, viewport] of VIEWPORTS) {
    const page = await opened(viewport);
    const errorOf = async (id) => {
      await settled(page);
      return page.getByTestId(`error-${id}`).textContent();
    };
    // −5 and 0.5 break the same rule, and are told so in the same words.
    await page.locator("#max-acu").fill("-5");
    assert.equal(await errorOf("max-acu"), "Must be between 1 and 256 ACU, got -5.", label);
    await page.locator("#max-acu").fill("0.5");
    assert.equal(await errorOf("max-acu"), "Must be between 1 and 256 ACU, got 0.5.", label);
    await page.locator("#max-acu").fill("16");
    await settled(page);
    assert.equal(await page.getByTestId("error-max-acu").isHidden(), true);
    // An emptied required field is an error, and the result is marked out of date.
    await page.locator("#min-acu").fill("");
    assert.equal(await errorOf("min-acu"), "Enter a value.", label);
    assert.equal(await page.getByTestId("results").getAttribute("data-stale"), "true");
    // Letters stay where they were typed, and are refused there.
    await page.locator("#min-acu").pressSequentially("abc");
    assert.equal(await page.locator("#min-acu").inputValue(), "abc");
    assert.equal(await errorOf("min-acu"), 'Enter a number, not "abc".', label);
    assert.equal(await page.locator("#min-acu").getAttribute("aria-invalid"), "true");
    await page.locator("#min-acu").fill("0.5");
    await settled(page);
    assert.equal(await page.getByTestId("results").getAttribute("data-stale"), "false");
    await page.close();
  }
});

// ------------------------------------------------------------ undo

test("an example replaces the inputs only until Undo or Back, and restore brings back the user's own scenario", async () => {
  for (const [label, viewport] of VIEWPORTS) {
    await site.context.clearCookies();
    const page = await opened(viewport, CLUSTER);
    await page.evaluate(() => localStorage.clear());
    // An edit of the user's own: 600 GB.
    await page.locator("#storage-gb").fill("600");
    const own = await text(page, "total-monthly");
    // The examples are not named like the demand shapes beside them.
    const tabs = await page.locator("#workload-kind label").allTextContents();
    for (const name of await page.locator("[data-preset]").allTextContents()) assert.ok(!tabs.includes(name), `${label}: "${name}" is also a demand shape`);

    await page.getByTestId("preset-business").click();
    await settled(page);
    assert.notEqual(await text(page, "total-monthly"), own);
    assert.equal(await page.locator("#region").inputValue(), "us-east-1");
    assert.equal(await page.getByTestId("undo-text").textContent(), "Loaded the weekday peak example in place of your inputs.");
    await page.getByTestId("undo-button").click();
    await settled(page);
    assert.equal(await text(page, "total-monthly"), own, `${label}: Undo brings the inputs back`);
    assert.equal(await page.locator("#region").inputValue(), "eu-west-1");
    assert.equal(await page.locator("#storage-gb").inputValue(), "600");
    assert.equal(await page.getByTestId("undo-text").textContent(), "Undone: your earlier inputs are back.");
    await page.screenshot({ path: join(artifacts, `usage-${label}-undo.png`) });

    // Back, after an example, returns to the inputs before it.
    await page.getByTestId("preset-seed").click();
    await settled(page);
    assert.equal(await page.locator("#region").inputValue(), "us-east-1");
    await page.goBack();
    await page.waitForFunction(() => /** @type {HTMLSelectElement} */ (document.getElementById("region")).value === "eu-west-1");
    await settled(page);
    assert.equal(await text(page, "total-monthly"), own, `${label}: Back returns to the own inputs`);

    // An example shown last is not what the next visit offers to restore.
    await page.getByTestId("preset-business").click();
    await settled(page);
    await page.close();
    const next = await opened(viewport);
    assert.equal(await next.getByTestId("restore").isVisible(), true);
    await next.getByTestId("restore-button").click();
    await settled(next);
    assert.equal(await next.locator("#region").inputValue(), "eu-west-1", `${label}: restore brings back the own scenario`);
    assert.equal(await next.locator("#storage-gb").inputValue(), "600");
    assert.equal(await text(next, "total-monthly"), own);
    // The restore itself can be undone.
    await next.getByTestId("undo-button").click();
    await settled(next);
    assert.equal(await next.locator("#region").inputValue(), "us-east-1");
    await next.close();
  }
});

// ------------------------------------------------------------ errors at their inputs

test("every missing price is asked for at once, at its input and at the input that needs it; a refused input is named and linked", async () => {
  // ca-central-1 lacks Standard storage, I/O and RDS Proxy prices in the catalog: three lines the total leaves out.
  const scenario = { region: "ca-central-1", storageGb: 500, io: { monthly: { requests: 200_000_000 } }, extras: { rdsProxy: true } };
  const unpriced = estimate(scenario).unpriced.map((u) => u.item).sort();
  assert.deepEqual(unpriced, ["ioRequests", "proxyServerless", "storageStandard"]);
  for (const [label, viewport] of VIEWPORTS) {
    const page = await opened(viewport, scenario);
    // All three at once in the headline, each a link to its price input.
    const links = page.locator("#missing-prices button");
    assert.deepEqual((await links.evaluateAll((nodes) => nodes.map((n) => n.dataset.goto))).sort(), unpriced.map((item) => `priceOverrides.${item}`));
    for (const item of unpriced) {
      assert.match(await page.getByTestId(`missing-priceOverrides.${item}`).textContent(), /^Needed: no price is known in ca-central-1, so the total leaves out /);
    }
    // At the inputs that bring the charges in, with the way to the price.
    assert.match(await page.getByTestId("missing-extras.rdsProxy").textContent(), /^No price for RDS Proxy \(at least 8 ACUs\) in ca-central-1: the total leaves it out\./);
    assert.match(await page.getByTestId("missing-storageGb").textContent(), /the total leaves it out/);
    await page.getByTestId("missing-extras.rdsProxy").getByRole("button").click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "price-proxyServerless", label);
    // Entering the price there prices the line: one fewer missing.
    await page.locator("#price-proxyServerless").fill("0.015");
    await settled(page);
    assert.equal(await links.count(), 2);
    assert.equal(await page.getByTestId("missing-extras.rdsProxy").count(), 0);
    await page.screenshot({ path: join(artifacts, `usage-${label}-missing-prices.png`) });

    // A refused input: the banner names it and links to it; the placeholders claim no price meanwhile.
    await page.locator("#max-acu").fill("-5");
    await settled(page);
    assert.equal(await page.locator("#stale-text").textContent(), "Out of date: showing the last valid estimate. Correct Maximum capacity to update it.");
    assert.equal(await page.locator("#price-serverlessStandard").getAttribute("placeholder"), "");
    // The groups' summaries follow the inputs, refused or not.
    await page.locator("#group-extras > summary").scrollIntoViewIfNeeded();
    await page.locator("#rds-proxy").uncheck();
    await settled(page);
    assert.equal(await page.locator("#extras-summary").textContent(), "none");
    await page.locator("#rds-proxy").check();
    await settled(page);
    assert.equal(await page.locator("#extras-summary").textContent(), "1 set");
    await page.getByTestId("stale-goto").click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "max-acu", label);
    await page.close();
  }
});

// ------------------------------------------------------------ share links

test("share links: a week of 1-minute data is compressed to a link that can be pasted, with the hidden values and the chart's instance", async () => {
  for (const [label, viewport] of VIEWPORTS) {
    const page = await opened(viewport, CLUSTER);
    await page.getByTestId("csv-file").setInputFiles({ name: "capacity.csv", mimeType: "text/csv", buffer: weekOfMinutes() });
    await settled(page);
    assert.equal(await page.locator("#kind-trace").isChecked(), true);
    // The import can be undone, to the business hours as they were; and done again.
    await page.getByTestId("undo-button").click();
    await settled(page);
    assert.equal(await page.locator("#kind-business").isChecked(), true);
    assert.deepEqual([await page.locator("#bh-peak").inputValue(), await page.locator("#bh-off-peak").inputValue()], ["12", "2"]);
    await page.getByTestId("csv-file").setInputFiles({ name: "capacity.csv", mimeType: "text/csv", buffer: weekOfMinutes() });
    await settled(page);
    assert.equal(await page.locator("#kind-trace").isChecked(), true);
    // The chart shows the reader; the link keeps that choice.
    await page.getByTestId("chart-instance").selectOption("reader 1");
    const hash = await currentHash(page);
    assert.ok(hash.startsWith("#z="), `${label}: a long link is packed`);
    const link = readLink(hash);
    assert.equal(link.scenario.workload.trace.acu.length, 7 * 24 * 60);
    // What the business-hours panel held while the trace is used: 12/2, not the defaults 8/1.
    assert.deepEqual(link.view, { hidden: { "bh-peak": "12", "bh-off-peak": "2" }, chart: { instance: "reader 1", period: "week" } });
    const href = await page.evaluate(() => location.href);
    assert.ok(href.length < 8_000, `${label}: ${href.length} characters`);
    const plain = `#s=${encodeURIComponent(JSON.stringify(link.scenario))}&v=${encodeURIComponent(JSON.stringify(link.view))}`;
    console.log(`${label}: a week of 1-minute data, ${hash.length} characters packed, ${plain.length} as JSON`);
    await page.locator("#export > summary").click();
    assert.equal(await page.getByTestId("share-link").inputValue(), href);
    assert.match(await page.getByTestId("share-note").textContent(), /^[\d,]+ characters, compressed: it opens this estimate anywhere, with every input\.$/);
    const total = await text(page, "total-monthly");

    // The link opens the same estimate, the same chart and the same hidden values.
    const shared = await opened(viewport);
    await shared.goto(href);
    await shared.waitForSelector(READY);
    await settled(shared);
    assert.equal(await text(shared, "total-monthly"), total, label);
    assert.equal(await shared.getByTestId("chart-instance").inputValue(), "reader 1");
    await shared.locator('label[for="kind-business"]').click();
    assert.equal(await shared.locator("#bh-peak").inputValue(), "12");
    assert.equal(await shared.locator("#bh-off-peak").inputValue(), "2");
    await shared.close();

    // Data a link cannot carry is said plainly, with the way to share it instead.
    // 20,000 samples of 4-decimal noise (a linear congruential sequence): little for deflate to find.
    let seed = 12345;
    const noisy = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (2 + (seed / 2 ** 31) * 10).toFixed(4);
    }).join(", ");
    await page.locator("#trace-acu").fill(noisy);
    await settled(page);
    await currentHash(page);
    assert.equal(await page.getByTestId("share-note").getAttribute("data-too-long"), "true");
    assert.match(await page.getByTestId("share-note").textContent(), /too long for many chat apps, mail clients and forms.*Share the scenario file instead/);
    await page.getByTestId("share-note").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, `usage-${label}-share.png`) });
    await page.close();
  }
});

// ------------------------------------------------------------ regional prices

test("prices entered for a region are kept for it, not applied in another, and said to be kept", async () => {
  const priced = { ...CLUSTER, priceOverrides: { proxyServerless: 0.015 } };
  for (const [label, viewport] of VIEWPORTS) {
    const page = await opened(viewport, priced);
    const inEurope = await text(page, "total-monthly");
    assert.equal(inEurope, formatCents(estimate(priced).totalMicroUsd));
    await page.locator("#group-engine > summary").click();
    await page.locator("#region").selectOption("ap-northeast-1");
    await settled(page);
    // In Tokyo none of them applies: the override and the class's rates are out of the scenario.
    const tokyo = await hashScenario(page);
    assert.equal(tokyo.region, "ap-northeast-1");
    assert.equal(tokyo.priceOverrides, undefined);
    assert.deepEqual(tokyo.compare.classes, [{ class: "db.r6g.2xlarge", reserved: [{ termYears: 1 }] }]);
    assert.equal(await text(page, "total-monthly"), formatCents(estimate(tokyo).totalMicroUsd));
    const note = "Kept, not applied in ap-northeast-1: 1 price override and the rates of db.r6g.2xlarge for eu-west-1. They come back when that region is chosen again.";
    assert.equal(await page.getByTestId("kept-overrides").textContent(), note);
    assert.equal(await page.getByTestId("kept-rates").textContent(), note);
    assert.equal(await page.locator("#price-proxyServerless").inputValue(), "");
    assert.equal(await page.locator("#class-0-hourly").inputValue(), "");
    // A link keeps them, still for eu-west-1 only.
    const link = readLink(await currentHash(page));
    assert.deepEqual(link.view.kept, { "eu-west-1": { overrides: { proxyServerless: "0.015" }, rates: { "db.r6g.2xlarge": { onDemand: "1.152", hourly: "0.78" } } } });
    const reopened = await opened(viewport);
    await reopened.goto(await page.evaluate(() => location.href));
    await reopened.waitForSelector(READY);
    await settled(reopened);
    assert.equal(await reopened.getByTestId("kept-rates").textContent(), note);
    await reopened.close();
    // Back in eu-west-1 they apply again.
    await page.locator("#region").selectOption("eu-west-1");
    await settled(page);
    assert.equal(await text(page, "total-monthly"), inEurope, label);
    assert.equal(await page.locator("#price-proxyServerless").inputValue(), "0.015");
    assert.equal(await page.locator("#class-0-onDemand").inputValue(), "1.152");
    assert.equal(await page.getByTestId("kept-rates").isHidden(), true);
    await page.close();
  }
});

// ------------------------------------------------------------ phone layout

test("on a phone the inputs and the estimate are one tap apart, the total always in view", async () => {
  const page = await opened(PHONE, CLUSTER);
  const total = await text(page, "total-monthly");
  const inView = (selector) =>
    page.locator(selector).evaluate((node) => {
      const box = node.getBoundingClientRect();
      return box.top >= 0 && box.top < innerHeight - 60;
    });
  // From the top, where the estimate is, one tap reaches the first input.
  assert.equal(await inView("#min-acu"), false);
  await page.getByTestId("jump-inputs").click();
  assert.equal(await inView("#min-acu"), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "inputs-title");
  // Among the inputs the total stays pinned, and an edit shows in it.
  assert.equal(await page.getByTestId("mini-total").isVisible(), true);
  assert.equal(await page.getByTestId("mini-total-value").textContent(), `≥ ${total}`);
  // Label, total and both buttons fit the bar's one line at 375 px.
  assert.equal(await page.getByTestId("mini-total").evaluate((bar) => bar.scrollWidth <= bar.clientWidth && bar.getBoundingClientRect().height < 60), true);
  await page.locator("#storage-gb").fill("700");
  await settled(page);
  const edited = await text(page, "total-monthly");
  assert.notEqual(edited, total);
  assert.equal(await page.getByTestId("mini-total-value").textContent(), `≥ ${edited}`);
  await page.screenshot({ path: join(artifacts, "usage-phone-inputs.png") });
  // One tap back to the estimate.
  await page.getByTestId("bar-estimate").click();
  assert.equal(await inView(".headline"), true);
  await page.screenshot({ path: join(artifacts, "usage-phone-estimate.png") });
  await page.close();
});
