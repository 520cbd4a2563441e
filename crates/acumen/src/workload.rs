//! The workload stage: the kinds of demand a scenario can state
//! ([`Workload`], with [`Spike`]s laid over it) and their expansion into
//! demand over the month, a [`Timeline`].

use alloc::vec::Vec;

use crate::check::MAX_HOURS_PER_MONTH;
use crate::vocabulary::input_struct;

mod expand;
mod timeline;

pub(crate) use expand::{spike_windows, trace_timeline};
pub use timeline::{HOUR, Runs, Segment, Timeline, WEEK, zip};

/// Most samples in one trace: a leap year of one-second samples. Every
/// sample is checked, but only the first month is simulated, so a longer
/// trace costs its validation (about a nanosecond a sample), not more memory.
pub const MAX_TRACE_SAMPLES: usize = 31_622_400;
/// Most spikes in a scenario: each one is laid over the whole month.
pub const MAX_SPIKES: usize = 100;
/// Most hours that `levels` may add up to: the longest month.
pub const MAX_LEVEL_HOURS: f64 = MAX_HOURS_PER_MONTH as f64;

input_struct! {
    /// Hours a month at one demand level.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct Level {
        /// Demand in ACUs.
        pub acu: f64,
        /// Hours a month at this demand.
        pub hours: f64,
    }
}

input_struct! {
    /// A recurring burst of extra demand laid over the workload.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Spike {
        /// Demand added during the spike, in ACUs.
        pub extra_acu: f64,
        /// How often the spike recurs, in hours (24 = daily, 168 = weekly). Default 24.
        pub every_hours: u32,
        /// When the first spike starts, in minutes after Monday 00:00. Default 540 (09:00).
        pub start_minute: u32,
        /// How long each spike lasts, in minutes. Default 15.
        pub duration_minutes: u32,
    }
}

impl Default for Spike {
    fn default() -> Self {
        Spike {
            extra_acu: 0.0,
            every_hours: 24,
            start_minute: 540,
            duration_minutes: 15,
        }
    }
}

input_struct! {
    /// Peak demand during business hours, a lower demand otherwise.
    #[derive(Clone, Debug, PartialEq)]
    pub struct BusinessHours {
        /// Demand during business hours, in ACUs. Default 8.
        pub peak_acu: f64,
        /// Demand outside business hours, in ACUs. Default 1.
        pub off_peak_acu: f64,
        /// Business hours a day: 1 to 24. Default 10.
        pub hours_per_day: u32,
        /// Hour of the day business starts: 0 to 23. Default 8.
        pub start_hour: u32,
        /// Business days a week, counted from Monday: 1 to 7. Default 5.
        pub days_per_week: u32,
    }
}

impl Default for BusinessHours {
    fn default() -> Self {
        BusinessHours {
            peak_acu: 8.0,
            off_peak_acu: 1.0,
            hours_per_day: 10,
            start_hour: 8,
            days_per_week: 5,
        }
    }
}

input_struct! {
    /// Evenly spaced demand samples, repeated to fill the month.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Trace {
        /// Seconds between samples: 1 to 86,400. Default 60.
        pub interval_seconds: u32,
        /// Demand in ACUs, one value per interval, starting Monday 00:00.
        #[cfg_attr(feature = "serde", serde(deserialize_with = "samples::deserialize"))]
        #[cfg_attr(feature = "schema", schemars(with = "Vec<f64>"))]
        pub acu: Vec<f64>,
    }
}

/// How a trace's samples are read.
///
/// A list's usual reading reserves at most 1 MiB up front, whatever its
/// length, for fear of a hint that lies, and then grows by doubling: a
/// month of one-second samples (21 MB) is copied five times on the way.
/// Here a format that knows the length says so, and the reservation trusts
/// it up to the longest trace allowed.
///
/// A format may also hand the samples over whole, which spares a call per
/// sample: the list is asked for as a newtype named [`samples::NEWTYPE`],
/// and a format that holds the samples as doubles already (the npm
/// package, which copies an array of numbers from JS into a list) may answer
/// with an empty list and set the trace's `acu` itself once the value is
/// decoded. Every other format sees a newtype around a list and reads it
/// as before, with the same errors.
#[cfg(feature = "serde")]
#[doc(hidden)]
pub mod samples {
    use alloc::vec::Vec;
    use core::fmt;

    use serde::de::{Deserializer, SeqAccess, Visitor};

    use super::MAX_TRACE_SAMPLES;

    /// The newtype name a trace's samples are asked for under.
    pub const NEWTYPE: &str = "acumen::Samples";

    /// Makes `numbers` what JSON would hold (-0 becomes 0) and returns
    /// where the first NaN or infinity is, if any: one pass with no early
    /// exit (a vector loop; here because the package's own code is built
    /// for size), then a search only if there is one.
    pub fn settle(numbers: &mut [f64]) -> Option<usize> {
        // Adding +0 turns -0 into +0 and leaves every other number as it is.
        let finite = numbers.iter_mut().fold(true, |finite, n| {
            *n += 0.0;
            finite & n.is_finite()
        });
        if finite {
            return None;
        }
        numbers.iter().position(|n| !n.is_finite())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
        d.deserialize_newtype_struct(NEWTYPE, Samples)
    }

    struct Samples;

    impl<'de> Visitor<'de> for Samples {
        type Value = Vec<f64>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            // As a list's usual reading words it.
            f.write_str("a sequence")
        }

        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Vec<f64>, D::Error> {
            d.deserialize_seq(Samples)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<f64>, A::Error> {
            let hint = seq.size_hint().unwrap_or(0).min(MAX_TRACE_SAMPLES + 1);
            let mut samples = Vec::with_capacity(hint);
            while let Some(sample) = seq.next_element()? {
                samples.push(sample);
            }
            Ok(samples)
        }
    }
}

impl Default for Trace {
    fn default() -> Self {
        Trace {
            interval_seconds: 60,
            acu: Vec::new(),
        }
    }
}

/// The demand placed on an instance over time, in ACUs.
///
/// Serialised with the kind as the key, e.g. `{"steady": {"acu": 4}}` in JSON
/// or `[workload.steady]` in TOML, which keeps error paths exact
/// (`workload.steady.acu`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        rename_all = "camelCase",
        rename_all_fields = "camelCase",
        deny_unknown_fields
    )
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Workload {
    /// The same demand all month.
    Steady {
        /// Demand in ACUs (any non-negative number; capacity is the next
        /// 0.5-ACU step up, within the scaling range).
        acu: f64,
    },
    /// A peak during business hours on business days, a lower level otherwise.
    BusinessHours(BusinessHours),
    /// Hours a month at each demand level, in any order. Lets a month be
    /// stated as totals, e.g. 220 h at 16 ACU and 520 h at 2 ACU.
    /// The levels are laid out one after another from the start of the month.
    Levels(Vec<Level>),
    /// A typical week: 168 hourly demands, Monday 00:00 first, repeated.
    Weekly {
        /// Demand in ACUs for each hour of the week (exactly 168 values).
        hourly_acu: Vec<f64>,
    },
    /// Measured or synthetic demand samples, repeated to fill the month.
    Trace(Trace),
}

impl Default for Workload {
    fn default() -> Self {
        Workload::Steady { acu: 4.0 }
    }
}
