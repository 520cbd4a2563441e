//! Facts about the application that the configuration advice needs,
//! checked with the rest of the scenario; the advice itself is
//! [`crate::advise`].

use alloc::vec::Vec;

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
    /// Performance Insights data is collected, as Database Insights'
    /// Advanced mode does (AWS recommends a minimum of 2 ACU).
    pub performance_insights: bool,
    /// The writer is the primary of a Global Database (8 ACU recommended; no auto-pause).
    pub global_database: bool,
    /// Logical replication (PostgreSQL) or binlog replication (MySQL) is on (no auto-pause).
    pub logical_replication: bool,
    /// A zero-ETL integration is attached (no auto-pause).
    pub zero_etl: bool,
    /// Babelfish for Aurora PostgreSQL takes T-SQL connections (no
    /// auto-pause while they are open).
    pub babelfish: bool,
    /// `max_locks_per_transaction` is raised from its default (PostgreSQL):
    /// the larger lock table keeps capacity at 2 ACU or more.
    pub max_locks_per_transaction_raised: bool,
}

/// What keeps a cluster from pausing, as (field, name): AWS's auto-pause
/// page lists RDS Proxy (it holds connections open), logical or binlog
/// replication, a Global Database, zero-ETL and Babelfish T-SQL connections.
pub(crate) fn pause_blockers(
    app: &Application,
    rds_proxy: bool,
) -> Vec<(&'static str, &'static str)> {
    [
        (rds_proxy, "extras.rdsProxy", "RDS Proxy"),
        (
            app.global_database,
            "application.globalDatabase",
            "a Global Database",
        ),
        (
            app.logical_replication,
            "application.logicalReplication",
            "logical or binlog replication",
        ),
        (
            app.zero_etl,
            "application.zeroEtl",
            "a zero-ETL integration",
        ),
        (
            app.babelfish,
            "application.babelfish",
            "Babelfish T-SQL connections",
        ),
    ]
    .into_iter()
    .filter(|(on, _, _)| *on)
    .map(|(_, field, name)| (field, name))
    .collect()
}

/// Half-ACUs below which the application's settings keep an instance: 2 ACU
/// with a raised `max_locks_per_transaction` (AWS Database Blog, 2024: with
/// a non-default value, capacity did not go below 2 ACU), else none.
pub(crate) fn capacity_floor_halves(app: &Application) -> u32 {
    if app.max_locks_per_transaction_raised {
        4
    } else {
        0
    }
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
