// Benchmarks the built npm package (pkg/dist) from Node: the median time of
// one call for a few scenarios, simulateTrace beside the plain JavaScript
// loop a user would write, and the size of the wasm. Prints numbers
// only; nothing here passes or fails on timing.
//
//   node scripts/bench-wasm.mjs            (after `node scripts/build-pkg.mjs`)
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { estimate, simulateTrace, validate, version } from "acumen";

/** Median milliseconds per call of `fn`, after warming up. */
function median(fn, { warmup, samples, batch = 1 }) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    times.push((performance.now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/** A deterministic pseudo-random generator (mulberry32) giving floats in [0, 1). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 30 days of one-second demand in 0..16 ACU: a daily cycle plus a random
 * walk and noise, so nearly every second differs from the one before (the
 * worst case for a simulator whose cost follows the number of changes).
 */
function trace(seconds) {
  const next = random(42);
  const acu = new Array(seconds);
  let walk = 0;
  for (let i = 0; i < seconds; i++) {
    const day = (i % 86_400) / 86_400;
    walk = Math.max(-3, Math.min(3, walk + (next() - 0.5) * 0.05));
    const value = 6 + 5 * Math.sin(2 * Math.PI * (day - 0.25)) + walk + (next() - 0.5) * 2;
    acu[i] = Math.round(Math.max(0, Math.min(15.99, value)) * 100) / 100;
  }
  return acu;
}

/**
 * The native benchmark's trace (crates/acumen/benches/simulate.rs), sample
 * for sample: a xorshift random walk of ±0.5 ACU a second in 0..16 ACU.
 */
function walk(seconds) {
  const mask = (1n << 64n) - 1n;
  let state = 0x9e3779b97f4a7c15n;
  let need = 8;
  const acu = new Float64Array(seconds);
  for (let i = 0; i < seconds; i++) {
    state ^= (state << 13n) & mask;
    state ^= state >> 7n;
    state ^= (state << 17n) & mask;
    need = Math.max(0, Math.min(32, need + Number(state % 3n) - 1));
    acu[i] = need / 2;
  }
  return acu;
}
/**
 * The per-second controller a user would write by hand in plain JavaScript,
 * with the same rules as the package's (for a range that does not pause):
 * after `detectUpSeconds` above capacity it steps up by the largest of 0.5
 * ACU, `scaleUpRate` × capacity and the burst step, capped at the need;
 * after `holdDownSeconds` below it decays geometrically by `scaleDownRate`,
 * snapped down to the 0.5-ACU grid. Capacity is kept in half-ACUs. Returns
 * the billed ACU-hours.
 */
function plainLoop(acu, { minAcu, maxAcu, initialAcu }, c) {
  const [min, max] = [minAcu * 2, maxAcu * 2];
  let level = initialAcu * 2;
  let applied = level;
  let upWait = 0;
  let below = 0;
  let halfSeconds = 0;
  for (let i = 0; i < acu.length; i++) {
    const target = Math.min(Math.max(Math.ceil(acu[i] * 2), min), max);
    if (target > applied) {
      below = 0;
      if (++upWait >= c.detectUpSeconds) {
        const step = Math.max(c.scaleUpRate * level, 1, c.burstStepAcu * 2);
        level = Math.min(Math.ceil(level + step), target);
        applied = level;
      }
    } else if (target < applied) {
      upWait = 0;
      if (++below >= c.holdDownSeconds) {
        level = Math.max(level * (1 - c.scaleDownRate), target);
        applied = Math.max(Math.floor(level), target);
      }
    } else {
      upWait = 0;
      below = 0;
    }
    halfSeconds += applied;
  }
  return halfSeconds / 7_200;
}

const walkAcu = walk(2_592_000);
const walkSettings = { scaling: { minAcu: 0.5, maxAcu: 16 }, initialAcu: 4 };

const pageScenario = {
  workload: { businessHours: {} },
  readers: [{ promotionTier: 1 }, { promotionTier: 2 }],
};
const samples = trace(2_592_000);
const samplesArray = Float64Array.from(samples);
const traceScenario = { workload: { trace: { intervalSeconds: 1, acu: samples } }, hoursPerMonth: 720 };
const typedTraceScenario = { workload: { trace: { intervalSeconds: 1, acu: samplesArray } }, hoursPerMonth: 720 };
// Fails on the unknown first field after the whole input has been converted
// from JS, so its time is that of the JS-to-Rust conversion alone.
const conversionOnly = { aaaUnknown: 1, ...traceScenario };
const typedConversionOnly = { aaaUnknown: 1, ...typedTraceScenario };
/** Only converts `scenario` (see above). */
const convert = (scenario) => () => {
  try {
    estimate(scenario);
  } catch (e) {
    if (e.code !== "unknown_field") throw e;
  }
};

const rows = [
  ["estimate({})", () => estimate({}), { warmup: 200, samples: 31, batch: 50 }],
  ["estimate(page default: business hours, writer + 2 readers)", () => estimate(pageScenario), { warmup: 50, samples: 31, batch: 10 }],
  ["estimate(30-day 1-s trace, 2,592,000 samples)", () => estimate(traceScenario), { warmup: 2, samples: 9 }],
  ["  of which: JS-to-Rust conversion of the trace", convert(conversionOnly), { warmup: 2, samples: 9 }],
  ["estimate(the same trace as a Float64Array)", () => estimate(typedTraceScenario), { warmup: 2, samples: 9 }],
  [
    "estimate(the same, in the default 730-hour month: the trace repeated)",
    () => estimate({ ...typedTraceScenario, hoursPerMonth: 730 }),
    { warmup: 2, samples: 9 },
  ],
  ["  of which: JS-to-Rust conversion of the trace", convert(typedConversionOnly), { warmup: 2, samples: 21 }],
  [
    "estimate(the Float64Array trace, writer + 2 tier-0 readers sharing its demand: the page's shape)",
    () => estimate({ ...typedTraceScenario, readers: [{}, {}] }),
    { warmup: 2, samples: 9 },
  ],
  ["validate(30-day 1-s trace)", () => validate(traceScenario), { warmup: 2, samples: 9 }],
  [
    "simulateTrace(30-day 1-s daily cycle with noise, the trace above)",
    () => simulateTrace(samplesArray, walkSettings),
    { warmup: 3, samples: 21 },
  ],
  [
    "simulateTrace(30-day 1-s random walk, as the native trace benchmark)",
    () => simulateTrace(walkAcu, walkSettings),
    { warmup: 3, samples: 21 },
  ],
];

console.log(`acumen ${version()} (wasm), Node ${process.version}, ${process.arch}`);
const check = estimate(traceScenario);
console.log(`trace estimate: total ${check.totalMicroUsd / 1e6} USD, model ${check.model.name}`);
console.log("");
console.log("median ms per call");
for (const [name, fn, options] of rows) {
  const ms = median(fn, options);
  console.log(`${ms.toFixed(ms < 1 ? 4 : 2).padStart(12)}  ${name}`);
}

/**
 * Median milliseconds of `a` and of `b`, called in turn (so a busy moment
 * of the machine weighs on both alike), after warming up.
 */
function interleaved(a, b, runs) {
  for (let i = 0; i < 3; i++) {
    a();
    b();
  }
  const [ta, tb] = [[], []];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    a();
    ta.push(performance.now() - start);
    start = performance.now();
    b();
    tb.push(performance.now() - start);
  }
  const mid = (t) => t.sort((x, y) => x - y)[t.length >> 1];
  return [mid(ta), mid(tb)];
}

// The whole estimate of a writer with the trace against simulateTrace on the
// same samples, in the same form, one call of each in turn.
console.log("");
console.log("30-day 1-s trace, the estimate against simulateTrace on the same samples (interleaved):");
for (const [form, acu] of [["Float64Array", samplesArray], ["plain Array", samples]]) {
  const scenario = { workload: { trace: { intervalSeconds: 1, acu } }, hoursPerMonth: 720 };
  const [est, sim] = interleaved(() => estimate(scenario), () => simulateTrace(acu, walkSettings), 15);
  console.log(`${est.toFixed(2).padStart(12)}  estimate, ${form}`);
  console.log(`${sim.toFixed(2).padStart(12)}  simulateTrace, ${form}`);
  console.log(`${(est / sim).toFixed(2).padStart(12)}× the estimate's time over simulateTrace's`);
}

// The plain loop and the package on the same trace, in this process: the
// loop gets the package's own controller parameters, so both bill the same.
const kernel = simulateTrace(walkAcu, walkSettings);
const loopHours = plainLoop(walkAcu, { ...walkSettings.scaling, initialAcu: walkSettings.initialAcu }, kernel.model.controller);
const loopMs = median(() => plainLoop(walkAcu, { ...walkSettings.scaling, initialAcu: walkSettings.initialAcu }, kernel.model.controller), { warmup: 3, samples: 21 });
const kernelMs = median(() => simulateTrace(walkAcu, walkSettings), { warmup: 3, samples: 21 });
console.log("");
console.log("30-day 1-s random walk, one instance, this process:");
console.log(`${loopMs.toFixed(2).padStart(12)}  plain per-second JavaScript loop (${loopHours.toFixed(4)} ACU-h)`);
console.log(`${kernelMs.toFixed(2).padStart(12)}  simulateTrace (${kernel.acuHours.toFixed(4)} ACU-h${kernel.acuHours === loopHours ? ", the same" : ", DIFFERENT"})`);
console.log(`${(loopMs / kernelMs).toFixed(2).padStart(12)}× simulateTrace's speed over the plain loop`);

const wasm = readFileSync(new URL("../pkg/dist/web/acumen_bg.wasm", import.meta.url));
const gzip = gzipSync(wasm, { level: 9 }).length;
const brotli = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log("");
console.log(`wasm: ${wasm.length} bytes raw (${(wasm.length / 1024).toFixed(1)} KiB), ${gzip} bytes gzip -9, ${brotli} bytes brotli`);
