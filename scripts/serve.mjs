// A small static file server for the calculator page (node:http only).
//
//   node scripts/serve.mjs [--dir target/site] [--port 8080] [--host 127.0.0.1] [--compress]
//
// As a module: `const { url, close } = await startServer({ dir, compress })`.
//
// With `compress`, text and wasm go out brotli- or gzip-compressed when the
// browser accepts it, as a static host (a CDN, GitHub Pages, S3 behind
// CloudFront) serves them; each file is compressed once per version.
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { extname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
};

/**
 * The page's Content-Security-Policy, also sent as a header: workers and the
 * service worker take their policy from their own response, which the page's
 * meta tag cannot give. Kept equal to the meta tag in web/index.html (the
 * browser tests compare them, and check the hash against the page's one
 * inline script).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'sha256-5I+qA+LlrdfzntzVP9AyZXHOXvv7MVwb98oSW89l8FU=' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/** Types worth compressing: text and wasm (images are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript|manifest\+json))/;

/** Compressed bodies by encoding, path, size and modification time. */
const compressed = new Map();

/** The body of `file` in `encoding` (`br` or `gzip`), compressed once. */
async function compressedBody(file, info, encoding) {
  const key = `${encoding} ${file} ${info.size} ${info.mtimeMs}`;
  let body = compressed.get(key);
  if (!body) {
    const raw = await readFile(file);
    body =
      encoding === "br"
        ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipSync(raw, { level: 9 });
    compressed.set(key, body);
  }
  return body;
}

/** The encoding to answer `accept` (an Accept-Encoding header) with, if any. */
function chooseEncoding(accept) {
  const offered = String(accept ?? "")
    .split(",")
    .map((part) => part.trim().split(";")[0]);
  return offered.includes("br") ? "br" : offered.includes("gzip") ? "gzip" : null;
}

/** True when `path` is `dir` itself or lies inside it. */
function isInside(dir, path) {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function sendText(res, status, text, extraHeaders = {}) {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    ...extraHeaders,
  });
  res.end(text);
}

/**
 * Serves the files under `dir`. Resolves once listening, with the base URL
 * (ending in "/") and a `close()` that stops the server.
 *
 * @param {{ dir: string, port?: number, host?: string, compress?: boolean }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startServer({ dir, port = 0, host = "127.0.0.1", compress = false }) {
  if (!dir) throw new TypeError("startServer: `dir` is required");
  const base = await realpath(resolve(dir));
  if (!(await stat(base)).isDirectory()) throw new Error(`startServer: ${base} is not a directory`);

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        sendText(res, 405, "Method Not Allowed\n", { Allow: "GET, HEAD" });
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      } catch {
        sendText(res, 400, "Bad Request\n");
        return;
      }
      if (pathname.includes("\0")) {
        sendText(res, 400, "Bad Request\n");
        return;
      }
      let file = resolve(base, `.${pathname.startsWith("/") ? "" : "/"}${pathname}`);
      if (!isInside(base, file)) {
        sendText(res, 403, "Forbidden\n");
        return;
      }
      let info;
      try {
        // Resolve symlinks too, so that a link cannot lead outside `dir`.
        file = await realpath(file);
        if (!isInside(base, file)) {
          sendText(res, 403, "Forbidden\n");
          return;
        }
        info = await stat(file);
        if (info.isDirectory()) {
          if (!pathname.endsWith("/")) {
            const location = `${encodeURI(pathname)}/`;
            res.writeHead(301, { Location: location, "Cache-Control": "no-cache" });
            res.end();
            return;
          }
          file = resolve(file, "index.html");
          info = await stat(file);
        }
      } catch {
        sendText(res, 404, "Not Found\n");
        return;
      }
      if (!info.isFile()) {
        sendText(res, 404, "Not Found\n");
        return;
      }
      const type = MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
      const encoding = compress && COMPRESSIBLE.test(type) ? chooseEncoding(req.headers["accept-encoding"]) : null;
      const body = encoding ? await compressedBody(file, info, encoding) : null;
      res.writeHead(200, {
        "Content-Type": type,
        "Content-Length": body ? body.length : info.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
        ...(compress ? { Vary: "Accept-Encoding" } : {}),
        ...(encoding ? { "Content-Encoding": encoding } : {}),
        ...(type.startsWith("text/html") || type.startsWith("text/javascript") ? { "Content-Security-Policy": CONTENT_SECURITY_POLICY } : {}),
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      if (body) {
        res.end(body);
        return;
      }
      const stream = createReadStream(file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) sendText(res, 500, "Internal Server Error\n");
      else res.destroy();
    }
  });

  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const address = server.address();
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}/`;
  const close = () =>
    new Promise((ok, fail) => {
      server.close((err) => (err ? fail(err) : ok()));
      server.closeAllConnections?.();
    });
  return { url, close };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({
    options: {
      dir: { type: "string", default: resolve(root, "target/site") },
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      compress: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port must be an integer from 0 to 65535, got ${values.port}`);
    process.exit(2);
  }
  try {
    const { url } = await startServer({ dir: values.dir, port, host: values.host, compress: values.compress });
    console.log(`Acumen calculator: ${url}`);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    if (err.code === "ENOENT") console.error("Build the site first: node scripts/build-site.mjs");
    process.exit(1);
  }
}
