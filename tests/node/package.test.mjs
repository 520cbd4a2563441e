// The built npm package, imported by name through its `exports` map (ESM).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import init, { estimate, version, initSync } from "acumen";

const goldenDir = new URL("../golden/", import.meta.url);
const golden = readdirSync(goldenDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(new URL(f, goldenDir), "utf8")));

test("the default scenario costs $360.40 a month", () => {
  const report = estimate({});
  assert.equal(report.totalMicroUsd, 360_400_000);
  assert.equal(report.yearlyMicroUsd, 12 * 360_400_000);
  assert.deepEqual(
    report.lines.map((l) => [l.description, l.quantity, l.unit, l.unitPriceNanoUsd, l.costMicroUsd]),
    [
      ["writer compute", 2920, "ACU-hour", 120_000_000, 350_400_000],
      ["cluster storage", 100, "GB-month", 100_000_000, 10_000_000],
    ],
  );
  assert.equal(report.catalog.asOf, "2026-10-09");
  assert.equal(report.model.name, "acumen-controller");
  assert.deepEqual(estimate(), report, "no argument means the default scenario");
});

test("every golden vector matches to the micro-dollar", () => {
  assert.ok(golden.length >= 8);
  for (const { name, scenario, expected } of golden) {
    const report = estimate(scenario);
    assert.equal(report.ideal.totalMicroUsd, expected.idealTotalMicroUsd, name);
    // Simulated figures are golden only where arithmetic shows them (steady demand).
    if (expected.totalMicroUsd !== undefined) {
      assert.equal(report.totalMicroUsd, expected.totalMicroUsd, name);
      assert.deepEqual(report.lines.map((l) => l.costMicroUsd), expected.lineCostsMicroUsd, name);
    }
  }
});

test("bad input throws an AcumenError naming the field", () => {
  const cases = [
    [{ scaling: { maxAcu: 3.3 } }, "off_grid", "scaling.maxAcu", /multiple of 0\.5/],
    [{ scaling: { minAcu: 8, maxAcu: 4 } }, "conflict", "scaling.minAcu", /must not exceed maxAcu/],
    [{ workload: { steady: { acu: NaN } } }, "not_a_number", "workload.steady.acu", /finite/],
    [{ workload: { steady: { acu: Infinity } } }, "not_a_number", "workload.steady.acu", /finite/],
    [{ workload: { steady: { acu: -1 } } }, "out_of_range", "workload.steady.acu", /between 0 and 100000 ACU, got -1/],
    [{ workload: { levels: [{ acu: 2, hours: -3 }] } }, "out_of_range", "workload.levels[0].hours", /between 0 and 744/],
    [{ readers: [{ promotionTier: 16 }] }, "out_of_range", "readers[0].promotionTier", /between 0 and 15/],
    [{ engineVersion: "15.4", scaling: { minAcu: 0 } }, "out_of_range", "scaling.minAcu", /auto-pause/],
    [{ region: "eu-central-1", strictPrices: true }, "unknown_price", "priceOverrides.storageStandard", /supply one/],
    [{ storageGb: "100" }, "wrong_type", "storageGb", /invalid type: string/],
    [{ storageGb: 1e12 }, "out_of_range", "storageGb", /between 0 and 1000000/],
    [{ hoursPerMonth: 730.5 }, "wrong_type", "hoursPerMonth", /expected a whole number/],
    [{ scaling: { minAcu: 1n } }, "wrong_type", "scaling.minAcu", /bigint/],
    [{ engine: "oracle" }, "unknown_variant", "engine", /aurora-postgresql/],
    [{ workload: { steady: {} } }, "missing_field", "workload.steady", /acu/],
    [{ storageGB: 5 }, "unknown_field", "storageGB", /storageGb/],
    [{ region: "xx-1" }, "unknown_region", "region", /xx-1/],
    [{ priceOverrides: { serverlessStandard: -1 } }, "out_of_range", "priceOverrides.serverlessStandard", /between 0/],
    [[], "wrong_type", "", /invalid type: array, expected an object/],
    [5, "wrong_type", "", /invalid type: number, expected an object/],
  ];
  for (const [input, code, field, message] of cases) {
    assert.throws(
      () => estimate(input),
      (e) => {
        assert.ok(e instanceof Error, "a real Error");
        assert.equal(e.name, "AcumenError");
        assert.equal(e.code, code, JSON.stringify({ field }));
        assert.equal(e.field, field);
        assert.match(e.message, message);
        return true;
      },
    );
  }
});

test("undefined properties count as absent, as in JSON", () => {
  assert.equal(estimate({ scaling: { maxAcu: undefined }, storageGb: undefined }).totalMicroUsd, 360_400_000);
});

test("ESM and CommonJS share one instance and agree", async () => {
  const require = createRequire(import.meta.url);
  const cjs = require("acumen");
  assert.equal(cjs.estimate({}).totalMicroUsd, 360_400_000);
  assert.equal(cjs.version(), version());
  assert.equal(version(), JSON.parse(readFileSync(new URL("../../pkg/package.json", import.meta.url))).version);
  // Browser-style initialisation is accepted and harmless in Node.
  await init();
  initSync();
});
