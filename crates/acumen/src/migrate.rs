//! From a provisioned instance to Serverless v2: the demand its CPU load
//! is in ACUs, the range to set, and what the instance would cost on
//! serverless against what it costs now.
//!
//! Two kinds of input, one answer ([`Migration`]):
//!
//! - **a summary** of CPUUtilization (p95, max and optionally the average,
//!   as a dashboard shows them): AWS's serverless advisory rules
//!   ([`sizing`]) give the minimum, typical, peak and maximum ACUs, and the
//!   serverless cost is priced at the typical load all month (the rules'
//!   own assumption), against the class on demand and its commitments;
//! - **a series** of CPUUtilization (a CloudWatch export read by
//!   [`crate::cloudwatch`]): each sample becomes a demand in ACUs by the
//!   same rule (CPU % × vCPUs × ACUs per vCPU), the cluster is simulated on
//!   it, the [optimizer](crate::optimize) proposes the cheapest range that
//!   serves it, and the verdict is priced from that simulation, hour by
//!   hour as the controller would scale.
//!
//! The sizing rules' figures are kept for both, so a series can be set
//! beside the summary of it.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::check::{MAX_GB, check_amount};
use crate::decisions::compare::{ClassOption, ComparisonRow, OptionKind};
use crate::decisions::optimize::{OptimizeOptions, optimize};
use crate::error::{Error, ErrorCode};
use crate::estimate::estimate;
use crate::money::Money;
use crate::prices::PriceBook;
use crate::report::{Component, Report};
use crate::scenario::{Scaling, Scenario};
use crate::vocabulary::{Engine, StorageType, input_struct};
use crate::workload::{Trace, Workload};

pub mod class_shape;
pub mod sizing;

pub use class_shape::{ClassShape, class_shape};
pub use sizing::{CpuSummary, Sizing, size};

/// The largest working set accepted, GiB (far above any instance's memory).
const MAX_WORKING_SET_GIB: f64 = 100_000.0;

/// A share of the peak at and above which an hour counts as near the peak.
const NEAR_PEAK: f64 = 0.8;

input_struct! {
    /// A CPUUtilization series: percent of the class's vCPUs, one value per
    /// interval.
    #[derive(Clone, Debug, PartialEq)]
    pub struct CpuTrace {
        /// Seconds between samples: 1 to 86,400. Default 60.
        pub interval_seconds: u32,
        /// CPUUtilization in percent, 0 to 100.
        pub percent: Vec<f64>,
    }
}

impl Default for CpuTrace {
    fn default() -> Self {
        CpuTrace {
            interval_seconds: 60,
            percent: Vec::new(),
        }
    }
}

input_struct! {
    /// A provisioned instance and its load.
    #[derive(Clone, Debug, PartialEq)]
    pub struct MigrationInput {
        /// The class it runs on today, e.g. `db.r6g.xlarge`.
        pub class: String,
        /// AWS region code. Default `us-east-1`.
        pub region: String,
        /// Database engine. Default `aurora-postgresql`.
        pub engine: Engine,
        /// Storage configuration, the same on both sides. Default Standard.
        pub storage_type: StorageType,
        /// Cluster storage, GB-month, the same on both sides. Default 0.
        pub storage_gb: f64,
        /// Hours in the billed month: 1 to 744. Default 730.
        pub hours_per_month: u32,
        /// The CPU load as a summary (give this or `cpuTrace`).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub cpu: Option<CpuSummary>,
        /// The CPU load as a series (give this or `cpu`).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub cpu_trace: Option<CpuTrace>,
        /// Peak concurrent connections, if known (a floor on the minimum).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub connections: Option<u32>,
        /// The working set in GiB, if known (a floor on the minimum).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub working_set_gib: Option<f64>,
        /// A price book to price from before the built-in catalog.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub price_book: Option<PriceBook>,
    }
}

impl Default for MigrationInput {
    fn default() -> Self {
        MigrationInput {
            class: String::new(),
            region: String::from("us-east-1"),
            engine: Engine::default(),
            storage_type: StorageType::default(),
            storage_gb: 0.0,
            hours_per_month: 730,
            cpu: None,
            cpu_trace: None,
            connections: None,
            working_set_gib: None,
            price_book: None,
        }
    }
}

/// How a series' load is spread over time.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoadFacts {
    /// Hours the series covers.
    pub hours: f64,
    /// Hours with a demand at or above 80 % of the peak.
    pub hours_near_peak: f64,
    /// Hours with a demand of at most 0.5 ACU (where a minimum of 0 could
    /// pause the instance).
    pub hours_at_most_half_acu: f64,
    /// The peak demand, ACUs (not rounded).
    pub peak_acu: f64,
}

/// A priced option.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PricedOption {
    /// The option, as the comparison names it.
    pub option: String,
    /// Its monthly cost, storage and the rest included, micro-dollars; at
    /// least this much when not `complete`.
    pub monthly_micro_usd: Money,
    /// Every line of it has a price (false: a partial bill, see the notes).
    pub complete: bool,
}

/// Should this instance move, at what range, and what would it cost.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Migration {
    /// The class today.
    pub class: ClassShape,
    /// The CPU load: as given, or the series' average, 95th percentile
    /// (nearest rank) and maximum.
    pub cpu: CpuSummary,
    /// AWS's advisory rules on that load.
    pub sizing: Sizing,
    /// The range to set (`minAcu`, `maxAcu`).
    pub proposed: Scaling,
    /// Where the proposed range comes from.
    pub proposed_by: String,
    /// How a series' load is spread (a summary has none).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub load: Option<LoadFacts>,
    /// Serverless at the proposed range.
    pub serverless: PricedOption,
    /// The class on demand, when its rate is known.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub on_demand: Option<PricedOption>,
    /// The cheapest commitment on the class (Reserved or Savings Plan),
    /// when one is priced.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub best_commitment: Option<PricedOption>,
    /// On-demand minus serverless, micro-dollars a month (positive: serverless saves).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub saving_micro_usd: Option<Money>,
    /// What to do, and why, in a sentence or two.
    pub verdict: String,
    /// Things to know before acting on it.
    pub notes: Vec<String>,
    /// The full estimate of serverless at the proposed range, with its
    /// comparison against the class.
    pub report: Report,
}

/// Sizes, proposes and prices the move of `input`'s instance to Serverless v2.
///
/// ```
/// use acumen::migrate::{migrate, CpuSummary, MigrationInput};
/// let input = MigrationInput {
///     class: "db.r6g.xlarge".into(),
///     cpu: Some(CpuSummary { p95: 35.0, max: 72.0, average: None }),
///     ..MigrationInput::default()
/// };
/// let m = migrate(&input)?;
/// assert_eq!((m.proposed.min_acu, m.proposed.max_acu), (3.5, 16.0));
/// assert_eq!((m.sizing.typical_acu, m.sizing.peak_acu), (6.0, 12.0));
/// // 6 ACU × 730 h × $0.12 = $525.60 against $0.519 × 730 h = $378.87 on demand.
/// assert_eq!(m.serverless.monthly_micro_usd.micros(), 525_600_000);
/// assert_eq!(m.on_demand.unwrap().monthly_micro_usd.micros(), 378_870_000);
/// # Ok::<(), acumen::Error>(())
/// ```
///
/// # Errors
///
/// A class it cannot size (`class`), neither or both of `cpu` and
/// `cpuTrace`, a figure out of range (named), and any error the estimate of
/// the proposed range gives.
pub fn migrate(input: &MigrationInput) -> Result<Migration, Error> {
    let shape = class_shape(&input.class)?;
    check_amount(
        input.storage_gb,
        MAX_GB,
        "storageGb",
        "between 0 and 1000000 GB",
    )?;
    if let Some(g) = input.working_set_gib {
        check_amount(
            g,
            MAX_WORKING_SET_GIB,
            "workingSetGib",
            "between 0 and 100000 GiB",
        )?;
    }
    let (cpu, demand) = load_of(input, &shape)?;
    let sizing = size(&shape, &cpu, input.connections, input.working_set_gib);
    let mut scenario = scenario_for(input, &sizing, demand.as_ref());
    let (proposed_by, load) = match &demand {
        None => (
            String::from("AWS's serverless advisory rules on the CPU summary"),
            None,
        ),
        Some(trace) => {
            let by = match optimized_range(&scenario, &sizing) {
                Ok(range) => {
                    scenario.scaling = range;
                    "the optimizer: the cheapest range that serves the simulated series, at least the connection and memory floors"
                }
                // The optimizer weighs ranges by their cost; without an
                // ACU-hour price the rules' range is the answer.
                Err(e) if e.code() == ErrorCode::UnknownPrice => {
                    "AWS's serverless advisory rules on the series' figures (the optimizer needs an ACU-hour price, which this region lacks)"
                }
                Err(e) => return Err(e),
            };
            (String::from(by), Some(load_facts(trace)))
        }
    };
    let report = estimate(&scenario)?;
    Ok(verdict(
        input,
        shape,
        cpu,
        sizing,
        scenario.scaling,
        proposed_by,
        load,
        report,
    ))
}

/// The CPU summary (given or from the series) and the demand trace in ACUs
/// of a series.
fn load_of(
    input: &MigrationInput,
    shape: &ClassShape,
) -> Result<(CpuSummary, Option<Trace>), Error> {
    match (&input.cpu, &input.cpu_trace) {
        (Some(cpu), None) => {
            cpu.check("cpu")?;
            Ok((*cpu, None))
        }
        (None, Some(trace)) => {
            let (cpu, demand) = demand_of(trace, shape)?;
            Ok((cpu, Some(demand)))
        }
        (Some(_), Some(_)) => Err(Error::new(
            ErrorCode::Conflict,
            "cpuTrace",
            format_args!(
                "give the CPU load once: as a summary (cpu) or as a series (cpuTrace), not both"
            ),
        )),
        (None, None) => Err(Error::new(
            ErrorCode::MissingField,
            "cpu",
            format_args!(
                "the CPU load is needed: a summary (cpu: p95 and max) or a series (cpuTrace)"
            ),
        )),
    }
}

/// A series' summary and its demand: CPU % / 100 × vCPUs × ACUs per vCPU
/// for each sample (the advisory rule, per sample and not rounded: the
/// controller's own grid does that).
fn demand_of(trace: &CpuTrace, shape: &ClassShape) -> Result<(CpuSummary, Trace), Error> {
    if !(1..=86_400).contains(&trace.interval_seconds) {
        return Err(crate::check::out_of_range(
            "cpuTrace.intervalSeconds",
            "from 1 to 86400 seconds",
            trace.interval_seconds,
        ));
    }
    if trace.percent.is_empty() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "cpuTrace.percent",
            format_args!("must have at least one sample"),
        ));
    }
    let mut sorted = Vec::with_capacity(trace.percent.len());
    for (i, p) in trace.percent.iter().enumerate() {
        if !(p.is_finite() && (0.0..=100.0).contains(p)) {
            check_amount(
                *p,
                100.0,
                &format!("cpuTrace.percent[{i}]"),
                "a percentage from 0 to 100",
            )?;
        }
        sorted.push(*p);
    }
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    // The nearest-rank 95th percentile: the smallest value with at least
    // 95 % of the samples at or below it.
    let rank = (n * 95).div_ceil(100).max(1);
    let average = sorted.iter().sum::<f64>() / n as f64;
    let cpu = CpuSummary {
        p95: sorted[rank - 1],
        max: sorted[n - 1],
        average: Some(average),
    };
    let scale = f64::from(shape.vcpu) * f64::from(shape.acu_per_vcpu) / 100.0;
    let demand = Trace {
        interval_seconds: trace.interval_seconds,
        acu: trace.percent.iter().map(|p| p * scale).collect(),
    };
    Ok((cpu, demand))
}

/// The scenario of serverless at the sizing's range: a steady typical load
/// for a summary, the demand trace for a series; the class to compare with.
fn scenario_for(input: &MigrationInput, sizing: &Sizing, demand: Option<&Trace>) -> Scenario {
    let mut scenario = Scenario {
        region: input.region.clone(),
        engine: input.engine,
        storage_type: input.storage_type,
        hours_per_month: input.hours_per_month,
        storage_gb: input.storage_gb,
        price_book: input.price_book.clone(),
        ..Scenario::default()
    };
    scenario.scaling = Scaling {
        min_acu: sizing.min_acu,
        max_acu: sizing.max_acu.max(1.0),
        seconds_until_auto_pause: None,
    };
    scenario.workload = match demand {
        None => Workload::Steady {
            acu: sizing.typical_acu,
        },
        Some(trace) => Workload::Trace(trace.clone()),
    };
    scenario.compare.classes = vec![ClassOption {
        class: input.class.clone(),
        ..ClassOption::default()
    }];
    scenario
}

/// The optimizer's cheapest range for the series, raised to the connection
/// and memory floors, and to 0.5 ACU: a CPU series cannot show that an
/// instance has no connections, which auto-pause (a minimum of 0) needs.
/// The sizing's range when it finds none.
fn optimized_range(scenario: &Scenario, sizing: &Sizing) -> Result<Scaling, Error> {
    let floor = sizing
        .connection_floor_acu
        .max(sizing.memory_floor_acu)
        .max(0.5);
    // Capacity never falls below the minimum, so a higher one only costs
    // more: the search keeps it at the floor and looks for the cheapest
    // maximum; only when no maximum serves the series from there does it
    // search the minima too (a higher minimum scales up sooner).
    let floor = floor.min(sizing::MAX_ACU);
    let options = OptimizeOptions {
        min_acu: Some(floor),
        ..OptimizeOptions::default()
    };
    let found = match optimize(scenario, &options)?.best {
        Some(best) => Some(best),
        None => optimize(scenario, &OptimizeOptions::default())?.best,
    };
    let (min, max) = found.map_or((sizing.min_acu, sizing.max_acu), |b| (b.min_acu, b.max_acu));
    let min = min.max(floor);
    Ok(Scaling {
        min_acu: min,
        max_acu: max.max(min).max(1.0),
        seconds_until_auto_pause: None,
    })
}

/// How the series' demand is spread.
fn load_facts(trace: &Trace) -> LoadFacts {
    let step_hours = f64::from(trace.interval_seconds) / 3600.0;
    let peak = trace.acu.iter().copied().fold(0.0, f64::max);
    let count = |keep: &dyn Fn(f64) -> bool| {
        trace.acu.iter().filter(|a| keep(**a)).count() as f64 * step_hours
    };
    LoadFacts {
        hours: trace.acu.len() as f64 * step_hours,
        hours_near_peak: count(&|a| peak > 0.0 && a >= NEAR_PEAK * peak),
        hours_at_most_half_acu: count(&|a| a <= 0.5),
        peak_acu: peak,
    }
}

/// The comparison row of `kind` for `class`, cheapest first.
fn rows_of<'r>(
    report: &'r Report,
    class: &'r str,
    kinds: &'r [OptionKind],
) -> impl Iterator<Item = &'r ComparisonRow> {
    report
        .comparison
        .iter()
        .flat_map(|c| c.rows.iter())
        .filter(move |r| kinds.contains(&r.kind) && r.class.as_deref().is_none_or(|c| c == class))
}

fn priced(row: &ComparisonRow) -> Option<PricedOption> {
    row.monthly_micro_usd.map(|m| PricedOption {
        option: row.option.clone(),
        monthly_micro_usd: m,
        complete: true,
    })
}

/// The answer: serverless against the class on demand and committed.
#[allow(clippy::too_many_arguments)]
fn verdict(
    input: &MigrationInput,
    class: ClassShape,
    cpu: CpuSummary,
    sizing: Sizing,
    proposed: Scaling,
    proposed_by: String,
    load: Option<LoadFacts>,
    report: Report,
) -> Migration {
    let serverless = PricedOption {
        option: String::from("Serverless v2"),
        monthly_micro_usd: report.total_micro_usd,
        complete: report.complete,
    };
    // Without a compute price there is nothing to weigh the class against.
    let compute_unpriced = report
        .lines
        .iter()
        .any(|l| l.component == Component::Compute && !l.is_priced());
    let on_demand = rows_of(&report, &input.class, &[OptionKind::OnDemand]).find_map(priced);
    let best_commitment = rows_of(
        &report,
        &input.class,
        &[OptionKind::Reserved, OptionKind::SavingsPlan],
    )
    .filter_map(priced)
    .min_by_key(|p| p.monthly_micro_usd);
    let saving = on_demand.as_ref().filter(|_| !compute_unpriced).map(|p| {
        Money::from_micros(p.monthly_micro_usd.micros() - serverless.monthly_micro_usd.micros())
    });
    let mut notes = Vec::new();
    if let Some(note) = &report.total_note {
        notes.push(format!(
            "the totals count only what has a price here: {note}"
        ));
    }
    if sizing.exceeds_capacity {
        notes.push(String::from(
            "the load needs more than one serverless instance's 256 ACU: stay provisioned, or split the load over several instances",
        ));
    }
    if class.burstable {
        notes.push(format!(
            "{} is burstable: AWS recommends burstable classes for development and test; its CPU credits may have capped the load the series shows",
            class.class
        ));
    }
    let mut verdict = if compute_unpriced {
        format!(
            "serverless capacity has no price in {} here, so the class cannot be weighed against it: supply the ACU-hour rate (priceOverrides, or a price book); the sizing and the range stand",
            report.region
        )
    } else {
        say_verdict(
            &serverless,
            on_demand.as_ref(),
            best_commitment.as_ref(),
            &load,
            &input.class,
        )
    };
    if !compute_unpriced
        && load.is_some()
        && let Some(od) = &on_demand
    {
        verdict.push_str(&break_even_sentence(&report, &od.option));
    }
    Migration {
        class,
        cpu,
        sizing,
        proposed,
        proposed_by,
        load,
        serverless,
        on_demand,
        best_commitment,
        saving_micro_usd: saving,
        verdict,
        notes,
        report,
    }
}

/// The verdict in words, from the monthly costs.
fn say_verdict(
    serverless: &PricedOption,
    on_demand: Option<&PricedOption>,
    commitment: Option<&PricedOption>,
    load: &Option<LoadFacts>,
    class: &str,
) -> String {
    let sv = serverless.monthly_micro_usd;
    let Some(od) = on_demand else {
        return format!(
            "serverless at the proposed range costs {sv} a month; {class} has no known on-demand rate in this region, so there is nothing to set it against (give a price book)"
        );
    };
    let od_m = od.monthly_micro_usd;
    let spread = load.as_ref().map_or(String::from(" Serverless is priced at the typical load all month, as AWS's rules assume: a CPU series shows whether quiet hours would make it cheaper."), |l| {
        format!(
            " The series spends {:.0} % of its {:.0} h near its peak and {:.0} % at 0.5 ACU or less.",
            share(l.hours_near_peak, l.hours),
            l.hours,
            share(l.hours_at_most_half_acu, l.hours)
        )
    });
    let committed = commitment.map_or_else(
        || String::from(" No Reserved or Savings Plans rate for the class is known here: price one with a price book before deciding."),
        |c| format!(" With {} the class costs {}.", c.option, c.monthly_micro_usd),
    );
    if sv < od_m {
        let cheaper_committed = commitment.is_some_and(|c| c.monthly_micro_usd <= sv);
        let advice = if cheaper_committed {
            "but a commitment on the class is cheaper still: move only if the flexibility is worth it"
        } else {
            "move"
        };
        format!(
            "serverless costs {sv} a month against {od_m} for {class} on demand: {advice}.{committed}{spread}"
        )
    } else {
        format!(
            "stay on {class}: serverless costs {sv} a month against {od_m} on demand.{committed}{spread}"
        )
    }
}

/// Where the class on demand starts to win, in hours a day at peak (the
/// comparison's break-even), beside where the series is now.
fn break_even_sentence(report: &Report, option: &str) -> String {
    let Some(c) = &report.comparison else {
        return String::new();
    };
    let now = c.current_peak_hours_per_day;
    match c
        .break_even
        .iter()
        .find(|b| b.option == option)
        .and_then(|b| b.hours_per_day)
    {
        Some(h) if h > 0.0 && h < 24.0 => format!(
            " On demand wins once the load is at its peak more than {h:.1} h a day; the series is at about {now:.1} h."
        ),
        Some(h) if h <= 0.0 => {
            String::from(" On demand wins at any number of hours a day at peak.")
        }
        _ => String::from(" Serverless wins even at its peak all day."),
    }
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        part / whole * 100.0
    } else {
        0.0
    }
}
