//! The bounds every input number is held to, and the range checks that
//! word their errors alike (`out_of_range`, naming the field).

use alloc::string::String;

use crate::acu::check_finite;
use crate::error::{Error, ErrorCode};

/// Largest `hoursPerMonth`: a 31-day month.
pub const MAX_HOURS_PER_MONTH: u32 = 744;
/// Largest accepted GB figure (storage, backup, export). An input sanity bound, not an Aurora limit.
pub const MAX_GB: f64 = 1_000_000.0;
/// Largest accepted monthly count (I/O requests, Data API calls…): 10¹⁵.
pub const MAX_COUNT: f64 = 1e15;
/// Largest accepted demand in ACUs: far above any cluster's 256 ACU, so a
/// typo is caught rather than silently capped.
pub const MAX_DEMAND_ACU: f64 = 100_000.0;

pub(crate) fn out_of_range(field: &str, rule: &str, got: impl core::fmt::Display) -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        field,
        format_args!("must be {rule}, got {got}"),
    )
}

/// A finite number in `0..=max`.
pub(crate) fn check_amount(value: f64, max: f64, field: &str, rule: &str) -> Result<f64, Error> {
    check_finite(value, field)?;
    if (0.0..=max).contains(&value) {
        Ok(value)
    } else {
        Err(out_of_range(field, rule, crate::error::Shown(value)))
    }
}

/// A demand in ACUs: finite, `0..=MAX_DEMAND_ACU`.
pub(crate) fn check_demand(value: f64, field: &str) -> Result<f64, Error> {
    check_amount(value, MAX_DEMAND_ACU, field, "between 0 and 100000 ACU")
}

/// [`check_demand`] for long lists: the field path is only built when the
/// value is bad, so a million good samples cost no formatting.
#[inline]
pub(crate) fn demand_at(value: f64, field: impl FnOnce() -> String) -> Result<f64, Error> {
    if value.is_finite() && (0.0..=MAX_DEMAND_ACU).contains(&value) {
        Ok(value)
    } else {
        check_demand(value, &field())
    }
}

/// Rounds a non-negative finite amount to thousandths (below 2^53, exact enough).
pub(crate) fn milli(value: f64) -> u64 {
    (value * 1000.0 + 0.5) as u64
}

/// Rounds a non-negative finite count to a whole number.
pub(crate) fn whole(value: f64) -> u64 {
    (value + 0.5) as u64
}
