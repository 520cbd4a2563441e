//! Lines without a price: what is missing, what to supply, and how the
//! total is labelled when it leaves them out.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Component, LineItem, Warning, WarningKind};
use crate::money::Money;
use crate::prices::{self, PriceItem};
use crate::scenario::ValidScenario;

/// A price the bill needed and no override, price book or catalog entry
/// gave: the lines it leaves unpriced and where to supply it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingPrice {
    /// The item without a price.
    pub item: PriceItem,
    /// Its billing unit, e.g. "GB-month".
    pub unit: String,
    /// The scenario field to supply it in, e.g.
    /// `priceOverrides.storageStandard`.
    pub field: String,
    /// The lines it leaves unpriced, by description.
    pub lines: Vec<String>,
    /// What to do, in words.
    pub message: String,
}

/// The missing prices of `lines`, one per item, in bill order.
pub(crate) fn missing_prices(s: &ValidScenario, lines: &[LineItem]) -> Vec<MissingPrice> {
    let mut out: Vec<MissingPrice> = Vec::new();
    for l in lines.iter().filter(|l| !l.is_priced()) {
        if let Some(m) = out.iter_mut().find(|m| m.item == l.item) {
            m.lines.push(l.description.clone());
            continue;
        }
        let field = l
            .supply
            .clone()
            .unwrap_or_else(|| format!("priceOverrides.{}", l.item.key()));
        out.push(MissingPrice {
            item: l.item,
            unit: l.unit.clone(),
            message: format!(
                "no {} price (per {}) for {} in {}{}: supply one, or a price book that has it",
                prices::label(l.item),
                l.unit,
                s.engine,
                s.region,
                if s.price_book.is_some() {
                    " in the price book or the catalog"
                } else {
                    ""
                },
            ),
            field,
            lines: alloc::vec![l.description.clone()],
        });
    }
    out
}

/// One warning per missing price (kind `unknown-price`, the field to supply).
pub(crate) fn warnings(missing: &[MissingPrice], warnings: &mut Vec<Warning>) {
    for m in missing {
        warnings.push(Warning {
            kind: WarningKind::UnknownPrice,
            field: m.field.clone(),
            message: format!("{}; the total leaves it out", m.message),
        });
    }
}

/// A short name for what a component bills, for the total's label.
fn short(component: Component) -> &'static str {
    match component {
        Component::Compute => "compute",
        Component::Storage => "storage",
        Component::Io => "I/O",
        Component::Backup => "backup",
        Component::SnapshotExport => "snapshot export",
        Component::RdsProxy => "RDS Proxy",
        Component::DataApi => "Data API",
        Component::DatabaseInsights => "Database Insights",
        Component::Backtrack => "Backtrack",
        Component::GlobalDatabase => "Global Database",
        Component::ExtendedSupport => "Extended Support",
    }
}

/// What the unpriced lines bill, in words: "storage and I/O".
pub(crate) fn unpriced_parts(lines: &[LineItem]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for l in lines.iter().filter(|l| !l.is_priced()) {
        let name = short(l.component);
        if !parts.contains(&name) {
            parts.push(name);
        }
    }
    match parts.as_slice() {
        [] => String::new(),
        [one] => String::from(*one),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// The label of a total that leaves unpriced lines out, e.g. "at least
/// $350.40 a month; storage and I/O unpriced in eu-central-1"; `None` when
/// every line is priced.
pub(crate) fn total_note(s: &ValidScenario, lines: &[LineItem], total: Money) -> Option<String> {
    if lines.iter().all(LineItem::is_priced) {
        return None;
    }
    Some(format!(
        "at least {total} a month; {} unpriced in {}",
        unpriced_parts(lines),
        s.region
    ))
}
