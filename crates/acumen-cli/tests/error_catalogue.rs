//! The error catalogue through the `acumen` binary: each case of
//! tests/errors/catalogue.json, given as a scenario file (JSON, or TOML for
//! numbers JSON cannot hold), fails with the case's exit status; with
//! `--format json` standard error is one JSON line carrying the same code
//! and field as the core and the npm package, and without it one
//! `error: file[:line]: field: message` line.

mod common;

#[path = "../../../tests/errors/catalogue.rs"]
mod catalogue;

use catalogue::Input;
use common::{run_in, temp_file, text};

/// The one JSON line of a failed run, checked against the case.
fn check_json_error(case: &catalogue::Case, out: &std::process::Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(case.exit),
        "{case}: {}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "{case}: {}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{case}: {stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stderr).expect("a JSON error line");
    let error = &doc["error"];
    assert_eq!(
        (error["code"].as_str(), error["field"].as_str()),
        (Some(case.code.as_str()), Some(case.field.as_str())),
        "{case}: {stderr}"
    );
    assert_eq!(error["exit"], case.exit, "{case}");
    let message = error["message"].as_str().expect("message");
    assert!(
        message.contains(&case.message_contains),
        "{case}: {message:?} lacks {:?}",
        case.message_contains
    );
    doc
}

#[test]
fn every_case_fails_with_its_code_field_and_exit_status() {
    let cases = catalogue::cases("cli");
    let dir = std::env::temp_dir();
    for case in &cases {
        let (name, contents) = match &case.input {
            Input::Json(doc) => (format!("case-{}.json", case.index), doc),
            Input::Toml(doc) => (format!("case-{}.toml", case.index), doc),
            Input::Args(_) => continue,
        };
        let path = temp_file(&name, contents);
        let path = path.to_str().expect("utf-8");

        let out = run_in(&dir, &["estimate", path, "--format", "json"], None);
        let doc = check_json_error(case, &out);
        assert_eq!(doc["error"]["file"], path, "{case}");
        let line = doc["error"]["line"].as_u64();

        // The same failure as text: one line naming the file, its line when
        // known, and the field.
        let out = run_in(&dir, &["estimate", path], None);
        let message = common::error(&out, case.exit);
        let location = line.map(|l| format!(":{l}")).unwrap_or_default();
        let prefix = if case.field.is_empty() {
            format!("error: {path}{location}: ")
        } else {
            format!("error: {path}{location}: {}: ", case.field)
        };
        assert!(message.starts_with(&prefix), "{case}: {message}");
        assert!(
            message.contains(&case.message_contains),
            "{case}: {message}"
        );
        assert_eq!(
            doc["error"]["message"].as_str(),
            message.strip_prefix("error: "),
            "{case}"
        );

        // Every other command that reads a scenario refuses it the same way.
        for command in ["validate", "simulate", "compare", "advise"] {
            let out = run_in(&dir, &[command, path, "--format", "json"], None);
            check_json_error(case, &out);
        }
    }
}

#[test]
fn the_cli_s_own_failures_have_their_codes() {
    for case in catalogue::cases("cli") {
        let Input::Args(args) = &case.input else {
            continue;
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run_in(&common::fixtures(), &args, None);
        if case.code == "usage" {
            // Usage errors are clap's: several lines of text, exit 2, before
            // any format is known.
            assert_eq!(out.status.code(), Some(case.exit), "{case}");
            assert!(text(&out.stderr).contains(&case.message_contains), "{case}");
        } else {
            check_json_error(&case, &out);
        }
    }
}

#[test]
fn flags_are_named_as_flags() {
    let dir = std::env::temp_dir();
    let out = run_in(
        &dir,
        &[
            "max-connections",
            "--min-acu",
            "0.3",
            "--max-acu",
            "4",
            "--format",
            "json",
        ],
        None,
    );
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON");
    assert_eq!(error["error"]["code"], "off_grid");
    assert_eq!(error["error"]["field"], "--min-acu");
    assert_eq!(out.status.code(), Some(1));
    let out = run_in(
        &dir,
        &[
            "estimate",
            "--min-acu",
            "8",
            "--max-acu",
            "4",
            "--format",
            "json",
        ],
        None,
    );
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON");
    assert_eq!(error["error"]["code"], "conflict");
    assert_eq!(error["error"]["field"], "scaling.minAcu");
    assert_eq!(error["error"]["file"], serde_json::Value::Null);
    let out = run_in(
        &dir,
        &["prices", "show", "mars-1", "--format", "json"],
        None,
    );
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON");
    assert_eq!(error["error"]["code"], "unknown_region");
    assert_eq!(error["error"]["field"], "region");
}

#[test]
fn a_replay_beyond_the_sample_limits_is_refused_before_resampling() {
    // Two instances at one-second spacing whose last sample is 250 days
    // on: 21.6 million steps each, 43.2 million in all (docs/limits.md).
    let mut csv = String::from("Timestamp,a,b\n");
    for s in 0..10 {
        csv.push_str(&format!("2026-01-01T00:00:{s:02}Z,1,1\n"));
    }
    csv.push_str("2026-09-08T00:00:00Z,1,1\n");
    let path = temp_file("wide.csv", &csv);
    let out = run_in(
        &std::env::temp_dir(),
        &["replay", path.to_str().expect("utf-8"), "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON");
    let message = error["error"]["message"].as_str().expect("message");
    assert!(
        message.contains("for 2 instances; at most 42854400 fit in a replay in all"),
        "{message}"
    );
}
