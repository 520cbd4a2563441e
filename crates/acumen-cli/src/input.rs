//! Reading scenario files: TOML or JSON, from a path or standard input, with
//! errors that name the file, the line and the field.

use std::io::Read;
use std::path::Path;

use acumen::{Error, Scenario};

/// Why a scenario could not be read.
pub enum Failure {
    /// The file could not be read.
    Io(String),
    /// The text does not describe a valid scenario.
    Invalid {
        /// The one-line message: file, line, field and what is wrong.
        message: String,
        /// The decoding error, with its stable code and field.
        error: Error,
        /// The line of the file where it was found, if known.
        line: Option<usize>,
    },
}

/// How to name the input in messages.
pub fn origin(path: Option<&Path>) -> String {
    match path {
        None => String::from("default scenario"),
        Some(p) if p == Path::new("-") => String::from("<stdin>"),
        Some(p) => p.display().to_string(),
    }
}

/// Reads the scenario at `path` (`-` for stdin); `None` gives the default.
pub fn read_scenario(path: Option<&Path>) -> Result<Scenario, Failure> {
    let Some(path) = path else {
        return Ok(Scenario::default());
    };
    let name = origin(Some(path));
    let text = if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::Io(format!("{name}: {e}")))?;
        text
    } else {
        std::fs::read_to_string(path).map_err(|e| Failure::Io(format!("{name}: {e}")))?
    };
    let is_json = match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => ext.eq_ignore_ascii_case("json"),
        // stdin: JSON documents start with `{`; anything else is TOML.
        None => text.trim_start().starts_with('{'),
    };
    let parsed = if is_json {
        parse_json(&text)
    } else {
        parse_toml(&text)
    };
    parsed.map_err(|(error, line)| {
        let location = line.map(|l| format!(":{l}")).unwrap_or_default();
        Failure::Invalid {
            message: format!("{name}{location}: {error}"),
            error,
            line,
        }
    })
}

/// Parses a JSON scenario; the error carries the line where it was found.
///
/// The document must be an object: serde would otherwise accept an array as
/// a struct, field by position.
pub fn parse_json(text: &str) -> Result<Scenario, (Error, Option<usize>)> {
    if let Some(first) = text.trim_start().chars().next().filter(|c| *c != '{') {
        let line = text.lines().take_while(|l| l.trim().is_empty()).count() + 1;
        let message = format!("invalid type: `{first}`, expected an object");
        return Err((Error::from_decode(".", &message), Some(line)));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let scenario: Scenario = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| json_error(&e.path().to_string(), e.inner()))?;
    de.end().map_err(|e| json_error(".", &e))?;
    Ok(scenario)
}

fn json_error(path: &str, e: &serde_json::Error) -> (Error, Option<usize>) {
    let message = e.to_string();
    // serde_json appends " at line L column C"; the line is reported separately.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    (Error::from_decode(path, message), Some(e.line()))
}

/// Parses a TOML scenario; the error carries the line where it was found.
pub fn parse_toml(text: &str) -> Result<Scenario, (Error, Option<usize>)> {
    let de = toml::Deserializer::parse(text).map_err(|e| toml_error(text, ".", &e))?;
    serde_path_to_error::deserialize(de)
        .map_err(|e| toml_error(text, &e.path().to_string(), e.inner()))
}

fn toml_error(text: &str, path: &str, e: &toml::de::Error) -> (Error, Option<usize>) {
    let line = e
        .span()
        .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
    (Error::from_decode(path, e.message().trim()), line)
}

/// Reads a price book (JSON, as `acumen prices import` writes it) and checks
/// it; errors name the file, the line where known, and the field.
pub fn read_book(path: &Path) -> Result<acumen::prices::PriceBook, Failure> {
    let name = origin(Some(path));
    let text = std::fs::read_to_string(path).map_err(|e| Failure::Io(format!("{name}: {e}")))?;
    let failure = |(error, line): (Error, Option<usize>)| {
        let location = line.map(|l| format!(":{l}")).unwrap_or_default();
        Failure::Invalid {
            message: format!("{name}{location}: {error}"),
            error,
            line,
        }
    };
    if let Some(first) = text.trim_start().chars().next().filter(|c| *c != '{') {
        let line = text.lines().take_while(|l| l.trim().is_empty()).count() + 1;
        let message = format!("invalid type: `{first}`, expected a price book (a JSON object)");
        return Err(failure((Error::from_decode(".", &message), Some(line))));
    }
    let mut de = serde_json::Deserializer::from_str(&text);
    let book: acumen::prices::PriceBook = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| failure(json_error(&e.path().to_string(), e.inner())))?;
    de.end().map_err(|e| failure(json_error(".", &e)))?;
    book.validate().map_err(|e| failure((e, None)))?;
    Ok(book)
}
