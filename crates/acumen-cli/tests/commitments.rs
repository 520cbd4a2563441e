//! Database Savings Plans in the CLI: `prices import` of a Savings Plans
//! price list (`tests/fixtures/pricelist/savings-plans-us-east-2.json`), the
//! best commitment in `compare` (table, Markdown, CSV, JSON) and `estimate`,
//! and verdicts only between options a user can buy.

mod common;

use std::path::{Path, PathBuf};

use common::{error, json, run_in, stdout, temp_file};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pricelist")
}

fn run(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    run_in(&fixtures(), args, stdin)
}

/// Steady 4 ACU in us-east-2 ($0.12 per ACU-hour), no storage.
const STEADY: &str = r#"{ "region": "us-east-2", "storageGb": 0,
  "workload": { "steady": { "acu": 4 } }, "scaling": { "minAcu": 4, "maxAcu": 16 } }"#;

#[test]
fn import_reads_the_savings_plans_price_list() {
    let out = run(&["prices", "import", "savings-plans-us-east-2.json"], None);
    let book = json(&out);
    assert_eq!(book["name"], "AWS Price List (AWSDatabaseSavingsPlans)");
    assert_eq!(book["asOf"], "2026-11-01");
    let rates = book["savingsPlans"].as_array().expect("savingsPlans");
    // The DynamoDB rate is skipped; the serverless and db.r7g.large rates kept.
    assert_eq!(rates.len(), 2, "{rates:#?}");
    assert_eq!(rates[0]["usageType"], "Aurora:ServerlessV2Usage");
    assert_eq!(rates[0]["rateNanoUsd"], 96_000_000);
    assert_eq!(rates[0]["engine"], "aurora-postgresql");
    assert_eq!(rates[0]["termYears"], 1);
    assert_eq!(rates[0]["payment"], "no-upfront");
    assert_eq!(rates[1]["usageType"], "InstanceUsage:db.r7g.large");
    let stderr = common::text(&out.stderr);
    assert!(
        stderr.contains("imported 2 Database Savings Plans rates"),
        "{stderr}"
    );
}

#[test]
fn the_book_prices_the_best_commitment() {
    let book = temp_file(
        "sp-book.json",
        &stdout(&run(
            &["prices", "import", "savings-plans-us-east-2.json"],
            None,
        )),
    );
    let book = book.to_str().expect("utf-8");
    let out = run(
        &["compare", "-", "--prices", book, "--format", "json"],
        Some(STEADY),
    );
    let c = json(&out);
    let plan = &c["savingsPlans"][0];
    // 4 ACU every hour at the book's $0.096: commit 4 × $0.096 = $0.384 an
    // hour, 730 × $0.384 = $280.32 against 4 × 730 × $0.12 = $350.40.
    assert_eq!(plan["best"]["hourlyMicroUsd"], 384_000);
    assert_eq!(plan["best"]["monthlyMicroUsd"], 280_320_000);
    assert_eq!(plan["onDemandMicroUsd"], 350_400_000);
    assert_eq!(plan["best"]["utilisation"], 1.0);
    assert!(
        plan["rateSource"]
            .as_str()
            .unwrap()
            .starts_with("AWS Price List (AWSDatabaseSavingsPlans)")
    );
    assert!(plan["curve"].as_array().is_some_and(|c| c.len() > 10));
    // The table names the commitment, its use and its saving.
    let table = stdout(&run(&["compare", "-", "--prices", book], Some(STEADY)));
    assert!(
        table.contains("serverless with the best Savings Plan ($0.384 an hour)"),
        "{table}"
    );
    assert!(
        table
            .contains("commit $0.384 an hour to a 1-year plan for serverless: 100 % of it is used"),
        "{table}"
    );
    assert!(table.contains("$70.08"), "{table}"); // $350.40 − $280.32
    let md = stdout(&run(
        &["compare", "-", "--prices", book, "-f", "markdown"],
        Some(STEADY),
    ));
    assert!(md.contains("| serverless: best"), "{md}");
    let csv = stdout(&run(
        &["compare", "-", "--prices", book, "-f", "csv"],
        Some(STEADY),
    ));
    assert!(
        csv.contains("serverless with the best Savings Plan ($0.384 an hour)"),
        "{csv}"
    );
    let estimate = stdout(&run(&["estimate", "-", "--prices", book], Some(STEADY)));
    assert!(
        estimate.contains("Database Savings Plan: commit $0.384 an hour"),
        "{estimate}"
    );
}

#[test]
fn into_adds_the_rates_to_an_offer_book() {
    let offer = temp_file(
        "sp-offer-book.json",
        &stdout(&run(&["prices", "import", "us-east-1.json"], None)),
    );
    let out = run(
        &[
            "prices",
            "import",
            "savings-plans-us-east-2.json",
            "--into",
            offer.to_str().unwrap(),
        ],
        None,
    );
    let book = json(&out);
    assert_eq!(book["name"], "AWS Price List (AmazonRDS)");
    assert!(book["entries"].as_array().is_some_and(|e| !e.is_empty()));
    assert_eq!(book["savingsPlans"].as_array().map(Vec::len), Some(2));
    // --into is for Savings Plans files only.
    let out = run(
        &[
            "prices",
            "import",
            "us-east-1.json",
            "--into",
            offer.to_str().unwrap(),
        ],
        None,
    );
    assert!(error(&out, 1).contains("--into"));
}

#[test]
fn no_provisioned_option_priced_is_no_verdict() {
    let scenario = r#"{ "storageGb": 0, "workload": { "steady": { "acu": 4 } },
      "compare": { "classes": [ { "class": "db.x9.large", "memoryGib": 64 } ] } }"#;
    let out = run(&["compare", "-"], Some(scenario));
    let table = stdout(&out);
    assert!(
        table.starts_with("Verdict: no verdict: no provisioned option could be priced"),
        "{table}"
    );
    let c = json(&run(&["compare", "-", "-f", "json"], Some(scenario)));
    assert_eq!(c["cheapest"], "");
}

#[test]
fn a_negative_commitment_is_refused_by_name() {
    let scenario = r#"{ "compare": { "serverlessSavingsPlanCommitment": -1 } }"#;
    let message = error(&run(&["compare", "-"], Some(scenario)), 1);
    assert!(
        message.contains("compare.serverlessSavingsPlanCommitment"),
        "{message}"
    );
}

/// Steady 4 ACU in us-east-1 ($0.12) against db.r6g.xlarge ($0.519, 4 vCPU).
const STEADY_R6G: &str = r#"{ "storageGb": 0, "workload": { "steady": { "acu": 4 } },
  "scaling": { "minAcu": 4, "maxAcu": 16 }, "extras": { "rdsProxy": true },
  "compare": { "classes": [ { "class": "db.r6g.xlarge" } ] } }"#;

#[test]
fn a_steady_load_is_called_steady() {
    let table = stdout(&run(&["compare", "-"], Some(STEADY_R6G)));
    let verdict = table.lines().next().unwrap_or_default();
    assert!(verdict.contains("steady at about 4 ACU"), "{verdict}");
    assert!(!verdict.contains("variable"), "{verdict}");
    assert!(!verdict.contains("0.0 h a day"), "{verdict}");
}

#[test]
fn rds_proxy_in_front_of_provisioned_is_priced_per_vcpu() {
    let c = json(&run(&["compare", "-", "-f", "json"], Some(STEADY_R6G)));
    let rows = c["rows"].as_array().expect("rows");
    let od = rows
        .iter()
        .find(|r| r["option"] == "db.r6g.xlarge on-demand")
        .expect("on-demand row");
    // 730 × $0.519 = $378.87 and the proxy on 4 vCPU: 4 × 730 × $0.015 =
    // $43.80 (not the serverless 8-ACU minimum, $87.60): $422.67.
    assert_eq!(od["monthlyMicroUsd"], 422_670_000);
    let serverless = rows
        .iter()
        .find(|r| r["kind"] == "serverless")
        .expect("serverless row");
    // 4 × 730 × $0.12 = $350.40 and the 8-ACU proxy minimum $87.60.
    assert_eq!(serverless["monthlyMicroUsd"], 438_000_000);
}
