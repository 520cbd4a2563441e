//! `acumen calibrate`: the controller model against every published scaling
//! measurement, one row per measurement and platform version.

use std::io::{self, Write};

use acumen::calibration::{Comparison, Role, calibrate};

use crate::Format;
use crate::output::json;
use crate::table::{Align, Table, num};

/// Prints the comparison in `format`.
pub fn print(format: Format, out: &mut dyn Write) -> io::Result<()> {
    let rows = calibrate();
    match format {
        Format::Json => json(out, &rows),
        Format::Csv => table(&rows).write_csv(out),
        Format::Markdown => table(&rows).write_markdown(out),
        Format::Table => {
            table(&rows).write_text(out)?;
            let missed = rows.iter().filter(|r| !r.within).count();
            writeln!(
                out,
                "\n{} of {} within their bands (fit: a parameter was chosen to meet it; check: nothing was).",
                rows.len() - missed,
                rows.len()
            )
        }
    }
}

fn table(rows: &[Comparison]) -> Table {
    let mut t = Table::new(&[
        ("measurement", Align::Left),
        ("PV", Align::Right),
        ("published", Align::Left),
        ("band", Align::Left),
        ("model", Align::Right),
        ("unit", Align::Left),
        ("within", Align::Left),
        ("role", Align::Left),
    ]);
    for r in rows {
        t.row(vec![
            r.id.to_string(),
            r.platform_version.to_string(),
            r.measured.to_string(),
            band(r.low, r.high),
            shown(r.model),
            r.unit.to_string(),
            String::from(if r.within { "yes" } else { "NO" }),
            String::from(match r.role {
                Role::Fit => "fit",
                Role::Check => "check",
            }),
        ]);
    }
    t
}

/// Whole numbers as such, ratios to three places.
fn shown(value: f64) -> String {
    if value.fract() == 0.0 {
        num(value, 0)
    } else if value.abs() < 10.0 {
        num(value, 3)
    } else {
        num(value, 1)
    }
}

fn band(low: f64, high: f64) -> String {
    if low == high {
        shown(low)
    } else if high.is_infinite() {
        format!("> {}", shown(low - 1.0))
    } else {
        format!("{} to {}", shown(low), shown(high))
    }
}
