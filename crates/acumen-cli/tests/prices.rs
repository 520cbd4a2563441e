//! `acumen prices import` on hand-written AWS Price List offer files in
//! `tests/fixtures/pricelist/`, the books it writes used with `--prices` by
//! every subcommand that prices, and `acumen completions`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{error, json, run_in, stdout, temp_file, text};
use serde_json::Value;

/// `tests/fixtures/pricelist/` at the workspace root.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pricelist")
}

/// Runs `acumen args…` in the price-list fixtures folder.
fn run(args: &[&str]) -> Output {
    run_in(&fixtures(), args, None)
}

/// The book imported from `us-east-1.json`, written to a temporary file of
/// its own (`name`: tests run in parallel).
fn book_file(name: &str) -> PathBuf {
    let out = run(&["prices", "import", "us-east-1.json"]);
    temp_file(name, &stdout(&out))
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn import_reads_aurora_prices_classes_and_reserved_terms() {
    let out = run(&["prices", "import", "us-east-1.json"]);
    let book: Value = json(&out);
    assert_eq!(book["name"], "AWS Price List (AmazonRDS)");
    assert_eq!(book["asOf"], "2026-11-01");
    assert_eq!(
        book["source"],
        "offer AmazonRDS version 20261101000000, file us-east-1.json"
    );
    let entries = book["entries"].as_array().expect("entries");
    let find = |item: &str, engine: Option<&str>| -> &Value {
        entries
            .iter()
            .find(|e| e["item"] == item && engine.is_none_or(|en| e["engine"] == en))
            .unwrap_or_else(|| panic!("{item} {engine:?}: {entries:#?}"))
    };
    // Serverless v2 per engine, as the price list gives it.
    let pg = find("serverlessStandard", Some("aurora-postgresql"));
    assert_eq!(pg["priceNanoUsd"], 120_000_000);
    assert_eq!(pg["sku"], "Q2V7KJZ4H8MNP3TA");
    assert_eq!(
        find("serverlessStandard", Some("aurora-mysql"))["sku"],
        "R8C3XW6M2D9KEF5B"
    );
    assert_eq!(
        find("serverlessIoOptimized", None)["priceNanoUsd"],
        160_000_000
    );
    assert_eq!(find("storageStandard", None)["priceNanoUsd"], 100_000_000);
    assert_eq!(
        find("storageIoOptimized", None)["priceNanoUsd"],
        225_000_000
    );
    // $0.0000002 per IO is $0.20 per million requests, exactly.
    let io = find("ioRequests", None);
    assert_eq!(io["priceNanoUsd"], 200_000_000);
    assert_eq!(
        io["note"],
        "from $0.0000002 per unit \"IOs\" in the price list, × 1,000,000"
    );
    assert_eq!(find("backup", None)["priceNanoUsd"], 21_000_000);
    // RDS Proxy has no engine: it applies to both.
    let proxy = find("proxyServerless", None);
    assert_eq!(proxy["priceNanoUsd"], 15_000_000);
    assert!(proxy.get("engine").is_none());
    assert_eq!(find("proxyProvisioned", None)["priceNanoUsd"], 15_000_000);
    // Nothing else: RDS for PostgreSQL and gp3 storage are not Aurora.
    assert_eq!(entries.len(), 9);
}

#[test]
fn import_reads_instance_classes_and_reserved_terms() {
    let out = run(&["prices", "import", "us-east-1.json"]);
    let book: Value = json(&out);
    let classes = book["instanceClasses"].as_array().expect("classes");
    assert_eq!(classes.len(), 2);
    let large = &classes[0];
    assert_eq!(large["class"], "db.r6g.large");
    assert_eq!(large["engine"], "aurora-postgresql");
    assert_eq!(
        (large["vcpu"].as_u64(), large["memoryGib"].as_u64()),
        (Some(2), Some(16))
    );
    assert_eq!(large["onDemandHourlyNanoUsd"], 260_000_000);
    assert_eq!(large["ioOptimizedHourlyNanoUsd"], 338_000_000);
    let terms: Vec<(u64, &str, i64, i64)> = large["reserved"]
        .as_array()
        .expect("reserved")
        .iter()
        .map(|t| {
            (
                t["termYears"].as_u64().expect("years"),
                t["payment"].as_str().expect("payment"),
                t["upfrontMicroUsd"].as_i64().expect("upfront"),
                t["hourlyNanoUsd"].as_i64().expect("hourly"),
            )
        })
        .collect();
    assert_eq!(
        terms,
        vec![
            (1, "no-upfront", 0, 182_000_000),
            (1, "partial-upfront", 780_000_000, 89_000_000),
            (1, "all-upfront", 1_530_000_000, 0),
            (3, "partial-upfront", 1_650_000_000, 63_000_000),
            (3, "all-upfront", 3_240_000_000, 0),
        ]
    );
    let xlarge = &classes[1];
    assert_eq!(xlarge["class"], "db.r6g.xlarge");
    assert!(xlarge.get("ioOptimizedHourlyNanoUsd").is_none());
    assert_eq!(xlarge["reserved"].as_array().map(Vec::len), Some(2));
}

#[test]
fn import_says_what_the_offer_lacks() {
    let out = run(&["prices", "import", "us-east-1.json"]);
    let book: Value = json(&out);
    // What the offer lacks is said, in the book and on standard error.
    let notes: Vec<&str> = book["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(notes.contains(
        &"us-east-1: no snapshotExport price (usage type Aurora:SnapshotExportToS3) in the offer"
    ));
    assert!(notes.contains(&"us-east-1: dataApi is not read from the price list by this import"));
    assert_eq!(notes.len(), 7, "{notes:#?}");
    let stderr = text(&out.stderr);
    let mut lines = stderr.lines();
    assert_eq!(
        lines.next(),
        Some(
            "imported 9 prices, 2 instance classes and 7 Reserved terms for us-east-1 from us-east-1.json (AmazonRDS version 20261101000000, published 2026-11-01)"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "note: us-east-1: no snapshotExport price (usage type Aurora:SnapshotExportToS3) in the offer"
        )
    );
    assert_eq!(lines.count(), 6);
}

#[test]
fn import_writes_the_book_to_a_file_and_filters_the_region() {
    let target = temp_file("written-book.json", "");
    let out = run(&[
        "prices",
        "import",
        "us-east-1.json",
        "--region",
        "us-east-1",
        "-o",
        path(&target),
    ]);
    assert!(stdout(&out).is_empty());
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&target).expect("book")).expect("JSON");
    assert_eq!(written["asOf"], "2026-11-01");
    assert_eq!(written["entries"].as_array().map(Vec::len), Some(9));
    assert!(text(&out.stderr).starts_with("imported 9 prices"));

    assert_eq!(
        error(
            &run(&[
                "prices",
                "import",
                "us-east-1.json",
                "--region",
                "eu-west-1"
            ]),
            1
        ),
        "error: us-east-1.json: no Aurora prices for region \"eu-west-1\" in the offer (12 products of other regions skipped)"
    );
    // An output that cannot be written is an I/O failure.
    let out = run(&[
        "prices",
        "import",
        "us-east-1.json",
        "-o",
        "/nonexistent/dir/book.json",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).starts_with("error: /nonexistent/dir/book.json: "));
}

#[test]
fn bad_offer_files_are_one_line_naming_the_file_line_and_field() {
    let cases = [
        (
            "bad-price.json",
            "error: bad-price.json:343: terms.OnDemand.J7FD2QW9B5NX3KMV.J7FD2QW9B5NX3KMV.JRTCKXETXF.priceDimensions.J7FD2QW9B5NX3KMV.JRTCKXETXF.6YS6EN2CT7.pricePerUnit.USD: expected a decimal number such as \"0.1200000000\", got \"0.1O\"",
        ),
        (
            "bad-memory.json",
            "error: bad-memory.json:227: products.F6BT2XN8K3WQ7MDC.attributes.memory: expected a size such as \"32 GiB\", got \"32 gigs\"",
        ),
        (
            "truncated.json",
            "error: truncated.json:567: terms.Reserved.C8KD4TW2M7QX9BNF.C8KD4TW2M7QX9BNF.4NA7Y494T4.effectiveDate: EOF while parsing a string",
        ),
        (
            "not-rds.json",
            "error: not-rds.json:4: offerCode: this is the \"AmazonEC2\" offer; import the AmazonRDS offer file",
        ),
        (
            "no-date.json",
            "error: no-date.json:799: missing field `publicationDate`",
        ),
        (
            "no-aurora.json",
            "error: no-aurora.json: no Aurora prices in the offer",
        ),
    ];
    for (file, expected) in cases {
        assert_eq!(error(&run(&["prices", "import", file]), 1), expected);
    }
    let out = run(&["prices", "import", "missing.json"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).starts_with("error: missing.json: "));
    // No file at all is a usage error.
    assert_eq!(run(&["prices", "import"]).status.code(), Some(2));
}

#[test]
fn estimate_prices_from_the_book_with_its_provenance() {
    let book = book_file("book-1.json");
    let table = stdout(&run(&["estimate", "--prices", path(&book)]));
    assert!(table.contains("writer compute   2,920.00  ACU-hour  $0.12       $350.40"));
    assert!(table.contains("Prices: AWS Price List (AmazonRDS) as of 2026-11-01."));

    let report = json(&run(&[
        "estimate",
        "--prices",
        path(&book),
        "--format",
        "json",
    ]));
    let compute = &report["lines"][0]["price"];
    assert_eq!(
        compute["source"],
        "AWS Price List (AmazonRDS): offer AmazonRDS version 20261101000000, file us-east-1.json, SKU Q2V7KJZ4H8MNP3TA"
    );
    assert_eq!(compute["asOf"], "2026-11-01");
    assert_eq!(compute["confidence"], "high");
    assert_eq!(report["catalog"]["name"], "AWS Price List (AmazonRDS)");

    // Aurora MySQL: compute from the book, storage (PostgreSQL only in the
    // file) from the built-in catalog, and the report says both.
    let mysql = temp_file("mysql.json", "{\"engine\": \"aurora-mysql\"}");
    let report = json(&run(&[
        "estimate",
        path(&mysql),
        "--prices",
        path(&book),
        "-f",
        "json",
    ]));
    assert!(
        report["lines"][0]["price"]["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("SKU R8C3XW6M2D9KEF5B"))
    );
    assert_eq!(report["lines"][1]["price"]["asOf"], "2025-10-28");
    assert_eq!(
        report["catalog"]["name"],
        "AWS Price List (AmazonRDS) (as of 2026-11-01) and the acumen built-in catalog"
    );
}

#[test]
fn estimate_prices_from_a_hand_written_book() {
    // A book's own price flows into the bill; an override still wins.
    let dear = temp_file(
        "dear-book.json",
        r#"{"name": "test book", "asOf": "2026-12-01", "source": "hand-written",
            "entries": [{"region": "us-east-1", "item": "serverlessStandard", "priceNanoUsd": 130000000}]}"#,
    );
    let out = stdout(&run(&["estimate", "--prices", path(&dear)]));
    assert!(
        out.contains("writer compute   2,920.00  ACU-hour  $0.13       $379.60"),
        "{out}"
    );
    assert!(out.contains(
        "Prices: test book (as of 2026-12-01) and the acumen built-in catalog as of 2026-10-09."
    ));
    let overridden = temp_file(
        "override.toml",
        "[priceOverrides]\nserverlessStandard = 0.2\n",
    );
    let report = json(&run(&[
        "estimate",
        path(&overridden),
        "--prices",
        path(&dear),
        "-f",
        "json",
    ]));
    assert_eq!(report["lines"][0]["unitPriceNanoUsd"], 200_000_000);
    assert_eq!(report["lines"][0]["price"]["overridden"], true);

    // A region only the book knows is accepted.
    let frankfurt = temp_file(
        "south-book.json",
        r#"{"name": "test book", "asOf": "2026-12-01", "source": "hand-written",
            "entries": [{"region": "eu-south-2", "item": "serverlessStandard", "priceNanoUsd": 150000000},
                        {"region": "eu-south-2", "item": "storageStandard", "priceNanoUsd": 110000000}]}"#,
    );
    let csv = stdout(&run(&[
        "estimate",
        "--region",
        "eu-south-2",
        "--prices",
        path(&frankfurt),
        "-f",
        "csv",
    ]));
    assert!(csv.contains("writer compute,compute,2920,ACU-hour,150000000,438000000,high,false"));
    assert!(csv.contains("cluster storage,storage,100,GB-month,110000000,11000000,high,false"));
}

#[test]
fn every_pricing_subcommand_takes_the_book() {
    let book = book_file("book-2.json");
    let b = path(&book);
    // compare: the book's class rates and its Reserved terms.
    let doc = json(&run(&[
        "compare",
        "--prices",
        b,
        "--max-acu",
        "8",
        "-f",
        "json",
    ]));
    let rows = doc["rows"].as_array().expect("rows");
    let row = |name: &str| {
        rows.iter()
            .find(|r| r["option"] == name)
            .unwrap_or_else(|| panic!("{name}: {rows:#?}"))
    };
    // 730 h × $0.26 + $10 storage; 730 h × $0 + $3,240 / 36 + $10.
    assert_eq!(
        row("db.r6g.large on-demand")["monthlyMicroUsd"],
        199_800_000
    );
    assert_eq!(
        row("db.r6g.large on-demand")["note"],
        "AWS Price List (AmazonRDS) on-demand rate, 2026-11-01"
    );
    let ri = row("db.r6g.large, 3-year reserved, all upfront");
    assert_eq!(ri["monthlyMicroUsd"], 100_000_000);
    assert_eq!(
        ri["note"],
        "AWS Price List (AmazonRDS) Reserved rate, 2026-11-01: $0.00 an hour and $3,240.00 upfront, amortised over the term"
    );
    assert_eq!(
        row("db.r6g.large, 1-year reserved, no upfront")["monthlyMicroUsd"],
        142_860_000
    );
    let table = stdout(&run(&["compare", "--prices", b, "--max-acu", "8"]));
    assert!(table.contains(
        "Verdict: provisioned: db.r6g.large, 3-year reserved, all upfront costs $100.00 a month"
    ));

    // advise: the purchase advice weighs the book's Reserved terms.
    let advice = stdout(&run(&["advise", "--prices", b]));
    assert!(
        advice.contains("[purchase] db.r6g.large, 3-year reserved, all upfront\n"),
        "{advice}"
    );
}

#[test]
fn optimize_validate_simulate_and_replay_take_the_book() {
    let book = book_file("book-3.json");
    let b = path(&book);
    // optimize: compute at the book's $0.13: 4 ACU × 730 h.
    let dear = temp_file(
        "dear-optimize-book.json",
        r#"{"name": "test book", "asOf": "2026-12-01", "source": "hand-written",
            "entries": [{"region": "us-east-1", "item": "serverlessStandard", "priceNanoUsd": 130000000}]}"#,
    );
    let opt = json(&run(&["optimize", "--prices", path(&dear), "-f", "json"]));
    assert_eq!(opt["current"]["computeMicroUsd"], 379_600_000);

    // validate: a region the catalog has no prices for is complete with
    // the book, and fails without it when strict.
    let south = temp_file(
        "validate-book.json",
        r#"{"name": "test book", "asOf": "2026-12-01", "source": "hand-written",
            "entries": [{"region": "eu-south-2", "item": "serverlessStandard", "priceNanoUsd": 150000000},
                        {"region": "eu-south-2", "item": "storageStandard", "priceNanoUsd": 110000000}]}"#,
    );
    assert_eq!(
        stdout(&run(&[
            "validate",
            "--region",
            "eu-south-2",
            "--strict",
            "--prices",
            path(&south)
        ])),
        "valid\n"
    );
    assert!(
        error(&run(&["validate", "--region", "eu-south-2", "--strict"]), 1).starts_with(
            "error: default scenario: priceOverrides.serverlessStandard: the catalog has no serverlessStandard price"
        )
    );

    // simulate reads the book too: a bad one is refused.
    let bad = temp_file(
        "simulate-bad-book.json",
        r#"{"name": "", "asOf": "2026-12-01", "source": "hand-written"}"#,
    );
    assert!(
        error(&run(&["simulate", "--prices", path(&bad)]), 1)
            .ends_with("simulate-bad-book.json: name: must not be empty, got \"\"")
    );
    let sim = json(&run(&["simulate", "--prices", b, "-f", "json"]));
    assert_eq!(sim["instances"][0]["acuHours"], 2920.0);

    // replay: both bills at the book's ACU-hour price.
    let cheap = temp_file(
        "replay-book.json",
        r#"{"name": "test book", "asOf": "2026-12-01", "source": "hand-written",
            "entries": [{"region": "us-east-1", "item": "serverlessStandard", "priceNanoUsd": 240000000}]}"#,
    );
    let cloudwatch = common::fixtures().join("console-two-instances.csv");
    let doc = json(&run(&[
        "replay",
        path(&cloudwatch),
        "--prices",
        path(&cheap),
        "-f",
        "json",
    ]));
    assert_eq!(doc["unitPriceNanoUsd"], 240_000_000);
    // Twice the catalog's $0.12: 5.417 ACU-hours cost $1.30, not $0.65.
    assert_eq!(doc["recordedTotalMicroUsd"], 1_300_000);
    assert_eq!(doc["price"]["source"], "test book: hand-written");
}

#[test]
fn prices_list_and_show_with_the_book() {
    let book = book_file("book-3.json");
    let b = path(&book);
    let rows = json(&run(&[
        "prices",
        "list",
        "--prices",
        b,
        "--region",
        "us-east-1",
        "-f",
        "json",
    ]));
    let rows = rows.as_array().expect("rows");
    // The book's nine, then the catalog's rows it does not replace.
    assert_eq!(rows[0]["item"], "serverlessStandard");
    assert_eq!(rows[0]["engine"], "aurora-postgresql");
    assert_eq!(rows[0]["asOf"], "2026-11-01");
    assert!(rows[..9].iter().all(|r| r["confidence"] == "high"));
    assert!(rows[9..].iter().all(|r| {
        r["source"]
            .as_str()
            .is_some_and(|s| !s.starts_with("AWS Price List (AmazonRDS)"))
    }));
    // Compute is priced by the book for both engines: the catalog row is not listed.
    assert!(!rows[9..].iter().any(|r| r["item"] == "serverlessStandard"));
    assert!(rows[9..].iter().any(|r| r["item"] == "dataApi"));
    let table = stdout(&run(&[
        "prices",
        "list",
        "--prices",
        b,
        "--region",
        "us-east-1",
    ]));
    assert!(table.starts_with(&format!(
        "AWS Price List (AmazonRDS) as of 2026-11-01, then the acumen built-in catalog as of 2026-10-09: {} prices\n",
        rows.len()
    )));

    let show = stdout(&run(&["prices", "show", "us-east-1", "--prices", b]));
    assert!(show.starts_with("us-east-1 prices (AWS Price List (AmazonRDS) as of 2026-11-01, then the acumen built-in catalog as of 2026-10-09)"));
    assert!(show.contains("\nReserved Instance terms (price book; effective = hourly + upfront spread over the term)\n"));
    let ri = show
        .lines()
        .find(|l| l.starts_with("db.r6g.large ") && l.contains("3 yr  all upfront"))
        .expect("3-year all upfront row");
    // $3,240 over 3 × 8,760 h.
    assert!(ri.contains("3240.00") && ri.ends_with("0.1233"), "{ri}");
    let backtrack = show
        .lines()
        .find(|l| l.starts_with("aurora-postgresql") && l.contains(" backtrack "))
        .expect("backtrack row");
    assert!(backtrack.contains("not in the price book or the catalog: give a price override"));

    let doc = json(&run(&[
        "prices",
        "show",
        "us-east-1",
        "--prices",
        b,
        "-f",
        "json",
    ]));
    assert_eq!(doc["priceBook"]["asOf"], "2026-11-01");
    let classes = doc["instanceClasses"].as_array().expect("classes");
    assert_eq!(classes[0]["class"], "db.r6g.large");
    assert_eq!(classes[0]["reserved"].as_array().map(Vec::len), Some(5));
    // Catalog classes the book lacks follow, without Reserved terms.
    assert!(
        classes
            .iter()
            .any(|c| c["class"] == "db.r7g.large" && c.get("reserved").is_none())
    );

    // Without a book, nothing changes.
    let plain = json(&run(&["prices", "show", "us-east-1", "-f", "json"]));
    assert!(plain.get("priceBook").is_none());
}

#[test]
fn bad_books_name_the_file_line_and_field() {
    let syntax = temp_file(
        "typo-book.json",
        "{\"name\": \"b\", \"asOf\": \"2026-11-01\", \"source\": \"s\",\n \"entries\": [{\"region\": \"us-east-1\", \"item\": \"serverlessStandard\", \"prise\": 1}]}",
    );
    let message = error(&run(&["estimate", "--prices", path(&syntax)]), 1);
    assert!(
        message.ends_with("typo-book.json:2: entries[0].prise: unknown field `prise`, expected one of `region`, `item`, `engine`, `priceNanoUsd`, `sku`, `note`"),
        "{message}"
    );
    let negative = temp_file(
        "negative-book.json",
        r#"{"name": "b", "asOf": "2026-11-01", "source": "s",
            "entries": [{"region": "us-east-1", "item": "backup", "priceNanoUsd": -5}]}"#,
    );
    let message = error(
        &run(&["prices", "show", "us-east-1", "--prices", path(&negative)]),
        1,
    );
    assert!(
        message.ends_with("negative-book.json: entries[0].priceNanoUsd: must be between 0 and 1000000000000000 nano-dollars (a million dollars), got -5"),
        "{message}"
    );
    let out = run(&["estimate", "--prices", "/nonexistent/book.json"]);
    assert_eq!(out.status.code(), Some(3));
    // An offer file is not a book: the first unknown field says so.
    let message = error(&run(&["estimate", "--prices", "us-east-1.json"]), 1);
    assert!(
        message
            .starts_with("error: us-east-1.json:2: formatVersion: unknown field `formatVersion`"),
        "{message}"
    );
    // A book inline in a scenario is checked with its path.
    let inline = temp_file(
        "inline.json",
        r#"{"priceBook": {"name": "b", "asOf": "soon", "source": "s"}}"#,
    );
    assert!(
        error(&run(&["validate", path(&inline)]), 1)
            .ends_with("inline.json: priceBook.asOf: must be a date (YYYY-MM-DD), got \"soon\"")
    );
}

#[test]
fn completions_for_every_shell() {
    let expect = [
        ("bash", "complete -F _acumen"),
        ("zsh", "#compdef acumen"),
        ("fish", "complete -c acumen"),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName 'acumen'",
        ),
        ("elvish", "set edit:completion:arg-completer[acumen]"),
    ];
    for (shell, marker) in expect {
        let script = stdout(&run(&["completions", shell]));
        assert!(script.contains(marker), "{shell}: {script}");
        // Subcommands and their flags are completed.
        assert!(
            script.contains("import") && script.contains("--prices"),
            "{shell}"
        );
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_subcommands_have_help_with_examples() {
    for sub in [vec!["prices", "import"], vec!["completions"]] {
        let mut args = sub.clone();
        args.push("--help");
        let help = stdout(&run(&args));
        assert!(help.contains("Examples:"), "{sub:?}: {help}");
        assert!(
            help.contains(&format!("acumen {}", sub.join(" "))),
            "{sub:?}"
        );
    }
    let top = stdout(&run(&["--help"]));
    assert!(top.contains("Exit status: 0 success, 1 invalid input"));
    assert!(top.contains("acumen prices import index.json --region us-east-1 -o book.json"));
}
