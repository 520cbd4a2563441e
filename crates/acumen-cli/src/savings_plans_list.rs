//! `acumen prices import` for AWS's Savings Plans price list
//! (`AWSDatabaseSavingsPlans`): the plan rates for Aurora Serverless v2
//! ACU-hours and provisioned Aurora instances, read into a price book's
//! `savingsPlans`.
//!
//! The file is AWS's Savings Plans bulk price list for one region:
//! `products` (one per plan: its SKU and `attributes.purchaseOption` /
//! `purchaseTerm`) and `terms.savingsPlan` (per plan SKU, its
//! `leaseContractLength` and `rates`, each with the discounted usage type,
//! operation, service and `discountedRate.price`). Rates for usage other
//! than Aurora (serverless or `InstanceUsage*:db.*`) are left out.

use std::collections::BTreeMap;
use std::path::Path;

use acumen::Engine;
use acumen::UnitPrice;
use acumen::prices::{PriceBook, SavingsPlanRate};
use acumen::vocabulary::Payment;
use serde::Deserialize;

use crate::pricelist::base_usage_type;

/// The name of a book (or the part of one) read from a Savings Plans file.
pub const BOOK_NAME: &str = "AWS Price List (AWSDatabaseSavingsPlans)";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawFile {
    #[serde(default)]
    version: Option<String>,
    publication_date: String,
    #[serde(default)]
    region_code: Option<String>,
    #[serde(default)]
    products: Vec<RawProduct>,
    terms: RawTerms,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawProduct {
    sku: String,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawTerms {
    #[serde(default)]
    savings_plan: Vec<RawPlan>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawPlan {
    sku: String,
    #[serde(default)]
    description: Option<String>,
    lease_contract_length: RawLease,
    #[serde(default)]
    rates: Vec<RawRate>,
}

#[derive(Deserialize)]
struct RawLease {
    duration: u8,
    #[serde(default)]
    unit: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawRate {
    discounted_usage_type: String,
    #[serde(default)]
    discounted_operation: Option<String>,
    #[serde(default)]
    discounted_service_code: Option<String>,
    #[serde(default)]
    discounted_region_code: Option<String>,
    #[serde(default)]
    rate_code: Option<String>,
    discounted_rate: RawPrice,
}

#[derive(Deserialize)]
struct RawPrice {
    price: String,
}

/// True when the start of a file looks like a Savings Plans price list
/// rather than an AmazonRDS offer (which names its `offerCode` first).
pub fn looks_like_savings_plans(head: &str) -> bool {
    !head.contains("\"offerCode\"") && head.contains("avingsPlan")
}

/// Reads the Savings Plans file at `path` into a price book, keeping only
/// `region` when given.
pub fn import(path: &Path, region: Option<&str>) -> Result<(PriceBook, String), String> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
    let file_name = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let mut de = serde_json::Deserializer::from_str(&text);
    let raw: RawFile = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| format!("{shown}: {}: {}", e.path(), e.inner()))?;
    let as_of = raw
        .publication_date
        .get(..10)
        .filter(|d| d.as_bytes().get(4) == Some(&b'-'))
        .ok_or_else(|| {
            format!(
                "{shown}: publicationDate: must start with a date (YYYY-MM-DD), got {:?}",
                raw.publication_date
            )
        })?
        .to_string();
    let payments: BTreeMap<&str, &str> = raw
        .products
        .iter()
        .filter_map(|p| {
            p.attributes
                .get("purchaseOption")
                .map(|o| (p.sku.as_str(), o.as_str()))
        })
        .collect();
    let mut rates = Vec::new();
    for (i, plan) in raw.terms.savings_plan.iter().enumerate() {
        let at = format!("{shown}: terms.savingsPlan[{i}]");
        let payment = payment(payments.get(plan.sku.as_str()).copied(), plan)
            .ok_or_else(|| format!("{at}: no payment option (its product's purchaseOption)"))?;
        if plan
            .lease_contract_length
            .unit
            .as_deref()
            .is_some_and(|u| u != "year")
        {
            return Err(format!("{at}.leaseContractLength.unit: must be \"year\""));
        }
        for (j, r) in plan.rates.iter().enumerate() {
            let at = format!("{at}.rates[{j}]");
            if let Some(rate) = aurora_rate(r, raw.region_code.as_deref(), plan, payment, &at)?
                && region.is_none_or(|want| rate.region == want)
            {
                rates.push(rate);
            }
        }
    }
    let version = raw.version.unwrap_or_else(|| String::from("unknown"));
    let summary = format!(
        "imported {} Database Savings Plans rates from {shown} (version {version}, published {as_of})",
        rates.len()
    );
    let book = PriceBook {
        name: String::from(BOOK_NAME),
        as_of,
        source: format!(
            "Savings Plans price list AWSDatabaseSavingsPlans version {version}, file {file_name}"
        ),
        savings_plans: rates,
        ..PriceBook::default()
    };
    book.validate()
        .map_err(|e| format!("the rates read do not make a valid book: {e}"))?;
    Ok((book, summary))
}

/// The payment option from the plan's product (or its description).
fn payment(option: Option<&str>, plan: &RawPlan) -> Option<Payment> {
    let text = option.or(plan.description.as_deref())?;
    if text.contains("No Upfront") {
        Some(Payment::NoUpfront)
    } else if text.contains("Partial Upfront") {
        Some(Payment::PartialUpfront)
    } else if text.contains("All Upfront") {
        Some(Payment::AllUpfront)
    } else {
        None
    }
}

/// One rate, if it discounts Aurora usage: serverless capacity or a
/// provisioned instance class.
fn aurora_rate(
    r: &RawRate,
    file_region: Option<&str>,
    plan: &RawPlan,
    payment: Payment,
    at: &str,
) -> Result<Option<SavingsPlanRate>, String> {
    if r.discounted_service_code
        .as_deref()
        .is_some_and(|s| s != "AmazonRDS")
    {
        return Ok(None);
    }
    let base = base_usage_type(&r.discounted_usage_type);
    let aurora = matches!(
        base,
        "Aurora:ServerlessV2Usage" | "Aurora:ServerlessV2IOOptimizedUsage"
    ) || base.split_once(':').is_some_and(|(k, class)| {
        matches!(k, "InstanceUsage" | "InstanceUsageIOOptimized") && class.starts_with("db.")
    });
    if !aurora {
        return Ok(None);
    }
    let Some(region) = r.discounted_region_code.as_deref().or(file_region) else {
        return Err(format!(
            "{at}: no region (discountedRegionCode or the file's regionCode)"
        ));
    };
    let usd: f64 = r.discounted_rate.price.trim().parse().map_err(|_| {
        format!(
            "{at}.discountedRate.price: must be a number, got {:?}",
            r.discounted_rate.price
        )
    })?;
    let rate = UnitPrice::from_usd(usd, &format!("{at}.discountedRate.price"))
        .map_err(|e| e.to_string())?;
    Ok(Some(SavingsPlanRate {
        region: region.to_string(),
        usage_type: base.to_string(),
        engine: engine(r.discounted_operation.as_deref()),
        term_years: plan.lease_contract_length.duration,
        payment,
        rate,
        rate_code: r.rate_code.clone(),
    }))
}

/// The engine an RDS operation code bills (`CreateDBInstance:0016` Aurora
/// MySQL, `:0021` Aurora PostgreSQL); `None` (both) for any other.
fn engine(operation: Option<&str>) -> Option<Engine> {
    match operation?.rsplit_once(':')?.1 {
        "0016" => Some(Engine::AuroraMysql),
        "0021" => Some(Engine::AuroraPostgresql),
        _ => None,
    }
}

/// `book` with the Savings Plans rates of `plans` added: a rate for the same
/// region, usage, engine, term and payment replaces the book's.
pub fn merge(mut book: PriceBook, plans: PriceBook) -> PriceBook {
    for rate in plans.savings_plans {
        book.savings_plans.retain(|r| {
            !(r.region == rate.region
                && r.usage_type == rate.usage_type
                && r.engine == rate.engine
                && r.term_years == rate.term_years
                && r.payment == rate.payment)
        });
        book.savings_plans.push(rate);
    }
    book.notes.push(format!(
        "Savings Plans rates from {}: {}, published {}",
        plans.name, plans.source, plans.as_of
    ));
    book
}
