// The browser build (dist/web) initialised by hand in Node, as a worker or
// an app with the wasm bytes at hand would: initSync with bytes or a
// compiled module, and the async init with bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const web = new URL("../../pkg/dist/web/", import.meta.url);
const bytes = readFileSync(new URL("acumen_bg.wasm", web));
// Each query string loads a fresh copy of the module, with its own instance.
const fresh = (tag) => import(new URL(`acumen.js?${tag}`, web).href);

test("initSync({ module: bytes }) makes the web build usable synchronously", async () => {
  const acumen = await fresh("sync-bytes");
  const exports = acumen.initSync({ module: bytes });
  assert.ok(exports.memory instanceof WebAssembly.Memory);
  assert.equal(acumen.estimate({}).totalMicroUsd, 360_400_000);
  assert.equal(acumen.maxConnections({ engine: "aurora-postgresql", minAcu: 1, maxAcu: 16 }).value, 3360);
  assert.throws(() => acumen.estimate({ scaling: { maxAcu: 3.3 } }), {
    name: "AcumenError",
    code: "off_grid",
    field: "scaling.maxAcu",
  });
  // A second initialisation is a no-op that keeps the same instance.
  assert.equal(acumen.initSync({ module: bytes }), exports);
  assert.equal(await acumen.default(), exports);
});

test("initSync({ module: WebAssembly.Module }) works too", async () => {
  const acumen = await fresh("sync-module");
  acumen.initSync({ module: new WebAssembly.Module(bytes) });
  assert.equal(acumen.estimate({ storageGb: 0 }).totalMicroUsd, 350_400_000);
});

test("await init({ module_or_path: bytes }) works without fetch", async () => {
  const acumen = await fresh("async-bytes");
  await acumen.default({ module_or_path: bytes });
  assert.deepEqual(acumen.regions(), (await import("acumen")).regions());
});

test("before initialisation the web build is unusable, not wrong", async () => {
  const acumen = await fresh("uninitialised");
  assert.throws(() => acumen.estimate({}), TypeError);
});
