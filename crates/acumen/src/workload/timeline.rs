//! Demand over time, in ACUs: workload shapes turned into a timeline.
//!
//! A [`Timeline`] is a run of segments, each a whole number of seconds at a
//! constant demand, covering the billed month from Monday 00:00. Everything
//! downstream (ideal tracking, the bill) walks segments, never seconds, so
//! the cost of a month of steady demand is one step.
//!
//! Size: a timeline built by [`crate::Scenario::validate`] covers at most one
//! 744-hour month (2,678,400 seconds), so it has at most that many segments
//! (16 bytes each, about 43 MB) however long the input trace is. Lengths add
//! up saturating, so even a hand-built timeline cannot overflow or panic.

use alloc::vec::Vec;

/// Seconds in an hour.
pub const HOUR: u64 = 3_600;
/// Seconds in a week.
pub const WEEK: u64 = 7 * 24 * HOUR;

/// One stretch of constant demand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Length in seconds (never zero in a built timeline).
    pub seconds: u64,
    /// Demand in ACUs (finite, non-negative).
    pub acu: f64,
}

/// Demand over the month as consecutive segments.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    segments: Vec<Segment>,
}

impl Timeline {
    /// An empty timeline.
    pub fn new() -> Timeline {
        Timeline::default()
    }

    /// An empty timeline with room for `segments` segments.
    pub fn with_capacity(segments: usize) -> Timeline {
        Timeline {
            segments: Vec::with_capacity(segments),
        }
    }

    /// Appends `seconds` at `acu`, merging with the last segment when equal.
    pub fn push(&mut self, seconds: u64, acu: f64) {
        if seconds == 0 {
            return;
        }
        match self.segments.last_mut() {
            Some(last) if last.acu == acu => last.seconds = last.seconds.saturating_add(seconds),
            _ => self.segments.push(Segment { seconds, acu }),
        }
    }

    /// The segments in time order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Total length in seconds.
    pub fn seconds(&self) -> u64 {
        self.segments
            .iter()
            .fold(0u64, |total, s| total.saturating_add(s.seconds))
    }

    /// The highest demand.
    pub fn peak(&self) -> f64 {
        self.segments
            .iter()
            .fold(0.0, |m, s| if s.acu > m { s.acu } else { m })
    }

    /// As [`Timeline::repeat`], taking the pattern: one that spans exactly
    /// `total` seconds already is returned as it is, without a copy (a month
    /// of one-second samples is millions of segments).
    pub fn repeat_owned(pattern: Timeline, total: u64) -> Timeline {
        if pattern.seconds() == total {
            pattern
        } else {
            Timeline::repeat(&pattern, total)
        }
    }

    /// A timeline of `total` seconds made by repeating `pattern` from its
    /// start (and cutting the last repetition short).
    pub fn repeat(pattern: &Timeline, total: u64) -> Timeline {
        let mut out = Timeline::new();
        let period = pattern.seconds();
        if period == 0 {
            return out;
        }
        let mut left = total;
        while left > 0 {
            for s in &pattern.segments {
                let take = s.seconds.min(left);
                out.push(take, s.acu);
                left -= take;
                if left == 0 {
                    break;
                }
            }
        }
        out
    }

    /// The same span in steps of `step` seconds from the start, each at the
    /// highest demand within it (the last step is cut short when the span
    /// is not a whole number of steps). Capacity that serves the result
    /// serves every second of the original. Takes time in proportion to the
    /// segments and the steps; a `step` of 0 or 1 returns a copy.
    ///
    /// ```
    /// use acumen::workload::Timeline;
    /// let mut t = Timeline::new();
    /// for (seconds, acu) in [(5, 1.0), (1, 4.0), (14, 2.0), (3, 0.5)] {
    ///     t.push(seconds, acu);
    /// }
    /// let coarse = t.coarsen_max(10);
    /// let steps: Vec<(u64, f64)> = coarse.segments().iter().map(|s| (s.seconds, s.acu)).collect();
    /// assert_eq!(steps, [(10, 4.0), (10, 2.0), (3, 0.5)]);
    /// ```
    pub fn coarsen_max(&self, step: u64) -> Timeline {
        if step <= 1 {
            return self.clone();
        }
        let mut out = Timeline::new();
        // Seconds of the current step seen so far, and its highest demand.
        let (mut filled, mut high) = (0u64, 0.0f64);
        for s in &self.segments {
            let mut left = s.seconds;
            while left > 0 {
                if filled == 0 && left >= step {
                    // Whole steps inside this segment keep its demand.
                    let whole = left - left % step;
                    out.push(whole, s.acu);
                    left -= whole;
                    continue;
                }
                let take = left.min(step - filled);
                high = if filled == 0 { s.acu } else { high.max(s.acu) };
                filled += take;
                left -= take;
                if filled == step {
                    out.push(step, high);
                    filled = 0;
                }
            }
        }
        if filled > 0 {
            out.push(filled, high);
        }
        out
    }

    /// Adds `extra` ACUs during each window `[start, end)` (seconds from the
    /// timeline's start; windows sorted and not overlapping).
    pub fn add_windows(&self, windows: &[(u64, u64)], extra: f64) -> Timeline {
        let mut out = Timeline::new();
        let mut t = 0u64;
        let mut w = windows.iter().peekable();
        for s in &self.segments {
            let end = t.saturating_add(s.seconds);
            let mut cursor = t;
            while cursor < end {
                // Skip windows that ended before the cursor.
                while w.peek().is_some_and(|(_, we)| *we <= cursor) {
                    w.next();
                }
                match w.peek() {
                    Some(&&(ws, we)) if ws < end => {
                        if ws > cursor {
                            out.push(ws - cursor, s.acu);
                            cursor = ws;
                        }
                        let stop = we.min(end);
                        out.push(stop - cursor, s.acu + extra);
                        cursor = stop;
                    }
                    _ => {
                        out.push(end - cursor, s.acu);
                        cursor = end;
                    }
                }
            }
            t = end;
        }
        out
    }
}

/// Walks two timelines of equal length together, calling `f(seconds, a, b)`
/// for each stretch where both are constant.
pub fn zip(a: &Timeline, b: &Timeline, mut f: impl FnMut(u64, f64, f64)) {
    let (mut i, mut j) = (0, 0);
    let (mut left_a, mut left_b) = (0u64, 0u64);
    let (sa, sb) = (a.segments(), b.segments());
    loop {
        if left_a == 0 {
            if i == sa.len() {
                break;
            }
            left_a = sa[i].seconds;
            i += 1;
        }
        if left_b == 0 {
            if j == sb.len() {
                break;
            }
            left_b = sb[j].seconds;
            j += 1;
        }
        let step = left_a.min(left_b);
        f(step, sa[i - 1].acu, sb[j - 1].acu);
        left_a -= step;
        left_b -= step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tl(parts: &[(u64, f64)]) -> Timeline {
        let mut t = Timeline::new();
        for &(s, a) in parts {
            t.push(s, a);
        }
        t
    }

    #[test]
    fn push_merges_equal_neighbours() {
        let t = tl(&[(10, 1.0), (5, 1.0), (0, 3.0), (2, 2.0)]);
        assert_eq!(t.segments().len(), 2);
        assert_eq!(t.seconds(), 17);
        assert_eq!(t.peak(), 2.0);
    }

    #[test]
    fn repeat_cuts_the_last_period() {
        let t = Timeline::repeat(&tl(&[(3, 1.0), (2, 2.0)]), 12);
        assert_eq!(
            t.segments(),
            tl(&[(3, 1.0), (2, 2.0), (3, 1.0), (2, 2.0), (2, 1.0)]).segments()
        );
    }

    #[test]
    fn windows_add_demand_inside_them_only() {
        let base = tl(&[(10, 1.0), (10, 2.0)]);
        let t = base.add_windows(&[(5, 12), (18, 25)], 4.0);
        assert_eq!(
            t.segments(),
            tl(&[(5, 1.0), (5, 5.0), (2, 6.0), (6, 2.0), (2, 6.0)]).segments()
        );
        assert_eq!(t.seconds(), 20);
    }

    #[test]
    fn coarsening_keeps_the_span_and_each_step_s_highest_demand() {
        let t = tl(&[(25, 1.0), (2, 3.0), (3, 1.0), (60, 2.0), (1, 0.0)]);
        let coarse = t.coarsen_max(30);
        assert_eq!(
            coarse.segments(),
            tl(&[(30, 3.0), (60, 2.0), (1, 0.0)]).segments()
        );
        assert_eq!(coarse.seconds(), t.seconds());
        // A step longer than the whole span: one step at the peak.
        assert_eq!(t.coarsen_max(1_000).segments(), tl(&[(91, 3.0)]).segments());
        assert_eq!(t.coarsen_max(1), t);
        assert_eq!(t.coarsen_max(0), t);
        assert_eq!(Timeline::new().coarsen_max(60), Timeline::new());
    }

    #[test]
    fn zip_visits_common_stretches() {
        let mut seen = Vec::new();
        zip(
            &tl(&[(4, 1.0), (6, 2.0)]),
            &tl(&[(5, 7.0), (5, 8.0)]),
            |s, a, b| seen.push((s, a, b)),
        );
        assert_eq!(seen, [(4, 1.0, 7.0), (1, 2.0, 7.0), (5, 2.0, 8.0)]);
    }
}
