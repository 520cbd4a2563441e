//! A fleet's inventory: one provisioned instance per CSV row,
//! `id,class,engine,region,cpu`, where `cpu` is the path of a CloudWatch
//! export of the instance's CPUUtilization. The header row names the
//! columns (in any order; `engine` and `region` may be left out or empty,
//! the command's defaults then apply). Cells may be quoted (`"a,b"`, `""`
//! for a quote).

/// One instance of the inventory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The line it is on (from 1).
    pub line: usize,
    /// Its name in the fleet.
    pub id: String,
    /// Its class, e.g. `db.r6g.xlarge`.
    pub class: String,
    /// Its engine as written (empty: the default).
    pub engine: String,
    /// Its region (empty: the default).
    pub region: String,
    /// The CPU export's path, as written.
    pub cpu: String,
}

/// The most instances one inventory may list.
pub const MAX_ENTRIES: usize = 100_000;

/// Reads an inventory; the error is `line N: why` (or why, for the whole
/// text).
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty());
    let (header_line, header) = lines.next().ok_or("the inventory is empty")?;
    let names: Vec<String> = split(header)
        .map_err(|e| format!("line {header_line}: {e}"))?
        .into_iter()
        .map(|n| n.trim().to_ascii_lowercase())
        .collect();
    let column = |name: &str| names.iter().position(|n| n == name);
    let (Some(id), Some(class), Some(cpu)) = (column("id"), column("class"), column("cpu")) else {
        return Err(format!(
            "line {header_line}: expected a header naming the columns id, class and cpu (and optionally engine and region), got {:?}",
            header.trim()
        ));
    };
    let (engine, region) = (column("engine"), column("region"));
    let mut entries = Vec::new();
    for (n, line) in lines {
        if entries.len() == MAX_ENTRIES {
            return Err(format!(
                "line {n}: at most {MAX_ENTRIES} instances in one inventory"
            ));
        }
        let cells = split(line).map_err(|e| format!("line {n}: {e}"))?;
        if cells.len() != names.len() {
            return Err(format!(
                "line {n}: expected {} cells, got {}",
                names.len(),
                cells.len()
            ));
        }
        let cell = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map_or("", |c| c.trim())
                .to_string()
        };
        let entry = Entry {
            line: n,
            id: cell(Some(id)),
            class: cell(Some(class)),
            engine: cell(engine),
            region: cell(region),
            cpu: cell(Some(cpu)),
        };
        for (value, name) in [
            (&entry.id, "id"),
            (&entry.class, "class"),
            (&entry.cpu, "cpu"),
        ] {
            if value.is_empty() {
                return Err(format!("line {n}: the {name} cell is empty"));
            }
        }
        entries.push(entry);
    }
    if entries.is_empty() {
        return Err(String::from("the inventory lists no instance"));
    }
    Ok(entries)
}

/// One CSV line into cells, quotes undone (the CloudWatch reader's rules).
fn split(line: &str) -> Result<Vec<String>, String> {
    let mut cells = Vec::new();
    acumen::cloudwatch::split_csv_line(line, &mut cells)?;
    Ok(cells
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_in_any_column_order_with_quotes() {
        let text = "\u{feff}class,id,cpu,region\r\ndb.r6g.large,\"db-1, eu\",cpu/1.json,eu-west-1\n\ndb.r7g.xlarge,db-2,\"a \"\"b\"\".csv\",\n";
        let e = parse(text).unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(
            (e[0].line, e[0].id.as_str(), e[0].region.as_str()),
            (2, "db-1, eu", "eu-west-1")
        );
        assert_eq!(
            (e[1].line, e[1].cpu.as_str(), e[1].engine.as_str()),
            (4, "a \"b\".csv", "")
        );
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("", "the inventory is empty"),
            (
                "id,class\n",
                "line 1: expected a header naming the columns id, class and cpu (and optionally engine and region), got \"id,class\"",
            ),
            ("id,class,cpu\n", "the inventory lists no instance"),
            ("id,class,cpu\na,b\n", "line 2: expected 3 cells, got 2"),
            ("id,class,cpu\na,,c\n", "line 2: the class cell is empty"),
            ("id,class,cpu\na,\"b,c\n", "line 2: unclosed quote"),
        ];
        for (text, message) in cases {
            assert_eq!(parse(text).unwrap_err(), message, "{text:?}");
        }
    }
}
