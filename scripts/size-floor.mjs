// The smallest the npm package's wasm could be: the core alone, with no
// bindings, decoding or encoding (scripts/size-floor/), built like the
// package and optimised by the same wasm-opt. Printed for the page's first
// call alone and for the package's whole API, with the core built for speed
// (opt-level 3, as the package is) and for size ("z").
//
//   node scripts/size-floor.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { RUSTFLAGS, wasmOpt } from "./wasm-opt.mjs";

const root = new URL("..", import.meta.url).pathname;
const manifest = `${root}scripts/size-floor/Cargo.toml`;
const target = `${root}target/size-floor`;
mkdirSync(target, { recursive: true });

const rows = [];
for (const [api, features] of [["estimate only", []], ["whole API", ["--features", "full-api"]]]) {
  for (const opt of ["3", '"z"']) {
    const args = [
      "build", "--release", "--locked", "--target", "wasm32-unknown-unknown",
      "--manifest-path", manifest, "--target-dir", target,
      "--config", `profile.release.package.acumen.opt-level=${opt}`, ...features,
    ];
    console.log(`$ cargo ${args.join(" ")}`);
    execFileSync("cargo", args, {
      stdio: "inherit",
      env: { ...process.env, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: RUSTFLAGS },
    });
    const out = `${target}/floor.wasm`;
    wasmOpt(`${target}/wasm32-unknown-unknown/release/acumen_size_floor.wasm`, out);
    const wasm = readFileSync(out);
    rows.push([api, `core at opt-level ${opt.replaceAll('"', "")}`, wasm.length, gzipSync(wasm, { level: 9 }).length]);
  }
}
console.log("\nthe core alone, no bindings (bytes):");
for (const [api, build, raw, gzip] of rows) {
  console.log(`  ${api.padEnd(14)} ${build.padEnd(22)} ${String(raw).padStart(8)} raw ${String(gzip).padStart(8)} gzip`);
}
