//! The canonical output: an itemised monthly bill with its provenance.

use alloc::string::String;
use alloc::vec::Vec;

pub use crate::bill::{
    CatalogInfo, Component, IdealComparison, LineItem, MissingPrice, Warning, WarningKind,
};
use crate::decisions::advise::Advice;
use crate::decisions::compare::Comparison;
use crate::engine::MaxConnections;
use crate::money::Money;
use crate::prices::Confidence;
pub use crate::usage::{InstanceTimeline, InstanceUsage, TimelinePoint, UnmetDemand};
pub use crate::vocabulary::ModelInfo;
use crate::vocabulary::{Engine, StorageType};

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
    /// Monthly total in integer micro-dollars: the exact sum of the priced
    /// lines. When some lines are unpriced it is a lower bound: see
    /// `totalNote` and `unpriced`.
    pub total_micro_usd: Money,
    /// True when every line is priced; false for a partial bill.
    pub complete: bool,
    /// For a partial bill, how to read the total, e.g. "at least $350.40 a
    /// month; storage and I/O unpriced in eu-central-1"; `None` when
    /// complete.
    pub total_note: Option<String>,
    /// The prices a partial bill lacks and where to supply each (an
    /// override field, or a price book that has it); empty when complete.
    pub unpriced: Vec<MissingPrice>,
    /// Twelve times the monthly total, in integer micro-dollars.
    pub yearly_micro_usd: Money,
    /// Capacity used per instance.
    pub instances: Vec<InstanceUsage>,
    /// The default `max_connections` for the scaling range.
    pub max_connections: MaxConnections,
    /// The capacity model used.
    pub model: ModelInfo,
    /// What ideal tracking would cost, and why the simulation differs.
    pub ideal: IdealComparison,
    /// Capacity and demand over the first week (or the whole period if
    /// shorter), per instance, downsampled for charts.
    pub timeline: Vec<InstanceTimeline>,
    /// The price catalog used.
    pub catalog: CatalogInfo,
    /// Things to check before relying on the figures.
    pub warnings: Vec<Warning>,
    /// Serverless against provisioned and commitments, with the break-even
    /// and a verdict (always present in a report from [`crate::estimate`]).
    pub comparison: Option<Comparison>,
    /// Configuration advice, each item with its reason and numbers.
    pub advice: Vec<Advice>,
}

/// The simulation part of a report, as `simulate` returns it (in the CLI
/// and the JS package alike): the model, the usage per instance and the
/// chart timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Simulation<'a> {
    /// The capacity model used.
    pub model: &'a ModelInfo,
    /// Capacity used per instance.
    pub instances: &'a [InstanceUsage],
    /// Capacity and demand over the first week, per instance.
    pub timeline: &'a [InstanceTimeline],
}

impl Report {
    /// The simulation part of the report.
    pub fn simulation(&self) -> Simulation<'_> {
        Simulation {
            model: &self.model,
            instances: &self.instances,
            timeline: &self.timeline,
        }
    }

    /// The lowest confidence among the prices used, if any line is priced.
    pub fn weakest_price(&self) -> Option<Confidence> {
        self.lines
            .iter()
            .filter_map(|l| l.price.as_ref().map(|p| p.confidence))
            .min()
    }
}
