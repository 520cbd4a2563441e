//! Printing reports: an aligned table for people, JSON for programs.

use std::io::{self, Write};

use acumen::Report;
use acumen::report::WarningKind;

use crate::Format;

/// Writes `report` to standard output in `format`.
pub fn print_report(report: &Report, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, report)?;
            writeln!(out)
        }
        Format::Table => write_table(&mut out, report),
    }
}

/// The report as an aligned table, e.g.
///
/// ```text
/// Item             Quantity  Unit      Unit price      Cost
/// writer compute   2,920.00  ACU-hour  $0.12       $350.40
/// ```
pub fn write_table(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let rows: Vec<[String; 5]> = report
        .lines
        .iter()
        .map(|l| {
            let flag = if l.price.overridden {
                " (override)"
            } else if l.price.confidence == acumen::prices::Confidence::Low {
                " (low confidence)"
            } else {
                ""
            };
            [
                l.description.clone(),
                group(l.quantity),
                l.unit.clone(),
                format!("{}{flag}", l.unit_price_nano_usd),
                l.cost_micro_usd.to_string(),
            ]
        })
        .collect();
    let header = ["Item", "Quantity", "Unit", "Unit price", "Cost"].map(String::from);
    let total_row = [
        String::from("Total per month"),
        String::new(),
        String::new(),
        String::new(),
        report.total_micro_usd.to_string(),
    ];
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header)
        .chain(&rows)
        .chain(std::iter::once(&total_row))
    {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    writeln!(
        out,
        "Aurora Serverless v2 estimate: {} {}, {}, {} h/month",
        report.region,
        report.engine,
        storage_name(report),
        report.hours_per_month
    )?;
    let print = |out: &mut dyn Write, row: &[String; 5]| -> io::Result<()> {
        // Text columns left-aligned, numbers right-aligned.
        writeln!(
            out,
            "{:<w0$}  {:>w1$}  {:<w2$}  {:<w3$}  {:>w4$}",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4]
        )
    };
    print(out, &header)?;
    for row in &rows {
        print(out, row)?;
    }
    print(out, &total_row)?;
    writeln!(out, "Per year: {}", report.yearly_micro_usd)?;
    writeln!(
        out,
        "Ideal tracking: {} ({})",
        report.ideal.total_micro_usd, report.ideal.explanation
    )?;
    for i in &report.instances {
        let unmet = i.unmet_acu_hours.lag + i.unmet_acu_hours.cap + i.unmet_acu_hours.resume;
        writeln!(
            out,
            "{}: {:.1} ACU-hours, average {:.2} ACU, peak {} ACU, paused {:.1} h, at max {:.1} h, unmet {:.2} ACU-hours",
            i.name, i.acu_hours, i.average_acu, i.peak_acu, i.paused_hours, i.hours_at_max, unmet
        )?;
    }
    let mc = &report.max_connections;
    writeln!(
        out,
        "max_connections: {}{}",
        mc.value,
        if mc.capped_by_min {
            " (capped at 2,000 by the 0.5 ACU minimum)"
        } else {
            ""
        }
    )?;
    writeln!(
        out,
        "Model: {} v{}. Prices: {} as of {}.",
        report.model.name, report.model.version, report.catalog.name, report.catalog.as_of
    )?;
    for w in &report.warnings {
        let label = match w.kind {
            WarningKind::LowConfidencePrice => "low-confidence price",
            WarningKind::DemandAboveMax => "demand above max",
            WarningKind::UnknownPrice => "unknown price",
            WarningKind::InputNote => "note",
            WarningKind::PlatformVersion => "platform version",
            WarningKind::PauseBlocked => "no auto-pause",
            _ => "warning",
        };
        writeln!(out, "warning ({label}): {}", w.message)?;
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
