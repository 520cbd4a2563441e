//! Times the per-second kernel on the benchmark's two month-long
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

use acumen::sim::per_second::{TraceSettings, simulate_per_second};
use acumen::sim::simulate_seconds;

#[path = "../benches/common/traces.rs"]
mod traces;

use traces::{daily_cycle, random_walk};

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
    let settings = traces::settings();
    let trace_settings = TraceSettings {
        initial_acu: Some(4.0),
        ..TraceSettings::default()
    };
    for (name, needs) in [
        ("random walk", random_walk()),
        ("daily cycle", daily_cycle()),
    ] {
        let out = simulate_seconds(&settings, &needs);
        let changes = out.up_changes + out.down_changes;
        let (median, best) = time(runs, || {
            black_box(simulate_seconds(&settings, black_box(&needs)));
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
