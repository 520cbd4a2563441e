// Rewrites the table between the calibrate markers in docs/calibration.md
// with `acumen calibrate --format markdown`.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [doc = "docs/calibration.md", acumen = "target/debug/acumen"] = process.argv.slice(2);
const table = execFileSync(acumen, ["calibrate", "--format", "markdown"], { encoding: "utf8" });
const text = readFileSync(doc, "utf8");
const begin = "<!-- calibrate:begin -->\n";
const end = "<!-- calibrate:end -->";
const from = text.indexOf(begin) + begin.length;
const to = text.indexOf(end);
if (from < begin.length || to < from) throw new Error(`${doc}: no calibrate markers`);
writeFileSync(doc, text.slice(0, from) + table + text.slice(to));
console.log(`rewrote the table in ${doc}`);
