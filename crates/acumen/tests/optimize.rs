//! The optimiser against brute force, and its answers on simple loads.

use acumen::optimize::{OptimizeOptions, optimize};
use acumen::scenario::{BusinessHours, Trace};
use acumen::{Scaling, Scenario, Workload, estimate};

fn brute_force(s: &Scenario, limit: f64, lowest_min: u16) -> Option<(f64, f64, i64)> {
    // Every pair up to the peak, each priced by the full estimate.
    let mut best: Option<(f64, f64, i64)> = None;
    for max in 2..=16u16 {
        for min in lowest_min..=max {
            let mut t = s.clone();
            t.scaling = Scaling {
                min_acu: f64::from(min) / 2.0,
                max_acu: f64::from(max) / 2.0,
                seconds_until_auto_pause: None,
            };
            let r = estimate(&t).unwrap();
            let compute: i64 = r
                .lines
                .iter()
                .filter(|l| l.component == acumen::report::Component::Compute)
                .map(|l| l.cost_micro_usd.unwrap().micros())
                .sum();
            let unmet_share = {
                let o = optimize(
                    &t,
                    &OptimizeOptions {
                        max_unmet_share: 1.0,
                        ..OptimizeOptions::default()
                    },
                )
                .unwrap();
                o.current.unmet_share
            };
            if unmet_share <= limit && best.is_none_or(|b| compute < b.2) {
                best = Some((f64::from(min) / 2.0, f64::from(max) / 2.0, compute));
            }
        }
    }
    best
}

#[test]
fn steady_load_needs_exactly_its_level() {
    let s = Scenario {
        workload: Workload::Steady { acu: 6.0 },
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let o = optimize(&s, &OptimizeOptions::default()).unwrap();
    let best = o.best.unwrap();
    // 6 ACU × 730 h × $0.12 = $525.60, at max 6 and any min up to 6 (and
    // above: capacity follows the need). The default 0.5–16 ACU costs that
    // too, so it is kept.
    assert_eq!((best.min_acu, best.max_acu), (0.5, 16.0));
    assert_eq!(best, o.current);
    assert_eq!(best.compute_micro_usd.micros(), 525_600_000);
    assert_eq!(best.unmet_share, 0.0);
    // Capped below the need, the frontier shows the trade-off.
    assert!(o.frontier.len() >= 2);
    assert!(
        o.frontier
            .windows(2)
            .all(|w| w[0].compute_micro_usd <= w[1].compute_micro_usd
                && w[0].unmet_share > w[1].unmet_share)
    );
}

#[test]
fn an_exact_tie_keeps_the_current_range_and_a_saving_replaces_it() {
    // Steady 6 ACU. From 0.5–10 ACU nothing is cheaper: every range whose
    // minimum is at most 6 and maximum at least 6 costs 6 × 730 × $0.12 =
    // $525.60, so the answer is the current range, not another of equal cost.
    let steady = |min_acu: f64, max_acu: f64| Scenario {
        workload: Workload::Steady { acu: 6.0 },
        storage_gb: 0.0,
        scaling: Scaling {
            min_acu,
            max_acu,
            seconds_until_auto_pause: None,
        },
        ..Scenario::default()
    };
    let o = optimize(&steady(0.5, 10.0), &OptimizeOptions::default()).unwrap();
    let best = o.best.unwrap();
    assert_eq!((best.min_acu, best.max_acu), (0.5, 10.0));
    assert_eq!(best.compute_micro_usd.micros(), 525_600_000);
    // Nothing on the frontier within the limit is cheaper.
    assert!(
        o.frontier
            .iter()
            .filter(|c| c.unmet_share <= 0.001)
            .all(|c| c.compute_micro_usd.micros() >= 525_600_000)
    );

    // Held at 8 ACU it costs 8 × 730 × $0.12 = $700.80: a range that ends at
    // 6 ACU saves $175.20 and is the answer.
    let o = optimize(&steady(8.0, 10.0), &OptimizeOptions::default()).unwrap();
    assert_eq!(o.current.compute_micro_usd.micros(), 700_800_000);
    let best = o.best.unwrap();
    assert_eq!(best.compute_micro_usd.micros(), 525_600_000);
    assert!(best.min_acu <= 6.0 && best.max_acu == 6.0, "{best:?}");

    // A current range that misses the limit is never kept: capped at 4 ACU
    // it leaves a third of the demand unserved.
    let o = optimize(&steady(0.5, 4.0), &OptimizeOptions::default()).unwrap();
    assert!(o.current.unmet_share > 0.3);
    assert_eq!(o.best.unwrap().max_acu, 6.0);

    // With a fixed minimum the search keeps the smallest maximum, tie or not.
    let fixed = OptimizeOptions {
        min_acu: Some(0.5),
        ..OptimizeOptions::default()
    };
    let o = optimize(&steady(0.5, 10.0), &fixed).unwrap();
    assert_eq!(o.best.unwrap().max_acu, 6.0);
}

#[test]
fn matches_brute_force_on_a_bursty_day() {
    // A 24 h trace in 10-minute samples: quiet nights, a morning burst, an afternoon bump.
    let mut acu = vec![0.5; 144];
    for v in &mut acu[48..60] {
        *v = 7.5;
    }
    for v in &mut acu[84..96] {
        *v = 3.0;
    }
    let s = Scenario {
        hours_per_month: 24,
        workload: Workload::Trace(Trace {
            interval_seconds: 600,
            acu,
        }),
        storage_gb: 0.0,
        engine_version: Some("15.4".into()), // no auto-pause: min from 0.5
        ..Scenario::default()
    };
    for limit in [0.0, 0.001, 0.01, 0.05] {
        let o = optimize(
            &s,
            &OptimizeOptions {
                max_unmet_share: limit,
                ..OptimizeOptions::default()
            },
        )
        .unwrap();
        let best = o.best.unwrap();
        let expected = brute_force(&s, limit, 1).unwrap();
        assert_eq!(
            best.compute_micro_usd.micros(),
            expected.2,
            "limit {limit}: {best:?} vs {expected:?}"
        );
        assert!(best.unmet_share <= limit);
    }
}

#[test]
fn business_hours_trade_off_and_bounds() {
    let s = Scenario {
        workload: Workload::BusinessHours(BusinessHours {
            peak_acu: 12.0,
            off_peak_acu: 1.0,
            ..BusinessHours::default()
        }),
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let o = optimize(
        &s,
        &OptimizeOptions {
            max_unmet_share: 0.01,
            ..OptimizeOptions::default()
        },
    )
    .unwrap();
    let best = o.best.unwrap();
    assert!(best.min_acu <= best.max_acu);
    assert!(best.compute_micro_usd <= o.current.compute_micro_usd);
    // Capacity never rises above the 12-ACU peak, so a range reaching past it
    // costs what one ending at the peak costs: a different range is chosen
    // only for a saving, and then ends at or below the peak.
    assert!(
        best == o.current
            || (best.max_acu <= 12.0 && best.compute_micro_usd < o.current.compute_micro_usd)
    );
    assert!(o.evaluated < 200, "{}", o.evaluated);
    let e = optimize(
        &s,
        &OptimizeOptions {
            max_unmet_share: 2.0,
            ..OptimizeOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), "maxUnmetShare");
}

#[test]
fn a_week_of_one_minute_samples_is_searched_as_given() {
    // The benchmark's trace (benches/simulate.rs): a daily cycle of 1–14
    // ACU with noise. Far within the work budget, so neither resampled nor
    // thinned: the same 84 ranges and answer as before the budget existed.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let acu = (0..7 * 24 * 60)
        .map(|minute| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let base = if (8..18).contains(&((minute / 60) % 24)) {
                10.0
            } else {
                1.5
            };
            base + (state % 9) as f64 * 0.5
        })
        .collect();
    // Platform version 2, whose controller this vector was computed with
    // (the search prunes by the cost it sees, so the controller changes the
    // count of ranges tried).
    let s = Scenario {
        hours_per_month: 168,
        platform_version: Some(2),
        workload: Workload::Trace(Trace {
            interval_seconds: 60,
            acu,
        }),
        ..Scenario::default()
    };
    let o = optimize(&s, &OptimizeOptions::default()).unwrap();
    assert_eq!(
        (o.resampled_seconds, o.minimum_step_acu, o.note.as_deref()),
        (None, 0.5, None)
    );
    assert_eq!(o.evaluated, 84);
    let best = o.best.unwrap();
    assert_eq!((best.min_acu, best.max_acu), (4.5, 14.0));
    assert_eq!(best.compute_micro_usd.micros(), 163_689_883);
}

#[test]
fn two_days_of_one_second_samples_stay_within_the_work_budget() {
    // 172,800 samples over 0–64 ACU: far over the work budget searched in
    // full (about 900 ranges × 172,800 stretches and more capacity
    // changes), so fewer minima are tried or the demand is resampled, and
    // the note says which.
    let mut x = 1u64;
    let mut level = 16.0f64;
    let acu = (0..2 * 86_400)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            level = (level + ((x >> 33) % 9) as f64 * 0.25 - 1.0).clamp(0.0, 64.0);
            level
        })
        .collect();
    let s = Scenario {
        hours_per_month: 48,
        workload: Workload::Trace(Trace {
            interval_seconds: 1,
            acu,
        }),
        ..Scenario::default()
    };
    let o = optimize(&s, &OptimizeOptions::default()).unwrap();
    let note = o.note.expect("a note");
    assert!(note.contains("work budget"), "{note}");
    assert_eq!(
        note.contains("the demand was resampled to"),
        o.resampled_seconds.is_some(),
        "{note}"
    );
    assert_eq!(
        note.contains("minima were tried every"),
        o.minimum_step_acu > 0.5,
        "{note}"
    );
    assert!(o.evaluated < 300, "{}", o.evaluated);
    assert!(o.best.is_some());
}

#[test]
fn a_fixed_minimum_searches_only_the_maxima() {
    // Business hours at 6 ACU, 1 ACU otherwise. With the minimum kept at
    // 1 ACU, the cheapest maximum is the peak (capacity never needs more):
    // the same range brute force finds among the ranges with that minimum.
    let s = Scenario {
        workload: Workload::BusinessHours(BusinessHours {
            peak_acu: 6.0,
            off_peak_acu: 1.0,
            hours_per_day: 10,
            start_hour: 8,
            days_per_week: 5,
        }),
        ..Scenario::default()
    };
    let fixed = OptimizeOptions {
        min_acu: Some(1.0),
        ..OptimizeOptions::default()
    };
    let o = optimize(&s, &fixed).unwrap();
    let best = o.best.unwrap();
    assert_eq!((best.min_acu, best.max_acu), (1.0, 6.0));
    // The scenario's own range, the widest (1-6) and a binary search over
    // the maxima 1..6 (at most 4 more): far fewer than the full search.
    let full = optimize(&s, &OptimizeOptions::default()).unwrap();
    assert!(
        o.evaluated <= 6 && o.evaluated < full.evaluated,
        "{} vs {}",
        o.evaluated,
        full.evaluated
    );

    let off_grid = OptimizeOptions {
        min_acu: Some(0.3),
        ..OptimizeOptions::default()
    };
    let e = optimize(&s, &off_grid).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        (acumen::ErrorCode::OffGrid, "minAcu")
    );
    let mut proxied = s.clone();
    proxied.extras.rds_proxy = true;
    let zero = OptimizeOptions {
        min_acu: Some(0.0),
        ..OptimizeOptions::default()
    };
    let e = optimize(&proxied, &zero).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        (acumen::ErrorCode::OutOfRange, "minAcu")
    );
}
