//! Exact money.
//!
//! Amounts are integer **micro-dollars** ([`Money`]); unit prices are integer
//! **nano-dollars** per unit ([`UnitPrice`]), which holds every price AWS
//! publishes (the price list quotes at most nine decimals, e.g. $0.0000002 per
//! I/O request). A line's cost is the exact product of an exact quantity and
//! its unit price, **rounded once** to the nearest micro-dollar, halves
//! rounded up (costs are never negative). A total is the exact sum of its
//! lines. Display rounds to the cent, halves up; that is presentation only.
//!
//! Limits: a [`Money`] holds ±9,223,372,036,854.775807 dollars (an `i64` of
//! micro-dollars), a [`UnitPrice`] from the user at most $1,000,000 a unit.
//! Arithmetic that could leave that range is checked ([`Money::checked_add`],
//! [`Money::checked_sum`], [`Quantity::cost`], …) and returns `None`, which
//! the bill reports as an [`ErrorCode::Overflow`] error, never a wrapped
//! amount or a panic.

use core::fmt;

use crate::error::{Error, ErrorCode};

/// Nano-dollars in one dollar.
const NANOS_PER_USD: i64 = 1_000_000_000;
/// Micro-dollars in one dollar.
const MICROS_PER_USD: i64 = 1_000_000;

/// An amount of US dollars, held exactly as integer micro-dollars.
///
/// ```
/// use acumen::Money;
/// let m = Money::from_micros(547_200_000);
/// assert_eq!(m.to_string(), "$547.20");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Money(i64);

impl Money {
    /// Zero dollars.
    pub const ZERO: Money = Money(0);

    /// An amount from integer micro-dollars.
    pub const fn from_micros(micros: i64) -> Money {
        Money(micros)
    }

    /// The amount in integer micro-dollars.
    pub const fn micros(self) -> i64 {
        self.0
    }

    /// Exact sum; `None` on overflow (beyond ±9.2 trillion dollars).
    pub const fn checked_add(self, other: Money) -> Option<Money> {
        match self.0.checked_add(other.0) {
            Some(v) => Some(Money(v)),
            None => None,
        }
    }

    /// Exact difference; `None` on overflow.
    pub const fn checked_sub(self, other: Money) -> Option<Money> {
        match self.0.checked_sub(other.0) {
            Some(v) => Some(Money(v)),
            None => None,
        }
    }

    /// Exact multiple; `None` on overflow.
    pub const fn checked_mul(self, factor: i64) -> Option<Money> {
        match self.0.checked_mul(factor) {
            Some(v) => Some(Money(v)),
            None => None,
        }
    }

    /// Exact sum of `amounts`; `None` if it (or any partial sum) overflows.
    ///
    /// ```
    /// use acumen::Money;
    /// let lines = [Money::from_micros(350_400_000), Money::from_micros(10_000_000)];
    /// assert_eq!(Money::checked_sum(lines), Some(Money::from_micros(360_400_000)));
    /// assert_eq!(Money::checked_sum([Money::from_micros(i64::MAX), Money::from_micros(1)]), None);
    /// ```
    pub fn checked_sum(amounts: impl IntoIterator<Item = Money>) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |sum, m| sum.checked_add(m))
    }

    /// The amount in whole cents, halves rounded away from zero.
    pub const fn cents_rounded(self) -> i64 {
        let q = self.0 / 10_000;
        let r = self.0 % 10_000;
        if r >= 5_000 {
            q + 1
        } else if r <= -5_000 {
            q - 1
        } else {
            q
        }
    }
}

impl fmt::Display for Money {
    /// `$1,234.56`: rounded to the cent, thousands separated.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cents = self.cents_rounded();
        let sign = if cents < 0 { "-" } else { "" };
        let cents = cents.unsigned_abs();
        f.write_str(sign)?;
        f.write_str("$")?;
        write_grouped(f, cents / 100)?;
        write!(f, ".{:02}", cents % 100)
    }
}

fn write_grouped(f: &mut fmt::Formatter<'_>, n: u64) -> fmt::Result {
    if n >= 1000 {
        write_grouped(f, n / 1000)?;
        write!(f, ",{:03}", n % 1000)
    } else {
        write!(f, "{n}")
    }
}

/// A price per unit, held exactly as integer nano-dollars.
///
/// ```
/// use acumen::UnitPrice;
/// let p = UnitPrice::from_usd(0.12, "prices.acuHour")?;
/// assert_eq!(p.nanos(), 120_000_000);
/// assert_eq!(p.to_string(), "$0.12");
/// # Ok::<(), acumen::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitPrice(i64);

/// The largest unit price accepted from a user: a million dollars per unit.
const MAX_PRICE_USD: f64 = 1_000_000.0;

impl UnitPrice {
    /// A price from integer nano-dollars.
    pub const fn from_nanos(nanos: i64) -> UnitPrice {
        UnitPrice(nanos)
    }

    /// The price in integer nano-dollars per unit.
    pub const fn nanos(self) -> i64 {
        self.0
    }

    /// A price from a decimal dollar amount, rounded to the nearest
    /// nano-dollar (decimal prices with up to nine places convert exactly).
    /// Must be finite, non-negative and at most $1,000,000 per unit.
    pub fn from_usd(usd: f64, field: &str) -> Result<UnitPrice, Error> {
        crate::acu::check_finite(usd, field)?;
        if !(0.0..=MAX_PRICE_USD).contains(&usd) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                field,
                format_args!(
                    "must be between 0 and 1000000 dollars, got {}",
                    crate::error::Shown(usd)
                ),
            ));
        }
        // usd * 1e9 ≤ 1e15 < 2^53, so the product and the +0.5 are exact
        // enough that truncation rounds to the nearest nano-dollar.
        Ok(UnitPrice((usd * NANOS_PER_USD as f64 + 0.5) as i64))
    }

    /// The price in dollars, for display and charts only.
    pub fn as_usd_f64(self) -> f64 {
        self.0 as f64 / NANOS_PER_USD as f64
    }
}

impl fmt::Display for UnitPrice {
    /// `$0.12`, `$0.0000002`: every significant decimal, at least two.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / NANOS_PER_USD;
        let mut frac = self.0 % NANOS_PER_USD;
        let mut digits = 9;
        while digits > 2 && frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        write!(f, "${whole}.{frac:0digits$}")
    }
}

/// An exact quantity `numerator / denominator` of some billing unit, e.g.
/// half-ACU-seconds over 7,200 for ACU-hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    numerator: u128,
    denominator: u64,
}

impl Quantity {
    /// `numerator / denominator` units; `denominator` must be non-zero
    /// (a zero denominator is treated as one).
    pub const fn new(numerator: u128, denominator: u64) -> Quantity {
        Quantity {
            numerator,
            denominator: if denominator == 0 { 1 } else { denominator },
        }
    }

    /// A whole number of units.
    pub const fn whole(units: u64) -> Quantity {
        Quantity::new(units as u128, 1)
    }

    /// The quantity as a float, for display only.
    pub fn as_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }

    /// The cost of this quantity at `price`: the one rounding step, to the
    /// nearest micro-dollar with halves rounded up. `None` when the price is
    /// negative or the cost does not fit a [`Money`] (no wrap, no panic).
    ///
    /// ```
    /// use acumen::{Money, Quantity, UnitPrice};
    /// // 4,560 ACU-hours (as half-ACU-seconds) at $0.12.
    /// let q = Quantity::new(32_832_000, 7_200);
    /// let cost = q.cost(UnitPrice::from_nanos(120_000_000)).unwrap();
    /// assert_eq!(cost, Money::from_micros(547_200_000));
    /// ```
    pub fn cost(self, price: UnitPrice) -> Option<Money> {
        let price = u128::try_from(price.0).ok()?;
        let nanos_numerator = self.numerator.checked_mul(price)?;
        // micro = nano / 1000; one division, rounded half up.
        let divisor = u128::from(self.denominator) * 1000;
        let micros = nanos_numerator.checked_add(divisor / 2)? / divisor;
        i64::try_from(micros).ok().map(Money)
    }
}

/// Micro-dollars per dollar, for converting to display values.
pub const MICROS: i64 = MICROS_PER_USD;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_displays_to_the_cent() {
        assert_eq!(Money::from_micros(0).to_string(), "$0.00");
        assert_eq!(Money::from_micros(4_999).to_string(), "$0.00");
        assert_eq!(Money::from_micros(5_000).to_string(), "$0.01");
        assert_eq!(Money::from_micros(1_234_567_890).to_string(), "$1,234.57");
        assert_eq!(Money::from_micros(-5_000).to_string(), "-$0.01");
        assert_eq!(
            Money::from_micros(1_000_000_000_000).to_string(),
            "$1,000,000.00"
        );
    }

    #[test]
    fn prices_convert_exactly() {
        assert_eq!(UnitPrice::from_usd(0.12, "p").unwrap().nanos(), 120_000_000);
        assert_eq!(UnitPrice::from_usd(0.021, "p").unwrap().nanos(), 21_000_000);
        assert_eq!(UnitPrice::from_usd(0.0000002, "p").unwrap().nanos(), 200);
        assert_eq!(
            UnitPrice::from_usd(0.225, "p").unwrap().to_string(),
            "$0.225"
        );
        assert_eq!(UnitPrice::from_nanos(200).to_string(), "$0.0000002");
        assert_eq!(UnitPrice::from_nanos(1_500_000_000).to_string(), "$1.50");
        assert!(UnitPrice::from_usd(-0.01, "p").is_err());
        assert!(UnitPrice::from_usd(f64::NAN, "p").is_err());
        assert!(UnitPrice::from_usd(2e6, "p").is_err());
    }

    #[test]
    fn cost_rounds_once_half_up() {
        // 1 half-ACU-second at $0.12/ACU-h = 0.12e9 / 7200 nanos = 16,666.67 nanos
        // = 16.67 micros, which rounds to 17.
        let q = Quantity::new(1, 7_200);
        assert_eq!(q.cost(UnitPrice::from_nanos(120_000_000)), Some(Money(17)));
        // Half a unit at 1,000 nanos is exactly 0.5 micro: rounds up to 1.
        assert_eq!(
            Quantity::new(1, 2).cost(UnitPrice::from_nanos(1_000)),
            Some(Money(1))
        );
        // A quarter unit is 0.25 micro: rounds down to 0.
        assert_eq!(
            Quantity::new(1, 4).cost(UnitPrice::from_nanos(1_000)),
            Some(Money(0))
        );
    }

    #[test]
    fn extreme_amounts_are_none_not_a_wrap_or_a_panic() {
        let max = Money::from_micros(i64::MAX);
        assert_eq!(max.checked_add(Money::from_micros(1)), None);
        assert_eq!(Money::from_micros(i64::MIN).checked_sub(Money(1)), None);
        assert_eq!(max.checked_mul(2), None);
        assert_eq!(Money::checked_sum([max, Money(1), Money(-5)]), None);
        assert_eq!(Money::checked_sum([Money(2), Money(3)]), Some(Money(5)));
        assert_eq!(Money::checked_sum([]), Some(Money::ZERO));
        // The largest quantity and price: the product fits u128, the rounding
        // step does not, and the answer is None.
        let q = Quantity::new(u128::MAX / 2, 1);
        assert_eq!(q.cost(UnitPrice::from_nanos(2)), None);
        assert_eq!(
            Quantity::new(u128::from(u64::MAX), 1).cost(UnitPrice::from_nanos(i64::MAX)),
            None
        );
        // A negative price (never produced by `from_usd`) prices nothing.
        assert_eq!(Quantity::whole(1).cost(UnitPrice::from_nanos(-1)), None);
        // Display of the extremes does not overflow.
        assert_eq!(max.to_string(), "$9,223,372,036,854.78");
        assert_eq!(
            Money::from_micros(i64::MIN).to_string(),
            "-$9,223,372,036,854.78"
        );
    }

    #[test]
    fn seed_article_arithmetic() {
        // (220 h × 16 ACU + 520 h × 2 ACU) = 4,560 ACU-h at $0.12 = $547.20.
        let half_acu_seconds = 220 * 3600 * 32 + 520 * 3600 * 4;
        let q = Quantity::new(half_acu_seconds, 7_200);
        let cost = q.cost(UnitPrice::from_nanos(120_000_000)).unwrap();
        assert_eq!(cost.to_string(), "$547.20");
        // Provisioned: 730 h at $0.58 and $0.37.
        let hours = Quantity::whole(730);
        assert_eq!(
            hours
                .cost(UnitPrice::from_nanos(580_000_000))
                .unwrap()
                .to_string(),
            "$423.40"
        );
        assert_eq!(
            hours
                .cost(UnitPrice::from_nanos(370_000_000))
                .unwrap()
                .to_string(),
            "$270.10"
        );
    }
}
