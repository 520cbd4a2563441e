// Assembles the static calculator site in target/site:
//   web/*.js (but sw.js)                    -> target/site/*.js, each bundled with
//                                              the modules of web/page/ it imports
//   web/index.html, style.css, sw.js        -> target/site/
//   pkg/dist/web/acumen.js, acumen_bg.wasm  -> target/site/pkg/
//   the page's first wasm and its JS         -> target/site/pkg/first/ (scripts/first-wasm.mjs)
// The page's own modules (web/page/) are bundled into the top-level scripts
// that import them (esbuild; the top-level scripts and the package stay
// separate files, imported as they are), so the site has the same few files
// however the page's source is divided. Scripts and the stylesheet are
// minified; index.html gets the default scenario's result written in
// (scripts/prerender.mjs), so its first paint shows a monthly total; and the
// service worker (sw.js) is filled in: the list of files
// to cache and a version from a hash of their contents, so that each build
// with different files installs a new cache. web/tsconfig.json and type
// declarations are for the type check only and are not copied.
//
//   node scripts/build-site.mjs [--no-minify]
//
// Build the npm package first (node scripts/build-pkg.mjs).
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildFirstWasm } from "./first-wasm.mjs";
import { defaultReport, figures, prerender } from "./prerender.mjs";

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

/**
 * Source that is bundled (web/page/) or only type-checked (the config, declarations, and web/pkg/,
 * which holds the types of the package copied into target/site/pkg/): not copied into the site.
 */
const PAGE_MODULES = "page";
const notShipped = (name) => name === PAGE_MODULES || name === "pkg" || name === "tsconfig.json" || name.endsWith(".d.ts");
const scripts = readdirSync(web).filter((name) => name.endsWith(".js") && name !== SERVICE_WORKER);
for (const name of readdirSync(web)) {
  if (notShipped(name) || scripts.includes(name)) continue;
  cpSync(join(web, name), join(site, name), { recursive: true });
}
for (const name of pkgFiles) {
  cpSync(join(pkgWeb, name), join(site, "pkg", name));
}
const firstWasm = join(root, "target", "first-wasm");
buildFirstWasm(firstWasm);
mkdirSync(join(site, "pkg", "first"));
for (const name of pkgFiles) {
  cpSync(join(firstWasm, name), join(site, "pkg", "first", name));
}

const listing = (dir, prefix = "") =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listing(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  fail("esbuild is not installed: run npm ci (it bundles the page's modules).");
}

/**
 * Keeps every import of a top-level web/ script or of the package as an
 * import of the site's file (the same address beside the bundle); the
 * modules of web/page/ are bundled.
 */
const siteFiles = {
  name: "site-files",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const target = resolve(args.resolveDir, args.path);
      const inWeb = relative(web, target);
      if (inWeb.startsWith("..") || inWeb.startsWith(`${PAGE_MODULES}${sep}`)) return undefined;
      return { path: `./${inWeb.split(sep).join("/")}`, external: true };
    });
  },
};
await esbuild.build({
  entryPoints: scripts.map((name) => join(web, name)),
  outdir: site,
  bundle: true,
  format: "esm",
  minify,
  legalComments: "none",
  plugins: [siteFiles],
  logLevel: "warning",
});

if (minify) {
  for (const file of listing(site)) {
    // The page's scripts were minified as they were bundled; the service worker is filled in below, from its template.
    const loader = file.endsWith(".css") ? "css" : file.startsWith("pkg/") && file.endsWith(".js") ? "js" : null;
    if (!loader) continue;
    const path = join(site, file);
    const { code } = esbuild.transformSync(readFileSync(path, "utf8"), { loader, minify: true, legalComments: "none", sourcefile: file });
    writeFileSync(path, code);
  }
}

// The default result, written into the page by the package's Node build (the same core).
const pkgNode = join(root, "pkg", "dist", "node", "acumen.js");
if (!existsSync(pkgNode)) fail("pkg/dist/node/acumen.js not found. Build the package first: node scripts/build-pkg.mjs");
const shown = figures(defaultReport(pkgNode));
if (shown) {
  const page = join(site, "index.html");
  writeFileSync(page, prerender(readFileSync(page, "utf8"), shown));
  console.log(`  index.html: the default result prerendered (${shown["total-monthly"]} a month)`);
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
