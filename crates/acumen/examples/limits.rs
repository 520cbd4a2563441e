//! Times the largest inputs the limits allow (docs/limits.md) and prints
//! each one's wall time and the process's peak memory.
//!
//! ```text
//! cargo run --release -p acumen --example limits -- year-trace
//! ```
//!
//! Cases (one per run, so that each peak is its own):
//! - `year-trace`: a writer with a year of one-second samples (31,622,400,
//!   the most one trace may hold), the demand changing every second;
//! - `month-16`: a writer and 15 readers, each with its own month of
//!   one-second samples (42,854,400 in all, the most a scenario may hold);
//! - `month-shared`: a writer with a month of one-second samples and 15
//!   tier-1 readers that share its demand;
//! - `too-many`: one sample more than `month-16`, refused before any work;
//! - `optimize-week`: `optimize` over a week of one-second samples;
//! - `optimize-week-minute`: the same week in one-minute samples (within
//!   the optimiser's work budget, so simulated as given);
//! - `optimize-month`: `optimize` over a 744-hour month of one-second
//!   samples for the writer alone;
//! - `optimize-month-16`: `optimize` over `month-16`;
//! - `optimize-peak-16`: `optimize` over a writer and 15 tier-0 readers on
//!   business hours at 256 ACU (no trace: the capacity changes are the work).
//!
//! Over its work budget (`acumen::optimize::MAX_OPTIMIZE_WORK`) `optimize`
//! resamples the demand first; the output says to which step.

use std::time::Instant;

use acumen::scenario::{BusinessHours, MAX_SCENARIO_SAMPLES, MAX_TRACE_SAMPLES, Reader, Trace};
use acumen::{Scenario, Workload, estimate};

/// Demand that changes every second: a pseudo-random walk over 0–64 ACU
/// (fixed seed), so no two neighbouring samples merge.
fn samples(n: usize, seed: u64) -> Vec<f64> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut level = 16.0f64;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let step = ((x >> 33) % 9) as f64 - 4.0;
            level = (level + step * 0.25).clamp(0.0, 64.0);
            // Never equal to the previous sample, even when clamped.
            level + if (x >> 20) & 1 == 1 { 0.125 } else { 0.0 }
        })
        .collect()
}

fn trace(acu: Vec<f64>) -> Workload {
    Workload::Trace(Trace {
        interval_seconds: 1,
        acu,
    })
}

/// The process's peak resident memory so far, in MiB (Linux; 0 elsewhere).
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

const MONTH_SECONDS: usize = 744 * 3_600;

/// A writer and 15 readers in tiers 2–15, each with its own month of
/// one-second samples; `extra` more samples on the last reader.
fn month_16(extra: usize) -> Scenario {
    let per = MAX_SCENARIO_SAMPLES / 16;
    assert_eq!(per, MONTH_SECONDS);
    Scenario {
        hours_per_month: 744,
        scaling: acumen::Scaling {
            min_acu: 0.5,
            max_acu: 64.0,
            seconds_until_auto_pause: None,
        },
        workload: trace(samples(per, 1)),
        readers: (0..15)
            .map(|i| Reader {
                promotion_tier: 2 + (i % 14) as u8,
                workload: Some(trace(samples(
                    per + if i == 14 { extra } else { 0 },
                    2 + i as u64,
                ))),
            })
            .collect(),
        ..Scenario::default()
    }
}

/// A week of the random walk in samples `interval` seconds apart.
fn week(interval: u32) -> Scenario {
    Scenario {
        hours_per_month: 168,
        workload: Workload::Trace(Trace {
            interval_seconds: interval,
            acu: samples(7 * 86_400 / interval as usize, 1),
        }),
        ..Scenario::default()
    }
}

/// Runs `optimize` on `scenario` and prints its time, memory and answer.
fn optimize(case: &str, scenario: Scenario) {
    let before = peak_mib();
    let start = Instant::now();
    let result =
        acumen::optimize::optimize(&scenario, &acumen::optimize::OptimizeOptions::default());
    let elapsed = start.elapsed();
    match result {
        Ok(o) => {
            let best = o
                .best
                .map(|b| {
                    format!(
                        "min {} max {} ACU, {}",
                        b.min_acu, b.max_acu, b.compute_micro_usd
                    )
                })
                .unwrap_or_else(|| String::from("none"));
            println!(
                "{case}: {} ranges simulated in {:.2} s; resampled to {}, minima every {} ACU; best {best}; peak memory {:.0} MiB ({:.0} MiB before)",
                o.evaluated,
                elapsed.as_secs_f64(),
                o.resampled_seconds
                    .map_or_else(|| String::from("no step (as given)"), |s| format!("{s} s")),
                o.minimum_step_acu,
                peak_mib(),
                before
            )
        }
        Err(e) => println!("{case}: refused in {elapsed:?}: {e}"),
    }
}

fn main() {
    let case = std::env::args().nth(1).unwrap_or_default();
    if let Some(scenario) = optimize_case(&case) {
        return optimize(&case, scenario);
    }
    let Some(scenario) = estimate_case(&case) else {
        eprintln!(
            "usage: limits year-trace|month-16|month-shared|too-many|optimize-week|optimize-week-minute|optimize-month|optimize-month-16|optimize-peak-16"
        );
        std::process::exit(2);
    };
    run_estimate(&case, &scenario);
}

/// The scenario of an estimate case.
fn estimate_case(case: &str) -> Option<Scenario> {
    Some(match case {
        "year-trace" => Scenario {
            hours_per_month: 744,
            scaling: acumen::Scaling {
                min_acu: 0.5,
                max_acu: 64.0,
                seconds_until_auto_pause: None,
            },
            workload: trace(samples(MAX_TRACE_SAMPLES, 1)),
            ..Scenario::default()
        },
        "month-16" | "too-many" => month_16(usize::from(case == "too-many")),
        "month-shared" => Scenario {
            hours_per_month: 744,
            scaling: acumen::Scaling {
                min_acu: 0.5,
                max_acu: 64.0,
                seconds_until_auto_pause: None,
            },
            workload: trace(samples(MONTH_SECONDS, 1)),
            readers: vec![
                Reader {
                    promotion_tier: 1,
                    workload: None,
                };
                15
            ],
            ..Scenario::default()
        },
        _ => return None,
    })
}

/// The scenario of an optimizer case.
fn optimize_case(case: &str) -> Option<Scenario> {
    Some(match case {
        "optimize-week" => week(1),
        "optimize-week-minute" => week(60),
        "optimize-month" => Scenario {
            hours_per_month: 744,
            workload: trace(samples(MONTH_SECONDS, 1)),
            ..Scenario::default()
        },
        "optimize-month-16" => month_16(0),
        "optimize-peak-16" => Scenario {
            hours_per_month: 744,
            scaling: acumen::Scaling {
                min_acu: 0.5,
                max_acu: 256.0,
                seconds_until_auto_pause: None,
            },
            workload: Workload::BusinessHours(BusinessHours {
                peak_acu: 256.0,
                off_peak_acu: 1.0,
                ..BusinessHours::default()
            }),
            readers: vec![Reader::default(); 15],
            ..Scenario::default()
        },
        _ => return None,
    })
}

/// Estimates `scenario`, reporting the time and the peak memory.
fn run_estimate(case: &str, scenario: &Scenario) {
    let input_mib = peak_mib();
    let start = Instant::now();
    let result = estimate(scenario);
    let elapsed = start.elapsed();
    match result {
        Ok(report) => println!(
            "{case}: estimated in {:.2} s; peak memory {:.0} MiB, of which the input {:.0} MiB; total {}",
            elapsed.as_secs_f64(),
            peak_mib(),
            input_mib,
            report.total_micro_usd
        ),
        Err(e) => println!(
            "{case}: refused in {:.3} ms ({}: {}); peak memory {:.0} MiB (the input)",
            elapsed.as_secs_f64() * 1e3,
            e.code(),
            e,
            peak_mib()
        ),
    }
}
