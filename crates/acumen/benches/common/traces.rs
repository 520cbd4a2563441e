//! The month-long one-second traces the simulator benchmark and the
//! `trace_timing` example share, as needs in half-ACUs, and the instance
//! they run on; the simulator tests take their random walks from here too.

use acumen::sim::{Controller, Pausing, Settings};

/// Seconds in the 30-day month the traces cover.
const MONTH_SECONDS: u64 = 30 * 86_400;

/// A random walk of ±0.5 ACU a second within 0–16 ACU: the controller
/// changes capacity about every 20 s, the worst case for the per-second kernel.
pub fn random_walk() -> Vec<u32> {
    walk(0x9E37_79B9_7F4A_7C15, MONTH_SECONDS as usize, 32)
}

/// `seconds` of a walk of ±1 half-ACU a second within `0..=top` half-ACUs,
/// from 8, driven by a xorshift generator seeded with `seed`.
pub fn walk(seed: u64, seconds: usize, top: i64) -> Vec<u32> {
    let mut state = seed | 1;
    let mut need = 8i64;
    (0..seconds)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            need = (need + (state % 3) as i64 - 1).clamp(0, top);
            need as u32
        })
        .collect()
}

/// A daily cycle (1–11 ACU) with a slow drift and ±1 ACU of noise every
/// second, like the trace `scripts/bench-wasm.mjs` estimates: need changes
/// nearly every second, but capacity follows the cycle.
pub fn daily_cycle() -> Vec<u32> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut drift = 0.0f64;
    (0..MONTH_SECONDS)
        .map(|i| {
            let day = (i % 86_400) as f64 / 86_400.0;
            drift = (drift + (next() - 0.5) * 0.05).clamp(-3.0, 3.0);
            let acu = 6.0
                + 5.0 * (std::f64::consts::TAU * (day - 0.25)).sin()
                + drift
                + (next() - 0.5) * 2.0;
            (acu.clamp(0.0, 15.99) * 2.0).ceil() as u32
        })
        .collect()
}

/// The instance the traces run on: 0.5–16 ACU, never pausing, starting at
/// 4 ACU, default controller.
pub fn settings() -> Settings {
    Settings {
        min: 1,
        max: 32,
        pausing: Pausing::Never,
        initial: 8,
        controller: Controller::default(),
    }
}
