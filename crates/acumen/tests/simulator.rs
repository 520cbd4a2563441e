//! The fast simulator against the second-by-second reference.

use acumen::sim::{
    Controller, Input, Pausing, Settings, simulate, simulate_following, simulate_reference,
    simulate_seconds,
};
use proptest::prelude::*;

// The benchmark's trace generators; only the walk is used here.
#[allow(dead_code)]
#[path = "../benches/common/traces.rs"]
mod traces;

fn inputs() -> impl Strategy<Value = Vec<Input>> {
    prop::collection::vec(
        (
            1u64..2_000,
            0u32..80,
            0u32..20,
            any::<bool>(),
            prop::bool::weighted(0.9),
        ),
        1..40,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(seconds, need, floor, idle, leader_running)| Input {
                seconds,
                // A third of the stretches are idle, so pauses happen.
                need: if idle { 0 } else { need },
                floor: if leader_running { floor } else { 0 },
                active: !idle,
                leader_running,
            })
            .collect()
    })
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        1u32..8,
        8u32..64,
        prop_oneof![
            Just(Pausing::Never),
            (300u32..900).prop_map(Pausing::After),
            Just(Pausing::WithLeader),
        ],
        0u32..64,
        0u32..6,
        0.02f64..0.2,
        0u32..3,
        prop_oneof![Just(0u32), 1u32..200],
        0.002f64..0.01,
    )
        .prop_map(
            |(min, max, pausing, initial, detect, up, burst, hold, down)| Settings {
                min,
                max,
                pausing,
                initial: if matches!(pausing, Pausing::Never) {
                    initial.clamp(min, max)
                } else {
                    initial
                },
                controller: Controller {
                    detect_up_seconds: detect,
                    scale_up_rate: up,
                    burst_step_acu: f64::from(burst * 4),
                    hold_down_seconds: hold,
                    scale_down_rate: down,
                    ..Controller::default()
                },
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fast_path_matches_the_reference_exactly(s in settings(), input in inputs()) {
        let fast = simulate(&s, &input);
        let reference = simulate_reference(&s, &input);
        prop_assert_eq!(fast, reference);
    }

    #[test]
    fn capacity_stays_on_the_grid_within_bounds(s in settings(), input in inputs()) {
        let out = simulate(&s, &input);
        let total: u64 = input.iter().map(|i| i.seconds).sum();
        prop_assert_eq!(out.capacity.iter().map(|(len, _)| len).sum::<u64>(), total);
        for (_, c) in &out.capacity {
            prop_assert!(*c == 0 || (*c >= s.min.min(s.max) && *c <= s.max), "{} outside {}..={}", c, s.min, s.max);
        }
        if matches!(s.pausing, Pausing::Never) {
            prop_assert_eq!(out.paused_seconds, 0);
        }
        let usage: u64 = out.capacity.iter().map(|(len, c)| len * u64::from(*c)).sum();
        prop_assert_eq!(usage, out.half_acu_seconds);
    }
}

/// A per-second trace: runs of a level, a third of them idle.
fn needs() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec((1usize..700, 0u32..80, any::<bool>()), 1..30).prop_map(|runs| {
        runs.into_iter()
            .flat_map(|(len, need, idle)| core::iter::repeat_n(if idle { 0 } else { need }, len))
            .collect()
    })
}

/// A per-second random walk within 0..=40 half-ACUs, which changes need
/// almost every second.
fn walk() -> impl Strategy<Value = Vec<u32>> {
    (any::<u64>(), 100usize..5_000).prop_map(|(seed, len)| traces::walk(seed, len, 40))
}

fn one_second_inputs(needs: &[u32]) -> Vec<Input> {
    needs.iter().map(|&need| Input::one_second(need)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn kernel_matches_the_reference_on_runs(s in settings(), needs in needs()) {
        prop_assert_eq!(simulate_seconds(&s, &needs), simulate_reference(&s, &one_second_inputs(&needs)));
    }

    #[test]
    fn kernel_matches_the_reference_on_a_random_walk(s in settings(), needs in walk()) {
        prop_assert_eq!(simulate_seconds(&s, &needs), simulate_reference(&s, &one_second_inputs(&needs)));
    }
}

/// A writer's capacity as runs: levels, some at zero (paused), changing
/// from every second to every few minutes.
fn leader() -> impl Strategy<Value = Vec<(u64, u32)>> {
    prop::collection::vec((1u64..300, 0u32..50, prop::bool::weighted(0.15)), 1..80).prop_map(
        |runs| {
            runs.into_iter()
                .map(|(len, capacity, paused)| (len, if paused { 0 } else { capacity }))
                .collect()
        },
    )
}

/// A following reader's inputs a second: its need, the writer's capacity
/// as floor, always active, with the writer running while above zero (and
/// paused past its runs).
fn following_inputs(needs: &[u32], leader: &[(u64, u32)]) -> Vec<Input> {
    let mut floors = leader
        .iter()
        .flat_map(|&(len, capacity)| core::iter::repeat_n(capacity, len as usize));
    needs
        .iter()
        .map(|&need| {
            let floor = floors.next().unwrap_or(0);
            Input {
                seconds: 1,
                need,
                floor,
                active: true,
                leader_running: floor > 0,
            }
        })
        .collect()
}

/// The follower kernel against the reference, for a reader with `s`'s
/// settings made to follow its writer.
fn follows_as_the_reference(
    s: Settings,
    needs: &[u32],
    leader: &[(u64, u32)],
) -> Result<(), TestCaseError> {
    let s = Settings {
        pausing: Pausing::WithLeader,
        ..s
    };
    prop_assert_eq!(
        simulate_following(&s, needs, leader),
        simulate_reference(&s, &following_inputs(needs, leader))
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn follower_kernel_matches_the_reference_on_runs(
        s in settings(), needs in needs(), leader in leader(),
    ) {
        follows_as_the_reference(s, &needs, &leader)?;
    }

    #[test]
    fn follower_kernel_matches_the_reference_on_a_random_walk(
        s in settings(), needs in walk(), leader in leader(),
    ) {
        follows_as_the_reference(s, &needs, &leader)?;
    }
}

/// A walk over several of the kernel's 4,096-second chunks, with idle
/// stretches long enough to pause and needs beyond what its narrow `i16`
/// copy holds, against the second-by-second reference.
#[test]
fn long_traces_match_the_reference_across_chunks() {
    for (pausing, max) in [
        (Pausing::Never, 64),
        (Pausing::After(300), 64),
        (Pausing::WithLeader, 48),
        (Pausing::Never, 40_000), // beyond the narrow range: stepped
    ] {
        let s = Settings {
            min: 1,
            max,
            pausing,
            initial: 8,
            controller: Controller::default(),
        };
        let mut needs = traces::walk(u64::from(max), 3 * 4_096 + 77, 40);
        for (i, need) in needs.iter_mut().enumerate() {
            match (i / 1000) % 5 {
                3 => *need = 0,
                4 if i % 97 == 0 => *need = 100_000,
                _ => {}
            }
        }
        assert_eq!(
            simulate_seconds(&s, &needs),
            simulate_reference(&s, &one_second_inputs(&needs)),
            "{pausing:?}, max {max}"
        );
    }
}
