// `simulateTrace`: one instance following a per-second demand trace, through
// the built package. Expected values are worked out in the comments.
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulateTrace } from "acumen";

test("steady demand is billed exactly, from a Float64Array or a plain array", () => {
  // Two hours at 4 ACU on the default 0.5–16 range: 8 ACU-hours, nothing unmet.
  for (const acu of [new Float64Array(7_200).fill(4), new Array(7_200).fill(4)]) {
    const out = simulateTrace(acu);
    assert.equal(out.seconds, 7_200);
    assert.equal(out.acuHours, 8);
    assert.equal(out.idealAcuHours, 8);
    assert.equal(out.peakAcu, 4);
    assert.deepEqual(out.unmetAcuSeconds, { lag: 0, cap: 0, resume: 0 });
    assert.equal(out.model.name, "acumen-controller");
  }
});

test("a step up is followed after the detection delay, and a step down after the hold", () => {
  // An hour at 2 ACU, then an hour at 6: on platform version 4 (the
  // default) the rise is met in one step of up to 16 ACU in the second after
  // the 2 s detection delay, 1 s after it began; the demand of that second
  // goes unmet, and billed capacity stays below the ideal 2 + 6 = 8 ACU-h.
  const acu = new Float64Array(7_200);
  acu.fill(2, 0, 3_600).fill(6, 3_600);
  const out = simulateTrace(acu, { scaling: { minAcu: 0.5, maxAcu: 16 } });
  assert.equal(out.idealAcuHours, 8);
  assert.ok(out.acuHours < 8 && out.acuHours > 7.99, String(out.acuHours));
  assert.ok(out.unmetAcuSeconds.lag > 0);
  assert.equal(out.timeToCapacityP50, 1);
  assert.equal(out.model.platformVersion, 4);
  assert.equal(out.peakAcu, 6);
  assert.equal(out.scaleDowns, 0);
  // Platform version 2: proportional steps of 7 % (at least 0.5 ACU) a second.
  const pv2 = simulateTrace(acu, { scaling: { minAcu: 0.5, maxAcu: 16 }, platformVersion: 2 });
  assert.ok(pv2.timeToCapacityP50 >= 2 && pv2.timeToCapacityP50 <= 20, String(pv2.timeToCapacityP50));
  assert.ok(pv2.unmetAcuSeconds.lag > out.unmetAcuSeconds.lag);
});

test("the platform version is checked: 1 to 4, and 128 ACU at most on version 1", () => {
  assert.throws(
    () => simulateTrace([1], { platformVersion: 5 }),
    (e) => e.code === "out_of_range" && e.field === "platformVersion",
  );
  assert.throws(
    () => simulateTrace([1], { platformVersion: 1, scaling: { minAcu: 0.5, maxAcu: 200 } }),
    (e) => e.code === "conflict" && e.field === "scaling.maxAcu",
  );
});

test("auto-pause: paused 108 s after the 300 s timeout, resumed in 15 s", () => {
  // 10 min at 1 ACU, 1 h idle, 10 min at 1 ACU; minimum 0, so it pauses
  // after 300 idle seconds and the 108 s pause delay, and the returning
  // demand waits 15 s to resume.
  const acu = new Float64Array(600 + 3_600 + 600);
  acu.fill(1, 0, 600).fill(0, 600, 4_200).fill(1, 4_200);
  const out = simulateTrace(acu, { scaling: { minAcu: 0, maxAcu: 8, secondsUntilAutoPause: 300 } });
  assert.equal(out.pauses, 1);
  assert.equal(out.resumes, 1);
  assert.equal(out.pausedSeconds, 3_600 - 300 - 108 + 15);
  assert.equal(out.unmetAcuSeconds.resume, 15);
});

test("bad input is an AcumenError naming the field", () => {
  const cases = [
    [[1, Number.NaN], "not_a_number", "acu[1]"],
    [[1, -1], "out_of_range", "acu[1]"],
    [[], "out_of_range", "acu"],
  ];
  for (const [acu, code, field] of cases) {
    assert.throws(() => simulateTrace(acu), (e) => e.name === "AcumenError" && e.code === code && e.field === field);
  }
  assert.throws(
    () => simulateTrace([1], { scaling: { maxAcu: 3.3 } }),
    (e) => e.code === "off_grid" && e.field === "scaling.maxAcu",
  );
  assert.throws(
    () => simulateTrace([1], { scalling: {} }),
    (e) => e.code === "unknown_field" && e.field === "scalling",
  );
});
