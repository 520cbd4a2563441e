//! The parameter objects and results that exist only in the JS API.
//!
//! Everything else the package exchanges is a core type. This file is also
//! compiled into `crates/acumen/examples/schema.rs` (with the core's `schema`
//! feature on), so these shapes get generated TypeScript types like the core's
//! and are defined once, here.

use acumen::Engine;
use acumen::prices::{CatalogEntry, InstanceClass};
use acumen::report::Warning;
use serde::{Deserialize, Serialize};

/// The argument of `maxConnections`: an engine and a scaling range.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MaxConnectionsInput {
    /// Database engine.
    pub engine: Engine,
    /// Minimum capacity in ACUs: a multiple of 0.5 from 0 to 256, at most `maxAcu`.
    pub min_acu: f64,
    /// Maximum capacity in ACUs: a multiple of 0.5 from 1 to 256.
    pub max_acu: f64,
}

/// The argument of `capabilities`: an engine and, optionally, its version.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CapabilitiesInput {
    /// Database engine.
    pub engine: Engine,
    /// Engine version, e.g. "16.4", "3.08.0" or "8.0.mysql_aurora.3.08.0".
    /// Absent means a current version.
    #[serde(default)]
    pub engine_version: Option<String>,
}

/// The built-in price catalog: every price with its provenance, and the
/// provisioned instance classes used for comparisons.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Catalog {
    /// The catalog's name, as shown in every report.
    pub name: &'static str,
    /// When the catalog was compiled (ISO 8601).
    pub as_of: &'static str,
    /// Every priced item, per region and (where it differs) engine.
    pub entries: &'static [CatalogEntry],
    /// Provisioned instance classes with their on-demand rates.
    pub instance_classes: &'static [InstanceClass],
}

/// The result of `validate` for a scenario that passes (an invalid one
/// throws instead).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Validation {
    /// Always `true`: an invalid scenario throws an `AcumenError`.
    #[cfg_attr(feature = "schema", schemars(schema_with = "always_true"))]
    pub valid: bool,
    /// Things to check before relying on an estimate of the scenario.
    pub warnings: Vec<Warning>,
}

/// The options of `readCloudWatch`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CloudWatchOptions {
    /// The name of a series the file does not name (a headerless or
    /// `Timestamp,Value` file), e.g. the file's name without extension.
    /// Default `"capacity"`.
    #[serde(default)]
    pub name: Option<String>,
    /// Longest stretch, in seconds, a value is held across a gap (from 0 to
    /// 86400). Default 3600.
    #[serde(default)]
    pub max_gap_seconds: Option<f64>,
    /// Most grid points per series (from 2 to 31,622,400, a 366-day month of
    /// seconds). Default 31,622,400.
    #[serde(default)]
    pub max_steps: Option<f64>,
    /// Which statistic of an `aws cloudwatch get-metric-statistics`
    /// datapoint is the value: `"Average"` (the default), `"Maximum"`,
    /// `"Minimum"`, `"Sum"`, `"SampleCount"`, or an extended statistic such
    /// as `"p99"`. The grid's warnings say which was used.
    #[serde(default)]
    pub statistic: Option<String>,
}

impl CloudWatchOptions {
    /// The series name for an unnamed series.
    pub fn stem(&self) -> &str {
        self.name.as_deref().unwrap_or("capacity")
    }

    /// The reading options, checked.
    pub fn reading(&self) -> Result<acumen::cloudwatch::ReadOptions, acumen::Error> {
        let statistic = match self.statistic.as_deref() {
            None => acumen::cloudwatch::Statistic::default(),
            Some(name) => acumen::cloudwatch::Statistic::parse(name).map_err(|message| {
                acumen::Error::new(
                    acumen::ErrorCode::UnknownVariant,
                    "statistic",
                    format_args!("{message}"),
                )
            })?,
        };
        Ok(acumen::cloudwatch::ReadOptions { statistic })
    }

    /// The grid options, checked.
    pub fn grid(&self) -> Result<acumen::cloudwatch::GridOptions, acumen::Error> {
        let defaults = acumen::cloudwatch::GridOptions::default();
        let whole = |value: Option<f64>, field: &str, low: f64, high: f64, default: u64| {
            let Some(v) = value else { return Ok(default) };
            if v.fract() == 0.0 && (low..=high).contains(&v) {
                // A whole number within u64's range: the cast is exact.
                return Ok(v as u64);
            }
            Err(acumen::Error::new(
                acumen::ErrorCode::OutOfRange,
                field,
                format_args!("must be a whole number from {low} to {high}, got {v}"),
            ))
        };
        let max_steps = defaults.max_steps as u64;
        Ok(acumen::cloudwatch::GridOptions {
            max_gap_seconds: whole(
                self.max_gap_seconds,
                "maxGapSeconds",
                0.0,
                86_400.0,
                defaults.max_gap_seconds,
            )?,
            max_steps: usize::try_from(whole(
                self.max_steps,
                "maxSteps",
                2.0,
                max_steps as f64,
                max_steps,
            )?)
            .unwrap_or(defaults.max_steps),
        })
    }
}

/// The schema of a field that is always `true`.
#[cfg(feature = "schema")]
fn always_true(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "boolean", "const": true })
}
