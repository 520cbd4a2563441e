//! The decisions stage: serverless against provisioned and commitments
//! ([`compare`]), configuration advice ([`advise`]) and the cheapest
//! scaling range ([`optimize`]), all from the lower stages' results.

use alloc::string::String;
use alloc::vec::Vec;

use crate::acu::Acu;
use crate::bill::{
    self, Bill, Component, LineItem, acu_hours, overflow_of, price_lines, unpriced_parts,
};
use crate::engine::{capabilities, max_connections};
use alloc::format;

use crate::error::Error;
use crate::money::Money;
use crate::prices::{self, PriceItem};
use crate::scenario::ValidScenario;
use crate::sim::{Input, Pausing, Settings, fold_needs, for_each_stretch, need_halves, simulate};
use crate::usage::{self, HALF_ACU_SECONDS_PER_ACU_HOUR, Usage};
use crate::vocabulary::StorageType;
use crate::workload::Timeline;

pub mod advise;
mod commitment;
pub mod compare;
pub mod optimize;
mod savings_plans;

use advise::{Advice, Topic};
use compare::Comparison;

/// The comparison with provisioned options and the configuration advice
/// for a scenario's priced usage.
pub fn decide(
    s: &ValidScenario,
    usage: &Usage,
    bill: &Bill,
) -> Result<(Comparison, Vec<Advice>), Error> {
    let needs = writer_needs(s);
    let comparison = compare::compare(&billed(s, usage, bill, needs)?, &s.compare)?;
    let mut facts = facts(s, usage, bill.total, needs);
    facts.partial = !bill.unpriced.is_empty();
    let mut advice = advise::advise(s, &facts);
    advice.push(Advice {
        topic: Topic::Purchase,
        recommendation: if !comparison.cheapest.is_empty() {
            comparison.cheapest.clone()
        } else if bill_compute_priced(bill) {
            String::from(
                "no recommendation until a provisioned option is priced: add an instance class with its on-demand rate",
            )
        } else {
            String::from("no recommendation until serverless capacity has a price")
        },
        reason: comparison.verdict.clone(),
        value: None,
    });
    if let Some(plan) = comparison
        .savings_plans
        .iter()
        .find(|p| p.covers == "serverless")
    {
        advice.push(Advice {
            topic: Topic::SavingsPlan,
            recommendation: if plan.best.hourly_micro_usd > Money::ZERO {
                format!(
                    "commit {} an hour to a Database Savings Plan",
                    compare::hourly_commitment(plan.best.hourly_micro_usd)
                )
            } else {
                String::from("no Savings Plan for this load")
            },
            reason: plan.summary.clone(),
            value: Some(plan.best.hourly_micro_usd.micros() as f64 / 1e6),
        });
    }
    advice.push(Advice {
        topic: Topic::Storage,
        recommendation: String::from(
            match (
                s.storage_type,
                comparison.storage.standard_micro_usd,
                comparison.storage.io_optimized_micro_usd,
            ) {
                (_, Some(std), Some(io)) if io < std => "Aurora I/O-Optimized",
                (_, Some(_), Some(_)) => "Aurora Standard",
                _ => "keep the current storage configuration",
            },
        ),
        reason: comparison.storage.verdict.clone(),
        value: comparison.storage.break_even_io_share,
    });
    Ok((comparison, advice))
}

fn bill_compute_priced(bill: &Bill) -> bool {
    bill.lines
        .iter()
        .filter(|l| l.component == Component::Compute)
        .all(LineItem::is_priced)
}

/// What the comparison needs of the bill: its parts, the peak and off-peak
/// capacity, and the bill under each storage type.
fn billed<'a>(
    s: &'a ValidScenario,
    usage: &'a Usage,
    bill: &Bill,
    needs: NeedRange,
) -> Result<compare::Billed<'a>, Error> {
    let lines = &bill.lines;
    // Parts of `total`, which fits, so their sums fit too; checked anyway.
    let compute = Money::checked_sum(
        lines
            .iter()
            .filter(|l| l.component == Component::Compute)
            .filter_map(|l| l.cost_micro_usd),
    )
    .ok_or_else(|| overflow_of(lines, "its compute lines add up to more than $9.2 trillion"))?;
    let peak_halves = usage
        .outcomes
        .iter()
        .flat_map(|o| o.capacity.iter().map(|c| c.1))
        .max()
        .unwrap_or(1)
        .max(1);
    let writer = writer_range(s, needs);
    // The bill under each storage type; the scenario's own is `lines` already.
    let priced = |storage| -> Option<KnownTotal> {
        let other;
        let lines = if storage == s.storage_type {
            lines
        } else {
            other = price_lines(
                s,
                storage,
                &usage.half_acu_seconds,
                usage.proxy_half_acu_seconds,
                &mut Vec::new(),
            )
            .ok()?;
            &other
        };
        total_and_io(lines)
    };
    let comparable = comparable(
        priced(StorageType::Standard),
        priced(StorageType::IoOptimized),
    );
    let proxy = lines
        .iter()
        .filter(|l| l.component == Component::RdsProxy)
        .filter_map(|l| l.cost_micro_usd)
        .fold(Money::ZERO, |a, b| a.checked_add(b).unwrap_or(a));
    let compute_price = prices::resolve_with(
        s.price_book.as_ref(),
        &s.region,
        s.engine,
        PriceItem::serverless(s.storage_type),
        &s.price_overrides,
    )
    .ok()
    .map(|p| p.price);
    Ok(compare::Billed {
        compute_priced: bill_compute_priced(bill),
        proxy,
        usage,
        billed_hours: billed_hours(s),
        compute_price,
        unpriced: unpriced_parts(lines),
        serverless: bill.total,
        ideal: bill.ideal_total,
        compute,
        peak_halves: u32::from(writer.top.halves()).max(peak_halves),
        off_peak_halves: u32::from(writer.bottom.halves()),
        peak_hours_per_day: writer.near_top_hours_per_day,
        standard: comparable.0.map(|t| (t.total, t.io)),
        io_optimized: comparable.1.map(|t| t.total),
        scenario: s,
    })
}

/// Hours the bill covers, and so the hours a commitment is paid for: the
/// month, or the whole workload when it runs longer (a 740-hour list of
/// levels is billed for 740 hours).
fn billed_hours(s: &ValidScenario) -> u32 {
    let simulated = s.instances[0].demand.seconds().div_ceil(3600);
    u32::try_from(simulated)
        .unwrap_or(u32::MAX)
        .max(s.hours_per_month)
}

/// A bill's total and its I/O part; `None` if a line is unpriced or it
/// does not fit (a bill that does not fit is not priced, as one that
/// cannot be).
/// A bill's total on its known prices, its I/O part, and the items it
/// could not price.
struct KnownTotal {
    total: Money,
    io: Money,
    unpriced: Vec<PriceItem>,
}

fn total_and_io(lines: &[LineItem]) -> Option<KnownTotal> {
    let total = Money::checked_sum(lines.iter().filter_map(|l| l.cost_micro_usd))?;
    let io = Money::checked_sum(
        lines
            .iter()
            .filter(|l| l.component == Component::Io)
            .filter_map(|l| l.cost_micro_usd),
    )?;
    let unpriced = lines
        .iter()
        .filter(|l| l.cost_micro_usd.is_none())
        .map(|l| l.item)
        .collect();
    Some(KnownTotal {
        total,
        io,
        unpriced,
    })
}

/// The two storage configurations' bills, each kept only where the two
/// can be compared: complete, or missing the same items (a line priced the
/// same way under both, such as Database Insights, then drops out of both).
fn comparable(
    standard: Option<KnownTotal>,
    io_optimized: Option<KnownTotal>,
) -> (Option<KnownTotal>, Option<KnownTotal>) {
    let same_gaps =
        matches!((&standard, &io_optimized), (Some(a), Some(b)) if a.unpriced == b.unpriced);
    let keep = |t: Option<KnownTotal>| t.filter(|t| t.unpriced.is_empty() || same_gaps);
    (keep(standard), keep(io_optimized))
}

/// The writer's ideal capacity range, for the break-even.
struct WriterRange {
    bottom: Acu,
    top: Acu,
    /// Hours a day within 90 % of the top, averaged over the month.
    near_top_hours_per_day: f64,
}

/// The writer's lowest and highest need, in half-ACUs (`(u32::MAX, 0)`
/// for no demand at all).
#[derive(Clone, Copy)]
struct NeedRange {
    lowest: u32,
    highest: u32,
}

/// One pass over the writer's needs that the comparison and the advice
/// share (a per-second trace makes it millions of seconds).
fn writer_needs(s: &ValidScenario) -> NeedRange {
    let (lowest, highest) = fold_needs(
        &s.instances[0].demand,
        (u32::MAX, 0),
        |(low, high), _, need| (low.min(need), high.max(need)),
    );
    NeedRange { lowest, highest }
}

/// The writer's ideal capacity gives the peak and off-peak for the
/// break-even. Recomputed on each pass rather than collected: a per-second
/// trace has millions of seconds, and a list of them would cost more than
/// the rounding.
fn writer_range(s: &ValidScenario, needs: NeedRange) -> WriterRange {
    let writer = &s.instances[0].demand;
    // Ideal capacity is the need clamped to the range, which keeps order:
    // the lowest and highest needs give the range's ends.
    let (min, max) = (s.scaling.min.halves(), s.scaling.max.halves());
    // A clamp as max then min (the range is ordered): it stays a vector loop.
    let ideal = |need: u32| need.max(u32::from(min)).min(u32::from(max));
    let (low, high) = (ideal(needs.lowest), ideal(needs.highest));
    let (bottom, top) = if writer.run_count() == 0 {
        (Acu::HALF, Acu::HALF)
    } else {
        // Clamped to the range, so both are capacities.
        let acu = |halves: u32| {
            u16::try_from(halves)
                .ok()
                .and_then(Acu::from_halves)
                .unwrap_or(s.scaling.max)
        };
        (acu(low), acu(high))
    };
    let near_top = fold_needs(writer, 0u64, |near_top, seconds, need| {
        near_top
            + if ideal(need) * 10 >= high * 9 {
                seconds
            } else {
                0
            }
    });
    let days = writer.seconds().max(1) as f64 / 86_400.0;
    WriterRange {
        bottom,
        top,
        near_top_hours_per_day: near_top as f64 / 3600.0 / days,
    }
}

/// What the advice needs to know of the bill and the usage.
fn facts(s: &ValidScenario, usage: &Usage, total: Money, needs: NeedRange) -> advise::Facts {
    let (longest, peak_need) = idle_and_peak(s, needs);
    let proxy_monthly = prices::resolve_with(
        s.price_book.as_ref(),
        &s.region,
        s.engine,
        PriceItem::ProxyServerless,
        &s.price_overrides,
    )
    .ok()
    .and_then(|p| acu_hours(usage.proxy_half_acu_seconds).cost(p.price));
    let outcomes = &usage.outcomes;
    advise::Facts {
        peak_need_halves: peak_need,
        hours_at_max: outcomes
            .iter()
            .map(|o| o.at_max_seconds as f64 / 3600.0)
            .sum(),
        unmet_cap_acu_hours: outcomes
            .iter()
            .map(|o| o.unmet_cap as f64 / HALF_ACU_SECONDS_PER_ACU_HOUR as f64)
            .sum(),
        longest_idle_seconds: longest,
        proxy_monthly,
        max_connections: max_connections(s.engine, s.scaling.min, s.scaling.max),
        total_with_pause: total_with_pause(s, longest),
        total,
        partial: false,
        ramp_seconds: ramp_seconds(s, peak_need),
    }
}

/// The longest run without demand on the whole cluster (seconds) and the
/// highest need of any instance (half-ACUs).
fn idle_and_peak(s: &ValidScenario, writer_needs: NeedRange) -> (u64, u32) {
    let Some((writer, readers)) = s.instances.split_first() else {
        return (0, 0);
    };
    // Readers holding the writer's very samples (the default) add no busy
    // second and no higher need.
    let own: Vec<&Timeline> = readers
        .iter()
        .map(|r| &r.demand)
        .filter(|d| !d.shares_samples_with(&writer.demand))
        .collect();
    if own.is_empty() {
        // A writer whose every need is above zero is never idle: no need to
        // read its millions of seconds again.
        let longest = if writer_needs.lowest > 0 {
            0
        } else {
            longest_idle(&writer.demand)
        };
        return (longest, writer_needs.highest);
    }
    let own_needs: Option<Vec<&[u32]>> = own.iter().map(|d| d.needs_per_second()).collect();
    if let (Some(needs), Some(own_needs)) = (writer.demand.needs_per_second(), own_needs) {
        return idle_and_peak_seconds(needs, &own_needs, writer_needs.highest);
    }
    let timelines: Vec<&Timeline> = s.instances.iter().map(|i| &i.demand).collect();
    let (mut idle, mut longest, mut peak_need) = (0u64, 0u64, 0u32);
    for_each_stretch(&timelines, |seconds, demand| {
        if demand.iter().all(|d| *d == 0.0) {
            idle += seconds;
            longest = longest.max(idle);
        } else {
            idle = 0;
        }
        for d in demand {
            peak_need = peak_need.max(need_halves(*d));
        }
    });
    (longest, peak_need)
}

/// [`idle_and_peak`] of a writer and readers of their own whose demands
/// are all held one need a second (`writer_highest` is the writer's highest
/// need): the cluster is idle in a second where every need is zero, so the
/// needs are merged into one list by bitwise or, which is zero exactly
/// where all are.
fn idle_and_peak_seconds(writer: &[u32], readers: &[&[u32]], writer_highest: u32) -> (u64, u32) {
    let peak = readers.iter().fold(writer_highest, |peak, needs| {
        needs.iter().fold(peak, |high, &need| high.max(need))
    });
    let mut busy = writer.to_vec();
    for reader in readers {
        for (b, &need) in busy.iter_mut().zip(*reader) {
            *b |= need;
        }
    }
    (longest_idle_needs(&busy), peak)
}

/// The longest run of seconds without demand in `demand`.
fn longest_idle(demand: &Timeline) -> u64 {
    match demand.needs_per_second() {
        Some(needs) => longest_idle_needs(needs),
        None => fold_needs(demand, (0, 0), idle_step).1,
    }
}

/// One run of `seconds` at `need` in the search for the longest idle one
/// (the current idle run, the longest so far).
fn idle_step((idle, longest): (u64, u64), seconds: u64, need: u32) -> (u64, u64) {
    if need == 0 {
        (idle + seconds, longest.max(idle + seconds))
    } else {
        (0, longest)
    }
}

/// The longest run of idle seconds in one need a second, read 64 needs at
/// a time: a block with no idle second, or only idle seconds, is settled by
/// one count (a vector loop); only a block where demand starts or stops is
/// walked second by second.
fn longest_idle_needs(needs: &[u32]) -> u64 {
    let (_, longest) = needs.chunks(64).fold((0, 0), |(idle, longest), block| {
        let idle_seconds = block.iter().fold(0, |n, &need| n + usize::from(need == 0));
        if idle_seconds == 0 {
            (0, longest)
        } else if idle_seconds == block.len() {
            let idle = idle + block.len() as u64;
            (idle, longest.max(idle))
        } else {
            block
                .iter()
                .fold((idle, longest), |state, &need| idle_step(state, 1, need))
        }
    });
    longest
}

/// The monthly total with a minimum of 0, when the cluster is idle long
/// enough to pause and could: the scenario billed again (without decisions).
fn total_with_pause(s: &ValidScenario, longest_idle: u64) -> Option<Money> {
    let can_try_pause = s.scaling.min > Acu::ZERO
        && !s.extras.rds_proxy
        && longest_idle > u64::from(s.scaling.seconds_until_auto_pause)
        && capabilities(s.engine, s.engine_version).auto_pause;
    if !can_try_pause {
        return None;
    }
    let mut paused = s.clone();
    paused.scaling.min = Acu::ZERO;
    bill::price(&paused, &usage::measure(&paused))
        .ok()
        .map(|b| b.total)
}

/// Seconds to ramp from the minimum to the peak need (within the maximum).
fn ramp_seconds(s: &ValidScenario, peak_need: u32) -> Option<u64> {
    let run_min = u32::from(s.scaling.min.halves()).max(1);
    let peak_capped = peak_need.min(u32::from(s.scaling.max.halves()));
    if peak_capped <= run_min {
        return None;
    }
    let settings = Settings {
        min: run_min,
        max: u32::from(s.scaling.max.halves()),
        pausing: Pausing::Never,
        initial: run_min,
        controller: s.controller,
    };
    let input = Input {
        seconds: 3_600,
        need: peak_capped,
        floor: 0,
        active: true,
        leader_running: true,
    };
    simulate(&settings, &[input])
        .time_to_capacity
        .first()
        .map(|t| u64::from(*t))
}
