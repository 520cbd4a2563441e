//! The cluster simulated second by second: the writer, then each reader,
//! with the cluster's rules (the writer pauses only when every instance is
//! idle; tier 0–1 readers never run below the writer and pause with it).

use alloc::vec;
use alloc::vec::Vec;

use super::ideal::first_capacities;
use super::{
    Input, Outcome, Pausing, Settings, Source, simulate, simulate_following, simulate_seconds,
    simulate_source,
};
use crate::acu::Acu;
use crate::scenario::{ValidInstance, ValidScaling, ValidScenario};
use crate::workload::{Runs, Timeline, zip};

/// Calls `f(seconds, demands)` for each stretch where every timeline is
/// constant (all timelines have the same length).
pub(crate) fn for_each_stretch(timelines: &[&Timeline], mut f: impl FnMut(u64, &[f64])) {
    // A writer alone: its runs are the stretches (a per-second trace has
    // millions, so the general walk below would cost more than `f`).
    if let [only] = timelines {
        only.runs()
            .for_each(|run| f(run.seconds, core::slice::from_ref(&run.acu)));
        return;
    }
    let mut runs: Vec<Runs<'_>> = timelines.iter().map(|t| t.runs()).collect();
    let n = timelines.len();
    let mut left = vec![0u64; n];
    let mut demand = vec![0.0f64; n];
    loop {
        for k in 0..n {
            if left[k] == 0 {
                let Some(run) = runs[k].next() else {
                    return;
                };
                (left[k], demand[k]) = (run.seconds, run.acu);
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

pub(crate) use crate::acu::need_halves;

/// Folds `f(state, seconds, need)` over the runs of `timeline` with each
/// one's need in half-ACUs ([`need_halves`]): a per-second timeline's
/// needs are read as they are, not converted again. The state is passed by
/// value, which lets a simple fold over needs become a vector loop.
#[inline]
pub(crate) fn fold_needs<B>(
    timeline: &Timeline,
    init: B,
    mut f: impl FnMut(B, u64, u32) -> B,
) -> B {
    match timeline.needs_per_second() {
        Some(needs) => needs.iter().fold(init, |state, &need| f(state, 1, need)),
        None => timeline.runs().fold(init, |state, run| {
            f(state, run.seconds, need_halves(run.acu))
        }),
    }
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
pub(crate) fn capacity_timeline(capacity: &[(u64, u32)]) -> Timeline {
    let mut t = Timeline::new();
    for (seconds, halves) in capacity {
        t.push(*seconds, f64::from(*halves) / 2.0);
    }
    t
}

/// Simulates the cluster with the scaling range `scaling`, started warm at
/// the ideal capacity of the first second (the cluster was already serving
/// this load when the month began): the writer (pausing only when every
/// instance is idle), then each reader (tiers 0–1 floored at and pausing
/// with the writer; tiers 2–15 on their own). With `pause_blocked` (RDS
/// Proxy holds connections open) no instance pauses.
pub fn simulate_cluster(
    s: &ValidScenario,
    scaling: &ValidScaling,
    pause_blocked: bool,
) -> Vec<Outcome> {
    let floor = if pause_blocked && scaling.min == Acu::ZERO {
        Acu::HALF
    } else {
        Acu::ZERO
    };
    let initial = first_capacities(s, scaling, floor);
    let can_pause = scaling.min == Acu::ZERO && !pause_blocked;
    let own_pausing = if can_pause {
        Pausing::after_timeout(scaling.seconds_until_auto_pause, &s.controller)
    } else {
        Pausing::Never
    };
    let max_halves = u32::from(scaling.max.halves());
    let lowest = (s.capacity_floor_halves().min(max_halves)).max(1);
    let settings = |pausing, initial: Acu| Settings {
        min: u32::from(scaling.min.halves()).max(lowest),
        max: max_halves,
        pausing,
        initial: u32::from(initial.halves()),
        controller: s.controller,
    };
    let start = |k: usize| initial.get(k).copied().unwrap_or(Acu::ZERO);
    let writer_settings = settings(own_pausing, start(0));
    let writer = match s.instances.as_slice() {
        [writer, readers @ ..] if reads_own_demand(&writer_settings, writer, readers) => {
            simulate_own_demand(&writer_settings, &writer.demand)
        }
        _ => simulate(&writer_settings, &writer_inputs(s)),
    };
    let mut writer_capacity = None;
    let mut outcomes = Vec::with_capacity(s.instances.len());
    for (k, inst) in s.instances.iter().enumerate().skip(1) {
        outcomes.push(if inst.follows_writer() {
            let settings = settings(Pausing::WithLeader, start(k));
            match inst.demand.needs_per_second() {
                // Demand a second at a time: the kernel, reading the
                // writer's capacity as the floor.
                Some(needs) => simulate_following(&settings, needs, &writer.capacity),
                None => {
                    let capacity =
                        writer_capacity.get_or_insert_with(|| capacity_timeline(&writer.capacity));
                    simulate(&settings, &follower_inputs(inst, capacity))
                }
            }
        } else {
            simulate_own_demand(&settings(own_pausing, start(k)), &inst.demand)
        });
    }
    outcomes.insert(0, writer);
    outcomes
}

/// Average seconds per run at or below which a timeline held as runs is
/// simulated second by second by the kernel rather than run by run: runs of
/// a second or two cost the run walk a step each, the kernel a bit
/// operation each. (A timeline held per second goes to the kernel as it is.)
const KERNEL_SECONDS_PER_RUN: u64 = 8;

/// Simulates an instance that reads nothing but its own demand (no floor,
/// active whenever it has demand, no leader): the writer alone, or a reader
/// that scales on its own. Fine-grained demand goes through the per-second
/// kernel, coarse demand through the run walk; both give the same outcome.
fn simulate_own_demand(settings: &Settings, demand: &Timeline) -> Outcome {
    if let Some(needs) = demand.needs_per_second() {
        return simulate_seconds(settings, needs);
    }
    let seconds = demand.seconds();
    let fine = demand.run_count() as u64 * KERNEL_SECONDS_PER_RUN >= seconds;
    match usize::try_from(seconds) {
        Ok(seconds) if fine => simulate_source(settings, RunNeeds::new(demand.runs(), seconds)),
        _ => simulate(settings, &own_inputs(demand)),
    }
}

/// An instance's own demand as inputs (see [`simulate_own_demand`]).
fn own_inputs(demand: &Timeline) -> Vec<Input> {
    let mut inputs = Vec::with_capacity(demand.run_count());
    for run in demand.runs() {
        push_input(
            &mut inputs,
            Input::own_need(need_halves(run.acu), run.seconds),
        );
    }
    inputs
}

/// A timeline's needs, second by second, as the kernel reads them (in
/// order, a chunk at a time).
struct RunNeeds<'a> {
    runs: Runs<'a>,
    seconds: usize,
    /// Seconds of the current run not yet read, and its need.
    left: u64,
    need: u32,
}

impl<'a> RunNeeds<'a> {
    fn new(runs: Runs<'a>, seconds: usize) -> RunNeeds<'a> {
        RunNeeds {
            runs,
            seconds,
            left: 0,
            need: 0,
        }
    }
}

impl Source for RunNeeds<'_> {
    fn seconds(&self) -> usize {
        self.seconds
    }

    fn read<'a>(&'a mut self, _from: usize, buf: &'a mut [u32]) -> &'a [u32] {
        let mut filled = 0;
        while filled < buf.len() {
            if self.left == 0 {
                // The runs cover `seconds`, so one is left.
                let Some(run) = self.runs.next() else {
                    buf[filled..].fill(0);
                    break;
                };
                (self.left, self.need) = (run.seconds, need_halves(run.acu));
            }
            let take = (buf.len() - filled).min(usize::try_from(self.left).unwrap_or(usize::MAX));
            buf[filled..filled + take].fill(self.need);
            filled += take;
            self.left -= take as u64;
        }
        buf
    }
}

/// Whether the writer's controller reads nothing but its own demand, so
/// that it can be simulated as an instance alone (by the per-second kernel
/// for a fine trace). The writer is active while any instance has demand,
/// and only auto-pause reads activity: so it reads its own demand alone
/// when it cannot pause, or when no reader has demand in a second the
/// writer has none (readers sharing its demand, the default, never do).
fn reads_own_demand(
    settings: &Settings,
    writer: &ValidInstance,
    readers: &[ValidInstance],
) -> bool {
    matches!(settings.pausing, Pausing::Never)
        || readers
            .iter()
            .all(|reader| busy_only_with(&reader.demand, &writer.demand))
}

/// Whether `demand` is zero in every second `leader` is.
fn busy_only_with(demand: &Timeline, leader: &Timeline) -> bool {
    if demand.shares_samples_with(leader) {
        return true;
    }
    let mut alone = false;
    zip(demand, leader, |_, acu, leader_acu| {
        alone |= acu > 0.0 && leader_acu == 0.0;
    });
    !alone
}

/// The writer's inputs: its own need, active while any instance has demand.
fn writer_inputs(s: &ValidScenario) -> Vec<Input> {
    let timelines: Vec<&Timeline> = s.instances.iter().map(|i| &i.demand).collect();
    // At least one input per run of the busiest timeline: sized once.
    let longest = timelines.iter().map(|t| t.run_count()).max();
    let mut inputs = Vec::with_capacity(longest.unwrap_or(0));
    for_each_stretch(&timelines, |seconds, demand| {
        push_input(
            &mut inputs,
            Input {
                seconds,
                need: need_halves(demand[0]),
                floor: 0,
                active: demand.iter().any(|d| *d > 0.0),
                leader_running: true,
            },
        );
    });
    inputs
}

/// A tier 0–1 reader's inputs: its need, the writer's capacity as its
/// floor, and the writer's running as its leader's (it is kept active: it
/// pauses only with the writer).
fn follower_inputs(inst: &ValidInstance, writer_capacity: &Timeline) -> Vec<Input> {
    let mut inputs = Vec::with_capacity(inst.demand.run_count().max(writer_capacity.run_count()));
    zip(
        &inst.demand,
        writer_capacity,
        |seconds, demand, writer_acu| {
            let writer_halves = (writer_acu * 2.0) as u32;
            push_input(
                &mut inputs,
                Input {
                    seconds,
                    need: need_halves(demand),
                    floor: writer_halves,
                    active: true,
                    leader_running: writer_halves > 0,
                },
            );
        },
    );
    inputs
}

/// Demand in half-ACU-seconds summed over instances (each second's need
/// rounded up to the grid).
pub(crate) fn total_need(s: &ValidScenario) -> u64 {
    s.instances
        .iter()
        .map(|i| {
            fold_needs(&i.demand, 0, |total, seconds, need| {
                total + u64::from(need) * seconds
            })
        })
        .sum()
}

/// RDS Proxy bills at least 8 ACUs of serverless capacity (16 half-ACUs).
pub(crate) const PROXY_MIN_HALVES: u64 = 16;

/// Half-ACU-seconds billed by RDS Proxy: the cluster's capacity each
/// second, at least 8 ACUs.
pub(crate) fn proxy_usage(capacities: &[Timeline]) -> u64 {
    let refs: Vec<&Timeline> = capacities.iter().collect();
    let mut total = 0u64;
    for_each_stretch(&refs, |seconds, acu| {
        let halves: u64 = acu.iter().map(|a| (a * 2.0) as u64).sum();
        total += halves.max(PROXY_MIN_HALVES) * seconds;
    });
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Reader;
    use crate::workload::Trace;
    use crate::{Scaling, Scenario, Workload};
    use proptest::prelude::*;

    /// A writer's demand a second: a walk with idle stretches, some long
    /// enough to pause.
    fn demand() -> impl Strategy<Value = Vec<f64>> {
        proptest::collection::vec((0u8..6, 1usize..400), 1..60).prop_map(|steps| {
            let mut level = 3.0f64;
            let mut acu = Vec::new();
            for (step, seconds) in steps {
                level = match step {
                    0 => (level - 0.5).max(0.0),
                    1 => level + 0.5,
                    2 => 0.0,
                    _ => level,
                };
                acu.extend(core::iter::repeat_n(level, seconds));
            }
            acu
        })
    }

    fn trace(acu: Vec<f64>, interval_seconds: u32) -> Option<Workload> {
        Some(Workload::Trace(Trace {
            interval_seconds,
            acu,
        }))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whenever the writer is taken to read its own demand alone, that
        /// gives the outcome of its inputs as a cluster member (active while
        /// any instance has demand); and a writer that may pause, with a
        /// reader busy while it idles, is not taken so.
        #[test]
        fn a_writer_reading_its_own_demand_is_simulated_alone(
            acu in demand(),
            min in 0u16..=2,
            interval in prop::sample::select(vec![1u32, 5]),
            readers in proptest::collection::vec((0u8..=15, 0u8..=2), 0..=2),
        ) {
            let reader_demand = |kind: u8| match kind {
                // The writer's own demand.
                0 => None,
                // Half of it: busy exactly when the writer is.
                1 => trace(acu.iter().map(|a| a / 2.0).collect(), interval),
                // Busy while the writer idles.
                _ => trace(acu.iter().map(|a| if *a == 0.0 { 1.0 } else { 0.0 }).collect(), interval),
            };
            let scenario = Scenario {
                // An hour: the trace (up to 3,000 samples) repeats into it.
                hours_per_month: 1,
                scaling: Scaling {
                    min_acu: f64::from(min) / 2.0,
                    max_acu: 16.0,
                    seconds_until_auto_pause: Some(300),
                },
                workload: trace(acu.clone(), interval).unwrap_or_default(),
                readers: readers
                    .iter()
                    .map(|&(tier, kind)| Reader {
                        promotion_tier: tier,
                        workload: reader_demand(kind),
                    })
                    .collect(),
                ..Scenario::default()
            };
            let valid = scenario.validate().unwrap();
            let pausing = if min == 0 {
                Pausing::after_timeout(300, &valid.controller)
            } else {
                Pausing::Never
            };
            let settings = Settings {
                min: u32::from(min).max(1),
                max: 32,
                pausing,
                initial: 4,
                controller: valid.controller,
            };
            let (writer, rest) = valid.instances.split_first().unwrap();
            let alone = reads_own_demand(&settings, writer, rest);
            // The samples in the hour (a longer trace is cut, a shorter one repeated).
            let in_hour = &acu[..acu.len().min(3_600 / interval as usize)];
            let busy_alone = in_hour.contains(&0.0) && readers.iter().any(|&(_, kind)| kind == 2);
            prop_assert_eq!(alone, min > 0 || !busy_alone);
            if alone {
                prop_assert_eq!(
                    simulate_own_demand(&settings, &writer.demand),
                    simulate(&settings, &writer_inputs(&valid))
                );
            }
        }
    }
}
