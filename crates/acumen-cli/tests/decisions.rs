//! `compare`, `advise`, `optimize` and `export` on the seed article's scenario.

mod common;

use common::{run_in, text};

const SEED: &str = r#"{
  "workload": { "levels": [ { "acu": 16, "hours": 220 }, { "acu": 2, "hours": 520 } ] },
  "storageGb": 0,
  "priceOverrides": { "serverlessStandard": 0.12 },
  "compare": { "classes": [ { "class": "db.r6g.xlarge", "onDemandHourly": 0.58,
                              "reserved": [ { "termYears": 1, "hourly": 0.37 } ] } ] },
  "application": { "appInstances": 40, "poolSize": 60 }
}"#;

fn acumen(args: &[&str]) -> (String, String, Option<i32>) {
    let out = run_in(&std::env::temp_dir(), args, Some(SEED));
    (text(&out.stdout), text(&out.stderr), out.status.code())
}

#[test]
fn compare_shows_the_seed_figures_and_verdict() {
    let (stdout, stderr, code) = acumen(&["compare", "-"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("Verdict: provisioned"), "{stdout}");
    for figure in ["$547.20", "$423.40", "$270.10", "$3,241.20"] {
        assert!(stdout.contains(figure), "{figure} missing:\n{stdout}");
    }
    let (json, _, _) = acumen(&["compare", "-", "--format", "json"]);
    let c: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(c["cheapest"], "db.r6g.xlarge, 1-year reserved, no upfront");
    assert_eq!(c["curve"].as_array().map(Vec::len), Some(25));
}

#[test]
fn advise_lists_every_topic() {
    let (stdout, _, code) = acumen(&["advise", "-"]);
    assert_eq!(code, Some(0));
    for topic in [
        "[max ACU]",
        "[connections] put RDS Proxy",
        "[alarm]",
        "[purchase]",
        "[storage]",
    ] {
        assert!(stdout.contains(topic), "{topic} missing:\n{stdout}");
    }
    let (json, _, _) = acumen(&["advise", "-", "--format", "json"]);
    let advice: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert!(
        advice
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x["topic"] == "connections"))
    );
}

#[test]
fn optimize_keeps_the_current_range_on_a_tie() {
    // Steady 6 ACU from 0.5–10 ACU: every range reaching 6 ACU costs
    // 6 × 730 × $0.12 = $525.60, the current one too, so it is kept.
    let steady = r#"{ "workload": { "steady": { "acu": 6 } }, "storageGb": 0,
                     "scaling": { "minAcu": 0.5, "maxAcu": 10 } }"#;
    let out = run_in(
        &std::env::temp_dir(),
        &["optimize", "-", "--format", "json"],
        Some(steady),
    );
    let o: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("JSON");
    assert_eq!(
        (o["best"]["minAcu"].as_f64(), o["best"]["maxAcu"].as_f64()),
        (Some(0.5), Some(10.0))
    );
    assert_eq!(o["best"]["computeMicroUsd"], 525_600_000);
    let out = run_in(&std::env::temp_dir(), &["optimize", "-"], Some(steady));
    let table = text(&out.stdout);
    assert!(
        table.starts_with("Keep the current range, min 0.5 ACU, max 10 ACU: no range with at most 0.100 % unmet demand costs less than its $525.60 a month"),
        "{table}"
    );
    // Held at 8 ACU (8 × 730 × $0.12 = $700.80) a range ending at 6 ACU saves $175.20.
    let held = steady.replace("\"minAcu\": 0.5", "\"minAcu\": 8");
    let out = run_in(
        &std::env::temp_dir(),
        &["optimize", "-", "--format", "json"],
        Some(&held),
    );
    let o: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("JSON");
    assert_eq!(o["best"]["maxAcu"], 6.0);
    assert_eq!(o["best"]["computeMicroUsd"], 525_600_000);
    assert_eq!(o["current"]["computeMicroUsd"], 700_800_000);
}

#[test]
fn optimize_finds_a_range_and_refuses_a_bad_limit() {
    let (stdout, _, code) = acumen(&["optimize", "-", "--format", "json"]);
    assert_eq!(code, Some(0));
    let o: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(o["best"]["maxAcu"], 16.0);
    assert!(o["frontier"].as_array().is_some_and(|f| !f.is_empty()));
    // Far within the work budget: searched in full on the demand as given.
    assert_eq!(o["resampledSeconds"], serde_json::Value::Null);
    assert_eq!(o["minimumStepAcu"], 0.5);
    assert_eq!(o["note"], serde_json::Value::Null);
    let (_, stderr, code) = acumen(&["optimize", "-", "--max-unmet-share", "3"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr.trim(),
        "error: --max-unmet-share: must be between 0 and 1, got 3"
    );
}

#[test]
fn export_writes_cloudformation_and_terraform() {
    let (cfn, _, code) = acumen(&["export", "cfn", "-"]);
    assert_eq!(code, Some(0));
    assert!(
        cfn.contains("AWS::RDS::DBCluster") && cfn.contains("MaxCapacity: 16"),
        "{cfn}"
    );
    let (tf, _, _) = acumen(&["export", "tf", "-"]);
    assert!(
        tf.contains("resource \"aws_rds_cluster\"") && tf.contains("max_capacity"),
        "{tf}"
    );
}
