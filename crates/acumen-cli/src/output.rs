//! Printing results: aligned tables for people, JSON for programs, Markdown
//! for documents and CSV for spreadsheets.

use std::io::{self, Write};

use acumen::cloudwatch::duration;
use acumen::compare::Payment;
use acumen::engine::{ConnectionsBasis, MaxConnections};
use acumen::prices::{
    self, BookEntry, CatalogEntry, Confidence, PriceBook, PriceItem, ReservedTerm,
};
use acumen::report::{Warning, WarningKind};
use acumen::{Acu, Engine, Report, UnitPrice};
use serde::Serialize;

use crate::Format;
use crate::replay::Replay;
use crate::table::{Align, Table, num};

pub(crate) fn json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Prints `table` as `format` (never JSON, which each caller handles).
pub(crate) fn emit(out: &mut dyn Write, table: &Table, format: Format) -> io::Result<()> {
    match format {
        Format::Markdown => table.write_markdown(out),
        Format::Csv => table.write_csv(out),
        Format::Table | Format::Json => table.write_text(out),
    }
}

/// Writes `report` to standard output in `format`.
pub fn print_report(report: &Report, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match format {
        Format::Json => json(&mut out, report),
        Format::Table => write_table(&mut out, report),
        Format::Markdown => write_report_markdown(&mut out, report),
        Format::Csv => emit(&mut out, &lines_table(report, true), Format::Csv),
    }
}

/// The bill's lines (and, when `total`, a last "Total per month" row).
fn lines_table(report: &Report, total: bool) -> Table {
    let mut t = Table::new(&[
        ("item", Align::Left),
        ("component", Align::Left),
        ("quantity", Align::Right),
        ("unit", Align::Left),
        ("unit_price_nano_usd", Align::Right),
        ("cost_micro_usd", Align::Right),
        ("confidence", Align::Left),
        ("overridden", Align::Left),
        ("source", Align::Left),
        ("sku", Align::Left),
        ("as_of", Align::Left),
        ("supply", Align::Left),
    ]);
    for l in &report.lines {
        // An unpriced line: empty price and cost, "unpriced", and the field
        // to supply; never a zero.
        let p = l.price.as_ref();
        t.row(vec![
            l.description.clone(),
            serde_json::to_value(l.component)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default(),
            num(l.quantity, 6),
            l.unit.clone(),
            l.unit_price_nano_usd
                .map(|p| p.nanos().to_string())
                .unwrap_or_default(),
            l.cost_micro_usd
                .map(|c| c.micros().to_string())
                .unwrap_or_default(),
            p.map_or("unpriced", |p| confidence(p.confidence)).into(),
            p.map(|p| p.overridden.to_string()).unwrap_or_default(),
            p.map(|p| p.source.clone()).unwrap_or_default(),
            p.and_then(|p| p.sku.clone()).unwrap_or_default(),
            p.and_then(|p| p.as_of.clone()).unwrap_or_default(),
            l.supply.clone().unwrap_or_default(),
        ]);
    }
    if total {
        let mut row = vec![String::new(); 12];
        row[0] = total_label(report).into();
        row[5] = report.total_micro_usd.micros().to_string();
        t.row(row);
    }
    t
}

/// "Total per month", or "Total per month (at least)" for a partial bill.
fn total_label(report: &Report) -> &'static str {
    if report.complete {
        "Total per month"
    } else {
        "Total per month (at least)"
    }
}

fn write_report_markdown(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(
        out,
        "**Aurora Serverless v2 estimate:** {} {}, {}, {} h/month\n",
        report.region,
        report.engine,
        storage_name(report),
        report.hours_per_month
    )?;
    let t = bill_table(report, true);
    t.write_markdown(out)?;
    writeln!(out)?;
    for line in summary(report) {
        writeln!(out, "- {line}")?;
    }
    Ok(())
}

/// The bill for people: item, quantity, unit, unit price and cost, and a
/// total row. Text marks override and low-confidence prices beside the unit
/// price; Markdown sets the total in bold.
fn bill_table(report: &Report, markdown: bool) -> Table {
    let mut t = Table::new(&[
        ("Item", Align::Left),
        ("Quantity", Align::Right),
        ("Unit", Align::Left),
        (
            "Unit price",
            if markdown { Align::Right } else { Align::Left },
        ),
        ("Cost", Align::Right),
    ]);
    for l in &report.lines {
        let (Some(price), Some(unit_price), Some(cost)) =
            (l.price.as_ref(), l.unit_price_nano_usd, l.cost_micro_usd)
        else {
            t.row(vec![
                l.description.clone(),
                group(l.quantity),
                l.unit.clone(),
                String::from("unpriced"),
                format!("supply {}", l.supply.as_deref().unwrap_or("a price")),
            ]);
            continue;
        };
        let flag = if markdown {
            ""
        } else if price.overridden {
            " (override)"
        } else if price.confidence == Confidence::Low {
            " (low confidence)"
        } else {
            ""
        };
        t.row(vec![
            l.description.clone(),
            group(l.quantity),
            l.unit.clone(),
            format!("{unit_price}{flag}"),
            cost.to_string(),
        ]);
    }
    let (label, total) = if markdown {
        (
            format!("**{}**", total_label(report)),
            format!("**{}**", report.total_micro_usd),
        )
    } else {
        (
            String::from(total_label(report)),
            report.total_micro_usd.to_string(),
        )
    };
    t.row(vec![
        label,
        String::new(),
        String::new(),
        String::new(),
        total,
    ]);
    t
}

/// For a partial bill: how to read the total and what to supply.
fn partial(report: &Report) -> Vec<String> {
    let Some(note) = &report.total_note else {
        return Vec::new();
    };
    let fields: Vec<String> = report
        .unpriced
        .iter()
        .map(|m| format!("{} (per {})", m.field, m.unit))
        .collect();
    vec![
        format!("Partial bill: {note}."),
        format!(
            "To price it, supply {} in the scenario, or a price book with --prices book.json (from `acumen prices import`); --strict makes this an error.",
            fields.join(", ")
        ),
    ]
}

/// Each priced line's price: its primary source (with the SKU when there is
/// one), date and confidence. The other sources are in the JSON output.
fn price_sources(report: &Report) -> Vec<String> {
    report
        .lines
        .iter()
        .filter_map(|l| {
            let p = l.price.as_ref()?;
            Some(format!(
                "Price of {}: {} per {}, {}.",
                l.description,
                l.unit_price_nano_usd?,
                l.unit,
                p.summary()
            ))
        })
        .collect()
}

/// The lines under the bill: yearly total, ideal tracking, per-instance
/// usage, max_connections, the model and catalog, and the warnings.
fn summary(report: &Report) -> Vec<String> {
    let mut lines = partial(report);
    lines.extend(price_sources(report));
    let at_least = if report.complete { "" } else { "at least " };
    lines.extend([
        format!("Per year: {at_least}{}", report.yearly_micro_usd),
        format!(
            "Ideal tracking: {at_least}{} ({})",
            report.ideal.total_micro_usd, report.ideal.explanation
        ),
    ]);
    for i in &report.instances {
        let unmet = i.unmet_acu_hours.lag + i.unmet_acu_hours.cap + i.unmet_acu_hours.resume;
        lines.push(format!(
            "{}: {:.1} ACU-hours, average {:.2} ACU, peak {} ACU, paused {:.1} h, at max {:.1} h, unmet {:.2} ACU-hours",
            i.name, i.acu_hours, i.average_acu, i.peak_acu, i.paused_hours, i.hours_at_max, unmet
        ));
    }
    if let Some(plan) = report
        .comparison
        .as_ref()
        .and_then(|c| c.savings_plans.iter().find(|p| p.covers == "serverless"))
    {
        lines.push(format!("Database Savings Plan: {}", plan.summary));
    }
    let mc = &report.max_connections;
    lines.push(format!(
        "max_connections: {}{}",
        mc.value,
        if mc.capped_by_min {
            " (capped at 2,000 by the 0.5 ACU minimum)"
        } else {
            ""
        }
    ));
    lines.push(format!(
        "Model: {}. Prices: {} as of {}.",
        model_label(&report.model),
        report.catalog.name,
        report.catalog.as_of
    ));
    for w in &report.warnings {
        lines.push(format!("warning ({}): {}", warning_label(w), w.message));
    }
    lines
}

fn warning_label(w: &Warning) -> &'static str {
    match w.kind {
        WarningKind::LowConfidencePrice => "low-confidence price",
        WarningKind::DemandAboveMax => "demand above max",
        WarningKind::UnknownPrice => "unknown price",
        WarningKind::InputNote => "note",
        WarningKind::PlatformVersion => "platform version",
        WarningKind::PauseBlocked => "no auto-pause",
        _ => "warning",
    }
}

fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

fn usage_table(report: &Report) -> Table {
    let mut t = Table::new(&[
        ("instance", Align::Left),
        ("tier", Align::Right),
        ("acu_hours", Align::Right),
        ("average_acu", Align::Right),
        ("peak_acu", Align::Right),
        ("paused_hours", Align::Right),
        ("hours_at_max", Align::Right),
        ("unmet_acu_hours", Align::Right),
        ("pauses", Align::Right),
        ("resumes", Align::Right),
        ("scale_ups", Align::Right),
        ("scale_downs", Align::Right),
        ("ideal_acu_hours", Align::Right),
    ]);
    for i in &report.instances {
        let unmet = i.unmet_acu_hours.lag + i.unmet_acu_hours.cap + i.unmet_acu_hours.resume;
        t.row(vec![
            i.name.clone(),
            i.promotion_tier
                .map_or_else(|| "-".into(), |t| t.to_string()),
            num(i.acu_hours, 3),
            num(i.average_acu, 3),
            num(i.peak_acu, 1),
            num(i.paused_hours, 3),
            num(i.hours_at_max, 3),
            num(unmet, 3),
            i.pauses.to_string(),
            i.resumes.to_string(),
            i.scale_up_episodes.to_string(),
            i.scale_down_episodes.to_string(),
            num(i.ideal_acu_hours, 3),
        ]);
    }
    t
}

fn timeline_table(report: &Report) -> Table {
    let mut t = Table::new(&[
        ("instance", Align::Left),
        ("start_second", Align::Right),
        ("capacity_min", Align::Right),
        ("capacity_max", Align::Right),
        ("demand_min", Align::Right),
        ("demand_max", Align::Right),
    ]);
    for series in &report.timeline {
        for p in &series.points {
            t.row(vec![
                series.name.clone(),
                p.start_second.to_string(),
                num(p.capacity_min, 3),
                num(p.capacity_max, 3),
                num(p.demand_min, 3),
                num(p.demand_max, 3),
            ]);
        }
    }
    t
}

/// Prints per-instance usage and the chart timeline.
pub fn print_simulation(report: &Report, usage_only: bool, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let bucket = report.timeline.first().map_or(0, |t| t.bucket_seconds);
    match format {
        Format::Json => json(&mut out, &report.simulation()),
        Format::Csv if usage_only => usage_table(report).write_csv(&mut out),
        Format::Csv => timeline_table(report).write_csv(&mut out),
        Format::Table => {
            writeln!(
                out,
                "Simulated usage: {} {}, {} h/month, model {}",
                report.region,
                report.engine,
                report.hours_per_month,
                model_label(&report.model)
            )?;
            usage_table(report).write_text(&mut out)?;
            writeln!(out)?;
            writeln!(out, "Timeline ({bucket} s buckets, first week)")?;
            timeline_table(report).write_text(&mut out)
        }
        Format::Markdown => {
            writeln!(
                out,
                "**Simulated usage:** {} {}, {} h/month, model {}\n",
                report.region,
                report.engine,
                report.hours_per_month,
                model_label(&report.model)
            )?;
            usage_table(report).write_markdown(&mut out)?;
            writeln!(out, "\n**Timeline** ({bucket} s buckets, first week)\n")?;
            timeline_table(report).write_markdown(&mut out)
        }
    }
}

/// The JSON of `validate`.
#[derive(Serialize)]
struct Validation<'a> {
    valid: bool,
    warnings: &'a [Warning],
}

/// Prints "valid" and the warnings.
pub fn print_validation(report: &Report, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if format == Format::Json {
        return json(
            &mut out,
            &Validation {
                valid: true,
                warnings: &report.warnings,
            },
        );
    }
    writeln!(out, "valid")?;
    for w in &report.warnings {
        writeln!(
            out,
            "warning ({}): {}: {}",
            warning_label(w),
            w.field,
            w.message
        )?;
    }
    Ok(())
}

/// `$0.12` → `0.12`: the column header carries the currency.
fn usd(price: UnitPrice) -> String {
    price.to_string().trim_start_matches('$').to_string()
}

fn engine_cell(engine: Option<Engine>) -> String {
    engine.map_or_else(|| "both".into(), |e| e.name().into())
}

/// One price, from the price book or the catalog, in the catalog entry's
/// JSON shape.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct PriceRow {
    region: String,
    item: PriceItem,
    engine: Option<Engine>,
    price_nano_usd: UnitPrice,
    /// The primary source (the one with the Price List SKU, else the best).
    source: String,
    sku: Option<String>,
    as_of: Option<String>,
    confidence: Confidence,
    note: Option<String>,
    /// The sources that corroborate the primary one (JSON only).
    other_sources: Vec<String>,
}

impl PriceRow {
    fn catalog(e: &CatalogEntry) -> PriceRow {
        PriceRow {
            region: e.region.into(),
            item: e.item,
            engine: e.engine,
            price_nano_usd: e.price,
            source: e.source.into(),
            sku: e.sku.map(String::from),
            as_of: e.as_of.map(String::from),
            confidence: e.confidence,
            note: e.note.map(String::from),
            other_sources: e.other_sources.iter().map(|s| String::from(*s)).collect(),
        }
    }

    fn book(book: &PriceBook, e: &BookEntry) -> PriceRow {
        let p = book.provenance(e.sku.as_deref(), e.note.as_deref());
        PriceRow {
            region: e.region.clone(),
            item: e.item,
            engine: e.engine,
            price_nano_usd: e.price,
            source: p.source,
            sku: p.sku,
            as_of: p.as_of,
            confidence: p.confidence,
            note: p.note,
            other_sources: p.other_sources,
        }
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.region.clone(),
            engine_cell(self.engine),
            self.item.key().into(),
            self.item.unit().into(),
            usd(self.price_nano_usd),
            self.as_of.clone().unwrap_or_else(|| "unknown".into()),
            confidence(self.confidence).into(),
            self.source.clone(),
            self.note.clone().unwrap_or_default(),
        ]
    }
}

const PRICE_COLUMNS: [(&str, Align); 9] = [
    ("region", Align::Left),
    ("engine", Align::Left),
    ("item", Align::Left),
    ("unit", Align::Left),
    ("price_usd", Align::Right),
    ("as_of", Align::Left),
    ("confidence", Align::Left),
    ("source", Align::Left),
    ("note", Align::Left),
];

/// True if the book prices `e`'s item for every engine the catalog row
/// covers, so the catalog row is not used.
fn shadowed(book: Option<&PriceBook>, e: &CatalogEntry) -> bool {
    let Some(book) = book else {
        return false;
    };
    let engines = match e.engine {
        Some(engine) => vec![engine],
        None => vec![Engine::AuroraPostgresql, Engine::AuroraMysql],
    };
    engines
        .into_iter()
        .all(|engine| book.price(e.region, engine, e.item).is_some())
}

/// Where the prices come from, for headings.
fn origin(book: Option<&PriceBook>) -> String {
    match book {
        None => format!("{} as of {}", prices::CATALOG_NAME, prices::CATALOG_AS_OF),
        Some(b) => format!(
            "{} as of {}, then the {} as of {}",
            b.name,
            b.as_of,
            prices::CATALOG_NAME,
            prices::CATALOG_AS_OF
        ),
    }
}

/// Prints every price row (of one region, if given): the book's, then the
/// catalog's that the book does not replace.
pub fn print_price_list(
    region: Option<&str>,
    book: Option<&PriceBook>,
    format: Format,
) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let in_region = |r: &str| region.is_none_or(|want| r == want);
    let mut rows: Vec<PriceRow> = book
        .iter()
        .flat_map(|b| {
            b.entries
                .iter()
                .filter(|e| in_region(&e.region))
                .map(|e| PriceRow::book(b, e))
        })
        .collect();
    rows.extend(
        prices::entries()
            .iter()
            .filter(|e| in_region(e.region) && !shadowed(book, e))
            .map(PriceRow::catalog),
    );
    if format == Format::Json {
        return json(&mut out, &rows);
    }
    let mut t = Table::new(&PRICE_COLUMNS);
    for r in &rows {
        t.row(r.cells());
    }
    if format == Format::Table {
        writeln!(out, "{}: {} prices", origin(book), t.len())?;
    }
    emit(&mut out, &t, format)
}

/// A region, complete or partial with what it lacks, from the catalog and
/// the price book.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RegionRow {
    #[serde(flatten)]
    region: prices::Region,
    complete: bool,
    missing: Vec<PriceItem>,
}

/// The core items neither the book nor the catalog prices in `region` for
/// some engine.
fn missing_in(region: &prices::Region, book: Option<&PriceBook>) -> Vec<PriceItem> {
    prices::region(region.code)
        .map(prices::Region::coverage)
        .map(|c| c.missing)
        .unwrap_or_default()
        .into_iter()
        .filter(|item| {
            [Engine::AuroraPostgresql, Engine::AuroraMysql]
                .iter()
                .any(|engine| {
                    prices::catalog_price(region.code, *engine, *item).is_none()
                        && book.is_none_or(|b| b.price(region.code, *engine, *item).is_none())
                })
        })
        .collect()
}

/// Every commercial region, complete or partial (`acumen prices list`).
pub fn print_region_list(book: Option<&PriceBook>, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let rows: Vec<RegionRow> = prices::regions()
        .iter()
        .map(|r| {
            let missing = missing_in(r, book);
            RegionRow {
                region: *r,
                complete: missing.is_empty(),
                missing,
            }
        })
        .collect();
    if format == Format::Json {
        return json(&mut out, &rows);
    }
    let mut t = Table::new(&[
        ("region", Align::Left),
        ("name", Align::Left),
        ("geography", Align::Left),
        ("usage_type_prefix", Align::Left),
        ("prices", Align::Left),
        ("missing", Align::Left),
    ]);
    for r in &rows {
        t.row(vec![
            r.region.code.into(),
            r.region.name.into(),
            r.region.geography.into(),
            r.region.usage_type_prefix.unwrap_or("").into(),
            if r.complete { "complete" } else { "partial" }.into(),
            r.missing
                .iter()
                .map(|i| i.key())
                .collect::<Vec<_>>()
                .join(" "),
        ]);
    }
    if format == Format::Table {
        let complete = rows.iter().filter(|r| r.complete).count();
        writeln!(
            out,
            "{}: {} regions, {complete} complete, {} partial (an estimate there marks the lines it cannot price)",
            origin(book),
            rows.len(),
            rows.len() - complete
        )?;
    }
    emit(&mut out, &t, format)
}

/// One billable item in a region for one engine: the price used, if any.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RegionPrice {
    item: PriceItem,
    engine: Option<Engine>,
    unit: &'static str,
    /// `null` when neither the book nor the catalog knows the price.
    entry: Option<PriceRow>,
}

/// A provisioned class, from the price book or the catalog, in the catalog
/// class's JSON shape (with the book's Reserved terms).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClassRow {
    region: String,
    class: String,
    engine: Option<Engine>,
    vcpu: u32,
    memory_gib: u32,
    on_demand_hourly_nano_usd: Option<UnitPrice>,
    io_optimized_hourly_nano_usd: Option<UnitPrice>,
    source: String,
    as_of: Option<String>,
    confidence: Confidence,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reserved: Vec<ReservedTerm>,
}

/// The price book, when one was given.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BookInfo<'a> {
    name: &'a str,
    as_of: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RegionPrices<'a> {
    region: &'a str,
    catalog: acumen::report::CatalogInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    price_book: Option<BookInfo<'a>>,
    prices: Vec<RegionPrice>,
    instance_classes: Vec<ClassRow>,
}

fn region_prices(region: &str, book: Option<&PriceBook>) -> Vec<RegionPrice> {
    let lookup = |engine: Engine, item: PriceItem| -> Option<PriceRow> {
        book.and_then(|b| b.price(region, engine, item).map(|e| PriceRow::book(b, e)))
            .or_else(|| prices::catalog_price(region, engine, item).map(PriceRow::catalog))
    };
    let mut rows = Vec::new();
    for item in PriceItem::ALL {
        let pg = lookup(Engine::AuroraPostgresql, item);
        let my = lookup(Engine::AuroraMysql, item);
        if pg == my {
            rows.push(RegionPrice {
                item,
                engine: None,
                unit: item.unit(),
                entry: pg,
            });
        } else {
            for (engine, entry) in [(Engine::AuroraPostgresql, pg), (Engine::AuroraMysql, my)] {
                rows.push(RegionPrice {
                    item,
                    engine: Some(engine),
                    unit: item.unit(),
                    entry,
                });
            }
        }
    }
    rows
}

fn region_classes(region: &str, book: Option<&PriceBook>) -> Vec<ClassRow> {
    let mut rows: Vec<ClassRow> = Vec::new();
    if let Some(b) = book {
        let p = b.provenance(None, None);
        for c in b.instance_classes.iter().filter(|c| c.region == region) {
            rows.push(ClassRow {
                region: c.region.clone(),
                class: c.class.clone(),
                engine: c.engine,
                vcpu: c.vcpu,
                memory_gib: c.memory_gib,
                on_demand_hourly_nano_usd: c.on_demand_hourly,
                io_optimized_hourly_nano_usd: c.io_optimized_hourly,
                source: p.source.clone(),
                as_of: p.as_of.clone(),
                confidence: p.confidence,
                reserved: c.reserved.clone(),
            });
        }
    }
    for c in prices::instance_classes()
        .iter()
        .filter(|c| c.region == region)
    {
        if rows.iter().any(|r| r.class == c.class) {
            continue;
        }
        rows.push(ClassRow {
            region: c.region.into(),
            class: c.class.into(),
            engine: c.engine,
            vcpu: c.vcpu,
            memory_gib: c.memory_gib,
            on_demand_hourly_nano_usd: c.on_demand_hourly,
            io_optimized_hourly_nano_usd: c.io_optimized_hourly,
            source: c.source.into(),
            as_of: c.as_of.map(String::from),
            confidence: c.confidence,
            reserved: Vec::new(),
        });
    }
    rows
}

/// The upfront fee spread over the term's hours plus the hourly rate, in
/// dollars to four places (presentation only).
fn effective_hourly(t: &ReservedTerm) -> String {
    let hours = f64::from(t.term_years) * 8_760.0;
    let usd = t.hourly.as_usd_f64() + t.upfront.micros() as f64 / 1e6 / hours;
    format!("{usd:.4}")
}

/// Prints every billable item in `region` ("unknown" where neither the
/// book nor the catalog has a price), its provisioned instance classes and
/// the book's Reserved terms.
pub fn print_price_region(
    region: &str,
    book: Option<&PriceBook>,
    format: Format,
) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let rows = region_prices(region, book);
    let classes = region_classes(region, book);
    if format == Format::Json {
        return json(
            &mut out,
            &RegionPrices {
                region,
                catalog: catalog_info(book),
                price_book: book.map(|b| BookInfo {
                    name: &b.name,
                    as_of: &b.as_of,
                    source: &b.source,
                }),
                prices: rows,
                instance_classes: classes,
            },
        );
    }
    let t = region_price_table(&rows, book);
    let (c, r) = class_tables(&classes);
    match format {
        Format::Csv => t.write_csv(&mut out),
        Format::Markdown => {
            writeln!(out, "**{region}** prices ({})\n", origin(book))?;
            t.write_markdown(&mut out)?;
            if c.len() > 0 {
                writeln!(out, "\n**Provisioned instance classes**\n")?;
                c.write_markdown(&mut out)?;
            }
            if r.len() > 0 {
                writeln!(out, "\n**Reserved Instance terms** (price book)\n")?;
                r.write_markdown(&mut out)?;
            }
            Ok(())
        }
        _ => {
            writeln!(out, "{region} prices ({})", origin(book))?;
            t.write_text(&mut out)?;
            if c.len() > 0 {
                writeln!(out, "\nProvisioned instance classes")?;
                c.write_text(&mut out)?;
            }
            if r.len() > 0 {
                writeln!(
                    out,
                    "\nReserved Instance terms (price book; effective = hourly + upfront spread over the term)"
                )?;
                r.write_text(&mut out)?;
            }
            Ok(())
        }
    }
}

/// Where a region's prices come from: the catalog, or the book before it.
fn catalog_info(book: Option<&PriceBook>) -> acumen::report::CatalogInfo {
    match book {
        None => acumen::report::CatalogInfo {
            name: prices::CATALOG_NAME.into(),
            as_of: prices::CATALOG_AS_OF.into(),
        },
        Some(b) => acumen::report::CatalogInfo {
            name: format!(
                "{} (as of {}) and the {}",
                b.name,
                b.as_of,
                prices::CATALOG_NAME
            ),
            as_of: prices::CATALOG_AS_OF.into(),
        },
    }
}

/// One row per billable item; "unknown" and what to do where no price is
/// known.
fn region_price_table(rows: &[RegionPrice], book: Option<&PriceBook>) -> Table {
    let missing = if book.is_some() {
        "not in the price book or the catalog: give a price override"
    } else {
        "not in the catalog: give a price override"
    };
    let mut t = Table::new(&PRICE_COLUMNS[1..]);
    for r in rows {
        match &r.entry {
            Some(e) => {
                let mut cells = e.cells();
                cells.remove(0);
                cells[0] = engine_cell(r.engine);
                t.row(cells);
            }
            None => t.row(vec![
                engine_cell(r.engine),
                r.item.key().into(),
                r.unit.into(),
                "unknown".into(),
                "unknown".into(),
                "unknown".into(),
                missing.into(),
            ]),
        }
    }
    t
}

/// The provisioned instance classes, and their Reserved terms (from a price
/// book) with the effective hourly rate.
fn class_tables(classes: &[ClassRow]) -> (Table, Table) {
    let mut c = Table::new(&[
        ("class", Align::Left),
        ("engine", Align::Left),
        ("vcpu", Align::Right),
        ("memory_gib", Align::Right),
        ("on_demand_hourly_usd", Align::Right),
        ("io_optimized_hourly_usd", Align::Right),
        ("as_of", Align::Left),
        ("confidence", Align::Left),
        ("source", Align::Left),
    ]);
    let mut r = Table::new(&[
        ("class", Align::Left),
        ("engine", Align::Left),
        ("storage", Align::Left),
        ("term", Align::Left),
        ("payment", Align::Left),
        ("upfront_usd", Align::Right),
        ("hourly_usd", Align::Right),
        ("effective_hourly_usd", Align::Right),
    ]);
    for k in classes {
        c.row(vec![
            k.class.clone(),
            engine_cell(k.engine),
            k.vcpu.to_string(),
            k.memory_gib.to_string(),
            k.on_demand_hourly_nano_usd
                .map_or_else(|| "unknown".into(), usd),
            k.io_optimized_hourly_nano_usd
                .map_or_else(|| "unknown".into(), usd),
            k.as_of.clone().unwrap_or_else(|| "unknown".into()),
            confidence(k.confidence).into(),
            k.source.clone(),
        ]);
        for t in &k.reserved {
            r.row(reserved_cells(k, t));
        }
    }
    (c, r)
}

/// One Reserved term of class `k`.
fn reserved_cells(k: &ClassRow, t: &ReservedTerm) -> Vec<String> {
    vec![
        k.class.clone(),
        engine_cell(k.engine),
        if t.io_optimized {
            "io-optimized"
        } else {
            "standard"
        }
        .into(),
        format!("{} yr", t.term_years),
        match t.payment {
            Payment::NoUpfront => "no upfront",
            Payment::PartialUpfront => "partial upfront",
            Payment::AllUpfront => "all upfront",
        }
        .into(),
        t.upfront
            .to_string()
            .trim_start_matches('$')
            .replace(',', ""),
        usd(t.hourly),
        effective_hourly(t),
    ]
}

/// Prints a `max_connections` value.
pub fn print_max_connections(
    engine: Engine,
    min: Acu,
    max: Acu,
    value: &MaxConnections,
    format: Format,
) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let basis = match value.basis {
        ConnectionsBasis::Published => "published",
        ConnectionsBasis::Interpolated => "interpolated",
        ConnectionsBasis::Extrapolated => "extrapolated",
    };
    match format {
        Format::Json => json(&mut out, value),
        Format::Table => {
            writeln!(
                out,
                "max_connections: {} ({basis}; {engine}, {min}-{max} ACU){}",
                value.value,
                if value.capped_by_min {
                    "; capped at 2,000 by the 0.5 ACU minimum"
                } else {
                    ""
                }
            )
        }
        _ => {
            let mut t = Table::new(&[
                ("engine", Align::Left),
                ("min_acu", Align::Right),
                ("max_acu", Align::Right),
                ("max_connections", Align::Right),
                ("basis", Align::Left),
                ("capped_by_min", Align::Left),
            ]);
            t.row(vec![
                engine.name().into(),
                min.to_string(),
                max.to_string(),
                value.value.to_string(),
                basis.into(),
                value.capped_by_min.to_string(),
            ]);
            emit(&mut out, &t, format)
        }
    }
}

pub(crate) fn signed(m: acumen::Money) -> String {
    if m.cents_rounded() > 0 {
        format!("+{m}")
    } else {
        m.to_string()
    }
}

/// Prints a replay: recorded and replayed bills side by side.
pub fn print_replay(r: &Replay, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if format == Format::Json {
        return json(&mut out, r);
    }
    let t = replay_table(r, format == Format::Csv);
    if format == Format::Csv {
        return t.write_csv(&mut out);
    }
    let md = format == Format::Markdown;
    for line in &replay_heading(r) {
        if md {
            writeln!(out, "- {line}")?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    emit(&mut out, &t, format)?;
    writeln!(out)?;
    let bullet = if md { "- " } else { "" };
    writeln!(
        out,
        "{bullet}Recorded {}, replayed {}: {} ({}).",
        r.recorded_total_micro_usd,
        r.replayed_total_micro_usd,
        signed(r.difference_micro_usd),
        percent(r.difference_micro_usd, r.recorded_total_micro_usd)
    )?;
    writeln!(
        out,
        "{bullet}Ideal tracking of the same demand under the replayed settings: {}.",
        r.ideal_total_micro_usd
    )?;
    for w in &r.warnings {
        writeln!(out, "{bullet}warning: {w}")?;
    }
    Ok(())
}

/// The replay's rows, one per instance and a total: machine units (seconds,
/// micro-dollars) and snake_case headers in CSV, readable ones elsewhere.
fn replay_table(r: &Replay, csv: bool) -> Table {
    let money = |m: acumen::Money| {
        if csv {
            m.micros().to_string()
        } else {
            m.to_string()
        }
    };
    let diff = |m: acumen::Money| {
        if csv {
            m.micros().to_string()
        } else {
            signed(m)
        }
    };
    let gap_time = |seconds: u64| {
        if csv {
            seconds.to_string()
        } else {
            duration(seconds)
        }
    };
    let header = |machine: &'static str, readable: &'static str| {
        (if csv { machine } else { readable }, Align::Right)
    };
    let mut t = Table::new(&[
        ("instance", Align::Left),
        ("role", Align::Left),
        ("samples", Align::Right),
        ("gaps", Align::Right),
        header("gap_seconds", "gap time"),
        header("recorded_acu_hours", "recorded ACU-h"),
        header("recorded_micro_usd", "recorded"),
        header("replayed_acu_hours", "replayed ACU-h"),
        header("replayed_micro_usd", "replayed"),
        header("difference_micro_usd", "difference"),
    ]);
    for i in &r.instances {
        t.row(vec![
            i.name.clone(),
            i.role.clone(),
            i.samples.to_string(),
            i.gaps.to_string(),
            gap_time(i.gap_seconds),
            num(i.recorded_acu_hours, 3),
            money(i.recorded_cost_micro_usd),
            num(i.replayed_acu_hours, 3),
            money(i.replayed_cost_micro_usd),
            diff(i.difference_micro_usd),
        ]);
    }
    let recorded_hours: f64 = r.instances.iter().map(|i| i.recorded_acu_hours).sum();
    let replayed_hours: f64 = r.instances.iter().map(|i| i.replayed_acu_hours).sum();
    t.row(vec![
        "total".into(),
        String::new(),
        r.instances
            .iter()
            .map(|i| i.samples)
            .sum::<usize>()
            .to_string(),
        r.instances
            .iter()
            .map(|i| i.gaps)
            .sum::<usize>()
            .to_string(),
        gap_time(r.instances.iter().map(|i| i.gap_seconds).sum()),
        num(recorded_hours, 3),
        money(r.recorded_total_micro_usd),
        num(replayed_hours, 3),
        money(r.replayed_total_micro_usd),
        diff(r.difference_micro_usd),
    ]);
    t
}

/// The three lines above the replay's table: what was read, the scaling
/// ranges, and the price both bills use.
fn replay_heading(r: &Replay) -> [String; 3] {
    let scaling = |s: &acumen::Scaling| {
        let pause = if s.min_acu == 0.0 {
            format!(
                ", auto-pause after {} s",
                s.seconds_until_auto_pause
                    .unwrap_or(acumen::scenario::DEFAULT_AUTO_PAUSE_SECONDS)
            )
        } else {
            String::new()
        };
        format!("{}-{} ACU{pause}", num(s.min_acu, 1), num(s.max_acu, 1))
    };
    [
        format!(
            "Replay of ServerlessDatabaseCapacity: {} instance(s), {} to {} ({:.2} h), every {} s",
            r.instances.len(),
            r.start,
            r.end,
            r.recorded_hours,
            r.interval_seconds
        ),
        format!(
            "Recorded: {} (as seen in the samples). Replayed: {}, model {}.",
            scaling(&r.settings.recorded),
            scaling(&r.settings.replayed),
            model_label(&r.report.model)
        ),
        format!(
            "Both bills: {} h at {} per ACU-hour ({} {}, {} confidence, as of {}).",
            r.compared_hours,
            r.unit_price_nano_usd,
            r.report.region,
            r.report.engine,
            confidence(r.price.confidence),
            r.price.as_of.as_deref().unwrap_or("unknown")
        ),
    ]
}

fn percent(diff: acumen::Money, base: acumen::Money) -> String {
    if base.micros() == 0 {
        String::from("no recorded cost to compare")
    } else {
        let p = diff.micros() as f64 * 100.0 / base.micros() as f64;
        let text = format!("{p:+.1} %");
        if text == "-0.0 %" || text == "+0.0 %" {
            String::from("0.0 %")
        } else {
            text
        }
    }
}

/// The report as an aligned table, e.g.
///
/// ```text
/// Item             Quantity  Unit      Unit price      Cost
/// writer compute   2,920.00  ACU-hour  $0.12       $350.40
/// ```
pub fn write_table(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(
        out,
        "Aurora Serverless v2 estimate: {} {}, {}, {} h/month",
        report.region,
        report.engine,
        storage_name(report),
        report.hours_per_month
    )?;
    let t = bill_table(report, false);
    t.write_text(out)?;
    for line in summary(report) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn storage_name(report: &Report) -> &'static str {
    match report.storage_type {
        acumen::StorageType::Standard => "Aurora Standard",
        acumen::StorageType::IoOptimized => "Aurora I/O-Optimized",
    }
}

/// `12345.5` → `12,345.50`.
fn group(value: f64) -> String {
    let text = format!("{value:.2}");
    let (whole, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let digits: Vec<char> = whole.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(*c);
    }
    format!("{grouped}.{frac}")
}

/// "acumen-controller v2 on platform version 4": the model, its version and
/// the platform version its controller preset is for.
fn model_label(model: &acumen::vocabulary::ModelInfo) -> String {
    match model.platform_version {
        Some(v) => format!("{} v{} on platform version {v}", model.name, model.version),
        None => format!("{} v{}", model.name, model.version),
    }
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(2920.0), "2,920.00");
        assert_eq!(group(100.0), "100.00");
        assert_eq!(group(1234567.891), "1,234,567.89");
        assert_eq!(group(0.5), "0.50");
    }
}
