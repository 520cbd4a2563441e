//! From a validated scenario to an itemised bill.
//!
//! For now capacity follows demand ideally: each instance runs at the
//! demand rounded up to the 0.5-ACU grid and clamped to its scaling range,
//! which is what simple calculators assume.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::acu::Acu;
use crate::error::{Error, ErrorCode};
use crate::money::{Money, Quantity};
use crate::prices::{self, Confidence, PriceItem};
use crate::report::{
    CatalogInfo, Component, InstanceUsage, LineItem, ModelInfo, Report, Warning, WarningKind,
};
use crate::scenario::{Scenario, ValidScaling, ValidScenario, ValidWorkload};

/// Half-ACU-seconds in one ACU-hour.
const HALF_ACU_SECONDS_PER_ACU_HOUR: u64 = 7_200;
/// Thousandths of a GB in one GB.
const MILLI_PER_UNIT: u64 = 1_000;

/// The capacity ideal tracking gives for `demand`: rounded up to the grid,
/// clamped to the scaling range. A zero demand with a zero minimum is a
/// paused instance.
pub fn ideal_capacity(demand: f64, scaling: &ValidScaling) -> Acu {
    // Validation already guarantees `demand` is finite and non-negative.
    let wanted = Acu::ceil_from_demand(demand, "").unwrap_or(Acu::MAX);
    wanted.clamp(scaling.min, scaling.max)
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
    let valid = scenario.validate()?;
    estimate_valid(&valid)
}

/// Estimates the monthly bill for an already validated scenario.
pub fn estimate_valid(s: &ValidScenario) -> Result<Report, Error> {
    let seconds = u64::from(s.hours_per_month) * 3_600;
    let ValidWorkload::Steady(demand) = s.workload;
    let capacity = ideal_capacity(demand, &s.writer);
    let writer_usage = u64::from(capacity.halves()) * seconds;

    let mut warnings = Vec::new();
    if demand > s.writer.max.as_f64() {
        warnings.push(Warning {
            kind: WarningKind::DemandAboveMax,
            field: String::from("writer.maxAcu"),
            message: format!(
                "demand of {demand} ACU exceeds the maximum of {} ACU; the writer runs at its maximum and the rest is unmet",
                s.writer.max
            ),
        });
    }

    let compute = line(
        s,
        Component::Compute,
        "writer compute",
        PriceItem::serverless(s.storage_type),
        Quantity::new(u128::from(writer_usage), HALF_ACU_SECONDS_PER_ACU_HOUR),
    )?;
    let storage = line(
        s,
        Component::Storage,
        "cluster storage",
        PriceItem::storage(s.storage_type),
        Quantity::new(u128::from(s.storage_milli_gb), MILLI_PER_UNIT),
    )?;
    let lines = vec![compute, storage];

    for l in &lines {
        if l.price.confidence == Confidence::Low {
            warnings.push(Warning {
                kind: WarningKind::LowConfidencePrice,
                field: format!("priceOverrides.{}", l.item.key()),
                message: format!(
                    "the {} price ({} per {}) is low-confidence: {}",
                    l.item.key(),
                    l.unit_price_nano_usd,
                    l.unit,
                    l.price.source
                ),
            });
        }
    }

    let total = lines
        .iter()
        .try_fold(Money::ZERO, |sum, l| sum.checked_add(l.cost_micro_usd))
        .ok_or_else(overflow)?;
    let yearly = total.checked_mul(12).ok_or_else(overflow)?;

    Ok(Report {
        acumen_version: String::from(crate::VERSION),
        region: s.region.clone(),
        engine: s.engine,
        storage_type: s.storage_type,
        hours_per_month: s.hours_per_month,
        lines,
        total_micro_usd: total,
        yearly_micro_usd: yearly,
        instances: vec![InstanceUsage {
            name: String::from("writer"),
            acu_hours: writer_usage as f64 / HALF_ACU_SECONDS_PER_ACU_HOUR as f64,
            half_acu_seconds: writer_usage,
            average_acu: capacity.as_f64(),
        }],
        model: ModelInfo {
            name: String::from("ideal-tracking"),
            version: String::from("1"),
            description: String::from(
                "capacity equals demand rounded up to the 0.5-ACU grid, within the scaling range",
            ),
        },
        catalog: CatalogInfo {
            name: String::from(prices::CATALOG_NAME),
            as_of: String::from(prices::CATALOG_AS_OF),
        },
        warnings,
    })
}

fn line(
    s: &ValidScenario,
    component: Component,
    description: &str,
    item: PriceItem,
    quantity: Quantity,
) -> Result<LineItem, Error> {
    let resolved = prices::resolve(&s.region, item, &s.price_overrides)?;
    let cost = quantity.cost(resolved.price).ok_or_else(overflow)?;
    Ok(LineItem {
        component,
        description: String::from(description),
        item,
        quantity: quantity.as_f64(),
        unit: String::from(item.unit()),
        unit_price_nano_usd: resolved.price,
        cost_micro_usd: cost,
        price: resolved.provenance,
    })
}

fn overflow() -> Error {
    Error::new(
        ErrorCode::Overflow,
        "",
        format_args!("the estimate is too large to represent"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{PriceOverrides, StorageType, Workload};

    fn steady(acu: f64) -> Scenario {
        Scenario {
            workload: Workload::Steady { acu },
            ..Scenario::default()
        }
    }

    #[test]
    fn default_scenario_bill() {
        let r = estimate(&Scenario::default()).unwrap();
        // 4 ACU × 730 h = 2,920 ACU-h × $0.12 = $350.40; 100 GB × $0.10 = $10.00.
        assert_eq!(r.lines[0].quantity, 2_920.0);
        assert_eq!(r.lines[0].cost_micro_usd, Money::from_micros(350_400_000));
        assert_eq!(r.lines[1].quantity, 100.0);
        assert_eq!(r.lines[1].cost_micro_usd, Money::from_micros(10_000_000));
        assert_eq!(r.total_micro_usd, Money::from_micros(360_400_000));
        assert_eq!(r.yearly_micro_usd, Money::from_micros(4_324_800_000));
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn demand_is_rounded_up_and_clamped() {
        // 2.2 ACU of demand runs at 2.5 ACU: 2.5 × 730 × 0.12 = $219.00.
        let r = estimate(&steady(2.2)).unwrap();
        assert_eq!(r.lines[0].cost_micro_usd, Money::from_micros(219_000_000));
        // Below the minimum: runs at 0.5 ACU = $43.80 (the reference's floor).
        let r = estimate(&steady(0.0)).unwrap();
        assert_eq!(r.lines[0].cost_micro_usd, Money::from_micros(43_800_000));
        // Above the maximum: runs at 16 ACU and warns.
        let r = estimate(&steady(40.0)).unwrap();
        assert_eq!(r.instances[0].average_acu, 16.0);
        assert_eq!(r.warnings[0].kind, WarningKind::DemandAboveMax);
    }

    #[test]
    fn zero_minimum_and_no_demand_pauses() {
        let mut s = steady(0.0);
        s.writer.min_acu = 0.0;
        let r = estimate(&s).unwrap();
        assert_eq!(r.lines[0].cost_micro_usd, Money::ZERO);
    }

    #[test]
    fn io_optimized_uses_its_prices_and_warns() {
        let mut s = steady(4.0);
        s.storage_type = StorageType::IoOptimized;
        let r = estimate(&s).unwrap();
        // 2,920 ACU-h × $0.16 = $467.20; 100 GB × $0.225 = $22.50.
        assert_eq!(r.lines[0].cost_micro_usd, Money::from_micros(467_200_000));
        assert_eq!(r.lines[1].cost_micro_usd, Money::from_micros(22_500_000));
        assert_eq!(r.warnings[0].kind, WarningKind::LowConfidencePrice);
        assert_eq!(r.warnings[0].field, "priceOverrides.serverlessIoOptimized");
    }

    #[test]
    fn overrides_replace_and_are_marked() {
        let mut s = steady(4.0);
        s.price_overrides = PriceOverrides {
            serverless_standard: Some(0.2),
            ..PriceOverrides::default()
        };
        let r = estimate(&s).unwrap();
        assert_eq!(r.lines[0].cost_micro_usd, Money::from_micros(584_000_000));
        assert!(r.lines[0].price.overridden);
        assert!(!r.lines[1].price.overridden);
        s.price_overrides.serverless_standard = Some(f64::INFINITY);
        let e = estimate(&s).unwrap_err();
        assert_eq!(e.field(), "priceOverrides.serverlessStandard");
    }

    #[test]
    fn fractional_storage_is_exact_to_the_milli_gb() {
        let mut s = steady(0.0);
        s.storage_gb = 12.345;
        let r = estimate(&s).unwrap();
        // 12.345 GB × $0.10 = $1.2345.
        assert_eq!(r.lines[1].cost_micro_usd, Money::from_micros(1_234_500));
    }

    #[test]
    fn hours_per_month_scale_compute_not_storage() {
        let mut s = steady(2.0);
        s.hours_per_month = 720;
        let r = estimate(&s).unwrap();
        // 2 × 720 × 0.12 = $172.80.
        assert_eq!(r.lines[0].cost_micro_usd, Money::from_micros(172_800_000));
        assert_eq!(r.lines[1].cost_micro_usd, Money::from_micros(10_000_000));
    }
}
