//! The canonical input: everything an estimate depends on.
//!
//! A `Scenario` is plain data: numbers are plain `f64`s as a person or a JSON
//! document would give them, and validation (the 0.5-ACU grid, ranges,
//! min ≤ max, known region) happens in one place, [`Scenario::validate`], so
//! every surface reports the same error for the same input. Every field has a
//! default, so an empty scenario (`{}`) is valid and describes a sensible
//! cluster.

use alloc::string::String;

use crate::acu::{Acu, check_finite};
use crate::error::{Error, ErrorCode};
use crate::prices::{self, PriceItem};

/// The Aurora database engine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Engine {
    /// Aurora PostgreSQL (`aurora-postgresql`).
    #[default]
    AuroraPostgresql,
    /// Aurora MySQL (`aurora-mysql`).
    AuroraMysql,
}

impl Engine {
    /// The AWS engine name, e.g. `aurora-postgresql`.
    pub const fn name(self) -> &'static str {
        match self {
            Engine::AuroraPostgresql => "aurora-postgresql",
            Engine::AuroraMysql => "aurora-mysql",
        }
    }
}

impl core::fmt::Display for Engine {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// The cluster's storage configuration, which sets the price of compute,
/// storage and I/O.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum StorageType {
    /// Aurora Standard (`aurora`): cheaper compute and storage, I/O billed per request.
    #[default]
    Standard,
    /// Aurora I/O-Optimized (`aurora-iopt1`): no I/O charges, dearer compute and storage.
    IoOptimized,
}

/// An instance's serverless scaling range (`ServerlessV2ScalingConfiguration`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", default, deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scaling {
    /// Minimum capacity in ACUs: a multiple of 0.5 from 0 to 256; 0 turns on
    /// auto-pause. Default 0.5.
    pub min_acu: f64,
    /// Maximum capacity in ACUs: a multiple of 0.5 from 1 to 256. Default 16.
    pub max_acu: f64,
    /// Idle seconds before an instance with `minAcu` 0 pauses: 300 to 86,400.
    /// Default 300.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub seconds_until_auto_pause: Option<u32>,
}

impl Default for Scaling {
    fn default() -> Self {
        Scaling {
            min_acu: 0.5,
            max_acu: 16.0,
            seconds_until_auto_pause: None,
        }
    }
}

/// The demand placed on the cluster over time, in ACUs.
///
/// Serialised with the kind as the key, e.g. `{"steady": {"acu": 4}}` in JSON
/// or `[workload.steady]` in TOML, which keeps error paths exact
/// (`workload.steady.acu`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        rename_all = "camelCase",
        rename_all_fields = "camelCase",
        deny_unknown_fields
    )
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Workload {
    /// The same demand for the whole month.
    Steady {
        /// Demand in ACUs (any non-negative number; capacity is the next
        /// 0.5-ACU step up, within the scaling range).
        acu: f64,
    },
}

impl Default for Workload {
    fn default() -> Self {
        Workload::Steady { acu: 4.0 }
    }
}

/// Replacement unit prices in US dollars, one optional field per catalog
/// item. An override wins over the catalog and is marked as such in the report.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", default, deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PriceOverrides {
    /// Serverless capacity on Aurora Standard, $ per ACU-hour.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub serverless_standard: Option<f64>,
    /// Serverless capacity on Aurora I/O-Optimized, $ per ACU-hour.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub serverless_io_optimized: Option<f64>,
    /// Storage on Aurora Standard, $ per GB-month.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub storage_standard: Option<f64>,
    /// Storage on Aurora I/O-Optimized, $ per GB-month.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub storage_io_optimized: Option<f64>,
}

impl PriceOverrides {
    /// The override for `item`, in dollars per unit, if the scenario sets one.
    pub fn get(&self, item: PriceItem) -> Option<f64> {
        match item {
            PriceItem::ServerlessStandard => self.serverless_standard,
            PriceItem::ServerlessIoOptimized => self.serverless_io_optimized,
            PriceItem::StorageStandard => self.storage_standard,
            PriceItem::StorageIoOptimized => self.storage_io_optimized,
        }
    }
}

/// Everything an estimate needs. `Scenario::default()` is the calculator's
/// opening scenario: a PostgreSQL cluster in us-east-1 on Aurora Standard,
/// one writer scaling 0.5–16 ACU under a steady 4-ACU load, 100 GB stored.
///
/// ```
/// use acumen::{Scenario, Workload};
/// let scenario = Scenario {
///     workload: Workload::Steady { acu: 8.0 },
///     storage_gb: 250.0,
///     ..Scenario::default()
/// };
/// assert!(scenario.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", default, deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scenario {
    /// AWS region code. Default `us-east-1`.
    pub region: String,
    /// Database engine. Default `aurora-postgresql`.
    pub engine: Engine,
    /// Storage configuration. Default `standard`.
    pub storage_type: StorageType,
    /// Hours in the billed month: 1 to 744. Default 730 (AWS's calculator convention).
    pub hours_per_month: u32,
    /// The writer's scaling range.
    pub writer: Scaling,
    /// The demand on the writer.
    pub workload: Workload,
    /// Cluster volume size in GB (billed per GB-month). Default 100.
    pub storage_gb: f64,
    /// Unit prices that replace the catalog's.
    pub price_overrides: PriceOverrides,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            region: String::from("us-east-1"),
            engine: Engine::default(),
            storage_type: StorageType::default(),
            hours_per_month: 730,
            writer: Scaling::default(),
            workload: Workload::default(),
            storage_gb: 100.0,
            price_overrides: PriceOverrides::default(),
        }
    }
}

/// Largest `hoursPerMonth`: a 31-day month.
pub const MAX_HOURS_PER_MONTH: u32 = 744;
/// Largest accepted `storageGb`. An input sanity bound, not an Aurora limit.
pub const MAX_STORAGE_GB: f64 = 1_000_000.0;
/// Range of `secondsUntilAutoPause` (AWS API reference).
pub const AUTO_PAUSE_SECONDS: core::ops::RangeInclusive<u32> = 300..=86_400;
/// Default `secondsUntilAutoPause` (AWS API reference).
pub const DEFAULT_AUTO_PAUSE_SECONDS: u32 = 300;

/// A scaling range that has passed validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValidScaling {
    /// Minimum capacity (zero means auto-pause is on).
    pub min: Acu,
    /// Maximum capacity (at least 1 ACU).
    pub max: Acu,
    /// Idle seconds before pausing; meaningful when `min` is zero.
    pub seconds_until_auto_pause: u32,
}

/// A demand that has passed validation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValidWorkload {
    /// Constant demand, in ACUs (finite, non-negative).
    Steady(f64),
}

/// A scenario that has passed validation: exact types only.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidScenario {
    /// AWS region code, known to the catalog.
    pub region: String,
    /// Database engine.
    pub engine: Engine,
    /// Storage configuration.
    pub storage_type: StorageType,
    /// Hours in the billed month.
    pub hours_per_month: u32,
    /// The writer's scaling range.
    pub writer: ValidScaling,
    /// The writer's demand.
    pub workload: ValidWorkload,
    /// Cluster volume in thousandths of a GB (input rounded to 0.001 GB).
    pub storage_milli_gb: u64,
    /// Price overrides (each checked when used).
    pub price_overrides: PriceOverrides,
}

impl Scaling {
    fn validate(&self, prefix: &str) -> Result<ValidScaling, Error> {
        let field = |name: &str| alloc::format!("{prefix}.{name}");
        let min = Acu::from_f64(self.min_acu, &field("minAcu"))?;
        let max = Acu::from_f64(self.max_acu, &field("maxAcu"))?;
        if max.halves() < 2 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                &field("maxAcu"),
                format_args!("must be between 1 and 256 ACU, got {}", self.max_acu),
            ));
        }
        if min > max {
            return Err(Error::new(
                ErrorCode::Conflict,
                &field("minAcu"),
                format_args!("must not exceed maxAcu ({max}), got {min}"),
            ));
        }
        let seconds = self
            .seconds_until_auto_pause
            .unwrap_or(DEFAULT_AUTO_PAUSE_SECONDS);
        if !AUTO_PAUSE_SECONDS.contains(&seconds) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                &field("secondsUntilAutoPause"),
                format_args!("must be between 300 and 86400 seconds, got {seconds}"),
            ));
        }
        Ok(ValidScaling {
            min,
            max,
            seconds_until_auto_pause: seconds,
        })
    }
}

impl Scenario {
    /// Checks every field and returns the exact form the calculations use.
    /// The error names the first failing field.
    pub fn validate(&self) -> Result<ValidScenario, Error> {
        if !prices::knows_region(&self.region) {
            return Err(Error::new(
                ErrorCode::UnknownRegion,
                "region",
                format_args!(
                    "the price catalog has no prices for region {:?}",
                    self.region
                ),
            ));
        }
        if !(1..=MAX_HOURS_PER_MONTH).contains(&self.hours_per_month) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "hoursPerMonth",
                format_args!("must be between 1 and 744, got {}", self.hours_per_month),
            ));
        }
        let writer = self.writer.validate("writer")?;
        let workload = match self.workload {
            Workload::Steady { acu } => {
                // Reuses the demand check: finite and non-negative.
                Acu::ceil_from_demand(acu, "workload.steady.acu")?;
                ValidWorkload::Steady(acu)
            }
        };
        check_finite(self.storage_gb, "storageGb")?;
        if !(0.0..=MAX_STORAGE_GB).contains(&self.storage_gb) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "storageGb",
                format_args!("must be between 0 and 1000000 GB, got {}", self.storage_gb),
            ));
        }
        // ≤ 1e9 milli-GB: exact in f64 and in u64.
        let storage_milli_gb = (self.storage_gb * 1000.0 + 0.5) as u64;
        Ok(ValidScenario {
            region: self.region.clone(),
            engine: self.engine,
            storage_type: self.storage_type,
            hours_per_month: self.hours_per_month,
            writer,
            workload,
            storage_milli_gb,
            price_overrides: self.price_overrides.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(edit: impl FnOnce(&mut Scenario)) -> Error {
        let mut s = Scenario::default();
        edit(&mut s);
        s.validate().unwrap_err()
    }

    #[test]
    fn default_is_valid() {
        let v = Scenario::default().validate().unwrap();
        assert_eq!(v.writer.min, Acu::HALF);
        assert_eq!(v.writer.max.halves(), 32);
        assert_eq!(v.storage_milli_gb, 100_000);
    }

    type Case = (fn(&mut Scenario), &'static str, ErrorCode);

    #[test]
    fn each_bad_field_is_named() {
        let cases: [Case; 9] = [
            (
                |s| s.region = "mars-1".into(),
                "region",
                ErrorCode::UnknownRegion,
            ),
            (
                |s| s.hours_per_month = 0,
                "hoursPerMonth",
                ErrorCode::OutOfRange,
            ),
            (
                |s| s.hours_per_month = 745,
                "hoursPerMonth",
                ErrorCode::OutOfRange,
            ),
            (
                |s| s.writer.min_acu = 0.7,
                "writer.minAcu",
                ErrorCode::OffGrid,
            ),
            (
                |s| s.writer.max_acu = 0.5,
                "writer.maxAcu",
                ErrorCode::OutOfRange,
            ),
            (
                |s| s.writer.min_acu = 32.0,
                "writer.minAcu",
                ErrorCode::Conflict,
            ),
            (
                |s| s.writer.seconds_until_auto_pause = Some(299),
                "writer.secondsUntilAutoPause",
                ErrorCode::OutOfRange,
            ),
            (
                |s| s.workload = Workload::Steady { acu: f64::NAN },
                "workload.steady.acu",
                ErrorCode::NotANumber,
            ),
            (|s| s.storage_gb = -1.0, "storageGb", ErrorCode::OutOfRange),
        ];
        for (edit, field, code) in cases {
            let e = error_of(edit);
            assert_eq!((e.field(), e.code()), (field, code), "{e}");
        }
    }
}
