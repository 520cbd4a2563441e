//! From a validated scenario to an itemised bill.
//!
//! Capacity follows demand ideally here: each instance runs at its demand
//! rounded up to the 0.5-ACU grid and clamped to the scaling range, which is
//! what simple calculators assume. Readers in promotion tiers 0 and 1 never
//! run below the writer; the writer cannot pause while a reader runs. Usage
//! accumulates as exact half-ACU-seconds; each line's cost is rounded once.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::acu::Acu;
use crate::engine::max_connections;
use crate::error::{Error, ErrorCode};
use crate::money::{Money, Quantity};
use crate::prices::{self, Confidence, PriceItem};
use crate::report::{
    CatalogInfo, Component, InstanceUsage, LineItem, ModelInfo, Report, Warning, WarningKind,
};
use crate::scenario::{Scenario, StorageType, ValidScaling, ValidScenario};
use crate::workload::Timeline;

/// Half-ACU-seconds in one ACU-hour.
const HALF_ACU_SECONDS_PER_ACU_HOUR: u64 = 7_200;
/// Thousandths of a GB in one GB.
const MILLI: u64 = 1_000;
/// Requests in one "million requests" unit.
const MILLION: u64 = 1_000_000;
/// Data API requests billed at the first-tier rate each month.
const DATA_API_FIRST_TIER: u64 = 1_000_000_000;
/// RDS Proxy bills at least 8 ACUs of serverless capacity (16 half-ACUs).
const PROXY_MIN_HALVES: u64 = 16;

/// The capacity ideal tracking gives for `demand`: rounded up to the grid,
/// clamped to the scaling range, and at least `floor`.
pub fn ideal_capacity(demand: f64, scaling: &ValidScaling, floor: Acu) -> Acu {
    // Validation guarantees `demand` is finite and non-negative.
    let wanted = Acu::ceil_from_demand(demand, "").unwrap_or(Acu::MAX);
    wanted.clamp(scaling.min.max(floor), scaling.max)
}

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

/// What ideal tracking gives one instance over the month.
#[derive(Default)]
struct Tally {
    half_acu_seconds: u64,
    paused_seconds: u64,
    at_max_seconds: u64,
    unmet_acu_seconds: f64,
    peak: Acu,
}

/// Calls `f(seconds, demands)` for each stretch where every timeline is
/// constant (all timelines have the same length).
fn for_each_stretch(timelines: &[&Timeline], mut f: impl FnMut(u64, &[f64])) {
    let n = timelines.len();
    let mut index = vec![0usize; n];
    let mut left = vec![0u64; n];
    let mut demand = vec![0.0f64; n];
    loop {
        for k in 0..n {
            if left[k] == 0 {
                let segs = timelines[k].segments();
                if index[k] == segs.len() {
                    return;
                }
                left[k] = segs[index[k]].seconds;
                demand[k] = segs[index[k]].acu;
                index[k] += 1;
            }
        }
        let step = left.iter().copied().min().unwrap_or(0);
        if step == 0 {
            return;
        }
        f(step, &demand);
        for l in &mut left {
            *l -= step;
        }
    }
}

/// Estimates the monthly bill for an already validated scenario.
pub fn estimate_valid(s: &ValidScenario) -> Result<Report, Error> {
    let mut warnings = Vec::new();
    // RDS Proxy holds connections open, so the cluster never pauses.
    let pause_blocked = s.extras.rds_proxy && s.scaling.min == Acu::ZERO;
    let floor = if pause_blocked { Acu::HALF } else { Acu::ZERO };
    if pause_blocked {
        warnings.push(Warning {
            kind: WarningKind::PauseBlocked,
            field: String::from("extras.rdsProxy"),
            message: String::from(
                "RDS Proxy keeps connections open, so the cluster never auto-pauses: capacity stays at 0.5 ACU or more",
            ),
        });
    }

    let timelines: Vec<&Timeline> = s.instances.iter().map(|i| &i.demand).collect();
    let mut tallies: Vec<Tally> = s.instances.iter().map(|_| Tally::default()).collect();
    let mut proxy_half_acu_seconds = 0u64;
    let mut capacity = vec![Acu::ZERO; s.instances.len()];
    for_each_stretch(&timelines, |seconds, demand| {
        for (k, d) in demand.iter().enumerate() {
            capacity[k] = ideal_capacity(*d, &s.scaling, floor);
        }
        // The writer cannot pause while any reader runs.
        if capacity[0] == Acu::ZERO && capacity[1..].iter().any(|c| *c > Acu::ZERO) {
            capacity[0] = Acu::HALF;
        }
        // Tier 0–1 readers never run below the writer.
        let writer = capacity[0];
        for (k, inst) in s.instances.iter().enumerate().skip(1) {
            if inst.follows_writer() && capacity[k] < writer {
                capacity[k] = writer;
            }
        }
        let mut cluster = 0u64;
        for (k, t) in tallies.iter_mut().enumerate() {
            let c = capacity[k];
            cluster += u64::from(c.halves());
            t.half_acu_seconds += u64::from(c.halves()) * seconds;
            t.peak = t.peak.max(c);
            if c == Acu::ZERO {
                t.paused_seconds += seconds;
            }
            if c == s.scaling.max {
                t.at_max_seconds += seconds;
                let unmet = demand[k] - c.as_f64();
                if unmet > 0.0 {
                    t.unmet_acu_seconds += unmet * seconds as f64;
                }
            }
        }
        proxy_half_acu_seconds += cluster.max(PROXY_MIN_HALVES) * seconds;
    });

    let mut bill = Bill::new(s);
    let compute = PriceItem::serverless(s.storage_type);
    for (inst, t) in s.instances.iter().zip(&tallies) {
        let description = match inst.promotion_tier {
            None => format!("{} compute", inst.name),
            Some(tier) => format!("{} compute (tier {tier})", inst.name),
        };
        bill.add(
            Component::Compute,
            &description,
            compute,
            acu_hours(t.half_acu_seconds),
        )?;
    }
    let total_half_acu_seconds: u64 = tallies.iter().map(|t| t.half_acu_seconds).sum();
    let u = &s.usage;
    bill.add(
        Component::Storage,
        "cluster storage",
        PriceItem::storage(s.storage_type),
        Quantity::new(u128::from(u.storage_milli_gb), MILLI),
    )?;
    match s.storage_type {
        StorageType::Standard if u.io_requests > 0 => bill.add(
            Component::Io,
            "I/O requests",
            PriceItem::IoRequests,
            Quantity::new(u128::from(u.io_requests), MILLION),
        )?,
        StorageType::IoOptimized if u.io_requests > 0 => warnings.push(Warning {
            kind: WarningKind::InputNote,
            field: String::from("io"),
            message: String::from(
                "Aurora I/O-Optimized does not bill I/O requests; the I/O given costs nothing",
            ),
        }),
        _ => {}
    }
    if u.backup_milli_gb > 0 {
        bill.add(
            Component::Backup,
            "backup storage beyond the free allowance",
            PriceItem::Backup,
            Quantity::new(u128::from(u.backup_milli_gb), MILLI),
        )?;
    }
    if u.snapshot_export_milli_gb > 0 {
        bill.add(
            Component::SnapshotExport,
            "snapshot export to S3",
            PriceItem::SnapshotExport,
            Quantity::new(u128::from(u.snapshot_export_milli_gb), MILLI),
        )?;
    }
    if s.extras.rds_proxy {
        bill.add(
            Component::RdsProxy,
            "RDS Proxy (at least 8 ACUs)",
            PriceItem::ProxyServerless,
            acu_hours(proxy_half_acu_seconds),
        )?;
    }
    if u.data_api_billed_requests > 0 {
        let first = u.data_api_billed_requests.min(DATA_API_FIRST_TIER);
        bill.add(
            Component::DataApi,
            "Data API requests (first billion)",
            PriceItem::DataApi,
            Quantity::new(u128::from(first), MILLION),
        )?;
        let rest = u.data_api_billed_requests - first;
        if rest > 0 {
            bill.add(
                Component::DataApi,
                "Data API requests (beyond one billion)",
                PriceItem::DataApiOverBillion,
                Quantity::new(u128::from(rest), MILLION),
            )?;
        }
    }
    if s.extras.performance_insights_retention {
        // ACU-months: the month's ACU-hours over its hours.
        bill.add(
            Component::PerformanceInsights,
            "Performance Insights long-term retention",
            PriceItem::PerformanceInsightsRetention,
            Quantity::new(
                u128::from(total_half_acu_seconds),
                HALF_ACU_SECONDS_PER_ACU_HOUR * u64::from(s.hours_per_month),
            ),
        )?;
    }
    if u.backtrack_change_records > 0 {
        bill.add(
            Component::Backtrack,
            "Backtrack change records",
            PriceItem::Backtrack,
            Quantity::new(u128::from(u.backtrack_change_records), MILLION),
        )?;
    }
    if u.global_write_ios > 0 {
        bill.add(
            Component::GlobalDatabase,
            "Global Database replicated write I/O",
            PriceItem::GlobalWriteIo,
            Quantity::new(u128::from(u.global_write_ios), MILLION),
        )?;
    }
    if s.extras.extended_support {
        bill.add(
            Component::ExtendedSupport,
            "RDS Extended Support",
            PriceItem::ExtendedSupport,
            acu_hours(total_half_acu_seconds),
        )?;
    }

    // Warnings, each once.
    for l in &bill.lines {
        if l.price.confidence == Confidence::Low
            && !warnings.iter().any(|w: &Warning| {
                w.kind == WarningKind::LowConfidencePrice && w.field.ends_with(l.item.key())
            })
        {
            let note = l
                .price
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            warnings.push(Warning {
                kind: WarningKind::LowConfidencePrice,
                field: format!("priceOverrides.{}", l.item.key()),
                message: format!(
                    "the {} price in {} ({} per {}) is low-confidence{note}; check it or override it",
                    prices::label(l.item),
                    s.region,
                    l.unit_price_nano_usd,
                    l.unit
                ),
            });
        }
    }
    for (inst, t) in s.instances.iter().zip(&tallies) {
        if t.unmet_acu_seconds > 0.0 {
            warnings.push(Warning {
                kind: WarningKind::DemandAboveMax,
                field: String::from("scaling.maxAcu"),
                message: format!(
                    "the {} needs more than the maximum of {} ACU for {:.1} h; {:.1} ACU-hours of demand go unserved",
                    inst.name,
                    s.scaling.max,
                    t.at_max_seconds as f64 / 3600.0,
                    t.unmet_acu_seconds / 3600.0
                ),
            });
        }
    }
    if s.scaling.max > Acu::LEGACY_MAX {
        warnings.push(Warning {
            kind: WarningKind::PlatformVersion,
            field: String::from("scaling.maxAcu"),
            message: format!(
                "a maximum of {} ACU also needs platform version 2 or later (platform version 1 stops at 128 ACU)",
                s.scaling.max
            ),
        });
    }
    for (field, message) in &s.notes {
        warnings.push(Warning {
            kind: WarningKind::InputNote,
            field: field.clone(),
            message: message.clone(),
        });
    }

    let total = bill
        .lines
        .iter()
        .try_fold(Money::ZERO, |sum, l| sum.checked_add(l.cost_micro_usd))
        .ok_or_else(overflow)?;
    let yearly = total.checked_mul(12).ok_or_else(overflow)?;
    let billed_seconds = s.instances[0].demand.seconds().max(1);
    let instances = s
        .instances
        .iter()
        .zip(&tallies)
        .map(|(inst, t)| InstanceUsage {
            name: inst.name.clone(),
            promotion_tier: inst.promotion_tier,
            acu_hours: t.half_acu_seconds as f64 / HALF_ACU_SECONDS_PER_ACU_HOUR as f64,
            half_acu_seconds: t.half_acu_seconds,
            average_acu: t.half_acu_seconds as f64 / 2.0 / billed_seconds as f64,
            peak_acu: t.peak.as_f64(),
            paused_hours: t.paused_seconds as f64 / 3600.0,
            hours_at_max: t.at_max_seconds as f64 / 3600.0,
            unmet_acu_hours: t.unmet_acu_seconds / 3600.0,
        })
        .collect();

    Ok(Report {
        acumen_version: String::from(crate::VERSION),
        region: s.region.clone(),
        engine: s.engine,
        storage_type: s.storage_type,
        hours_per_month: s.hours_per_month,
        lines: bill.lines,
        total_micro_usd: total,
        yearly_micro_usd: yearly,
        instances,
        max_connections: max_connections(s.engine, s.scaling.min, s.scaling.max),
        model: ModelInfo {
            name: String::from("ideal-tracking"),
            version: String::from("1"),
            description: String::from(
                "capacity equals demand rounded up to the 0.5-ACU grid, within the scaling range; tier 0-1 readers follow the writer",
            ),
        },
        catalog: CatalogInfo {
            name: String::from(prices::CATALOG_NAME),
            as_of: String::from(prices::CATALOG_AS_OF),
        },
        warnings,
    })
}

fn acu_hours(half_acu_seconds: u64) -> Quantity {
    Quantity::new(u128::from(half_acu_seconds), HALF_ACU_SECONDS_PER_ACU_HOUR)
}

/// The lines of a bill being built, priced from the scenario's catalog.
struct Bill<'a> {
    scenario: &'a ValidScenario,
    lines: Vec<LineItem>,
}

impl<'a> Bill<'a> {
    fn new(scenario: &'a ValidScenario) -> Self {
        Bill {
            scenario,
            lines: Vec::new(),
        }
    }

    fn add(
        &mut self,
        component: Component,
        description: &str,
        item: PriceItem,
        quantity: Quantity,
    ) -> Result<(), Error> {
        let s = self.scenario;
        let resolved = prices::resolve(&s.region, s.engine, item, &s.price_overrides)?;
        let cost = quantity.cost(resolved.price).ok_or_else(overflow)?;
        self.lines.push(LineItem {
            component,
            description: String::from(description),
            item,
            quantity: quantity.as_f64(),
            unit: String::from(item.unit()),
            unit_price_nano_usd: resolved.price,
            cost_micro_usd: cost,
            price: resolved.provenance,
        });
        Ok(())
    }
}

fn overflow() -> Error {
    Error::new(
        ErrorCode::Overflow,
        "",
        format_args!("the estimate is too large to represent"),
    )
}
