//! `acumen calibrate`: the model against the published measurements, and
//! the table in docs/calibration.md kept equal to the command's output.

use std::path::Path;
use std::process::Command;

fn calibrate(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_acumen"))
        .args(["calibrate", "--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_docs_table_is_the_commands_output() {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/calibration.md");
    let doc = std::fs::read_to_string(doc).unwrap();
    let (_, rest) = doc.split_once("<!-- calibrate:begin -->\n").unwrap();
    let (table, _) = rest.split_once("<!-- calibrate:end -->").unwrap();
    assert_eq!(table, calibrate("markdown"), "run `just calibrate`");
}

#[test]
fn every_row_is_within_its_band() {
    let rows: serde_json::Value = serde_json::from_str(&calibrate("json")).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 25);
    assert!(rows.iter().all(|r| r["within"] == true));
    let text = calibrate("table");
    assert!(text.contains("25 of 25 within their bands"), "{text}");
    // The pause delay row: 300 s timeout + 108 s on the default platform.
    let delay = rows
        .iter()
        .find(|r| r["id"] == "pause-delay" && r["platformVersion"] == 4)
        .unwrap();
    assert_eq!(delay["model"], 108.0);
}
