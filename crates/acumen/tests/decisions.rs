//! Decisions from the numbers: the seed article's verdicts, steady high load,
//! an idle dev cluster, connections, and the I/O-Optimized break-even.

use acumen::advise::{Application, Topic};
use acumen::compare::{ClassOption, CompareOptions, OptionKind, ReservedOffer};
use acumen::scenario::{BusinessHours, IoUsage, Level, PriceOverrides};
use acumen::{Report, Scaling, Scenario, StorageType, Workload, estimate};

fn row<'a>(r: &'a Report, option: &str) -> &'a acumen::compare::ComparisonRow {
    let c = r.comparison.as_ref().unwrap();
    c.rows
        .iter()
        .find(|x| x.option == option)
        .unwrap_or_else(|| panic!("no {option}: {:#?}", c.rows))
}

fn seed() -> Scenario {
    Scenario {
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
        compare: CompareOptions {
            classes: vec![ClassOption {
                class: "db.r6g.xlarge".into(),
                on_demand_hourly: Some(0.58),
                reserved: vec![ReservedOffer {
                    term_years: 1,
                    hourly: Some(0.37),
                    ..ReservedOffer::default()
                }],
                ..ClassOption::default()
            }],
            ..CompareOptions::default()
        },
        ..Scenario::default()
    }
}

#[test]
fn seed_article_numbers_and_verdict() {
    let r = estimate(&seed()).unwrap();
    // $547.20 serverless (ideal, as the seed assumes), 730 h × $0.58 = $423.40
    // on-demand and 730 h × $0.37 = $270.10 reserved.
    assert_eq!(
        row(&r, "serverless (ideal tracking)")
            .monthly_micro_usd
            .unwrap()
            .micros(),
        547_200_000
    );
    assert_eq!(
        row(&r, "db.r6g.xlarge on-demand")
            .monthly_micro_usd
            .unwrap()
            .micros(),
        423_400_000
    );
    let ri = row(&r, "db.r6g.xlarge, 1-year reserved, no upfront");
    assert_eq!(ri.monthly_micro_usd.unwrap().micros(), 270_100_000);
    assert_eq!(ri.yearly_micro_usd.unwrap().micros(), 3_241_200_000);
    let c = r.comparison.as_ref().unwrap();
    assert_eq!(c.cheapest, "db.r6g.xlarge, 1-year reserved, no upfront");
    assert!(c.verdict.starts_with("provisioned"), "{}", c.verdict);
    // Break-even hours a day at peak (16 ACU vs 2 ACU off-peak, 730/24 days at $0.12):
    // serverless(H) = (14 H + 48) × 30.4167 × 0.12 = $423.40 at H = 4.857 h.
    let be = c
        .break_even
        .iter()
        .find(|b| b.option == "db.r6g.xlarge on-demand")
        .unwrap();
    assert!((be.hours_per_day.unwrap() - 4.857).abs() < 0.01, "{be:?}");
    let be = c
        .break_even
        .iter()
        .find(|b| b.option.contains("reserved"))
        .unwrap();
    assert!((be.hours_per_day.unwrap() - 1.857).abs() < 0.01, "{be:?}");
    // The curve runs from all-day off-peak to all-day peak.
    assert_eq!(c.curve.len(), 25);
    assert_eq!(c.curve[0].serverless_micro_usd.micros(), 175_200_000); // 2 ACU × 730 h × 0.12
    assert_eq!(c.curve[24].serverless_micro_usd.micros(), 1_401_600_000); // 16 ACU × 730 h
}

#[test]
fn variable_load_favours_serverless() {
    // Busy 2 h a day on weekdays, nearly idle otherwise.
    let s = Scenario {
        workload: Workload::BusinessHours(BusinessHours {
            peak_acu: 16.0,
            off_peak_acu: 0.5,
            hours_per_day: 2,
            ..BusinessHours::default()
        }),
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let c = r.comparison.as_ref().unwrap();
    assert!(c.verdict.starts_with("serverless"), "{}", c.verdict);
    assert_eq!(c.rows[0].kind, OptionKind::ServerlessIdeal, "{:#?}", c.rows);
    // Catalog classes sized for 16 ACU (32 GiB): r6g.xlarge among them at $0.519.
    assert_eq!(
        row(&r, "db.r6g.xlarge on-demand")
            .monthly_micro_usd
            .unwrap()
            .micros(),
        378_870_000
    );
}

#[test]
fn steady_high_load_recommends_provisioned_and_reserved() {
    let s = Scenario {
        workload: Workload::Steady { acu: 16.0 },
        scaling: Scaling {
            min_acu: 2.0,
            max_acu: 32.0,
            seconds_until_auto_pause: None,
        },
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let c = r.comparison.as_ref().unwrap();
    // 16 ACU × 730 h × $0.12 = $1,401.60 against db.r6g.xlarge at 730 × $0.519 = $378.87.
    assert_eq!(r.total_micro_usd.micros(), 1_401_600_000);
    assert_eq!(c.cheapest, "db.r6g.xlarge on-demand");
    assert!(c.verdict.starts_with("provisioned"), "{}", c.verdict);
    assert!(c.verdict.contains("Reserved Instance"), "{}", c.verdict);
    let purchase = r
        .advice
        .iter()
        .find(|a| a.topic == Topic::Purchase)
        .unwrap();
    assert_eq!(purchase.recommendation, "db.r6g.xlarge on-demand");
}

#[test]
fn idle_dev_cluster_is_told_to_scale_to_zero_with_the_saving() {
    // Used 2 h on weekdays at 1 ACU, idle otherwise, on a version with auto-pause.
    let s = Scenario {
        engine_version: Some("16.4".into()),
        workload: Workload::BusinessHours(BusinessHours {
            peak_acu: 1.0,
            off_peak_acu: 0.0,
            hours_per_day: 2,
            ..BusinessHours::default()
        }),
        storage_gb: 10.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let pause = r
        .advice
        .iter()
        .find(|a| a.topic == Topic::AutoPause)
        .expect("auto-pause advice");
    assert_eq!(pause.value, Some(0.0));
    assert!(pause.reason.contains("saves"), "{}", pause.reason);
    // With min 0 the bill is much lower: compare directly.
    let mut zero = s.clone();
    zero.scaling.min_acu = 0.0;
    let paused = estimate(&zero).unwrap();
    assert!(paused.total_micro_usd.micros() * 2 < r.total_micro_usd.micros());
    assert!(
        pause.reason.contains(&paused.total_micro_usd.to_string()),
        "{}",
        pause.reason
    );
    // An older version is told to upgrade instead.
    let old = Scenario {
        engine_version: Some("15.4".into()),
        ..s
    };
    let r = estimate(&old).unwrap();
    let advice = r
        .advice
        .iter()
        .find(|a| a.topic == Topic::AutoPause)
        .unwrap();
    assert!(advice.recommendation.contains("upgrade"));
}

#[test]
fn connections_beyond_max_connections_recommend_rds_proxy() {
    let s = Scenario {
        application: Application {
            app_instances: 40,
            pool_size: 60,
            ..Application::default()
        },
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    // 2,400 wanted against 2,000 (PostgreSQL, max 16, min 0.5 cap).
    let a = r
        .advice
        .iter()
        .find(|a| a.topic == Topic::Connections)
        .unwrap();
    assert!(a.recommendation.contains("RDS Proxy"));
    assert!(
        a.reason.contains("2400") && a.reason.contains("2000"),
        "{}",
        a.reason
    );
    // Proxy at the 8-ACU minimum: 8 × 730 × $0.015 = $87.60.
    assert!(a.reason.contains("$87.60"), "{}", a.reason);
}

#[test]
fn working_set_and_features_raise_the_minimum() {
    let s = Scenario {
        application: Application {
            working_set_gib: Some(12.0),
            performance_insights: true,
            ..Application::default()
        },
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let a = r.advice.iter().find(|a| a.topic == Topic::MinAcu).unwrap();
    // 12 GiB / (2 GiB × 0.6) = 10 ACU.
    assert_eq!(a.value, Some(10.0));
    assert!(
        a.recommendation
            .contains("raise the minimum from 0.5 to 10 ACU")
    );
}

#[test]
fn max_acu_advice_when_demand_is_capped() {
    let s = Scenario {
        workload: Workload::Steady { acu: 20.0 },
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let a = r.advice.iter().find(|a| a.topic == Topic::MaxAcu).unwrap();
    // Peak 20 ACU + 25 % = 25 ACU.
    assert_eq!(a.value, Some(25.0));
    assert!(
        a.recommendation
            .contains("raise the maximum from 16 to 25 ACU")
    );
}

#[test]
fn io_optimized_break_even() {
    // 4 ACU steady, 100 GB: Standard compute $350.40 + storage $10.00 = $360.40 + I/O.
    // I/O-Optimized: 2,920 × $0.16 = $467.20 + 100 × $0.225 = $22.50 = $489.70.
    // It wins once I/O reaches $129.30, i.e. 129.30 / 489.70 = 26.4 % of the Standard bill.
    let mut s = Scenario {
        io: IoUsage::Monthly {
            requests: 1_000_000_000.0,
        },
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let st = &r.comparison.as_ref().unwrap().storage;
    assert_eq!(st.standard_micro_usd.unwrap().micros(), 560_400_000); // + 1,000 M × $0.20 = $200
    assert_eq!(st.io_optimized_micro_usd.unwrap().micros(), 489_700_000);
    assert!((st.break_even_io_share.unwrap() - 129.3 / 489.7).abs() < 1e-9);
    assert!(st.verdict.starts_with("I/O-Optimized"), "{}", st.verdict);
    s.io = IoUsage::Monthly {
        requests: 100_000_000.0,
    };
    s.storage_type = StorageType::Standard;
    let r = estimate(&s).unwrap();
    assert!(
        r.comparison
            .as_ref()
            .unwrap()
            .storage
            .verdict
            .starts_with("Standard")
    );
}

#[test]
fn unknown_commitment_rates_stay_unknown() {
    let mut s = seed();
    s.compare.classes[0].reserved = vec![ReservedOffer {
        term_years: 3,
        ..ReservedOffer::default()
    }];
    let r = estimate(&s).unwrap();
    let ri = row(&r, "db.r6g.xlarge, 3-year reserved, no upfront");
    assert_eq!(ri.monthly_micro_usd, None);
    assert!(ri.note.starts_with("unknown"), "{}", ri.note);
    // Unknown rows sort last.
    assert_eq!(
        r.comparison
            .as_ref()
            .unwrap()
            .rows
            .last()
            .unwrap()
            .monthly_micro_usd,
        None
    );
    // An omitted term is one year.
    #[cfg(feature = "serde")]
    {
        let offer: ReservedOffer = serde_json::from_str(r#"{"hourly": 0.37}"#).unwrap();
        assert_eq!(offer.term_years, 1);
    }
    assert_eq!(ReservedOffer::default().term_years, 1);
    // An empty class is refused by name.
    let mut empty = seed();
    empty.compare.classes[0].class = String::new();
    assert_eq!(
        estimate(&empty).unwrap_err().field(),
        "compare.classes[0].class"
    );
    // A term other than 1 or 3 is refused by name.
    s.compare.classes[0].reserved[0].term_years = 2;
    let e = estimate(&s).unwrap_err();
    assert_eq!(e.field(), "compare.classes[0].reserved[0].termYears");
}

#[test]
fn verdicts_are_only_between_options_a_user_can_buy() {
    // Busy 2 h a day: ideal tracking is the cheapest row, but it is a what-if.
    let s = Scenario {
        workload: Workload::BusinessHours(BusinessHours {
            peak_acu: 16.0,
            off_peak_acu: 0.5,
            hours_per_day: 2,
            ..BusinessHours::default()
        }),
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let c = r.comparison.as_ref().unwrap();
    assert_eq!(c.rows[0].kind, OptionKind::ServerlessIdeal);
    assert_eq!(c.cheapest, "serverless (simulated)");
    assert!(!c.verdict.contains("ideal"), "{}", c.verdict);
    let purchase = r
        .advice
        .iter()
        .find(|a| a.topic == Topic::Purchase)
        .unwrap();
    assert_eq!(purchase.recommendation, "serverless (simulated)");
}

#[test]
fn no_provisioned_option_priced_means_no_verdict() {
    // A class nobody has a rate for: nothing to compare serverless with.
    let mut s = seed();
    s.compare.classes = vec![ClassOption {
        class: "db.x9.large".into(),
        memory_gib: Some(64),
        ..ClassOption::default()
    }];
    let r = estimate(&s).unwrap();
    let c = r.comparison.as_ref().unwrap();
    assert!(c.verdict.starts_with("no verdict"), "{}", c.verdict);
    assert!(c.verdict.contains("compare.classes"), "{}", c.verdict);
    assert_eq!(c.cheapest, "");
    let purchase = r
        .advice
        .iter()
        .find(|a| a.topic == Topic::Purchase)
        .unwrap();
    assert!(
        purchase
            .recommendation
            .starts_with("no recommendation until a provisioned option is priced"),
        "{}",
        purchase.recommendation
    );
}

#[test]
fn a_steady_load_is_called_steady_and_a_degenerate_break_even_is_said_plainly() {
    // A steady 4 ACU against db.r6g.xlarge (730 × $0.519 = $378.87 against
    // 4 × 730 × $0.12 = $350.40 for serverless): serverless wins, and the
    // load is not "variable".
    let mut s = seed();
    s.workload = Workload::Steady { acu: 4.0 };
    s.scaling = Scaling {
        min_acu: 4.0,
        max_acu: 16.0,
        seconds_until_auto_pause: None,
    };
    s.compare.classes = vec![ClassOption {
        class: "db.r6g.xlarge".into(),
        ..ClassOption::default()
    }];
    let r = estimate(&s).unwrap();
    let v = &r.comparison.as_ref().unwrap().verdict;
    assert!(v.starts_with("serverless"), "{v}");
    assert!(v.contains("steady at about 4 ACU"), "{v}");
    assert!(!v.contains("variable"), "{v}");
    // A steady 8 ACU ($700.80) against the same class: provisioned wins,
    // said without a "break-even of 0.0 h a day".
    s.workload = Workload::Steady { acu: 8.0 };
    s.scaling.min_acu = 8.0;
    let r = estimate(&s).unwrap();
    let v = &r.comparison.as_ref().unwrap().verdict;
    assert!(v.starts_with("provisioned"), "{v}");
    assert!(v.contains("steady at about 8 ACU"), "{v}");
    assert!(!v.contains("0.0 h a day"), "{v}");
    // A variable load that provisioned beats at any hours a day at peak
    // (break-even 0): said in words, not as "0.0 h a day".
    s.workload = Workload::Levels(vec![
        Level {
            acu: 16.0,
            hours: 365.0,
        },
        Level {
            acu: 8.0,
            hours: 365.0,
        },
    ]);
    s.scaling.min_acu = 0.5;
    let r = estimate(&s).unwrap();
    let v = &r.comparison.as_ref().unwrap().verdict;
    assert!(v.starts_with("provisioned"), "{v}");
    assert!(
        v.contains("even if the load stayed at its off-peak level all day"),
        "{v}"
    );
}

#[test]
fn storage_is_compared_on_known_prices_when_both_lack_the_same_line() {
    // Database Insights (Advanced) has no price: its line is unpriced on
    // Aurora Standard and on I/O-Optimized alike, so the two are compared
    // without it. Steady 4 ACU, 100 GB in us-east-1:
    // Standard 4 × 730 × $0.12 + 100 × $0.10 = $360.40;
    // I/O-Optimized 4 × 730 × $0.16 + 100 × $0.225 = $489.70.
    let s = Scenario {
        workload: Workload::Steady { acu: 4.0 },
        extras: acumen::scenario::Extras {
            database_insights: acumen::scenario::DatabaseInsights::Advanced,
            ..Default::default()
        },
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    assert!(!r.complete);
    let storage = &r.comparison.as_ref().unwrap().storage;
    assert_eq!(
        storage.standard_micro_usd.map(|m| m.micros()),
        Some(360_400_000)
    );
    assert_eq!(
        storage.io_optimized_micro_usd.map(|m| m.micros()),
        Some(489_700_000)
    );
    assert!(
        storage.verdict.starts_with("Standard"),
        "{}",
        storage.verdict
    );
}
