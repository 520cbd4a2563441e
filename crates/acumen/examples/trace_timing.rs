//! Times the per-second trace kernel on the benchmark's two month-long
//! traces and prints the median and the best of N runs. Criterion's medians
//! (`cargo bench -p acumen --bench simulate`) are the reference figures; on
//! a shared, noisy machine the best run shows what the code itself costs,
//! and a plain binary is easier to profile (`perf record`, `valgrind
//! --tool=callgrind`) than a benchmark harness.
//!
//! ```text
//! cargo run --release -p acumen --example trace_timing -- [runs]
//! ```

use std::hint::black_box;
use std::time::Instant;

use acumen::sim::{Controller, Pausing, Settings, simulate_trace};
use acumen::trace::{TraceSettings, simulate_per_second};

const MONTH_SECONDS: u64 = 30 * 86_400;

/// The benchmark's random walk: ±0.5 ACU a second within 0–16 ACU.
fn random_walk() -> Vec<u32> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut need = 8i64;
    (0..MONTH_SECONDS)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            need = (need + (state % 3) as i64 - 1).clamp(0, 32);
            need as u32
        })
        .collect()
}

/// The benchmark's daily cycle (1–11 ACU) with drift and ±1 ACU of noise.
fn daily_cycle() -> Vec<u32> {
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

/// Median and best milliseconds of `runs` calls of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], ms[0])
}

fn main() {
    let runs = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(41usize)
        .max(1);
    let settings = Settings {
        min: 1,
        max: 32,
        pausing: Pausing::Never,
        initial: 8,
        controller: Controller::default(),
    };
    let trace_settings = TraceSettings {
        initial_acu: Some(4.0),
        ..TraceSettings::default()
    };
    for (name, needs) in [
        ("random walk", random_walk()),
        ("daily cycle", daily_cycle()),
    ] {
        let out = simulate_trace(&settings, &needs);
        let changes = out.up_changes + out.down_changes;
        let (median, best) = time(runs, || {
            black_box(simulate_trace(&settings, black_box(&needs)));
        });
        println!(
            "{name}: {changes} capacity changes; kernel median {median:.2} ms, best {best:.2} ms"
        );
        let acu: Vec<f64> = needs.iter().map(|&n| f64::from(n) / 2.0).collect();
        let (median, best) = time(runs, || {
            black_box(simulate_per_second(&trace_settings, black_box(&acu)).ok());
        });
        println!("{name}: from ACUs median {median:.2} ms, best {best:.2} ms");
    }
}
