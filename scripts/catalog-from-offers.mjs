// Rebuilds the price catalog's data (crates/acumen/data/aurora-prices.json)
// from a folder of AWS Price List offer files for AmazonRDS, any set of
// regions (searched recursively, so `acumen prices fetch --all`'s cache folder
// works as it is). Run by `just catalog-from-offers DIR`, which then
// regenerates the Rust catalog with gen-catalog.mjs.
//
// The offers are read by the CLI's own import (`acumen prices offer-rows`),
// so the offer format is parsed in one place. Every price an offer gives
// becomes a catalog row with its SKU, the offer's version and publication
// date (`as_of`), and high confidence. A hand-sourced row stays only where the
// offers lack its item: for its region, item and engine (a row for both
// engines stays unless the offers price the item for both). Regions without
// an offer are left as they are.
//
//   node scripts/catalog-from-offers.mjs DIR [--data FILE] [--acumen BIN]
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  if (value === undefined) fail(`${name}: expected a value`);
  args.splice(i, 2);
  return value;
};
function fail(message) {
  console.error(`catalog-from-offers: ${message}`);
  process.exit(1);
}
const DATA = option("--data", fileURLToPath(new URL("../crates/acumen/data/aurora-prices.json", import.meta.url)));
const ACUMEN = option("--acumen", fileURLToPath(new URL("../target/debug/acumen", import.meta.url)));
if (args.length !== 1) fail("usage: node scripts/catalog-from-offers.mjs DIR [--data FILE] [--acumen BIN]");
const DIR = args[0];

// The book's items as the data file names them, with the section and unit
// of their rows (the inverse of gen-catalog.mjs's ITEMS).
const ITEMS = {
  serverlessStandard: ["serverless_v2_acu_standard", "serverless_v2_acu_hour", "ACU-hour"],
  serverlessIoOptimized: ["serverless_v2_acu_io_optimized", "serverless_v2_acu_hour", "ACU-hour"],
  storageStandard: ["storage_standard", "storage_io_backup_other", "GB-month"],
  storageIoOptimized: ["storage_io_optimized", "storage_io_backup_other", "GB-month"],
  ioRequests: ["io_requests_standard", "storage_io_backup_other", "per 1M requests"],
  backup: ["backup_beyond_free", "storage_io_backup_other", "GB-month"],
  snapshotExport: ["snapshot_export", "storage_io_backup_other", "GB"],
  backtrack: ["backtrack_aurora_mysql", "storage_io_backup_other", "per 1M change-records"],
  globalWriteIo: ["global_db_replicated_write_io", "storage_io_backup_other", "per 1M replicated write I/Os"],
  proxyServerless: ["rds_proxy_serverless_v2", "proxy_data_api_misc", "ACU-hour (minimum 8 ACUs billed)"],
  proxyProvisioned: ["rds_proxy_provisioned", "proxy_data_api_misc", "vCPU-hour (2-vCPU minimum)"],
  dataApi: ["data_api_first_1B", "proxy_data_api_misc", "per 1M requests (first 1 billion/month)"],
  dataApiOverBillion: ["data_api_over_1B", "proxy_data_api_misc", "per 1M requests (beyond 1 billion)"],
  extendedSupport: ["extended_support_serverless_y1_2", "proxy_data_api_misc", "ACU-hour"],
};
// Alternative values kept beside a conflicting row belong to its item.
const baseItem = (item) => item.replace(/_alt$/, "");
const ENGINES = ["aurora-postgresql", "aurora-mysql"];
const ENGINE_NAMES = { "aurora-postgresql": "Aurora PostgreSQL", "aurora-mysql": "Aurora MySQL" };

// The offer files below DIR: JSON files other than the indexes and the
// fetch cache's records.
function offerFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...offerFiles(path));
    else if (
      name.endsWith(".json") &&
      !name.endsWith(".meta.json") &&
      name !== "region_index.json" &&
      !path.replaceAll("\\", "/").endsWith("offers/v1.0/aws/index.json")
    )
      found.push(path);
  }
  return found;
}

// USD as the data file writes it: a plain decimal number.
function usd(nanos, where) {
  const value = nanos / 1e9;
  if (!/^\d+(\.\d+)?$/.test(String(value))) fail(`${where}: the price ${nanos} nano-dollars does not print as a decimal`);
  return value;
}

const files = offerFiles(DIR);
if (files.length === 0) fail(`${DIR}: no offer files (*.json) found`);
let offers;
try {
  offers = JSON.parse(execFileSync(ACUMEN, ["prices", "offer-rows", ...files], { encoding: "utf8", maxBuffer: 1 << 28 }));
} catch (e) {
  fail(e.stderr ? String(e.stderr).trim() : e.message);
}
const data = JSON.parse(readFileSync(DATA, "utf8"));

// Where the data lists the product's regions (`regions`, each with its
// `code`), prices of other regions (GovCloud, say) are left out and named.
const known = Array.isArray(data.regions) ? new Set(data.regions.map((r) => r.code)) : null;
const skippedRegions = new Set();
const wanted = ({ row }) => {
  if (!known || known.has(row.region)) return true;
  skippedRegions.add(row.region);
  return false;
};

// One group of rows per (region, item) or (region, class): the offer's rows
// for each engine ("both" when the offer gives no engine).
function groupBy(rows, key) {
  const groups = new Map();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(row);
  }
  return groups;
}

// The rows for one group: one row for both engines when the offer gives
// one price for both (or no engine), else one row per engine.
function perEngine(rows, same) {
  const both = rows.find((r) => !r.row.engine);
  const pg = rows.find((r) => r.row.engine === ENGINES[0]);
  const my = rows.find((r) => r.row.engine === ENGINES[1]);
  if (both) return [{ engine: "both", parts: [both] }];
  if (pg && my && same(pg.row, my.row)) return [{ engine: "both", parts: [pg, my] }];
  return rows.map((r) => ({ engine: r.row.engine, parts: [r] }));
}

const skuText = (parts, sku) =>
  parts.map((p) => `SKU ${sku(p.row)}${p.row.engine && parts.length > 1 ? ` (${ENGINE_NAMES[p.row.engine]})` : ""}`).join(", ");
const sourceOf = (parts, sku) => {
  const versions = [...new Set(parts.map((p) => p.offer.version))].join(", ");
  return `AWS Price List (AmazonRDS) version ${versions}, ${skuText(parts, sku)}`;
};

// Rows from the offers, by section, and what they cover.
const fresh = { serverless_v2_acu_hour: [], storage_io_backup_other: [], proxy_data_api_misc: [] };
const covered = new Set(); // `${region}|${item}|${engine}`
const entries = offers.flatMap((offer) => offer.entries.map((row) => ({ offer, row }))).filter(wanted);
for (const [, rows] of groupBy(entries, (r) => `${r.row.region}|${r.row.item}`)) {
  const [item, section, unit] = ITEMS[rows[0].row.item] ?? fail(`unknown item ${rows[0].row.item}`);
  for (const { engine, parts } of perEngine(rows, (a, b) => a.priceNanoUsd === b.priceNanoUsd)) {
    const { row, offer } = parts[0];
    const entry = {
      region: row.region,
      item,
      engine,
      price_usd: usd(row.priceNanoUsd, `${row.region} ${item}`),
      unit,
      source: sourceOf(parts, (r) => r.sku),
      confidence: "H",
      sku: parts.map((p) => p.row.sku).join(", "),
      as_of: offer.asOf,
    };
    if (row.note) entry.note = row.note;
    fresh[section].push(entry);
    for (const e of engine === "both" ? ["both", ...ENGINES] : [engine]) covered.add(`${row.region}|${item}|${e}`);
  }
}
const classRows = [];
const classes = offers.flatMap((offer) => offer.instanceClasses.map((row) => ({ offer, row }))).filter(wanted);
const sameRates = (a, b) => a.onDemandHourlyNanoUsd === b.onDemandHourlyNanoUsd && a.ioOptimizedHourlyNanoUsd === b.ioOptimizedHourlyNanoUsd;
for (const [, rows] of groupBy(classes, (r) => `${r.row.region}|${r.row.class}`)) {
  for (const { engine, parts } of perEngine(rows, sameRates)) {
    const { row, offer } = parts[0];
    const where = `${row.region} ${row.class}`;
    const entry = { region: row.region, class: row.class };
    if (engine !== "both") entry.engine = engine;
    Object.assign(entry, {
      vcpu: row.vcpu,
      memory_gib: row.memoryGib,
      // null when the offer has only the I/O-Optimized rate.
      on_demand_usd_per_hour: row.onDemandHourlyNanoUsd == null ? null : usd(row.onDemandHourlyNanoUsd, where),
    });
    if (row.ioOptimizedHourlyNanoUsd != null) entry.io_optimized_usd_per_hour = usd(row.ioOptimizedHourlyNanoUsd, where);
    const skus = (r) => [r.sku, r.ioOptimizedSku].filter(Boolean).join(" and ");
    Object.assign(entry, {
      source: sourceOf(parts, skus),
      confidence: "H",
      sku: parts.map((p) => skus(p.row)).join(", "),
      as_of: offer.asOf,
    });
    classRows.push(entry);
    for (const e of engine === "both" ? ["both", ...ENGINES] : [engine]) covered.add(`${row.region}|class:${row.class}|${e}`);
  }
}

// A row stays unless the offers cover every engine it is for.
const stays = (region, key, engine) => {
  const engines = engine && engine !== "both" ? [engine] : ["both"];
  return !engines.every((e) => covered.has(`${region}|${key}|${e}`));
};
// Replaces the covered rows of `rows` with `fresh` rows, placed where the
// first row of their key was (else at the end), so that a second run with
// the same offers changes nothing.
function merge(rows, freshRows, keyOf) {
  const out = [];
  const pending = groupBy(freshRows, keyOf);
  const placed = new Set();
  for (const row of rows) {
    const k = keyOf(row);
    if (pending.has(k) && !placed.has(k)) {
      out.push(...pending.get(k));
      placed.add(k);
    }
    if (stays(row.region, k.split("|")[1], row.engine)) out.push(row);
  }
  for (const [k, list] of pending) if (!placed.has(k)) out.push(...list);
  return out;
}
for (const section of Object.keys(fresh)) {
  data[section] = merge(data[section], fresh[section], (r) => `${r.region}|${baseItem(r.item)}`);
}
data.provisioned_on_demand = merge(data.provisioned_on_demand, classRows, (r) => `${r.region}|class:${r.class}`);

// Which offers the catalog was last refreshed from.
data.meta.price_list_offers = Object.fromEntries(
  offers.map((o) => [relative(DIR, o.file).replaceAll("\\", "/"), { version: o.version, publication_date: o.asOf }]),
);
writeFileSync(DATA, JSON.stringify(data, null, 1));
const regions = [...new Set([...entries, ...classes].map((r) => r.row.region))].sort();
const rowCount = Object.values(fresh).reduce((n, s) => n + s.length, 0);
console.log(
  `wrote ${DATA}: ${rowCount} prices and ${classRows.length} instance classes from ${files.length} offer files (${regions.join(", ")})`,
);
if (skippedRegions.size > 0) {
  console.log(`left out, not among the data's regions: ${[...skippedRegions].sort().join(", ")}`);
}
