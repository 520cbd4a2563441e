//! Writes the CloudFormation and Terraform exports of a few scenarios to a
//! directory, with the values each should contain, for `just test-iac`.
//!
//! ```text
//! cargo run -p acumen --example export -- <dir>
//! ```
//!
//! For each scenario NAME it writes `NAME.yaml` (CloudFormation), `NAME.tf`
//! (Terraform) and `NAME.expect.json` (engine, storage type, capacity range,
//! auto-pause delay, instance count and promotion tiers, from the inputs).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use acumen::scenario::{BusinessHours, DatabaseInsights, Extras, Reader};
use acumen::{Engine, Scaling, Scenario, StorageType, Workload, export};

fn scenarios() -> Vec<(&'static str, Scenario)> {
    vec![
        (
            "mysql-io-optimized-auto-pause",
            Scenario {
                engine: Engine::AuroraMysql,
                engine_version: Some("3.08.0".into()),
                storage_type: StorageType::IoOptimized,
                scaling: Scaling {
                    min_acu: 0.0,
                    max_acu: 32.0,
                    seconds_until_auto_pause: Some(900),
                },
                readers: vec![
                    Reader {
                        promotion_tier: 1,
                        workload: None,
                    },
                    Reader {
                        promotion_tier: 2,
                        workload: Some(Workload::Steady { acu: 1.0 }),
                    },
                ],
                extras: Extras {
                    database_insights: DatabaseInsights::Advanced,
                    ..Extras::default()
                },
                ..Scenario::default()
            },
        ),
        ("postgresql-default", Scenario::default()),
        (
            "postgresql-16-business-hours",
            Scenario {
                region: "eu-west-1".into(),
                engine_version: Some("16.8".into()),
                scaling: Scaling {
                    min_acu: 2.5,
                    max_acu: 40.5,
                    seconds_until_auto_pause: None,
                },
                workload: Workload::BusinessHours(BusinessHours {
                    peak_acu: 16.0,
                    off_peak_acu: 2.0,
                    ..BusinessHours::default()
                }),
                readers: vec![Reader {
                    promotion_tier: 0,
                    workload: None,
                }],
                ..Scenario::default()
            },
        ),
    ]
}

/// The values the exports must contain, as JSON, taken from the inputs.
fn expectations(s: &Scenario) -> String {
    let mut json = String::new();
    let engine = s.engine.name();
    let storage = match s.storage_type {
        StorageType::Standard => "aurora",
        StorageType::IoOptimized => "aurora-iopt1",
    };
    let auto_pause = if s.scaling.min_acu == 0.0 {
        s.scaling
            .seconds_until_auto_pause
            .unwrap_or(300)
            .to_string()
    } else {
        "null".into()
    };
    let tiers: Vec<String> = s
        .readers
        .iter()
        .map(|r| r.promotion_tier.to_string())
        .collect();
    let _ = write!(
        json,
        "{{\"engine\": \"{engine}\", \"storageType\": \"{storage}\", \"minCapacity\": {}, \
         \"maxCapacity\": {}, \"secondsUntilAutoPause\": {auto_pause}, \"instances\": {}, \
         \"readerTiers\": [{}], \"databaseInsightsAdvanced\": {}, \"region\": \"{}\"}}",
        s.scaling.min_acu,
        s.scaling.max_acu,
        1 + s.readers.len(),
        tiers.join(", "),
        s.extras.database_insights == DatabaseInsights::Advanced,
        s.region,
    );
    json
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: export <output-dir>");
        return ExitCode::from(2);
    };
    for (name, scenario) in scenarios() {
        let written = export::cloudformation(&scenario)
            .and_then(|yaml| Ok((yaml, export::terraform(&scenario)?)))
            .map_err(|e| e.to_string())
            .and_then(|(yaml, hcl)| {
                std::fs::write(dir.join(format!("{name}.yaml")), yaml)
                    .and_then(|()| std::fs::write(dir.join(format!("{name}.tf")), hcl))
                    .and_then(|()| {
                        std::fs::write(
                            dir.join(format!("{name}.expect.json")),
                            expectations(&scenario),
                        )
                    })
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            eprintln!("export: {name}: {e}");
            return ExitCode::FAILURE;
        }
        println!("wrote {name}.yaml, {name}.tf");
    }
    ExitCode::SUCCESS
}
