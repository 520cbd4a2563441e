//! Arbitrary bytes as a JSON scenario: decoding may fail, estimating may
//! fail, nothing may panic, and every report keeps its invariants.
#![no_main]
#![forbid(unsafe_code)]

use acumen::Scenario;
use acumen_fuzz::{estimate_and_check, input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = serde_json::from_slice::<Scenario>(data);
    // The CLI's reader (an object only, errors with a line) accepts no more.
    if let Ok(text) = std::str::from_utf8(data)
        && input::parse_json(text).is_ok()
    {
        assert!(decoded.is_ok(), "the CLI read what serde_json rejects");
    }
    if let Ok(scenario) = decoded {
        estimate_and_check(&scenario);
    }
});
