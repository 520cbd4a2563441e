// The error catalogue (tests/errors/catalogue.json) through the built
// package: every case for the JS surface makes `estimate` and `validate`
// throw an AcumenError with the case's code and field, the same ones the
// core crate and the CLI report (crates/*/tests/error_catalogue.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { estimate, validate } from "acumen";

const read = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const catalogue = JSON.parse(read("../errors/catalogue.json"));
const cases = catalogue.cases
  .map((c, index) => ({ ...c, index }))
  .filter((c) => (c.surfaces ?? ["core", "cli", "js"]).includes("js"));

/** The case's scenario as a JS value: placeholders become the values JSON cannot hold. */
function materialise(value) {
  if (Array.isArray(value)) return value.map(materialise);
  if (value === null || typeof value !== "object") return value;
  if ("$number" in value) {
    const numbers = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };
    assert.ok(value.$number in numbers, `unknown $number ${value.$number}`);
    return numbers[value.$number];
  }
  if ("$js" in value) {
    switch (value.$js) {
      case "bigint":
        return 1n;
      case "function":
        return () => 1;
      case "symbol":
        return Symbol("x");
      case "array":
        // Holes only: the length is what is refused, before any copy.
        return new Array(value.length);
      case "typed": {
        // A typed array of `values`, or of `length` zeros (a DataView of 8 zero bytes).
        if (value.type === "DataView") return new DataView(new ArrayBuffer(8));
        if ("length" in value) return new globalThis[value.type](value.length);
        const values = value.values.map(materialise);
        return globalThis[value.type].from(value.type.startsWith("Big") ? values.map(BigInt) : values);
      }
      default:
        assert.fail(`unknown $js ${value.$js}`);
    }
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v)]));
}

function expectError(call, c) {
  assert.throws(call, (e) => {
    const at = `case ${c.index} (${c.code} at ${JSON.stringify(c.field)}): ${e?.message}`;
    assert.ok(e instanceof Error, at);
    assert.equal(e.name, "AcumenError", at);
    assert.deepEqual([e.code, e.field], [c.code, c.field], at);
    assert.ok(e.message.includes(c.messageContains), `${at} lacks ${c.messageContains}`);
    // The message is "field: what is wrong" (just the latter for the whole argument).
    if (c.field) assert.ok(e.message.startsWith(`${c.field}: `), at);
    return true;
  });
}

test("every catalogued case throws its code and field from estimate and validate", () => {
  assert.ok(cases.length >= 50, `${cases.length} cases`);
  for (const c of cases) {
    assert.ok("scenario" in c, `case ${c.index}: the JS surface takes a scenario`);
    expectError(() => estimate(materialise(c.scenario)), c);
    expectError(() => validate(materialise(c.scenario)), c);
  }
});

test("every ErrorCode of the package's types is catalogued and documented", () => {
  const types = read("../../pkg/dist/web/acumen.d.ts");
  const union = types.match(/export type ErrorCode =([^;]+);/);
  assert.ok(union, "acumen.d.ts declares ErrorCode");
  const codes = [...union[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  assert.ok(codes.length >= 12, codes.join());
  const listed = new Set(catalogue.cases.map((c) => c.code));
  const docs = read("../../docs/errors.md");
  for (const code of codes) {
    assert.ok(listed.has(code), `${code} has no case in tests/errors/catalogue.json`);
    assert.ok(docs.includes(`| \`${code}\` |`), `${code} has no row in docs/errors.md`);
  }
  // Codes only the CLI produces are not part of the package's type.
  for (const code of listed) {
    assert.ok(codes.includes(code) || ["io", "usage", "invalid_input"].includes(code), code);
  }
});

test("a cyclic or too deeply nested argument is refused with its path", () => {
  const cyclic = {};
  cyclic.self = cyclic;
  for (const call of [estimate, validate]) {
    assert.throws(
      () => call({ application: cyclic }),
      (e) =>
        e.name === "AcumenError" &&
        e.code === "out_of_range" &&
        e.field.startsWith("application.self.self") &&
        /nested too deeply/.test(e.message),
    );
  }
});
