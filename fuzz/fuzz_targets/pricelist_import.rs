//! Arbitrary bytes through the CLI's Price List (AmazonRDS offer file)
//! import: it may refuse them but never panic, and a book it produces
//! passes the core's own validation and prices a scenario.
#![no_main]
#![forbid(unsafe_code)]

use acumen::Scenario;
use acumen_fuzz::pricelist::{Options, import_from};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let options = Options { region: None };
    let Ok(imported) = import_from(
        bytes,
        bytes.len() as u64,
        "fuzz.json",
        "fuzz.json",
        &options,
    ) else {
        return;
    };
    let book = imported.book;
    assert!(
        book.validate().is_ok(),
        "an imported book fails validation: {book:?}"
    );
    // A scenario priced from it, in one of its regions (or the default).
    let region = book.entries.first().map(|e| e.region.clone());
    let scenario = Scenario {
        region: region.unwrap_or_else(|| String::from("us-east-1")),
        price_book: Some(book),
        ..Scenario::default()
    };
    if let Ok(report) = acumen::estimate(&scenario) {
        assert!(report.total_micro_usd.micros() >= 0);
    }
});
