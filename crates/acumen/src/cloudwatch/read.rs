//! From an export's text to series of samples, in file order: JSON (the
//! AWS CLI's output, read in [`metric_json`](super::metric_json)) told apart
//! from CSV by its first character, the two shapes of CSV by the header row,
//! and errors that say where.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::csv::split;
use super::metric_json::{self, Statistic};
use super::series::{ReadError, Series, new_series};
use super::time::parse_time;

/// How to read an export beyond what its text shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Which statistic of a `get-metric-statistics` datapoint is the value
    /// (default: `Average`). The other shapes hold one value per sample.
    pub statistic: Statistic,
}

/// Where the columns are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Timestamp in column `time`, one series per other column.
    Wide { time: usize },
    /// One sample per row.
    Long {
        time: usize,
        value: usize,
        id: Option<usize>,
        label: Option<usize>,
    },
}

impl Shape {
    /// The shape the header's cell `names` announce, and whether the
    /// "header" is in fact the first row of a headerless `timestamp,value`
    /// file.
    fn of_header(names: &[String], line: usize, header: &str) -> Result<(Shape, bool), ReadError> {
        let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
        let find = |wanted: &[&str]| lower.iter().position(|n| wanted.contains(&n.as_str()));
        if let [time, value] = names
            && parse_time(time).is_some()
            && parse_value(value).is_ok()
        {
            let shape = Shape::Long {
                time: 0,
                value: 1,
                id: None,
                label: None,
            };
            return Ok((shape, true));
        }
        if let (Some(time), Some(value)) = (
            find(&["timestamp", "timestamps", "time", "date"]),
            find(&["value", "values"]),
        ) {
            let shape = Shape::Long {
                time,
                value,
                id: find(&["id"]),
                label: find(&["label"]),
            };
            return Ok((shape, false));
        }
        if names.len() < 2 {
            return Err(ReadError::at_line(
                line,
                format!(
                    "expected a header with a timestamp column and at least one value column, got {:?}",
                    header.trim()
                ),
            ));
        }
        Ok((Shape::Wide { time: 0 }, false))
    }
}

/// Reads a CloudWatch export `text` (`ServerlessDatabaseCapacity` or any
/// demand in ACU) into its series, in order of first appearance; `stem`
/// names a single unnamed series (the file's name without extension, say),
/// and `progress` is called with the fraction of the text read so far.
///
/// Text whose first character is `{` or `[` is the AWS CLI's JSON:
///
/// - **`aws cloudwatch get-metric-data`**: one series per
///   `MetricDataResults` item, named by its `Label` (else its `Id`; by the
///   `Id` when two labels are the same), timestamps in any order (the CLI
///   writes them newest first); `StatusCode` `PartialData` and CloudWatch's
///   `Messages` become [`notes`](Series::notes), a failed query an error;
/// - **`aws cloudwatch get-metric-statistics`**: one series, named `stem`,
///   from each datapoint's `options.statistic` (`Average` unless told);
///
/// and several responses may follow one another or sit in one array (pages
/// of one call: series of the same name are joined later, by
/// [`Recording::new`](super::Recording::new)). An error in JSON has the
/// value's [path](ReadError::path) as well as its line and column.
///
/// Any other text is CSV, its shape told apart by the header row:
///
/// - **wide** (the console's "Download as CSV"): a timestamp in the first
///   column, then one column per series; an empty cell is a missing sample;
/// - **long** (`aws cloudwatch get-metric-data` as CSV): a `Timestamp` and a
///   `Value` column, optionally `Id` and/or `Label` naming the series. A
///   file without a header whose rows are `timestamp,value` is read the same
///   way.
///
/// Blank lines are skipped (and counted in line numbers); a leading byte
/// order mark is ignored. See [`parse_time`](super::parse_time) for the
/// timestamps.
///
/// # Errors
///
/// The first line (or JSON value) that cannot be read, with its [line and
/// column](ReadError); or no rows, or no samples at all.
pub fn read(
    text: &str,
    stem: &str,
    options: &ReadOptions,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<Series>, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(b'{' | b'[') = text.bytes().find(|b| !b.is_ascii_whitespace()) {
        return metric_json::read(text, stem, &options.statistic, progress);
    }
    let total = text.len().max(1) as f64;
    let mut lines = text.split('\n').enumerate().map(|(i, l)| (i + 1, l));
    let mut cells: Vec<Cow<'_, str>> = Vec::new();

    // The header: the first non-blank line.
    let (header_line, header) = lines
        .find(|(_, line)| !line.trim().is_empty())
        .ok_or_else(|| ReadError::whole("no rows"))?;
    split(header, &mut cells).map_err(|e| ReadError::at_line(header_line, e))?;
    let names: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
    let (shape, headerless) = Shape::of_header(&names, header_line, header)?;
    let mut rows = Rows::new(shape, &names, stem);
    if headerless {
        rows.row(header_line, header, &cells)?;
    }

    let mut offset = header.len() + 1;
    let mut next_report = total / 100.0;
    for (n, line) in lines {
        offset += line.len() + 1;
        if offset as f64 >= next_report {
            progress(offset as f64 / total);
            next_report += total / 100.0;
        }
        if line.trim().is_empty() {
            continue;
        }
        split(line, &mut cells).map_err(|e| ReadError::at_line(n, e))?;
        rows.row(n, line, &cells)?;
    }
    progress(1.0);
    rows.finish()
}

/// The series being filled, row by row.
struct Rows<'s> {
    shape: Shape,
    columns: usize,
    stem: &'s str,
    series: Vec<Series>,
    /// Long shape: the series' key (its id, else its label) → its index.
    by_key: Vec<(String, usize)>,
}

impl<'s> Rows<'s> {
    /// In the wide shape every column but the time's is a series from the
    /// start, named after its header (`column N` when empty).
    fn new(shape: Shape, names: &[String], stem: &'s str) -> Rows<'s> {
        let mut series = Vec::new();
        if let Shape::Wide { time } = shape {
            for (i, name) in names.iter().enumerate() {
                if i != time {
                    let name = if name.is_empty() {
                        format!("column {}", i + 1)
                    } else {
                        name.clone()
                    };
                    series.push(new_series(name));
                }
            }
        }
        Rows {
            shape,
            columns: names.len(),
            stem,
            series,
            by_key: Vec::new(),
        }
    }

    /// Line `n` (its text for messages) split into `cells`.
    fn row(&mut self, n: usize, line: &str, cells: &[Cow<'_, str>]) -> Result<(), ReadError> {
        if cells.len() != self.columns {
            return Err(ReadError::at_line(
                n,
                format!(
                    "expected {} columns, got {}: {:?}",
                    self.columns,
                    cells.len(),
                    line.trim_end_matches('\r')
                ),
            ));
        }
        let cell = |i: usize| cells.get(i).map_or("", |c| c.as_ref());
        let time_column = match self.shape {
            Shape::Wide { time } | Shape::Long { time, .. } => time,
        };
        let t = parse_time(cell(time_column)).ok_or_else(|| {
            let message = format!("not a timestamp: {:?}", cell(time_column));
            ReadError::at_cell(n, time_column, message)
        })?;
        match self.shape {
            Shape::Wide { time } => self.wide(n, t, time, cells),
            Shape::Long {
                value, id, label, ..
            } => {
                if cell(value).trim().is_empty() {
                    return Ok(());
                }
                let v = parse_value(cell(value)).map_err(|e| ReadError::at_cell(n, value, e))?;
                let key = id.or(label).map_or("", |c| cell(c).trim());
                let label = label.map_or("", |c| cell(c).trim());
                let slot = self.slot(key, label);
                if let Some(s) = self.series.get_mut(slot) {
                    s.samples.push((t, v));
                }
                Ok(())
            }
        }
    }

    /// A wide row at time `t`: one sample per non-empty value cell.
    fn wide(
        &mut self,
        n: usize,
        t: i64,
        time: usize,
        cells: &[Cow<'_, str>],
    ) -> Result<(), ReadError> {
        let values = cells.iter().enumerate().filter(|(i, _)| *i != time);
        for ((i, cell), series) in values.zip(&mut self.series) {
            if !cell.trim().is_empty() {
                let v = parse_value(cell).map_err(|e| ReadError::at_cell(n, i, e))?;
                series.samples.push((t, v));
            }
        }
        Ok(())
    }

    /// The index of the long shape's series `key`, created on first sight
    /// and named after its label, else its key, else the stem.
    fn slot(&mut self, key: &str, label: &str) -> usize {
        if let Some((_, s)) = self.by_key.iter().find(|(k, _)| k == key) {
            return *s;
        }
        let name = [label, key]
            .into_iter()
            .find(|n| !n.is_empty())
            .unwrap_or(self.stem);
        self.series.push(new_series(name.to_string()));
        let slot = self.series.len() - 1;
        self.by_key.push((key.to_string(), slot));
        slot
    }

    /// The series that have samples; an error when none has.
    fn finish(mut self) -> Result<Vec<Series>, ReadError> {
        self.series.retain(|s| !s.samples.is_empty());
        if self.series.is_empty() {
            return Err(ReadError::whole("no samples"));
        }
        Ok(self.series)
    }
}

/// A capacity value: a finite, non-negative number.
fn parse_value(cell: &str) -> Result<f64, String> {
    let trimmed = cell.trim();
    match trimmed.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Ok(v) if v.is_finite() => Err(format!("must not be negative: {trimmed}")),
        _ => Err(format!("not a number: {trimmed:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn parse(text: &str, file: &str, stem: &str) -> Result<Vec<Series>, String> {
        read(text, stem, &ReadOptions::default(), &mut |_| {}).map_err(|e| e.in_file(file))
    }

    #[test]
    fn wide_and_long_shapes() {
        let wide = "Time,\"a, writer\",b\n2026-09-01T00:00:00Z,1,2\n2026-09-01T00:01:00Z,,3\n";
        let s = parse(wide, "w.csv", "w").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "a, writer");
        assert_eq!(s[0].samples.len(), 1);
        assert_eq!(s[1].samples[1].1, 3.0);

        let long = "Id,Timestamp,Value\nm2,2026-09-01T00:00:00Z,4\nm1,2026-09-01T00:00:00Z,1\nm2,2026-09-01T00:01:00Z,5\n";
        let s = parse(long, "l.csv", "l").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "m2");
        assert_eq!(s[0].samples.len(), 2);

        let bare = "2026-09-01T00:00:00Z,1.5\r\n2026-09-01T00:01:00Z,2\r\n";
        let s = parse(bare, "b.csv", "bare").unwrap();
        assert_eq!(s[0].name, "bare");
        assert_eq!(
            s[0].samples,
            vec![(1_788_220_800, 1.5), (1_788_220_860, 2.0)]
        );
    }

    #[test]
    fn labels_name_series_and_the_metric_name_is_dropped() {
        let text = "\u{feff}Label,Timestamp,Value\n\
                    app-writer ServerlessDatabaseCapacity,2026-09-01T00:00:00Z,1\n\
                    DBClusterIdentifier=app,2026-09-01T00:00:00Z,2\n\
                    ,2026-09-01T00:00:00Z,\n";
        let s = parse(text, "l.csv", "l").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "app-writer");
        assert!(!s[0].cluster_level);
        assert!(s[1].cluster_level);
        let wide = "Timestamp,,ServerlessDatabaseCapacity\n2026-09-01T00:00:00Z,1,2\n";
        let s = parse(wide, "w.csv", "w").unwrap();
        assert_eq!(s[0].name, "column 2");
        assert_eq!(s[1].name, "ServerlessDatabaseCapacity");
    }

    #[test]
    fn errors_name_line_and_column() {
        let bad = "Timestamp,Value\n2026-09-01T00:00:00Z,1\n2026-09-01T00:01:00Z,abc\n";
        assert_eq!(
            parse(bad, "c.csv", "c").unwrap_err(),
            "c.csv:3: column 2: not a number: \"abc\""
        );
        let error = read(bad, "c", &ReadOptions::default(), &mut |_| {}).unwrap_err();
        assert_eq!((error.line, error.column), (Some(3), Some(2)));
        assert_eq!(error.to_string(), "line 3, column 2: not a number: \"abc\"");
        let bad = "Timestamp,Value\nyesterday,1\n";
        assert_eq!(
            parse(bad, "c.csv", "c").unwrap_err(),
            "c.csv:2: column 1: not a timestamp: \"yesterday\""
        );
        let bad = "Timestamp,Value\n2026-09-01T00:00:00Z,1,2\n";
        assert!(
            parse(bad, "c.csv", "c")
                .unwrap_err()
                .starts_with("c.csv:2: expected 2 columns, got 3")
        );
        let bad = "Timestamp,Value\n2026-09-01T00:00:00Z,-1\n";
        assert_eq!(
            parse(bad, "c.csv", "c").unwrap_err(),
            "c.csv:2: column 2: must not be negative: -1"
        );
        assert_eq!(parse("", "e.csv", "e").unwrap_err(), "e.csv: no rows");
        assert_eq!(
            parse("\n\nTimestamp\n", "h.csv", "h").unwrap_err(),
            "h.csv:3: expected a header with a timestamp column and at least one value column, got \"Timestamp\""
        );
        assert_eq!(
            parse("Timestamp,Value\n\"x,1\n", "q.csv", "q").unwrap_err(),
            "q.csv:2: unclosed quote"
        );
        assert_eq!(
            parse("Timestamp,Value\n2026-09-01T00:00:00Z,\n", "n.csv", "n").unwrap_err(),
            "n.csv: no samples"
        );
        let csv = "Timestamp,Value\n2026-09-01T00:25:00+0\u{e9}0,1\n";
        assert_eq!(
            parse(csv, "z.csv", "z").unwrap_err(),
            "z.csv:2: column 1: not a timestamp: \"2026-09-01T00:25:00+0\u{e9}0\""
        );
    }

    #[test]
    fn progress_reaches_one() {
        let mut seen = Vec::new();
        let text = "Timestamp,Value\n2026-09-01T00:00:00Z,1\n2026-09-01T00:01:00Z,2\n";
        read(text, "p", &ReadOptions::default(), &mut |f| seen.push(f)).unwrap();
        assert_eq!(seen.last(), Some(&1.0));
        assert!(seen.iter().all(|f| f.is_finite() && *f > 0.0));
    }
}
