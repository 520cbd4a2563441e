// The built npm package, loaded with require() through its `exports` map.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const acumen = require("acumen");

test("require() gives the same estimate as import", () => {
  const report = acumen.estimate({ workload: { steady: { acu: 8 } }, storageGb: 250 });
  assert.equal(report.totalMicroUsd, 725_800_000);
  assert.equal(typeof acumen.version(), "string");
});

test("errors thrown to CommonJS callers carry code and field", () => {
  assert.throws(() => acumen.estimate({ scaling: { maxAcu: 0.5 } }), {
    name: "AcumenError",
    code: "out_of_range",
    field: "scaling.maxAcu",
  });
});
