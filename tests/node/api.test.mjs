// Every export of the built package, and the catalogue of errors each one
// that takes input throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as acumen from "acumen";
import {
  capabilities,
  compare,
  catalog,
  defaultScenario,
  estimate,
  maxConnections,
  optimize,
  cloudformation,
  terraform,
  regions,
  simulateTrace,
  validate,
  version,
} from "acumen";

const PG = "aurora-postgresql";
const MYSQL = "aurora-mysql";

test("defaultScenario() is the scenario estimate({}) prices, in full", () => {
  const scenario = defaultScenario();
  assert.equal(scenario.region, "us-east-1");
  assert.equal(scenario.engine, PG);
  assert.equal(scenario.storageType, "standard");
  assert.equal(scenario.hoursPerMonth, 730);
  assert.deepEqual(scenario.scaling, { minAcu: 0.5, maxAcu: 16 });
  assert.deepEqual(scenario.workload, { steady: { acu: 4 } });
  assert.equal(scenario.storageGb, 100);
  assert.deepEqual(scenario.readers, []);
  assert.deepEqual(estimate(scenario), estimate({}));
  // A fresh object each call: editing one does not change the next.
  scenario.scaling.maxAcu = 2;
  assert.equal(defaultScenario().scaling.maxAcu, 16);
  // It survives JSON, as a saved scenario would.
  assert.deepEqual(estimate(JSON.parse(JSON.stringify(defaultScenario()))), estimate({}));
});

test("regions() lists the 33 commercial regions once, us-east-1 first, each with a bill", () => {
  const list = regions();
  assert.ok(Array.isArray(list));
  assert.equal(list.length, 33);
  assert.equal(list[0].code, "us-east-1");
  assert.equal(list[0].usageTypePrefix, null);
  assert.equal(new Set(list.map((r) => r.code)).size, list.length);
  const frankfurt = list.find((r) => r.code === "eu-central-1");
  assert.deepEqual(
    [frankfurt.name, frankfurt.geography, frankfurt.usageTypePrefix, frankfurt.complete],
    ["Europe (Frankfurt)", "Europe", "EUC1", false],
  );
  assert.ok(frankfurt.missing.includes("storageStandard"));
  assert.deepEqual(list.filter((r) => r.complete).map((r) => r.code), ["us-east-1", "us-east-2"]);
  for (const region of list) {
    assert.match(region.code, /^[a-z]{2}-[a-z]+-\d$/);
    // The default scenario gives a bill everywhere: complete, or partial
    // with each unpriced line null and what to supply listed.
    const report = estimate({ region: region.code });
    assert.equal(report.lines.length, 2, region.code);
    const unpriced = report.lines.filter((l) => l.costMicroUsd === null);
    assert.equal(report.complete, unpriced.length === 0, region.code);
    assert.deepEqual(report.unpriced.map((m) => m.field), unpriced.map((l) => l.supply), region.code);
    if (!report.complete) assert.match(report.totalNote, new RegExp(`^at least \\$[\\d,.]+ a month; .* unpriced in ${region.code}$`));
  }
});

test("a partial bill: strictPrices fails naming the field, a price book fills it", () => {
  const partial = estimate({ region: "eu-central-1" });
  // 2,920 ACU-h × $0.14 = $408.80; storage unpriced.
  assert.equal(partial.totalMicroUsd, 408_800_000);
  assert.equal(partial.totalNote, "at least $408.80 a month; storage unpriced in eu-central-1");
  assert.deepEqual(
    [partial.lines[1].unitPriceNanoUsd, partial.lines[1].costMicroUsd, partial.lines[1].price, partial.lines[1].supply],
    [null, null, null, "priceOverrides.storageStandard"],
  );
  assert.throws(() => estimate({ region: "eu-central-1", strictPrices: true }), (e) => e.code === "unknown_price" && e.field === "priceOverrides.storageStandard");
  const priceBook = {
    name: "AWS Price List (AmazonRDS)",
    asOf: "2026-11-01",
    source: "offer AmazonRDS version 20261101000000",
    entries: [{ region: "eu-central-1", item: "storageStandard", priceNanoUsd: 110_000_000, sku: "TESTSKU" }],
  };
  const full = estimate({ region: "eu-central-1", strictPrices: true, priceBook });
  assert.equal(full.complete, true);
  assert.equal(full.totalMicroUsd, 419_800_000);
  assert.equal(full.lines[1].price.sku, "TESTSKU");
});

test("catalog() has every price with provenance, and the instance classes", () => {
  const c = catalog();
  assert.equal(c.name, "acumen built-in catalog");
  assert.equal(c.asOf, "2026-10-09");
  assert.equal(c.asOf, estimate({}).catalog.asOf);
  const codes = regions().map((r) => r.code);
  for (const region of new Set(c.entries.map((e) => e.region))) assert.ok(codes.includes(region), region);
  const compute = c.entries.find(
    (e) => e.region === "us-east-1" && e.item === "serverlessStandard" && (e.engine === null || e.engine === PG),
  );
  assert.equal(compute.priceNanoUsd, 120_000_000);
  assert.equal(compute.confidence, "high");
  for (const e of c.entries) {
    assert.ok(Number.isSafeInteger(e.priceNanoUsd) && e.priceNanoUsd >= 0, JSON.stringify(e));
    assert.ok(["low", "medium", "high"].includes(e.confidence));
    assert.equal(typeof e.source, "string");
    assert.ok(e.source.length > 0);
  }
  // The report's unit prices are the catalog's.
  const line = estimate({}).lines.find((l) => l.item === "serverlessStandard");
  assert.equal(line.unitPriceNanoUsd, compute.priceNanoUsd);
  assert.ok(c.instanceClasses.length > 0);
  for (const k of c.instanceClasses) {
    assert.match(k.class, /^db\.[a-z0-9]+\.[a-z0-9]+$/);
    // A Standard or an I/O-Optimized rate, or both; a missing one is null.
    const rates = [k.onDemandHourlyNanoUsd, k.ioOptimizedHourlyNanoUsd].filter((r) => r !== null);
    assert.ok(rates.length > 0 && rates.every((r) => Number.isSafeInteger(r) && r > 0), k.class);
    assert.ok(k.vcpu > 0 && k.memoryGib > 0);
  }
});

test("maxConnections() follows AWS's table, the cap and interpolation", () => {
  assert.deepEqual(maxConnections({ engine: PG, minAcu: 1, maxAcu: 16 }), {
    value: 3360,
    basis: "published",
    cappedByMin: false,
  });
  assert.deepEqual(maxConnections({ engine: PG, minAcu: 0.5, maxAcu: 16 }), {
    value: 2000,
    basis: "published",
    cappedByMin: true,
  });
  assert.deepEqual(maxConnections({ engine: MYSQL, minAcu: 0.5, maxAcu: 16 }), {
    value: 2000,
    basis: "published",
    cappedByMin: false,
  });
  assert.equal(maxConnections({ engine: MYSQL, minAcu: 0, maxAcu: 1 }).value, 90);
  assert.equal(maxConnections({ engine: PG, minAcu: 2, maxAcu: 12 }).basis, "interpolated");
  assert.equal(maxConnections({ engine: PG, minAcu: 2, maxAcu: 256 }).basis, "extrapolated");
  // The same figure the report gives for the same range.
  assert.deepEqual(
    maxConnections({ engine: PG, minAcu: 0.5, maxAcu: 16 }),
    estimate({}).maxConnections,
  );
});

test("capabilities() says what an engine version allows", () => {
  assert.deepEqual(capabilities({ engine: PG }), { serverless: true, autoPause: true, maxAcu: 256 });
  assert.deepEqual(capabilities({ engine: PG, engineVersion: "16.3" }), {
    serverless: true,
    autoPause: true,
    maxAcu: 256,
  });
  assert.deepEqual(capabilities({ engine: PG, engineVersion: "15.4" }), {
    serverless: true,
    autoPause: false,
    maxAcu: 128,
  });
  assert.deepEqual(capabilities({ engine: PG, engineVersion: "13.5" }).serverless, false);
  assert.deepEqual(capabilities({ engine: MYSQL, engineVersion: "3.04.0" }), {
    serverless: true,
    autoPause: false,
    maxAcu: 128,
  });
  assert.deepEqual(capabilities({ engine: MYSQL, engineVersion: "8.0.mysql_aurora.3.08.0" }), {
    serverless: true,
    autoPause: true,
    maxAcu: 256,
  });
  assert.deepEqual(capabilities({ engine: MYSQL, engineVersion: undefined }), capabilities({ engine: MYSQL }));
});

test("validate() passes good scenarios with the report's warnings", () => {
  assert.deepEqual(validate({}), { valid: true, warnings: [] });
  assert.deepEqual(validate(defaultScenario()), { valid: true, warnings: [] });
  // Singapore's storage price has one undated secondary source: low confidence.
  const sg = validate({ region: "ap-southeast-1" });
  assert.equal(sg.valid, true);
  assert.deepEqual(sg.warnings, estimate({ region: "ap-southeast-1" }).warnings);
  assert.ok(sg.warnings.some((w) => w.kind === "low-confidence-price"));
  // A partial bill is valid, with a warning naming the price to supply.
  const partial = validate({ region: "eu-central-1" });
  assert.ok(partial.warnings.some((w) => w.kind === "unknown-price" && w.field === "priceOverrides.storageStandard"));
  const over = validate({ scaling: { maxAcu: 8 }, workload: { steady: { acu: 12 } } });
  assert.ok(over.warnings.some((w) => w.kind === "demand-above-max"), JSON.stringify(over));
});

test("a trace's samples may be a typed array: the same bill as the plain array", () => {
  // Two days of 1-minute samples: a day at 2 ACU, a day at 6 ACU, repeated
  // over the month. Integers, so every kind of typed array holds them exactly.
  const plain = [...new Array(1_440).fill(2), ...new Array(1_440).fill(6)];
  const expected = estimate({ workload: { trace: { acu: plain } } });
  for (const Typed of [Float64Array, Float32Array, Int32Array, Uint16Array, Uint8Array]) {
    const report = estimate({ workload: { trace: { acu: Typed.from(plain) } } });
    assert.deepEqual(report, expected, Typed.name);
  }
  // A subarray is read from its own offset, not the buffer's start.
  const buffer = new Float64Array([100, ...plain]);
  assert.deepEqual(estimate({ workload: { trace: { acu: buffer.subarray(1) } } }), expected);
});

test("a per-second trace handed over whole gives the plain array's report, -0 read as 0", () => {
  // An hour of one-second samples: 20 minutes at 3.5 ACU, idle, then a ramp.
  const plain = Array.from({ length: 3_600 }, (_, i) => (i < 1_200 ? 3.5 : i < 2_400 ? 0 : (i - 2_400) / 100));
  const scenario = (acu) => ({ hoursPerMonth: 1, workload: { trace: { intervalSeconds: 1, acu } } });
  const expected = estimate(scenario(plain));
  assert.deepStrictEqual(estimate(scenario(Float64Array.from(plain))), expected);
  // A -0 (Math.round(-0.2), say) is the 0 JSON would hold: not a -0 in the chart.
  const negativeZero = Float64Array.from(plain);
  negativeZero[1_500] = -0;
  assert.deepStrictEqual(estimate(scenario(negativeZero)), expected);
  // A NaN deep in the block is named where it is.
  const bad = Float64Array.from(plain);
  bad[2_999] = Number.NaN;
  assert.throws(() => estimate(scenario(bad)), { code: "not_a_number", field: "workload.trace.acu[2999]" });
});

test("a long typed array is read a window at a time: the same results, bad samples named in any window", () => {
  // A day of one-second samples (the copy into wasm memory takes 32,768
  // doubles at a time, so this spans three windows): a ramp from 1 to 9 ACU
  // over the day, with a different value in each second.
  const plain = Array.from({ length: 86_400 }, (_, i) => 1 + (8 * i) / 86_400);
  const typed = Float64Array.from(plain);
  const scenario = (acu) => ({ hoursPerMonth: 24, workload: { trace: { intervalSeconds: 1, acu } } });
  assert.deepStrictEqual(estimate(scenario(typed)), estimate(scenario(plain)));
  const settings = { scaling: { minAcu: 0.5, maxAcu: 16 } };
  const simulated = simulateTrace(typed, settings);
  assert.deepStrictEqual(simulateTrace(plain, settings), simulated);
  // Ideal tracking is each second's demand on the 0.5-ACU grid: the sum of
  // ceil(2 × acu) half-ACUs over the day, in ACU-hours.
  const halves = plain.reduce((sum, acu) => sum + Math.ceil(2 * acu), 0);
  assert.equal(simulated.idealAcuHours, halves / 7_200);
  for (const at of [32_767, 32_768, 70_001, 86_399]) {
    const bad = Float64Array.from(plain);
    bad[at] = Number.NaN;
    bad[86_399 - (at % 7)] = at === 86_399 ? Number.NaN : Infinity;
    const first = Math.min(at, 86_399 - (at % 7));
    assert.throws(() => estimate(scenario(bad)), { code: "not_a_number", field: `workload.trace.acu[${first}]` });
    assert.throws(() => simulateTrace(bad, settings), { code: "not_a_number", field: `acu[${first}]` });
    bad.fill(2);
    bad[at] = -1;
    assert.throws(() => simulateTrace(bad, settings), { code: "out_of_range", field: `acu[${at}]` });
  }
  // A plain array is copied 8,192 elements at a time: a bad sample on
  // either side of those edges, or a hole, is named all the same.
  for (const at of [8_191, 8_192, 16_384, 86_399]) {
    const bad = plain.slice();
    bad[at] = -1;
    assert.throws(() => estimate(scenario(bad)), { code: "out_of_range", field: `workload.trace.acu[${at}]` });
    assert.throws(() => simulateTrace(bad, settings), { code: "out_of_range", field: `acu[${at}]` });
    delete bad[at];
    assert.throws(() => simulateTrace(bad, settings), { code: "not_a_number", field: `acu[${at}]` });
  }
});

test("optimize() finds the cheapest range and the frontier", () => {
  // Held at a minimum of 8 ACU: 8 × 730 h × $0.12 = $700.80; 6 ACU × 730 h × $0.12 = $525.60 at a maximum of exactly 6 ACU.
  const o = optimize({ workload: { steady: { acu: 6 } }, storageGb: 0, scaling: { minAcu: 8, maxAcu: 16 } });
  assert.equal(o.current.computeMicroUsd, 700_800_000);
  assert.equal(o.best.maxAcu, 6);
  assert.equal(o.best.computeMicroUsd, 525_600_000);
  assert.equal(o.best.unmetShare, 0);
  assert.ok(o.frontier.length >= 2);
  // From the default 0.5–16 ACU nothing costs less than $525.60: the current range is kept.
  const tie = optimize({ workload: { steady: { acu: 6 } }, storageGb: 0 });
  assert.deepEqual([tie.best.minAcu, tie.best.maxAcu, tie.best.computeMicroUsd], [0.5, 16, 525_600_000]);
  assert.throws(() => optimize({}, { maxUnmetShare: 2 }), { code: "out_of_range", field: "maxUnmetShare" });
});

test("cloudformation() and terraform() describe the cluster", () => {
  const scenario = { scaling: { minAcu: 0, maxAcu: 8 }, readers: [{ promotionTier: 1 }] };
  const yaml = cloudformation(scenario);
  assert.match(yaml, /AWS::RDS::DBCluster/);
  assert.match(yaml, /MinCapacity: 0\b/);
  assert.match(yaml, /MaxCapacity: 8\b/);
  assert.match(yaml, /SecondsUntilAutoPause: 300/);
  const hcl = terraform(scenario);
  assert.match(hcl, /resource "aws_rds_cluster"/);
  assert.match(hcl, /max_capacity\s*=\s*8/);
  assert.match(hcl, /promotion_tier\s*=\s*1/);
  assert.doesNotMatch(yaml + hcl, /^\s*(MasterUserPassword:|master_password\s*=)/m);
});

test("version() is the package version", () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

// ---------------------------------------------------------------------------
// The error catalogue: [input, code, field, message] per function. Scenario
// cases are checked against both estimate() and validate(), which must throw
// the very same error.

const scenarioCases = [
  // wrong types
  [[], "wrong_type", "", /invalid type: array, expected an object/],
  [5, "wrong_type", "", /invalid type: number, expected an object/],
  ["{}", "wrong_type", "", /invalid type: string, expected an object/],
  [{ storageGb: "100" }, "wrong_type", "storageGb", /invalid type: string/],
  [{ storageGb: true }, "wrong_type", "storageGb", /invalid type: boolean/],
  // a struct is an object, never an array of its fields
  [{ scaling: [0.5, 16] }, "wrong_type", "scaling", /invalid type: sequence, expected struct Scaling/],
  [{ readers: [[1]] }, "wrong_type", "readers[0]", /expected struct Reader/],
  [{ hoursPerMonth: 730.5 }, "wrong_type", "hoursPerMonth", /expected a whole number/],
  [{ scaling: { minAcu: 1n } }, "wrong_type", "scaling.minAcu", /bigint/],
  [{ scaling: { minAcu: () => 1 } }, "wrong_type", "scaling.minAcu", /function/],
  [{ scaling: { minAcu: Symbol("x") } }, "wrong_type", "scaling.minAcu", /symbol/],
  [{ readers: {} }, "wrong_type", "readers", /invalid type: map/],
  [{ workload: { trace: { acu: [1, "2"] } } }, "wrong_type", "workload.trace.acu[1]", /invalid type: string/],
  // missing fields
  [{ workload: { steady: {} } }, "missing_field", "workload.steady", /missing field `acu`/],
  [{ workload: {} }, "out_of_range", "workload", /expected map with a single key/],
  // NaN, Infinity
  [{ workload: { steady: { acu: NaN } } }, "not_a_number", "workload.steady.acu", /finite/],
  [{ workload: { steady: { acu: Infinity } } }, "not_a_number", "workload.steady.acu", /finite/],
  [{ scaling: { maxAcu: -Infinity } }, "not_a_number", "scaling.maxAcu", /finite/],
  [{ storageGb: NaN }, "not_a_number", "storageGb", /finite/],
  [{ workload: { trace: { acu: [1, 2, NaN] } } }, "not_a_number", "workload.trace.acu[2]", /finite/],
  [{ readers: [{ workload: { steady: { acu: NaN } } }] }, "not_a_number", "readers[0].workload.steady.acu", /finite/],
  // negative
  [{ workload: { steady: { acu: -1 } } }, "out_of_range", "workload.steady.acu", /between 0 and 100000 ACU, got -1/],
  [{ scaling: { minAcu: -0.5 } }, "out_of_range", "scaling.minAcu", /between 0 and 256/],
  [{ storageGb: -1 }, "out_of_range", "storageGb", /between 0 and 1000000/],
  [{ workload: { levels: [{ acu: 2, hours: -3 }] } }, "out_of_range", "workload.levels[0].hours", /between 0 and 744/],
  [{ hoursPerMonth: -1 }, "out_of_range", "hoursPerMonth", /invalid value/],
  [{ priceOverrides: { serverlessStandard: -1 } }, "out_of_range", "priceOverrides.serverlessStandard", /between 0/],
  [{ workload: { businessHours: { peakAcu: -2 } } }, "out_of_range", "workload.businessHours.peakAcu", /between 0/],
  // huge
  [{ storageGb: 1e12 }, "out_of_range", "storageGb", /between 0 and 1000000/],
  [{ scaling: { maxAcu: 512 } }, "out_of_range", "scaling.maxAcu", /between 1 and 256/],
  [{ workload: { steady: { acu: 1e300 } } }, "out_of_range", "workload.steady.acu", /between 0 and 100000/],
  [{ hoursPerMonth: 745 }, "out_of_range", "hoursPerMonth", /between 1 and 744/],
  [{ hoursPerMonth: 2 ** 40 }, "out_of_range", "hoursPerMonth", /invalid value/],
  [{ readers: Array.from({ length: 16 }, () => ({})) }, "out_of_range", "readers", /at most 15/],
  [{ readers: [{ promotionTier: 16 }] }, "out_of_range", "readers[0].promotionTier", /between 0 and 15/],
  [{ scaling: { secondsUntilAutoPause: 1e6 } }, "out_of_range", "scaling.secondsUntilAutoPause", /between 300 and 86400/],
  // off the 0.5-ACU grid
  [{ scaling: { maxAcu: 3.3 } }, "off_grid", "scaling.maxAcu", /multiple of 0\.5/],
  [{ scaling: { minAcu: 0.25 } }, "off_grid", "scaling.minAcu", /multiple of 0\.5/],
  // conflicts and engine-version limits
  [{ scaling: { minAcu: 8, maxAcu: 4 } }, "conflict", "scaling.minAcu", /must not exceed maxAcu/],
  [{ scaling: { maxAcu: 0.5 } }, "out_of_range", "scaling.maxAcu", /between 1 and 256/],
  [{ engineVersion: "15.4", scaling: { minAcu: 0 } }, "out_of_range", "scaling.minAcu", /auto-pause/],
  [{ engineVersion: "15.4", scaling: { maxAcu: 256 } }, "out_of_range", "scaling.maxAcu", /at most 128/],
  [{ engineVersion: "12.9" }, "out_of_range", "engineVersion", /does not support Serverless v2/],
  [{ engineVersion: "sixteen" }, "out_of_range", "engineVersion", /engine version such as/],
  // unknown region, engine, variant, field
  [{ region: "xx-1" }, "unknown_region", "region", /xx-1/],
  [{ region: "US-EAST-1" }, "unknown_region", "region", /US-EAST-1/],
  [{ region: "eu-central-1", strictPrices: true }, "unknown_price", "priceOverrides.storageStandard", /supply one/],
  [{ engine: "oracle" }, "unknown_variant", "engine", /aurora-postgresql/],
  [{ engine: "aurora" }, "unknown_variant", "engine", /aurora-mysql/],
  [{ storageType: "gp3" }, "unknown_variant", "storageType", /io-optimized/],
  [{ workload: { sine: {} } }, "unknown_variant", "workload", /steady/],
  [{ storageGB: 5 }, "unknown_field", "storageGB", /storageGb/],
  [{ scaling: { maxAcus: 3 } }, "unknown_field", "scaling.maxAcus", /maxAcu/],
];

const maxConnectionsCases = [
  // wrong types
  [undefined, "wrong_type", "", /invalid type: null, expected an object/],
  [null, "wrong_type", "", /invalid type: null, expected an object/],
  [[PG, 0.5, 16], "wrong_type", "", /invalid type: array, expected an object/],
  [16, "wrong_type", "", /invalid type: number, expected an object/],
  [{ engine: PG, minAcu: "1", maxAcu: 16 }, "wrong_type", "minAcu", /invalid type: string/],
  [{ engine: PG, minAcu: 1, maxAcu: 16n }, "wrong_type", "maxAcu", /bigint/],
  [{ engine: 1, minAcu: 1, maxAcu: 16 }, "wrong_type", "engine", /invalid type/],
  // missing fields
  [{}, "missing_field", "engine", /missing field `engine`/],
  [{ engine: PG, minAcu: 1 }, "missing_field", "maxAcu", /missing field `maxAcu`/],
  [{ engine: PG, maxAcu: 16 }, "missing_field", "minAcu", /missing field `minAcu`/],
  [{ engine: PG, minAcu: 1, maxAcu: undefined }, "missing_field", "maxAcu", /missing field `maxAcu`/],
  // NaN, Infinity
  [{ engine: PG, minAcu: NaN, maxAcu: 16 }, "not_a_number", "minAcu", /finite/],
  [{ engine: PG, minAcu: 1, maxAcu: Infinity }, "not_a_number", "maxAcu", /finite/],
  // negative
  [{ engine: PG, minAcu: -1, maxAcu: 16 }, "out_of_range", "minAcu", /between 0 and 256 ACU, got -1/],
  [{ engine: PG, minAcu: 1, maxAcu: -16 }, "out_of_range", "maxAcu", /between 1 and 256 ACU, got -16/],
  // huge
  [{ engine: PG, minAcu: 1, maxAcu: 1e9 }, "out_of_range", "maxAcu", /between 1 and 256 ACU/],
  [{ engine: PG, minAcu: 1, maxAcu: 256.5 }, "out_of_range", "maxAcu", /between 1 and 256 ACU/],
  // too small a maximum, min above max
  [{ engine: PG, minAcu: 0, maxAcu: 0.5 }, "out_of_range", "maxAcu", /between 1 and 256 ACU, got 0\.5/],
  [{ engine: MYSQL, minAcu: 0, maxAcu: 0 }, "out_of_range", "maxAcu", /between 1 and 256 ACU, got 0/],
  [{ engine: PG, minAcu: 32, maxAcu: 16 }, "conflict", "minAcu", /must not exceed maxAcu \(16\), got 32/],
  // off the 0.5-ACU grid
  [{ engine: PG, minAcu: 0.75, maxAcu: 16 }, "off_grid", "minAcu", /multiple of 0\.5 ACU, got 0\.75/],
  [{ engine: PG, minAcu: 1, maxAcu: 3.3 }, "off_grid", "maxAcu", /multiple of 0\.5 ACU, got 3\.3/],
  // unknown engine, unknown field
  [{ engine: "oracle", minAcu: 1, maxAcu: 16 }, "unknown_variant", "engine", /aurora-postgresql/],
  [{ engine: PG, minAcu: 1, maxAcu: 16, region: "us-east-1" }, "unknown_field", "region", /unknown field `region`/],
  [{ engine: PG, minACU: 1, maxAcu: 16 }, "unknown_field", "minACU", /minAcu/],
];

const capabilitiesCases = [
  // wrong types
  [undefined, "wrong_type", "", /expected an object/],
  ["aurora-mysql", "wrong_type", "", /invalid type: string, expected an object/],
  [{ engine: PG, engineVersion: 16.3 }, "wrong_type", "engineVersion", /invalid type: number/],
  [{ engine: PG, engineVersion: ["16", "3"] }, "wrong_type", "engineVersion", /invalid type: sequence/],
  [{ engine: true }, "wrong_type", "engine", /invalid type: boolean/],
  // missing fields
  [{}, "missing_field", "engine", /missing field `engine`/],
  [{ engineVersion: "16.3" }, "missing_field", "engine", /missing field `engine`/],
  // NaN, Infinity
  [{ engine: PG, engineVersion: NaN }, "not_a_number", "engineVersion", /finite/],
  [{ engine: PG, engineVersion: Infinity }, "not_a_number", "engineVersion", /finite/],
  // malformed, negative, huge versions
  [{ engine: PG, engineVersion: "" }, "out_of_range", "engineVersion", /engine version such as/],
  [{ engine: PG, engineVersion: "16" }, "out_of_range", "engineVersion", /engine version such as/],
  [{ engine: PG, engineVersion: "-16.3" }, "out_of_range", "engineVersion", /got "-16\.3"/],
  [{ engine: PG, engineVersion: "99999999.1" }, "out_of_range", "engineVersion", /engine version such as/],
  [{ engine: MYSQL, engineVersion: "3.08.0.1" }, "out_of_range", "engineVersion", /engine version such as/],
  // unknown engine, unknown field
  [{ engine: "postgres" }, "unknown_variant", "engine", /aurora-postgresql/],
  [{ engine: PG, version: "16.3" }, "unknown_field", "version", /engineVersion/],
];

function assertThrows(fn, name, input, [code, field, message]) {
  const shown = `${name}(${describe(input)})`;
  let caught;
  try {
    fn(input);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, `${shown} throws`);
  assert.ok(caught instanceof Error, `${shown}: a real Error`);
  assert.equal(caught.name, "AcumenError", shown);
  assert.equal(caught.code, code, `${shown}: code (${caught.message})`);
  assert.equal(caught.field, field, `${shown}: field (${caught.message})`);
  assert.match(caught.message, message, shown);
  if (field !== "") assert.ok(caught.message.startsWith(`${field}: `), `${shown}: message names the field`);
  return caught;
}

function describe(value) {
  try {
    return JSON.stringify(value, (_, v) =>
      typeof v === "bigint" || typeof v === "function" || typeof v === "symbol" || (typeof v === "number" && !Number.isFinite(v))
        ? String(v)
        : v,
    )?.slice(0, 120) ?? String(value);
  } catch {
    return String(value);
  }
}

// Exports that validate a scenario without pricing all of it refuse the same
// inputs, except a price the catalog lacks.
const unpricedCases = scenarioCases.filter(([, code]) => code !== "unknown_price");

// simulateTrace(acu, settings): each input is its list of arguments.
const traceCases = [
  [[undefined], "wrong_type", "acu", /Float64Array/],
  [["1,2"], "wrong_type", "acu", /Float64Array/],
  [[{ acu: [1] }], "wrong_type", "acu", /Float64Array/],
  [[[]], "out_of_range", "acu", /1 to 31622400 samples/],
  [[[1, Number.NaN]], "not_a_number", "acu[1]", /finite/],
  [[[1, "x"]], "not_a_number", "acu[1]", /finite/],
  [[new Float64Array([2, Infinity])], "not_a_number", "acu[1]", /finite/],
  [[[1, -1]], "out_of_range", "acu[1]", /negative/],
  [[[1], 5], "wrong_type", "", /expected an object/],
  [[[1], { scaling: { maxAcu: 3.3 } }], "off_grid", "scaling.maxAcu", /multiple of 0\.5/],
  [[[1], { scaling: { minAcu: "1" } }], "wrong_type", "scaling.minAcu", /invalid type: string/],
  [[[1], { controller: { holdDownSeconds: 1e9 } }], "out_of_range", "controller.holdDownSeconds", /between/],
  [[[1], { scaling: { maxAcu: NaN } }], "not_a_number", "scaling.maxAcu", /finite/],
  [[[1], { initialAcu: 0.7 }], "off_grid", "initialAcu", /multiple of 0\.5/],
  [[[1], { scalling: {} }], "unknown_field", "scalling", /unknown field/],
];

// Bad options; a file that cannot be read is tested in cloudwatch.test.mjs.
const cloudWatchCases = [
  [[undefined], "wrong_type", "text", /expected the file's text/],
  [[{ text: "" }], "wrong_type", "text", /expected the file's text/],
  [["", 5], "wrong_type", "", /expected an object/],
  [["", { name: 3 }], "wrong_type", "name", /invalid type/],
  [["", { maxSteps: NaN }], "not_a_number", "maxSteps", /finite/],
  [["", { maxGapSeconds: -1 }], "out_of_range", "maxGapSeconds", /whole number from 0 to 86400, got -1/],
  [["", { maxSteps: 1 }], "out_of_range", "maxSteps", /whole number from 2 to 31622400, got 1/],
  [["", { maxGap: 60 }], "unknown_field", "maxGap", /unknown field/],
];

const R6G = "db.r6g.large";
const CPU = { p95: 35, max: 72 };
const migrateCases = [
  // wrong types
  [undefined, "wrong_type", "", /expected an object/],
  [{ class: 3, cpu: CPU }, "wrong_type", "class", /invalid type: integer `3`, expected a string/],
  [{ class: R6G, cpu: { p95: "35", max: 72 } }, "wrong_type", "cpu.p95", /invalid type: string/],
  // missing fields
  [{ class: R6G }, "missing_field", "cpu", /the CPU load is needed/],
  [{ class: R6G, cpu: { max: 72 } }, "missing_field", "cpu", /missing field `p95`/],
  // NaN, Infinity
  [{ class: R6G, cpu: { p95: NaN, max: 72 } }, "not_a_number", "cpu.p95", /finite/],
  [{ class: R6G, cpuTrace: { percent: [1, Infinity] } }, "not_a_number", "cpuTrace.percent[1]", /finite/],
  // out of range
  [{ class: R6G, cpu: { p95: 120, max: 130 } }, "out_of_range", "cpu.p95", /percentage from 0 to 100/],
  [{ class: R6G, cpu: CPU, storageGb: -1 }, "out_of_range", "storageGb", /between 0 and 1000000 GB/],
  // unknown variants
  [{ class: "db.q1.large", cpu: CPU }, "unknown_variant", "class", /without a known ACU ratio/],
  [{ class: R6G, cpu: CPU, engine: "oracle" }, "unknown_variant", "engine", /unknown variant `oracle`/],
  // unknown fields
  [{ class: R6G, cpu: CPU, cpuAvg: 20 }, "unknown_field", "cpuAvg", /unknown field `cpuAvg`/],
  // conflicts
  [{ class: R6G, cpu: CPU, cpuTrace: { percent: [1] } }, "conflict", "cpuTrace", /not both/],
];

const catalogue = {
  readCloudWatch: cloudWatchCases,
  simulateTrace: traceCases,
  estimate: scenarioCases,
  simulate: scenarioCases,
  compare: scenarioCases,
  advise: scenarioCases,
  validate: scenarioCases,
  optimize: unpricedCases,
  cloudformation: unpricedCases,
  terraform: unpricedCases,
  maxConnections: maxConnectionsCases,
  capabilities: capabilitiesCases,
  migrate: migrateCases,
};

test("the error catalogue covers every export that takes input", () => {
  const takesInput = Object.entries(acumen)
    .filter(([name, f]) => typeof f === "function" && f.length > 0 && name !== "default" && name !== "initSync")
    .map(([name]) => name)
    .sort();
  assert.deepEqual(takesInput, Object.keys(catalogue).sort());
});

for (const [name, cases] of Object.entries(catalogue)) {
  test(`${name}() throws an AcumenError with the right code and field for each bad input`, () => {
    const codes = new Set();
    const withArgs = name === "simulateTrace" || name === "readCloudWatch";
    const call = withArgs ? (args) => acumen[name](...args) : acumen[name];
    for (const [input, ...expected] of cases) {
      assertThrows(call, name, input, expected);
      codes.add(expected[0]);
    }
    // The arguments of simulateTrace and readCloudWatch have no required field and no enum.
    const kinds = ["wrong_type", "missing_field", "not_a_number", "out_of_range", "unknown_variant", "unknown_field"];
    for (const needed of kinds.filter((k) => !withArgs || !["missing_field", "unknown_variant"].includes(k))) {
      assert.ok(codes.has(needed), `${name} is tried with ${needed}`);
    }
  });
}

test("validate() throws exactly what estimate() throws", () => {
  for (const [input] of scenarioCases) {
    const grab = (f) => {
      try {
        f(input);
      } catch (e) {
        return { code: e.code, field: e.field, message: e.message };
      }
      return null;
    };
    assert.deepEqual(grab(validate), grab(estimate), describe(input));
  }
});

test("a failed call leaves the module usable", () => {
  for (const [input] of scenarioCases) assert.throws(() => estimate(input));
  for (const [input] of maxConnectionsCases) assert.throws(() => maxConnections(input));
  for (const [input] of capabilitiesCases) assert.throws(() => capabilities(input));
  assert.equal(estimate({}).totalMicroUsd, 360_400_000);
  assert.equal(maxConnections({ engine: PG, minAcu: 1, maxAcu: 16 }).value, 3360);
});

test("cyclic and deeply nested inputs are refused, not overflowed", () => {
  const cyclic = { scaling: {} };
  cyclic.scaling.self = cyclic;
  assert.throws(() => estimate(cyclic), { name: "AcumenError", code: "out_of_range" });
  let deep = {};
  for (let i = 0; i < 10_000; i++) deep = { workload: deep };
  assert.throws(() => estimate(deep), { name: "AcumenError", code: "out_of_range" });
  assert.throws(() => maxConnections({ engine: PG, minAcu: 1, maxAcu: 16, x: deep }), { name: "AcumenError" });
});

test("compare() sizes a Database Savings Plan to the simulated hours", () => {
  // A floor of 4 ACU every hour at $0.12 with a plan rate 20 % off: commit
  // 4 × $0.096 = $0.384 an hour, 730 × $0.384 = $280.32 against 730 × 4 × $0.12 = $350.40.
  const c = compare({
    storageGb: 0,
    workload: { steady: { acu: 4 } },
    scaling: { minAcu: 4, maxAcu: 16 },
    compare: { serverlessSavingsPlanDiscount: 0.2, serverlessSavingsPlanCommitment: 1 },
  });
  const [plan] = c.savingsPlans;
  assert.equal(plan.covers, "serverless");
  assert.equal(plan.rateNanoUsd, 96_000_000);
  assert.equal(plan.best.hourlyMicroUsd, 384_000);
  assert.equal(plan.best.monthlyMicroUsd, 280_320_000);
  assert.equal(plan.onDemandMicroUsd, 350_400_000);
  // Yours, $1 an hour: 730 × $1 = $730, 38.4 % of it used.
  assert.equal(plan.yours.monthlyMicroUsd, 730_000_000);
  assert.ok(Math.abs(plan.yours.utilisation - 0.384) < 1e-12);
  assert.ok(plan.curve.some((p) => p.hourlyMicroUsd === 384_000 && p.monthlyMicroUsd === 280_320_000));
  assert.ok(c.rows.some((r) => r.kind === "serverless-savings-plan" && r.option === "serverless with the best Savings Plan ($0.384 an hour)"));
  // A negative commitment is refused by name.
  assert.throws(
    () => compare({ compare: { serverlessSavingsPlanCommitment: -1 } }),
    (e) => e.field === "compare.serverlessSavingsPlanCommitment",
  );
});

test("compare() gives no verdict when no provisioned option is priced, and never names ideal tracking", () => {
  const none = compare({ storageGb: 0, workload: { steady: { acu: 4 } }, compare: { classes: [{ class: "db.x9.large", memoryGib: 64 }] } });
  assert.match(none.verdict, /^no verdict: no provisioned option could be priced/);
  assert.equal(none.cheapest, "");
  const busy = compare({ storageGb: 0, workload: { businessHours: { peakAcu: 16, offPeakAcu: 0.5, hoursPerDay: 2 } } });
  assert.equal(busy.rows[0].kind, "serverless-ideal");
  assert.equal(busy.cheapest, "serverless (simulated)");
});
