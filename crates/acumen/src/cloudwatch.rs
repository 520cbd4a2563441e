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
mod json;
mod metric_json;
mod read;
mod series;
mod time;

/// The CSV line splitting the reader uses, for other CSV inputs (an
/// inventory of instances, say).
pub use csv::split as split_csv_line;
pub use grid::{
    DEFAULT_MAX_GAP_SECONDS, Grid, GridOptions, GridSeries, MAX_INTERVAL_SECONDS, MAX_SERIES,
    Recording, duration, merge_by_name,
};
pub use metric_json::Statistic;
pub use read::{ReadOptions, read};
pub use series::{ReadError, Series};
pub use time::{format_time, parse_time};

/// Reads one CloudWatch CSV export (`stem` names a single unnamed series,
/// the file's name without extension, say) into traces on one regular grid:
/// [`read`], then [`Recording::new`] and [`Recording::resample`].
///
/// ```
/// use acumen::cloudwatch::{read_grid, GridOptions, ReadOptions};
///
/// // The console's export of a writer and a reader, one sample missing.
/// let csv = "\
/// Timestamp,app-writer ServerlessDatabaseCapacity,app-reader ServerlessDatabaseCapacity
/// 2026-09-01T00:00:00.000Z,2,1
/// 2026-09-01T00:05:00.000Z,4,
/// 2026-09-01T00:10:00.000Z,8,2
/// ";
/// let grid = read_grid(csv, "capacity", &ReadOptions::default(), &GridOptions::default())?;
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
/// let error = read_grid("Timestamp,Value\n2026-09-01T00:00:00Z,abc\n", "x", &ReadOptions::default(), &GridOptions::default())
///     .unwrap_err();
/// assert_eq!(error.to_string(), "line 2, column 2: not a number: \"abc\"");
/// # Ok::<(), acumen::cloudwatch::ReadError>(())
/// ```
///
/// # Errors
///
/// Those of [`read`], [`Recording::new`] and [`Recording::resample`].
pub fn read_grid(
    text: &str,
    stem: &str,
    reading: &ReadOptions,
    options: &GridOptions,
) -> Result<Grid, ReadError> {
    let series = read(text, stem, reading, &mut |_| {})?;
    Recording::new(series)?.resample(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec;
    use alloc::vec::Vec;

    /// The hand-written exports of each shape the CLI's replay tests and the
    /// page's import use, read as `acumen replay` reads them.
    fn fixture(name: &str) -> &'static str {
        match name {
            "bad-line" => include_str!("../../../tests/fixtures/cloudwatch/bad-line.csv"),
            "cluster-average" => {
                include_str!("../../../tests/fixtures/cloudwatch/cluster-average.csv")
            }
            "console-two-instances" => {
                include_str!("../../../tests/fixtures/cloudwatch/console-two-instances.csv")
            }
            "gap" => include_str!("../../../tests/fixtures/cloudwatch/gap.csv"),
            "get-metric-data-labelled" => {
                include_str!("../../../tests/fixtures/cloudwatch/get-metric-data-labelled.csv")
            }
            "get-metric-data-writer" => {
                include_str!("../../../tests/fixtures/cloudwatch/get-metric-data-writer.csv")
            }
            "irregular" => include_str!("../../../tests/fixtures/cloudwatch/irregular.csv"),
            "bad-value.json" => include_str!("../../../tests/fixtures/cloudwatch/bad-value.json"),
            "get-metric-data-two-instances.json" => {
                include_str!(
                    "../../../tests/fixtures/cloudwatch/get-metric-data-two-instances.json"
                )
            }
            "get-metric-data-pages.json" => {
                include_str!("../../../tests/fixtures/cloudwatch/get-metric-data-pages.json")
            }
            "get-metric-data-pages-slurped.json" => include_str!(
                "../../../tests/fixtures/cloudwatch/get-metric-data-pages-slurped.json"
            ),
            "get-metric-statistics-writer.json" => {
                include_str!("../../../tests/fixtures/cloudwatch/get-metric-statistics-writer.json")
            }
            _ => "",
        }
    }

    /// Per series: name, samples, gaps, gap seconds, held seconds, irregular spacings.
    type Facts = (String, usize, usize, u64, u64, usize);

    fn read_fixture(name: &str) -> Result<(u32, String, String, Vec<Facts>), ReadError> {
        let grid = read_grid(
            fixture(name),
            name,
            &ReadOptions::default(),
            &GridOptions::default(),
        )?;
        let facts = grid.series.iter().map(|s| {
            let name = s.name.clone();
            (
                name,
                s.samples,
                s.gaps,
                s.gap_seconds,
                s.held_seconds,
                s.irregular_spacings,
            )
        });
        Ok((grid.interval_seconds, grid.start, grid.end, facts.collect()))
    }

    fn facts(
        name: &str,
        samples: usize,
        gaps: usize,
        gap: u64,
        held: u64,
        irregular: usize,
    ) -> Facts {
        (String::from(name), samples, gaps, gap, held, irregular)
    }

    #[test]
    fn every_fixture_is_read_as_the_cli_reads_it() {
        let hour = |end: &str| (String::from("2026-09-01T00:00:00Z"), String::from(end));
        let cases = [
            (
                "console-two-instances",
                300,
                hour("2026-09-01T01:00:00Z"),
                vec![
                    facts("app-writer", 12, 0, 0, 0, 0),
                    facts("app-reader", 12, 0, 0, 0, 0),
                ],
            ),
            (
                "get-metric-data-labelled",
                600,
                hour("2026-09-01T01:00:00Z"),
                vec![
                    facts("app-writer", 6, 0, 0, 0, 0),
                    facts("app-reader", 6, 0, 0, 0, 0),
                ],
            ),
            (
                "get-metric-data-writer",
                300,
                hour("2026-09-01T01:00:00Z"),
                vec![facts("get-metric-data-writer", 12, 0, 0, 0, 0)],
            ),
            (
                "cluster-average",
                300,
                hour("2026-09-01T01:00:00Z"),
                vec![facts("DBClusterIdentifier=app", 12, 0, 0, 0, 0)],
            ),
            (
                "gap",
                300,
                hour("2026-09-01T02:00:00Z"),
                vec![facts("gap", 18, 1, 1800, 1800, 0)],
            ),
            (
                "irregular",
                60,
                hour("2026-09-01T00:10:00Z"),
                vec![facts("irregular", 10, 0, 0, 0, 6)],
            ),
        ];
        for (name, interval, (start, end), series) in cases {
            assert_eq!(
                read_fixture(name).unwrap(),
                (interval, start, end, series),
                "{name}"
            );
        }
        let grid = read_grid(
            fixture("cluster-average"),
            "c",
            &ReadOptions::default(),
            &GridOptions::default(),
        )
        .unwrap();
        assert!(grid.series[0].cluster_level);
        let grid = read_grid(
            fixture("gap"),
            "gap",
            &ReadOptions::default(),
            &GridOptions::default(),
        )
        .unwrap();
        assert_eq!(
            grid.warnings,
            ["gap: 1 gap, 30 min in all; the last value was held for 30 min (at most 1 h per gap)"]
        );
    }

    fn grid_of(name: &str, stem: &str, reading: &ReadOptions) -> Grid {
        read_grid(fixture(name), stem, reading, &GridOptions::default()).unwrap()
    }

    #[test]
    fn the_aws_clis_json_reads_as_the_csv_of_the_same_data() {
        let csv = grid_of("console-two-instances", "c", &ReadOptions::default());
        for json in [
            "get-metric-data-two-instances.json",
            "get-metric-data-pages.json",
            "get-metric-data-pages-slurped.json",
        ] {
            // Same names, samples, grid and values; and no warning: the
            // second page completes the first page's PartialData.
            assert_eq!(grid_of(json, "j", &ReadOptions::default()), csv, "{json}");
        }

        let stem = "get-metric-data-writer";
        let csv = grid_of(stem, stem, &ReadOptions::default());
        let json = grid_of(
            "get-metric-statistics-writer.json",
            stem,
            &ReadOptions::default(),
        );
        assert_eq!(json.series, csv.series);
        assert_eq!(
            json.warnings,
            [
                "get-metric-data-writer: the values are each datapoint's Average \
              (get-metric-statistics); the file also has Maximum"
            ]
        );
        let maximum = ReadOptions {
            statistic: Statistic::Maximum,
        };
        let json = grid_of("get-metric-statistics-writer.json", stem, &maximum);
        // Each datapoint's Maximum is the larger of its Average and the next one's.
        assert_eq!(
            json.series[0].values,
            [0.5, 0.5, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0, 0.5]
        );
    }

    #[test]
    fn a_bad_json_value_names_its_path_line_and_column() {
        let error = read_grid(
            fixture("bad-value.json"),
            "bad",
            &ReadOptions::default(),
            &GridOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            error.in_file("bad-value.json"),
            "bad-value.json:59: column 17: at MetricDataResults[1].Values[5]: expected a number, found null"
        );
        assert_eq!(
            error.path.as_deref(),
            Some("MetricDataResults[1].Values[5]")
        );
    }

    #[test]
    fn a_bad_fixture_names_its_line_and_column() {
        let error = read_fixture("bad-line").unwrap_err();
        assert_eq!(
            error.in_file("bad-line.csv"),
            "bad-line.csv:4: column 2: not a number: \"abc\""
        );
        assert_eq!((error.line, error.column), (Some(4), Some(2)));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn the_grid_serialises_as_the_page_reads_it() {
        let grid = read_grid(
            fixture("gap"),
            "gap",
            &ReadOptions::default(),
            &GridOptions::default(),
        )
        .unwrap();
        let json = serde_json::to_value(&grid).unwrap();
        for key in ["intervalSeconds", "start", "end", "series", "warnings"] {
            assert!(json.get(key).is_some(), "{key}");
        }
        let series = &json["series"][0];
        for key in [
            "name",
            "clusterLevel",
            "values",
            "samples",
            "duplicates",
            "firstSample",
            "lastSample",
            "gaps",
            "gapSeconds",
            "heldSeconds",
            "unrecordedSeconds",
            "irregularSpacings",
        ] {
            assert!(series.get(key).is_some(), "{key}");
        }
        let error = read_fixture("bad-line").unwrap_err();
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({"line": 4, "column": 2, "path": null, "message": "not a number: \"abc\""})
        );
    }
}
