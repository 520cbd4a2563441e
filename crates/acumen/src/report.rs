//! The canonical output: an itemised monthly bill with its provenance.

use alloc::string::String;
use alloc::vec::Vec;

use crate::engine::MaxConnections;
use crate::money::{Money, UnitPrice};
use crate::prices::{Confidence, PriceItem, Provenance};
pub use crate::vocabulary::ModelInfo;
use crate::vocabulary::{Engine, StorageType};

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
    /// I/O requests (Aurora Standard only).
    Io,
    /// Backup storage beyond the free allowance.
    Backup,
    /// Snapshot export to Amazon S3.
    SnapshotExport,
    /// RDS Proxy.
    RdsProxy,
    /// Data API requests.
    DataApi,
    /// Performance Insights long-term retention.
    PerformanceInsights,
    /// Backtrack (Aurora MySQL).
    Backtrack,
    /// Global Database replicated writes.
    GlobalDatabase,
    /// RDS Extended Support.
    ExtendedSupport,
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
    /// "writer", or "reader N".
    pub name: String,
    /// The reader's promotion tier; absent for the writer.
    pub promotion_tier: Option<u8>,
    /// ACU-hours billed (exact value rounded to f64 for display).
    pub acu_hours: f64,
    /// Exact usage: half-ACU-seconds (ACU-hours × 7,200).
    pub half_acu_seconds: u64,
    /// Average capacity over the month, in ACUs.
    pub average_acu: f64,
    /// Highest capacity reached, in ACUs.
    pub peak_acu: f64,
    /// Hours paused (zero capacity, zero compute charge).
    pub paused_hours: f64,
    /// Hours at the maximum capacity.
    pub hours_at_max: f64,
    /// Demand the instance could not serve, in ACU-hours: while scaling up
    /// (`lag`), at its maximum (`cap`) and while paused or resuming (`resume`).
    pub unmet_acu_hours: UnmetDemand,
    /// Hours at the lowest running capacity.
    pub hours_at_floor: f64,
    /// Times the instance paused.
    pub pauses: u32,
    /// Times the instance resumed (of which after more than a day paused: `deepResumes`).
    pub resumes: u32,
    /// Resumes after more than a day paused (slower).
    pub deep_resumes: u32,
    /// Runs of rising capacity.
    pub scale_up_episodes: u32,
    /// Runs of falling capacity.
    pub scale_down_episodes: u32,
    /// Largest single capacity change, in ACUs.
    pub largest_step_acu: f64,
    /// Median seconds from a rise in demand to capacity meeting it.
    pub time_to_capacity_p50_seconds: Option<u32>,
    /// 95th-percentile seconds from a rise in demand to capacity meeting it.
    pub time_to_capacity_p95_seconds: Option<u32>,
    /// ACU-hours ideal tracking would bill for this instance.
    pub ideal_acu_hours: f64,
}

/// Demand an instance could not serve, in ACU-hours, by cause.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnmetDemand {
    /// While the controller was still scaling up.
    pub lag: f64,
    /// At the maximum capacity.
    pub cap: f64,
    /// While paused or resuming.
    pub resume: f64,
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

/// One bucket of the chart timeline: ranges of capacity and demand.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelinePoint {
    /// Seconds from the start of the month to the bucket's start.
    pub start_second: u64,
    /// Lowest capacity in the bucket, ACUs.
    pub capacity_min: f64,
    /// Highest capacity in the bucket, ACUs.
    pub capacity_max: f64,
    /// Lowest demand in the bucket, ACUs.
    pub demand_min: f64,
    /// Highest demand in the bucket, ACUs.
    pub demand_max: f64,
}

/// A chart-ready, downsampled capacity/demand series for one instance.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstanceTimeline {
    /// The instance's name.
    pub name: String,
    /// Seconds per bucket.
    pub bucket_seconds: u64,
    /// The buckets, in time order.
    pub points: Vec<TimelinePoint>,
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
    /// A price the catalog lacks was needed and no override was given.
    UnknownPrice,
    /// A remark on how an input was read (e.g. a trace repeated to fill the month).
    InputNote,
    /// A maximum above 128 ACU needs a recent platform version too.
    PlatformVersion,
    /// Something in the configuration keeps the cluster from auto-pausing.
    PauseBlocked,
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
    pub comparison: Option<crate::compare::Comparison>,
    /// Configuration advice, each item with its reason and numbers.
    pub advice: Vec<crate::advise::Advice>,
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

    /// The lowest confidence among the prices used, if any line exists.
    pub fn weakest_price(&self) -> Option<Confidence> {
        self.lines.iter().map(|l| l.price.confidence).min()
    }
}
