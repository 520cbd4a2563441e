//! Arbitrary UTF-8 through the core's CloudWatch reader (CSV, or JSON when
//! the text starts with `{` or `[`): it may reject the text but never panic,
//! and what it accepts is usable, and so is the grid it lays out.
#![no_main]
#![forbid(unsafe_code)]

use acumen::cloudwatch::{ReadOptions, format_time, parse_time};
use acumen_fuzz::check_cloudwatch;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    check_cloudwatch(text, &ReadOptions::default());
    // Timestamps on their own, cell by cell: a time printed back reads the same.
    for cell in text.split([',', '\n']) {
        if let Some(t) = parse_time(cell)
            && let Some(back) = parse_time(&format_time(t))
        {
            assert_eq!(back, t, "{cell:?} → {}", format_time(t));
        }
    }
});
