//! The size limits of docs/limits.md: the largest inputs are either priced
//! within bounded memory or refused with an error naming the field, and
//! extreme prices end in an `overflow` error, never a wrapped amount or a
//! panic. Timings of the largest cases: `cargo run --release -p acumen
//! --example limits -- <case>`.

use acumen::scenario::{
    BusinessHours, DatabaseInsights, Extras, IoUsage, Level, MAX_SCENARIO_SAMPLES, MAX_SPIKES,
    MAX_TRACE_SAMPLES, PriceOverrides, Reader, Spike, Trace,
};
use acumen::{Error, ErrorCode, Scaling, Scenario, Workload, estimate};

fn trace(interval_seconds: u32, acu: Vec<f64>) -> Workload {
    Workload::Trace(Trace {
        interval_seconds,
        acu,
    })
}

fn refused(s: &Scenario) -> Error {
    match s.validate() {
        Ok(_) => panic!("accepted"),
        Err(e) => e,
    }
}

#[test]
fn a_trace_longer_than_the_month_is_laid_out_for_the_month_only() {
    // A year of one-minute samples, each differing from the last: only the
    // 744 hours billed become segments, the rest is still checked.
    let year: Vec<f64> = (0..525_600).map(|i| f64::from(i % 64) / 2.0).collect();
    let s = Scenario {
        hours_per_month: 744,
        workload: trace(60, year.clone()),
        ..Scenario::default()
    };
    let v = s.validate().expect("valid");
    let demand = &v.instances[0].demand;
    assert_eq!(demand.seconds(), 744 * 3_600);
    assert_eq!(demand.run_count(), 744 * 60);
    assert!(
        v.notes
            .iter()
            .any(|(_, n)| n.contains("only its first 744 h"))
    );
    estimate(&s).expect("priced");

    // A bad sample after the month is still found, by its index.
    let mut bad = year;
    bad[600_000 - 80_000] = f64::NAN;
    let e = refused(&Scenario {
        workload: trace(60, bad),
        ..Scenario::default()
    });
    assert_eq!(
        (e.code(), e.field()),
        (ErrorCode::NotANumber, "workload.trace.acu[520000]")
    );
}

#[test]
fn one_trace_holds_at_most_a_leap_year_of_seconds() {
    // Zero-filled vectors are not touched until read: only the length counts.
    let e = refused(&Scenario {
        workload: trace(1, vec![0.0; MAX_TRACE_SAMPLES + 1]),
        ..Scenario::default()
    });
    assert_eq!(
        (e.code(), e.field()),
        (ErrorCode::OutOfRange, "workload.trace.acu")
    );
    assert!(e.message().contains("1 to 31622400 samples"), "{e}");
}

#[test]
fn all_traces_together_hold_at_most_a_month_of_seconds_for_16_instances() {
    assert_eq!(MAX_SCENARIO_SAMPLES, 16 * 744 * 3_600);
    let reader = |n: usize| Reader {
        promotion_tier: 2,
        workload: Some(trace(1, vec![0.0; n])),
    };
    let mut s = Scenario {
        workload: trace(1, vec![0.0; MAX_TRACE_SAMPLES]),
        readers: vec![
            Reader::default(),
            reader(MAX_SCENARIO_SAMPLES - MAX_TRACE_SAMPLES),
            reader(1),
        ],
        ..Scenario::default()
    };
    let e = refused(&s);
    assert_eq!(
        (e.code(), e.field()),
        (ErrorCode::OutOfRange, "readers[2].workload.trace.acu")
    );
    assert_eq!(
        e.message(),
        "must be at most 42854400 samples in all the scenario's traces together, got 42854401"
    );
    // The writer's samples taken out of the scenario still count.
    assert_eq!(s.clone().into_valid().unwrap_err(), e);
    // Exactly at the limit the scenario is valid; each trace is cut to the
    // (here one-hour) month.
    s.readers.pop();
    s.hours_per_month = 1;
    let v = s.validate().expect("at the limit");
    assert!(v.instances.iter().all(|i| i.demand.seconds() == 3_600));
}

#[test]
fn spikes_are_at_most_a_hundred() {
    let spike = Spike {
        extra_acu: 1.0,
        ..Spike::default()
    };
    let mut s = Scenario {
        spikes: vec![spike; MAX_SPIKES],
        ..Scenario::default()
    };
    let v = s.validate().expect("100 spikes");
    // A hundred equal daily spikes stack: 4 + 100 ACU for 15 minutes a day.
    assert_eq!(v.instances[0].demand.peak(), 104.0);
    s.spikes.push(Spike::default());
    let e = refused(&s);
    assert_eq!((e.code(), e.field()), (ErrorCode::OutOfRange, "spikes"));
    assert_eq!(e.message(), "must be a list of at most 100 spikes, got 101");
}

#[test]
fn levels_add_up_to_at_most_the_longest_month() {
    let level = |hours| Level { acu: 2.0, hours };
    let s = Scenario {
        workload: Workload::Levels(vec![level(744.0), level(0.0)]),
        ..Scenario::default()
    };
    assert_eq!(
        s.validate().expect("744 h").instances[0].demand.seconds(),
        744 * 3_600
    );
    // A million levels of 744 h would be 84,000 years: refused at the
    // second, not after laying them out.
    let e = refused(&Scenario {
        workload: Workload::Levels(vec![level(744.0); 1_000_000]),
        ..Scenario::default()
    });
    assert_eq!(
        (e.code(), e.field()),
        (ErrorCode::OutOfRange, "workload.levels")
    );
    assert!(e.message().contains("at most 744 hours"), "{e}");
    assert!(e.message().contains("levels[1]"), "{e}");
}

#[test]
fn the_largest_legal_cluster_is_priced_exactly() {
    // Every quantity at its limit, catalog prices: about $410 billion a
    // month (nearly all Data API), inside the ~$768 billion whose year fits.
    let s = Scenario {
        hours_per_month: 744,
        scaling: Scaling {
            min_acu: 256.0,
            max_acu: 256.0,
            seconds_until_auto_pause: None,
        },
        workload: Workload::BusinessHours(BusinessHours {
            peak_acu: 100_000.0,
            ..BusinessHours::default()
        }),
        readers: vec![Reader::default(); 15],
        storage_gb: 1e6,
        backup_storage_gb: 1e6,
        io: IoUsage::Rates {
            baseline_per_second: 1e9,
            peak_per_second: 1e9,
            peak_hours_per_month: 744.0,
        },
        extras: Extras {
            rds_proxy: true,
            data_api_requests: 1e15,
            data_api_payload_kb: 65_536.0,
            snapshot_export_gb: 1e6,
            database_insights: DatabaseInsights::Advanced,
            ..Extras::default()
        },
        ..Scenario::default()
    };
    let report = estimate(&s).expect("priced");
    // 16 × 256 ACU × 744 h × $0.12 of compute alone.
    assert_eq!(
        report.lines[0].cost_micro_usd.unwrap().micros(),
        256 * 744 * 120_000
    );
    let sum = acumen::Money::checked_sum(report.lines.iter().filter_map(|l| l.cost_micro_usd));
    assert_eq!(sum, Some(report.total_micro_usd));
    assert!(report.total_micro_usd.micros() > 400_000_000_000_000_000);
    assert_eq!(
        report.total_micro_usd.checked_mul(12),
        Some(report.yearly_micro_usd)
    );
}

fn overflowing(s: &Scenario) -> Error {
    match estimate(s) {
        Ok(r) => panic!("priced at {}", r.total_micro_usd),
        Err(e) => e,
    }
}

#[test]
fn a_line_beyond_nine_trillion_dollars_is_an_overflow_error() {
    // 10^15 I/O requests at $1,000,000 per million: $10^15.
    let e = overflowing(&Scenario {
        io: IoUsage::Monthly { requests: 1e15 },
        price_overrides: PriceOverrides {
            io_requests: Some(1e6),
            ..PriceOverrides::default()
        },
        ..Scenario::default()
    });
    assert_eq!(e.code(), ErrorCode::Overflow, "{e}");
    // Named after the price that drives it.
    assert_eq!(e.field(), "priceOverrides.ioRequests", "{e}");
    assert!(e.message().contains("I/O request cost is too large"), "{e}");
}

#[test]
fn a_total_beyond_nine_trillion_dollars_is_an_overflow_error() {
    // Each line fits (at most $3.05 trillion), their sum does not.
    let e = overflowing(&Scenario {
        hours_per_month: 744,
        scaling: Scaling {
            min_acu: 256.0,
            max_acu: 256.0,
            seconds_until_auto_pause: None,
        },
        readers: vec![Reader::default(); 15],
        storage_gb: 1e6,
        backup_storage_gb: 1e6,
        extras: Extras {
            rds_proxy: true,
            snapshot_export_gb: 1e6,
            extended_support: true,
            ..Extras::default()
        },
        price_overrides: PriceOverrides {
            serverless_standard: Some(1e6),
            storage_standard: Some(1e6),
            proxy_serverless: Some(1e6),
            extended_support: Some(1e6),
            snapshot_export: Some(1e6),
            ..PriceOverrides::default()
        },
        ..Scenario::default()
    });
    assert_eq!(e.code(), ErrorCode::Overflow, "{e}");
    // The largest line: Extended Support on all 16 instances × 256 ACU ×
    // 744 h at $1,000,000 per ACU-hour (RDS Proxy's ties it; the later wins).
    assert_eq!(e.field(), "priceOverrides.extendedSupport", "{e}");
    assert!(e.message().contains("month's total"), "{e}");
}

#[test]
fn a_month_whose_year_does_not_fit_is_an_overflow_error() {
    // About $8.1 trillion a month fits a Money; the report's yearly figure
    // (× 12) does not, so the estimate is refused rather than half-reported.
    // With the yearly figure bounded ($768 billion a month at most), the
    // storage comparison, which prices the same usage on the other storage
    // type (at most 16 × 256 ACU × 744 h and 10^6 GB more, about $4.1
    // trillion at $10^6 a unit), cannot overflow either.
    let e = overflowing(&Scenario {
        hours_per_month: 744,
        scaling: Scaling {
            min_acu: 256.0,
            max_acu: 256.0,
            seconds_until_auto_pause: None,
        },
        readers: vec![Reader::default(); 15],
        storage_gb: 0.0,
        backup_storage_gb: 1e6,
        extras: Extras {
            rds_proxy: true,
            snapshot_export_gb: 1e6,
            extended_support: true,
            ..Extras::default()
        },
        price_overrides: PriceOverrides {
            serverless_io_optimized: Some(1e6),
            proxy_serverless: Some(1e6),
            extended_support: Some(1e6),
            snapshot_export: Some(1e6),
            backup: Some(1e6),
            ..PriceOverrides::default()
        },
        ..Scenario::default()
    });
    assert_eq!(e.code(), ErrorCode::Overflow, "{e}");
    // The largest line, as above.
    assert_eq!(e.field(), "priceOverrides.extendedSupport", "{e}");
    assert!(e.message().contains("yearly figure"), "{e}");
}
