//! The `acumen` binary end to end: output, errors and exit codes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::text;

fn acumen(args: &[&str], stdin: Option<&str>) -> Output {
    common::run_in(&std::env::temp_dir(), args, stdin)
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("acumen-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temp file");
    path
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/golden/{name}.json"))
}

#[test]
fn table_shows_every_line_and_the_total() {
    let out = acumen(&["estimate"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].contains("us-east-1 aurora-postgresql, Aurora Standard, 730 h/month"));
    assert!(lines[1].starts_with("Item") && lines[1].trim_end().ends_with("Cost"));
    assert!(lines[2].starts_with("writer compute") && lines[2].ends_with("$350.40"));
    assert!(lines[2].contains("2,920.00") && lines[2].contains("$0.12"));
    assert!(lines[3].starts_with("cluster storage") && lines[3].ends_with("$10.00"));
    assert!(lines[4].starts_with("Total per month") && lines[4].ends_with("$360.40"));
    // Columns line up: every row has the same width as the header.
    assert_eq!(lines[2].len(), lines[4].len());
    assert!(stdout.contains("Per year: $4,324.80"));
    assert!(stdout.contains("Ideal tracking: $360.40 (the same"));
    assert!(
        stdout.contains("writer: 2920.0 ACU-hours, average 4.00 ACU, peak 4 ACU, paused 0.0 h")
    );
    assert!(stdout.contains("max_connections: 2000 (capped at 2,000 by the 0.5 ACU minimum)"));
    assert!(stdout.contains("as of 2026-10-09"));
}

#[test]
fn json_output_matches_the_golden_total() {
    let doc: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(golden("steady-8acu-250gb")).expect("golden file"),
    )
    .expect("golden JSON");
    let path = temp_file("golden.json", &doc["scenario"].to_string());
    let out = acumen(
        &[
            "estimate",
            path.to_str().expect("utf-8"),
            "--format",
            "json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["totalMicroUsd"], doc["expected"]["totalMicroUsd"]);
    assert_eq!(report["totalMicroUsd"], 725_800_000);
    assert_eq!(report["lines"][0]["unitPriceNanoUsd"], 120_000_000);
    assert_eq!(report["lines"][0]["price"]["confidence"], "high");
}

#[test]
fn golden_scenario_file_is_not_a_scenario_but_its_scenario_is() {
    // The golden files wrap the scenario; the CLI refuses the wrapper by name.
    let out = acumen(
        &["estimate", golden("default").to_str().expect("utf-8")],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown field `name`"));
}

#[test]
fn toml_and_stdin_are_accepted() {
    let path = temp_file(
        "io.toml",
        "storageType = \"io-optimized\"\nstorageGb = 100\n\n[workload.steady]\nacu = 4\n",
    );
    let out = acumen(
        &["estimate", path.to_str().expect("utf-8"), "-f", "json"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["totalMicroUsd"], 489_700_000);

    let out = acumen(
        &["estimate", "-", "--format", "json"],
        Some("{\"storageGb\": 0}"),
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["totalMicroUsd"], 350_400_000);
    let out = acumen(
        &["estimate", "-", "--format", "json"],
        Some("storageGb = 0\n"),
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["totalMicroUsd"], 350_400_000);
}

#[test]
fn bad_input_is_one_line_naming_the_field() {
    let cases = [
        (
            "a.toml",
            "[scaling]\nmaxAcu = 3.3\n",
            "a.toml: scaling.maxAcu: must be a multiple of 0.5 ACU, got 3.3",
        ),
        (
            "b.toml",
            "storageGb = \"x\"\n",
            "b.toml:1: storageGb: invalid type: string \"x\", expected a number",
        ),
        (
            "c.json",
            "{\n \"scaling\": {\"maxAcus\": 3}}",
            "c.json:2: scaling.maxAcus: unknown field `maxAcus`",
        ),
        (
            "d.toml",
            "[scaling]\nminAcu = 8\nmaxAcu = 4\n",
            "scaling.minAcu: must not exceed maxAcu (4), got 8",
        ),
        (
            "e.toml",
            "storageGb = nan\n",
            "storageGb: must be a finite number, got NaN",
        ),
        (
            "f.json",
            "{\"region\": \"eu-nowhere-1\"}",
            "region: \"eu-nowhere-1\" is not a commercial AWS region",
        ),
    ];
    for (name, contents, expected) in cases {
        let path = temp_file(name, contents);
        let out = acumen(&["estimate", path.to_str().expect("utf-8")], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn unreadable_file_and_bad_usage_have_their_own_exit_codes() {
    let out = acumen(&["estimate", "/nonexistent/scenario.toml"], None);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).starts_with("error: /nonexistent/scenario.toml: "));
    let out = acumen(&["estimate", "--format", "yaml"], None);
    assert_eq!(out.status.code(), Some(2));
}
