//! A small table printer: aligned text for people, Markdown for documents and
//! CSV for spreadsheets, from the same rows.

use std::io::{self, Write};

/// How a column is aligned in the text and Markdown forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Text: left-aligned.
    Left,
    /// Numbers: right-aligned.
    Right,
}

/// Rows of cells under a header.
#[derive(Clone, Debug, Default)]
pub struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns.
    pub fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            header: columns.iter().map(|(h, _)| String::from(*h)).collect(),
            align: columns.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row (missing cells are empty, extra cells are dropped).
    pub fn row(&mut self, cells: Vec<String>) {
        let mut cells = cells;
        cells.resize(self.header.len(), String::new());
        self.rows.push(cells);
    }

    /// The number of rows (the header not counted).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        widths
    }

    /// Aligned columns separated by two spaces, no trailing spaces.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        let widths = self.widths();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = widths[i] - cell.chars().count();
                match self.align[i] {
                    Align::Left => {
                        line.push_str(cell);
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                    Align::Right => {
                        line.extend(std::iter::repeat_n(' ', pad));
                        line.push_str(cell);
                    }
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }

    /// A GitHub-flavoured Markdown table.
    pub fn write_markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        let widths = self.widths();
        let escape = |cell: &str| cell.replace('|', "\\|");
        let line = |cells: &[String]| -> String {
            let mut s = String::from("|");
            for (i, cell) in cells.iter().enumerate() {
                let cell = escape(cell);
                let pad = widths[i].saturating_sub(cell.chars().count());
                match self.align[i] {
                    Align::Left => s.push_str(&format!(" {cell}{} |", " ".repeat(pad))),
                    Align::Right => s.push_str(&format!(" {}{cell} |", " ".repeat(pad))),
                }
            }
            s
        };
        writeln!(out, "{}", line(&self.header))?;
        let mut rule = String::from("|");
        for (i, w) in widths.iter().enumerate() {
            let dashes = "-".repeat((*w).max(3));
            match self.align[i] {
                Align::Left => rule.push_str(&format!(" {dashes} |")),
                Align::Right => rule.push_str(&format!(" {}: |", &dashes[1..])),
            }
        }
        writeln!(out, "{rule}")?;
        for row in &self.rows {
            writeln!(out, "{}", line(row))?;
        }
        Ok(())
    }

    /// RFC 4180 CSV: a header line, then one line per row.
    pub fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            writeln!(out, "{}", cells.join(","))?;
        }
        Ok(())
    }
}

/// Quotes a CSV cell when it holds a comma, a quote or a line break.
pub fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        String::from(cell)
    }
}

/// A number with up to `places` decimals, trailing zeros dropped: `2.50` → `2.5`.
pub fn num(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    if text.contains('.') {
        let trimmed = text.trim_end_matches('0').trim_end_matches('.');
        if trimmed == "-0" {
            String::from("0")
        } else {
            String::from(trimmed)
        }
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(&[("Name", Align::Left), ("Value", Align::Right)]);
        t.row(vec!["a, b".into(), "1".into()]);
        t.row(vec!["long name".into(), "22.5".into()]);
        t
    }

    #[test]
    fn text_is_aligned() {
        let mut out = Vec::new();
        sample().write_text(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Name       Value\na, b           1\nlong name   22.5\n"
        );
    }

    #[test]
    fn markdown_and_csv() {
        let mut out = Vec::new();
        sample().write_markdown(&mut out).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert_eq!(md.lines().nth(1), Some("| --------- | ----: |"));
        assert_eq!(md.lines().nth(2), Some("| a, b      |     1 |"));
        let mut out = Vec::new();
        sample().write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Name,Value\n\"a, b\",1\nlong name,22.5\n"
        );
    }

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(num(2.5, 3), "2.5");
        assert_eq!(num(2.0, 3), "2");
        assert_eq!(num(0.1234, 3), "0.123");
        assert_eq!(num(-0.0001, 2), "0");
    }
}
