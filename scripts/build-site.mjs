// Assembles the static calculator site in target/site:
//   web/*                                   -> target/site/
//   pkg/dist/web/acumen.js, acumen_bg.wasm  -> target/site/pkg/
// Build the npm package first (node scripts/build-pkg.mjs).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const web = join(root, "web");
const pkgWeb = join(root, "pkg", "dist", "web");
const site = join(root, "target", "site");
const pkgFiles = ["acumen.js", "acumen_bg.wasm"];

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
if (!existsSync(join(web, "index.html"))) fail("web/index.html not found.");

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
for (const file of listing(site).sort()) {
  console.log(`  ${file.padEnd(24)} ${statSync(join(site, file)).size} bytes`);
}
console.log("Site built in target/site. Serve it with: node scripts/serve.mjs");
