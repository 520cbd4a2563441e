//! Arbitrary UTF-8 through the CLI's CloudWatch CSV reader: it may reject the
//! text but never panic, and what it accepts is usable.
#![no_main]
#![forbid(unsafe_code)]

use acumen_fuzz::cloudwatch::{format_time, parse, parse_time};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut progress = |f: f64| assert!(f.is_finite() && f >= 0.0, "progress {f}");
    if let Ok(series) = parse(text, "fuzz.csv", "fuzz", &mut progress) {
        assert!(!series.is_empty());
        for s in &series {
            assert!(!s.samples.is_empty(), "{}: no samples", s.name);
            for (_, v) in &s.samples {
                assert!(v.is_finite() && *v >= 0.0, "{}: sample {v}", s.name);
            }
        }
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
