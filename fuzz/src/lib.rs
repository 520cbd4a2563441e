//! Shared checks for the fuzz targets in `fuzz_targets/`.
//!
//! The CLI's scenario reader and Price List import are compiled here through
//! `#[path]`, as they are in the binary (they are the CLI's own); the
//! CloudWatch reader is the core's (`acumen::cloudwatch`) and needs none.
//!
//! The scenario targets decode arbitrary text into an [`acumen::Scenario`],
//! estimate it and check the report's invariants; [`work`] bounds how much
//! simulation one input may ask for, so that a run spends its time on many
//! inputs rather than on a few month-long per-second traces.
#![forbid(unsafe_code)]

use acumen::cloudwatch::{GridOptions, ReadOptions, Recording, Series, read};
use acumen::scenario::Workload;
use acumen::{Report, Scenario};

/// The CLI's scenario reader, compiled here as it is in the binary.
#[allow(dead_code)]
#[path = "../../crates/acumen-cli/src/input.rs"]
pub mod input;

/// The CLI's Price List import, compiled here as it is in the binary.
#[allow(dead_code)]
#[path = "../../crates/acumen-cli/src/pricelist.rs"]
pub mod pricelist;

/// The CLI's fleet inventory reader (`acumen migrate --fleet`).
#[allow(dead_code)]
#[path = "../../crates/acumen-cli/src/inventory.rs"]
pub mod inventory;

/// The CLI's progress bar, which the import draws on a terminal.
#[allow(dead_code)]
#[path = "../../crates/acumen-cli/src/progress.rs"]
pub mod progress;

/// Most demand segments one estimate may walk (see [`work`]): about 0.1 s of
/// estimating in an instrumented build. Scenarios above it are not estimated.
pub const WORK_BUDGET: u64 = 400_000;

/// A cheap upper bound on the demand segments `estimate` walks for
/// `scenario`, computed from its fields without building any timeline.
///
/// Every instance's simulation walks the stretches in which no instance's
/// demand changes, at most the sum of all instances' segments, so the work
/// is (instances) × (segments over all instances). A trace has `month /
/// interval` segments whatever its length: a shorter one is repeated over
/// the month, and of a longer one only the first month is laid out (the
/// rest is checked, which costs far less than simulating it). Spikes add two
/// boundaries per window. Inputs whose fields fail validation cost little
/// (validation stops at the first bad field) and count as their valid
/// neighbours would, so they are never skipped for being invalid.
pub fn work(scenario: &Scenario) -> u64 {
    let hours = u64::from(scenario.hours_per_month.clamp(1, 744));
    let month = hours * 3600;
    let segments = |w: &Workload| -> u64 {
        match w {
            Workload::Steady { .. } => 1,
            Workload::BusinessHours(_) | Workload::Weekly { .. } => hours,
            Workload::Levels(levels) => levels.len() as u64,
            Workload::Trace(t) => month.div_ceil(u64::from(t.interval_seconds.max(1))),
        }
    };
    let writer = segments(&scenario.workload);
    let spikes: u64 = scenario
        .spikes
        .iter()
        .map(|s| 2 * month.div_ceil(u64::from(s.every_hours.max(1)) * 3600))
        .sum();
    let readers = scenario.readers.len().min(16) as u64;
    let own: u64 = scenario
        .readers
        .iter()
        .take(16)
        .map(|r| r.workload.as_ref().map_or(writer + spikes, segments))
        .sum();
    (readers + 1).saturating_mul(writer + spikes + own)
}

/// Estimates `scenario` (unless [`work`] exceeds [`WORK_BUDGET`]) and, when
/// it succeeds, checks the report. Errors are fine; panics are bugs.
pub fn estimate_and_check(scenario: &Scenario) {
    if work(scenario) > WORK_BUDGET {
        return;
    }
    if let Ok(report) = acumen::estimate(scenario) {
        check_report(&report);
    }
}

/// The invariants every report keeps.
pub fn check_report(report: &Report) {
    let mut sum = 0i64;
    for line in &report.lines {
        // An unpriced line has neither price nor cost, and says what to supply.
        assert_eq!(line.cost_micro_usd.is_some(), line.unit_price_nano_usd.is_some());
        assert_eq!(line.cost_micro_usd.is_none(), line.supply.is_some());
        let cost = line.cost_micro_usd.map_or(0, |c| c.micros());
        assert!(cost >= 0, "negative cost on {}: {cost}", line.description);
        assert!(
            line.quantity.is_finite() && line.quantity >= 0.0,
            "bad quantity on {}: {}",
            line.description,
            line.quantity
        );
        assert!(line.unit_price_nano_usd.is_none_or(|p| p.nanos() >= 0));
        sum = sum.checked_add(cost).expect("line costs overflow");
    }
    let total = report.total_micro_usd.micros();
    assert_eq!(total, sum, "total is not the sum of the lines");
    assert_eq!(
        Some(report.yearly_micro_usd.micros()),
        total.checked_mul(12),
        "yearly is not 12 × total"
    );
    for inst in &report.instances {
        let peak = inst.peak_acu;
        assert!(
            peak.is_finite() && (0.0..=256.0).contains(&peak),
            "{}: peak {peak} ACU",
            inst.name
        );
        assert_eq!(
            (peak * 2.0).fract(),
            0.0,
            "{}: peak {peak} off the grid",
            inst.name
        );
        let u = &inst.unmet_acu_hours;
        for (what, v) in [("lag", u.lag), ("cap", u.cap), ("resume", u.resume)] {
            assert!(v.is_finite() && v >= 0.0, "{}: unmet {what} {v}", inst.name);
        }
        for (what, v) in [
            ("acuHours", inst.acu_hours),
            ("averageAcu", inst.average_acu),
            ("pausedHours", inst.paused_hours),
            ("hoursAtMax", inst.hours_at_max),
            ("idealAcuHours", inst.ideal_acu_hours),
        ] {
            assert!(v.is_finite() && v >= 0.0, "{}: {what} {v}", inst.name);
        }
    }
    let ideal = report.ideal.total_micro_usd.micros();
    assert!(ideal >= 0, "negative ideal total {ideal}");
    assert_eq!(
        report.ideal.difference_micro_usd.micros(),
        total - ideal,
        "difference is not simulated − ideal"
    );
}

/// Grid points the CloudWatch targets lay out per input at most: a day of
/// one-second samples.
const MAX_GRID_STEPS: usize = 86_400;

/// `text` through the core's CloudWatch reader: it may be refused, never
/// panic; what is read is non-empty with finite, non-negative samples, and
/// lays out on a grid (or is refused) as [`check_grid`] checks.
pub fn check_cloudwatch(text: &str, options: &ReadOptions) {
    let mut progress = |f: f64| assert!(f.is_finite() && f >= 0.0, "progress {f}");
    let Ok(series) = read(text, "fuzz", options, &mut progress) else {
        return;
    };
    assert!(!series.is_empty());
    for s in &series {
        assert!(!s.samples.is_empty(), "{}: no samples", s.name);
        for (_, v) in &s.samples {
            assert!(v.is_finite() && *v >= 0.0, "{}: sample {v}", s.name);
        }
    }
    check_grid(series);
}

/// What is read lays out on a grid (or is refused) without panicking: every
/// series as long as the grid, every value one that was read, or 0.
fn check_grid(series: Vec<Series>) {
    let Ok(recording) = Recording::new(series) else {
        return;
    };
    let options = GridOptions {
        max_gap_seconds: 3600,
        max_steps: MAX_GRID_STEPS,
    };
    let Ok(grid) = recording.resample(&options) else {
        assert!(recording.steps() > MAX_GRID_STEPS as u64);
        return;
    };
    assert_eq!(grid.steps as u64, recording.steps());
    assert!(grid.steps >= 1 && grid.interval_seconds >= 1);
    for (s, read) in grid.series.iter().zip(recording.series()) {
        assert_eq!(s.values.len(), grid.steps, "{}", s.name);
        for v in &s.values {
            assert!(
                *v == 0.0 || read.samples.iter().any(|(_, r)| r == v),
                "{}: {v}",
                s.name
            );
        }
    }
}
