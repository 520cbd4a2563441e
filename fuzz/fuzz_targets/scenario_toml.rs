//! Arbitrary UTF-8 as a TOML scenario: decoding may fail, estimating may
//! fail, nothing may panic, and every report keeps its invariants.
#![no_main]
#![forbid(unsafe_code)]

use acumen::Scenario;
use acumen_fuzz::{estimate_and_check, input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let decoded = toml::from_str::<Scenario>(text);
    // The CLI's reader (with field paths and lines) decides the same.
    assert_eq!(
        input::parse_toml(text).is_ok(),
        decoded.is_ok(),
        "the CLI and toml::from_str disagree"
    );
    if let Ok(scenario) = decoded {
        estimate_and_check(&scenario);
    }
});
