// The page's first wasm (target/site/pkg/first/, built by
// scripts/first-wasm.mjs) against the package's own, in Node: it returns its
// results as JSON text, which web/engine.js parses, and each parsed result
// must be the package's value; its errors must be the package's errors. Build
// the site first (node scripts/build-site.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as pkg from "acumen";

const first = new URL("../../target/site/pkg/first/", import.meta.url);
if (!existsSync(new URL("acumen.js", first))) {
  throw new Error("target/site/pkg/first/acumen.js not found: build the site first (node scripts/build-site.mjs)");
}
const firstWasm = await import(new URL("acumen.js", first).href);
firstWasm.initSync({ module: readFileSync(fileURLToPath(new URL("acumen_bg.wasm", first))) });

/** A day of one-second demand: a ramp from 0 (idle) to 9 ACU. */
const ramp = Float64Array.from({ length: 86_400 }, (_, i) => (9 * i) / 86_400);

const scenarios = {
  default: undefined,
  empty: {},
  "the page's readers": { workload: { businessHours: {} }, readers: [{ promotionTier: 1 }, { promotionTier: 2 }] },
  "a one-second trace that pauses": {
    hoursPerMonth: 24,
    scaling: { minAcu: 0, maxAcu: 16 },
    workload: { trace: { intervalSeconds: 1, acu: ramp } },
  },
  "a provisioned comparison in Frankfurt": {
    region: "eu-central-1",
    workload: { weekly: { hourlyAcu: Array.from({ length: 168 }, (_, h) => (h % 24 < 8 ? 1 : 6)) } },
    compare: { classes: [{ class: "db.r6g.large" }], savingsPlanTermYears: 3 },
  },
};

test("the first wasm's estimates, parsed, are the package's", () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    const text = firstWasm.estimate(scenario);
    assert.equal(typeof text, "string", name);
    assert.deepStrictEqual(JSON.parse(text), pkg.estimate(scenario), name);
  }
});

test("the first wasm's other results, parsed, are the package's", () => {
  assert.deepStrictEqual(JSON.parse(firstWasm.defaultScenario()), pkg.defaultScenario());
  assert.deepStrictEqual(JSON.parse(firstWasm.regions()), pkg.regions());
  assert.deepStrictEqual(JSON.parse(firstWasm.catalog()), pkg.catalog());
  for (const input of [{ engine: "aurora-postgresql" }, { engine: "aurora-mysql", engineVersion: "3.08.0" }]) {
    assert.deepStrictEqual(JSON.parse(firstWasm.capabilities(input)), pkg.capabilities(input));
  }
  assert.equal(firstWasm.version(), pkg.version());
});

test("the first wasm throws the package's errors", () => {
  const bad = [
    { scaling: { maxAcu: 3.3 } },
    { workload: { trace: { intervalSeconds: 1, acu: [1, -1] } } },
    { readers: [{ promotionTier: 16 }] },
    { regoin: "us-east-1" },
  ];
  const caught = (f) => {
    try {
      f();
    } catch (e) {
      return { name: e.name, message: e.message, code: e.code, field: e.field };
    }
    assert.fail("no error");
  };
  for (const scenario of bad) {
    assert.deepStrictEqual(caught(() => firstWasm.estimate(scenario)), caught(() => pkg.estimate(scenario)));
  }
  assert.deepStrictEqual(
    caught(() => firstWasm.capabilities({ engine: "aurora-mysql", engineVersion: "x" })),
    caught(() => pkg.capabilities({ engine: "aurora-mysql", engineVersion: "x" })),
  );
});
