//! The core's modules read top to bottom: each top-level module uses only
//! the modules declared above it in lib.rs, so the module graph has no
//! cycle and lib.rs lists the stages of the flow in order.
//!
//! The edges are read from the source: every `crate::name` path (in `use`
//! lines and inline) in a module's files, outside comments and `#[cfg(test)]`
//! code, where `name` is a top-level module or an item lib.rs re-exports
//! from one. A `pub use` marked `#[doc(hidden)]` keeps an old path working
//! and is not an edge.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level modules in lib.rs order, and the root re-exports
/// (`pub use module::{Item, …}`) as item → module.
fn declared() -> (Vec<String>, BTreeMap<String, String>) {
    let lib = fs::read_to_string(src().join("lib.rs")).unwrap();
    let mut modules = Vec::new();
    let mut reexports = BTreeMap::new();
    for line in lib.lines().map(str::trim) {
        let line = line.strip_prefix("pub ").unwrap_or(line);
        if let Some(name) = line.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            modules.push(name.to_string());
        } else if let Some(path) = line.strip_prefix("use ").and_then(|r| r.strip_suffix(';')) {
            let Some((module, items)) = path.split_once("::") else {
                continue;
            };
            let items = items.trim_start_matches('{').trim_end_matches('}');
            for item in items.split(',') {
                let item = item.trim();
                let name = item.rsplit(" as ").next().unwrap_or(item).trim();
                if !name.is_empty() {
                    reexports.insert(name.to_string(), module.to_string());
                }
            }
        }
    }
    (modules, reexports)
}

/// The files of a top-level module: `name.rs` and everything under `name/`.
fn files_of(name: &str) -> Vec<PathBuf> {
    let mut files = vec![src().join(format!("{name}.rs"))];
    let mut dirs = vec![src().join(name)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.retain(|f| f.exists());
    files
}

/// The code of a file that the library is built from: no comments, no
/// `#[cfg(test)]` module (which the files keep at their end), no
/// `#[doc(hidden)]` re-exports.
fn library_code(text: &str) -> String {
    let mut code = String::new();
    let mut hidden = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed == "#[cfg(test)]" {
            break;
        }
        if trimmed == "#[doc(hidden)]" {
            hidden = true;
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        if hidden && trimmed.starts_with("pub use ") {
            hidden = !trimmed.ends_with(';');
            continue;
        }
        if hidden && !trimmed.starts_with("pub ") && !trimmed.starts_with('#') {
            // The rest of a multi-line hidden `pub use`.
            hidden = !trimmed.ends_with(';');
            continue;
        }
        hidden = false;
        code.push_str(line.split(" //").next().unwrap_or(line));
        code.push('\n');
    }
    code
}

/// The first path segment of every `crate::…` path in `code`, including
/// each of a `crate::{a, b::c}` group.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `other_crate::`
        }
        let rest = &code[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            names.insert(ident(rest));
            continue;
        };
        // The group's items: split at its own commas, up to its closing brace.
        let (mut depth, mut start) = (0usize, 0usize);
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth > 0 => depth -= 1,
                ',' | '}' if depth == 0 => {
                    names.insert(ident(&group[start..i]));
                    start = i + 1;
                    if c == '}' {
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    names.remove("");
    names
}

/// Edges module → module it uses, from the source.
fn edges(modules: &[String], reexports: &BTreeMap<String, String>) -> BTreeSet<(String, String)> {
    let mut edges = BTreeSet::new();
    for module in modules {
        for file in files_of(module) {
            let code = library_code(&fs::read_to_string(&file).unwrap());
            for name in crate_paths(&code) {
                let target = if modules.contains(&name) {
                    Some(name)
                } else {
                    reexports.get(&name).cloned()
                };
                if let Some(target) = target.filter(|t| t != module) {
                    edges.insert((module.clone(), target));
                }
            }
        }
    }
    edges
}

#[test]
fn each_module_uses_only_the_modules_above_it() {
    let (modules, reexports) = declared();
    assert!(
        modules.len() > 10,
        "lib.rs declares the modules: {modules:?}"
    );
    let position = |m: &str| modules.iter().position(|n| n == m).unwrap();
    let upward: Vec<String> = edges(&modules, &reexports)
        .into_iter()
        .filter(|(from, to)| position(to) > position(from))
        .map(|(from, to)| format!("{from} uses {to}, declared below it"))
        .collect();
    assert!(
        upward.is_empty(),
        "the module graph must follow lib.rs's order (and so have no cycle):\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_module_graph_has_no_cycle() {
    let (modules, reexports) = declared();
    let edges = edges(&modules, &reexports);
    // Kahn's algorithm: a graph is acyclic iff every node can be removed
    // once nothing points at it.
    let mut left: BTreeSet<&String> = modules.iter().collect();
    loop {
        let free: Vec<&String> = left
            .iter()
            .copied()
            .filter(|m| {
                !edges
                    .iter()
                    .any(|(from, to)| to == *m && left.contains(from))
            })
            .collect();
        if free.is_empty() {
            break;
        }
        for m in free {
            left.remove(m);
        }
    }
    assert!(
        left.is_empty(),
        "a cycle runs through some of these modules (the rest are used by it): {left:?}"
    );
}

#[test]
fn the_reader_sees_edges_and_skips_tests_comments_and_old_paths() {
    let code = library_code(
        "use crate::a::X;\n// crate::b\n#[doc(hidden)]\npub use crate::c::Y;\nfn f() { crate::d::g(); }\n#[cfg(test)]\nmod tests { use crate::e; }\n",
    );
    let names = crate_paths(&code);
    assert_eq!(names, ["a", "d"].map(String::from).into());
    let grouped = crate_paths("use crate::{alpha, beta::Gamma};");
    assert_eq!(grouped, ["alpha", "beta"].map(String::from).into());
}

#[test]
fn the_vocabulary_is_a_leaf_and_prices_need_only_it() {
    let (modules, reexports) = declared();
    let edges = edges(&modules, &reexports);
    let uses = |m: &str| -> BTreeSet<&str> {
        edges
            .iter()
            .filter(|(from, _)| from == m)
            .map(|(_, to)| to.as_str())
            .collect()
    };
    assert!(uses("vocabulary").is_empty(), "{:?}", uses("vocabulary"));
    let basics: BTreeSet<&str> = ["error", "acu", "money", "vocabulary"].into();
    assert!(
        uses("prices").is_subset(&basics),
        "prices uses {:?}",
        uses("prices")
    );
}
