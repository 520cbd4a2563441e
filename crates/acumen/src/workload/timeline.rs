//! Demand over time, in ACUs: workload shapes turned into a timeline.
//!
//! A [`Timeline`] covers the billed month from Monday 00:00 in one of two
//! layouts:
//! - **runs**: segments, each a whole number of seconds at a constant
//!   demand. Everything downstream walks runs, never seconds, so a month of
//!   steady demand is one step;
//! - **per second**: one sample a second (a per-second trace), kept as the
//!   samples themselves beside each second's need in half-ACUs. A month of
//!   noisy samples would be millions of one-second runs (16 bytes each,
//!   and a conversion to the grid on every pass); as samples it is 12 bytes
//!   a second, converted once, and the simulation reads the needs straight
//!   into its per-second kernel.
//!
//! Both give the same answers: [`Timeline::runs`] walks either as runs
//! (a per-second timeline as one-second runs), and [`Timeline::to_runs`]
//! turns one into the other.
//!
//! Size: a timeline built by [`crate::Scenario::validate`] covers at most one
//! 744-hour month (2,678,400 seconds) however long the input trace is.
//! Lengths add up saturating, so even a hand-built timeline cannot overflow
//! or panic.

use alloc::sync::Arc;
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

/// Demand over the month, as runs or one sample a second.
#[derive(Clone, Debug)]
pub struct Timeline {
    layout: Layout,
}

#[derive(Clone, Debug)]
enum Layout {
    Runs(Vec<Segment>),
    /// Shared: a reader with the writer's demand, or the scenario tried
    /// with another range, costs no copy of a month of samples.
    PerSecond(Arc<PerSecond>),
}

/// Demand one second at a time.
#[derive(Clone, Debug)]
struct PerSecond {
    /// Each second's demand in ACUs (finite, non-negative).
    acu: Vec<f64>,
    /// Each second's demand rounded up to the 0.5-ACU grid, in half-ACUs.
    needs: Vec<u32>,
}

impl Default for Timeline {
    fn default() -> Timeline {
        Timeline::new()
    }
}

/// Timelines are equal when they give the same demand at every second,
/// whatever their layouts.
impl PartialEq for Timeline {
    fn eq(&self, other: &Timeline) -> bool {
        match (&self.layout, &other.layout) {
            (Layout::Runs(a), Layout::Runs(b)) => a == b,
            (Layout::PerSecond(a), Layout::PerSecond(b)) => a.acu == b.acu,
            _ => self.to_runs() == other.to_runs(),
        }
    }
}

impl Timeline {
    /// An empty timeline.
    pub fn new() -> Timeline {
        Timeline {
            layout: Layout::Runs(Vec::new()),
        }
    }

    /// An empty timeline with room for `segments` segments.
    pub fn with_capacity(segments: usize) -> Timeline {
        Timeline {
            layout: Layout::Runs(Vec::with_capacity(segments)),
        }
    }

    /// A per-second timeline: `acu[i]` is the demand in second `i` and
    /// `needs[i]` the same rounded up to the grid in half-ACUs. The caller
    /// has checked every sample (finite, `0..=MAX_DEMAND_ACU`).
    pub(crate) fn per_second(acu: Vec<f64>, needs: Vec<u32>) -> Timeline {
        debug_assert_eq!(acu.len(), needs.len());
        Timeline {
            layout: Layout::PerSecond(Arc::new(PerSecond { acu, needs })),
        }
    }

    /// Appends `seconds` at `acu`, merging with the last segment when equal.
    /// (A per-second timeline is turned into runs first.)
    pub fn push(&mut self, seconds: u64, acu: f64) {
        if seconds == 0 {
            return;
        }
        if let Layout::PerSecond(_) = self.layout {
            *self = self.to_runs();
        }
        let Layout::Runs(segments) = &mut self.layout else {
            return;
        };
        match segments.last_mut() {
            Some(last) if last.acu == acu => last.seconds = last.seconds.saturating_add(seconds),
            _ => segments.push(Segment { seconds, acu }),
        }
    }

    /// The demand as runs in time order: the segments, or one-second runs
    /// of a per-second timeline (equal neighbours not merged).
    pub fn runs(&self) -> Runs<'_> {
        match &self.layout {
            Layout::Runs(segments) => Runs(Layouts::Segments(segments.iter())),
            Layout::PerSecond(p) => Runs(Layouts::Seconds(p.acu.iter())),
        }
    }

    /// How many runs [`Timeline::runs`] walks.
    pub fn run_count(&self) -> usize {
        match &self.layout {
            Layout::Runs(segments) => segments.len(),
            Layout::PerSecond(p) => p.acu.len(),
        }
    }

    /// The same demand as runs, equal neighbours merged.
    ///
    /// ```
    /// use acumen::workload::{Segment, Timeline};
    /// let mut t = Timeline::new();
    /// t.push(60, 2.0);
    /// t.push(30, 2.0);
    /// assert_eq!(t.to_runs().runs().collect::<Vec<_>>(), [Segment { seconds: 90, acu: 2.0 }]);
    /// ```
    pub fn to_runs(&self) -> Timeline {
        if let Layout::Runs(_) = self.layout {
            return self.clone();
        }
        let mut out = Timeline::with_capacity(self.run_count());
        for run in self.runs() {
            out.push(run.seconds, run.acu);
        }
        out
    }

    /// Each second's need in half-ACUs, when the timeline is held one
    /// sample a second.
    pub(crate) fn needs_per_second(&self) -> Option<&[u32]> {
        match &self.layout {
            Layout::Runs(_) => None,
            Layout::PerSecond(p) => Some(&p.needs),
        }
    }

    /// Whether both timelines hold the very same samples (one shared copy,
    /// as a reader with the writer's demand does): equal without a look.
    pub(crate) fn shares_samples_with(&self, other: &Timeline) -> bool {
        match (&self.layout, &other.layout) {
            (Layout::PerSecond(a), Layout::PerSecond(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Each second's demand in ACUs, when the timeline is held one sample
    /// a second.
    pub(crate) fn samples_per_second(&self) -> Option<&[f64]> {
        match &self.layout {
            Layout::Runs(_) => None,
            Layout::PerSecond(p) => Some(&p.acu),
        }
    }

    /// The demand at the first second (0 for an empty timeline).
    pub fn first_acu(&self) -> f64 {
        self.runs().next().map_or(0.0, |run| run.acu)
    }

    /// Total length in seconds.
    pub fn seconds(&self) -> u64 {
        match &self.layout {
            Layout::Runs(segments) => segments
                .iter()
                .fold(0u64, |total, s| total.saturating_add(s.seconds)),
            Layout::PerSecond(p) => p.acu.len() as u64,
        }
    }

    /// The highest demand.
    pub fn peak(&self) -> f64 {
        self.runs()
            .fold(0.0, |m, s| if s.acu > m { s.acu } else { m })
    }

    /// As [`Timeline::repeat`], taking the pattern: one that spans exactly
    /// `total` seconds already is returned as it is, without a copy (a month
    /// of one-second samples is millions of them).
    pub fn repeat_owned(pattern: Timeline, total: u64) -> Timeline {
        if pattern.seconds() == total {
            pattern
        } else {
            Timeline::repeat(&pattern, total)
        }
    }

    /// A timeline of `total` seconds made by repeating `pattern` from its
    /// start (and cutting the last repetition short). A per-second pattern
    /// stays per second.
    pub fn repeat(pattern: &Timeline, total: u64) -> Timeline {
        if let Layout::PerSecond(p) = &pattern.layout {
            let total = usize::try_from(total).unwrap_or(usize::MAX);
            return Timeline::per_second(cycle(&p.acu, total), cycle(&p.needs, total));
        }
        let mut out = Timeline::new();
        let period = pattern.seconds();
        if period == 0 {
            return out;
        }
        let mut left = total;
        while left > 0 {
            for s in pattern.runs() {
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
    /// let steps: Vec<(u64, f64)> = coarse.runs().map(|s| (s.seconds, s.acu)).collect();
    /// assert_eq!(steps, [(10, 4.0), (10, 2.0), (3, 0.5)]);
    /// ```
    pub fn coarsen_max(&self, step: u64) -> Timeline {
        if step <= 1 {
            return self.clone();
        }
        let mut out = Timeline::new();
        // Seconds of the current step seen so far, and its highest demand.
        let (mut filled, mut high) = (0u64, 0.0f64);
        for s in self.runs() {
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
        for s in self.runs() {
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

/// `total` values: `v` repeated from its start (none if `v` is empty).
fn cycle<T: Copy>(v: &[T], total: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&v[..v.len().min(total)]);
    repeat_to(&mut out, total);
    out
}

/// Repeats `v` from its start until it holds `total` values: whole copies
/// (a memory copy each), then a part; nothing if `v` is empty.
pub(crate) fn repeat_to<T: Copy>(v: &mut Vec<T>, total: usize) {
    let period = v.len();
    if period > 0 {
        // Exactly: growing by doubling would allocate up to twice the month.
        v.reserve_exact(total.saturating_sub(period));
    }
    while period > 0 && v.len() < total {
        let take = period.min(total - v.len());
        v.extend_from_within(..take);
    }
}

/// The runs of a [`Timeline`], in time order (see [`Timeline::runs`]).
#[derive(Clone, Debug)]
pub struct Runs<'a>(Layouts<'a>);

#[derive(Clone, Debug)]
enum Layouts<'a> {
    Segments(core::slice::Iter<'a, Segment>),
    Seconds(core::slice::Iter<'a, f64>),
}

impl Iterator for Runs<'_> {
    type Item = Segment;

    #[inline]
    fn next(&mut self) -> Option<Segment> {
        match &mut self.0 {
            Layouts::Segments(it) => it.next().copied(),
            Layouts::Seconds(it) => it.next().map(|&acu| Segment { seconds: 1, acu }),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            Layouts::Segments(it) => it.size_hint(),
            Layouts::Seconds(it) => it.size_hint(),
        }
    }

    fn fold<B, F: FnMut(B, Segment) -> B>(self, init: B, mut f: F) -> B {
        // One loop per layout, so each stays a tight loop.
        match self.0 {
            Layouts::Segments(it) => it.fold(init, |acc, s| f(acc, *s)),
            Layouts::Seconds(it) => it.fold(init, |acc, &acu| f(acc, Segment { seconds: 1, acu })),
        }
    }
}

/// Walks two timelines of equal length together, calling `f(seconds, a, b)`
/// for each stretch where both are constant.
pub fn zip(a: &Timeline, b: &Timeline, mut f: impl FnMut(u64, f64, f64)) {
    let (mut runs_a, mut runs_b) = (a.runs(), b.runs());
    let (mut left_a, mut left_b) = (0u64, 0u64);
    let (mut acu_a, mut acu_b) = (0.0, 0.0);
    loop {
        if left_a == 0 {
            let Some(run) = runs_a.next() else { break };
            (left_a, acu_a) = (run.seconds, run.acu);
        }
        if left_b == 0 {
            let Some(run) = runs_b.next() else { break };
            (left_b, acu_b) = (run.seconds, run.acu);
        }
        let step = left_a.min(left_b);
        f(step, acu_a, acu_b);
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
        assert_eq!(t.run_count(), 2);
        assert_eq!(t.seconds(), 17);
        assert_eq!(t.peak(), 2.0);
    }

    #[test]
    fn repeat_cuts_the_last_period() {
        let t = Timeline::repeat(&tl(&[(3, 1.0), (2, 2.0)]), 12);
        assert_eq!(t, tl(&[(3, 1.0), (2, 2.0), (3, 1.0), (2, 2.0), (2, 1.0)]));
    }

    #[test]
    fn windows_add_demand_inside_them_only() {
        let base = tl(&[(10, 1.0), (10, 2.0)]);
        let t = base.add_windows(&[(5, 12), (18, 25)], 4.0);
        assert_eq!(t, tl(&[(5, 1.0), (5, 5.0), (2, 6.0), (6, 2.0), (2, 6.0)]));
        assert_eq!(t.seconds(), 20);
    }

    #[test]
    fn coarsening_keeps_the_span_and_each_step_s_highest_demand() {
        let t = tl(&[(25, 1.0), (2, 3.0), (3, 1.0), (60, 2.0), (1, 0.0)]);
        let coarse = t.coarsen_max(30);
        assert_eq!(coarse, tl(&[(30, 3.0), (60, 2.0), (1, 0.0)]));
        assert_eq!(coarse.seconds(), t.seconds());
        // A step longer than the whole span: one step at the peak.
        assert_eq!(t.coarsen_max(1_000), tl(&[(91, 3.0)]));
        assert_eq!(t.coarsen_max(1), t);
        assert_eq!(t.coarsen_max(0), t);
        assert_eq!(Timeline::new().coarsen_max(60), Timeline::new());
    }

    /// Seconds `acu` as a per-second timeline.
    fn per_second(acu: &[f64]) -> Timeline {
        let needs = acu.iter().map(|&a| crate::acu::need_halves(a)).collect();
        Timeline::per_second(acu.to_vec(), needs)
    }

    #[test]
    fn a_per_second_timeline_walks_as_one_second_runs() {
        let t = per_second(&[1.0, 1.0, 2.5, 0.0]);
        let runs: Vec<(u64, f64)> = t.runs().map(|r| (r.seconds, r.acu)).collect();
        assert_eq!(runs, [(1, 1.0), (1, 1.0), (1, 2.5), (1, 0.0)]);
        assert_eq!((t.seconds(), t.run_count(), t.peak()), (4, 4, 2.5));
        assert_eq!(t.needs_per_second(), Some(&[2, 2, 5, 0][..]));
        // The same demand as runs, equal neighbours merged, compares equal.
        let runs = tl(&[(2, 1.0), (1, 2.5), (1, 0.0)]);
        assert_eq!(t.to_runs().run_count(), 3);
        assert_eq!(t, runs);
        assert_ne!(t, tl(&[(2, 1.0), (2, 2.5)]));
        assert_eq!(runs.needs_per_second(), None);
    }

    #[test]
    fn a_per_second_timeline_repeats_and_grows_per_second() {
        let t = Timeline::repeat(&per_second(&[1.0, 3.0]), 5);
        assert_eq!(t.needs_per_second(), Some(&[2, 6, 2, 6, 2][..]));
        assert_eq!(t, tl(&[(1, 1.0), (1, 3.0), (1, 1.0), (1, 3.0), (1, 1.0)]));
        assert_eq!(t.coarsen_max(2), tl(&[(4, 3.0), (1, 1.0)]));
        // Pushing onto one turns it into runs.
        let mut grown = per_second(&[1.0, 1.0]);
        grown.push(3, 1.0);
        assert_eq!((grown.run_count(), grown.seconds()), (1, 5));
        assert_eq!(grown.needs_per_second(), None);
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
