//! From a validated scenario to an itemised bill.
//!
//! The bill is priced from the simulated controller ([`crate::sim`]); the
//! same lines are also priced under *ideal tracking* (each instance at its
//! demand rounded up to the 0.5-ACU grid, within the scaling range: what
//! simple calculators assume) and the difference is explained. Readers in
//! promotion tiers 0 and 1 never run below the writer; the writer cannot
//! pause while a reader runs. Usage accumulates as exact half-ACU-seconds;
//! each line's cost is rounded once.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::acu::Acu;
use crate::advise::{self, Advice};
use crate::compare::{self, Comparison};
use crate::engine::max_connections;
use crate::error::{Error, ErrorCode};
use crate::money::{Money, Quantity};
use crate::prices::{self, Confidence, PriceItem};
use crate::report::{
    CatalogInfo, Component, IdealComparison, InstanceTimeline, InstanceUsage, LineItem, Report,
    TimelinePoint, UnmetDemand, Warning, WarningKind,
};
use crate::scenario::{Scenario, StorageType, ValidScaling, ValidScenario};
use crate::sim::{Input, Outcome, Pausing, Settings, percentile, simulate};
use crate::workload::{Segment, Timeline, WEEK, zip};

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
    let wanted = Acu::ceil_from_checked_demand(demand);
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

/// Calls `f(seconds, demands)` for each stretch where every timeline is
/// constant (all timelines have the same length).
pub(crate) fn for_each_stretch(timelines: &[&Timeline], mut f: impl FnMut(u64, &[f64])) {
    // A writer alone: its segments are the stretches (a per-second trace
    // has millions, so the general walk below would cost more than `f`).
    if let [only] = timelines {
        for seg in only.segments() {
            f(seg.seconds, core::slice::from_ref(&seg.acu));
        }
        return;
    }
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

/// Demand rounded up to the grid, in half-ACUs (not clamped to the maximum).
fn need_halves(demand: f64) -> u32 {
    // Validation bounds demand to 100,000 ACU, so this fits easily.
    crate::acu::ceil(demand * 2.0) as u32
}

/// Appends `input`, merging it into the previous one when they are equal.
#[inline]
fn push_input(inputs: &mut Vec<Input>, input: Input) {
    match inputs.last_mut() {
        Some(last)
            if last.need == input.need
                && last.floor == input.floor
                && last.active == input.active
                && last.leader_running == input.leader_running =>
        {
            last.seconds += input.seconds;
        }
        _ => inputs.push(input),
    }
}

/// A capacity series as a timeline in ACUs (exact: halves / 2).
fn capacity_timeline(capacity: &[(u64, u32)]) -> Timeline {
    let mut t = Timeline::new();
    for (seconds, halves) in capacity {
        t.push(*seconds, f64::from(*halves) / 2.0);
    }
    t
}

/// Simulates the cluster: the writer (pausing only when every instance is
/// idle), then each reader (tiers 0–1 floored at and pausing with the writer;
/// tiers 2–15 on their own).
pub(crate) fn simulate_cluster(
    s: &ValidScenario,
    scaling: &ValidScaling,
    pause_blocked: bool,
    initial: &[Acu],
) -> Vec<Outcome> {
    let timelines: Vec<&Timeline> = s.instances.iter().map(|i| &i.demand).collect();
    let run_min = u32::from(scaling.min.halves()).max(1);
    let max = u32::from(scaling.max.halves());
    let can_pause = scaling.min == Acu::ZERO && !pause_blocked;
    let own_pausing = if can_pause {
        Pausing::After(scaling.seconds_until_auto_pause)
    } else {
        Pausing::Never
    };
    // At least one input per segment of the busiest timeline: sized once.
    let longest = timelines.iter().map(|t| t.segments().len()).max();
    let mut writer_inputs = Vec::with_capacity(longest.unwrap_or(0));
    for_each_stretch(&timelines, |seconds, demand| {
        push_input(
            &mut writer_inputs,
            Input {
                seconds,
                need: need_halves(demand[0]),
                floor: 0,
                active: demand.iter().any(|d| *d > 0.0),
                leader_running: true,
            },
        );
    });
    let settings = |pausing, initial: Acu| Settings {
        min: run_min,
        max,
        pausing,
        initial: u32::from(initial.halves()),
        controller: s.controller,
    };
    let start = |k: usize| initial.get(k).copied().unwrap_or(Acu::ZERO);
    let writer = simulate(&settings(own_pausing, start(0)), &writer_inputs);
    let writer_capacity = capacity_timeline(&writer.capacity);
    let mut outcomes = Vec::with_capacity(s.instances.len());
    for (k, inst) in s.instances.iter().enumerate().skip(1) {
        let mut inputs = Vec::with_capacity(
            inst.demand
                .segments()
                .len()
                .max(writer_capacity.segments().len()),
        );
        let follows = inst.follows_writer();
        zip(
            &inst.demand,
            &writer_capacity,
            |seconds, demand, writer_acu| {
                let writer_halves = (writer_acu * 2.0) as u32;
                push_input(
                    &mut inputs,
                    Input {
                        seconds,
                        need: need_halves(demand),
                        floor: if follows { writer_halves } else { 0 },
                        active: if follows { true } else { demand > 0.0 },
                        leader_running: !follows || writer_halves > 0,
                    },
                );
            },
        );
        let pausing = if follows {
            Pausing::WithLeader
        } else {
            own_pausing
        };
        outcomes.push(simulate(&settings(pausing, start(k)), &inputs));
    }
    outcomes.insert(0, writer);
    outcomes
}

/// Ideal tracking for the whole cluster at one moment: each instance at its
/// `demand` rounded up and clamped ([`ideal_capacity`]), then the cluster
/// rules: the writer cannot pause while a reader runs, and tier 0–1 readers
/// never run below the writer.
#[inline]
fn ideal_cluster(
    s: &ValidScenario,
    scaling: &ValidScaling,
    floor: Acu,
    demand: &[f64],
    capacity: &mut [Acu],
) {
    for (c, d) in capacity.iter_mut().zip(demand) {
        *c = ideal_capacity(*d, scaling, floor);
    }
    let Some((writer, readers)) = capacity.split_first_mut() else {
        return;
    };
    if *writer == Acu::ZERO && readers.iter().any(|c| *c > Acu::ZERO) {
        *writer = Acu::HALF;
    }
    for (c, inst) in readers.iter_mut().zip(&s.instances[1..]) {
        if inst.follows_writer() && *c < *writer {
            *c = *writer;
        }
    }
}

/// The ideal capacity of each instance in the first second: where the
/// simulation starts (warm).
pub(crate) fn first_capacities(s: &ValidScenario, scaling: &ValidScaling, floor: Acu) -> Vec<Acu> {
    let demand: Vec<f64> = s
        .instances
        .iter()
        .map(|i| i.demand.segments().first().map_or(0.0, |seg| seg.acu))
        .collect();
    let mut capacity = vec![Acu::ZERO; demand.len()];
    ideal_cluster(s, scaling, floor, &demand, &mut capacity);
    capacity
}

/// Demand in half-ACU-seconds summed over instances (each second's need
/// rounded up to the grid).
pub(crate) fn total_need(s: &ValidScenario) -> u64 {
    s.instances
        .iter()
        .flat_map(|i| i.demand.segments())
        .map(|seg| u64::from(need_halves(seg.acu)) * seg.seconds)
        .sum()
}

/// Half-ACU-seconds billed by RDS Proxy: the cluster's capacity each
/// second, at least 8 ACUs.
fn proxy_usage(capacities: &[Timeline]) -> u64 {
    let refs: Vec<&Timeline> = capacities.iter().collect();
    let mut total = 0u64;
    for_each_stretch(&refs, |seconds, acu| {
        let halves: u64 = acu.iter().map(|a| (a * 2.0) as u64).sum();
        total += halves.max(PROXY_MIN_HALVES) * seconds;
    });
    total
}

/// Buckets per chart series: hourly over a week.
const CHART_BUCKETS: u64 = 168;

/// Min/max of a timeline per bucket over its first `span` seconds.
fn bucket_ranges(t: &Timeline, span: u64, bucket: u64) -> Vec<(f64, f64)> {
    let count = span.div_ceil(bucket) as usize;
    let mut ranges = vec![(f64::INFINITY, f64::NEG_INFINITY); count];
    let mut at = 0u64;
    for seg in t.segments() {
        let end = (at + seg.seconds).min(span);
        let mut b = at / bucket;
        while at < end && (b as usize) < count {
            let r = &mut ranges[b as usize];
            r.0 = r.0.min(seg.acu);
            r.1 = r.1.max(seg.acu);
            b += 1;
            at = (b * bucket).min(end);
        }
        at = end;
        if at >= span {
            break;
        }
    }
    ranges
}

fn chart(name: &str, demand: &Timeline, capacity: &Timeline) -> InstanceTimeline {
    let span = demand.seconds().min(WEEK);
    let bucket = span.div_ceil(CHART_BUCKETS).max(60);
    let d = bucket_ranges(demand, span, bucket);
    let c = bucket_ranges(capacity, span, bucket);
    InstanceTimeline {
        name: String::from(name),
        bucket_seconds: bucket,
        points: d
            .iter()
            .zip(&c)
            .enumerate()
            .map(|(i, (d, c))| TimelinePoint {
                start_second: i as u64 * bucket,
                capacity_min: c.0,
                capacity_max: c.1,
                demand_min: d.0,
                demand_max: d.1,
            })
            .collect(),
    }
}

/// Estimates the monthly bill for an already validated scenario, with the
/// comparison and the advice.
pub fn estimate_valid(s: &ValidScenario) -> Result<Report, Error> {
    bill(s, true)
}

/// The bill; with `decisions`, also the comparison and the advice (which
/// may price the scenario again with other settings, without decisions).
fn bill(s: &ValidScenario, decisions: bool) -> Result<Report, Error> {
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

    // Ideal tracking.
    let timelines: Vec<&Timeline> = s.instances.iter().map(|i| &i.demand).collect();
    let mut ideal_usage = vec![0u64; s.instances.len()];
    let mut ideal_proxy = 0u64;
    let mut capacity = vec![Acu::ZERO; s.instances.len()];
    for_each_stretch(&timelines, |seconds, demand| {
        ideal_cluster(s, &s.scaling, floor, demand, &mut capacity);
        let mut cluster = 0u64;
        for (k, c) in capacity.iter().enumerate() {
            cluster += u64::from(c.halves());
            ideal_usage[k] += u64::from(c.halves()) * seconds;
        }
        ideal_proxy += cluster.max(PROXY_MIN_HALVES) * seconds;
    });

    // The controller, started warm at the ideal capacity of the first second
    // (the cluster was already serving this load when the month began).
    let initial = first_capacities(s, &s.scaling, floor);
    let outcomes = simulate_cluster(s, &s.scaling, pause_blocked, &initial);
    let capacities: Vec<Timeline> = outcomes
        .iter()
        .map(|o| capacity_timeline(&o.capacity))
        .collect();
    let sim_usage: Vec<u64> = outcomes.iter().map(|o| o.half_acu_seconds).collect();
    let sim_proxy = proxy_usage(&capacities);

    let lines = price_lines(s, s.storage_type, &sim_usage, sim_proxy, &mut warnings)?;
    let ideal_lines = price_lines(
        s,
        s.storage_type,
        &ideal_usage,
        ideal_proxy,
        &mut Vec::new(),
    )?;
    let sum = |lines: &[LineItem]| {
        Money::checked_sum(lines.iter().map(|l| l.cost_micro_usd))
            .ok_or_else(|| overflow_of(lines, "the month's total is above $9.2 trillion"))
    };
    let total = sum(&lines)?;
    let ideal_total = sum(&ideal_lines)?;
    let yearly = total.checked_mul(12).ok_or_else(|| {
        overflow_of(
            &lines,
            "its yearly figure would be above $9.2 trillion (a month above about $768 billion)",
        )
    })?;

    // Warnings, each once.
    for l in &lines {
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
    for (inst, o) in s.instances.iter().zip(&outcomes) {
        if o.unmet_cap > 0 {
            warnings.push(Warning {
                kind: WarningKind::DemandAboveMax,
                field: String::from("scaling.maxAcu"),
                message: format!(
                    "the {} needs more than the maximum of {} ACU for {:.1} h; {:.1} ACU-hours of demand go unserved",
                    inst.name,
                    s.scaling.max,
                    o.at_max_seconds as f64 / 3600.0,
                    o.unmet_cap as f64 / HALF_ACU_SECONDS_PER_ACU_HOUR as f64
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

    let billed_seconds = s.instances[0].demand.seconds().max(1);
    let hours = |seconds: u64| seconds as f64 / 3600.0;
    let acu_h = |halves: u64| halves as f64 / HALF_ACU_SECONDS_PER_ACU_HOUR as f64;
    let instances = s
        .instances
        .iter()
        .zip(&outcomes)
        .zip(&ideal_usage)
        .map(|((inst, o), ideal)| InstanceUsage {
            name: inst.name.clone(),
            promotion_tier: inst.promotion_tier,
            acu_hours: acu_h(o.half_acu_seconds),
            half_acu_seconds: o.half_acu_seconds,
            average_acu: o.half_acu_seconds as f64 / 2.0 / billed_seconds as f64,
            peak_acu: f64::from(o.capacity.iter().map(|c| c.1).max().unwrap_or(0)) / 2.0,
            paused_hours: hours(o.paused_seconds),
            hours_at_max: hours(o.at_max_seconds),
            unmet_acu_hours: UnmetDemand {
                lag: acu_h(o.unmet_lag),
                cap: acu_h(o.unmet_cap),
                resume: acu_h(o.unmet_resume),
            },
            hours_at_floor: hours(o.at_floor_seconds),
            pauses: o.pauses,
            resumes: o.resumes,
            deep_resumes: o.deep_resumes,
            scale_up_episodes: o.up_episodes,
            scale_down_episodes: o.down_episodes,
            largest_step_acu: f64::from(o.largest_step) / 2.0,
            time_to_capacity_p50_seconds: percentile(&o.time_to_capacity, 50),
            time_to_capacity_p95_seconds: percentile(&o.time_to_capacity, 95),
            ideal_acu_hours: acu_h(*ideal),
        })
        .collect();
    let timeline = s
        .instances
        .iter()
        .zip(&capacities)
        .map(|(inst, cap)| chart(&inst.name, &inst.demand, cap))
        .collect();
    let difference = Money::from_micros(total.micros() - ideal_total.micros());
    let (comparison, advice) = if decisions {
        let (c, a) = decide(
            s,
            &lines,
            total,
            ideal_total,
            &outcomes,
            &sim_usage,
            sim_proxy,
        )?;
        (Some(c), a)
    } else {
        (None, Vec::new())
    };

    let catalog = catalog_info(s, &lines);
    Ok(Report {
        acumen_version: String::from(crate::VERSION),
        region: s.region.clone(),
        engine: s.engine,
        storage_type: s.storage_type,
        hours_per_month: s.hours_per_month,
        lines,
        total_micro_usd: total,
        yearly_micro_usd: yearly,
        instances,
        max_connections: max_connections(s.engine, s.scaling.min, s.scaling.max),
        model: crate::sim::model_info(s.controller),
        ideal: IdealComparison {
            total_micro_usd: ideal_total,
            difference_micro_usd: difference,
            explanation: explain(difference, &outcomes),
        },
        timeline,
        catalog,
        warnings,
        comparison,
        advice,
    })
}

/// The prices' origin: the built-in catalog, or the price book (and the
/// catalog with its date when it filled in lines the book lacks).
fn catalog_info(s: &ValidScenario, lines: &[LineItem]) -> CatalogInfo {
    let catalog = CatalogInfo {
        name: String::from(prices::CATALOG_NAME),
        as_of: String::from(prices::CATALOG_AS_OF),
    };
    let Some(book) = &s.price_book else {
        return catalog;
    };
    let from_catalog = lines
        .iter()
        .any(|l| !l.price.overridden && !l.price.source.starts_with(book.name.as_str()));
    if from_catalog {
        CatalogInfo {
            name: format!(
                "{} (as of {}) and the {}",
                book.name, book.as_of, catalog.name
            ),
            ..catalog
        }
    } else {
        CatalogInfo {
            name: book.name.clone(),
            as_of: book.as_of.clone(),
        }
    }
}

/// The comparison with provisioned options and the configuration advice.
fn decide(
    s: &ValidScenario,
    lines: &[LineItem],
    total: Money,
    ideal_total: Money,
    outcomes: &[Outcome],
    usage: &[u64],
    proxy: u64,
) -> Result<(Comparison, Vec<Advice>), Error> {
    // Parts of `total`, which fits, so their sums fit too; checked anyway.
    let compute = Money::checked_sum(
        lines
            .iter()
            .filter(|l| l.component == Component::Compute)
            .map(|l| l.cost_micro_usd),
    )
    .ok_or_else(|| overflow_of(lines, "its compute lines add up to more than $9.2 trillion"))?;
    let peak_halves = outcomes
        .iter()
        .flat_map(|o| o.capacity.iter().map(|c| c.1))
        .max()
        .unwrap_or(1)
        .max(1);
    // The writer's ideal capacity gives the peak and off-peak for the break-even.
    // Recomputed on each pass rather than collected: a per-second trace has
    // millions of segments, and a list of them would cost more than the
    // rounding.
    let writer = &s.instances[0].demand;
    let ideal = |seg: &Segment| ideal_capacity(seg.acu, &s.scaling, Acu::ZERO);
    let (bottom, top) = writer
        .segments()
        .iter()
        .map(ideal)
        .fold(None, |range, c| match range {
            None => Some((c, c)),
            Some((low, high)) => Some((c.min(low), c.max(high))),
        })
        .unwrap_or((Acu::HALF, Acu::HALF));
    let near_top: u64 = writer
        .segments()
        .iter()
        .filter(|seg| u32::from(ideal(seg).halves()) * 10 >= u32::from(top.halves()) * 9)
        .map(|seg| seg.seconds)
        .sum();
    let days = writer.seconds().max(1) as f64 / 86_400.0;
    // The bill under each storage type; the scenario's own is `lines` already.
    let priced = |storage| -> Option<(Money, Money)> {
        let other;
        let lines = if storage == s.storage_type {
            lines
        } else {
            other = price_lines(s, storage, usage, proxy, &mut Vec::new()).ok()?;
            &other
        };
        // A bill that does not fit is not priced, as one that cannot be.
        let sum = Money::checked_sum(lines.iter().map(|l| l.cost_micro_usd))?;
        let io = Money::checked_sum(
            lines
                .iter()
                .filter(|l| l.component == Component::Io)
                .map(|l| l.cost_micro_usd),
        )?;
        Some((sum, io))
    };
    let comparison = compare::compare(
        &compare::Billed {
            serverless: total,
            ideal: ideal_total,
            compute,
            peak_halves: u32::from(top.halves()).max(peak_halves),
            off_peak_halves: u32::from(bottom.halves()),
            peak_hours_per_day: near_top as f64 / 3600.0 / days,
            standard: priced(StorageType::Standard),
            io_optimized: priced(StorageType::IoOptimized).map(|p| p.0),
            scenario: s,
        },
        &s.compare,
    )?;

    // Facts for the advice.
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
    let proxy_monthly = prices::resolve_with(
        s.price_book.as_ref(),
        &s.region,
        s.engine,
        PriceItem::ProxyServerless,
        &s.price_overrides,
    )
    .ok()
    .and_then(|p| acu_hours(proxy).cost(p.price));
    let can_try_pause = s.scaling.min > Acu::ZERO
        && !s.extras.rds_proxy
        && longest > u64::from(s.scaling.seconds_until_auto_pause)
        && crate::engine::capabilities(s.engine, s.engine_version).auto_pause;
    let total_with_pause = if can_try_pause {
        let mut paused = s.clone();
        paused.scaling.min = Acu::ZERO;
        bill(&paused, false).ok().map(|r| r.total_micro_usd)
    } else {
        None
    };
    let run_min = u32::from(s.scaling.min.halves()).max(1);
    let peak_capped = peak_need.min(u32::from(s.scaling.max.halves()));
    let ramp_seconds = (peak_capped > run_min)
        .then(|| {
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
        })
        .flatten();
    let facts = advise::Facts {
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
        total_with_pause,
        total,
        ramp_seconds,
    };
    let mut advice = advise::advise(s, &facts);
    advice.push(Advice {
        topic: advise::Topic::Purchase,
        recommendation: comparison.cheapest.clone(),
        reason: comparison.verdict.clone(),
        value: None,
    });
    advice.push(Advice {
        topic: advise::Topic::Storage,
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

/// Why the simulated bill differs from ideal tracking.
fn explain(difference: Money, outcomes: &[Outcome]) -> String {
    if difference == Money::ZERO {
        return String::from("the same: demand never changes in a way the controller lags behind");
    }
    let downs: u32 = outcomes.iter().map(|o| o.down_episodes).sum();
    let ups: u32 = outcomes.iter().map(|o| o.up_episodes).sum();
    let resumes: u32 = outcomes.iter().map(|o| o.resumes).sum();
    let mut text = String::new();
    if difference > Money::ZERO {
        text.push_str(&format!(
            "the controller costs {difference} more: after a drop in demand it holds capacity for the hold-down and then scales down gradually ({downs} scale-down episodes)"
        ));
        if resumes > 0 {
            text.push_str(&format!(
                ", and it waits for the idle timeout before each of its pauses ({resumes} resumes)"
            ));
        }
    } else {
        text.push_str(&format!(
            "the controller costs {} less: it reaches a higher demand only after a short ramp ({ups} scale-up episodes), so some demand goes unserved instead of billed",
            Money::from_micros(-difference.micros())
        ));
    }
    text
}

/// The bill's lines for the given compute usage (half-ACU-seconds per
/// instance) and RDS Proxy usage.
pub(crate) fn price_lines(
    s: &ValidScenario,
    storage_type: StorageType,
    usage: &[u64],
    proxy_half_acu_seconds: u64,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<LineItem>, Error> {
    let mut bill = Bill::new(s);
    let compute = PriceItem::serverless(storage_type);
    for (inst, half_acu_seconds) in s.instances.iter().zip(usage) {
        let description = match inst.promotion_tier {
            None => format!("{} compute", inst.name),
            Some(tier) => format!("{} compute (tier {tier})", inst.name),
        };
        bill.add(
            Component::Compute,
            &description,
            compute,
            acu_hours(*half_acu_seconds),
        )?;
    }
    let total_half_acu_seconds: u64 = usage.iter().sum();
    let u = &s.usage;
    bill.add(
        Component::Storage,
        "cluster storage",
        PriceItem::storage(storage_type),
        Quantity::new(u128::from(u.storage_milli_gb), MILLI),
    )?;
    match storage_type {
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
    Ok(bill.lines)
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
        let resolved = prices::resolve_with(
            s.price_book.as_ref(),
            &s.region,
            s.engine,
            item,
            &s.price_overrides,
        )?;
        let cost = quantity
            .cost(resolved.price)
            .ok_or_else(|| overflow_at(item, resolved.provenance.overridden))?;
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

/// The input that drives a line of `item`: the price override when the
/// price is one (the catalog's prices are far too small to overflow
/// anything), else the usage it prices.
pub(crate) fn driving_field(item: PriceItem, overridden: bool) -> String {
    if overridden {
        return format!("priceOverrides.{}", item.key());
    }
    String::from(match item {
        PriceItem::ServerlessStandard | PriceItem::ServerlessIoOptimized => "scaling.maxAcu",
        PriceItem::StorageStandard | PriceItem::StorageIoOptimized => "storageGb",
        PriceItem::IoRequests => "io",
        PriceItem::Backup => "backupStorageGb",
        PriceItem::SnapshotExport => "extras.snapshotExportGb",
        PriceItem::Backtrack => "extras.backtrackChangeRecords",
        PriceItem::GlobalWriteIo => "extras.globalWriteIos",
        PriceItem::ProxyServerless | PriceItem::ProxyProvisioned => "extras.rdsProxy",
        PriceItem::DataApi | PriceItem::DataApiOverBillion => "extras.dataApiRequests",
        PriceItem::PerformanceInsightsRetention => "extras.performanceInsightsRetention",
        PriceItem::ExtendedSupport => "extras.extendedSupport",
    })
}

/// A line of `item` too large to represent.
fn overflow_at(item: PriceItem, overridden: bool) -> Error {
    Error::new(
        ErrorCode::Overflow,
        &driving_field(item, overridden),
        format_args!(
            "the {} cost is too large to represent (above $9.2 trillion)",
            prices::label(item)
        ),
    )
}

/// A sum of `lines` too large to represent (`why`), named after the input
/// that drives its largest line.
pub(crate) fn overflow_of(lines: &[LineItem], why: &str) -> Error {
    let largest = lines.iter().max_by_key(|l| l.cost_micro_usd);
    let field = largest
        .map(|l| driving_field(l.item, l.price.overridden))
        .unwrap_or_default();
    let line = largest.map_or("", |l| prices::label(l.item));
    Error::new(
        ErrorCode::Overflow,
        &field,
        format_args!("the estimate is too large to represent: {why}; its largest line is {line}"),
    )
}
