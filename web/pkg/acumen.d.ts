// The package's types where the page finds the package: scripts/build-site.mjs
// copies pkg/dist/web/acumen.js here (target/site/pkg/), and the type check
// (web/tsconfig.json) reads the types generated with it. Not shipped.
export * from "../../pkg/dist/web/acumen.js";
export { default } from "../../pkg/dist/web/acumen.js";
