//! One CSV line into cells: commas separate, double quotes protect commas
//! and quotes (`""`) inside a cell.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::mem;

/// Splits one CSV line (a trailing `\r` dropped) into `cells`. Unquoted
/// cells borrow from `line`; quoted ones (rare) are unescaped into owned
/// strings. The error is the message, without a position: the caller knows
/// the line.
///
/// ```
/// let mut cells = Vec::new();
/// acumen::cloudwatch::split_csv_line("db-1,\"a, \"\"b\"\"\",c\r", &mut cells)?;
/// assert_eq!(cells, ["db-1", "a, \"b\"", "c"]);
/// # Ok::<(), String>(())
/// ```
pub fn split<'a>(line: &'a str, cells: &mut Vec<Cow<'a, str>>) -> Result<(), String> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    cells.clear();
    if !line.contains('"') {
        cells.extend(line.split(',').map(Cow::Borrowed));
        return Ok(());
    }
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.trim().is_empty() && !was_quoted => {
                cell.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                cells.push(Cow::Owned(mem::take(&mut cell)));
                was_quoted = false;
            }
            (false, c) if was_quoted && c.is_whitespace() => {}
            (false, c) if was_quoted => {
                return Err(alloc::format!("unexpected {c:?} after a quoted cell"));
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(String::from("unclosed quote"));
    }
    cells.push(Cow::Owned(cell));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        split(line, &mut out)?;
        Ok(out.into_iter().map(Cow::into_owned).collect())
    }

    #[test]
    fn quotes_protect_commas_and_quotes() {
        assert_eq!(cells("a,b\r").unwrap(), ["a", "b"]);
        assert_eq!(cells("\"a, b\",c").unwrap(), ["a, b", "c"]);
        assert_eq!(
            cells(" \"say \"\"hi\"\"\" ,x").unwrap(),
            ["say \"hi\"", "x"]
        );
        assert_eq!(
            cells("\"a\"b").unwrap_err(),
            "unexpected 'b' after a quoted cell"
        );
        assert_eq!(cells("\"a,b").unwrap_err(), "unclosed quote");
    }
}
