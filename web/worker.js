// @ts-check
// The page's calculation worker: runs engine.js operations off the main
// thread, so that typing never waits for the wasm core.
//   page → worker: { id, op, args }
//   worker → page: { id, ok: true, value } or { id, ok: false, error }
// The page's first message is { op: "load", args: { module } } with the
// package's compiled WebAssembly.Module, so that the worker compiles nothing.
import { plainError, run } from "./engine.js";

let handled = 0;

self.addEventListener("message", async ({ data }) => {
  const { id, op, args } = data ?? {};
  const started = performance.now();
  try {
    const value = await run(op, args);
    // The time each operation takes in the core, for profiling (and the tests).
    performance.measure(`acumen:${op}`, { start: started });
    if (++handled % 1000 === 0) performance.clearMeasures();
    self.postMessage({ id, ok: true, value });
  } catch (error) {
    self.postMessage({ id, ok: false, error: plainError(error) });
  }
});
