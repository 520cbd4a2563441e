// Assembles the static calculator site in target/site:
//   web/*                                   -> target/site/
//   pkg/dist/web/acumen.js, acumen_bg.wasm  -> target/site/pkg/
// minifies the scripts and the stylesheet (esbuild, file by file: the same
// modules, smaller), and fills in the service worker (sw.js): the list of
// files to cache and a version from a hash of their contents, so that each
// build with different files installs a new cache.
//
//   node scripts/build-site.mjs [--no-minify]
//
// Build the npm package first (node scripts/build-pkg.mjs).
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const web = join(root, "web");
const pkgWeb = join(root, "pkg", "dist", "web");
const site = join(root, "target", "site");
const pkgFiles = ["acumen.js", "acumen_bg.wasm"];
const SERVICE_WORKER = "sw.js";
const minify = !process.argv.includes("--no-minify");

function fail(message) {
  console.error(`build-site: ${message}`);
  process.exit(1);
}

const missing = pkgFiles.filter((name) => !existsSync(join(pkgWeb, name)));
if (missing.length > 0) {
  fail(
    `${missing.map((name) => `pkg/dist/web/${name}`).join(" and ")} not found.\n` +
      "Build the package first: node scripts/build-pkg.mjs",
  );
}
for (const name of ["index.html", SERVICE_WORKER]) {
  if (!existsSync(join(web, name))) fail(`web/${name} not found.`);
}

rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, "pkg"), { recursive: true });

for (const name of readdirSync(web)) {
  cpSync(join(web, name), join(site, name), { recursive: true });
}
for (const name of pkgFiles) {
  cpSync(join(pkgWeb, name), join(site, "pkg", name));
}

const listing = (dir, prefix = "") =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listing(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );

if (minify) {
  let esbuild = null;
  try {
    esbuild = await import("esbuild");
  } catch {
    console.warn("build-site: esbuild is not installed (npm ci); the site's files are left unminified.");
  }
  for (const file of esbuild ? listing(site) : []) {
    const loader = file.endsWith(".js") ? "js" : file.endsWith(".css") ? "css" : null;
    // The service worker is filled in below, from its unminified template.
    if (!loader || file === SERVICE_WORKER) continue;
    const path = join(site, file);
    const { code } = esbuild.transformSync(readFileSync(path, "utf8"), { loader, minify: true, legalComments: "none", sourcefile: file });
    writeFileSync(path, code);
  }
}

// The service worker caches every other file; the page itself is cached as "./".
const cached = listing(site)
  .filter((file) => file !== SERVICE_WORKER)
  .sort();
const hash = createHash("sha256");
for (const file of cached) hash.update(`${file}\0`).update(readFileSync(join(site, file))).update("\0");
const version = hash.digest("hex").slice(0, 16);
const files = cached.map((file) => (file === "index.html" ? "./" : file));
const template = readFileSync(join(web, SERVICE_WORKER), "utf8");
const filled = template
  .replace('const VERSION = "development";', `const VERSION = ${JSON.stringify(version)};`)
  .replace("const FILES = [];", `const FILES = ${JSON.stringify(files)};`);
if (filled === template || !filled.includes(version) || filled.includes("const FILES = [];")) {
  fail(`web/${SERVICE_WORKER} lacks the VERSION and FILES lines to fill in.`);
}
writeFileSync(join(site, SERVICE_WORKER), filled);

let rawTotal = 0;
let gzipTotal = 0;
for (const file of listing(site).sort()) {
  const bytes = readFileSync(join(site, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  rawTotal += bytes.length;
  gzipTotal += gzip;
  console.log(`  ${file.padEnd(24)} ${String(bytes.length).padStart(8)} bytes ${String(gzip).padStart(8)} gzip`);
}
console.log(`  ${"total".padEnd(24)} ${String(rawTotal).padStart(8)} bytes ${String(gzipTotal).padStart(8)} gzip`);
console.log(`Site built in target/site (cache version ${version}). Serve it with: node scripts/serve.mjs`);
