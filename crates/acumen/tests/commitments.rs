//! Database Savings Plans as AWS bills them: an hourly commitment paid every
//! hour, usage drawn from it at the plan rate and beyond it at on-demand.
//! Hand-computed vectors, properties of the cost curve, the plan in the
//! comparison, and bad inputs.

use acumen::compare::{HourlyLoad, OptionKind, Plan};
use acumen::{ErrorCode, Money, UnitPrice};

/// Half-ACU-seconds in an hour at `acu` ACUs.
fn hour_at(acu: u64) -> u64 {
    acu * 2 * 3600
}

const ON_DEMAND: UnitPrice = UnitPrice::from_nanos(120_000_000); // $0.12 per ACU-hour
const RATE_20: UnitPrice = UnitPrice::from_nanos(96_000_000); // 20 % off
const RATE_35: UnitPrice = UnitPrice::from_nanos(78_000_000); // 35 % off
const FIELD: &str = "compare.serverlessSavingsPlanDiscount";

fn usd(micros: i64) -> Money {
    Money::from_micros(micros)
}

/// `count` hours at `a` ACUs then `rest` hours at `b` ACUs.
fn two_levels(count: usize, a: u64, rest: usize, b: u64) -> HourlyLoad {
    let mut hours = vec![hour_at(a); count];
    hours.extend(vec![hour_at(b); rest]);
    HourlyLoad::serverless(hours, ON_DEMAND)
}

#[test]
fn a_steady_load_is_covered_in_full() {
    let load = HourlyLoad::serverless(vec![hour_at(2); 730], ON_DEMAND);
    let plan = Plan::new(&load, Some(RATE_20), FIELD).unwrap();
    // Every hour uses 2 ACU: the plan rate for it is 2 × $0.096 = $0.192 an hour.
    let best = plan.outcome(plan.best().unwrap()).unwrap();
    assert_eq!(best.hourly_micro_usd, usd(192_000));
    // 730 × $0.192 = $140.16 against 730 × 2 × $0.12 = $175.20: $35.04 (20 %) saved.
    assert_eq!(best.monthly_micro_usd, usd(140_160_000));
    assert_eq!(plan.monthly(Money::ZERO).unwrap(), usd(175_200_000));
    assert_eq!(best.saving_micro_usd, usd(35_040_000));
    assert!((best.saving_share - 0.2).abs() < 1e-12);
    assert!((best.utilisation - 1.0).abs() < 1e-12);
}

#[test]
fn a_business_hours_load_commits_to_the_off_peak_level() {
    // 220 business hours at 16 ACU, 510 other hours at 2 ACU, 20 % off.
    let load = two_levels(220, 16, 510, 2);
    let plan = Plan::new(&load, Some(RATE_20), FIELD).unwrap();
    // A dollar more of commitment is paid in all 730 hours but saves only in
    // the hours above it. Sorted from the smallest, the best level is the
    // ⌈0.2 × 730⌉ = 146th hour, one of the 510 at 2 ACU: commit 2 × $0.096 = $0.192.
    let best = plan.best().unwrap();
    assert_eq!(best, usd(192_000));
    // 730 × $0.192 + 220 × (16 − 2) × $0.12 = $140.16 + $369.60 = $509.76.
    assert_eq!(plan.monthly(best).unwrap(), usd(509_760_000));
    // On-demand: 220 × 16 × $0.12 + 510 × 2 × $0.12 = $422.40 + $122.40 = $544.80.
    assert_eq!(plan.monthly(Money::ZERO).unwrap(), usd(544_800_000));
    // Committing to the peak, 16 × $0.096 = $1.536 an hour: 730 × $1.536 = $1,121.28.
    assert_eq!(plan.monthly(usd(1_536_000)).unwrap(), usd(1_121_280_000));
    // The commitment every hour uses in full.
    assert!((plan.utilisation(best) - 1.0).abs() < 1e-12);

    // Busy 600 of 730 hours: fewer than 146 hours sit at 2 ACU, so the
    // 146th smallest is a 16-ACU hour and the best commitment is the peak.
    let busy = two_levels(600, 16, 130, 2);
    let plan = Plan::new(&busy, Some(RATE_20), FIELD).unwrap();
    assert_eq!(plan.best().unwrap(), usd(1_536_000));
    // 730 × $1.536 = $1,121.28 against 600 × $1.92 + 130 × $0.24 = $1,183.20.
    assert_eq!(plan.monthly(usd(1_536_000)).unwrap(), usd(1_121_280_000));
    assert_eq!(plan.monthly(Money::ZERO).unwrap(), usd(1_183_200_000));
}

#[test]
fn a_load_paused_sixteen_hours_a_day_is_not_worth_a_plan() {
    // 30 days: 8 h at 4 ACU and 16 h paused (0) a day = 240 running hours of 720.
    let mut hours = Vec::new();
    for _ in 0..30 {
        hours.extend(vec![hour_at(4); 8]);
        hours.extend(vec![0; 16]);
    }
    let load = HourlyLoad::serverless(hours, ON_DEMAND);
    let plan = Plan::new(&load, Some(RATE_35), FIELD).unwrap();
    // ⌈0.35 × 720⌉ = 252nd smallest hour is one of the 480 paused ones: commit nothing.
    assert_eq!(plan.best().unwrap(), Money::ZERO);
    // On-demand: 240 × 4 × $0.12 = $115.20.
    assert_eq!(plan.monthly(Money::ZERO).unwrap(), usd(115_200_000));
    // Sized to the average hour: 960 ACU-h × $0.078 / 720 h = $0.104 an hour,
    // which covers $0.104 / $0.078 = 4/3 ACU of each running hour. It costs
    // 720 × $0.104 + 240 × (4 − 4/3) × $0.12 = $74.88 + $76.80 = $151.68,
    // $36.48 more than on-demand.
    assert_eq!(plan.average(), usd(104_000));
    let average = plan.outcome(plan.average()).unwrap();
    assert_eq!(average.monthly_micro_usd, usd(151_680_000));
    assert_eq!(average.saving_micro_usd, usd(-36_480_000));
    // Paid in paused hours too: a third of the commitment is used.
    assert!((average.utilisation - 1.0 / 3.0).abs() < 1e-9);
    // With 70 % off it pays: ⌈0.7 × 720⌉ = 504 > 480, so the 4-ACU level
    // (4 × $0.036 = $0.144 an hour) is the best.
    let plan = Plan::new(&load, Some(UnitPrice::from_nanos(36_000_000)), FIELD).unwrap();
    assert_eq!(plan.best().unwrap(), usd(144_000));
    // 720 × $0.144 = $103.68 < $115.20.
    assert_eq!(plan.monthly(usd(144_000)).unwrap(), usd(103_680_000));
}

#[test]
fn a_commitment_above_any_hour_is_paid_in_full() {
    let load = HourlyLoad::serverless(vec![hour_at(2); 730], ON_DEMAND);
    let plan = Plan::new(&load, Some(RATE_20), FIELD).unwrap();
    // $1 an hour covers every hour's $0.192: 730 × $1 = $730, 19.2 % used.
    assert_eq!(plan.monthly(usd(1_000_000)).unwrap(), usd(730_000_000));
    assert!((plan.utilisation(usd(1_000_000)) - 0.192).abs() < 1e-12);
    let o = plan.outcome(usd(1_000_000)).unwrap();
    // $175.20 − $730 = −$554.80.
    assert_eq!(o.saving_micro_usd, usd(-554_800_000));
}

#[test]
fn no_discount_means_no_commitment() {
    let load = two_levels(220, 16, 510, 2);
    let plan = Plan::new(&load, Some(ON_DEMAND), FIELD).unwrap();
    assert_eq!(plan.best().unwrap(), Money::ZERO);
    assert_eq!(plan.discount(), 0.0);
    // Any commitment costs at least on-demand: $0.24 covers the 2-ACU hours
    // exactly and the rest at on-demand, $544.80 again; $0.50 pays for air.
    let on_demand = plan.monthly(Money::ZERO).unwrap();
    assert_eq!(plan.monthly(usd(240_000)).unwrap(), on_demand);
    // 730 × $0.50 + 220 × (16 × 0.12 − 0.50) = $365 + $312.40 = $677.40.
    assert_eq!(plan.monthly(usd(500_000)).unwrap(), usd(677_400_000));
}

#[test]
fn ties_and_empty_loads_take_the_smallest_commitment() {
    // 10 hours, 20 % off: ⌈0.2 × 10⌉ = 2, the cost is flat between the 2nd
    // and 3rd smallest hours (1 and 3 ACU); the smaller is chosen.
    let load = HourlyLoad::serverless(
        [1, 1, 3, 3, 3, 3, 3, 3, 3, 3].map(hour_at).to_vec(),
        ON_DEMAND,
    );
    let plan = Plan::new(&load, Some(RATE_20), FIELD).unwrap();
    assert_eq!(plan.best().unwrap(), usd(96_000));
    // Flat: both ends cost the same, 10 × $0.096 + 8 × 2 × $0.12 = $2.88 and
    // 10 × $0.288 = $2.88.
    assert_eq!(plan.monthly(usd(96_000)).unwrap(), usd(2_880_000));
    assert_eq!(plan.monthly(usd(288_000)).unwrap(), usd(2_880_000));
    // All hours zero: nothing to commit, nothing to pay.
    let idle = HourlyLoad::serverless(vec![0; 730], ON_DEMAND);
    let plan = Plan::new(&idle, Some(RATE_35), FIELD).unwrap();
    assert_eq!(plan.best().unwrap(), Money::ZERO);
    assert_eq!(plan.monthly(Money::ZERO).unwrap(), Money::ZERO);
}

#[test]
fn a_provisioned_fleet_is_covered_in_full() {
    // Two db.r7g.xlarge at $0.553 an hour, 20 % off: $0.4424 each.
    let fleet = HourlyLoad::fleet(2, 730, UnitPrice::from_nanos(553_000_000));
    let plan = Plan::new(&fleet, Some(UnitPrice::from_nanos(442_400_000)), FIELD).unwrap();
    assert_eq!(plan.best().unwrap(), usd(884_800));
    // 730 × $0.8848 = $645.904 against 730 × $1.106 = $807.38.
    assert_eq!(plan.monthly(usd(884_800)).unwrap(), usd(645_904_000));
    assert_eq!(plan.monthly(Money::ZERO).unwrap(), usd(807_380_000));
}

#[test]
fn bad_inputs_name_their_field() {
    let load = HourlyLoad::serverless(vec![hour_at(2); 24], ON_DEMAND);
    let e = Plan::new(&load, None, FIELD).unwrap_err();
    assert_eq!((e.code(), e.field()), (ErrorCode::UnknownPrice, FIELD));
    let e = Plan::new(&load, Some(UnitPrice::from_nanos(0)), FIELD).unwrap_err();
    assert_eq!((e.code(), e.field()), (ErrorCode::OutOfRange, FIELD));
    let plan = Plan::new(&load, Some(RATE_20), FIELD).unwrap();
    let e = plan.monthly(usd(-1)).unwrap_err();
    assert_eq!((e.code(), e.field()), (ErrorCode::OutOfRange, FIELD));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn load_and_plan() -> impl Strategy<Value = (Vec<u64>, i64, i64)> {
        (
            prop::collection::vec(prop_oneof![Just(0u64), 0u64..200_000, Just(57_600)], 1..80),
            1_000_000i64..2_000_000_000,
            0i64..=900_000,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn the_best_commitment_is_never_beaten((usage, price, ppm) in load_and_plan()) {
            let rate = (price * (1_000_000 - ppm) / 1_000_000).max(1);
            let load = HourlyLoad::serverless(usage.clone(), UnitPrice::from_nanos(price));
            let plan = Plan::new(&load, Some(UnitPrice::from_nanos(rate)), FIELD).unwrap();
            let best = plan.best().unwrap();
            let best_cost = plan.monthly(best).unwrap();
            prop_assert!(best_cost <= plan.monthly(Money::ZERO).unwrap());
            // Every hour's break point (its use at the plan rate), both roundings.
            for &u in &usage {
                let nanos = i128::from(u) * i128::from(rate) / 7200;
                for micros in [nanos / 1000, nanos / 1000 + 1] {
                    let c = Money::from_micros(micros as i64);
                    prop_assert!(best_cost <= plan.monthly(c).unwrap(), "{c} beats {best}");
                }
            }
            // A grid from nothing to beyond the busiest hour.
            let top = plan.busiest().micros() * 3 / 2 + 10;
            for i in 0..=30 {
                let c = Money::from_micros(top * i / 30);
                prop_assert!(best_cost <= plan.monthly(c).unwrap());
            }
        }

        #[test]
        fn the_cost_is_each_hours_cost_summed((usage, price, ppm) in load_and_plan(), c in 0i64..3_000_000) {
            // Hour by hour, as AWS bills it: the commitment, plus the hour's
            // on-demand spend beyond what the commitment covers at the plan
            // rate; in nano-dollars × 7,200 × rate, summed, rounded once.
            let rate = (price * (1_000_000 - ppm) / 1_000_000).max(1);
            let load = HourlyLoad::serverless(usage.clone(), UnitPrice::from_nanos(price));
            let plan = Plan::new(&load, Some(UnitPrice::from_nanos(rate)), FIELD).unwrap();
            let (p, r, c_nanos) = (i128::from(price), i128::from(rate), i128::from(c) * 1000);
            let scaled: i128 = usage
                .iter()
                .map(|&u| c_nanos * r * 7200 + (i128::from(u) * r - c_nanos * 7200).max(0) * p)
                .sum();
            let divisor = r * 7200 * 1000;
            let expected = (scaled + divisor / 2) / divisor;
            prop_assert_eq!(plan.monthly(Money::from_micros(c)).unwrap().micros() as i128, expected);
        }

        #[test]
        fn cost_is_convex_in_the_commitment((usage, price, ppm) in load_and_plan(), step in 1i64..50_000) {
            let rate = (price * (1_000_000 - ppm) / 1_000_000).max(1);
            let load = HourlyLoad::serverless(usage, UnitPrice::from_nanos(price));
            let plan = Plan::new(&load, Some(UnitPrice::from_nanos(rate)), FIELD).unwrap();
            let f = |i: i64| plan.monthly(Money::from_micros(i * step)).unwrap().micros();
            for i in 1..40 {
                // Each cost is rounded once to the micro-dollar (±0.5 each).
                prop_assert!(2 * f(i) <= f(i - 1) + f(i + 1) + 2, "not convex at {}", i * step);
            }
        }
    }
}

mod in_the_comparison {
    use super::*;
    use acumen::compare::{ClassOption, CompareOptions};
    use acumen::prices::{PriceBook, SavingsPlanRate};
    use acumen::scenario::{BusinessHours, Extras};
    use acumen::vocabulary::Payment;
    use acumen::{Report, Scaling, Scenario, Workload, estimate};

    fn steady(acu: f64) -> Scenario {
        Scenario {
            workload: Workload::Steady { acu },
            scaling: Scaling {
                min_acu: acu,
                max_acu: 16.0,
                seconds_until_auto_pause: None,
            },
            storage_gb: 0.0,
            ..Scenario::default()
        }
    }

    fn rows(r: &Report) -> &[acumen::compare::ComparisonRow] {
        &r.comparison.as_ref().unwrap().rows
    }

    fn row<'a>(r: &'a Report, starts: &str) -> &'a acumen::compare::ComparisonRow {
        rows(r)
            .iter()
            .find(|x| x.option.starts_with(starts))
            .unwrap_or_else(|| panic!("no {starts}: {:#?}", rows(r)))
    }

    #[test]
    fn the_simulated_hours_are_exact() {
        let mut s = steady(4.0);
        s.compare.serverless_savings_plan_discount = Some(0.2);
        let r = estimate(&s).unwrap();
        let plan = &r.comparison.as_ref().unwrap().savings_plans[0];
        assert_eq!(plan.covers, "serverless");
        // A floor of 4 ACU every hour: 4 × $0.096 = $0.384 an hour covers it all;
        // 730 × $0.384 = $280.32 against 730 × 4 × $0.12 = $350.40.
        assert_eq!(plan.rate_nano_usd, RATE_20);
        assert_eq!(plan.best.hourly_micro_usd, usd(384_000));
        assert_eq!(plan.best.monthly_micro_usd, usd(280_320_000));
        assert_eq!(plan.on_demand_micro_usd, usd(350_400_000));
        assert_eq!(plan.on_demand_micro_usd, r.lines[0].cost_micro_usd.unwrap());
        assert_eq!(
            row(&r, "serverless with the best Savings Plan ($0.384 an hour)").monthly_micro_usd,
            Some(usd(280_320_000))
        );
        assert_eq!((plan.term_years, plan.payment), (1, Payment::NoUpfront));
        assert!(
            plan.assumptions
                .starts_with("a 1-year term, no upfront (as AWS announced"),
            "{}",
            plan.assumptions
        );
        assert!(plan.assumptions.contains("paused hours too"));
        assert!(
            plan.assumptions
                .ends_with("Reserved Instances do not cover serverless capacity")
        );
        // The curve has the best point on it, and it is the lowest.
        let low = plan
            .curve
            .iter()
            .min_by_key(|p| p.monthly_micro_usd)
            .unwrap();
        assert_eq!(low.monthly_micro_usd, plan.best.monthly_micro_usd);
        assert!(
            plan.curve
                .iter()
                .any(|p| p.hourly_micro_usd == usd(384_000))
        );
        assert!(
            plan.summary.starts_with("commit $0.384 an hour"),
            "{}",
            plan.summary
        );
    }

    #[test]
    fn paused_hours_count_zero_and_the_plan_is_not_worth_it() {
        // Busy 4 h on weekdays at 8 ACU, paused otherwise.
        let s = Scenario {
            workload: Workload::BusinessHours(BusinessHours {
                peak_acu: 8.0,
                off_peak_acu: 0.0,
                hours_per_day: 4,
                ..BusinessHours::default()
            }),
            scaling: Scaling {
                min_acu: 0.0,
                max_acu: 16.0,
                seconds_until_auto_pause: None,
            },
            storage_gb: 0.0,
            compare: CompareOptions {
                serverless_savings_plan_discount: Some(0.35),
                serverless_savings_plan_commitment: Some(0.5),
                ..CompareOptions::default()
            },
            ..Scenario::default()
        };
        let r = estimate(&s).unwrap();
        let plan = &r.comparison.as_ref().unwrap().savings_plans[0];
        assert_eq!(plan.best.hourly_micro_usd, Money::ZERO);
        assert!(
            plan.summary
                .starts_with("a Savings Plan is not worth buying"),
            "{}",
            plan.summary
        );
        assert!(
            plan.summary.contains("more than on-demand"),
            "{}",
            plan.summary
        );
        // The user's $0.50 an hour costs 730 × $0.50 = $365 at least, more than on-demand.
        let yours = plan.yours.as_ref().unwrap();
        assert!(yours.monthly_micro_usd >= usd(365_000_000));
        assert!(yours.saving_micro_usd < Money::ZERO);
        assert!(
            row(&r, "serverless with your Savings Plan ($0.500 an hour)")
                .monthly_micro_usd
                .is_some()
        );
        let advice = r
            .advice
            .iter()
            .find(|a| a.topic == acumen::advise::Topic::SavingsPlan)
            .unwrap();
        assert_eq!(advice.recommendation, "no Savings Plan for this load");
    }

    #[test]
    fn a_price_book_rate_comes_first() {
        let mut s = steady(4.0);
        s.compare.serverless_savings_plan_discount = Some(0.2);
        s.price_book = Some(PriceBook {
            name: "AWS Price List (AWSDatabaseSavingsPlans)".into(),
            as_of: "2026-11-01".into(),
            source: "test".into(),
            savings_plans: vec![SavingsPlanRate {
                region: "us-east-1".into(),
                usage_type: "Aurora:ServerlessV2Usage".into(),
                engine: None,
                term_years: 1,
                payment: Payment::NoUpfront,
                rate: RATE_35,
                rate_code: None,
            }],
            ..PriceBook::default()
        });
        let r = estimate(&s).unwrap();
        let plan = &r.comparison.as_ref().unwrap().savings_plans[0];
        // 4 × $0.078 = $0.312 an hour.
        assert_eq!(plan.best.hourly_micro_usd, usd(312_000));
        assert!(
            plan.rate_source
                .starts_with("AWS Price List (AWSDatabaseSavingsPlans)")
        );
        // A 3-year term is not in the book: the scenario's discount is used.
        s.compare.savings_plan_term_years = Some(3);
        let r = estimate(&s).unwrap();
        let plan = &r.comparison.as_ref().unwrap().savings_plans[0];
        assert_eq!(plan.best.hourly_micro_usd, usd(384_000));
        assert_eq!(plan.term_years, 3);
    }

    #[test]
    fn without_a_rate_the_plan_is_unknown_not_guessed() {
        let r = estimate(&steady(4.0)).unwrap();
        let sp = row(&r, "serverless with the best Savings Plan");
        assert_eq!(sp.monthly_micro_usd, None);
        assert_eq!(
            sp.supply.as_deref(),
            Some("compare.serverlessSavingsPlanDiscount")
        );
        assert!(r.comparison.as_ref().unwrap().savings_plans.is_empty());
    }

    #[test]
    fn only_eligible_families_get_a_plan() {
        let mut s = steady(8.0);
        s.compare.classes = vec![
            ClassOption {
                class: "db.r7g.xlarge".into(),
                savings_plan_discount: Some(0.2),
                ..ClassOption::default()
            },
            ClassOption {
                class: "db.r6g.xlarge".into(),
                savings_plan_discount: Some(0.2),
                ..ClassOption::default()
            },
        ];
        let r = estimate(&s).unwrap();
        // db.r7g.xlarge at $0.553 (catalog), 20 % off = $0.4424 an hour,
        // the whole fleet every hour: 730 × $0.4424 = $322.952.
        let r7 = row(&r, "db.r7g.xlarge with a Database Savings Plan");
        assert_eq!(r7.monthly_micro_usd, Some(usd(322_952_000)));
        assert_eq!(r7.kind, OptionKind::SavingsPlan);
        let r6 = row(&r, "db.r6g.xlarge with a Database Savings Plan");
        assert_eq!(r6.monthly_micro_usd, None);
        assert!(r6.note.starts_with("not offered"), "{}", r6.note);
        let plans = &r.comparison.as_ref().unwrap().savings_plans;
        // No serverless plan rate here: only the class's plan is sized.
        assert_eq!(
            plans.iter().map(|p| p.covers.as_str()).collect::<Vec<_>>(),
            ["db.r7g.xlarge"]
        );
    }

    #[test]
    fn bad_plan_inputs_name_their_field() {
        let field = |f: fn(&mut CompareOptions)| {
            let mut s = steady(2.0);
            f(&mut s.compare);
            estimate(&s).unwrap_err().field().to_string()
        };
        assert_eq!(
            field(|c| c.serverless_savings_plan_commitment = Some(-1.0)),
            "compare.serverlessSavingsPlanCommitment"
        );
        assert_eq!(
            field(|c| c.serverless_savings_plan_discount = Some(1.0)),
            "compare.serverlessSavingsPlanDiscount"
        );
        assert_eq!(
            field(|c| c.serverless_savings_plan_rate = Some(-0.1)),
            "compare.serverlessSavingsPlanRate"
        );
        assert_eq!(
            field(|c| c.savings_plan_term_years = Some(2)),
            "compare.savingsPlanTermYears"
        );
    }

    #[test]
    fn rds_proxy_for_provisioned_is_priced_per_vcpu() {
        let mut s = steady(4.0);
        s.extras = Extras {
            rds_proxy: true,
            ..Extras::default()
        };
        s.compare.classes = vec![ClassOption {
            class: "db.r6g.xlarge".into(),
            ..ClassOption::default()
        }];
        let r = estimate(&s).unwrap();
        // Serverless: 4 ACU × 730 h × $0.12 = $350.40 and the proxy's 8-ACU
        // minimum, 8 × 730 × $0.015 = $87.60.
        assert_eq!(r.total_micro_usd, usd(438_000_000));
        // db.r6g.xlarge: 730 × $0.519 = $378.87, and the proxy per vCPU-hour
        // of its 4 vCPU: 4 × 730 × $0.015 = $43.80. Total $422.67.
        let od = row(&r, "db.r6g.xlarge on-demand");
        assert_eq!(od.monthly_micro_usd, Some(usd(422_670_000)));
        assert!(
            od.note
                .contains("RDS Proxy at $0.015 per vCPU-hour for 4 vCPU"),
            "{}",
            od.note
        );
        // In sa-east-1 the serverless proxy has a price and the provisioned
        // one none: the rows and the verdict say the totals leave it out.
        s.region = "sa-east-1".into();
        s.price_overrides.serverless_standard = Some(0.12);
        s.compare.classes[0].on_demand_hourly = Some(0.8);
        let r = estimate(&s).unwrap();
        let od = row(&r, "db.r6g.xlarge on-demand");
        // 730 × $0.80 = $584, no proxy.
        assert_eq!(od.monthly_micro_usd, Some(usd(584_000_000)));
        assert!(
            od.note
                .contains("RDS Proxy for provisioned instances has no price in sa-east-1"),
            "{}",
            od.note
        );
        let v = &r.comparison.as_ref().unwrap().verdict;
        assert!(
            v.contains("the provisioned totals leave out RDS Proxy"),
            "{v}"
        );
    }
}

mod against_the_bill {
    use acumen::report::Component;
    use acumen::scenario::{Level, PriceOverrides, Reader};
    use acumen::{Scenario, Workload, estimate};

    /// The plan's on-demand compute is the bill's compute, to the
    /// micro-dollar, for a cluster with readers and a month that is not 730 h.
    #[test]
    fn on_demand_compute_is_the_bills() {
        for workload in [
            // The seed article's 220 + 520 = 740 hours.
            Workload::Levels(vec![
                Level {
                    acu: 16.0,
                    hours: 220.0,
                },
                Level {
                    acu: 2.0,
                    hours: 520.0,
                },
            ]),
            Workload::Steady { acu: 3.5 },
        ] {
            let s = Scenario {
                workload,
                readers: vec![
                    Reader {
                        promotion_tier: 1,
                        workload: None,
                    },
                    Reader {
                        promotion_tier: 2,
                        workload: None,
                    },
                ],
                storage_gb: 0.0,
                price_overrides: PriceOverrides {
                    serverless_standard: Some(0.12),
                    ..PriceOverrides::default()
                },
                compare: acumen::compare::CompareOptions {
                    serverless_savings_plan_discount: Some(0.3),
                    ..Default::default()
                },
                ..Scenario::default()
            };
            let r = estimate(&s).unwrap();
            let compute: i64 = r
                .lines
                .iter()
                .filter(|l| l.component == Component::Compute)
                .map(|l| l.cost_micro_usd.unwrap().micros())
                .sum();
            let plan = &r.comparison.as_ref().unwrap().savings_plans[0];
            // Each instance's line is rounded once; the plan's sum once: within a micro-dollar per line.
            assert!(
                (plan.on_demand_micro_usd.micros() - compute).abs() <= 3,
                "{} vs {compute}",
                plan.on_demand_micro_usd
            );
        }
    }
}

#[test]
fn absurd_prices_are_an_overflow_error_naming_the_field_not_a_panic() {
    // A year of hours at the largest usage and the largest prices a user may give.
    let load = HourlyLoad::serverless(
        vec![7200 * 512 * 16; 8784],
        UnitPrice::from_nanos(1_000_000_000_000_000),
    );
    let plan = Plan::new(
        &load,
        Some(UnitPrice::from_nanos(999_999_999_999_999)),
        FIELD,
    )
    .unwrap();
    for c in [Money::ZERO, Money::from_micros(1_000_000_000_000)] {
        match plan.monthly(c) {
            Ok(m) => assert!(m >= Money::ZERO),
            Err(e) => assert_eq!((e.code(), e.field()), (ErrorCode::Overflow, FIELD)),
        }
    }
    assert!(plan.best().is_ok() || plan.best().unwrap_err().code() == ErrorCode::Overflow);
}
