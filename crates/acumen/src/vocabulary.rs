//! The words every stage shares: the engine, the storage configuration,
//! the priced items and their overrides, how a commitment is paid, and the
//! scaling controller's parameters and identity.
//!
//! These are plain types with no logic beyond naming themselves, kept in a
//! leaf so that the input, the prices, the simulation and the report can
//! all use them without depending on one another.

use alloc::string::String;

/// Derives for an input struct: camelCase fields, every field defaulted,
/// unknown fields refused.
macro_rules! input_struct {
    ($(#[$meta:meta])* $vis:vis struct $($rest:tt)*) => {
        $(#[$meta])*
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(
            feature = "serde",
            serde(rename_all = "camelCase", default, deny_unknown_fields)
        )]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        $vis struct $($rest)*
    };
}
pub(crate) use input_struct;

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

/// A billable item the catalog prices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum PriceItem {
    /// Serverless v2 capacity on Aurora Standard, per ACU-hour.
    ServerlessStandard,
    /// Serverless v2 capacity on Aurora I/O-Optimized, per ACU-hour.
    ServerlessIoOptimized,
    /// Cluster storage on Aurora Standard, per GB-month.
    StorageStandard,
    /// Cluster storage on Aurora I/O-Optimized, per GB-month.
    StorageIoOptimized,
    /// I/O requests on Aurora Standard, per million requests.
    IoRequests,
    /// Backup storage beyond the free allowance, per GB-month.
    Backup,
    /// Snapshot export to Amazon S3, per GB of snapshot.
    SnapshotExport,
    /// Backtrack (Aurora MySQL), per million change records.
    Backtrack,
    /// Global Database replicated write I/O, per million.
    GlobalWriteIo,
    /// RDS Proxy in front of Serverless v2, per ACU-hour (at least 8 ACUs billed).
    ProxyServerless,
    /// RDS Proxy in front of provisioned instances, per vCPU-hour (at least 2 vCPUs).
    ProxyProvisioned,
    /// Data API, per million requests, for the first billion a month.
    DataApi,
    /// Data API, per million requests, beyond one billion a month.
    DataApiOverBillion,
    /// CloudWatch Database Insights in Advanced mode, per ACU-hour of the
    /// monitored serverless instances. AWS bills it under CloudWatch, and no
    /// source this crate uses gives its price: it is priced from an override
    /// or a price book, else shown as unpriced.
    DatabaseInsightsAdvanced,
    /// RDS Extended Support for serverless (years 1–2), per ACU-hour.
    ExtendedSupport,
}

impl PriceItem {
    /// Every item, in report order.
    pub const ALL: [PriceItem; 15] = [
        PriceItem::ServerlessStandard,
        PriceItem::ServerlessIoOptimized,
        PriceItem::StorageStandard,
        PriceItem::StorageIoOptimized,
        PriceItem::IoRequests,
        PriceItem::Backup,
        PriceItem::SnapshotExport,
        PriceItem::Backtrack,
        PriceItem::GlobalWriteIo,
        PriceItem::ProxyServerless,
        PriceItem::ProxyProvisioned,
        PriceItem::DataApi,
        PriceItem::DataApiOverBillion,
        PriceItem::DatabaseInsightsAdvanced,
        PriceItem::ExtendedSupport,
    ];

    /// The serverless compute item for a storage configuration.
    pub const fn serverless(storage: StorageType) -> PriceItem {
        match storage {
            StorageType::Standard => PriceItem::ServerlessStandard,
            StorageType::IoOptimized => PriceItem::ServerlessIoOptimized,
        }
    }

    /// The storage item for a storage configuration.
    pub const fn storage(storage: StorageType) -> PriceItem {
        match storage {
            StorageType::Standard => PriceItem::StorageStandard,
            StorageType::IoOptimized => PriceItem::StorageIoOptimized,
        }
    }

    /// The name used in scenarios' `priceOverrides` and in reports.
    pub const fn key(self) -> &'static str {
        match self {
            PriceItem::ServerlessStandard => "serverlessStandard",
            PriceItem::ServerlessIoOptimized => "serverlessIoOptimized",
            PriceItem::StorageStandard => "storageStandard",
            PriceItem::StorageIoOptimized => "storageIoOptimized",
            PriceItem::IoRequests => "ioRequests",
            PriceItem::Backup => "backup",
            PriceItem::SnapshotExport => "snapshotExport",
            PriceItem::Backtrack => "backtrack",
            PriceItem::GlobalWriteIo => "globalWriteIo",
            PriceItem::ProxyServerless => "proxyServerless",
            PriceItem::ProxyProvisioned => "proxyProvisioned",
            PriceItem::DataApi => "dataApi",
            PriceItem::DataApiOverBillion => "dataApiOverBillion",
            PriceItem::DatabaseInsightsAdvanced => "databaseInsightsAdvanced",
            PriceItem::ExtendedSupport => "extendedSupport",
        }
    }

    /// The billing unit the price is per.
    pub const fn unit(self) -> &'static str {
        match self {
            PriceItem::ServerlessStandard
            | PriceItem::ServerlessIoOptimized
            | PriceItem::ProxyServerless
            | PriceItem::ExtendedSupport => "ACU-hour",
            PriceItem::StorageStandard | PriceItem::StorageIoOptimized | PriceItem::Backup => {
                "GB-month"
            }
            PriceItem::SnapshotExport => "GB",
            PriceItem::IoRequests | PriceItem::DataApi | PriceItem::DataApiOverBillion => {
                "million requests"
            }
            PriceItem::Backtrack => "million change records",
            PriceItem::GlobalWriteIo => "million write I/Os",
            PriceItem::ProxyProvisioned => "vCPU-hour",
            PriceItem::DatabaseInsightsAdvanced => "ACU-hour",
        }
    }
}

input_struct! {
    /// Replacement unit prices in US dollars, one optional field per catalog
    /// item. An override wins over the catalog and is marked in the report;
    /// it is how a price the catalog lacks is supplied.
    #[derive(Clone, Debug, Default, PartialEq)]
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
        /// I/O requests, $ per million.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub io_requests: Option<f64>,
        /// Backup storage beyond the free allowance, $ per GB-month.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub backup: Option<f64>,
        /// Snapshot export, $ per GB.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub snapshot_export: Option<f64>,
        /// Backtrack, $ per million change records.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub backtrack: Option<f64>,
        /// Global Database replicated write I/O, $ per million.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub global_write_io: Option<f64>,
        /// RDS Proxy for serverless, $ per ACU-hour.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub proxy_serverless: Option<f64>,
        /// RDS Proxy for provisioned instances, $ per vCPU-hour.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub proxy_provisioned: Option<f64>,
        /// Data API, $ per million requests (first billion a month).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub data_api: Option<f64>,
        /// Data API, $ per million requests beyond one billion a month.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub data_api_over_billion: Option<f64>,
        /// Database Insights in Advanced mode, $ per ACU-hour.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub database_insights_advanced: Option<f64>,
        /// Performance Insights' long-term retention ended with Performance
        /// Insights on 31 July 2026: setting it is an error that names
        /// `databaseInsightsAdvanced`.
        #[doc(hidden)]
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(skip))]
        pub performance_insights_retention: Option<f64>,
        /// Extended Support, $ per ACU-hour.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub extended_support: Option<f64>,
    }
}

impl PriceOverrides {
    /// The override for `item`, in dollars per unit, if the scenario sets one.
    pub fn get(&self, item: PriceItem) -> Option<f64> {
        match item {
            PriceItem::ServerlessStandard => self.serverless_standard,
            PriceItem::ServerlessIoOptimized => self.serverless_io_optimized,
            PriceItem::StorageStandard => self.storage_standard,
            PriceItem::StorageIoOptimized => self.storage_io_optimized,
            PriceItem::IoRequests => self.io_requests,
            PriceItem::Backup => self.backup,
            PriceItem::SnapshotExport => self.snapshot_export,
            PriceItem::Backtrack => self.backtrack,
            PriceItem::GlobalWriteIo => self.global_write_io,
            PriceItem::ProxyServerless => self.proxy_serverless,
            PriceItem::ProxyProvisioned => self.proxy_provisioned,
            PriceItem::DataApi => self.data_api,
            PriceItem::DataApiOverBillion => self.data_api_over_billion,
            PriceItem::DatabaseInsightsAdvanced => self.database_insights_advanced,
            PriceItem::ExtendedSupport => self.extended_support,
        }
    }
}

/// How a Reserved Instance is paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Payment {
    /// Monthly only.
    #[default]
    NoUpfront,
    /// Part upfront, part monthly.
    PartialUpfront,
    /// All upfront.
    AllUpfront,
}

/// The controller's parameters. Every one has a documented default (the
/// preset of the default platform version, [`Controller::default`]; other
/// versions: [`crate::platform::PlatformVersion::controller`]) and can be
/// overridden from the scenario (`controller`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Controller {
    /// Seconds a higher need must last before scaling up. Default 2
    /// (assumption: AWS scales up when the instance "consistently" needs more).
    pub detect_up_seconds: u32,
    /// Proportional scale-up rate per second: each step adds
    /// `max(0.5 ACU, rate × capacity, burst step)`. Default 0.15 on
    /// platform version 4 (a ramp 45 % shorter), 0.07 on versions 1 to 3
    /// (capacity doubles in about 10 s; an assumption: AWS says only "the
    /// larger the current capacity, the larger the scaling increment").
    pub scale_up_rate: f64,
    /// The step, in ACUs, a scale-up may take within a second when it is
    /// larger than the proportional one (AWS, 2026: "adding up to 16 ACUs to
    /// its current capacity within a second"; low confidence). Default 16 on
    /// platform versions 3 and 4, 0 on versions 1 and 2.
    pub burst_step_acu: f64,
    /// Seconds demand must stay below capacity before scaling down. Default 60
    /// (assumption; no cooldown is documented for v2).
    pub hold_down_seconds: u32,
    /// Geometric scale-down rate per second. Default 0.004: with the 60 s
    /// hold and snapping down to the grid, 10→0.5 ACU takes about 10.6 min
    /// and 10→4 about 4.3 min, against AWS's published "approximately 10"
    /// and "approximately 5" minutes.
    pub scale_down_rate: f64,
    /// Seconds to resume from auto-pause. Default 15 (AWS docs).
    pub resume_seconds: u32,
    /// Seconds to resume after more than a day paused. Default 30 (AWS docs:
    /// "30 seconds or longer").
    pub deep_resume_seconds: u32,
    /// Capacity an instance resumes at, in ACUs (then it scales up). Default 2
    /// (the AWS docs' example resumed at 2 ACU).
    pub resume_acu: f64,
    /// Seconds an idle instance keeps running after the auto-pause timeout
    /// before it pauses. Default 108 (pausing "isn't instantaneous"; see
    /// [`crate::platform::PAUSE_DELAY_SECONDS`]).
    pub pause_delay_seconds: u32,
}

/// The capacity model that produced the usage.
#[derive(Clone, Debug, PartialEq)]
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
    /// The Serverless v2 platform version the controller's preset is for
    /// (absent for ideal tracking, which has no controller).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub platform_version: Option<u8>,
    /// The controller parameters used (defaults unless overridden).
    pub controller: Controller,
}
