//! JSON text to a tree whose every value remembers where it starts, so that
//! what is found wrong later (a string where a number belongs) can still be
//! placed at its line and column.
//!
//! RFC 8259, with one addition the AWS CLI's output needs: several documents
//! may follow one another (pages of a paginated call, concatenated). Written
//! here rather than taken from `serde_json` because the reader needs the
//! positions of values it has already accepted, works without the `serde`
//! feature, and adds a few kilobytes to the wasm rather than tens.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Arrays and objects nested deeper than this are refused (a stack bound:
/// the AWS CLI's output is four levels deep).
const MAX_DEPTH: usize = 64;

/// A JSON value and the byte offset at which it starts.
#[derive(Debug, PartialEq)]
pub(super) struct Node<'a> {
    pub at: usize,
    pub value: Value<'a>,
}

/// A JSON value. Strings without escapes borrow from the text.
#[derive(Debug, PartialEq)]
pub(super) enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// Members in text order (a repeated key is kept twice; lookups take the
    /// first).
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl<'a> Value<'a> {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, as an error message names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// A syntax error: at which byte, and what.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct SyntaxError {
    pub at: usize,
    pub message: String,
}

/// Every document in `text`, separated by optional whitespace; `progress`
/// is called with the fraction of the text read so far.
pub(super) fn documents<'a>(
    text: &'a str,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<Node<'a>>, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
        next_report: text.len() / 100,
        progress,
    };
    let mut documents = Vec::new();
    parser.skip_whitespace();
    while parser.at < parser.bytes.len() {
        documents.push(parser.value()?);
        parser.skip_whitespace();
    }
    (parser.progress)(1.0);
    Ok(documents)
}

struct Parser<'a, 'p> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    next_report: usize,
    progress: &'p mut dyn FnMut(f64),
}

impl<'a> Parser<'a, '_> {
    fn error<T>(&self, at: usize, message: impl Into<String>) -> Result<T, SyntaxError> {
        Err(SyntaxError {
            at,
            message: message.into(),
        })
    }

    /// What is at the cursor, for "expected X, found Y".
    fn found(&self) -> String {
        match self
            .text
            .get(self.at..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => format!("{c:?}"),
            None => String::from("the end of the text"),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        if self.at >= self.next_report {
            (self.progress)(self.at as f64 / self.bytes.len().max(1) as f64);
            self.next_report = self.at + self.bytes.len() / 100 + 1;
        }
        let at = self.at;
        let value = match self.bytes.get(at) {
            Some(b'{') => self.nested(Parser::object)?,
            Some(b'[') => self.nested(Parser::array)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            _ => return self.error(at, format!("expected a JSON value, found {}", self.found())),
        };
        Ok(Node { at, value })
    }

    fn nested(
        &mut self,
        parse: fn(&mut Self) -> Result<Value<'a>, SyntaxError>,
    ) -> Result<Value<'a>, SyntaxError> {
        if self.depth == MAX_DEPTH {
            return self.error(self.at, format!("nested more than {MAX_DEPTH} levels deep"));
        }
        self.depth += 1;
        let value = parse(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            self.error(
                self.at,
                format!("expected a JSON value, found {}", self.found()),
            )
        }
    }

    /// After the opening `[`.
    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value()?);
            self.skip_whitespace();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    return self.error(
                        self.at,
                        format!("expected ',' or ']', found {}", self.found()),
                    );
                }
            }
        }
    }

    /// After the opening `{`.
    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.bytes.get(self.at) != Some(&b'"') {
                return self.error(
                    self.at,
                    format!("expected a quoted key, found {}", self.found()),
                );
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.bytes.get(self.at) != Some(&b':') {
                return self.error(
                    self.at,
                    format!("expected ':' after a key, found {}", self.found()),
                );
            }
            self.at += 1;
            self.skip_whitespace();
            members.push((key, self.value()?));
            self.skip_whitespace();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => {
                    return self.error(
                        self.at,
                        format!("expected ',' or '}}', found {}", self.found()),
                    );
                }
            }
        }
    }

    /// At the opening quote. Borrows unless there is an escape to undo.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let open = self.at;
        self.at += 1;
        let start = self.at;
        loop {
            match self.bytes.get(self.at) {
                None => return self.error(open, "unclosed string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => return self.error(self.at, "control character in a string"),
                Some(_) => self.at += 1,
            }
        }
        let mut owned = String::from(&self.text[start..self.at]);
        loop {
            match self.bytes.get(self.at) {
                None => return self.error(open, "unclosed string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => owned.push(self.escape()?),
                Some(0..=0x1f) => return self.error(self.at, "control character in a string"),
                Some(_) => {
                    // Copy up to the next quote or backslash in one go; both
                    // are ASCII, so the slice ends on a character boundary.
                    let from = self.at;
                    while !matches!(
                        self.bytes.get(self.at),
                        None | Some(b'"' | b'\\' | 0..=0x1f)
                    ) {
                        self.at += 1;
                    }
                    owned.push_str(&self.text[from..self.at]);
                }
            }
        }
    }

    /// At a backslash inside a string.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let at = self.at;
        self.at += 2;
        let c = match self.bytes.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(at),
            _ => return self.error(at, "invalid escape in a string"),
        };
        Ok(c)
    }

    /// After `\u`: four hex digits, and a second escape for a surrogate pair.
    fn unicode_escape(&mut self, at: usize) -> Result<char, SyntaxError> {
        let first = self.hex4(at)?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.bytes[self.at..].starts_with(b"\\u") {
                return self.error(at, "unpaired surrogate in a \\u escape");
            }
            self.at += 2;
            let second = self.hex4(at)?;
            if !(0xDC00..0xE000).contains(&second) {
                return self.error(at, "unpaired surrogate in a \\u escape");
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code)
            .map_or_else(|| self.error(at, "unpaired surrogate in a \\u escape"), Ok)
    }

    fn hex4(&mut self, at: usize) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.at..self.at + 4);
        let value = digits.and_then(|d| {
            d.iter()
                .try_fold(0u32, |n, b| char::from(*b).to_digit(16).map(|v| n * 16 + v))
        });
        self.at += 4;
        value.map_or_else(|| self.error(at, "expected four hex digits after \\u"), Ok)
    }

    /// A number as JSON writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<f64, SyntaxError> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.bytes.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        // The integer part: `0` alone, or digits not starting with 0.
        let first = self.at;
        let mut valid = digits(self) && (self.bytes[first] != b'0' || self.at == first + 1);
        if valid && self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            valid = digits(self);
        }
        if valid && matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            valid = digits(self);
        }
        let text = &self.text[start..self.at];
        match text.parse::<f64>() {
            Ok(n) if valid => Ok(n),
            _ => self.error(start, format!("not a JSON number: {text:?}")),
        }
    }
}

/// The line (from 1) and column (from 1, in characters) of byte `at`.
pub(super) fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn parse(text: &str) -> Result<Vec<Node<'_>>, (usize, String)> {
        documents(text, &mut |_| {}).map_err(|e| (e.at, e.message))
    }

    fn one(text: &str) -> Value<'_> {
        let mut documents = parse(text).unwrap();
        assert_eq!(documents.len(), 1, "{text}");
        documents.remove(0).value
    }

    #[test]
    fn values_and_their_offsets() {
        let text = "{\"a\": [1, -2.5e1, true, null], \"b\\u00e9\\n\": \"x\\\"y\"}";
        let Value::Object(members) = one(text) else {
            panic!("an object");
        };
        assert_eq!(members[0].0, "a");
        let Value::Array(items) = &members[0].1.value else {
            panic!("an array");
        };
        let values: Vec<&Value<'_>> = items.iter().map(|n| &n.value).collect();
        assert_eq!(
            values,
            [
                &Value::Number(1.0),
                &Value::Number(-25.0),
                &Value::Bool(true),
                &Value::Null
            ]
        );
        assert_eq!(
            items.iter().map(|n| n.at).collect::<Vec<_>>(),
            [7, 10, 18, 24]
        );
        assert_eq!(members[1].0, "b\u{e9}\n");
        assert_eq!(members[1].1.value, Value::String(Cow::Borrowed("x\"y")));
        assert!(matches!(
            one("\"plain\""),
            Value::String(Cow::Borrowed("plain"))
        ));
        assert_eq!(one("\"\\ud83d\\ude00\""), Value::String("\u{1f600}".into()));
    }

    #[test]
    fn several_documents_follow_one_another() {
        let documents = parse(" {\"a\":1}\n{\"a\":2} [] ").unwrap();
        assert_eq!(documents.len(), 3);
        assert_eq!(documents[1].at, 9);
        assert_eq!(
            documents[1].value.get("a").map(|n| &n.value),
            Some(&Value::Number(2.0))
        );
        assert_eq!(parse("  \n").unwrap(), vec![]);
    }

    #[test]
    fn syntax_errors_say_where() {
        let cases: [(&str, usize, &str); 12] = [
            ("{\"a\" 1}", 5, "expected ':' after a key, found '1'"),
            ("[1 2]", 3, "expected ',' or ']', found '2'"),
            ("{\"a\":1,}", 7, "expected a quoted key, found '}'"),
            ("[1,", 3, "expected a JSON value, found the end of the text"),
            ("\"abc", 0, "unclosed string"),
            ("\"a\\x\"", 2, "invalid escape in a string"),
            ("\"a\tb\"", 2, "control character in a string"),
            ("\"\\ud83d\"", 1, "unpaired surrogate in a \\u escape"),
            ("\"\\u12\"", 1, "expected four hex digits after \\u"),
            ("01", 0, "not a JSON number: \"01\""),
            ("-.5", 0, "not a JSON number: \"-\""),
            ("nul", 0, "expected a JSON value, found 'n'"),
        ];
        for (text, at, message) in cases {
            assert_eq!(
                parse(text).unwrap_err(),
                (at, String::from(message)),
                "{text}"
            );
        }
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(
            parse(&deep).unwrap_err(),
            (
                MAX_DEPTH,
                format!("nested more than {MAX_DEPTH} levels deep")
            )
        );
        assert_eq!(one("1e999"), Value::Number(f64::INFINITY));
        assert_eq!(one("-0"), Value::Number(-0.0));
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "{\n  \"é\": x\n}";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, text.find('x').unwrap()), (2, 8));
        assert_eq!(line_and_column(text, text.len() + 5), (3, 2));
    }
}
