//! A per-second trace is held as samples and simulated by the per-second
//! kernel; held as runs (equal neighbours merged, as every other workload
//! is) it walks the segment path. Both must give the same report, to the
//! last field, and the same errors.

use acumen::scenario::{Extras, Reader};
use acumen::workload::Trace;
use acumen::{ErrorCode, Scaling, Scenario, Workload, estimate_valid};
use proptest::prelude::*;

/// A random walk on the 0.5-ACU grid with off-grid noise, idle stretches
/// and rare bursts, so runs, pauses and scale steps all occur.
fn samples() -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec((0u8..8, 0u8..4), 1..4_000).prop_map(|steps| {
        let mut level = 4.0f64;
        steps
            .into_iter()
            .map(|(step, noise)| {
                level = match step {
                    0 => (level - 0.5).max(0.0),
                    1 => level + 0.5,
                    2 => 0.0,
                    3 if noise == 0 => 40.0,
                    _ => level,
                };
                if level > 0.0 && noise == 1 {
                    level + 0.2
                } else {
                    level
                }
            })
            .collect()
    })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        samples(),
        (0u16..=4, prop::sample::select(vec![8u16, 16, 32, 128])),
        prop::sample::select(vec![300u32, 600, 3_600]),
        1u32..=2,
        proptest::collection::vec((0u8..=15, any::<bool>()), 0..=2),
        any::<bool>(),
    )
        .prop_map(|(acu, (min, max), pause, hours, readers, proxy)| {
            let trace = |acu: Vec<f64>| {
                Workload::Trace(Trace {
                    interval_seconds: 1,
                    acu,
                })
            };
            Scenario {
                hours_per_month: hours,
                scaling: Scaling {
                    min_acu: f64::from(min) / 2.0,
                    max_acu: f64::from(max) / 2.0,
                    seconds_until_auto_pause: Some(pause),
                },
                readers: readers
                    .into_iter()
                    .map(|(tier, own)| Reader {
                        promotion_tier: tier,
                        // A reader of its own: half the writer's demand.
                        workload: own.then(|| trace(acu.iter().map(|a| a / 2.0).collect())),
                    })
                    .collect(),
                extras: Extras {
                    rds_proxy: proxy,
                    ..Extras::default()
                },
                workload: trace(acu),
                ..Scenario::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn samples_and_runs_give_the_same_report(s in scenario()) {
        let held = s.validate().unwrap();
        prop_assert!(held.instances.iter().all(|i| i.demand.run_count() as u64 == i.demand.seconds()));
        let mut as_runs = held.clone();
        for instance in &mut as_runs.instances {
            instance.demand = instance.demand.to_runs();
        }
        prop_assert_eq!(estimate_valid(&held).unwrap(), estimate_valid(&as_runs).unwrap());
    }
}

/// A month of samples is held as samples, not runs: 12 bytes a second.
#[test]
fn a_second_a_sample_is_held_as_samples() {
    let s = Scenario {
        hours_per_month: 1,
        workload: Workload::Trace(Trace {
            interval_seconds: 1,
            acu: vec![2.0; 3_600],
        }),
        ..Scenario::default()
    };
    let demand = &s.validate().unwrap().instances[0].demand;
    assert_eq!((demand.run_count(), demand.seconds()), (3_600, 3_600));
    // As runs, the same demand is one segment.
    assert_eq!(demand.to_runs().run_count(), 1);
}

/// Every sample is checked, those beyond the month too, and the first bad
/// one is named, as for any other interval.
#[test]
fn a_bad_sample_is_named_wherever_it_is() {
    let month = 3_600;
    for (at, value, code) in [
        (5, f64::NAN, ErrorCode::NotANumber),
        (6, -1.0, ErrorCode::OutOfRange),
        (7, 100_000.5, ErrorCode::OutOfRange),
        (month + 10, f64::INFINITY, ErrorCode::NotANumber),
    ] {
        for interval in [1, 2] {
            let mut acu = vec![1.0; 2 * month];
            acu[at] = value;
            acu[at + 3] = -5.0;
            let s = Scenario {
                hours_per_month: 1,
                workload: Workload::Trace(Trace {
                    interval_seconds: interval,
                    acu,
                }),
                ..Scenario::default()
            };
            let e = s.validate().unwrap_err();
            assert_eq!(
                (e.code(), e.field()),
                (code, format!("workload.trace.acu[{at}]").as_str()),
                "interval {interval}: {e}"
            );
        }
    }
}
