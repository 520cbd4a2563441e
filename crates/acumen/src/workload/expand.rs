//! Each workload kind expanded into demand over a month, checked field by
//! field as it is read.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::timeline::repeat_to;
use super::{BusinessHours, Level, MAX_LEVEL_HOURS, MAX_TRACE_SAMPLES, Spike, Workload};
use super::{HOUR, Timeline, WEEK};
use crate::acu::need_halves;
use crate::check::{
    MAX_DEMAND_ACU, MAX_HOURS_PER_MONTH, check_amount, check_demand, demand_at, out_of_range,
};
use crate::error::{Error, ErrorCode};

/// Remarks on how the input was read: (field, message).
type Notes = Vec<(String, String)>;

impl Workload {
    /// The demand this workload places over a month of `month` seconds,
    /// starting Monday 00:00. `path` prefixes error fields; `notes` collects
    /// remarks on how the input was read.
    pub fn timeline(&self, month: u64, path: &str, notes: &mut Notes) -> Result<Timeline, Error> {
        match self {
            Workload::Steady { acu } => {
                let mut t = Timeline::new();
                t.push(month, check_demand(*acu, &format!("{path}.steady.acu"))?);
                Ok(t)
            }
            Workload::BusinessHours(b) => business_hours(b, month, path),
            Workload::Levels(levels) => levels_timeline(levels, month, path, notes),
            Workload::Weekly { hourly_acu } => weekly(hourly_acu, month, path),
            Workload::Trace(trace) => trace_timeline(
                trace.interval_seconds,
                Cow::Borrowed(&trace.acu),
                month,
                path,
                notes,
            ),
        }
    }
}

/// A peak during business hours, a lower level otherwise, week by week.
fn business_hours(b: &BusinessHours, month: u64, path: &str) -> Result<Timeline, Error> {
    let p = |f: &str| format!("{path}.businessHours.{f}");
    let peak = check_demand(b.peak_acu, &p("peakAcu"))?;
    let off = check_demand(b.off_peak_acu, &p("offPeakAcu"))?;
    if !(1..=24).contains(&b.hours_per_day) {
        return Err(out_of_range(
            &p("hoursPerDay"),
            "between 1 and 24",
            b.hours_per_day,
        ));
    }
    if b.start_hour > 23 {
        return Err(out_of_range(
            &p("startHour"),
            "between 0 and 23",
            b.start_hour,
        ));
    }
    if !(1..=7).contains(&b.days_per_week) {
        return Err(out_of_range(
            &p("daysPerWeek"),
            "between 1 and 7",
            b.days_per_week,
        ));
    }
    // One week, hour by hour; business hours may run past midnight.
    let mut week = [off; 168];
    for day in 0..b.days_per_week {
        for h in 0..b.hours_per_day {
            week[((day * 24 + b.start_hour + h) % 168) as usize] = peak;
        }
    }
    let mut pattern = Timeline::new();
    for acu in week {
        pattern.push(HOUR, acu);
    }
    Ok(Timeline::repeat(&pattern, month))
}

/// Levels laid out one after another from the start of the month.
fn levels_timeline(
    levels: &[Level],
    month: u64,
    path: &str,
    notes: &mut Notes,
) -> Result<Timeline, Error> {
    let too_many = |what: core::fmt::Arguments<'_>| {
        Error::new(ErrorCode::OutOfRange, &format!("{path}.levels"), what)
    };
    if levels.is_empty() {
        return Err(too_many(format_args!("must list at least one level")));
    }
    let mut t = Timeline::new();
    let mut total = 0u64;
    for (i, level) in levels.iter().enumerate() {
        let p = |f: &str| format!("{path}.levels[{i}].{f}");
        let acu = demand_at(level.acu, || p("acu"))?;
        let hours = if (0.0..=MAX_LEVEL_HOURS).contains(&level.hours) {
            level.hours
        } else {
            check_amount(
                level.hours,
                MAX_LEVEL_HOURS,
                &p("hours"),
                "between 0 and 744 hours",
            )?
        };
        let seconds = (hours * 3600.0 + 0.5) as u64;
        total += seconds;
        // Checked as they add up, so a long list is refused early.
        if total > u64::from(MAX_HOURS_PER_MONTH) * HOUR {
            return Err(too_many(format_args!(
                "must add up to at most 744 hours (the longest month), got more by levels[{i}]"
            )));
        }
        t.push(seconds, acu);
    }
    if total == 0 {
        return Err(too_many(format_args!("must add up to more than 0 hours")));
    }
    if total != month {
        notes.push((
            format!("{path}.levels"),
            format!(
                "the levels cover {} h, not the month's {} h; compute is billed for the levels' hours",
                total as f64 / 3600.0,
                month / HOUR
            ),
        ));
    }
    Ok(t)
}

/// A typical week of 168 hourly demands, repeated.
fn weekly(hourly_acu: &[f64], month: u64, path: &str) -> Result<Timeline, Error> {
    if hourly_acu.len() != 168 {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            &format!("{path}.weekly.hourlyAcu"),
            format_args!(
                "must have 168 values (7 days × 24 hours), got {}",
                hourly_acu.len()
            ),
        ));
    }
    let mut pattern = Timeline::new();
    for (i, acu) in hourly_acu.iter().enumerate() {
        pattern.push(
            HOUR,
            check_demand(*acu, &format!("{path}.weekly.hourlyAcu[{i}]"))?,
        );
    }
    Ok(Timeline::repeat(&pattern, month))
}

/// A trace's samples (`acu`, one every `interval_seconds`), repeated (or
/// cut) to fill the month. Samples handed over owned become a per-second
/// timeline's own, without a copy.
pub(crate) fn trace_timeline(
    interval_seconds: u32,
    acu: Cow<'_, [f64]>,
    month: u64,
    path: &str,
    notes: &mut Notes,
) -> Result<Timeline, Error> {
    let p = |f: &str| format!("{path}.trace.{f}");
    if !(1..=86_400).contains(&interval_seconds) {
        return Err(out_of_range(
            &p("intervalSeconds"),
            "between 1 and 86400",
            interval_seconds,
        ));
    }
    if acu.is_empty() || acu.len() > MAX_TRACE_SAMPLES {
        return Err(out_of_range(
            &p("acu"),
            "a list of 1 to 31622400 samples",
            acu.len(),
        ));
    }
    let interval = u64::from(interval_seconds);
    let span = interval * acu.len() as u64;
    // Only the first month is simulated: the samples beyond it are
    // checked but not laid out, so a year-long trace takes no more
    // memory than a month-long one.
    let needed = usize::try_from(month.div_ceil(interval)).unwrap_or(usize::MAX);
    let laid = acu.len().min(needed);
    let pattern = if interval == 1 {
        per_second_month(acu, laid, month, path)?
    } else {
        let (laid, rest) = acu.split_at(laid);
        runs_pattern(laid, rest, interval, path)?
    };
    if let Some(note) = coverage_note(span, month) {
        notes.push((p("acu"), note));
    }
    Ok(Timeline::repeat_owned(pattern, month))
}

/// Samples read at a time (32 KiB, within any level-1 cache).
const SAMPLES_IN_CACHE: usize = 4_096;

/// A per-second trace's first `laid` samples, repeated to fill the
/// `month`, held as samples (see [`Timeline`]); every sample is checked,
/// in one pass with no early exit (a vector loop), and the first bad one
/// is named. The month is filled in place, from the samples already laid
/// out, so a trace a little shorter than the month costs no second copy.
fn per_second_month(
    acu: Cow<'_, [f64]>,
    laid: usize,
    month: u64,
    path: &str,
) -> Result<Timeline, Error> {
    let is_demand = |d: &f64| (0.0..=MAX_DEMAND_ACU).contains(d);
    let seconds = usize::try_from(month).unwrap_or(usize::MAX);
    // Owned samples with room for the month are kept as they are; others
    // are copied as they are read (growing the owned list would copy it
    // anyway, and read it once more).
    let owned = matches!(&acu, Cow::Owned(v) if v.capacity() >= seconds);
    let (samples, rest) = acu.split_at(laid);
    // Checked, rounded and copied a chunk at a time, so the samples are
    // read from memory once; each chunk's needs come from an exact-size
    // iterator (the vectors are allocated once, never zeroed first).
    let mut good = true;
    let mut needs = Vec::with_capacity(seconds);
    let mut copy = Vec::with_capacity(if owned { 0 } else { seconds });
    for chunk in samples.chunks(SAMPLES_IN_CACHE) {
        needs.extend(chunk.iter().map(|d| {
            good &= is_demand(d);
            need_halves(*d)
        }));
        if !owned {
            copy.extend_from_slice(chunk);
        }
    }
    good &= rest.iter().fold(true, |good, d| good & is_demand(d));
    if !good {
        let i = acu.iter().position(|d| !is_demand(d)).unwrap_or(0);
        // The shared check words the error; it fails for this sample.
        let field = format!("{path}.trace.acu[{i}]");
        return Err(match check_demand(acu[i], &field) {
            Err(e) => e,
            Ok(_) => out_of_range(&field, "between 0 and 100000 ACU", acu[i]),
        });
    }
    if owned {
        copy = acu.into_owned();
        copy.truncate(laid);
    }
    repeat_to(&mut copy, seconds);
    repeat_to(&mut needs, seconds);
    Ok(Timeline::per_second(copy, needs))
}

/// A trace's samples laid out as runs of `interval` seconds (and the rest,
/// beyond the month, checked).
fn runs_pattern(laid: &[f64], rest: &[f64], interval: u64, path: &str) -> Result<Timeline, Error> {
    let mut pattern = Timeline::with_capacity(laid.len());
    for (i, acu) in laid.iter().enumerate() {
        pattern.push(
            interval,
            demand_at(*acu, || format!("{path}.trace.acu[{i}]"))?,
        );
    }
    for (i, acu) in rest.iter().enumerate() {
        demand_at(*acu, || format!("{path}.trace.acu[{}]", laid.len() + i))?;
    }
    Ok(pattern)
}

/// How a trace spanning `span` seconds was fitted to the month, if it was.
fn coverage_note(span: u64, month: u64) -> Option<String> {
    if span < month {
        Some(format!(
            "the trace covers {:.2} h and is repeated to fill the {} h month",
            span as f64 / 3600.0,
            month / HOUR
        ))
    } else if span > month {
        Some(format!(
            "the trace covers {:.2} h; only its first {} h (one month) are billed",
            span as f64 / 3600.0,
            month / HOUR
        ))
    } else {
        None
    }
}

/// The windows (start, end) in which `spike` (the `i`th) adds demand over
/// a month of `month` seconds, and the demand it adds.
pub(crate) fn spike_windows(
    spike: &Spike,
    i: usize,
    month: u64,
) -> Result<(Vec<(u64, u64)>, f64), Error> {
    let p = |f: &str| format!("spikes[{i}].{f}");
    let extra = check_demand(spike.extra_acu, &p("extraAcu"))?;
    if spike.every_hours == 0 || u64::from(spike.every_hours) * HOUR > WEEK * 5 {
        return Err(out_of_range(
            &p("everyHours"),
            "between 1 and 840 hours",
            spike.every_hours,
        ));
    }
    let period = u64::from(spike.every_hours) * HOUR;
    let duration = u64::from(spike.duration_minutes) * 60;
    if duration == 0 || duration >= period {
        return Err(out_of_range(
            &p("durationMinutes"),
            "at least 1 minute and shorter than the spike's period",
            spike.duration_minutes,
        ));
    }
    let start = u64::from(spike.start_minute) * 60;
    if start >= period {
        return Err(out_of_range(
            &p("startMinute"),
            "within the first period",
            spike.start_minute,
        ));
    }
    let mut windows = Vec::new();
    let mut at = start;
    while at < month {
        windows.push((at, (at + duration).min(month)));
        at += period;
    }
    Ok((windows, extra))
}
