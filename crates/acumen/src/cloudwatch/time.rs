//! Timestamps as CloudWatch exports write them, to and from Unix seconds.
//!
//! Accepted: ISO 8601 (`2026-09-01T00:05:00Z`, `…00.000Z`, `…+00:00`,
//! `…+0200`, `…+02`, a space instead of `T`, no zone meaning UTC, no seconds)
//! or whole Unix seconds. Fractions of a second round to the nearest second.

use alloc::format;
use alloc::string::String;

/// Parses an ISO 8601 date-time (UTC unless an offset is given) or whole
/// Unix seconds, to Unix seconds (fractions rounded to the nearest second);
/// `None` when the cell is neither.
///
/// ```
/// use acumen::cloudwatch::parse_time;
///
/// assert_eq!(parse_time("2026-09-01T02:05:00+02:00"), Some(1_788_221_100));
/// assert_eq!(parse_time("1788221100"), Some(1_788_221_100));
/// assert_eq!(parse_time("yesterday"), None);
/// ```
#[must_use]
pub fn parse_time(cell: &str) -> Option<i64> {
    let s = cell.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let b = s.as_bytes();
    let (year, month, day) = date(b)?;
    let mut at = 10;
    let (mut hour, mut minute, mut second, mut millis) = (0, 0, 0, 0);
    if matches!(b.get(at), Some(b'T' | b't' | b' ')) {
        hour = digits(b, at + 1, 2)?;
        if b.get(at + 3) != Some(&b':') {
            return None;
        }
        minute = digits(b, at + 4, 2)?;
        at += 6;
        if b.get(at) == Some(&b':') {
            second = digits(b, at + 1, 2)?;
            at += 3;
            if b.get(at) == Some(&b'.') {
                (millis, at) = fraction(b, at + 1)?;
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
    }
    let offset = zone_offset(b.get(at..)?)?;
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset;
    Some(seconds + i64::from(millis >= 500))
}

/// `len` ASCII digits at byte `from`, as a number.
fn digits(b: &[u8], from: usize, len: usize) -> Option<i64> {
    let part = b.get(from..from.checked_add(len)?)?;
    part.iter().try_fold(0i64, |n, d| {
        d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0'))
    })
}

/// `YYYY-MM-DD` at the start, a real calendar date.
fn date(b: &[u8]) -> Option<(i64, i64, i64)> {
    let year = digits(b, 0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some((year, month, day))
}

/// The digits after a decimal point at `start`: milliseconds from the first
/// three, and where the digits end.
fn fraction(b: &[u8], start: usize) -> Option<(i64, usize)> {
    let mut end = start;
    while b.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    if end == start {
        return None;
    }
    let mut millis = 0;
    for k in 0..3 {
        let d = b
            .get(start + k)
            .filter(|_| start + k < end)
            .map_or(0, |d| d - b'0');
        millis = millis * 10 + i64::from(d);
    }
    Some((millis, end))
}

/// The zone after the time: empty or `Z` (UTC), `±HH:MM`, `±HHMM` or `±HH`,
/// as seconds east of UTC. Read as bytes, so that a multi-byte character
/// there is refused rather than split.
fn zone_offset(zone: &[u8]) -> Option<i64> {
    if matches!(zone, [] | [b'Z' | b'z']) {
        return Some(0);
    }
    let sign = match zone.first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let (h, m) = match zone.len() {
        6 if zone.get(3) == Some(&b':') => (digits(zone, 1, 2)?, digits(zone, 4, 2)?),
        5 => (digits(zone, 1, 2)?, digits(zone, 3, 2)?),
        3 => (digits(zone, 1, 2)?, 0),
        _ => return None,
    };
    Some(sign * (h * 3600 + m * 60))
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
///
/// ```
/// assert_eq!(acumen::cloudwatch::format_time(1_788_221_100), "2026-09-01T00:05:00Z");
/// ```
#[must_use]
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
        assert_eq!(parse_time("2026-09-01T00:04:59.5Z"), Some(t));
        assert_eq!(parse_time("2026-09-01T00:05:00.4999Z"), Some(t));
        assert_eq!(parse_time("1788221100"), Some(t));
        assert_eq!(parse_time("2026-02-29T00:00:00Z"), None);
        assert_eq!(parse_time("2024-02-29T00:00:00Z"), Some(1_709_164_800));
        assert_eq!(parse_time("abc"), None);
        assert_eq!(parse_time("2026-09-01T25:00:00Z"), None);
        assert_eq!(parse_time("2026-09-01T00:05:00.Z"), None);
        assert_eq!(parse_time("2026-09-01T02:05+0200"), Some(t));
        assert_eq!(parse_time("2026-09-01T02:05:00+02"), Some(t));
        assert_eq!(parse_time("2026-09-01"), Some(1_788_220_800));
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
        assert_eq!(parse_time("2026-09-01T00:05:00.5\u{e9}"), None);
        assert_eq!(parse_time("2026-\u{e9}9-01"), None);
    }
}
