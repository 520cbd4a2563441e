//! One instance driven by a per-second demand trace: the simulator's fast
//! kernel ([`crate::sim::simulate_seconds`]) behind a checked, documented
//! entry point, with a summary instead of a bill.
//!
//! A scenario's `trace` workload goes through the whole estimate (the bill,
//! the comparison, the advice and a chart timeline). This is the lean way
//! in for a long trace at one-second resolution, say a month of
//! `ServerlessDatabaseCapacity` samples or of demand, when the question is
//! only how the controller would follow it.

use alloc::format;

use crate::acu::{Acu, need_halves};
use crate::error::{Error, ErrorCode};
use crate::platform::PlatformVersion;
use crate::scenario::{ControllerOverrides, Scaling};
use crate::sim::{self, Outcome, Pausing, Settings};
use crate::vocabulary::ModelInfo;

/// The most samples a trace may have: a leap year of seconds (4 bytes of
/// working memory each, on top of the samples themselves).
pub const MAX_TRACE_SECONDS: usize = 366 * 86_400;

/// How the instance is configured.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", default, deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TraceSettings {
    /// The capacity range and auto-pause setting.
    pub scaling: Scaling,
    /// Serverless v2 platform version, 1 to 4 (it picks the controller's
    /// preset and limits the maximum). Default 4.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub platform_version: Option<u8>,
    /// Overrides of the controller's parameters.
    pub controller: ControllerOverrides,
    /// Capacity at the first second, in ACUs (0 = paused). Absent: the
    /// first sample's demand on the grid, within the range.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub initial_acu: Option<f64>,
}

/// Unmet demand in ACU-seconds, by cause.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnmetAcuSeconds {
    /// While scaling up, below the maximum.
    pub lag: f64,
    /// At the maximum.
    pub cap: f64,
    /// While paused or resuming.
    pub resume: f64,
}

/// What the simulation of a per-second trace measured.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TraceSimulation {
    /// Seconds simulated (the number of samples).
    pub seconds: u64,
    /// Billed capacity in ACU-hours, as the controller followed the demand.
    pub acu_hours: f64,
    /// ACU-hours had capacity tracked demand exactly (on the grid, within
    /// the range, paused whenever demand is zero and auto-pause is on).
    pub ideal_acu_hours: f64,
    /// Highest capacity reached, in ACUs.
    pub peak_acu: f64,
    /// Seconds paused, including resuming.
    pub paused_seconds: u64,
    /// Seconds at the maximum.
    pub at_max_seconds: u64,
    /// Seconds at the lowest running capacity.
    pub at_floor_seconds: u64,
    /// Unmet demand, by cause.
    pub unmet_acu_seconds: UnmetAcuSeconds,
    /// Number of pauses.
    pub pauses: u32,
    /// Number of resumes (of which `deepResumes` after more than a day).
    pub resumes: u32,
    /// Resumes after more than a day paused.
    pub deep_resumes: u32,
    /// Seconds in which capacity rose.
    pub scale_ups: u32,
    /// Seconds in which capacity fell.
    pub scale_downs: u32,
    /// Median seconds from a rise in demand to capacity meeting it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub time_to_capacity_p50: Option<u32>,
    /// 95th percentile of the same.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub time_to_capacity_p95: Option<u32>,
    /// The controller model, its version and parameters.
    pub model: ModelInfo,
}

/// Simulates one instance following `acu`, the demand in ACUs for each
/// second in turn.
///
/// ```
/// use acumen::sim::per_second::{simulate_per_second, TraceSettings};
/// // An hour at 2 ACU, then an hour at 6 ACU, on the default 0.5–16 range.
/// let acu: Vec<f64> = [2.0; 3600].into_iter().chain([6.0; 3600]).collect();
/// let out = simulate_per_second(&TraceSettings::default(), &acu).unwrap();
/// assert_eq!(out.seconds, 7_200);
/// assert_eq!(out.ideal_acu_hours, 8.0);
/// // Scaling up takes a few seconds, so a little demand goes unmet.
/// assert!(out.acu_hours < 8.0 && out.unmet_acu_seconds.lag > 0.0);
/// ```
///
/// Errors name the field: `acu[i]` for a sample that is negative or not a
/// number, `acu` for a trace that is empty or longer than
/// [`MAX_TRACE_SECONDS`], and the scaling or controller field otherwise.
pub fn simulate_per_second(
    settings: &TraceSettings,
    acu: &[f64],
) -> Result<TraceSimulation, Error> {
    simulate_per_second_from(settings, acu)
}

/// Where [`simulate_per_second_from`] reads the samples from, a chunk of at
/// most a few thousand at a time: a slice, or a source outside the
/// process's memory (the npm package copies them from a JS array a chunk at
/// a time, so a month of samples is never held twice).
pub trait SampleSource {
    /// The number of samples (seconds).
    fn len(&self) -> usize;

    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Samples `from..from + buf.len()`, written into `buf` or borrowed.
    fn read<'a>(&'a mut self, from: usize, buf: &'a mut [f64]) -> &'a [f64];
}

impl SampleSource for &[f64] {
    fn len(&self) -> usize {
        <[f64]>::len(self)
    }

    fn read<'a>(&'a mut self, from: usize, buf: &'a mut [f64]) -> &'a [f64] {
        &self[from..from + buf.len()]
    }
}

/// [`simulate_per_second`] over samples read from any [`SampleSource`]; the
/// same result and the same errors.
///
/// ```
/// use acumen::sim::per_second::{simulate_per_second, simulate_per_second_from,
///                               SampleSource, TraceSettings};
/// /// A day that rises from 1 to 8 ACU and back, computed as it is read.
/// struct Ramp;
/// impl SampleSource for Ramp {
///     fn len(&self) -> usize { 86_400 }
///     fn read<'a>(&'a mut self, from: usize, buf: &'a mut [f64]) -> &'a [f64] {
///         for (i, acu) in buf.iter_mut().enumerate() {
///             let hour = (from + i) / 3_600;
///             *acu = 1.0 + 7.0 * (1.0 - (hour as f64 - 12.0).abs() / 12.0);
///         }
///         buf
///     }
/// }
/// let samples: Vec<f64> = (0..86_400)
///     .map(|s| 1.0 + 7.0 * (1.0 - ((s / 3_600) as f64 - 12.0).abs() / 12.0))
///     .collect();
/// let settings = TraceSettings::default();
/// assert_eq!(simulate_per_second_from(&settings, Ramp).unwrap(),
///            simulate_per_second(&settings, &samples).unwrap());
/// ```
pub fn simulate_per_second_from(
    settings: &TraceSettings,
    mut acu: impl SampleSource,
) -> Result<TraceSimulation, Error> {
    let seconds = acu.len();
    if seconds == 0 || seconds > MAX_TRACE_SECONDS {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "acu",
            format_args!(
                "must have 1 to {MAX_TRACE_SECONDS} samples (a year of seconds), got {seconds}"
            ),
        ));
    }
    let platform = settings
        .platform_version
        .map(|v| PlatformVersion::new(v, "platformVersion"))
        .transpose()?
        .unwrap_or_default();
    let scaling = settings.scaling.validate("scaling")?;
    platform.check_max(scaling.max)?;
    let controller = settings.controller.resolve(platform)?;
    let min = u32::from(scaling.min.halves()).max(1);
    let max = u32::from(scaling.max.halves());
    let can_pause = scaling.min == Acu::ZERO;
    // Ideal tracking is each need clamped to `floor..=max`: the lowest
    // running capacity, or zero when the instance may pause (a need above
    // zero is then at least `min`, which is 1).
    let floor = if can_pause { 0 } else { min };
    // A bad first sample is named with the others, below.
    let first = need_halves(acu.read(0, &mut [0.0])[0]);
    let initial = match settings.initial_acu {
        Some(acu) => u32::from(Acu::from_f64(acu, "initialAcu")?.halves()),
        None if can_pause && first == 0 => 0,
        None => first.clamp(min, max),
    };
    let settings = Settings {
        min,
        max,
        pausing: if can_pause {
            Pausing::after_timeout(scaling.seconds_until_auto_pause, &controller)
        } else {
            Pausing::Never
        },
        initial,
        controller,
    };
    // The samples are checked as the kernel reads them; a bad one makes the
    // result void, and the error names the first.
    let mut samples = Samples {
        acu,
        buf: [0.0; sim::CHUNK],
        max,
        floor,
        first_bad: None,
        ideal_halves: 0,
    };
    let out = sim::simulate_source(&settings, &mut samples);
    if let Some((i, bad)) = samples.first_bad {
        // Let the shared check word the error; it fails for this value.
        return Err(match Acu::ceil_from_demand(bad, &format!("acu[{i}]")) {
            Err(e) => e,
            Ok(_) => Error::new(ErrorCode::OutOfRange, "acu", format_args!("bad sample {i}")),
        });
    }
    Ok(summarize(
        &out,
        seconds as u64,
        samples.ideal_halves,
        sim::model_info(controller, platform),
    ))
}

/// The samples as the kernel reads them: a chunk at a time, turned into
/// half-ACUs while still in cache, checked, and added up as ideal tracking.
struct Samples<S> {
    acu: S,
    /// Where a source that copies writes its chunk.
    buf: [f64; sim::CHUNK],
    max: u32,
    /// The lowest ideal capacity: zero if the instance may pause.
    floor: u32,
    /// The first sample that is not a demand, and where it is.
    first_bad: Option<(usize, f64)>,
    ideal_halves: u64,
}

impl<S: SampleSource> sim::Source for &mut Samples<S> {
    fn seconds(&self) -> usize {
        self.acu.len()
    }

    fn read<'a>(&'a mut self, from: usize, needs: &'a mut [u32]) -> &'a [u32] {
        let acu = self.acu.read(from, &mut self.buf[..needs.len()]);
        let (good, ideal) = to_halves(acu, needs, self.floor, self.max);
        if !good && self.first_bad.is_none() {
            let i = acu.iter().position(|d| !is_demand(d)).unwrap_or(0);
            self.first_bad = Some((from + i, acu[i]));
        }
        self.ideal_halves += ideal;
        needs
    }
}

/// Whether a sample is a demand the kernel can take.
fn is_demand(acu: &f64) -> bool {
    (0.0..=f64::MAX).contains(acu)
}

/// Turns the samples into half-ACUs rounded up to the grid in `needs`
/// (absurd demand saturates; it is unmet anyway), checks them, and adds up
/// ideal tracking, each need clamped to `floor..=max`. Two vector loops
/// with no early exit: the conversion, then ideal tracking over the needs
/// while they are in cache.
#[inline(never)] // a loop of its own, whatever the caller
fn to_halves(acu: &[f64], needs: &mut [u32], floor: u32, max: u32) -> (bool, u64) {
    let mut all_good = true;
    for (need, &demand) in needs.iter_mut().zip(acu) {
        all_good &= is_demand(&demand);
        // A NaN makes `all_good` false and the result unused.
        *need = need_halves(demand);
    }
    (all_good, sim::clamped_sum(needs, floor, max))
}

fn summarize(out: &Outcome, seconds: u64, ideal_halves: u64, model: ModelInfo) -> TraceSimulation {
    let acu_seconds = |halves: u64| halves as f64 / 2.0;
    TraceSimulation {
        seconds,
        acu_hours: acu_seconds(out.half_acu_seconds) / 3_600.0,
        ideal_acu_hours: acu_seconds(ideal_halves) / 3_600.0,
        peak_acu: out.capacity.iter().map(|&(_, c)| c).max().unwrap_or(0) as f64 / 2.0,
        paused_seconds: out.paused_seconds,
        at_max_seconds: out.at_max_seconds,
        at_floor_seconds: out.at_floor_seconds,
        unmet_acu_seconds: UnmetAcuSeconds {
            lag: acu_seconds(out.unmet_lag),
            cap: acu_seconds(out.unmet_cap),
            resume: acu_seconds(out.unmet_resume),
        },
        pauses: out.pauses,
        resumes: out.resumes,
        deep_resumes: out.deep_resumes,
        scale_ups: out.up_changes,
        scale_downs: out.down_changes,
        time_to_capacity_p50: sim::percentile(&out.time_to_capacity, 50),
        time_to_capacity_p95: sim::percentile(&out.time_to_capacity, 95),
        model,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(min: f64, max: f64) -> TraceSettings {
        TraceSettings {
            scaling: Scaling {
                min_acu: min,
                max_acu: max,
                seconds_until_auto_pause: None,
            },
            ..TraceSettings::default()
        }
    }

    #[test]
    fn steady_demand_is_billed_exactly() {
        let out = simulate_per_second(&settings(0.5, 16.0), &[4.0; 7_200]).unwrap();
        assert_eq!(
            (out.acu_hours, out.ideal_acu_hours, out.peak_acu),
            (8.0, 8.0, 4.0)
        );
        assert_eq!(out.unmet_acu_seconds, UnmetAcuSeconds::default());
        assert_eq!(out.model.name, "acumen-controller");
    }

    #[test]
    fn idle_time_pauses_when_the_minimum_is_zero() {
        // Ten minutes at 1 ACU, then an idle hour: 300 idle seconds pass,
        // then the 108 s pause delay, and the instance is paused from the
        // next one on.
        let acu: Vec<f64> = [1.0; 600].into_iter().chain([0.0; 3_600]).collect();
        let out = simulate_per_second(&settings(0.0, 8.0), &acu).unwrap();
        assert_eq!((out.pauses, out.paused_seconds), (1, 3_600 - 300 - 108));
        // Running capacity is billed until the pause, ideal tracking only
        // while there is demand.
        assert!(out.acu_hours > 600.0 / 3_600.0);
        assert_eq!(out.ideal_acu_hours, 600.0 / 3_600.0);
    }

    #[test]
    fn samples_read_a_chunk_at_a_time_give_the_kernel_result() {
        // Several of the kernel's chunks, with a bad sample deep inside one
        // of them for the second run.
        let mut acu: Vec<f64> = (0..20_000)
            .map(|i| f64::from((i * 7 + i / 100) % 33) / 2.0)
            .collect();
        let out = simulate_per_second(&settings(0.5, 16.0), &acu).unwrap();
        let needs: Vec<u32> = acu.iter().map(|a| (a * 2.0) as u32).collect();
        let kernel = sim::simulate_seconds(
            &Settings {
                min: 1,
                max: 32,
                pausing: Pausing::Never,
                initial: needs[0].clamp(1, 32),
                controller: sim::Controller::default(),
            },
            &needs,
        );
        assert_eq!(out.acu_hours, kernel.half_acu_seconds as f64 / 7_200.0);
        assert_eq!(out.scale_ups, kernel.up_changes);
        let ideal: u32 = needs.iter().map(|&n| n.clamp(1, 32)).sum();
        assert_eq!(out.ideal_acu_hours, f64::from(ideal) / 7_200.0);
        acu[13_001] = -1.0;
        let e = simulate_per_second(&settings(0.5, 16.0), &acu).unwrap_err();
        assert_eq!(e.field(), "acu[13001]");
    }

    #[test]
    fn bad_samples_and_settings_name_their_field() {
        let e = simulate_per_second(&settings(0.5, 16.0), &[1.0, f64::NAN]).unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::NotANumber, "acu[1]"));
        let e = simulate_per_second(&settings(0.5, 16.0), &[1.0, -2.0]).unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::OutOfRange, "acu[1]"));
        let e = simulate_per_second(&settings(0.5, 16.0), &[]).unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::OutOfRange, "acu"));
        let e = simulate_per_second(&settings(0.75, 16.0), &[1.0]).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            (ErrorCode::OffGrid, "scaling.minAcu")
        );
    }
}
