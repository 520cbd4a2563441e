//! Configuration advice: minimum and maximum capacity, auto-pause,
//! connections and RDS Proxy, and the alarms to set, each with its reason and
//! the numbers behind it.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::acu::{Acu, GIB_PER_ACU};
use crate::engine::{MaxConnections, capabilities};
use crate::money::Money;
pub use crate::scenario::Application;
use crate::scenario::{DatabaseInsights, ValidScenario};

/// What an advice item is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Topic {
    /// The minimum capacity.
    MinAcu,
    /// Auto-pause (minimum 0).
    AutoPause,
    /// The maximum capacity.
    MaxAcu,
    /// Connections, RDS Proxy and the Data API.
    Connections,
    /// A CloudWatch alarm to set.
    Alarm,
    /// Aurora Standard or I/O-Optimized.
    Storage,
    /// Serverless, provisioned or a commitment.
    Purchase,
    /// A Database Savings Plan commitment for the serverless cluster.
    SavingsPlan,
}

/// One recommendation.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Advice {
    /// What it is about.
    pub topic: Topic,
    /// What to do.
    pub recommendation: String,
    /// Why, with the numbers.
    pub reason: String,
    /// The recommended value, where there is one, in the unit the
    /// recommendation states: ACUs for capacity, percent for ACUUtilization,
    /// GiB for FreeableMemory, connections for max_connections, a 0–1 share
    /// for the I/O-Optimized break-even.
    pub value: Option<f64>,
}

/// Buffer-pool share of an ACU's memory (AWS examples: 0.54–0.68).
const BUFFER_POOL_SHARE: f64 = 0.6;

/// What the bill worked out that the advice uses.
pub(crate) struct Facts {
    /// Highest need of any instance, half-ACUs (not clamped).
    pub peak_need_halves: u32,
    /// Hours at the maximum and unmet ACU-hours there, summed over instances.
    pub hours_at_max: f64,
    pub unmet_cap_acu_hours: f64,
    /// The longest run without demand on the whole cluster, seconds.
    pub longest_idle_seconds: u64,
    /// The RDS Proxy's monthly cost for this cluster, if priced.
    pub proxy_monthly: Option<Money>,
    pub max_connections: MaxConnections,
    /// The monthly total with a minimum of 0 (when it was computed).
    pub total_with_pause: Option<Money>,
    pub total: Money,
    /// The bill leaves unpriced lines out: totals are on known prices.
    pub partial: bool,
    /// Seconds to ramp from the minimum to the peak.
    pub ramp_seconds: Option<u64>,
}

fn grid_up(acu: f64) -> Acu {
    Acu::ceil_from_checked_demand(acu)
}

/// The advice for a billed scenario.
pub(crate) fn advise(s: &ValidScenario, f: &Facts) -> Vec<Advice> {
    let mut out = Vec::new();
    min_acu_advice(&mut out, s, f);
    auto_pause_advice(&mut out, s, f);
    max_acu_advice(&mut out, s, f);
    connection_advice(&mut out, s, f);
    alarm_advice(&mut out, s);
    out
}

/// The minimum capacity: the floor the application facts need, and a faster ramp.
fn min_acu_advice(out: &mut Vec<Advice>, s: &ValidScenario, f: &Facts) {
    let app = &s.application;
    let min = s.scaling.min;
    let max = s.scaling.max;

    let mut floor = Acu::HALF;
    let mut why = Vec::new();
    if let Some(gib) = app.working_set_gib {
        let acu = grid_up(gib / (f64::from(GIB_PER_ACU) * BUFFER_POOL_SHARE));
        why.push(format!(
            "a {gib} GiB hot working set needs about {acu} ACU of memory for the buffer pool (about {:.0} % of each ACU's 2 GiB)",
            BUFFER_POOL_SHARE * 100.0
        ));
        floor = floor.max(acu);
    }
    if app.performance_insights || s.extras.database_insights == DatabaseInsights::Advanced {
        floor = floor.max(Acu::from_halves(4).unwrap_or(Acu::HALF));
        why.push(String::from(
            "AWS recommends at least 2 ACU with Performance Insights, which Database Insights' Advanced mode turns on",
        ));
    }
    if app.max_locks_per_transaction_raised {
        floor = floor.max(Acu::from_halves(4).unwrap_or(Acu::HALF));
        why.push(String::from(
            "with a raised max_locks_per_transaction capacity stays at 2 ACU or more anyway (AWS Database Blog, 2024), so a lower minimum saves nothing",
        ));
    }
    if app.global_database {
        floor = floor.max(Acu::from_halves(16).unwrap_or(Acu::HALF));
        why.push(String::from(
            "AWS recommends at least 8 ACU for the writer of a Global Database primary",
        ));
    }
    let floor = floor.min(max);
    if !why.is_empty() {
        let recommendation = if min < floor {
            format!("raise the minimum from {min} to {floor} ACU")
        } else {
            format!("keep the minimum at {min} ACU (at least {floor})")
        };
        out.push(Advice {
            topic: Topic::MinAcu,
            recommendation,
            reason: why.join("; "),
            value: Some(floor.as_f64()),
        });
    }
    if let Some(ramp) = f.ramp_seconds.filter(|r| *r > 30 && min > Acu::ZERO) {
        out.push(Advice {
            topic: Topic::MinAcu,
            recommendation: format!("if the first seconds of a burst matter, raise the minimum above {min} ACU"),
            reason: format!(
                "the model takes about {ramp} s to scale from {min} ACU to the peak; scale-up is proportional to current capacity, so a higher minimum ramps faster"
            ),
            value: None,
        });
    }
}

/// Auto-pause: what keeps the cluster from pausing, or what pausing would save.
fn auto_pause_advice(out: &mut Vec<Advice>, s: &ValidScenario, f: &Facts) {
    let min = s.scaling.min;

    let blockers: Vec<&str> = s.pause_blockers().iter().map(|(_, name)| *name).collect();
    let can_pause = capabilities(s.engine, s.engine_version).auto_pause;
    if min == Acu::ZERO && !blockers.is_empty() {
        out.push(Advice {
            topic: Topic::AutoPause,
            recommendation: String::from("expect no auto-pause"),
            reason: format!("{} keeps the cluster from pausing", blockers.join(", ")),
            value: None,
        });
    } else if min > Acu::ZERO && blockers.is_empty() && can_pause {
        match f.total_with_pause {
            Some(paused) if paused < f.total => out.push(Advice {
                topic: Topic::AutoPause,
                recommendation: String::from("set the minimum to 0 to let the cluster pause when idle"),
                reason: format!(
                    "it is idle for up to {:.1} h at a stretch; pausing after {} s saves {} a month ({} instead of {}{}); resuming takes about 15 s",
                    f.longest_idle_seconds as f64 / 3600.0,
                    s.scaling.seconds_until_auto_pause,
                    Money::from_micros(f.total.micros() - paused.micros()),
                    paused,
                    f.total,
                    if f.partial { ", on known prices" } else { "" }
                ),
                value: Some(0.0),
            }),
            _ => {}
        }
    } else if min > Acu::ZERO && !can_pause {
        out.push(Advice {
            topic: Topic::AutoPause,
            recommendation: String::from("upgrade the engine to use auto-pause"),
            reason: String::from(
                "scale-to-zero needs Aurora PostgreSQL 13.15, 14.12, 15.7 or 16.3 and later, or Aurora MySQL 3.08.0 and later",
            ),
            value: None,
        });
    }
}

/// The maximum capacity: headroom over the peak need, or what went unserved.
fn max_acu_advice(out: &mut Vec<Advice>, s: &ValidScenario, f: &Facts) {
    let max = s.scaling.max;

    // Maximum capacity: headroom of a quarter over the peak need.
    let peak = f64::from(f.peak_need_halves) / 2.0;
    let wanted = grid_up(peak * 1.25).max(Acu::from_halves(2).unwrap_or(Acu::HALF));
    if f.unmet_cap_acu_hours > 0.0 {
        out.push(Advice {
            topic: Topic::MaxAcu,
            recommendation: format!("raise the maximum from {max} to {wanted} ACU"),
            reason: format!(
                "demand peaks at {peak} ACU; at the maximum for {:.1} h, {:.1} ACU-hours went unserved",
                f.hours_at_max, f.unmet_cap_acu_hours
            ),
            value: Some(wanted.as_f64()),
        });
    } else {
        out.push(Advice {
            topic: Topic::MaxAcu,
            recommendation: if max < wanted {
                format!("consider a maximum of {wanted} ACU for headroom")
            } else {
                format!("the maximum of {max} ACU leaves headroom")
            },
            reason: format!(
                "demand peaks at {peak} ACU; a quarter of headroom gives {wanted} ACU; the maximum also sets max_connections ({})",
                f.max_connections.value
            ),
            value: Some(wanted.as_f64()),
        });
    }
}

/// Connections: whether the application's pools fit max_connections.
fn connection_advice(out: &mut Vec<Advice>, s: &ValidScenario, f: &Facts) {
    let app = &s.application;

    let wanted_connections = u64::from(app.app_instances) * u64::from(app.pool_size);
    if wanted_connections > 0 {
        let limit = u64::from(f.max_connections.value);
        if wanted_connections > limit {
            let proxy = f.proxy_monthly.map_or_else(
                || String::from("its price is unknown in this region"),
                |m| format!("about {m} a month for this cluster"),
            );
            out.push(Advice {
                topic: Topic::Connections,
                recommendation: String::from("put RDS Proxy in front of the cluster, or use the Data API"),
                reason: format!(
                    "{} instances × {} connections = {wanted_connections}, above max_connections of {limit}{}; RDS Proxy pools them ({proxy}) but stops auto-pause",
                    app.app_instances,
                    app.pool_size,
                    if f.max_connections.capped_by_min { " (capped by the 0.5 ACU minimum)" } else { "" }
                ),
                value: Some(limit as f64),
            });
        } else {
            out.push(Advice {
                topic: Topic::Connections,
                recommendation: String::from("connections fit without a proxy"),
                reason: format!(
                    "{wanted_connections} pooled connections against max_connections of {limit}"
                ),
                value: Some(limit as f64),
            });
        }
    }
}

/// The CloudWatch alarms to set for the maximum capacity.
fn alarm_advice(out: &mut Vec<Advice>, s: &ValidScenario) {
    let max = s.scaling.max;

    out.push(Advice {
        topic: Topic::Alarm,
        recommendation: String::from("alarm on ACUUtilization ≥ 90 % for 5 minutes"),
        reason: format!("ACUUtilization is capacity over the maximum ({max} ACU); near 100 % there is no headroom left"),
        value: Some(90.0),
    });
    out.push(Advice {
        topic: Topic::Alarm,
        recommendation: format!("alarm on ServerlessDatabaseCapacity ≥ {max} for 15 minutes"),
        reason: String::from("sustained time at the maximum means demand may be going unserved"),
        value: Some(max.as_f64()),
    });
    let memory_bytes = max.as_f64() * f64::from(GIB_PER_ACU) * 1_073_741_824.0;
    out.push(Advice {
        topic: Topic::Alarm,
        recommendation: format!("alarm on FreeableMemory < {:.1} GiB", memory_bytes * 0.1 / 1_073_741_824.0),
        reason: format!(
            "FreeableMemory is measured against the maximum ({:.0} GiB); below 10 % the instance is close to out-of-memory restarts",
            memory_bytes / 1_073_741_824.0
        ),
        value: Some(((memory_bytes * 0.1 / 1_073_741_824.0) * 10.0).round_ties_even_fallback() / 10.0),
    });
}

/// Rounds without std (values here are small and positive).
trait RoundFallback {
    fn round_ties_even_fallback(self) -> f64;
}

impl RoundFallback for f64 {
    fn round_ties_even_fallback(self) -> f64 {
        ((self + 0.5) as u64) as f64
    }
}
