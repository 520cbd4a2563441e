//! The canonical input: everything an estimate depends on.
//!
//! A `Scenario` is plain data: numbers are plain `f64`s as a person or a JSON
//! document gives them, and validation (the 0.5-ACU grid, ranges, min ≤ max,
//! engine-version limits, known region) happens in one place,
//! [`Scenario::validate`], so every surface reports the same error for the
//! same input. Every field has a default, so an empty scenario (`{}`) is
//! valid and describes a sensible cluster.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::acu::{Acu, check_finite};
use crate::check::out_of_range;
use crate::engine::Version;
use crate::error::{Error, ErrorCode};
use crate::platform::PlatformVersion;
use crate::prices;
use crate::vocabulary::{Controller, input_struct};
use crate::workload::Timeline;

mod application;
mod compare_options;
mod validate;

pub use crate::check::{MAX_COUNT, MAX_DEMAND_ACU, MAX_GB, MAX_HOURS_PER_MONTH};
pub use crate::workload::{
    BusinessHours, Level, MAX_LEVEL_HOURS, MAX_SPIKES, MAX_TRACE_SAMPLES, Spike, Trace, Workload,
};
pub use application::Application;
pub use compare_options::{ClassOption, CompareOptions, ReservedOffer};
pub(crate) use compare_options::{commitment_micros, discount_ppm};

pub use crate::vocabulary::{Engine, PriceOverrides, StorageType};

input_struct! {
    /// The cluster's serverless scaling range (`ServerlessV2ScalingConfiguration`),
    /// shared by the writer and every serverless reader.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Scaling {
        /// Minimum capacity in ACUs: a multiple of 0.5 from 0 to 256; 0 turns on
        /// auto-pause (on engine versions that support it). Default 0.5.
        pub min_acu: f64,
        /// Maximum capacity in ACUs: a multiple of 0.5 from 1 to 256 (128 on
        /// older engine versions). Default 16.
        pub max_acu: f64,
        /// Idle seconds before an instance with `minAcu` 0 pauses: 300 to
        /// 86,400. Default 300.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub seconds_until_auto_pause: Option<u32>,
    }
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

input_struct! {
    /// A reader (Aurora Replica) running as a serverless instance.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct Reader {
        /// Failover promotion tier, 0 to 15. Tiers 0 and 1 never scale below
        /// the writer (and pause with it); tiers 2 to 15 scale on their own.
        /// Default 0.
        pub promotion_tier: u8,
        /// The reader's own demand. Default: the same as the writer's.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub workload: Option<Workload>,
    }
}

/// I/O requests on Aurora Standard (none are billed on I/O-Optimized).
#[derive(Clone, Debug, Default, PartialEq)]
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
pub enum IoUsage {
    /// No I/O to bill.
    #[default]
    None,
    /// A monthly total of read and write I/O requests.
    Monthly {
        /// Requests a month.
        requests: f64,
    },
    /// Rates, as AWS's Pricing Calculator asks for them.
    Rates {
        /// Requests per second outside the peak.
        baseline_per_second: f64,
        /// Requests per second during the peak.
        peak_per_second: f64,
        /// Hours a month at the peak rate.
        peak_hours_per_month: f64,
    },
}

input_struct! {
    /// Optional features that are billed.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct Extras {
        /// An RDS Proxy in front of the cluster: billed per ACU-hour of the
        /// cluster's serverless capacity, at least 8 ACUs.
        pub rds_proxy: bool,
        /// Data API requests a month.
        pub data_api_requests: f64,
        /// Average Data API payload in KB: each request is billed per started
        /// 32 KB. Default 0 (up to 32 KB: one billed request each).
        pub data_api_payload_kb: f64,
        /// GB of snapshots exported to Amazon S3 a month.
        pub snapshot_export_gb: f64,
        /// CloudWatch Database Insights: `standard` (no charge; the default)
        /// or `advanced` (billed per ACU-hour of the monitored serverless
        /// instances; no sourced price, so supply one).
        pub database_insights: DatabaseInsights,
        /// Performance Insights ended on 31 July 2026: `true` is an error
        /// that names `extras.databaseInsights`.
        #[doc(hidden)]
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
        #[cfg_attr(feature = "schema", schemars(skip))]
        pub performance_insights_retention: bool,
        /// Backtrack change records a month (Aurora MySQL).
        pub backtrack_change_records: f64,
        /// Global Database replicated write I/Os a month.
        pub global_write_ios: f64,
        /// The engine version is in RDS Extended Support (billed per ACU-hour).
        pub extended_support: bool,
    }
}

/// CloudWatch Database Insights' mode (it replaced Performance Insights,
/// which ended on 31 July 2026).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum DatabaseInsights {
    /// Standard mode: no charge.
    #[default]
    Standard,
    /// Advanced mode: billed per ACU-hour of the monitored serverless
    /// instances, with a longer history and query-level detail.
    Advanced,
}

#[cfg(feature = "serde")]
fn is_false(b: &bool) -> bool {
    !*b
}

input_struct! {
    /// Overrides of the scaling controller's parameters; each absent field
    /// keeps the platform version's preset (see [`crate::sim::Controller`]
    /// and [`PlatformVersion::controller`]).
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct ControllerOverrides {
        /// Seconds a higher need must last before scaling up: 1 to 60. Default 2.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub detect_up_seconds: Option<u32>,
        /// Proportional scale-up rate per second: 0.01 to 1. Default 0.07.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub scale_up_rate: Option<f64>,
        /// Extra ACUs a scale-up step may add at once: 0 to 256. Default 0.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub burst_step_acu: Option<f64>,
        /// Seconds below capacity before scaling down: 0 to 3,600. Default 60.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub hold_down_seconds: Option<u32>,
        /// Geometric scale-down rate per second: 0.0001 to 0.5. Default 0.004.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub scale_down_rate: Option<f64>,
        /// Seconds to resume from a pause: 0 to 600. Default 15.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub resume_seconds: Option<u32>,
        /// Seconds to resume after more than a day paused: 0 to 600. Default 30.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub deep_resume_seconds: Option<u32>,
        /// Capacity an instance resumes at, in ACUs: 0.5 to 256. Default 2.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub resume_acu: Option<f64>,
        /// Seconds past the auto-pause timeout before an idle instance
        /// pauses: 0 to 3,600. Default 108.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub pause_delay_seconds: Option<u32>,
    }
}

/// An integer override of `controller.{name}` within `lo..=hi`, or the default.
fn int_override(v: Option<u32>, default: u32, lo: u32, hi: u32, name: &str) -> Result<u32, Error> {
    match v {
        None => Ok(default),
        Some(v) if (lo..=hi).contains(&v) => Ok(v),
        Some(v) => Err(out_of_range(
            &format!("controller.{name}"),
            &format!("between {lo} and {hi}"),
            v,
        )),
    }
}

/// A real override of `controller.{name}`, finite and within `lo..=hi`,
/// or the default.
fn real_override(v: Option<f64>, default: f64, lo: f64, hi: f64, name: &str) -> Result<f64, Error> {
    let field = format!("controller.{name}");
    match v {
        None => Ok(default),
        Some(v) => {
            check_finite(v, &field)?;
            if (lo..=hi).contains(&v) {
                Ok(v)
            } else {
                Err(out_of_range(&field, &format!("between {lo} and {hi}"), v))
            }
        }
    }
}

impl ControllerOverrides {
    /// The controller of `platform` with these overrides applied, checked
    /// field by field.
    pub fn resolve(&self, platform: PlatformVersion) -> Result<Controller, Error> {
        let d = platform.controller();
        let int = int_override;
        let real = real_override;
        Ok(Controller {
            detect_up_seconds: int(
                self.detect_up_seconds,
                d.detect_up_seconds,
                1,
                60,
                "detectUpSeconds",
            )?,
            scale_up_rate: real(
                self.scale_up_rate,
                d.scale_up_rate,
                0.01,
                1.0,
                "scaleUpRate",
            )?,
            burst_step_acu: real(
                self.burst_step_acu,
                d.burst_step_acu,
                0.0,
                256.0,
                "burstStepAcu",
            )?,
            hold_down_seconds: int(
                self.hold_down_seconds,
                d.hold_down_seconds,
                0,
                3_600,
                "holdDownSeconds",
            )?,
            scale_down_rate: real(
                self.scale_down_rate,
                d.scale_down_rate,
                0.0001,
                0.5,
                "scaleDownRate",
            )?,
            resume_seconds: int(
                self.resume_seconds,
                d.resume_seconds,
                0,
                600,
                "resumeSeconds",
            )?,
            deep_resume_seconds: int(
                self.deep_resume_seconds,
                d.deep_resume_seconds,
                0,
                600,
                "deepResumeSeconds",
            )?,
            resume_acu: real(self.resume_acu, d.resume_acu, 0.5, 256.0, "resumeAcu")?,
            pause_delay_seconds: int(
                self.pause_delay_seconds,
                d.pause_delay_seconds,
                0,
                3_600,
                "pauseDelaySeconds",
            )?,
        })
    }
}

input_struct! {
    /// Everything an estimate needs. `Scenario::default()` is the calculator's
    /// opening scenario: Aurora PostgreSQL in us-east-1 on Aurora Standard, one
    /// writer scaling 0.5–16 ACU under a steady 4-ACU load, 100 GB stored.
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
    pub struct Scenario {
        /// AWS region code. Default `us-east-1`.
        pub region: String,
        /// Database engine. Default `aurora-postgresql`.
        pub engine: Engine,
        /// Engine version, e.g. "16.4" or "3.08.0". Default: a current version
        /// (auto-pause and 256 ACU allowed).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub engine_version: Option<String>,
        /// Serverless v2 platform version, 1 to 4: it limits the maximum
        /// (128 ACU on version 1) and sets how fast the model scales up.
        /// Default: 4, the version new clusters get.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub platform_version: Option<u8>,
        /// Storage configuration. Default `standard`.
        pub storage_type: StorageType,
        /// Hours in the billed month: 1 to 744. Default 730 (AWS's calculator convention).
        pub hours_per_month: u32,
        /// The cluster's serverless scaling range.
        pub scaling: Scaling,
        /// The demand on the writer.
        pub workload: Workload,
        /// Recurring bursts of extra demand on the writer.
        pub spikes: Vec<Spike>,
        /// Serverless readers, up to 15.
        pub readers: Vec<Reader>,
        /// Cluster volume size in GB (billed per GB-month). Default 100.
        pub storage_gb: f64,
        /// I/O requests (billed on Aurora Standard only).
        pub io: IoUsage,
        /// Total backup storage in GB; the part up to the cluster volume size is free.
        pub backup_storage_gb: f64,
        /// Optional billed features.
        pub extras: Extras,
        /// Unit prices that replace the catalog's (and the price book's).
        pub price_overrides: PriceOverrides,
        /// When true, a line without a known price is an `unknown_price`
        /// error naming the override to supply, instead of an unpriced line
        /// in a partial bill. Default false.
        pub strict_prices: bool,
        /// Prices imported from AWS's Price List (`acumen prices import`),
        /// used before the built-in catalog; absent: the catalog alone.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub price_book: Option<prices::PriceBook>,
        /// Overrides of the scaling controller's parameters.
        pub controller: ControllerOverrides,
        /// Provisioned classes and commitments to compare with.
        pub compare: CompareOptions,
        /// Facts about the application, for configuration advice.
        pub application: Application,
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            region: String::from("us-east-1"),
            engine: Engine::default(),
            engine_version: None,
            platform_version: None,
            storage_type: StorageType::default(),
            hours_per_month: 730,
            scaling: Scaling::default(),
            workload: Workload::default(),
            spikes: Vec::new(),
            readers: Vec::new(),
            storage_gb: 100.0,
            io: IoUsage::None,
            backup_storage_gb: 0.0,
            extras: Extras::default(),
            price_overrides: PriceOverrides::default(),
            strict_prices: false,
            price_book: None,
            controller: ControllerOverrides::default(),
            compare: CompareOptions::default(),
            application: Application::default(),
        }
    }
}

/// Most samples in all of a scenario's traces together (writer and readers):
/// a 744-hour month of one-second samples for each of 16 instances. Bounds
/// the memory a scenario's demand can take (8 bytes a sample as input, at
/// most 16 bytes a simulated second per instance once validated).
pub const MAX_SCENARIO_SAMPLES: usize = 16 * 2_678_400;
/// Range of `secondsUntilAutoPause` (AWS API reference).
pub const AUTO_PAUSE_SECONDS: core::ops::RangeInclusive<u32> = 300..=86_400;
/// Default `secondsUntilAutoPause` (AWS API reference).
pub const DEFAULT_AUTO_PAUSE_SECONDS: u32 = 300;
/// Most readers in a cluster (AWS: up to 15 Aurora Replicas).
pub const MAX_READERS: usize = 15;

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

/// One serverless instance's validated demand.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidInstance {
    /// "writer", "reader 1", …
    pub name: String,
    /// Promotion tier (`None` for the writer).
    pub promotion_tier: Option<u8>,
    /// Demand over the month.
    pub demand: Timeline,
}

impl ValidScenario {
    /// What keeps this cluster from auto-pausing, as (field, name); empty
    /// when nothing does.
    pub fn pause_blockers(&self) -> Vec<(&'static str, &'static str)> {
        application::pause_blockers(&self.application, self.extras.rds_proxy)
    }

    /// The lowest running capacity the application's settings allow, in
    /// half-ACUs (0: only the scaling range's minimum).
    pub fn capacity_floor_halves(&self) -> u32 {
        application::capacity_floor_halves(&self.application)
    }

    /// Every instance's need a second (writer first), when every demand is
    /// held one sample a second: what the cluster-wide passes over a
    /// per-second trace read instead of walking millions of stretches.
    pub(crate) fn needs_per_second(&self) -> Option<Vec<&[u32]>> {
        self.instances
            .iter()
            .map(|i| i.demand.needs_per_second())
            .collect()
    }
}

impl ValidInstance {
    /// True for the writer and for readers that follow it (tiers 0 and 1).
    pub fn follows_writer(&self) -> bool {
        matches!(self.promotion_tier, Some(0 | 1))
    }
}

/// Exact monthly quantities of the non-compute items.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidUsage {
    /// Cluster volume in thousandths of a GB.
    pub storage_milli_gb: u64,
    /// Billed backup storage (beyond the free allowance), thousandths of a GB.
    pub backup_milli_gb: u64,
    /// I/O requests a month.
    pub io_requests: u64,
    /// Data API requests a month as billed (per started 32 KB).
    pub data_api_billed_requests: u64,
    /// Snapshot export, thousandths of a GB.
    pub snapshot_export_milli_gb: u64,
    /// Backtrack change records a month.
    pub backtrack_change_records: u64,
    /// Global Database replicated write I/Os a month.
    pub global_write_ios: u64,
}

/// A scenario that has passed validation: exact types only.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidScenario {
    /// AWS region code, known to the catalog.
    pub region: String,
    /// Database engine.
    pub engine: Engine,
    /// Engine version, if given.
    pub engine_version: Option<Version>,
    /// The platform version, given or the default.
    pub platform_version: PlatformVersion,
    /// Whether the scenario gave the platform version (false: the default
    /// was assumed).
    pub platform_version_given: bool,
    /// Storage configuration.
    pub storage_type: StorageType,
    /// Hours in the billed month.
    pub hours_per_month: u32,
    /// The cluster's scaling range.
    pub scaling: ValidScaling,
    /// The writer first, then the readers in order.
    pub instances: Vec<ValidInstance>,
    /// Monthly quantities of the other items.
    pub usage: ValidUsage,
    /// Billed features.
    pub extras: Extras,
    /// Price overrides (each checked when used).
    pub price_overrides: PriceOverrides,
    /// Unpriced lines are errors.
    pub strict_prices: bool,
    /// The price book, checked; used before the catalog.
    pub price_book: Option<prices::PriceBook>,
    /// The scaling controller's parameters.
    pub controller: Controller,
    /// What to compare with (checked: every rate, discount and term).
    pub compare: CompareOptions,
    /// Facts about the application (checked).
    pub application: Application,
    /// Things the user should know about how the input was read.
    pub notes: Vec<(String, String)>,
}

/// The scaling-range rule every surface shares: `min_acu` and `max_acu` on
/// the 0.5-ACU grid from 0 to 256, a maximum of at least 1 ACU, and
/// min ≤ max. Errors name `{prefix}minAcu` or `{prefix}maxAcu` (`prefix` is
/// e.g. `"scaling."`, or `""` for top-level fields).
///
/// ```
/// use acumen::scenario::validate_acu_range;
/// let (min, max) = validate_acu_range(0.5, 16.0, "scaling.")?;
/// assert_eq!((min.as_f64(), max.as_f64()), (0.5, 16.0));
/// let e = validate_acu_range(8.0, 4.0, "").unwrap_err();
/// assert_eq!((e.code(), e.field()), (acumen::ErrorCode::Conflict, "minAcu"));
/// # Ok::<(), acumen::Error>(())
/// ```
pub fn validate_acu_range(min_acu: f64, max_acu: f64, prefix: &str) -> Result<(Acu, Acu), Error> {
    let field = |name: &str| format!("{prefix}{name}");
    let min = Acu::from_f64(min_acu, &field("minAcu"))?;
    // The maximum's own range first, so that -5 and 0.5 are refused by the
    // same rule in the same words.
    check_finite(max_acu, &field("maxAcu"))?;
    if !(1.0..=Acu::MAX.as_f64()).contains(&max_acu) {
        return Err(out_of_range(
            &field("maxAcu"),
            "between 1 and 256 ACU",
            crate::error::Shown(max_acu),
        ));
    }
    let max = Acu::from_f64(max_acu, &field("maxAcu"))?;
    if min > max {
        return Err(Error::new(
            ErrorCode::Conflict,
            &field("minAcu"),
            format_args!("must not exceed maxAcu ({max}), got {min}"),
        ));
    }
    Ok((min, max))
}

impl Scaling {
    /// Checks the range ([`validate_acu_range`]) and the auto-pause
    /// seconds; errors name fields under `prefix`, e.g. `scaling.maxAcu`.
    pub fn validate(&self, prefix: &str) -> Result<ValidScaling, Error> {
        let (min, max) = validate_acu_range(self.min_acu, self.max_acu, &format!("{prefix}."))?;
        let seconds = self
            .seconds_until_auto_pause
            .unwrap_or(DEFAULT_AUTO_PAUSE_SECONDS);
        if !AUTO_PAUSE_SECONDS.contains(&seconds) {
            return Err(out_of_range(
                &format!("{prefix}.secondsUntilAutoPause"),
                "between 300 and 86400 seconds",
                seconds,
            ));
        }
        Ok(ValidScaling {
            min,
            max,
            seconds_until_auto_pause: seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workload::HOUR;

    fn error_of(edit: impl FnOnce(&mut Scenario)) -> Error {
        let mut s = Scenario::default();
        edit(&mut s);
        s.validate().unwrap_err()
    }

    #[test]
    fn comparison_options_and_application_facts_are_checked_by_validate() {
        let e = error_of(|s| s.compare.serverless_savings_plan_discount = Some(0.95));
        assert_eq!(
            (e.code(), e.field()),
            (
                ErrorCode::OutOfRange,
                "compare.serverlessSavingsPlanDiscount"
            )
        );
        let e = error_of(|s| {
            s.compare.classes = vec![ClassOption {
                class: String::from("db.r6g.large"),
                reserved: vec![ReservedOffer {
                    term_years: 2,
                    ..ReservedOffer::default()
                }],
                ..ClassOption::default()
            }]
        });
        assert_eq!(
            (e.code(), e.field()),
            (
                ErrorCode::OutOfRange,
                "compare.classes[0].reserved[0].termYears"
            )
        );
        let e = error_of(|s| s.application.working_set_gib = Some(-1.0));
        assert_eq!(
            (e.code(), e.field()),
            (ErrorCode::OutOfRange, "application.workingSetGib")
        );
    }

    #[test]
    fn the_acu_range_rule_names_fields_under_its_prefix() {
        let e = validate_acu_range(0.5, 0.5, "").unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::OutOfRange, "maxAcu"));
        let e = validate_acu_range(0.25, 4.0, "scaling.").unwrap_err();
        assert_eq!(e.field(), "scaling.minAcu");
        let e = validate_acu_range(8.0, 4.0, "scaling.").unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            (ErrorCode::Conflict, "scaling.minAcu")
        );
        assert!(validate_acu_range(0.0, 1.0, "").is_ok());
    }

    #[test]
    fn default_is_valid() {
        let v = Scenario::default().validate().unwrap();
        assert_eq!(v.scaling.min, Acu::HALF);
        assert_eq!(v.scaling.max.halves(), 32);
        assert_eq!(v.usage.storage_milli_gb, 100_000);
        assert_eq!(v.instances.len(), 1);
        assert_eq!(v.instances[0].demand.run_count(), 1);
        assert_eq!(v.instances[0].demand.seconds(), 730 * 3600);
    }

    type Case = (fn(&mut Scenario), &'static str, ErrorCode);

    fn check_cases(cases: &[Case]) {
        for (edit, field, code) in cases {
            let e = error_of(edit);
            assert_eq!((e.field(), e.code()), (*field, *code), "{e}");
        }
    }

    #[test]
    fn each_bad_top_level_field_is_named() {
        check_cases(&[
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
                |s| s.scaling.min_acu = 0.7,
                "scaling.minAcu",
                ErrorCode::OffGrid,
            ),
            (
                |s| s.scaling.max_acu = 0.5,
                "scaling.maxAcu",
                ErrorCode::OutOfRange,
            ),
            (
                |s| s.scaling.min_acu = 32.0,
                "scaling.minAcu",
                ErrorCode::Conflict,
            ),
            (
                |s| s.scaling.seconds_until_auto_pause = Some(299),
                "scaling.secondsUntilAutoPause",
                ErrorCode::OutOfRange,
            ),
            (
                |s| s.workload = Workload::Steady { acu: f64::NAN },
                "workload.steady.acu",
                ErrorCode::NotANumber,
            ),
            (|s| s.storage_gb = -1.0, "storageGb", ErrorCode::OutOfRange),
            (
                |s| s.engine_version = Some("abc".into()),
                "engineVersion",
                ErrorCode::OutOfRange,
            ),
            (
                |s| {
                    s.engine_version = Some("15.4".into());
                    s.scaling.min_acu = 0.0;
                },
                "scaling.minAcu",
                ErrorCode::OutOfRange,
            ),
            (
                |s| {
                    s.engine = Engine::AuroraMysql;
                    s.engine_version = Some("3.04.0".into());
                    s.scaling.max_acu = 256.0;
                },
                "scaling.maxAcu",
                ErrorCode::OutOfRange,
            ),
        ]);
    }

    #[test]
    fn each_bad_field_of_a_part_is_named() {
        check_cases(&[
            (
                |s| s.readers = alloc::vec![Reader::default(); 16],
                "readers",
                ErrorCode::OutOfRange,
            ),
            (
                |s| {
                    s.readers = alloc::vec![Reader {
                        promotion_tier: 16,
                        workload: None
                    }]
                },
                "readers[0].promotionTier",
                ErrorCode::OutOfRange,
            ),
            (
                |s| {
                    s.workload = Workload::Weekly {
                        hourly_acu: alloc::vec![1.0; 167],
                    }
                },
                "workload.weekly.hourlyAcu",
                ErrorCode::OutOfRange,
            ),
            (
                |s| {
                    s.workload = Workload::Trace(Trace {
                        interval_seconds: 60,
                        acu: alloc::vec![1.0, -2.0],
                    })
                },
                "workload.trace.acu[1]",
                ErrorCode::OutOfRange,
            ),
            (
                |s| {
                    s.workload = Workload::BusinessHours(BusinessHours {
                        start_hour: 24,
                        ..BusinessHours::default()
                    })
                },
                "workload.businessHours.startHour",
                ErrorCode::OutOfRange,
            ),
            (
                |s| {
                    s.spikes = alloc::vec![Spike {
                        extra_acu: 4.0,
                        duration_minutes: 0,
                        ..Spike::default()
                    }]
                },
                "spikes[0].durationMinutes",
                ErrorCode::OutOfRange,
            ),
            (
                |s| {
                    s.io = IoUsage::Rates {
                        baseline_per_second: 1.0,
                        peak_per_second: 2.0,
                        peak_hours_per_month: 800.0,
                    }
                },
                "io.rates.peakHoursPerMonth",
                ErrorCode::OutOfRange,
            ),
            (
                |s| s.extras.backtrack_change_records = 5.0,
                "extras.backtrackChangeRecords",
                ErrorCode::Conflict,
            ),
            (
                |s| s.price_overrides.backup = Some(-1.0),
                "priceOverrides.backup",
                ErrorCode::OutOfRange,
            ),
        ]);
    }

    #[test]
    fn business_hours_on_a_730_hour_month() {
        // From Monday 00:00, 730 h = 4 weeks + 2 days + 10 h: 22 full weekdays
        // (220 h) plus 08:00–10:00 of the 31st day, a Wednesday (2 h).
        let w = Workload::BusinessHours(BusinessHours {
            peak_acu: 16.0,
            off_peak_acu: 2.0,
            ..BusinessHours::default()
        });
        let t = w.timeline(730 * HOUR, "workload", &mut Vec::new()).unwrap();
        let peak: u64 = t.runs().filter(|s| s.acu == 16.0).map(|s| s.seconds).sum();
        assert_eq!(peak, 222 * HOUR);
        assert_eq!(t.seconds() - peak, 508 * HOUR);
    }

    #[test]
    fn levels_state_the_seed_example_and_note_the_hours() {
        let w = Workload::Levels(alloc::vec![
            Level {
                acu: 16.0,
                hours: 220.0
            },
            Level {
                acu: 2.0,
                hours: 520.0
            },
        ]);
        let mut notes = Vec::new();
        let t = w.timeline(730 * HOUR, "workload", &mut notes).unwrap();
        assert_eq!(t.seconds(), 740 * HOUR);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].1.contains("740 h"), "{:?}", notes);
    }

    #[test]
    fn spikes_add_demand_in_their_windows() {
        let s = Scenario {
            hours_per_month: 48,
            spikes: alloc::vec![Spike {
                extra_acu: 6.0,
                every_hours: 24,
                start_minute: 540,
                duration_minutes: 30
            }],
            ..Scenario::default()
        };
        let v = s.validate().unwrap();
        let t = &v.instances[0].demand;
        let spiked: u64 = t.runs().filter(|s| s.acu == 10.0).map(|s| s.seconds).sum();
        assert_eq!(spiked, 2 * 30 * 60);
        assert_eq!(t.seconds(), 48 * HOUR);
    }

    #[test]
    fn io_rates_follow_the_pricing_calculator() {
        let s = Scenario {
            io: IoUsage::Rates {
                baseline_per_second: 100.0,
                peak_per_second: 1000.0,
                peak_hours_per_month: 30.0,
            },
            ..Scenario::default()
        };
        // 100/s × 700 h + 1000/s × 30 h = 252,000,000 + 108,000,000.
        assert_eq!(s.validate().unwrap().usage.io_requests, 360_000_000);
    }

    #[test]
    fn backup_allowance_and_data_api_units() {
        let s = Scenario {
            storage_gb: 100.0,
            backup_storage_gb: 250.0,
            extras: Extras {
                data_api_requests: 1_000.0,
                data_api_payload_kb: 35.0,
                ..Extras::default()
            },
            ..Scenario::default()
        };
        let u = s.validate().unwrap().usage;
        assert_eq!(u.backup_milli_gb, 150_000);
        assert_eq!(u.data_api_billed_requests, 2_000);
    }
}
