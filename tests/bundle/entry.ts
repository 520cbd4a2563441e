// A browser app that uses the package through a bundler: resolved by name
// through the `exports` map ("browser" condition), initialised with the URL
// of the wasm that the app serves. Type-checked with bundler resolution,
// bundled by esbuild and run in headless Chromium by tests/node/packed.test.mjs.
import init, { estimate } from "acumen";

await init({ module_or_path: new URL("acumen_bg.wasm", document.baseURI) });
document.body.dataset.total = String(estimate({}).totalMicroUsd);
