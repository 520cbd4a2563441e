// simulate, compare and advise are the matching parts of estimate's report,
// the same shapes the CLI prints with --format json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { advise, compare, estimate, simulate } from "acumen";

const scenarios = [
  {},
  { workload: { businessHours: {} }, readers: [{ promotionTier: 1 }, { promotionTier: 2 }] },
  { scaling: { minAcu: 0, maxAcu: 8 }, workload: { levels: [{ acu: 0, hours: 600 }, { acu: 6, hours: 120 }] } },
];

for (const scenario of scenarios) {
  test(`the parts of estimate(${JSON.stringify(scenario)})`, () => {
    const report = estimate(scenario);
    assert.deepEqual(simulate(scenario), {
      model: report.model,
      instances: report.instances,
      timeline: report.timeline,
    });
    assert.deepEqual(compare(scenario), report.comparison);
    assert.deepEqual(advise(scenario), report.advice);
  });
}

test("simulate() of a writer that can pause reports the pause", () => {
  // 600 idle hours then 120 hours at 6 ACU: the writer starts paused (the
  // warm start follows ideal tracking) and resumes once, after more than a
  // day, so the resume takes 30 s: 600 h + 30 s paused, and 6 ACU × 30 s =
  // 180 ACU-seconds (0.05 ACU-hours) unmet while resuming.
  const [writer] = simulate(scenarios[2]).instances;
  assert.equal(writer.pauses, 0);
  assert.equal(writer.resumes, 1);
  assert.equal(writer.deepResumes, 1);
  assert.equal(writer.pausedHours, 600 + 30 / 3600);
  assert.equal(writer.unmetAcuHours.resume, 0.05);
});
