// The types of the page's first wasm (scripts/first-wasm.mjs), which
// scripts/build-site.mjs writes into target/site/pkg/first/: the package's
// exports the first result needs, each returning the JSON text of the
// package's value (web/engine.js parses it). Not shipped.
import type { CapabilitiesInput, Scenario } from "../acumen.js";

export function estimate(scenario?: Scenario): string;
export function defaultScenario(): string;
export function regions(): string;
export function catalog(): string;
export function capabilities(input: CapabilitiesInput): string;
export function version(): string;
export { default } from "../../../pkg/dist/web/acumen.js";
