//! Budgets from the design (medians printed by criterion; no assertions):
//! - one instance, 30 days of a 1-second demand trace (2,592,000 samples): ≤ 5 ms;
//! - the page's default scenario (writer + 2 readers, business hours, 30 days): ≤ 1 ms.

use std::hint::black_box;

use acumen::scenario::{BusinessHours, Reader};
use acumen::sim::{Controller, Input, Pausing, Settings, simulate, simulate_reference};
use acumen::{Scenario, Workload, estimate};
use criterion::{Criterion, criterion_group, criterion_main};

const MONTH_SECONDS: u64 = 30 * 86_400;

/// A deterministic, bursty per-second demand: a random walk in 0..=16 ACU.
fn per_second_trace() -> Vec<Input> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut need = 8i64;
    (0..MONTH_SECONDS)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            need = (need + (state % 3) as i64 - 1).clamp(0, 32);
            Input {
                seconds: 1,
                need: need as u32,
                floor: 0,
                active: true,
                leader_running: true,
            }
        })
        .collect()
}

fn page_default() -> Scenario {
    Scenario {
        hours_per_month: 720,
        workload: Workload::BusinessHours(BusinessHours::default()),
        readers: vec![
            Reader {
                promotion_tier: 1,
                workload: None,
            },
            Reader {
                promotion_tier: 2,
                workload: None,
            },
        ],
        ..Scenario::default()
    }
}

fn benches(c: &mut Criterion) {
    let trace = per_second_trace();
    let settings = Settings {
        min: 1,
        max: 32,
        pausing: Pausing::Never,
        initial: 8,
        controller: Controller::default(),
    };
    let mut group = c.benchmark_group("simulate");
    group.sample_size(20);
    group.bench_function("one instance, 30 days, 1-second trace (fast path)", |b| {
        b.iter(|| simulate(black_box(&settings), black_box(&trace)))
    });
    group.bench_function("one instance, 30 days, 1-second trace (reference)", |b| {
        b.iter(|| simulate_reference(black_box(&settings), black_box(&trace)))
    });
    group.finish();

    let scenario = page_default();
    c.bench_function(
        "estimate: page default (writer + 2 readers, business hours, 30 days)",
        |b| b.iter(|| estimate(black_box(&scenario))),
    );
}

criterion_group!(simulation, benches);
criterion_main!(simulation);
