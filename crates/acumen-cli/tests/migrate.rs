//! `acumen migrate` end to end: AWS's worked example as a summary, a
//! CloudWatch series of CPUUtilization, and a fleet with a broken file.

mod common;

use std::path::{Path, PathBuf};

use common::{error, json, run, stdout};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/migrate")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

#[test]
fn summary_mode_reproduces_aws_s_worked_example() {
    let doc = json(&run(&[
        "migrate",
        "--class",
        "db.r6g.xlarge",
        "--cpu-p95",
        "35",
        "--cpu-max",
        "72",
        "--storage-gb",
        "500",
        "--format",
        "json",
    ]));
    // AWS's tooling: min 3.5, max 16, typical 6, peak 12; $576 against $429.
    assert_eq!(doc["proposed"]["minAcu"], 3.5);
    assert_eq!(doc["proposed"]["maxAcu"], 16.0);
    assert_eq!(doc["sizing"]["typicalAcu"], 6.0);
    assert_eq!(doc["sizing"]["peakAcu"], 12.0);
    assert_eq!(doc["serverless"]["monthlyMicroUsd"], 575_600_000);
    assert_eq!(doc["onDemand"]["monthlyMicroUsd"], 428_870_000);
    let table = stdout(&run(&[
        "migrate",
        "--class",
        "db.r6g.xlarge",
        "--cpu-p95",
        "35",
        "--cpu-max",
        "72",
    ]));
    assert!(
        table.contains("minimum 3.5 ACU, typical 6 ACU, peak 12 ACU, maximum 16 ACU"),
        "{table}"
    );
    assert!(table.contains("Verdict: stay on db.r6g.xlarge"), "{table}");
    let csv = stdout(&run(&[
        "migrate",
        "--class",
        "db.r6g.xlarge",
        "--cpu-p95",
        "35",
        "--cpu-max",
        "72",
        "--format",
        "csv",
    ]));
    assert_eq!(
        csv.lines().nth(1),
        Some("db.r6g.xlarge,3.5,16,6,12,525600000,378870000,-146730000")
    );
}

#[test]
fn series_mode_reads_the_aws_cli_s_json() {
    // A week of hourly CPUUtilization: 50 % (8 ACU) for 10 h on weekdays,
    // 5 % (0.8 ACU) otherwise; the same series as the core's test.
    let doc = json(&run(&[
        "migrate",
        "--class",
        "db.r6g.xlarge",
        "--cpu",
        &fixture("cpu-business-hours.json"),
        "--format",
        "json",
    ]));
    assert_eq!(doc["proposed"]["minAcu"], 0.5);
    assert_eq!(doc["proposed"]["maxAcu"], 8.0);
    assert_eq!(doc["load"]["hoursNearPeak"], 50.0);
    assert_eq!(doc["cpu"]["p95"], 50.0);
    let serverless = doc["serverless"]["monthlyMicroUsd"].as_i64().unwrap();
    // Ideal tracking is $257.80 a month (494.4 ACU-h a week); on demand $378.87.
    assert!(
        (257_800_000..300_000_000).contains(&serverless),
        "{serverless}"
    );
    assert_eq!(doc["onDemand"]["monthlyMicroUsd"], 378_870_000);
    assert!(doc["verdict"].as_str().unwrap().contains(": move."));
}

#[test]
fn a_databaseconnections_export_gives_the_connection_floor() {
    // Its peak, 2,047.5 (an average over a period), counts as 2,048
    // connections: × 10 MB = 20 GiB, at 2 GiB per ACU a floor of 10 ACU,
    // above the 3.5 ACU the CPU alone gives.
    let doc = json(&run(&[
        "migrate",
        "--class",
        "db.r6g.xlarge",
        "--cpu-p95",
        "35",
        "--cpu-max",
        "72",
        "--connections-series",
        &fixture("connections.csv"),
        "--format",
        "json",
    ]));
    assert_eq!(doc["sizing"]["connectionFloorAcu"], 10.0);
    assert_eq!(doc["proposed"]["minAcu"], 10.0);
    assert_eq!(doc["proposed"]["maxAcu"], 16.0);
}

#[test]
fn errors_name_the_flag_or_the_file() {
    assert_eq!(
        error(
            &run(&[
                "migrate",
                "--class",
                "db.r6g.xlarge",
                "--cpu-p95",
                "135",
                "--cpu-max",
                "140"
            ]),
            1
        ),
        "error: --cpu-p95: must be a percentage from 0 to 100, got 135"
    );
    assert_eq!(
        error(
            &run(&[
                "migrate",
                "--class",
                "db.r6g.xlarge",
                "--cpu-p95",
                "50",
                "--cpu-max",
                "40"
            ]),
            1
        ),
        "error: --cpu-max: must be at least the p95 (50), got 40"
    );
    let broken = fixture("cpu-broken.csv");
    assert_eq!(
        error(
            &run(&["migrate", "--class", "db.r6g.xlarge", "--cpu", &broken]),
            1
        ),
        format!("error: {broken}:3: column 2: not a number: \"lots\"")
    );
    // Neither a summary nor a series, or both: usage errors.
    assert_eq!(
        run(&["migrate", "--class", "db.r6g.xlarge"]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&[
            "migrate",
            "--class",
            "db.r6g.xlarge",
            "--cpu-p95",
            "5",
            "--cpu-max",
            "9",
            "--cpu",
            &broken
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn a_fleet_is_answered_around_a_broken_file() {
    let out = run(&[
        "migrate",
        "--fleet",
        &fixture("inventory.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "one instance failed");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = doc["instances"].as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // Sorted by saving: db-1 saves $103.72 (as the series test above),
    // db-2 (a flat 25 % = 4 ACU: $350.40 against $378.87) $28.47.
    assert_eq!(ids, ["db-1", "db-2", "db-3"]);
    assert_eq!(rows[1]["savingMicroUsd"], 28_470_000);
    assert_eq!(rows[1]["decision"], "move");
    assert_eq!(rows[2]["decision"], "error");
    assert!(
        rows[2]["error"]
            .as_str()
            .unwrap()
            .ends_with("cpu-broken.csv:3: column 2: not a number: \"lots\"")
    );
    assert_eq!(doc["failed"], 1);
    assert_eq!(
        doc["savingTotalMicroUsd"].as_i64().unwrap(),
        rows[0]["savingMicroUsd"].as_i64().unwrap() + 28_470_000
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 of 3 instances could not be answered"),
        "{stderr}"
    );
}

/// 1,000 instances × 14 days of 1-minute CPUUtilization (console CSVs of a
/// random walk): prints the median of three runs. Run on demand:
/// `cargo test -p acumen-cli --release --test migrate -- --ignored --nocapture`.
#[test]
#[ignore = "timing harness; run on demand in release mode"]
fn timing_a_fleet_of_1000_instances() {
    let dir = std::env::temp_dir().join(format!("acumen-fleet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut inventory = String::from("id,class,engine,region,cpu\n");
    let mut seed: u64 = 7;
    for i in 0..1000 {
        let mut csv = String::from("Timestamp,CPUUtilization\n");
        let mut cpu: f64 = 10.0 + (i % 50) as f64;
        for minute in 0..14 * 1440 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let step = ((seed >> 33) as f64 / f64::from(1u32 << 31)) - 0.5;
            cpu = (cpu + step * 4.0).clamp(1.0, 95.0);
            csv.push_str(&format!("{},{cpu:.2}\n", 1_788_134_400 + minute * 60));
        }
        std::fs::write(dir.join(format!("cpu-{i}.csv")), csv).unwrap();
        inventory.push_str(&format!(
            "db-{i},db.r6g.xlarge,aurora-postgresql,us-east-1,cpu-{i}.csv\n"
        ));
    }
    std::fs::write(dir.join("inventory.csv"), inventory).unwrap();
    let inventory = dir.join("inventory.csv").display().to_string();
    let mut times = Vec::new();
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let out = run(&["migrate", "--fleet", &inventory, "--format", "csv"]);
        times.push(start.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    times.sort();
    println!(
        "migrate --fleet, 1,000 instances × 20,160 one-minute samples: median {:.2} s (runs {:?})",
        times[1].as_secs_f64(),
        times
    );
    std::fs::remove_dir_all(&dir).ok();
}
