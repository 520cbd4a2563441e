//! Engines, engine versions and what they allow: auto-pause (minimum 0 ACU),
//! a 256-ACU maximum, and the default `max_connections`.
//!
//! Facts (AWS documentation unless marked): Serverless v2 needs Aurora
//! PostgreSQL 13.6, 14.3, 15.2, 16.1, 17.4 or later within each major, or
//! Aurora MySQL 3.02.0 or later. Auto-pause needs Aurora PostgreSQL 13.15,
//! 14.12, 15.7, 16.3 or later, or Aurora MySQL 3.08.0 or later. A 256-ACU
//! maximum needs Aurora MySQL 3.06.0 or later, or the same PostgreSQL
//! versions as auto-pause (a secondary source quoting the AWS "how it works"
//! page; medium confidence); older versions stop at 128 ACU. The platform
//! version matters too (platform version 1 stops at 128 ACU), which a
//! scenario cannot know, so a maximum above 128 ACU carries a warning.

use alloc::string::String;
use core::fmt;

use crate::acu::Acu;
use crate::error::{Error, ErrorCode};
use crate::vocabulary::Engine;

/// An engine version such as `16.3` or `3.08.0`, compared numerically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// Major version (16 for Aurora PostgreSQL 16.3; 3 for Aurora MySQL 3.08.0).
    pub major: u16,
    /// Minor version.
    pub minor: u16,
    /// Patch version (Aurora MySQL's third component; 0 when absent).
    pub patch: u16,
}

impl Version {
    /// A version from its parts.
    pub const fn new(major: u16, minor: u16, patch: u16) -> Version {
        Version {
            major,
            minor,
            patch,
        }
    }

    /// Parses `16.3`, `3.08.0`, or the full Aurora MySQL form
    /// `8.0.mysql_aurora.3.08.0`. `field` names the input in errors.
    pub fn parse(text: &str, field: &str) -> Result<Version, Error> {
        let bad = || {
            Error::new(
                ErrorCode::OutOfRange,
                field,
                format_args!(
                    "must be an engine version such as \"16.3\" or \"3.08.0\", got {text:?}"
                ),
            )
        };
        let text = text.trim();
        let text = text
            .rsplit_once("mysql_aurora.")
            .map_or(text, |(_, version)| version);
        let mut parts = text.split('.');
        let mut next = |required: bool| -> Result<u16, Error> {
            match parts.next() {
                Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse::<u16>().map_err(|_| bad())
                }
                None if !required => Ok(0),
                _ => Err(bad()),
            }
        };
        let version = Version::new(next(true)?, next(true)?, next(false)?);
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(version)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.patch == 0 && self.major >= 10 {
            write!(f, "{}.{}", self.major, self.minor)
        } else {
            write!(f, "{}.{:02}.{}", self.major, self.minor, self.patch)
        }
    }
}

/// What an engine version allows for Serverless v2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Capabilities {
    /// The version supports Serverless v2 at all.
    pub serverless: bool,
    /// Minimum capacity 0 (auto-pause) is allowed.
    pub auto_pause: bool,
    /// The largest maximum capacity the version allows.
    pub max_acu: Acu,
}

/// `true` if `v` is at least the listed minimum for its major version;
/// majors after the last listed one count as new enough, majors before the
/// first as too old.
fn at_least(v: Version, minimums: &[Version]) -> bool {
    match minimums.iter().find(|m| m.major == v.major) {
        Some(m) => v >= *m,
        None => minimums.iter().all(|m| v.major > m.major),
    }
}

const PG_SERVERLESS: &[Version] = &[
    Version::new(13, 6, 0),
    Version::new(14, 3, 0),
    Version::new(15, 2, 0),
    Version::new(16, 1, 0),
    Version::new(17, 4, 0),
];
const PG_AUTO_PAUSE_AND_256: &[Version] = &[
    Version::new(13, 15, 0),
    Version::new(14, 12, 0),
    Version::new(15, 7, 0),
    Version::new(16, 3, 0),
];
const MYSQL_SERVERLESS: Version = Version::new(3, 2, 0);
const MYSQL_256: Version = Version::new(3, 6, 0);
const MYSQL_AUTO_PAUSE: Version = Version::new(3, 8, 0);

/// What `version` of `engine` allows. `None` means "a current version",
/// which allows everything.
pub fn capabilities(engine: Engine, version: Option<Version>) -> Capabilities {
    let Some(v) = version else {
        return Capabilities {
            serverless: true,
            auto_pause: true,
            max_acu: Acu::MAX,
        };
    };
    let (serverless, auto_pause, big) = match engine {
        Engine::AuroraPostgresql => {
            let recent = at_least(v, PG_AUTO_PAUSE_AND_256);
            (at_least(v, PG_SERVERLESS), recent, recent)
        }
        // Aurora MySQL 3.x is the only line with Serverless v2 (8.4 is 4.x and later).
        Engine::AuroraMysql => (v >= MYSQL_SERVERLESS, v >= MYSQL_AUTO_PAUSE, v >= MYSQL_256),
    };
    Capabilities {
        serverless,
        auto_pause,
        max_acu: if big { Acu::MAX } else { Acu::LEGACY_MAX },
    }
}

/// Checks a scaling range against what the engine version allows.
pub fn check_scaling(
    engine: Engine,
    version: Option<Version>,
    min: Acu,
    max: Acu,
    prefix: &str,
) -> Result<(), Error> {
    let caps = capabilities(engine, version);
    let shown = || version.map_or_else(String::new, |v| alloc::format!("{v}"));
    if !caps.serverless {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "engineVersion",
            format_args!(
                "{engine} {} does not support Serverless v2 (needs {})",
                shown(),
                match engine {
                    Engine::AuroraPostgresql => "13.6, 14.3, 15.2, 16.1, 17.4 or later",
                    Engine::AuroraMysql => "3.02.0 or later",
                }
            ),
        ));
    }
    if min == Acu::ZERO && !caps.auto_pause {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            &alloc::format!("{prefix}.minAcu"),
            format_args!(
                "0 (auto-pause) needs {engine} {} or later; {} allows a minimum of 0.5",
                match engine {
                    Engine::AuroraPostgresql => "13.15, 14.12, 15.7 or 16.3",
                    Engine::AuroraMysql => "3.08.0",
                },
                shown()
            ),
        ));
    }
    if max > caps.max_acu {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            &alloc::format!("{prefix}.maxAcu"),
            format_args!(
                "{engine} {} allows at most {} ACU, got {max}",
                shown(),
                caps.max_acu
            ),
        ));
    }
    Ok(())
}

/// How a `max_connections` value was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ConnectionsBasis {
    /// A row of AWS's published table.
    Published,
    /// Between two published rows: interpolated (linearly in ACUs for
    /// PostgreSQL, whose formula is linear in memory; linearly in log₂ ACUs
    /// for MySQL, whose formula adds a fixed amount per doubling).
    Interpolated,
    /// Beyond the table (above 128 ACU): extended by the engine's formula.
    Extrapolated,
}

/// The default `max_connections` of a Serverless v2 instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MaxConnections {
    /// The default value of the `max_connections` parameter.
    pub value: u32,
    /// How the value was obtained.
    pub basis: ConnectionsBasis,
    /// True when Aurora PostgreSQL's 2,000 cap for a minimum of 0.5 ACU
    /// (or 0) lowered the value.
    pub capped_by_min: bool,
}

/// AWS's published table: (max ACU, Aurora MySQL, Aurora PostgreSQL).
/// Source: "Performance and scaling for Aurora Serverless v2" (AWS docs).
pub const MAX_CONNECTIONS_TABLE: [(u32, u32, u32); 7] = [
    (1, 90, 189),
    (4, 135, 823),
    (8, 1_000, 1_669),
    (16, 2_000, 3_360),
    (32, 3_000, 5_000),
    (64, 4_000, 5_000),
    (128, 5_000, 5_000),
];

/// Aurora PostgreSQL's ceiling (`LEAST(DBInstanceClassMemory/9531392, 5000)`).
const PG_CAP: u32 = 5_000;
/// Aurora PostgreSQL's cap when the minimum capacity is 0.5 ACU (AWS docs;
/// secondary sources say it applies to a minimum of 0 too).
const PG_CAP_AT_SMALL_MIN: u32 = 2_000;

/// The default `max_connections` for a maximum of `max` ACU (it depends on
/// the memory at the *maximum*, and changing it needs a reboot) and a
/// minimum of `min` ACU.
///
/// ```
/// use acumen::{Acu, Engine};
/// use acumen::engine::max_connections;
/// let acu = |v| Acu::from_f64(v, "").unwrap();
/// let pg = max_connections(Engine::AuroraPostgresql, acu(1.0), acu(16.0));
/// assert_eq!(pg.value, 3_360);
/// let capped = max_connections(Engine::AuroraPostgresql, acu(0.5), acu(16.0));
/// assert_eq!(capped.value, 2_000);
/// assert_eq!(max_connections(Engine::AuroraMysql, acu(0.5), acu(16.0)).value, 2_000);
/// ```
pub fn max_connections(engine: Engine, min: Acu, max: Acu) -> MaxConnections {
    // Work in half-ACUs so every grid value is an integer.
    let x = u64::from(max.halves());
    let rows = MAX_CONNECTIONS_TABLE.map(|(acu, my, pg)| {
        let value = match engine {
            Engine::AuroraMysql => my,
            Engine::AuroraPostgresql => pg,
        };
        (u64::from(acu) * 2, value)
    });
    let (value, basis) = if let Some(row) = rows.iter().find(|r| r.0 == x) {
        (row.1, ConnectionsBasis::Published)
    } else if x > rows[rows.len() - 1].0 {
        let value = match engine {
            Engine::AuroraPostgresql => PG_CAP,
            // +1,000 per doubling above 128 ACU: 5,000 + 1,000·log₂(max/128).
            Engine::AuroraMysql => 5_000 + (1_000.0 * log2(x as f64 / 256.0) + 0.5) as u32,
        };
        (value, ConnectionsBasis::Extrapolated)
    } else {
        // Below the first row is impossible (max ≥ 1 ACU), so a bracket exists.
        let i = rows.iter().position(|r| r.0 > x).unwrap_or(rows.len() - 1);
        let (x0, y0) = rows[i.saturating_sub(1)];
        let (x1, y1) = rows[i];
        let t = match engine {
            Engine::AuroraPostgresql => (x - x0) as f64 / (x1 - x0) as f64,
            Engine::AuroraMysql => log2(x as f64 / x0 as f64) / log2(x1 as f64 / x0 as f64),
        };
        let value = f64::from(y0) + t * (f64::from(y1) - f64::from(y0));
        ((value + 0.5) as u32, ConnectionsBasis::Interpolated)
    };
    let small_min = min <= Acu::HALF;
    if engine == Engine::AuroraPostgresql && small_min && value > PG_CAP_AT_SMALL_MIN {
        MaxConnections {
            value: PG_CAP_AT_SMALL_MIN,
            basis,
            capped_by_min: true,
        }
    } else {
        MaxConnections {
            value,
            basis,
            capped_by_min: false,
        }
    }
}

/// log₂ for positive finite inputs, without a float library: exponent from
/// the bits, mantissa by a short series. Accurate to ~1e-12, plenty for
/// rounding to a whole connection.
fn log2(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 0.0;
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1023;
    // Mantissa m in [1, 2).
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    // ln(m) = 2·atanh((m-1)/(m+1)); the series converges fast for m in [1, 2).
    let z = (m - 1.0) / (m + 1.0);
    let z2 = z * z;
    let mut term = z;
    let mut sum = 0.0;
    let mut k = 1.0;
    while k < 60.0 {
        sum += term / k;
        term *= z2;
        k += 2.0;
    }
    exponent as f64 + 2.0 * sum / core::f64::consts::LN_2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acu(v: f64) -> Acu {
        Acu::from_f64(v, "").unwrap()
    }

    #[test]
    fn parses_versions() {
        assert_eq!(Version::parse("16.3", "v").unwrap(), Version::new(16, 3, 0));
        assert_eq!(
            Version::parse("3.08.0", "v").unwrap(),
            Version::new(3, 8, 0)
        );
        assert_eq!(
            Version::parse("8.0.mysql_aurora.3.06.1", "v").unwrap(),
            Version::new(3, 6, 1)
        );
        for bad in ["", "16", "16.x", "1.2.3.4", "-1.2", "99999.1"] {
            assert_eq!(
                Version::parse(bad, "engineVersion").unwrap_err().field(),
                "engineVersion"
            );
        }
        assert_eq!(Version::new(3, 8, 0).to_string(), "3.08.0");
        assert_eq!(Version::new(16, 3, 0).to_string(), "16.3");
    }

    #[test]
    fn capabilities_follow_the_version_tables() {
        let pg = |s| {
            capabilities(
                Engine::AuroraPostgresql,
                Some(Version::parse(s, "").unwrap()),
            )
        };
        let my = |s| capabilities(Engine::AuroraMysql, Some(Version::parse(s, "").unwrap()));
        assert!(pg("16.3").auto_pause && pg("16.3").max_acu == Acu::MAX);
        assert!(!pg("16.2").auto_pause && pg("16.2").max_acu == acu(128.0));
        assert!(pg("13.15").auto_pause && !pg("13.14").auto_pause);
        assert!(pg("17.4").auto_pause && pg("17.4").serverless);
        assert!(!pg("17.3").serverless && !pg("12.9").serverless && !pg("13.5").serverless);
        assert!(my("3.08.0").auto_pause && !my("3.07.1").auto_pause);
        assert_eq!(my("3.06.0").max_acu, Acu::MAX);
        assert_eq!(my("3.05.2").max_acu, acu(128.0));
        assert!(!my("2.11.0").serverless && my("3.02.0").serverless);
        assert!(capabilities(Engine::AuroraMysql, None).auto_pause);
    }

    #[test]
    fn scaling_checks_name_the_field() {
        let old_pg = Some(Version::new(15, 4, 0));
        let e = check_scaling(
            Engine::AuroraPostgresql,
            old_pg,
            Acu::ZERO,
            acu(16.0),
            "scaling",
        )
        .unwrap_err();
        assert_eq!(e.field(), "scaling.minAcu");
        assert!(e.message().contains("15.7"), "{e}");
        let e = check_scaling(
            Engine::AuroraPostgresql,
            old_pg,
            Acu::HALF,
            acu(200.0),
            "scaling",
        )
        .unwrap_err();
        assert_eq!(e.field(), "scaling.maxAcu");
        assert_eq!(
            e.message(),
            "aurora-postgresql 15.4 allows at most 128 ACU, got 200"
        );
        let e = check_scaling(
            Engine::AuroraMysql,
            Some(Version::new(2, 11, 0)),
            Acu::HALF,
            acu(8.0),
            "scaling",
        )
        .unwrap_err();
        assert_eq!(e.field(), "engineVersion");
        assert!(
            check_scaling(Engine::AuroraPostgresql, old_pg, Acu::HALF, acu(128.0), "s").is_ok()
        );
    }

    #[test]
    fn every_published_row_matches() {
        for (max, mysql, pg) in MAX_CONNECTIONS_TABLE {
            let max = acu(f64::from(max));
            let my = max_connections(Engine::AuroraMysql, acu(1.0), max);
            let p = max_connections(Engine::AuroraPostgresql, acu(1.0), max);
            assert_eq!((my.value, my.basis), (mysql, ConnectionsBasis::Published));
            assert_eq!((p.value, p.basis), (pg, ConnectionsBasis::Published));
        }
    }

    #[test]
    fn between_and_beyond_rows() {
        let pg = |max| max_connections(Engine::AuroraPostgresql, acu(1.0), acu(max));
        let my = |max| max_connections(Engine::AuroraMysql, acu(1.0), acu(max));
        // PostgreSQL, linear in ACUs: halfway from 8 (1,669) to 16 (3,360) at 12.
        assert_eq!(pg(12.0).value, 2_515);
        assert_eq!(pg(12.0).basis, ConnectionsBasis::Interpolated);
        assert_eq!(pg(256.0).value, 5_000);
        // MySQL adds 1,000 per doubling: 12 ACU is 1,000 + 1,000·log₂(1.5) = 1,585.
        assert_eq!(my(12.0).value, 1_585);
        assert_eq!(my(256.0).value, 6_000);
        assert_eq!(my(256.0).basis, ConnectionsBasis::Extrapolated);
        // 2 ACU, between 1 (90) and 4 (135) in log₂: halfway = 112.5 → 113.
        assert_eq!(my(2.0).value, 113);
    }

    #[test]
    fn postgresql_small_minimum_cap() {
        let v = max_connections(Engine::AuroraPostgresql, Acu::ZERO, acu(32.0));
        assert_eq!((v.value, v.capped_by_min), (2_000, true));
        let v = max_connections(Engine::AuroraPostgresql, Acu::HALF, acu(8.0));
        assert_eq!((v.value, v.capped_by_min), (1_669, false));
        let v = max_connections(Engine::AuroraMysql, Acu::HALF, acu(32.0));
        assert_eq!((v.value, v.capped_by_min), (3_000, false));
    }

    #[test]
    fn log2_is_accurate() {
        for (x, expected) in [
            (1.0, 0.0),
            (2.0, 1.0),
            (1.5, 0.584_962_500_721_156_2),
            (1024.0, 10.0),
            (3.0, 1.584_962_500_721_156_2),
        ] {
            assert!((log2(x) - expected).abs() < 1e-12, "{x}");
        }
    }
}
