//! A per-second trace is held as samples and simulated by the per-second
//! kernel; held as runs (equal neighbours merged, as every other workload
//! is) it walks the segment path. Both must give the same report, to the
//! last field, and the same errors.

use acumen::scenario::{Extras, Reader};
use acumen::workload::Trace;
use acumen::{ErrorCode, Report, Scaling, Scenario, Workload, estimate_valid};
use proptest::prelude::*;

/// A random walk on the 0.5-ACU grid with off-grid noise, idle stretches
/// (some long enough to pause) and rare bursts, so runs, pauses and scale
/// steps all occur.
fn samples() -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec((0u8..8, 0u8..4), 1..4_000).prop_map(|steps| {
        let mut level = 4.0f64;
        steps
            .into_iter()
            .flat_map(|(step, noise)| {
                level = match step {
                    0 => (level - 0.5).max(0.0),
                    1 => level + 0.5,
                    2 => 0.0,
                    3 if noise == 0 => 40.0,
                    _ => level,
                };
                let sample = if level > 0.0 && noise == 1 {
                    level + 0.2
                } else {
                    level
                };
                let long_idle = step == 2 && noise == 3;
                core::iter::repeat_n(sample, if long_idle { 700 } else { 1 })
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
        proptest::collection::vec((0u8..=15, 0u8..3), 0..=2),
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
                    .map(|(tier, kind)| Reader {
                        promotion_tier: tier,
                        workload: match kind {
                            // The writer's demand.
                            0 => None,
                            // Twice the writer's demand: busy when it is,
                            // with a higher peak.
                            1 => Some(trace(acu.iter().map(|a| a * 2.0).collect())),
                            // Busy while the writer idles, which wakes it.
                            _ => Some(trace(
                                acu.iter()
                                    .map(|&a| if a == 0.0 { 1.5 } else { 0.0 })
                                    .collect(),
                            )),
                        },
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

/// The report of `s`, its per-second trace held as samples, and held as runs.
fn both_ways(s: &Scenario) -> (Report, Report) {
    let held = s.validate().unwrap();
    assert!(
        held.instances
            .iter()
            .all(|i| i.demand.run_count() as u64 == i.demand.seconds())
    );
    let mut as_runs = held.clone();
    for instance in &mut as_runs.instances {
        instance.demand = instance.demand.to_runs();
    }
    (
        estimate_valid(&held).unwrap(),
        estimate_valid(&as_runs).unwrap(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn samples_and_runs_give_the_same_report(s in scenario()) {
        let (held, runs) = both_ways(&s);
        prop_assert_eq!(&held, &runs);
        // The scenario taken rather than borrowed (its writer's samples
        // adopted by the timeline, not copied): the same report.
        let taken = estimate_valid(&s.into_valid().unwrap()).unwrap();
        prop_assert_eq!(taken, held);
    }
}

/// Idle stretches long enough to pause, starting and ending inside and on
/// the edges of 64-second blocks: the advice's longest idle stretch and the
/// total with a minimum of 0 agree both ways.
#[test]
fn long_idle_stretches_are_measured_alike() {
    let mut acu = Vec::new();
    for (seconds, level) in [
        (600, 2.0),
        (1_000, 0.0),
        (5, 1.0),
        (2_048, 0.0),
        (63, 3.5),
        (1, 0.0),
    ] {
        acu.extend(std::iter::repeat_n(level, seconds));
    }
    let s = Scenario {
        hours_per_month: 2,
        scaling: Scaling {
            min_acu: 1.0,
            max_acu: 8.0,
            seconds_until_auto_pause: Some(300),
        },
        workload: Workload::Trace(Trace {
            interval_seconds: 1,
            acu,
        }),
        ..Scenario::default()
    };
    let (held, runs) = both_ways(&s);
    assert_eq!(held, runs);
    // The longest stretch is the 2,048 idle seconds (0.57 h), long enough
    // to pause after 300 s: the advice says so.
    let pause = held
        .advice
        .iter()
        .find(|a| a.recommendation == "set the minimum to 0 to let the cluster pause when idle");
    assert!(
        pause.is_some_and(|a| a
            .reason
            .starts_with("it is idle for up to 0.6 h at a stretch")),
        "{:#?}",
        held.advice
    );
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
            let taken = s.into_valid().unwrap_err();
            assert_eq!(taken.to_string(), e.to_string());
            assert_eq!(
                (e.code(), e.field()),
                (code, format!("workload.trace.acu[{at}]").as_str()),
                "interval {interval}: {e}"
            );
        }
    }
}
