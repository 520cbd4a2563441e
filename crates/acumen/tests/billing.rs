//! Hand-computed itemised bills: every component, the boundaries and the
//! seed article's worked example.

use acumen::report::{Component, WarningKind};
use acumen::scenario::{
    Application, BusinessHours, DatabaseInsights, Extras, IoUsage, Level, PriceOverrides, Reader,
    Spike, Trace,
};
use acumen::{Engine, ErrorCode, Report, Scaling, Scenario, StorageType, Workload, estimate};

fn cost(report: &Report, component: Component) -> i64 {
    report
        .lines
        .iter()
        .filter(|l| l.component == component)
        .map(|l| l.cost_micro_usd.unwrap().micros())
        .sum()
}

fn line<'a>(report: &'a Report, description: &str) -> &'a acumen::LineItem {
    report
        .lines
        .iter()
        .find(|l| l.description == description)
        .unwrap_or_else(|| panic!("no line {description:?} in {:#?}", report.lines))
}

fn steady(acu: f64) -> Scenario {
    Scenario {
        workload: Workload::Steady { acu },
        storage_gb: 0.0,
        ..Scenario::default()
    }
}

#[test]
fn seed_article_example_is_exact() {
    // 16 ACU for 220 h and 2 ACU for 520 h at $0.12:
    // (220 × 1.92) + (520 × 0.24) = 422.40 + 124.80 = $547.20.
    let scenario = Scenario {
        workload: Workload::Levels(vec![
            Level {
                acu: 16.0,
                hours: 220.0,
            },
            Level {
                acu: 2.0,
                hours: 520.0,
            },
        ]),
        storage_gb: 0.0,
        price_overrides: PriceOverrides {
            serverless_standard: Some(0.12),
            ..PriceOverrides::default()
        },
        ..Scenario::default()
    };
    let r = estimate(&scenario).unwrap();
    // The seed assumes capacity tracks demand exactly: that is the ideal figure.
    assert_eq!(r.ideal.total_micro_usd.micros(), 547_200_000);
    assert_eq!(r.ideal.total_micro_usd.to_string(), "$547.20");
    assert_eq!(r.instances[0].ideal_acu_hours, 4_560.0);
    // The simulated controller holds 16 ACU for the hold-down after the drop,
    // then scales down over minutes: a little more, and it says why.
    let extra = r.total_micro_usd.micros() - 547_200_000;
    assert_eq!(r.ideal.difference_micro_usd.micros(), extra);
    assert!(extra > 0 && extra < 200_000, "{extra}");
    assert!(
        r.ideal.explanation.contains("hold-down"),
        "{}",
        r.ideal.explanation
    );
    // The 740 h the seed's levels add up to are flagged against the 730 h month.
    assert!(
        r.warnings
            .iter()
            .any(|w| w.kind == WarningKind::InputNote && w.message.contains("740 h"))
    );
}

#[test]
fn business_hours_on_730_hours_split_222_and_508() {
    let scenario = Scenario {
        workload: Workload::BusinessHours(BusinessHours {
            peak_acu: 16.0,
            off_peak_acu: 2.0,
            ..BusinessHours::default()
        }),
        storage_gb: 0.0,
        ..Scenario::default()
    };
    // From Monday 00:00 a 730 h month has 22 full weekdays plus 08:00-10:00
    // of a 31st day: 222 h × 16 + 508 h × 2 = 4,568 ACU-h × $0.12 = $548.16.
    let r = estimate(&scenario).unwrap();
    assert_eq!(r.instances[0].ideal_acu_hours, 4_568.0);
    assert_eq!(r.ideal.total_micro_usd.micros(), 548_160_000);
    // Each weekday: a ramp up at 08:00 (some demand unserved) and a slow
    // ramp down after 18:00 (extra capacity billed). On platform version 4
    // (the default) the rise from 2 to 16 ACU is one step of at most 16 ACU
    // in the second after the 2 s detection delay: demand is met 1 s after
    // it rose.
    let w = &r.instances[0];
    assert_eq!(w.scale_up_episodes, 23);
    assert!(w.unmet_acu_hours.lag > 0.0);
    assert_eq!(w.time_to_capacity_p50_seconds, Some(1));
    assert!(r.total_micro_usd > r.ideal.total_micro_usd);
    // On platform version 2, proportional steps alone: 2 → 16 ACU at 7 % a
    // second (at least 0.5 ACU a step) takes tens of seconds.
    let pv2 = estimate(&Scenario {
        platform_version: Some(2),
        ..scenario
    })
    .unwrap();
    assert!(
        pv2.instances[0]
            .time_to_capacity_p50_seconds
            .is_some_and(|t| (10..=40).contains(&t))
    );
    assert!(pv2.instances[0].unmet_acu_hours.lag > w.unmet_acu_hours.lag);
}

#[test]
fn every_component_itemised() {
    let scenario = Scenario {
        engine: Engine::AuroraMysql,
        workload: Workload::Steady { acu: 4.0 },
        readers: vec![Reader {
            promotion_tier: 1,
            workload: None,
        }],
        storage_gb: 200.0,
        io: IoUsage::Monthly {
            requests: 50_000_000.0,
        },
        backup_storage_gb: 500.0,
        extras: Extras {
            rds_proxy: true,
            data_api_requests: 2_000_000.0,
            data_api_payload_kb: 10.0,
            snapshot_export_gb: 300.0,
            database_insights: DatabaseInsights::Advanced,
            backtrack_change_records: 10_000_000.0,
            global_write_ios: 5_000_000.0,
            extended_support: false,
            ..Extras::default()
        },
        // Database Insights has no sourced price: the scenario supplies one.
        price_overrides: PriceOverrides {
            database_insights_advanced: Some(0.003),
            ..PriceOverrides::default()
        },
        ..Scenario::default()
    };
    let r = estimate(&scenario).unwrap();
    // Compute: writer and tier-1 reader at 4 ACU: 2,920 ACU-h each × $0.12 = $350.40 each.
    assert_eq!(
        line(&r, "writer compute").cost_micro_usd.unwrap().micros(),
        350_400_000
    );
    assert_eq!(
        line(&r, "reader 1 compute (tier 1)")
            .cost_micro_usd
            .unwrap()
            .micros(),
        350_400_000
    );
    // Storage: 200 GB × $0.10 = $20.00.
    assert_eq!(cost(&r, Component::Storage), 20_000_000);
    // I/O: 50 M requests × $0.20/M = $10.00.
    assert_eq!(cost(&r, Component::Io), 10_000_000);
    // Backup: (500 − 200 free) GB × $0.021 = $6.30.
    assert_eq!(cost(&r, Component::Backup), 6_300_000);
    // Snapshot export: 300 GB × $0.01 = $3.00.
    assert_eq!(cost(&r, Component::SnapshotExport), 3_000_000);
    // Proxy: 8 ACU (two instances × 4) × 730 h × $0.015 = $87.60.
    assert_eq!(cost(&r, Component::RdsProxy), 87_600_000);
    // Data API: 2 M requests ≤ 32 KB × $0.35/M = $0.70.
    assert_eq!(cost(&r, Component::DataApi), 700_000);
    // Database Insights (Advanced): 8 ACU × 730 h = 5,840 ACU-h × $0.003 = $17.52.
    assert_eq!(cost(&r, Component::DatabaseInsights), 17_520_000);
    // Backtrack: 10 M records × $0.012/M = $0.12.
    assert_eq!(cost(&r, Component::Backtrack), 120_000);
    // Global writes: 5 M × $0.20/M = $1.00.
    assert_eq!(cost(&r, Component::GlobalDatabase), 1_000_000);
    let sum: i64 = r
        .lines
        .iter()
        .map(|l| l.cost_micro_usd.unwrap().micros())
        .sum();
    assert_eq!(r.total_micro_usd.micros(), sum);
    assert_eq!(
        sum,
        350_400_000 * 2
            + 20_000_000
            + 10_000_000
            + 6_300_000
            + 3_000_000
            + 87_600_000
            + 700_000
            + 17_520_000
            + 120_000
            + 1_000_000
    );
}

#[test]
fn database_insights_advanced_is_unpriced_until_a_price_is_given() {
    // No source gives the price (AWS bills it under CloudWatch): the line is
    // there, with its quantity, and asks for the price; the bill says it is
    // partial. Standard mode (the default) has no line at all.
    let mut s = steady(4.0);
    assert!(
        estimate(&s)
            .unwrap()
            .lines
            .iter()
            .all(|l| l.component != Component::DatabaseInsights)
    );
    s.extras.database_insights = DatabaseInsights::Advanced;
    let r = estimate(&s).unwrap();
    let l = r
        .lines
        .iter()
        .find(|l| l.component == Component::DatabaseInsights)
        .unwrap();
    // 4 ACU × 730 h.
    assert_eq!((l.quantity, l.unit.as_str()), (2_920.0, "ACU-hour"));
    assert_eq!(l.cost_micro_usd, None);
    assert_eq!(
        l.supply.as_deref(),
        Some("priceOverrides.databaseInsightsAdvanced")
    );
    assert!(!r.complete);
}

#[test]
fn performance_insights_fields_name_their_replacement() {
    // Performance Insights ended on 31 July 2026: its fields are errors that
    // say what to use instead; left false or absent they are accepted.
    let mut s = steady(4.0);
    s.extras.performance_insights_retention = true;
    let e = estimate(&s).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        (
            ErrorCode::UnknownField,
            "extras.performanceInsightsRetention"
        )
    );
    assert!(e.to_string().contains("extras.databaseInsights"), "{e}");
    let mut s = steady(4.0);
    s.price_overrides.performance_insights_retention = Some(0.375);
    let e = estimate(&s).unwrap_err();
    assert_eq!(e.field(), "priceOverrides.performanceInsightsRetention");
    assert!(e.to_string().contains("databaseInsightsAdvanced"), "{e}");
}

#[test]
fn io_optimized_drops_the_io_line() {
    let mut s = steady(4.0);
    s.storage_type = StorageType::IoOptimized;
    s.io = IoUsage::Monthly { requests: 1e9 };
    let r = estimate(&s).unwrap();
    assert_eq!(cost(&r, Component::Io), 0);
    assert!(r.lines.iter().all(|l| l.component != Component::Io));
    assert!(r.warnings.iter().any(|w| w.field == "io"));
    // 2,920 ACU-h × $0.16 = $467.20.
    assert_eq!(cost(&r, Component::Compute), 467_200_000);
}

#[test]
fn data_api_tiers_and_32kb_units() {
    let mut s = steady(0.0);
    // 600 M requests of 40 KB = 1.2 billion billed requests:
    // 1,000 M × $0.35 + 200 M × $0.20 = $350 + $40.
    s.extras.data_api_requests = 600_000_000.0;
    s.extras.data_api_payload_kb = 40.0;
    let r = estimate(&s).unwrap();
    assert_eq!(
        line(&r, "Data API requests (first billion)")
            .cost_micro_usd
            .unwrap()
            .micros(),
        350_000_000
    );
    assert_eq!(
        line(&r, "Data API requests (beyond one billion)")
            .cost_micro_usd
            .unwrap()
            .micros(),
        40_000_000
    );
    // Exactly one billion: no second tier.
    s.extras.data_api_requests = 1e9;
    s.extras.data_api_payload_kb = 32.0;
    let r = estimate(&s).unwrap();
    assert_eq!(cost(&r, Component::DataApi), 350_000_000);
    assert_eq!(
        r.lines
            .iter()
            .filter(|l| l.component == Component::DataApi)
            .count(),
        1
    );
}

#[test]
fn proxy_bills_at_least_eight_acus() {
    // 2 ACU steady: the proxy bills 8 ACU × 730 h × $0.015 = $87.60.
    let mut s = steady(2.0);
    s.extras.rds_proxy = true;
    assert_eq!(
        cost(&estimate(&s).unwrap(), Component::RdsProxy),
        87_600_000
    );
    // 12 ACU: 12 × 730 × $0.015 = $131.40.
    let mut s = steady(12.0);
    s.extras.rds_proxy = true;
    assert_eq!(
        cost(&estimate(&s).unwrap(), Component::RdsProxy),
        131_400_000
    );
}

#[test]
fn proxy_blocks_auto_pause() {
    let mut s = steady(0.0);
    s.scaling = Scaling {
        min_acu: 0.0,
        max_acu: 8.0,
        seconds_until_auto_pause: None,
    };
    assert_eq!(cost(&estimate(&s).unwrap(), Component::Compute), 0);
    s.extras.rds_proxy = true;
    let r = estimate(&s).unwrap();
    // Held at 0.5 ACU: 0.5 × 730 × $0.12 = $43.80.
    assert_eq!(cost(&r, Component::Compute), 43_800_000);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.kind == WarningKind::PauseBlocked)
    );
}

#[test]
fn backup_within_the_allowance_is_free() {
    let mut s = steady(1.0);
    s.storage_gb = 300.0;
    s.backup_storage_gb = 300.0;
    assert_eq!(cost(&estimate(&s).unwrap(), Component::Backup), 0);
    s.backup_storage_gb = 300.5;
    // 0.5 GB × $0.021 = $0.0105.
    assert_eq!(cost(&estimate(&s).unwrap(), Component::Backup), 10_500);
}

#[test]
fn readers_follow_the_writer_by_tier() {
    // Writer busy 10 ACU; readers idle. Tier 0 follows the writer, tier 2 does not.
    let s = Scenario {
        workload: Workload::Steady { acu: 10.0 },
        readers: vec![
            Reader {
                promotion_tier: 0,
                workload: Some(Workload::Steady { acu: 0.0 }),
            },
            Reader {
                promotion_tier: 2,
                workload: Some(Workload::Steady { acu: 0.0 }),
            },
        ],
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    assert_eq!(r.instances[1].average_acu, 10.0);
    assert_eq!(r.instances[2].average_acu, 0.5);
    // 10 × 730 × 0.12 twice + 0.5 × 730 × 0.12 = 876 + 876 + 43.80.
    assert_eq!(r.total_micro_usd.micros(), 1_795_800_000);
}

#[test]
fn writer_wakes_for_an_active_reader() {
    let s = Scenario {
        scaling: Scaling {
            min_acu: 0.0,
            max_acu: 8.0,
            seconds_until_auto_pause: None,
        },
        workload: Workload::Steady { acu: 0.0 },
        readers: vec![Reader {
            promotion_tier: 5,
            workload: Some(Workload::Steady { acu: 2.0 }),
        }],
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    assert_eq!(r.instances[0].average_acu, 0.5);
    assert_eq!(r.instances[0].paused_hours, 0.0);
}

#[test]
fn spikes_weekly_and_traces_cost_what_they_should() {
    // A daily 60-minute spike of +8 ACU over a steady 2 ACU, 30-day (720 h) month:
    // 30 h at 10 ACU + 690 h at 2 ACU = 300 + 1,380 = 1,680 ACU-h × $0.12 = $201.60.
    let s = Scenario {
        hours_per_month: 720,
        workload: Workload::Steady { acu: 2.0 },
        spikes: vec![Spike {
            extra_acu: 8.0,
            every_hours: 24,
            start_minute: 600,
            duration_minutes: 60,
        }],
        storage_gb: 0.0,
        ..Scenario::default()
    };
    assert_eq!(
        estimate(&s).unwrap().ideal.total_micro_usd.micros(),
        201_600_000
    );

    // A weekly profile of 1 ACU except 4 ACU in the first hour of each day, 168 h month:
    // 7 h × 4 + 161 h × 1 = 189 ACU-h × $0.12 = $22.68.
    let mut hourly = vec![1.0; 168];
    for day in 0..7 {
        hourly[day * 24] = 4.0;
    }
    let s = Scenario {
        hours_per_month: 168,
        workload: Workload::Weekly { hourly_acu: hourly },
        storage_gb: 0.0,
        ..Scenario::default()
    };
    assert_eq!(
        estimate(&s).unwrap().ideal.total_micro_usd.micros(),
        22_680_000
    );

    // A 2-hour trace repeated over a 4-hour month: samples every 30 min at 1, 3, 0.2, 2.1 ACU
    // run at 1, 3, 0.5, 2.5 → 7 ACU × 0.5 h × 2 = 7 ACU-h × $0.12 = $0.84.
    let s = Scenario {
        hours_per_month: 4,
        workload: Workload::Trace(Trace {
            interval_seconds: 1_800,
            acu: vec![1.0, 3.0, 0.2, 2.1],
        }),
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    assert_eq!(r.ideal.total_micro_usd.micros(), 840_000);
    assert!(r.warnings.iter().any(|w| w.message.contains("repeated")));
}

#[test]
fn unknown_prices_are_asked_for_not_guessed() {
    // eu-central-1 has a compute price but no storage price in the catalog:
    // the bill is partial, and a strict one is an error naming the field.
    let s = Scenario {
        region: "eu-central-1".into(),
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    assert!(!r.complete);
    assert_eq!(r.lines[1].cost_micro_usd, None);
    let e = estimate(&Scenario {
        strict_prices: true,
        ..s
    })
    .unwrap_err();
    assert_eq!(e.code(), ErrorCode::UnknownPrice);
    assert_eq!(e.field(), "priceOverrides.storageStandard");
    // With the override, it prices, and marks the line.
    let s = Scenario {
        region: "eu-central-1".into(),
        price_overrides: PriceOverrides {
            storage_standard: Some(0.11),
            ..PriceOverrides::default()
        },
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    // 4 × 730 × $0.14 = $408.80; 100 × $0.11 = $11.00.
    assert_eq!(r.total_micro_usd.micros(), 419_800_000);
    assert!(r.lines[1].price.as_ref().unwrap().overridden);
}

#[test]
fn max_connections_reported_for_the_range() {
    let r = estimate(&Scenario::default()).unwrap();
    // PostgreSQL, max 16, min 0.5: 3,360 capped to 2,000.
    assert_eq!(r.max_connections.value, 2_000);
    assert!(r.max_connections.capped_by_min);
}

#[test]
fn demand_above_max_is_reported_as_unmet() {
    let r = estimate(&steady(20.0)).unwrap();
    let w = &r.instances[0];
    assert_eq!(w.hours_at_max, 730.0);
    assert_eq!(w.unmet_acu_hours.cap, 4.0 * 730.0);
    assert_eq!(w.unmet_acu_hours.lag, 0.0);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.kind == WarningKind::DemandAboveMax)
    );
}

#[test]
fn replication_and_the_like_keep_a_cluster_from_pausing() {
    // Idle every night and weekend (business hours at 4 ACU, 0 outside):
    // with a minimum of 0 the writer pauses, unless something AWS lists as
    // blocking auto-pause is on; then it runs at 0.5 ACU or more, as with
    // a minimum of 0.5.
    let base = Scenario {
        workload: Workload::BusinessHours(BusinessHours {
            peak_acu: 4.0,
            off_peak_acu: 0.0,
            ..BusinessHours::default()
        }),
        scaling: Scaling {
            min_acu: 0.0,
            ..Scaling::default()
        },
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let pausing = estimate(&base).unwrap();
    assert!(pausing.instances[0].paused_hours > 400.0);
    let blocked = |application: Application| {
        estimate(&Scenario {
            application,
            ..base.clone()
        })
        .unwrap()
    };
    let at_half = estimate(&Scenario {
        scaling: Scaling {
            min_acu: 0.5,
            ..Scaling::default()
        },
        ..base.clone()
    })
    .unwrap();
    for (application, field) in [
        (
            Application {
                logical_replication: true,
                ..Application::default()
            },
            "application.logicalReplication",
        ),
        (
            Application {
                zero_etl: true,
                ..Application::default()
            },
            "application.zeroEtl",
        ),
        (
            Application {
                babelfish: true,
                ..Application::default()
            },
            "application.babelfish",
        ),
    ] {
        let r = blocked(application);
        assert_eq!(r.instances[0].paused_hours, 0.0, "{field}");
        assert_eq!(r.total_micro_usd, at_half.total_micro_usd, "{field}");
        let w = r
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::PauseBlocked)
            .unwrap();
        assert_eq!(w.field, field);
    }
}

#[test]
fn a_raised_max_locks_per_transaction_keeps_2_acu() {
    // A steady 1 ACU on a 0.5–16 range: with the larger lock table capacity
    // stays at 2 ACU (AWS Database Blog, 2024): 2 × 730 h × $0.12 = $175.20.
    let scenario = Scenario {
        workload: Workload::Steady { acu: 1.0 },
        storage_gb: 0.0,
        application: Application {
            max_locks_per_transaction_raised: true,
            ..Application::default()
        },
        ..Scenario::default()
    };
    let r = estimate(&scenario).unwrap();
    assert_eq!(r.total_micro_usd.micros(), 175_200_000);
    assert_eq!(r.instances[0].peak_acu, 2.0);
}
