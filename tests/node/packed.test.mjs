// Packs the package as it would be published, installs the tarball into a
// fresh project, and uses it from ESM and CommonJS there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const pkgDir = new URL("../../pkg/", import.meta.url).pathname;

test("the packed tarball installs and works from ESM and CommonJS", () => {
  const work = mkdtempSync(join(tmpdir(), "acumen-pack-"));
  try {
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: pkgDir, encoding: "utf8" });
    const [{ filename, files }] = JSON.parse(out);
    const paths = files.map((f) => f.path).sort();
    for (const needed of ["dist/web/acumen_bg.wasm", "dist/node/acumen_bg.wasm", "dist/node/acumen.mjs", "dist/web/acumen.d.ts", "README.md", "package.json"]) {
      assert.ok(paths.includes(needed), `tarball contains ${needed}`);
    }
    const project = join(work, "consumer");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(work, filename)], { cwd: project, stdio: "pipe" });
    assert.ok(readdirSync(join(project, "node_modules", "acumen", "dist")).includes("web"));
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
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
