// @ts-check
// Starts the calculator's engine as early as the page allows. index.html
// loads this module `async`, so it runs as soon as it arrives, while the page
// is still being laid out: it compiles the page's first WebAssembly (streamed,
// off the main thread; the package's exports the first result needs, see
// scripts/first-wasm.mjs), and estimates the scenario in the link (or the
// default) on this thread, for the first result. app.js takes it from there.

import { decodeLink } from "./page/link.js";

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first WebAssembly, compiled once and shared with the workers (engine.js loads the rest when needed). */
const wasmUrl = new URL("./pkg/first/acumen_bg.wasm", import.meta.url);
export const wasmModule = WebAssembly.compileStreaming(fetch(wasmUrl)).catch(async () =>
  // A host that serves .wasm without its media type defeats streaming compilation.
  WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer()),
);
// Keep an early failure from being reported as unhandled; whoever awaits it still sees it.
wasmModule.catch(() => {});

let local = null;

/** Runs an engine.js operation on this thread: the first estimate, and wherever a worker cannot run. */
export async function runLocally(op, args) {
  local ??= import("./engine.js");
  const engine = await local;
  try {
    return await engine.run(op, structuredClone(args), await wasmModule);
  } catch (error) {
    throw Object.assign(new Error(error?.message), engine.plainError(error));
  }
}

/** The link's scenario and view (link.js), read once: a packed one is inflated first. */
export const linkAtStart = decodeLink(location.hash);
/** The defaults, the region list and the first estimate (see engine.js `start`). */
export const starting = linkAtStart.then((link) => runLocally("start", { scenario: link && "scenario" in link ? link.scenario : null }));
starting.catch(() => {});
