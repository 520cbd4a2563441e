//! Downloads for `acumen prices fetch`: HTTP(S) GETs to a file, with a cache
//! revalidated by ETag or Last-Modified, proxies from the environment and a
//! progress bar.
//!
//! Every body goes to a file first (in the cache, or a temporary file with
//! `--no-cache`) and is counted against its `Content-Length`, so a large
//! offer is never held in memory and a cut-off download is never used nor
//! cached.
//!
//! Proxies: an `https://` URL goes through `HTTPS_PROXY` (or `https_proxy`,
//! then `ALL_PROXY`), an `http://` one through `HTTP_PROXY` (or `http_proxy`,
//! then `ALL_PROXY`), unless its host is listed in `NO_PROXY`. The client
//! reaches the server through an HTTP proxy with a `CONNECT` tunnel.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ureq::Agent;
use ureq::http::{Response, StatusCode};

use crate::progress::Progress;

/// Why a download failed; the message names the URL.
#[derive(Debug)]
pub enum Failed {
    /// The server could not be reached, answered with an error status, or
    /// the body was cut short.
    Http(String),
    /// A local file (cache or temporary) could not be written.
    Io(String),
}

impl Failed {
    /// The one-line message.
    pub fn message(&self) -> &str {
        match self {
            Failed::Http(m) | Failed::Io(m) => m,
        }
    }
}

/// A downloaded body, in a file.
pub struct Downloaded {
    /// Where the body is.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// The cached copy was still current (the server answered 304).
    pub revalidated: bool,
    /// A temporary file, removed when this is dropped (`--no-cache`).
    temporary: bool,
}

impl Drop for Downloaded {
    fn drop(&mut self) {
        if self.temporary {
            // A leftover temporary file is harmless; nothing to report.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// What the cache remembers of a URL, beside the body.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Meta {
    url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
}

/// Downloads URLs, through the cache when there is one.
pub struct Downloader {
    cache: Option<PathBuf>,
    /// One client per proxy (none, or a proxy URL), made when first needed.
    agents: Vec<(Option<String>, Agent)>,
    /// Temporary files made so far (their names must differ).
    temporaries: u32,
}

impl Downloader {
    /// A downloader caching under `cache` (none: no cache).
    pub fn new(cache: Option<PathBuf>) -> Downloader {
        Downloader {
            cache,
            agents: Vec::new(),
            temporaries: 0,
        }
    }

    /// Downloads `url` (described as `what` on the progress bar) to a file:
    /// the cached copy when the server says it is current, else a fresh one.
    pub fn get(&mut self, url: &str, what: &str) -> Result<Downloaded, Failed> {
        let cached = self.cache.as_deref().map(|dir| cache_path(dir, url));
        let meta = cached.as_deref().and_then(|p| read_meta(p, url));
        let agent = self.agent(url)?;
        let mut request = agent.get(url);
        if let Some(meta) = &meta {
            if let Some(etag) = &meta.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(date) = &meta.last_modified {
                request = request.header("If-Modified-Since", date);
            }
        }
        let response = request
            .call()
            .map_err(|e| Failed::Http(format!("{url}: {}", describe(&e))))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            let (Some(path), Some(_)) = (cached, meta) else {
                return Err(Failed::Http(format!(
                    "{url}: the server answered 304 Not Modified to a request that was not conditional"
                )));
            };
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            return Ok(Downloaded {
                path,
                size,
                revalidated: true,
                temporary: false,
            });
        }
        if !status.is_success() {
            return Err(Failed::Http(refused(url, response)));
        }
        let (path, temporary) = match cached {
            Some(path) => (path, false),
            None => {
                self.temporaries += 1;
                let name = format!(
                    "acumen-fetch-{}-{}.json",
                    std::process::id(),
                    self.temporaries
                );
                (std::env::temp_dir().join(name), true)
            }
        };
        let meta = Meta {
            url: url.to_string(),
            etag: header(&response, "etag"),
            last_modified: header(&response, "last-modified"),
        };
        let size = save(url, what, response, &path)?;
        if !temporary {
            write_meta(&path, &meta)?;
        }
        Ok(Downloaded {
            path,
            size,
            revalidated: false,
            temporary,
        })
    }

    /// Forgets the cached copy of `url` (it turned out unreadable).
    pub fn forget(&self, url: &str) {
        if let Some(dir) = &self.cache {
            let path = cache_path(dir, url);
            let _ = std::fs::remove_file(meta_path(&path));
            let _ = std::fs::remove_file(path);
        }
    }

    /// The client for `url`'s proxy.
    fn agent(&mut self, url: &str) -> Result<&Agent, Failed> {
        let proxy = proxy_for(url, &|name| std::env::var(name).ok());
        let index = match self.agents.iter().position(|(p, _)| *p == proxy) {
            Some(i) => i,
            None => {
                let agent = make_agent(proxy.as_deref())
                    .map_err(|e| Failed::Http(format!("{url}: {e}")))?;
                self.agents.push((proxy, agent));
                self.agents.len() - 1
            }
        };
        Ok(&self.agents[index].1)
    }
}

/// A blocking client: statuses are answers, not errors; generous timeouts
/// for slow links, none on the whole body (offers are large).
fn make_agent(proxy: Option<&str>) -> Result<Agent, String> {
    let proxy = proxy
        .map(|p| ureq::Proxy::new(p).map_err(|e| format!("the proxy {p:?} is not usable: {e}")))
        .transpose()?;
    let config = Agent::config_builder()
        .http_status_as_error(false)
        .proxy(proxy)
        .user_agent(format!("acumen/{}", env!("CARGO_PKG_VERSION")))
        .timeout_connect(Some(Duration::from_secs(30)))
        .timeout_recv_response(Some(Duration::from_secs(60)))
        .timeout_per_read(Some(Duration::from_secs(60)))
        .build();
    Ok(Agent::new_with_config(config))
}

/// The proxy for `url` from the environment (read through `var`), or none.
pub fn proxy_for(url: &str, var: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
    let https = url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"));
    let proxy = if https {
        set("HTTPS_PROXY").or_else(|| set("https_proxy"))
    } else {
        set("HTTP_PROXY").or_else(|| set("http_proxy"))
    }
    .or_else(|| set("ALL_PROXY"))
    .or_else(|| set("all_proxy"))?;
    let no_proxy = set("NO_PROXY").or_else(|| set("no_proxy"));
    match no_proxy {
        Some(list) if bypasses(&list, host_of(url)) => None,
        _ => Some(proxy.trim().to_string()),
    }
}

/// The host of `url`, without brackets, port or user.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or("");
    }
    authority.split(':').next().unwrap_or("")
}

/// Whether `NO_PROXY` (comma-separated hosts, domain suffixes such as
/// `.example.com` or `example.com`, or `*`) lists `host`.
fn bypasses(list: &str, host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    list.split(',').map(str::trim).any(|raw| {
        let entry = raw.to_ascii_lowercase();
        if entry == "*" {
            return true;
        }
        let entry = entry.trim_start_matches('*');
        // A port in the entry (`host:8080`) is ignored; IPv6 in brackets kept.
        let entry = match entry.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or(""),
            None => entry.split(':').next().unwrap_or(""),
        };
        let domain = entry.trim_start_matches('.');
        !domain.is_empty()
            && (host == domain || host.strip_suffix(domain).is_some_and(|h| h.ends_with('.')))
    })
}

/// The error of a request that got no answer, in words.
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::HostNotFound => String::from("the host was not found"),
        ureq::Error::ConnectionFailed => String::from("cannot connect to the server"),
        ureq::Error::Timeout(t) => format!("timed out ({t})"),
        ureq::Error::Io(io) => format!("cannot download: {io}"),
        other => format!("cannot download: {other}"),
    }
}

/// The message for an error status: the URL, the status and the start of
/// what the server said.
fn refused(url: &str, response: Response<ureq::Body>) -> String {
    let status = response.status();
    let reason = status.canonical_reason().unwrap_or("");
    let mut said = Vec::new();
    // The body only explains the status; a failure to read it is not news.
    let _ = response
        .into_body()
        .into_reader()
        .take(300)
        .read_to_end(&mut said);
    let said = String::from_utf8_lossy(&said);
    let said: String = said.split_whitespace().collect::<Vec<_>>().join(" ");
    let said: String = said.chars().take(200).collect();
    if said.is_empty() {
        format!("{url}: the server answered {} {reason}", status.as_u16())
    } else {
        format!(
            "{url}: the server answered {} {reason}: {said}",
            status.as_u16()
        )
    }
}

fn header(response: &Response<ureq::Body>, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(String::from)
}

/// Streams the body to `path` (through a `.part` file renamed at the end),
/// checking its length; returns the size.
fn save(url: &str, what: &str, response: Response<ureq::Body>, path: &Path) -> Result<u64, Failed> {
    let expected: Option<u64> = header(&response, "content-length").and_then(|v| v.parse().ok());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Failed::Io(format!("{}: {e}", dir.display())))?;
    }
    let part = path.with_extension(format!("part-{}", std::process::id()));
    let written = copy_body(url, what, response, &part, expected);
    let outcome = written.and_then(|n| match expected {
        Some(length) if n != length => Err(Failed::Http(format!(
            "{url}: the download ended early: {n} of {length} bytes (Content-Length)"
        ))),
        _ => Ok(n),
    });
    match outcome {
        Ok(n) => {
            std::fs::rename(&part, path)
                .map_err(|e| Failed::Io(format!("{}: {e}", path.display())))?;
            Ok(n)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}

/// Copies the body to `part`, drawing progress; returns the bytes copied.
fn copy_body(
    url: &str,
    what: &str,
    response: Response<ureq::Body>,
    part: &Path,
    expected: Option<u64>,
) -> Result<u64, Failed> {
    let file = File::create(part).map_err(|e| Failed::Io(format!("{}: {e}", part.display())))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut body = response.into_body().into_reader();
    let mut bar = Progress::on_stderr(format!("downloading {what}"), true);
    let mut buf = vec![0u8; 1 << 16];
    let mut n: u64 = 0;
    loop {
        let read = match body.read(&mut buf) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(Failed::Http(match expected {
                    Some(length) => format!(
                        "{url}: the download ended early: {n} of {length} bytes (Content-Length): {e}"
                    ),
                    None => format!("{url}: the download failed after {n} bytes: {e}"),
                }));
            }
        };
        out.write_all(&buf[..read])
            .map_err(|e| Failed::Io(format!("{}: {e}", part.display())))?;
        n += read as u64;
        match expected {
            Some(length) => bar.set(n as f64 / length.max(1) as f64),
            // No length: a count of megabytes, redrawn as it grows.
            None if (n - read as u64) >> 20 != n >> 20 || n == read as u64 => {
                bar.status(&format!("downloading {what}: {} MB", n >> 20));
            }
            None => {}
        }
    }
    out.flush()
        .map_err(|e| Failed::Io(format!("{}: {e}", part.display())))?;
    bar.finish();
    Ok(n)
}

/// Where `url` is cached under `dir`: `host[_port]/path`, each part made
/// safe for a file name. All-digit folders (the offer's version, e.g.
/// `20261101000000`) are one folder, `version`, so that each region keeps
/// one file however often the price list is republished.
pub fn cache_path(dir: &Path, url: &str) -> PathBuf {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut path = dir.to_path_buf();
    for (i, part) in rest.split('/').filter(|p| !p.is_empty()).enumerate() {
        let safe: String = part
            .chars()
            .map(|c| match c {
                'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '-' | '_' => c,
                _ => '_',
            })
            .collect();
        let safe = match safe.as_str() {
            "." | ".." => safe.replace('.', "_"),
            s if i > 0 && s.len() >= 8 && s.bytes().all(|b| b.is_ascii_digit()) => {
                String::from("version")
            }
            _ => safe,
        };
        path.push(safe);
    }
    path
}

fn meta_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".meta.json");
    path.with_file_name(name)
}

/// The cache's record for `url`, if its body is there and it was stored
/// for this very URL.
fn read_meta(path: &Path, url: &str) -> Option<Meta> {
    if !path.is_file() {
        return None;
    }
    let text = std::fs::read_to_string(meta_path(path)).ok()?;
    let meta: Meta = serde_json::from_str(&text).ok()?;
    (meta.url == url && (meta.etag.is_some() || meta.last_modified.is_some())).then_some(meta)
}

fn write_meta(path: &Path, meta: &Meta) -> Result<(), Failed> {
    let target = meta_path(path);
    let text = serde_json::to_string_pretty(meta)
        .map_err(|e| Failed::Io(format!("{}: {e}", target.display())))?;
    std::fs::write(&target, text).map_err(|e| Failed::Io(format!("{}: {e}", target.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn each_scheme_has_its_proxy() {
        let vars = [
            ("HTTPS_PROXY", "http://secure:3128"),
            ("http_proxy", "http://plain:8080"),
        ];
        let e = env(&vars);
        assert_eq!(
            proxy_for("https://pricing.us-east-1.amazonaws.com/x", &e).as_deref(),
            Some("http://secure:3128")
        );
        assert_eq!(
            proxy_for("http://127.0.0.1:9/x", &e).as_deref(),
            Some("http://plain:8080")
        );
        let all = [("ALL_PROXY", "socks5://s:1080")];
        assert_eq!(
            proxy_for("https://h/x", &env(&all)).as_deref(),
            Some("socks5://s:1080")
        );
        assert_eq!(
            proxy_for("https://h/x", &env(&[("HTTPS_PROXY", " ")])),
            None
        );
        assert_eq!(proxy_for("https://h/x", &env(&[])), None);
    }

    #[test]
    fn no_proxy_lists_hosts_and_domains() {
        let vars = [
            ("HTTPS_PROXY", "http://p:3128"),
            (
                "NO_PROXY",
                "localhost, .internal.example,amazonaws.com:443,[::1]",
            ),
        ];
        let e = env(&vars);
        assert_eq!(
            proxy_for("https://pricing.us-east-1.amazonaws.com/", &e),
            None
        );
        assert_eq!(proxy_for("https://amazonaws.com/", &e), None);
        assert_eq!(proxy_for("https://LOCALHOST:8443/", &e), None);
        assert_eq!(proxy_for("https://a.internal.example/", &e), None);
        assert_eq!(proxy_for("https://[::1]:8443/", &e), None);
        assert!(proxy_for("https://notamazonaws.com/", &e).is_some());
        assert!(proxy_for("https://internal.example.org/", &e).is_some());
        let star = [("HTTPS_PROXY", "http://p:3128"), ("no_proxy", "*")];
        assert_eq!(proxy_for("https://anything/", &env(&star)), None);
    }

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(
            host_of("https://user:pw@Example.com:8443/a?b"),
            "Example.com"
        );
        assert_eq!(host_of("http://[::1]:80/"), "::1");
        assert_eq!(host_of("http://127.0.0.1"), "127.0.0.1");
    }

    #[test]
    fn cache_paths_are_safe_and_drop_versions() {
        let dir = Path::new("/c");
        assert_eq!(
            cache_path(
                dir,
                "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonRDS/20261101000000/eu-central-1/index.json"
            ),
            Path::new(
                "/c/pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonRDS/version/eu-central-1/index.json"
            )
        );
        assert_eq!(
            cache_path(dir, "http://127.0.0.1:8080/../x/%2e%2e/a b?q=1"),
            Path::new("/c/127.0.0.1_8080/__/x/_2e_2e/a_b")
        );
        assert_eq!(
            meta_path(Path::new("/c/h/index.json")),
            Path::new("/c/h/index.json.meta.json")
        );
    }
}
