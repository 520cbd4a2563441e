//! Arbitrary UTF-8 through the core's CloudWatch CSV reader: it may reject
//! the text but never panic, and what it accepts is usable, and so is the
//! grid it lays out.
#![no_main]
#![forbid(unsafe_code)]

use acumen::cloudwatch::{GridOptions, Recording, format_time, parse_time, read};
use libfuzzer_sys::fuzz_target;

/// Grid points laid out per input at most: a day of one-second samples.
const MAX_STEPS: usize = 86_400;

fuzz_target!(|text: &str| {
    let mut progress = |f: f64| assert!(f.is_finite() && f >= 0.0, "progress {f}");
    if let Ok(series) = read(text, "fuzz", &mut progress) {
        assert!(!series.is_empty());
        for s in &series {
            assert!(!s.samples.is_empty(), "{}: no samples", s.name);
            for (_, v) in &s.samples {
                assert!(v.is_finite() && *v >= 0.0, "{}: sample {v}", s.name);
            }
        }
        check_grid(series);
    }
    // Timestamps on their own, cell by cell: a time printed back reads the same.
    for cell in text.split([',', '\n']) {
        if let Some(t) = parse_time(cell)
            && let Some(back) = parse_time(&format_time(t))
        {
            assert_eq!(back, t, "{cell:?} → {}", format_time(t));
        }
    }
});

/// What is read lays out on a grid (or is refused) without panicking: every
/// series as long as the grid, every value one that was read, or 0.
fn check_grid(series: Vec<acumen::cloudwatch::Series>) {
    let Ok(recording) = Recording::new(series) else {
        return;
    };
    let options = GridOptions {
        max_gap_seconds: 3600,
        max_steps: MAX_STEPS,
    };
    let Ok(grid) = recording.resample(&options) else {
        assert!(recording.steps() > MAX_STEPS as u64);
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
