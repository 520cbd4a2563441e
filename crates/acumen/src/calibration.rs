//! The controller model against every published measurement of Aurora
//! Serverless v2 scaling that states a number.
//!
//! Each [`Measurement`] is one number (or a relation) a source states, with
//! the band within which the model must fall and why the band is that
//! wide. [`calibrate`] simulates each one's experiment on each platform
//! version the source measured and says whether the model is within the
//! band. `tests/calibration.rs` fails when one is not, and the repository's
//! `docs/calibration.md` is this table with the sources in full.
//!
//! ```
//! let rows = acumen::calibration::calibrate();
//! assert!(rows.iter().all(|r| r.within));
//! let resume = rows.iter().find(|r| r.id == "resume").unwrap();
//! assert_eq!(resume.model, 15.0);
//! ```

use alloc::vec::Vec;

use crate::platform::PlatformVersion;
use crate::sim::{Controller, Input, Outcome, Pausing, Settings, simulate};

/// Whether a measurement set a parameter or only checks the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Role {
    /// A parameter was chosen to meet it.
    Fit,
    /// Nothing was chosen for it: it tests the model.
    Check,
}

/// The experiment a measurement describes, as the model runs it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Experiment {
    /// Seconds from demand dropping to the minimum until capacity reaches
    /// it, on a `min`–`max` range starting at `from` (ACUs).
    ScaleDown { min: f64, max: f64, from: f64 },
    /// Seconds of 20→4 ACU minus seconds of 10→4 ACU (positive: slower).
    WiderRangeSlower,
    /// Seconds from a connection to a paused instance until it has
    /// capacity, after `paused_hours` paused.
    Resume { paused_hours: u64 },
    /// The capacity an instance resumes at, ACUs.
    ResumeCapacity,
    /// Seconds from waking a paused 0.5–16 ACU instance with one
    /// connection until it pauses again (timeout 300 s).
    WakeToPause,
    /// Seconds past the 300 s timeout before an idle instance pauses.
    PauseDelay,
    /// Seconds of billed capacity after a 15.31 s bout on a paused 0–2 ACU
    /// instance (timeout 300 s).
    BilledSecondsAfterBout,
    /// ACU-seconds billed after the same bout.
    BilledAcuSecondsAfterBout,
    /// ACUs added in the first second of a scale-up from 0.5 ACU.
    FirstSecondStep,
    /// The ramp 0.5→256 ACU on version 4 over the ramp on version 3, both
    /// without the burst step (the benchmark predates it).
    RampRatioPv4OverPv3,
}

/// One published number and the band the model must meet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measurement {
    /// A short name.
    pub id: &'static str,
    /// The quantity, in words.
    pub quantity: &'static str,
    /// The unit of `measured`, `low`, `high` and the model's value.
    pub unit: &'static str,
    /// What the source states, quoted or derived exactly.
    pub measured: &'static str,
    /// The band's lower end.
    pub low: f64,
    /// The band's upper end.
    pub high: f64,
    /// Why the band is as wide as it is.
    pub tolerance: &'static str,
    /// The source, short, with its key in `docs/calibration.md`.
    pub source: &'static str,
    /// The platform versions the source measured on.
    pub platforms: &'static [u8],
    /// Fit or check.
    pub role: Role,
    experiment: Experiment,
}

/// The model's value for one measurement on one platform version.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Comparison {
    /// The measurement's name.
    pub id: &'static str,
    /// The quantity, in words.
    pub quantity: &'static str,
    /// The platform version simulated.
    pub platform_version: u8,
    /// What the source states.
    pub measured: &'static str,
    /// The band's lower end.
    pub low: f64,
    /// The band's upper end.
    pub high: f64,
    /// The unit.
    pub unit: &'static str,
    /// The model's value.
    pub model: f64,
    /// Whether `low ≤ model ≤ high`.
    pub within: bool,
    /// Fit or check.
    pub role: Role,
    /// The source.
    pub source: &'static str,
    /// Why the band is as wide as it is.
    pub tolerance: &'static str,
}

const BLOG_2024: &str = "[M1] AWS Database Blog, 2024-11-25, Aurora PostgreSQL 16.1, HammerDB";
const PAUSE_DOC: &str = "[M2] AWS docs, auto-pause page, CloudWatch example";
const THIRD_PARTY_2026: &str =
    "[M4] lakebase-anti-demo, Aurora PostgreSQL 17, us-west-2, 2026-08-21";
/// Before platform version 3 (August 2025) a new cluster got version 2.
const BEFORE_PV3: &[u8] = &[1, 2];

/// Every measurement the model is checked against.
pub const MEASUREMENTS: &[Measurement] = &[
    Measurement {
        id: "scale-down-0.5-10",
        quantity: "scale-down 10 → 0.5 ACU on a 0.5–10 range",
        unit: "s",
        measured: "\"within approximately 10 minutes\"",
        low: 450.0,
        high: 750.0,
        tolerance: "±25 %: one run, stated to the nearest \"approximately N minutes\", and the load's own wind-down is inside it",
        source: BLOG_2024,
        platforms: BEFORE_PV3,
        role: Role::Fit,
        experiment: Experiment::ScaleDown {
            min: 0.5,
            max: 10.0,
            from: 10.0,
        },
    },
    Measurement {
        id: "scale-down-4-10",
        quantity: "scale-down 10 → 4 ACU on a 4–10 range",
        unit: "s",
        measured: "\"completed within approximately 5 minutes\"",
        low: 225.0,
        high: 375.0,
        tolerance: "±25 %, as above",
        source: BLOG_2024,
        platforms: BEFORE_PV3,
        role: Role::Fit,
        experiment: Experiment::ScaleDown {
            min: 4.0,
            max: 10.0,
            from: 10.0,
        },
    },
    Measurement {
        id: "scale-down-4-20",
        quantity: "scale-down 20 → 4 ACU minus 10 → 4 ACU",
        unit: "s",
        measured: "\"relatively slower, compared to the second test case\"",
        low: 1.0,
        high: f64::INFINITY,
        tolerance: "a relation only: slower means more than 0 s longer",
        source: BLOG_2024,
        platforms: BEFORE_PV3,
        role: Role::Check,
        experiment: Experiment::WiderRangeSlower,
    },
    Measurement {
        id: "resume",
        quantity: "resume from a pause of under a day",
        unit: "s",
        measured: "13.253 s (event timestamps, one run); \"approximately 15 seconds\"; \"up to 15 seconds\"",
        low: 12.0,
        high: 16.0,
        tolerance: "from the one timed run (13.25 s) less a second to AWS's stated upper end (15 s) plus the model's one-second step",
        source: "[M3] dev.to, eu-west-1, 2024-12-06; [M2] AWS docs; [M5] AWS blog 2024-11-20",
        platforms: BEFORE_PV3,
        role: Role::Check,
        experiment: Experiment::Resume { paused_hours: 2 },
    },
    Measurement {
        id: "deep-resume",
        quantity: "resume after more than 24 h paused",
        unit: "s",
        measured: "\"30 seconds or longer\"",
        low: 30.0,
        high: 60.0,
        tolerance: "AWS states only the lower end; the upper end is twice it, \"roughly equivalent to doing a reboot\"",
        source: "[M2] AWS docs",
        platforms: &[1, 2, 3, 4],
        role: Role::Check,
        experiment: Experiment::Resume { paused_hours: 30 },
    },
    Measurement {
        id: "resume-capacity",
        quantity: "capacity on resuming",
        unit: "ACU",
        measured: "\"resumed at a capacity of 2.0 ACUs\"",
        low: 2.0,
        high: 2.0,
        tolerance: "exact: stated, and the 1-minute Minimum after the resume reads 2.0",
        source: PAUSE_DOC,
        platforms: BEFORE_PV3,
        role: Role::Fit,
        experiment: Experiment::ResumeCapacity,
    },
    Measurement {
        id: "wake-to-pause",
        quantity: "from a failed login waking the instance to its pause again (timeout 300 s)",
        unit: "s",
        measured: "woken in the 22:13 minute, paused in the 22:20 minute",
        low: 361.0,
        high: 479.0,
        tolerance: "the two 1-minute buckets bound it: at least 22:20:00 − 22:13:59, at most 22:20:59 − 22:13:00",
        source: PAUSE_DOC,
        platforms: BEFORE_PV3,
        role: Role::Check,
        experiment: Experiment::WakeToPause,
    },
    Measurement {
        id: "pause-delay",
        quantity: "pause past the 300 s auto-pause timeout",
        unit: "s",
        measured: "35–182 s over six wake/pause cycles",
        low: 35.0,
        high: 182.0,
        tolerance: "the range of the six cycles",
        source: THIRD_PARTY_2026,
        platforms: &[3, 4],
        role: Role::Check,
        experiment: Experiment::PauseDelay,
    },
    Measurement {
        id: "billed-after-bout",
        quantity: "billed capacity time after a 15.31 s bout on a paused 0–2 ACU writer",
        unit: "s",
        measured: "97.2 % of 420 s = 408 s",
        low: 348.0,
        high: 468.0,
        tolerance: "±60 s: the billed time is read from 1-minute buckets",
        source: THIRD_PARTY_2026,
        platforms: &[3, 4],
        role: Role::Fit,
        experiment: Experiment::BilledSecondsAfterBout,
    },
    Measurement {
        id: "billed-acu-after-bout",
        quantity: "ACU-seconds billed after the same bout",
        unit: "ACU-s",
        measured: "455.85 ACU-s",
        low: 341.0,
        high: 570.0,
        tolerance: "±25 %: 1-minute buckets of a capacity that moves within the minute, one run",
        source: THIRD_PARTY_2026,
        platforms: &[3, 4],
        role: Role::Check,
        experiment: Experiment::BilledAcuSecondsAfterBout,
    },
    Measurement {
        id: "first-second-step",
        quantity: "ACUs added in the first second of a scale-up from 0.5 ACU",
        unit: "ACU",
        measured: "\"adding up to 16 ACUs to its current capacity within a second\"",
        low: 16.0,
        high: 16.0,
        tolerance: "exact: the announced step (a vendor claim, low confidence; an earlier wording said \"up to 12 ACUs\")",
        source: "[M6] AWS What's New, August 2026",
        platforms: &[3, 4],
        role: Role::Fit,
        experiment: Experiment::FirstSecondStep,
    },
    Measurement {
        id: "pv4-ramp",
        quantity: "ramp 0.5 → 256 ACU on version 4 over version 3",
        unit: "ratio",
        measured: "\"scale up to 45.0 % faster\" (0.55)",
        low: 0.50,
        high: 0.60,
        tolerance: "±0.05: AWS does not say what \"45 % faster\" measures; read as a ramp taking 45 % less time",
        source: "[M7] AWS Database Blog, May 2026 (platform version 4)",
        platforms: &[4],
        role: Role::Fit,
        experiment: Experiment::RampRatioPv4OverPv3,
    },
];

/// Every measurement against the model, on each platform version its
/// source measured.
pub fn calibrate() -> Vec<Comparison> {
    let mut rows = Vec::new();
    for m in MEASUREMENTS {
        for &number in m.platforms {
            let Ok(platform) = PlatformVersion::new(number, "platformVersion") else {
                continue;
            };
            let model = run(m.experiment, platform.controller());
            rows.push(Comparison {
                id: m.id,
                quantity: m.quantity,
                platform_version: number,
                measured: m.measured,
                low: m.low,
                high: m.high,
                unit: m.unit,
                model,
                within: (m.low..=m.high).contains(&model),
                role: m.role,
                source: m.source,
                tolerance: m.tolerance,
            });
        }
    }
    rows
}

fn halves(acu: f64) -> u32 {
    (acu * 2.0) as u32
}

fn steady(need_acu: f64, seconds: u64) -> Input {
    Input::own_need(halves(need_acu), seconds)
}

fn settings(controller: Controller, min: f64, max: f64, pausing: Pausing, at: f64) -> Settings {
    Settings {
        min: halves(min).max(1),
        max: halves(max),
        pausing,
        initial: halves(at),
        controller,
    }
}

/// Seconds from the start until capacity first equals `level` half-ACUs.
fn time_to(out: &Outcome, level: u32) -> Option<u64> {
    let mut t = 0;
    for (len, c) in &out.capacity {
        if *c == level {
            return Some(t);
        }
        t += len;
    }
    None
}

/// Seconds of capacity above zero and its half-ACU-seconds, from `from`.
fn billed_from(out: &Outcome, from: u64) -> (u64, u64) {
    let (mut t, mut seconds, mut area) = (0u64, 0u64, 0u64);
    for &(len, c) in &out.capacity {
        let overlap = (t + len).saturating_sub(from.max(t));
        if c > 0 {
            seconds += overlap;
            area += overlap * u64::from(c);
        }
        t += len;
    }
    (seconds, area)
}

fn run(experiment: Experiment, c: Controller) -> f64 {
    match experiment {
        Experiment::ScaleDown { min, max, from } => scale_down(c, min, max, from),
        Experiment::WiderRangeSlower => {
            scale_down(c, 4.0, 20.0, 20.0) - scale_down(c, 4.0, 10.0, 10.0)
        }
        Experiment::Resume { paused_hours } => resume(c, paused_hours),
        Experiment::ResumeCapacity => {
            let out = wake(c, 16.0, 1);
            f64::from(first_running(&out)) / 2.0
        }
        Experiment::WakeToPause => {
            let out = wake(c, 16.0, 1);
            pause_after(&out, WOKEN_AT).map_or(f64::NAN, |t| (t - WOKEN_AT) as f64)
        }
        Experiment::PauseDelay => pause_delay(c),
        Experiment::BilledSecondsAfterBout => bout(c).0,
        Experiment::BilledAcuSecondsAfterBout => bout(c).1,
        Experiment::FirstSecondStep => {
            let s = settings(c, 0.5, 256.0, Pausing::Never, 0.5);
            let out = simulate(&s, &[steady(256.0, 600)]);
            let after_first_step = out.capacity.get(1).map_or(1, |&(_, level)| level);
            f64::from(after_first_step - 1) / 2.0
        }
        Experiment::RampRatioPv4OverPv3 => match PlatformVersion::new(3, "platformVersion") {
            Ok(pv3) => ramp_without_burst(c) / ramp_without_burst(pv3.controller()),
            Err(_) => f64::NAN,
        },
    }
}

const HOUR: u64 = 3_600;
/// The second a paused instance is woken at in the pause experiments.
const WOKEN_AT: u64 = 600;

fn scale_down(c: Controller, min: f64, max: f64, from: f64) -> f64 {
    let out = simulate(
        &settings(c, min, max, Pausing::Never, from),
        &[steady(min, HOUR)],
    );
    time_to(&out, halves(min)).map_or(f64::NAN, |t| t as f64)
}

/// Seconds from a connection to capacity, after `paused_hours` paused.
fn resume(c: Controller, paused_hours: u64) -> f64 {
    let paused = paused_hours * HOUR;
    let s = settings(c, 0.5, 16.0, Pausing::after_timeout(300, &c), 0.0);
    let out = simulate(&s, &[steady(0.0, paused), steady(1.0, 600)]);
    let until_running: u64 = out
        .capacity
        .iter()
        .take_while(|(_, level)| *level == 0)
        .map(|(len, _)| *len)
        .sum();
    (until_running - paused) as f64
}

/// A paused 0.5–`max` instance (timeout 300 s) woken at [`WOKEN_AT`] by
/// `active` seconds of minimal activity, then idle for an hour.
fn wake(c: Controller, max: f64, active: u64) -> Outcome {
    let s = settings(c, 0.5, max, Pausing::after_timeout(300, &c), 0.0);
    simulate(
        &s,
        &[
            steady(0.0, WOKEN_AT),
            steady(0.5, active),
            steady(0.0, HOUR),
        ],
    )
}

/// Seconds past the 300 s timeout before a running instance pauses.
fn pause_delay(c: Controller) -> f64 {
    let s = settings(c, 0.5, 16.0, Pausing::after_timeout(300, &c), 2.0);
    let out = simulate(&s, &[steady(2.0, WOKEN_AT), steady(0.0, HOUR)]);
    pause_after(&out, WOKEN_AT).map_or(f64::NAN, |t| (t - WOKEN_AT) as f64 - 300.0)
}

/// Billed seconds and ACU-seconds after a 15.31 s bout on a paused 0–2
/// ACU writer: 16 whole seconds of activity (the resume among them).
fn bout(c: Controller) -> (f64, f64) {
    let out = wake(c, 2.0, 16);
    let (seconds, area) = billed_from(&out, WOKEN_AT + 16);
    (seconds as f64, area as f64 / 2.0)
}

/// Seconds to ramp from 0.5 to 256 ACU with proportional steps only.
fn ramp_without_burst(c: Controller) -> f64 {
    let c = Controller {
        burst_step_acu: 0.0,
        ..c
    };
    let s = settings(c, 0.5, 256.0, Pausing::Never, 0.5);
    let out = simulate(&s, &[steady(256.0, 600)]);
    time_to(&out, halves(256.0)).map_or(f64::NAN, |t| t as f64)
}

/// The first capacity above zero, half-ACUs.
fn first_running(out: &Outcome) -> u32 {
    out.capacity
        .iter()
        .map(|&(_, level)| level)
        .find(|&level| level > 0)
        .unwrap_or(0)
}

/// The second of the first pause that starts after `from`.
fn pause_after(out: &Outcome, from: u64) -> Option<u64> {
    let mut t = 0;
    let mut was_running = false;
    for &(len, c) in &out.capacity {
        if t > from && c == 0 && was_running {
            return Some(t);
        }
        was_running = c > 0;
        t += len;
    }
    None
}
