//! Every subcommand but `replay`, end to end through the real binary.

mod common;

use common::{error, json, run, stdout, temp_file, text};

#[test]
fn estimate_overrides_apply_before_validation() {
    // The default scenario's steady 4 ACU, capped at 2 ACU.
    let out = stdout(&run(&["estimate", "--max-acu", "2"]));
    assert!(out.contains("writer compute   1,460.00  ACU-hour  $0.12       $175.20"));
    assert!(out.contains("Total per month                                  $185.20"));

    let report = json(&run(&[
        "estimate",
        "--region",
        "eu-west-1",
        "--hours-per-month",
        "720",
        "--min-acu",
        "1",
        "--format",
        "json",
    ]));
    assert_eq!(report["region"], "eu-west-1");
    assert_eq!(report["hoursPerMonth"], 720);
    assert_eq!(report["lines"][0]["quantity"], 2880.0);
    // 2,880 ACU-hours × $0.14 + 100 GB × $0.11.
    assert_eq!(report["lines"][0]["unitPriceNanoUsd"], 140_000_000);
    assert_eq!(report["totalMicroUsd"], 414_200_000);

    // An override that breaks a rule is reported like the file's own field.
    let message = error(&run(&["estimate", "--min-acu", "8", "--max-acu", "4"]), 1);
    assert_eq!(
        message,
        "error: default scenario: scaling.minAcu: must not exceed maxAcu (4), got 8"
    );
}

#[test]
fn estimate_markdown_and_csv() {
    let md = stdout(&run(&["estimate", "--format", "markdown"]));
    assert!(md.starts_with("**Aurora Serverless v2 estimate:** us-east-1 aurora-postgresql"));
    assert!(
        md.contains("| writer compute      | 2,920.00 | ACU-hour |      $0.12 |     $350.40 |")
    );
    assert!(
        md.contains("| **Total per month** |          |          |            | **$360.40** |")
    );
    assert!(md.contains("- Per year: $4,324.80"));

    let csv = stdout(&run(&["estimate", "-f", "csv"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "item,component,quantity,unit,unit_price_nano_usd,cost_micro_usd,confidence,overridden,source,sku,as_of,supply"
    );
    assert!(lines[1].starts_with(
        "writer compute,compute,2920,ACU-hour,120000000,350400000,high,false,\"AWS Pricing API [P2] (SKU AVKW7ZJP8D72HNQC, Aurora PostgreSQL)\",AVKW7ZJP8D72HNQC,2025-10-28,"
    ), "{}", lines[1]);
    assert_eq!(lines[3], "Total per month,,,,,360400000,,,,,,");
}

#[test]
fn simulate_prints_the_timeline_and_usage() {
    let path = temp_file(
        "business.toml",
        "storageGb = 0\n[workload.businessHours]\npeakAcu = 8\noffPeakAcu = 1\n\n[[readers]]\npromotionTier = 2\n",
    );
    let file = path.to_str().expect("utf-8");
    let csv = stdout(&run(&["simulate", file, "--format", "csv"]));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "instance,start_second,capacity_min,capacity_max,demand_min,demand_max"
    );
    // A week of hourly buckets for the writer, then for the reader.
    assert_eq!(rows.len(), 1 + 2 * 168);
    assert!(rows[1].starts_with("writer,0,"));
    assert!(rows[1].ends_with(",1,1"), "{}", rows[1]);
    // Monday 08:00-09:00: demand jumps to 8.
    assert!(rows[9].starts_with("writer,28800,"));
    assert!(rows[9].ends_with(",8,8"), "{}", rows[9]);
    assert!(rows[169].starts_with("reader 1,0,"));

    let doc = json(&run(&["simulate", file, "--format", "json"]));
    assert_eq!(doc["instances"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["instances"][1]["promotionTier"], 2);
    assert_eq!(doc["timeline"][0]["name"], "writer");
    assert_eq!(doc["timeline"][0]["bucketSeconds"], 3600);
    assert_eq!(doc["timeline"][0]["points"][8]["demandMax"], 8.0);
    assert_eq!(doc["model"]["name"], "acumen-controller");
    // The same numbers as the estimate's report.
    let report = json(&run(&["estimate", file, "--format", "json"]));
    assert_eq!(doc["instances"], report["instances"]);
    assert_eq!(doc["timeline"], report["timeline"]);

    let usage = stdout(&run(&["simulate", file, "-f", "csv", "--usage"]));
    let acu_hours = report["instances"][0]["acuHours"].as_f64().expect("number");
    let writer = usage.lines().nth(1).expect("writer row");
    assert!(
        writer.starts_with(&format!("writer,-,{}", round3(acu_hours))),
        "{writer}"
    );

    let table = stdout(&run(&["simulate", file]));
    assert!(table.starts_with("Simulated usage: us-east-1 aurora-postgresql, 730 h/month"));
    assert!(table.contains("Timeline (3600 s buckets, first week)"));
}

fn round3(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[test]
fn validate_prints_valid_warnings_or_the_error() {
    assert_eq!(stdout(&run(&["validate"])), "valid\n");
    let out = common::run_in(
        &common::fixtures(),
        &["validate", "-"],
        Some("{\"workload\": {\"trace\": {\"intervalSeconds\": 60, \"acu\": [1, 2]}}}"),
    );
    let out = stdout(&out);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "valid");
    assert_eq!(
        lines[1],
        "warning (note): workload.trace.acu: the trace covers 0.03 h and is repeated to fill the 730 h month"
    );
    let doc = json(&common::run_in(
        &common::fixtures(),
        &["validate", "-", "--format", "json"],
        Some("{\"region\": \"ap-southeast-2\", \"priceOverrides\": {\"storageStandard\": 0.1}}"),
    ));
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["warnings"][0]["kind"], "low-confidence-price");
    // A price the catalog lacks: valid, with a warning naming the field;
    // with --strict, an error.
    let out = common::run_in(
        &common::fixtures(),
        &["validate", "-"],
        Some("{\"region\": \"eu-central-1\"}"),
    );
    let out = stdout(&out);
    assert!(out.starts_with("valid\n"), "{out}");
    assert!(out.contains("warning (unknown price): priceOverrides.storageStandard: no storage (Aurora Standard) price"), "{out}");
    let out = common::run_in(
        &common::fixtures(),
        &["validate", "-", "--strict"],
        Some("{\"region\": \"eu-central-1\"}"),
    );
    assert!(error(&out, 1).starts_with(
        "error: <stdin>: priceOverrides.storageStandard: the catalog has no storageStandard price"
    ));

    let path = temp_file("bad.toml", "[scaling]\nmaxAcu = 3.3\n");
    let message = error(&run(&["validate", path.to_str().expect("utf-8")]), 1);
    assert!(message.ends_with("bad.toml: scaling.maxAcu: must be a multiple of 0.5 ACU, got 3.3"));
    assert_eq!(
        error(&run(&["validate", "--region", "mars-1"]), 1),
        "error: default scenario: region: \"mars-1\" is not a commercial AWS region (e.g. us-east-1, eu-central-1) and the scenario has no price book for it"
    );
}

#[test]
fn prices_list_carries_source_date_and_confidence() {
    let rows = json(&run(&[
        "prices",
        "list",
        "--region",
        "us-east-1",
        "--format",
        "json",
    ]));
    let rows = rows.as_array().expect("array");
    assert!(rows.iter().all(|r| r["region"] == "us-east-1"));
    let compute = rows
        .iter()
        .find(|r| r["item"] == "serverlessStandard")
        .expect("compute price");
    assert_eq!(compute["priceNanoUsd"], 120_000_000);
    assert_eq!(compute["asOf"], "2025-10-28");
    assert_eq!(compute["confidence"], "high");
    // One primary source with its SKU; the corroborating ones beside it.
    assert_eq!(compute["sku"], "AVKW7ZJP8D72HNQC");
    assert!(
        compute["otherSources"]
            .as_array()
            .is_some_and(|o| o.len() >= 5),
        "{compute}"
    );
    assert!(
        compute["source"]
            .as_str()
            .is_some_and(|s| s.contains("AWS Pricing API"))
    );

    let csv = stdout(&run(&[
        "prices",
        "list",
        "--region",
        "us-east-1",
        "-f",
        "csv",
    ]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "region,engine,item,unit,price_usd,as_of,confidence,source,note"
    );
    assert!(lines[1].starts_with(
        "us-east-1,both,serverlessStandard,ACU-hour,0.12,2025-10-28,high,\"AWS Pricing API"
    ));
    assert_eq!(lines.len(), rows.len() + 1);

    let all = stdout(&run(&["prices", "list", "--all"]));
    let total = json(&run(&["prices", "list", "--all", "-f", "json"]));
    let count = total.as_array().map_or(0, Vec::len);
    assert!(all.starts_with(&format!(
        "acumen built-in catalog as of 2026-10-09: {count} prices\n"
    )));
    assert!(all.contains("eu-west-1"));

    let md = stdout(&run(&[
        "prices",
        "list",
        "--region",
        "eu-west-1",
        "-f",
        "markdown",
    ]));
    assert!(md.starts_with("| region "));
    assert!(
        md.lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("| eu-west-1 "))
    );

    assert!(
        error(&run(&["prices", "list", "--region", "mars-1"]), 1).starts_with(
            "error: region: \"mars-1\" is not a commercial AWS region (known: us-east-1, us-east-2,"
        )
    );
}

#[test]
fn prices_show_marks_unknown_prices() {
    let out = stdout(&run(&["prices", "show", "ap-southeast-2"]));
    assert!(out.starts_with("ap-southeast-2 prices (acumen built-in catalog as of 2026-10-09)"));
    let compute = out
        .lines()
        .find(|l| l.contains("serverlessStandard"))
        .expect("compute row");
    assert!(
        compute.contains("0.20") && compute.contains("low"),
        "{compute}"
    );
    let storage = out
        .lines()
        .find(|l| l.contains(" storageStandard "))
        .expect("storage row");
    assert!(storage.contains("unknown"), "{storage}");

    let doc = json(&run(&[
        "prices",
        "show",
        "ap-southeast-2",
        "--format",
        "json",
    ]));
    assert_eq!(doc["region"], "ap-southeast-2");
    assert_eq!(doc["catalog"]["asOf"], "2026-10-09");
    let prices = doc["prices"].as_array().expect("prices");
    let storage = prices
        .iter()
        .find(|p| p["item"] == "storageStandard")
        .expect("storage");
    assert!(storage["entry"].is_null());
    assert_eq!(storage["unit"], "GB-month");
    let compute = prices
        .iter()
        .find(|p| p["item"] == "serverlessStandard")
        .expect("compute");
    assert_eq!(compute["entry"]["priceNanoUsd"], 200_000_000);

    let us = json(&run(&["prices", "show", "us-east-1", "-f", "json"]));
    let classes = us["instanceClasses"].as_array().expect("classes");
    assert!(classes.iter().any(|c| c["class"] == "db.r6g.xlarge"));

    assert_eq!(
        error(&run(&["prices", "show", "mars-1"]), 1)
            .split(" (known")
            .next(),
        Some("error: region: \"mars-1\" is not a commercial AWS region")
    );
}

#[test]
fn max_connections_for_a_range() {
    assert_eq!(
        stdout(&run(&[
            "max-connections",
            "--engine",
            "aurora-postgresql",
            "--min-acu",
            "1",
            "--max-acu",
            "16"
        ])),
        "max_connections: 3360 (published; aurora-postgresql, 1-16 ACU)\n"
    );
    let capped = stdout(&run(&[
        "max-connections",
        "--min-acu",
        "0.5",
        "--max-acu",
        "16",
    ]));
    assert!(capped.starts_with("max_connections: 2000 (published"));
    assert!(capped.contains("capped at 2,000"));

    let doc = json(&run(&[
        "max-connections",
        "--engine",
        "aurora-mysql",
        "--min-acu",
        "0.5",
        "--max-acu",
        "64",
        "--format",
        "json",
    ]));
    assert_eq!(doc["value"], 4000);
    assert_eq!(doc["basis"], "published");
    assert_eq!(doc["cappedByMin"], false);

    let csv = stdout(&run(&[
        "max-connections",
        "--engine",
        "mysql",
        "--min-acu",
        "1",
        "--max-acu",
        "12",
        "-f",
        "csv",
    ]));
    assert_eq!(
        csv,
        "engine,min_acu,max_acu,max_connections,basis,capped_by_min\naurora-mysql,1,12,1585,interpolated,false\n"
    );
}

#[test]
fn max_connections_refuses_a_bad_range() {
    assert_eq!(
        error(
            &run(&["max-connections", "--min-acu", "0.3", "--max-acu", "4"]),
            1
        ),
        "error: --min-acu: must be a multiple of 0.5 ACU, got 0.3"
    );
    assert_eq!(
        error(
            &run(&["max-connections", "--min-acu", "8", "--max-acu", "4"]),
            1
        ),
        "error: --min-acu: must not exceed maxAcu (4), got 8"
    );
    let old = error(
        &run(&[
            "max-connections",
            "--engine-version",
            "15.2",
            "--min-acu",
            "0",
            "--max-acu",
            "4",
        ]),
        1,
    );
    assert!(
        old.starts_with("error: --min-acu: 0 (auto-pause) needs"),
        "{old}"
    );
    let out = run(&["max-connections", "--max-acu", "4"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for sub in [
        vec!["estimate"],
        vec!["simulate"],
        vec!["validate"],
        vec!["prices", "list"],
        vec!["prices", "show"],
        vec!["max-connections"],
        vec!["replay"],
    ] {
        let mut args = sub.clone();
        args.push("--help");
        let help = stdout(&run(&args));
        assert!(help.contains("Examples:"), "{sub:?}: {help}");
        assert!(
            help.contains(&format!("acumen {}", sub.join(" "))),
            "{sub:?}"
        );
    }
}

#[test]
fn prices_list_shows_every_region_complete_or_partial() {
    let table = stdout(&run(&["prices", "list"]));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "acumen built-in catalog as of 2026-10-09: 33 regions, 2 complete, 31 partial (an estimate there marks the lines it cannot price)"
    );
    assert_eq!(lines.len(), 2 + 33);
    let frankfurt = lines
        .iter()
        .find(|l| l.starts_with("eu-central-1 "))
        .expect("Frankfurt");
    assert!(
        frankfurt.contains("Europe (Frankfurt)")
            && frankfurt.contains("EUC1")
            && frankfurt.contains("partial"),
        "{frankfurt}"
    );
    let doc = json(&run(&["prices", "list", "-f", "json"]));
    let rows = doc.as_array().expect("array");
    assert_eq!(rows.len(), 33);
    let ohio = rows
        .iter()
        .find(|r| r["code"] == "us-east-2")
        .expect("Ohio");
    assert_eq!(
        (&ohio["name"], &ohio["usageTypePrefix"], &ohio["complete"]),
        (&"US East (Ohio)".into(), &"USE2".into(), &true.into())
    );
    let virginia = &rows[0];
    assert_eq!(
        (&virginia["code"], &virginia["usageTypePrefix"]),
        (&"us-east-1".into(), &serde_json::Value::Null)
    );
    let csv = stdout(&run(&["prices", "list", "-f", "csv"]));
    assert_eq!(
        csv.lines().next(),
        Some("region,name,geography,usage_type_prefix,prices,missing")
    );
}

#[test]
fn the_platform_version_is_a_flag_too() {
    // Version 1 stops at 128 ACU: 200 is refused, naming the maximum.
    let message = error(
        &run(&["estimate", "--platform-version", "1", "--max-acu", "200"]),
        1,
    );
    assert!(
        message.contains("above the 128 ACU that platform version 1 allows"),
        "{message}"
    );
    // The model says which version it simulated.
    let out = stdout(&run(&["estimate", "--platform-version", "2"]));
    assert!(
        out.contains("Model: acumen-controller v2 on platform version 2."),
        "{out}"
    );
    let message = error(&run(&["estimate", "--platform-version", "5"]), 1);
    assert!(message.contains("1, 2, 3 or 4, got 5"), "{message}");
}
