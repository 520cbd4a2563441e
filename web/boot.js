// @ts-check
// Starts the calculator's engine as early as the page allows. index.html
// loads this module `async`, so it runs as soon as it arrives, while the page
// is still being laid out: it compiles the package's WebAssembly (streamed,
// off the main thread), and estimates the scenario in the link (or the
// default) on this thread, for the first result. app.js takes it from there.

export const HASH_PREFIX = "#s=";

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The scenario in the URL hash: `null` when there is none, else `{ scenario }` or `{ error }`. */
export function parseHash() {
  const hash = location.hash;
  if (!hash.startsWith(HASH_PREFIX)) return null;
  let scenario;
  try {
    scenario = JSON.parse(decodeURIComponent(hash.slice(HASH_PREFIX.length)));
  } catch {
    return { error: "it is not readable" };
  }
  if (!isPlainObject(scenario)) return { error: "it is not a scenario object" };
  return { scenario };
}

/** The package's WebAssembly, compiled once and shared with the workers. */
const wasmUrl = new URL("./pkg/acumen_bg.wasm", import.meta.url);
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

export const linkAtStart = parseHash();
/** The defaults, the region list and the first estimate (see engine.js `start`). */
export const starting = runLocally("start", { scenario: linkAtStart?.scenario ?? null });
starting.catch(() => {});
