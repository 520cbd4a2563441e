//! The bill's lines: each priced item's quantity × unit price, rounded
//! once, with the price's provenance.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Warning, WarningKind};
use crate::error::{Error, ErrorCode};
use crate::money::{Money, Quantity, UnitPrice};
use crate::prices::{self, PriceItem, Provenance};
use crate::scenario::{DatabaseInsights, ValidScenario};
use crate::usage::HALF_ACU_SECONDS_PER_ACU_HOUR;
use crate::vocabulary::StorageType;

/// Thousandths of a GB in one GB.
const MILLI: u64 = 1_000;
/// Requests in one "million requests" unit.
const MILLION: u64 = 1_000_000;
/// Data API requests billed at the first-tier rate each month.
const DATA_API_FIRST_TIER: u64 = 1_000_000_000;

/// The part of the bill a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Component {
    /// Serverless instance capacity (ACU-hours).
    Compute,
    /// Cluster volume storage (GB-months).
    Storage,
    /// I/O requests (Aurora Standard only).
    Io,
    /// Backup storage beyond the free allowance.
    Backup,
    /// Snapshot export to Amazon S3.
    SnapshotExport,
    /// RDS Proxy.
    RdsProxy,
    /// Data API requests.
    DataApi,
    /// CloudWatch Database Insights (Advanced mode).
    DatabaseInsights,
    /// Backtrack (Aurora MySQL).
    Backtrack,
    /// Global Database replicated writes.
    GlobalDatabase,
    /// RDS Extended Support.
    ExtendedSupport,
}

/// One line of the bill: quantity × unit price = cost.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineItem {
    /// The part of the bill.
    pub component: Component,
    /// A readable description, e.g. "writer compute".
    pub description: String,
    /// The catalog item priced.
    pub item: PriceItem,
    /// The billed quantity in `unit`s (exact value rounded to f64 for display).
    pub quantity: f64,
    /// The billing unit, e.g. "ACU-hour" or "GB-month".
    pub unit: String,
    /// The unit price in integer nano-dollars (USD × 10⁹); `None` when the
    /// line is unpriced (no price known in the region: see `supply`).
    pub unit_price_nano_usd: Option<UnitPrice>,
    /// The line's cost in integer micro-dollars (USD × 10⁶), rounded once;
    /// `None` when the line is unpriced, never a zero standing for unknown.
    pub cost_micro_usd: Option<Money>,
    /// Where the unit price came from; `None` when the line is unpriced.
    pub price: Option<Provenance>,
    /// For an unpriced line, the scenario field its price can be supplied in
    /// (e.g. `priceOverrides.storageStandard`); a price book that has the
    /// price does as well. `None` when the line is priced.
    pub supply: Option<String>,
}

impl LineItem {
    /// True when the line has a price and a cost.
    pub fn is_priced(&self) -> bool {
        self.cost_micro_usd.is_some()
    }

    /// True when the line's price came from the scenario's overrides.
    pub fn overridden(&self) -> bool {
        self.price.as_ref().is_some_and(|p| p.overridden)
    }
}

/// The bill's lines for the given compute usage (half-ACU-seconds per
/// instance) and RDS Proxy usage.
pub(crate) fn price_lines(
    s: &ValidScenario,
    storage_type: StorageType,
    usage: &[u64],
    proxy_half_acu_seconds: u64,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<LineItem>, Error> {
    let mut lines = Lines::new(s);
    let compute = PriceItem::serverless(storage_type);
    for (inst, half_acu_seconds) in s.instances.iter().zip(usage) {
        let description = match inst.promotion_tier {
            None => format!("{} compute", inst.name),
            Some(tier) => format!("{} compute (tier {tier})", inst.name),
        };
        lines.add(
            Component::Compute,
            &description,
            compute,
            acu_hours(*half_acu_seconds),
        )?;
    }
    volume_lines(&mut lines, storage_type, warnings)?;
    feature_lines(&mut lines, usage.iter().sum(), proxy_half_acu_seconds)?;
    Ok(lines.lines)
}

/// Storage, I/O, backup and snapshot export: what the cluster volume costs.
fn volume_lines(
    bill: &mut Lines<'_>,
    storage_type: StorageType,
    warnings: &mut Vec<Warning>,
) -> Result<(), Error> {
    let s = bill.scenario;
    let u = &s.usage;
    bill.add(
        Component::Storage,
        "cluster storage",
        PriceItem::storage(storage_type),
        Quantity::new(u128::from(u.storage_milli_gb), MILLI),
    )?;
    match storage_type {
        StorageType::Standard if u.io_requests > 0 => bill.add(
            Component::Io,
            "I/O requests",
            PriceItem::IoRequests,
            Quantity::new(u128::from(u.io_requests), MILLION),
        )?,
        StorageType::IoOptimized if u.io_requests > 0 => warnings.push(Warning {
            kind: WarningKind::InputNote,
            field: String::from("io"),
            message: String::from(
                "Aurora I/O-Optimized does not bill I/O requests; the I/O given costs nothing",
            ),
        }),
        _ => {}
    }
    if u.backup_milli_gb > 0 {
        bill.add(
            Component::Backup,
            "backup storage beyond the free allowance",
            PriceItem::Backup,
            Quantity::new(u128::from(u.backup_milli_gb), MILLI),
        )?;
    }
    if u.snapshot_export_milli_gb > 0 {
        bill.add(
            Component::SnapshotExport,
            "snapshot export to S3",
            PriceItem::SnapshotExport,
            Quantity::new(u128::from(u.snapshot_export_milli_gb), MILLI),
        )?;
    }
    Ok(())
}

/// The optional features: RDS Proxy, the Data API, Performance Insights,
/// Backtrack, Global Database and Extended Support.
fn feature_lines(
    bill: &mut Lines<'_>,
    total_half_acu_seconds: u64,
    proxy_half_acu_seconds: u64,
) -> Result<(), Error> {
    let s = bill.scenario;
    let u = &s.usage;
    if s.extras.rds_proxy {
        bill.add(
            Component::RdsProxy,
            "RDS Proxy (at least 8 ACUs)",
            PriceItem::ProxyServerless,
            acu_hours(proxy_half_acu_seconds),
        )?;
    }
    if u.data_api_billed_requests > 0 {
        let first = u.data_api_billed_requests.min(DATA_API_FIRST_TIER);
        bill.add(
            Component::DataApi,
            "Data API requests (first billion)",
            PriceItem::DataApi,
            Quantity::new(u128::from(first), MILLION),
        )?;
        let rest = u.data_api_billed_requests - first;
        if rest > 0 {
            bill.add(
                Component::DataApi,
                "Data API requests (beyond one billion)",
                PriceItem::DataApiOverBillion,
                Quantity::new(u128::from(rest), MILLION),
            )?;
        }
    }
    if s.extras.database_insights == DatabaseInsights::Advanced {
        // Every serverless instance is monitored: the cluster's ACU-hours.
        bill.add(
            Component::DatabaseInsights,
            "Database Insights (Advanced)",
            PriceItem::DatabaseInsightsAdvanced,
            Quantity::new(
                u128::from(total_half_acu_seconds),
                HALF_ACU_SECONDS_PER_ACU_HOUR,
            ),
        )?;
    }
    if u.backtrack_change_records > 0 {
        bill.add(
            Component::Backtrack,
            "Backtrack change records",
            PriceItem::Backtrack,
            Quantity::new(u128::from(u.backtrack_change_records), MILLION),
        )?;
    }
    if u.global_write_ios > 0 {
        bill.add(
            Component::GlobalDatabase,
            "Global Database replicated write I/O",
            PriceItem::GlobalWriteIo,
            Quantity::new(u128::from(u.global_write_ios), MILLION),
        )?;
    }
    if s.extras.extended_support {
        bill.add(
            Component::ExtendedSupport,
            "RDS Extended Support",
            PriceItem::ExtendedSupport,
            acu_hours(total_half_acu_seconds),
        )?;
    }
    Ok(())
}

pub(crate) fn acu_hours(half_acu_seconds: u64) -> Quantity {
    Quantity::new(u128::from(half_acu_seconds), HALF_ACU_SECONDS_PER_ACU_HOUR)
}

/// The lines of a bill being built, priced from the scenario's catalog.
struct Lines<'a> {
    scenario: &'a ValidScenario,
    lines: Vec<LineItem>,
}

impl<'a> Lines<'a> {
    fn new(scenario: &'a ValidScenario) -> Self {
        Lines {
            scenario,
            lines: Vec::new(),
        }
    }

    fn add(
        &mut self,
        component: Component,
        description: &str,
        item: PriceItem,
        quantity: Quantity,
    ) -> Result<(), Error> {
        let s = self.scenario;
        let mut line = LineItem {
            component,
            description: String::from(description),
            item,
            quantity: quantity.as_f64(),
            unit: String::from(item.unit()),
            unit_price_nano_usd: None,
            cost_micro_usd: None,
            price: None,
            supply: None,
        };
        match prices::resolve_with(
            s.price_book.as_ref(),
            &s.region,
            s.engine,
            item,
            &s.price_overrides,
        ) {
            Ok(resolved) => {
                let cost = quantity
                    .cost(resolved.price)
                    .ok_or_else(|| overflow_at(item, resolved.provenance.overridden))?;
                line.unit_price_nano_usd = Some(resolved.price);
                line.cost_micro_usd = Some(cost);
                line.price = Some(resolved.provenance);
            }
            // Unknown: the line keeps its quantity and asks for the price,
            // unless the scenario wants every price (`strictPrices`).
            Err(e) if e.code() == ErrorCode::UnknownPrice && !s.strict_prices => {
                line.supply = Some(String::from(e.field()));
            }
            Err(e) => return Err(e),
        }
        self.lines.push(line);
        Ok(())
    }
}

/// The input that drives a line of `item`: the price override when the
/// price is one (the catalog's prices are far too small to overflow
/// anything), else the usage it prices.
fn driving_field(item: PriceItem, overridden: bool) -> String {
    if overridden {
        return format!("priceOverrides.{}", item.key());
    }
    String::from(match item {
        PriceItem::ServerlessStandard | PriceItem::ServerlessIoOptimized => "scaling.maxAcu",
        PriceItem::StorageStandard | PriceItem::StorageIoOptimized => "storageGb",
        PriceItem::IoRequests => "io",
        PriceItem::Backup => "backupStorageGb",
        PriceItem::SnapshotExport => "extras.snapshotExportGb",
        PriceItem::Backtrack => "extras.backtrackChangeRecords",
        PriceItem::GlobalWriteIo => "extras.globalWriteIos",
        PriceItem::ProxyServerless | PriceItem::ProxyProvisioned => "extras.rdsProxy",
        PriceItem::DataApi | PriceItem::DataApiOverBillion => "extras.dataApiRequests",
        PriceItem::DatabaseInsightsAdvanced => "extras.databaseInsights",
        PriceItem::ExtendedSupport => "extras.extendedSupport",
    })
}

/// A line of `item` too large to represent.
fn overflow_at(item: PriceItem, overridden: bool) -> Error {
    Error::new(
        ErrorCode::Overflow,
        &driving_field(item, overridden),
        format_args!(
            "the {} cost is too large to represent (above $9.2 trillion)",
            prices::label(item)
        ),
    )
}

/// A sum of `lines` too large to represent (`why`), named after the input
/// that drives its largest line.
pub(crate) fn overflow_of(lines: &[LineItem], why: &str) -> Error {
    let largest = lines.iter().max_by_key(|l| l.cost_micro_usd);
    let field = largest
        .map(|l| driving_field(l.item, l.overridden()))
        .unwrap_or_default();
    let line = largest.map_or("", |l| prices::label(l.item));
    Error::new(
        ErrorCode::Overflow,
        &field,
        format_args!("the estimate is too large to represent: {why}; its largest line is {line}"),
    )
}

/// The catalog the prices came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogInfo {
    /// The catalog's name.
    pub name: String,
    /// When the catalog was compiled (ISO 8601).
    pub as_of: String,
}

/// The prices' origin: the built-in catalog, or the price book (and the
/// catalog with its date when it filled in lines the book lacks).
pub(crate) fn catalog_info(s: &ValidScenario, lines: &[LineItem]) -> CatalogInfo {
    let catalog = CatalogInfo {
        name: String::from(prices::CATALOG_NAME),
        as_of: String::from(prices::CATALOG_AS_OF),
    };
    let Some(book) = &s.price_book else {
        return catalog;
    };
    let from_catalog = lines.iter().any(|l| {
        l.price
            .as_ref()
            .is_some_and(|p| !p.overridden && !p.source.starts_with(book.name.as_str()))
    });
    if from_catalog {
        CatalogInfo {
            name: format!(
                "{} (as of {}) and the {}",
                book.name, book.as_of, catalog.name
            ),
            ..catalog
        }
    } else {
        CatalogInfo {
            name: book.name.clone(),
            as_of: book.as_of.clone(),
        }
    }
}
