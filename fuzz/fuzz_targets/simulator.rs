//! The fast simulator against the per-second reference: for any settings in
//! the ranges a scenario can produce and any inputs, both give the same
//! outcome, and capacity stays on the grid within the scaling range. The
//! per-second trace kernel is checked the same way on the inputs' needs laid
//! out second by second, alone and following a writer whose capacity is the
//! inputs' floors.
#![no_main]
#![forbid(unsafe_code)]

use acumen::sim::{
    Controller, Input, Outcome, Pausing, Settings, simulate, simulate_following,
    simulate_reference, simulate_seconds,
};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

/// Most simulated seconds per case: the reference steps every one. Enough
/// for a pause of more than a day (a deep resume).
const MAX_SECONDS: u64 = 120_000;
/// Most input stretches per case.
const MAX_INPUTS: usize = 64;

#[derive(Arbitrary, Debug)]
struct RawController {
    detect_up_seconds: u8,
    scale_up_rate: u16,
    burst_step_acu: u16,
    hold_down_seconds: u16,
    scale_down_rate: u16,
    resume_seconds: u16,
    deep_resume_seconds: u16,
    resume_acu: u16,
    pause_delay_seconds: u16,
    defaults: bool,
}

#[derive(Arbitrary, Debug)]
struct RawInput {
    seconds: u16,
    long: bool,
    need: u16,
    floor: u16,
    active: bool,
    leader_running: bool,
}

#[derive(Arbitrary, Debug)]
struct Case {
    min: u16,
    span: u16,
    pausing: u8,
    pause_after: u32,
    initial: u16,
    controller: RawController,
    inputs: Vec<RawInput>,
}

/// `lo..=hi` spread over a u16.
fn real(x: u16, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * f64::from(x) / f64::from(u16::MAX)
}

/// A controller within the ranges `ControllerOverrides::resolve` accepts.
fn controller(c: &RawController) -> Controller {
    if c.defaults {
        return Controller::default();
    }
    Controller {
        detect_up_seconds: 1 + u32::from(c.detect_up_seconds) % 60,
        scale_up_rate: real(c.scale_up_rate, 0.01, 1.0),
        burst_step_acu: f64::from(c.burst_step_acu % 513) / 2.0,
        hold_down_seconds: u32::from(c.hold_down_seconds) % 3_601,
        scale_down_rate: real(c.scale_down_rate, 0.0001, 0.5),
        resume_seconds: u32::from(c.resume_seconds) % 601,
        deep_resume_seconds: u32::from(c.deep_resume_seconds) % 601,
        resume_acu: f64::from(1 + c.resume_acu % 512) / 2.0,
        pause_delay_seconds: u32::from(c.pause_delay_seconds) % 3_601,
    }
}

fn check_bounds(s: &Settings, inputs: &[Input], out: &Outcome) {
    let total: u64 = inputs.iter().map(|i| i.seconds).sum();
    let covered: u64 = out.capacity.iter().map(|(len, _)| len).sum();
    assert_eq!(
        covered, total,
        "the capacity series covers {covered} of {total} s"
    );
    let (mut usage, mut paused) = (0u64, 0u64);
    for &(len, c) in &out.capacity {
        assert!(len > 0, "an empty run in {:?}", out.capacity);
        if c == 0 {
            assert_ne!(s.pausing, Pausing::Never, "paused without pausing");
            paused += len;
        } else {
            assert!(
                (s.min..=s.max).contains(&c),
                "capacity {c} outside {}..={}",
                s.min,
                s.max
            );
        }
        usage += len * u64::from(c);
    }
    assert_eq!(out.half_acu_seconds, usage);
    assert_eq!(out.paused_seconds, paused);
    assert!(out.largest_step <= s.max);
    assert!(out.at_max_seconds + out.paused_seconds <= total);
}

fuzz_target!(|case: Case| {
    let min = 1 + u32::from(case.min) % 512;
    let max = min + u32::from(case.span) % (513 - min);
    let pausing = match case.pausing % 3 {
        0 => Pausing::Never,
        1 => Pausing::After(case.pause_after % 86_401),
        _ => Pausing::WithLeader,
    };
    let settings = Settings {
        min,
        max,
        pausing,
        initial: u32::from(case.initial) % 600,
        controller: controller(&case.controller),
    };
    let mut inputs = Vec::new();
    let mut total = 0u64;
    for raw in case.inputs.iter().take(MAX_INPUTS) {
        // Mostly short stretches (transitions); a long one reaches the
        // hold-down, the idle timeout and a day-long pause.
        let seconds = if raw.long {
            u64::from(raw.seconds) * 2
        } else {
            u64::from(raw.seconds % 1_024)
        };
        let seconds = seconds.min(MAX_SECONDS - total);
        total += seconds;
        inputs.push(Input {
            seconds,
            need: u32::from(raw.need) % 1_200,
            floor: u32::from(raw.floor) % 600,
            active: raw.active,
            // Only a reader that follows its writer sees the writer stop.
            leader_running: pausing != Pausing::WithLeader || raw.leader_running,
        });
    }
    let fast = simulate(&settings, &inputs);
    let reference = simulate_reference(&settings, &inputs);
    assert_eq!(fast, reference, "simulate and simulate_reference differ");
    check_bounds(&settings, &inputs, &fast);

    // The trace kernel sees only needs: no floor, a running leader, active
    // whenever there is need.
    let needs: Vec<u32> = inputs
        .iter()
        .flat_map(|i| std::iter::repeat_n(i.need, i.seconds as usize))
        .collect();
    let per_second: Vec<Input> = needs.iter().map(|&need| Input::one_second(need)).collect();
    let kernel = simulate_seconds(&settings, &needs);
    assert_eq!(
        kernel,
        simulate_reference(&settings, &per_second),
        "simulate_seconds and simulate_reference differ"
    );
    check_bounds(&settings, &per_second, &kernel);

    // A reader following its writer: the writer's capacity (the floors,
    // zero where the writer is not running) is its floor, and it is
    // always active.
    let following = Settings {
        pausing: Pausing::WithLeader,
        ..settings
    };
    let leader: Vec<(u64, u32)> = inputs
        .iter()
        .map(|i| (i.seconds, if i.leader_running { i.floor } else { 0 }))
        .collect();
    let per_second: Vec<Input> = inputs
        .iter()
        .zip(&leader)
        .flat_map(|(i, &(seconds, floor))| {
            std::iter::repeat_n(
                Input {
                    seconds: 1,
                    need: i.need,
                    floor,
                    active: true,
                    leader_running: floor > 0,
                },
                seconds as usize,
            )
        })
        .collect();
    let kernel = simulate_following(&following, &needs, &leader);
    assert_eq!(
        kernel,
        simulate_reference(&following, &per_second),
        "simulate_following and simulate_reference differ"
    );
    check_bounds(&following, &per_second, &kernel);
});
