//! `acumen prices import`: an AWS Price List offer file for AmazonRDS (the
//! bulk JSON format) into a price book.
//!
//! The file is read as a stream: products are classified as they are read
//! and only Aurora's are kept; the terms of the kept products are read, all
//! others skipped unparsed. The offer's layout is AWS's documented one:
//!
//! ```text
//! { "formatVersion", "offerCode": "AmazonRDS", "version", "publicationDate",
//!   "products": { SKU: { "sku", "productFamily", "attributes": { ... } } },
//!   "terms": { "OnDemand" | "Reserved": { SKU: { SKU.TERM: {
//!       "priceDimensions": { SKU.TERM.RATE: { "unit", "pricePerUnit": { "USD" },
//!                                             "beginRange", "endRange", ... } },
//!       "termAttributes": { "LeaseContractLength", "PurchaseOption", "OfferingClass" } } } } } }
//! ```
//!
//! Usage types are matched without their region prefix (`USE1-`, `EU-`,
//! `EUW2-`, …): `Aurora:ServerlessV2Usage` is serverless capacity on Aurora
//! Standard, `InstanceUsage:db.r6g.large` a provisioned instance hour, and so
//! on (see [`USAGE_TYPES`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::{BufReader, Read};
use std::path::Path;

use acumen::compare::Payment;
use acumen::prices::{BookClass, BookEntry, PriceBook, PriceItem, ReservedTerm};
use acumen::{Engine, Money, UnitPrice};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use crate::progress::Progress;

/// The name every imported book carries (and every price taken from it).
pub const BOOK_NAME: &str = "AWS Price List (AmazonRDS)";

/// An AmazonRDS usage type (without its region prefix), the item it prices,
/// a word its price-list unit must contain, and the factor from that unit to
/// the item's (per IO → per million IOs).
#[derive(Debug)]
struct Usage {
    usage_type: &'static str,
    item: PriceItem,
    unit: &'static str,
    factor: u128,
}

/// The usage types this import reads. Other items (Data API, Global
/// Database write I/O, Extended Support) have no usage type here and are
/// reported as not imported.
static USAGE_TYPES: [Usage; 10] = [
    usage(
        "Aurora:ServerlessV2Usage",
        PriceItem::ServerlessStandard,
        "ACU",
        1,
    ),
    usage(
        "Aurora:ServerlessV2IOOptimizedUsage",
        PriceItem::ServerlessIoOptimized,
        "ACU",
        1,
    ),
    usage("Aurora:StorageUsage", PriceItem::StorageStandard, "GB", 1),
    usage(
        "Aurora:IO-OptimizedStorageUsage",
        PriceItem::StorageIoOptimized,
        "GB",
        1,
    ),
    usage(
        "Aurora:StorageIOUsage",
        PriceItem::IoRequests,
        "IO",
        1_000_000,
    ),
    usage("Aurora:BackupUsage", PriceItem::Backup, "GB", 1),
    usage(
        "Aurora:SnapshotExportToS3",
        PriceItem::SnapshotExport,
        "GB",
        1,
    ),
    usage(
        "Aurora:BacktrackUsage",
        PriceItem::Backtrack,
        "CR",
        1_000_000,
    ),
    usage("RDS:Proxy-ASv2-Usage", PriceItem::ProxyServerless, "ACU", 1),
    usage("RDS:ProxyUsage", PriceItem::ProxyProvisioned, "vCPU", 1),
];

const fn usage(
    usage_type: &'static str,
    item: PriceItem,
    unit: &'static str,
    factor: u128,
) -> Usage {
    Usage {
        usage_type,
        item,
        unit,
        factor,
    }
}

/// What to import.
pub struct Options<'a> {
    /// Only this region (default: every region in the file).
    pub region: Option<&'a str>,
}

/// Why an import failed.
pub enum Failure {
    /// The file could not be read.
    Io(String),
    /// The file is not a usable AmazonRDS offer.
    Invalid(String),
}

/// What an import produced: the book, and a one-line summary.
pub struct Imported {
    /// The price book.
    pub book: PriceBook,
    /// "imported N prices … from FILE (…)".
    pub summary: String,
    /// The offer's version, e.g. `20261101000000` ("unknown" if it has none).
    pub version: String,
    /// The SKUs of each instance class's on-demand rates (Aurora Standard,
    /// I/O-Optimized), in the order of the book's `instance_classes`.
    pub class_skus: Vec<ClassSkus>,
}

/// The SKUs of an instance class's on-demand rates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassSkus {
    /// The SKU of the Aurora Standard rate.
    pub standard: Option<String>,
    /// The SKU of the Aurora I/O-Optimized rate.
    pub io_optimized: Option<String>,
}

/// Reads the offer file at `path` into a price book.
pub fn import(path: &Path, options: &Options<'_>) -> Result<Imported, Failure> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Failure::Io(format!("{shown}: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let file_name = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    import_from(file, size, &shown, &file_name, options)
}

/// Reads an offer of `size` bytes from `input` into a price book; `shown`
/// names it in errors and `file_name` in the book's source.
pub fn import_from(
    input: impl Read,
    size: u64,
    shown: &str,
    file_name: &str,
    options: &Options<'_>,
) -> Result<Imported, Failure> {
    let mut progress = Progress::on_stderr(format!("reading {shown}"), size > 1 << 20);
    let counted = Counted {
        inner: input,
        read: 0,
        on_read: &mut |n| progress.set(n as f64 / size.max(1) as f64),
    };
    let reader = BufReader::with_capacity(1 << 20, counted);
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut track = serde_path_to_error::Track::new();
    let parsed = OfferSeed {
        region: options.region,
    }
    .deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track));
    let offer = match parsed {
        Ok(offer) => offer,
        Err(e) => return Err(decode_failure(shown, &track.path().to_string(), &e)),
    };
    de.end().map_err(|e| decode_failure(shown, ".", &e))?;
    drop(de);
    progress.finish();
    assemble(offer, file_name, options).map_err(|m| Failure::Invalid(format!("{shown}: {m}")))
}

/// `file:line: path: message`, or an I/O failure for a read error.
fn decode_failure(file: &str, path: &str, e: &serde_json::Error) -> Failure {
    if e.is_io() {
        return Failure::Io(format!("{file}: {e}"));
    }
    let text = e.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m);
    let location = if e.line() > 0 {
        format!(":{}", e.line())
    } else {
        String::new()
    };
    // The import's own messages start with the field inside the value that
    // failed ("attributes.memory: …"); join it to the path.
    let path = if path == "." { "" } else { path };
    let (path, message) = match message.split_once(": ") {
        Some((field, rest)) if !field.is_empty() && !field.contains(char::is_whitespace) => {
            if path.is_empty() {
                (field.to_string(), rest)
            } else {
                (format!("{path}.{field}"), rest)
            }
        }
        _ => (path.to_string(), message),
    };
    if path.is_empty() {
        Failure::Invalid(format!("{file}{location}: {message}"))
    } else {
        Failure::Invalid(format!("{file}{location}: {path}: {message}"))
    }
}

/// Counts the bytes read from the file, for the progress bar.
struct Counted<'a, R> {
    inner: R,
    read: u64,
    on_read: &'a mut dyn FnMut(u64),
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        (self.on_read)(self.read);
        Ok(n)
    }
}

/// An exact decimal from the price list, e.g. `0.0000002000`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Decimal {
    /// The digits without the point.
    mantissa: u128,
    /// Digits after the point.
    scale: u32,
}

impl Decimal {
    fn parse(text: &str) -> Option<Decimal> {
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty() && frac.is_empty()
            || !whole
                .bytes()
                .chain(frac.bytes())
                .all(|b| b.is_ascii_digit())
            || whole.len() + frac.len() > 30
        {
            return None;
        }
        let mut mantissa: u128 = 0;
        for b in whole.bytes().chain(frac.bytes()) {
            mantissa = mantissa * 10 + u128::from(b - b'0');
        }
        Some(Decimal {
            mantissa,
            scale: frac.len() as u32,
        })
    }

    /// `self × factor`, rounded half up to a whole number, and whether that
    /// was exact; `None` if it does not fit an `i64`.
    fn times(self, factor: u128) -> Option<(i64, bool)> {
        let product = self.mantissa.checked_mul(factor)?;
        let divisor = 10u128.pow(self.scale);
        let whole = (product + divisor / 2) / divisor;
        Some((i64::try_from(whole).ok()?, product % divisor == 0))
    }
}

impl fmt::Display for Decimal {
    /// Without trailing zeros: `0.0000002000` → `0.0000002`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let divisor = 10u128.pow(self.scale);
        let (whole, mut frac, mut digits) = (
            self.mantissa / divisor,
            self.mantissa % divisor,
            self.scale as usize,
        );
        while digits > 0 && frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        if digits == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{frac:0digits$}")
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number as a string, e.g. \"0.1200000000\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
                Decimal::parse(v).ok_or_else(|| {
                    E::custom(format_args!(
                        "expected a decimal number such as \"0.1200000000\", got {v:?}"
                    ))
                })
            }
        }
        deserializer.deserialize_str(V)
    }
}

/// A product as the offer lists it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawProduct {
    #[serde(default)]
    product_family: Option<String>,
    #[serde(default)]
    attributes: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawTerm {
    price_dimensions: BTreeMap<String, RawDimension>,
    #[serde(default)]
    term_attributes: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawDimension {
    unit: String,
    price_per_unit: RawPrice,
    #[serde(default)]
    begin_range: Option<String>,
}

#[derive(Deserialize)]
struct RawPrice {
    #[serde(rename = "USD")]
    usd: Decimal,
}

/// What a kept product is.
#[derive(Clone, Debug)]
enum Kind {
    /// A billable item.
    Item(&'static Usage),
    /// A provisioned instance class, on Standard or I/O-Optimized.
    Class {
        class: String,
        io_optimized: bool,
        vcpu: u32,
        memory_gib: u32,
    },
}

/// An Aurora product of the offer.
#[derive(Clone, Debug)]
struct Kept {
    /// Its region, when the product says (`regionCode`).
    region: Option<String>,
    engine: Option<Engine>,
    usage_type: String,
    kind: Kind,
}

/// One product's on-demand price: the first tier.
struct OnDemand {
    price: Decimal,
    unit: String,
    tiers: usize,
}

/// A Reserved term as read.
struct Reserved {
    term_years: u8,
    payment: Payment,
    upfront: Decimal,
    hourly: Decimal,
}

/// Everything kept from the file.
#[derive(Default)]
struct Offer {
    format_version: Option<String>,
    version: Option<String>,
    publication_date: String,
    products: Vec<(String, Kept)>,
    on_demand: HashMap<String, OnDemand>,
    reserved: HashMap<String, Vec<Reserved>>,
    /// Reserved terms skipped (convertible, legacy utilisation options…).
    skipped_terms: usize,
    /// Products of other regions skipped because of `--region`.
    other_regions: usize,
}

struct OfferSeed<'a> {
    region: Option<&'a str>,
}

impl<'de> DeserializeSeed<'de> for OfferSeed<'_> {
    type Value = Offer;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Offer, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OfferSeed<'_> {
    type Value = Offer;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an AWS Price List offer file (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Offer, A::Error> {
        let mut offer = Offer::default();
        let (mut code, mut date, mut products, mut terms) = (false, false, false, false);
        let mut index: HashMap<String, usize> = HashMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "formatVersion" => offer.format_version = Some(map.next_value()?),
                "version" => offer.version = Some(map.next_value()?),
                "offerCode" => {
                    let value: String = map.next_value()?;
                    if value != "AmazonRDS" {
                        return Err(de::Error::custom(format_args!(
                            "offerCode: this is the {value:?} offer; import the AmazonRDS offer file"
                        )));
                    }
                    code = true;
                }
                "publicationDate" => {
                    let value: String = map.next_value()?;
                    match iso_date(&value) {
                        Some(d) => offer.publication_date = d.to_string(),
                        None => {
                            return Err(de::Error::custom(format_args!(
                                "publicationDate: expected an ISO 8601 date such as \"2026-10-28T00:00:00Z\", got {value:?}"
                            )));
                        }
                    }
                    date = true;
                }
                "products" => {
                    map.next_value_seed(ProductsSeed {
                        region: self.region,
                        offer: &mut offer,
                    })?;
                    index = offer
                        .products
                        .iter()
                        .enumerate()
                        .map(|(i, (sku, _))| (sku.clone(), i))
                        .collect();
                    products = true;
                }
                "terms" => {
                    if !products {
                        return Err(de::Error::custom(
                            "terms: come before products; expected AWS's order (products, then terms)",
                        ));
                    }
                    map.next_value_seed(TermsSeed {
                        index: &index,
                        offer: &mut offer,
                    })?;
                    terms = true;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        for (present, name) in [
            (code, "offerCode"),
            (date, "publicationDate"),
            (products, "products"),
            (terms, "terms"),
        ] {
            if !present {
                return Err(de::Error::missing_field(name));
            }
        }
        Ok(offer)
    }
}

struct ProductsSeed<'a, 'b> {
    region: Option<&'b str>,
    offer: &'a mut Offer,
}

impl<'de> DeserializeSeed<'de> for ProductsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ProductsSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("products by SKU")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(sku) = map.next_key::<String>()? {
            let product = map.next_value_seed(ProductSeed {
                region: self.region,
            })?;
            match product {
                Classified::Keep(kept) => self.offer.products.push((sku, kept)),
                Classified::OtherRegion => self.offer.other_regions += 1,
                Classified::Skip => {}
            }
        }
        Ok(())
    }
}

enum Classified {
    Keep(Kept),
    OtherRegion,
    Skip,
}

/// Reads one product and classifies it at once, so that an error in an
/// Aurora product is reported at its line.
struct ProductSeed<'b> {
    region: Option<&'b str>,
}

impl<'de> DeserializeSeed<'de> for ProductSeed<'_> {
    type Value = Classified;
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Classified, D::Error> {
        let product = RawProduct::deserialize(deserializer)?;
        classify(&product, self.region).map_err(de::Error::custom)
    }
}

/// The usage type without its region prefix (`USE1-`, `EUW2-`, …), as the
/// RDS offer files and the Savings Plans price list both write it.
pub(crate) fn base_usage_type(usage_type: &str) -> &str {
    match usage_type.split_once('-') {
        Some((prefix, rest))
            if !prefix.is_empty()
                && prefix
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && rest.contains(':') =>
        {
            rest
        }
        _ => usage_type,
    }
}

fn classify(p: &RawProduct, region: Option<&str>) -> Result<Classified, String> {
    let attr = |name: &str| p.attributes.get(name).map(String::as_str);
    let Some(usage_type) = attr("usagetype") else {
        return Ok(Classified::Skip);
    };
    let base = base_usage_type(usage_type);
    let engine = match attr("databaseEngine") {
        Some("Aurora PostgreSQL") => Some(Engine::AuroraPostgresql),
        Some("Aurora MySQL") => Some(Engine::AuroraMysql),
        _ => None,
    };
    let kind = if let Some(u) = USAGE_TYPES.iter().find(|u| u.usage_type == base) {
        Kind::Item(u)
    } else if let Some((kind, class)) = base
        .split_once(':')
        .filter(|(k, _)| matches!(*k, "InstanceUsage" | "InstanceUsageIOOptimized"))
    {
        // Provisioned Aurora instances, Single-AZ (Aurora's only option).
        if p.product_family.as_deref() != Some("Database Instance")
            || engine.is_none()
            || attr("deploymentOption").is_some_and(|d| d != "Single-AZ")
        {
            return Ok(Classified::Skip);
        }
        let class = attr("instanceType").unwrap_or(class).to_string();
        let vcpu = attr("vcpu")
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|v| *v > 0)
            .ok_or_else(|| {
                format!(
                    "attributes.vcpu: expected a whole number of vCPUs, got {:?}",
                    attr("vcpu").unwrap_or("nothing")
                )
            })?;
        let memory_gib = attr("memory").and_then(gib).ok_or_else(|| {
            format!(
                "attributes.memory: expected a size such as \"32 GiB\", got {:?}",
                attr("memory").unwrap_or("nothing")
            )
        })?;
        Kind::Class {
            class,
            io_optimized: kind == "InstanceUsageIOOptimized",
            vcpu,
            memory_gib,
        }
    } else {
        return Ok(Classified::Skip);
    };
    let product_region = attr("regionCode").map(String::from);
    if let (Some(wanted), Some(have)) = (region, product_region.as_deref())
        && wanted != have
    {
        return Ok(Classified::OtherRegion);
    }
    Ok(Classified::Keep(Kept {
        region: product_region,
        engine,
        usage_type: usage_type.to_string(),
        kind,
    }))
}

/// `"32 GiB"` → 32 (whole GiB, rounded down; at least 1).
fn gib(text: &str) -> Option<u32> {
    let number = text.trim().strip_suffix("GiB")?.trim().replace(',', "");
    let value: f64 = number.parse().ok()?;
    (value.is_finite() && value >= 1.0 && value <= f64::from(u32::MAX)).then_some(value as u32)
}

/// The date part of an ISO 8601 timestamp, checked.
fn iso_date(text: &str) -> Option<&str> {
    let date = text.get(..10)?;
    let b = date.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    (ok && (text.len() == 10 || text.as_bytes()[10] == b'T')).then_some(date)
}

struct TermsSeed<'a> {
    index: &'a HashMap<String, usize>,
    offer: &'a mut Offer,
}

impl<'de> DeserializeSeed<'de> for TermsSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("terms by type (OnDemand, Reserved)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(kind) = map.next_key::<String>()? {
            let reserved = match kind.as_str() {
                "OnDemand" => false,
                "Reserved" => true,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            map.next_value_seed(TermTypeSeed {
                reserved,
                index: self.index,
                offer: &mut *self.offer,
            })?;
        }
        Ok(())
    }
}

struct TermTypeSeed<'a> {
    reserved: bool,
    index: &'a HashMap<String, usize>,
    offer: &'a mut Offer,
}

impl<'de> DeserializeSeed<'de> for TermTypeSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TermTypeSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("terms by SKU")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(sku) = map.next_key::<String>()? {
            let Some(&i) = self.index.get(&sku) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let is_class = matches!(self.offer.products[i].1.kind, Kind::Class { .. });
            if self.reserved && !is_class {
                // Items are priced on demand only.
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let terms = map.next_value_seed(SkuTermsSeed {
                reserved: self.reserved,
            })?;
            match terms {
                SkuTerms::OnDemand(Some(price)) => {
                    self.offer.on_demand.entry(sku).or_insert(price);
                }
                SkuTerms::OnDemand(None) => {}
                SkuTerms::Reserved(list, skipped) => {
                    self.offer.skipped_terms += skipped;
                    self.offer.reserved.entry(sku).or_default().extend(list);
                }
            }
        }
        Ok(())
    }
}

enum SkuTerms {
    OnDemand(Option<OnDemand>),
    /// The terms read, and how many were skipped.
    Reserved(Vec<Reserved>, usize),
}

/// One SKU's terms, converted as soon as they are read so that an error is
/// reported at its line.
struct SkuTermsSeed {
    reserved: bool,
}

impl<'de> DeserializeSeed<'de> for SkuTermsSeed {
    type Value = SkuTerms;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<SkuTerms, D::Error> {
        let terms = BTreeMap::<String, RawTerm>::deserialize(deserializer)?;
        if self.reserved {
            reserved_terms(&terms).map_err(de::Error::custom)
        } else {
            on_demand_term(&terms).map_err(de::Error::custom)
        }
    }
}

fn on_demand_term(terms: &BTreeMap<String, RawTerm>) -> Result<SkuTerms, String> {
    let Some((code, term)) = terms.iter().next() else {
        return Ok(SkuTerms::OnDemand(None));
    };
    let dims: Vec<&RawDimension> = term.price_dimensions.values().collect();
    let first = dims
        .iter()
        .find(|d| d.begin_range.as_deref().is_none_or(|r| r == "0"))
        .or(dims.first())
        .ok_or_else(|| format!("{code}.priceDimensions: has no price"))?;
    Ok(SkuTerms::OnDemand(Some(OnDemand {
        price: first.price_per_unit.usd,
        unit: first.unit.clone(),
        tiers: dims.len(),
    })))
}

fn reserved_terms(terms: &BTreeMap<String, RawTerm>) -> Result<SkuTerms, String> {
    let mut out = Vec::new();
    let mut skipped = 0;
    for term in terms.values() {
        let a = |name: &str| term.term_attributes.get(name).map(String::as_str);
        let term_years = match a("LeaseContractLength") {
            Some("1yr" | "1 yr") => 1,
            Some("3yr" | "3 yr") => 3,
            _ => {
                skipped += 1;
                continue;
            }
        };
        let payment = match a("PurchaseOption") {
            Some("No Upfront") => Payment::NoUpfront,
            Some("Partial Upfront") => Payment::PartialUpfront,
            Some("All Upfront") => Payment::AllUpfront,
            _ => {
                skipped += 1;
                continue;
            }
        };
        if a("OfferingClass").is_some_and(|c| !c.eq_ignore_ascii_case("standard")) {
            skipped += 1;
            continue;
        }
        let zero = Decimal {
            mantissa: 0,
            scale: 0,
        };
        let (mut upfront, mut hourly) = (zero, zero);
        for d in term.price_dimensions.values() {
            match d.unit.as_str() {
                "Quantity" => upfront = d.price_per_unit.usd,
                "Hrs" => hourly = d.price_per_unit.usd,
                _ => {}
            }
        }
        out.push(Reserved {
            term_years,
            payment,
            upfront,
            hourly,
        });
    }
    Ok(SkuTerms::Reserved(out, skipped))
}

/// One price being collected: the first SKU's, with any disagreement noted.
struct Collected {
    price: UnitPrice,
    sku: String,
    note: Option<String>,
}

#[derive(Default)]
struct ClassParts {
    vcpu: u32,
    memory_gib: u32,
    standard: Option<(UnitPrice, String)>,
    io_optimized: Option<(UnitPrice, String)>,
    reserved: Vec<ReservedTerm>,
}

fn engine_name(engine: Option<Engine>) -> &'static str {
    engine.map_or("both engines", Engine::name)
}

/// Prices collected from the products, keyed for a stable order: items by
/// (region, position in [`PriceItem::ALL`], engine rank), classes by
/// (region, class, engine rank).
#[derive(Default)]
struct Collection {
    entries: BTreeMap<(String, usize, u8), Collected>,
    classes: BTreeMap<(String, String, u8), ClassParts>,
    /// What was skipped or adjusted, in product order.
    notes: Vec<String>,
}

/// Engines ordered as the book lists them: both, PostgreSQL, MySQL.
fn engine_rank(engine: Option<Engine>) -> u8 {
    match engine {
        None => 0,
        Some(Engine::AuroraPostgresql) => 1,
        Some(Engine::AuroraMysql) => 2,
    }
}

/// The inverse of [`engine_rank`].
fn engine_of(rank: u8) -> Option<Engine> {
    match rank {
        1 => Some(Engine::AuroraPostgresql),
        2 => Some(Engine::AuroraMysql),
        _ => None,
    }
}

impl Collection {
    /// Every product's prices: the first SKU's price for each item, each
    /// class's on-demand rates and Reserved terms.
    fn of(offer: &Offer, options: &Options<'_>) -> Result<Collection, String> {
        let mut c = Collection::default();
        for (sku, kept) in &offer.products {
            let region = kept
                .region
                .clone()
                .or_else(|| options.region.map(String::from))
                .ok_or_else(|| {
                    String::from("products have no regionCode attribute; give --region to name the file's region")
                })?;
            match &kept.kind {
                Kind::Item(u) => c.item(offer, sku, kept, u, region)?,
                Kind::Class {
                    class,
                    io_optimized,
                    vcpu,
                    memory_gib,
                } => {
                    let parts = c
                        .classes
                        .entry((region, class.clone(), engine_rank(kept.engine)))
                        .or_default();
                    parts.vcpu = *vcpu;
                    parts.memory_gib = *memory_gib;
                    parts.add_prices(offer, sku, *io_optimized)?;
                }
            }
        }
        Ok(c)
    }

    /// The on-demand price of billable item `u` from SKU `sku`, unless an
    /// earlier SKU gave it (a different price is noted).
    fn item(
        &mut self,
        offer: &Offer,
        sku: &str,
        kept: &Kept,
        u: &Usage,
        region: String,
    ) -> Result<(), String> {
        let Some(od) = offer.on_demand.get(sku) else {
            self.notes.push(format!(
                "{region}: SKU {sku} ({}) has no on-demand price; skipped",
                kept.usage_type
            ));
            return Ok(());
        };
        if !od
            .unit
            .to_ascii_lowercase()
            .contains(&u.unit.to_ascii_lowercase())
        {
            self.notes.push(format!(
                "{region}: SKU {sku} ({}) is priced per {:?}, not per {}; skipped",
                kept.usage_type,
                od.unit,
                u.item.unit()
            ));
            return Ok(());
        }
        let Some((nanos, exact)) = od.price.times(u.factor * 1_000_000_000) else {
            return Err(format!("SKU {sku}: the price {} is too large", od.price));
        };
        let mut note = Vec::new();
        if u.factor != 1 {
            note.push(format!(
                "from ${} per unit {:?} in the price list, × 1,000,000",
                od.price, od.unit
            ));
        }
        if !exact {
            note.push(format!("${} rounded to the nano-dollar", od.price));
        }
        if od.tiers > 1 {
            note.push(format!("the first of {} price tiers", od.tiers));
        }
        let price = UnitPrice::from_nanos(nanos);
        let position = PriceItem::ALL.iter().position(|i| *i == u.item);
        let key = (region, position.unwrap_or(0), engine_rank(kept.engine));
        match self.entries.get(&key) {
            Some(first) if first.price != price => self.notes.push(format!(
                "{}: {} for {}: SKU {} says {} and SKU {sku} says {}; kept SKU {}",
                key.0,
                u.item.key(),
                engine_name(kept.engine),
                first.sku,
                first.price,
                price,
                first.sku
            )),
            Some(_) => {}
            None => {
                let note = (!note.is_empty()).then(|| note.join("; "));
                let sku = sku.to_string();
                self.entries.insert(key, Collected { price, sku, note });
            }
        }
        Ok(())
    }

    /// The book's entries, in key order.
    fn book_entries(entries: BTreeMap<(String, usize, u8), Collected>) -> Vec<BookEntry> {
        entries
            .into_iter()
            .map(|((region, item, engine), c)| BookEntry {
                region,
                item: PriceItem::ALL[item],
                engine: engine_of(engine),
                price: c.price,
                sku: Some(c.sku),
                note: c.note,
            })
            .collect()
    }

    /// The book's instance classes (those with an on-demand price; the
    /// others noted), families together, smallest first, each with the
    /// SKUs of its rates.
    fn book_classes(
        classes: BTreeMap<(String, String, u8), ClassParts>,
        notes: &mut Vec<String>,
    ) -> Vec<(BookClass, ClassSkus)> {
        let mut book_classes: Vec<(BookClass, ClassSkus)> = Vec::new();
        for ((region, class, engine), mut parts) in classes {
            if parts.standard.is_none() && parts.io_optimized.is_none() {
                notes.push(format!(
                    "{region}: {class} ({}) has no on-demand price; skipped",
                    engine_name(engine_of(engine))
                ));
                continue;
            }
            parts
                .reserved
                .sort_by_key(|t| (t.io_optimized, t.term_years, t.payment as u8));
            let skus = ClassSkus {
                standard: parts.standard.as_ref().map(|s| s.1.clone()),
                io_optimized: parts.io_optimized.as_ref().map(|s| s.1.clone()),
            };
            let class = BookClass {
                region,
                class,
                engine: engine_of(engine),
                vcpu: parts.vcpu,
                memory_gib: parts.memory_gib,
                on_demand_hourly: parts.standard.map(|s| s.0),
                io_optimized_hourly: parts.io_optimized.map(|s| s.0),
                reserved: parts.reserved,
            };
            book_classes.push((class, skus));
        }
        let family = |c: &BookClass| {
            c.class
                .rsplit_once('.')
                .map_or(c.class.clone(), |(f, _)| f.to_string())
        };
        book_classes.sort_by(|(a, _), (b, _)| {
            (
                &a.region,
                family(a),
                a.memory_gib,
                a.engine.map(Engine::name),
            )
                .cmp(&(
                    &b.region,
                    family(b),
                    b.memory_gib,
                    b.engine.map(Engine::name),
                ))
        });
        book_classes
    }
}

impl ClassParts {
    /// SKU `sku`'s on-demand rate (the first SKU's kept) and its Reserved
    /// terms (one per term, payment and storage).
    fn add_prices(&mut self, offer: &Offer, sku: &str, io_optimized: bool) -> Result<(), String> {
        if let Some(od) = offer.on_demand.get(sku) {
            let Some((nanos, _)) = od.price.times(1_000_000_000) else {
                return Err(format!("SKU {sku}: the price {} is too large", od.price));
            };
            let slot = if io_optimized {
                &mut self.io_optimized
            } else {
                &mut self.standard
            };
            if slot.is_none() {
                *slot = Some((UnitPrice::from_nanos(nanos), sku.to_string()));
            }
        }
        for r in offer.reserved.get(sku).into_iter().flatten() {
            let (Some((hourly, _)), Some((upfront, _))) =
                (r.hourly.times(1_000_000_000), r.upfront.times(1_000_000))
            else {
                return Err(format!("SKU {sku}: a Reserved price is too large"));
            };
            let term = ReservedTerm {
                term_years: r.term_years,
                payment: r.payment,
                io_optimized,
                upfront: Money::from_micros(upfront),
                hourly: UnitPrice::from_nanos(hourly),
            };
            if !self.reserved.iter().any(|t| {
                t.term_years == term.term_years
                    && t.payment == term.payment
                    && t.io_optimized == term.io_optimized
            }) {
                self.reserved.push(term);
            }
        }
        Ok(())
    }
}

/// Notes what the price list did not give, per region: items without a
/// price, and no instance classes.
fn note_missing(
    regions: &[&str],
    entries: &[BookEntry],
    classes: &[BookClass],
    notes: &mut Vec<String>,
) {
    for region in regions {
        for item in PriceItem::ALL {
            if entries
                .iter()
                .any(|e| e.region == *region && e.item == item)
            {
                continue;
            }
            notes.push(match USAGE_TYPES.iter().find(|u| u.item == item) {
                Some(u) => format!(
                    "{region}: no {} price (usage type {}) in the offer",
                    item.key(),
                    u.usage_type
                ),
                None => format!(
                    "{region}: {} is not read from the price list by this import",
                    item.key()
                ),
            });
        }
        if !classes.iter().any(|c| c.region == *region) {
            notes.push(format!(
                "{region}: no provisioned Aurora instance classes in the offer"
            ));
        }
    }
}

/// Builds the book from what was kept.
fn assemble(offer: Offer, file_name: &str, options: &Options<'_>) -> Result<Imported, String> {
    let mut notes: Vec<String> = Vec::new();
    if let Some(v) = offer.format_version.as_deref().filter(|v| *v != "v1.0") {
        notes.push(format!("formatVersion is {v:?}; read as v1.0"));
    }
    let collection = Collection::of(&offer, options)?;
    notes.extend(collection.notes);
    let book_entries = Collection::book_entries(collection.entries);
    let (book_classes, class_skus): (Vec<BookClass>, Vec<ClassSkus>) =
        Collection::book_classes(collection.classes, &mut notes)
            .into_iter()
            .unzip();

    let mut regions: Vec<&str> = book_entries
        .iter()
        .map(|e| e.region.as_str())
        .chain(book_classes.iter().map(|c| c.region.as_str()))
        .collect();
    regions.sort_unstable();
    regions.dedup();
    if regions.is_empty() {
        return Err(match options.region {
            Some(r) => format!(
                "no Aurora prices for region {r:?} in the offer ({} products of other regions skipped)",
                offer.other_regions
            ),
            None => String::from("no Aurora prices in the offer"),
        });
    }
    note_missing(&regions, &book_entries, &book_classes, &mut notes);
    if offer.skipped_terms > 0 {
        notes.push(format!(
            "{} Reserved terms skipped (not a standard 1- or 3-year No, Partial or All Upfront term)",
            offer.skipped_terms
        ));
    }
    let terms: usize = book_classes.iter().map(|c| c.reserved.len()).sum();
    let version = offer.version.unwrap_or_else(|| String::from("unknown"));
    let summary = format!(
        "imported {} prices, {} instance classes and {} Reserved terms for {} from {file_name} (AmazonRDS version {version}, published {})",
        book_entries.len(),
        book_classes.len(),
        terms,
        regions.join(", "),
        offer.publication_date
    );
    let book = PriceBook {
        name: String::from(BOOK_NAME),
        as_of: offer.publication_date,
        source: format!("offer AmazonRDS version {version}, file {file_name}"),
        entries: book_entries,
        instance_classes: book_classes,
        savings_plans: Vec::new(),
        notes,
    };
    // The book must load back: check it as the estimate will.
    book.validate()
        .map_err(|e| format!("the prices read do not make a valid book: {e}"))?;
    Ok(Imported {
        book,
        summary,
        version,
        class_skus,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_convert_exactly() {
        let d = |s: &str| Decimal::parse(s).unwrap();
        assert_eq!(
            d("0.1200000000").times(1_000_000_000),
            Some((120_000_000, true))
        );
        assert_eq!(
            d("0.0000002000").times(1_000_000_000_000_000),
            Some((200_000_000, true))
        );
        assert_eq!(d("11213").times(1_000_000), Some((11_213_000_000, true)));
        assert_eq!(d("0.0000000005").times(1_000_000_000), Some((1, false)));
        assert_eq!(d("0.0000000004").times(1_000_000_000), Some((0, false)));
        assert_eq!(d(".5").times(10), Some((5, true)));
        assert_eq!(d("0.0000002000").to_string(), "0.0000002");
        assert_eq!(d("12.50").to_string(), "12.5");
        assert_eq!(d("7").to_string(), "7");
        for bad in [
            "",
            ".",
            "-1",
            "1e5",
            "0.1.2",
            "abc",
            " 1",
            "1234567890123456789012345678901",
        ] {
            assert!(Decimal::parse(bad).is_none(), "{bad:?}");
        }
        assert!(d("99999999999999").times(1_000_000_000_000_000).is_none());
    }

    #[test]
    fn usage_types_lose_their_region_prefix() {
        assert_eq!(
            base_usage_type("Aurora:ServerlessV2Usage"),
            "Aurora:ServerlessV2Usage"
        );
        assert_eq!(
            base_usage_type("EUW2-Aurora:ServerlessV2Usage"),
            "Aurora:ServerlessV2Usage"
        );
        assert_eq!(base_usage_type("USE1-RDS:ProxyUsage"), "RDS:ProxyUsage");
        assert_eq!(
            base_usage_type("APN2-RDS:Proxy-ASv2-Usage"),
            "RDS:Proxy-ASv2-Usage"
        );
        assert_eq!(
            base_usage_type("Aurora:IO-OptimizedStorageUsage"),
            "Aurora:IO-OptimizedStorageUsage"
        );
        assert_eq!(
            base_usage_type("Multi-AZUsage:db.r6g.large"),
            "Multi-AZUsage:db.r6g.large"
        );
        assert_eq!(
            base_usage_type("InstanceUsage:db.r6g.large"),
            "InstanceUsage:db.r6g.large"
        );
    }

    #[test]
    fn sizes_and_dates() {
        assert_eq!(gib("32 GiB"), Some(32));
        assert_eq!(gib("1,024 GiB"), Some(1024));
        assert_eq!(gib("15.25 GiB"), Some(15));
        assert_eq!(gib("0.5 GiB"), None);
        assert_eq!(gib("lots"), None);
        assert_eq!(iso_date("2026-10-28T20:13:43Z"), Some("2026-10-28"));
        assert_eq!(iso_date("2026-10-28"), Some("2026-10-28"));
        assert_eq!(iso_date("28/10/2026"), None);
        assert_eq!(iso_date("2026-10-28 20:13"), None);
    }
}
