//! Replaying recorded `ServerlessDatabaseCapacity` against other settings.
//!
//! The recorded capacity is what Aurora billed: ACU-hours × the ACU-hour
//! price. Treated as *demand*, the same series is run through the core's
//! estimate under the settings asked for, so the two bills can be set side by
//! side.
//!
//! Before that, each series is sorted by time, duplicate timestamps are
//! dropped (the later row wins), and every series is resampled onto one
//! regular grid whose step is the median spacing of all samples: each grid
//! point takes the latest sample at or before it. A spacing longer than 1.5
//! steps is a gap; the last value is held across a gap for up to the hold
//! limit, after which (and before a series' first sample or after its last)
//! the instance counts as not running (0 ACU).

use acumen::prices::{self, PriceItem, Provenance};
use acumen::report::Component;
use acumen::scenario::{PriceOverrides, Reader, Trace};
use acumen::{Engine, Error, Money, Report, Scaling, Scenario, StorageType, UnitPrice, Workload};
use serde::Serialize;

use crate::cloudwatch::{Series, format_time};

/// The most serverless instances a cluster has: a writer and 15 readers.
const MAX_INSTANCES: usize = 16;

/// What to replay and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// AWS region (prices).
    pub region: String,
    /// Database engine.
    pub engine: Engine,
    /// Engine version, if given.
    pub engine_version: Option<String>,
    /// Storage configuration (prices).
    pub storage_type: StorageType,
    /// Minimum ACU to replay with; default: inferred from the recording.
    pub min_acu: Option<f64>,
    /// Maximum ACU to replay with; default: inferred from the recording.
    pub max_acu: Option<f64>,
    /// Auto-pause delay to replay with.
    pub seconds_until_auto_pause: Option<u32>,
    /// Promotion tier of every reader.
    pub reader_tier: u8,
    /// Longest stretch a value is held across a gap, seconds.
    pub max_gap_seconds: u64,
    /// The input is the cluster-level average over this many instances.
    pub cluster_average: Option<u8>,
    /// A price book to price both bills from before the built-in catalog.
    pub price_book: Option<prices::PriceBook>,
}

/// One instance's recording and its replay.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceReplay {
    /// The series' name (column header, label, id or file name).
    pub name: String,
    /// "writer" or "reader N" in the replay.
    pub role: String,
    /// Samples read (after dropping duplicates).
    pub samples: usize,
    /// Rows dropped because their timestamp repeated an earlier one.
    pub duplicates: usize,
    /// The first and last sample's time (UTC).
    pub first_sample: String,
    /// See `first_sample`.
    pub last_sample: String,
    /// Spacings longer than 1.5 grid steps.
    pub gaps: usize,
    /// Time inside gaps not covered by a sample, seconds.
    pub gap_seconds: u64,
    /// Of the gap time, seconds filled by holding the last value.
    pub held_seconds: u64,
    /// Grid time with no value to use (before the first sample, after the
    /// last, or beyond the hold limit), counted as 0 ACU, seconds.
    pub unrecorded_seconds: u64,
    /// Spacings that differ from the grid step but are not gaps.
    pub irregular_spacings: usize,
    /// Recorded capacity over the compared period, ACU-hours.
    pub recorded_acu_hours: f64,
    /// What the recorded capacity costs, micro-dollars (rounded once).
    pub recorded_cost_micro_usd: Money,
    /// Capacity in the replay, ACU-hours.
    pub replayed_acu_hours: f64,
    /// What the replay costs, micro-dollars.
    pub replayed_cost_micro_usd: Money,
    /// Replayed minus recorded, micro-dollars.
    pub difference_micro_usd: Money,
}

/// The scaling range, as recorded (inferred) and as replayed.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Lowest and highest recorded capacity, on the 0.5-ACU grid.
    pub recorded: Scaling,
    /// The range the replay used.
    pub replayed: Scaling,
}

/// A replay: the recorded bill beside the replayed one.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replay {
    /// The files read, in order.
    pub files: Vec<String>,
    /// The grid step: the median spacing of the samples, seconds.
    pub interval_seconds: u32,
    /// The first grid point (UTC).
    pub start: String,
    /// The end of the last grid step (UTC).
    pub end: String,
    /// Hours the recording covers.
    pub recorded_hours: f64,
    /// Hours both bills cover (whole hours: the replay's billing month).
    pub compared_hours: u32,
    /// The ACU-hour price used for both bills, nano-dollars.
    pub unit_price_nano_usd: UnitPrice,
    /// Where that price came from.
    pub price: Provenance,
    /// The scaling ranges.
    pub settings: Settings,
    /// Per instance, writer first.
    pub instances: Vec<InstanceReplay>,
    /// What the recorded capacity cost, micro-dollars.
    pub recorded_total_micro_usd: Money,
    /// What the replay costs, micro-dollars.
    pub replayed_total_micro_usd: Money,
    /// Replayed minus recorded, micro-dollars.
    pub difference_micro_usd: Money,
    /// What ideal tracking of the same demand would cost, micro-dollars.
    pub ideal_total_micro_usd: Money,
    /// Things to know about how the input was read.
    pub warnings: Vec<String>,
    /// The core's full report of the replay.
    pub report: Report,
}

/// One series on the grid.
#[derive(Clone)]
struct Resampled {
    name: String,
    values: Vec<f64>,
    samples: usize,
    duplicates: usize,
    first: i64,
    last: i64,
    gaps: usize,
    gap_seconds: u64,
    held_seconds: u64,
    unrecorded_seconds: u64,
    irregular: usize,
}

/// Replays `series` (in order: the first is the writer). Errors are one
/// line, with the core's code and field when the core refused them.
pub fn replay(
    files: Vec<String>,
    series: Vec<Series>,
    options: &Options,
) -> Result<Replay, Failed> {
    let mut warnings = Vec::new();
    let mut series = merge_by_name(series);
    if let Some(n) = options.cluster_average {
        if series.len() != 1 {
            return Err(Failed::Input(format!(
                "--cluster-average: needs exactly one series (the cluster-level metric), got {}",
                series.len()
            )));
        }
        if !(1..=MAX_INSTANCES as u8).contains(&n) {
            return Err(Failed::Input(format!(
                "--cluster-average: must be between 1 and {MAX_INSTANCES} instances, got {n}"
            )));
        }
        warnings.push(format!(
            "the cluster-level ServerlessDatabaseCapacity is the average over the instances, not the billed sum: it was multiplied by {n} instances, as if each ran at the average"
        ));
    } else {
        for s in series.iter().filter(|s| s.cluster_level) {
            warnings.push(format!(
                "{:?} looks like the cluster-level metric (DBClusterIdentifier), which is the average over the instances, not the billed sum; pass --cluster-average N with the instance count, or export the metric per instance",
                s.name
            ));
        }
    }
    if series.len() > MAX_INSTANCES {
        return Err(Failed::Input(format!(
            "at most {MAX_INSTANCES} instances (a writer and 15 readers), got {}",
            series.len()
        )));
    }

    let mut duplicates = Vec::with_capacity(series.len());
    for s in &mut series {
        s.samples.sort_by_key(|(t, _)| *t);
        // Keep the last of equal timestamps (the later row in the file).
        let before = s.samples.len();
        s.samples.reverse();
        s.samples.dedup_by_key(|(t, _)| *t);
        s.samples.reverse();
        duplicates.push(before - s.samples.len());
    }

    let interval = median_spacing(&series)?;
    let start = series.iter().map(|s| s.samples[0].0).min().unwrap_or(0);
    let end = series
        .iter()
        .map(|s| s.samples[s.samples.len() - 1].0 + interval as i64)
        .max()
        .unwrap_or(start);
    let steps = ((end - start) as u64).div_ceil(u64::from(interval));
    if steps > acumen::scenario::MAX_TRACE_SAMPLES as u64 {
        return Err(Failed::Input(format!(
            "the samples span {steps} steps of {interval} s; at most {} fit in a replay",
            acumen::scenario::MAX_TRACE_SAMPLES
        )));
    }
    // All instances' samples together, before any is resampled (the core's
    // limit for a scenario's traces; docs/limits.md).
    let instances = options.cluster_average.map_or(series.len(), usize::from) as u64;
    if steps * instances > acumen::scenario::MAX_SCENARIO_SAMPLES as u64 {
        return Err(Failed::Input(format!(
            "the samples span {steps} steps of {interval} s for {instances} instances; at most {} fit in a replay in all",
            acumen::scenario::MAX_SCENARIO_SAMPLES
        )));
    }
    let steps = steps as usize;
    let mut resampled: Vec<Resampled> = series
        .iter()
        .zip(duplicates)
        .map(|(s, d)| resample(s, d, start, interval, steps, options.max_gap_seconds))
        .collect();

    for r in &resampled {
        if r.irregular > 0 {
            warnings.push(format!(
                "{}: irregular sampling ({} spacings differ from the median {interval} s); resampled to a regular {interval} s grid",
                r.name, r.irregular
            ));
        }
        if r.gaps > 0 {
            warnings.push(format!(
                "{}: {} gap{}, {} in all; the last value was held for {} (at most {} per gap)",
                r.name,
                r.gaps,
                if r.gaps == 1 { "" } else { "s" },
                duration(r.gap_seconds),
                duration(r.held_seconds),
                duration(options.max_gap_seconds)
            ));
        }
        if r.unrecorded_seconds > 0 {
            warnings.push(format!(
                "{}: {} without a sample to use, counted as not running (0 ACU)",
                r.name,
                duration(r.unrecorded_seconds)
            ));
        }
        if r.duplicates > 0 {
            warnings.push(format!(
                "{}: {} rows repeated a timestamp; the later row was used",
                r.name, r.duplicates
            ));
        }
    }

    if let Some(n) = options.cluster_average {
        let only = resampled.remove(0);
        for k in 0..n {
            resampled.push(Resampled {
                name: if n == 1 {
                    only.name.clone()
                } else {
                    format!("{} ({}/{n})", only.name, k + 1)
                },
                ..only.clone()
            });
        }
    }

    // Both bills cover the same whole hours: the replay's billing month.
    let span_seconds = steps as u64 * u64::from(interval);
    let hours = span_seconds.div_ceil(3600).clamp(1, 744) as u32;
    let month = u64::from(hours) * 3600;
    if span_seconds < month {
        warnings.push(format!(
            "the recording covers {:.2} h; both bills cover {hours} h, the recording's start repeated to fill the last hour",
            span_seconds as f64 / 3600.0
        ));
    } else if span_seconds > month {
        warnings.push(format!(
            "the recording covers {:.2} h; both bills cover its first {hours} h",
            span_seconds as f64 / 3600.0
        ));
    }

    // The recorded range, on the 0.5-ACU grid.
    let all = || resampled.iter().flat_map(|r| r.values.iter().copied());
    let lowest = all().fold(f64::INFINITY, f64::min);
    let highest = all().fold(0.0f64, f64::max);
    let recorded = Scaling {
        min_acu: if lowest == 0.0 {
            0.0
        } else {
            ((lowest * 2.0).floor() / 2.0).clamp(0.5, 256.0)
        },
        max_acu: ((highest * 2.0).ceil() / 2.0).clamp(1.0, 256.0),
        seconds_until_auto_pause: None,
    };
    let min_acu = options.min_acu.unwrap_or(recorded.min_acu);
    let max_acu = options
        .max_acu
        .unwrap_or(if min_acu.is_finite() && min_acu > recorded.max_acu {
            min_acu
        } else {
            recorded.max_acu
        });
    let replayed = Scaling {
        min_acu,
        max_acu,
        seconds_until_auto_pause: options.seconds_until_auto_pause,
    };

    let trace = |values: &[f64]| {
        Workload::Trace(Trace {
            interval_seconds: interval,
            acu: values.to_vec(),
        })
    };
    let scenario = Scenario {
        region: options.region.clone(),
        engine: options.engine,
        engine_version: options.engine_version.clone(),
        storage_type: options.storage_type,
        hours_per_month: hours,
        scaling: replayed.clone(),
        workload: trace(&resampled[0].values),
        readers: resampled[1..]
            .iter()
            .map(|r| Reader {
                promotion_tier: options.reader_tier,
                workload: Some(trace(&r.values)),
            })
            .collect(),
        storage_gb: 0.0,
        price_book: options.price_book.clone(),
        ..Scenario::default()
    };
    let report = acumen::estimate(&scenario).map_err(flag_error)?;
    let resolved = prices::resolve_with(
        options.price_book.as_ref(),
        &options.region,
        options.engine,
        PriceItem::serverless(options.storage_type),
        &PriceOverrides::default(),
    )
    .map_err(flag_error)?;
    let price = resolved.price;

    let compute: Vec<Money> = report
        .lines
        .iter()
        .filter(|l| l.component == Component::Compute)
        .map(|l| l.cost_micro_usd)
        .collect();
    let mut instances = Vec::with_capacity(resampled.len());
    let mut recorded_total = 0i64;
    let mut replayed_total = 0i64;
    for (k, r) in resampled.iter().enumerate() {
        let milli_acu_seconds = window_milli_acu_seconds(&r.values, interval, month);
        let recorded_cost = cost(milli_acu_seconds, price);
        let usage = &report.instances[k];
        let replayed_cost = match compute.get(k) {
            Some(c) if compute.len() == resampled.len() => *c,
            _ => cost(u128::from(usage.half_acu_seconds) * 500, price),
        };
        recorded_total += recorded_cost.micros();
        replayed_total += replayed_cost.micros();
        instances.push(InstanceReplay {
            name: r.name.clone(),
            role: usage.name.clone(),
            samples: r.samples,
            duplicates: r.duplicates,
            first_sample: format_time(r.first),
            last_sample: format_time(r.last),
            gaps: r.gaps,
            gap_seconds: r.gap_seconds,
            held_seconds: r.held_seconds,
            unrecorded_seconds: r.unrecorded_seconds,
            irregular_spacings: r.irregular,
            recorded_acu_hours: milli_acu_seconds as f64 / 3_600_000.0,
            recorded_cost_micro_usd: recorded_cost,
            replayed_acu_hours: usage.acu_hours,
            replayed_cost_micro_usd: replayed_cost,
            difference_micro_usd: Money::from_micros(
                replayed_cost.micros() - recorded_cost.micros(),
            ),
        });
    }
    // The core notes that each trace is repeated; the replay's own note says it once.
    warnings.extend(
        report
            .warnings
            .iter()
            .filter(|w| w.kind != acumen::report::WarningKind::InputNote)
            .map(|w| w.message.clone()),
    );
    Ok(Replay {
        files,
        interval_seconds: interval,
        start: format_time(start),
        end: format_time(start + span_seconds as i64),
        recorded_hours: span_seconds as f64 / 3600.0,
        compared_hours: hours,
        unit_price_nano_usd: price,
        price: resolved.provenance,
        settings: Settings { recorded, replayed },
        instances,
        recorded_total_micro_usd: Money::from_micros(recorded_total),
        replayed_total_micro_usd: Money::from_micros(replayed_total),
        difference_micro_usd: Money::from_micros(replayed_total - recorded_total),
        ideal_total_micro_usd: report.ideal.total_micro_usd,
        warnings,
        report,
    })
}

/// Why a replay failed.
#[derive(Debug)]
pub enum Failed {
    /// The recording, or a replay option the CLI checks itself
    /// (`invalid_input`): one line.
    Input(String),
    /// The core refused the scenario the replay built from the recording and
    /// the options: its error, code and field kept, and the line to show,
    /// which names the command-line flag that set the field.
    Core {
        /// The core's error.
        error: Error,
        /// `--max-acu: must be a multiple of 0.5 ACU, got 3.3`.
        message: String,
    },
}

impl From<String> for Failed {
    fn from(message: String) -> Failed {
        Failed::Input(message)
    }
}

/// The core's error about a scenario field the replay filled in, its
/// message naming the command-line flag that set the field.
fn flag_error(error: Error) -> Failed {
    let flag = match error.field() {
        "scaling.minAcu" => "--min-acu",
        "scaling.maxAcu" => "--max-acu",
        "scaling.secondsUntilAutoPause" => "--seconds-until-auto-pause",
        "region" => "--region",
        "engineVersion" => "--engine-version",
        _ => "",
    };
    let message = if flag.is_empty() {
        error.to_string()
    } else {
        format!("{flag}: {}", error.message())
    };
    Failed::Core { error, message }
}

/// Series with the same name (e.g. one instance exported in several files)
/// become one, in order of first appearance.
fn merge_by_name(series: Vec<Series>) -> Vec<Series> {
    let mut merged: Vec<Series> = Vec::with_capacity(series.len());
    for s in series {
        match merged.iter_mut().find(|m| m.name == s.name) {
            Some(m) => m.samples.extend(s.samples),
            None => merged.push(s),
        }
    }
    merged
}

/// The median spacing of all series' (sorted, distinct) samples, seconds.
fn median_spacing(series: &[Series]) -> Result<u32, String> {
    let mut spacings: Vec<i64> = series
        .iter()
        .flat_map(|s| s.samples.windows(2).map(|w| w[1].0 - w[0].0))
        .collect();
    if spacings.is_empty() {
        return Err(String::from(
            "needs at least two samples of one series to find the sampling interval",
        ));
    }
    let middle = (spacings.len() - 1) / 2;
    let (_, median, _) = spacings.select_nth_unstable(middle);
    let median = *median;
    if median > 86_400 {
        return Err(format!(
            "the median spacing of the samples is {median} s; at most 86400 s (one day) can be replayed"
        ));
    }
    Ok(median.max(1) as u32)
}

fn resample(
    s: &Series,
    duplicates: usize,
    start: i64,
    interval: u32,
    steps: usize,
    max_gap: u64,
) -> Resampled {
    let step = i64::from(interval);
    let samples = &s.samples;
    let mut gaps = 0;
    let mut gap_seconds = 0u64;
    let mut held_seconds = 0u64;
    let mut irregular = 0;
    for w in samples.windows(2) {
        let spacing = w[1].0 - w[0].0;
        if spacing * 2 > step * 3 {
            gaps += 1;
            let missing = (spacing - step) as u64;
            gap_seconds += missing;
            held_seconds += missing.min(max_gap);
        } else if spacing != step {
            irregular += 1;
        }
    }
    let mut values = vec![0.0; steps];
    let mut unrecorded = 0u64;
    let mut j = 0;
    for (k, value) in values.iter_mut().enumerate() {
        let g = start + k as i64 * step;
        while j < samples.len() && samples[j].0 <= g {
            j += 1;
        }
        if j == 0 {
            unrecorded += 1;
            continue;
        }
        let (t, v) = samples[j - 1];
        let age = (g - t) as u64;
        let usable = if age < u64::from(interval) {
            true
        } else if j < samples.len() {
            let spacing = samples[j].0 - t;
            // Within an ordinary (jittery) spacing, or held across a gap.
            spacing * 2 <= step * 3 || age < u64::from(interval) + max_gap
        } else {
            false
        };
        if usable {
            *value = v;
        } else {
            unrecorded += 1;
        }
    }
    Resampled {
        name: s.name.clone(),
        values,
        samples: samples.len(),
        duplicates,
        first: samples[0].0,
        last: samples[samples.len() - 1].0,
        gaps,
        gap_seconds,
        held_seconds,
        unrecorded_seconds: unrecorded * u64::from(interval),
        irregular,
    }
}

/// Exact recorded usage over the first `month` seconds of the series
/// repeated: thousandths of an ACU (each value rounded to 0.001) × seconds.
fn window_milli_acu_seconds(values: &[f64], interval: u32, month: u64) -> u128 {
    let milli: Vec<u128> = values.iter().map(|v| (v * 1000.0 + 0.5) as u128).collect();
    let step = u64::from(interval);
    let span = values.len() as u64 * step;
    let one_pass: u128 = milli.iter().sum::<u128>() * u128::from(step);
    let full = month / span;
    let mut total = one_pass * u128::from(full);
    let mut left = month - full * span;
    for m in &milli {
        if left == 0 {
            break;
        }
        let s = left.min(step);
        total += m * u128::from(s);
        left -= s;
    }
    total
}

/// milli-ACU-seconds × nano-dollars per ACU-hour, to micro-dollars, rounded
/// once (halves up).
fn cost(milli_acu_seconds: u128, price: UnitPrice) -> Money {
    let nanos = u128::try_from(price.nanos()).unwrap_or(0);
    // milli-ACU-s × nano-$/ACU-h ÷ (1000 × 3600) = nano-$; ÷ 1000 = micro-$.
    let divisor: u128 = 1000 * 3600 * 1000;
    let micros = (milli_acu_seconds * nanos + divisor / 2) / divisor;
    Money::from_micros(i64::try_from(micros).unwrap_or(i64::MAX))
}

/// `3725` → `1 h 2 min 5 s`.
pub fn duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{h} h"));
    }
    if m > 0 {
        parts.push(format!("{m} min"));
    }
    if s > 0 || parts.is_empty() {
        parts.push(format!("{s} s"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, samples: &[(i64, f64)]) -> Series {
        Series {
            name: name.into(),
            samples: samples.to_vec(),
            cluster_level: false,
        }
    }

    #[test]
    fn gaps_are_held_up_to_the_limit() {
        // 60 s samples with a 10-minute hole after t=120.
        let s = series(
            "a",
            &[(0, 1.0), (60, 2.0), (120, 3.0), (720, 4.0), (780, 5.0)],
        );
        let r = resample(&s, 0, 0, 60, 14, 300);
        assert_eq!(r.gaps, 1);
        assert_eq!(r.gap_seconds, 540);
        assert_eq!(r.held_seconds, 300);
        // Held for 300 s after the sample's own minute, then zero until 720.
        assert_eq!(
            r.values,
            [
                1.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 0.0, 0.0, 0.0, 0.0, 4.0, 5.0
            ]
        );
        assert_eq!(r.unrecorded_seconds, 240);
    }

    #[test]
    fn irregular_samples_take_the_latest_value() {
        let s = series("a", &[(0, 1.0), (50, 2.0), (130, 3.0), (180, 4.0)]);
        assert_eq!(median_spacing(std::slice::from_ref(&s)).unwrap(), 50);
        let r = resample(&s, 0, 0, 60, 4, 0);
        assert_eq!(r.irregular, 3);
        assert_eq!(r.gaps, 0);
        assert_eq!(r.values, [1.0, 2.0, 2.0, 4.0]);
    }

    #[test]
    fn window_repeats_and_truncates() {
        // 2 values of 60 s: 1.5 and 0.5 ACU.
        assert_eq!(window_milli_acu_seconds(&[1.5, 0.5], 60, 120), 120_000);
        assert_eq!(window_milli_acu_seconds(&[1.5, 0.5], 60, 180), 210_000);
        assert_eq!(window_milli_acu_seconds(&[1.5, 0.5], 60, 60), 90_000);
        // 1 ACU for an hour at $0.12 is $0.12.
        assert_eq!(
            cost(3_600_000, UnitPrice::from_nanos(120_000_000)),
            Money::from_micros(120_000)
        );
        assert_eq!(duration(3725), "1 h 2 min 5 s");
        assert_eq!(duration(0), "0 s");
    }
}
