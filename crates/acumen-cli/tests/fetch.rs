//! `acumen prices fetch` against a local HTTP server started by each test,
//! serving the Price List fixtures of `tests/fixtures/pricelist/server/`
//! (an offer index, the AmazonRDS region index and two regional offer
//! files) at AWS's paths. Nothing here touches the network beyond
//! 127.0.0.1.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;

use common::{error, text};
use serde_json::Value;

const RDS: &str = "/offers/v1.0/aws/AmazonRDS";
const EU_OFFER: &str = "/offers/v1.0/aws/AmazonRDS/20261101000000/eu-central-1/index.json";
const US_OFFER: &str = "/offers/v1.0/aws/AmazonRDS/20261101000000/us-east-1/index.json";

/// A request as the server saw it.
#[derive(Clone, Debug)]
struct Seen {
    /// The request line, e.g. `GET /offers/v1.0/aws/index.json HTTP/1.1`.
    line: String,
    /// Header names in lower case, with their values.
    headers: HashMap<String, String>,
    /// The status answered.
    status: u16,
}

/// What a test changes in the server's behaviour.
#[derive(Clone, Default)]
struct Behaviour {
    /// Paths answered 404.
    missing: Vec<&'static str>,
    /// Paths whose body is cut to this many bytes, `Content-Length` still
    /// announcing the whole.
    cut: Vec<(&'static str, usize)>,
    /// Paths served from another file (relative to the fixtures, or
    /// absolute).
    replaced: Vec<(&'static str, String)>,
    /// Send `Last-Modified` only, no `ETag`.
    no_etag: bool,
}

/// A server on 127.0.0.1 (an ephemeral port) serving the fixture tree; it
/// also accepts `CONNECT` and then serves the tunnelled requests itself.
struct Server {
    port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    fn start(behaviour: Behaviour) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("address").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (log, behaviour) = (Arc::clone(&log), behaviour.clone());
                thread::spawn(move || serve(stream, &behaviour, &log));
            }
        });
        Server { port, seen }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("log").clone()
    }

    /// The request lines seen, in order.
    fn lines(&self) -> Vec<String> {
        self.seen().into_iter().map(|s| s.line).collect()
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pricelist")
}

/// Handles one connection: requests until the client is done (a CONNECT,
/// or a SOCKS5 greeting, is followed by the tunnelled request on the same
/// connection).
fn serve(stream: TcpStream, behaviour: &Behaviour, log: &Mutex<Vec<Seen>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut out = stream;
    if reader.fill_buf().is_ok_and(|b| b.first() == Some(&5)) {
        let Some(target) = socks5(&mut reader, &mut out) else {
            return;
        };
        log.lock().expect("log").push(Seen {
            line: format!("SOCKS5 CONNECT {target}"),
            headers: HashMap::new(),
            status: 0,
        });
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let line = line.trim_end().to_string();
        let mut headers = HashMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim_end().is_empty() {
                break;
            }
            if let Some((k, v)) = h.trim_end().split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        if line.starts_with("CONNECT ") {
            log.lock().expect("log").push(Seen {
                line,
                headers,
                status: 200,
            });
            let _ = out.write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n");
            continue;
        }
        let mut reply = Vec::new();
        let status = respond(&line, &headers, behaviour, &mut reply);
        // Logged before the reply goes out: a client that has its answer
        // always finds its request in the log.
        log.lock().expect("log").push(Seen {
            line,
            headers,
            status,
        });
        let _ = out.write_all(&reply);
        return;
    }
}

/// A SOCKS5 handshake (no authentication) and CONNECT request, granted;
/// returns the `host:port` asked for.
fn socks5(reader: &mut BufReader<TcpStream>, out: &mut TcpStream) -> Option<String> {
    let mut byte = |n: usize| -> Option<Vec<u8>> {
        let mut b = vec![0u8; n];
        std::io::Read::read_exact(reader, &mut b).ok()?;
        Some(b)
    };
    let greeting = byte(2)?;
    byte(usize::from(greeting[1]))?;
    out.write_all(&[5, 0]).ok()?;
    let request = byte(4)?;
    let host = match request[3] {
        1 => byte(4)?
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join("."),
        3 => {
            let len = byte(1)?[0];
            String::from_utf8(byte(usize::from(len))?).ok()?
        }
        _ => return None,
    };
    let port = byte(2)?;
    out.write_all(&[5, 0, 0, 1, 127, 0, 0, 1, 0, 0]).ok()?;
    Some(format!("{host}:{}", u16::from_be_bytes([port[0], port[1]])))
}

/// Writes the answer to one GET from the fixture tree into `out`; returns
/// its status.
fn respond(
    line: &str,
    headers: &HashMap<String, String>,
    behaviour: &Behaviour,
    out: &mut Vec<u8>,
) -> u16 {
    let target = line.split(' ').nth(1).unwrap_or("/");
    // A request through a proxy may carry an absolute URI.
    let path = match target.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => target,
    };
    let file = behaviour
        .replaced
        .iter()
        .find(|(p, _)| *p == path)
        .map_or_else(
            || fixtures().join("server").join(path.trim_start_matches('/')),
            |(_, f)| fixtures().join(f),
        );
    let body = match std::fs::read(&file) {
        Ok(body) if !behaviour.missing.contains(&path) => body,
        _ => {
            let body = b"<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code></Error>";
            let _ = write!(
                out,
                "HTTP/1.1 404 Not Found\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = out.write_all(body);
            return 404;
        }
    };
    let etag = format!("\"{:016x}\"", fnv(&body));
    let modified = "Sun, 01 Nov 2026 00:00:00 GMT";
    let fresh = if behaviour.no_etag {
        headers.get("if-modified-since").map(String::as_str) == Some(modified)
    } else {
        headers.get("if-none-match") == Some(&etag)
    };
    let validators = if behaviour.no_etag {
        format!("Last-Modified: {modified}\r\n")
    } else {
        format!("ETag: {etag}\r\nLast-Modified: {modified}\r\n")
    };
    if fresh {
        let _ = write!(
            out,
            "HTTP/1.1 304 Not Modified\r\n{validators}Connection: close\r\n\r\n"
        );
        return 304;
    }
    let _ = write!(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{validators}Connection: close\r\n\r\n",
        body.len()
    );
    let sent = behaviour
        .cut
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(body.len(), |(_, n)| *n);
    let _ = out.write_all(&body[..sent]);
    200
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// A fresh folder for one test's cache and output.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("acumen-fetch-t-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Runs `acumen args…` with no proxy settings but those in `env`.
fn acumen(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_acumen"));
    for name in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ] {
        command.env_remove(name);
    }
    command
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("acumen runs")
}

/// `acumen prices fetch` against `server` with a cache in `dir`, and more.
fn fetch(server: &Server, dir: &Path, more: &[&str]) -> Output {
    let cache = dir.join("cache");
    let endpoint = server.url();
    let mut args = vec![
        "prices",
        "fetch",
        "--endpoint",
        endpoint.as_str(),
        "--cache-dir",
        cache.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(more);
    acumen(&args, &[])
}

fn book_at(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("book written")).expect("JSON book")
}

fn entry<'a>(book: &'a Value, region: &str, item: &str, engine: Option<&str>) -> &'a Value {
    book["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| {
            e["region"] == region && e["item"] == item && engine.is_none_or(|en| e["engine"] == en)
        })
        .unwrap_or_else(|| panic!("{region} {item} {engine:?} in {book:#}"))
}

#[test]
fn one_region_walks_the_indexes_and_prices_an_estimate() {
    let server = Server::start(Behaviour::default());
    let dir = scratch("one");
    let out_path = dir.join("book.json");
    let out = fetch(
        &server,
        &dir,
        &[
            "--region",
            "eu-central-1",
            "-o",
            out_path.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    // The documented walk: offer index, region index, the region's offer.
    assert_eq!(
        server.lines(),
        vec![
            String::from("GET /offers/v1.0/aws/index.json HTTP/1.1"),
            format!("GET {RDS}/current/region_index.json HTTP/1.1"),
            format!("GET {EU_OFFER} HTTP/1.1"),
        ]
    );
    let book = book_at(&out_path);
    assert_eq!(book["name"], "AWS Price List (AmazonRDS)");
    assert_eq!(book["asOf"], "2026-11-01");
    assert_eq!(
        book["source"],
        format!(
            "offer AmazonRDS version 20261101000000, regional files for eu-central-1 from {}",
            server.url()
        )
    );
    let acu = entry(
        &book,
        "eu-central-1",
        "serverlessStandard",
        Some("aurora-mysql"),
    );
    assert_eq!(acu["priceNanoUsd"], 140_000_000);
    assert_eq!(acu["sku"], "B5FEK9D2M6WX3C8R");
    assert_eq!(
        entry(&book, "eu-central-1", "snapshotExport", None)["sku"],
        "V8QK2MZ7D4HW9BTC"
    );
    assert_eq!(book["entries"].as_array().map(Vec::len), Some(10));
    assert_eq!(book["instanceClasses"].as_array().map(Vec::len), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "imported 10 prices, 2 instance classes and 7 Reserved terms for eu-central-1 from {}{EU_OFFER} (AmazonRDS version 20261101000000, published 2026-11-01)\n",
            server.url()
        )),
        "{stderr}"
    );
    // The book prices an estimate in Frankfurt: $0.14 per ACU-hour.
    let estimate = acumen(
        &[
            "estimate",
            "--region",
            "eu-central-1",
            "--prices",
            out_path.to_str().expect("utf-8"),
            "--format",
            "json",
        ],
        &[],
    );
    let report: Value = serde_json::from_slice(&estimate.stdout)
        .unwrap_or_else(|_| panic!("{}", text(&estimate.stderr)));
    let writer = &report["lines"][0];
    assert_eq!(writer["unitPriceNanoUsd"], 140_000_000, "{writer:#}");
    assert_eq!(writer["price"]["asOf"], "2026-11-01");
}

#[test]
fn two_regions_make_one_book() {
    let server = Server::start(Behaviour::default());
    let dir = scratch("two");
    let out = fetch(
        &server,
        &dir,
        &["--region", "us-east-1", "--region", "eu-central-1"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let book: Value = serde_json::from_slice(&out.stdout).expect("book on stdout");
    // Regions in order, each offer downloaded once.
    let lines = server.lines();
    assert_eq!(lines[2], format!("GET {EU_OFFER} HTTP/1.1"));
    assert_eq!(lines[3], format!("GET {US_OFFER} HTTP/1.1"));
    assert_eq!(lines.len(), 4);
    assert_eq!(
        book["source"],
        format!(
            "offer AmazonRDS version 20261101000000, regional files for eu-central-1, us-east-1 from {}",
            server.url()
        )
    );
    assert_eq!(book["entries"].as_array().map(Vec::len), Some(19));
    assert_eq!(book["instanceClasses"].as_array().map(Vec::len), Some(4));
    let us = entry(
        &book,
        "us-east-1",
        "serverlessStandard",
        Some("aurora-postgresql"),
    );
    assert_eq!(
        (us["priceNanoUsd"].as_i64(), us["sku"].as_str()),
        (Some(120_000_000), Some("Q2V7KJZ4H8MNP3TA"))
    );
    let eu = entry(&book, "eu-central-1", "ioRequests", None);
    assert_eq!(eu["priceNanoUsd"], 220_000_000);
    let stderr = text(&out.stderr);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("imported "))
            .count(),
        2,
        "{stderr}"
    );
    // --all fetches the same two regions.
    let all = fetch(&server, &dir, &["--all"]);
    assert!(all.status.success(), "{}", text(&all.stderr));
    assert_eq!(
        serde_json::from_slice::<Value>(&all.stdout).expect("book"),
        book
    );
}

#[test]
fn offers_of_different_dates_make_a_book_dated_the_earliest() {
    let dir = scratch("dates");
    let later = dir.join("us-east-1-later.json");
    let offer = std::fs::read_to_string(fixtures().join("us-east-1.json")).expect("fixture");
    let offer = offer
        .replace("\"20261101000000\"", "\"20261102000000\"")
        .replace(
            "\"publicationDate\" : \"2026-11-01T00:00:00Z\"",
            "\"publicationDate\" : \"2026-11-02T00:00:00Z\"",
        );
    std::fs::write(&later, offer).expect("later offer");
    let server = Server::start(Behaviour {
        replaced: vec![(US_OFFER, later.display().to_string())],
        ..Behaviour::default()
    });
    let out = fetch(&server, &dir, &["--all"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let book: Value = serde_json::from_slice(&out.stdout).expect("book");
    assert_eq!(book["asOf"], "2026-11-01");
    assert_eq!(
        book["source"],
        format!(
            "offer AmazonRDS, regional files from {}: eu-central-1 version 20261101000000, us-east-1 version 20261102000000",
            server.url()
        )
    );
    assert_eq!(
        book["notes"][0],
        "the offers were published on different dates (eu-central-1 2026-11-01, us-east-1 2026-11-02); the book is dated the earliest"
    );
}

#[test]
fn all_skips_a_region_without_aurora_which_asked_for_is_an_error() {
    let server = Server::start(Behaviour {
        replaced: vec![(EU_OFFER, String::from("no-aurora.json"))],
        ..Behaviour::default()
    });
    let dir = scratch("noaurora");
    let out = fetch(&server, &dir, &["--all"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let book: Value = serde_json::from_slice(&out.stdout).expect("book");
    let regions: Vec<&Value> = book["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["region"])
        .collect();
    assert!(regions.iter().all(|r| *r == "us-east-1"), "{regions:?}");
    let notes = book["notes"].as_array().expect("notes");
    assert_eq!(
        notes.last(),
        Some(&Value::from(
            "eu-central-1: no Aurora prices in its offer; skipped"
        ))
    );
    let asked = fetch(&server, &dir, &["--region", "eu-central-1"]);
    assert_eq!(
        error(&asked, 1),
        format!(
            "error: {}{EU_OFFER}: no Aurora prices for region \"eu-central-1\" in its offer",
            server.url()
        )
    );
}

#[test]
fn a_404_names_the_url_and_the_status_and_writes_nothing() {
    let server = Server::start(Behaviour {
        missing: vec![EU_OFFER],
        ..Behaviour::default()
    });
    let dir = scratch("404");
    let out_path = dir.join("book.json");
    let out = fetch(
        &server,
        &dir,
        &[
            "--region",
            "us-east-1",
            "--region",
            "eu-central-1",
            "-o",
            out_path.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(
        error(&out, 3),
        format!(
            "error: {}{EU_OFFER}: the server answered 404 Not Found: <?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code></Error>",
            server.url()
        )
    );
    assert!(
        !out_path.exists(),
        "a failed fetch wrote {}",
        out_path.display()
    );
    assert_eq!(
        std::fs::read_dir(&dir).expect("dir").count(),
        1,
        "only the cache"
    );
    // An output that cannot be written: named, and no temporary file left.
    let nowhere = dir.join("missing/book.json");
    let out = fetch(
        &server,
        &dir,
        &[
            "--region",
            "us-east-1",
            "-o",
            nowhere.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(
        error(&out, 3),
        format!(
            "error: {}: No such file or directory (os error 2)",
            nowhere.display()
        )
    );
    assert_eq!(
        std::fs::read_dir(&dir).expect("dir").count(),
        1,
        "only the cache"
    );
}

#[test]
fn a_body_shorter_than_its_content_length_is_an_error() {
    let server = Server::start(Behaviour {
        cut: vec![(US_OFFER, 5000)],
        ..Behaviour::default()
    });
    let dir = scratch("short");
    let out_path = dir.join("book.json");
    let out = fetch(
        &server,
        &dir,
        &[
            "--region",
            "us-east-1",
            "-o",
            out_path.to_str().expect("utf-8"),
        ],
    );
    let message = error(&out, 3);
    let size = std::fs::metadata(fixtures().join("us-east-1.json"))
        .expect("fixture")
        .len();
    assert!(
        message.starts_with(&format!(
            "error: {}{US_OFFER}: the download ended early: 5000 of {size} bytes (Content-Length)",
            server.url()
        )),
        "{message}"
    );
    assert!(!out_path.exists());
    // Nothing of it is kept in the cache, not even a partial file.
    let cached = dir.join(format!(
        "cache/127.0.0.1_{}/offers/v1.0/aws/AmazonRDS/version/us-east-1",
        server.port
    ));
    let left: Vec<_> = std::fs::read_dir(&cached)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn json_that_ends_early_is_an_error_naming_the_url() {
    let server = Server::start(Behaviour {
        replaced: vec![(US_OFFER, String::from("truncated.json"))],
        ..Behaviour::default()
    });
    let dir = scratch("eof");
    let out_path = dir.join("book.json");
    let out = fetch(
        &server,
        &dir,
        &[
            "--region",
            "us-east-1",
            "-o",
            out_path.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(
        error(&out, 1),
        format!(
            "error: {}{US_OFFER}:567: terms.Reserved.C8KD4TW2M7QX9BNF.C8KD4TW2M7QX9BNF.4NA7Y494T4.effectiveDate: EOF while parsing a string",
            server.url()
        )
    );
    assert!(!out_path.exists());
    // The unreadable offer is not kept: the next fetch downloads it again.
    let again = fetch(&server, &dir, &["--region", "us-east-1"]);
    assert_eq!(again.status.code(), Some(1));
    let offers: Vec<Seen> = server
        .seen()
        .into_iter()
        .filter(|s| s.line.contains(US_OFFER))
        .collect();
    assert_eq!(offers.len(), 2);
    assert!(
        !offers[1].headers.contains_key("if-none-match"),
        "{offers:?}"
    );
}

#[test]
fn a_second_fetch_revalidates_the_cache_by_etag() {
    let server = Server::start(Behaviour::default());
    let dir = scratch("etag");
    let first = fetch(&server, &dir, &["--region", "eu-central-1"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let second = fetch(&server, &dir, &["--region", "eu-central-1"]);
    assert!(second.status.success(), "{}", text(&second.stderr));
    assert_eq!(first.stdout, second.stdout, "the same book from the cache");
    let seen = server.seen();
    assert_eq!(seen.len(), 6);
    // The first three downloaded; the second three asked with the ETag
    // they got and were answered 304.
    assert!(
        seen[..3]
            .iter()
            .all(|s| s.status == 200 && !s.headers.contains_key("if-none-match"))
    );
    for s in &seen[3..] {
        assert_eq!(s.status, 304, "{s:?}");
        assert!(s.headers["if-none-match"].starts_with('"'), "{s:?}");
        assert_eq!(
            s.headers["if-modified-since"],
            "Sun, 01 Nov 2026 00:00:00 GMT"
        );
    }
    assert!(
        text(&second.stderr)
            .lines()
            .next()
            .is_some_and(|l| l.ends_with("[cached copy still current]")),
        "{}",
        text(&second.stderr)
    );
    // The cache keeps one file per region, whatever the offer's version.
    let cached = dir.join(format!(
        "cache/127.0.0.1_{}/offers/v1.0/aws/AmazonRDS/version/eu-central-1/index.json",
        server.port
    ));
    assert_eq!(
        std::fs::read(&cached).expect("cached offer"),
        std::fs::read(fixtures().join("eu-central-1.json")).expect("fixture")
    );
}

#[test]
fn a_second_fetch_revalidates_by_last_modified_without_an_etag() {
    let server = Server::start(Behaviour {
        no_etag: true,
        ..Behaviour::default()
    });
    let dir = scratch("modified");
    assert!(
        fetch(&server, &dir, &["--region", "us-east-1"])
            .status
            .success()
    );
    let second = fetch(&server, &dir, &["--region", "us-east-1"]);
    assert!(second.status.success(), "{}", text(&second.stderr));
    let seen = server.seen();
    assert_eq!(
        seen.iter().map(|s| s.status).collect::<Vec<_>>(),
        [200, 200, 200, 304, 304, 304]
    );
    assert!(
        seen[3..]
            .iter()
            .all(|s| !s.headers.contains_key("if-none-match"))
    );
}

#[test]
fn no_cache_downloads_afresh_and_keeps_nothing() {
    let server = Server::start(Behaviour::default());
    let dir = scratch("nocache");
    let home = dir.join("home");
    let endpoint = server.url();
    let args = [
        "prices",
        "fetch",
        "--region",
        "us-east-1",
        "--endpoint",
        endpoint.as_str(),
        "--no-cache",
    ];
    let env = [("XDG_CACHE_HOME", home.to_str().expect("utf-8"))];
    for _ in 0..2 {
        let out = acumen(&args, &env);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    assert!(
        server
            .seen()
            .iter()
            .all(|s| s.status == 200 && !s.headers.contains_key("if-none-match"))
    );
    assert!(!home.exists());
    // Without --no-cache the cache goes under XDG_CACHE_HOME/acumen.
    let out = acumen(&args[..6], &env);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        home.join(format!(
            "acumen/127.0.0.1_{}/offers/v1.0/aws/index.json",
            server.port
        ))
        .is_file()
    );
}

#[test]
fn http_proxy_carries_every_request() {
    // The origin is a closed port: only the proxy can answer.
    let closed = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port();
    let proxy = Server::start(Behaviour::default());
    let dir = scratch("proxy");
    let endpoint = format!("http://127.0.0.1:{closed}");
    let cache = dir.join("cache");
    let proxy_url = proxy.url();
    let out = acumen(
        &[
            "prices",
            "fetch",
            "--region",
            "eu-central-1",
            "--endpoint",
            &endpoint,
            "--cache-dir",
            cache.to_str().expect("utf-8"),
        ],
        &[("HTTP_PROXY", proxy_url.as_str())],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let book: Value = serde_json::from_slice(&out.stdout).expect("book");
    assert_eq!(
        entry(&book, "eu-central-1", "backup", None)["priceNanoUsd"],
        23_000_000
    );
    // Each request asked the proxy for a tunnel to the origin, then went
    // through it.
    let connect = format!("CONNECT 127.0.0.1:{closed} HTTP/1.1");
    assert_eq!(
        proxy.lines(),
        vec![
            connect.clone(),
            String::from("GET /offers/v1.0/aws/index.json HTTP/1.1"),
            connect.clone(),
            format!("GET {RDS}/current/region_index.json HTTP/1.1"),
            connect,
            format!("GET {EU_OFFER} HTTP/1.1"),
        ]
    );
    assert_eq!(
        proxy.seen()[1].headers["host"],
        format!("127.0.0.1:{closed}")
    );
    // NO_PROXY lists the host: straight to the server, the proxy unused.
    let server = Server::start(Behaviour::default());
    let endpoint = server.url();
    let out = acumen(
        &[
            "prices",
            "fetch",
            "--region",
            "us-east-1",
            "--endpoint",
            &endpoint,
            "--no-cache",
        ],
        &[
            ("HTTP_PROXY", proxy_url.as_str()),
            ("NO_PROXY", "localhost,127.0.0.1"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(server.lines().len(), 3);
    assert_eq!(proxy.lines().len(), 6);
}

#[test]
fn a_socks_proxy_from_all_proxy_carries_every_request() {
    let closed = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port();
    let proxy = Server::start(Behaviour::default());
    let endpoint = format!("http://127.0.0.1:{closed}");
    let socks = format!("socks5://127.0.0.1:{}", proxy.port);
    let out = acumen(
        &[
            "prices",
            "fetch",
            "--region",
            "us-east-1",
            "--endpoint",
            &endpoint,
            "--no-cache",
        ],
        &[("ALL_PROXY", socks.as_str())],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = proxy.lines();
    assert_eq!(lines.len(), 6, "{lines:?}");
    assert_eq!(lines[0], format!("SOCKS5 CONNECT 127.0.0.1:{closed}"));
    assert_eq!(lines[5], format!("GET {US_OFFER} HTTP/1.1"));
}

#[test]
fn output_that_is_not_a_file_is_written_to_directly() {
    // A named pipe (as `-o /dev/stdout` may be): written, not replaced.
    let server = Server::start(Behaviour::default());
    let dir = scratch("fifo");
    let fifo = dir.join("book.fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        thread::spawn(move || std::fs::read_to_string(fifo).expect("read the pipe"))
    };
    let out = fetch(
        &server,
        &dir,
        &["--region", "us-east-1", "-o", fifo.to_str().expect("utf-8")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let book: Value = serde_json::from_str(&reader.join().expect("reader")).expect("book");
    assert_eq!(book["entries"].as_array().map(Vec::len), Some(9));
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(!kind.is_file(), "the pipe was replaced by a file");
}

#[test]
fn regions_must_be_in_the_index() {
    let server = Server::start(Behaviour::default());
    let dir = scratch("unknown");
    let out = fetch(
        &server,
        &dir,
        &["--region", "eu-central-1", "--region", "xx-nowhere-1"],
    );
    assert_eq!(
        error(&out, 1),
        format!(
            "error: --region: the AmazonRDS region index {}{RDS}/current/region_index.json has no region \"xx-nowhere-1\" (it lists eu-central-1, us-east-1)",
            server.url()
        )
    );
    // Nothing but the two indexes was downloaded.
    assert_eq!(server.lines().len(), 2);
    let refused = acumen(&["prices", "fetch"], &[]);
    assert_eq!(refused.status.code(), Some(2));
    let unreachable = acumen(
        &[
            "prices",
            "fetch",
            "--all",
            "--no-cache",
            "--endpoint",
            "ftp://example.invalid",
        ],
        &[],
    );
    assert_eq!(
        error(&unreachable, 1),
        "error: --endpoint: expected an http:// or https:// URL, got \"ftp://example.invalid\""
    );
}

#[test]
fn a_server_that_is_down_is_named() {
    let closed = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port();
    let endpoint = format!("http://127.0.0.1:{closed}");
    let out = acumen(
        &[
            "prices",
            "fetch",
            "--all",
            "--no-cache",
            "--endpoint",
            &endpoint,
        ],
        &[],
    );
    let message = error(&out, 3);
    assert!(
        message.starts_with(&format!("error: {endpoint}/offers/v1.0/aws/index.json: ")),
        "{message}"
    );
}
