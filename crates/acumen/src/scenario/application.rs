//! Facts about the application that the configuration advice needs,
//! checked with the rest of the scenario; the advice itself is
//! [`crate::advise`].

use crate::acu::check_finite;
use crate::error::{Error, ErrorCode};

/// Facts about the application that the advice needs. All optional.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", default, deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Application {
    /// The hot working set that should stay in the buffer pool, GiB.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub working_set_gib: Option<f64>,
    /// Application instances (pods, tasks, functions) holding connection pools.
    pub app_instances: u32,
    /// Connections in each instance's pool.
    pub pool_size: u32,
    /// Performance Insights is on (AWS recommends a minimum of 2 ACU).
    pub performance_insights: bool,
    /// The writer is the primary of a Global Database (8 ACU recommended; no auto-pause).
    pub global_database: bool,
    /// Logical replication (PostgreSQL) or binlog replication (MySQL) is on (no auto-pause).
    pub logical_replication: bool,
    /// A zero-ETL integration is attached (no auto-pause).
    pub zero_etl: bool,
}

/// Checks the application facts, naming the failing field.
pub(crate) fn check(app: &Application) -> Result<(), Error> {
    if let Some(gib) = app.working_set_gib {
        check_finite(gib, "application.workingSetGib")?;
        if !(0.0..=1_000_000.0).contains(&gib) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "application.workingSetGib",
                format_args!(
                    "must be between 0 and 1000000 GiB, got {}",
                    crate::error::Shown(gib)
                ),
            ));
        }
    }
    Ok(())
}
