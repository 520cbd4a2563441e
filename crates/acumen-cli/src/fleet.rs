//! `acumen migrate --fleet`: every instance of an inventory
//! ([`crate::inventory`]) sized and priced as `--cpu` does one, on every
//! core at once; one row per instance, sorted by saving, and the fleet's
//! total. An instance whose file cannot be read is reported with its file
//! and line while the others are still answered.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use acumen::Engine;
use acumen::compare::OptionKind;
use acumen::migrate::{Migration, MigrationInput};
use acumen::prices::{Confidence, PriceBook};
use serde::Serialize;

use crate::Format;
use crate::inventory::{self, Entry};
use crate::migrate::{Failed, MigrateArgs, answer, shared_input, with_cpu};
use crate::output::{emit, json, signed};
use crate::progress::Progress;
use crate::table::{Align, Table};

/// One instance's answer.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetRow {
    /// Its id in the inventory.
    pub id: String,
    /// Its class.
    pub class: String,
    /// Its region.
    pub region: String,
    /// The proposed range, ACUs.
    pub min_acu: Option<f64>,
    /// See `minAcu`.
    pub max_acu: Option<f64>,
    /// The class on demand a month, micro-dollars (when its rate is known).
    pub current_micro_usd: Option<i64>,
    /// Serverless at the proposed range a month, micro-dollars.
    pub serverless_micro_usd: Option<i64>,
    /// Current minus serverless (positive: serverless saves).
    pub saving_micro_usd: Option<i64>,
    /// The lower confidence of the two prices.
    pub confidence: Option<Confidence>,
    /// `move`, `stay`, `unpriced` (no on-demand rate) or `error`.
    pub decision: &'static str,
    /// Why it could not be answered, naming the file and line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The fleet: its rows (by saving, largest first; errors last) and totals.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fleet {
    /// The inventory read.
    pub inventory: String,
    /// One row per instance.
    pub instances: Vec<FleetRow>,
    /// Sums over the instances answered with an on-demand rate.
    pub current_total_micro_usd: i64,
    /// See `currentTotalMicroUsd`.
    pub serverless_total_micro_usd: i64,
    /// See `currentTotalMicroUsd`.
    pub saving_total_micro_usd: i64,
    /// Instances that could not be answered.
    pub failed: usize,
}

/// Answers every instance of `inventory` and prints the fleet.
pub fn run(args: &MigrateArgs, inventory: &Path, book: Option<&PriceBook>) -> Result<(), Failed> {
    let shown = inventory.display().to_string();
    let text =
        std::fs::read_to_string(inventory).map_err(|e| Failed::Io(format!("{shown}: {e}")))?;
    let entries = inventory::parse(&text).map_err(|e| Failed::File(format!("{shown}: {e}")))?;
    let base = inventory.parent().unwrap_or(Path::new("."));
    let shared = shared_input(args, book)?;
    let rows = answer_all(args, &entries, base, &shared);
    let fleet = Fleet::of(shown, rows);
    print(&fleet, args.format).map_err(|e| Failed::Io(format!("cannot write the output: {e}")))?;
    if fleet.failed > 0 {
        return Err(Failed::File(format!(
            "{} of {} instances could not be answered (their rows say why)",
            fleet.failed,
            fleet.instances.len()
        )));
    }
    Ok(())
}

/// Every entry answered, in inventory order, on as many threads as there
/// are cores; a progress bar on a terminal.
fn answer_all(
    args: &MigrateArgs,
    entries: &[Entry],
    base: &Path,
    shared: &MigrationInput,
) -> Vec<FleetRow> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let rows: Mutex<Vec<Option<FleetRow>>> = Mutex::new(vec![None; entries.len()]);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(entries.len());
    let mut bar = Progress::on_stderr(format!("{} instances", entries.len()), entries.len() > 20);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(entry) = entries.get(index) else {
                        break;
                    };
                    let row = answer_one(args, entry, base, shared);
                    if let Ok(mut rows) = rows.lock() {
                        rows[index] = Some(row);
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
        while done.load(Ordering::Relaxed) < entries.len() {
            bar.set(done.load(Ordering::Relaxed) as f64 / entries.len() as f64);
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    bar.finish();
    let rows = rows.into_inner().unwrap_or_else(|e| e.into_inner());
    rows.into_iter().flatten().collect()
}

/// One instance: the shared input with its class, engine and region, and
/// its CPU file (relative to the inventory), sized and priced.
fn answer_one(args: &MigrateArgs, entry: &Entry, base: &Path, shared: &MigrationInput) -> FleetRow {
    let path = base.join(&entry.cpu);
    let shown = path.display().to_string();
    let region = if entry.region.is_empty() {
        shared.region.clone()
    } else {
        entry.region.clone()
    };
    let answered = engine_of(entry, shared.engine).and_then(|engine| {
        let input = MigrationInput {
            class: entry.class.clone(),
            engine,
            region: region.clone(),
            ..shared.clone()
        };
        let (input, _) = with_cpu(input, args, Some(&path))?;
        answer(&input, |field| {
            if field.starts_with("cpuTrace") {
                shown.clone()
            } else {
                format!("line {} {field}", entry.line)
            }
        })
    });
    match answered {
        Ok(m) => row_of(entry, region, &m),
        Err(failed) => FleetRow {
            id: entry.id.clone(),
            class: entry.class.clone(),
            region,
            min_acu: None,
            max_acu: None,
            current_micro_usd: None,
            serverless_micro_usd: None,
            saving_micro_usd: None,
            confidence: None,
            decision: "error",
            error: Some(match failed {
                Failed::Io(m) | Failed::File(m) => m,
                Failed::Core { error, at } => format!("{at}: {}", error.message()),
            }),
        },
    }
}

/// The entry's engine, or `default` when its cell is empty.
fn engine_of(entry: &Entry, default: Engine) -> Result<Engine, Failed> {
    match entry.engine.to_ascii_lowercase().as_str() {
        "" => Ok(default),
        "aurora-postgresql" | "postgresql" | "postgres" => Ok(Engine::AuroraPostgresql),
        "aurora-mysql" | "mysql" => Ok(Engine::AuroraMysql),
        other => Err(Failed::File(format!(
            "line {}: engine {other:?}: expected aurora-postgresql or aurora-mysql",
            entry.line
        ))),
    }
}

fn row_of(entry: &Entry, region: String, m: &Migration) -> FleetRow {
    let current = m.on_demand.as_ref().map(|o| o.monthly_micro_usd.micros());
    let serverless = m.serverless.monthly_micro_usd.micros();
    let confidence = m.report.comparison.as_ref().and_then(|c| {
        c.rows
            .iter()
            .filter(|r| {
                r.kind == OptionKind::Serverless
                    || (r.kind == OptionKind::OnDemand
                        && r.class.as_deref() == Some(m.class.class.as_str()))
            })
            .map(|r| r.confidence)
            .min()
    });
    let saving = current.map(|c| c - serverless);
    FleetRow {
        id: entry.id.clone(),
        class: m.class.class.clone(),
        region,
        min_acu: Some(m.proposed.min_acu),
        max_acu: Some(m.proposed.max_acu),
        current_micro_usd: current,
        serverless_micro_usd: Some(serverless),
        saving_micro_usd: saving,
        confidence,
        decision: match saving {
            None => "unpriced",
            Some(s) if s > 0 => "move",
            Some(_) => "stay",
        },
        error: None,
    }
}

impl Fleet {
    fn of(inventory: String, mut instances: Vec<FleetRow>) -> Fleet {
        // Largest saving first; unpriced next; errors last.
        instances.sort_by_key(|r| {
            (
                r.error.is_some(),
                std::cmp::Reverse(r.saving_micro_usd.unwrap_or(i64::MIN)),
            )
        });
        let priced = instances.iter().filter(|r| r.current_micro_usd.is_some());
        let current: i64 = priced.clone().filter_map(|r| r.current_micro_usd).sum();
        let serverless: i64 = priced.filter_map(|r| r.serverless_micro_usd).sum();
        let failed = instances.iter().filter(|r| r.error.is_some()).count();
        Fleet {
            inventory,
            instances,
            current_total_micro_usd: current,
            serverless_total_micro_usd: serverless,
            saving_total_micro_usd: current - serverless,
            failed,
        }
    }
}

fn print(fleet: &Fleet, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if format == Format::Json {
        return json(&mut out, fleet);
    }
    let csv = format == Format::Csv;
    let money = |m: Option<i64>| match (m, csv) {
        (None, _) => String::new(),
        (Some(v), true) => v.to_string(),
        (Some(v), false) => acumen::Money::from_micros(v).to_string(),
    };
    let mut t = Table::new(&[
        ("id", Align::Left),
        ("class", Align::Left),
        ("region", Align::Left),
        ("range ACU", Align::Right),
        (
            if csv { "current_micro_usd" } else { "current" },
            Align::Right,
        ),
        (
            if csv {
                "serverless_micro_usd"
            } else {
                "serverless"
            },
            Align::Right,
        ),
        (
            if csv { "saving_micro_usd" } else { "saving" },
            Align::Right,
        ),
        ("confidence", Align::Left),
        ("decision", Align::Left),
    ]);
    for r in &fleet.instances {
        let range = match (r.min_acu, r.max_acu) {
            (Some(lo), Some(hi)) => format!("{lo}-{hi}"),
            _ => String::new(),
        };
        let saving = match (r.saving_micro_usd, csv) {
            (Some(s), false) => signed(acumen::Money::from_micros(s)),
            (s, _) => money(s),
        };
        let decision = r
            .error
            .as_ref()
            .map_or_else(|| r.decision.to_string(), |e| format!("error: {e}"));
        let confidence = r
            .confidence
            .map_or(String::new(), |c| format!("{c:?}").to_ascii_lowercase());
        t.row(vec![
            r.id.clone(),
            r.class.clone(),
            r.region.clone(),
            range,
            money(r.current_micro_usd),
            money(r.serverless_micro_usd),
            saving,
            confidence,
            decision,
        ]);
    }
    if format == Format::Table {
        writeln!(
            out,
            "Fleet of {} instances ({}): on demand {} a month, on serverless {}, saving {}{}",
            fleet.instances.len(),
            fleet.inventory,
            acumen::Money::from_micros(fleet.current_total_micro_usd),
            acumen::Money::from_micros(fleet.serverless_total_micro_usd),
            signed(acumen::Money::from_micros(fleet.saving_total_micro_usd)),
            if fleet.failed > 0 {
                format!("; {} could not be answered", fleet.failed)
            } else {
                String::new()
            }
        )?;
        writeln!(out)?;
    }
    emit(&mut out, &t, format)
}
