//! Serverless v2 platform versions: the capacity each allows and the
//! controller parameters the model uses on it.
//!
//! AWS runs Serverless v2 instances on numbered platform versions
//! (`ServerlessV2PlatformVersion`). The version limits the maximum capacity
//! and changes how fast an instance scales. A new cluster gets the region's
//! default version (`DescribeServerlessV2PlatformVersions`, `IsDefault`: "the
//! version used for new DB clusters"), which this crate takes to be the
//! latest, version 4; an existing cluster keeps its version until it is
//! moved (stop and start, or a blue/green switchover).
//!
//! | version | capacity | scaling in the model |
//! |---|---|---|
//! | 1 | 0–128 ACU | proportional scale-up, 7 % a second |
//! | 2 | 0–256 ACU | as version 1 |
//! | 3 | 0–256 ACU | as version 2, plus steps of up to 16 ACU a second (2026) |
//! | 4 | 0–256 ACU | as version 3, with a proportional rate that ramps 45 % faster |
//!
//! `docs/calibration.md` in the repository has every source, and the
//! published measurements each preset is checked against.
//!
//! ```
//! use acumen::platform::PlatformVersion;
//! let v4 = PlatformVersion::DEFAULT;
//! assert_eq!(v4.number(), 4);
//! assert_eq!(v4.controller().burst_step_acu, 16.0);
//! assert_eq!(PlatformVersion::new(1, "platformVersion")?.max_acu().as_f64(), 128.0);
//! assert!(PlatformVersion::new(5, "platformVersion").is_err());
//! # Ok::<(), acumen::Error>(())
//! ```

use crate::acu::Acu;
use crate::check::out_of_range;
use crate::error::{Error, ErrorCode};
use crate::vocabulary::Controller;

/// A Serverless v2 platform version, 1 to 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlatformVersion(u8);

/// Proportional scale-up rate on platform versions 1 to 3: capacity grows
/// by 7 % a second (doubling in about 10 s). An assumption: AWS publishes
/// only the form ("the higher the current capacity, the faster it can scale
/// up"), no rate; the scale-down timings it does publish are met with it.
pub const SCALE_UP_RATE: f64 = 0.07;

/// Proportional scale-up rate on platform version 4. AWS: version 4 "can
/// now scale up to 45.0 % faster" than version 3 (May 2026). Read as a
/// ramp taking 45 % less time, the rate is the one with which the model's
/// ramp from 0.5 to 256 ACU (the benchmark's range, without the burst step
/// that came later) takes 0.55 times as long as at [`SCALE_UP_RATE`]
/// (`tests/calibration.rs` checks the ratio).
pub const PV4_SCALE_UP_RATE: f64 = 0.15;

/// ACUs a scale-up may add within a second on platform versions 3 and 4.
/// AWS What's New (August 2026, on by default on versions 3 and 4):
/// "adding up to 16 ACUs to its current capacity within a second". Low
/// confidence: an earlier wording of the same launch said "reaching up to
/// 12 ACUs within a second".
pub const BURST_STEP_ACU: f64 = 16.0;

/// Seconds between the auto-pause timeout running out and the instance
/// pausing. AWS says pausing "isn't instantaneous"; a published run billed
/// 420 s of capacity for a 15 s wake with a 300 s timeout, so it paused
/// about 108 s past the timeout, the middle of the 35–182 s seen over six
/// cycles of the same study, and within the 61–180 s that the AWS
/// documentation's own CloudWatch example allows.
pub const PAUSE_DELAY_SECONDS: u32 = 108;

impl PlatformVersion {
    /// The version a new cluster gets: the latest.
    pub const DEFAULT: PlatformVersion = PlatformVersion(4);
    /// The latest version this crate knows.
    pub const LATEST: PlatformVersion = PlatformVersion(4);

    /// Checks `number` (1 to 4); the error names `field`.
    pub fn new(number: u8, field: &str) -> Result<PlatformVersion, Error> {
        if (1..=Self::LATEST.0).contains(&number) {
            Ok(PlatformVersion(number))
        } else {
            Err(out_of_range(field, "1, 2, 3 or 4", number))
        }
    }

    /// The version's number.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The largest maximum capacity the version allows: 128 ACU on
    /// version 1, 256 on later ones (AWS, "How Aurora Serverless v2 works").
    pub fn max_acu(self) -> Acu {
        if self.0 == 1 {
            Acu::LEGACY_MAX
        } else {
            Acu::MAX
        }
    }

    /// Checks that `max` is within what the version allows; the error names
    /// `scaling.maxAcu` (the engine version's own limit is checked beside it).
    pub fn check_max(self, max: Acu) -> Result<(), Error> {
        if max <= self.max_acu() {
            return Ok(());
        }
        Err(Error::new(
            ErrorCode::Conflict,
            "scaling.maxAcu",
            format_args!(
                "{max} ACU is above the {} ACU that {self} allows; choose platform version 2 or later (a cluster moves to the latest by a stop and start or a blue/green switchover)",
                self.max_acu()
            ),
        ))
    }

    /// The controller's parameters on this version, before the scenario's
    /// overrides.
    pub fn controller(self) -> Controller {
        let base = Controller {
            detect_up_seconds: 2,
            scale_up_rate: SCALE_UP_RATE,
            burst_step_acu: 0.0,
            hold_down_seconds: 60,
            scale_down_rate: 0.004,
            resume_seconds: 15,
            deep_resume_seconds: 30,
            resume_acu: 2.0,
            pause_delay_seconds: PAUSE_DELAY_SECONDS,
        };
        match self.0 {
            1 | 2 => base,
            3 => Controller {
                burst_step_acu: BURST_STEP_ACU,
                ..base
            },
            _ => Controller {
                burst_step_acu: BURST_STEP_ACU,
                scale_up_rate: PV4_SCALE_UP_RATE,
                ..base
            },
        }
    }
}

impl Default for PlatformVersion {
    fn default() -> Self {
        PlatformVersion::DEFAULT
    }
}

impl core::fmt::Display for PlatformVersion {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "platform version {}", self.0)
    }
}

/// The controller on the default platform version, [`PlatformVersion::DEFAULT`].
impl Default for Controller {
    fn default() -> Self {
        PlatformVersion::DEFAULT.controller()
    }
}
