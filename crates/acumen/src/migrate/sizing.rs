//! The demand in ACUs of a provisioned instance's CPU load, and the range
//! to start a serverless instance with: AWS's serverless advisory rules.
//!
//! Source: AWS's agent toolkit for AWS, the Aurora skills'
//! `serverless-advisory-formulas-and-examples.md` and `acu_calculator.py`
//! (`estimate_acu`, `recommend_min_max`), with their two worked examples
//! reproduced in the tests. With *r* the class's ACUs per vCPU
//! ([`ClassShape::acu_per_vcpu`]), *v* its vCPUs and ⌈x⌉½ rounding up to the
//! next 0.5 ACU:
//!
//! | figure | rule |
//! |---|---|
//! | typical | ⌈(0.95·p95 + 0.05·max)/100 · v · r⌉½, within 0.5–256 |
//! | peak | ⌈max/100 · v · r⌉½ |
//! | average | ⌈avg/100 · v · r⌉½, with avg = 0.6 · p95 when not given |
//! | connection floor | ⌈connections · 10 MB / 1024 / 2 GiB⌉½ |
//! | memory floor | ⌈working set / 2 GiB⌉½ |
//! | minimum | max(0.5, average, connection floor, memory floor), at most 256 |
//! | maximum | max(⌈1.3 · peak⌉½, ⌈1.5 · typical⌉½, minimum), at most 256 |
//!
//! Where this goes beyond the script, deliberately:
//! - the **memory floor is enforced** on the minimum, as the formulas page
//!   says ("enforce min_ACU ≥ working_set_GiB / 2.0"); the script only
//!   advises it. Without a working set both give the same minimum.
//! - a **floor above the maximum raises the maximum** (a 20 GiB working set
//!   on a load whose maximum is 6 ACU gives 10–10, not 6–6): the script
//!   caps the minimum at the maximum instead, which leaves the working set
//!   without the memory it needs;
//! - rounding is exact: a product that is a multiple of 0.5 in exact
//!   arithmetic (25 % of 4 vCPUs × 4 = 4.0) is not pushed up by binary
//!   floating-point noise.
//! - a demand above 256 ACU is flagged ([`Sizing::exceeds_capacity`]) and
//!   named in a note, as the script's flag is.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::class_shape::ClassShape;
use crate::acu::ceil;
use crate::check::check_amount;
use crate::error::{Error, ErrorCode};

/// The most ACUs one serverless instance can have.
pub const MAX_ACU: f64 = 256.0;

/// Memory each ACU brings, GiB (AWS: "1 ACU ≈ 2 GiB of memory").
pub const GIB_PER_ACU: f64 = 2.0;

/// Memory the advisory tooling counts per connection, MB.
pub const MB_PER_CONNECTION: f64 = 10.0;

/// A CPU load as a dashboard gives it, in percent of the class's vCPUs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CpuSummary {
    /// 95th percentile of CPUUtilization, 0 to 100.
    pub p95: f64,
    /// Maximum of CPUUtilization, 0 to 100, at least `p95`.
    pub max: f64,
    /// Average of CPUUtilization, 0 to 100; default 0.6 × `p95` (the
    /// advisory tooling's estimate).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub average: Option<f64>,
}

impl CpuSummary {
    /// Checks every figure, naming `field.p95`, `field.max`, `field.average`.
    pub(crate) fn check(&self, field: &str) -> Result<(), Error> {
        let percent = |v: f64, name: &str| {
            check_amount(
                v,
                100.0,
                &format!("{field}.{name}"),
                "a percentage from 0 to 100",
            )
        };
        percent(self.p95, "p95")?;
        percent(self.max, "max")?;
        if let Some(avg) = self.average {
            percent(avg, "average")?;
        }
        if self.max < self.p95 {
            return Err(Error::new(
                ErrorCode::Conflict,
                &format!("{field}.max"),
                format_args!("must be at least the p95 ({}), got {}", self.p95, self.max),
            ));
        }
        Ok(())
    }
}

/// What the sizing rules give, ACUs on the 0.5 grid.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sizing {
    /// The minimum capacity to set.
    pub min_acu: f64,
    /// The load most of the time (the 95/5 blend of p95 and max).
    pub typical_acu: f64,
    /// The highest load seen.
    pub peak_acu: f64,
    /// The maximum capacity to set (headroom above the peak).
    pub max_acu: f64,
    /// The average load.
    pub average_acu: f64,
    /// The floor the connections need (0 without a count).
    pub connection_floor_acu: f64,
    /// The floor the working set needs (0 without one).
    pub memory_floor_acu: f64,
    /// The load needs more than one serverless instance's 256 ACU.
    pub exceeds_capacity: bool,
    /// Each figure with the arithmetic that gave it, in order.
    pub rules: Vec<String>,
}

/// Rounds up to the next 0.5 ACU, a product that is a multiple of 0.5 in
/// exact arithmetic staying where it is.
fn round_up_half(value: f64) -> f64 {
    let halves = value * 2.0;
    // Round to nearest (the values are non-negative): `ceil(x - 0.5)`.
    let nearest = ceil(halves - 0.5);
    let halves = if (-1e-9..1e-9).contains(&(halves - nearest)) {
        nearest
    } else {
        ceil(halves)
    };
    halves / 2.0
}

/// `18.39` for 18.392857…, `21` for 21.0: a percentage as a person writes it.
fn two_places(value: f64) -> String {
    let text = format!("{value:.2}");
    String::from(text.trim_end_matches('0').trim_end_matches('.'))
}

/// The sizing of `cpu` on `shape`, with the connection count and the
/// working set (GiB) when known. The inputs are checked by the caller.
#[must_use]
pub fn size(
    shape: &ClassShape,
    cpu: &CpuSummary,
    connections: Option<u32>,
    working_set_gib: Option<f64>,
) -> Sizing {
    let scale = f64::from(shape.vcpu) * f64::from(shape.acu_per_vcpu);
    let (v, r) = (shape.vcpu, shape.acu_per_vcpu);
    let mut rules = Vec::new();
    let blend = 0.95 * cpu.p95 + 0.05 * cpu.max;
    let raw_typical = blend / 100.0 * scale;
    let typical = round_up_half(raw_typical).clamp(0.5, MAX_ACU);
    rules.push(format!(
        "typical: (0.95 × {} % + 0.05 × {} %) × {v} vCPU × {r} ACU/vCPU = {raw_typical:.2}, rounded up to {typical} ACU",
        cpu.p95, cpu.max
    ));
    let raw_peak = cpu.max / 100.0 * scale;
    let peak = round_up_half(raw_peak);
    rules.push(format!(
        "peak: {} % × {v} vCPU × {r} ACU/vCPU = {raw_peak:.2}, rounded up to {peak} ACU",
        cpu.max
    ));
    let (avg_percent, assumed) = match cpu.average {
        Some(a) => (a, ""),
        None => (0.6 * cpu.p95, " (0.6 × p95: no average given)"),
    };
    let average = round_up_half(avg_percent / 100.0 * scale);
    rules.push(format!(
        "average: {} %{assumed} × {v} vCPU × {r} ACU/vCPU, rounded up to {average} ACU",
        two_places(avg_percent)
    ));
    let connection_floor = connections.map_or(0.0, |n| {
        round_up_half(f64::from(n) * MB_PER_CONNECTION / 1024.0 / GIB_PER_ACU)
    });
    if let Some(n) = connections {
        rules.push(format!(
            "connection floor: {n} connections × 10 MB = {:.2} GiB, at 2 GiB per ACU {connection_floor} ACU",
            f64::from(n) * MB_PER_CONNECTION / 1024.0
        ));
    }
    let memory_floor = working_set_gib.map_or(0.0, |g| round_up_half(g / GIB_PER_ACU));
    if let Some(g) = working_set_gib {
        rules.push(format!(
            "memory floor: a {g} GiB working set at 2 GiB per ACU needs {memory_floor} ACU"
        ));
    }
    let raw_min = average.max(0.5).max(connection_floor).max(memory_floor);
    let min = raw_min.min(MAX_ACU);
    rules.push(format!(
        "minimum: the largest of 0.5, the average ({average}), the connection floor ({connection_floor}) and the memory floor ({memory_floor}), at most 256: {min} ACU"
    ));
    let headroom = round_up_half(peak * 1.3).max(round_up_half(typical * 1.5));
    let max = headroom.max(min).min(MAX_ACU);
    rules.push(format!(
        "maximum: the largest of 1.3 × peak ({}), 1.5 × typical ({}) and the minimum ({min}), at most 256: {max} ACU",
        round_up_half(peak * 1.3),
        round_up_half(typical * 1.5)
    ));
    Sizing {
        min_acu: min,
        typical_acu: typical,
        peak_acu: peak,
        max_acu: max,
        average_acu: average,
        connection_floor_acu: connection_floor,
        memory_floor_acu: memory_floor,
        exceeds_capacity: raw_typical > MAX_ACU || raw_peak > MAX_ACU || raw_min > MAX_ACU,
        rules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::class_shape;

    fn figures(s: &Sizing) -> [f64; 4] {
        [s.min_acu, s.typical_acu, s.peak_acu, s.max_acu]
    }

    fn summary(p95: f64, max: f64, average: Option<f64>) -> CpuSummary {
        CpuSummary { p95, max, average }
    }

    #[test]
    fn aws_tooling_worked_example_basic_sizing() {
        // db.r6g.xlarge (4 vCPU, 4 ACU/vCPU), P95 35 %, max 72 %: AWS's
        // worked example gives min 3.5, typical 6.0, peak 12.0, max 16.0.
        // average 0.6 × 35 = 21 % → 3.36 → 3.5; typical 36.85 % × 16 = 5.896
        // → 6.0; peak 72 % × 16 = 11.52 → 12.0; max(1.3 × 12 = 15.6 → 16,
        // 1.5 × 6 = 9) = 16.
        let shape = class_shape("db.r6g.xlarge").unwrap();
        let s = size(&shape, &summary(35.0, 72.0, None), None, None);
        assert_eq!(figures(&s), [3.5, 6.0, 12.0, 16.0]);
        assert!(!s.exceeds_capacity);
        assert_eq!(s.rules.len(), 5);
    }

    #[test]
    fn aws_tooling_worked_example_with_connections_and_working_set() {
        // db.r7g.2xlarge (8 vCPU), P95 40 %, max 65 %, 200 connections, a
        // 12 GiB working set: min 8.0, typical 13.5, peak 21.0, max 27.5.
        // average 24 % × 32 = 7.68 → 8.0; typical 41.25 % × 32 = 13.2 → 13.5;
        // peak 20.8 → 21.0; max(27.3 → 27.5, 20.25 → 20.5) = 27.5; floors:
        // 200 × 10 MB = 1.95 GiB → 1.0 ACU, 12 GiB → 6.0 ACU, both below 8.
        let shape = class_shape("db.r7g.2xlarge").unwrap();
        let s = size(&shape, &summary(40.0, 65.0, None), Some(200), Some(12.0));
        assert_eq!(figures(&s), [8.0, 13.5, 21.0, 27.5]);
        assert_eq!((s.connection_floor_acu, s.memory_floor_acu), (1.0, 6.0));
    }

    #[test]
    fn floors_raise_the_minimum_and_exact_multiples_stay() {
        let shape = class_shape("db.r6g.xlarge").unwrap();
        // 25 % of 16 ACU is exactly 4.0: not rounded up to 4.5.
        let s = size(&shape, &summary(25.0, 25.0, Some(25.0)), None, Some(20.0));
        // The memory floor (10 ACU) is above the headroom rule's maximum
        // (max(1.3 × 4 = 5.2 → 5.5, 1.5 × 4 = 6) = 6): the maximum rises to it.
        assert_eq!(figures(&s), [10.0, 4.0, 4.0, 10.0]);
        assert!(!s.exceeds_capacity);
        let big = class_shape("db.r8g.48xlarge").unwrap();
        let s = size(&big, &summary(50.0, 90.0, None), None, None);
        assert!(s.exceeds_capacity, "768 × 0.9 ACU is above 256");
        assert_eq!(s.max_acu, 256.0);
    }

    #[test]
    fn inputs_are_checked_by_name() {
        let cases = [
            (summary(101.0, 100.0, None), "cpu.p95"),
            (summary(10.0, -1.0, None), "cpu.max"),
            (summary(10.0, 20.0, Some(f64::NAN)), "cpu.average"),
            (summary(30.0, 20.0, None), "cpu.max"),
        ];
        for (cpu, field) in cases {
            assert_eq!(cpu.check("cpu").unwrap_err().field(), field);
        }
    }
}
