// Generates the core's built-in price catalog (crates/acumen/src/prices/catalog.rs)
// from the sourced price data in crates/acumen/data/aurora-prices.json.
// `--check` fails if the committed catalog differs from what the data gives.
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";

// `--data FILE` and `--out FILE` read and write elsewhere (for tests).
const arg = (name, fallback) =>
  process.argv.includes(name) ? pathToFileURL(process.argv[process.argv.indexOf(name) + 1]) : new URL(fallback, import.meta.url);
const DATA = arg("--data", "../crates/acumen/data/aurora-prices.json");
const OUT = arg("--out", "../crates/acumen/src/prices/catalog.rs");
const data = JSON.parse(readFileSync(DATA, "utf8"));

// Short readable names for the data's source keys, with their dates.
const SOURCES = {
  P1: ["AWS agent-toolkit static price table", "2026-03-28"],
  P2: ["AWS Pricing API", "2025-10-28"],
  P3: ["Infracost test data (rounded display)", null],
  P5: ["SST Aurora component estimates", null],
  P6: ["AWS Pricing API", "2026-09-19"],
  P7: ["AWS Pricing API", "2026-06"],
  P8: ["a third-party test fixture", null],
  P9: ["AWS price list usage types (EUW2)", null],
  P10: ["AWS price list quotes", "2026-10-01"],
  P11: ["a third-party test fixture", null],
  P12: ["AWS price list snapshots", "2026-08"],
  P13: ["AWS Japan pricing page, quoted by a third party", null],
  P16: ["AWS Aurora user guide", null],
  P17: ["third-party pricing notes", null],
  P19: ["third-party articles", null],
  R1: ["AWS Price List Query API, quoted with SKUs", "2026-09-07"],
  R2: ["AWS price feed rows, quoted", "2026-07-28"],
  R3: ["AWS Price List API extract", "2026-09-03"],
  R4: ["a third-party Singapore cost estimate", null],
  R5: ["a third-party test fixture", null],
  R6: ["a third-party test fixture", "2026-10"],
  R7: ["a third-party billing audit", null],
  R8: ["a Cost Explorer bill line, via a third-party audit", null],
  R10: ["a third-party note of a Tokyo and Osaka price cut", null],
  R11: ["third-party Savings Plans write-ups", null],
  R12: ["a third-party repository", null],
  R13: ["a third-party test fixture", null],
};

const ITEMS = {
  serverless_v2_acu_standard: "ServerlessStandard",
  serverless_v2_acu_io_optimized: "ServerlessIoOptimized",
  storage_standard: "StorageStandard",
  storage_io_optimized: "StorageIoOptimized",
  io_requests_standard: "IoRequests",
  backup_beyond_free: "Backup",
  snapshot_export: "SnapshotExport",
  backtrack_aurora_mysql: "Backtrack",
  global_db_replicated_write_io: "GlobalWriteIo",
  rds_proxy_serverless_v2: "ProxyServerless",
  rds_proxy_provisioned: "ProxyProvisioned",
  data_api_first_1B: "DataApi",
  data_api_over_1B: "DataApiOverBillion",
  // Performance Insights ended on 2026-07-31; Database Insights has no
  // sourced price, so the item has no catalog entry.
  performance_insights_ltr_serverless: null,
  extended_support_serverless_y1_2: "ExtendedSupport",
};
// Alternative values in a conflict are kept in the main entry's note.
const ALTERNATIVES = new Set([
  "serverless_v2_acu_io_optimized_alt",
  "serverless_v2_acu_standard_alt",
  "serverless_v2_acu_standard_superseded",
]);

const CONFIDENCE = { H: "High", M: "Medium", L: "Low" };
const ENGINE = { both: "None", "aurora-postgresql": "Some(Engine::AuroraPostgresql)", "aurora-mysql": "Some(Engine::AuroraMysql)" };

const nanos = (usd) => {
  const [whole, frac = ""] = String(usd).split(".");
  return BigInt(whole) * 1_000_000_000n + BigInt((frac + "000000000").slice(0, 9));
};
const rustStr = (s) => JSON.stringify(s);
const readable = (source) => source.replace(/\b[PR](\d+)\b/g, (key) => (SOURCES[key] ? `${SOURCES[key][0]} [${key}]` : key));
const dateOf = (source) => {
  for (const [key] of source.matchAll(/\b[PR]\d+\b/g)) if (SOURCES[key]?.[1]) return SOURCES[key][1];
  return null;
};
// A row's sources, "P2 (SKU …); P1; P3": the primary one is the first that
// quotes a Price List SKU, else the first (the best, as the data lists them);
// the others corroborate it.
const splitSources = (e) => {
  const parts = e.source.split(/;\s*/).filter((p) => p.trim() !== "");
  const at = Math.max(0, parts.findIndex((p) => /\bSKU [A-Z0-9]{8,}/.test(p)));
  const primary = parts[at];
  const others = parts.filter((_, i) => i !== at);
  return {
    primary: readable(primary),
    sku: primary.match(/\bSKU ([A-Z0-9]{8,})/)?.[1] ?? null,
    asOf: e.as_of ?? dateOf(primary) ?? dateOf(e.source),
    others: others.map(readable),
  };
};
const list = (items) => `&[${items.map(rustStr).join(", ")}]`;
const option = (s) => (s == null ? "None" : `Some(${rustStr(s)})`);
const group = (n) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, "_");

const regionCodes = new Set(data.regions.map((r) => r.code));
const regions = data.regions.map(
  (r) => `    Region {
        code: ${rustStr(r.code)},
        name: ${rustStr(r.name)},
        geography: ${rustStr(r.geography)},
        usage_type_prefix: ${option(r.usage_type_prefix)},
        billing_code: ${rustStr(r.billing_code)},
    },`,
);
const rows = [];
for (const section of ["serverless_v2_acu_hour", "storage_io_backup_other", "proxy_data_api_misc"]) {
  for (const e of data[section]) {
    if (ALTERNATIVES.has(e.item)) continue;
    const item = ITEMS[e.item];
    if (item === null) continue; // an item that no longer exists
    if (!item) throw new Error(`unmapped item ${e.item}`);
    if (!regionCodes.has(e.region)) throw new Error(`unknown region ${e.region} for ${e.item}`);
    const src = splitSources(e);
    rows.push(`    CatalogEntry {
        region: ${rustStr(e.region)},
        item: PriceItem::${item},
        engine: ${ENGINE[e.engine]},
        price: UnitPrice::from_nanos(${group(nanos(e.price_usd))}),
        source: ${rustStr(src.primary)},
        sku: ${option(src.sku)},
        as_of: ${option(src.asOf)},
        confidence: Confidence::${CONFIDENCE[e.confidence]},
        note: ${option(e.note == null ? null : readable(e.note))},
        other_sources: ${list(src.others)},
    },`);
  }
}
const classes = [];
// A class's size is the same in every region: fill a row that omits it from another row.
const sizeOf = (name) => data.provisioned_on_demand.find((c) => c.class === name && c.vcpu != null);
for (const c of data.provisioned_on_demand) {
  if (c.on_demand_usd_per_hour == null && c.io_optimized_usd_per_hour == null) continue; // listed as not found
  const size = c.vcpu != null ? c : sizeOf(c.class);
  if (!size) throw new Error(`no size known for ${c.class}`);
  classes.push(`    InstanceClass {
        region: ${rustStr(c.region)},
        class: ${rustStr(c.class)},
        engine: ${ENGINE[c.engine ?? "both"]},
        vcpu: ${size.vcpu},
        memory_gib: ${size.memory_gib},
        on_demand_hourly: ${c.on_demand_usd_per_hour == null ? "None" : `Some(UnitPrice::from_nanos(${group(nanos(c.on_demand_usd_per_hour))}))`},
        io_optimized_hourly: ${c.io_optimized_usd_per_hour == null ? "None" : `Some(UnitPrice::from_nanos(${group(nanos(c.io_optimized_usd_per_hour))}))`},
        source: ${rustStr(readable(c.source))},
        as_of: ${option(c.as_of ?? dateOf(c.source))},
        confidence: Confidence::${CONFIDENCE[c.confidence]},
    },`);
}

const raw = `// Generated by scripts/gen-catalog.mjs from crates/acumen/data/aurora-prices.json. Do not edit.
// Every row keeps its source, the date of that source where known, and its confidence.

use super::{CatalogEntry, Confidence, InstanceClass, PriceItem, Region};
use crate::money::UnitPrice;
use crate::vocabulary::Engine;

// Statics, not consts: a const's table (and every string in it) would be
// copied into the binary once per place that reads it.

/// Every commercial AWS region, with its name, geography and Price List
/// usage-type prefix.
pub(super) static REGIONS: &[Region] = &[
${regions.join("\n")}
];

/// Catalog prices, on-demand, USD.
pub(super) static ENTRIES: &[CatalogEntry] = &[
${rows.join("\n")}
];

/// Provisioned Aurora instance classes, on-demand, Aurora Standard, Single-AZ.
pub(super) static INSTANCE_CLASSES: &[InstanceClass] = &[
${classes.join("\n")}
];
`;
// Formatted as `cargo fmt` would, so the formatting check and this one agree.
const text = execFileSync("rustfmt", ["--edition", "2024"], { input: raw, encoding: "utf8" });

if (process.argv.includes("--check")) {
  if (readFileSync(OUT, "utf8") !== text) {
    console.error("catalog.rs is stale: run `node scripts/gen-catalog.mjs` and commit the result");
    process.exit(1);
  }
  console.log("catalog.rs is up to date");
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT.pathname}: ${regions.length} regions, ${rows.length} prices, ${classes.length} instance classes`);
}
