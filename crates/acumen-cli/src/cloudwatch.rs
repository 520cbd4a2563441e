//! Reading CloudWatch exports of `ServerlessDatabaseCapacity` as CSV.
//!
//! Two shapes are accepted, told apart by the header row:
//!
//! - **wide** (the console's "Download as CSV"): a timestamp in the first
//!   column, then one column per series (instance); an empty cell is a
//!   missing sample;
//! - **long** (`aws cloudwatch get-metric-data` output turned into CSV): a
//!   `Timestamp` and a `Value` column, and optionally an `Id` and/or `Label`
//!   column naming the series. Without either, the series is named after the
//!   file. A file with no header whose rows are `timestamp,value` is read the
//!   same way.
//!
//! Timestamps are ISO 8601 (`2026-09-01T00:05:00Z`, `…00.000Z`, `…+00:00`, a
//! space instead of `T`, no zone meaning UTC) or whole Unix seconds.
//! Errors name the file, the line and the column.

use std::borrow::Cow;
use std::path::Path;

/// One time series: `(Unix second, ACU)` samples in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The instance (or metric) name.
    pub name: String,
    /// The samples as read.
    pub samples: Vec<(i64, f64)>,
    /// True when the name says it is the cluster-level metric
    /// (`DBClusterIdentifier`), an average over the instances.
    pub cluster_level: bool,
}

/// Why a file could not be used.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be read (exit 3).
    Io(String),
    /// The file's content is wrong (exit 1).
    Invalid(String),
}

/// Reads one CSV file; `progress` is called with the fraction read so far.
pub fn read_file(path: &Path, progress: &mut dyn FnMut(f64)) -> Result<Vec<Series>, ReadError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(format!("{shown}: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| ReadError::Invalid(format!("{shown}: not UTF-8 text")))?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("capacity");
    parse(&text, &shown, stem, progress).map_err(ReadError::Invalid)
}

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

/// Parses CSV `text` read from `file` (used in messages); `stem` names a
/// single unnamed series.
pub fn parse(
    text: &str,
    file: &str,
    stem: &str,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<Series>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let total = text.len().max(1) as f64;
    let mut lines = text.split('\n').enumerate().map(|(i, l)| (i + 1, l));
    let mut cells: Vec<Cow<'_, str>> = Vec::new();

    // The header: the first non-blank line.
    let (header_line, header) = loop {
        match lines.next() {
            None => return Err(format!("{file}: no rows")),
            Some((n, line)) if !line.trim().is_empty() => break (n, line),
            Some(_) => {}
        }
    };
    split(header, &mut cells).map_err(|e| format!("{file}:{header_line}: {e}"))?;
    let names: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
    let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    let find = |wanted: &[&str]| lower.iter().position(|n| wanted.contains(&n.as_str()));

    let headerless =
        names.len() == 2 && parse_time(&names[0]).is_some() && parse_value(&names[1]).is_ok();
    let shape = if headerless {
        Shape::Long {
            time: 0,
            value: 1,
            id: None,
            label: None,
        }
    } else if let (Some(time), Some(value)) = (
        find(&["timestamp", "timestamps", "time", "date"]),
        find(&["value", "values"]),
    ) {
        Shape::Long {
            time,
            value,
            id: find(&["id"]),
            label: find(&["label"]),
        }
    } else {
        if names.len() < 2 {
            return Err(format!(
                "{file}:{header_line}: expected a header with a timestamp column and at least one value column, got {:?}",
                header.trim()
            ));
        }
        Shape::Wide { time: 0 }
    };

    let mut series: Vec<Series> = Vec::new();
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
    let mut by_key: Vec<(String, usize)> = Vec::new();

    let mut process = |n: usize, line: &str, cells: &[Cow<'_, str>]| -> Result<(), String> {
        let at = |col: usize, e: String| format!("{file}:{n}: column {}: {e}", col + 1);
        let expected = names.len();
        if cells.len() != expected {
            return Err(format!(
                "{file}:{n}: expected {expected} columns, got {}: {:?}",
                cells.len(),
                line.trim_end_matches('\r')
            ));
        }
        match shape {
            Shape::Wide { time } => {
                let t = parse_time(&cells[time])
                    .ok_or_else(|| at(time, format!("not a timestamp: {:?}", cells[time])))?;
                let mut k = 0;
                for (i, cell) in cells.iter().enumerate() {
                    if i == time {
                        continue;
                    }
                    if !cell.trim().is_empty() {
                        let v = parse_value(cell).map_err(|e| at(i, e))?;
                        series[k].samples.push((t, v));
                    }
                    k += 1;
                }
            }
            Shape::Long {
                time,
                value,
                id,
                label,
            } => {
                let t = parse_time(&cells[time])
                    .ok_or_else(|| at(time, format!("not a timestamp: {:?}", cells[time])))?;
                if cells[value].trim().is_empty() {
                    return Ok(());
                }
                let v = parse_value(&cells[value]).map_err(|e| at(value, e))?;
                let key = id.or(label).map_or("", |c| cells[c].trim());
                let slot = match by_key.iter().find(|(k, _)| k == key) {
                    Some((_, s)) => *s,
                    None => {
                        let name = label
                            .map(|c| cells[c].trim())
                            .filter(|l| !l.is_empty())
                            .or(Some(key).filter(|k| !k.is_empty()))
                            .unwrap_or(stem);
                        series.push(new_series(name.to_string()));
                        by_key.push((key.to_string(), series.len() - 1));
                        series.len() - 1
                    }
                };
                series[slot].samples.push((t, v));
            }
        }
        Ok(())
    };

    if headerless {
        process(header_line, header, &cells)?;
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
        split(line, &mut cells).map_err(|e| format!("{file}:{n}: {e}"))?;
        process(n, line, &cells)?;
    }
    progress(1.0);
    series.retain(|s| !s.samples.is_empty());
    if series.is_empty() {
        return Err(format!("{file}: no samples"));
    }
    Ok(series)
}

/// A series named after its header or label, without the metric's name
/// when something else is left (`app-writer ServerlessDatabaseCapacity` →
/// `app-writer`).
fn new_series(name: String) -> Series {
    let cluster_level = name.contains("DBClusterIdentifier");
    let short = name
        .replace("ServerlessDatabaseCapacity", " ")
        .trim_matches(|c: char| c.is_whitespace() || "-:()[]/|".contains(c))
        .to_string();
    Series {
        name: if short.is_empty() { name } else { short },
        samples: Vec::new(),
        cluster_level,
    }
}

/// Splits one CSV line into `cells`. Unquoted cells borrow from `line`;
/// quoted ones (rare) are unescaped into owned strings.
fn split<'a>(line: &'a str, cells: &mut Vec<Cow<'a, str>>) -> Result<(), String> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    cells.clear();
    if !line.contains('"') {
        cells.extend(line.split(',').map(Cow::Borrowed));
        return Ok(());
    }
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.trim().is_empty() && !was_quoted => {
                cell.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                cells.push(Cow::Owned(std::mem::take(&mut cell)));
                was_quoted = false;
            }
            (false, c) if was_quoted && c.is_whitespace() => {}
            (false, c) if was_quoted => {
                return Err(format!("unexpected {c:?} after a quoted cell"));
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(String::from("unclosed quote"));
    }
    cells.push(Cow::Owned(cell));
    Ok(())
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

/// Parses an ISO 8601 date-time (UTC unless an offset is given) or whole
/// Unix seconds, to Unix seconds (fractions rounded to the nearest second).
pub fn parse_time(cell: &str) -> Option<i64> {
    let s = cell.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let year = digits(0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let month = digits(5, 2)?;
    let day = digits(8, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut at = 10;
    let (mut hour, mut minute, mut second, mut millis) = (0, 0, 0, 0);
    if matches!(b.get(at), Some(b'T' | b't' | b' ')) {
        hour = digits(at + 1, 2)?;
        if b.get(at + 3) != Some(&b':') {
            return None;
        }
        minute = digits(at + 4, 2)?;
        at += 6;
        if b.get(at) == Some(&b':') {
            second = digits(at + 1, 2)?;
            at += 3;
            if b.get(at) == Some(&b'.') {
                let start = at + 1;
                let mut end = start;
                while b.get(end).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                }
                if end == start {
                    return None;
                }
                // Milliseconds from the first three digits.
                let frac = &s[start..end];
                let ms: String = frac.chars().chain("000".chars()).take(3).collect();
                millis = ms.parse().ok()?;
                at = end;
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
    }
    let offset = match &s[at..] {
        "" | "Z" | "z" => 0,
        zone => {
            let zb = zone.as_bytes();
            let sign = match zb.first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            // Two ASCII digits at byte `at` (bytes, not `str` slices: a
            // multi-byte character there must not split a slice).
            let two = |at: usize| match zb.get(at..at + 2)? {
                [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                    Some(i64::from((a - b'0') * 10 + (b - b'0')))
                }
                _ => None,
            };
            let (h, m) = match zone.len() {
                6 if zb[3] == b':' => (two(1)?, two(4)?),
                5 => (two(1)?, two(3)?),
                3 => (two(1)?, 0),
                _ => return None,
            };
            sign * (h * 3600 + m * 60)
        }
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset;
    Some(seconds + i64::from(millis >= 500))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_time(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rem = seconds.rem_euclid(86_400);
    // Inverse of days_from_civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: f64) {}

    #[test]
    fn timestamps() {
        let t = parse_time("2026-09-01T00:05:00Z").unwrap();
        assert_eq!(t, 1_788_221_100);
        assert_eq!(parse_time("2026-09-01T00:05:00.000Z"), Some(t));
        assert_eq!(parse_time("2026-09-01T00:05:00+00:00"), Some(t));
        assert_eq!(parse_time("2026-09-01T02:05:00+02:00"), Some(t));
        assert_eq!(parse_time("2026-09-01 00:05:00"), Some(t));
        assert_eq!(parse_time("2026-09-01T00:05Z"), Some(t));
        assert_eq!(parse_time("2026-09-01T00:04:59.600Z"), Some(t));
        assert_eq!(parse_time("1788221100"), Some(t));
        assert_eq!(parse_time("2026-02-29T00:00:00Z"), None);
        assert_eq!(parse_time("2024-02-29T00:00:00Z"), Some(1_709_164_800));
        assert_eq!(parse_time("abc"), None);
        assert_eq!(parse_time("2026-09-01T25:00:00Z"), None);
        assert_eq!(parse_time("2026-09-01T02:05+0200"), Some(t));
        assert_eq!(parse_time("2026-09-01T02:05:00+02"), Some(t));
        assert_eq!(format_time(t), "2026-09-01T00:05:00Z");
        assert_eq!(format_time(1_709_164_800), "2024-02-29T00:00:00Z");
    }

    #[test]
    fn a_zone_with_a_multibyte_character_is_rejected_without_panicking() {
        // Found by the `cloudwatch_csv` fuzz target: a five-byte zone whose
        // second and third bytes are inside one character made `&zone[1..3]`
        // panic on a char boundary.
        assert_eq!(parse_time("2026-09-01T00:05+0\u{feff}"), None);
        assert_eq!(parse_time("2026-09-01T00:05+a\u{e9}b"), None);
        assert_eq!(parse_time("2026-09-01T00:05+\u{e9}:00"), None);
        assert_eq!(parse_time("2026-09-01T00:05:00+-1:00"), None);
        let csv = "Timestamp,Value\n2026-09-01T00:25:00+0\u{e9}0,1\n";
        assert_eq!(
            parse(csv, "z.csv", "z", &mut none).unwrap_err(),
            "z.csv:2: column 1: not a timestamp: \"2026-09-01T00:25:00+0\u{e9}0\""
        );
    }

    #[test]
    fn wide_and_long_shapes() {
        let wide = "Time,\"a, writer\",b\n2026-09-01T00:00:00Z,1,2\n2026-09-01T00:01:00Z,,3\n";
        let s = parse(wide, "w.csv", "w", &mut none).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "a, writer");
        assert_eq!(s[0].samples.len(), 1);
        assert_eq!(s[1].samples[1].1, 3.0);

        let long = "Id,Timestamp,Value\nm2,2026-09-01T00:00:00Z,4\nm1,2026-09-01T00:00:00Z,1\nm2,2026-09-01T00:01:00Z,5\n";
        let s = parse(long, "l.csv", "l", &mut none).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "m2");
        assert_eq!(s[0].samples.len(), 2);

        let bare = "2026-09-01T00:00:00Z,1.5\r\n2026-09-01T00:01:00Z,2\r\n";
        let s = parse(bare, "b.csv", "bare", &mut none).unwrap();
        assert_eq!(s[0].name, "bare");
        assert_eq!(
            s[0].samples,
            vec![(1_788_220_800, 1.5), (1_788_220_860, 2.0)]
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        let bad = "Timestamp,Value\n2026-09-01T00:00:00Z,1\n2026-09-01T00:01:00Z,abc\n";
        assert_eq!(
            parse(bad, "c.csv", "c", &mut none).unwrap_err(),
            "c.csv:3: column 2: not a number: \"abc\""
        );
        let bad = "Timestamp,Value\nyesterday,1\n";
        assert_eq!(
            parse(bad, "c.csv", "c", &mut none).unwrap_err(),
            "c.csv:2: column 1: not a timestamp: \"yesterday\""
        );
        let bad = "Timestamp,Value\n2026-09-01T00:00:00Z,1,2\n";
        assert!(
            parse(bad, "c.csv", "c", &mut none)
                .unwrap_err()
                .starts_with("c.csv:2: expected 2 columns, got 3")
        );
        let bad = "Timestamp,Value\n2026-09-01T00:00:00Z,-1\n";
        assert_eq!(
            parse(bad, "c.csv", "c", &mut none).unwrap_err(),
            "c.csv:2: column 2: must not be negative: -1"
        );
        assert_eq!(
            parse("", "e.csv", "e", &mut none).unwrap_err(),
            "e.csv: no rows"
        );
    }
}
