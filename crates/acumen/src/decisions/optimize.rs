//! The cheapest scaling range: the (min, max) pair on the 0.5-ACU grid whose
//! simulated unmet demand stays under a limit, and the cost/unmet frontier.
//!
//! Only maxima up to the peak need matter (capacity never rises above the
//! need), and for a fixed minimum a higher maximum never serves less, so for
//! each minimum a binary search finds the smallest maximum that meets the
//! limit. That costs (number of minima) × log₂(number of maxima) simulations
//! instead of one per pair.
//!
//! # Work budget
//!
//! A simulation walks every instance through every *stretch* (a time in
//! which no instance's demand changes) and through every change of its
//! capacity, so its cost is about
//!
//! > steps = instances × stretches + capacity changes
//!
//! and the search's about *ranges × steps*, where *ranges* is the most
//! (min, max) pairs it can simulate: the scenario's own, then for each
//! minimum one at the top and at most ⌈log₂ n⌉ in the binary search over
//! its n maxima. Before searching, the optimiser simulates the widest range
//! (the lowest minimum, the peak as maximum: the most capacity changes;
//! the search's own first range, so this costs nothing), counts its steps
//! and, when ranges × steps exceeds [`MAX_OPTIMIZE_WORK`], makes the search
//! cheaper, taking the first of these that fits:
//!
//! 1. the demand as given, with minima tried every 1, 2, 4, … 32 ACU
//!    ([`MINIMUM_STRIDES`]) and the peak, then around the cheapest of them
//!    at half the distance each time, down to 0.5 ACU;
//! 2. the same with every instance's demand resampled to a step of
//!    [`RESAMPLE_STEPS`] (2 s to a day, shortest first), each step at the
//!    highest demand within it ([`Timeline::coarsen_max`]).
//!
//! The answer says what was done ([`Optimization::resampled_seconds`],
//! [`Optimization::minimum_step_acu`] and [`Optimization::note`]). A week
//! of one-minute samples (the benchmark) is searched in full as given; a
//! week of one-second samples over 0–64 ACU is resampled to 5 s with minima
//! every 4 ACU; a business-hours month at 256 ACU with 15 readers is
//! searched as given with minima every 32 ACU (docs/limits.md has the
//! measurements).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::acu::{Acu, check_finite};
use crate::engine::capabilities;
use crate::error::{Error, ErrorCode};
use crate::money::{Money, Quantity, UnitPrice};
use crate::prices::{self, PriceItem};
use crate::scenario::{Scenario, ValidScaling, ValidScenario};
use crate::sim::{for_each_stretch, simulate_cluster, total_need};
use crate::workload::Timeline;

/// The most work one [`optimize`] call plans to simulate: ranges × steps
/// (see the [module docs](self)), about 1 to 3 seconds natively on the
/// development machine (docs/limits.md).
pub const MAX_OPTIMIZE_WORK: u64 = 40_000_000;

/// Strides, in half-ACUs, at which minima are tried when every 0.5 ACU
/// would exceed the budget: 0.5 to 32 ACU. The search then narrows down
/// around the cheapest, halving the stride down to 0.5 ACU.
pub const MINIMUM_STRIDES: [u16; 7] = [1, 2, 4, 8, 16, 32, 64];

/// Steps, in seconds, that demand is resampled to when no stride keeps the
/// search within the budget: the shortest that does is used, a day at most.
pub const RESAMPLE_STEPS: [u32; 17] = [
    2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
];

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
    /// Keep the minimum at this capacity (ACUs, a multiple of 0.5) and
    /// search only the maxima: the cheapest maximum for a minimum already
    /// chosen. Default: search the minima too.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub min_acu: Option<f64>,
}

impl Default for OptimizeOptions {
    fn default() -> Self {
        OptimizeOptions {
            max_unmet_share: 0.001,
            min_acu: None,
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
    /// The cheapest range meeting the limit, if any does. When the
    /// scenario's own range meets the limit and no range costs less (an
    /// exact tie, to the micro-dollar), it is the current range: a change
    /// that saves nothing is not recommended. With a fixed minimum
    /// ([`OptimizeOptions::min_acu`]) it is the smallest maximum instead.
    pub best: Option<Candidate>,
    /// The scenario's own range, for comparison.
    pub current: Candidate,
    /// Ranges no other beats on both cost and unmet demand, cheapest first.
    pub frontier: Vec<Candidate>,
    /// How many ranges were simulated.
    pub evaluated: u32,
    /// The step, in seconds, the demand was resampled to (each step at its
    /// highest demand) to keep within [`MAX_OPTIMIZE_WORK`]; `None` when
    /// it was simulated as given.
    pub resampled_seconds: Option<u32>,
    /// How far apart the minima first tried are, ACUs: 0.5 (every one)
    /// unless the work budget needed fewer; the search then narrows down
    /// around the cheapest of them to 0.5 ACU.
    pub minimum_step_acu: f64,
    /// What resampling or fewer minima mean for the answer, when either
    /// was needed.
    pub note: Option<String>,
}

/// Finds the cheapest (min, max) for `scenario` under `options`.
///
/// The work is bounded by [`MAX_OPTIMIZE_WORK`]: beyond it fewer minima are
/// tried first and the demand is resampled to a coarser step (see the
/// [module docs](self)), and the answer's `note` says so.
///
/// ```
/// use acumen::{Scenario, Workload};
/// use acumen::optimize::{optimize, OptimizeOptions};
/// use acumen::Scaling;
/// // A steady 3 ACU held at a minimum of 4: 3.0–3.0 ACU serves it for less.
/// let scaling = Scaling { min_acu: 4.0, ..Scaling::default() };
/// let s = Scenario { workload: Workload::Steady { acu: 3.0 }, scaling, ..Scenario::default() };
/// let o = optimize(&s, &OptimizeOptions::default())?;
/// let best = o.best.unwrap();
/// assert!(best.max_acu <= 3.0); // capacity never needs more than the need
/// assert!(best.compute_micro_usd < o.current.compute_micro_usd);
/// assert_eq!((o.resampled_seconds, o.minimum_step_acu, o.note), (None, 0.5, None));
///
/// // From 0.5–16 ACU, every range up to 3 ACU costs the same 3 ACU all month:
/// // nothing is cheaper than the current range, so it is the answer.
/// let s = Scenario { workload: Workload::Steady { acu: 3.0 }, ..Scenario::default() };
/// let o = optimize(&s, &OptimizeOptions::default())?;
/// assert_eq!(o.best, Some(o.current));
/// # Ok::<(), acumen::Error>(())
/// ```
pub fn optimize(scenario: &Scenario, options: &OptimizeOptions) -> Result<Optimization, Error> {
    optimize_within(scenario, options, MAX_OPTIMIZE_WORK)
}

/// [`optimize`] with a work budget of `budget` (tests use small ones).
fn optimize_within(
    scenario: &Scenario,
    options: &OptimizeOptions,
    budget: u64,
) -> Result<Optimization, Error> {
    check_finite(options.max_unmet_share, "maxUnmetShare")?;
    if !(0.0..=1.0).contains(&options.max_unmet_share) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "maxUnmetShare",
            format_args!(
                "must be between 0 and 1, got {}",
                crate::error::Shown(options.max_unmet_share)
            ),
        ));
    }
    let mut s = scenario.validate()?;
    let (run, lowest_min, top) = setting_out(&s)?;
    let (lowest_min, top) = match options.min_acu {
        None => (lowest_min, top),
        Some(v) => {
            let fixed = Acu::from_f64(v, "minAcu")?.halves();
            if fixed < lowest_min {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "minAcu",
                    format_args!(
                        "must be at least 0.5 ACU here: a minimum of 0 (auto-pause) needs an engine version that supports it and no RDS Proxy"
                    ),
                ));
            }
            (fixed, top.max(fixed).max(2))
        }
    };
    let plan = plan(&mut s, run, lowest_min, top, budget)?;
    let mut search = Search {
        s: &s,
        run,
        need: plan.need,
        top,
        limit: options.max_unmet_share,
        evaluated: 0,
        points: Vec::new(),
    };
    let current = search.record(
        search
            .simulate(s.scaling.min.halves(), s.scaling.max.halves())?
            .0,
    );
    let best = match options.min_acu {
        Some(_) => search.one_minimum(&plan, lowest_min)?,
        None => keep_current_on_tie(search.minima(&plan, lowest_min)?, current, search.limit),
    };
    let Search {
        points, evaluated, ..
    } = search;
    let minimum_step_acu = f64::from(plan.stride) / 2.0;
    Ok(Optimization {
        best,
        current,
        frontier: frontier(points),
        evaluated,
        resampled_seconds: plan.step,
        minimum_step_acu,
        note: plan.note(minimum_step_acu),
    })
}

/// The current range in place of `best` when it meets the limit and costs
/// no more: advice to change the range must save something. (A coarse
/// search, with fewer minima, may even have missed it as the cheaper one.)
fn keep_current_on_tie(
    best: Option<Candidate>,
    current: Candidate,
    limit: f64,
) -> Option<Candidate> {
    match best {
        Some(b)
            if current.unmet_share <= limit && current.compute_micro_usd <= b.compute_micro_usd =>
        {
            Some(current)
        }
        other => other,
    }
}

/// What every simulation shares (the compute price, whether RDS Proxy
/// blocks pausing), the lowest minimum the engine allows and the top of
/// the search (the peak need, within the engine's maximum), in half-ACUs.
fn setting_out(s: &ValidScenario) -> Result<(Run, u16, u16), Error> {
    let item = PriceItem::serverless(s.storage_type);
    let price = prices::resolve_with(
        s.price_book.as_ref(),
        &s.region,
        s.engine,
        item,
        &s.price_overrides,
    )?
    .price;
    let caps = capabilities(s.engine, s.engine_version);
    let pause_blocked = !s.pause_blockers().is_empty();
    let peak = s
        .instances
        .iter()
        .flat_map(|i| i.demand.runs())
        .map(|seg| Acu::ceil_from_checked_demand(seg.acu))
        .max()
        .unwrap_or(Acu::HALF)
        .min(caps.max_acu);
    let top = peak.halves().max(2);
    let lowest_min = if caps.auto_pause && !pause_blocked {
        0
    } else {
        1
    };
    let run = Run {
        price,
        item,
        pause_blocked,
    };
    Ok((run, lowest_min, top))
}

/// The Pareto frontier of everything simulated: cheapest first, each
/// leaving less demand unmet than the one before.
fn frontier(mut points: Vec<Candidate>) -> Vec<Candidate> {
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
    frontier
}

impl Candidate {
    /// The minimum in half-ACUs (exact: it came from half-ACUs).
    fn min_acu_halves(&self) -> u16 {
        (self.min_acu * 2.0) as u16
    }
}

/// What every simulation of a search shares.
#[derive(Clone, Copy)]
struct Run {
    /// The serverless compute price and its item.
    price: UnitPrice,
    item: PriceItem,
    /// RDS Proxy keeps the cluster from pausing.
    pause_blocked: bool,
}

/// The search over ranges: simulates them and keeps every one simulated.
struct Search<'a> {
    s: &'a ValidScenario,
    run: Run,
    /// All demand in half-ACU-seconds (at least 1).
    need: u64,
    top: u16,
    limit: f64,
    evaluated: u32,
    points: Vec<Candidate>,
}

impl Search<'_> {
    /// Searches the minima from `lowest_min` to the top, every
    /// `plan.stride` half-ACUs (and the top), then with fewer minima
    /// narrows down around the cheapest, halving the stride down to 0.5
    /// ACU. Returns the cheapest range that meets the limit, if any.
    fn minima(&mut self, plan: &Plan, lowest_min: u16) -> Result<Option<Candidate>, Error> {
        let top = self.top;
        let mut widest = Some(plan.widest);
        let mut best: Option<Candidate> = None;
        let mut tried: Vec<u16> = Vec::new();
        // With fewer minima, the top too: where a limit of 0 is met, if anywhere.
        let minima = (lowest_min..=top).step_by(usize::from(plan.stride));
        let last =
            (plan.stride > 1 && !(top - lowest_min).is_multiple_of(plan.stride)).then_some(top);
        for min in minima.chain(last) {
            // The widest range was simulated by the plan already.
            let at_top = match widest.take() {
                Some(c) => self.record(c),
                None => self.eval(min, top)?,
            };
            tried.push(min);
            self.cheapest_max(min, at_top, &mut best)?;
        }
        let mut stride = plan.stride;
        while stride > 1 {
            stride /= 2;
            let Some(centre) = best.map(|b| b.min_acu_halves()) else {
                break;
            };
            for min in [centre.checked_sub(stride), centre.checked_add(stride)]
                .into_iter()
                .flatten()
            {
                if (lowest_min..=top).contains(&min) && !tried.contains(&min) {
                    tried.push(min);
                    let at_top = self.eval(min, top)?;
                    self.cheapest_max(min, at_top, &mut best)?;
                }
            }
        }
        Ok(best)
    }

    /// The cheapest maximum for the one minimum `min` (half-ACUs), whose
    /// widest range the plan has simulated.
    fn one_minimum(&mut self, plan: &Plan, min: u16) -> Result<Option<Candidate>, Error> {
        let at_top = self.record(plan.widest);
        let mut best = None;
        self.cheapest_max(min, at_top, &mut best)?;
        Ok(best)
    }

    /// Simulates the cluster with `min..=max` (half-ACUs): the candidate
    /// and the capacity changes the simulation made.
    fn simulate(&self, min: u16, max: u16) -> Result<(Candidate, u64), Error> {
        let s = self.s;
        let scaling = ValidScaling {
            min: Acu::from_halves(min).unwrap_or(Acu::HALF),
            max: Acu::from_halves(max).unwrap_or(Acu::MAX),
            seconds_until_auto_pause: s.scaling.seconds_until_auto_pause,
        };
        let outcomes = simulate_cluster(s, &scaling, self.run.pause_blocked);
        let usage: u64 = outcomes.iter().map(|o| o.half_acu_seconds).sum();
        let unmet: u64 = outcomes
            .iter()
            .map(|o| o.unmet_lag + o.unmet_cap + o.unmet_resume)
            .sum();
        let changes: u64 = outcomes.iter().map(|o| o.capacity.len() as u64).sum();
        let cost = Quantity::new(u128::from(usage), 7_200)
            .cost(self.run.price)
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::Overflow,
                    &format!("priceOverrides.{}", self.run.item.key()),
                    format_args!("the compute cost is too large to represent"),
                )
            })?;
        let candidate = Candidate {
            min_acu: scaling.min.as_f64(),
            max_acu: scaling.max.as_f64(),
            compute_micro_usd: cost,
            unmet_share: unmet as f64 / self.need as f64,
        };
        Ok((candidate, changes))
    }

    /// Counts and keeps a simulated candidate.
    fn record(&mut self, c: Candidate) -> Candidate {
        self.evaluated += 1;
        self.points.push(c);
        c
    }

    fn eval(&mut self, min: u16, max: u16) -> Result<Candidate, Error> {
        let (c, _) = self.simulate(min, max)?;
        Ok(self.record(c))
    }

    /// The smallest max in `[max(min, 1 ACU), top]` meeting the limit,
    /// given the range at the top; replaces `best` if cheaper.
    fn cheapest_max(
        &mut self,
        min: u16,
        at_top: Candidate,
        best: &mut Option<Candidate>,
    ) -> Result<(), Error> {
        if at_top.unmet_share > self.limit {
            return Ok(());
        }
        let (mut lo, mut hi) = (min.max(2), self.top);
        let mut found = at_top;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let c = self.eval(min, mid)?;
            if c.unmet_share <= self.limit {
                hi = mid;
                found = c;
            } else {
                lo = mid + 1;
            }
        }
        if best.is_none_or(|b| found.compute_micro_usd < b.compute_micro_usd) {
            *best = Some(found);
        }
        Ok(())
    }
}

/// How the search keeps within the budget.
struct Plan {
    /// The resampling step, if any.
    step: Option<u32>,
    /// Minima first tried every `stride` half-ACUs.
    stride: u16,
    /// The widest range, simulated on the demand the search uses.
    widest: Candidate,
    /// All of that demand in half-ACU-seconds (at least 1).
    need: u64,
    /// The most ranges a full search simulates, for the note.
    ranges: u64,
}

impl Plan {
    fn note(&self, minimum_step_acu: f64) -> Option<String> {
        let fewer = (self.stride > 1).then(|| {
            format!(
                "minima were tried every {minimum_step_acu} ACU, then around the cheapest at half the distance each time down to 0.5 ACU, so a cheaper minimum elsewhere may have been missed"
            )
        });
        let resampled = self.step.map(|step| {
            format!(
                "the demand was resampled to {} steps, each at its highest demand, so costs and unmet shares are for that demand (check the range chosen with an estimate of the full demand)",
                duration(step)
            )
        });
        let what = match (resampled, fewer) {
            (None, None) => return None,
            (Some(r), None) => r,
            (None, Some(f)) => f,
            (Some(r), Some(f)) => format!("{r}; {f}"),
        };
        Some(format!(
            "a full search (up to {} ranges) would exceed the optimizer's work budget, so {what}",
            self.ranges
        ))
    }
}

/// Chooses the demand's step and the minima's stride (see the module
/// docs), resampling `s` in place when needed, and simulates the widest
/// range on the demand chosen.
fn plan(
    s: &mut ValidScenario,
    run: Run,
    lowest_min: u16,
    top: u16,
    budget: u64,
) -> Result<Plan, Error> {
    let instances = s.instances.len() as u64;
    let span = s.instances[0].demand.seconds();
    let fewest_stride = MINIMUM_STRIDES[MINIMUM_STRIDES.len() - 1];
    let fewest = most_ranges(lowest_min, top, fewest_stride);
    let all = most_ranges(lowest_min, top, 1);
    let given = stretches(s);
    let mut original: Vec<Timeline> = Vec::new();
    let coarsest = RESAMPLE_STEPS[RESAMPLE_STEPS.len() - 1];
    let steps = core::iter::once(None).chain(RESAMPLE_STEPS.into_iter().map(Some));
    for step in steps {
        let walked = match step {
            None => instances * given,
            // Coarse stretches are at most one a step: the steps that cannot
            // fit even with the fewest minima are skipped without resampling
            // (but the coarsest is always taken).
            Some(step)
                if step != coarsest
                    && fewest
                        .saturating_mul(instances * given.min(span.div_ceil(u64::from(step))))
                        > budget =>
            {
                continue;
            }
            Some(step) => {
                if original.is_empty() {
                    original = s
                        .instances
                        .iter_mut()
                        .map(|inst| core::mem::take(&mut inst.demand))
                        .collect();
                }
                for (inst, demand) in s.instances.iter_mut().zip(&original) {
                    inst.demand = demand.coarsen_max(u64::from(step));
                }
                instances * stretches(s)
            }
        };
        if step != Some(coarsest) && fewest.saturating_mul(walked) > budget {
            continue;
        }
        let need = total_need(s).max(1);
        let search = Search {
            s,
            run,
            need,
            top,
            limit: 0.0,
            evaluated: 0,
            points: Vec::new(),
        };
        let (widest, changes) = search.simulate(lowest_min, top)?;
        let work = walked + changes;
        let stride = MINIMUM_STRIDES
            .into_iter()
            .find(|stride| most_ranges(lowest_min, top, *stride).saturating_mul(work) <= budget);
        // Nothing fits at the coarsest step: the fewest minima there.
        if let Some(stride) = stride.or((step == Some(coarsest)).then_some(fewest_stride)) {
            return Ok(Plan {
                step,
                stride,
                widest,
                need,
                ranges: all,
            });
        }
    }
    // Not reached: the coarsest step above always returns.
    Err(Error::new(
        ErrorCode::OutOfRange,
        "workload",
        format_args!("is too large to optimise"),
    ))
}

/// The most ranges the search simulates with minima every `stride`
/// half-ACUs (and the top): the scenario's own, then for each minimum one
/// at the top and at most ⌈log₂ n⌉ in the binary search over its n maxima,
/// and with a stride of 2^k, up to 2k minima more while narrowing down.
fn most_ranges(lowest_min: u16, top: u16, stride: u16) -> u64 {
    let per_min = |min: u16| {
        let choices = u64::from(top.saturating_sub(min.max(2))) + 1;
        1 + u64::from(choices.next_power_of_two().trailing_zeros())
    };
    let stride = stride.max(1);
    let mut ranges = 1u64;
    for min in (lowest_min..=top).step_by(usize::from(stride)) {
        ranges += per_min(min);
    }
    if !(top - lowest_min).is_multiple_of(stride) {
        ranges += per_min(top);
    }
    ranges + 2 * u64::from(stride.max(1).trailing_zeros()) * per_min(lowest_min)
}

/// The stretches in which no instance's demand changes.
fn stretches(s: &ValidScenario) -> u64 {
    if let [only] = s.instances.as_slice() {
        return only.demand.run_count() as u64;
    }
    let timelines: Vec<&Timeline> = s.instances.iter().map(|i| &i.demand).collect();
    let mut count = 0u64;
    for_each_stretch(&timelines, |_, _| count += 1);
    count
}

/// `15 s`, `2 min`, `6 h`: a step of [`RESAMPLE_STEPS`] for the note.
fn duration(seconds: u32) -> String {
    match seconds {
        s if s % 3_600 == 0 => format!("{} h", s / 3_600),
        s if s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{BusinessHours, Reader, Trace};
    use crate::{Scaling, Workload};

    /// A day of demand, one sample every `interval` seconds: a random walk
    /// over 0–24 ACU (fixed seed).
    fn day(interval: u32) -> Scenario {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut level = 8.0f64;
        let acu = (0..86_400 / interval)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                level = (level + (x % 5) as f64 - 2.0).clamp(0.0, 24.0);
                level
            })
            .collect();
        Scenario {
            hours_per_month: 24,
            workload: Workload::Trace(Trace {
                interval_seconds: interval,
                acu,
            }),
            storage_gb: 0.0,
            ..Scenario::default()
        }
    }

    fn run(s: &Scenario, budget: u64) -> Optimization {
        optimize_within(s, &OptimizeOptions::default(), budget).unwrap()
    }

    #[test]
    fn within_the_budget_the_search_is_the_full_one() {
        let s = day(600);
        let full = run(&s, u64::MAX);
        assert_eq!(full, run(&s, MAX_OPTIMIZE_WORK));
        assert_eq!(full.resampled_seconds, None);
        assert_eq!(full.minimum_step_acu, 0.5);
        assert_eq!(full.note, None);
        // The bound on ranges holds: the scenario's own, then for minima of
        // 0 to 1 ACU 1 + ⌈log₂ 47⌉ each, for 1.5 to 24 ACU 1 + ⌈log₂ n⌉
        // for n = 46 down to 1.
        assert!(u64::from(full.evaluated) <= most_ranges(0, 48, 1));
        let binary: u64 = (1..=46u64)
            .map(|n| 1 + u64::from(n.next_power_of_two().trailing_zeros()))
            .sum();
        assert_eq!(most_ranges(0, 48, 1), 1 + 3 * 7 + binary);
        // Minima every 4 ACU: 7 of them, then 2 × log₂ 8 more at most.
        assert_eq!(
            most_ranges(0, 48, 8),
            1 + (7 + 7 + 7 + 6 + 6 + 5 + 1) + 2 * 3 * 7
        );
    }

    #[test]
    fn over_the_budget_fewer_minima_are_tried_on_the_demand_as_given() {
        // Few demand changes, many capacity changes: thinning the minima is
        // what helps.
        let s = Scenario {
            workload: Workload::BusinessHours(BusinessHours {
                peak_acu: 64.0,
                off_peak_acu: 1.0,
                ..BusinessHours::default()
            }),
            readers: vec![Reader::default(); 3],
            storage_gb: 0.0,
            ..Scenario::default()
        };
        let full = run(&s, u64::MAX);
        let small = run(&s, 2_000_000);
        assert_eq!(small.resampled_seconds, None);
        assert!(small.minimum_step_acu > 0.5, "{small:?}");
        assert!(small.evaluated * 3 < full.evaluated, "{small:?}");
        let note = small.note.as_deref().unwrap();
        assert!(note.contains("minima were tried every"), "{note}");
        // Narrowing down finds the full search's answer here.
        assert_eq!(small.best, full.best);
        assert!(
            u64::from(small.evaluated)
                <= most_ranges(0, 128, (small.minimum_step_acu * 2.0) as u16)
        );

        // With no unmet demand allowed only minima near the top serve: the
        // top is tried even when it is off the thinned grid (29 ACU).
        let s = Scenario {
            workload: Workload::BusinessHours(BusinessHours {
                peak_acu: 29.0,
                off_peak_acu: 1.0,
                ..BusinessHours::default()
            }),
            ..s
        };
        let none = OptimizeOptions {
            max_unmet_share: 0.0,
            ..OptimizeOptions::default()
        };
        let full = optimize_within(&s, &none, u64::MAX).unwrap();
        let small = optimize_within(&s, &none, 1_000_000).unwrap();
        assert!(small.minimum_step_acu >= 2.0, "{small:?}");
        assert_eq!(small.best, full.best);
        assert_eq!(full.best.map(|b| b.max_acu), Some(29.0));
    }

    #[test]
    fn over_the_budget_per_second_demand_is_resampled() {
        let s = day(1);
        let o = run(&s, 2_000_000);
        let step = o.resampled_seconds.expect("resampled");
        assert!(RESAMPLE_STEPS.contains(&step) && step > 1, "{step}");
        let note = o.note.as_deref().unwrap();
        assert!(
            note.contains(&format!("resampled to {} steps", duration(step))),
            "{note}"
        );
        // The answer is the search over a trace sampled at that step, each
        // sample the highest of its step.
        let Workload::Trace(t) = &s.workload else {
            unreachable!()
        };
        let coarse = Scenario {
            workload: Workload::Trace(Trace {
                interval_seconds: step,
                acu: t
                    .acu
                    .chunks(step as usize)
                    .map(|c| c.iter().copied().fold(0.0, f64::max))
                    .collect(),
            }),
            ..s.clone()
        };
        let given = run(&coarse, 2_000_000);
        assert_eq!(given.resampled_seconds, None);
        assert_eq!(
            (o.best, &o.frontier, o.evaluated, o.minimum_step_acu),
            (
                given.best,
                &given.frontier,
                given.evaluated,
                given.minimum_step_acu
            )
        );
        assert!(o.best.unwrap().unmet_share <= 0.001);
    }

    #[test]
    fn the_budget_holds_for_the_largest_peak_and_cluster() {
        // 256 ACU for a writer and 15 readers with a budget 100 times
        // smaller than the real one: still an answer, at some step.
        let s = Scenario {
            scaling: Scaling {
                min_acu: 0.5,
                max_acu: 256.0,
                seconds_until_auto_pause: None,
            },
            workload: Workload::BusinessHours(BusinessHours {
                peak_acu: 256.0,
                off_peak_acu: 0.5,
                ..BusinessHours::default()
            }),
            readers: vec![Reader::default(); 15],
            storage_gb: 0.0,
            ..Scenario::default()
        };
        let o = run(&s, MAX_OPTIMIZE_WORK / 100);
        assert!(o.note.is_some());
        assert!(o.best.is_some(), "{o:?}");
        assert!(u64::from(o.evaluated) < 200, "{}", o.evaluated);
    }

    #[test]
    fn steps_are_named_in_their_unit() {
        assert_eq!(duration(15), "15 s");
        assert_eq!(duration(120), "2 min");
        assert_eq!(duration(86_400), "24 h");
    }
}
