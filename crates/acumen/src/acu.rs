//! Aurora capacity units, held exactly.
//!
//! Aurora sets and bills capacity on a 0.5-ACU grid, so an [`Acu`] is stored as
//! an integer count of half-ACUs. Nothing downstream ever rounds a capacity.

use core::fmt;

use crate::error::{Error, ErrorCode, Shown};

/// Memory that one ACU provides, in GiB ("each ACU is about 2 GiB of memory").
pub const GIB_PER_ACU: u32 = 2;

/// A capacity in Aurora capacity units (ACUs), exact on the 0.5-ACU grid.
///
/// The absolute range is 0 to 256 ACU (the largest any engine version allows);
/// what a particular engine version accepts is checked by the scenario's
/// validation, not here.
///
/// ```
/// use acumen::Acu;
/// let acu = Acu::from_f64(2.5, "writer.maxAcu")?;
/// assert_eq!(acu.halves(), 5);
/// assert_eq!(acu.to_string(), "2.5");
/// assert!(Acu::from_f64(2.3, "writer.maxAcu").is_err());
/// # Ok::<(), acumen::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Acu(u16);

impl Acu {
    /// Zero capacity: a paused instance.
    pub const ZERO: Acu = Acu(0);
    /// The smallest running capacity, 0.5 ACU.
    pub const HALF: Acu = Acu(1);
    /// The largest capacity any engine version allows, 256 ACU.
    pub const MAX: Acu = Acu(512);
    /// The largest capacity older engine and platform versions allow, 128 ACU.
    pub const LEGACY_MAX: Acu = Acu(256);

    /// A capacity from a count of half-ACUs; `None` above 256 ACU.
    pub const fn from_halves(halves: u16) -> Option<Acu> {
        if halves <= Acu::MAX.0 {
            Some(Acu(halves))
        } else {
            None
        }
    }

    /// The capacity as a count of half-ACUs.
    pub const fn halves(self) -> u16 {
        self.0
    }

    /// The capacity as a float, for display and charts only.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 2.0
    }

    /// Parses a decimal ACU value that must lie on the 0.5 grid in 0..=256.
    ///
    /// `field` names the input in the error (e.g. `writer.maxAcu`).
    pub fn from_f64(value: f64, field: &str) -> Result<Acu, Error> {
        check_finite(value, field)?;
        if !(0.0..=Acu::MAX.as_f64()).contains(&value) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                field,
                format_args!("must be between 0 and 256 ACU, got {}", Shown(value)),
            ));
        }
        // Exact: `value` is in 0..=256, so `value * 2` is exact and fits u16.
        let doubled = value * 2.0;
        if doubled != trunc(doubled) {
            return Err(Error::new(
                ErrorCode::OffGrid,
                field,
                format_args!("must be a multiple of 0.5 ACU, got {}", Shown(value)),
            ));
        }
        Ok(Acu(doubled as u16))
    }

    /// The smallest capacity on the grid that is at least `demand` ACUs,
    /// saturating at 256 ACU. Used to turn a (fractional) demand into the
    /// capacity that would serve it.
    pub fn ceil_from_demand(demand: f64, field: &str) -> Result<Acu, Error> {
        check_finite(demand, field)?;
        if demand < 0.0 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                field,
                format_args!("must not be negative, got {}", Shown(demand)),
            ));
        }
        Ok(Acu::ceil_from_checked_demand(demand))
    }

    /// [`Acu::ceil_from_demand`] for a demand already checked to be finite
    /// and not negative (a validated scenario's): no error to build or
    /// return, which matters when it runs once a second over a month.
    /// Rounded as every need is ([`need_halves`]), capped at [`Acu::MAX`].
    #[inline]
    pub(crate) fn ceil_from_checked_demand(demand: f64) -> Acu {
        let halves = need_halves(demand).min(u32::from(Acu::MAX.0));
        // Capped at 512, so it fits.
        Acu(halves as u16)
    }
}

impl fmt::Display for Acu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 2;
        if self.0.is_multiple_of(2) {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.5")
        }
    }
}

/// Rejects NaN and infinities with an error naming `field`.
pub(crate) fn check_finite(value: f64, field: &str) -> Result<(), Error> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::NotANumber,
            field,
            format_args!("must be a finite number, got {value}"),
        ))
    }
}

/// Demand in ACUs rounded up to the 0.5-ACU grid, in half-ACUs, not
/// clamped to any range: exact for every checked demand (finite,
/// `0..=MAX_DEMAND_ACU`). Larger demand saturates at 2^31 − 1 half-ACUs
/// (unmet anyway); a negative or NaN one gives a meaningless number, so
/// check first (or discard the result).
///
/// No float-to-integer conversion: adding 2^52 leaves the nearest integer
/// in the low bits of the sum, and one comparison turns nearest into up.
/// So a loop over a month of samples stays a vector loop, the shorter for
/// capping the top only (one comparison and a select).
#[inline(always)]
pub(crate) fn need_halves(demand: f64) -> u32 {
    const CAP: f64 = 2_147_483_647.0;
    const MAGIC: f64 = 4_503_599_627_370_496.0; // 2^52
    let halves = demand * 2.0;
    let halves = if halves < CAP { halves } else { CAP };
    let shifted = halves + MAGIC;
    let nearest = shifted.to_bits() as u32;
    nearest + u32::from(shifted - MAGIC < halves)
}

// `f64::trunc`/`f64::ceil` live in std; these cover the non-negative values
// below 2^52 that the crate ever passes, so no float library is needed. The
// round trip goes through `i64`, which every target converts in one
// instruction each way (`u64` takes a dozen on x86-64 without AVX-512).
#[inline]
pub(crate) fn trunc(x: f64) -> f64 {
    (x as i64) as f64
}

#[inline]
pub(crate) fn ceil(x: f64) -> f64 {
    let t = trunc(x);
    // A select rather than a branch: over noisy demand, whether `x` is
    // whole is a coin toss.
    t + f64::from(u8::from(t < x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn need_halves_rounds_every_checked_demand_up_to_the_grid() {
        // Against the rounding through an integer conversion.
        let by_conversion = |d: f64| ceil(d * 2.0) as u32;
        let edges = [
            0.0,
            1e-300,
            0.1,
            0.25,
            0.5,
            0.5000001,
            0.1 + 0.2,
            1.0,
            2.3,
            15.99,
            99_999.75,
            99_999.999_9,
            100_000.0,
        ];
        for d in edges
            .into_iter()
            .chain((0..200_000).map(|i| f64::from(i) * 0.499_97))
        {
            assert_eq!(need_halves(d), by_conversion(d), "{d}");
        }
        assert_eq!(
            (need_halves(0.0), need_halves(1e-300), need_halves(2.3)),
            (0, 1, 5)
        );
        // Beyond the checked range it saturates instead of wrapping.
        assert_eq!(need_halves(1e300), 2_147_483_647);
        assert_eq!(need_halves(f64::INFINITY), 2_147_483_647);
    }

    #[test]
    fn parses_grid_values() {
        assert_eq!(Acu::from_f64(0.0, "f").unwrap(), Acu::ZERO);
        assert_eq!(Acu::from_f64(0.5, "f").unwrap(), Acu::HALF);
        assert_eq!(Acu::from_f64(256.0, "f").unwrap(), Acu::MAX);
        assert_eq!(Acu::from_f64(16.0, "f").unwrap().halves(), 32);
    }

    #[test]
    fn rejects_bad_values_naming_the_field() {
        let e = Acu::from_f64(2.25, "writer.minAcu").unwrap_err();
        assert_eq!(e.code(), ErrorCode::OffGrid);
        assert_eq!(e.field(), "writer.minAcu");
        assert_eq!(e.message(), "must be a multiple of 0.5 ACU, got 2.25");
        // Huge values are shown in exponent form, not in 301 digits.
        let e = Acu::from_f64(1e300, "scaling.maxAcu").unwrap_err();
        assert_eq!(e.message(), "must be between 0 and 256 ACU, got 1e300");
        let e = Acu::from_f64(-2.5e20, "scaling.minAcu").unwrap_err();
        assert_eq!(e.message(), "must be between 0 and 256 ACU, got -2.5e20");
        let e = Acu::ceil_from_demand(-1e300, "demand").unwrap_err();
        assert_eq!(e.message(), "must not be negative, got -1e300");
        assert_eq!(
            Acu::from_f64(f64::NAN, "x").unwrap_err().code(),
            ErrorCode::NotANumber
        );
        assert_eq!(
            Acu::from_f64(f64::INFINITY, "x").unwrap_err().code(),
            ErrorCode::NotANumber
        );
        assert_eq!(
            Acu::from_f64(-0.5, "x").unwrap_err().code(),
            ErrorCode::OutOfRange
        );
        assert_eq!(
            Acu::from_f64(256.5, "x").unwrap_err().code(),
            ErrorCode::OutOfRange
        );
        assert_eq!(
            Acu::from_f64(1e300, "x").unwrap_err().code(),
            ErrorCode::OutOfRange
        );
    }

    #[test]
    fn demand_rounds_up_to_the_grid() {
        assert_eq!(Acu::ceil_from_demand(0.0, "d").unwrap(), Acu::ZERO);
        assert_eq!(Acu::ceil_from_demand(0.01, "d").unwrap(), Acu::HALF);
        assert_eq!(Acu::ceil_from_demand(2.5, "d").unwrap().halves(), 5);
        assert_eq!(Acu::ceil_from_demand(2.51, "d").unwrap().halves(), 6);
        assert_eq!(Acu::ceil_from_demand(1e9, "d").unwrap(), Acu::MAX);
        assert!(Acu::ceil_from_demand(-1.0, "d").is_err());
    }

    #[test]
    fn displays_without_float_noise() {
        assert_eq!(Acu::HALF.to_string(), "0.5");
        assert_eq!(Acu::MAX.to_string(), "256");
        assert_eq!(Acu::from_halves(3).unwrap().to_string(), "1.5");
        assert_eq!(Acu::from_halves(513), None);
    }
}

/// Serialised as a plain number of ACUs (e.g. `2.5`); deserialising checks
/// the 0.5 grid and the 0–256 range.
#[cfg(feature = "serde")]
mod impl_serde {
    use super::Acu;

    impl serde::Serialize for Acu {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_f64(self.as_f64())
        }
    }

    impl<'de> serde::Deserialize<'de> for Acu {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Acu, D::Error> {
            let value = f64::deserialize(deserializer)?;
            Acu::from_f64(value, "").map_err(|e| serde::de::Error::custom(e.message()))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Acu {
    fn schema_name() -> alloc::borrow::Cow<'static, str> {
        alloc::borrow::Cow::Borrowed("Acu")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A capacity in ACUs: a multiple of 0.5 from 0 to 256.",
            "type": "number",
            "minimum": 0,
            "maximum": 256,
            "multipleOf": 0.5
        })
    }
}
