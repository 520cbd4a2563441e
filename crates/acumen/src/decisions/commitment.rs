//! Database Savings Plans as AWS bills them: an hourly commitment.
//!
//! A plan is a commitment of `c` dollars an hour, paid for every hour of the
//! term whether used or not (paused hours too). Each hour, eligible usage is
//! charged at the plan's discounted rate and drawn from that hour's
//! commitment; usage beyond it is billed on-demand; commitment an hour does
//! not use is lost. So one hour with on-demand spend `s` costs
//! `c + max(0, s − c·p/r)` at on-demand price `p` and plan rate `r`.
//!
//! The month's cost is convex and piecewise linear in `c`, and its minimum
//! has a closed form (see [`Plan::best`]): with `d = 1 − r/p` the discount
//! and the hours' usage sorted from the smallest, the best commitment covers
//! the `⌈d·H⌉`-th smallest hour at the plan rate. Money stays exact: every
//! cost is one integer division of an exact sum, rounded once to the
//! micro-dollar (halves up), as the bill does.
//!
//! ```
//! use acumen::compare::{HourlyLoad, Plan};
//! use acumen::{Money, UnitPrice};
//! // 2 ACU every hour of a 730-hour month at $0.12, a plan rate of $0.096 (20 % off).
//! let load = HourlyLoad::serverless(vec![2 * 2 * 3600; 730], UnitPrice::from_nanos(120_000_000));
//! let plan = Plan::new(&load, Some(UnitPrice::from_nanos(96_000_000)), "compare.serverlessSavingsPlanDiscount")?;
//! let best = plan.best()?;
//! // Steady use: the best commitment covers it all, 2 × $0.096 = $0.192 an hour.
//! assert_eq!(best, Money::from_micros(192_000));
//! // 730 × $0.192 = $140.16 against 730 × $0.24 = $175.20 on-demand.
//! assert_eq!(plan.monthly(best)?, Money::from_micros(140_160_000));
//! assert_eq!(plan.monthly(Money::ZERO)?, Money::from_micros(175_200_000));
//! # Ok::<(), acumen::Error>(())
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode};
use crate::money::{Money, UnitPrice};
use crate::usage::HALF_ACU_SECONDS_PER_ACU_HOUR;

/// Eligible usage hour by hour over the month, with its on-demand price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HourlyLoad {
    /// Usage in each hour the commitment is paid for, in `per`-ths of the
    /// priced unit; an hour with no usage (paused) is 0.
    usage: Vec<u64>,
    /// Usage units per priced unit (7,200 half-ACU-seconds per ACU-hour).
    per: u64,
    /// On-demand price per priced unit.
    on_demand: UnitPrice,
}

impl HourlyLoad {
    /// A load of `usage[h]` units in hour `h`, `per` units to the priced
    /// unit, at `on_demand` per priced unit (`per` 0 is read as 1).
    pub fn new(usage: Vec<u64>, per: u64, on_demand: UnitPrice) -> Self {
        HourlyLoad {
            usage,
            per: per.max(1),
            on_demand,
        }
    }

    /// Serverless capacity: half-ACU-seconds in each hour, priced per ACU-hour.
    pub fn serverless(half_acu_seconds: Vec<u64>, per_acu_hour: UnitPrice) -> Self {
        Self::new(
            half_acu_seconds,
            HALF_ACU_SECONDS_PER_ACU_HOUR,
            per_acu_hour,
        )
    }

    /// A provisioned fleet: `instances` running every one of `hours` hours,
    /// priced per instance-hour.
    pub fn fleet(instances: u32, hours: u32, per_instance_hour: UnitPrice) -> Self {
        Self::new(
            alloc::vec![u64::from(instances); hours as usize],
            1,
            per_instance_hour,
        )
    }

    /// Hours the commitment is paid for.
    pub fn hours(&self) -> usize {
        self.usage.len()
    }

    /// The on-demand price per priced unit.
    pub fn on_demand(&self) -> UnitPrice {
        self.on_demand
    }
}

/// A load under a plan rate: the cost of any commitment, and the best one.
#[derive(Clone, Debug)]
pub struct Plan<'a> {
    load: &'a HourlyLoad,
    rate: UnitPrice,
    /// The input behind the rate, named in errors.
    field: String,
    /// The hours' usage, smallest first.
    sorted: Vec<u64>,
    /// `beyond[k]`: the usage of `sorted[k..]`, summed.
    beyond: Vec<i128>,
}

impl<'a> Plan<'a> {
    /// The load under the plan rate `rate` (per priced unit); an unknown or
    /// zero rate is refused, naming `field` (the input that supplies it).
    pub fn new(load: &'a HourlyLoad, rate: Option<UnitPrice>, field: &str) -> Result<Self, Error> {
        let rate = rate.ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownPrice,
                field,
                format_args!(
                    "no Savings Plan rate is known: supply the plan's discount or rate, or a price book that has it"
                ),
            )
        })?;
        if rate.nanos() <= 0 || load.on_demand.nanos() < 0 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                field,
                format_args!("the plan rate must be above zero (a discount below 1)"),
            ));
        }
        let mut sorted = load.usage.clone();
        sorted.sort_unstable();
        let mut beyond = alloc::vec![0i128; sorted.len() + 1];
        for k in (0..sorted.len()).rev() {
            beyond[k] = beyond[k + 1] + i128::from(sorted[k]);
        }
        Ok(Plan {
            load,
            rate,
            field: String::from(field),
            sorted,
            beyond,
        })
    }

    /// The plan rate per priced unit.
    pub fn rate(&self) -> UnitPrice {
        self.rate
    }

    /// The discount of the plan rate off on-demand, 0 to 1 (for display;
    /// negative when the plan rate is above on-demand).
    pub fn discount(&self) -> f64 {
        let p = self.load.on_demand.nanos();
        if p == 0 {
            0.0
        } else {
            (p - self.rate.nanos()) as f64 / p as f64
        }
    }

    fn overflow(&self) -> Error {
        Error::new(
            ErrorCode::Overflow,
            &self.field,
            format_args!("the Savings Plan's cost is too large to represent"),
        )
    }

    fn negative(&self, commitment: Money) -> Result<i128, Error> {
        if commitment.micros() < 0 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                &self.field,
                format_args!("a commitment must be zero or more dollars an hour, got {commitment}"),
            ));
        }
        Ok(i128::from(commitment.micros()) * 1000)
    }

    /// The month's compute cost with a commitment of `commitment` an hour:
    /// the commitment for every hour plus what each hour uses beyond it at
    /// on-demand. A negative commitment is refused, naming the field.
    pub fn monthly(&self, commitment: Money) -> Result<Money, Error> {
        let c = self.negative(commitment)?;
        let (p, r, per) = self.prices();
        // Every hour's cost times r·per, in nano-dollars, is
        // c·r·per + max(0, u·r − c·per)·p; summed over the hours, then
        // divided once. The hours above the commitment are a suffix of the
        // sorted usage, so the sum is H·c·r·per + (U·r − n·c·per)·p with n
        // of them using U in all: no pass over the hours.
        let hours = self.sorted.len() as i128;
        let covered = c.checked_mul(per).ok_or_else(|| self.overflow())?;
        let first_above = self
            .sorted
            .partition_point(|&u| i128::from(u).saturating_mul(r) <= covered);
        let above = (self.sorted.len() - first_above) as i128;
        let sum = (|| {
            let committed = hours.checked_mul(covered)?.checked_mul(r)?;
            let used = self.beyond[first_above].checked_mul(r)?;
            let extra = used.checked_sub(above.checked_mul(covered)?)?;
            committed.checked_add(extra.checked_mul(p)?)
        })()
        .ok_or_else(|| self.overflow())?;
        let divisor = r * per * 1000;
        let micros = sum
            .checked_add(divisor / 2)
            .ok_or_else(|| self.overflow())?
            / divisor;
        i64::try_from(micros)
            .map(Money::from_micros)
            .map_err(|_| self.overflow())
    }

    /// On-demand price, plan rate (nano-dollars) and units per priced unit.
    fn prices(&self) -> (i128, i128, i128) {
        (
            i128::from(self.load.on_demand.nanos()),
            i128::from(self.rate.nanos()),
            i128::from(self.load.per),
        )
    }

    /// The commitment an hour that costs least over the month, to the
    /// micro-dollar; the smallest such when several tie.
    ///
    /// Why the closed form holds: write `x = c·per/r` for the usage a
    /// commitment covers. The month costs `(H·r·x + p·Σ max(0, u_h − x)) / per`,
    /// whose slope in `x` is `(H·r − p·#{h : u_h > x}) / per`; it never falls
    /// as `x` grows (convex), so the least cost is at the smallest `x` where
    /// `#{u_h > x} ≤ H·r/p`. With the hours sorted from the smallest, that is
    /// `u_(k)` with `k = ⌈H·(p − r)/p⌉ = ⌈d·H⌉`: every hour at `u_(k)` or below
    /// is fully used, and committing more pays for the `H` hours while
    /// saving only in the fewer than `(1 − d)·H` hours above it. `k = 0`
    /// (no discount, or a plan rate above on-demand) means committing
    /// nothing. The real optimum `u_(k)·r/per` is then rounded to the
    /// micro-dollar by trying the two neighbours, which is exact for a
    /// convex cost.
    pub fn best(&self) -> Result<Money, Error> {
        let (p, r, per) = self.prices();
        let h = self.load.usage.len() as i128;
        if r >= p || h == 0 {
            return Ok(Money::ZERO);
        }
        let k = (h * (p - r) + p - 1) / p;
        if k == 0 {
            return Ok(Money::ZERO);
        }
        let x = i128::from(self.sorted[(k - 1) as usize]);
        // c = x·r/per nano-dollars = x·r/(per·1000) micro-dollars.
        let exact = x.checked_mul(r).ok_or_else(|| self.overflow())?;
        let low = exact / (per * 1000);
        let high = if exact % (per * 1000) == 0 {
            low
        } else {
            low + 1
        };
        let low = Money::from_micros(i64::try_from(low).map_err(|_| self.overflow())?);
        let high = Money::from_micros(i64::try_from(high).map_err(|_| self.overflow())?);
        Ok(if self.monthly(high)? < self.monthly(low)? {
            high
        } else {
            low
        })
    }

    /// The share of the commitment the hours use, 0 to 1 (1 for no
    /// commitment).
    pub fn utilisation(&self, commitment: Money) -> f64 {
        if commitment.micros() <= 0 || self.load.usage.is_empty() {
            return 1.0;
        }
        let (_, r, per) = self.prices();
        let covered = i128::from(commitment.micros()) * 1000 * per;
        let used: i128 = self
            .load
            .usage
            .iter()
            .map(|&u| (i128::from(u).saturating_mul(r)).min(covered))
            .sum();
        used as f64 / (covered as f64 * self.load.usage.len() as f64)
    }

    /// The commitment that would cover the load's average hour at the plan
    /// rate: what a buyer sizing by the monthly average would choose.
    pub fn average(&self) -> Money {
        let (_, r, per) = self.prices();
        let hours = self.load.usage.len().max(1) as i128;
        let total: i128 = self.load.usage.iter().map(|&u| i128::from(u)).sum();
        let nanos = total.saturating_mul(r) / (per * hours);
        Money::from_micros(i64::try_from((nanos + 500) / 1000).unwrap_or(i64::MAX))
    }

    /// The largest commitment any hour fully uses: the busiest hour's use
    /// at the plan rate.
    pub fn busiest(&self) -> Money {
        let (_, r, per) = self.prices();
        let top = self.load.usage.iter().copied().max().unwrap_or(0);
        let nanos = i128::from(top).saturating_mul(r) / per;
        Money::from_micros(i64::try_from((nanos + 999) / 1000).unwrap_or(i64::MAX))
    }

    /// What `commitment` achieves: its month's cost, utilisation and saving
    /// against on-demand.
    pub fn outcome(&self, commitment: Money) -> Result<Commitment, Error> {
        let monthly = self.monthly(commitment)?;
        let on_demand = self.monthly(Money::ZERO)?;
        let saving = on_demand
            .checked_sub(monthly)
            .ok_or_else(|| self.overflow())?;
        Ok(Commitment {
            hourly_micro_usd: commitment,
            monthly_micro_usd: monthly,
            utilisation: self.utilisation(commitment),
            saving_micro_usd: saving,
            saving_share: if on_demand.micros() > 0 {
                saving.micros() as f64 / on_demand.micros() as f64
            } else {
                0.0
            },
        })
    }

    /// The month's cost against the commitment, for a chart: evenly spaced
    /// from nothing to a fifth beyond the busiest hour (and past `marks`),
    /// with each of `marks` (the best, the user's) as a point of its own.
    pub fn curve(&self, marks: &[Money]) -> Result<Vec<CommitmentPoint>, Error> {
        const STEPS: i64 = 40;
        let top = marks
            .iter()
            .copied()
            .fold(self.busiest(), Money::max)
            .micros()
            .saturating_mul(6)
            / 5;
        let mut at: Vec<Money> = (0..=STEPS)
            .map(|i| Money::from_micros(top / STEPS * i))
            .chain(marks.iter().copied())
            .collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter()
            .map(|c| {
                Ok(CommitmentPoint {
                    hourly_micro_usd: c,
                    monthly_micro_usd: self.monthly(c)?,
                })
            })
            .collect()
    }
}

/// What one commitment does over the month.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Commitment {
    /// The commitment, micro-dollars an hour.
    pub hourly_micro_usd: Money,
    /// The month's eligible compute with it: the commitment for every hour
    /// plus use beyond it at on-demand, micro-dollars.
    pub monthly_micro_usd: Money,
    /// The share of the commitment the hours use, 0 to 1.
    pub utilisation: f64,
    /// On-demand compute minus `monthlyMicroUsd` (negative: the plan costs more).
    pub saving_micro_usd: Money,
    /// `savingMicroUsd` as a share of on-demand compute.
    pub saving_share: f64,
}

/// One point of the cost-against-commitment curve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommitmentPoint {
    /// Commitment, micro-dollars an hour.
    pub hourly_micro_usd: Money,
    /// The month's eligible compute at that commitment, micro-dollars.
    pub monthly_micro_usd: Money,
}
