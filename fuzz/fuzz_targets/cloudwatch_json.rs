//! Arbitrary UTF-8 through the core's CloudWatch reader as JSON (the AWS
//! CLI's `get-metric-data` and `get-metric-statistics` output): text that
//! does not start as JSON is wrapped in `[` `]` so that every input takes
//! the JSON path, and the first character picks the statistic read from
//! `get-metric-statistics` datapoints. The checks are `cloudwatch_csv`'s.
#![no_main]
#![forbid(unsafe_code)]

use acumen::cloudwatch::{ReadOptions, Statistic};
use acumen_fuzz::check_cloudwatch;
use libfuzzer_sys::fuzz_target;

const STATISTICS: [&str; 7] = [
    "Average",
    "Maximum",
    "Minimum",
    "Sum",
    "SampleCount",
    "p99",
    "tm90",
];

fuzz_target!(|text: &str| {
    let pick = text.bytes().next().map_or(0, usize::from) % STATISTICS.len();
    let statistic = Statistic::parse(STATISTICS[pick]).expect("a statistic CloudWatch names");
    let options = ReadOptions { statistic };
    if text.trim_start().starts_with(['{', '[']) {
        check_cloudwatch(text, &options);
    } else {
        check_cloudwatch(&format!("[{text}]"), &options);
    }
});
