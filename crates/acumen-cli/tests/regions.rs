//! Every commercial region answers on the CLI: a bill from the default
//! scenario in each, partial ones labelled with what to supply, `--strict`
//! failing with the field, and a price book (`--prices`) filling the gaps.

mod common;

use common::{error, json, run, stdout, temp_file};

#[test]
fn the_33_regions_each_give_a_bill() {
    let regions = json(&run(&["prices", "list", "-f", "json"]));
    let regions = regions.as_array().expect("regions");
    assert_eq!(regions.len(), 33);
    for r in regions {
        let code = r["code"].as_str().expect("code");
        let report = json(&run(&["estimate", "--region", code, "-f", "json"]));
        let lines = report["lines"].as_array().expect("lines");
        assert_eq!(lines.len(), 2, "{code}");
        assert_eq!(lines[0]["quantity"], 2920.0, "{code}");
        let unpriced: Vec<&str> = lines
            .iter()
            .filter(|l| l["costMicroUsd"].is_null())
            .map(|l| l["supply"].as_str().expect("field to supply"))
            .collect();
        assert_eq!(report["complete"], unpriced.is_empty(), "{code}");
        if !unpriced.is_empty() {
            let fields: Vec<&str> = report["unpriced"]
                .as_array()
                .expect("what to supply")
                .iter()
                .map(|m| m["field"].as_str().expect("field"))
                .collect();
            assert_eq!(fields, unpriced, "{code}");
            let table = stdout(&run(&["estimate", "--region", code]));
            assert!(
                table.contains("Total per month (at least)"),
                "{code}: {table}"
            );
            assert!(
                table.contains(&format!("unpriced in {code}.")),
                "{code}: {table}"
            );
        }
    }
}

#[test]
fn a_region_without_prices_is_partial_strict_fails_and_a_book_fills_it() {
    // us-west-1: no price at all in the catalog.
    let table = stdout(&run(&["estimate", "--region", "us-west-1"]));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[2],
        "writer compute              2,920.00  ACU-hour  unpriced    supply priceOverrides.serverlessStandard"
    );
    assert_eq!(
        lines[5],
        "Partial bill: at least $0.00 a month; compute and storage unpriced in us-west-1."
    );
    assert!(lines[6].starts_with(
        "To price it, supply priceOverrides.serverlessStandard (per ACU-hour), priceOverrides.storageStandard (per GB-month) in the scenario, or a price book with --prices book.json"
    ));
    assert!(lines.contains(&"Per year: at least $0.00"), "{table}");
    let md = stdout(&run(&[
        "estimate",
        "--region",
        "us-west-1",
        "-f",
        "markdown",
    ]));
    assert!(md.contains("| **Total per month (at least)** |"), "{md}");

    let strict = run(&[
        "estimate",
        "--region",
        "us-west-1",
        "--strict",
        "-f",
        "json",
    ]);
    let e: serde_json::Value = serde_json::from_slice(&strict.stderr).expect("JSON error");
    assert_eq!(e["error"]["code"], "unknown_price");
    assert_eq!(e["error"]["field"], "priceOverrides.serverlessStandard");
    assert!(
        error(&run(&["estimate", "--region", "us-west-1", "--strict"]), 1)
            .contains("supply one in priceOverrides.serverlessStandard")
    );

    let book = temp_file(
        "us-west-1-book.json",
        r#"{"name": "AWS Price List (AmazonRDS)", "asOf": "2026-11-01", "source": "offer AmazonRDS version 20261101000000",
            "entries": [{"region": "us-west-1", "item": "serverlessStandard", "priceNanoUsd": 150000000, "sku": "TESTSKU1"},
                        {"region": "us-west-1", "item": "storageStandard", "priceNanoUsd": 110000000}]}"#,
    );
    let book = book.to_str().expect("utf-8");
    let report = json(&run(&[
        "estimate",
        "--region",
        "us-west-1",
        "--prices",
        book,
        "--strict",
        "-f",
        "json",
    ]));
    // 2,920 ACU-h × $0.15 + 100 GB × $0.11 = $449.00.
    assert_eq!(report["complete"], true);
    assert_eq!(report["totalMicroUsd"], 449_000_000);
    assert_eq!(report["lines"][0]["price"]["sku"], "TESTSKU1");
    let table = stdout(&run(&[
        "estimate",
        "--region",
        "us-west-1",
        "--prices",
        book,
    ]));
    assert!(table.contains(
        "Price of writer compute: $0.15 per ACU-hour, AWS Price List (AmazonRDS): offer AmazonRDS version 20261101000000, SKU TESTSKU1, as of 2026-11-01, high confidence."
    ), "{table}");
}

#[test]
fn a_priced_line_shows_its_primary_source_and_json_the_others() {
    let table = stdout(&run(&["estimate", "--region", "us-east-2"]));
    assert!(table.contains(
        "Price of writer compute: $0.12 per ACU-hour, AWS Price List Query API, quoted with SKUs [R1] (SKU F68JYQJBHCXKZMJX), as of 2026-09-07, high confidence."
    ), "{table}");
    let report = json(&run(&["estimate", "--region", "us-east-2", "-f", "json"]));
    let price = &report["lines"][0]["price"];
    assert_eq!(price["sku"], "F68JYQJBHCXKZMJX");
    assert_eq!(
        price["otherSources"][0],
        "AWS agent-toolkit static price table [P1]"
    );
}
