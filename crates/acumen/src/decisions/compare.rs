//! Serverless against provisioned instances and commitments, the break-even
//! hours at peak, and the I/O-Optimized break-even.
//!
//! Provisioned options run one instance per serverless instance (writer and
//! readers), each class large enough by memory for the largest capacity the
//! simulation reached (1 ACU ≈ 2 GiB). Everything but compute (storage, I/O,
//! backups, the Data API…) costs the same either way and is included in both
//! totals. Classes and rates come from the scenario's price book first (with
//! its Reserved Instance terms), then the built-in catalog. Reserved and
//! Savings Plans rates neither has are taken from the scenario (a rate or a
//! discount) and are otherwise shown as unknown, never guessed.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub use super::commitment::{Commitment, CommitmentPoint, HourlyLoad, Plan};
use super::savings_plans;
pub use super::savings_plans::{
    ELIGIBLE_FAMILIES, SavingsPlan, eligible, hourly as hourly_commitment,
};
use crate::error::{Error, ErrorCode};
use crate::money::{Money, Quantity, UnitPrice};
use crate::prices::{self, Confidence, ReservedTerm};
use crate::scenario::discount_ppm;
pub use crate::scenario::{ClassOption, CompareOptions, ReservedOffer};
use crate::scenario::{StorageType, ValidScenario};
pub use crate::vocabulary::Payment;

/// What kind of option a comparison row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum OptionKind {
    /// The serverless cluster as simulated.
    Serverless,
    /// Serverless if capacity tracked demand exactly.
    ServerlessIdeal,
    /// Serverless with a Database Savings Plan.
    ServerlessSavingsPlan,
    /// Provisioned, on-demand.
    OnDemand,
    /// Provisioned with a Reserved Instance.
    Reserved,
    /// Provisioned with a Database Savings Plan.
    SavingsPlan,
}

/// One option of the comparison.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComparisonRow {
    /// A readable name, e.g. "db.r6g.xlarge, 1-year reserved, no upfront".
    pub option: String,
    /// The kind of option.
    pub kind: OptionKind,
    /// The instance class, for provisioned options.
    pub class: Option<String>,
    /// Instances in the cluster.
    pub instances: u32,
    /// Monthly total (compute and everything else), micro-dollars; `None`
    /// when a rate is unknown.
    pub monthly_micro_usd: Option<Money>,
    /// Twelve months, micro-dollars.
    pub yearly_micro_usd: Option<Money>,
    /// How far the compute rate can be trusted (low when derived or unknown).
    pub confidence: Confidence,
    /// Where the rate came from, or what to supply when it is unknown.
    pub note: String,
    /// When the row is unknown, the scenario field to supply its rate in,
    /// e.g. `compare.classes[0].onDemandHourly`.
    pub supply: Option<String>,
    /// A burstable class (db.t3, db.t4g): AWS recommends these for
    /// development and test, not for a load that needs its CPU all month.
    /// They are compared only when named in the scenario.
    pub burstable: bool,
}

/// Where one provisioned option becomes cheaper than serverless.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BreakEven {
    /// The provisioned option.
    pub option: String,
    /// Its monthly total, micro-dollars.
    pub monthly_micro_usd: Money,
    /// Hours a day at peak above which it is cheaper than serverless; 0 when
    /// it is always cheaper, `None` when it never is.
    pub hours_per_day: Option<f64>,
}

/// Serverless cost at a given number of hours a day at peak.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CurvePoint {
    /// Hours a day at peak.
    pub hours_per_day: f64,
    /// Serverless monthly total at that many hours, micro-dollars.
    pub serverless_micro_usd: Money,
}

/// Aurora Standard against Aurora I/O-Optimized for this workload.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StorageChoice {
    /// Monthly total on Aurora Standard, micro-dollars (if priced).
    pub standard_micro_usd: Option<Money>,
    /// Monthly total on I/O-Optimized, micro-dollars (if priced).
    pub io_optimized_micro_usd: Option<Money>,
    /// Share of the Standard bill that is I/O now (0 to 1).
    pub io_share: f64,
    /// The I/O share of the Standard bill above which I/O-Optimized is
    /// cheaper, if both are priced.
    pub break_even_io_share: Option<f64>,
    /// Which is cheaper, and why.
    pub verdict: String,
}

/// The comparison and its verdict.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// Every option, cheapest first; unknown rates last.
    pub rows: Vec<ComparisonRow>,
    /// The cheapest option a user can buy (never the ideal-tracking
    /// what-if); empty when there is no verdict (no provisioned option, or
    /// serverless capacity, priced).
    pub cheapest: String,
    /// What to choose, and why, from these numbers.
    pub verdict: String,
    /// The peak and off-peak capacity the break-even uses, ACUs.
    pub peak_acu: f64,
    /// See `peakAcu`.
    pub off_peak_acu: f64,
    /// Hours a day the workload spends at (or near) its peak now.
    pub current_peak_hours_per_day: f64,
    /// Per provisioned option, the hours a day at peak where it wins.
    pub break_even: Vec<BreakEven>,
    /// Serverless cost against hours a day at peak, for a chart.
    pub curve: Vec<CurvePoint>,
    /// Aurora Standard against I/O-Optimized.
    pub storage: StorageChoice,
    /// Database Savings Plans sized to the load: serverless first, then
    /// each provisioned class with a known plan rate.
    pub savings_plans: Vec<SavingsPlan>,
}

/// Inputs the bill has already worked out.
pub(crate) struct Billed<'a> {
    /// Every compute line of the bill is priced.
    pub compute_priced: bool,
    /// What the bill's unpriced lines are for ("storage and I/O"); empty
    /// when every line is priced.
    pub unpriced: String,
    pub serverless: Money,
    pub ideal: Money,
    /// Serverless compute (ACU-hours) part of `serverless`.
    pub compute: Money,
    /// The serverless RDS Proxy line's cost (0 without a proxy or a price):
    /// provisioned options pay their own proxy instead.
    pub proxy: Money,
    /// What the cluster used, for each hour's capacity (read only when a
    /// plan rate is known).
    pub usage: &'a crate::usage::Usage,
    /// Hours the bill covers: the hours a commitment is paid for.
    pub billed_hours: u32,
    /// The on-demand serverless price per ACU-hour, when known.
    pub compute_price: Option<UnitPrice>,
    /// Largest capacity any instance reached, in half-ACUs.
    pub peak_halves: u32,
    /// Smallest running capacity seen (off-peak), in half-ACUs.
    pub off_peak_halves: u32,
    /// Hours a day near the peak, averaged over the month.
    pub peak_hours_per_day: f64,
    /// Bill under each storage type: (standard total, its I/O part), I/O-Optimized total.
    pub standard: Option<(Money, Money)>,
    pub io_optimized: Option<Money>,
    pub scenario: &'a ValidScenario,
}

/// `amount × (1 − discount)`, the discount in parts per million, rounded once.
fn discounted(amount: Money, ppm: i64) -> Money {
    let kept = i128::from(amount.micros()) * i128::from(1_000_000 - ppm);
    Money::from_micros(((kept + 500_000) / 1_000_000) as i64)
}

/// `a + b`, or an `overflow` error naming `field`, the input that drives it.
fn add(a: Money, b: Money, field: &str) -> Result<Money, Error> {
    a.checked_add(b).ok_or_else(|| too_large(field))
}

fn too_large(field: &str) -> Error {
    Error::new(
        ErrorCode::Overflow,
        field,
        format_args!("the comparison is too large to represent (above $9.2 trillion a month)"),
    )
}

fn yearly(m: Money) -> Option<Money> {
    m.checked_mul(12)
}

/// Compares the billed serverless cluster with provisioned options.
pub(crate) fn compare(b: &Billed<'_>, options: &CompareOptions) -> Result<Comparison, Error> {
    let s = b.scenario;
    let n = s.instances.len() as u32;
    let rest = Money::from_micros(b.serverless.micros() - b.compute.micros());
    let mut table = Table {
        n,
        rows: Vec::new(),
        break_even_inputs: Vec::new(),
        plans: Vec::new(),
    };
    serverless_rows(&mut table, b, options, rest)?;

    // Candidate classes.
    let provisioned = Provisioned {
        s,
        n,
        hours: u64::from(s.hours_per_month),
        rest,
        serverless_proxy: b.proxy,
        required_gib: b.peak_halves, // halves × 1 GiB = ACUs × 2 GiB
        peak_halves: b.peak_halves,
        io_optimized: s.storage_type == StorageType::IoOptimized,
        chosen: options.classes.is_empty(),
    };
    let mut classes: Vec<ClassOption> = options.classes.clone();
    if classes.is_empty() {
        classes = provisioned.default_classes();
    }
    for (i, option) in classes.iter().enumerate() {
        provisioned.price_class(&mut table, i, option)?;
    }
    if classes.is_empty() {
        table.push(
            String::from("provisioned"),
            OptionKind::OnDemand,
            None,
            None,
            Confidence::Low,
            format!(
                "no catalog class in {} has {} GiB for the peak; add a provisioned class with its on-demand rate to compare",
                s.region, provisioned.required_gib
            ),
        );
        table.ask(String::from("compare.classes"));
    }
    let Table {
        mut rows,
        break_even_inputs,
        plans,
        ..
    } = table;
    sort_cheapest_first(&mut rows);

    let peak_model = PeakModel::new(b, rest);
    let curve = peak_model
        .as_ref()
        .map(PeakModel::curve)
        .unwrap_or_default();
    let break_even = peak_model
        .as_ref()
        .map(|m| m.break_even(&break_even_inputs))
        .unwrap_or_default();

    let buyable = |r: &&ComparisonRow| r.monthly_micro_usd.is_some() && r.kind.buyable();
    let has_verdict = b.compute_priced && rows.iter().filter(buyable).any(|r| r.kind.provisioned());
    let cheapest = match rows.iter().find(buyable) {
        Some(r) if has_verdict => r.option.clone(),
        _ => String::new(),
    };
    let verdict = verdict(b, &rows, &break_even);
    Ok(Comparison {
        rows,
        cheapest,
        verdict,
        peak_acu: f64::from(b.peak_halves) / 2.0,
        off_peak_acu: f64::from(b.off_peak_halves) / 2.0,
        current_peak_hours_per_day: b.peak_hours_per_day,
        break_even,
        curve,
        storage: storage_choice(b),
        savings_plans: plans,
    })
}

impl OptionKind {
    /// An option a user can buy (every kind but the ideal-tracking what-if).
    pub fn buyable(self) -> bool {
        self != OptionKind::ServerlessIdeal
    }

    /// A provisioned option: on-demand, Reserved or with a Savings Plan.
    pub fn provisioned(self) -> bool {
        matches!(
            self,
            OptionKind::OnDemand | OptionKind::Reserved | OptionKind::SavingsPlan
        )
    }
}

/// The comparison's rows as they are priced, and the known provisioned
/// totals the break-even is worked out for, in the same order.
struct Table {
    /// Instances in the cluster, the same for every option.
    n: u32,
    rows: Vec<ComparisonRow>,
    break_even_inputs: Vec<(String, Money)>,
    /// Savings Plans sized so far.
    plans: Vec<SavingsPlan>,
}

impl Table {
    /// Adds a row; `monthly` is `None` when a rate is unknown.
    fn push(
        &mut self,
        option: String,
        kind: OptionKind,
        class: Option<String>,
        monthly: Option<Money>,
        confidence: Confidence,
        note: String,
    ) {
        self.rows.push(ComparisonRow {
            option,
            kind,
            burstable: class.as_deref().is_some_and(is_burstable),
            class,
            instances: self.n,
            monthly_micro_usd: monthly,
            yearly_micro_usd: monthly.and_then(yearly),
            confidence,
            note,
            supply: None,
        });
    }

    /// The last row is unknown: its rate is supplied in `field`.
    fn ask(&mut self, field: String) {
        if let Some(row) = self.rows.last_mut() {
            row.supply = Some(field);
        }
    }

    /// Adds a provisioned row for `class`, and its total to the break-even
    /// inputs when it is known.
    fn push_provisioned(
        &mut self,
        option: String,
        kind: OptionKind,
        class: &str,
        monthly: Option<Money>,
        confidence: Confidence,
        note: String,
    ) {
        if let Some(m) = monthly {
            self.break_even_inputs.push((option.clone(), m));
        }
        self.push(
            option,
            kind,
            Some(String::from(class)),
            monthly,
            confidence,
            note,
        );
    }
}

/// Adds the serverless rows: as simulated, with ideal tracking, and with a
/// Database Savings Plan when a discount is given.
fn serverless_rows(
    table: &mut Table,
    b: &Billed<'_>,
    options: &CompareOptions,
    rest: Money,
) -> Result<(), Error> {
    let s = b.scenario;
    let priced = b.compute_priced;
    let missing = || {
        format!(
            "unknown: serverless capacity has no price in {}; supply it, or a price book that has it",
            s.region
        )
    };
    let known = |text: &str| {
        if b.unpriced.is_empty() {
            String::from(text)
        } else {
            format!("{text}, on known prices ({} unpriced)", b.unpriced)
        }
    };
    let supply = format!(
        "priceOverrides.{}",
        prices::PriceItem::serverless(s.storage_type).key()
    );
    // The bill as simulated and as ideal tracking: priced alike, or both
    // unknown and asking for the same price.
    for (label, kind, amount, note) in [
        (
            "serverless (simulated)",
            OptionKind::Serverless,
            b.serverless,
            "the bill above",
        ),
        (
            "serverless (ideal tracking)",
            OptionKind::ServerlessIdeal,
            b.ideal,
            "a what-if, not something to buy: if capacity followed demand exactly",
        ),
    ] {
        let note = if priced { known(note) } else { missing() };
        table.push(
            String::from(label),
            kind,
            None,
            priced.then_some(amount),
            Confidence::High,
            note,
        );
        if !priced {
            table.ask(supply.clone());
        }
    }
    if priced {
        serverless_plan_rows(table, b, options, rest)
    } else {
        table.push(
            String::from("serverless with the best Savings Plan"),
            OptionKind::ServerlessSavingsPlan,
            None,
            None,
            Confidence::Low,
            missing(),
        );
        table.ask(supply);
        Ok(())
    }
}

/// The serverless rows with a Database Savings Plan: the best commitment
/// for the simulated hours, and the user's commitment when given; one
/// unknown row when no plan rate is known.
fn serverless_plan_rows(
    table: &mut Table,
    b: &Billed<'_>,
    options: &CompareOptions,
    rest: Money,
) -> Result<(), Error> {
    let s = b.scenario;
    let Some(on_demand) = b.compute_price else {
        return Ok(());
    };
    let Some(rate) = savings_plans::serverless_rate(s, on_demand)? else {
        table.push(
            String::from("serverless with the best Savings Plan"),
            OptionKind::ServerlessSavingsPlan,
            None,
            None,
            Confidence::Low,
            format!(
                "unknown: no Database Savings Plan rate for serverless in {}; supply the plan's discount (AWS announced up to about 35 % for serverless) or rate, or import AWS's Savings Plans price list",
                s.region
            ),
        );
        table.ask(String::from("compare.serverlessSavingsPlanDiscount"));
        return Ok(());
    };
    let hourly = b.usage.hourly_half_acu_seconds(b.billed_hours);
    let load = HourlyLoad::serverless(hourly, on_demand);
    let yours = options
        .serverless_savings_plan_commitment
        .map(|usd| (usd, "compare.serverlessSavingsPlanCommitment"));
    let plan = savings_plans::size(s, "serverless", "ACU-hour", &load, &rate, yours)?;
    let terms = plan_terms(options);
    let row_total = |m: Money| add(m, rest, &rate.field);
    table.push(
        format!(
            "serverless with the best Savings Plan ({} an hour)",
            savings_plans::hourly(plan.best.hourly_micro_usd)
        ),
        OptionKind::ServerlessSavingsPlan,
        None,
        Some(row_total(plan.best.monthly_micro_usd)?),
        Confidence::High,
        format!(
            "{terms}; {}; {:.0} % of the commitment used",
            rate.source,
            plan.best.utilisation * 100.0
        ),
    );
    if let Some(y) = &plan.yours {
        table.push(
            format!(
                "serverless with your Savings Plan ({} an hour)",
                savings_plans::hourly(y.hourly_micro_usd)
            ),
            OptionKind::ServerlessSavingsPlan,
            None,
            Some(row_total(y.monthly_micro_usd)?),
            Confidence::High,
            format!(
                "{terms}; {}; {:.0} % of the commitment used",
                rate.source,
                y.utilisation * 100.0
            ),
        );
    }
    table.plans.push(plan);
    Ok(())
}

/// "1-year Database Savings Plan, no upfront": the term and payment assumed.
fn plan_terms(options: &CompareOptions) -> String {
    format!(
        "{}-year Database Savings Plan, {}",
        options.plan_term_years(),
        payment_words(options.plan_payment())
    )
}

fn payment_words(p: Payment) -> &'static str {
    match p {
        Payment::NoUpfront => "no upfront",
        Payment::PartialUpfront => "partial upfront",
        Payment::AllUpfront => "all upfront",
    }
}

/// What pricing every provisioned option shares: the scenario, the cluster's
/// size, the month and the peak the classes must hold.
#[derive(Clone, Copy)]
struct Provisioned<'a> {
    s: &'a ValidScenario,
    /// Instances in the cluster.
    n: u32,
    /// Hours in the month.
    hours: u64,
    /// Everything but compute (storage, I/O, backups…), the same either
    /// way but for RDS Proxy (see [`Provisioned::with_proxy`]).
    rest: Money,
    /// The serverless RDS Proxy charge inside `rest`.
    serverless_proxy: Money,
    /// Memory the peak needs, GiB.
    required_gib: u32,
    /// Largest capacity any instance reached, in half-ACUs.
    peak_halves: u32,
    /// The cluster is on Aurora I/O-Optimized.
    io_optimized: bool,
    /// The classes are chosen here from the catalog, not named by the user.
    chosen: bool,
}

/// RDS Proxy in front of provisioned instances bills at least 2 vCPUs
/// (reference: aurora-facts.md, "RDS Proxy, provisioned", low confidence).
const PROXY_MIN_VCPU: u64 = 2;

/// A class's on-demand price: the monthly total if known, and the input behind it.
struct OnDemand {
    monthly: Option<Money>,
    /// The on-demand rate per instance-hour, if known.
    hourly: Option<UnitPrice>,
    /// The input behind the rate, named in an overflow.
    rate_field: String,
}

impl Provisioned<'_> {
    /// The default classes: the smallest class of each family with memory for
    /// the peak, with the price book's Reserved terms for this storage type.
    fn default_classes(&self) -> Vec<ClassOption> {
        // The smallest class of each family with memory for the peak; a
        // class the price book has comes with the book's Reserved terms.
        let mut families: Vec<(&str, Known<'_>)> = Vec::new();
        for c in candidates(self.s) {
            // Burstable classes are for development and test (AWS): never
            // offered for a load unless the user names them.
            if c.memory_gib < self.required_gib || is_burstable(c.class) {
                continue;
            }
            let family = c.class.rsplit_once('.').map_or(c.class, |(f, _)| f);
            match families.iter_mut().find(|(f, _)| *f == family) {
                Some((_, best)) if best.memory_gib <= c.memory_gib => {}
                Some(entry) => entry.1 = c,
                None => families.push((family, c)),
            }
        }
        families
            .into_iter()
            .map(|(_, c)| ClassOption {
                class: String::from(c.class),
                reserved: book_offers(c.reserved, self.io_optimized),
                ..ClassOption::default()
            })
            .collect()
    }

    /// Prices one class: on-demand, each of its Reserved offers, and its
    /// Savings Plan when a discount is given.
    fn price_class(&self, table: &mut Table, i: usize, option: &ClassOption) -> Result<(), Error> {
        let known = self.checked_class(i, option)?;
        let (this, proxy_note) = self.with_proxy(&known);
        let first = table.rows.len();
        this.price_class_rows(table, i, option, &known)?;
        if let Some(note) = proxy_note {
            for row in &mut table.rows[first..] {
                row.note.push_str("; ");
                row.note.push_str(&note);
            }
        }
        Ok(())
    }

    /// The options priced with RDS Proxy as AWS bills it in front of
    /// provisioned instances: per vCPU-hour of the instances (catalog item
    /// `proxyProvisioned`, at least 2 vCPUs), instead of the serverless
    /// per-ACU-hour charge. With a note when the proxy cannot be priced.
    fn with_proxy(&self, known: &[Known<'_>]) -> (Self, Option<String>) {
        if !self.s.extras.rds_proxy {
            return (*self, None);
        }
        let without = Money::from_micros(self.rest.micros() - self.serverless_proxy.micros());
        let price = prices::resolve_with(
            self.s.price_book.as_ref(),
            &self.s.region,
            self.s.engine,
            prices::PriceItem::ProxyProvisioned,
            &self.s.price_overrides,
        );
        let vcpu = known.iter().find_map(|k| k.vcpu);
        let cost = match (&price, vcpu) {
            (Ok(p), Some(v)) => {
                let billed = (u64::from(v) * u64::from(self.n)).max(PROXY_MIN_VCPU);
                Quantity::whole(billed * self.hours)
                    .cost(p.price)
                    .and_then(|c| c.checked_add(without))
            }
            _ => None,
        };
        match (cost, price, vcpu) {
            (Some(rest), Ok(p), Some(v)) => (
                Provisioned { rest, ..*self },
                Some(format!(
                    "RDS Proxy at {} per vCPU-hour for {} vCPU (at least {PROXY_MIN_VCPU})",
                    p.price,
                    u64::from(v) * u64::from(self.n)
                )),
            ),
            (_, Err(_), _) => (
                Provisioned {
                    rest: without,
                    ..*self
                },
                Some(format!(
                    "RDS Proxy for provisioned instances has no price in {}: the total leaves it out (supply priceOverrides.proxyProvisioned)",
                    self.s.region
                )),
            ),
            _ => (
                Provisioned {
                    rest: without,
                    ..*self
                },
                Some(String::from(
                    "RDS Proxy left out: the class's vCPU count is unknown",
                )),
            ),
        }
    }

    /// The rows of one class, its proxy already in `rest`.
    fn price_class_rows(
        &self,
        table: &mut Table,
        i: usize,
        option: &ClassOption,
        known: &[Known<'_>],
    ) -> Result<(), Error> {
        let (on_demand, confidence, note) = self.on_demand(i, option, known)?;
        let burstable = if is_burstable(&option.class) {
            "burstable, for development and test (AWS); "
        } else {
            ""
        };
        table.push_provisioned(
            format!("{} on-demand", option.class),
            OptionKind::OnDemand,
            &option.class,
            on_demand.monthly,
            confidence,
            format!("{burstable}{note}"),
        );
        if on_demand.monthly.is_none() {
            table.ask(format!("compare.classes[{i}].onDemandHourly"));
        }
        // A class named without offers is compared with each term the price
        // book has for it (on-demand only when it has none).
        let offers = if option.reserved.is_empty() {
            known
                .iter()
                .map(|k| book_offers(k.reserved, self.io_optimized))
                .find(|o| !o.is_empty())
                .unwrap_or_default()
        } else {
            option.reserved.clone()
        };
        for (j, offer) in offers.iter().enumerate() {
            let (label, monthly, note) = self.reserved(i, j, option, offer, known, &on_demand)?;
            table.push_provisioned(
                label,
                OptionKind::Reserved,
                &option.class,
                monthly,
                Confidence::High,
                format!("{burstable}{note}"),
            );
            if monthly.is_none() {
                table.ask(format!("compare.classes[{i}].reserved[{j}].hourly"));
            }
        }
        self.class_plan(table, i, option, &on_demand)?;
        Ok(())
    }

    /// The class with a Database Savings Plan: the best commitment for the
    /// fleet (which runs every hour, so it covers it all), when the family
    /// is eligible and a plan rate is known; a row saying so when a discount
    /// is given for a family the plans do not cover.
    fn class_plan(
        &self,
        table: &mut Table,
        i: usize,
        option: &ClassOption,
        on_demand: &OnDemand,
    ) -> Result<(), Error> {
        let field = format!("compare.classes[{i}].savingsPlanDiscount");
        let label = format!("{} with a Database Savings Plan", option.class);
        if !eligible(&option.class) {
            if option.savings_plan_discount.is_some() {
                table.push(
                    label,
                    OptionKind::SavingsPlan,
                    Some(option.class.clone()),
                    None,
                    Confidence::Low,
                    format!(
                        "not offered: Database Savings Plans cover only the {} families (AWS, December 2025)",
                        ELIGIBLE_FAMILIES.join(", ")
                    ),
                );
            }
            return Ok(());
        }
        let Some(hourly) = on_demand.hourly else {
            return Ok(());
        };
        let Some(rate) = savings_plans::class_rate(
            self.s,
            &option.class,
            option.savings_plan_discount,
            &field,
            hourly,
        )?
        else {
            return Ok(());
        };
        let load = HourlyLoad::fleet(self.n, self.s.hours_per_month, hourly);
        let plan = savings_plans::size(self.s, &option.class, "instance-hour", &load, &rate, None)?;
        let monthly = add(plan.best.monthly_micro_usd, self.rest, &rate.field)?;
        table.push_provisioned(
            label,
            OptionKind::SavingsPlan,
            &option.class,
            Some(monthly),
            Confidence::High,
            format!(
                "{}; {}; commit {} an hour",
                plan_terms(&self.s.compare),
                rate.source,
                savings_plans::hourly(plan.best.hourly_micro_usd)
            ),
        );
        table.plans.push(plan);
        Ok(())
    }

    /// What is known of the class, once it is named and holds the peak.
    fn checked_class(&self, i: usize, option: &ClassOption) -> Result<Vec<Known<'_>>, Error> {
        let field = format!("compare.classes[{i}].class");
        if option.class.trim().is_empty() {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                &field,
                format_args!("must name an instance class, e.g. \"db.r6g.xlarge\""),
            ));
        }
        let known = known_class(self.s, &option.class);
        let memory = option.memory_gib.or(known.first().map(|c| c.memory_gib));
        if let Some(memory) = memory.filter(|m| *m < self.required_gib) {
            return Err(Error::new(
                ErrorCode::Conflict,
                &field,
                format_args!(
                    "{} has {memory} GiB, less than the {} GiB the peak of {} ACU needs",
                    option.class,
                    self.required_gib,
                    f64::from(self.peak_halves) / 2.0
                ),
            ));
        }
        Ok(known)
    }

    /// The class's on-demand monthly total, with the rate's confidence and
    /// where it came from.
    fn on_demand(
        &self,
        i: usize,
        option: &ClassOption,
        known: &[Known<'_>],
    ) -> Result<(OnDemand, Confidence, String), Error> {
        let field = |f: &str| format!("compare.classes[{i}].{f}");
        // The on-demand rate: given, or the price book's or the catalog's
        // for this storage type.
        let (hourly, confidence, note) = match option.on_demand_hourly {
            Some(usd) => (
                Some(UnitPrice::from_usd(usd, &field("onDemandHourly"))?),
                Confidence::High,
                String::from("your on-demand rate"),
            ),
            None => on_demand_rate(known, self.io_optimized).unwrap_or_else(|| {
                (
                    None,
                    Confidence::Low,
                    format!("unknown in {}: supply its on-demand rate", self.s.region),
                )
            }),
        };
        // The input behind the on-demand rate: the user's rate, else the
        // class named (a catalog class chosen here has a small rate).
        let rate_field = if option.on_demand_hourly.is_some() {
            field("onDemandHourly")
        } else if self.chosen {
            String::from("compare.classes")
        } else {
            field("class")
        };
        let monthly = match hourly {
            Some(p) => {
                let compute = self
                    .instance_hours()
                    .cost(p)
                    .ok_or_else(|| too_large(&rate_field))?;
                Some(add(compute, self.rest, &rate_field)?)
            }
            None => None,
        };
        Ok((
            OnDemand {
                monthly,
                hourly,
                rate_field,
            },
            confidence,
            note,
        ))
    }

    /// Every instance for every hour of the month.
    fn instance_hours(&self) -> Quantity {
        Quantity::new(u128::from(self.hours) * u128::from(self.n), 1)
    }

    /// One Reserved offer of a class: its label, monthly total (if known) and note.
    fn reserved(
        &self,
        i: usize,
        j: usize,
        option: &ClassOption,
        offer: &ReservedOffer,
        known: &[Known<'_>],
        on_demand: &OnDemand,
    ) -> Result<(String, Option<Money>, String), Error> {
        let rf = |f: &str| format!("compare.classes[{i}].reserved[{j}].{f}");
        if offer.term_years != 1 && offer.term_years != 3 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                &rf("termYears"),
                format_args!("must be 1 or 3, got {}", offer.term_years),
            ));
        }
        let label = reserved_label(&option.class, offer);
        let book_term = book_term(known, offer, self.io_optimized);
        let offer_field = if offer.discount.is_some() {
            rf("discount")
        } else if offer.hourly.is_some() {
            rf("hourly")
        } else if offer.upfront.is_some() {
            rf("upfront")
        } else {
            on_demand.rate_field.clone()
        };
        let monthly = self.reserved_compute(offer, book_term, on_demand, &rf, &offer_field)?;
        let monthly = match monthly {
            Some(c) => Some(add(c, self.rest, &offer_field)?),
            None => None,
        };
        let note = match (monthly, book_term) {
            (Some(_), Some((k, t))) => format!(
                "{} Reserved rate, {}: {} an hour and {} upfront, amortised over the term",
                k.origin,
                k.as_of.unwrap_or("undated"),
                t.hourly,
                t.upfront
            ),
            (Some(_), None) => {
                String::from("your Reserved Instance terms, upfront amortised over the term")
            }
            (None, _) => {
                String::from("unknown: supply the term's hourly and upfront rates, or its discount")
            }
        };
        Ok((label, monthly, note))
    }

    /// A Reserved offer's monthly compute, upfront amortised: from its
    /// discount, the book's term, or its rates; `None` when unknown.
    fn reserved_compute(
        &self,
        offer: &ReservedOffer,
        book_term: Option<(&Known<'_>, &ReservedTerm)>,
        on_demand: &OnDemand,
        rf: &dyn Fn(&str) -> String,
        offer_field: &str,
    ) -> Result<Option<Money>, Error> {
        let months = u64::from(offer.term_years) * 12;
        if let Some(d) = offer.discount {
            let ppm = discount_ppm(d, &rf("discount"))?;
            Ok(on_demand
                .monthly
                .map(|od| Money::from_micros(od.micros() - self.rest.micros()))
                .map(|c| discounted(c, ppm)))
        } else if let Some((_, t)) = book_term {
            let upfront = UnitPrice::from_nanos(t.upfront.micros().saturating_mul(1000));
            self.term_monthly(t.hourly, upfront, months, offer_field)
        } else if offer.hourly.is_some() || offer.upfront.is_some() {
            let recurring = UnitPrice::from_usd(offer.hourly.unwrap_or(0.0), &rf("hourly"))?;
            let upfront = UnitPrice::from_usd(offer.upfront.unwrap_or(0.0), &rf("upfront"))?;
            self.term_monthly(recurring, upfront, months, offer_field)
        } else {
            Ok(None)
        }
    }

    /// The recurring rate for every instance-hour plus each instance's upfront
    /// fee spread over the term's months; `None` when either cannot be held.
    fn term_monthly(
        &self,
        recurring: UnitPrice,
        upfront: UnitPrice,
        months: u64,
        field: &str,
    ) -> Result<Option<Money>, Error> {
        let compute = self.instance_hours().cost(recurring);
        let amortised = Quantity::new(u128::from(self.n), months).cost(upfront);
        match (compute, amortised) {
            (Some(c), Some(a)) => Ok(Some(add(c, a, field)?)),
            _ => Ok(None),
        }
    }
}

/// An offer for each of a price book's Reserved terms on a storage
/// configuration, priced from the book's rates.
fn book_offers(terms: &[ReservedTerm], io_optimized: bool) -> Vec<ReservedOffer> {
    terms
        .iter()
        .filter(|t| t.io_optimized == io_optimized)
        .map(|t| ReservedOffer {
            term_years: t.term_years,
            payment: t.payment,
            ..ReservedOffer::default()
        })
        .collect()
}

/// A Reserved offer's readable name, e.g. "db.r6g.xlarge, 1-year reserved, no upfront".
fn reserved_label(class: &str, offer: &ReservedOffer) -> String {
    format!(
        "{}, {}-year reserved, {}",
        class,
        offer.term_years,
        payment_words(offer.payment)
    )
}

/// The book's term, when the offer gives neither rates nor a discount.
fn book_term<'k, 'a>(
    known: &'k [Known<'a>],
    offer: &ReservedOffer,
    io_optimized: bool,
) -> Option<(&'k Known<'a>, &'a ReservedTerm)> {
    if offer.discount.is_none() && offer.hourly.is_none() && offer.upfront.is_none() {
        known.iter().find_map(|k| {
            k.reserved
                .iter()
                .find(|t| {
                    t.term_years == offer.term_years
                        && t.payment == offer.payment
                        && t.io_optimized == io_optimized
                })
                .map(|t| (k, t))
        })
    } else {
        None
    }
}

/// Cheapest first; unknown last, in input order.
fn sort_cheapest_first(rows: &mut [ComparisonRow]) {
    rows.sort_by(|a, b| match (a.monthly_micro_usd, b.monthly_micro_usd) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => core::cmp::Ordering::Less,
        (None, Some(_)) => core::cmp::Ordering::Greater,
        (None, None) => core::cmp::Ordering::Equal,
    });
}

/// Break-even: serverless at peak P for H hours a day and off-peak O otherwise.
struct PeakModel {
    /// Peak capacity, ACUs.
    peak: f64,
    /// Off-peak capacity, ACUs.
    off: f64,
    /// Days in the month.
    days: f64,
    /// Serverless compute, USD per ACU-hour for the whole cluster.
    rate: f64,
    /// Everything but compute, micro-dollars.
    rest: Money,
}

impl PeakModel {
    /// The model for the billed cluster, at the scenario's serverless rate;
    /// `None` when that rate is unknown.
    fn new(b: &Billed<'_>, rest: Money) -> Option<Self> {
        let s = b.scenario;
        let compute_price = prices::resolve_with(
            s.price_book.as_ref(),
            &s.region,
            s.engine,
            prices::PriceItem::serverless(s.storage_type),
            &s.price_overrides,
        )
        .ok()?
        .price;
        Some(PeakModel {
            peak: f64::from(b.peak_halves) / 2.0,
            off: f64::from(b.off_peak_halves) / 2.0,
            days: s.hours_per_month as f64 / 24.0,
            rate: compute_price.as_usd_f64() * f64::from(s.instances.len() as u32),
            rest,
        })
    }

    /// Serverless monthly total in USD at `h` hours a day at peak.
    fn serverless_at(&self, h: f64) -> f64 {
        (h * self.peak + (24.0 - h) * self.off) * self.days * self.rate
            + self.rest.micros() as f64 / 1e6
    }

    /// Serverless cost at each whole hour a day at peak, 0 to 24.
    fn curve(&self) -> Vec<CurvePoint> {
        (0..=24)
            .map(|h| CurvePoint {
                hours_per_day: f64::from(h),
                serverless_micro_usd: Money::from_micros(
                    (self.serverless_at(f64::from(h)) * 1e6 + 0.5) as i64,
                ),
            })
            .collect()
    }

    /// For each provisioned total, the hours a day at peak above which it wins.
    fn break_even(&self, inputs: &[(String, Money)]) -> Vec<BreakEven> {
        inputs
            .iter()
            .map(|(option, monthly)| {
                let target = monthly.micros() as f64 / 1e6;
                let at_zero = self.serverless_at(0.0);
                let slope = (self.peak - self.off) * self.days * self.rate;
                let hours_per_day = if target <= at_zero {
                    Some(0.0)
                } else if slope <= 0.0 || target > self.serverless_at(24.0) {
                    None
                } else {
                    Some((target - at_zero) / slope)
                };
                BreakEven {
                    option: option.clone(),
                    monthly_micro_usd: *monthly,
                    hours_per_day,
                }
            })
            .collect::<Vec<_>>()
    }
}

/// A provisioned class as the price book or the catalog knows it.
#[derive(Clone)]
struct Known<'a> {
    class: &'a str,
    memory_gib: u32,
    /// Virtual CPUs, for RDS Proxy in front of the class.
    vcpu: Option<u32>,
    standard: Option<UnitPrice>,
    io_optimized: Option<UnitPrice>,
    confidence: Confidence,
    /// "catalog", or the price book's name.
    origin: &'a str,
    as_of: Option<&'a str>,
    reserved: &'a [ReservedTerm],
}

/// Every class for the scenario's region and engine: the price book's, then
/// the catalog's that the book does not have.
fn candidates(s: &ValidScenario) -> Vec<Known<'_>> {
    let mut out: Vec<Known<'_>> = Vec::new();
    if let Some(book) = &s.price_book {
        for c in &book.instance_classes {
            if c.region != s.region || c.engine.is_some_and(|e| e != s.engine) {
                continue;
            }
            // The engine-specific class wins over one for both engines.
            if let Some(k) = book.class(&s.region, s.engine, &c.class)
                && !out.iter().any(|o| o.class == k.class)
            {
                out.push(from_book(book, k));
            }
        }
    }
    for c in prices::instance_classes() {
        if c.region == s.region
            && c.engine.is_none_or(|e| e == s.engine)
            && !out.iter().any(|o| o.class == c.class)
        {
            out.push(from_catalog(c));
        }
    }
    out
}

/// What the price book and the catalog know of `class`, the book first.
fn known_class<'a>(s: &'a ValidScenario, class: &str) -> Vec<Known<'a>> {
    let book = s
        .price_book
        .as_ref()
        .and_then(|b| b.class(&s.region, s.engine, class).map(|c| from_book(b, c)));
    let catalog = prices::instance_class(&s.region, class).map(from_catalog);
    book.into_iter().chain(catalog).collect()
}

fn from_book<'a>(book: &'a prices::PriceBook, c: &'a prices::BookClass) -> Known<'a> {
    Known {
        class: &c.class,
        memory_gib: c.memory_gib,
        vcpu: Some(c.vcpu),
        standard: c.on_demand_hourly,
        io_optimized: c.io_optimized_hourly,
        confidence: Confidence::High,
        origin: &book.name,
        as_of: Some(&book.as_of),
        reserved: &c.reserved,
    }
}

fn from_catalog(c: &'static prices::InstanceClass) -> Known<'static> {
    Known {
        class: c.class,
        memory_gib: c.memory_gib,
        vcpu: Some(c.vcpu),
        standard: c.on_demand_hourly,
        io_optimized: c.io_optimized_hourly,
        confidence: c.confidence,
        origin: "catalog",
        as_of: c.as_of,
        reserved: &[],
    }
}

/// The on-demand rate for a storage configuration from what is known of a
/// class, with its confidence and where it came from; `None` when nothing is.
fn on_demand_rate(
    known: &[Known<'_>],
    io_optimized: bool,
) -> Option<(Option<UnitPrice>, Confidence, String)> {
    if !io_optimized {
        return known.iter().find_map(|k| {
            k.standard.map(|p| {
                (
                    Some(p),
                    k.confidence,
                    format!(
                        "{} on-demand rate, {}",
                        k.origin,
                        k.as_of.unwrap_or("undated")
                    ),
                )
            })
        });
    }
    if let Some((k, p)) = known.iter().find_map(|k| k.io_optimized.map(|p| (k, p))) {
        return Some((
            Some(p),
            k.confidence,
            format!("{} I/O-Optimized rate", k.origin),
        ));
    }
    // AWS's rule of thumb: I/O-Optimized instances cost 1.30 × Standard.
    known.iter().find_map(|k| {
        k.standard.map(|p| {
            (
                Some(UnitPrice::from_nanos((p.nanos() * 13 + 5) / 10)),
                Confidence::Low,
                String::from("derived: 1.30 × the Standard rate (AWS rule of thumb)"),
            )
        })
    })
}

/// True for a burstable class (db.t2, db.t3, db.t4g, …).
pub fn is_burstable(class: &str) -> bool {
    class.starts_with("db.t")
}

/// The verdict, with what it rests on when the bill is partial.
fn verdict(b: &Billed<'_>, rows: &[ComparisonRow], break_even: &[BreakEven]) -> String {
    let s = b.scenario;
    if !b.compute_priced {
        return format!(
            "no verdict: serverless capacity has no price in {}; supply it (or a price book that has it) to compare with provisioned options",
            s.region
        );
    }
    let mut text = priced_verdict(b, rows, break_even);
    if !b.unpriced.is_empty() {
        text.push_str(&format!(
            "; compared on known prices only: {} unpriced in {}, the same for every option",
            b.unpriced, s.region
        ));
    }
    let proxy_unpriced = s.extras.rds_proxy
        && prices::resolve_with(
            s.price_book.as_ref(),
            &s.region,
            s.engine,
            prices::PriceItem::ProxyProvisioned,
            &s.price_overrides,
        )
        .is_err();
    if proxy_unpriced && !text.starts_with("no verdict") {
        text.push_str(&format!(
            "; the provisioned totals leave out RDS Proxy, which has no price for provisioned instances in {} (supply priceOverrides.proxyProvisioned)",
            s.region
        ));
    }
    text
}

fn priced_verdict(b: &Billed<'_>, rows: &[ComparisonRow], break_even: &[BreakEven]) -> String {
    let priced = |r: &&ComparisonRow| r.monthly_micro_usd.is_some();
    let best_provisioned = rows.iter().filter(priced).find(|r| r.kind.provisioned());
    let Some(p) = best_provisioned else {
        return String::from(
            "no verdict: no provisioned option could be priced; add an instance class with its on-demand rate (compare.classes) to compare serverless with",
        );
    };
    // The cheapest serverless option a user can buy: on-demand or with a plan.
    let Some(sv) = rows
        .iter()
        .filter(priced)
        .find(|r| r.kind.buyable() && !r.kind.provisioned())
    else {
        return String::from("no verdict: serverless capacity has no price");
    };
    let p_cost = p.monthly_micro_usd.unwrap_or(Money::ZERO);
    let s_cost = sv.monthly_micro_usd.unwrap_or(Money::ZERO);
    let hours = break_even
        .iter()
        .find(|x| x.option == p.option)
        .and_then(|x| x.hours_per_day);
    let shape = LoadShape::of(b);
    if p_cost < s_cost {
        provisioned_wins(rows, p, sv, shape, hours)
    } else {
        let mut text = format!(
            "serverless: {} a month ({}) against {} for the cheapest provisioned option ({})",
            s_cost, sv.option, p_cost, p.option
        );
        text.push_str(&match (shape, hours) {
            (LoadShape::Steady { acu }, _) => format!(
                "; the load is steady at about {acu} ACU, yet no provisioned option priced here costs less"
            ),
            (LoadShape::Variable { peak_hours }, Some(h)) if h > 0.0 => format!(
                "; the load sits near its peak about {peak_hours:.1} h a day, below the {h:.1} h a day at which provisioned would win"
            ),
            (LoadShape::Variable { .. }, _) => String::from(
                "; a load that varies this much is what serverless is for",
            ),
        });
        text
    }
}

/// Whether the load holds one level all day or varies, for the verdict's words.
#[derive(Clone, Copy)]
enum LoadShape {
    /// One capacity all month, ACUs.
    Steady { acu: f64 },
    /// Peaks and troughs; hours a day near the peak.
    Variable { peak_hours: f64 },
}

impl LoadShape {
    fn of(b: &Billed<'_>) -> Self {
        if b.peak_halves <= b.off_peak_halves || b.peak_hours_per_day >= 23.95 {
            LoadShape::Steady {
                acu: f64::from(b.peak_halves) / 2.0,
            }
        } else {
            LoadShape::Variable {
                peak_hours: b.peak_hours_per_day,
            }
        }
    }
}

/// The verdict when a provisioned option costs less than every serverless one.
fn provisioned_wins(
    rows: &[ComparisonRow],
    p: &ComparisonRow,
    sv: &ComparisonRow,
    shape: LoadShape,
    hours: Option<f64>,
) -> String {
    let (p_cost, s_cost) = (
        p.monthly_micro_usd.unwrap_or(Money::ZERO),
        sv.monthly_micro_usd.unwrap_or(Money::ZERO),
    );
    let mut text = format!(
        "provisioned: {} costs {} a month against {} for {} ({} less)",
        p.option,
        p_cost,
        s_cost,
        sv.option,
        Money::from_micros(s_cost.micros() - p_cost.micros())
    );
    text.push_str(&match (shape, hours) {
        (LoadShape::Steady { acu }, _) => format!(
            "; the load is steady at about {acu} ACU, and capacity held all day costs less than capacity that follows it"
        ),
        (LoadShape::Variable { .. }, Some(h)) if h <= 0.0 => String::from(
            "; it costs less even if the load stayed at its off-peak level all day",
        ),
        (LoadShape::Variable { peak_hours }, Some(h)) => format!(
            "; the load sits near its peak about {peak_hours:.1} h a day, above the break-even of {h:.1} h a day"
        ),
        (LoadShape::Variable { .. }, None) => String::from(
            "; capacity held all day costs less than capacity that follows this load",
        ),
    });
    if p.burstable {
        text.push_str(&format!(
            "; {} is a burstable class, which AWS recommends only for development and test, not for a load that needs its CPU all month",
            p.class.as_deref().unwrap_or("it")
        ));
    }
    if p.kind == OptionKind::OnDemand {
        let unknown_ri = rows
            .iter()
            .any(|r| r.kind == OptionKind::Reserved && r.monthly_micro_usd.is_none());
        let class = p.class.as_deref().unwrap_or("");
        text.push_str(&if unknown_ri {
            String::from(
                "; a Reserved Instance would cut it further (supply its rate to see by how much)",
            )
        } else if eligible(class) {
            String::from(
                "; a Reserved Instance or Savings Plan would cut it further (add a Reserved or Savings Plan option to see by how much)",
            )
        } else {
            format!(
                "; a Reserved Instance would cut it further (add a Reserved option to see by how much; Database Savings Plans do not cover {class})"
            )
        });
    }
    text
}

/// Why Aurora Standard and I/O-Optimized cannot be compared: the prices
/// either configuration lacks, in words.
fn storage_unknown(s: &ValidScenario) -> String {
    use prices::PriceItem::*;
    let missing: Vec<&str> = [
        ServerlessStandard,
        ServerlessIoOptimized,
        StorageStandard,
        StorageIoOptimized,
        IoRequests,
    ]
    .into_iter()
    .filter(|item| *item != IoRequests || s.usage.io_requests > 0)
    .filter(|item| {
        prices::resolve_with(
            s.price_book.as_ref(),
            &s.region,
            s.engine,
            *item,
            &s.price_overrides,
        )
        .is_err()
    })
    .map(prices::label)
    .collect();
    if missing.is_empty() {
        return String::from(
            "unknown: a bill on one of the storage configurations is too large to compare",
        );
    }
    format!(
        "unknown: no {} price in {}; supply {} to compare Aurora Standard with I/O-Optimized",
        missing.join(", "),
        s.region,
        if missing.len() == 1 { "it" } else { "them" }
    )
}

fn storage_choice(b: &Billed<'_>) -> StorageChoice {
    let (standard, io) = (b.standard, b.io_optimized);
    let io_share = match standard {
        Some((total, io)) if total.micros() > 0 => io.micros() as f64 / total.micros() as f64,
        _ => 0.0,
    };
    let (break_even_io_share, verdict) = match (standard, io) {
        (Some((total, io_part)), Some(io_opt)) => {
            let without_io = total.micros() - io_part.micros();
            // Standard equals I/O-Optimized when I/O spend reaches io_opt − without_io.
            let needed = io_opt.micros() - without_io;
            let share = if needed <= 0 {
                0.0
            } else {
                needed as f64 / (without_io + needed) as f64
            };
            let verdict = if io_opt < total {
                format!(
                    "I/O-Optimized: {} against {} on Standard; I/O is {:.0} % of the Standard bill, above the {:.0} % break-even",
                    io_opt,
                    total,
                    io_share * 100.0,
                    share * 100.0
                )
            } else {
                format!(
                    "Standard: {} against {} on I/O-Optimized; I/O is {:.0} % of the Standard bill, below the {:.0} % at which I/O-Optimized wins",
                    total,
                    io_opt,
                    io_share * 100.0,
                    share * 100.0
                )
            };
            (Some(share), verdict)
        }
        _ => (None, storage_unknown(b.scenario)),
    };
    StorageChoice {
        standard_micro_usd: standard.map(|s| s.0),
        io_optimized_micro_usd: io,
        io_share,
        break_even_io_share,
        verdict,
    }
}
