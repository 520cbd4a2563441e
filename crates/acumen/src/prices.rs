//! Prices with provenance: the built-in catalog, price books imported from
//! AWS's Price List, and user overrides.
//!
//! Every catalog row carries its source, the date of that source where known
//! and a confidence mark (H/M/L as defined in the project's reference facts).
//! A [`PriceBook`] (see [`book`]) carries AWS's own prices with the offer's
//! publication date. A price is looked up in the scenario's overrides, then
//! its price book, then the catalog ([`resolve_with`]). A price none of them
//! has is *unknown*: never zero and never guessed. A lookup says so; the
//! estimate then marks the line unpriced in a partial bill naming the
//! override field to supply (or, with `strict_prices`, fails with that
//! field). Every commercial region is known ([`regions`]), priced in full or
//! not ([`Region::coverage`]).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode};
use crate::money::UnitPrice;
use crate::vocabulary::Engine;
pub use crate::vocabulary::PriceItem;

pub mod book;
mod catalog;

pub use book::{BookClass, BookEntry, PriceBook, ReservedTerm, SavingsPlanRate};

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
        PriceItem::DatabaseInsightsAdvanced => "Database Insights (Advanced)",
        PriceItem::ExtendedSupport => "Extended Support",
    }
}

/// Where a price came from: one primary source (the AWS Price List SKU
/// when there is one), its date and confidence, and the sources that
/// corroborate it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Provenance {
    /// The primary source: the one quoting an AWS Price List SKU where
    /// there is one, else the best; or "scenario override".
    pub source: String,
    /// The AWS Price List SKU of the price, when its source gives one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub sku: Option<String>,
    /// The date of the primary source (ISO 8601, possibly year-month only),
    /// if known.
    pub as_of: Option<String>,
    /// How far the price can be trusted.
    pub confidence: Confidence,
    /// True when the price came from the scenario's `priceOverrides`.
    pub overridden: bool,
    /// A caveat, e.g. a conflicting value from another source.
    pub note: Option<String>,
    /// Further sources that agree with the primary one (empty when there
    /// are none).
    #[cfg_attr(feature = "serde", serde(default))]
    pub other_sources: Vec<String>,
}

impl Provenance {
    /// One line for people: the primary source, its SKU, date and confidence,
    /// e.g. "AWS Pricing API \[P2\] (…), SKU AVKW7ZJP8D72HNQC, as of
    /// 2025-10-28, high confidence".
    pub fn summary(&self) -> String {
        if self.overridden {
            return String::from("your price (scenario override)");
        }
        let mut text = self.source.clone();
        if let Some(sku) = self.sku.as_deref().filter(|k| !self.source.contains(k)) {
            text.push_str(&format!(", SKU {sku}"));
        }
        text.push_str(&format!(
            ", {}, {} confidence",
            self.as_of
                .as_deref()
                .map_or_else(|| String::from("undated"), |d| format!("as of {d}")),
            self.confidence.as_str()
        ));
        text
    }
}

impl Confidence {
    /// "low", "medium" or "high".
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// A commercial AWS region: its code, name, geography and the prefix of
/// its usage types in the AWS Price List.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Region {
    /// The region code, e.g. `eu-central-1`.
    pub code: &'static str,
    /// AWS's name for it, e.g. "Europe (Frankfurt)".
    pub name: &'static str,
    /// The geography it is grouped under, e.g. "Europe" or "Asia Pacific".
    pub geography: &'static str,
    /// The prefix of its Aurora usage types in the Price List, e.g. `EUC1`
    /// (`EUC1-Aurora:StorageUsage`); absent in us-east-1, whose Aurora usage
    /// types carry no prefix.
    pub usage_type_prefix: Option<&'static str>,
    /// Its AWS billing code, e.g. `USE1` or `EUC1`.
    pub billing_code: &'static str,
}

/// The items a cluster's bill is made of whatever its extras: compute and
/// storage on either storage configuration, I/O and backups. A region whose
/// catalog (or price book) has all of them is *complete*; else *partial*.
pub const CORE_ITEMS: [PriceItem; 6] = [
    PriceItem::ServerlessStandard,
    PriceItem::ServerlessIoOptimized,
    PriceItem::StorageStandard,
    PriceItem::StorageIoOptimized,
    PriceItem::IoRequests,
    PriceItem::Backup,
];

impl Region {
    /// The core items ([`CORE_ITEMS`]) the catalog has no price for here
    /// for `engine`; empty when the region is complete.
    ///
    /// ```
    /// use acumen::Engine;
    /// use acumen::prices::{region, PriceItem};
    /// assert!(region("us-east-1").unwrap().missing(Engine::AuroraPostgresql).is_empty());
    /// let frankfurt = region("eu-central-1").unwrap();
    /// assert_eq!(frankfurt.name, "Europe (Frankfurt)");
    /// assert!(frankfurt.missing(Engine::AuroraMysql).contains(&PriceItem::StorageStandard));
    /// ```
    pub fn missing(&self, engine: Engine) -> Vec<PriceItem> {
        CORE_ITEMS
            .into_iter()
            .filter(|item| catalog_price(self.code, engine, *item).is_none())
            .collect()
    }

    /// The region with how complete the catalog is there, for both engines.
    pub fn coverage(&self) -> RegionCoverage {
        let postgresql = self.missing(Engine::AuroraPostgresql);
        let mysql = self.missing(Engine::AuroraMysql);
        // Filtered in `CORE_ITEMS` order rather than merged and sorted: the
        // same list, without a sort's code in the wasm.
        let missing: Vec<PriceItem> = CORE_ITEMS
            .into_iter()
            .filter(|item| postgresql.contains(item) || mysql.contains(item))
            .collect();
        RegionCoverage {
            region: *self,
            complete: missing.is_empty(),
            missing,
        }
    }
}

/// A region and how complete the built-in catalog is there: *complete* when
/// it has every core price ([`CORE_ITEMS`]) for both engines, else
/// *partial*, with the items it lacks. An estimate in a partial region is a
/// partial bill unless a price book or overrides supply the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionCoverage {
    /// The region.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub region: Region,
    /// True when the catalog has every core price here for both engines.
    pub complete: bool,
    /// The core items the catalog lacks here (for either engine).
    pub missing: Vec<PriceItem>,
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
    /// The primary source of the figure: the one quoting an AWS Price List
    /// SKU where there is one, else the best.
    pub source: &'static str,
    /// The AWS Price List SKU the primary source quotes, if any.
    pub sku: Option<&'static str>,
    /// The date of the primary source (ISO 8601, possibly year-month only),
    /// if known.
    pub as_of: Option<&'static str>,
    /// How far the figure can be trusted.
    pub confidence: Confidence,
    /// A caveat, e.g. a conflicting value from another source.
    pub note: Option<&'static str>,
    /// Further sources that agree with the primary one.
    pub other_sources: &'static [&'static str],
}

impl CatalogEntry {
    /// The entry's provenance as reported.
    pub fn provenance(&self) -> Provenance {
        Provenance {
            source: String::from(self.source),
            sku: self.sku.map(String::from),
            as_of: self.as_of.map(String::from),
            confidence: self.confidence,
            overridden: false,
            note: self.note.map(String::from),
            other_sources: self
                .other_sources
                .iter()
                .map(|s| String::from(*s))
                .collect(),
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
    /// On-demand price per instance-hour on Aurora Standard, in
    /// nano-dollars, where known.
    #[cfg_attr(feature = "serde", serde(rename = "onDemandHourlyNanoUsd"))]
    pub on_demand_hourly: Option<UnitPrice>,
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

/// Every commercial AWS region (33: not China, not GovCloud), us-east-1
/// first. Each can be estimated: where the catalog lacks a price, the bill
/// is partial and says what to supply.
///
/// ```
/// let all = acumen::prices::regions();
/// assert_eq!(all.len(), 33);
/// let tokyo = all.iter().find(|r| r.code == "ap-northeast-1").unwrap();
/// assert_eq!((tokyo.name, tokyo.geography, tokyo.usage_type_prefix), ("Asia Pacific (Tokyo)", "Asia Pacific", Some("APN1")));
/// ```
pub fn regions() -> &'static [Region] {
    catalog::REGIONS
}

/// The region `code`, if it is one of [`regions`].
pub fn region(code: &str) -> Option<&'static Region> {
    catalog::REGIONS.iter().find(|r| r.code == code)
}

/// True if `region` is a known commercial region (priced fully or not).
pub fn knows_region(region: &str) -> bool {
    self::region(region).is_some()
}

/// The regions the catalog has any price for, in catalog order, each once.
pub fn priced_regions() -> impl Iterator<Item = &'static str> {
    let all = catalog::ENTRIES;
    all.iter()
        .enumerate()
        .filter(|(i, e)| all[..*i].iter().all(|p| p.region != e.region))
        .map(|(_, e)| e.region)
}

/// The catalog's price for `item` in `region` for `engine`, or `None` when it
/// is unknown. An engine-specific row wins over one for both engines.
///
/// ```
/// use acumen::Engine;
/// use acumen::prices::{catalog_price, PriceItem};
/// let p = catalog_price("us-east-1", Engine::AuroraPostgresql, PriceItem::ServerlessStandard).unwrap();
/// assert_eq!(p.price.to_string(), "$0.12");
/// assert!(catalog_price("eu-central-1", Engine::AuroraMysql, PriceItem::StorageStandard).is_none());
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
                sku: None,
                as_of: None,
                confidence: Confidence::High,
                overridden: true,
                note: None,
                other_sources: Vec::new(),
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

    const PG: Engine = Engine::AuroraPostgresql;
    const MY: Engine = Engine::AuroraMysql;

    fn nanos(region: &str, engine: Engine, item: PriceItem) -> Option<i64> {
        catalog_price(region, engine, item).map(|e| e.price.nanos())
    }

    #[test]
    fn coverage_lists_what_either_engine_lacks_once_in_core_order() {
        use PriceItem::*;
        // Seoul: Aurora PostgreSQL is complete, Aurora MySQL lacks its
        // serverless Standard price, so the region is partial for that item.
        let seoul = region("ap-northeast-2").unwrap();
        assert!(seoul.missing(PG).is_empty());
        assert_eq!(seoul.missing(MY), [ServerlessStandard]);
        assert_eq!(seoul.coverage().missing, [ServerlessStandard]);
        assert!(!seoul.coverage().complete);
        // Frankfurt: both engines lack the same four; each is listed once.
        let frankfurt = region("eu-central-1").unwrap();
        let lacking = [
            ServerlessIoOptimized,
            StorageStandard,
            StorageIoOptimized,
            Backup,
        ];
        assert_eq!(frankfurt.missing(PG), lacking);
        assert_eq!(frankfurt.missing(MY), lacking);
        assert_eq!(frankfurt.coverage().missing, lacking);
        assert!(region("us-east-1").unwrap().coverage().complete);
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
        assert_eq!(nanos("us-west-1", PG, ServerlessStandard), None);
    }

    #[test]
    fn the_33_region_compilation_is_in_the_catalog() {
        use PriceItem::*;
        // Ohio, from the Price List Query API with SKUs (2026-09-07).
        let ohio = catalog_price("us-east-2", PG, ServerlessIoOptimized).unwrap();
        assert_eq!(
            (ohio.price.nanos(), ohio.sku, ohio.as_of),
            (160_000_000, Some("53UQ2RQAFQM8XBJJ"), Some("2026-09-07"))
        );
        assert_eq!(
            nanos("us-east-2", MY, StorageIoOptimized),
            Some(225_000_000)
        );
        assert_eq!(nanos("us-east-2", PG, Backup), Some(21_000_000));
        assert_eq!(nanos("us-east-2", PG, DataApi), Some(350_000_000));
        let storage = catalog_price("us-east-2", PG, StorageStandard).unwrap();
        assert_eq!(storage.confidence, Confidence::High); // was low: now a SKU and a second source
        assert_eq!(nanos("us-west-2", PG, Backup), Some(21_000_000));
        // Tokyo: the later 0.15 (P1, and a reported price cut) replaces 0.20.
        let tokyo = catalog_price("ap-northeast-1", PG, ServerlessStandard).unwrap();
        assert_eq!(
            (tokyo.price.nanos(), tokyo.confidence),
            (150_000_000, Confidence::Medium)
        );
        assert!(tokyo.note.unwrap().contains("0.20"));
        assert_eq!(
            nanos("ap-northeast-1", PG, StorageStandard),
            Some(120_000_000)
        );
        assert_eq!(
            nanos("ap-northeast-1", PG, StorageIoOptimized),
            Some(270_000_000)
        );
        assert_eq!(nanos("ap-northeast-1", PG, IoRequests), Some(240_000_000));
        // Seoul's storage and I/O: two price-list quotes agree.
        let seoul = catalog_price("ap-northeast-2", MY, IoRequests).unwrap();
        assert_eq!(
            (seoul.price.nanos(), seoul.confidence),
            (240_000_000, Confidence::High)
        );
        // São Paulo's backup and export.
        assert_eq!(nanos("sa-east-1", PG, Backup), Some(37_000_000));
        assert_eq!(nanos("sa-east-1", PG, SnapshotExport), Some(15_000_000));
        // Singapore's storage: one undated secondary source.
        let sg = catalog_price("ap-southeast-1", PG, StorageStandard).unwrap();
        assert_eq!(
            (sg.price.nanos(), sg.confidence),
            (115_000_000, Confidence::Low)
        );
        // A test fixture alone is low confidence.
        let canada = catalog_price("ca-central-1", PG, ServerlessStandard).unwrap();
        assert_eq!(
            (canada.price.nanos(), canada.confidence),
            (140_000_000, Confidence::Low)
        );
        // Never derived from another region: Frankfurt has no storage price.
        assert_eq!(nanos("eu-central-1", PG, StorageStandard), None);
    }

    #[test]
    fn confidence_follows_the_sources() {
        // Two independent price-list quotes: the us-east-1 I/O-Optimized rate is high.
        let io = catalog_price("us-east-1", PG, PriceItem::ServerlessIoOptimized).unwrap();
        assert_eq!(io.confidence, Confidence::High);
        assert!(io.note.unwrap().contains("0.156"));
        // The primary source is the one with the SKU; the others corroborate it.
        assert_eq!(io.sku, Some("KG668U3YXJQ6YH9Y"));
        assert!(io.source.starts_with("AWS Pricing API [P2]"));
        assert_eq!(io.as_of, Some("2025-10-28"));
        assert_eq!(io.other_sources.len(), 2);
        let std = catalog_price("us-east-1", PG, PriceItem::ServerlessStandard).unwrap();
        assert_eq!(std.sku, Some("AVKW7ZJP8D72HNQC"));
        assert!(std.other_sources.len() >= 5);
        let p = std.provenance();
        assert_eq!(
            p.summary(),
            "AWS Pricing API [P2] (SKU AVKW7ZJP8D72HNQC, Aurora PostgreSQL), as of 2025-10-28, high confidence"
        );
        // Without a SKU, the first (best) source is the primary one.
        let eu = catalog_price("eu-west-1", PG, PriceItem::ServerlessStandard).unwrap();
        assert!(
            eu.source.starts_with("AWS Pricing API [P7]"),
            "{}",
            eu.source
        );
        assert_eq!((eu.sku, eu.as_of), (None, Some("2026-06")));
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
            (
                xl.vcpu,
                xl.memory_gib,
                xl.on_demand_hourly.map(|p| p.nanos())
            ),
            (4, 32, Some(519_000_000))
        );
        assert!(instance_class("us-east-1", "db.r7i.large").is_none());
        // A fixture's I/O-Optimized rate alone: no Standard rate, low confidence.
        let ohio = instance_class("us-east-2", "db.r6g.large").unwrap();
        assert_eq!(ohio.on_demand_hourly, None);
        assert_eq!(
            ohio.io_optimized_hourly.map(|p| p.nanos()),
            Some(338_000_000)
        );
        assert_eq!((ohio.memory_gib, ohio.confidence), (16, Confidence::Low));
    }

    #[test]
    fn every_commercial_region_is_known_once() {
        let all = regions();
        assert_eq!(all.len(), 33);
        assert_eq!(all[0].code, "us-east-1");
        for (i, r) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|o| o.code != r.code), "{r:?}");
            assert!(knows_region(r.code));
            assert!(!r.name.is_empty() && !r.geography.is_empty());
            // Every prefix is the region's billing code, but us-east-1 has none.
            assert_eq!(
                r.usage_type_prefix,
                (r.code != "us-east-1").then_some(r.billing_code),
                "{r:?}"
            );
        }
        let frankfurt = region("eu-central-1").unwrap();
        assert_eq!(
            (
                frankfurt.name,
                frankfurt.geography,
                frankfurt.usage_type_prefix
            ),
            ("Europe (Frankfurt)", "Europe", Some("EUC1"))
        );
        assert_eq!(
            region("ap-south-1").unwrap().usage_type_prefix,
            Some("APS3")
        );
        assert_eq!(region("ca-west-1").unwrap().usage_type_prefix, Some("CAN2"));
        assert!(region("eu-nowhere-1").is_none() && !knows_region("cn-north-1"));
        // Every catalog price is for one of them.
        for e in entries() {
            assert!(knows_region(e.region), "{e:?}");
        }
        let priced: Vec<_> = priced_regions().collect();
        assert_eq!(priced[0], "us-east-1");
        assert!(priced.contains(&"ca-central-1") && !priced.contains(&"us-west-1"));
    }

    #[test]
    fn complete_and_partial_regions() {
        let complete: Vec<&str> = regions()
            .iter()
            .filter(|r| r.missing(PG).is_empty())
            .map(|r| r.code)
            .collect();
        assert_eq!(complete, ["us-east-1", "us-east-2", "ap-northeast-2"]);
        // Seoul's Standard ACU rate is quoted for PostgreSQL only.
        assert_eq!(
            region("ap-northeast-2").unwrap().missing(MY),
            [PriceItem::ServerlessStandard]
        );
        assert_eq!(region("us-west-1").unwrap().missing(PG).len(), 6);
        assert_eq!(
            region("ap-northeast-1").unwrap().missing(PG),
            [PriceItem::ServerlessIoOptimized, PriceItem::Backup]
        );
    }

    #[test]
    fn unknown_prices_ask_for_an_override() {
        let none = crate::vocabulary::PriceOverrides::default();
        let e = resolve("eu-central-1", PG, PriceItem::StorageStandard, &none).unwrap_err();
        assert_eq!(e.code(), ErrorCode::UnknownPrice);
        assert_eq!(e.field(), "priceOverrides.storageStandard");
    }
}
