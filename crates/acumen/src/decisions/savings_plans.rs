//! Database Savings Plans for a scenario: where the plan rate comes from,
//! the best commitment for the serverless cluster and for an eligible
//! provisioned fleet, and what to say about it. The maths is
//! [`super::commitment`].
//!
//! What is assumed, from AWS's announcement of Database Savings Plans
//! (2 December 2025) as the reference files record it: a 1-year term, no
//! upfront payment; serverless ACU-hours (Standard and I/O-Optimized) are
//! covered, and of provisioned instances only the newer families
//! (r7g, r7i, r8g); Reserved Instances never cover serverless. The term and
//! payment are inputs with those defaults. The plan rate comes from a
//! price book that holds Savings Plans rates, else a rate or discount in
//! the scenario, else it is unknown, never guessed.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::commitment::{Commitment, CommitmentPoint, HourlyLoad, Plan};
use crate::error::Error;
use crate::money::{Money, UnitPrice};
use crate::scenario::{ValidScenario, commitment_micros, discount_ppm};
use crate::vocabulary::{Payment, StorageType};

/// Instance families a Database Savings Plan covers (AWS, December 2025:
/// "r7g/r7i/r8g and newer"; not r5, r6g, r6i or the t classes).
pub const ELIGIBLE_FAMILIES: [&str; 3] = ["db.r7g", "db.r7i", "db.r8g"];

/// True when a Database Savings Plan covers the class's family.
pub fn eligible(class: &str) -> bool {
    let family = class.rsplit_once('.').map_or(class, |(f, _)| f);
    ELIGIBLE_FAMILIES.contains(&family)
}

/// The best Database Savings Plan commitment for one option, and what it
/// and the user's commitment do over the month.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SavingsPlan {
    /// What the plan covers: "serverless", or the instance class.
    pub covers: String,
    /// Term in years.
    pub term_years: u8,
    /// Payment option.
    pub payment: Payment,
    /// The unit the rates are per: "ACU-hour" or "instance-hour".
    pub unit: String,
    /// The on-demand price per unit, nano-dollars.
    pub on_demand_nano_usd: UnitPrice,
    /// The plan's rate per unit, nano-dollars.
    pub rate_nano_usd: UnitPrice,
    /// The plan rate's discount off on-demand, 0 to 1.
    pub discount: f64,
    /// Where the plan rate came from.
    pub rate_source: String,
    /// The month's eligible compute on-demand, micro-dollars.
    pub on_demand_micro_usd: Money,
    /// The commitment that costs least, and what it does.
    pub best: Commitment,
    /// The user's commitment, if given.
    pub yours: Option<Commitment>,
    /// The commitment sized to the average hour, for comparison: what
    /// sizing by the monthly average would do.
    pub average: Commitment,
    /// Eligible compute against the commitment, for a chart.
    pub curve: Vec<CommitmentPoint>,
    /// What to buy, and why, in words.
    pub summary: String,
    /// What the sizing assumes: the term and payment, how the plan bills,
    /// what it covers.
    pub assumptions: String,
}

/// A plan rate and where it came from.
pub(crate) struct Rate {
    pub rate: UnitPrice,
    pub source: String,
    /// The input that supplies it, named in errors.
    pub field: String,
}

/// `price × (1 − discount)`, the discount in parts per million, to the nano-dollar.
fn discounted_price(price: UnitPrice, ppm: i64) -> UnitPrice {
    let kept = i128::from(price.nanos()) * i128::from(1_000_000 - ppm);
    UnitPrice::from_nanos(((kept + 500_000) / 1_000_000) as i64)
}

/// The price book's rate for a usage type, for the scenario's term and payment.
fn book_rate(s: &ValidScenario, usage_type: &str) -> Option<Rate> {
    let book = s.price_book.as_ref()?;
    let r = book.savings_plan_rate(
        &s.region,
        s.engine,
        usage_type,
        s.compare.plan_term_years(),
        s.compare.plan_payment(),
    )?;
    Some(Rate {
        rate: r.rate,
        source: format!("{} Savings Plans rate, {}", book.name, book.as_of),
        field: String::from("priceBook.savingsPlans"),
    })
}

/// The serverless plan rate: the price book's, else the scenario's rate,
/// else its discount off `on_demand`; `None` when none is known.
pub(crate) fn serverless_rate(
    s: &ValidScenario,
    on_demand: UnitPrice,
) -> Result<Option<Rate>, Error> {
    let usage_type = match s.storage_type {
        StorageType::Standard => "Aurora:ServerlessV2Usage",
        StorageType::IoOptimized => "Aurora:ServerlessV2IOOptimizedUsage",
    };
    if let Some(r) = book_rate(s, usage_type) {
        return Ok(Some(r));
    }
    let o = &s.compare;
    if let Some(usd) = o.serverless_savings_plan_rate {
        let field = "compare.serverlessSavingsPlanRate";
        return Ok(Some(Rate {
            rate: UnitPrice::from_usd(usd, field)?,
            source: String::from("your plan rate"),
            field: String::from(field),
        }));
    }
    match o.serverless_savings_plan_discount {
        Some(d) => {
            let field = "compare.serverlessSavingsPlanDiscount";
            Ok(Some(Rate {
                rate: discounted_price(on_demand, discount_ppm(d, field)?),
                source: format!("your discount of {:.0} % off on-demand", d * 100.0),
                field: String::from(field),
            }))
        }
        None => Ok(None),
    }
}

/// A provisioned class's plan rate: the price book's, else the class's
/// discount off `on_demand`; `None` when neither is known.
pub(crate) fn class_rate(
    s: &ValidScenario,
    class: &str,
    discount: Option<f64>,
    field: &str,
    on_demand: UnitPrice,
) -> Result<Option<Rate>, Error> {
    let usage_type = match s.storage_type {
        StorageType::Standard => format!("InstanceUsage:{class}"),
        StorageType::IoOptimized => format!("InstanceUsageIOOptimized:{class}"),
    };
    if let Some(r) = book_rate(s, &usage_type) {
        return Ok(Some(r));
    }
    match discount {
        Some(d) => Ok(Some(Rate {
            rate: discounted_price(on_demand, discount_ppm(d, field)?),
            source: format!("your discount of {:.0} % off on-demand", d * 100.0),
            field: String::from(field),
        })),
        None => Ok(None),
    }
}

/// Sizes a plan for `load` at `rate`: the best commitment, the user's
/// (`yours`, USD an hour, read from `yours_field`), the average-sized one
/// and the curve.
pub(crate) fn size(
    s: &ValidScenario,
    covers: &str,
    unit: &str,
    load: &HourlyLoad,
    rate: &Rate,
    yours: Option<(f64, &str)>,
) -> Result<SavingsPlan, Error> {
    let plan = Plan::new(load, Some(rate.rate), &rate.field)?;
    let best = plan.outcome(plan.best()?)?;
    let yours = match yours {
        Some((usd, field)) => Some(plan.outcome(commitment_micros(usd, field)?)?),
        None => None,
    };
    let average = plan.outcome(plan.average())?;
    let mut marks = alloc::vec![best.hourly_micro_usd, average.hourly_micro_usd];
    marks.extend(yours.as_ref().map(|y| y.hourly_micro_usd));
    let curve = plan.curve(&marks)?;
    let on_demand = plan.monthly(Money::ZERO)?;
    let term_years = s.compare.plan_term_years();
    let payment = s.compare.plan_payment();
    let summary = summary(covers, term_years, &best, &average, on_demand);
    let assumptions = assumptions(s, covers == "serverless");
    Ok(SavingsPlan {
        covers: String::from(covers),
        term_years,
        payment,
        unit: String::from(unit),
        on_demand_nano_usd: load.on_demand(),
        rate_nano_usd: rate.rate,
        discount: plan.discount(),
        rate_source: rate.source.clone(),
        on_demand_micro_usd: on_demand,
        best,
        yours,
        average,
        curve,
        summary,
        assumptions,
    })
}

/// What the sizing assumes, in words.
fn assumptions(s: &ValidScenario, serverless: bool) -> String {
    let o = &s.compare;
    let chosen = if o.savings_plan_term_years.is_none() && o.savings_plan_payment.is_none() {
        " (as AWS announced Database Savings Plans in December 2025)"
    } else {
        ""
    };
    let payment = match o.plan_payment() {
        Payment::NoUpfront => "no upfront",
        Payment::PartialUpfront => "partial upfront",
        Payment::AllUpfront => "all upfront",
    };
    format!(
        "a {}-year term, {payment}{chosen}; the commitment is paid every hour of the term, paused hours too; each hour's eligible use is drawn from it at the plan rate and the rest billed on-demand; commitment an hour does not use is lost; {}",
        o.plan_term_years(),
        if serverless {
            "Reserved Instances do not cover serverless capacity"
        } else {
            "the plans cover the db.r7g, db.r7i and db.r8g families only"
        }
    )
}

/// `$0.192` an hour: commitments shown to the tenth of a cent.
pub fn hourly(m: Money) -> String {
    let mills = (m.micros() + 500) / 1000;
    format!("${}.{:03}", mills / 1000, mills % 1000)
}

/// What to buy, in words: the best commitment and its saving, or why a plan
/// is not worth it and what sizing by the average would cost.
fn summary(
    covers: &str,
    term_years: u8,
    best: &Commitment,
    average: &Commitment,
    on_demand: Money,
) -> String {
    if best.hourly_micro_usd == Money::ZERO || best.saving_micro_usd <= Money::ZERO {
        let mut text = format!(
            "a Savings Plan is not worth buying for {covers}: too few hours use enough to repay a commitment paid every hour, so the best commitment is $0 an hour"
        );
        if average.hourly_micro_usd > Money::ZERO && average.saving_micro_usd < Money::ZERO {
            text.push_str(&format!(
                "; committing the average hour ({} an hour) would cost {} a month more than on-demand ({} against {})",
                hourly(average.hourly_micro_usd),
                Money::from_micros(-average.saving_micro_usd.micros()),
                average.monthly_micro_usd,
                on_demand
            ));
        }
        return text;
    }
    format!(
        "commit {} an hour to a {term_years}-year plan for {covers}: {:.0} % of it is used, and it saves {} a month ({:.1} % of {} on-demand compute)",
        hourly(best.hourly_micro_usd),
        best.utilisation * 100.0,
        best.saving_micro_usd,
        best.saving_share * 100.0,
        on_demand
    )
}
