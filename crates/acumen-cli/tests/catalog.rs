//! `just catalog-from-offers DIR`: the catalog's data rebuilt from offer
//! files (`scripts/catalog-from-offers.mjs`, which reads them with `acumen
//! prices offer-rows`), then the Rust catalog generated from it
//! (`scripts/gen-catalog.mjs`). Run on a copy of the catalog's data with the
//! two-region fixture (us-east-1 and eu-central-1 offers); needs Node.js, as
//! the recipe does.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn node(args: &[&str]) -> String {
    let out = Command::new("node")
        .args(args)
        .current_dir(root())
        .output()
        .expect("node (Node.js) runs: the recipe needs it");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "node {args:?}: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("data")).expect("JSON")
}

fn rows<'a>(
    data: &'a Value,
    section: &str,
    region: &str,
    key: &str,
    value: &str,
) -> Vec<&'a Value> {
    data[section]
        .as_array()
        .expect("section")
        .iter()
        .filter(|r| r["region"] == region && r[key] == value)
        .collect()
}

/// Every row of `data` for `region`, in every price section.
fn region_rows<'a>(data: &'a Value, region: &str) -> Vec<&'a Value> {
    [
        "serverless_v2_acu_hour",
        "storage_io_backup_other",
        "proxy_data_api_misc",
        "provisioned_on_demand",
    ]
    .iter()
    .flat_map(|s| data[*s].as_array().expect("section"))
    .filter(|r| r["region"] == region)
    .collect()
}

/// The catalog's data, and its copy rebuilt from the fixture's offers (once
/// for all the tests here), with the folder it is in.
struct Rebuilt {
    dir: PathBuf,
    original: Value,
    rebuilt: Value,
    said: String,
}

fn rebuilt() -> &'static Rebuilt {
    static REBUILT: OnceLock<Rebuilt> = OnceLock::new();
    REBUILT.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("acumen-catalog-t-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch");
        let original_path = root().join("crates/acumen/data/aurora-prices.json");
        std::fs::copy(&original_path, dir.join("aurora-prices.json")).expect("copy of the data");
        let said = rebuild(&dir);
        Rebuilt {
            original: read(&original_path),
            rebuilt: read(&dir.join("aurora-prices.json")),
            dir,
            said,
        }
    })
}

/// `node scripts/catalog-from-offers.mjs` on the data in `dir`.
fn rebuild(dir: &Path) -> String {
    node(&[
        "scripts/catalog-from-offers.mjs",
        "tests/fixtures/pricelist/server",
        "--data",
        dir.join("aurora-prices.json").to_str().expect("utf-8"),
        "--acumen",
        env!("CARGO_BIN_EXE_acumen"),
    ])
}

#[test]
fn offer_prices_replace_the_rows_they_cover() {
    let Rebuilt { rebuilt, said, .. } = rebuilt();
    assert!(
        said.contains(
            ": 17 prices and 4 instance classes from 2 offer files (eu-central-1, us-east-1)"
        ),
        "{said}"
    );
    // One price for both engines: one row, with both SKUs and the date.
    let acu = rows(
        rebuilt,
        "serverless_v2_acu_hour",
        "eu-central-1",
        "item",
        "serverless_v2_acu_standard",
    );
    assert_eq!(acu.len(), 1, "{acu:#?}");
    assert_eq!(acu[0]["engine"], "both");
    assert_eq!(acu[0]["price_usd"], 0.14);
    assert_eq!(acu[0]["sku"], "AT3PNM8H4ZJK7V2Q, B5FEK9D2M6WX3C8R");
    assert_eq!(acu[0]["as_of"], "2026-11-01");
    assert_eq!(acu[0]["confidence"], "H");
    assert_eq!(
        acu[0]["source"],
        "AWS Price List (AmazonRDS) version 20261101000000, SKU AT3PNM8H4ZJK7V2Q (Aurora PostgreSQL), SKU B5FEK9D2M6WX3C8R (Aurora MySQL)"
    );
}

#[test]
fn hand_sourced_rows_stay_where_the_offers_lack_the_item() {
    let Rebuilt {
        original, rebuilt, ..
    } = rebuilt();
    // A price for one engine only: its own row; a hand-sourced row for
    // both engines stays for the other.
    let io = rows(
        rebuilt,
        "storage_io_backup_other",
        "eu-central-1",
        "item",
        "io_requests_standard",
    );
    assert_eq!(io[0]["engine"], "aurora-postgresql");
    assert_eq!(io[0]["price_usd"], 0.22);
    assert_eq!(io[0]["sku"], "EZW6TQ3N7CH4XB9M");
    assert_eq!(
        io[0]["note"],
        "from $0.00000022 per unit \"IOs\" in the price list, × 1,000,000"
    );
    let hand_io = rows(
        original,
        "storage_io_backup_other",
        "eu-central-1",
        "item",
        "io_requests_standard",
    );
    assert_eq!(
        io[1..],
        hand_io[..],
        "the hand-sourced rows remain after it"
    );
    // An item only the offer has: added.
    let export = rows(
        rebuilt,
        "storage_io_backup_other",
        "eu-central-1",
        "item",
        "snapshot_export",
    );
    assert_eq!(
        (export.len(), &export[0]["sku"]),
        (1, &Value::from("V8QK2MZ7D4HW9BTC"))
    );
    // An item the offer lacks: the hand-sourced row, unchanged.
    assert_eq!(
        rows(
            rebuilt,
            "storage_io_backup_other",
            "us-east-1",
            "item",
            "snapshot_export"
        ),
        rows(
            original,
            "storage_io_backup_other",
            "us-east-1",
            "item",
            "snapshot_export"
        )
    );
    // Covered for both engines: the hand-sourced row and any alternative go.
    let us_acu = rows(
        rebuilt,
        "serverless_v2_acu_hour",
        "us-east-1",
        "item",
        "serverless_v2_acu_standard",
    );
    assert_eq!(us_acu.len(), 1);
    assert_eq!(us_acu[0]["sku"], "Q2V7KJZ4H8MNP3TA, R8C3XW6M2D9KEF5B");
}

#[test]
fn classes_come_with_their_skus_and_other_regions_stay() {
    let Rebuilt {
        original, rebuilt, ..
    } = rebuilt();
    let large = rows(
        rebuilt,
        "provisioned_on_demand",
        "eu-central-1",
        "class",
        "db.r6g.large",
    );
    assert_eq!(large.len(), 1);
    assert_eq!(large[0]["engine"], "aurora-postgresql");
    assert_eq!(
        (
            &large[0]["vcpu"],
            &large[0]["memory_gib"],
            &large[0]["on_demand_usd_per_hour"],
            &large[0]["io_optimized_usd_per_hour"]
        ),
        (
            &Value::from(2),
            &Value::from(16),
            &Value::from(0.312),
            &Value::from(0.4056)
        )
    );
    assert_eq!(large[0]["sku"], "FNB9XQ7M2WT4DK8C and MHX2BT4C6QK9WN3D");
    assert_eq!(large[0]["as_of"], "2026-11-01");
    // Regions without an offer are untouched.
    for region in ["eu-west-1", "eu-west-2", "sa-east-1", "ap-northeast-2"] {
        assert_eq!(
            region_rows(rebuilt, region),
            region_rows(original, region),
            "{region}"
        );
    }
    // The offers are recorded; everything else in the file is as it was.
    assert_eq!(
        rebuilt["meta"]["price_list_offers"]["offers/v1.0/aws/AmazonRDS/20261101000000/us-east-1/index.json"]
            ["publication_date"],
        "2026-11-01"
    );
    for key in [
        "limits",
        "max_connections",
        "usage_types",
        "reserved_and_savings_plans",
        "not_found",
    ] {
        assert_eq!(rebuilt[key], original[key], "{key}");
    }
}

#[test]
fn a_second_run_changes_nothing_and_the_rust_catalog_follows() {
    let Rebuilt { dir, .. } = rebuilt();
    let data = dir.join("aurora-prices.json");
    let once = std::fs::read_to_string(&data).expect("data");
    rebuild(dir);
    assert_eq!(std::fs::read_to_string(&data).expect("data"), once);
    // The Rust catalog generated from it carries the SKU and the date.
    let out = dir.join("catalog.rs");
    node(&[
        "scripts/gen-catalog.mjs",
        "--data",
        data.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    let rust = std::fs::read_to_string(&out).expect("catalog.rs");
    let row = rust
        .split("CatalogEntry {")
        .find(|r| r.contains("SKU AT3PNM8H4ZJK7V2Q"))
        .expect("the eu-central-1 ACU-hour row");
    assert!(row.contains("region: \"eu-central-1\""), "{row}");
    assert!(
        row.contains("price: UnitPrice::from_nanos(140_000_000)"),
        "{row}"
    );
    assert!(row.contains("as_of: Some(\"2026-11-01\")"), "{row}");
    assert!(row.contains("confidence: Confidence::High"), "{row}");
}

#[test]
fn regions_outside_the_data_region_list_are_left_out() {
    let dir = std::env::temp_dir().join(format!("acumen-catalog-regions-t-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let mut data = read(&root().join("crates/acumen/data/aurora-prices.json"));
    data["regions"] = serde_json::json!([{ "code": "us-east-1", "name": "US East (N. Virginia)" }]);
    std::fs::write(dir.join("aurora-prices.json"), data.to_string()).expect("data");
    let said = rebuild(&dir);
    assert!(
        said.contains("left out, not among the data's regions: eu-central-1"),
        "{said}"
    );
    let rebuilt = read(&dir.join("aurora-prices.json"));
    assert_eq!(
        region_rows(&rebuilt, "eu-central-1"),
        region_rows(&data, "eu-central-1")
    );
    let acu = rows(
        &rebuilt,
        "serverless_v2_acu_hour",
        "us-east-1",
        "item",
        "serverless_v2_acu_standard",
    );
    assert_eq!(acu[0]["as_of"], "2026-11-01");
    let _ = std::fs::remove_dir_all(&dir);
}
