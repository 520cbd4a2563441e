//! `acumen prices fetch`: AWS's Price List for AmazonRDS, downloaded and
//! imported into one price book.
//!
//! The walk is AWS's documented one for the bulk files: the offer index
//! (`/offers/v1.0/aws/index.json`) names the AmazonRDS region index
//! (`offers.AmazonRDS.currentRegionIndexUrl`), whose `regions` map gives each
//! region's current offer file (`currentVersionUrl`). Each regional file is
//! downloaded to a file (see [`crate::download`]) and streamed through the
//! same import as `acumen prices import`; the books are joined into one.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use acumen::prices::PriceBook;
use clap::Args;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::download::{Downloader, Failed};
use crate::pricelist::{self, BOOK_NAME, Imported};

/// Where AWS publishes its Price List files.
pub const AWS_ENDPOINT: &str = "https://pricing.us-east-1.amazonaws.com";
/// The offer index, below the endpoint.
const OFFER_INDEX: &str = "/offers/v1.0/aws/index.json";

// The options of `acumen prices fetch` (its help text is the variant's).
#[derive(Args, Debug)]
pub struct FetchArgs {
    /// A region to fetch, e.g. `eu-central-1` (repeat for several).
    #[arg(
        long = "region",
        value_name = "REGION",
        required_unless_present = "all"
    )]
    pub regions: Vec<String>,
    /// Every region of the AmazonRDS region index.
    #[arg(long, conflicts_with = "regions")]
    pub all: bool,
    /// Where to write the book (default: standard output). Written only
    /// when every download and import succeeded.
    #[arg(long, short, value_name = "BOOK")]
    pub output: Option<PathBuf>,
    /// The Price List host, in place of AWS's.
    #[arg(long, value_name = "URL", default_value = AWS_ENDPOINT)]
    pub endpoint: String,
    /// The download cache (default: $XDG_CACHE_HOME/acumen, else
    /// ~/.cache/acumen).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Download everything afresh, and keep nothing.
    #[arg(long, conflicts_with = "cache_dir")]
    pub no_cache: bool,
}

impl FetchArgs {
    /// The cache folder to use, if any.
    pub fn cache(&self) -> Option<PathBuf> {
        if self.no_cache {
            return None;
        }
        if let Some(dir) = &self.cache_dir {
            return Some(dir.clone());
        }
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        var("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| var("HOME").map(|h| Path::new(&h).join(".cache")))
            .map(|base| base.join("acumen"))
    }
}

/// Why a fetch failed.
pub enum Failure {
    /// A download failed, or a local file could not be written.
    Download(String),
    /// What was downloaded is not what the Price List should hold.
    Invalid(String),
}

impl From<Failed> for Failure {
    fn from(f: Failed) -> Failure {
        Failure::Download(f.message().to_string())
    }
}

/// The fetched book and what to tell the user.
pub struct Fetched {
    /// One book for every region fetched.
    pub book: PriceBook,
    /// One line per region: what was imported, and whether it was cached.
    pub summaries: Vec<String>,
}

#[derive(Deserialize)]
struct OfferIndex {
    offers: BTreeMap<String, OfferRef>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OfferRef {
    #[serde(default)]
    current_region_index_url: Option<String>,
}

#[derive(Deserialize)]
struct RegionIndex {
    regions: BTreeMap<String, RegionRef>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RegionRef {
    current_version_url: String,
}

/// Downloads and imports the regions `args` asks for.
pub fn fetch(args: &FetchArgs) -> Result<Fetched, Failure> {
    let mut downloader = Downloader::new(args.cache());
    let endpoint = args.endpoint.trim_end_matches('/');
    if !(endpoint.starts_with("https://") || endpoint.starts_with("http://")) {
        return Err(Failure::Invalid(format!(
            "--endpoint: expected an http:// or https:// URL, got {:?}",
            args.endpoint
        )));
    }
    let index_url = format!("{endpoint}{OFFER_INDEX}");
    let index: OfferIndex = read_json(&mut downloader, &index_url, "the offer index")?;
    let path = index
        .offers
        .get("AmazonRDS")
        .and_then(|o| o.current_region_index_url.as_deref())
        .ok_or_else(|| {
            Failure::Invalid(format!(
                "{index_url}: offers.AmazonRDS.currentRegionIndexUrl: missing (the offer index has no AmazonRDS region index)"
            ))
        })?;
    let region_index_url = join(endpoint, path);
    let index: RegionIndex = read_json(
        &mut downloader,
        &region_index_url,
        "the AmazonRDS region index",
    )?;
    let chosen = choose(&index, args, &region_index_url)?;
    let mut imported = Vec::new();
    let mut summaries = Vec::new();
    let mut skipped = Vec::new();
    for (region, path) in chosen {
        let url = join(endpoint, &path);
        match import_region(&mut downloader, &region, &url)? {
            Some((one, cached)) => {
                summaries.push(format!("{}{cached}", one.summary));
                imported.push(one);
            }
            // Only with --all: a region whose offer has no Aurora product.
            None if args.all => skipped.push(region),
            None => {
                return Err(Failure::Invalid(format!(
                    "{url}: no Aurora prices for region {region:?} in its offer"
                )));
            }
        }
    }
    let book = join_books(imported, endpoint, &skipped)?;
    Ok(Fetched { book, summaries })
}

/// `path` (absolute, or relative to the endpoint) as a URL.
fn join(endpoint: &str, path: &str) -> String {
    if path.starts_with("https://") || path.starts_with("http://") {
        path.to_string()
    } else if path.starts_with('/') {
        format!("{endpoint}{path}")
    } else {
        format!("{endpoint}/{path}")
    }
}

/// Downloads a small JSON index and reads it.
fn read_json<T: DeserializeOwned>(
    downloader: &mut Downloader,
    url: &str,
    what: &str,
) -> Result<T, Failure> {
    let file = downloader.get(url, what)?;
    let reader = File::open(&file.path)
        .map_err(|e| Failure::Download(format!("{}: {e}", file.path.display())))?;
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader));
    let (path, error) = match serde_path_to_error::deserialize(&mut de) {
        Ok(value) => match de.end() {
            Ok(()) => return Ok(value),
            Err(e) => (String::from("."), e),
        },
        Err(e) => (e.path().to_string(), e.into_inner()),
    };
    downloader.forget(url);
    let text = error.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m);
    let line = error.line();
    Err(Failure::Invalid(if path == "." {
        format!("{url}:{line}: {message} (expected {what})")
    } else {
        format!("{url}:{line}: {path}: {message} (expected {what})")
    }))
}

/// The regions to fetch, each with its offer's path, in region order.
fn choose(
    index: &RegionIndex,
    args: &FetchArgs,
    url: &str,
) -> Result<Vec<(String, String)>, Failure> {
    if args.all {
        return Ok(index
            .regions
            .iter()
            .map(|(r, e)| (r.clone(), e.current_version_url.clone()))
            .collect());
    }
    let mut chosen: Vec<(String, String)> = Vec::new();
    for region in &args.regions {
        let Some(entry) = index.regions.get(region) else {
            let known: Vec<&str> = index.regions.keys().map(String::as_str).collect();
            return Err(Failure::Invalid(format!(
                "--region: the AmazonRDS region index {url} has no region {region:?} (it lists {})",
                known.join(", ")
            )));
        };
        if !chosen.iter().any(|(r, _)| r == region) {
            chosen.push((region.clone(), entry.current_version_url.clone()));
        }
    }
    chosen.sort();
    Ok(chosen)
}

/// Downloads one region's offer and imports it; `None` if it has no
/// Aurora price. The second value says whether the cached copy was used.
fn import_region(
    downloader: &mut Downloader,
    region: &str,
    url: &str,
) -> Result<Option<(Imported, &'static str)>, Failure> {
    let file = downloader.get(url, &format!("{region} offer"))?;
    let reader = File::open(&file.path)
        .map_err(|e| Failure::Download(format!("{}: {e}", file.path.display())))?;
    let options = pricelist::Options {
        region: Some(region),
    };
    let cached = if file.revalidated {
        " [cached copy still current]"
    } else {
        ""
    };
    match pricelist::import_from(reader, file.size, url, url, &options) {
        Ok(imported) => Ok(Some((imported, cached))),
        // The import's words for an offer without Aurora products.
        Err(pricelist::Failure::Invalid(m)) if m.contains(": no Aurora prices ") => Ok(None),
        Err(failure) => {
            // Never keep an unreadable offer: the next fetch downloads it again.
            downloader.forget(url);
            Err(match failure {
                pricelist::Failure::Io(m) => Failure::Download(m),
                pricelist::Failure::Invalid(m) => Failure::Invalid(m),
            })
        }
    }
}

/// One book of the regions' books: dated with the earliest publication
/// date, its source naming each offer version.
fn join_books(
    imported: Vec<Imported>,
    endpoint: &str,
    skipped: &[String],
) -> Result<PriceBook, Failure> {
    let mut book = PriceBook {
        name: String::from(BOOK_NAME),
        ..PriceBook::default()
    };
    let regions = |i: &Imported| {
        let mut r: Vec<&str> = i.book.entries.iter().map(|e| e.region.as_str()).collect();
        r.extend(i.book.instance_classes.iter().map(|c| c.region.as_str()));
        r.sort_unstable();
        r.dedup();
        r.join(", ")
    };
    let mut versions: Vec<String> = imported.iter().map(|i| i.version.clone()).collect();
    versions.dedup();
    let parts: Vec<String> = imported.iter().map(regions).collect();
    book.source = match versions.as_slice() {
        [one] => format!(
            "offer AmazonRDS version {one}, regional files for {} from {endpoint}",
            parts.join(", ")
        ),
        _ => format!(
            "offer AmazonRDS, regional files from {endpoint}: {}",
            imported
                .iter()
                .zip(&parts)
                .map(|(i, r)| format!("{r} version {}", i.version))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let dates: Vec<(String, String)> = imported
        .iter()
        .zip(&parts)
        .map(|(i, r)| (r.clone(), i.book.as_of.clone()))
        .collect();
    book.as_of = dates
        .iter()
        .map(|(_, d)| d.clone())
        .min()
        .unwrap_or_default();
    if dates.iter().any(|(_, d)| *d != book.as_of) {
        let list: Vec<String> = dates.iter().map(|(r, d)| format!("{r} {d}")).collect();
        book.notes.push(format!(
            "the offers were published on different dates ({}); the book is dated the earliest",
            list.join(", ")
        ));
    }
    for one in imported {
        book.entries.extend(one.book.entries);
        book.instance_classes.extend(one.book.instance_classes);
        book.notes.extend(one.book.notes);
    }
    for region in skipped {
        book.notes
            .push(format!("{region}: no Aurora prices in its offer; skipped"));
    }
    if book.entries.is_empty() && book.instance_classes.is_empty() {
        return Err(Failure::Invalid(String::from(
            "no Aurora prices in any region's offer",
        )));
    }
    book.validate()
        .map_err(|e| Failure::Invalid(format!("the prices read do not make a valid book: {e}")))?;
    Ok(book)
}

/// Writes `text` to `path` whole or not at all: a temporary file beside
/// it, renamed over it. Something that is not a file (`/dev/stdout`, a
/// pipe) is written to directly.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| String::from("book.json"));
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = File::create(&temporary).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&temporary, path));
    renamed.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("{}: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_the_endpoint() {
        let e = "http://127.0.0.1:8080";
        assert_eq!(
            join(e, "/offers/v1.0/aws/AmazonRDS/current/region_index.json"),
            "http://127.0.0.1:8080/offers/v1.0/aws/AmazonRDS/current/region_index.json"
        );
        assert_eq!(
            join(e, "x/index.json"),
            "http://127.0.0.1:8080/x/index.json"
        );
        assert_eq!(join(e, "https://h/x.json"), "https://h/x.json");
    }

    #[test]
    fn the_cache_defaults_to_the_user_cache_folder() {
        let args = |no_cache: bool, dir: Option<&str>| FetchArgs {
            regions: vec![],
            all: true,
            output: None,
            endpoint: AWS_ENDPOINT.to_string(),
            cache_dir: dir.map(PathBuf::from),
            no_cache,
        };
        assert_eq!(args(true, None).cache(), None);
        assert_eq!(args(false, Some("/c")).cache(), Some(PathBuf::from("/c")));
        // The default depends on the environment: it ends in `acumen`.
        if let Some(dir) = args(false, None).cache() {
            assert!(dir.ends_with("acumen"), "{}", dir.display());
        }
    }
}
