// @ts-check
// The calculator's service worker: it caches the page's files when it is
// installed, so that the page works offline once it has been loaded.
// scripts/build-site.mjs fills in the version (a hash of the files' contents)
// and the list of files; each build with different files is a new cache, and
// the old one is deleted once the new worker takes over.
// The worker's own globals, typed (service-worker.d.ts: the type check knows the DOM's).
const worker = /** @type {import("./service-worker").Scope} */ (/** @type {unknown} */ (self));
const VERSION = "development";
const FILES = [];
const CACHE = `acumen-${VERSION}`;
/** The cache, opened once per start of the worker rather than once per request. */
let opened = null;
const cache = () => (opened ??= caches.open(CACHE));

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await (await cache()).addAll(FILES.map((file) => new Request(file, { cache: "no-cache" })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("acumen-") && name !== CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  // The page itself, under whatever query it was opened with, is the cached "./".
  const scope = new URL(worker.registration.scope).pathname;
  const page = request.mode === "navigate" && (url.pathname === scope || url.pathname === `${scope}index.html`);
  event.respondWith(
    (async () => {
      const cached = await (await cache()).match(page ? "./" : request, { ignoreSearch: page });
      return cached ?? fetch(request);
    })(),
  );
});
