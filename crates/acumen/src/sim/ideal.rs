//! Ideal tracking: each instance at its demand rounded up to the 0.5-ACU
//! grid, within the scaling range (what simple calculators assume), with
//! the cluster's rules. The simulation starts from it and the bill is
//! compared with it.

use alloc::vec;
use alloc::vec::Vec;

use super::cluster::{PROXY_MIN_HALVES, for_each_stretch};
use crate::acu::Acu;
use crate::scenario::{ValidScaling, ValidScenario};
use crate::workload::Timeline;

/// The capacity ideal tracking gives for `demand`: rounded up to the grid,
/// clamped to the scaling range, and at least `floor`.
pub fn ideal_capacity(demand: f64, scaling: &ValidScaling, floor: Acu) -> Acu {
    // Validation guarantees `demand` is finite and non-negative.
    let wanted = Acu::ceil_from_checked_demand(demand);
    wanted.clamp(scaling.min.max(floor), scaling.max)
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
    let follows = s.instances[1..].iter().map(|inst| inst.follows_writer());
    cluster_rules(capacity, follows, Acu::ZERO, Acu::HALF);
}

/// The cluster's rules over each instance's own ideal capacity (writer
/// first), in ACUs or in half-ACUs (`zero` and `half` say which), with
/// whether each reader follows the writer (tier 0–1): the writer cannot
/// pause while a reader runs, and a follower never runs below the writer.
#[inline]
fn cluster_rules<T: Copy + Ord>(
    capacity: &mut [T],
    follows: impl Iterator<Item = bool>,
    zero: T,
    half: T,
) {
    let Some((writer, readers)) = capacity.split_first_mut() else {
        return;
    };
    if *writer == zero && readers.iter().any(|c| *c > zero) {
        *writer = half;
    }
    for (c, follows) in readers.iter_mut().zip(follows) {
        if follows && *c < *writer {
            *c = *writer;
        }
    }
}

/// The ideal capacity of each instance in the first second: where the
/// simulation starts (warm).
pub(crate) fn first_capacities(s: &ValidScenario, scaling: &ValidScaling, floor: Acu) -> Vec<Acu> {
    let demand: Vec<f64> = s.instances.iter().map(|i| i.demand.first_acu()).collect();
    let mut capacity = vec![Acu::ZERO; demand.len()];
    ideal_cluster(s, scaling, floor, &demand, &mut capacity);
    capacity
}

/// Ideal tracking over the month: half-ACU-seconds per instance, and those
/// RDS Proxy would bill (the cluster's capacity each second, at least 8
/// ACUs). `floor` is the lowest capacity when idle (0.5 ACU when the
/// cluster cannot pause, else zero).
pub fn ideal_usage(s: &ValidScenario, floor: Acu) -> (Vec<u64>, u64) {
    if let [writer] = s.instances.as_slice()
        && let Some(needs) = writer.demand.needs_per_second()
    {
        let (usage, proxy) = ideal_seconds(needs, &s.scaling, floor);
        return (vec![usage], proxy);
    }
    if let Some(needs) = s.needs_per_second() {
        return ideal_cluster_seconds(s, &needs, floor);
    }
    let timelines: Vec<&Timeline> = s.instances.iter().map(|i| &i.demand).collect();
    let mut usage = vec![0u64; s.instances.len()];
    let mut proxy = 0u64;
    let mut capacity = vec![Acu::ZERO; s.instances.len()];
    for_each_stretch(&timelines, |seconds, demand| {
        ideal_cluster(s, &s.scaling, floor, demand, &mut capacity);
        let mut cluster = 0u64;
        for (k, c) in capacity.iter().enumerate() {
            cluster += u64::from(c.halves());
            usage[k] += u64::from(c.halves()) * seconds;
        }
        proxy += cluster.max(PROXY_MIN_HALVES) * seconds;
    });
    (usage, proxy)
}

/// [`ideal_usage`] of a cluster whose instances all hold their demand one
/// need a second: each need clamped, then [`cluster_rules`], second by
/// second over the needs in half-ACUs, instead of a walk over the stretches
/// the timelines share (which, for per-second demand, is every second, at
/// a far higher cost).
fn ideal_cluster_seconds(s: &ValidScenario, needs: &[&[u32]], floor: Acu) -> (Vec<u64>, u64) {
    let low = u32::from(s.scaling.min.max(floor).halves());
    let high = u32::from(s.scaling.max.halves());
    if let Some((&writer, readers)) = needs.split_first()
        && readers.iter().all(|n| core::ptr::eq(*n, writer))
    {
        // Readers sharing the writer's demand (the default) track it
        // exactly as the writer does, so no cluster rule applies: one clamp
        // a second, and the proxy bills the instances' sum of it.
        let usage = clamped_sum(writer, low, high);
        let instances = needs.len() as u32; // at most 16
        let proxy_min = PROXY_MIN_HALVES as u32;
        let proxy = writer
            .chunks(CLAMPED_CHUNK)
            .map(|chunk| {
                let sum = chunk.iter().fold(0u32, |sum, &need| {
                    sum + (need.max(low).min(high) * instances).max(proxy_min)
                });
                u64::from(sum)
            })
            .sum();
        return (vec![usage; needs.len()], proxy);
    }
    // Read once: the loop below visits every second.
    let followers: Vec<bool> = s.instances[1..]
        .iter()
        .map(|i| i.follows_writer())
        .collect();
    let seconds = needs.iter().map(|n| n.len()).min().unwrap_or(0);
    let mut usage = vec![0u64; needs.len()];
    let mut capacity = vec![0u32; needs.len()];
    let mut proxy = 0u64;
    let half = u32::from(Acu::HALF.halves());
    for second in 0..seconds {
        for (c, n) in capacity.iter_mut().zip(needs) {
            *c = n.get(second).map_or(0, |&need| need.max(low).min(high));
        }
        cluster_rules(&mut capacity, followers.iter().copied(), 0, half);
        let mut cluster = 0u64;
        for (u, &c) in usage.iter_mut().zip(&capacity) {
            *u += u64::from(c);
            cluster += u64::from(c);
        }
        proxy += cluster.max(PROXY_MIN_HALVES);
    }
    (usage, proxy)
}

/// [`ideal_usage`] of one instance whose demand is held one need a second:
/// the same clamp, over the needs a chunk at a time (the proxy's sum reads
/// the chunk again while it is in cache).
fn ideal_seconds(needs: &[u32], scaling: &ValidScaling, floor: Acu) -> (u64, u64) {
    let low = u32::from(scaling.min.max(floor).halves());
    let high = u32::from(scaling.max.halves());
    // The proxy bills max(capacity, 16), which is the need clamped to the
    // range with both ends raised to 16.
    let proxy_min = PROXY_MIN_HALVES as u32;
    let (mut usage, mut proxy) = (0u64, 0u64);
    for chunk in needs.chunks(CLAMPED_CHUNK) {
        usage += clamped_sum(chunk, low, high);
        proxy += clamped_sum(chunk, low.max(proxy_min), high.max(proxy_min));
    }
    (usage, proxy)
}

/// Needs summed at a time by [`clamped_sum`] in 32 bits: 4,096 of at most
/// 512 half-ACUs (256 ACU) fit, 16 times over (a writer and 15 readers).
const CLAMPED_CHUNK: usize = 4_096;

/// The sum of `needs`, each clamped to `low..=high` (`low <= high <= 512`),
/// in half-ACU-seconds: ideal tracking over one need a second. Summed in 32
/// bits a chunk at a time, which keeps four lanes to a vector, and clamped
/// as max then min for the same reason.
pub(crate) fn clamped_sum(needs: &[u32], low: u32, high: u32) -> u64 {
    needs
        .chunks(CLAMPED_CHUNK)
        .map(|chunk| {
            let sum = chunk
                .iter()
                .fold(0u32, |sum, &need| sum + need.max(low).min(high));
            u64::from(sum)
        })
        .sum()
}
