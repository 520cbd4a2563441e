//! What the user should know about the bill: low-confidence prices,
//! demand above the maximum, platform needs and how the input was read.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::LineItem;
use crate::acu::Acu;
use crate::prices::{self, Confidence};
use crate::scenario::ValidScenario;
use crate::usage::{HALF_ACU_SECONDS_PER_ACU_HOUR, Usage};

/// How serious a warning is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum WarningKind {
    /// A price used is low-confidence: check it before relying on the total.
    LowConfidencePrice,
    /// Demand exceeds the maximum capacity: the cluster cannot serve it.
    DemandAboveMax,
    /// A price the catalog lacks was needed and no override was given.
    UnknownPrice,
    /// A remark on how an input was read (e.g. a trace repeated to fill the month).
    InputNote,
    /// A maximum above 128 ACU assumes a recent platform version.
    PlatformVersion,
    /// Something in the configuration keeps the cluster from auto-pausing.
    PauseBlocked,
}

/// Something the user should know about the result.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// The kind of warning (stable).
    pub kind: WarningKind,
    /// The input or price the warning concerns.
    pub field: String,
    /// A readable explanation.
    pub message: String,
}

/// The warning that something keeps the cluster from pausing, naming each
/// blocker (the field is the first one's).
pub(crate) fn pause_blocked(s: &ValidScenario) -> Warning {
    let blockers = s.pause_blockers();
    let names: Vec<&str> = blockers.iter().map(|(_, name)| *name).collect();
    let why = if blockers.len() == 1 && blockers[0].0 == "extras.rdsProxy" {
        "RDS Proxy keeps connections open, so the cluster never auto-pauses"
    } else {
        "the cluster never auto-pauses"
    };
    Warning {
        kind: WarningKind::PauseBlocked,
        field: String::from(blockers.first().map_or("scaling.minAcu", |b| b.0)),
        message: format!(
            "{why} ({}): capacity stays at 0.5 ACU or more",
            names.join(", ")
        ),
    }
}

/// Adds the warnings about the priced `lines` and the simulated `usage`,
/// each once: low-confidence prices, demand above the maximum, a maximum
/// that needs a recent platform, and the notes on how the input was read.
pub(crate) fn add_warnings(
    s: &ValidScenario,
    usage: &Usage,
    lines: &[LineItem],
    warnings: &mut Vec<Warning>,
) {
    low_confidence(s, lines, warnings);
    for (inst, o) in s.instances.iter().zip(&usage.outcomes) {
        if o.unmet_cap > 0 {
            warnings.push(Warning {
                kind: WarningKind::DemandAboveMax,
                field: String::from("scaling.maxAcu"),
                message: format!(
                    "the {} needs more than the maximum of {} ACU for {:.1} h; {:.1} ACU-hours of demand go unserved",
                    inst.name,
                    s.scaling.max,
                    o.at_max_seconds as f64 / 3600.0,
                    o.unmet_cap as f64 / HALF_ACU_SECONDS_PER_ACU_HOUR as f64
                ),
            });
        }
    }
    if s.scaling.max > Acu::LEGACY_MAX && !s.platform_version_given {
        warnings.push(Warning {
            kind: WarningKind::PlatformVersion,
            field: String::from("platformVersion"),
            message: format!(
                "a maximum of {} ACU assumes {} (the default for new clusters); an existing cluster on platform version 1 stops at 128 ACU",
                s.scaling.max, s.platform_version
            ),
        });
    }
    for (field, message) in &s.notes {
        warnings.push(Warning {
            kind: WarningKind::InputNote,
            field: field.clone(),
            message: message.clone(),
        });
    }
}

/// One warning per low-confidence price used.
fn low_confidence(s: &ValidScenario, lines: &[LineItem], warnings: &mut Vec<Warning>) {
    for (l, price, unit_price) in lines
        .iter()
        .filter_map(|l| Some((l, l.price.as_ref()?, l.unit_price_nano_usd?)))
    {
        if price.confidence == Confidence::Low
            && !warnings.iter().any(|w: &Warning| {
                w.kind == WarningKind::LowConfidencePrice && w.field.ends_with(l.item.key())
            })
        {
            let note = price
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            warnings.push(Warning {
                kind: WarningKind::LowConfidencePrice,
                field: format!("priceOverrides.{}", l.item.key()),
                message: format!(
                    "the {} price in {} ({} per {}) is low-confidence{note}; check it or override it",
                    prices::label(l.item),
                    s.region,
                    unit_price,
                    l.unit
                ),
            });
        }
    }
}
