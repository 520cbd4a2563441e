//! The golden vectors in `tests/golden/` (shared with the JS and browser
//! tests): each scenario's itemised costs and total, to the micro-dollar.
#![cfg(feature = "serde")]

use std::fs;
use std::path::PathBuf;

use acumen::{Scenario, estimate};
use serde_json::Value;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

#[test]
fn every_golden_vector_matches() {
    let mut checked = 0;
    for entry in fs::read_dir(golden_dir()).expect("tests/golden exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let doc: Value = serde_json::from_str(&fs::read_to_string(&path).expect("readable"))
            .expect("valid JSON");
        let scenario: Scenario =
            serde_json::from_value(doc["scenario"].clone()).expect("valid scenario");
        let report = estimate(&scenario).expect("estimates");
        let expected = &doc["expected"];
        assert_eq!(
            report.ideal.total_micro_usd.micros(),
            expected["idealTotalMicroUsd"]
                .as_i64()
                .expect("ideal total"),
            "{}",
            path.display()
        );
        // The simulated figures are golden only where arithmetic shows them.
        if let Some(total) = expected.get("totalMicroUsd") {
            assert_eq!(
                Some(report.total_micro_usd.micros()),
                total.as_i64(),
                "{}",
                path.display()
            );
            // An unpriced line's cost is null in the vector.
            let costs: Vec<Option<i64>> = report
                .lines
                .iter()
                .map(|l| l.cost_micro_usd.map(|c| c.micros()))
                .collect();
            let expected_costs: Vec<Option<i64>> = expected["lineCostsMicroUsd"]
                .as_array()
                .expect("line costs")
                .iter()
                .map(|v| {
                    if v.is_null() {
                        None
                    } else {
                        Some(v.as_i64().expect("integer"))
                    }
                })
                .collect();
            assert_eq!(costs, expected_costs, "{}", path.display());
            assert_eq!(
                report.complete,
                expected_costs.iter().all(Option::is_some),
                "{}",
                path.display()
            );
            if let Some(note) = expected.get("totalNote") {
                assert_eq!(
                    report.total_note.as_deref(),
                    note.as_str(),
                    "{}",
                    path.display()
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 8, "expected the golden vectors, found {checked}");
}

#[test]
fn scenario_round_trips_through_json() {
    let scenario = Scenario::default();
    let text = serde_json::to_string(&scenario).expect("serialises");
    let back: Scenario = serde_json::from_str(&text).expect("deserialises");
    assert_eq!(back, scenario);
    // An empty document is the default scenario.
    let empty: Scenario = serde_json::from_str("{}").expect("empty is valid");
    assert_eq!(empty, scenario);
}
