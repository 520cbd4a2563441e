// Generates the npm package's TypeScript types from the Rust types.
//
// The core's JSON Schema (crates/acumen/examples/schema.rs) is compiled to
// TypeScript by json-schema-to-typescript and written to
// crates/acumen-wasm/src/types.d.ts, which the bindings embed in the
// generated .d.ts. `--check` fails if the committed file is stale instead of
// writing it, so a Rust type change cannot silently skip the JS types.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";

const OUT = new URL("../crates/acumen-wasm/src/types.d.ts", import.meta.url);
const check = process.argv.includes("--check");

const schemaText = execFileSync(
  "cargo",
  ["run", "--quiet", "-p", "acumen", "--features", "schema", "--example", "schema"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
const schema = JSON.parse(schemaText);

// Rust doc examples mean nothing to JS users: drop fenced code from descriptions.
// Defaults are dropped too (the descriptions state them): beside a `$ref` the
// generator would infer a type from the default value and intersect it with
// the referenced type (`io?: IoUsage & string` would refuse `{ monthly }`).
(function clean(node, isMap = false) {
  if (node && typeof node === "object") {
    // In a map of named schemas ("properties", "definitions") keys are names.
    if (!isMap && !Array.isArray(node)) {
      if (typeof node.description === "string") {
        node.description = node.description.replace(/\n*```[\s\S]*?```\n*/g, "\n").trim();
      }
      delete node.default;
    }
    for (const [key, value] of Object.entries(node)) {
      clean(value, !isMap && !Array.isArray(node) && (key === "properties" || key === "definitions"));
    }
  }
})(schema);

// The package also takes a trace's samples as a typed array (any but the
// BigInt ones), read in one copy.
schema.definitions.Trace.properties.acu.tsType = "number[] | Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array";

let ts = await compile(schema, "AcumenTypes", {
  bannerComment:
    "// Generated from the Rust types by scripts/gen-types.mjs. Do not edit.\n// Integers named *MicroUsd are US dollars × 10⁶; *NanoUsd are US dollars × 10⁹.",
  additionalProperties: false,
  unreachableDefinitions: true,
  format: true,
  style: { singleQuote: false, printWidth: 100 },
});
// The root object only exists to reach every definition, and the generator's
// "referenced by" notes are noise to readers of the types.
ts = ts
  .replace(/\/\*\*\n \* Every shape Acumen exchanges[\s\S]*?\n}\n/, "")
  .replace(/ \*\n \* This interface was referenced by `AcumenTypes`'s JSON-Schema\n \* via the `definition` "\w+".\n/g, "")
  .replace(/\/\*\*\n \* This interface was referenced by `AcumenTypes`'s JSON-Schema\n \* via the `definition` "\w+".\n \*\/\n/g, "");

if (check) {
  const current = readFileSync(OUT, "utf8");
  if (current !== ts) {
    console.error("types.d.ts is stale: run `node scripts/gen-types.mjs` and commit the result");
    process.exit(1);
  }
  console.log("types.d.ts is up to date");
} else {
  writeFileSync(OUT, ts);
  console.log(`wrote ${OUT.pathname}`);
}
