//! The cheapest scaling range: the (min, max) pair on the 0.5-ACU grid whose
//! simulated unmet demand stays under a limit, and the cost/unmet frontier.
//!
//! Only maxima up to the peak need matter (capacity never rises above the
//! need), and for a fixed minimum a higher maximum never serves less, so for
//! each minimum a binary search finds the smallest maximum that meets the
//! limit. That costs (number of minima) × log₂(number of maxima) simulations
//! instead of one per pair.

use alloc::vec::Vec;

use crate::acu::{Acu, check_finite};
use crate::bill::{first_capacities, simulate_cluster, total_need};
use crate::engine::capabilities;
use crate::error::{Error, ErrorCode};
use crate::money::{Money, Quantity};
use crate::prices::{self, PriceItem};
use crate::scenario::{Scenario, ValidScaling};

/// What the optimiser may accept.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", default, deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OptimizeOptions {
    /// Largest acceptable unmet demand as a share of all demand, 0 to 1.
    /// Default 0.001 (0.1 %).
    pub max_unmet_share: f64,
}

impl Default for OptimizeOptions {
    fn default() -> Self {
        OptimizeOptions {
            max_unmet_share: 0.001,
        }
    }
}

/// One evaluated scaling range.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Candidate {
    /// Minimum capacity, ACUs.
    pub min_acu: f64,
    /// Maximum capacity, ACUs.
    pub max_acu: f64,
    /// Monthly serverless compute cost, micro-dollars.
    pub compute_micro_usd: Money,
    /// Unmet demand as a share of all demand.
    pub unmet_share: f64,
}

/// The optimiser's answer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Optimization {
    /// The cheapest range meeting the limit, if any does.
    pub best: Option<Candidate>,
    /// The scenario's own range, for comparison.
    pub current: Candidate,
    /// Ranges no other beats on both cost and unmet demand, cheapest first.
    pub frontier: Vec<Candidate>,
    /// How many ranges were simulated.
    pub evaluated: u32,
}

/// Finds the cheapest (min, max) for `scenario` under `options`.
///
/// ```
/// use acumen::{Scenario, Workload};
/// use acumen::optimize::{optimize, OptimizeOptions};
/// let s = Scenario { workload: Workload::Steady { acu: 3.0 }, ..Scenario::default() };
/// let o = optimize(&s, &OptimizeOptions::default())?;
/// let best = o.best.unwrap();
/// assert_eq!(best.max_acu, 3.0); // capacity never needs more than the need
/// # Ok::<(), acumen::Error>(())
/// ```
pub fn optimize(scenario: &Scenario, options: &OptimizeOptions) -> Result<Optimization, Error> {
    check_finite(options.max_unmet_share, "maxUnmetShare")?;
    if !(0.0..=1.0).contains(&options.max_unmet_share) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "maxUnmetShare",
            format_args!("must be between 0 and 1, got {}", options.max_unmet_share),
        ));
    }
    let s = scenario.validate()?;
    let price = prices::resolve_with(
        s.price_book.as_ref(),
        &s.region,
        s.engine,
        PriceItem::serverless(s.storage_type),
        &s.price_overrides,
    )?
    .price;
    let need = total_need(&s).max(1);
    let caps = capabilities(s.engine, s.engine_version);
    let pause_blocked = s.extras.rds_proxy;
    let peak = s
        .instances
        .iter()
        .flat_map(|i| i.demand.segments())
        .map(|seg| Acu::ceil_from_demand(seg.acu, "").unwrap_or(Acu::MAX))
        .max()
        .unwrap_or(Acu::HALF)
        .min(caps.max_acu);
    let top = peak.halves().max(2);
    let lowest_min = if caps.auto_pause && !pause_blocked {
        0
    } else {
        1
    };

    let mut evaluated = 0u32;
    let mut points: Vec<Candidate> = Vec::new();
    let mut eval = |min: u16, max: u16| -> Result<Candidate, Error> {
        let scaling = ValidScaling {
            min: Acu::from_halves(min).unwrap_or(Acu::HALF),
            max: Acu::from_halves(max).unwrap_or(Acu::MAX),
            seconds_until_auto_pause: s.scaling.seconds_until_auto_pause,
        };
        let floor = if scaling.min == Acu::ZERO && pause_blocked {
            Acu::HALF
        } else {
            Acu::ZERO
        };
        let outcomes = simulate_cluster(
            &s,
            &scaling,
            pause_blocked,
            &first_capacities(&s, &scaling, floor),
        );
        let usage: u64 = outcomes.iter().map(|o| o.half_acu_seconds).sum();
        let unmet: u64 = outcomes
            .iter()
            .map(|o| o.unmet_lag + o.unmet_cap + o.unmet_resume)
            .sum();
        let cost = Quantity::new(u128::from(usage), 7_200)
            .cost(price)
            .ok_or_else(|| Error::new(ErrorCode::Overflow, "", format_args!("too large")))?;
        evaluated += 1;
        let c = Candidate {
            min_acu: scaling.min.as_f64(),
            max_acu: scaling.max.as_f64(),
            compute_micro_usd: cost,
            unmet_share: unmet as f64 / need as f64,
        };
        points.push(c);
        Ok(c)
    };

    let current = eval(s.scaling.min.halves(), s.scaling.max.halves())?;
    let mut best: Option<Candidate> = None;
    for min in lowest_min..=top {
        // Smallest max in [max(min, 2), top] meeting the limit.
        let (mut lo, mut hi) = (min.max(2), top);
        let at_top = eval(min, hi)?;
        if at_top.unmet_share > options.max_unmet_share {
            continue;
        }
        let mut found = at_top;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let c = eval(min, mid)?;
            if c.unmet_share <= options.max_unmet_share {
                hi = mid;
                found = c;
            } else {
                lo = mid + 1;
            }
        }
        if best.is_none_or(|b| found.compute_micro_usd < b.compute_micro_usd) {
            best = Some(found);
        }
    }

    // The Pareto frontier of everything simulated.
    points.sort_by(|a, b| {
        a.compute_micro_usd
            .cmp(&b.compute_micro_usd)
            .then(a.unmet_share.total_cmp(&b.unmet_share))
    });
    let mut frontier: Vec<Candidate> = Vec::new();
    for p in points {
        if frontier
            .last()
            .is_none_or(|f| p.unmet_share < f.unmet_share)
        {
            frontier.push(p);
        }
    }
    Ok(Optimization {
        best,
        current,
        frontier,
        evaluated,
    })
}
