// @ts-check
// The page's calculation engines: engine.js operations run in a Web Worker
// (worker.js), or on this thread until the worker is ready (or where it
// cannot run), and only the latest request's answer is shown.
import { runLocally, wasmModule } from "../boot.js";

/** Marks an error as the worker's failure to run at all (not a failed operation). */
class WorkerFailure extends Error {}

/**
 * @typedef {(op: string, args?: any) => Promise<any>} Call
 * @typedef {{ resolve: (value: any) => void, reject: (error: any) => void }} Pending
 */

/**
 * A client of one worker running engine.js: `call(op, args)` resolves with its answer.
 * @returns {{ call: Call } | null}
 */
function workerClient() {
  /** @type {Worker} */
  let worker;
  try {
    // Beside the page (this module is bundled into app.js, whose own address is the page's folder).
    worker = new Worker(new URL("worker.js", document.baseURI), { type: "module", name: "acumen" });
  } catch {
    return null;
  }
  /** @type {Map<number, Pending>} */
  const calls = new Map();
  let next = 0;
  /** @type {WorkerFailure | null} */
  let failure = null;
  worker.addEventListener("message", ({ data }) => {
    const call = calls.get(data?.id);
    if (!call) return;
    calls.delete(data.id);
    if (data.ok) call.resolve(data.value);
    else call.reject(Object.assign(new Error(data.error?.message), data.error));
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    const lost = new WorkerFailure(event.message || "the calculation worker did not start");
    failure = lost;
    for (const call of calls.values()) call.reject(lost);
    calls.clear();
  });
  return {
    call(op, args) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = ++next;
        calls.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      });
    },
  };
}

/**
 * A calculation engine: a worker, given the compiled module once `start()`
 * has been called and it is ready, and this thread until then (or if the
 * worker cannot run).
 * @param {{ onStarted?: () => void, waitForWorker?: boolean }} [options]
 */
function engineClient({ onStarted = () => {}, waitForWorker = false } = {}) {
  /** @type {{ call: Call } | null} */
  let remote = null;
  let started = false;
  /** @type {Promise<void> | null} */
  let ready = null;
  const start = () => {
    if (ready) return ready;
    const client = typeof Worker === "function" ? workerClient() : null;
    remote = client;
    ready = client
      ? wasmModule
          .then((module) => client.call("load", { module }))
          .then(
            () => {
              started = true;
              onStarted();
            },
            () => {
              remote = null;
            },
          )
      : Promise.resolve();
    return ready;
  };
  return {
    start,
    /** @type {Call} */
    async call(op, args) {
      // Work that should never run on the page waits for its worker to start.
      if (waitForWorker) await start();
      if (remote && started) {
        try {
          return await remote.call(op, args);
        } catch (error) {
          if (!(error instanceof WorkerFailure)) throw error;
          remote = null;
        }
      }
      return runLocally(op, args);
    },
  };
}

/**
 * Runs one operation at a time and shows only the latest request's answer:
 * a request made while another runs waits (replacing any older waiting one),
 * and an answer that a newer request has overtaken is dropped.
 * @template A, V
 * @param {(args: A) => Promise<V>} call
 * @param {(outcome: { value?: V, error?: any }, args: A) => void} handle
 */
export function latestWins(call, handle) {
  let seq = 0;
  let running = false;
  /** @type {{ seq: number, args: A } | null} */
  let queued = null;
  /** @param {{ seq: number, args: A }} job */
  const pump = (job) => {
    running = true;
    call(job.args)
      .then((value) => ({ value }), (error) => ({ error }))
      .then((outcome) => {
        running = false;
        if (queued) {
          const next = queued;
          queued = null;
          pump(next);
        }
        if (job.seq === seq) handle(outcome, job.args);
      });
  };
  return {
    /** @param {A} args */
    request(args) {
      const job = { seq: ++seq, args };
      if (running) queued = job;
      else pump(job);
    },
    /** Drops the answers of every request made so far. */
    cancel() {
      seq++;
      queued = null;
    },
    /** Whether a request is running or waiting. */
    get busy() {
      return running || queued !== null;
    },
  };
}

// The estimates' worker starts once the first result is on screen (boot.js computes that one here),
// so that the two never compete for the processor.
export const estimator = engineClient({
  onStarted() {
    // Where the estimates run now, for the curious and for the tests.
    document.documentElement.dataset.engine = "worker";
  },
});

/** @type {ReturnType<typeof engineClient> | null} */
let analyst = null;
/**
 * Heavier, optional work (the optimizer, templates, CSV files) runs in a second worker, started on first use.
 * @type {Call}
 */
export const analysis = (op, args) => (analyst ??= engineClient({ waitForWorker: true })).call(op, args);
