//! The bill stage: the usage priced line by line, the totals, what ideal
//! tracking would cost and why it differs, and the warnings.
//!
//! The bill is priced from the simulated controller ([`crate::usage`]); the
//! same lines are also priced under *ideal tracking* (each instance at its
//! demand rounded up to the 0.5-ACU grid, within the scaling range: what
//! simple calculators assume) and the difference is explained. Usage
//! accumulates as exact half-ACU-seconds; each line's cost is rounded once.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Error;
use crate::money::Money;
use crate::scenario::ValidScenario;
use crate::sim::Outcome;
use crate::usage::Usage;

mod lines;
mod unpriced;
mod warnings;

pub use lines::{CatalogInfo, Component, LineItem};
pub(crate) use lines::{acu_hours, catalog_info, overflow_of, price_lines};
pub use unpriced::MissingPrice;
pub(crate) use unpriced::unpriced_parts;
pub use warnings::{Warning, WarningKind};

/// The estimate under its former path.
#[doc(hidden)]
pub use crate::estimate::{estimate, estimate_valid};
/// Ideal tracking under its former path.
#[doc(hidden)]
pub use crate::sim::ideal_capacity;

/// The priced bill of a scenario's usage.
#[derive(Clone, Debug, PartialEq)]
pub struct Bill {
    /// The bill, one line per priced item.
    pub lines: Vec<LineItem>,
    /// The monthly total: the exact sum of the priced lines.
    pub total: Money,
    /// The prices the unpriced lines need; empty when every line is priced.
    pub unpriced: Vec<MissingPrice>,
    /// How the total is to be read when it leaves unpriced lines out.
    pub total_note: Option<String>,
    /// Twelve times the monthly total.
    pub yearly: Money,
    /// The monthly total under ideal tracking.
    pub ideal_total: Money,
    /// Things to check before relying on the figures.
    pub warnings: Vec<Warning>,
}

/// Prices `usage`: the simulated bill, its totals, the bill under ideal
/// tracking and the warnings.
pub fn price(s: &ValidScenario, usage: &Usage) -> Result<Bill, Error> {
    let mut warnings = Vec::new();
    if usage.pause_blocked {
        warnings.push(warnings::pause_blocked(s));
    }
    let lines = price_lines(
        s,
        s.storage_type,
        &usage.half_acu_seconds,
        usage.proxy_half_acu_seconds,
        &mut warnings,
    )?;
    let ideal_lines = price_lines(
        s,
        s.storage_type,
        &usage.ideal_half_acu_seconds,
        usage.ideal_proxy_half_acu_seconds,
        &mut Vec::new(),
    )?;
    let total = sum(&lines)?;
    let ideal_total = sum(&ideal_lines)?;
    let yearly = total.checked_mul(12).ok_or_else(|| {
        overflow_of(
            &lines,
            "its yearly figure would be above $9.2 trillion (a month above about $768 billion)",
        )
    })?;
    let unpriced = unpriced::missing_prices(s, &lines);
    unpriced::warnings(&unpriced, &mut warnings);
    warnings::add_warnings(s, usage, &lines, &mut warnings);
    Ok(Bill {
        total_note: unpriced::total_note(s, &lines, total),
        unpriced,
        lines,
        total,
        yearly,
        ideal_total,
        warnings,
    })
}

/// The exact sum of the priced `lines`, or an overflow error naming the
/// input behind the largest.
fn sum(lines: &[LineItem]) -> Result<Money, Error> {
    Money::checked_sum(lines.iter().filter_map(|l| l.cost_micro_usd))
        .ok_or_else(|| overflow_of(lines, "the month's total is above $9.2 trillion"))
}

impl Bill {
    /// The simulated bill against ideal tracking, with the reason they differ.
    pub fn ideal_comparison(&self, outcomes: &[Outcome]) -> IdealComparison {
        let difference = Money::from_micros(self.total.micros() - self.ideal_total.micros());
        IdealComparison {
            total_micro_usd: self.ideal_total,
            difference_micro_usd: difference,
            explanation: explain(difference, outcomes),
        }
    }
}

/// The simulated bill against what ideal tracking would cost.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IdealComparison {
    /// The monthly total if capacity tracked demand exactly, micro-dollars.
    pub total_micro_usd: Money,
    /// Simulated minus ideal, micro-dollars (positive: the controller costs more).
    pub difference_micro_usd: Money,
    /// Why the two differ.
    pub explanation: String,
}

/// Why the simulated bill differs from ideal tracking.
fn explain(difference: Money, outcomes: &[Outcome]) -> String {
    if difference == Money::ZERO {
        return String::from("the same: demand never changes in a way the controller lags behind");
    }
    let downs: u32 = outcomes.iter().map(|o| o.down_episodes).sum();
    let ups: u32 = outcomes.iter().map(|o| o.up_episodes).sum();
    let resumes: u32 = outcomes.iter().map(|o| o.resumes).sum();
    let mut text = String::new();
    if difference > Money::ZERO {
        text.push_str(&format!(
            "the controller costs {difference} more: after a drop in demand it holds capacity for the hold-down and then scales down gradually ({downs} scale-down episodes)"
        ));
        if resumes > 0 {
            text.push_str(&format!(
                ", and it waits for the idle timeout before each of its pauses ({resumes} resumes)"
            ));
        }
    } else {
        text.push_str(&format!(
            "the controller costs {} less: it reaches a higher demand only after a short ramp ({ups} scale-up episodes), so some demand goes unserved instead of billed",
            Money::from_micros(-difference.micros())
        ));
    }
    text
}
