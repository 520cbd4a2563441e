//! Prices with provenance: the built-in catalog, price books imported from
//! AWS's Price List, and user overrides.
//!
//! Every catalog row carries its source, the date of that source where known
//! and a confidence mark (H/M/L as defined in the project's reference facts).
//! A [`PriceBook`] (see [`book`]) carries AWS's own prices with the offer's
//! publication date. A price is looked up in the scenario's overrides, then
//! its price book, then the catalog ([`resolve_with`]). A price none of them
//! has is *unknown*: never zero and never guessed. A lookup says so, and the
//! estimate asks for an override naming the field.

use alloc::format;
use alloc::string::String;

use crate::error::{Error, ErrorCode};
use crate::money::UnitPrice;
use crate::vocabulary::Engine;
pub use crate::vocabulary::PriceItem;

pub mod book;
mod catalog;

pub use book::{BookClass, BookEntry, PriceBook, ReservedTerm};

/// How far a price can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Confidence {
    /// One weak or third-party source, or sources that disagree.
    Low,
    /// One good secondary source quoting the AWS Price List with a date.
    Medium,
    /// AWS documentation or price-list text, or several agreeing sources.
    High,
}

/// A readable name for `item`, e.g. "serverless capacity (I/O-Optimized)".
pub const fn label(item: PriceItem) -> &'static str {
    match item {
        PriceItem::ServerlessStandard => "serverless capacity (Aurora Standard)",
        PriceItem::ServerlessIoOptimized => "serverless capacity (I/O-Optimized)",
        PriceItem::StorageStandard => "storage (Aurora Standard)",
        PriceItem::StorageIoOptimized => "storage (I/O-Optimized)",
        PriceItem::IoRequests => "I/O request",
        PriceItem::Backup => "backup storage",
        PriceItem::SnapshotExport => "snapshot export",
        PriceItem::Backtrack => "Backtrack",
        PriceItem::GlobalWriteIo => "Global Database write I/O",
        PriceItem::ProxyServerless => "RDS Proxy (serverless)",
        PriceItem::ProxyProvisioned => "RDS Proxy (provisioned)",
        PriceItem::DataApi => "Data API",
        PriceItem::DataApiOverBillion => "Data API (beyond one billion)",
        PriceItem::PerformanceInsightsRetention => "Performance Insights retention",
        PriceItem::ExtendedSupport => "Extended Support",
    }
}

/// Where a price came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Provenance {
    /// The source: the catalog's references, or "scenario override".
    pub source: String,
    /// The date of the source (ISO 8601, possibly year-month only), if known.
    pub as_of: Option<String>,
    /// How far the price can be trusted.
    pub confidence: Confidence,
    /// True when the price came from the scenario's `priceOverrides`.
    pub overridden: bool,
    /// A caveat, e.g. a conflicting value from another source.
    pub note: Option<String>,
}

/// One priced item of the built-in catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogEntry {
    /// AWS region code, e.g. `us-east-1`.
    pub region: &'static str,
    /// What is priced.
    pub item: PriceItem,
    /// The engine the price is for; `None` when it applies to both.
    pub engine: Option<Engine>,
    /// The on-demand price per [`PriceItem::unit`], in nano-dollars.
    #[cfg_attr(feature = "serde", serde(rename = "priceNanoUsd"))]
    pub price: UnitPrice,
    /// The sources of the figure.
    pub source: &'static str,
    /// The date of the source (ISO 8601, possibly year-month only), if known.
    pub as_of: Option<&'static str>,
    /// How far the figure can be trusted.
    pub confidence: Confidence,
    /// A caveat, e.g. a conflicting value from another source.
    pub note: Option<&'static str>,
}

impl CatalogEntry {
    /// The entry's provenance as reported.
    pub fn provenance(&self) -> Provenance {
        Provenance {
            source: String::from(self.source),
            as_of: self.as_of.map(String::from),
            confidence: self.confidence,
            overridden: false,
            note: self.note.map(String::from),
        }
    }
}

/// A provisioned Aurora instance class with its on-demand rate (Aurora
/// Standard, Single-AZ).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstanceClass {
    /// AWS region code.
    pub region: &'static str,
    /// The class name, e.g. `db.r6g.xlarge`.
    pub class: &'static str,
    /// The engine the price is for; `None` when it applies to both.
    pub engine: Option<Engine>,
    /// Virtual CPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory_gib: u32,
    /// On-demand price per instance-hour on Aurora Standard, in nano-dollars.
    #[cfg_attr(feature = "serde", serde(rename = "onDemandHourlyNanoUsd"))]
    pub on_demand_hourly: UnitPrice,
    /// On-demand price per instance-hour on Aurora I/O-Optimized, in
    /// nano-dollars, where known.
    #[cfg_attr(feature = "serde", serde(rename = "ioOptimizedHourlyNanoUsd"))]
    pub io_optimized_hourly: Option<UnitPrice>,
    /// The sources of the figure.
    pub source: &'static str,
    /// The date of the source, if known.
    pub as_of: Option<&'static str>,
    /// How far the figure can be trusted.
    pub confidence: Confidence,
}

/// The date the built-in catalog was compiled.
pub const CATALOG_AS_OF: &str = "2026-10-09";

/// The name of the built-in catalog, shown in every report.
pub const CATALOG_NAME: &str = "acumen built-in catalog";

/// Every priced item of the built-in catalog.
pub fn entries() -> &'static [CatalogEntry] {
    catalog::ENTRIES
}

/// Every provisioned instance class of the built-in catalog.
pub fn instance_classes() -> &'static [InstanceClass] {
    catalog::INSTANCE_CLASSES
}

/// The regions the catalog has any price for, in catalog order, each once.
pub fn regions() -> impl Iterator<Item = &'static str> {
    let all = catalog::ENTRIES;
    all.iter()
        .enumerate()
        .filter(|(i, e)| all[..*i].iter().all(|p| p.region != e.region))
        .map(|(_, e)| e.region)
}

/// True if the catalog has a serverless compute price for `region`.
pub fn knows_region(region: &str) -> bool {
    catalog::ENTRIES.iter().any(|e| e.region == region)
}

/// The catalog's price for `item` in `region` for `engine`, or `None` when it
/// is unknown. An engine-specific row wins over one for both engines.
///
/// ```
/// use acumen::Engine;
/// use acumen::prices::{catalog_price, PriceItem};
/// let p = catalog_price("us-east-1", Engine::AuroraPostgresql, PriceItem::ServerlessStandard).unwrap();
/// assert_eq!(p.price.to_string(), "$0.12");
/// assert!(catalog_price("ap-southeast-1", Engine::AuroraMysql, PriceItem::StorageStandard).is_none());
/// ```
pub fn catalog_price(
    region: &str,
    engine: Engine,
    item: PriceItem,
) -> Option<&'static CatalogEntry> {
    for_engine(
        catalog::ENTRIES
            .iter()
            .filter(|e| e.region == region && e.item == item),
        engine,
        |e| e.engine,
    )
}

/// The row of `rows` for `engine`, else the one for both engines: a price
/// given for one engine wins over the general one, in the catalog and in a
/// price book alike.
pub(crate) fn for_engine<'a, T>(
    rows: impl Iterator<Item = &'a T> + Clone,
    engine: Engine,
    engine_of: impl Fn(&T) -> Option<Engine>,
) -> Option<&'a T> {
    rows.clone()
        .find(|row| engine_of(row) == Some(engine))
        .or_else(|| rows.into_iter().find(|row| engine_of(row).is_none()))
}

/// The catalog's instance class `class` in `region`, if known.
pub fn instance_class(region: &str, class: &str) -> Option<&'static InstanceClass> {
    catalog::INSTANCE_CLASSES
        .iter()
        .find(|c| c.region == region && c.class == class)
}

/// A price resolved for one report line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedPrice {
    /// The unit price.
    pub price: UnitPrice,
    /// Where it came from.
    pub provenance: Provenance,
}

/// The price of `item`: the scenario's override if any, else the catalog's,
/// else an `unknown_price` error naming the override field to fill in.
pub fn resolve(
    region: &str,
    engine: Engine,
    item: PriceItem,
    overrides: &crate::vocabulary::PriceOverrides,
) -> Result<ResolvedPrice, Error> {
    resolve_with(None, region, engine, item, overrides)
}

/// The price of `item`: the scenario's override if any, else the price
/// book's, else the catalog's, else an `unknown_price` error naming the
/// override field to fill in.
///
/// ```
/// use acumen::Engine;
/// use acumen::prices::{resolve_with, BookEntry, Confidence, PriceBook, PriceItem};
/// use acumen::scenario::PriceOverrides;
/// let book = PriceBook {
///     name: "AWS Price List (AmazonRDS)".into(),
///     as_of: "2026-11-01".into(),
///     source: "offer AmazonRDS version 20261101000000".into(),
///     entries: vec![BookEntry {
///         region: "eu-central-1".into(),
///         item: PriceItem::StorageStandard,
///         engine: None,
///         price: acumen::UnitPrice::from_nanos(110_000_000),
///         sku: None,
///         note: None,
///     }],
///     ..PriceBook::default()
/// };
/// let none = PriceOverrides::default();
/// // The catalog has no Frankfurt storage price; the book does.
/// let p = resolve_with(Some(&book), "eu-central-1", Engine::AuroraMysql, PriceItem::StorageStandard, &none)?;
/// assert_eq!((p.price.to_string(), p.provenance.confidence), ("$0.11".into(), Confidence::High));
/// // Anything the book lacks comes from the catalog.
/// let p = resolve_with(Some(&book), "eu-central-1", Engine::AuroraMysql, PriceItem::ServerlessStandard, &none)?;
/// assert_eq!(p.provenance.as_of.as_deref(), Some("2026-03-28"));
/// # Ok::<(), acumen::Error>(())
/// ```
pub fn resolve_with(
    book: Option<&PriceBook>,
    region: &str,
    engine: Engine,
    item: PriceItem,
    overrides: &crate::vocabulary::PriceOverrides,
) -> Result<ResolvedPrice, Error> {
    let field = format!("priceOverrides.{}", item.key());
    if let Some(usd) = overrides.get(item) {
        let price = UnitPrice::from_usd(usd, &field)?;
        return Ok(ResolvedPrice {
            price,
            provenance: Provenance {
                source: String::from("scenario override"),
                as_of: None,
                confidence: Confidence::High,
                overridden: true,
                note: None,
            },
        });
    }
    if let Some((book, entry)) = book.and_then(|b| b.price(region, engine, item).map(|e| (b, e))) {
        return Ok(ResolvedPrice {
            price: entry.price,
            provenance: book.provenance(entry.sku.as_deref(), entry.note.as_deref()),
        });
    }
    match catalog_price(region, engine, item) {
        Some(entry) => Ok(ResolvedPrice {
            price: entry.price,
            provenance: entry.provenance(),
        }),
        None => Err(Error::new(
            ErrorCode::UnknownPrice,
            &field,
            format_args!(
                "{} no {} price (per {}) for {engine} in {region}; supply one in {field}",
                if book.is_some() {
                    "neither the price book nor the catalog has"
                } else {
                    "the catalog has"
                },
                item.key(),
                item.unit()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    const PG: Engine = Engine::AuroraPostgresql;
    const MY: Engine = Engine::AuroraMysql;

    fn nanos(region: &str, engine: Engine, item: PriceItem) -> Option<i64> {
        catalog_price(region, engine, item).map(|e| e.price.nanos())
    }

    #[test]
    fn catalog_matches_reference_facts() {
        use PriceItem::*;
        assert_eq!(
            nanos("us-east-1", PG, ServerlessStandard),
            Some(120_000_000)
        );
        assert_eq!(
            nanos("us-east-1", MY, ServerlessIoOptimized),
            Some(160_000_000)
        );
        assert_eq!(
            nanos("us-east-1", PG, StorageIoOptimized),
            Some(225_000_000)
        );
        assert_eq!(nanos("us-east-1", PG, IoRequests), Some(200_000_000));
        assert_eq!(nanos("us-east-1", PG, Backup), Some(21_000_000));
        assert_eq!(nanos("us-east-1", PG, ProxyServerless), Some(15_000_000));
        assert_eq!(nanos("us-east-1", PG, DataApi), Some(350_000_000));
        assert_eq!(
            nanos("eu-west-1", MY, ServerlessStandard),
            Some(140_000_000)
        );
        assert_eq!(
            nanos("sa-east-1", PG, ServerlessStandard),
            Some(250_000_000)
        );
        // Backtrack is an Aurora MySQL feature: no PostgreSQL price.
        assert_eq!(nanos("us-east-1", MY, Backtrack), Some(12_000_000));
        assert_eq!(nanos("us-east-1", PG, Backtrack), None);
        // Seoul's Standard ACU price is quoted for PostgreSQL only.
        assert_eq!(
            nanos("ap-northeast-2", PG, ServerlessStandard),
            Some(200_000_000)
        );
        assert_eq!(nanos("ap-northeast-2", MY, ServerlessStandard), None);
        // Unknown stays unknown.
        assert_eq!(nanos("eu-central-1", PG, StorageStandard), None);
        assert_eq!(nanos("us-west-2", PG, ServerlessIoOptimized), None);
    }

    #[test]
    fn conflicts_are_low_confidence_with_a_note() {
        let io = catalog_price("us-east-1", PG, PriceItem::ServerlessIoOptimized).unwrap();
        assert_eq!(io.confidence, Confidence::Low);
        assert!(io.note.unwrap().contains("0.156"));
        let tokyo = catalog_price("ap-northeast-1", PG, PriceItem::ServerlessStandard).unwrap();
        assert_eq!(tokyo.confidence, Confidence::Low);
        assert!(tokyo.note.unwrap().contains("0.15"));
    }

    #[test]
    fn every_row_has_provenance_and_is_unique() {
        let all = entries();
        assert!(all.len() >= 50);
        for (i, a) in all.iter().enumerate() {
            assert!(!a.source.is_empty(), "{a:?}");
            for b in &all[i + 1..] {
                assert!(
                    a.region != b.region || a.item != b.item || a.engine != b.engine,
                    "duplicate {a:?}"
                );
            }
        }
        let classes = instance_classes();
        assert!(classes.len() >= 30);
        let xl = instance_class("us-east-1", "db.r6g.xlarge").unwrap();
        assert_eq!(
            (xl.vcpu, xl.memory_gib, xl.on_demand_hourly.nanos()),
            (4, 32, 519_000_000)
        );
        assert!(instance_class("us-east-1", "db.r7i.large").is_none());
    }

    #[test]
    fn regions_are_listed_once() {
        let list: Vec<_> = regions().collect();
        assert_eq!(list[0], "us-east-1");
        assert!(list.contains(&"sa-east-1") && list.contains(&"eu-west-2"));
        for (i, r) in list.iter().enumerate() {
            assert!(!list[i + 1..].contains(r));
        }
    }

    #[test]
    fn unknown_prices_ask_for_an_override() {
        let none = crate::vocabulary::PriceOverrides::default();
        let e = resolve("eu-central-1", PG, PriceItem::StorageStandard, &none).unwrap_err();
        assert_eq!(e.code(), ErrorCode::UnknownPrice);
        assert_eq!(e.field(), "priceOverrides.storageStandard");
    }
}
