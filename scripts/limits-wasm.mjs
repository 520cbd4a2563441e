// Times the largest inputs the limits allow (docs/limits.md) through the
// built package in Node, and prints the wall time and the process's peak
// memory. The native counterpart is `cargo run --release -p acumen
// --example limits -- <case>`; the cases are the same.
//
//   node scripts/limits-wasm.mjs year-trace|month-16|too-many|over-budget
import { estimate } from "acumen";

const MONTH = 744 * 3600;

/** Demand that changes every second (the example's pseudo-random walk). */
function samples(n, seed) {
  let x = (BigInt(seed) * 0x9e3779b97f4a7c15n) | 1n;
  const mask = (1n << 64n) - 1n;
  let level = 16;
  const out = new Array(n);
  // A 32-bit generator is enough here and far faster than BigInt per sample.
  let s = Number(x & 0xffffffffn) >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const step = (s >>> 16) % 9 - 4;
    level = Math.min(64, Math.max(0, level + step * 0.25));
    out[i] = level + ((s >>> 3) & 1 ? 0.125 : 0);
  }
  void mask;
  return out;
}

const trace = (acu) => ({ trace: { intervalSeconds: 1, acu } });
const scaling = { minAcu: 0.5, maxAcu: 64 };
const which = process.argv[2];
let scenario;
switch (which) {
  case "year-trace":
    scenario = { hoursPerMonth: 744, scaling, workload: trace(samples(31_622_400, 1)) };
    break;
  case "month-16":
  case "too-many":
    scenario = {
      hoursPerMonth: 744,
      scaling,
      workload: trace(samples(MONTH, 1)),
      readers: Array.from({ length: 15 }, (_, i) => ({
        promotionTier: 2 + (i % 14),
        workload: trace(samples(MONTH + (which === "too-many" && i === 14 ? 1 : 0), 2 + i)),
      })),
    };
    break;
  case "over-budget":
    // More array values than one argument may hold: refused before copying.
    scenario = { workload: trace(new Array(50_000_000)) };
    break;
  default:
    console.error("usage: node scripts/limits-wasm.mjs year-trace|month-16|too-many|over-budget");
    process.exit(2);
}

const mib = (kb) => (kb / 1024).toFixed(0);
const before = process.resourceUsage().maxRSS;
const start = performance.now();
try {
  const report = estimate(scenario);
  const ms = performance.now() - start;
  console.log(
    `${which}: estimated in ${(ms / 1000).toFixed(2)} s; peak memory ${mib(process.resourceUsage().maxRSS)} MiB ` +
      `(${mib(before)} MiB with the input built); total $${(report.totalMicroUsd / 1e6).toFixed(2)}`,
  );
} catch (e) {
  const ms = performance.now() - start;
  console.log(
    `${which}: refused in ${ms.toFixed(1)} ms (${e.code} at ${e.field}: ${e.message}); ` +
      `peak memory ${mib(process.resourceUsage().maxRSS)} MiB`,
  );
}
