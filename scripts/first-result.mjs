// How long the page takes to show its first monthly total, cold, in real
// headless Chromium: on localhost as it is, and throttled as Lighthouse's
// slow 4G (1.6 Mbps down, 750 kbps up, 150 ms round trip) with a 4× CPU
// slowdown, the cache off, served plainly and compressed (brotli, as a
// static host would). Prints the median of each and what went over the
// wire. Measures, never asserts: the machines are shared and noisy.
//
//   node scripts/first-result.mjs [--dir target/site] [--runs 5]
//
// `just first-result` builds the site first.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "./serve.mjs";
import { launchContext } from "../tests/support/chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    dir: { type: "string", default: resolve(root, "target/site") },
    runs: { type: "string", default: "5" },
  },
});
const runs = Number(values.runs);

/** Lighthouse's "slow 4G" and its CPU slowdown. */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const CPU_SLOWDOWN = 4;

/**
 * Records, in the page, the first animation frame (the one before a paint)
 * in which the monthly total shows a figure: from the HTML the build
 * prerendered, or from the live estimate, whichever comes first.
 */
function watchFirstTotal() {
  const look = () => {
    const total = document.getElementById("total-monthly");
    if (total?.textContent?.startsWith("$") && getComputedStyle(total).visibility === "visible") {
      performance.mark("first-total");
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
}

/**
 * One cold load: ms from navigation to the first frame showing a monthly
 * total, ms to the page's `acumen:ready` mark (the live result, the page
 * usable), and bytes received.
 */
async function load(context, url, throttled) {
  const page = await context.newPage();
  await page.addInitScript(watchFirstTotal);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  if (throttled) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_4G });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  }
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("acumen:ready").length > 0, null, { timeout: 60_000, polling: 50 });
  const [first, ms] = await page.evaluate(() => ["first-total", "acumen:ready"].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN));
  await page.close();
  return { first, ms, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const profiles = [
  { name: "localhost, as served", throttled: false, compress: false },
  { name: "slow 4G + 4× CPU, uncompressed", throttled: true, compress: false },
  { name: "slow 4G + 4× CPU, brotli (as a static host serves it)", throttled: true, compress: true },
];

const userData = mkdtempSync(join(tmpdir(), "acumen-first-result-"));
// Service workers blocked: the page's own would serve a second load from its cache.
const context = await launchContext(userData, { viewport: { width: 375, height: 812 }, serviceWorkers: "block" });
try {
  console.log(`cold loads, median of ${runs} (phone viewport): first monthly total on screen, live result ready, bytes`);
  for (const profile of profiles) {
    const server = await startServer({ dir: values.dir, compress: profile.compress });
    try {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await load(context, server.url, profile.throttled));
      const first = median(results.map((r) => r.first));
      const ms = median(results.map((r) => r.ms));
      const kb = median(results.map((r) => r.bytes)) / 1024;
      console.log(
        `  first total ${first.toFixed(0).padStart(5)} ms  live ${ms.toFixed(0).padStart(5)} ms  ${kb.toFixed(0).padStart(5)} KB over the wire  ${profile.name}`,
      );
    } finally {
      await server.close();
    }
  }
} finally {
  await context.close();
  rmSync(userData, { recursive: true, force: true });
}
