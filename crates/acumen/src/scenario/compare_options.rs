//! What the scenario asks the cluster to be compared with: provisioned
//! classes and commitments. Checked with the rest of the scenario; the
//! comparison itself is [`crate::compare`].

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::acu::check_finite;
use crate::error::{Error, ErrorCode};
use crate::money::UnitPrice;
use crate::vocabulary::{Payment, input_struct};

input_struct! {
    /// A Reserved Instance offer for a class: a rate, or a discount off on-demand.
    #[derive(Clone, Debug, PartialEq)]
    pub struct ReservedOffer {
        /// Term in years: 1 or 3. Default 1.
        pub term_years: u8,
        /// Payment option. Default no upfront.
        pub payment: Payment,
        /// Effective hourly rate in USD (the recurring part).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub hourly: Option<f64>,
        /// Upfront fee in USD per instance, amortised over the term.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub upfront: Option<f64>,
        /// Instead of rates: the discount off on-demand, 0 to 0.9 (0.3 = 30 %).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub discount: Option<f64>,
    }
}

impl Default for ReservedOffer {
    fn default() -> Self {
        ReservedOffer {
            term_years: 1,
            payment: Payment::NoUpfront,
            hourly: None,
            upfront: None,
            discount: None,
        }
    }
}

input_struct! {
    /// A provisioned instance class to compare, with any rates to use.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct ClassOption {
        /// The class, e.g. `db.r6g.xlarge`.
        pub class: String,
        /// On-demand USD per instance-hour; default: the catalog's.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub on_demand_hourly: Option<f64>,
        /// Memory in GiB, for a class the catalog does not know.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub memory_gib: Option<u32>,
        /// Reserved Instance offers to compare.
        pub reserved: Vec<ReservedOffer>,
        /// Database Savings Plan discount off on-demand for this class, 0 to 0.9.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub savings_plan_discount: Option<f64>,
    }
}

input_struct! {
    /// What to compare the serverless cluster with.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct CompareOptions {
        /// Classes to compare. Default: from the catalog, the smallest class
        /// of each family with enough memory for the peak.
        pub classes: Vec<ClassOption>,
        /// Database Savings Plan rate's discount off on-demand serverless
        /// ACU-hours, 0 to 0.9 (AWS announced "up to ~35 %"). Used when the
        /// price book has no Savings Plans rate; a plan rate
        /// (`serverlessSavingsPlanRate`) wins over it.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub serverless_savings_plan_discount: Option<f64>,
        /// Database Savings Plan rate for serverless, USD per ACU-hour; used
        /// when the price book has none.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub serverless_savings_plan_rate: Option<f64>,
        /// Your Savings Plan commitment for serverless, USD an hour: priced
        /// beside the best commitment.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub serverless_savings_plan_commitment: Option<f64>,
        /// Savings Plan term in years, 1 or 3. Default 1 (Database Savings
        /// Plans were announced with a 1-year term only).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub savings_plan_term_years: Option<u8>,
        /// Savings Plan payment option. Default no upfront (the only one
        /// announced).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        pub savings_plan_payment: Option<Payment>,
    }
}

impl CompareOptions {
    /// The Savings Plan term in years (default 1).
    pub fn plan_term_years(&self) -> u8 {
        self.savings_plan_term_years.unwrap_or(1)
    }

    /// The Savings Plan payment option (default no upfront).
    pub fn plan_payment(&self) -> Payment {
        self.savings_plan_payment.unwrap_or_default()
    }

    /// Checks every rate, discount and term the options give, in the order
    /// the comparison reads them, naming the failing field. (Whether a
    /// class has memory for the peak depends on the simulation, so the
    /// comparison checks that.)
    pub(crate) fn check(&self) -> Result<(), Error> {
        if let Some(d) = self.serverless_savings_plan_discount {
            discount_ppm(d, "compare.serverlessSavingsPlanDiscount")?;
        }
        if let Some(usd) = self.serverless_savings_plan_rate {
            UnitPrice::from_usd(usd, "compare.serverlessSavingsPlanRate")?;
        }
        if let Some(usd) = self.serverless_savings_plan_commitment {
            commitment_micros(usd, "compare.serverlessSavingsPlanCommitment")?;
        }
        if let Some(years) = self.savings_plan_term_years
            && years != 1
            && years != 3
        {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "compare.savingsPlanTermYears",
                format_args!("must be 1 or 3, got {years}"),
            ));
        }
        for (i, option) in self.classes.iter().enumerate() {
            option.check(&format!("compare.classes[{i}]"))?;
        }
        Ok(())
    }
}

impl ClassOption {
    /// Checks one class option; errors name fields under `path`.
    fn check(&self, path: &str) -> Result<(), Error> {
        let field = |f: &str| format!("{path}.{f}");
        if self.class.trim().is_empty() {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                &field("class"),
                format_args!("must name an instance class, e.g. \"db.r6g.xlarge\""),
            ));
        }
        if let Some(usd) = self.on_demand_hourly {
            UnitPrice::from_usd(usd, &field("onDemandHourly"))?;
        }
        for (j, offer) in self.reserved.iter().enumerate() {
            offer.check(&format!("{path}.reserved[{j}]"))?;
        }
        if let Some(d) = self.savings_plan_discount {
            discount_ppm(d, &field("savingsPlanDiscount"))?;
        }
        Ok(())
    }
}

impl ReservedOffer {
    /// Checks the term and whichever of a discount or rates the offer
    /// gives (a discount wins: the rates beside it are not read).
    fn check(&self, path: &str) -> Result<(), Error> {
        let field = |f: &str| format!("{path}.{f}");
        if self.term_years != 1 && self.term_years != 3 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                &field("termYears"),
                format_args!("must be 1 or 3, got {}", self.term_years),
            ));
        }
        if let Some(d) = self.discount {
            discount_ppm(d, &field("discount"))?;
        } else if self.hourly.is_some() || self.upfront.is_some() {
            UnitPrice::from_usd(self.hourly.unwrap_or(0.0), &field("hourly"))?;
            UnitPrice::from_usd(self.upfront.unwrap_or(0.0), &field("upfront"))?;
        }
        Ok(())
    }
}

/// A Savings Plan commitment in dollars an hour, as micro-dollars: finite,
/// zero or more, at most a million dollars an hour.
pub(crate) fn commitment_micros(usd: f64, field: &str) -> Result<crate::money::Money, Error> {
    check_finite(usd, field)?;
    if !(0.0..=1_000_000.0).contains(&usd) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            field,
            format_args!(
                "must be between 0 and 1000000 dollars an hour, got {}",
                crate::error::Shown(usd)
            ),
        ));
    }
    Ok(crate::money::Money::from_micros(
        (usd * 1_000_000.0 + 0.5) as i64,
    ))
}

/// A discount off a price: a fraction from 0 to 0.9, in parts per million.
pub(crate) fn discount_ppm(value: f64, field: &str) -> Result<i64, Error> {
    check_finite(value, field)?;
    if !(0.0..=0.9).contains(&value) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            field,
            format_args!(
                "must be between 0 and 0.9 (a fraction), got {}",
                crate::error::Shown(value)
            ),
        ));
    }
    Ok((value * 1_000_000.0 + 0.5) as i64)
}
