//! The canonical output: an itemised monthly bill with its provenance.

use alloc::string::String;
use alloc::vec::Vec;

use crate::money::{Money, UnitPrice};
use crate::prices::{Confidence, PriceItem, Provenance};
use crate::scenario::{Engine, StorageType};

/// The part of the bill a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Component {
    /// Serverless instance capacity (ACU-hours).
    Compute,
    /// Cluster volume storage (GB-months).
    Storage,
}

/// One line of the bill: quantity × unit price = cost.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineItem {
    /// The part of the bill.
    pub component: Component,
    /// A readable description, e.g. "writer compute".
    pub description: String,
    /// The catalog item priced.
    pub item: PriceItem,
    /// The billed quantity in `unit`s (exact value rounded to f64 for display).
    pub quantity: f64,
    /// The billing unit, e.g. "ACU-hour" or "GB-month".
    pub unit: String,
    /// The unit price in integer nano-dollars (USD × 10⁹).
    pub unit_price_nano_usd: UnitPrice,
    /// The line's cost in integer micro-dollars (USD × 10⁶), rounded once.
    pub cost_micro_usd: Money,
    /// Where the unit price came from.
    pub price: Provenance,
}

/// Capacity used by one instance over the month.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstanceUsage {
    /// "writer", or "reader-N".
    pub name: String,
    /// ACU-hours billed (exact value rounded to f64 for display).
    pub acu_hours: f64,
    /// Exact usage: half-ACU-seconds (ACU-hours × 7,200).
    pub half_acu_seconds: u64,
    /// Average capacity over the month, in ACUs.
    pub average_acu: f64,
}

/// The capacity model that produced the usage.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ModelInfo {
    /// The model's name, e.g. "ideal-tracking".
    pub name: String,
    /// The model's version.
    pub version: String,
    /// What the model assumes, in one sentence.
    pub description: String,
}

/// How serious a warning is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum WarningKind {
    /// A price used is low-confidence: check it before relying on the total.
    LowConfidencePrice,
    /// Demand exceeds the maximum capacity: the cluster cannot serve it.
    DemandAboveMax,
}

/// Something the user should know about the result.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// The kind of warning (stable).
    pub kind: WarningKind,
    /// The input or price the warning concerns.
    pub field: String,
    /// A readable explanation.
    pub message: String,
}

/// The catalog the prices came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogInfo {
    /// The catalog's name.
    pub name: String,
    /// When the catalog was compiled (ISO 8601).
    pub as_of: String,
}

/// An itemised monthly estimate.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// The version of Acumen that produced the report.
    pub acumen_version: String,
    /// AWS region code.
    pub region: String,
    /// Database engine.
    pub engine: Engine,
    /// Storage configuration.
    pub storage_type: StorageType,
    /// Hours in the billed month.
    pub hours_per_month: u32,
    /// The bill, one line per priced item.
    pub lines: Vec<LineItem>,
    /// Monthly total in integer micro-dollars: the exact sum of the lines.
    pub total_micro_usd: Money,
    /// Twelve times the monthly total, in integer micro-dollars.
    pub yearly_micro_usd: Money,
    /// Capacity used per instance.
    pub instances: Vec<InstanceUsage>,
    /// The capacity model used.
    pub model: ModelInfo,
    /// The price catalog used.
    pub catalog: CatalogInfo,
    /// Things to check before relying on the figures.
    pub warnings: Vec<Warning>,
}

impl Report {
    /// The lowest confidence among the prices used, if any line exists.
    pub fn weakest_price(&self) -> Option<Confidence> {
        self.lines.iter().map(|l| l.price.confidence).min()
    }
}
