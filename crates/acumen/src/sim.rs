//! The simulation stage: how a Serverless v2 instance, and a cluster of
//! them, follows its demand.
//!
//! A discrete-time model at one-second resolution (the reference's §5):
//! proportional scale-up after the need has lasted a moment, a hold-down and
//! then geometric scale-down, clamping to the range (and, for tier 0–1
//! readers, to the writer's capacity), and auto-pause after an idle timeout
//! with a resume delay and a small resume capacity. Capacity is held on the
//! 0.5-ACU grid as integer half-ACUs; the controller's internal level is a
//! float, snapped up when it rises and down when it falls.
//!
//! Two implementations share one per-second step: [`simulate`] jumps over
//! every stretch in which nothing can change (steady state, the hold-down,
//! the idle countdown, a pause, the decay seconds between two grid steps),
//! so its cost grows with demand changes and scaling transitions rather
//! than with simulated seconds; [`simulate_reference`]
//! steps every second. They agree exactly (a property test checks it).
//! [`simulate_seconds`] is a third way in for one need a second held as a
//! compact slice: it reads 64 seconds at a time as bit masks, and agrees
//! exactly with the other two; [`simulate_following`] is the same for a
//! tier 0–1 reader, with its writer's capacity as its floor.
//!
//! Around the controller: [`simulate_cluster`] runs a scenario's writer and
//! readers under the cluster's rules (a per-second trace goes through the
//! kernel for the writer and for every reader, unless the writer may pause
//! while a reader of its own demand is busy), [`ideal_usage`] is ideal tracking
//! (what simple calculators assume), and [`per_second`] is the checked
//! entry point for one instance over a per-second trace of samples.

use alloc::string::String;
use alloc::vec::Vec;

use crate::acu::ceil;
use crate::platform::PlatformVersion;
pub use crate::vocabulary::{Controller, ModelInfo};
use alloc::format;

mod cluster;
mod ideal;
mod kernel;
pub mod per_second;

pub use cluster::simulate_cluster;
pub(crate) use cluster::{
    capacity_timeline, fold_needs, for_each_stretch, need_halves, proxy_usage, total_need,
};
pub(crate) use ideal::clamped_sum;
pub use ideal::{ideal_capacity, ideal_usage};
pub(crate) use kernel::{CHUNK, Source, simulate_source};
pub use kernel::{simulate_following, simulate_seconds};

/// The per-second kernel under its former name.
#[doc(hidden)]
pub use kernel::simulate_seconds as simulate_trace;

/// The model's name, reported with every simulated result.
pub const MODEL_NAME: &str = "acumen-controller";
/// The model's version: bumped whenever its behaviour changes (2: presets
/// per platform version, and the delay between the auto-pause timeout and
/// the pause).
pub const MODEL_VERSION: &str = "2";

/// The model's name, version and one-line description, with `controller`
/// as used on `platform`.
pub fn model_info(controller: Controller, platform: PlatformVersion) -> ModelInfo {
    ModelInfo {
        name: String::from(MODEL_NAME),
        version: String::from(MODEL_VERSION),
        description: format!(
            "second-by-second controller on {platform}: proportional scale-up after a short detection delay, a hold-down then geometric scale-down, auto-pause after the idle timeout and a short delay, with a resume delay; tier 0-1 readers follow the writer"
        ),
        platform_version: Some(platform.number()),
        controller,
    }
}

/// Seconds paused after which a resume is a "deep" (slower) one.
const DEEP_SLEEP_SECONDS: u64 = 86_400;

/// One stretch of constant input to an instance's controller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Input {
    /// Length in seconds.
    pub seconds: u64,
    /// Capacity the demand needs, in half-ACUs (demand rounded up to the
    /// grid, *not* clamped to the maximum, so unmet demand can be measured).
    pub need: u32,
    /// A lower bound from elsewhere (a tier 0–1 reader's writer), in half-ACUs.
    pub floor: u32,
    /// Whether there is activity that keeps the instance from pausing.
    pub active: bool,
    /// For a reader that follows the writer: whether the writer is running
    /// (not paused or resuming). Always true for others.
    pub leader_running: bool,
}

impl Input {
    /// `seconds` of an instance's own need and nothing else: no floor from
    /// a writer, a running leader, active whenever there is need.
    pub fn own_need(need: u32, seconds: u64) -> Input {
        Input {
            seconds,
            need,
            floor: 0,
            active: need > 0,
            leader_running: true,
        }
    }

    /// One second of need as [`simulate_seconds`] reads it
    /// ([`Input::own_need`] for one second).
    pub fn one_second(need: u32) -> Input {
        Input::own_need(need, 1)
    }

    /// [`Input::one_second`] under its former name.
    #[doc(hidden)]
    pub fn trace_second(need: u32) -> Input {
        Input::one_second(need)
    }
}

/// How an instance may pause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pausing {
    /// The minimum is above zero, or something blocks pausing.
    Never,
    /// Pauses after this many idle seconds.
    After(u32),
    /// Pauses and resumes with its writer (tier 0–1 reader).
    WithLeader,
}

impl Pausing {
    /// Pausing once `timeout` idle seconds and the controller's pause delay
    /// have passed (AWS pauses some time after the timeout, not at it).
    pub fn after_timeout(timeout: u32, controller: &Controller) -> Pausing {
        Pausing::After(timeout.saturating_add(controller.pause_delay_seconds))
    }
}

/// The fixed settings of one instance's simulation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Lowest running capacity, half-ACUs (at least 1).
    pub min: u32,
    /// Highest capacity, half-ACUs.
    pub max: u32,
    /// How the instance pauses.
    pub pausing: Pausing,
    /// Capacity at the start, half-ACUs (0 = paused).
    pub initial: u32,
    /// The controller's parameters.
    pub controller: Controller,
}

/// What a simulation measured for one instance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Capacity over time as (seconds, half-ACUs), equal neighbours merged.
    pub capacity: Vec<(u64, u32)>,
    /// Billed usage in half-ACU-seconds.
    pub half_acu_seconds: u64,
    /// Seconds paused (including resuming).
    pub paused_seconds: u64,
    /// Seconds at the maximum.
    pub at_max_seconds: u64,
    /// Seconds at the lowest running capacity.
    pub at_floor_seconds: u64,
    /// Unmet demand in half-ACU-seconds while scaling up (capacity below max).
    pub unmet_lag: u64,
    /// Unmet demand in half-ACU-seconds at the maximum.
    pub unmet_cap: u64,
    /// Unmet demand in half-ACU-seconds while paused or resuming.
    pub unmet_resume: u64,
    /// Number of pauses.
    pub pauses: u32,
    /// Number of resumes.
    pub resumes: u32,
    /// Resumes after more than a day paused.
    pub deep_resumes: u32,
    /// Seconds in which capacity rose.
    pub up_changes: u32,
    /// Seconds in which capacity fell.
    pub down_changes: u32,
    /// Runs of changes in one direction.
    pub up_episodes: u32,
    /// Runs of changes in one direction.
    pub down_episodes: u32,
    /// Largest single change, half-ACUs.
    pub largest_step: u32,
    /// Seconds from a rise in need to capacity meeting it, per rise met.
    pub time_to_capacity: Vec<u32>,
}

#[derive(Clone, Copy, Debug)]
struct State {
    /// The controller's level in half-ACUs (float).
    level: f64,
    /// The capacity applied this second, half-ACUs (0 when paused).
    applied: u32,
    up_wait: u32,
    below: u32,
    idle: u64,
    paused: bool,
    paused_for: u64,
    resuming: u32,
    /// When the current unmet rise began (seconds), if any.
    lag_since: Option<u64>,
    /// Direction of the last change: 1 up, -1 down, 0 none yet.
    last_dir: i8,
    now: u64,
    /// Seconds accounted at the current capacity since it last changed.
    run_len: u64,
    /// Unmet half-ACU-seconds accumulated in the current run.
    run_unmet: u64,
}

impl State {
    fn new(s: &Settings) -> State {
        let initial = match (s.initial, s.pausing) {
            (0, Pausing::After(_) | Pausing::WithLeader) => 0,
            (level, _) => level.clamp(s.min, s.max),
        };
        State {
            level: f64::from(initial),
            applied: initial,
            up_wait: 0,
            below: 0,
            idle: 0,
            paused: initial == 0,
            paused_for: 0,
            resuming: 0,
            lag_since: None,
            last_dir: 0,
            now: 0,
            run_len: 0,
            run_unmet: 0,
        }
    }
}

#[inline(always)]
fn target(s: &Settings, input: &Input) -> u32 {
    input.need.max(input.floor).clamp(s.min, s.max)
}

/// Records `seconds` at the current capacity. Totals are kept per run of
/// equal capacity and written out by [`flush`] when the capacity changes,
/// which keeps the per-second work to two additions.
#[inline]
fn account(st: &mut State, input: &Input, seconds: u64) {
    st.run_len += seconds;
    if input.need > st.applied {
        st.run_unmet += u64::from(input.need - st.applied) * seconds;
    }
}

/// Writes the current run of equal capacity into the outcome.
fn flush(s: &Settings, st: &mut State, out: &mut Outcome) {
    let (len, c, unmet) = (st.run_len, st.applied, st.run_unmet);
    st.run_len = 0;
    st.run_unmet = 0;
    if len == 0 {
        return;
    }
    match out.capacity.last_mut() {
        Some((l, level)) if *level == c => *l += len,
        _ => out.capacity.push((len, c)),
    }
    out.half_acu_seconds += u64::from(c) * len;
    if c == 0 {
        out.paused_seconds += len;
        out.unmet_resume += unmet;
        return;
    }
    if c == s.max {
        out.at_max_seconds += len;
        out.unmet_cap += unmet;
    } else {
        out.unmet_lag += unmet;
    }
    if c == s.min {
        out.at_floor_seconds += len;
    }
}

/// Changes the applied capacity, closing the run at the old one.
#[inline]
fn set_applied(s: &Settings, st: &mut State, level: u32, out: &mut Outcome) {
    if level != st.applied {
        flush(s, st, out);
        st.applied = level;
    }
}

/// Notes a change of applied capacity from `before`.
#[inline(always)]
fn note_change(st: &mut State, before: u32, out: &mut Outcome) {
    let after = st.applied;
    if after == before {
        return;
    }
    let dir = if after > before { 1 } else { -1 };
    if dir == 1 {
        out.up_changes += 1;
    } else {
        out.down_changes += 1;
    }
    if dir != st.last_dir {
        if dir == 1 {
            out.up_episodes += 1;
        } else {
            out.down_episodes += 1;
        }
        st.last_dir = dir;
    }
    out.largest_step = out.largest_step.max(after.abs_diff(before));
}

/// Tracks the time from a rise in need to capacity meeting it.
#[inline(always)]
fn note_lag(st: &mut State, input: &Input, grew: bool, out: &mut Outcome) {
    if input.need > st.applied {
        if st.lag_since.is_none() {
            st.lag_since = Some(st.now);
        }
    } else if let Some(since) = st.lag_since.take() {
        // Only rises that capacity caught up with count; a need that simply
        // went away says nothing about scaling speed.
        if grew {
            out.time_to_capacity
                .push(u32::try_from(st.now - since).unwrap_or(u32::MAX));
        }
    }
}

/// One second of the controller. Returns nothing; updates state and outcome.
///
/// The second goes to the first phase that takes it: following a paused
/// leader, staying paused, resuming, pausing after the idle timeout, and
/// otherwise scaling towards the target.
#[inline(always)]
fn step(s: &Settings, st: &mut State, input: &Input, out: &mut Outcome) {
    let before = st.applied;
    if follow_leader(s, st, input, before, out)
        || stay_paused(s, st, input, out)
        || resume(s, st, input, before, out)
        || pause_when_idle(s, st, input, before, out)
    {
        return;
    }
    let grew = scale(s, st, input, out);
    account(st, input, 1);
    note_change(st, before, out);
    note_lag(st, input, grew, out);
    st.now += 1;
}

/// A reader that follows the writer: paused while its leader is not
/// running (the second is taken), resumed when it runs again.
#[inline(always)]
fn follow_leader(
    s: &Settings,
    st: &mut State,
    input: &Input,
    before: u32,
    out: &mut Outcome,
) -> bool {
    if let Pausing::WithLeader = s.pausing {
        if !input.leader_running {
            if !st.paused {
                st.paused = true;
                out.pauses += 1;
            }
            set_applied(s, st, 0, out);
            st.level = 0.0;
            account(st, input, 1);
            note_change(st, before, out);
            st.now += 1;
            return true;
        }
        if st.paused {
            st.paused = false;
            out.resumes += 1;
            st.level = resume_level(s);
            set_applied(s, st, st.level as u32, out);
        }
    }
    false
}

/// A paused instance: stays paused while idle (the second is taken), or
/// starts resuming (deeply after a long pause) when activity returns.
#[inline(always)]
fn stay_paused(s: &Settings, st: &mut State, input: &Input, out: &mut Outcome) -> bool {
    if !st.paused {
        return false;
    }
    if !input.active {
        st.paused_for += 1;
        account(st, input, 1);
        st.now += 1;
        return true;
    }
    let c = &s.controller;
    st.paused = false;
    out.resumes += 1;
    st.resuming = if st.paused_for > DEEP_SLEEP_SECONDS {
        out.deep_resumes += 1;
        c.deep_resume_seconds
    } else {
        c.resume_seconds
    };
    st.paused_for = 0;
    if st.resuming == 0 {
        // No resume delay: capacity arrives at once.
        st.level = resume_level(s);
        set_applied(s, st, st.level as u32, out);
    }
    false
}

/// A resume under way takes the second.
#[inline(always)]
fn resume(s: &Settings, st: &mut State, input: &Input, before: u32, out: &mut Outcome) -> bool {
    if st.resuming == 0 {
        return false;
    }
    // Each resume second is spent at zero; capacity arrives after the last.
    st.resuming -= 1;
    account(st, input, 1);
    if st.resuming == 0 {
        st.level = resume_level(s);
        set_applied(s, st, st.level as u32, out);
        st.idle = 0;
        note_change(st, before, out);
    }
    st.now += 1;
    true
}

/// With auto-pause, counts idle seconds and pauses (taking the second)
/// once the timeout has passed.
#[inline(always)]
fn pause_when_idle(
    s: &Settings,
    st: &mut State,
    input: &Input,
    before: u32,
    out: &mut Outcome,
) -> bool {
    let Pausing::After(limit) = s.pausing else {
        return false;
    };
    st.idle = if input.active { 0 } else { st.idle + 1 };
    // Paused once `limit` whole seconds have passed idle.
    if st.idle <= u64::from(limit) {
        return false;
    }
    st.paused = true;
    st.paused_for = 0;
    set_applied(s, st, 0, out);
    st.level = 0.0;
    st.idle = 0;
    st.up_wait = 0;
    st.below = 0;
    out.pauses += 1;
    account(st, input, 1);
    note_change(st, before, out);
    st.now += 1;
    true
}

/// Scales towards the target: up after the detection delay, down after
/// the hold-down. Returns whether capacity grew.
#[inline(always)]
fn scale(s: &Settings, st: &mut State, input: &Input, out: &mut Outcome) -> bool {
    let c = &s.controller;
    let t = target(s, input);
    if t > st.applied {
        st.below = 0;
        st.up_wait += 1;
        if st.up_wait >= c.detect_up_seconds {
            let step = (c.scale_up_rate * st.level)
                .max(1.0)
                .max(c.burst_step_acu * 2.0);
            let next = (ceil(st.level + step) as u32).min(t);
            st.level = f64::from(next);
            set_applied(s, st, next, out);
            return true;
        }
    } else if t < st.applied {
        st.up_wait = 0;
        st.below += 1;
        if st.below >= c.hold_down_seconds {
            let decayed = st.level * (1.0 - c.scale_down_rate);
            st.level = decayed.max(f64::from(t));
            // Snapped down to the grid (the level is never negative).
            set_applied(s, st, (st.level as u32).max(t), out);
        }
    } else {
        st.up_wait = 0;
        st.below = 0;
    }
    false
}

fn resume_level(s: &Settings) -> f64 {
    let wanted = ceil(s.controller.resume_acu * 2.0) as u32;
    f64::from(wanted.clamp(s.min, s.max))
}

/// Seconds (at most `left`) from the current state in which `input` changes
/// nothing but counters; 0 when the next second must be stepped.
fn quiet_seconds(s: &Settings, st: &State, input: &Input, left: u64) -> u64 {
    let c = &s.controller;
    if let Pausing::WithLeader = s.pausing {
        if !input.leader_running {
            return if st.paused { left } else { 0 };
        }
        if st.paused {
            return 0;
        }
    }
    if st.paused {
        return if input.active { 0 } else { left };
    }
    if st.resuming > 0 {
        return left.min(u64::from(st.resuming - 1));
    }
    // Seconds before the idle countdown pauses the instance.
    let mut room = left;
    if let (Pausing::After(limit), false) = (s.pausing, input.active) {
        room = room.min(u64::from(limit).saturating_sub(st.idle));
    }
    let t = target(s, input);
    let lag_open = input.need > st.applied;
    if lag_open && st.lag_since.is_none() {
        return 0; // the onset of a rise is recorded by a single step
    }
    if t == st.applied {
        room
    } else if t < st.applied {
        let holding = c.hold_down_seconds.saturating_sub(st.below + 1);
        if holding > 0 {
            room.min(u64::from(holding))
        } else {
            // Decay seconds before the one that crosses a grid step.
            let (seconds, _) = decay_without_crossing(s, st, room);
            seconds
        }
    } else {
        room.min(u64::from(
            c.detect_up_seconds.saturating_sub(st.up_wait + 1),
        ))
    }
}

/// Up to `limit` decay seconds from the current level that leave the applied
/// capacity unchanged, and the level after them: each multiplies the level
/// exactly as [`step`] does, and the first that would fall below the applied
/// capacity is left out (it changes capacity, so it is stepped).
fn decay_without_crossing(s: &Settings, st: &State, limit: u64) -> (u64, f64) {
    let keep = 1.0 - s.controller.scale_down_rate;
    let applied = f64::from(st.applied);
    let (mut seconds, mut level) = (0, st.level);
    while seconds < limit {
        let decayed = level * keep;
        if decayed < applied {
            break;
        }
        level = decayed;
        seconds += 1;
    }
    (seconds, level)
}

/// Applies `k` quiet seconds (see [`quiet_seconds`]) at once.
fn skip(s: &Settings, st: &mut State, input: &Input, k: u64) {
    if st.paused {
        if matches!(s.pausing, Pausing::After(_)) {
            st.paused_for += k;
        }
    } else if st.resuming > 0 {
        st.resuming -= k as u32;
    } else {
        if let Pausing::After(_) = s.pausing {
            st.idle = if input.active { 0 } else { st.idle + k };
        }
        // As `note_lag` would each second: a need now met closes the rise
        // without counting it (capacity did not change while skipping).
        if input.need <= st.applied {
            st.lag_since = None;
        }
        let t = target(s, input);
        if t == st.applied {
            st.up_wait = 0;
            st.below = 0;
        } else if t < st.applied {
            if st.below + 1 >= s.controller.hold_down_seconds {
                // Decay seconds (see `quiet_seconds`): the level falls.
                st.level = decay_without_crossing(s, st, k).1;
            }
            st.up_wait = 0;
            st.below += k as u32;
        } else {
            st.below = 0;
            st.up_wait += k as u32;
        }
    }
    account(st, input, k);
    st.now += k;
}

/// Simulates one instance over `inputs`, jumping over quiet stretches.
pub fn simulate(settings: &Settings, inputs: &[Input]) -> Outcome {
    let mut out = Outcome::default();
    let mut st = State::new(settings);
    for input in inputs {
        let mut left = input.seconds;
        while left > 0 {
            // A one-second stretch is cheapest stepped directly.
            let k = if left == 1 {
                0
            } else {
                quiet_seconds(settings, &st, input, left)
            };
            if k > 0 {
                skip(settings, &mut st, input, k);
                left -= k;
            } else {
                step(settings, &mut st, input, &mut out);
                left -= 1;
            }
        }
    }
    flush(settings, &mut st, &mut out);
    out
}

/// Simulates one instance second by second: the reference [`simulate`] must
/// match exactly.
pub fn simulate_reference(settings: &Settings, inputs: &[Input]) -> Outcome {
    let mut out = Outcome::default();
    let mut st = State::new(settings);
    for input in inputs {
        for _ in 0..input.seconds {
            step(settings, &mut st, input, &mut out);
        }
    }
    flush(settings, &mut st, &mut out);
    out
}

/// The p-th percentile (0–100) of `values` by nearest rank; `None` if empty.
pub fn percentile(values: &[u32], p: u32) -> Option<u32> {
    if values.is_empty() {
        return None;
    }
    // Sorted as `u64`, as the commitment's hourly usage is: one sort
    // instantiation fewer in the wasm (about 4 KB).
    let mut sorted: Vec<u64> = values.iter().map(|&v| u64::from(v)).collect();
    sorted.sort_unstable();
    let rank = (u64::from(p.min(100)) * sorted.len() as u64).div_ceil(100);
    u32::try_from(sorted[(rank.max(1) - 1) as usize]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(min: u32, max: u32, pausing: Pausing, initial: u32) -> Settings {
        Settings {
            min,
            max,
            pausing,
            initial,
            controller: Controller::default(),
        }
    }

    fn run(need: u32, seconds: u64) -> Input {
        Input::own_need(need, seconds)
    }

    /// Seconds from the start until capacity first equals `level`.
    fn time_to(out: &Outcome, level: u32) -> u64 {
        let mut t = 0;
        for (len, c) in &out.capacity {
            if *c == level {
                return t;
            }
            t += len;
        }
        panic!("never reached {level}: {:?}", out.capacity);
    }

    #[test]
    fn steady_demand_at_the_start_level_is_one_step() {
        let s = settings(1, 32, Pausing::Never, 8);
        let out = simulate(&s, &[run(8, 30 * 86_400)]);
        assert_eq!(out.capacity, [(30 * 86_400, 8)]);
        assert_eq!(out.half_acu_seconds, 8 * 30 * 86_400);
    }

    // The scale-down timings against AWS's published ones are in
    // tests/calibration.rs (`acumen::calibration`).

    #[test]
    fn scale_up_is_fast_and_proportional() {
        // Platform version 2: proportional steps only.
        let mut s = settings(1, 32, Pausing::Never, 1);
        s.controller = PlatformVersion::new(2, "").unwrap().controller();
        let out = simulate(&s, &[run(32, 600)]);
        let t = time_to(&out, 32);
        assert!((15..=40).contains(&t), "0.5→16 took {t} s");
        assert_eq!(out.time_to_capacity, [t as u32]);
        assert!(out.unmet_lag > 0 && out.unmet_cap == 0);
    }

    #[test]
    fn recent_platforms_add_up_to_16_acu_a_second() {
        // Platform version 4 (the default): after the 2 s detection delay,
        // one step of 16 ACU takes 0.5 to 16.5, clamped to the 16 needed.
        let s = settings(1, 32, Pausing::Never, 1);
        let out = simulate(&s, &[run(32, 600)]);
        assert_eq!(time_to(&out, 32), 1);
        assert_eq!(out.largest_step, 31);
    }

    #[test]
    fn pauses_after_the_timeout_and_resumes_in_15_or_30_seconds() {
        let s = settings(1, 16, Pausing::After(300), 4);
        let out = simulate(&s, &[run(0, 600), run(4, 100)]);
        // Paused from second 300, resumes when demand returns at 600: 15 s at 0.
        assert_eq!(out.pauses, 1);
        assert_eq!(out.resumes, 1);
        assert_eq!(out.paused_seconds, 300 + 15);
        assert_eq!(out.unmet_resume, 4 * 15);
        // After more than a day paused, a deep resume of 30 s.
        let out = simulate(&s, &[run(0, 300 + 86_401 + 1), run(4, 100)]);
        assert_eq!(out.deep_resumes, 1);
        assert_eq!(out.unmet_resume, 4 * 30);
    }

    #[test]
    fn a_resume_without_delay_starts_at_the_resume_capacity() {
        // Found by the `simulator` fuzz target: with `resumeSeconds` 0 the
        // instance left the pause at zero capacity and crawled up from the
        // bottom (below `min`, ignoring `resumeAcu`).
        let mut s = settings(8, 32, Pausing::After(300), 0);
        s.controller.resume_seconds = 0;
        s.controller.burst_step_acu = 1.0;
        let out = simulate(&s, &[run(24, 200)]);
        assert_eq!(out, simulate_reference(&s, &[run(24, 200)]));
        assert_eq!((out.resumes, out.paused_seconds), (1, 0));
        assert_eq!(out.capacity[0], (1, 8), "{:?}", out.capacity);
        assert!(out.capacity.iter().all(|(_, c)| (8..=32).contains(c)));
        assert_eq!(out.capacity.last().unwrap().1, 24);
        // The same with the default resume capacity (2 ACU) above the minimum.
        s.min = 1;
        s.initial = 4;
        let out = simulate(&s, &[run(0, 400), run(24, 200)]);
        assert_eq!(out.pauses, 1);
        assert_eq!(out.unmet_resume, 0);
        let resumed = out.capacity.iter().position(|(_, c)| *c == 0).unwrap() + 1;
        assert_eq!(out.capacity[resumed].1, 4, "{:?}", out.capacity);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_scenario_resuming_without_delay_has_no_resume_shortfall() {
        // The scenario form of the reproducer (fuzz/corpus/scenario_toml/
        // regress-resume-without-delay.toml): with no resume delay the demand
        // that wakes the writer is served at once, from `resumeAcu` up.
        let scenario: crate::Scenario = serde_json::from_str(
            r#"{"hoursPerMonth": 2,
                "scaling": {"minAcu": 0, "maxAcu": 8},
                "workload": {"trace": {"intervalSeconds": 600,
                             "acu": [0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 6, 6]}},
                "controller": {"resumeSeconds": 0, "deepResumeSeconds": 0, "resumeAcu": 4}}"#,
        )
        .unwrap();
        let report = crate::estimate(&scenario).unwrap();
        let writer = &report.instances[0];
        assert_eq!(writer.resumes, 1);
        assert_eq!(writer.unmet_acu_hours.resume, 0.0);
        assert_eq!(writer.paused_hours, 1.5);
        assert_eq!(writer.peak_acu, 6.0);
    }

    #[test]
    fn resume_starts_small_and_scales_up() {
        let s = settings(1, 32, Pausing::After(300), 0);
        let out = simulate(&s, &[run(24, 200)]);
        // 15 s paused, then 2 ACU (4 halves), then up to 12 ACU.
        assert_eq!(out.capacity[0], (15, 0));
        assert_eq!(out.capacity[1].1, 4);
        assert_eq!(out.capacity.last().unwrap().1, 24);
    }

    #[test]
    fn at_max_the_shortfall_is_cap() {
        let s = settings(1, 8, Pausing::Never, 8);
        let out = simulate(&s, &[run(12, 100)]);
        assert_eq!(out.unmet_cap, 4 * 100);
        assert_eq!(out.at_max_seconds, 100);
        assert!(out.time_to_capacity.is_empty());
    }

    #[test]
    fn follower_pauses_with_its_leader() {
        let s = settings(1, 16, Pausing::WithLeader, 4);
        let input = |running: bool, seconds| Input {
            seconds,
            need: 2,
            floor: if running { 4 } else { 0 },
            active: true,
            leader_running: running,
        };
        let out = simulate(&s, &[input(true, 10), input(false, 20), input(true, 10)]);
        assert_eq!(out.paused_seconds, 20);
        assert_eq!((out.pauses, out.resumes), (1, 1));
        assert!(out.capacity.iter().all(|(_, c)| *c == 0 || *c >= 4));
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[5, 1, 3], 50), Some(3));
        assert_eq!(percentile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), Some(10));
        assert_eq!(percentile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50), Some(5));
    }
}
