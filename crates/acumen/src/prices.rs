//! Prices with provenance: the built-in catalog and user overrides.
//!
//! Every catalog row carries its source, the date of that source and a
//! confidence mark (H/M/L as defined in the project's reference facts). A
//! price the catalog lacks is *unknown*, never zero and never guessed.

use alloc::string::String;

use crate::error::{Error, ErrorCode};
use crate::money::UnitPrice;
use crate::scenario::StorageType;

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

/// A billable item the catalog prices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum PriceItem {
    /// Serverless v2 capacity on Aurora Standard, per ACU-hour.
    ServerlessStandard,
    /// Serverless v2 capacity on Aurora I/O-Optimized, per ACU-hour.
    ServerlessIoOptimized,
    /// Cluster storage on Aurora Standard, per GB-month.
    StorageStandard,
    /// Cluster storage on Aurora I/O-Optimized, per GB-month.
    StorageIoOptimized,
}

impl PriceItem {
    /// The serverless compute item for a storage configuration.
    pub const fn serverless(storage: StorageType) -> PriceItem {
        match storage {
            StorageType::Standard => PriceItem::ServerlessStandard,
            StorageType::IoOptimized => PriceItem::ServerlessIoOptimized,
        }
    }

    /// The storage item for a storage configuration.
    pub const fn storage(storage: StorageType) -> PriceItem {
        match storage {
            StorageType::Standard => PriceItem::StorageStandard,
            StorageType::IoOptimized => PriceItem::StorageIoOptimized,
        }
    }

    /// The name used in scenarios' `priceOverrides` and in reports.
    pub const fn key(self) -> &'static str {
        match self {
            PriceItem::ServerlessStandard => "serverlessStandard",
            PriceItem::ServerlessIoOptimized => "serverlessIoOptimized",
            PriceItem::StorageStandard => "storageStandard",
            PriceItem::StorageIoOptimized => "storageIoOptimized",
        }
    }

    /// The billing unit the price is per.
    pub const fn unit(self) -> &'static str {
        match self {
            PriceItem::ServerlessStandard | PriceItem::ServerlessIoOptimized => "ACU-hour",
            PriceItem::StorageStandard | PriceItem::StorageIoOptimized => "GB-month",
        }
    }
}

/// Where a price came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Provenance {
    /// The source: a catalog reference, or "scenario override".
    pub source: String,
    /// The date of the source (ISO 8601), if known.
    pub as_of: Option<String>,
    /// How far the price can be trusted.
    pub confidence: Confidence,
    /// True when the price came from the scenario's `priceOverrides`.
    pub overridden: bool,
}

/// One row of the built-in catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    /// AWS region code, e.g. `us-east-1`.
    pub region: &'static str,
    /// What is priced.
    pub item: PriceItem,
    /// The on-demand price per [`PriceItem::unit`].
    pub price: UnitPrice,
    /// The source of the figure.
    pub source: &'static str,
    /// The date of the source (ISO 8601).
    pub as_of: &'static str,
    /// How far the figure can be trusted.
    pub confidence: Confidence,
}

/// The date the built-in catalog was compiled.
pub const CATALOG_AS_OF: &str = "2026-10-09";

/// The name of the built-in catalog, shown in every report.
pub const CATALOG_NAME: &str = "acumen built-in catalog";

const fn row(
    region: &'static str,
    item: PriceItem,
    nanos: i64,
    source: &'static str,
    as_of: &'static str,
    confidence: Confidence,
) -> CatalogEntry {
    CatalogEntry {
        region,
        item,
        price: UnitPrice::from_nanos(nanos),
        source,
        as_of,
        confidence,
    }
}

/// The built-in catalog: on-demand prices in USD.
pub const CATALOG: &[CatalogEntry] = &[
    row(
        "us-east-1",
        PriceItem::ServerlessStandard,
        120_000_000,
        "AWS Price List SKU for Aurora:ServerlessV2Usage (queried 2025-10-28); agreeing secondary sources",
        "2025-10-28",
        Confidence::High,
    ),
    row(
        "us-east-1",
        PriceItem::ServerlessIoOptimized,
        160_000_000,
        "AWS Price List SKU KG668U3YXJQ6YH9Y (queried 2025-10-28); conflicts with $0.156 (= 1.30 × Standard) in an AWS-authored static table",
        "2025-10-28",
        Confidence::Low,
    ),
    row(
        "us-east-1",
        PriceItem::StorageStandard,
        100_000_000,
        "AWS Price List SKU 7GYUVAA992PFJPCB for Aurora:StorageUsage (queried 2025-10-28)",
        "2025-10-28",
        Confidence::High,
    ),
    row(
        "us-east-1",
        PriceItem::StorageIoOptimized,
        225_000_000,
        "AWS Price List SKU 5YXZF9S373QUR5VW for Aurora:IO-OptimizedStorageUsage (queried 2025-10-28)",
        "2025-10-28",
        Confidence::High,
    ),
];

/// True if the catalog has any price for `region`.
pub fn knows_region(region: &str) -> bool {
    CATALOG.iter().any(|e| e.region == region)
}

/// The catalog's price for `item` in `region`, or `None` when it is unknown.
///
/// ```
/// use acumen::prices::{catalog_price, PriceItem};
/// let p = catalog_price("us-east-1", PriceItem::ServerlessStandard).unwrap();
/// assert_eq!(p.price.to_string(), "$0.12");
/// assert!(catalog_price("mars-north-1", PriceItem::ServerlessStandard).is_none());
/// ```
pub fn catalog_price(region: &str, item: PriceItem) -> Option<&'static CatalogEntry> {
    CATALOG
        .iter()
        .find(|e| e.region == region && e.item == item)
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
    item: PriceItem,
    overrides: &crate::scenario::PriceOverrides,
) -> Result<ResolvedPrice, Error> {
    if let Some(usd) = overrides.get(item) {
        let field = alloc::format!("priceOverrides.{}", item.key());
        let price = UnitPrice::from_usd(usd, &field)?;
        return Ok(ResolvedPrice {
            price,
            provenance: Provenance {
                source: String::from("scenario override"),
                as_of: None,
                confidence: Confidence::High,
                overridden: true,
            },
        });
    }
    match catalog_price(region, item) {
        Some(entry) => Ok(ResolvedPrice {
            price: entry.price,
            provenance: Provenance {
                source: String::from(entry.source),
                as_of: Some(String::from(entry.as_of)),
                confidence: entry.confidence,
                overridden: false,
            },
        }),
        None => Err(Error::new(
            ErrorCode::UnknownPrice,
            &alloc::format!("priceOverrides.{}", item.key()),
            format_args!(
                "the catalog has no {} price per {} in {region}; supply one as an override",
                item.key(),
                item.unit()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Confidence::Low;
    use PriceItem::*;

    #[test]
    fn catalog_matches_reference_facts() {
        let p = |item| catalog_price("us-east-1", item).unwrap().price.nanos();
        assert_eq!(p(ServerlessStandard), 120_000_000);
        assert_eq!(p(ServerlessIoOptimized), 160_000_000);
        assert_eq!(p(StorageStandard), 100_000_000);
        assert_eq!(p(StorageIoOptimized), 225_000_000);
        // The conflicting I/O-Optimized rate is marked low-confidence.
        assert_eq!(
            catalog_price("us-east-1", ServerlessIoOptimized)
                .unwrap()
                .confidence,
            Low
        );
    }

    #[test]
    fn every_row_has_provenance_and_is_unique() {
        for (i, a) in CATALOG.iter().enumerate() {
            assert!(!a.source.is_empty() && a.as_of.len() == 10, "{a:?}");
            for b in &CATALOG[i + 1..] {
                assert!(a.region != b.region || a.item != b.item, "duplicate {a:?}");
            }
        }
    }
}
