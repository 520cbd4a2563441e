// The types of the page's first wasm (scripts/first-wasm.mjs), which
// scripts/build-site.mjs writes into target/site/pkg/first/: the package's
// types (its exports are a subset of the package's). Not shipped.
export * from "../../../pkg/dist/web/acumen.js";
export { default } from "../../../pkg/dist/web/acumen.js";
