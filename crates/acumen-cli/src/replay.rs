//! Replaying recorded `ServerlessDatabaseCapacity` against other settings.
//!
//! The recorded capacity is what Aurora billed: ACU-hours × the ACU-hour
//! price. Treated as *demand*, the same series is run through the core's
//! estimate under the settings asked for, so the two bills can be set side by
//! side.
//!
//! Reading the recording (shapes, timestamps, the grid, gaps and holds) is
//! the core's: [`acumen::cloudwatch`]. This module checks what only a replay
//! needs (the cluster-level metric, the size of the scenario it builds),
//! builds that scenario and sets the two bills side by side.

use acumen::prices::{self, PriceItem, Provenance};
use acumen::report::Component;
use acumen::scenario::{PriceOverrides, Reader, Trace};
use acumen::{Engine, Error, Money, Report, Scaling, Scenario, StorageType, UnitPrice, Workload};
use serde::Serialize;

use acumen::cloudwatch::{self, GridOptions, GridSeries, MAX_SERIES, Recording, Series};
use acumen::scenario::{MAX_SCENARIO_SAMPLES, MAX_TRACE_SAMPLES};

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

/// Replays `series` (in order: the first is the writer). Errors are one
/// line, with the core's code and field when the core refused them.
pub fn replay(
    files: Vec<String>,
    series: Vec<Series>,
    options: &Options,
) -> Result<Replay, Failed> {
    let mut warnings = Vec::new();
    let series = cloudwatch::merge_by_name(series);
    check_cluster_average(&series, options.cluster_average, &mut warnings)?;
    let recording = Recording::new(series).map_err(|e| Failed::Input(e.message))?;
    check_size(&recording, options.cluster_average)?;
    let grid = recording
        .resample(&GridOptions {
            max_gap_seconds: options.max_gap_seconds,
            max_steps: MAX_TRACE_SAMPLES,
        })
        .map_err(|e| Failed::Input(e.message))?;
    warnings.extend(grid.warnings.iter().cloned());
    let interval = grid.interval_seconds;
    let resampled = spread_cluster_average(grid.series, options.cluster_average);

    // Both bills cover the same whole hours: the replay's billing month.
    let span_seconds = grid.steps as u64 * u64::from(interval);
    let hours = billing_hours(span_seconds, &mut warnings);
    let month = u64::from(hours) * 3600;

    let settings = settings(&resampled, options);
    let scenario = scenario(&resampled, interval, hours, &settings.replayed, options);
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
    let instances = instance_replays(&resampled, &report, interval, month, price);
    let recorded_total: i64 = instances
        .iter()
        .map(|i| i.recorded_cost_micro_usd.micros())
        .sum();
    let replayed_total: i64 = instances
        .iter()
        .map(|i| i.replayed_cost_micro_usd.micros())
        .sum();
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
        start: grid.start,
        end: grid.end,
        recorded_hours: span_seconds as f64 / 3600.0,
        compared_hours: hours,
        unit_price_nano_usd: price,
        price: resolved.provenance,
        settings,
        instances,
        recorded_total_micro_usd: Money::from_micros(recorded_total),
        replayed_total_micro_usd: Money::from_micros(replayed_total),
        difference_micro_usd: Money::from_micros(replayed_total - recorded_total),
        ideal_total_micro_usd: report.ideal.total_micro_usd,
        warnings,
        report,
    })
}

/// `--cluster-average N`: one series (the cluster-level metric) and a
/// count a cluster can have, with a note that it was multiplied. Without it,
/// a note for each series that looks like the cluster-level metric.
fn check_cluster_average(
    series: &[Series],
    cluster_average: Option<u8>,
    warnings: &mut Vec<String>,
) -> Result<(), Failed> {
    let Some(n) = cluster_average else {
        for s in series.iter().filter(|s| s.cluster_level) {
            warnings.push(format!(
                "{:?} looks like the cluster-level metric (DBClusterIdentifier), which is the average over the instances, not the billed sum; pass --cluster-average N with the instance count, or export the metric per instance",
                s.name
            ));
        }
        return Ok(());
    };
    if series.len() != 1 {
        return Err(Failed::Input(format!(
            "--cluster-average: needs exactly one series (the cluster-level metric), got {}",
            series.len()
        )));
    }
    if !(1..=MAX_SERIES as u8).contains(&n) {
        return Err(Failed::Input(format!(
            "--cluster-average: must be between 1 and {MAX_SERIES} instances, got {n}"
        )));
    }
    warnings.push(format!(
        "the cluster-level ServerlessDatabaseCapacity is the average over the instances, not the billed sum: it was multiplied by {n} instances, as if each ran at the average"
    ));
    Ok(())
}

/// The core's limits on a trace and on a scenario's traces all together
/// (docs/limits.md), checked before any series is laid out on the grid.
fn check_size(recording: &Recording, cluster_average: Option<u8>) -> Result<(), Failed> {
    let (steps, interval) = (recording.steps(), recording.interval_seconds());
    if steps > MAX_TRACE_SAMPLES as u64 {
        return Err(Failed::Input(format!(
            "the samples span {steps} steps of {interval} s; at most {MAX_TRACE_SAMPLES} fit in a replay"
        )));
    }
    let instances = cluster_average.map_or(recording.series().len(), usize::from) as u64;
    if steps * instances > MAX_SCENARIO_SAMPLES as u64 {
        return Err(Failed::Input(format!(
            "the samples span {steps} steps of {interval} s for {instances} instances; at most {MAX_SCENARIO_SAMPLES} fit in a replay in all"
        )));
    }
    Ok(())
}

/// `--cluster-average N`: the one series becomes N instances at the
/// average, named `name (k/N)` when N > 1.
fn spread_cluster_average(
    mut series: Vec<GridSeries>,
    cluster_average: Option<u8>,
) -> Vec<GridSeries> {
    let Some(n) = cluster_average else {
        return series;
    };
    let only = series.remove(0);
    (0..n)
        .map(|k| GridSeries {
            name: if n == 1 {
                only.name.clone()
            } else {
                format!("{} ({}/{n})", only.name, k + 1)
            },
            ..only.clone()
        })
        .collect()
}

/// The whole hours both bills cover (at least 1, at most a 744-hour month),
/// with a note when the recording is shorter or longer.
fn billing_hours(span_seconds: u64, warnings: &mut Vec<String>) -> u32 {
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
    hours
}

/// The recorded range (on the 0.5-ACU grid) and the range to replay with:
/// the options where given, else the recorded one.
fn settings(resampled: &[GridSeries], options: &Options) -> Settings {
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
    Settings { recorded, replayed }
}

/// The scenario the replay estimates: the first series is the writer's
/// trace, the others readers' at `--reader-tier`; no storage.
fn scenario(
    resampled: &[GridSeries],
    interval: u32,
    hours: u32,
    scaling: &Scaling,
    options: &Options,
) -> Scenario {
    let trace = |values: &[f64]| {
        Workload::Trace(Trace {
            interval_seconds: interval,
            acu: values.to_vec(),
        })
    };
    let (writer, readers) = match resampled {
        [writer, readers @ ..] => (trace(&writer.values), readers),
        [] => (trace(&[]), resampled),
    };
    Scenario {
        region: options.region.clone(),
        engine: options.engine,
        engine_version: options.engine_version.clone(),
        storage_type: options.storage_type,
        hours_per_month: hours,
        scaling: scaling.clone(),
        workload: writer,
        readers: readers
            .iter()
            .map(|r| Reader {
                promotion_tier: options.reader_tier,
                workload: Some(trace(&r.values)),
            })
            .collect(),
        storage_gb: 0.0,
        price_book: options.price_book.clone(),
        ..Scenario::default()
    }
}

/// Each instance's recording beside its replay: the recorded cost over the
/// billing `month` at `price`, the replayed one from the report's compute
/// lines.
fn instance_replays(
    resampled: &[GridSeries],
    report: &Report,
    interval: u32,
    month: u64,
    price: UnitPrice,
) -> Vec<InstanceReplay> {
    let compute: Vec<Money> = report
        .lines
        .iter()
        .filter(|l| l.component == Component::Compute)
        .filter_map(|l| l.cost_micro_usd)
        .collect();
    resampled
        .iter()
        .zip(&report.instances)
        .enumerate()
        .map(|(k, (r, usage))| {
            let milli_acu_seconds = window_milli_acu_seconds(&r.values, interval, month);
            let recorded_cost = cost(milli_acu_seconds, price);
            let replayed_cost = match compute.get(k) {
                Some(c) if compute.len() == resampled.len() => *c,
                _ => cost(u128::from(usage.half_acu_seconds) * 500, price),
            };
            InstanceReplay {
                name: r.name.clone(),
                role: usage.name.clone(),
                samples: r.samples,
                duplicates: r.duplicates,
                first_sample: r.first_sample.clone(),
                last_sample: r.last_sample.clone(),
                gaps: r.gaps,
                gap_seconds: r.gap_seconds,
                held_seconds: r.held_seconds,
                unrecorded_seconds: r.unrecorded_seconds,
                irregular_spacings: r.irregular_spacings,
                recorded_acu_hours: milli_acu_seconds as f64 / 3_600_000.0,
                recorded_cost_micro_usd: recorded_cost,
                replayed_acu_hours: usage.acu_hours,
                replayed_cost_micro_usd: replayed_cost,
                difference_micro_usd: Money::from_micros(
                    replayed_cost.micros() - recorded_cost.micros(),
                ),
            }
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
