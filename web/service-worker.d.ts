// The parts of a service worker's global scope and events that sw.js uses:
// the page's type check (web/tsconfig.json) has the DOM's types, not the
// worker's. Not shipped (scripts/build-site.mjs copies no .d.ts).
export type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
export type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
export interface Scope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { scope: string };
  location: Location;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}
