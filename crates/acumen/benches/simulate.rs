//! Budgets from the design (medians printed by criterion; no assertions):
//! - one instance, 30 days of a 1-second demand trace (2,592,000 samples): ≤ 5 ms.
//!   Two traces: a daily cycle with noise (need changes in 3 seconds of 4,
//!   capacity about 4,800 times a month), and a random walk that makes the
//!   controller change capacity 128,000 times a month (every 20 s), the
//!   worst case for a kernel whose cost follows capacity changes;
//! - the page's default scenario (writer + 2 readers, business hours, 30 days): ≤ 1 ms;
//! - the optimiser over every useful (min, max) pair, 1-week 1-minute trace: ≤ 100 ms.
//!
//! Also, without a budget: the whole estimate of a writer's 30-day 1-second trace.

use std::hint::black_box;

use acumen::optimize::{OptimizeOptions, optimize};
use acumen::scenario::{BusinessHours, Reader, Trace};
use acumen::sim::per_second::{TraceSettings, simulate_per_second};
use acumen::sim::{Input, simulate, simulate_reference, simulate_seconds};
use acumen::{Scenario, Workload, estimate};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/traces.rs"]
mod traces;

use traces::{daily_cycle, random_walk};

/// A week of 1-minute demand: a daily cycle of 1–14 ACU with noise.
fn week_trace() -> Vec<f64> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    (0..7 * 24 * 60)
        .map(|minute| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let hour = (minute / 60) % 24;
            let base = if (8..18).contains(&hour) { 10.0 } else { 1.5 };
            base + (state % 9) as f64 * 0.5
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
    let needs = random_walk();
    // The walk as one-second inputs, for the general fast path and the
    // reference (the instance never pauses, so activity does not matter).
    let trace: Vec<Input> = needs.iter().map(|&need| Input::one_second(need)).collect();
    let settings = traces::settings();
    let mut group = c.benchmark_group("simulate");
    group.sample_size(20);
    group.bench_function(
        "one instance, 30 days, 1-second random walk (per-second kernel)",
        |b| b.iter(|| simulate_seconds(black_box(&settings), black_box(&needs))),
    );
    let cycle = daily_cycle();
    group.bench_function(
        "one instance, 30 days, 1-second daily cycle with noise (per-second kernel)",
        |b| b.iter(|| simulate_seconds(black_box(&settings), black_box(&cycle))),
    );
    // The same trace in ACUs through the checked entry point (what the JS
    // `simulateTrace` runs): converting and checking the samples included.
    let acu: Vec<f64> = needs.iter().map(|&n| f64::from(n) / 2.0).collect();
    let trace_settings = TraceSettings {
        initial_acu: Some(4.0),
        ..TraceSettings::default()
    };
    group.bench_function(
        "one instance, 30 days, 1-second random walk (from ACUs)",
        |b| b.iter(|| simulate_per_second(black_box(&trace_settings), black_box(&acu))),
    );
    group.bench_function(
        "one instance, 30 days, 1-second random walk (fast path)",
        |b| b.iter(|| simulate(black_box(&settings), black_box(&trace))),
    );
    group.bench_function(
        "one instance, 30 days, 1-second random walk (reference)",
        |b| b.iter(|| simulate_reference(black_box(&settings), black_box(&trace))),
    );
    group.finish();

    let week = Scenario {
        hours_per_month: 168,
        workload: Workload::Trace(Trace {
            interval_seconds: 60,
            acu: week_trace(),
        }),
        ..Scenario::default()
    };
    let mut group = c.benchmark_group("optimize");
    group.sample_size(10);
    group.bench_function("1-week 1-minute trace, 0.1 % unmet", |b| {
        b.iter(|| optimize(black_box(&week), &OptimizeOptions::default()))
    });
    group.finish();

    let scenario = page_default();
    c.bench_function(
        "estimate: page default (writer + 2 readers, business hours, 30 days)",
        |b| b.iter(|| estimate(black_box(&scenario))),
    );

    // The whole estimate (validation, billing, simulation, comparison,
    // advice) of the daily cycle as a writer's 1-second trace: the work
    // follows the 2.6 million samples, not capacity changes.
    let per_second = Scenario {
        hours_per_month: 720,
        workload: Workload::Trace(Trace {
            interval_seconds: 1,
            acu: cycle.iter().map(|h| f64::from(*h) / 2.0).collect(),
        }),
        ..Scenario::default()
    };
    // The same with the page's default cluster shape: two tier-0 readers
    // sharing the writer's demand (their floor is the writer's capacity).
    let with_readers = Scenario {
        readers: vec![Reader::default(), Reader::default()],
        ..per_second.clone()
    };
    let mut group = c.benchmark_group("estimate");
    group.sample_size(10);
    group.bench_function("30-day 1-second daily cycle, writer only", |b| {
        b.iter(|| estimate(black_box(&per_second)))
    });
    group.bench_function(
        "30-day 1-second daily cycle, writer + 2 tier-0 readers",
        |b| b.iter(|| estimate(black_box(&with_readers))),
    );
    group.finish();
}

criterion_group!(simulation, benches);
criterion_main!(simulation);
