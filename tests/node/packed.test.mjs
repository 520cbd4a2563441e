// Packs the package as it would be published, installs the tarball into a
// fresh project, and uses it there: from ESM and CommonJS, from a strict
// TypeScript project (Node and bundler resolution), and bundled by esbuild
// for a page run in headless Chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium.mjs";

const root = new URL("../../", import.meta.url).pathname;
const pkgDir = `${root}pkg/`;
const tsc = `${root}node_modules/.bin/tsc`;

let work; // temporary folder: the tarball and the consumer project
let project; // the consumer project, with the tarball installed
let packedFiles; // paths inside the tarball

before(() => {
  work = mkdtempSync(join(tmpdir(), "acumen-pack-"));
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: pkgDir, encoding: "utf8" });
  const [{ filename, files }] = JSON.parse(out);
  packedFiles = files.map((f) => f.path).sort();
  project = join(work, "consumer");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(work, filename)], {
    cwd: project,
    stdio: "pipe",
  });
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the tarball holds the built package and nothing else", () => {
  for (const needed of [
    "dist/web/acumen_bg.wasm",
    "dist/web/acumen.js",
    "dist/web/acumen.d.ts",
    "dist/node/acumen_bg.wasm",
    "dist/node/acumen.js",
    "dist/node/acumen.mjs",
    "dist/node/acumen.d.ts",
    "dist/node/acumen.d.mts",
    "README.md",
    "LICENSE-MIT",
    "LICENSE-APACHE",
    "package.json",
  ]) {
    assert.ok(packedFiles.includes(needed), `tarball contains ${needed}`);
  }
  for (const path of packedFiles) {
    assert.match(path, /^(dist\/(web|node)\/[^/]+|README\.md|LICENSE-\w+|package\.json)$/, `unexpected file ${path}`);
  }
  assert.ok(readdirSync(join(project, "node_modules", "acumen", "dist")).includes("web"));
});

test("the installed tarball works from ESM and CommonJS", () => {
  const esm = execFileSync(
    "node",
    ["--input-type=module", "-e", "import { estimate } from 'acumen'; console.log(estimate({}).totalMicroUsd)"],
    { cwd: project, encoding: "utf8" },
  );
  assert.equal(esm.trim(), "360400000");
  const cjs = execFileSync(
    "node",
    ["-e", "console.log(require('acumen').estimate({ storageGb: 0 }).totalMicroUsd)"],
    { cwd: project, encoding: "utf8" },
  );
  assert.equal(cjs.trim(), "350400000");
});

test("the wasm is exported as acumen/acumen_bg.wasm", () => {
  const require = createRequire(join(project, "package.json"));
  const wasm = require.resolve("acumen/acumen_bg.wasm");
  assert.equal(wasm, join(project, "node_modules", "acumen", "dist", "web", "acumen_bg.wasm"));
  assert.ok(WebAssembly.validate(readFileSync(wasm)));
  // Only the exports map's entries are reachable.
  assert.throws(() => require.resolve("acumen/dist/web/acumen.js"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
});

test("a fresh TypeScript project type-checks against the tarball (tsc --strict)", () => {
  // The same consumer code as tests/types, here against the packed files,
  // once with Node's resolution (ESM and CommonJS entries)...
  copyFileSync(`${root}tests/types/consumer.mts`, join(project, "consumer.mts"));
  copyFileSync(`${root}tests/types/consumer-cjs.cts`, join(project, "consumer-cjs.cts"));
  const options = { strict: true, noEmit: true, target: "es2022", skipLibCheck: false, types: [] };
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { ...options, module: "nodenext", moduleResolution: "nodenext" },
      files: ["consumer.mts", "consumer-cjs.cts"],
    }),
  );
  // ...and once as a bundler sees it (the browser entry with init()).
  copyFileSync(`${root}tests/bundle/entry.ts`, join(project, "entry.ts"));
  writeFileSync(
    join(project, "tsconfig.bundler.json"),
    JSON.stringify({
      compilerOptions: { ...options, module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom"] },
      files: ["entry.ts"],
    }),
  );
  for (const config of ["tsconfig.json", "tsconfig.bundler.json"]) {
    try {
      execFileSync(tsc, ["-p", config, "--noEmit", "--strict"], { cwd: project, encoding: "utf8" });
    } catch (e) {
      assert.fail(`tsc -p ${config} failed:\n${e.stdout}${e.stderr}`);
    }
  }
  // The check can fail: a wrong type in consumer code is reported.
  writeFileSync(join(project, "wrong.mts"), `import { estimate } from "acumen";\nconst n: string = estimate({}).totalMicroUsd;\nvoid n;\n`);
  writeFileSync(
    join(project, "tsconfig.wrong.json"),
    JSON.stringify({ compilerOptions: { ...options, module: "nodenext" }, files: ["wrong.mts"] }),
  );
  assert.throws(
    () => execFileSync(tsc, ["-p", "tsconfig.wrong.json"], { cwd: project, encoding: "utf8", stdio: "pipe" }),
    (e) => /TS2322/.test(e.stdout),
  );
});

test("esbuild drops an unused import (sideEffects) and keeps a used one", async () => {
  const bundle = async (contents) => {
    const result = await build({
      stdin: { contents, resolveDir: project, loader: "js" },
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    return result.outputFiles[0].text;
  };
  const unused = await bundle(`import "acumen";`);
  assert.equal(unused.trim(), "", "nothing of the package is left");
  const used = await bundle(`import init, { version } from "acumen"; await init(); console.log(version());`);
  assert.match(used, /wasm\.version\(\)/);
  assert.match(used, /WebAssembly\.instantiate/);
});

test("bundled by esbuild, the package runs in headless Chromium", async (t) => {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) assert.fail(`${CHROMIUM} is missing`);
    t.skip(`${CHROMIUM} is not installed (./dev test installs it)`);
    return;
  }
  const site = join(work, "site");
  mkdirSync(site);
  copyFileSync(`${root}tests/bundle/entry.ts`, join(project, "entry.ts"));
  await build({
    entryPoints: [join(project, "entry.ts")],
    absWorkingDir: project,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(site, "bundle.js"),
    logLevel: "silent",
  });
  // The app serves the wasm it finds through the package's subpath export.
  const wasm = createRequire(join(project, "package.json")).resolve("acumen/acumen_bg.wasm");
  copyFileSync(wasm, join(site, "acumen_bg.wasm"));
  copyFileSync(`${root}tests/bundle/index.html`, join(site, "index.html"));

  const server = await startServer({ dir: site, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.total !== undefined, null, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.total), "360400000");
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.sort(), ["/", "/acumen_bg.wasm", "/bundle.js"]);
  } finally {
    await browser.close();
    await server.close();
  }
});
