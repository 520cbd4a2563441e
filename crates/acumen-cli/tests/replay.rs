//! `acumen replay` end to end on hand-made CloudWatch exports in
//! `tests/fixtures/cloudwatch/`.

mod common;

use common::{error, json, run, stdout, temp_file};
use serde_json::Value;

fn replay_json(args: &[&str]) -> Value {
    let mut all = vec!["replay"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    json(&run(&all))
}

/// The report's compute total must equal the replayed column.
fn check_replayed_matches_report(doc: &Value) {
    let report_total = doc["report"]["totalMicroUsd"].as_i64().expect("total");
    assert_eq!(doc["replayedTotalMicroUsd"].as_i64(), Some(report_total));
    let sum: i64 = doc["instances"]
        .as_array()
        .expect("instances")
        .iter()
        .map(|i| i["replayedCostMicroUsd"].as_i64().expect("cost"))
        .sum();
    assert_eq!(sum, report_total);
    assert_eq!(
        doc["differenceMicroUsd"].as_i64(),
        Some(report_total - doc["recordedTotalMicroUsd"].as_i64().expect("recorded"))
    );
}

#[test]
fn console_csv_two_instances() {
    let doc = replay_json(&["console-two-instances.csv"]);
    assert_eq!(doc["files"][0], "console-two-instances.csv");
    assert_eq!(doc["intervalSeconds"], 300);
    assert_eq!(doc["start"], "2026-09-01T00:00:00Z");
    assert_eq!(doc["end"], "2026-09-01T01:00:00Z");
    assert_eq!(doc["comparedHours"], 1);
    assert_eq!(doc["unitPriceNanoUsd"], 120_000_000);
    let w = &doc["instances"][0];
    let r = &doc["instances"][1];
    assert_eq!(w["name"], "app-writer");
    assert_eq!(w["role"], "writer");
    assert_eq!(r["name"], "app-reader");
    assert_eq!(r["role"], "reader 1");
    assert_eq!(w["samples"], 12);
    // Writer: 48 ACU × 5 min = 4 ACU-hours = $0.48; reader: 17 × 5 min.
    assert_eq!(w["recordedAcuHours"], 4.0);
    assert_eq!(w["recordedCostMicroUsd"], 480_000);
    assert_eq!(r["recordedCostMicroUsd"], 170_000);
    assert_eq!(doc["recordedTotalMicroUsd"], 650_000);
    // The replay keeps the recorded range; readers are tier 2 by default.
    assert_eq!(doc["settings"]["recorded"]["minAcu"], 1.0);
    assert_eq!(doc["settings"]["recorded"]["maxAcu"], 8.0);
    assert_eq!(doc["settings"]["replayed"]["maxAcu"], 8.0);
    assert_eq!(doc["report"]["instances"][1]["promotionTier"], 2);
    // Ideal tracking of recorded capacity reproduces the recorded bill.
    assert_eq!(doc["idealTotalMicroUsd"], 650_000);
    check_replayed_matches_report(&doc);
    // The simulated controller lags behind the steps: it costs a little more.
    assert!(doc["differenceMicroUsd"].as_i64().expect("diff") > 0);
}

#[test]
fn table_shows_both_bills_side_by_side() {
    let out = stdout(&run(&["replay", "console-two-instances.csv"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with(
        "Replay of ServerlessDatabaseCapacity: 2 instance(s), 2026-09-01T00:00:00Z to 2026-09-01T01:00:00Z (1.00 h), every 300 s"
    ));
    assert_eq!(
        lines[1],
        "Recorded: 1-8 ACU (as seen in the samples). Replayed: 1-8 ACU, model acumen-controller v2 on platform version 4."
    );
    let header = lines
        .iter()
        .position(|l| l.starts_with("instance"))
        .expect("header");
    let head = lines[header];
    for column in [
        "recorded ACU-h",
        "recorded",
        "replayed ACU-h",
        "replayed",
        "difference",
    ] {
        assert!(head.contains(column), "{head}");
    }
    let writer = lines[header + 1];
    assert!(writer.starts_with("app-writer  writer  "), "{writer}");
    assert!(
        writer.contains("  4  ") && writer.contains("$0.48"),
        "{writer}"
    );
    let total = lines[header + 3];
    assert!(
        total.starts_with("total") && total.contains("$0.65"),
        "{total}"
    );
    // Aligned: the numeric columns end at the same place on every row.
    assert_eq!(head.len(), writer.len());
    assert_eq!(head.len(), total.len());
    assert!(out.contains("Recorded $0.65, replayed $0.6"));
    assert!(out.contains("Ideal tracking of the same demand under the replayed settings: $0.65."));
}

#[test]
fn get_metric_data_shapes() {
    // Timestamp,Value, newest first (get-metric-data's default order).
    let doc = replay_json(&["get-metric-data-writer.csv"]);
    let w = &doc["instances"][0];
    assert_eq!(w["name"], "get-metric-data-writer");
    assert_eq!(w["firstSample"], "2026-09-01T00:00:00Z");
    assert_eq!(w["lastSample"], "2026-09-01T00:55:00Z");
    // Sorted: 0.5 ×4, 1 ×5... sum 13 ACU × 5 min = 1.0833 ACU-hours = $0.13.
    assert_eq!(w["recordedCostMicroUsd"], 130_000);
    assert_eq!(w["gaps"], 0);
    assert_eq!(doc["settings"]["recorded"]["minAcu"], 0.5);
    assert_eq!(doc["settings"]["recorded"]["maxAcu"], 2.0);
    assert_eq!(doc["report"]["instances"][0]["peakAcu"], 2.0);
    check_replayed_matches_report(&doc);

    // Id,Label,Timestamp,Value: one series per Id, named by its Label.
    let doc = replay_json(&["get-metric-data-labelled.csv"]);
    assert_eq!(doc["intervalSeconds"], 600);
    assert_eq!(doc["instances"][0]["name"], "app-writer");
    assert_eq!(doc["instances"][1]["name"], "app-reader");
    assert_eq!(doc["instances"][0]["recordedAcuHours"], 3.0);
    assert_eq!(doc["instances"][1]["recordedAcuHours"], 1.0);
    assert_eq!(doc["recordedTotalMicroUsd"], 480_000);
    check_replayed_matches_report(&doc);
}

#[test]
fn several_files_are_several_instances() {
    let doc = replay_json(&[
        "get-metric-data-writer.csv",
        "console-two-instances.csv",
        "--reader-tier",
        "0",
    ]);
    let names: Vec<&str> = doc["instances"]
        .as_array()
        .expect("instances")
        .iter()
        .map(|i| i["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        ["get-metric-data-writer", "app-writer", "app-reader"]
    );
    assert_eq!(doc["report"]["instances"][2]["promotionTier"], 0);
    assert_eq!(doc["recordedTotalMicroUsd"], 130_000 + 650_000);
    // Tier-0 readers never run below the writer.
    check_replayed_matches_report(&doc);
}

#[test]
fn other_settings_change_the_replayed_bill_only() {
    let doc = replay_json(&[
        "console-two-instances.csv",
        "--min-acu",
        "0.5",
        "--max-acu",
        "4",
        "--region",
        "eu-west-1",
    ]);
    assert_eq!(doc["settings"]["replayed"]["minAcu"], 0.5);
    assert_eq!(doc["settings"]["replayed"]["maxAcu"], 4.0);
    // eu-west-1 at $0.14: the recorded 5.4167 ACU-hours cost $0.758333.
    assert_eq!(doc["unitPriceNanoUsd"], 140_000_000);
    assert_eq!(doc["recordedTotalMicroUsd"], 758_333);
    // Capped at 4 ACU: the writer's 8-ACU stretch is not served.
    assert_eq!(doc["report"]["instances"][0]["peakAcu"], 4.0);
    let warnings = doc["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().is_some_and(|w| w.contains("max"))),
        "{warnings:?}"
    );
    check_replayed_matches_report(&doc);
    assert!(doc["differenceMicroUsd"].as_i64().expect("diff") < 0);

    assert_eq!(
        error(&run(&["replay", "gap.csv", "--max-acu", "3.3"]), 1),
        "error: --max-acu: must be a multiple of 0.5 ACU, got 3.3"
    );
    assert_eq!(
        error(
            &run(&[
                "replay",
                "gap.csv",
                "--min-acu",
                "0",
                "--seconds-until-auto-pause",
                "60"
            ]),
            1
        ),
        "error: --seconds-until-auto-pause: must be between 300 and 86400 seconds, got 60"
    );
}

#[test]
fn option_errors_keep_the_core_s_code_and_field() {
    // As JSON: the core's code and field (the scenario the replay builds),
    // the message naming the flag; a CSV problem stays `invalid_input`.
    let check = |args: &[&str], code: &str, field: &str, message: &str| {
        let out = run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let doc: Value = serde_json::from_slice(&out.stderr).expect("one JSON line");
        let e = &doc["error"];
        assert_eq!(
            (
                e["code"].as_str(),
                e["field"].as_str(),
                e["message"].as_str()
            ),
            (Some(code), Some(field), Some(message)),
            "{doc}"
        );
        assert_eq!(e["exit"], 1);
    };
    let json = ["--format", "json"];
    check(
        &[&["replay", "gap.csv", "--max-acu", "3.3"][..], &json].concat(),
        "off_grid",
        "scaling.maxAcu",
        "--max-acu: must be a multiple of 0.5 ACU, got 3.3",
    );
    check(
        &[
            &[
                "replay",
                "gap.csv",
                "--min-acu",
                "0",
                "--seconds-until-auto-pause",
                "60",
            ][..],
            &json,
        ]
        .concat(),
        "out_of_range",
        "scaling.secondsUntilAutoPause",
        "--seconds-until-auto-pause: must be between 300 and 86400 seconds, got 60",
    );
    check(
        &[
            &["replay", "gap.csv", "--min-acu", "8", "--max-acu", "4"][..],
            &json,
        ]
        .concat(),
        "conflict",
        "scaling.minAcu",
        "--min-acu: must not exceed maxAcu (4), got 8",
    );
    check(
        &[&["replay", "gap.csv", "--region", "mars-1"][..], &json].concat(),
        "unknown_region",
        "region",
        "--region: \"mars-1\" is not a commercial AWS region (e.g. us-east-1, eu-central-1) and the scenario has no price book for it",
    );
    check(
        &[&["replay", "bad-line.csv"][..], &json].concat(),
        "invalid_input",
        "",
        "bad-line.csv:4: column 2: not a number: \"abc\"",
    );
}

#[test]
fn gaps_are_held_up_to_the_limit() {
    // 00:25 → 01:00 is missing: one gap of 30 minutes.
    let doc = replay_json(&["gap.csv"]);
    let g = &doc["instances"][0];
    assert_eq!(g["samples"], 18);
    assert_eq!(g["gaps"], 1);
    assert_eq!(g["gapSeconds"], 1800);
    assert_eq!(g["heldSeconds"], 1800);
    assert_eq!(g["unrecordedSeconds"], 0);
    assert_eq!(doc["comparedHours"], 2);
    // 2 ACU held through the gap: 12 × 2 + 12 × 4 ACU × 5 min = 6 ACU-hours.
    assert_eq!(g["recordedAcuHours"], 6.0);
    assert_eq!(g["recordedCostMicroUsd"], 720_000);

    // Held for 10 minutes only: 20 minutes count as not running.
    let doc = replay_json(&["gap.csv", "--max-gap", "600"]);
    let g = &doc["instances"][0];
    assert_eq!(g["heldSeconds"], 600);
    assert_eq!(g["unrecordedSeconds"], 1200);
    assert_eq!(g["recordedCostMicroUsd"], 640_000);
    let warnings = doc["warnings"].to_string();
    assert!(warnings.contains("gap: 1 gap, 30 min in all; the last value was held for 10 min"));
    assert!(warnings.contains("gap: 20 min without a sample to use, counted as not running"));

    let table = stdout(&run(&["replay", "gap.csv"]));
    let row = table
        .lines()
        .find(|l| l.starts_with("gap "))
        .expect("gap row");
    assert!(row.contains("  1    30 min  "), "{row}");
}

#[test]
fn irregular_sampling_is_resampled_to_the_median_spacing() {
    let doc = replay_json(&["irregular.csv"]);
    assert_eq!(doc["intervalSeconds"], 60);
    let i = &doc["instances"][0];
    assert_eq!(i["irregularSpacings"], 6);
    assert_eq!(i["gaps"], 0);
    // On the minute grid the value 5 (00:04:05) is never the latest at a grid
    // point: 1+2+3+4+4+6+7+8+9+10 = 54 ACU-minutes, repeated to fill the hour.
    assert_eq!(i["recordedAcuHours"], 5.4);
    assert_eq!(i["recordedCostMicroUsd"], 648_000);
    let demand: Vec<f64> = doc["report"]["timeline"][0]["points"]
        .as_array()
        .expect("points")
        .iter()
        .take(10)
        .map(|p| p["demandMax"].as_f64().expect("number"))
        .collect();
    assert_eq!(demand, [1.0, 2.0, 3.0, 4.0, 4.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
    let warnings = doc["warnings"].to_string();
    assert!(warnings.contains("irregular sampling (6 spacings differ from the median 60 s)"));
    assert!(warnings.contains("the recording covers 0.17 h; both bills cover 1 h"));
}

#[test]
fn cluster_average_is_multiplied_with_a_warning() {
    let doc = replay_json(&["cluster-average.csv"]);
    assert_eq!(doc["instances"].as_array().map(Vec::len), Some(1));
    assert!(
        doc["warnings"]
            .to_string()
            .contains("looks like the cluster-level metric")
    );

    let doc = replay_json(&["cluster-average.csv", "--cluster-average", "3"]);
    let instances = doc["instances"].as_array().expect("instances");
    assert_eq!(instances.len(), 3);
    assert_eq!(instances[2]["name"], "DBClusterIdentifier=app (3/3)");
    // 3 ACU average × 3 instances × 1 h = 9 ACU-hours = $1.08.
    assert_eq!(doc["recordedTotalMicroUsd"], 1_080_000);
    let warnings = doc["warnings"].to_string();
    assert!(warnings.contains("average over the instances, not the billed sum"));
    assert!(!warnings.contains("looks like"));
    check_replayed_matches_report(&doc);

    assert_eq!(
        error(
            &run(&[
                "replay",
                "console-two-instances.csv",
                "--cluster-average",
                "2"
            ]),
            1
        ),
        "error: --cluster-average: needs exactly one series (the cluster-level metric), got 2"
    );
}

#[test]
fn bad_csv_lines_name_the_file_line_and_column() {
    assert_eq!(
        error(&run(&["replay", "bad-line.csv"]), 1),
        "error: bad-line.csv:4: column 2: not a number: \"abc\""
    );
    let path = temp_file(
        "capacity.csv",
        "Timestamp,a,b\n2026-09-01T00:00:00Z,1,2\n2026-09-01T00:01:00Z,1\n",
    );
    let message = error(&run(&["replay", path.to_str().expect("utf-8")]), 1);
    assert!(
        message.ends_with("capacity.csv:3: expected 3 columns, got 2: \"2026-09-01T00:01:00Z,1\""),
        "{message}"
    );
    let path = temp_file(
        "when.csv",
        "Timestamp,Value\n2026-09-01T00:00:00Z,1\nlater,2\n",
    );
    let message = error(&run(&["replay", path.to_str().expect("utf-8")]), 1);
    assert!(
        message.ends_with("when.csv:3: column 1: not a timestamp: \"later\""),
        "{message}"
    );
    let path = temp_file("one.csv", "Timestamp,Value\n2026-09-01T00:00:00Z,1\n");
    let message = error(&run(&["replay", path.to_str().expect("utf-8")]), 1);
    assert!(message.contains("needs at least two samples"), "{message}");

    // Unreadable: exit 3, naming the file.
    assert_eq!(
        error(&run(&["replay", "missing.csv"]), 3)
            .split(':')
            .take(2)
            .collect::<Vec<_>>(),
        ["error", " missing.csv"]
    );
    // No file at all is a usage error.
    assert_eq!(run(&["replay"]).status.code(), Some(2));
}

/// The replay of `file` without the list of files read.
fn replay_without_files(args: &[&str]) -> Value {
    let mut doc = replay_json(args);
    doc.as_object_mut().expect("an object").remove("files");
    doc
}

#[test]
fn the_aws_cli_json_replays_as_the_console_csv_of_the_same_data() {
    let csv = replay_without_files(&["console-two-instances.csv"]);
    for json in [
        "get-metric-data-two-instances.json",
        "get-metric-data-pages.json",
        "get-metric-data-pages-slurped.json",
    ] {
        // Every figure, to the micro-dollar, and every warning.
        assert_eq!(replay_without_files(&[json]), csv, "{json}");
    }
    assert_eq!(csv["recordedTotalMicroUsd"], 650_000);
    let table = stdout(&run(&["replay", "get-metric-data-two-instances.json"]));
    assert_eq!(
        table,
        stdout(&run(&["replay", "console-two-instances.csv"]))
    );
}

#[test]
fn get_metric_statistics_json_reads_the_statistic_asked_for() {
    let csv = replay_without_files(&["get-metric-data-writer.csv"]);
    let mut json = replay_without_files(&["get-metric-statistics-writer.json"]);
    // Named after the file, as a bare Timestamp,Value CSV is.
    assert_eq!(json["instances"][0]["name"], "get-metric-statistics-writer");
    assert_eq!(
        json["warnings"][0],
        "get-metric-statistics-writer: the values are each datapoint's Average \
         (get-metric-statistics); the file also has Maximum"
    );
    for key in ["instances", "warnings", "report"] {
        json.as_object_mut().expect("an object").remove(key);
    }
    let mut csv = csv;
    for key in ["instances", "warnings", "report"] {
        csv.as_object_mut().expect("an object").remove(key);
    }
    assert_eq!(json, csv);

    // Maximum: 0.5, 0.5, 1, 1, 1, 2, 2, 2, 2, 1, 1, 0.5 ACU every 5 min
    // = 14.5 ACU × 5 min = 1.2083 ACU-hours; at $0.12 that is $0.145.
    let max = replay_json(&[
        "get-metric-statistics-writer.json",
        "--statistic",
        "Maximum",
    ]);
    assert_eq!(max["recordedTotalMicroUsd"], 145_000);
    assert!(
        max["warnings"][0]
            .as_str()
            .expect("a warning")
            .contains("datapoint's Maximum")
    );
    assert_eq!(
        error(
            &run(&[
                "replay",
                "get-metric-statistics-writer.json",
                "--statistic",
                "Sum"
            ]),
            1
        ),
        "error: get-metric-statistics-writer.json:4: column 9: at Datapoints[0]: \
         no Sum in this datapoint; it has Average, Maximum (choose one of those statistics)"
    );
    assert_eq!(
        run(&["replay", "x.json", "--statistic", "p 99"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn bad_json_names_the_file_line_column_and_path() {
    assert_eq!(
        error(&run(&["replay", "bad-value.json"]), 1),
        "error: bad-value.json:59: column 17: at MetricDataResults[1].Values[5]: \
         expected a number, found null"
    );
    let path = temp_file("cut.json", "{\"MetricDataResults\": [{\"Id\": \"a\"");
    let message = error(&run(&["replay", path.to_str().expect("utf-8")]), 1);
    assert!(
        message.ends_with("cut.json:1: column 34: expected ',' or '}', found the end of the text"),
        "{message}"
    );
}

#[test]
fn markdown_and_csv_output() {
    let md = stdout(&run(&["replay", "gap.csv", "--format", "markdown"]));
    assert!(md.starts_with("- Replay of ServerlessDatabaseCapacity: 1 instance(s)"));
    assert!(md.contains("| instance | role   |"));
    assert!(md.contains("- Recorded $0.72, replayed"));

    let csv = stdout(&run(&[
        "replay",
        "get-metric-data-labelled.csv",
        "-f",
        "csv",
    ]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "instance,role,samples,gaps,gap_seconds,recorded_acu_hours,recorded_micro_usd,replayed_acu_hours,replayed_micro_usd,difference_micro_usd"
    );
    assert!(
        lines[1].starts_with("app-writer,writer,6,0,0,3,360000,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("app-reader,reader 1,6,0,0,1,120000,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("total,,12,0,0,4,480000,"),
        "{}",
        lines[3]
    );
}

/// Replay of 30 days of 1-minute samples (43,200 rows): prints the median
/// wall time of the whole command (budget: 50 ms). Run with
/// `cargo test -p acumen-cli --release --test replay -- --ignored --nocapture`.
#[test]
#[ignore = "timing harness; run on demand in release mode"]
fn timing_30_days_of_1_minute_samples() {
    let mut csv = String::from("Timestamp,Value\n");
    let mut acu = 2.0f64;
    let mut seed = 7u64;
    for i in 0..43_200i64 {
        // A business-hours shape with a deterministic wobble.
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let wobble = ((seed >> 33) % 3) as f64 - 1.0;
        let hour = (i / 60) % 24;
        let target = if (9..18).contains(&hour) { 8.0 } else { 1.0 };
        acu = ((acu * 0.9 + target * 0.1 + wobble * 0.5) * 2.0).round() / 2.0;
        acu = acu.clamp(0.5, 16.0);
        // September 2026 has exactly 30 days.
        let (day, minute) = (i / 1440 + 1, i % 1440);
        csv.push_str(&format!(
            "2026-09-{day:02}T{:02}:{:02}:00.000Z,{acu}\n",
            minute / 60,
            minute % 60
        ));
    }
    let path = temp_file("thirty-days.csv", &csv);
    let file = path.to_str().expect("utf-8");
    let mut times = Vec::new();
    for _ in 0..11 {
        let t = std::time::Instant::now();
        let out = run(&["replay", file, "--min-acu", "0", "--max-acu", "16"]);
        times.push(t.elapsed());
        assert!(out.status.success());
    }
    times.sort();
    println!(
        "replay of 43,200 one-minute samples: median {:.1} ms (min {:.1} ms, max {:.1} ms, 11 runs, budget 50 ms)",
        times[5].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[10].as_secs_f64() * 1e3
    );
}
