// The page's first wasm: the bindings crate without its `full-api` feature,
// so only the exports the first result needs (estimate, defaultScenario,
// regions, capabilities, catalog, version), each returning its result as JSON
// text (a smaller wasm; see crates/acumen-wasm/src/encode.rs), post-processed
// as the package's wasm is. The page loads it first, parses its results, and
// loads the package's full wasm only for what needs more (see web/engine.js).
// A site-only artifact: the npm package keeps its one wasm and its one API
// (tests/browser/first-wasm.test.mjs checks both answer alike).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { RUSTFLAGS, wasmOpt } from "./wasm-opt.mjs";

const root = new URL("..", import.meta.url).pathname;

/** Builds the first wasm and its JS into `out` (acumen.js, acumen_bg.wasm). */
export function buildFirstWasm(out) {
  const cargo = [
    "build", "--profile", "wasm-first", "--locked", "-p", "acumen-wasm", "--target", "wasm32-unknown-unknown",
    "--no-default-features", "--features", "console_error_panic_hook",
  ];
  console.log(`$ cargo ${cargo.join(" ")}`);
  execFileSync("cargo", cargo, {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: RUSTFLAGS },
  });
  rmSync(out, { recursive: true, force: true });
  const input = `${root}target/wasm32-unknown-unknown/wasm-first/acumen_wasm.wasm`;
  const bindgen = ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", "acumen", input];
  console.log(`$ wasm-bindgen ${bindgen.join(" ")}`);
  execFileSync("wasm-bindgen", bindgen, { stdio: "inherit", cwd: root });
  wasmOpt(`${out}/acumen_bg.wasm`, undefined, { converge: true });
}
