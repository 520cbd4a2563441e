//! `acumen migrate`: a provisioned instance, from a CPU summary or a
//! CloudWatch series of its CPUUtilization, sized for Serverless v2 and
//! priced against its class; or a whole fleet from an inventory
//! ([`crate::fleet`]). The maths is the core's ([`acumen::migrate`]).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use acumen::cloudwatch::{GridOptions, ReadOptions, Recording, Statistic};
use acumen::migrate::{CpuSummary, CpuTrace, Migration, MigrationInput, migrate};
use acumen::prices::PriceBook;
use clap::Args;

use crate::output::{emit, json};
use crate::table::{Align, Table, num};
use crate::{EngineArg, Format, StorageArg};

/// The arguments of `acumen migrate`.
#[derive(Args, Debug)]
pub struct MigrateArgs {
    /// The provisioned class today, e.g. db.r6g.xlarge.
    #[arg(long, value_name = "CLASS", required_unless_present = "fleet")]
    pub class: Option<String>,
    /// 95th percentile of CPUUtilization, percent (summary mode).
    #[arg(long, value_name = "PERCENT", requires = "cpu_max")]
    pub cpu_p95: Option<f64>,
    /// Maximum of CPUUtilization, percent (summary mode).
    #[arg(long, value_name = "PERCENT", requires = "cpu_p95")]
    pub cpu_max: Option<f64>,
    /// Average of CPUUtilization, percent (default: 0.6 × p95).
    #[arg(long, value_name = "PERCENT", requires = "cpu_p95")]
    pub cpu_avg: Option<f64>,
    /// A CloudWatch export of the instance's CPUUtilization (the AWS CLI's
    /// JSON or CSV; the first series is used): series mode.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["cpu_p95", "cpu_max", "cpu_avg"])]
    pub cpu: Option<PathBuf>,
    /// An inventory CSV (id,class,engine,region,cpu) of many instances:
    /// fleet mode.
    #[arg(long, value_name = "INVENTORY", conflicts_with_all = ["class", "cpu", "cpu_p95"])]
    pub fleet: Option<PathBuf>,
    /// Peak concurrent connections (a floor on the minimum).
    #[arg(long, value_name = "N")]
    pub connections: Option<u32>,
    /// A CloudWatch export of DatabaseConnections: its peak is the
    /// connection count (instead of --connections).
    #[arg(long, value_name = "FILE", conflicts_with = "connections")]
    pub connections_series: Option<PathBuf>,
    /// The working set, GiB (a floor on the minimum).
    #[arg(long, value_name = "GIB")]
    pub working_set_gib: Option<f64>,
    /// Cluster storage, GB-month (the same on both sides).
    #[arg(long, value_name = "GB", default_value_t = 0.0)]
    pub storage_gb: f64,
    /// AWS region (default for a fleet's rows without one).
    #[arg(long, default_value = "us-east-1")]
    pub region: String,
    /// Database engine (default for a fleet's rows without one).
    #[arg(long, value_enum, default_value_t = EngineArg::AuroraPostgresql)]
    pub engine: EngineArg,
    /// Storage configuration.
    #[arg(long, value_enum, default_value_t = StorageArg::Standard)]
    pub storage_type: StorageArg,
    /// The statistic of a get-metric-statistics file to read.
    #[arg(long, value_name = "STAT", default_value = "Average", value_parser = Statistic::parse)]
    pub statistic: Statistic,
    /// A price book (from `acumen prices import` or `fetch`) to price from first.
    #[arg(long, value_name = "BOOK")]
    pub prices: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Why an instance could not be answered.
#[derive(Debug)]
pub enum Failed {
    /// A file could not be read (exit 3).
    Io(String),
    /// A file's content is wrong (exit 1): `file:line: …`.
    File(String),
    /// The core refused an input: its error and the flag (or file) named.
    Core { error: acumen::Error, at: String },
}

impl From<crate::cloudwatch::ReadError> for Failed {
    fn from(e: crate::cloudwatch::ReadError) -> Failed {
        match e {
            crate::cloudwatch::ReadError::Io(m) => Failed::Io(m),
            crate::cloudwatch::ReadError::Invalid(m) => Failed::File(m),
        }
    }
}

/// What every instance of a run shares: the command's settings, the price
/// book and the connection count (a DatabaseConnections export is read
/// here, once). The class and the CPU load are the instance's.
pub fn shared_input(
    args: &MigrateArgs,
    book: Option<&PriceBook>,
) -> Result<MigrationInput, Failed> {
    let connections = match &args.connections_series {
        Some(path) => Some(peak_connections(path)?),
        None => args.connections,
    };
    Ok(MigrationInput {
        region: args.region.clone(),
        engine: args.engine.into(),
        storage_type: args.storage_type.into(),
        storage_gb: args.storage_gb,
        connections,
        working_set_gib: args.working_set_gib,
        price_book: book.cloned(),
        ..MigrationInput::default()
    })
}

/// `input` with its CPU load: a file's series (and what reading it found),
/// else the summary the flags give.
pub fn with_cpu(
    mut input: MigrationInput,
    args: &MigrateArgs,
    cpu_file: Option<&Path>,
) -> Result<(MigrationInput, Vec<String>), Failed> {
    let mut warnings = Vec::new();
    match cpu_file {
        Some(path) => {
            let reading = ReadOptions {
                statistic: args.statistic.clone(),
            };
            let (trace, said) = read_cpu(path, &reading)?;
            input.cpu_trace = Some(trace);
            warnings = said;
        }
        None => {
            input.cpu = Some(CpuSummary {
                p95: args.cpu_p95.unwrap_or(f64::NAN),
                max: args.cpu_max.unwrap_or(f64::NAN),
                average: args.cpu_avg,
            });
        }
    }
    Ok((input, warnings))
}

/// The first series of a CloudWatch export of CPUUtilization, on its grid,
/// and what reading it found.
pub fn read_cpu(path: &Path, reading: &ReadOptions) -> Result<(CpuTrace, Vec<String>), Failed> {
    let shown = path.display().to_string();
    let series = crate::cloudwatch::read_file(path, reading, &mut |_| {})?;
    let mut warnings = Vec::new();
    let count = series.len();
    let first = series
        .into_iter()
        .next()
        .ok_or_else(|| Failed::File(format!("{shown}: no samples")))?;
    if count > 1 {
        warnings.push(format!(
            "{shown}: {count} series; the first, {}, is the instance's CPU",
            first.name
        ));
    }
    let grid = Recording::new(vec![first])
        .and_then(|r| r.resample(&GridOptions::default()))
        .map_err(|e| Failed::File(e.in_file(&shown)))?;
    warnings.extend(grid.warnings.iter().map(|w| format!("{shown}: {w}")));
    let values = grid
        .series
        .into_iter()
        .next()
        .map(|s| s.values)
        .unwrap_or_default();
    Ok((
        CpuTrace {
            interval_seconds: grid.interval_seconds,
            percent: values,
        },
        warnings,
    ))
}

/// The peak of a DatabaseConnections export (its first series), rounded up.
fn peak_connections(path: &Path) -> Result<u32, Failed> {
    let series = crate::cloudwatch::read_file(path, &ReadOptions::default(), &mut |_| {})?;
    let peak = series.first().map_or(0.0, |s| {
        s.samples.iter().map(|(_, v)| *v).fold(0.0, f64::max)
    });
    // Connections are counted in whole numbers; an average over a period
    // can be fractional, and the floor needs the next whole one.
    Ok(peak.ceil().min(f64::from(u32::MAX)) as u32)
}

/// Runs the core on `input`; its errors name `at` (a flag or a file).
pub fn answer(input: &MigrationInput, at: impl Fn(&str) -> String) -> Result<Migration, Failed> {
    migrate(input).map_err(|error| {
        let at = at(error.field());
        Failed::Core { error, at }
    })
}

/// The flag a core field came from, in single-instance mode.
pub fn flag_of(field: &str) -> String {
    let flag = match field {
        "class" => "--class",
        "cpu" | "cpu.p95" => "--cpu-p95",
        "cpu.max" => "--cpu-max",
        "cpu.average" => "--cpu-avg",
        "storageGb" => "--storage-gb",
        "workingSetGib" => "--working-set-gib",
        "region" => "--region",
        f if f.starts_with("cpuTrace") => "--cpu",
        _ => "",
    };
    if flag.is_empty() {
        field.to_string()
    } else {
        flag.to_string()
    }
}

/// Prints one migration in `format`.
pub fn print(m: &Migration, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match format {
        Format::Json => json(&mut out, m),
        Format::Csv => emit(&mut out, &csv_table(m), Format::Csv),
        Format::Table => write_text(&mut out, m),
        Format::Markdown => write_markdown(&mut out, m),
    }
}

fn csv_table(m: &Migration) -> Table {
    let mut t = Table::new(&[
        ("class", Align::Left),
        ("min_acu", Align::Right),
        ("max_acu", Align::Right),
        ("typical_acu", Align::Right),
        ("peak_acu", Align::Right),
        ("serverless_micro_usd", Align::Right),
        ("on_demand_micro_usd", Align::Right),
        ("saving_micro_usd", Align::Right),
    ]);
    let micros = |v: Option<acumen::Money>| v.map_or(String::new(), |v| v.micros().to_string());
    t.row(vec![
        m.class.class.clone(),
        m.proposed.min_acu.to_string(),
        m.proposed.max_acu.to_string(),
        m.sizing.typical_acu.to_string(),
        m.sizing.peak_acu.to_string(),
        m.serverless.monthly_micro_usd.micros().to_string(),
        micros(m.on_demand.as_ref().map(|o| o.monthly_micro_usd)),
        micros(m.saving_micro_usd),
    ]);
    t
}

/// The heading lines: the class, the load, the sizing and the range.
fn heading(m: &Migration) -> Vec<String> {
    let c = &m.class;
    let cpu = &m.cpu;
    let average = cpu.average.map_or_else(
        || String::from("not given (0.6 × p95 assumed)"),
        |a| format!("{} %", num(a, 1)),
    );
    let s = &m.sizing;
    vec![
        format!(
            "{} ({} vCPU, {} GiB, {} ACU per vCPU at full load) in {}, {}",
            c.class,
            c.vcpu,
            c.memory_gib,
            c.acu_per_vcpu,
            m.report.region,
            m.report.engine.name()
        ),
        format!(
            "CPU: p95 {} %, max {} %, average {average}",
            num(cpu.p95, 1),
            num(cpu.max, 1)
        ),
        format!(
            "Sizing (AWS's serverless advisory rules): minimum {} ACU, typical {} ACU, peak {} ACU, maximum {} ACU",
            s.min_acu, s.typical_acu, s.peak_acu, s.max_acu
        ),
        format!(
            "Proposed range: {}-{} ACU ({})",
            m.proposed.min_acu, m.proposed.max_acu, m.proposed_by
        ),
    ]
}

fn cost_table(m: &Migration) -> Table {
    let mut t = Table::new(&[("Option", Align::Left), ("Per month", Align::Right)]);
    t.row(vec![
        format!(
            "Serverless v2, {}-{} ACU",
            m.proposed.min_acu, m.proposed.max_acu
        ),
        m.serverless.monthly_micro_usd.to_string(),
    ]);
    for option in m.on_demand.iter().chain(&m.best_commitment) {
        t.row(vec![
            option.option.clone(),
            option.monthly_micro_usd.to_string(),
        ]);
    }
    if let Some(saving) = m.saving_micro_usd {
        t.row(vec![
            String::from("Saving on serverless (against on demand)"),
            crate::output::signed(saving),
        ]);
    }
    t
}

fn write_text(out: &mut dyn Write, m: &Migration) -> io::Result<()> {
    for line in heading(m) {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    cost_table(m).write_text(out)?;
    writeln!(out)?;
    writeln!(out, "Verdict: {}", m.verdict)?;
    for note in &m.notes {
        writeln!(out, "Note: {note}")?;
    }
    writeln!(out, "How the sizing was worked out:")?;
    for rule in &m.sizing.rules {
        writeln!(out, "  {rule}")?;
    }
    Ok(())
}

fn write_markdown(out: &mut dyn Write, m: &Migration) -> io::Result<()> {
    for line in heading(m) {
        writeln!(out, "{line}  ")?;
    }
    writeln!(out)?;
    cost_table(m).write_markdown(out)?;
    writeln!(out)?;
    writeln!(out, "**Verdict:** {}", m.verdict)?;
    for note in &m.notes {
        writeln!(out, "\n> {note}")?;
    }
    writeln!(out)?;
    for rule in &m.sizing.rules {
        writeln!(out, "- {rule}")?;
    }
    Ok(())
}
