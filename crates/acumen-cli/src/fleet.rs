//! `acumen migrate --fleet`: many instances from an inventory.

use std::path::Path;

use acumen::prices::PriceBook;

use crate::migrate::{Failed, MigrateArgs};

/// Answers every instance of `inventory` and prints the fleet's table.
pub fn run(
    _args: &MigrateArgs,
    _inventory: &Path,
    _book: Option<&PriceBook>,
) -> Result<(), Failed> {
    Err(Failed::File(String::from("fleet mode is not built yet")))
}
