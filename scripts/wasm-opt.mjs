// wasm-opt (from the npm package binaryen) as every build of a wasm here runs it.
import { execFileSync } from "node:child_process";

const root = new URL("..", import.meta.url).pathname;

// The wasm features Rust 1.95 emits by default for wasm32-unknown-unknown, and
// SIMD, which the builds turn on (see RUSTFLAGS below).
const features = [
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue", "--enable-simd",
];

/**
 * 128-bit SIMD (in every current browser and in Node since 16.4) lets the
 * simulator's per-second kernel compare a block of samples at once.
 */
export const RUSTFLAGS = "-C target-feature=+simd128";

/**
 * Optimises `input` for size into `output` (the same file if omitted). With
 * `converge`, the passes are repeated while they still shrink it: 1.5 % less
 * gzip for the page's first wasm, 0.2 % for the package's at twice the time.
 */
export function wasmOpt(input, output = input, { converge = false } = {}) {
  const args = ["-Oz", ...(converge ? ["--converge"] : []), "--strip-debug", "--strip-producers", ...features, input, "-o", output];
  console.log(`$ wasm-opt ${args.join(" ")}`);
  execFileSync(`${root}node_modules/.bin/wasm-opt`, args, { stdio: "inherit", cwd: root });
}
