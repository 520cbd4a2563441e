//! `acumen::migrate` on AWS's worked examples and on hand-computed series.

use acumen::ErrorCode;
use acumen::migrate::{CpuSummary, CpuTrace, MigrationInput, migrate};

fn summary(class: &str, p95: f64, max: f64) -> MigrationInput {
    MigrationInput {
        class: class.into(),
        cpu: Some(CpuSummary {
            p95,
            max,
            average: None,
        }),
        ..MigrationInput::default()
    }
}

fn series(class: &str, interval_seconds: u32, percent: Vec<f64>) -> MigrationInput {
    MigrationInput {
        class: class.into(),
        cpu_trace: Some(CpuTrace {
            interval_seconds,
            percent,
        }),
        ..MigrationInput::default()
    }
}

fn micros(m: Option<&acumen::migrate::PricedOption>) -> Option<i64> {
    m.map(|p| p.monthly_micro_usd.micros())
}

#[test]
fn aws_worked_example_basic_sizing_and_costs() {
    // AWS's worked example: db.r6g.xlarge, P95 35 %, max 72 %, 500 GiB in
    // us-east-1: min 3.5, max 16, typical 6; serverless $576 against $429.
    // Here: 6 ACU × 730 h × $0.12 = $525.60 + 500 GB × $0.10 = $575.60;
    // $0.519 × 730 h = $378.87 + $50 = $428.87.
    let mut input = summary("db.r6g.xlarge", 35.0, 72.0);
    input.storage_gb = 500.0;
    let m = migrate(&input).unwrap();
    let s = &m.sizing;
    assert_eq!(
        [s.min_acu, s.typical_acu, s.peak_acu, s.max_acu],
        [3.5, 6.0, 12.0, 16.0]
    );
    assert_eq!((m.proposed.min_acu, m.proposed.max_acu), (3.5, 16.0));
    assert_eq!(m.serverless.monthly_micro_usd.micros(), 575_600_000);
    assert_eq!(micros(m.on_demand.as_ref()), Some(428_870_000));
    assert_eq!(m.saving_micro_usd.map(|s| s.micros()), Some(-146_730_000));
    assert!(
        m.verdict.starts_with("stay on db.r6g.xlarge"),
        "{}",
        m.verdict
    );
    assert!(m.load.is_none());
}

#[test]
fn aws_worked_example_with_connections_and_working_set() {
    // db.r7g.2xlarge, 200 connections, 12 GiB working set, P95 40 %, max 65 %,
    // 1 TB: min 8, peak 21, max 27.5, typical 13.5; 13.5 × 730 × $0.12 =
    // $1,182.60 + $100 storage; $1.106 × 730 = $807.38 + $100 on demand.
    let mut input = summary("db.r7g.2xlarge", 40.0, 65.0);
    input.connections = Some(200);
    input.working_set_gib = Some(12.0);
    input.storage_gb = 1000.0;
    let m = migrate(&input).unwrap();
    let s = &m.sizing;
    assert_eq!(
        [s.min_acu, s.typical_acu, s.peak_acu, s.max_acu],
        [8.0, 13.5, 21.0, 27.5]
    );
    assert_eq!(m.serverless.monthly_micro_usd.micros(), 1_282_600_000);
    assert_eq!(micros(m.on_demand.as_ref()), Some(907_380_000));
}

#[test]
fn a_flat_quarter_of_an_r6g_xlarge_is_a_steady_4_acu() {
    // 25 % of 4 vCPUs × 4 ACU/vCPU = 4 ACU all the time, 14 days of minutes:
    // the cheapest range serves 4 ACU (min 0.5, max 4), and 4 ACU × 730 h ×
    // $0.12 = $350.40, below $378.87 on demand.
    let m = migrate(&series("db.r6g.xlarge", 60, vec![25.0; 14 * 1440])).unwrap();
    assert_eq!(
        (m.cpu.p95, m.cpu.max, m.cpu.average),
        (25.0, 25.0, Some(25.0))
    );
    assert_eq!((m.proposed.min_acu, m.proposed.max_acu), (0.5, 4.0));
    assert_eq!(m.serverless.monthly_micro_usd.micros(), 350_400_000);
    assert_eq!(micros(m.on_demand.as_ref()), Some(378_870_000));
    let load = m.load.unwrap();
    assert_eq!(
        (load.hours, load.hours_near_peak, load.peak_acu),
        (336.0, 336.0, 4.0)
    );
    assert!(m.verdict.contains("move"), "{}", m.verdict);
    assert!(
        m.verdict.contains("No Reserved or Savings Plans rate"),
        "{}",
        m.verdict
    );
}

#[test]
fn a_business_hours_load_moves() {
    // 50 % CPU (8 ACU) for 10 h on weekdays, 5 % (0.8 ACU) otherwise, hourly
    // samples over a week: 50 h near the peak, 118 h at 0.8 ACU. Ideal
    // tracking: (50 × 8 + 118 × 0.8) = 494.4 ACU-h a week, × 730/168 weeks ×
    // $0.12 = $257.80 a month; the controller's lag on the way down costs a
    // little more, and everything stays under $378.87 on demand.
    let mut percent = Vec::new();
    for day in 0..7 {
        for hour in 0..24 {
            let busy = day < 5 && (8..18).contains(&hour);
            percent.push(if busy { 50.0 } else { 5.0 });
        }
    }
    let m = migrate(&series("db.r6g.xlarge", 3600, percent)).unwrap();
    let load = m.load.as_ref().unwrap();
    assert_eq!(
        (
            load.hours,
            load.hours_near_peak,
            load.hours_at_most_half_acu
        ),
        (168.0, 50.0, 0.0)
    );
    assert_eq!((m.proposed.min_acu, m.proposed.max_acu), (0.5, 8.0));
    let sv = m.serverless.monthly_micro_usd.micros();
    assert!((257_800_000..300_000_000).contains(&sv), "{sv}");
    assert!(m.saving_micro_usd.unwrap().micros() > 0);
    assert!(
        m.verdict.contains("30 % of its 168 h near its peak"),
        "{}",
        m.verdict
    );
}

#[test]
fn a_region_without_prices_still_sizes_and_says_what_it_cannot_price() {
    // eu-west-3 has no price in the catalog: the sizing and the range stand
    // (AWS's example: 3.5-16 ACU), the verdict says what is missing, and
    // nothing is counted as zero or compared.
    let mut input = summary("db.r6g.xlarge", 35.0, 72.0);
    input.region = "eu-west-3".into();
    let m = migrate(&input).unwrap();
    assert_eq!((m.proposed.min_acu, m.proposed.max_acu), (3.5, 16.0));
    assert!(!m.serverless.complete);
    assert_eq!(m.saving_micro_usd, None);
    assert!(
        m.verdict
            .starts_with("serverless capacity has no price in eu-west-3"),
        "{}",
        m.verdict
    );
    // A series too: the optimizer needs a price, so the rules give the range.
    let mut input = series("db.r6g.xlarge", 3600, vec![25.0; 48]);
    input.region = "eu-west-3".into();
    let m = migrate(&input).unwrap();
    assert_eq!((m.proposed.min_acu, m.proposed.max_acu), (4.0, 6.0));
    assert!(
        m.proposed_by.contains("needs an ACU-hour price"),
        "{}",
        m.proposed_by
    );
    // eu-central-1 prices compute but not storage: a partial total, said.
    let mut input = summary("db.r6g.xlarge", 35.0, 72.0);
    input.region = "eu-central-1".into();
    input.storage_gb = 100.0;
    let m = migrate(&input).unwrap();
    assert!(!m.serverless.complete);
    assert!(
        m.notes
            .iter()
            .any(|n| n.starts_with("the totals count only what has a price here")),
        "{:?}",
        m.notes
    );
}

#[test]
fn bad_inputs_name_their_field() {
    let cases = [
        (
            summary("db.z1.large", 10.0, 20.0),
            ErrorCode::UnknownVariant,
            "class",
        ),
        (
            summary("db.r6g.large", 120.0, 130.0),
            ErrorCode::OutOfRange,
            "cpu.p95",
        ),
        (
            summary("db.r6g.large", 50.0, 40.0),
            ErrorCode::Conflict,
            "cpu.max",
        ),
        (
            MigrationInput {
                class: "db.r6g.large".into(),
                ..MigrationInput::default()
            },
            ErrorCode::MissingField,
            "cpu",
        ),
        (
            series("db.r6g.large", 60, vec![10.0, f64::NAN]),
            ErrorCode::NotANumber,
            "cpuTrace.percent[1]",
        ),
        (
            series("db.r6g.large", 60, vec![]),
            ErrorCode::OutOfRange,
            "cpuTrace.percent",
        ),
        (
            series("db.r6g.large", 0, vec![10.0]),
            ErrorCode::OutOfRange,
            "cpuTrace.intervalSeconds",
        ),
    ];
    for (input, code, field) in cases {
        let e = migrate(&input).unwrap_err();
        assert_eq!((e.code(), e.field()), (code, field), "{e}");
    }
    let mut both = summary("db.r6g.large", 10.0, 20.0);
    both.cpu_trace = Some(CpuTrace::default());
    assert_eq!(migrate(&both).unwrap_err().field(), "cpuTrace");
}

mod properties {
    use acumen::migrate::{CpuSummary, class_shape, size};
    use proptest::prelude::*;

    const CLASSES: [&str; 6] = [
        "db.t4g.medium",
        "db.r6g.large",
        "db.r6g.xlarge",
        "db.r7g.4xlarge",
        "db.r8g.48xlarge",
        "db.x2g.2xlarge",
    ];

    proptest! {
        /// Whatever the load, the sizing is on the 0.5-ACU grid, within
        /// 0.5–256, the minimum at most the maximum and every floor honoured
        /// (up to 256); typical never above peak by more than the rounding.
        #[test]
        fn sizing_is_a_valid_range(
            class in 0..CLASSES.len(),
            p95 in 0.0f64..=100.0,
            extra in 0.0f64..=100.0,
            average in proptest::option::of(0.0f64..=100.0),
            connections in proptest::option::of(0u32..100_000),
            working_set in proptest::option::of(0.0f64..2_000.0),
        ) {
            let shape = class_shape(CLASSES[class]).unwrap();
            let cpu = CpuSummary { p95, max: (p95 + extra).min(100.0), average };
            let s = size(&shape, &cpu, connections, working_set);
            // The peak is the load's, not capped (a load above 256 ACU is
            // flagged); everything else is a setting.
            let full_load = f64::from(shape.vcpu * shape.acu_per_vcpu);
            for v in [s.min_acu, s.typical_acu, s.peak_acu, s.max_acu] {
                prop_assert!(v >= 0.0 && v <= full_load.max(256.0) && (v * 2.0).fract() == 0.0, "{v} off the grid");
            }
            prop_assert!(s.typical_acu <= 256.0);
            prop_assert!(s.peak_acu <= 256.0 || s.exceeds_capacity, "a peak of {} must be flagged", s.peak_acu);
            prop_assert!(s.min_acu >= 0.5 && s.max_acu <= 256.0 && s.min_acu <= s.max_acu);
            prop_assert!(s.min_acu >= s.memory_floor_acu.min(256.0));
            prop_assert!(s.min_acu >= s.connection_floor_acu.min(256.0));
            prop_assert!(s.typical_acu <= s.peak_acu.max(0.5));
        }
    }
}
