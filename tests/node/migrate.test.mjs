// `migrate`: a provisioned instance sized for Serverless v2, through the
// built package: the same numbers as the core's tests and the CLI's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { migrate, readCloudWatch } from "acumen";

const fixture = (name) => readFileSync(new URL(`../fixtures/migrate/${name}`, import.meta.url), "utf8");

test("AWS's worked example: db.r6g.xlarge at P95 35 %, max 72 %, 500 GB", () => {
  const m = migrate({ class: "db.r6g.xlarge", cpu: { p95: 35, max: 72 }, storageGb: 500 });
  const { minAcu, typicalAcu, peakAcu, maxAcu } = m.sizing;
  assert.deepEqual([minAcu, typicalAcu, peakAcu, maxAcu], [3.5, 6, 12, 16]);
  assert.deepEqual(m.proposed, { minAcu: 3.5, maxAcu: 16 });
  // 6 ACU × 730 h × $0.12 + 500 GB × $0.10; $0.519 × 730 h + $50.
  assert.equal(m.serverless.monthlyMicroUsd, 575_600_000);
  assert.equal(m.onDemand.monthlyMicroUsd, 428_870_000);
  assert.match(m.verdict, /^stay on db\.r6g\.xlarge/);
});

test("a CPUUtilization export read by readCloudWatch becomes a series", () => {
  const grid = readCloudWatch(fixture("cpu-business-hours.json"));
  assert.equal(grid.intervalSeconds, 3600);
  const m = migrate({ class: "db.r6g.xlarge", cpuTrace: { intervalSeconds: grid.intervalSeconds, percent: grid.series[0].values } });
  assert.deepEqual(m.proposed, { minAcu: 0.5, maxAcu: 8 });
  assert.equal(m.load.hoursNearPeak, 50);
  // Ideal tracking $257.80 a month; the simulated controller a little more.
  assert.ok(m.serverless.monthlyMicroUsd > 257_800_000 && m.serverless.monthlyMicroUsd < 300_000_000);
  assert.ok(m.savingMicroUsd > 0);
});

test("bad input names its field", () => {
  const cases = [
    [{ class: "db.q1.large", cpu: { p95: 1, max: 2 } }, "unknown_variant", "class"],
    [{ class: "db.r6g.large", cpu: { p95: 120, max: 130 } }, "out_of_range", "cpu.p95"],
    [{ class: "db.r6g.large" }, "missing_field", "cpu"],
    [{ class: "db.r6g.large", cpuTrace: { percent: [10, -1] } }, "out_of_range", "cpuTrace.percent[1]"],
    [{ class: "db.r6g.large", cpu: { p95: 1, max: 2 }, cpuTrace: { percent: [1] } }, "conflict", "cpuTrace"],
  ];
  for (const [input, code, field] of cases) {
    assert.throws(() => migrate(input), (e) => {
      assert.deepEqual([e.name, e.code, e.field], ["AcumenError", code, field], JSON.stringify(input));
      return true;
    });
  }
});
