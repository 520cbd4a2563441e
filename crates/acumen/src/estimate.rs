//! The whole pipeline, top to bottom: the scenario validated, its workload
//! expanded, the cluster simulated, the usage summed, the bill priced, the
//! decisions taken, and all of it gathered into a [`Report`].

use alloc::string::String;

use crate::bill::{self, catalog_info};
use crate::decisions;
use crate::engine::max_connections;
use crate::error::Error;
use crate::report::Report;
use crate::scenario::{Scenario, ValidScenario};
use crate::sim::model_info;
use crate::usage;

/// Estimates the monthly bill for `scenario`.
///
/// ```
/// use acumen::{estimate, Scenario, Workload};
/// let report = estimate(&Scenario {
///     workload: Workload::Steady { acu: 16.0 },
///     storage_gb: 0.0,
///     ..Scenario::default()
/// })?;
/// // 16 ACU × 730 h × $0.12 = $1,401.60.
/// assert_eq!(report.total_micro_usd.to_string(), "$1,401.60");
/// # Ok::<(), acumen::Error>(())
/// ```
pub fn estimate(scenario: &Scenario) -> Result<Report, Error> {
    estimate_valid(&scenario.validate()?)
}

/// Estimates the monthly bill for an already validated scenario, with the
/// comparison and the advice.
pub fn estimate_valid(s: &ValidScenario) -> Result<Report, Error> {
    let usage = usage::measure(s);
    let bill = bill::price(s, &usage)?;
    let (comparison, advice) = decisions::decide(s, &usage, &bill)?;
    let ideal = bill.ideal_comparison(&usage.outcomes);
    let catalog = catalog_info(s, &bill.lines);
    Ok(Report {
        acumen_version: String::from(crate::VERSION),
        region: s.region.clone(),
        engine: s.engine,
        storage_type: s.storage_type,
        hours_per_month: s.hours_per_month,
        instances: usage.instances(s),
        timeline: usage.timeline(s),
        lines: bill.lines,
        total_micro_usd: bill.total,
        complete: bill.unpriced.is_empty(),
        total_note: bill.total_note,
        unpriced: bill.unpriced,
        yearly_micro_usd: bill.yearly,
        max_connections: max_connections(s.engine, s.scaling.min, s.scaling.max),
        model: model_info(s.controller, s.platform_version),
        ideal,
        catalog,
        warnings: bill.warnings,
        comparison: Some(comparison),
        advice,
    })
}
