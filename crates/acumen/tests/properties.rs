//! Properties of the estimate that must hold for every valid input.

use acumen::scenario::PriceOverrides;
use acumen::{Scaling, Scenario, StorageType, Workload, estimate};
use proptest::prelude::*;

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        0u16..=16,         // min, in half-ACUs
        2u16..=512,        // max, in half-ACUs
        0.0f64..600.0,     // demand
        0.0f64..100_000.0, // storage GB
        1u32..=744,
        any::<bool>(),
    )
        .prop_map(|(min, max, demand, storage_gb, hours, io)| Scenario {
            scaling: Scaling {
                min_acu: f64::from(min.min(max)) / 2.0,
                max_acu: f64::from(max) / 2.0,
                seconds_until_auto_pause: None,
            },
            workload: Workload::Steady { acu: demand },
            storage_gb,
            hours_per_month: hours,
            storage_type: if io {
                StorageType::IoOptimized
            } else {
                StorageType::Standard
            },
            ..Scenario::default()
        })
}

proptest! {
    #[test]
    fn total_is_the_sum_of_non_negative_lines(s in scenario()) {
        let r = estimate(&s).unwrap();
        let sum: i64 = r.lines.iter().map(|l| l.cost_micro_usd.unwrap().micros()).sum();
        prop_assert_eq!(sum, r.total_micro_usd.micros());
        prop_assert!(r.lines.iter().all(|l| l.cost_micro_usd.unwrap().micros() >= 0 && l.quantity.is_finite()));
        prop_assert_eq!(r.yearly_micro_usd.micros(), 12 * r.total_micro_usd.micros());
    }

    #[test]
    fn capacity_stays_within_the_scaling_range(s in scenario()) {
        let r = estimate(&s).unwrap();
        let avg = r.instances[0].average_acu;
        let paused = s.scaling.min_acu == 0.0 && matches!(s.workload, Workload::Steady { acu } if acu == 0.0);
        prop_assert!(paused || (avg >= s.scaling.min_acu.max(0.5) && avg <= s.scaling.max_acu));
        // Exact usage: capacity × hours, in half-ACU-seconds.
        prop_assert_eq!(
            r.instances[0].half_acu_seconds,
            (avg * 2.0) as u64 * u64::from(s.hours_per_month) * 3600
        );
    }

    #[test]
    fn cost_is_monotone_in_demand_and_price(s in scenario(), extra in 0.0f64..50.0, price in 0.0f64..2.0, bump in 0.0f64..1.0) {
        let base = estimate(&s).unwrap();
        let Workload::Steady { acu } = s.workload else { return Ok(()) };
        let more = Scenario { workload: Workload::Steady { acu: acu + extra }, ..s.clone() };
        prop_assert!(estimate(&more).unwrap().total_micro_usd >= base.total_micro_usd);
        let overrides = |p: f64| PriceOverrides {
            serverless_standard: Some(p),
            serverless_io_optimized: Some(p),
            ..PriceOverrides::default()
        };
        let cheap = Scenario { price_overrides: overrides(price), ..s.clone() };
        let dear = Scenario { price_overrides: overrides(price + bump), ..s };
        prop_assert!(estimate(&dear).unwrap().total_micro_usd >= estimate(&cheap).unwrap().total_micro_usd);
    }

    #[test]
    fn every_rejection_names_a_field(
        min in -10.0f64..300.0,
        max in -10.0f64..300.0,
        demand in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -1e9f64..1e9],
        storage in prop_oneof![Just(f64::NAN), -1e7f64..1e7],
        hours in 0u32..2000,
    ) {
        let s = Scenario {
            scaling: Scaling { min_acu: min, max_acu: max, seconds_until_auto_pause: None },
            workload: Workload::Steady { acu: demand },
            storage_gb: storage,
            hours_per_month: hours,
            ..Scenario::default()
        };
        match estimate(&s) {
            Ok(r) => prop_assert!(r.total_micro_usd.micros() >= 0),
            Err(e) => {
                prop_assert!(!e.field().is_empty(), "{e}");
                prop_assert!(e.to_string().starts_with(e.field()));
            }
        }
    }
}

mod regrouping {
    use acumen::scenario::{Level, Trace};
    use acumen::{Scenario, Workload, estimate};
    use proptest::prelude::*;

    fn month(workload: Workload, hours: u32) -> Scenario {
        Scenario {
            workload,
            hours_per_month: hours,
            storage_gb: 0.0,
            ..Scenario::default()
        }
    }

    proptest! {
        #[test]
        fn levels_cost_the_same_in_any_order(
            levels in prop::collection::vec((0.0f64..40.0, 1u32..100), 1..6),
            rotate in 0usize..6,
        ) {
            let levels: Vec<Level> = levels
                .into_iter()
                .map(|(acu, hours)| Level { acu, hours: f64::from(hours) })
                .collect();
            let mut turned = levels.clone();
            let n = turned.len();
            turned.rotate_left(rotate % n);
            turned.reverse();
            let a = estimate(&month(Workload::Levels(levels), 730)).unwrap();
            let b = estimate(&month(Workload::Levels(turned), 730)).unwrap();
            // Ideal tracking depends only on the time spent at each level.
            prop_assert_eq!(a.ideal.total_micro_usd, b.ideal.total_micro_usd);
        }

        #[test]
        fn a_trace_split_into_finer_equal_samples_is_the_same_trace(
            samples in prop::collection::vec(0.0f64..20.0, 1..50),
            split in 1u32..6,
            hours in 1u32..48,
        ) {
            let coarse = Trace { interval_seconds: 60 * split, acu: samples.clone() };
            let fine = Trace {
                interval_seconds: 60,
                acu: samples.iter().flat_map(|a| std::iter::repeat_n(*a, split as usize)).collect(),
            };
            let a = estimate(&month(Workload::Trace(coarse), hours)).unwrap();
            let b = estimate(&month(Workload::Trace(fine), hours)).unwrap();
            // Exactly equal: ideal and simulated, line by line.
            prop_assert_eq!(a.ideal.total_micro_usd, b.ideal.total_micro_usd);
            prop_assert_eq!(a.total_micro_usd, b.total_micro_usd);
            prop_assert_eq!(a.lines, b.lines);
        }

        #[test]
        fn compute_is_additive_over_instances(acu in 0.0f64..30.0, tier in 2u8..16) {
            use acumen::scenario::Reader;
            let one = month(Workload::Steady { acu }, 730);
            let two = Scenario { readers: vec![Reader { promotion_tier: tier, workload: None }], ..one.clone() };
            let a = estimate(&one).unwrap();
            let b = estimate(&two).unwrap();
            // A reader with the writer's steady load bills exactly the writer's compute again.
            prop_assert_eq!(
                b.total_micro_usd.micros() - a.total_micro_usd.micros(),
                a.lines[0].cost_micro_usd.unwrap().micros()
            );
        }
    }
}
