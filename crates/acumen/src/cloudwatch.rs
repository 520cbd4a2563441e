//! Recorded capacity: CloudWatch exports of `ServerlessDatabaseCapacity`
//! (or any demand in ACU) as CSV, read into traces on one regular grid.
//!
//! Reading is in stages, each usable on its own:
//!
//! 1. [`read`]: CSV text → [`Series`] of `(Unix second, ACU)` samples in file
//!    order. The shapes (the console's wide "Download as CSV", the long
//!    `get-metric-data` CSV with or without `Id`/`Label`, a headerless
//!    `timestamp,value` file) and the timestamps ([`parse_time`]) are
//!    described there. An error says where: [`ReadError`] has the line and
//!    column.
//! 2. [`Recording::new`]: series (of one file or several) merged by name,
//!    sorted, without repeated timestamps, and the grid found: its step is
//!    the median spacing of the samples.
//! 3. [`Recording::resample`]: every series on the grid, a value held across
//!    a gap for at most the hold limit, and what was found (gaps, held and
//!    unrecorded time, irregular spacing, repeats) as numbers per series and
//!    as sentences: a [`Grid`].
//!
//! [`read_grid`] does all three for one text.
//!
//! Nothing here panics on any input: errors are values, times saturate.

mod csv;
mod grid;
mod read;
mod time;

pub use grid::{
    DEFAULT_MAX_GAP_SECONDS, Grid, GridOptions, GridSeries, MAX_INTERVAL_SECONDS, MAX_SERIES,
    Recording, duration, merge_by_name,
};
pub use read::{ReadError, Series, read};
pub use time::{format_time, parse_time};

/// Reads one CloudWatch CSV export (`stem` names a single unnamed series,
/// the file's name without extension, say) into traces on one regular grid:
/// [`read`], then [`Recording::new`] and [`Recording::resample`].
///
/// ```
/// use acumen::cloudwatch::{read_grid, GridOptions};
///
/// // The console's export of a writer and a reader, one sample missing.
/// let csv = "\
/// Timestamp,app-writer ServerlessDatabaseCapacity,app-reader ServerlessDatabaseCapacity
/// 2026-09-01T00:00:00.000Z,2,1
/// 2026-09-01T00:05:00.000Z,4,
/// 2026-09-01T00:10:00.000Z,8,2
/// ";
/// let grid = read_grid(csv, "capacity", &GridOptions::default())?;
/// assert_eq!(grid.interval_seconds, 300);
/// assert_eq!((grid.start.as_str(), grid.end.as_str()),
///            ("2026-09-01T00:00:00Z", "2026-09-01T00:15:00Z"));
/// let [writer, reader] = &grid.series[..] else { unreachable!() };
/// assert_eq!((writer.name.as_str(), &writer.values[..]), ("app-writer", &[2.0, 4.0, 8.0][..]));
/// // The reader's missing sample is a gap, shorter than the hold limit: the
/// // last value is held across it, and a warning says so.
/// assert_eq!(reader.values, [1.0, 1.0, 2.0]);
/// assert_eq!((reader.gaps, reader.held_seconds), (1, 300));
/// assert_eq!(grid.warnings, ["app-reader: 1 gap, 5 min in all; \
///     the last value was held for 5 min (at most 1 h per gap)"]);
///
/// // Errors name the line and column.
/// let error = read_grid("Timestamp,Value\n2026-09-01T00:00:00Z,abc\n", "x", &GridOptions::default())
///     .unwrap_err();
/// assert_eq!(error.to_string(), "line 2, column 2: not a number: \"abc\"");
/// # Ok::<(), acumen::cloudwatch::ReadError>(())
/// ```
///
/// # Errors
///
/// Those of [`read`], [`Recording::new`] and [`Recording::resample`].
pub fn read_grid(text: &str, stem: &str, options: &GridOptions) -> Result<Grid, ReadError> {
    let series = read(text, stem, &mut |_| {})?;
    Recording::new(series)?.resample(options)
}
