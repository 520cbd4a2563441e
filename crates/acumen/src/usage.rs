//! The usage stage: what each instance used over the month, simulated and
//! under ideal tracking, summed per instance, with RDS Proxy's billed
//! capacity and the chart timeline. The bill prices it.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::acu::Acu;
use crate::scenario::ValidScenario;
use crate::sim::{self, Outcome, percentile};
use crate::workload::{Timeline, WEEK};

/// Half-ACU-seconds in one ACU-hour.
pub(crate) const HALF_ACU_SECONDS_PER_ACU_HOUR: u64 = 7_200;

/// What the cluster used over the month, instance by instance (the writer
/// first, then the readers, as in the scenario).
#[derive(Clone, Debug, PartialEq)]
pub struct Usage {
    /// Something keeps the cluster from pausing (its minimum is 0 but
    /// capacity stays at 0.5 ACU or more): RDS Proxy, replication, …
    pub pause_blocked: bool,
    /// The simulated controller's outcome per instance.
    pub outcomes: Vec<Outcome>,
    /// The simulated capacity per instance, in ACUs over time.
    pub capacities: Vec<Timeline>,
    /// Simulated capacity per instance, in half-ACU-seconds.
    pub half_acu_seconds: Vec<u64>,
    /// Half-ACU-seconds RDS Proxy bills for the simulated cluster.
    pub proxy_half_acu_seconds: u64,
    /// Capacity per instance under ideal tracking, in half-ACU-seconds.
    pub ideal_half_acu_seconds: Vec<u64>,
    /// Half-ACU-seconds RDS Proxy bills under ideal tracking.
    pub ideal_proxy_half_acu_seconds: u64,
}

/// Simulates the scenario's cluster and sums what each instance used, and
/// what it would use under ideal tracking.
pub fn measure(s: &ValidScenario) -> Usage {
    // RDS Proxy holds connections open, replication and the rest keep the
    // writer up: the cluster never pauses.
    let pause_blocked = !s.pause_blockers().is_empty() && s.scaling.min == Acu::ZERO;
    let floor = if pause_blocked { Acu::HALF } else { Acu::ZERO };
    let (ideal_half_acu_seconds, ideal_proxy_half_acu_seconds) = sim::ideal_usage(s, floor);
    let outcomes = sim::simulate_cluster(s, &s.scaling, pause_blocked);
    let capacities: Vec<Timeline> = outcomes
        .iter()
        .map(|o| sim::capacity_timeline(&o.capacity))
        .collect();
    Usage {
        pause_blocked,
        half_acu_seconds: outcomes.iter().map(|o| o.half_acu_seconds).collect(),
        proxy_half_acu_seconds: sim::proxy_usage(&capacities),
        outcomes,
        capacities,
        ideal_half_acu_seconds,
        ideal_proxy_half_acu_seconds,
    }
}

impl Usage {
    /// The capacity each instance used, for the report.
    pub fn instances(&self, s: &ValidScenario) -> Vec<InstanceUsage> {
        let billed_seconds = s.instances[0].demand.seconds().max(1);
        s.instances
            .iter()
            .zip(&self.outcomes)
            .zip(&self.ideal_half_acu_seconds)
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
            .collect()
    }

    /// Capacity and demand over the first week, per instance, for charts.
    pub fn timeline(&self, s: &ValidScenario) -> Vec<InstanceTimeline> {
        s.instances
            .iter()
            .zip(&self.capacities)
            .map(|(inst, cap)| chart(&inst.name, &inst.demand, cap))
            .collect()
    }
}

impl Usage {
    /// The whole cluster's simulated capacity in each of the first `hours`
    /// hours, in half-ACU-seconds (paused hours 0): the usage a Database
    /// Savings Plan is drawn from, hour by hour. Exact: the runs of the
    /// simulation are split at hour boundaries.
    pub fn hourly_half_acu_seconds(&self, hours: u32) -> Vec<u64> {
        let mut out = vec![0u64; hours as usize];
        for outcome in &self.outcomes {
            let mut at = 0u64;
            for &(seconds, halves) in &outcome.capacity {
                let end = at + seconds;
                while at < end {
                    let hour = (at / 3600) as usize;
                    let Some(slot) = out.get_mut(hour) else {
                        break;
                    };
                    let until = end.min((at / 3600 + 1) * 3600);
                    *slot += (until - at) * u64::from(halves);
                    at = until;
                }
                at = end;
            }
        }
        out
    }
}

fn hours(seconds: u64) -> f64 {
    seconds as f64 / 3600.0
}

fn acu_h(halves: u64) -> f64 {
    halves as f64 / HALF_ACU_SECONDS_PER_ACU_HOUR as f64
}

/// Buckets per chart series: hourly over a week.
const CHART_BUCKETS: u64 = 168;

/// Min/max of a timeline per bucket over its first `span` seconds.
fn bucket_ranges(t: &Timeline, span: u64, bucket: u64) -> Vec<(f64, f64)> {
    let count = span.div_ceil(bucket) as usize;
    if let Some(acu) = t.samples_per_second() {
        // Whole buckets of samples, each folded with selects (a vector loop).
        let covered = &acu[..acu.len().min(span as usize)];
        let mut ranges: Vec<(f64, f64)> = covered
            .chunks(bucket as usize)
            .map(|c| {
                c.iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), &a| {
                        (
                            if a < low { a } else { low },
                            if a > high { a } else { high },
                        )
                    })
            })
            .collect();
        ranges.resize(count, (f64::INFINITY, f64::NEG_INFINITY));
        return ranges;
    }
    let mut ranges = vec![(f64::INFINITY, f64::NEG_INFINITY); count];
    let mut at = 0u64;
    for seg in t.runs() {
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

/// Capacity used by one instance over the month.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstanceUsage {
    /// "writer", or "reader N".
    pub name: String,
    /// The reader's promotion tier; absent for the writer.
    pub promotion_tier: Option<u8>,
    /// ACU-hours billed (exact value rounded to f64 for display).
    pub acu_hours: f64,
    /// Exact usage: half-ACU-seconds (ACU-hours × 7,200).
    pub half_acu_seconds: u64,
    /// Average capacity over the month, in ACUs.
    pub average_acu: f64,
    /// Highest capacity reached, in ACUs.
    pub peak_acu: f64,
    /// Hours paused (zero capacity, zero compute charge).
    pub paused_hours: f64,
    /// Hours at the maximum capacity.
    pub hours_at_max: f64,
    /// Demand the instance could not serve, in ACU-hours: while scaling up
    /// (`lag`), at its maximum (`cap`) and while paused or resuming (`resume`).
    pub unmet_acu_hours: UnmetDemand,
    /// Hours at the lowest running capacity.
    pub hours_at_floor: f64,
    /// Times the instance paused.
    pub pauses: u32,
    /// Times the instance resumed (of which after more than a day paused: `deepResumes`).
    pub resumes: u32,
    /// Resumes after more than a day paused (slower).
    pub deep_resumes: u32,
    /// Runs of rising capacity.
    pub scale_up_episodes: u32,
    /// Runs of falling capacity.
    pub scale_down_episodes: u32,
    /// Largest single capacity change, in ACUs.
    pub largest_step_acu: f64,
    /// Median seconds from a rise in demand to capacity meeting it.
    pub time_to_capacity_p50_seconds: Option<u32>,
    /// 95th-percentile seconds from a rise in demand to capacity meeting it.
    pub time_to_capacity_p95_seconds: Option<u32>,
    /// ACU-hours ideal tracking would bill for this instance.
    pub ideal_acu_hours: f64,
}

/// Demand an instance could not serve, in ACU-hours, by cause.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnmetDemand {
    /// While the controller was still scaling up.
    pub lag: f64,
    /// At the maximum capacity.
    pub cap: f64,
    /// While paused or resuming.
    pub resume: f64,
}

/// One bucket of the chart timeline: ranges of capacity and demand.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelinePoint {
    /// Seconds from the start of the month to the bucket's start.
    pub start_second: u64,
    /// Lowest capacity in the bucket, ACUs.
    pub capacity_min: f64,
    /// Highest capacity in the bucket, ACUs.
    pub capacity_max: f64,
    /// Lowest demand in the bucket, ACUs.
    pub demand_min: f64,
    /// Highest demand in the bucket, ACUs.
    pub demand_max: f64,
}

/// A chart-ready, downsampled capacity/demand series for one instance.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstanceTimeline {
    /// The instance's name.
    pub name: String,
    /// Seconds per bucket.
    pub bucket_seconds: u64,
    /// The buckets, in time order.
    pub points: Vec<TimelinePoint>,
}
