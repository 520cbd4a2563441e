//! The per-second kernel: [`simulate_seconds`], one need a second (and
//! [`simulate_following`], the same for a reader whose floor is its
//! writer's capacity).
//!
//! A month of one-second samples is 2.6 million seconds, but a running
//! instance's controller only *does* something in a few of them: the
//! seconds that change capacity (a scale-up, a decay step crossing the
//! 0.5-ACU grid) or pause it. Everything in between changes counters only.
//!
//! The kernel reads the needs a chunk of 4,096 seconds at a time (from a
//! slice, or converting samples as it goes: see [`Source`]) and keeps a copy
//! narrowed to `i16`. It then:
//! - reads aligned blocks of 64 seconds as bit masks (need above capacity,
//!   below it, zero) and takes the counters (detection, hold-down, idle
//!   time), the open lag and the unmet demand off them with a few bit
//!   operations;
//! - moves a scale-down under way straight to its next grid crossing when
//!   need stays below capacity until then ([`Decay`] knows when that is);
//! - hands only the seconds that act to the shared per-second [`step`].
//!
//! So it agrees exactly with [`super::simulate_reference`] (property tests
//! and a fuzz target check it), and its cost follows capacity changes: a
//! month of a noisy daily cycle (4,800 changes) takes about 3 ms, a random
//! walk that changes capacity every 20 s (128,000 changes) about 7 to 10 ms
//! (`cargo bench -p acumen --bench simulate`).

use super::{Input, Outcome, Pausing, Settings, State, decay_without_crossing, flush, step};

/// Seconds in a block: one bit each in a `u64`.
const BLOCK: usize = 64;

/// Seconds narrowed at a time (whole blocks; 8 KiB of `i16`), and the
/// most a [`Source`] is asked for at once.
pub(crate) const CHUNK: usize = 64 * BLOCK;

/// The largest need the narrow copy holds exactly.
const NARROW_MAX: i16 = i16::MAX;

/// Decay seconds counted ahead at most (see [`Decay`]).
const DECAY_AHEAD: u64 = 256;

/// Simulates one instance over one need a second: `needs[i]` is the
/// capacity the demand needs in second `i`, in half-ACUs (not clamped to the
/// maximum). The instance has no floor from a writer and counts as active
/// whenever its need is above zero.
///
/// The result equals [`super::simulate`] over the inputs
/// [`Input::one_second`] makes of it. The needs are read as a compact slice, and the seconds in which
/// nothing but counters change are taken 64 at a time as bit masks, which
/// makes a month of one-second samples a matter of milliseconds.
///
/// ```
/// use acumen::sim::{simulate_seconds, Controller, Pausing, Settings};
/// let settings = Settings { min: 1, max: 32, pausing: Pausing::Never, initial: 8,
///                           controller: Controller::default() };
/// // Two minutes at 4 ACU, then two minutes at 8 ACU.
/// let needs: Vec<u32> = [8; 120].into_iter().chain([16; 120]).collect();
/// let out = simulate_seconds(&settings, &needs);
/// assert_eq!(out.capacity.first(), Some(&(121, 8)));
/// assert_eq!(out.capacity.last().map(|(_, c)| *c), Some(16));
/// ```
pub fn simulate_seconds(settings: &Settings, needs: &[u32]) -> Outcome {
    simulate_source(settings, needs)
}

/// Simulates a reader that follows its writer (promotion tier 0 or 1) over
/// one need a second, as [`simulate_seconds`] does an instance alone: the
/// writer's capacity, given as runs of `(seconds, half-ACUs)` (its
/// [`Outcome::capacity`]), is the reader's floor, and the reader is paused
/// while the writer is (at zero). It is always active otherwise.
///
/// The result equals [`super::simulate`] over one input a second with the
/// need, the writer's capacity as floor, and the writer running whenever
/// its capacity is above zero. Seconds beyond the writer's runs count as
/// the writer paused.
///
/// ```
/// use acumen::sim::{simulate_following, Controller, Pausing, Settings};
/// let settings = Settings { min: 1, max: 32, pausing: Pausing::WithLeader, initial: 4,
///                           controller: Controller::default() };
/// // The reader needs 2 ACU throughout; the writer runs at 8 ACU for a
/// // minute, then pauses for a minute.
/// let out = simulate_following(&settings, &[4; 120], &[(60, 16), (60, 0)]);
/// assert_eq!(out.capacity.iter().map(|(_, c)| *c).max(), Some(16));
/// assert_eq!(out.capacity.last(), Some(&(60, 0)));
/// assert_eq!(out.pauses, 1);
/// ```
pub fn simulate_following(settings: &Settings, needs: &[u32], leader: &[(u64, u32)]) -> Outcome {
    simulate_with(settings, needs, Some(Leader::new(leader)))
}

/// The writer's capacity a following reader reads, run by run.
struct Leader<'a> {
    runs: core::slice::Iter<'a, (u64, u32)>,
    /// Seconds left in the current run, and its capacity.
    left: u64,
    capacity: u32,
}

impl<'a> Leader<'a> {
    fn new(runs: &'a [(u64, u32)]) -> Leader<'a> {
        Leader {
            runs: runs.iter(),
            left: 0,
            capacity: 0,
        }
    }

    /// The capacity from here on, and for how many of the next `most`
    /// seconds it holds (at least one); the writer counts as paused past
    /// its last run.
    fn ahead(&mut self, most: usize) -> (u32, usize) {
        while self.left == 0 {
            match self.runs.next() {
                Some(&(seconds, capacity)) => (self.left, self.capacity) = (seconds, capacity),
                None => (self.left, self.capacity) = (u64::MAX, 0),
            }
        }
        let held = usize::try_from(self.left).unwrap_or(usize::MAX).min(most);
        self.left -= held as u64;
        (self.capacity, held)
    }
}

/// Where the kernel reads the needs from, a chunk at a time: a slice of
/// needs, or samples converted as they are read (which spares a month of
/// samples a round trip through memory).
pub(crate) trait Source {
    /// Seconds to simulate (one need each).
    fn seconds(&self) -> usize;
    /// The needs of seconds `from..from + buf.len()`, written into `buf` or
    /// borrowed.
    fn read<'a>(&'a mut self, from: usize, buf: &'a mut [u32]) -> &'a [u32];
}

impl Source for &[u32] {
    fn seconds(&self) -> usize {
        self.len()
    }

    fn read<'a>(&'a mut self, from: usize, buf: &'a mut [u32]) -> &'a [u32] {
        &self[from..from + buf.len()]
    }
}

/// [`simulate_seconds`] over any [`Source`].
pub(crate) fn simulate_source(settings: &Settings, source: impl Source) -> Outcome {
    simulate_with(settings, source, None)
}

/// The kernel over `source`, for an instance alone or, with a `leader`, a
/// reader following it (see [`simulate_following`]).
fn simulate_with(
    settings: &Settings,
    mut source: impl Source,
    mut leader: Option<Leader<'_>>,
) -> Outcome {
    let mut kernel = Kernel {
        s: settings,
        st: State::new(settings),
        out: Outcome::default(),
        decay: Decay::new(),
        following: leader.is_some(),
        floor: 0,
    };
    // Masks are read from a narrow copy of the needs, saturated at
    // `NARROW_MAX`, which leaves every comparison with a capacity below it
    // unchanged; a maximum beyond it (far above any Aurora limit) is stepped.
    // So are the last few seconds, short of a block.
    let seconds = source.seconds();
    let whole = if settings.max < NARROW_MAX as u32 {
        seconds - seconds % BLOCK
    } else {
        0
    };
    let mut buf = [0u32; CHUNK];
    let mut narrow = [0i16; CHUNK];
    let mut from = 0;
    while from < seconds {
        let len = CHUNK.min(seconds - from);
        let chunk = source.read(from, &mut buf[..len]);
        let blocks = whole.saturating_sub(from).min(len);
        for (n, &need) in narrow.iter_mut().zip(&chunk[..blocks]) {
            *n = need.min(NARROW_MAX as u32) as i16;
        }
        let Some(leader) = &mut leader else {
            // An instance alone: the chunk's whole blocks, then the rest.
            // (The follower's loop below, with one stretch a chunk, would
            // give the same; this loop of its own keeps `simulateTrace` 7 %
            // faster in wasm.)
            kernel.run(&chunk[..blocks], &narrow[..blocks], 0, blocks);
            for &need in &chunk[blocks..] {
                kernel.step(need);
            }
            from += len;
            continue;
        };
        // A follower: stretches of one writer capacity (its floor) each.
        let mut at = 0;
        while at < len {
            let (capacity, held) = leader.ahead(len - at);
            kernel.floor = capacity;
            let end = at + held;
            kernel.run(
                &chunk[..blocks],
                &narrow[..blocks],
                at.min(blocks),
                end.min(blocks),
            );
            // Seconds past the whole blocks are stepped.
            for &need in chunk.get(at.max(blocks)..end).unwrap_or_default() {
                kernel.step(need);
            }
            at = end;
        }
        from += len;
    }
    kernel.decay.sync(settings, &mut kernel.st);
    flush(settings, &mut kernel.st, &mut kernel.out);
    kernel.out
}

/// The simulation in progress.
struct Kernel<'a> {
    s: &'a Settings,
    st: State,
    out: Outcome,
    decay: Decay,
    /// Whether this is a reader following its writer, and the writer's
    /// capacity now: the reader's floor (zero while the writer is paused).
    following: bool,
    floor: u32,
}

/// The decay under way, counted rather than applied: the seconds before
/// the next grid crossing are found once per capacity (with the fast path's
/// [`decay_without_crossing`], so both take the same multiplications as
/// [`step`]), and the level is written back only when a step needs it.
/// Decay seconds need not be consecutive: need rising back to the capacity
/// pauses the decay without touching the level.
struct Decay {
    /// Decay seconds from the state's level that leave capacity unchanged
    /// (at most `DECAY_AHEAD`; at that many the next is stepped as if it
    /// crossed), and the level after all of them.
    quiet: u32,
    level_after: f64,
    /// Decay seconds taken since the state's level.
    done: u32,
    /// Whether `quiet` describes the current level and capacity.
    ready: bool,
}

impl Decay {
    fn new() -> Decay {
        Decay {
            quiet: 0,
            level_after: 0.0,
            done: 0,
            ready: false,
        }
    }

    /// Decay seconds that may still pass before one changes capacity.
    fn room(&mut self, s: &Settings, st: &State) -> u32 {
        if !self.ready {
            let (quiet, level) = decay_without_crossing(s, st, DECAY_AHEAD);
            (self.quiet, self.level_after) = (quiet as u32, level);
            self.done = 0;
            self.ready = true;
        }
        self.quiet - self.done
    }

    /// Writes the level reached into the state (before a step reads it).
    /// A step usually comes at the crossing, after all the quiet seconds.
    fn sync(&mut self, s: &Settings, st: &mut State) {
        if self.ready && self.done > 0 {
            st.level = if self.done == self.quiet {
                self.level_after
            } else {
                decay_without_crossing(s, st, u64::from(self.done)).1
            };
            // The state's level now includes them.
            self.quiet -= self.done;
            self.done = 0;
        }
    }
}

impl Kernel<'_> {
    /// Simulates seconds `from..to` of `chunk` (whole blocks), whose narrow
    /// copy is `narrow`; a follower's floor holds throughout.
    fn run(&mut self, chunk: &[u32], narrow: &[i16], from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let st = &self.st;
            if self.following && (self.floor == 0 || self.floor > st.applied || st.paused) {
                // The writer paused: a paused follower only counts; any
                // other change of a follower's (pausing, resuming, rising
                // to the floor) is stepped.
                if self.floor == 0 && st.paused {
                    i = self.leader_paused_run(chunk, i, to);
                    continue;
                }
            } else if st.paused && !matches!(self.s.pausing, Pausing::WithLeader) {
                i = self.paused_run(chunk, i, to);
            } else if !st.paused && st.resuming == 0 {
                i = self.decay_run(chunk, narrow, i, to);
                if i < to {
                    i = self.quiet_run(chunk, narrow, i, to);
                }
            }
            if i < to {
                self.step(chunk[i]);
                i += 1;
            }
        }
    }

    /// One second through the shared [`step`].
    #[inline(always)] // each caller keeps its own branch history
    fn step(&mut self, need: u32) {
        self.decay.sync(self.s, &mut self.st);
        // Alone: `Input::one_second` (the floor stays 0). Following: the
        // writer's capacity as floor, always active, led while it runs.
        let input = Input {
            seconds: 1,
            need,
            floor: self.floor,
            active: self.following || need > 0,
            leader_running: !self.following || self.floor > 0,
        };
        step(self.s, &mut self.st, &input, &mut self.out);
        // The step may have moved the level or the capacity.
        self.decay.ready = false;
    }

    /// Runs the idle seconds of a paused instance from `needs[from]` on, as
    /// [`step`] would; returns the index of the first second with demand.
    fn paused_run(&mut self, needs: &[u32], from: usize, to: usize) -> usize {
        let idle = needs[from..to].iter().take_while(|&&n| n == 0).count();
        let k = idle as u64;
        self.st.paused_for += k;
        self.st.run_len += k;
        self.st.now += k;
        from + idle
    }

    /// Runs seconds `from..to` of a follower paused with its writer, as
    /// [`step`] would: each counts its need as unmet; returns `to`.
    fn leader_paused_run(&mut self, needs: &[u32], from: usize, to: usize) -> usize {
        let seconds = &needs[from..to];
        let k = seconds.len() as u64;
        self.st.run_unmet += seconds.iter().map(|&n| u64::from(n)).sum::<u64>();
        self.st.run_len += k;
        self.st.now += k;
        to
    }

    /// Runs, from `needs[from]` on, the seconds of a running instance in
    /// which the applied capacity stays put. Stops, without touching the
    /// state for it, at the first second that [`step`] must handle (a change
    /// of capacity or a pause) and returns its index (`to` if none; `needs`
    /// is whole blocks). A follower's floor is at most its capacity.
    fn quiet_run(&mut self, needs: &[u32], narrow: &[i16], from: usize, to: usize) -> usize {
        // A scale-up that goes on acts every second: leave it to `step`.
        let (s, st) = (self.s, &self.st);
        if needs[from] > st.applied
            && st.applied < s.max
            && st.up_wait + 1 >= s.controller.detect_up_seconds
        {
            return from;
        }
        let mut i = from;
        while i < to {
            let start = i - i % BLOCK;
            // The block's seconds before `to`.
            let stop = (to - start).min(BLOCK) as u32;
            let (Ok(block), Ok(small)) = (
                <&[u32; BLOCK]>::try_from(&needs[start..start + BLOCK]),
                <&[i16; BLOCK]>::try_from(&narrow[start..start + BLOCK]),
            ) else {
                return i; // not reached: chunks are whole blocks
            };
            let offset = (i - start) as u32;
            let quiet = self.quiet_block(block, small, offset, stop);
            i += quiet as usize;
            if offset + quiet < stop {
                break;
            }
        }
        i
    }

    /// A scale-down under way, while need stays below capacity, goes on at a
    /// pace known in advance: each second multiplies the level, and the
    /// next grid crossing is [`Decay::room`] seconds away. While need stays
    /// below capacity (and above zero, when idleness could pause the
    /// instance) until the next crossing, the seconds before it change
    /// nothing but counters and meet all demand: they are applied at once,
    /// and the crossing is stepped. Returns the index of the first second
    /// not taken (`from` if none).
    fn decay_run(&mut self, needs: &[u32], narrow: &[i16], mut from: usize, to: usize) -> usize {
        let s = self.s;
        let may_pause = matches!(s.pausing, Pausing::After(_));
        loop {
            let st = &mut self.st;
            // A follower's capacity does not fall to its floor or below.
            if st.below < s.controller.hold_down_seconds
                || st.applied <= s.min
                || st.applied <= self.floor
            {
                return from;
            }
            let room = self.decay.room(s, st);
            let crossing = from + room as usize;
            let Some(window) = narrow.get(from..crossing + 1).filter(|_| crossing < to) else {
                return from;
            };
            let high = window.iter().fold(0, |high, &need| high.max(need));
            if i32::from(high) >= st.applied as i32 || (may_pause && window.contains(&0)) {
                return from;
            }
            let seconds = u64::from(room);
            st.below += room;
            if room > 0 {
                st.up_wait = 0;
                st.lag_since = None;
                st.idle = 0;
            }
            st.run_len += seconds;
            st.now += seconds;
            self.decay.done += room;
            self.step(needs[crossing]);
            from = crossing + 1;
        }
    }

    /// Applies the quiet seconds of `block` from `offset` on, before
    /// `stop`, and returns how many there were (see [`Kernel::quiet_run`]).
    #[inline(never)] // keeps its vector loops whatever the caller
    fn quiet_block(
        &mut self,
        block: &[u32; BLOCK],
        small: &[i16; BLOCK],
        offset: u32,
        stop: u32,
    ) -> u32 {
        let (s, st) = (self.s, &mut self.st);
        let c = &s.controller;
        let applied = st.applied;
        let len = stop - offset;
        // Bit p is second `offset + p` of the block.
        let level = applied as i16; // below NARROW_MAX
        let above = mask(small, |need| need > level) >> offset;
        // The target (need clamped to the range) is above capacity exactly
        // when need is and capacity is below the maximum.
        let rising = if applied < s.max { above } else { 0 };
        let up = runs_at_least(
            rising,
            u64::from(st.up_wait),
            u64::from(c.detect_up_seconds),
        );
        let idle = match s.pausing {
            Pausing::After(_) => mask(small, |need| need == 0) >> offset,
            _ => 0,
        };
        let pause = match s.pausing {
            Pausing::After(limit) => runs_at_least(idle, st.idle, u64::from(limit) + 1),
            _ => 0,
        };
        let mut end = (up | pause).trailing_zeros().min(len);
        // Need below capacity matters only if its run may reach the
        // hold-down before the stretch ends, or if the stretch runs to the
        // end of the block (the run goes on into the next); a scale-up or a
        // pause ending it resets the count anyway. Below the minimum the
        // target cannot fall.
        // A follower at its floor holds there: its target cannot fall.
        let hold = c.hold_down_seconds;
        let falling = if applied > s.min
            && applied > self.floor
            && (end == len || u64::from(st.below) + u64::from(end) >= u64::from(hold))
        {
            mask(small, |need| need < level) >> offset
        } else {
            0
        };
        let decays = runs_at_least(falling, u64::from(st.below), u64::from(hold)) & low_bits(end);
        if decays != 0 {
            let room = self.decay.room(s, st);
            let count = decays.count_ones();
            if count > room {
                // The decay second after the quiet ones changes capacity.
                end = nth_set_bit(decays, room);
                self.decay.done += room;
            } else {
                self.decay.done += count;
            }
        }
        if end == 0 {
            return 0;
        }
        st.up_wait = run_at_end(rising, u64::from(st.up_wait), end) as u32;
        st.below = run_at_end(falling, u64::from(st.below), end) as u32;
        if let Pausing::After(_) = s.pausing {
            st.idle = run_at_end(idle, st.idle, end);
        }
        // The rise in need still unmet at the end began after the last second
        // in which need was met (or earlier, if it runs through the stretch).
        let open = above & low_bits(end);
        st.lag_since = if open >> (end - 1) & 1 == 0 {
            None
        } else {
            let met = !open & low_bits(end);
            if met == 0 {
                Some(st.lag_since.unwrap_or(st.now))
            } else {
                Some(st.now + u64::from(64 - met.leading_zeros()))
            }
        };
        let quiet = &block[offset as usize..(offset + end) as usize];
        st.run_unmet += unmet(quiet, open, applied);
        st.run_len += u64::from(end);
        st.now += u64::from(end);
        end
    }
}

/// Demand above `applied` in `needs`, in half-ACU-seconds; `above` has bit
/// `p` set where `needs[p] > applied`.
#[inline(always)]
fn unmet(needs: &[u32], above: u64, applied: u32) -> u64 {
    if above.count_ones() <= 64 {
        // Few seconds short: visit just those.
        let mut bits = above;
        let mut sum = 0;
        while bits != 0 {
            sum += u64::from(needs[bits.trailing_zeros() as usize] - applied);
            bits &= bits - 1;
        }
        sum
    } else {
        needs
            .iter()
            .map(|&need| u64::from(need.saturating_sub(applied)))
            .sum()
    }
}

/// The position of the set bit of `bits` that has `n` set bits below it.
#[inline(always)]
fn nth_set_bit(mut bits: u64, n: u32) -> u32 {
    for _ in 0..n {
        bits &= bits - 1;
    }
    bits.trailing_zeros()
}

/// Bit `p` set where `keep(block[p])`. The tests run as a vector loop into
/// one byte a second; each eight bytes are then gathered into eight bits by
/// one multiplication (byte `j`, 0 or 1, lands on bit `56 + j`).
#[inline(always)]
fn mask(block: &[i16; BLOCK], keep: impl Fn(i16) -> bool) -> u64 {
    let mut flags = [0u8; BLOCK];
    for (flag, &need) in flags.iter_mut().zip(block) {
        *flag = u8::from(keep(need));
    }
    let mut bits = 0;
    for (at, eight) in flags.chunks_exact(8).enumerate() {
        let mut word = [0; 8];
        word.copy_from_slice(eight);
        let gathered = u64::from_le_bytes(word).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        bits |= gathered << (8 * at);
    }
    bits
}

/// `n` low bits set (`n` ≤ 64).
#[inline(always)]
fn low_bits(n: u32) -> u64 {
    // Without a branch or a 128-bit shift (several instructions in wasm):
    // `n` = 64 shifts by 0, and the second term fills in every bit.
    ((1u64 << (n & 63)) - 1) | u64::from(n >= 64).wrapping_neg()
}

/// Positions `p` of `mask` at which the run of set bits ending at `p` (with
/// `carry` set bits before bit 0) is at least `k` long.
#[inline(always)]
fn runs_at_least(mask: u64, carry: u64, k: u64) -> u64 {
    if k == 0 || mask == 0 {
        return mask;
    }
    if k > carry + 64 {
        return 0; // no run in a block of 64 can reach `k`
    }
    // Runs inside the block: the `k` bits ending at `p` are all set. Each
    // round doubles the length checked (shifting in zeros from below).
    let mut inner = 0;
    if k <= 64 {
        let (mut all, mut have) = (mask, 1u64);
        while have < k {
            let shift = have.min(k - have);
            all &= all << shift;
            have += shift;
        }
        inner = all;
    }
    // The run that starts before the block: at `p` it is `carry + p + 1` long.
    let lead = mask.trailing_ones();
    let first = k.saturating_sub(carry + 1).min(64) as u32;
    let leading = low_bits(lead) & !low_bits(first);
    inner | leading
}

/// The length of the run of set bits ending at bit `len - 1` of `mask` (with
/// `carry` set bits before bit 0), for `len` ≥ 1.
#[inline(always)]
fn run_at_end(mask: u64, carry: u64, len: u32) -> u64 {
    let zeros = !mask & low_bits(len);
    if zeros == 0 {
        carry + u64::from(len)
    } else {
        u64::from(len - 1 - (63 - zeros.leading_zeros()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_gather_one_bit_a_second() {
        let mut block = [0i16; BLOCK];
        for (p, need) in block.iter_mut().enumerate() {
            *need = (p % 7) as i16;
        }
        let bits = mask(&block, |need| need > 4);
        for p in 0..BLOCK {
            assert_eq!(bits >> p & 1 == 1, p % 7 > 4, "bit {p}");
        }
    }
}
