//! Reading CloudWatch exports (JSON or CSV) for `acumen replay`: the file, its name in
//! messages and the exit status of each failure. Reading the text is the
//! core's ([`acumen::cloudwatch::read`]).

use std::path::Path;

use acumen::cloudwatch::{self, ReadOptions, Series};

/// Why a file could not be used.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be read (exit 3).
    Io(String),
    /// The file's content is wrong (exit 1): `file:line: column N: message`.
    Invalid(String),
}

/// Reads one export; `progress` is called with the fraction read so far.
/// A single unnamed series is named after the file's stem.
pub fn read_file(
    path: &Path,
    options: &ReadOptions,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<Series>, ReadError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(format!("{shown}: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| ReadError::Invalid(format!("{shown}: not UTF-8 text")))?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("capacity");
    cloudwatch::read(&text, stem, options, progress)
        .map_err(|e| ReadError::Invalid(e.in_file(&shown)))
}
