//! Every commercial region answers: a complete bill where the catalog has
//! the prices, a partial one (lines marked unpriced, the total labelled, what
//! to supply listed) where it does not; strict runs fail naming the field; a
//! price book fills the gaps; burstable classes stay out of the default
//! verdict.

use acumen::compare::{ClassOption, CompareOptions, OptionKind};
use acumen::prices::{self, BookEntry, PriceBook, PriceItem};
use acumen::report::WarningKind;
use acumen::scenario::{IoUsage, PriceOverrides};
use acumen::{ErrorCode, Money, Scenario, UnitPrice, Workload, estimate};

fn in_region(region: &str) -> Scenario {
    Scenario {
        region: region.into(),
        ..Scenario::default()
    }
}

#[test]
fn the_33_regions_each_give_a_bill_from_the_default_scenario() {
    let mut complete = Vec::new();
    for region in prices::regions() {
        let r =
            estimate(&in_region(region.code)).unwrap_or_else(|e| panic!("{}: {e}", region.code));
        // The same lines everywhere: the quantity is known whatever the price.
        let quantities: Vec<f64> = r.lines.iter().map(|l| l.quantity).collect();
        assert_eq!(quantities, [2920.0, 100.0], "{}", region.code);
        let priced: Money =
            Money::checked_sum(r.lines.iter().filter_map(|l| l.cost_micro_usd)).unwrap();
        assert_eq!(r.total_micro_usd, priced, "{}", region.code);
        for l in &r.lines {
            // Never a zero standing for unknown: price, cost and provenance
            // all there, or none of them and the field to supply.
            assert_eq!(
                l.cost_micro_usd.is_some(),
                l.price.is_some(),
                "{}",
                region.code
            );
            assert_eq!(
                l.cost_micro_usd.is_none(),
                l.supply.is_some(),
                "{}",
                region.code
            );
        }
        if r.complete {
            complete.push(region.code);
            assert!(r.unpriced.is_empty() && r.total_note.is_none());
        } else {
            let note = r.total_note.as_deref().unwrap();
            assert!(
                note.starts_with(&format!("at least {} a month; ", r.total_micro_usd)),
                "{note}"
            );
            assert!(
                note.ends_with(&format!("unpriced in {}", region.code)),
                "{note}"
            );
            for m in &r.unpriced {
                assert!(
                    r.warnings
                        .iter()
                        .any(|w| w.kind == WarningKind::UnknownPrice && w.field == m.field)
                );
            }
        }
    }
    // Compute and storage on Aurora Standard are both known here, no more.
    assert_eq!(
        complete,
        [
            "us-east-1",
            "us-east-2",
            "us-west-2",
            "sa-east-1",
            "eu-west-1",
            "eu-west-2",
            "ap-southeast-1",
            "ap-northeast-1",
            "ap-northeast-2"
        ]
    );
}

#[test]
fn a_region_with_no_prices_gives_a_partial_bill() {
    let r = estimate(&in_region("us-west-1")).unwrap();
    assert!(!r.complete);
    assert_eq!(r.total_micro_usd, Money::ZERO);
    assert_eq!(
        r.total_note.as_deref(),
        Some("at least $0.00 a month; compute and storage unpriced in us-west-1")
    );
    let fields: Vec<&str> = r.unpriced.iter().map(|m| m.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "priceOverrides.serverlessStandard",
            "priceOverrides.storageStandard"
        ]
    );
    assert_eq!(r.unpriced[0].lines, ["writer compute"]);
    assert_eq!(r.lines[0].quantity, 2920.0);
    // No verdict rests on a bill without compute.
    let c = r.comparison.as_ref().unwrap();
    assert!(
        c.verdict
            .starts_with("no verdict: serverless capacity has no price in us-west-1"),
        "{}",
        c.verdict
    );
    let serverless = c
        .rows
        .iter()
        .find(|row| row.kind == OptionKind::Serverless)
        .unwrap();
    assert_eq!(serverless.monthly_micro_usd, None);
    assert_eq!(
        serverless.supply.as_deref(),
        Some("priceOverrides.serverlessStandard")
    );
    assert!(c.curve.is_empty() && c.break_even.is_empty());
    let purchase = r
        .advice
        .iter()
        .find(|a| a.topic == acumen::advise::Topic::Purchase)
        .unwrap();
    assert_eq!(
        purchase.recommendation,
        "no recommendation until serverless capacity has a price"
    );
}

#[test]
fn a_partial_bill_says_its_verdict_rests_on_known_prices() {
    // Frankfurt: compute and I/O priced, storage not.
    let s = Scenario {
        io: IoUsage::Monthly {
            requests: 10_000_000.0,
        },
        ..in_region("eu-central-1")
    };
    let r = estimate(&s).unwrap();
    // 2,920 × $0.14 + 10 × $0.22 = $411.00, storage left out.
    assert_eq!(r.total_micro_usd.micros(), 411_000_000);
    assert_eq!(r.lines[1].unit_price_nano_usd, None);
    assert_eq!(r.lines[1].quantity, 100.0);
    let c = r.comparison.as_ref().unwrap();
    assert!(c.verdict.ends_with("compared on known prices only: storage unpriced in eu-central-1, the same for every option"), "{}", c.verdict);
    assert!(c.storage.standard_micro_usd.is_none());
    // The storage verdict says which prices it lacks, in words.
    assert_eq!(
        c.storage.verdict,
        "unknown: no serverless capacity (I/O-Optimized), storage (Aurora Standard), storage (I/O-Optimized) price in eu-central-1; supply them to compare Aurora Standard with I/O-Optimized"
    );
}

#[test]
fn a_strict_run_fails_naming_the_field() {
    let s = Scenario {
        strict_prices: true,
        ..in_region("eu-central-1")
    };
    let e = estimate(&s).unwrap_err();
    assert_eq!(e.code(), ErrorCode::UnknownPrice);
    assert_eq!(e.field(), "priceOverrides.storageStandard");
    // Strict with every price known is a normal bill.
    assert!(
        estimate(&Scenario {
            strict_prices: true,
            ..in_region("us-east-2")
        })
        .is_ok()
    );
    // An override fills the gap: $408.80 + 100 GB × $0.11.
    let s = Scenario {
        price_overrides: PriceOverrides {
            storage_standard: Some(0.11),
            ..PriceOverrides::default()
        },
        ..s
    };
    let r = estimate(&s).unwrap();
    assert!(r.complete);
    assert_eq!(r.total_micro_usd.micros(), 419_800_000);
}

#[test]
fn a_price_book_fills_in_a_region() {
    let book = PriceBook {
        name: "AWS Price List (AmazonRDS)".into(),
        as_of: "2026-11-01".into(),
        source: "offer AmazonRDS version 20261101000000".into(),
        entries: [
            (PriceItem::ServerlessStandard, 150_000_000, "SKU1"),
            (PriceItem::StorageStandard, 110_000_000, "SKU2"),
        ]
        .into_iter()
        .map(|(item, nanos, sku)| BookEntry {
            region: "us-west-1".into(),
            item,
            engine: None,
            price: UnitPrice::from_nanos(nanos),
            sku: Some(sku.into()),
            note: None,
        })
        .collect(),
        ..PriceBook::default()
    };
    let s = Scenario {
        price_book: Some(book),
        strict_prices: true,
        ..in_region("us-west-1")
    };
    let r = estimate(&s).unwrap();
    assert!(r.complete);
    // 2,920 × $0.15 + 100 × $0.11 = $449.00.
    assert_eq!(r.total_micro_usd.micros(), 449_000_000);
    let p = r.lines[0].price.as_ref().unwrap();
    assert_eq!(
        (p.sku.as_deref(), p.as_of.as_deref()),
        (Some("SKU1"), Some("2026-11-01"))
    );
}

#[test]
fn each_priced_line_has_one_primary_source() {
    let r = estimate(&in_region("us-east-2")).unwrap();
    let p = r.lines[0].price.as_ref().unwrap();
    assert_eq!(p.sku.as_deref(), Some("F68JYQJBHCXKZMJX"));
    assert_eq!(p.as_of.as_deref(), Some("2026-09-07"));
    assert!(
        p.source.starts_with("AWS Price List Query API"),
        "{}",
        p.source
    );
    assert_eq!(
        p.other_sources,
        ["AWS agent-toolkit static price table [P1]"]
    );
    assert_eq!(
        p.summary(),
        "AWS Price List Query API, quoted with SKUs [R1] (SKU F68JYQJBHCXKZMJX), as of 2026-09-07, high confidence"
    );
}

#[test]
fn burstable_classes_only_when_named_and_labelled() {
    // 2 ACU steady all month: 4 GiB, which db.t4g.medium holds.
    let s = Scenario {
        workload: Workload::Steady { acu: 2.0 },
        storage_gb: 0.0,
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let c = r.comparison.as_ref().unwrap();
    assert!(
        c.rows
            .iter()
            .all(|row| !row.burstable && !row.option.starts_with("db.t")),
        "{:#?}",
        c.rows
    );
    assert!(!c.verdict.contains("compare.classes"), "{}", c.verdict);
    // Named, it is compared and labelled.
    let s = Scenario {
        compare: CompareOptions {
            classes: vec![ClassOption {
                class: "db.t4g.medium".into(),
                ..ClassOption::default()
            }],
            ..CompareOptions::default()
        },
        ..s
    };
    let r = estimate(&s).unwrap();
    let c = r.comparison.as_ref().unwrap();
    let t = c
        .rows
        .iter()
        .find(|row| row.option == "db.t4g.medium on-demand")
        .unwrap();
    assert!(
        t.burstable && t.note.starts_with("burstable, for development and test"),
        "{}",
        t.note
    );
    // 730 h × $0.073 = $53.29 against 1,460 ACU-h × $0.12 = $175.20.
    assert_eq!(t.monthly_micro_usd.map(Money::micros), Some(53_290_000));
    assert!(
        c.verdict.contains("db.t4g.medium is a burstable class"),
        "{}",
        c.verdict
    );
}
