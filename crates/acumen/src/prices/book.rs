//! Price books: prices imported from AWS's public Price List.
//!
//! A [`PriceBook`] is plain data, usually written by `acumen prices import`
//! from an AmazonRDS offer file: on-demand prices of the billable items
//! ([`PriceItem`]), and provisioned instance classes with their on-demand and
//! Reserved Instance rates. A scenario that carries one (`priceBook`) is
//! priced from it first; the built-in catalog fills in whatever the book
//! lacks, and `priceOverrides` still win over both. Book prices are marked
//! high-confidence (they are AWS's own price list) and dated with the offer's
//! publication date.
//!
//! ```
//! use acumen::prices::{BookEntry, PriceBook, PriceItem};
//! use acumen::{Scenario, UnitPrice, estimate};
//!
//! let book = PriceBook {
//!     name: String::from("AWS Price List (AmazonRDS)"),
//!     as_of: String::from("2026-11-01"),
//!     source: String::from("offer AmazonRDS version 20261101000000"),
//!     entries: vec![BookEntry {
//!         region: String::from("us-east-1"),
//!         item: PriceItem::ServerlessStandard,
//!         engine: None,
//!         price: UnitPrice::from_nanos(130_000_000),
//!         sku: Some(String::from("AVKW7ZJP8D72HNQC")),
//!         note: None,
//!     }],
//!     instance_classes: Vec::new(),
//!     savings_plans: Vec::new(),
//!     notes: Vec::new(),
//! };
//! let report = estimate(&Scenario { price_book: Some(book), ..Scenario::default() })?;
//! // The ACU-hour price comes from the book; storage from the built-in catalog.
//! assert_eq!(report.lines[0].unit_price_nano_usd.unwrap().nanos(), 130_000_000);
//! assert_eq!(report.lines[0].price.as_ref().unwrap().as_of.as_deref(), Some("2026-11-01"));
//! assert!(report.lines[0].price.as_ref().unwrap().source.starts_with("AWS Price List (AmazonRDS)"));
//! assert_eq!(report.lines[1].unit_price_nano_usd.unwrap().nanos(), 100_000_000);
//! # Ok::<(), acumen::Error>(())
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Confidence, PriceItem, Provenance};
use crate::error::{Error, ErrorCode};
use crate::money::{Money, UnitPrice};
use crate::vocabulary::Engine;
use crate::vocabulary::Payment;

/// The largest unit price a book may hold: a million dollars per unit.
const MAX_PRICE_NANOS: i64 = 1_000_000 * 1_000_000_000;
/// The largest upfront fee a book may hold: ten million dollars.
const MAX_UPFRONT_MICROS: i64 = 10_000_000 * 1_000_000;

/// Prices from one published price list, with where they came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PriceBook {
    /// A short name shown beside every price taken from the book, e.g.
    /// "AWS Price List (AmazonRDS)".
    pub name: String,
    /// The date of the prices (ISO 8601, `YYYY-MM-DD`): for an imported offer
    /// file, its publication date.
    pub as_of: String,
    /// Where the prices were read, e.g. the offer's code, version and file.
    pub source: String,
    /// On-demand prices of billable items.
    #[cfg_attr(feature = "serde", serde(default))]
    pub entries: Vec<BookEntry>,
    /// Provisioned instance classes with their rates.
    #[cfg_attr(feature = "serde", serde(default))]
    pub instance_classes: Vec<BookClass>,
    /// Database Savings Plans rates, from AWS's Savings Plans price list
    /// (`AWSDatabaseSavingsPlans`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub savings_plans: Vec<SavingsPlanRate>,
    /// Remarks on the import, e.g. items the price list did not have.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub notes: Vec<String>,
}

/// One Database Savings Plans rate: what usage it discounts, for which term
/// and payment option, at what price per unit of that usage.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SavingsPlanRate {
    /// AWS region code.
    pub region: String,
    /// The usage the rate discounts, without the region prefix, e.g.
    /// `Aurora:ServerlessV2Usage` or `InstanceUsage:db.r7g.large`.
    pub usage_type: String,
    /// The engine the rate is for; absent when it applies to both.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub engine: Option<Engine>,
    /// Term in years.
    pub term_years: u8,
    /// Payment option.
    pub payment: Payment,
    /// The plan's price per unit of the usage (ACU-hour, instance-hour), in
    /// nano-dollars.
    #[cfg_attr(feature = "serde", serde(rename = "rateNanoUsd"))]
    pub rate: UnitPrice,
    /// The price list's rate code, if known.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub rate_code: Option<String>,
}

/// One on-demand price of a price book.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookEntry {
    /// AWS region code, e.g. `us-east-1`.
    pub region: String,
    /// What is priced.
    pub item: PriceItem,
    /// The engine the price is for; absent when it applies to both.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub engine: Option<Engine>,
    /// The price per [`PriceItem::unit`], in nano-dollars.
    #[cfg_attr(feature = "serde", serde(rename = "priceNanoUsd"))]
    pub price: UnitPrice,
    /// The price list's SKU for the product, if known.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub sku: Option<String>,
    /// A caveat, e.g. how the price list's unit was converted.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

/// A provisioned Aurora instance class of a price book (Single-AZ).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookClass {
    /// AWS region code.
    pub region: String,
    /// The class name, e.g. `db.r6g.xlarge`.
    pub class: String,
    /// The engine the rates are for; absent when they apply to both.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub engine: Option<Engine>,
    /// Virtual CPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory_gib: u32,
    /// On-demand price per instance-hour on Aurora Standard, in nano-dollars.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "onDemandHourlyNanoUsd",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub on_demand_hourly: Option<UnitPrice>,
    /// On-demand price per instance-hour on Aurora I/O-Optimized, in
    /// nano-dollars.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "ioOptimizedHourlyNanoUsd",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub io_optimized_hourly: Option<UnitPrice>,
    /// Reserved Instance terms offered for the class.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub reserved: Vec<ReservedTerm>,
}

/// A Reserved Instance term: length, payment option, upfront fee and the
/// recurring hourly rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReservedTerm {
    /// Term in years: 1 or 3.
    pub term_years: u8,
    /// Payment option.
    pub payment: Payment,
    /// True for a term on Aurora I/O-Optimized; false on Aurora Standard.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "core::ops::Not::not")
    )]
    pub io_optimized: bool,
    /// Upfront fee per instance, in micro-dollars.
    #[cfg_attr(feature = "serde", serde(rename = "upfrontMicroUsd"))]
    pub upfront: Money,
    /// Recurring price per instance-hour, in nano-dollars.
    #[cfg_attr(feature = "serde", serde(rename = "hourlyNanoUsd"))]
    pub hourly: UnitPrice,
}

impl PriceBook {
    /// The book's price for `item` in `region` for `engine`, if it has one.
    /// An engine-specific entry wins over one for both engines.
    pub fn price(&self, region: &str, engine: Engine, item: PriceItem) -> Option<&BookEntry> {
        super::for_engine(
            self.entries
                .iter()
                .filter(|e| e.region == region && e.item == item),
            engine,
            |e| e.engine,
        )
    }

    /// The book's instance class `class` in `region` for `engine`, if any.
    pub fn class(&self, region: &str, engine: Engine, class: &str) -> Option<&BookClass> {
        super::for_engine(
            self.instance_classes
                .iter()
                .filter(|c| c.region == region && c.class == class),
            engine,
            |c| c.engine,
        )
    }

    /// The book's Savings Plans rate for `usage_type` (without its region
    /// prefix) in `region`, term and payment; an engine-specific rate wins.
    pub fn savings_plan_rate(
        &self,
        region: &str,
        engine: Engine,
        usage_type: &str,
        term_years: u8,
        payment: Payment,
    ) -> Option<&SavingsPlanRate> {
        super::for_engine(
            self.savings_plans.iter().filter(|r| {
                r.region == region
                    && r.usage_type == usage_type
                    && r.term_years == term_years
                    && r.payment == payment
            }),
            engine,
            |r| r.engine,
        )
    }

    /// True if the book has any price for `region`.
    pub fn knows_region(&self, region: &str) -> bool {
        self.entries.iter().any(|e| e.region == region)
            || self.instance_classes.iter().any(|c| c.region == region)
    }

    /// The provenance of a price taken from this book, for the product `sku`.
    pub fn provenance(&self, sku: Option<&str>, note: Option<&str>) -> Provenance {
        let mut source = format!("{}: {}", self.name, self.source);
        if let Some(sku) = sku {
            source.push_str(", SKU ");
            source.push_str(sku);
        }
        Provenance {
            source,
            sku: sku.map(String::from),
            as_of: Some(self.as_of.clone()),
            confidence: Confidence::High,
            overridden: false,
            note: note.map(String::from),
            other_sources: Vec::new(),
        }
    }

    /// Checks every field; the error names the first failing one by its
    /// path in the book, e.g. `entries[3].priceNanoUsd`.
    pub fn validate(&self) -> Result<(), Error> {
        self.validate_at("")
    }

    /// [`PriceBook::validate`] with `prefix` before every path (e.g.
    /// `priceBook.` when the book is part of a scenario).
    pub(crate) fn validate_at(&self, prefix: &str) -> Result<(), Error> {
        let check = Check { prefix };
        if self.name.trim().is_empty() {
            return check.fail(ErrorCode::OutOfRange, "name", "must not be empty", &"\"\"");
        }
        if !is_date(&self.as_of) {
            return check.fail(
                ErrorCode::OutOfRange,
                "asOf",
                "must be a date (YYYY-MM-DD)",
                &Quoted(&self.as_of),
            );
        }
        if self.source.trim().is_empty() {
            return check.fail(
                ErrorCode::OutOfRange,
                "source",
                "must not be empty",
                &"\"\"",
            );
        }
        for (i, e) in self.entries.iter().enumerate() {
            self.validate_entry(&check, i, e)?;
        }
        for (i, c) in self.instance_classes.iter().enumerate() {
            self.validate_class(&check, i, c)?;
        }
        for (i, r) in self.savings_plans.iter().enumerate() {
            validate_plan_rate(&check, i, r)?;
        }
        Ok(())
    }

    /// Checks `entries[i]`: its region, its price, and that it is the first
    /// for its region, item and engine.
    fn validate_entry(&self, check: &Check<'_>, i: usize, e: &BookEntry) -> Result<(), Error> {
        let f = |name: &str| format!("entries[{i}]{name}");
        if !is_region(&e.region) {
            return check.fail(
                ErrorCode::OutOfRange,
                &f(".region"),
                REGION,
                &Quoted(&e.region),
            );
        }
        if !price_ok(e.price) {
            return check.fail(
                ErrorCode::OutOfRange,
                &f(".priceNanoUsd"),
                PRICE,
                &e.price.nanos(),
            );
        }
        if let Some(k) = self.entries[..i]
            .iter()
            .position(|p| p.region == e.region && p.item == e.item && p.engine == e.engine)
        {
            return check.fail(
                ErrorCode::Conflict,
                &f(""),
                "must price a region, item and engine once",
                &format_args!("the same as entries[{k}]"),
            );
        }
        Ok(())
    }

    /// Checks `instanceClasses[i]`: its region, name, size and rates, that it
    /// is the first for its region, class and engine, then its Reserved terms.
    fn validate_class(&self, check: &Check<'_>, i: usize, c: &BookClass) -> Result<(), Error> {
        let f = |name: &str| format!("instanceClasses[{i}]{name}");
        if !is_region(&c.region) {
            return check.fail(
                ErrorCode::OutOfRange,
                &f(".region"),
                REGION,
                &Quoted(&c.region),
            );
        }
        if !c.class.starts_with("db.") || c.class.len() < 4 {
            return check.fail(
                ErrorCode::OutOfRange,
                &f(".class"),
                "must be an instance class such as db.r6g.large",
                &Quoted(&c.class),
            );
        }
        if !(1..=1024).contains(&c.vcpu) {
            return check.fail(
                ErrorCode::OutOfRange,
                &f(".vcpu"),
                "must be between 1 and 1024",
                &c.vcpu,
            );
        }
        if !(1..=65_536).contains(&c.memory_gib) {
            return check.fail(
                ErrorCode::OutOfRange,
                &f(".memoryGib"),
                "must be between 1 and 65536 GiB",
                &c.memory_gib,
            );
        }
        if c.on_demand_hourly.is_none() && c.io_optimized_hourly.is_none() {
            return check.fail(
                ErrorCode::MissingField,
                &f(".onDemandHourlyNanoUsd"),
                "a class needs onDemandHourlyNanoUsd or ioOptimizedHourlyNanoUsd",
                &"neither",
            );
        }
        for (name, p) in [
            (".onDemandHourlyNanoUsd", c.on_demand_hourly),
            (".ioOptimizedHourlyNanoUsd", c.io_optimized_hourly),
        ] {
            if let Some(p) = p.filter(|p| !price_ok(*p)) {
                return check.fail(ErrorCode::OutOfRange, &f(name), PRICE, &p.nanos());
            }
        }
        if let Some(k) = self.instance_classes[..i]
            .iter()
            .position(|p| p.region == c.region && p.class == c.class && p.engine == c.engine)
        {
            return check.fail(
                ErrorCode::Conflict,
                &f(""),
                "must list a region, class and engine once",
                &format_args!("the same as instanceClasses[{k}]"),
            );
        }
        for (j, t) in c.reserved.iter().enumerate() {
            validate_term(check, c, i, j, t)?;
        }
        Ok(())
    }
}

/// Checks `instanceClasses[i].reserved[j]` of class `c`: its term, rates,
/// and that it is the first for its term, payment and storage type.
fn validate_term(
    check: &Check<'_>,
    c: &BookClass,
    i: usize,
    j: usize,
    t: &ReservedTerm,
) -> Result<(), Error> {
    let f = |name: &str| format!("instanceClasses[{i}].reserved[{j}]{name}");
    if t.term_years != 1 && t.term_years != 3 {
        return check.fail(
            ErrorCode::OutOfRange,
            &f(".termYears"),
            "must be 1 or 3",
            &t.term_years,
        );
    }
    if !price_ok(t.hourly) {
        return check.fail(
            ErrorCode::OutOfRange,
            &f(".hourlyNanoUsd"),
            PRICE,
            &t.hourly.nanos(),
        );
    }
    if !(0..=MAX_UPFRONT_MICROS).contains(&t.upfront.micros()) {
        return check.fail(
            ErrorCode::OutOfRange,
            &f(".upfrontMicroUsd"),
            "must be between 0 and 10000000000000 micro-dollars (ten million dollars)",
            &t.upfront.micros(),
        );
    }
    if let Some(k) = c.reserved[..j].iter().position(|p| {
        p.term_years == t.term_years && p.payment == t.payment && p.io_optimized == t.io_optimized
    }) {
        return check.fail(
            ErrorCode::Conflict,
            &f(""),
            "must list a term and payment option once",
            &format_args!("the same as reserved[{k}]"),
        );
    }
    Ok(())
}

/// Checks `savingsPlans[i]`: its region, usage type, term and rate.
fn validate_plan_rate(check: &Check<'_>, i: usize, r: &SavingsPlanRate) -> Result<(), Error> {
    let f = |name: &str| format!("savingsPlans[{i}]{name}");
    if !is_region(&r.region) {
        return check.fail(
            ErrorCode::OutOfRange,
            &f(".region"),
            REGION,
            &Quoted(&r.region),
        );
    }
    if !r.usage_type.contains(':') {
        return check.fail(
            ErrorCode::OutOfRange,
            &f(".usageType"),
            "must be a price-list usage type such as Aurora:ServerlessV2Usage",
            &Quoted(&r.usage_type),
        );
    }
    if !(1..=3).contains(&r.term_years) {
        return check.fail(
            ErrorCode::OutOfRange,
            &f(".termYears"),
            "must be 1 or 3",
            &r.term_years,
        );
    }
    if !price_ok(r.rate) || r.rate.nanos() == 0 {
        return check.fail(
            ErrorCode::OutOfRange,
            &f(".rateNanoUsd"),
            "must be above 0 and at most 1000000000000000 nano-dollars (a million dollars)",
            &r.rate.nanos(),
        );
    }
    Ok(())
}

/// The rule for every price of a book.
const PRICE: &str = "must be between 0 and 1000000000000000 nano-dollars (a million dollars)";
/// The rule for every region of a book.
const REGION: &str = "must be an AWS region code such as us-east-1";

/// Whether a book may hold the price `p`.
fn price_ok(p: UnitPrice) -> bool {
    (0..=MAX_PRICE_NANOS).contains(&p.nanos())
}

/// Builds a validation error with the path prefix before the field.
struct Check<'a> {
    prefix: &'a str,
}

impl Check<'_> {
    /// The error for `field` breaking `rule`, with what it holds. Field paths
    /// and messages are only built for the failing field.
    fn fail(
        &self,
        code: ErrorCode,
        field: &str,
        rule: &str,
        got: &dyn core::fmt::Display,
    ) -> Result<(), Error> {
        Err(Error::new(
            code,
            &format!("{}{field}", self.prefix),
            format_args!("{rule}, got {got}"),
        ))
    }
}

/// Displays a text in double quotes, as `{:?}` would for plain text.
struct Quoted<'a>(&'a str);

impl core::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl BookClass {
    /// The on-demand hourly rate for a storage configuration, if the book has it.
    pub fn hourly(&self, io_optimized: bool) -> Option<UnitPrice> {
        if io_optimized {
            self.io_optimized_hourly
        } else {
            self.on_demand_hourly
        }
    }

    /// The Reserved term of `term_years` and `payment` for a storage
    /// configuration, if the book has it.
    pub fn reserved_term(
        &self,
        term_years: u8,
        payment: Payment,
        io_optimized: bool,
    ) -> Option<&ReservedTerm> {
        self.reserved.iter().find(|t| {
            t.term_years == term_years && t.payment == payment && t.io_optimized == io_optimized
        })
    }
}

/// A region code: lowercase letters, digits and hyphens, e.g. `us-east-1`.
fn is_region(region: &str) -> bool {
    !region.is_empty()
        && region.len() <= 32
        && region.contains('-')
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `YYYY-MM-DD`, with a plausible month and day.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: core::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    matches!(
        (digits(0..4), digits(5..7), digits(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn book() -> PriceBook {
        PriceBook {
            name: String::from("test book"),
            as_of: String::from("2026-11-01"),
            source: String::from("hand-written"),
            entries: vec![
                BookEntry {
                    region: String::from("us-east-1"),
                    item: PriceItem::ServerlessStandard,
                    engine: None,
                    price: UnitPrice::from_nanos(130_000_000),
                    sku: None,
                    note: None,
                },
                BookEntry {
                    region: String::from("us-east-1"),
                    item: PriceItem::ServerlessStandard,
                    engine: Some(Engine::AuroraMysql),
                    price: UnitPrice::from_nanos(131_000_000),
                    sku: Some(String::from("SKU1")),
                    note: None,
                },
            ],
            instance_classes: vec![BookClass {
                region: String::from("us-east-1"),
                class: String::from("db.r6g.large"),
                engine: Some(Engine::AuroraPostgresql),
                vcpu: 2,
                memory_gib: 16,
                on_demand_hourly: Some(UnitPrice::from_nanos(260_000_000)),
                io_optimized_hourly: None,
                reserved: vec![ReservedTerm {
                    term_years: 1,
                    payment: Payment::AllUpfront,
                    io_optimized: false,
                    upfront: Money::from_micros(1_400_000_000),
                    hourly: UnitPrice::from_nanos(0),
                }],
            }],
            savings_plans: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn engine_specific_entries_win() {
        let b = book();
        assert!(b.validate().is_ok());
        let pg = b.price(
            "us-east-1",
            Engine::AuroraPostgresql,
            PriceItem::ServerlessStandard,
        );
        let my = b.price(
            "us-east-1",
            Engine::AuroraMysql,
            PriceItem::ServerlessStandard,
        );
        assert_eq!(pg.map(|e| e.price.nanos()), Some(130_000_000));
        assert_eq!(my.map(|e| e.price.nanos()), Some(131_000_000));
        assert!(
            b.price(
                "eu-west-1",
                Engine::AuroraMysql,
                PriceItem::ServerlessStandard
            )
            .is_none()
        );
        assert!(
            b.class("us-east-1", Engine::AuroraMysql, "db.r6g.large")
                .is_none()
        );
        let c = b
            .class("us-east-1", Engine::AuroraPostgresql, "db.r6g.large")
            .unwrap();
        assert_eq!(
            c.reserved_term(1, Payment::AllUpfront, false)
                .map(|t| t.upfront.micros()),
            Some(1_400_000_000)
        );
        assert!(c.reserved_term(1, Payment::AllUpfront, true).is_none());
        assert!(b.knows_region("us-east-1") && !b.knows_region("eu-west-1"));
        let p = b.provenance(Some("SKU1"), None);
        assert_eq!(p.source, "test book: hand-written, SKU SKU1");
        assert_eq!(
            (p.as_of.as_deref(), p.confidence),
            (Some("2026-11-01"), Confidence::High)
        );
    }

    #[test]
    fn bad_fields_are_named() {
        type Edit = fn(&mut PriceBook);
        let cases: [(Edit, &str, ErrorCode); 10] = [
            (|b| b.name.clear(), "priceBook.name", ErrorCode::OutOfRange),
            (
                |b| b.as_of = "Nov 2026".into(),
                "priceBook.asOf",
                ErrorCode::OutOfRange,
            ),
            (
                |b| b.entries[1].region = "US East".into(),
                "priceBook.entries[1].region",
                ErrorCode::OutOfRange,
            ),
            (
                |b| b.entries[1].price = UnitPrice::from_nanos(-1),
                "priceBook.entries[1].priceNanoUsd",
                ErrorCode::OutOfRange,
            ),
            (
                |b| b.entries[1].engine = None,
                "priceBook.entries[1]",
                ErrorCode::Conflict,
            ),
            (
                |b| b.instance_classes[0].class = "r6g".into(),
                "priceBook.instanceClasses[0].class",
                ErrorCode::OutOfRange,
            ),
            (
                |b| b.instance_classes[0].memory_gib = 0,
                "priceBook.instanceClasses[0].memoryGib",
                ErrorCode::OutOfRange,
            ),
            (
                |b| b.instance_classes[0].on_demand_hourly = None,
                "priceBook.instanceClasses[0].onDemandHourlyNanoUsd",
                ErrorCode::MissingField,
            ),
            (
                |b| b.instance_classes[0].reserved[0].term_years = 2,
                "priceBook.instanceClasses[0].reserved[0].termYears",
                ErrorCode::OutOfRange,
            ),
            (
                |b| {
                    let t = b.instance_classes[0].reserved[0];
                    b.instance_classes[0].reserved.push(t);
                },
                "priceBook.instanceClasses[0].reserved[1]",
                ErrorCode::Conflict,
            ),
        ];
        for (edit, field, code) in cases {
            let mut b = book();
            edit(&mut b);
            let e = b.validate_at("priceBook.").unwrap_err();
            assert_eq!((e.field(), e.code()), (field, code), "{e}");
        }
    }

    /// A steady 16-ACU writer (so db.r6g.large is too small and
    /// db.r6g.xlarge the smallest fit), priced from `book`.
    fn steady(book: PriceBook) -> crate::Scenario {
        crate::Scenario {
            workload: crate::Workload::Steady { acu: 16.0 },
            storage_gb: 0.0,
            price_book: Some(book),
            ..crate::Scenario::default()
        }
    }

    fn xlarge() -> BookClass {
        BookClass {
            region: String::from("us-east-1"),
            class: String::from("db.r6g.xlarge"),
            engine: None,
            vcpu: 4,
            memory_gib: 32,
            on_demand_hourly: Some(UnitPrice::from_nanos(519_000_000)),
            io_optimized_hourly: Some(UnitPrice::from_nanos(675_000_000)),
            reserved: vec![
                ReservedTerm {
                    term_years: 1,
                    payment: Payment::NoUpfront,
                    io_optimized: false,
                    upfront: Money::ZERO,
                    hourly: UnitPrice::from_nanos(350_000_000),
                },
                ReservedTerm {
                    term_years: 3,
                    payment: Payment::AllUpfront,
                    io_optimized: false,
                    upfront: Money::from_micros(6_570_000_000),
                    hourly: UnitPrice::from_nanos(0),
                },
            ],
        }
    }

    #[test]
    fn a_class_named_without_offers_gets_each_of_the_books_terms() {
        let mut s = steady(book_with_xlarge());
        s.compare.classes = vec![crate::compare::ClassOption {
            class: String::from("db.r6g.xlarge"),
            ..crate::compare::ClassOption::default()
        }];
        let c = crate::estimate(&s).unwrap().comparison.unwrap();
        let monthly = |name: &str| {
            c.rows
                .iter()
                .find(|row| row.option == name)
                .unwrap_or_else(|| panic!("{name}: {:#?}", c.rows))
                .monthly_micro_usd
                .map(Money::micros)
        };
        // 730 × $0.35 = $255.50.
        assert_eq!(
            monthly("db.r6g.xlarge, 1-year reserved, no upfront"),
            Some(255_500_000)
        );
        // $6,570 upfront over 36 months = $182.50 a month.
        assert_eq!(
            monthly("db.r6g.xlarge, 3-year reserved, all upfront"),
            Some(182_500_000)
        );
    }

    #[test]
    fn estimates_use_the_book_then_the_catalog_and_overrides_win() {
        let b = book_with_xlarge();
        let r = crate::estimate(&steady(b.clone())).unwrap();
        // 16 ACU × 730 h at the book's $0.13.
        assert_eq!(r.lines[0].unit_price_nano_usd.unwrap().nanos(), 130_000_000);
        assert_eq!(r.lines[0].cost_micro_usd.unwrap().micros(), 1_518_400_000);
        assert_eq!(
            r.lines[0].price.as_ref().unwrap().source,
            "test book: hand-written"
        );
        // Storage (a $0 line here) is not in the book: the catalog's.
        assert_eq!(
            r.lines[1].price.as_ref().unwrap().as_of.as_deref(),
            Some("2025-10-28")
        );
        assert_eq!(
            r.catalog.name,
            "test book (as of 2026-11-01) and the acumen built-in catalog"
        );
        assert_eq!(r.catalog.as_of, super::super::CATALOG_AS_OF);

        // An override still wins over the book.
        let mut s = steady(b.clone());
        s.price_overrides.serverless_standard = Some(0.2);
        let r = crate::estimate(&s).unwrap();
        assert!(r.lines[0].price.as_ref().unwrap().overridden);
        assert_eq!(r.lines[0].unit_price_nano_usd.unwrap().nanos(), 200_000_000);

        // With every line from the book, the report names the book alone.
        let mut s = steady(b);
        s.price_book.as_mut().unwrap().entries.push(BookEntry {
            region: String::from("us-east-1"),
            item: PriceItem::StorageStandard,
            engine: None,
            price: UnitPrice::from_nanos(110_000_000),
            sku: None,
            note: None,
        });
        let r = crate::estimate(&s).unwrap();
        assert_eq!(r.lines[1].unit_price_nano_usd.unwrap().nanos(), 110_000_000);
        assert_eq!(
            (r.catalog.name.as_str(), r.catalog.as_of.as_str()),
            ("test book", "2026-11-01")
        );
    }

    /// The book with its db.r6g.xlarge class (and both of its Standard
    /// Reserved terms).
    fn book_with_xlarge() -> PriceBook {
        let mut b = book();
        b.instance_classes.push(xlarge());
        b
    }

    #[test]
    fn the_comparison_takes_the_books_classes_then_the_catalogs() {
        let b = book_with_xlarge();
        let r = crate::estimate(&steady(b.clone())).unwrap();
        let c = r.comparison.unwrap();
        let find = |name: &str| {
            c.rows
                .iter()
                .find(|row| row.option == name)
                .unwrap_or_else(|| panic!("{name}: {:#?}", c.rows))
                .clone()
        };
        // The book's class comes first with its own rate and both of its
        // Reserved terms: 730 h × $0.519; 730 h × $0.35; $6,570 / 36 months.
        let od = find("db.r6g.xlarge on-demand");
        assert_eq!(od.monthly_micro_usd.map(Money::micros), Some(378_870_000));
        assert_eq!(od.note, "test book on-demand rate, 2026-11-01");
        let ri1 = find("db.r6g.xlarge, 1-year reserved, no upfront");
        assert_eq!(ri1.monthly_micro_usd.map(Money::micros), Some(255_500_000));
        assert!(
            ri1.note.starts_with(
                "test book Reserved rate, 2026-11-01: $0.35 an hour and $0.00 upfront"
            ),
            "{}",
            ri1.note
        );
        let ri3 = find("db.r6g.xlarge, 3-year reserved, all upfront");
        assert_eq!(ri3.monthly_micro_usd.map(Money::micros), Some(182_500_000));
        // Catalog classes the book lacks are still compared.
        assert!(
            c.rows
                .iter()
                .any(|row| row.option == "db.r5.xlarge on-demand")
        );

        // I/O-Optimized: the book's I/O-Optimized rate; no Standard RI terms.
        let mut io = steady(b);
        io.storage_type = crate::StorageType::IoOptimized;
        let c = crate::estimate(&io).unwrap().comparison.unwrap();
        let od = c
            .rows
            .iter()
            .find(|row| row.option == "db.r6g.xlarge on-demand")
            .unwrap();
        assert_eq!(od.monthly_micro_usd.map(Money::micros), Some(492_750_000));
        assert!(
            !c.rows
                .iter()
                .any(|row| row.option.starts_with("db.r6g.xlarge, 1-year"))
        );
    }

    #[test]
    fn a_named_class_takes_the_books_term_unless_its_offer_gives_rates() {
        let b = book_with_xlarge();
        // A class the scenario names takes the book's term when its offer
        // gives neither rates nor a discount; with rates, the rates win.
        let mut s = steady(b);
        s.compare.classes = vec![crate::compare::ClassOption {
            class: String::from("db.r6g.xlarge"),
            reserved: vec![
                crate::compare::ReservedOffer::default(),
                crate::compare::ReservedOffer {
                    term_years: 3,
                    payment: Payment::AllUpfront,
                    upfront: Some(7200.0),
                    ..crate::compare::ReservedOffer::default()
                },
            ],
            ..crate::compare::ClassOption::default()
        }];
        let c = crate::estimate(&s).unwrap().comparison.unwrap();
        let ri = |name: &str| {
            c.rows
                .iter()
                .find(|row| row.option == name)
                .unwrap()
                .clone()
        };
        let one = ri("db.r6g.xlarge, 1-year reserved, no upfront");
        assert_eq!(one.monthly_micro_usd.map(Money::micros), Some(255_500_000));
        assert!(one.note.starts_with("test book Reserved rate"));
        let three = ri("db.r6g.xlarge, 3-year reserved, all upfront");
        assert_eq!(
            three.monthly_micro_usd.map(Money::micros),
            Some(200_000_000)
        );
        assert!(three.note.starts_with("your Reserved Instance terms"));
        // Serverless simulated, ideal and with a Savings Plan (unknown:
        // no plan rate), on-demand and the two Reserved terms.
        assert_eq!(c.rows.len(), 6);
    }

    #[test]
    fn a_region_only_the_book_knows_is_accepted_and_bad_books_are_named() {
        // GovCloud is not one of the commercial regions; a book makes it known.
        let mut b = book();
        for e in &mut b.entries {
            e.region = String::from("us-gov-west-1");
        }
        let mut s = steady(b.clone());
        s.region = String::from("us-gov-west-1");
        // The book has compute but not storage: the bill is partial, and a
        // strict run asks for the storage price.
        s.storage_gb = 1.0;
        let r = crate::estimate(&s).unwrap();
        assert!(!r.complete);
        assert_eq!(
            r.lines[1].supply.as_deref(),
            Some("priceOverrides.storageStandard")
        );
        assert_eq!(r.total_micro_usd.micros(), 1_518_400_000);
        s.strict_prices = true;
        let e = crate::estimate(&s).unwrap_err();
        assert_eq!(e.field(), "priceOverrides.storageStandard");
        assert!(
            e.message()
                .starts_with("neither the price book nor the catalog has"),
            "{e}"
        );
        s.price_overrides.storage_standard = Some(0.1);
        let r = crate::estimate(&s).unwrap();
        assert_eq!(r.lines[0].unit_price_nano_usd.unwrap().nanos(), 130_000_000);

        b.entries[0].price = UnitPrice::from_nanos(-5);
        let e = steady(b).validate().unwrap_err();
        assert_eq!(e.field(), "priceBook.entries[0].priceNanoUsd");
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_date("2026-01-31"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("2026-1-01"));
        assert!(!is_date("2026-01-01T00:00:00Z"));
    }
}
