//! From series as read to values on one regular grid.
//!
//! Series with the same name become one; each is sorted by time and
//! duplicate timestamps are dropped (the later row wins). The grid's step is
//! the median spacing of all samples; each grid point takes the latest
//! sample at or before it. A spacing longer than 1.5 steps is a gap: the
//! last value is held across it for up to the hold limit, after which (and
//! before a series' first sample or after its last) the instance counts as
//! not running (0 ACU).
//!
//! Times are Unix seconds as read, so any `i64`: the arithmetic saturates or
//! widens rather than overflow.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::series::{ReadError, Series};
use super::time::format_time;

/// The most series a recording may have: a writer and 15 readers.
pub const MAX_SERIES: usize = 16;

/// The longest spacing, in seconds, the grid's step may be (one day).
pub const MAX_INTERVAL_SECONDS: u32 = 86_400;

/// How long, in seconds, a value is held across a gap unless told otherwise
/// (the CLI's `--max-gap` default).
pub const DEFAULT_MAX_GAP_SECONDS: u64 = 3_600;

/// Series with the same name (one instance exported in several files or
/// pages, say) become one, in order of first appearance, their samples
/// appended and their notes said once.
#[must_use]
pub fn merge_by_name(series: Vec<Series>) -> Vec<Series> {
    let mut merged: Vec<Series> = Vec::with_capacity(series.len());
    for s in series {
        match merged.iter_mut().find(|m| m.name == s.name) {
            Some(m) => {
                m.samples.extend(s.samples);
                m.cluster_level |= s.cluster_level;
                for note in s.notes {
                    if !m.notes.contains(&note) {
                        m.notes.push(note);
                    }
                }
            }
            None => merged.push(s),
        }
    }
    merged
}

/// Series ready for the grid: merged by name, sorted, without repeated
/// timestamps, with the grid's step and extent found. Check
/// [`steps`](Recording::steps) before [`resample`](Recording::resample)
/// lays them out.
#[derive(Clone, Debug, PartialEq)]
pub struct Recording {
    series: Vec<Series>,
    duplicates: Vec<usize>,
    interval_seconds: u32,
    start: i64,
    steps: u64,
}

impl Recording {
    /// Merges `series` by name, sorts each by time, drops repeated
    /// timestamps (the later row wins) and finds the grid: its step, the
    /// median spacing of all samples, and its extent, from the first sample
    /// to one step after the last.
    ///
    /// # Errors
    ///
    /// More than [`MAX_SERIES`] series; fewer than two samples in every
    /// series (no spacing to measure); a median spacing over
    /// [`MAX_INTERVAL_SECONDS`]. The errors have no line.
    pub fn new(series: Vec<Series>) -> Result<Recording, ReadError> {
        let mut series = merge_by_name(series);
        if series.len() > MAX_SERIES {
            return Err(ReadError::whole(format!(
                "at most {MAX_SERIES} instances (a writer and 15 readers), got {}",
                series.len()
            )));
        }
        let duplicates = series.iter_mut().map(sort_and_dedup).collect();
        let interval_seconds = median_spacing(&series)?;
        let step = i64::from(interval_seconds);
        let firsts = series.iter().filter_map(|s| s.samples.first());
        let start = firsts.map(|(t, _)| *t).min().unwrap_or(0);
        let lasts = series.iter().filter_map(|s| s.samples.last());
        let end = lasts
            .map(|(t, _)| t.saturating_add(step))
            .max()
            .unwrap_or(start);
        let span = u64::try_from(i128::from(end) - i128::from(start)).unwrap_or(u64::MAX);
        Ok(Recording {
            series,
            duplicates,
            interval_seconds,
            start,
            steps: span.div_ceil(u64::from(interval_seconds)),
        })
    }

    /// The series, merged, sorted and without repeated timestamps.
    #[must_use]
    pub fn series(&self) -> &[Series] {
        &self.series
    }

    /// The grid's step: the median spacing of the samples, seconds (at
    /// least 1).
    #[must_use]
    pub fn interval_seconds(&self) -> u32 {
        self.interval_seconds
    }

    /// The first grid point: the earliest sample, Unix seconds.
    #[must_use]
    pub fn start(&self) -> i64 {
        self.start
    }

    /// Grid points from the first sample to one step after the last: the
    /// length of every resampled series.
    #[must_use]
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// Lays every series out on the grid, holding a value across a gap for
    /// at most `options.max_gap_seconds`, and words what it found.
    ///
    /// # Errors
    ///
    /// More than `options.max_steps` grid points.
    pub fn resample(&self, options: &GridOptions) -> Result<Grid, ReadError> {
        let interval = self.interval_seconds;
        let steps = usize::try_from(self.steps)
            .ok()
            .filter(|s| *s <= options.max_steps)
            .ok_or_else(|| {
                ReadError::whole(format!(
                    "the samples span {} steps of {interval} s; at most {} fit",
                    self.steps, options.max_steps
                ))
            })?;
        let series: Vec<GridSeries> = self
            .series
            .iter()
            .zip(&self.duplicates)
            .map(|(s, d)| resample(s, *d, self.start, interval, steps, options.max_gap_seconds))
            .collect();
        // What the file said about a series comes before what laying it out found.
        let warnings = self
            .series
            .iter()
            .zip(&series)
            .flat_map(|(read, s)| {
                let notes = read.notes.iter().map(|n| format!("{}: {n}", s.name));
                notes.chain(s.warnings(interval, options.max_gap_seconds))
            })
            .collect();
        let span = (steps as u64).saturating_mul(u64::from(interval));
        let end = self
            .start
            .saturating_add(i64::try_from(span).unwrap_or(i64::MAX));
        Ok(Grid {
            interval_seconds: interval,
            start: format_time(self.start),
            end: format_time(end),
            start_seconds: self.start,
            steps,
            series,
            warnings,
        })
    }
}

/// How series are laid out on the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(rename_all = "camelCase")
)]
pub struct GridOptions {
    /// Longest stretch, in seconds, a value is held across a gap.
    pub max_gap_seconds: u64,
    /// Most grid points per series.
    pub max_steps: usize,
}

impl Default for GridOptions {
    /// Held for [`DEFAULT_MAX_GAP_SECONDS`]; as many steps as one trace may
    /// have ([`crate::workload::MAX_TRACE_SAMPLES`]).
    fn default() -> GridOptions {
        GridOptions {
            max_gap_seconds: DEFAULT_MAX_GAP_SECONDS,
            max_steps: crate::workload::MAX_TRACE_SAMPLES,
        }
    }
}

/// Series on one regular grid: a trace per instance, in order of first
/// appearance (the first is the writer's, the others readers').
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CloudWatchGrid")
)]
pub struct Grid {
    /// The step: the median spacing of the samples, seconds.
    pub interval_seconds: u32,
    /// The first grid point, `YYYY-MM-DDTHH:MM:SSZ`.
    pub start: String,
    /// The end of the last step, `YYYY-MM-DDTHH:MM:SSZ`.
    pub end: String,
    /// The first grid point, Unix seconds.
    pub start_seconds: i64,
    /// Grid points: the length of every series' `values`.
    pub steps: usize,
    /// Each series on the grid.
    pub series: Vec<GridSeries>,
    /// What the file said about the data ([`Series::notes`]) and what
    /// reading found that changes the numbers (irregular spacing, gaps,
    /// time without a sample, repeated timestamps), one sentence each, in
    /// series order. The cluster-level metric is flagged on its series
    /// ([`GridSeries::cluster_level`]): what to do about it is the caller's
    /// to say.
    pub warnings: Vec<String>,
}

/// One series on the grid, with what laying it out found.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CloudWatchSeries")
)]
pub struct GridSeries {
    /// The series' name (column header, label, id or the file's stem).
    pub name: String,
    /// The name says it is the cluster-level metric: an average over the
    /// instances, not the billed sum.
    pub cluster_level: bool,
    /// ACU at each grid point (0 where not running).
    pub values: Vec<f64>,
    /// Samples read, after dropping repeated timestamps.
    pub samples: usize,
    /// Rows dropped because their timestamp repeated an earlier one.
    pub duplicates: usize,
    /// The first sample's time, `YYYY-MM-DDTHH:MM:SSZ`.
    pub first_sample: String,
    /// The last sample's time, `YYYY-MM-DDTHH:MM:SSZ`.
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
}

impl GridSeries {
    /// What laying this series out on a grid of `interval` seconds found, one
    /// sentence each.
    fn warnings(&self, interval: u32, max_gap: u64) -> Vec<String> {
        let mut warnings = Vec::new();
        let name = &self.name;
        if self.irregular_spacings > 0 {
            warnings.push(format!(
                "{name}: irregular sampling ({} spacings differ from the median {interval} s); resampled to a regular {interval} s grid",
                self.irregular_spacings
            ));
        }
        if self.gaps > 0 {
            warnings.push(format!(
                "{name}: {} gap{}, {} in all; the last value was held for {} (at most {} per gap)",
                self.gaps,
                if self.gaps == 1 { "" } else { "s" },
                duration(self.gap_seconds),
                duration(self.held_seconds),
                duration(max_gap)
            ));
        }
        if self.unrecorded_seconds > 0 {
            warnings.push(format!(
                "{name}: {} without a sample to use, counted as not running (0 ACU)",
                duration(self.unrecorded_seconds)
            ));
        }
        if self.duplicates > 0 {
            warnings.push(format!(
                "{name}: {} rows repeated a timestamp; the later row was used",
                self.duplicates
            ));
        }
        warnings
    }
}

/// Sorts by time and keeps the last of equal timestamps (the later row in
/// the file); returns how many were dropped.
fn sort_and_dedup(s: &mut Series) -> usize {
    s.samples.sort_by_key(|(t, _)| *t);
    let before = s.samples.len();
    s.samples.reverse();
    s.samples.dedup_by_key(|(t, _)| *t);
    s.samples.reverse();
    before - s.samples.len()
}

/// The median spacing of all series' (sorted, distinct) samples, seconds,
/// at least 1.
fn median_spacing(series: &[Series]) -> Result<u32, ReadError> {
    let mut spacings: Vec<i64> = series
        .iter()
        .flat_map(|s| s.samples.windows(2).map(|w| w[1].0.saturating_sub(w[0].0)))
        .collect();
    if spacings.is_empty() {
        return Err(ReadError::whole(
            "needs at least two samples of one series to find the sampling interval",
        ));
    }
    let middle = (spacings.len() - 1) / 2;
    let (_, median, _) = spacings.select_nth_unstable(middle);
    let median = *median;
    match u32::try_from(median.max(1)) {
        Ok(m) if m <= MAX_INTERVAL_SECONDS => Ok(m),
        _ => Err(ReadError::whole(format!(
            "the median spacing of the samples is {median} s; at most {MAX_INTERVAL_SECONDS} s (one day) can be replayed"
        ))),
    }
}

/// Whether a spacing is a gap: longer than 1.5 steps.
fn is_gap(spacing: i64, step: i64) -> bool {
    i128::from(spacing) * 2 > i128::from(step) * 3
}

/// `s` (sorted, distinct, not empty) on the grid of `steps` points from
/// `start`, `interval` seconds apart.
fn resample(
    s: &Series,
    duplicates: usize,
    start: i64,
    interval: u32,
    steps: usize,
    max_gap: u64,
) -> GridSeries {
    let step = i64::from(interval);
    let samples = &s.samples;
    let mut gaps = 0;
    let mut gap_seconds = 0u64;
    let mut held_seconds = 0u64;
    let mut irregular = 0;
    for w in samples.windows(2) {
        let spacing = w[1].0.saturating_sub(w[0].0);
        if is_gap(spacing, step) {
            gaps += 1;
            let missing = u64::try_from(spacing - step).unwrap_or(0);
            gap_seconds = gap_seconds.saturating_add(missing);
            held_seconds = held_seconds.saturating_add(missing.min(max_gap));
        } else if spacing != step {
            irregular += 1;
        }
    }
    let mut values = vec![0.0; steps];
    let mut unrecorded = 0u64;
    let mut j = 0;
    let hold_limit = u64::from(interval).saturating_add(max_gap);
    for (k, value) in values.iter_mut().enumerate() {
        let g = start.saturating_add((k as i64).saturating_mul(step));
        while j < samples.len() && samples[j].0 <= g {
            j += 1;
        }
        let Some(&(t, v)) = j.checked_sub(1).and_then(|i| samples.get(i)) else {
            unrecorded += 1;
            continue;
        };
        let age = u64::try_from(i128::from(g) - i128::from(t)).unwrap_or(u64::MAX);
        let usable = if age < u64::from(interval) {
            true
        } else if let Some(&(next, _)) = samples.get(j) {
            // Within an ordinary (jittery) spacing, or held across a gap.
            !is_gap(next.saturating_sub(t), step) || age < hold_limit
        } else {
            false
        };
        if usable {
            *value = v;
        } else {
            unrecorded += 1;
        }
    }
    let time_at = |sample: Option<&(i64, f64)>| format_time(sample.map_or(0, |(t, _)| *t));
    GridSeries {
        name: s.name.clone(),
        cluster_level: s.cluster_level,
        values,
        samples: samples.len(),
        duplicates,
        first_sample: time_at(samples.first()),
        last_sample: time_at(samples.last()),
        gaps,
        gap_seconds,
        held_seconds,
        unrecorded_seconds: unrecorded.saturating_mul(u64::from(interval)),
        irregular_spacings: irregular,
    }
}

/// `3725` → `1 h 2 min 5 s`: a length of time as the warnings word it.
///
/// ```
/// assert_eq!(acumen::cloudwatch::duration(3725), "1 h 2 min 5 s");
/// assert_eq!(acumen::cloudwatch::duration(0), "0 s");
/// ```
#[must_use]
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
            notes: Vec::new(),
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
        assert_eq!(
            r.warnings(60, 300),
            [
                "a: 1 gap, 9 min in all; the last value was held for 5 min (at most 5 min per gap)",
                "a: 4 min without a sample to use, counted as not running (0 ACU)"
            ]
        );
    }

    #[test]
    fn irregular_samples_take_the_latest_value() {
        let s = series("a", &[(0, 1.0), (50, 2.0), (130, 3.0), (180, 4.0)]);
        assert_eq!(median_spacing(core::slice::from_ref(&s)).unwrap(), 50);
        let r = resample(&s, 0, 0, 60, 4, 0);
        assert_eq!(r.irregular_spacings, 3);
        assert_eq!(r.gaps, 0);
        assert_eq!(r.values, [1.0, 2.0, 2.0, 4.0]);
    }

    #[test]
    fn a_recording_merges_sorts_and_drops_repeats() {
        let recording = Recording::new(vec![
            series("a", &[(120, 3.0), (0, 1.0), (60, 2.0)]),
            series("b", &[(60, 5.0)]),
            series("a", &[(60, 9.0), (180, 4.0)]),
        ])
        .unwrap();
        assert_eq!(recording.series().len(), 2);
        assert_eq!(
            recording.series()[0].samples,
            [(0, 1.0), (60, 9.0), (120, 3.0), (180, 4.0)]
        );
        assert_eq!(recording.interval_seconds(), 60);
        assert_eq!((recording.start(), recording.steps()), (0, 4));
        let grid = recording.resample(&GridOptions::default()).unwrap();
        assert_eq!(grid.start, "1970-01-01T00:00:00Z");
        assert_eq!(grid.end, "1970-01-01T00:04:00Z");
        assert_eq!(grid.series[0].duplicates, 1);
        assert_eq!(grid.series[1].values, [0.0, 5.0, 0.0, 0.0]);
        assert_eq!(
            grid.warnings,
            [
                "a: 1 rows repeated a timestamp; the later row was used",
                "b: 3 min without a sample to use, counted as not running (0 ACU)"
            ]
        );
        let small = GridOptions {
            max_steps: 3,
            ..GridOptions::default()
        };
        assert_eq!(
            recording.resample(&small).unwrap_err().message,
            "the samples span 4 steps of 60 s; at most 3 fit"
        );
    }

    #[test]
    fn recordings_it_cannot_lay_out_are_refused() {
        let one = |t: i64| series("x", &[(t, 1.0)]);
        let message = |r: Result<Recording, ReadError>| r.unwrap_err().message;
        assert_eq!(
            message(Recording::new(vec![one(0)])),
            "needs at least two samples of one series to find the sampling interval"
        );
        let many = (0..17)
            .map(|i| series(&format!("s{i}"), &[(0, 1.0)]))
            .collect();
        assert_eq!(
            message(Recording::new(many)),
            "at most 16 instances (a writer and 15 readers), got 17"
        );
        let daily = series("d", &[(0, 1.0), (90_000, 1.0)]);
        assert_eq!(
            message(Recording::new(vec![daily])),
            "the median spacing of the samples is 90000 s; at most 86400 s (one day) can be replayed"
        );
        // Extreme times saturate instead of overflowing.
        let wide = series(
            "w",
            &[
                (i64::MIN, 1.0),
                (0, 1.0),
                (1, 1.0),
                (2, 1.0),
                (3, 1.0),
                (i64::MAX, 1.0),
            ],
        );
        let recording = Recording::new(vec![wide]).unwrap();
        assert_eq!(recording.steps(), u64::MAX);
        assert!(recording.resample(&GridOptions::default()).is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(duration(3725), "1 h 2 min 5 s");
        assert_eq!(duration(0), "0 s");
        assert_eq!(duration(3600), "1 h");
    }
}
