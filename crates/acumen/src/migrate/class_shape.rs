//! What a provisioned instance class is made of: its vCPUs and memory, and
//! how many ACUs one of its vCPUs at full load is worth.
//!
//! Sources:
//! - **vCPUs and memory**: the catalog's classes (from AWS's DB instance
//!   class tables, with their sources in `data/aurora-prices.json`); for a
//!   class the catalog does not price, the size rule of AWS's *Hardware
//!   specifications for DB instance classes for Aurora* table: `large` has 2
//!   vCPUs, `xlarge` 4, `Nxlarge` 4·N; memory-optimized classes (db.r*) have
//!   8 GiB per vCPU, db.x2g 16 GiB; burstable db.t3 and db.t4g have 2 vCPUs
//!   with 4 GiB (`medium`) or 8 GiB (`large`).
//! - **ACUs per vCPU**: AWS's serverless advisory tooling (the agent
//!   toolkit's `acu_calculator.py`, `ACU_FAMILY_RATIO`, and its
//!   serverless-advisory formulas): by the family's first letter, r 4, x 4,
//!   m 2, t 2, c 1. The r ratio follows from 1 ACU ≈ 2 GiB: an r vCPU comes
//!   with 8 GiB, 4 ACUs of memory.

use alloc::format;
use alloc::string::{String, ToString};

use crate::error::{Error, ErrorCode};
use crate::prices;

/// A provisioned instance class's shape.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClassShape {
    /// The class, e.g. `db.r6g.xlarge`.
    pub class: String,
    /// Virtual CPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory_gib: u32,
    /// ACUs one vCPU at 100 % CPU is worth (AWS's advisory tooling's family
    /// ratio).
    pub acu_per_vcpu: u32,
    /// A burstable class (db.t3, db.t4g): AWS recommends these for
    /// development and test, not for a load that needs its CPU all month.
    pub burstable: bool,
    /// Where the vCPUs and memory come from.
    pub source: String,
}

/// The shape of `class` (`db.<family>.<size>`).
///
/// ```
/// use acumen::migrate::class_shape;
/// let shape = class_shape("db.r7g.2xlarge")?;
/// assert_eq!((shape.vcpu, shape.memory_gib, shape.acu_per_vcpu), (8, 64, 4));
/// let shape = class_shape("db.r6i.4xlarge")?; // not priced in the catalog: the size rule
/// assert_eq!((shape.vcpu, shape.memory_gib), (16, 128));
/// assert_eq!(class_shape("db.z9.large").unwrap_err().field(), "class");
/// # Ok::<(), acumen::Error>(())
/// ```
///
/// # Errors
///
/// `unknown_variant` at `class` for a name that is not an Aurora class this
/// product can size.
pub fn class_shape(class: &str) -> Result<ClassShape, Error> {
    let unknown = |why: &str| {
        Error::new(
            ErrorCode::UnknownVariant,
            "class",
            format_args!(
                "{class:?} {why}; expected a provisioned Aurora class such as db.r6g.xlarge, db.r7g.2xlarge, db.x2g.large or db.t4g.medium"
            ),
        )
    };
    let mut parts = class.split('.');
    let (Some("db"), Some(family), Some(size), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(unknown("is not of the form db.<family>.<size>"));
    };
    let acu_per_vcpu = match family.as_bytes().first() {
        Some(b'r' | b'x') => 4,
        Some(b'm' | b't') => 2,
        Some(b'c') => 1,
        _ => return Err(unknown("is of a family without a known ACU ratio")),
    };
    let burstable = family.starts_with('t');
    if let Some(known) = prices::instance_classes().iter().find(|c| c.class == class) {
        return Ok(ClassShape {
            class: class.to_string(),
            vcpu: known.vcpu,
            memory_gib: known.memory_gib,
            acu_per_vcpu,
            burstable,
            source: String::from("the built-in catalog's class table"),
        });
    }
    let (vcpu, memory_gib) =
        size_rule(family, size).ok_or_else(|| unknown("has a size this product cannot place"))?;
    Ok(ClassShape {
        class: class.to_string(),
        vcpu,
        memory_gib,
        acu_per_vcpu,
        burstable,
        source: format!("AWS's size rule for {family} classes (vCPUs by size, memory per vCPU)"),
    })
}

/// vCPUs and GiB of a class the catalog does not list, by AWS's size rule.
fn size_rule(family: &str, size: &str) -> Option<(u32, u32)> {
    if family.starts_with('t') {
        return match size {
            "medium" => Some((2, 4)),
            "large" => Some((2, 8)),
            _ => None,
        };
    }
    let gib_per_vcpu = match family.as_bytes().first()? {
        b'r' => 8,
        b'x' => 16,
        _ => return None,
    };
    let vcpu = match size {
        "large" => 2,
        "xlarge" => 4,
        _ => {
            let n: u32 = size.strip_suffix("xlarge")?.parse().ok()?;
            if n == 0 || n > 48 {
                return None;
            }
            4 * n
        }
    };
    Some((vcpu, vcpu * gib_per_vcpu))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_from_the_catalog_and_the_size_rule() {
        let cases = [
            ("db.r6g.xlarge", 4, 32, 4, false),
            ("db.r8g.48xlarge", 192, 1536, 4, false),
            ("db.t4g.medium", 2, 4, 2, true),
            ("db.r6i.large", 2, 16, 4, false),
            ("db.r7i.12xlarge", 48, 384, 4, false),
            ("db.x2g.2xlarge", 8, 128, 4, false),
            ("db.t3.large", 2, 8, 2, true),
        ];
        for (class, vcpu, gib, ratio, burstable) in cases {
            let s = class_shape(class).unwrap();
            assert_eq!(
                (s.vcpu, s.memory_gib, s.acu_per_vcpu, s.burstable),
                (vcpu, gib, ratio, burstable),
                "{class}"
            );
        }
    }

    #[test]
    fn names_it_cannot_size_are_refused_at_class() {
        for class in [
            "r6g.large",
            "db.r6g",
            "db.q1.large",
            "db.r6g.huge",
            "db.r6g.0xlarge",
            "db.t4g.xlarge",
            "db.r6g.large.x",
        ] {
            let e = class_shape(class).unwrap_err();
            assert_eq!(
                (e.code(), e.field()),
                (ErrorCode::UnknownVariant, "class"),
                "{class}"
            );
        }
    }
}
