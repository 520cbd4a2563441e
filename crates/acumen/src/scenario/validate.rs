//! [`Scenario::validate`]: every field checked, in the order the scenario
//! lists them, into the exact form the calculations use.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{
    Engine, IoUsage, MAX_READERS, MAX_SCENARIO_SAMPLES, MAX_SPIKES, Scenario, ValidInstance,
    ValidScenario, ValidUsage, application,
};
use crate::check::{
    MAX_COUNT, MAX_GB, MAX_HOURS_PER_MONTH, check_amount, milli, out_of_range, whole,
};
use crate::engine::{self, Version};
use crate::error::{Error, ErrorCode};
use crate::money::UnitPrice;
use crate::platform::PlatformVersion;
use crate::prices::{self, PriceItem};
use crate::workload::{HOUR, Timeline, Workload, spike_windows, trace_timeline};

/// Remarks on how the input was read: (field, message).
type Notes = Vec<(String, String)>;

/// One-second trace samples taken out of a scenario by
/// [`Scenario::into_valid`], by instance: the writer's, then each reader's
/// (`None` where none were taken; empty when nothing was).
type Taken = Vec<Option<Vec<f64>>>;

/// A field for a product that no longer exists: Performance Insights ended
/// on 31 July 2026. An error rather than a silent mapping, because the
/// replacement is billed differently (per ACU-hour, at a price the scenario
/// has to supply) and the user should choose it knowingly.
fn retired(field: &str, instead: &str) -> Error {
    Error::new(
        ErrorCode::UnknownField,
        field,
        format_args!("Performance Insights reached its end of life on 31 July 2026; {instead}"),
    )
}

impl Scenario {
    /// Checks every field and returns the exact form the calculations use.
    /// The error names the first failing field.
    ///
    /// Sizes are bounded so that any accepted scenario is priced in bounded
    /// time and memory: at most [`MAX_READERS`] readers and [`MAX_SPIKES`]
    /// spikes, [`MAX_TRACE_SAMPLES`](super::MAX_TRACE_SAMPLES) samples in
    /// one trace and [`MAX_SCENARIO_SAMPLES`] in all, `levels` adding up to
    /// at most [`MAX_LEVEL_HOURS`](super::MAX_LEVEL_HOURS); every timeline
    /// covers at most one 744-hour month (the repository's `docs/limits.md`
    /// has every bound and measured costs).
    pub fn validate(&self) -> Result<ValidScenario, Error> {
        self.validate_with(Taken::new())
    }

    /// As [`Scenario::validate`], taking the scenario: the samples of each
    /// one-second trace (the writer's and the readers') become the
    /// timeline's own instead of being copied, where they have room for the
    /// month (a month of them is 21 MB). The same result and the same
    /// errors.
    ///
    /// ```
    /// use acumen::{Scenario, Workload};
    /// use acumen::workload::Trace;
    /// let scenario = Scenario {
    ///     workload: Workload::Trace(Trace { interval_seconds: 1, acu: vec![2.0; 7_200] }),
    ///     ..Scenario::default()
    /// };
    /// let borrowed = acumen::estimate(&scenario).unwrap();
    /// let taken = acumen::estimate_valid(&scenario.into_valid().unwrap()).unwrap();
    /// assert_eq!(taken, borrowed);
    /// ```
    pub fn into_valid(mut self) -> Result<ValidScenario, Error> {
        let take = |workload: Option<&mut Workload>| match workload {
            Some(Workload::Trace(trace)) if trace.interval_seconds == 1 => {
                Some(core::mem::take(&mut trace.acu))
            }
            _ => None,
        };
        let mut taken = Taken::with_capacity(1 + self.readers.len());
        taken.push(take(Some(&mut self.workload)));
        taken.extend(self.readers.iter_mut().map(|r| take(r.workload.as_mut())));
        self.validate_with(taken)
    }

    /// Validates, the one-second trace samples in `taken` standing for
    /// those taken out of the scenario.
    fn validate_with(&self, taken: Taken) -> Result<ValidScenario, Error> {
        self.check_region()?;
        let engine_version = self
            .engine_version
            .as_deref()
            .map(|v| Version::parse(v, "engineVersion"))
            .transpose()?;
        if !(1..=MAX_HOURS_PER_MONTH).contains(&self.hours_per_month) {
            return Err(out_of_range(
                "hoursPerMonth",
                "between 1 and 744",
                self.hours_per_month,
            ));
        }
        let month = u64::from(self.hours_per_month) * HOUR;
        let platform_version = self
            .platform_version
            .map(|v| PlatformVersion::new(v, "platformVersion"))
            .transpose()?;
        let platform = platform_version.unwrap_or_default();
        let scaling = self.scaling.validate("scaling")?;
        engine::check_scaling(
            self.engine,
            engine_version,
            scaling.min,
            scaling.max,
            "scaling",
        )?;
        platform.check_max(scaling.max)?;
        let mut notes = Vec::new();
        let instances = self.instances(month, taken, &mut notes)?;
        if self.extras.performance_insights_retention {
            return Err(retired(
                "extras.performanceInsightsRetention",
                "its long-term retention is now Database Insights' Advanced mode: set extras.databaseInsights to \"advanced\"",
            ));
        }
        let usage = self.usage()?;
        self.check_price_overrides()?;
        let controller = self.controller.resolve(platform)?;
        self.compare.check()?;
        application::check(&self.application)?;
        Ok(ValidScenario {
            region: self.region.clone(),
            engine: self.engine,
            engine_version,
            platform_version: platform,
            platform_version_given: platform_version.is_some(),
            storage_type: self.storage_type,
            hours_per_month: self.hours_per_month,
            scaling,
            instances,
            usage,
            extras: self.extras.clone(),
            price_overrides: self.price_overrides.clone(),
            strict_prices: self.strict_prices,
            price_book: self.price_book.clone(),
            controller,
            compare: self.compare.clone(),
            application: self.application.clone(),
            notes,
        })
    }

    /// The price book is valid and the region is a commercial AWS region or
    /// one the price book prices.
    fn check_region(&self) -> Result<(), Error> {
        if let Some(book) = &self.price_book {
            book.validate_at("priceBook.")?;
        }
        let in_book = self
            .price_book
            .as_ref()
            .is_some_and(|b| b.knows_region(&self.region));
        if !prices::knows_region(&self.region) && !in_book {
            return Err(Error::new(
                ErrorCode::UnknownRegion,
                "region",
                format_args!(
                    "{:?} is not a commercial AWS region (e.g. us-east-1, eu-central-1) and the scenario has no price book for it",
                    self.region
                ),
            ));
        }
        Ok(())
    }

    /// The writer's demand (its workload with the spikes laid over it),
    /// then each reader's.
    fn instances(
        &self,
        month: u64,
        taken: Taken,
        notes: &mut Notes,
    ) -> Result<Vec<ValidInstance>, Error> {
        check_trace_samples(self, &taken)?;
        let mut taken = taken.into_iter();
        let mut writer = demand(
            &self.workload,
            taken.next().flatten(),
            month,
            "workload",
            notes,
        )?;
        if self.spikes.len() > MAX_SPIKES {
            return Err(out_of_range(
                "spikes",
                "a list of at most 100 spikes",
                self.spikes.len(),
            ));
        }
        for (i, spike) in self.spikes.iter().enumerate() {
            let (windows, extra) = spike_windows(spike, i, writer.seconds())?;
            writer = writer.add_windows(&windows, extra);
        }
        if self.readers.len() > MAX_READERS {
            return Err(out_of_range(
                "readers",
                "a list of at most 15 readers",
                self.readers.len(),
            ));
        }
        let mut instances = Vec::with_capacity(1 + self.readers.len());
        for i in 0..self.readers.len() {
            instances.push(self.reader(i, &writer, taken.next().flatten(), month, notes)?);
        }
        instances.insert(
            0,
            ValidInstance {
                name: String::from("writer"),
                promotion_tier: None,
                demand: writer,
            },
        );
        Ok(instances)
    }

    /// Reader `i`: its tier, and its own demand (or the writer's), which
    /// must cover the writer's hours; `taken` are its trace's samples if
    /// they were taken out of the scenario.
    fn reader(
        &self,
        i: usize,
        writer: &Timeline,
        taken: Option<Vec<f64>>,
        month: u64,
        notes: &mut Notes,
    ) -> Result<ValidInstance, Error> {
        let reader = &self.readers[i];
        if reader.promotion_tier > 15 {
            return Err(out_of_range(
                &format!("readers[{i}].promotionTier"),
                "between 0 and 15",
                reader.promotion_tier,
            ));
        }
        let demand = match &reader.workload {
            Some(w) => demand(w, taken, month, &format!("readers[{i}].workload"), notes)?,
            None => writer.clone(),
        };
        if demand.seconds() != writer.seconds() {
            return Err(Error::new(
                ErrorCode::Conflict,
                &format!("readers[{i}].workload"),
                format_args!(
                    "must cover the same hours as the writer's workload ({} h), got {} h",
                    writer.seconds() as f64 / 3600.0,
                    demand.seconds() as f64 / 3600.0
                ),
            ));
        }
        Ok(ValidInstance {
            name: format!("reader {}", i + 1),
            promotion_tier: Some(reader.promotion_tier),
            demand,
        })
    }

    /// The monthly quantities of the non-compute items.
    fn usage(&self) -> Result<ValidUsage, Error> {
        let storage = check_amount(
            self.storage_gb,
            MAX_GB,
            "storageGb",
            "between 0 and 1000000 GB",
        )?;
        let backup = check_amount(
            self.backup_storage_gb,
            MAX_GB,
            "backupStorageGb",
            "between 0 and 1000000 GB",
        )?;
        let io_requests = self.io_requests()?;
        let x = &self.extras;
        let data_api_billed_requests = self.data_api_billed_requests()?;
        let usage = ValidUsage {
            storage_milli_gb: milli(storage),
            backup_milli_gb: milli(backup).saturating_sub(milli(storage)),
            io_requests,
            data_api_billed_requests,
            snapshot_export_milli_gb: milli(check_amount(
                x.snapshot_export_gb,
                MAX_GB,
                "extras.snapshotExportGb",
                "between 0 and 1000000 GB",
            )?),
            backtrack_change_records: whole(check_amount(
                x.backtrack_change_records,
                MAX_COUNT,
                "extras.backtrackChangeRecords",
                "between 0 and 1e15",
            )?),
            global_write_ios: whole(check_amount(
                x.global_write_ios,
                MAX_COUNT,
                "extras.globalWriteIos",
                "between 0 and 1e15",
            )?),
        };
        if usage.backtrack_change_records > 0 && self.engine != Engine::AuroraMysql {
            return Err(Error::new(
                ErrorCode::Conflict,
                "extras.backtrackChangeRecords",
                format_args!(
                    "Backtrack is an Aurora MySQL feature; the engine is {}",
                    self.engine
                ),
            ));
        }
        Ok(usage)
    }

    /// I/O requests a month, from a total or from rates.
    fn io_requests(&self) -> Result<u64, Error> {
        Ok(match &self.io {
            IoUsage::None => 0,
            IoUsage::Monthly { requests } => whole(check_amount(
                *requests,
                MAX_COUNT,
                "io.monthly.requests",
                "between 0 and 1e15",
            )?),
            IoUsage::Rates {
                baseline_per_second,
                peak_per_second,
                peak_hours_per_month,
            } => {
                let base = check_amount(
                    *baseline_per_second,
                    1e9,
                    "io.rates.baselinePerSecond",
                    "between 0 and 1e9",
                )?;
                let peak = check_amount(
                    *peak_per_second,
                    1e9,
                    "io.rates.peakPerSecond",
                    "between 0 and 1e9",
                )?;
                let hours = f64::from(self.hours_per_month);
                let peak_hours = check_amount(
                    *peak_hours_per_month,
                    hours,
                    "io.rates.peakHoursPerMonth",
                    "between 0 and hoursPerMonth",
                )?;
                // As AWS's calculator: baseline outside the peak, peak during it.
                whole(base * (hours - peak_hours) * 3600.0 + peak * peak_hours * 3600.0)
            }
        })
    }

    /// Data API requests a month as billed: per started 32 KB of payload.
    fn data_api_billed_requests(&self) -> Result<u64, Error> {
        let x = &self.extras;
        let data_api = check_amount(
            x.data_api_requests,
            MAX_COUNT,
            "extras.dataApiRequests",
            "between 0 and 1e15",
        )?;
        let payload = check_amount(
            x.data_api_payload_kb,
            65_536.0,
            "extras.dataApiPayloadKb",
            "between 0 and 65536 KB",
        )?;
        // Billed per started 32 KB: a 35 KB payload counts twice.
        let units = if payload <= 32.0 {
            1
        } else {
            whole(ceil_div(payload, 32.0))
        };
        Ok(whole(data_api).saturating_mul(units))
    }

    /// Every override is checked, used or not, so a bad one never hides.
    fn check_price_overrides(&self) -> Result<(), Error> {
        if self
            .price_overrides
            .performance_insights_retention
            .is_some()
        {
            return Err(retired(
                "priceOverrides.performanceInsightsRetention",
                "set priceOverrides.databaseInsightsAdvanced ($ per ACU-hour) for Database Insights' Advanced mode instead",
            ));
        }
        for item in PriceItem::ALL {
            if let Some(usd) = self.price_overrides.get(item) {
                UnitPrice::from_usd(usd, &format!("priceOverrides.{}", item.key()))?;
            }
        }
        Ok(())
    }
}

/// All the scenario's trace samples together stay within
/// [`MAX_SCENARIO_SAMPLES`]; checked before any trace is laid out. The error
/// names the reader's trace that goes over (one trace alone is held to
/// [`MAX_TRACE_SAMPLES`](super::MAX_TRACE_SAMPLES) where it is laid out).
fn check_trace_samples(s: &Scenario, taken: &[Option<Vec<f64>>]) -> Result<(), Error> {
    // Instance `k`'s samples, wherever they are.
    let samples = |k: usize, w: Option<&Workload>| {
        let held = match w {
            Some(Workload::Trace(t)) => t.acu.len(),
            _ => 0,
        };
        held + taken.get(k).and_then(Option::as_ref).map_or(0, Vec::len)
    };
    let mut total = samples(0, Some(&s.workload));
    for (i, reader) in s.readers.iter().enumerate() {
        let n = samples(i + 1, reader.workload.as_ref());
        total = total.saturating_add(n);
        if n > 0 && total > MAX_SCENARIO_SAMPLES {
            return Err(out_of_range(
                &format!("readers[{i}].workload.trace.acu"),
                "at most 42854400 samples in all the scenario's traces together",
                total,
            ));
        }
    }
    Ok(())
}

/// The demand of `workload` at `path`: from `taken`, its one-second
/// samples, if they were taken out of the scenario.
fn demand(
    workload: &Workload,
    taken: Option<Vec<f64>>,
    month: u64,
    path: &str,
    notes: &mut Notes,
) -> Result<Timeline, Error> {
    match taken {
        Some(acu) => trace_timeline(1, Cow::Owned(acu), month, path, notes),
        None => workload.timeline(month, path, notes),
    }
}

/// `ceil(a / b)` for positive finite values.
fn ceil_div(a: f64, b: f64) -> f64 {
    crate::acu::ceil(a / b)
}
