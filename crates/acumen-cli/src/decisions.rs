//! Printing decisions: the comparison, the advice and the optimiser's answer.

use std::io::{self, Write};

use acumen::Report;
use acumen::advise::Topic;
use acumen::optimize::Optimization;

use crate::Format;
use crate::output::{emit, json};
use crate::table::{Align, Table};

fn money(m: Option<acumen::Money>) -> String {
    m.map_or_else(|| String::from("unknown"), |m| m.to_string())
}

/// The ranked options, the break-even and the verdict.
pub fn print_comparison(report: &Report, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let Some(c) = &report.comparison else {
        return writeln!(out, "no comparison");
    };
    if format == Format::Json {
        return json(&mut out, c);
    }
    let mut t = Table::new(&[
        ("Option", Align::Left),
        ("Per month", Align::Right),
        ("Per year", Align::Right),
        ("Break-even h/day at peak", Align::Right),
        ("Note", Align::Left),
    ]);
    for r in &c.rows {
        let be = c
            .break_even
            .iter()
            .find(|b| b.option == r.option)
            .map_or_else(String::new, |b| {
                b.hours_per_day
                    .map_or_else(|| String::from("never"), |h| format!("{h:.1}"))
            });
        t.row(vec![
            r.option.clone(),
            money(r.monthly_micro_usd),
            money(r.yearly_micro_usd),
            be,
            r.note.clone(),
        ]);
    }
    if format == Format::Table {
        writeln!(out, "Verdict: {}", c.verdict)?;
        writeln!(
            out,
            "Peak {} ACU, off-peak {} ACU, about {:.1} h a day near the peak now.",
            c.peak_acu, c.off_peak_acu, c.current_peak_hours_per_day
        )?;
    }
    emit(&mut out, &t, format)?;
    if format == Format::Table {
        writeln!(out, "Storage: {}", c.storage.verdict)?;
    }
    print_savings_plans(&mut out, c, format)
}

/// `37.5 %`.
fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0)
}

/// Each Database Savings Plan sized to the load: the best commitment, its
/// utilisation and saving, the user's commitment and the average-sized one.
/// Table and Markdown only: CSV keeps one table (the rows name the
/// commitment), JSON has it all in `savingsPlans`.
fn print_savings_plans(
    out: &mut dyn Write,
    c: &acumen::compare::Comparison,
    format: Format,
) -> io::Result<()> {
    if c.savings_plans.is_empty() || !matches!(format, Format::Table | Format::Markdown) {
        return Ok(());
    }
    writeln!(out)?;
    if format == Format::Markdown {
        writeln!(out, "Database Savings Plans")?;
        writeln!(out)?;
    }
    let mut t = Table::new(&[
        ("Plan", Align::Left),
        ("Commitment per hour", Align::Right),
        ("Compute per month", Align::Right),
        ("Used", Align::Right),
        ("Saving per month", Align::Right),
        ("Saving", Align::Right),
    ]);
    for p in &c.savings_plans {
        t.row(vec![
            format!("{}: on-demand", p.covers),
            String::from("none"),
            p.on_demand_micro_usd.to_string(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        let mut line = |name: String, k: &acumen::compare::Commitment| {
            t.row(vec![
                name,
                acumen::compare::hourly_commitment(k.hourly_micro_usd),
                k.monthly_micro_usd.to_string(),
                percent(k.utilisation),
                k.saving_micro_usd.to_string(),
                percent(k.saving_share),
            ]);
        };
        line(format!("{}: best", p.covers), &p.best);
        if let Some(y) = &p.yours {
            line(format!("{}: yours", p.covers), y);
        }
        line(format!("{}: average hour", p.covers), &p.average);
    }
    emit(out, &t, format)?;
    for p in &c.savings_plans {
        writeln!(
            out,
            "{}{}: {} (plan rate {} per {} against {} on-demand, {} off; {}-year term, {})",
            if format == Format::Markdown { "- " } else { "" },
            p.covers,
            p.summary,
            p.rate_nano_usd,
            p.unit,
            p.on_demand_nano_usd,
            percent(p.discount),
            p.term_years,
            payment(p.payment)
        )?;
        writeln!(
            out,
            "{}Assumed: {}.",
            if format == Format::Markdown {
                "- "
            } else {
                "  "
            },
            p.assumptions
        )?;
    }
    Ok(())
}

fn payment(p: acumen::vocabulary::Payment) -> &'static str {
    match p {
        acumen::vocabulary::Payment::NoUpfront => "no upfront",
        acumen::vocabulary::Payment::PartialUpfront => "partial upfront",
        acumen::vocabulary::Payment::AllUpfront => "all upfront",
    }
}

fn topic(t: Topic) -> &'static str {
    match t {
        Topic::MinAcu => "min ACU",
        Topic::AutoPause => "auto-pause",
        Topic::MaxAcu => "max ACU",
        Topic::Connections => "connections",
        Topic::Alarm => "alarm",
        Topic::Storage => "storage",
        Topic::Purchase => "purchase",
        Topic::SavingsPlan => "savings plan",
    }
}

/// Every advice item with its reason.
pub fn print_advice(report: &Report, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if format == Format::Json {
        return json(&mut out, &report.advice);
    }
    if format == Format::Table {
        for a in &report.advice {
            writeln!(
                out,
                "[{}] {}\n    {}",
                topic(a.topic),
                a.recommendation,
                a.reason
            )?;
        }
        return Ok(());
    }
    let mut t = Table::new(&[
        ("Topic", Align::Left),
        ("Recommendation", Align::Left),
        ("Reason", Align::Left),
    ]);
    for a in &report.advice {
        t.row(vec![
            String::from(topic(a.topic)),
            a.recommendation.clone(),
            a.reason.clone(),
        ]);
    }
    emit(&mut out, &t, format)
}

/// The cheapest range and the frontier.
pub fn print_optimization(o: &Optimization, share: f64, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if format == Format::Json {
        return json(&mut out, o);
    }
    let line = |c: &acumen::optimize::Candidate| {
        vec![
            format!("{}", c.min_acu),
            format!("{}", c.max_acu),
            c.compute_micro_usd.to_string(),
            format!("{:.3} %", c.unmet_share * 100.0),
        ]
    };
    if format == Format::Table {
        match &o.best {
            Some(b) if *b == o.current => writeln!(
                out,
                "Keep the current range, min {} ACU, max {} ACU: no range with at most {:.3} % unmet demand costs less than its {} a month of compute ({:.3} % unmet). {} ranges simulated.",
                b.min_acu,
                b.max_acu,
                share * 100.0,
                b.compute_micro_usd,
                b.unmet_share * 100.0,
                o.evaluated
            )?,
            Some(b) => writeln!(
                out,
                "Cheapest range with at most {:.3} % unmet demand: min {} ACU, max {} ACU, compute {} a month ({:.3} % unmet); now: min {}, max {}, {} ({:.3} %). {} ranges simulated.",
                share * 100.0,
                b.min_acu,
                b.max_acu,
                b.compute_micro_usd,
                b.unmet_share * 100.0,
                o.current.min_acu,
                o.current.max_acu,
                o.current.compute_micro_usd,
                o.current.unmet_share * 100.0,
                o.evaluated
            )?,
            None => writeln!(
                out,
                "No range keeps unmet demand under {:.3} %.",
                share * 100.0
            )?,
        }
        if let Some(note) = &o.note {
            writeln!(out, "Note: {note}.")?;
        }
        writeln!(out, "Frontier (cost against unmet demand):")?;
    } else if let Some(note) = &o.note {
        // Markdown and CSV stay tables; the note goes beside them.
        eprintln!("note: {note}");
    }
    let mut t = Table::new(&[
        ("Min ACU", Align::Right),
        ("Max ACU", Align::Right),
        ("Compute per month", Align::Right),
        ("Unmet", Align::Right),
    ]);
    for c in &o.frontier {
        t.row(line(c));
    }
    emit(&mut out, &t, format)
}
